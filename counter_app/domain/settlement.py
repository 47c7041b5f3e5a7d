"""Heating-fee settlement (热费结算): pure arithmetic over plain inputs, no database.

Amounts are integer fen; rates are integers (basis points, ppm); areas are
hundredths of a m².  Every exact value is a ``Fraction`` until it becomes a bill
line, where THE rounding rule of ``counter_app.domain.money.round_fen`` (to the
fen, half up) is applied.

How prorated parts add up to the whole
--------------------------------------
A season bill splits the season into segments (heating, stopped, not connected;
an area change starts a new segment).  Segment i has an exact charge

    e_i = price_fen_per_m2 x area_x100/100 x days_i / season_days   (heating)
    e_i = the same x basic_fee_bp / 10000                           (stopped)

Rounding each e_i on its own could leave the parts a fen away from the rounded
whole.  Instead the parts are rounded *cumulatively*: with S_k = e_1 + ... + e_k
(exact) the k-th line is ``round_fen(S_k) - round_fen(S_{k-1})``.  The sum of the
lines telescopes to ``round_fen(S_n)``: the rounded exact total, whatever the
split.  So a season cut into any number of segments at one area bills exactly
``round_fen(price x area)``, the full-season charge, and each line differs from
its own exact value by less than one fen (half-up rounding errors lie in
(-0.5, +0.5], so a difference of two lies in (-1, +1)).  tests/test_settlement.py
proves both with hypothesis.

Every other line (a reduction, the early-payment discount, a late fee) is one
exact value rounded once with ``round_fen``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Protocol

from counter_app import validation
from counter_app.domain.enums import HeatingState
from counter_app.domain.money import BP, PPM, Line, round_fen, yuan
from counter_app.errors import ValidationError

DAY = dt.timedelta(days=1)
CHARGE_KINDS = ("heating", "basic_fee")      # the heat charge: base of reductions
HEAT_KINDS = ("heating", "basic_fee", "reduction")   # the net heat charge: base of the discount


@dataclass(frozen=True)
class Terms:
    """The numbers of one fee-schedule version that settlement needs."""

    season_start: dt.date
    season_end: dt.date
    due_date: dt.date                 # the late fee runs from the day after
    basic_fee_bp: int                 # 3000 = 30 % of the heating charge
    late_fee_ppm_per_day: int         # 3000 = 3 ‰ a day
    early_discount_bp: int = 0
    early_discount_until: dt.date | None = None


def season_days(terms: Terms) -> int:
    """Legal heating days: both the first and the last day count."""
    return (terms.season_end - terms.season_start).days + 1


@dataclass(frozen=True)
class Segment:
    """A stretch of the season (both ends included) with one state and one area."""

    start: dt.date
    end: dt.date
    state: HeatingState
    area_x100: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Change:
    """From ``effective`` on, the state and/or the area (None: unchanged)."""

    effective: dt.date
    state: HeatingState | None = None
    area_x100: int | None = None


def segments(terms: Terms, state: HeatingState, area_x100: int,
             changes: Iterable[Change] = ()) -> list[Segment]:
    """The season cut at every change date.  ``state``/``area_x100`` hold on the
    first day unless a change is effective on or before it; a change dated after
    the season's end does not count.  Neighbours with equal facts are merged."""
    cuts: list[tuple[dt.date, HeatingState, int]] = [(terms.season_start, state, area_x100)]
    for change in sorted(changes, key=lambda c: c.effective):
        if change.effective > terms.season_end:
            break
        day = max(change.effective, terms.season_start)
        _, last_state, last_area = cuts[-1]
        new = (day, change.state or last_state,
               last_area if change.area_x100 is None else change.area_x100)
        if cuts[-1][0] == day:
            cuts[-1] = new
        else:
            cuts.append(new)
    out: list[Segment] = []
    for i, (start, st, area) in enumerate(cuts):
        end = cuts[i + 1][0] - DAY if i + 1 < len(cuts) else terms.season_end
        if out and (out[-1].state, out[-1].area_x100) == (st, area):
            out[-1] = Segment(out[-1].start, end, st, area)
        else:
            out.append(Segment(start, end, st, area))
    return out


