#!/usr/bin/env bash
# Refresh the English translation of the counter UI.
#
#   scripts/translations.sh          # lupdate: collect new strings into ui/translations/counter_en.ts
#                                    # lrelease: compile counter_en.qm (shipped, loaded for COUNTER_APP_LANG=en)
# The source strings are Chinese; translate new entries in counter_en.ts
# (Qt Linguist, or by hand), then run this again to compile.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find ui -name '*.py' -not -path '*/__pycache__/*' | sort)
pyside6-lupdate -no-obsolete "${sources[@]}" -ts ui/translations/counter_en.ts
pyside6-lrelease ui/translations/counter_en.ts -qm ui/translations/counter_en.qm
