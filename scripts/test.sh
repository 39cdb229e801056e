#!/usr/bin/env bash
# Runs every test against real Postgres and Redis (an SMTP sink runs inside the tests).
# Provides them like scripts/up.sh does; a given DATABASE_URL must name a database
# whose name ends in _test, because the suite resets its schema.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
source scripts/stack.sh

install_dependencies

log "Checking formatting, lint and types"
npm run --silent lint
npm run --silent typecheck

stack_up mantelzorg_test
ensure_chromium
# A local Redis is shared with `npm run up`; tests keep to database 1 of it.
case "$REDIS_URL" in "redis://127.0.0.1:$REDIS_PORT") export REDIS_URL="$REDIS_URL/1" ;; esac
export NODE_ENV=test LOG_LEVEL="${LOG_LEVEL:-silent}" MAIL_RATE_PER_SECOND="${MAIL_RATE_PER_SECOND:-2000}"

log "Building"
build_output=$(npm run --silent build 2>&1) || { printf '%s\n' "$build_output" >&2; die "The build failed"; }

log "Running the tests"
npx jest --ci "$@"