def history_segments(terms: Terms, state: HeatingState, area_x100: int,
                     changes: Sequence[Change], prior: dict[str, Any]) -> list[Segment]:
    """Segments of an account whose current facts are ``state``/``area_x100``
    after ``changes`` (in the order they were recorded).  The facts before the
    first change come from ``prior`` ({"heating_state", "area_x100"}, e.g. from the
    audit trail); without them a first connection owes nothing before its date
    and a first area change counts for the whole season."""
    first_state = next((c.state for c in changes if c.state is not None), None)
    first_area = next((c.area_x100 for c in changes if c.area_x100 is not None), None)
    if first_state is not None:
        fallback = HeatingState.NOT_CONNECTED if first_state is HeatingState.HEATING \
            else HeatingState.HEATING
        state = HeatingState(prior.get("heating_state") or fallback)
    if first_area is not None:
        area_x100 = int(prior.get("area_x100") or first_area)
    return segments(terms, state, area_x100, changes)


def segment_exact(segment: Segment, price_fen_per_m2: int, terms: Terms) -> Fraction:
    """The exact charge of a segment, in fen."""
    if segment.state is HeatingState.NOT_CONNECTED:
        return Fraction(0)
    exact = Fraction(price_fen_per_m2 * segment.area_x100 * segment.days,
                     100 * season_days(terms))
    if segment.state is HeatingState.STOPPED:
        exact = exact * terms.basic_fee_bp / BP
    return exact


def prorate(exacts: Sequence[Fraction]) -> list[int]:
    """Whole-fen parts that add up to ``round_fen(sum(exacts))``: each part is the
    difference of the rounded cumulative sums (see the module docstring)."""
    parts, running, rounded_before = [], Fraction(0), 0
    for exact in exacts:
        running += exact
        rounded = round_fen(running)
        parts.append(rounded - rounded_before)
        rounded_before = rounded
    return parts


def permille(ppm: int) -> str:
    """3000 -> '3', 500 -> '0.5' (per mille, for labels)."""
    whole, part = divmod(ppm, 1000)
    return f"{whole}" if not part else f"{whole}.{part:03d}".rstrip("0")


def percent(bp: int) -> str:
    """3000 -> '30', 250 -> '2.5' (for labels)."""
    whole, part = divmod(bp, 100)
    return f"{whole}" if not part else f"{whole}.{part:02d}".rstrip("0")


def area_text(area_x100: int) -> str:
    return f"{area_x100 // 100}.{area_x100 % 100:02d}"


def exact_text(exact: Fraction) -> str:
    """An exact amount shown in a line's basis, to 1/10000 fen (display only)."""
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return str(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def charge_lines(segs: Sequence[Segment], price_fen_per_m2: int, terms: Terms,
                 basis: dict[str, Any] | None = None) -> list[Line]:
    """Heating lines for heating segments, basic-fee lines for stopped ones,
    nothing for not-connected ones; prorated by :func:`prorate`.  ``basis`` (the
    schedule line) is copied into every line's basis."""
    charged = [s for s in segs if s.state is not HeatingState.NOT_CONNECTED]
    exacts = [segment_exact(s, price_fen_per_m2, terms) for s in charged]
    n_days = season_days(terms)
    lines = []
    for seg, exact, amount in zip(charged, exacts, prorate(exacts), strict=True):
        whole = seg.days == n_days
        span = "" if whole else f" {seg.start:%m-%d}至{seg.end:%m-%d}"
        days = "" if whole else f"×{seg.days}/{n_days}天"
        head = f"{area_text(seg.area_x100)}㎡×{yuan(price_fen_per_m2)}元/㎡"
        line_basis = dict(basis or {}, price_fen_per_m2=price_fen_per_m2,
                          area_x100=seg.area_x100, start=seg.start.isoformat(),
                          end=seg.end.isoformat(), days=seg.days, season_days=n_days,
                          exact_fen=exact_text(exact))
        if seg.state is HeatingState.HEATING:
            lines.append(Line("heating", f"采暖费{span} {head}{days}", amount, line_basis))
        else:
            line_basis["basic_fee_bp"] = terms.basic_fee_bp
            lines.append(Line("basic_fee", f"基本热费（停热）{span} {head}×"
                              f"{percent(terms.basic_fee_bp)}%{days}", amount, line_basis))
    return lines


REDUCTION_KINDS = {"low_income": "低保户减免", "hardship": "特困户减免",
                   "below_standard": "室温不达标减免"}


def check_reduction(kind: str, reason: str, document: str, percent_bp: int | None,
                    amount_fen: int | None) -> tuple[str, str]:
    """A reduction request's inputs; returns the cleaned reason and document."""
    if kind not in REDUCTION_KINDS:
        raise ValidationError(f"减免类别“{kind}”无法识别，可选：{'、'.join(REDUCTION_KINDS.values())}",
                              field="kind")
    reason = validation.check_text(reason, 500, True, field="reason", label="减免原因")
    document = validation.check_text(document, 120, True, field="document",
                                     label="证明材料（如低保证编号、测温记录单号）")
    if (percent_bp is None) == (amount_fen is None):
        raise ValidationError("请填写减免比例或减免金额（二选一）", field="percent_bp")
    for value, high, name, label in ((percent_bp, BP, "percent_bp", "减免比例（万分比）"),
                                     (amount_fen, 10**11, "amount_fen", "减免金额（分）")):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or not 1 <= value <= high):
            raise ValidationError(f"{label}应为1-{high}之间的整数", field=name)
    return reason, document


