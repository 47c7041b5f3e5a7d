#!/usr/bin/env bash
# Set up and run the tests: ./scripts/test.sh [pytest arguments]
#
# Creates .venv (if missing), installs the project with its test and lint extras,
# starts a throwaway PostgreSQL server when Debian's PostgreSQL is installed (so the
# persistence tests run on both databases), then runs pytest.  With
# COUNTER_APP_LINT=1 (CI sets it) ruff and mypy run first and a finding fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test,lint]"

if [ -n "${COUNTER_APP_LINT:-}" ]; then
    echo "ruff check ." >&2
    .venv/bin/ruff check .
    echo "mypy (strict: counter_app, printing)" >&2
    .venv/bin/mypy
fi

if [ -z "${COUNTER_APP_TEST_PG:-}" ]; then
    eval "$(scripts/pg-throwaway.sh start)"
fi
if [ -z "${COUNTER_APP_TEST_PG:-}" ]; then
    echo "PostgreSQL is not installed here: its tests will be skipped" \
         "(apt-get install postgresql postgresql-contrib to run them)." >&2
fi
export COUNTER_APP_TEST_PG="${COUNTER_APP_TEST_PG:-}"
exec .venv/bin/python -m pytest "$@"
