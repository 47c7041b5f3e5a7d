#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests and print its URL.
#
#   eval "$(scripts/pg-throwaway.sh start)"   -> exports COUNTER_APP_TEST_PG
#   scripts/pg-throwaway.sh stop
#
# Uses Debian's PostgreSQL binaries (apt-get install postgresql postgresql-contrib).
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail

PORT="${COUNTER_APP_PG_PORT:-54329}"
DIR="${COUNTER_APP_PG_DIR:-/tmp/counter-app-pg-$PORT}"

bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done
    command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
    return 1
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

case "${1:-start}" in
start)
    BIN="$(bindir)" || { echo "echo 'PostgreSQL is not installed: its tests will be skipped' >&2"; exit 0; }
    if [ ! -f "$DIR/PG_VERSION" ]; then
        mkdir -p "$DIR"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
        as_owner "$BIN/initdb" -D "$DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
            -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" start >/dev/null
    fi
    for db in counter_test counter_dev; do
        as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 ||
            as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$db"
    done
    echo "export COUNTER_APP_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:$PORT/counter_test"
    ;;
stop)
    BIN="$(bindir)" || exit 0
    as_owner "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
