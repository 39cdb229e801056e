#!/usr/bin/env bash
# Runs the benchmarks against the real local stack (its own database, mantelzorg_bench).
# `npm run bench` runs all; `npm run bench -- fanout --recipients 20000` runs one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stack.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
stack_up mantelzorg_bench
case "$REDIS_URL" in "redis://127.0.0.1:$REDIS_PORT") export REDIS_URL="$REDIS_URL/2" ;; esac
export NODE_ENV=development
npm run --silent build >/dev/null
node dist/apps/cli/main.js db:migrate >/dev/null
npx tsx bench/run.ts "$@"
