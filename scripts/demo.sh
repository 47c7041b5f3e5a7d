#!/usr/bin/env bash
# Set up and start the application with demo data: ./scripts/demo.sh
#
# Creates .venv (if missing), installs the application, fills a demo database in
# ./demo-data (once), and starts the counter application on it - with the
# residents' tracking service beside it on http://127.0.0.1:8080, the address the
# demo's QR codes carry (so a scanned or clicked code opens its page).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .

export COUNTER_APP_DATA="${COUNTER_APP_DATA:-$PWD/demo-data}"
if [ ! -f "$COUNTER_APP_DATA/counter.db" ] && [ -z "${COUNTER_APP_DB:-}" ]; then
    .venv/bin/counter-app demo
fi
if [ "$#" -gt 0 ]; then
    exec .venv/bin/counter-app "$@"          # a command on the demo database: no service needed
fi

# the tracking service (read-only) for as long as the window is open; when the port
# is taken (one is running already), the window opens all the same
mkdir -p "$COUNTER_APP_DATA/logs"
.venv/bin/counter-app tracking serve --host 127.0.0.1 --port 8080 \
    >"$COUNTER_APP_DATA/logs/tracking.log" 2>&1 &
tracking=$!
trap 'kill "$tracking" 2>/dev/null || true' EXIT
echo "居民查询服务：http://127.0.0.1:8080/ （日志 $COUNTER_APP_DATA/logs/tracking.log）"
.venv/bin/counter-app
