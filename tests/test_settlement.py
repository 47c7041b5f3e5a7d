"""Settlement arithmetic (pure): hand-computed cases, then hypothesis properties.

The schedule of every hand-computed case: season 2025-11-15 to 2026-03-15,
121 heating days (Nov 16 + Dec 31 + Jan 31 + Feb 28 + Mar 15); residential
radiator 22.50 元/m² (2250 fen); basic fee 30 % (3000 bp); late fee 3 ‰ a day
(3000 ppm) from the day after 2025-12-31; 5 % (500 bp) early-payment discount
until 2025-11-30.  The flat: 85.50 m² (8550 hundredths).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from itertools import pairwise

from hypothesis import given, strategies as s

from counter_app.domain import settlement as st
from counter_app.domain.enums import HeatingState
from counter_app.domain.money import Line, round_fen

H, S, N = HeatingState.HEATING, HeatingState.STOPPED, HeatingState.NOT_CONNECTED
D = dt.date
TERMS = st.Terms(season_start=D(2025, 11, 15), season_end=D(2026, 3, 15), due_date=D(2025, 12, 31),
                 basic_fee_bp=3000, late_fee_ppm_per_day=3000, early_discount_bp=500,
                 early_discount_until=D(2025, 11, 30))
PRICE, AREA = 2250, 8550


def bill(changes=(), state=H, area=AREA, reliefs=()):
    return st.bill_lines(st.segments(TERMS, state, area, changes), PRICE, TERMS, reliefs=reliefs)


def amounts(lines):
    return [(x.kind, x.amount_fen) for x in lines]


# -- hand-computed cases -------------------------------------------------------------

def test_season_days_counts_both_ends():
    assert st.season_days(TERMS) == 16 + 31 + 31 + 28 + 15 == 121


def test_full_season():
    # 85.50 m² x 22.50 元/m² = 1,923.75 元 = 192375 fen exactly
    lines = bill()
    assert amounts(lines) == [("heating", 192375)]
    assert lines[0].basis["days"] == lines[0].basis["season_days"] == 121
    assert lines[0].label == "采暖费 85.50㎡×22.50元/㎡"


def test_stop_mid_season():
    # stop effective 2026-01-10: heating 11-15..01-09 = 16 + 31 + 9 = 56 days,
    # stopped 01-10..03-15 = 22 + 28 + 15 = 65 days.
    # heating exact  192375 x 56/121       = 89033.0579  -> cumulative 89033.0579 -> 89033
    # basic exact    192375 x 65/121 x 30% = 31002.5826  -> cumulative 120035.6405 -> 120036
    # lines: 89033 and 120036 - 89033 = 31003; total 120036
    lines = bill([st.Change(D(2026, 1, 10), S)])
    assert amounts(lines) == [("heating", 89033), ("basic_fee", 31003)]
    assert [(x.basis["start"], x.basis["end"], x.basis["days"]) for x in lines] == [
        ("2025-11-15", "2026-01-09", 56), ("2026-01-10", "2026-03-15", 65)]
    assert lines[1].basis["basic_fee_bp"] == 3000
    assert st.total(lines) == 120036


def test_start_mid_season():
    # connected (heat on) 2025-12-01: not connected 11-15..11-30 (16 days) owes nothing;
    # heating 12-01..03-15 = 121 - 16 = 105 days: 192375 x 105/121 = 166936.9835 -> 166937
    lines = bill([st.Change(D(2025, 12, 1), H)], state=N)
    assert amounts(lines) == [("heating", 166937)]
    assert lines[0].basis["days"] == 105


def test_area_change_counts_from_its_date():
    # 85.50 -> 92.30 m² from 2026-01-01: 11-15..12-31 = 47 days, 01-01..03-15 = 74 days
    # part 1: 2250 x 85.50 x 47/121 = 192375 x 47/121 = 74724.1736 -> 74724
    # part 2: 2250 x 92.30 x 74/121 = 207675 x 74/121 = 127007.8512
    #         cumulative 201732.0248 -> 201732, line = 201732 - 74724 = 127008
    lines = bill([st.Change(D(2026, 1, 1), area_x100=9230)])
    assert amounts(lines) == [("heating", 74724), ("heating", 127008)]
    assert [x.basis["area_x100"] for x in lines] == [8550, 9230]


def test_cumulative_rounding_keeps_the_whole():
    # three parts of the 192375 fen season: 1, 4 and 116 days
    # exact 1589.8760, 6359.5041, 184425.6198: rounded one by one 1590 + 6360 + 184426 = 192376,
    # a fen too many.  Cumulative: 1589.8760 -> 1590; 7949.3802 -> 7949 (part 6359);
    # 192375 -> 192375 (part 184426).  Sum 192375.
    exacts = [Fraction(192375 * d, 121) for d in (1, 4, 116)]
    assert sum(round_fen(e) for e in exacts) == 192376
    assert st.prorate(exacts) == [1590, 6359, 184426]


def test_arrears_with_late_fee():
    # 192375 fen due 2025-12-31, 100000 paid on 2026-01-05, statement on 2026-01-10:
    # 01-01..01-05: 5 days on 192375 (the day of a payment still counts) = 192375 x 0.003 x 5 = 2885.625
    # 01-06..01-10: 5 days on  92375                                    =  92375 x 0.003 x 5 = 1385.625
    # exact 4271.25 -> 4271
    fee, basis = st.late_fee(192375, [(D(2026, 1, 5), 100000)], TERMS.due_date, 3000, D(2026, 1, 10))
    assert fee == 4271
    assert [(p["unpaid_fen"], p["days"]) for p in basis["periods"]] == [(192375, 5), (92375, 5)]
    # on the due date itself, and with nothing owed, there is no late fee
    assert st.late_fee(192375, [], TERMS.due_date, 3000, TERMS.due_date) == (0, {})
    assert st.late_fee(192375, [(D(2025, 12, 20), 192375)], TERMS.due_date, 3000, D(2026, 2, 1)) == (0, {})
    # the first day late: 192375 x 0.003 = 577.125 -> 577
    assert st.late_fee(192375, [], TERMS.due_date, 3000, D(2026, 1, 1))[0] == 577


def test_early_discount_on_its_last_day_and_the_day_after():
    # 5 % of 192375 = 9618.75 -> 9619 fen off, through 2025-11-30 only
    lines = bill()
    last_day = st.early_discount(lines, TERMS, D(2025, 11, 30))
    assert last_day is not None and last_day.amount_fen == -9619
    assert st.early_discount(lines, TERMS, D(2025, 12, 1)) is None


def test_approved_low_income_reduction():
    # 低保 50 %: 192375 x 50 % = 96187.5 -> half up 96188 off; the bill is 192375 - 96188 = 96187
    relief = st.Relief("低保户减免", percent_bp=5000, basis={"reduction_id": 7})
    lines = bill(reliefs=[relief])
    assert amounts(lines) == [("heating", 192375), ("reduction", -96188)]
    assert lines[1].basis == {"reduction_id": 7, "percent_bp": 5000, "charge_fen": 192375}
    assert st.total(lines) == 96187
    # the discount is taken on the reduced heat charge: 96187 x 5 % = 4809.35 -> 4809
    assert st.early_discount(lines, TERMS, D(2025, 11, 20)).amount_fen == -4809


def test_reductions_never_exceed_the_heat_charge():
    # stopped all season: basic fee 192375 x 30 % = 57712.5 -> 57713; a 60000 fen reduction is capped
    lines = bill(state=S, reliefs=[st.Relief("特困户减免", amount_fen=60000)])
    assert amounts(lines) == [("basic_fee", 57713), ("reduction", -57713)]
    assert lines[1].basis["capped_from_fen"] == 60000


def test_allocation_of_a_full_and_a_partial_payment():
    lines = (Line("arrears", "2024-2025采暖季欠费", 50000, {"bill_id": 1}),
             Line("heating", "采暖费", 192375, {"bill_id": 2}),
             Line("late_fee", "2024-2025采暖季滞纳金", 1500, {"bill_id": 1}),
             Line("discount", "提前交费优惠", -9619, {"bill_id": 2}))
    due = 50000 + 192375 + 1500 - 9619
    assert st.allocate(lines, due, due) == {"bills": {"1": 50000, "2": 192375}, "late_fee": 1500,
                                            "discount": 9619, "prepaid": 0}
    # 60000 short of the whole: no discount; the late fee, then the oldest bill, then the rest
    assert st.allocate(lines, due, 60000) == {"bills": {"1": 50000, "2": 8500}, "late_fee": 1500,
                                              "discount": 0, "prepaid": 0}
    # more than due: the rest is prepaid
    assert st.allocate(lines, due, due + 100)["prepaid"] == 100


# -- properties ---------------------------------------------------------------------

season_day = s.integers(min_value=1, max_value=120).map(lambda k: TERMS.season_start + dt.timedelta(k))
states = s.sampled_from([H, S, N])
areas = s.integers(min_value=1, max_value=10_000_000)      # 0.01 m² .. 100000 m²
prices = s.integers(min_value=1, max_value=50_000)
changes = s.lists(s.builds(st.Change, season_day, s.one_of(s.none(), states),
                           s.one_of(s.none(), areas)), max_size=6)


@given(s.lists(season_day, max_size=10), areas, prices)
def test_prorated_parts_add_up_to_the_whole(cuts, area, price):
    """A heating season cut anywhere (here: kept heating, so nothing merges the
    parts away) bills exactly the full-season charge."""
    segs, start = [], TERMS.season_start
    for cut in sorted(set(cuts)):
        segs.append(st.Segment(start, cut - dt.timedelta(1), H, area))
        start = cut
    segs.append(st.Segment(start, TERMS.season_end, H, area))
    lines = st.charge_lines(segs, price, TERMS)
    assert sum(x.basis["days"] for x in lines) == 121
    assert st.total(lines) == round_fen(Fraction(price * area, 100))


@given(states, areas, changes, prices)
def test_bill_total_never_drifts_by_a_fen(state, area, chs, price):
    segs = st.segments(TERMS, state, area, chs)
    assert segs[0].start == TERMS.season_start and segs[-1].end == TERMS.season_end
    assert all(a.end + dt.timedelta(1) == b.start for a, b in pairwise(segs))
    exacts = [st.segment_exact(x, price, TERMS) for x in segs if x.state is not N]
    lines = st.charge_lines(segs, price, TERMS)
    assert st.total(lines) == round_fen(sum(exacts, Fraction(0)))
    for line, exact in zip(lines, exacts, strict=True):     # a line per charged segment
        assert abs(line.amount_fen - exact) < 1


@given(s.lists(s.fractions(min_value=0, max_value=10**9, max_denominator=10**6), max_size=20))
def test_prorate_telescopes(exacts):
    parts = st.prorate(exacts)
    assert sum(parts) == round_fen(sum(exacts, Fraction(0)))
    assert all(abs(p - e) < 1 for p, e in zip(parts, exacts, strict=True))


@given(s.lists(s.integers(min_value=-500_000, max_value=500_000), min_size=1, max_size=5),
       s.integers(min_value=0, max_value=50_000), s.integers(min_value=0, max_value=50_000),
       s.integers(min_value=0, max_value=50_000), s.integers(min_value=0, max_value=2_000_000))
def test_allocation_accounts_for_every_fen(owed, late, discount, balance, amount):
    lines = [Line("arrears", "", fen, {"bill_id": i}) for i, fen in enumerate(owed, start=1)]
    lines += [Line("late_fee", "", late, {"bill_id": 1}), Line("discount", "", -discount, {"bill_id": 1}),
              Line("prepaid", "", -balance, {})]
    due = st.total(lines)
    alloc = st.allocate(lines, due, amount)
    assert amount == sum(alloc["bills"].values()) + alloc["late_fee"] + alloc["prepaid"] - alloc["discount"]
    assert 0 <= alloc["late_fee"] <= late
    for bill_id, fen in alloc["bills"].items():
        assert fen <= max(owed[int(bill_id) - 1], 0) or fen == owed[int(bill_id) - 1]
    if amount >= due:   # paid in full: every bill settled and the late fee paid
        assert alloc["late_fee"] == late
        assert {int(b): f for b, f in alloc["bills"].items()} == {i: f for i, f in enumerate(owed, 1) if f}


@given(states, areas, changes, s.integers(min_value=0, max_value=10_000),
       s.integers(min_value=0, max_value=3_000_000))
def test_paying_a_statement_in_full_leaves_nothing_due(state, area, chs, relief_bp, early_pay):
    """Statement -> allocation -> credits -> statement again on the same day: zero."""
    lines = bill(chs, state, area, [st.Relief("减免", percent_bp=relief_bp)] if relief_bp else [])
    on = TERMS.season_start + dt.timedelta(early_pay % 200)      # inside or outside the windows
    pos = st.Position(1, "2025-2026", tuple(lines), st.total(lines), (), TERMS, TERMS.due_date)
    first = st.statement_lines([pos], st.Credits(), on)
    alloc = st.allocate(first, st.total(first), st.total(first))
    credits = st.read_credits([_Row(1, 1, "payment", None, on, alloc)])[1]
    pos = st.Position(1, "2025-2026", tuple(lines), st.total(lines),
                      tuple(credits.by_bill[1]), TERMS, TERMS.due_date, bool(alloc["discount"]))
    assert st.total(st.statement_lines([pos], credits, on)) == 0


class _Row:
    def __init__(self, id, account_id, entry_type, original_id, business_date, allocation):  # noqa: A002
        self.id, self.account_id, self.entry_type = id, account_id, entry_type
        self.original_id, self.business_date, self.allocation = original_id, business_date, allocation


def test_a_void_undoes_its_payment_and_its_discount():
    alloc = {"bills": {"3": 1000}, "late_fee": 20, "discount": 50, "prepaid": 5}
    pay = _Row(1, 9, "payment", None, D(2026, 1, 5), alloc)
    assert st.read_credits([pay])[9].discounted == {3}
    negated = {"bills": {"3": -1000}, "late_fee": -20, "discount": -50, "prepaid": -5}
    for void in (_Row(2, 9, "void", 1, D(2026, 1, 6), {}),            # empty: undoes its original
                 _Row(2, 9, "void", 1, D(2026, 1, 6), negated)):      # as services/payments.py writes it
        credits = st.read_credits([pay, void])[9]
        assert sum(f for _, f in credits.by_bill[3]) == 0
        assert (credits.late_fee_paid, credits.prepaid, credits.discounted) == (0, 0, set())
