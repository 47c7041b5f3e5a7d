#!/usr/bin/env bash
# Set up and start the application with demo data: ./scripts/demo.sh
#
# Creates .venv (if missing), installs the application, fills a demo database in
# ./demo-data (once), and starts the counter application on it.
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
exec .venv/bin/counter-app "$@"
