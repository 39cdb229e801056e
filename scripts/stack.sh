#!/usr/bin/env bash
# Provides Postgres, Redis and (optionally) a mail catcher for local runs and tests.
# Uses DATABASE_URL / REDIS_URL / SMTP_URL when they answer; otherwise starts its own
# servers on loopback from Debian's packages (installing them when missing), with
# their data under .stack/. Source it: `source scripts/stack.sh; stack_up [--mail]`.
set -euo pipefail

STACK_DIR="${STACK_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.stack}"
PG_PORT="${STACK_PG_PORT:-54329}"
REDIS_PORT="${STACK_REDIS_PORT:-63799}"
SMTP_PORT="${STACK_SMTP_PORT:-1025}"
MAIL_UI_PORT="${STACK_MAIL_UI_PORT:-1080}"
# The schema's owner runs migrations; the processes connect as the application's role.
LOCAL_DB_USER=mantelzorg
LOCAL_DB_PASSWORD=mantelzorg
LOCAL_APP_DB_USER=mantelzorg_app
LOCAL_APP_DB_PASSWORD=mantelzorg_app

log() { printf '\033[1;34m[stack]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[stack]\033[0m %s\n' "$*" >&2; exit 1; }

# host and port of a URL, "host port"
url_host_port() {
  node -e 'const u = new URL(process.argv[1]); const d = {"postgres:":5432,"postgresql:":5432,"redis:":6379,"rediss:":6379,"smtp:":25,"smtps:":465}; console.log(u.hostname.replace(/^\[|\]$/g, ""), u.port || d[u.protocol] || 0)' "$1"
}

answers() { # host port
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

url_answers() {
  local hp; hp=$(url_host_port "$1") || return 1
  # shellcheck disable=SC2086
  answers $hp
}

apt_install() {
  [ "$(id -u)" = 0 ] || die "Missing $*; install it (Debian: apt-get install $*) or set the matching *_URL."
  log "Installing $* from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    apt_install postgresql postgresql-contrib
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  printf '%s' "$dir"
}

as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_local_postgres() {
  local bin data="$STACK_DIR/postgres"
  bin=$(pg_bin)
  mkdir -p "$STACK_DIR"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "Creating a Postgres cluster in $data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    as_pg_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! answers 127.0.0.1 "$PG_PORT"; then
    log "Starting Postgres on 127.0.0.1:$PG_PORT"
    as_pg_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  fi
  local psql=("$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='$LOCAL_DB_USER'")" != 1 ]; then
    "${psql[@]}" -c "create role $LOCAL_DB_USER login password '$LOCAL_DB_PASSWORD'" >/dev/null
  fi
  # The test suite gives each of its workers a database of its own (test/support/global-setup.ts).
  "${psql[@]}" -c "alter role $LOCAL_DB_USER createdb" >/dev/null
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='$LOCAL_APP_DB_USER'")" != 1 ]; then
    "${psql[@]}" -c "create role $LOCAL_APP_DB_USER login password '$LOCAL_APP_DB_PASSWORD'" >/dev/null
  fi
  local db
  for db in "$@"; do
    if [ "$("${psql[@]}" -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
      "${psql[@]}" -c "create database $db owner $LOCAL_DB_USER" >/dev/null
    fi
  done
}

# Debian's Chromium, for the portal's browser tests (playwright-core drives it; nothing is downloaded).
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return; fi
  command -v chromium >/dev/null || apt_install chromium
  export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
}

start_local_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$STACK_DIR/redis"
  if ! answers 127.0.0.1 "$REDIS_PORT"; then
    log "Starting Redis on 127.0.0.1:$REDIS_PORT"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STACK_DIR/redis" --daemonize yes \
      --appendonly yes --save '' --logfile "$STACK_DIR/redis/redis.log" --pidfile "$STACK_DIR/redis/redis.pid" >/dev/null
    for _ in $(seq 1 50); do answers 127.0.0.1 "$REDIS_PORT" && break; sleep 0.1; done
  fi
}

start_local_mail_catcher() {
  if ! answers 127.0.0.1 "$SMTP_PORT"; then
    log "Starting the mail catcher (SMTP 127.0.0.1:$SMTP_PORT, web http://127.0.0.1:$MAIL_UI_PORT)"
    mkdir -p "$STACK_DIR"
    nohup node_modules/.bin/maildev --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAIL_UI_PORT" \
      >"$STACK_DIR/maildev.log" 2>&1 &
    echo $! >"$STACK_DIR/maildev.pid"
    for _ in $(seq 1 100); do answers 127.0.0.1 "$SMTP_PORT" && break; sleep 0.1; done
    answers 127.0.0.1 "$SMTP_PORT" || die "The mail catcher did not start; see $STACK_DIR/maildev.log"
  fi
  export MAIL_CATCHER_URL="http://127.0.0.1:$MAIL_UI_PORT"
}

# stack_up DBNAME [--mail]: exports DATABASE_URL, REDIS_URL (and SMTP_URL with --mail).
stack_up() {
  local db="$1"; shift
  if [ -n "${DATABASE_URL:-}" ] && url_answers "$DATABASE_URL"; then
    log "Using Postgres at DATABASE_URL"
  else
    [ -n "${DATABASE_URL:-}" ] && log "DATABASE_URL does not answer; starting a local Postgres instead"
    start_local_postgres "$db"
    export DATABASE_MIGRATION_URL="postgres://$LOCAL_DB_USER:$LOCAL_DB_PASSWORD@127.0.0.1:$PG_PORT/$db"
    export DATABASE_URL="postgres://$LOCAL_APP_DB_USER:$LOCAL_APP_DB_PASSWORD@127.0.0.1:$PG_PORT/$db"
  fi
  if [ -n "${REDIS_URL:-}" ] && url_answers "$REDIS_URL"; then
    log "Using Redis at REDIS_URL"
  else
    [ -n "${REDIS_URL:-}" ] && log "REDIS_URL does not answer; starting a local Redis instead"
    start_local_redis
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  fi
  if [ "${1:-}" = "--mail" ]; then
    if [ -n "${SMTP_URL:-}" ] && url_answers "$SMTP_URL"; then
      log "Using SMTP at SMTP_URL"
    else
      start_local_mail_catcher
      export SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
    fi
  fi
}

stack_down() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -f "$STACK_DIR/postgres/postmaster.pid" ] && [ -n "$bin" ] && as_pg_owner "$bin/pg_ctl" -D "$STACK_DIR/postgres" -m fast stop >/dev/null || true
  [ -f "$STACK_DIR/redis/redis.pid" ] && kill "$(cat "$STACK_DIR/redis/redis.pid")" 2>/dev/null || true
  [ -f "$STACK_DIR/maildev.pid" ] && kill "$(cat "$STACK_DIR/maildev.pid")" 2>/dev/null || true
  log "Local stack stopped"
}
