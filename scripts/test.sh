#!/usr/bin/env bash
# Set up and run the tests: ./scripts/test.sh [pytest arguments]
#
# Creates .venv (if missing), installs the project with its test extras, starts a
# throwaway PostgreSQL server when Debian's PostgreSQL is installed (so the
# persistence tests run on both databases), then runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"

if [ -z "${COUNTER_APP_TEST_PG:-}" ]; then
    eval "$(scripts/pg-throwaway.sh start)"
fi
if [ -z "${COUNTER_APP_TEST_PG:-}" ]; then
    echo "PostgreSQL is not installed here: its tests will be skipped" \
         "(apt-get install postgresql postgresql-contrib to run them)." >&2
fi
export COUNTER_APP_TEST_PG="${COUNTER_APP_TEST_PG:-}"
exec .venv/bin/python -m pytest "$@"
