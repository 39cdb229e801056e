#!/usr/bin/env bash
# Brings the whole platform up on this machine: dependencies, Postgres, Redis, mail
# catcher, migrations, demo data, API and worker. Ctrl-C stops API and worker.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
source scripts/stack.sh

install_dependencies

stack_up mantelzorg --mail
export NODE_ENV="${NODE_ENV:-development}"
export APP_BASE_URL="${APP_BASE_URL:-http://localhost:${PORT:-3000}}"

log "Building"
npm run --silent build >/dev/null
log "Migrating"
node dist/apps/cli/main.js db:migrate
if [ "$NODE_ENV" != production ]; then node dist/apps/cli/main.js seed:demo; fi

NODE_OPTIONS="$API_NODE_OPTIONS" node dist/apps/api/main.js &
api=$!
NODE_OPTIONS="$WORKER_NODE_OPTIONS" node dist/apps/worker/main.js &
worker=$!
trap 'kill -TERM $api $worker 2>/dev/null; wait $api $worker 2>/dev/null; exit 0' INT TERM

for _ in $(seq 1 100); do answers 127.0.0.1 "${PORT:-3000}" && break; sleep 0.2; done
if [ "$NODE_ENV" != production ]; then node scripts/demo-appreciation.mjs "http://127.0.0.1:${PORT:-3000}" || true; fi
cat >&2 <<TXT

  Mantelzorg platform is running.
    Portal          ${APP_BASE_URL}/
    API docs        http://localhost:${PORT:-3000}/api/docs
    Health          http://localhost:${PORT:-3000}/health
    Queue health    http://localhost:${WORKER_PORT:-3001}/health
    Mail catcher    ${MAIL_CATCHER_URL:-(using SMTP_URL)}
    Demo admin      admin@landsmeer.example.nl / demo-admin-landsmeer
    Demo staff      consulent@landsmeer.example.nl / demo-staff-landsmeer
    Demo carer      mantelzorger@landsmeer.example.nl / demo-carer-landsmeer (sign in on the portal)
  Ctrl-C stops API and worker; Postgres, Redis and the mail catcher keep running
  (stop them with: bash scripts/stack-down.sh).

TXT
wait -n $api $worker
