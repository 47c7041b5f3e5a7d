"""Money in the counter application: integer fen, one rounding rule.

THE rounding rule, stated once: an exact amount (a Decimal or a Fraction of a
fen) becomes whole fen by rounding half up (0.5 fen -> 1 fen; -0.5 -> -1, away
from zero).  Every computation that can produce a part of a fen calls
``round_fen`` exactly once, on the exact value of that bill line, never on
intermediate steps.  Rates are integers: basis points (1 bp = 0.01 %) and parts
per million (ppm).

Lines prorated from one whole (a season cut by a stop, an area change ...) are
rounded on their running exact total: line k = round_fen(S_k) - round_fen(S_k-1),
so the parts always add up to the rounded whole and no fen drifts
(counter_app.domain.settlement proves it with hypothesis).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

BP = 10_000          # basis points in a whole
PPM = 1_000_000      # parts per million in a whole


def round_fen(exact: Decimal | Fraction | int) -> int:
    """Whole fen from an exact number of fen, half up (away from zero)."""
    if isinstance(exact, int):
        return exact
    if isinstance(exact, Fraction):
        exact = Decimal(exact.numerator) / Decimal(exact.denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan(fen: int) -> str:
    """1234567 -> '12,345.67' (sign kept)."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{part:02d}"


@dataclass(frozen=True)
class Line:
    """One typed line of a bill or a statement: what, how much, and on what basis."""

    kind: str                 # heating, basic_fee, item, reduction, discount, late_fee, arrears,
                              # prepaid, paid, credit
    label: str                # Chinese, as printed
    amount_fen: int           # negative for reductions, discounts, prepayments
    basis: dict[str, Any] = field(default_factory=dict)   # schedule line, area, days, rate ... (JSON-safe)


@dataclass(frozen=True)
class Statement:
    """What an account owes on a given day: the open bills' unpaid lines, the
    late fee to that day, an early-payment discount when it applies."""

    account_id: int
    on: str                   # ISO date of the statement
    lines: tuple[Line, ...]
    due_fen: int              # the sum of the lines: what a full payment today is

    @property
    def owed(self) -> bool:
        return self.due_fen > 0
