#!/usr/bin/env bash
# Runs the whole test suite as if today were another day (default: the last minutes of a month, so
# the run crosses into the next one): the test processes and a private PostgreSQL run under
# libfaketime at the same offset, so the services clock and the database's now() agree as they would on
# a machine whose date is that day. Redis keeps the real clock (libfaketime clashes with its allocator),
# which is harmless: every TTL we set is relative. The shared PostgreSQL is not touched. Needs Debian's
# faketime package.
#   scripts/test-on-date.sh "2027-01-31 23:40:00"
set -euo pipefail
cd "$(dirname "$0")/.."
AT="${1:-2027-01-31 23:40:00}"
PG_PORT="${PG_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 2; }
work=$(mktemp -d)
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/postgres | head -1)")
cleanup() {
  "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work"; chmod 755 "$work"
chown -R postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
# One offset from the real clock for every process (an absolute "@" start would restart each process's
# clock at the given instant, and processes started later would lag the database).
offset=$(( $(date -u -d "$AT" +%s) - $(date -u +%s) ))
FAKE="LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 FAKETIME='+${offset}s' FAKETIME_DONT_FAKE_MONOTONIC=1"
as_pg "$FAKE $pg_bin/initdb -D $work/pg -U postgres -A trust >/dev/null"
as_pg "$FAKE $pg_bin/pg_ctl -D $work/pg -o '-p $PG_PORT -k $work -c listen_addresses=127.0.0.1' -l $work/pg.log -w start >/dev/null"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database test" >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d test -Atc "select 'postgres thinks it is ' || now()"
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/test"
eval "$FAKE node -e 'console.log(\"node thinks it is \" + new Date().toISOString())'"
eval "$FAKE pnpm test"
