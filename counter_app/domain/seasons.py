"""Heating seasons are named by their two years: "2025-2026"."""

from __future__ import annotations

import datetime as dt

# a season's billing year turns in the summer: from July the coming winter is meant
TURN_MONTH = 7


def season_of(day: dt.date) -> str:
    """The heating season a day belongs to, for billing: 2025-11-20 -> "2025-2026"."""
    start = day.year if day.month >= TURN_MONTH else day.year - 1
    return f"{start}-{start + 1}"
