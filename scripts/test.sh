#!/usr/bin/env bash
# Runs every test against real Postgres and Redis (an SMTP sink runs inside the tests).
# Provides them like scripts/up.sh does; a given DATABASE_URL must name a database
# whose name ends in _test, because the suite resets its schema.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stack.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm install (not ci): it follows the lock file but tolerates the platform binaries
  # a registry mirror may lack for other operating systems.
  log "Installing dependencies"
  npm install --no-audit --no-fund
fi

stack_up mantelzorg_test
# A local Redis is shared with `npm run up`; tests keep to database 1 of it.
case "$REDIS_URL" in "redis://127.0.0.1:$REDIS_PORT") export REDIS_URL="$REDIS_URL/1" ;; esac
export NODE_ENV=test LOG_LEVEL="${LOG_LEVEL:-silent}" MAIL_RATE_PER_SECOND="${MAIL_RATE_PER_SECOND:-2000}"

log "Type-checking and building"
npm run --silent typecheck
npm run --silent build >/dev/null

log "Running the tests"
npx jest --ci "$@"
