#!/usr/bin/env bash
# Runs the whole test suite as if today were another day (default: the last minutes of a month, so
# the run crosses into the next one): the test processes, a private PostgreSQL and a private Redis all
# run under libfaketime at the same offset, so every clock agrees as it would on a machine whose date
# is that day. The shared services on 5432/6379 are not touched. Needs Debian's faketime package.
#   scripts/test-on-date.sh "2027-01-31 23:40:00"
set -euo pipefail
cd "$(dirname "$0")/.."
AT="${1:-2027-01-31 23:40:00}"
PG_PORT="${PG_PORT:-55432}" REDIS_PORT="${REDIS_PORT:-56379}"
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 2; }
work=$(mktemp -d)
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/postgres | head -1)")
cleanup() {
  "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
chown -R postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
export FAKETIME="@$AT" LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 FAKETIME_DONT_FAKE_MONOTONIC=1
as_pg "LD_PRELOAD=$LD_PRELOAD FAKETIME='$FAKETIME' $pg_bin/initdb -D $work/pg -U postgres -A trust >/dev/null"
as_pg "LD_PRELOAD=$LD_PRELOAD FAKETIME='$FAKETIME' $pg_bin/pg_ctl -D $work/pg -o '-p $PG_PORT -k $work -c listen_addresses=127.0.0.1' -l $work/pg.log -w start >/dev/null"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database test" >/dev/null
redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$work" >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d test -Atc "select 'postgres thinks it is ' || now()"
node -e 'console.log("node thinks it is " + new Date().toISOString())'
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/test" TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
pnpm test
