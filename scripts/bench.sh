#!/usr/bin/env bash
# Runs the benchmarks against the real local stack, in a database of their own (mantelzorg_bench).
# `npm run bench` runs all; `npm run bench -- fanout --recipients 20000` runs one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
source scripts/stack.sh
install_dependencies
stack_up mantelzorg_bench
if [ "${DATABASE_MIGRATION_URL:-}" = "postgres://$LOCAL_DB_USER:$LOCAL_DB_PASSWORD@127.0.0.1:$PG_PORT/mantelzorg_bench" ]; then
  # Every run starts from an empty database, so figures do not drift with earlier runs' rows.
  psql_local=("$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  "${psql_local[@]}" -c "drop database if exists mantelzorg_bench with (force)" -c "create database mantelzorg_bench owner $LOCAL_DB_USER" >/dev/null
fi
case "$REDIS_URL" in "redis://127.0.0.1:$REDIS_PORT")
  export REDIS_URL="$REDIS_URL/2"
  redis-cli -p "$REDIS_PORT" -n 2 flushdb >/dev/null ;;
esac
export NODE_ENV=development
npm run --silent build >/dev/null
node dist/apps/cli/main.js db:migrate >/dev/null
node --import tsx bench/run.ts "$@"