def item_line(code: str, label: str, amount_fen: int, basis: dict[str, Any] | None = None) -> Line:
    """A business fee of the schedule (valve sealing, valve opening ...)."""
    return Line("item", label, amount_fen, dict(basis or {}, code=code))


@dataclass(frozen=True)
class Relief:
    """An approved reduction (减免): a share of the heat charge or a fixed amount."""

    label: str
    percent_bp: int | None = None
    amount_fen: int | None = None
    basis: dict[str, Any] | None = None


def sum_kinds(lines: Iterable[Line], kinds: Sequence[str]) -> int:
    return sum(line.amount_fen for line in lines if line.kind in kinds)


def reduction_lines(lines: Sequence[Line], reliefs: Iterable[Relief]) -> list[Line]:
    """Negative lines for reliefs, against the heat charge of ``lines``
    (heating + basic fee).  A share is ``round_fen(charge x percent_bp / 10000)``;
    all reductions together never exceed the heat charge (the rest is capped)."""
    charge = sum_kinds(lines, CHARGE_KINDS)
    room = charge + sum_kinds(lines, ("reduction",))    # what earlier reductions left
    out = []
    for relief in reliefs:
        if relief.percent_bp is not None:
            wanted = round_fen(Fraction(charge * relief.percent_bp, BP))
            rule = {"percent_bp": relief.percent_bp, "charge_fen": charge}
        else:
            wanted = relief.amount_fen or 0
            rule = {"amount_fen": wanted}
        amount = max(0, min(wanted, room))
        room -= amount
        capped = {"capped_from_fen": wanted} if amount != wanted else {}
        out.append(Line("reduction", relief.label, -amount, dict(relief.basis or {}, **rule, **capped)))
    return out


def early_discount(lines: Sequence[Line], terms: Terms, on: dt.date) -> Line | None:
    """提前交费优惠 on the net heat charge (heating + basic fee + reductions) of a
    bill paid in full on or before ``early_discount_until``; None outside the window."""
    until = terms.early_discount_until
    if not terms.early_discount_bp or until is None or on > until:
        return None
    base = sum_kinds(lines, HEAT_KINDS)
    amount = round_fen(Fraction(base * terms.early_discount_bp, BP))
    if amount <= 0:
        return None
    return Line("discount", f"提前交费优惠 {percent(terms.early_discount_bp)}%"
                f"（截至{until:%Y-%m-%d}交清）", -amount,
                {"rate_bp": terms.early_discount_bp, "base_fen": base, "until": until.isoformat()})


def late_fee(principal_fen: int, credits: Iterable[tuple[dt.date, int]], due_date: dt.date,
             ppm_per_day: int, on: dt.date) -> tuple[int, dict[str, Any]]:
    """滞纳金 to ``on``: for each day d from the day after ``due_date`` to ``on``
    (both counted), the principal still unpaid at the start of d (credits dated
    before d are off) x the daily rate; the exact sum is rounded once.

    Returns the fee and its basis: the rate and each period with its unpaid
    principal and days."""
    first = due_date + DAY
    if on < first or ppm_per_day <= 0:
        return 0, {}
    # unpaid principal changes on the day after each credit
    steps: dict[dt.date, int] = {}
    paid_before_first = 0
    for when, fen in credits:
        if when + DAY <= first:
            paid_before_first += fen
        elif when + DAY <= on:
            steps[when + DAY] = steps.get(when + DAY, 0) + fen
    unpaid = principal_fen - paid_before_first
    exact, periods, start = Fraction(0), [], first
    for cut in [*sorted(steps), on + DAY]:
        days = (cut - start).days
        if days > 0 and unpaid > 0:
            exact += Fraction(unpaid * ppm_per_day * days, PPM)
            periods.append({"start": start.isoformat(), "end": (cut - DAY).isoformat(),
                            "unpaid_fen": unpaid, "days": days})
        unpaid -= steps.get(cut, 0)
        start = cut
    fee = round_fen(exact)
    if not fee:
        return 0, {}
    return fee, {"rate_ppm_per_day": ppm_per_day, "due_date": due_date.isoformat(),
                 "periods": periods, "exact_fen": exact_text(exact)}


