-- The processes connect as this role; db:migrate (as the owner) grants it what it needs.
CREATE ROLE mantelzorg_app LOGIN PASSWORD 'mantelzorg_app';