def bill_lines(segs: Sequence[Segment], price_fen_per_m2: int, terms: Terms, *,
               basis: dict[str, Any] | None = None, items: Iterable[Line] = (),
               reliefs: Iterable[Relief] = ()) -> list[Line]:
    """A season bill: charge lines, then item lines, then reduction lines."""
    lines = charge_lines(segs, price_fen_per_m2, terms, basis)
    lines.extend(items)
    lines.extend(reduction_lines(lines, reliefs))
    return lines


def total(lines: Iterable[Line]) -> int:
    return sum(line.amount_fen for line in lines)


# -- payments: the allocation JSON of a ledger entry --------------------------------
# {"bills": {"<bill_id>": fen}, "late_fee": fen, "discount": fen, "prepaid": fen}; see
# counter_app/services/billing.py for the meaning of each part.

@dataclass
class Credits:
    """What an account's ledger entries credited, read from their allocations."""

    by_bill: dict[int, list[tuple[dt.date, int]]] = field(default_factory=lambda: defaultdict(list))
    late_fee_paid: int = 0
    prepaid: int = 0
    discounts: dict[int, int] = field(default_factory=lambda: defaultdict(int))   # net, per bill

    @property
    def discounted(self) -> set[int]:
        """Bills whose payments still hold an early discount (a void nets it out)."""
        return {bill_id for bill_id, fen in self.discounts.items() if fen > 0}


class CreditRow(Protocol):
    """A ledger entry as :func:`read_credits` reads it (a row of those columns)."""

    @property
    def id(self) -> int: ...
    @property
    def account_id(self) -> int: ...
    @property
    def entry_type(self) -> str: ...
    @property
    def original_id(self) -> int | None: ...
    @property
    def business_date(self) -> dt.date: ...
    @property
    def allocation(self) -> dict[str, Any] | None: ...


def read_credits(rows: Iterable[CreditRow]) -> dict[int, Credits]:
    """Per account, from rows with id, account_id, entry_type, original_id,
    business_date, allocation.  A void with an empty allocation undoes its
    original; any other entry counts its (signed) allocation as written."""
    rows = list(rows)
    by_id = {r.id: r.allocation or {} for r in rows}
    out: dict[int, Credits] = defaultdict(Credits)
    for r in rows:
        alloc, sign = r.allocation or {}, 1
        if r.entry_type == "void" and not alloc and r.original_id in by_id:
            alloc, sign = by_id[r.original_id], -1
        c = out[r.account_id]
        for bill_id, fen in (alloc.get("bills") or {}).items():
            c.by_bill[int(bill_id)].append((r.business_date, sign * int(fen)))
            c.discounts[int(bill_id)] += sign * int(alloc.get("discount") or 0)
        c.late_fee_paid += sign * int(alloc.get("late_fee") or 0)
        c.prepaid += sign * int(alloc.get("prepaid") or 0)
    return out


def _bill_of(line: Line) -> int | None:
    bill_id = (line.basis or {}).get("bill_id")
    return int(bill_id) if bill_id is not None and line.kind not in ("late_fee", "discount") else None


def pays_in_full(due_fen: int, amount_fen: int) -> bool:
    """A payment of ``amount_fen`` settles a statement due ``due_fen``: it gets the
    early discount, and completes the settlement (热费结算) that asked for it."""
    return amount_fen >= due_fen


def allocate(lines: Sequence[Line], due_fen: int, amount_fen: int) -> dict[str, Any]:
    """The allocation of a payment of ``amount_fen`` against a statement's lines.

    A payment that covers the whole statement (``amount_fen >= due_fen``) gets the
    early discount and settles everything; a smaller one gets no discount and
    pays the late fee first, then the bills oldest season first (Civil Code art.
    561: costs and interest before principal).  Credits on overpaid seasons and
    the prepaid balance are used first; what is left over is prepaid.
    Always: amount_fen == sum(bills) + late_fee + prepaid - discount."""
    owed: dict[int, int] = {}
    for line in lines:
        if (bill_id := _bill_of(line)) is not None:
            owed[bill_id] = owed.get(bill_id, 0) + line.amount_fen
    late = sum_kinds(lines, ("late_fee",))
    balance = -sum_kinds(lines, ("prepaid",))
    discount = -sum_kinds(lines, ("discount",)) if pays_in_full(due_fen, amount_fen) else 0
    bills = {b: fen for b, fen in owed.items() if fen < 0}          # credits given up
    pool = amount_fen + balance + discount - sum(bills.values())
    late_paid = min(pool, late)
    pool -= late_paid
    for bill_id, fen in owed.items():                               # lines are oldest first
        if fen > 0 and pool > 0:
            bills[bill_id] = min(fen, pool)
            pool -= bills[bill_id]
    return {"bills": {str(b): fen for b, fen in bills.items() if fen},
            "late_fee": late_paid, "discount": discount, "prepaid": pool - balance}


# -- statements ------------------------------------------------------------------------

@dataclass(frozen=True)
class Position:
    """One active bill as a statement sees it."""

    bill_id: int
    season: str
    lines: tuple[Line, ...]
    total_fen: int
    credits: tuple[tuple[dt.date, int], ...]   # (business date, fen) on any bill of the season
    terms: Terms
    late_from: dt.date       # the due date, or the day the season was first billed if later
    discounted: bool = False  # a payment already had the early discount

    @property
    def paid(self) -> int:
        return sum(fen for _, fen in self.credits)

    @property
    def outstanding(self) -> int:
        return self.total_fen - self.paid


def late_fee_lines(positions: Sequence[Position], late_fee_paid: int, on: dt.date) -> list[Line]:
    """Per bill, oldest first: the late fee accrued to ``on`` less the late fees
    already paid (which settle the oldest accruals first)."""
    paid_left, out = late_fee_paid, []
    for p in positions:
        fee, basis = late_fee(p.total_fen, p.credits, p.late_from, p.terms.late_fee_ppm_per_day, on)
        settled = min(max(paid_left, 0), fee)
        paid_left -= settled
        if fee > settled:
            out.append(Line("late_fee", f"{p.season}采暖季滞纳金", fee - settled,
                            dict(basis, bill_id=p.bill_id, season=p.season, accrued_fen=fee)))
    return out


def statement_lines(positions: Sequence[Position], credits: Credits, on: dt.date) -> list[Line]:
    """The newest open bill line by line (with what was paid on it), older open
    seasons as one arrears line each (a credit when overpaid), the late fee per
    bill, the early discount inside its window, the prepaid balance.  Every line
    that belongs to a bill names its ``bill_id`` in the basis."""
    open_ = [p for p in positions if p.outstanding != 0]
    lines: list[Line] = []
    for p in open_[:-1]:
        kind, what = ("arrears", "欠费") if p.outstanding > 0 else ("credit", "多交")
        lines.append(Line(kind, f"{p.season}采暖季{what}", p.outstanding,
                          {"bill_id": p.bill_id, "season": p.season, "total_fen": p.total_fen,
                           "paid_fen": p.paid}))
    if open_:
        p = open_[-1]
        tag = {"bill_id": p.bill_id, "season": p.season}
        lines += [Line(x.kind, x.label, x.amount_fen, dict(x.basis or {}, **tag)) for x in p.lines]
        if p.paid:
            lines.append(Line("paid", f"{p.season}采暖季已交", -p.paid, dict(tag)))
    lines += late_fee_lines(positions, credits.late_fee_paid, on)
    for p in open_:
        discount = None if p.outstanding <= 0 or p.discounted else early_discount(p.lines, p.terms, on)
        if discount is not None:
            lines.append(Line("discount", discount.label, max(discount.amount_fen, -p.outstanding),
                              dict(discount.basis, bill_id=p.bill_id, season=p.season)))
    if credits.prepaid > 0:
        lines.append(Line("prepaid", "预交余额", -credits.prepaid, {"balance_fen": credits.prepaid}))
    return lines


@dataclass(frozen=True)
class Arrears:
    """欠费 proper on a day: the seasons with a bill past due and unpaid (oldest
    first), what they still owe, and the late fee to that day.  The no-arrears
    precondition of a stop, resume or change counts the same bills."""

    seasons: tuple[str, ...]
    principal_fen: int
    late_fee_fen: int

    @property
    def owed_fen(self) -> int:
        return max(0, self.principal_fen + self.late_fee_fen)


def arrears(positions: Sequence[Position], credits: Credits, on: dt.date) -> Arrears:
    """What is past due on ``on``: a bill counts from the day after it falls due
    (``late_from``); a season overpaid nets against the others, as a payment would."""
    overdue = [p for p in positions if p.late_from < on and p.outstanding != 0]
    late = total(late_fee_lines(positions, credits.late_fee_paid, on))
    return Arrears(tuple(p.season for p in overdue if p.outstanding > 0),
                   sum(p.outstanding for p in overdue), late)
