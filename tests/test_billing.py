"""Fee schedule, bills, statements, reductions and the season's batch, on SQLite
and PostgreSQL.  Amounts are worked out in tests/test_settlement.py: a full
season of 85.50 m² at 22.50 元/m² is 192375 fen, over 121 days."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from counter_app.db.models import AuditRecord
from counter_app.db.money import AccountChange, Bill, FeeSchedule, LedgerEntry
from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from counter_app.services import accounts, billing, fees, requests
from counter_app.services.requests import DocumentInput
from tests.helpers import account_input

D = dt.date
SEASON = "2025-2026"
SEEN = DocumentInput(received=True, original_seen=True, copies=1)


def publish(core, actor, season=SEASON, price=2250, effective=None, **kw):
    y = int(season[:4])
    values = dict(season=season, decree_no=f"价格〔{y}〕12号", effective_date=effective or D(y, 10, 1),
                  season_start=D(y, 11, 15), season_end=D(y + 1, 3, 15), due_date=D(y, 12, 31),
                  basic_fee_bp=3000, late_fee_ppm_per_day=3000,
                  prices={(c, f): price for c in UserClass for f in HeatingForm},
                  items=[fees.ItemInput("valve_seal", "关阀施封费", 5000)],
                  early_discount_bp=500, early_discount_until=D(y, 11, 30))
    values.update(kw)
    return fees.create_schedule(core, actor, **values)


def account(core, clerk, n=1, **kw):
    return accounts.register_account(core, clerk, account_input(n, **kw))


def pay(core, clerk, account_id, amount, allocation, day=None):
    """A ledger entry as services/payments.py will write it (minus the hash chain)."""
    with core.unit_of_work() as session:
        n = (session.scalar(select(func.max(LedgerEntry.position))) or 0) + 1
        session.add(LedgerEntry(
            position=n, entry_type="payment", receipt_no=f"T{n:06d}", account_id=account_id,
            method="cash", amount_fen=amount, prepayment=False, allocation=allocation, reason="",
            clerk_id=clerk.staff_id, created_at=core.now(), business_date=day or core.today(),
            prev_hash="0" * 64, hash=f"{n:064d}"))


def bill_of(core, account_id, season=SEASON):
    with core.reading() as session:
        bill = session.scalar(select(Bill).where(Bill.account_id == account_id, Bill.season == season,
                                                 Bill.superseded_by_id.is_(None)))
        return bill, [(x.kind, x.amount_fen) for x in bill.lines] if bill else []


def kinds(stmt):
    return [(x.kind, x.amount_fen) for x in stmt.lines]


def complete(core, people, kind, account_id, fields, approve=False):
    spec = core.catalogue.get(kind)
    docs = {d.code: SEEN for d in spec.documents_for(by_agent=False, non_residential=False)}
    rid = requests.receive(core, people.clerk, kind, account_id=account_id, documents=docs,
                           fields=fields)
    requests.act(core, people.clerk, rid, "accept")
    if approve:
        requests.act(core, people.supervisor, rid, "approve")
    requests.act(core, people.clerk, rid, "complete")


# -- the schedule ----------------------------------------------------------------------

def test_only_an_administrator_publishes_a_valid_schedule(core, people):
    with pytest.raises(PermissionDenied):
        publish(core, people.clerk)
    with pytest.raises(PermissionDenied):
        publish(core, people.supervisor)
    bad = {"decree_no": ("", "decree_no"), "season_start": (D(2026, 11, 15), "season_start"),
           "due_date": (D(2026, 4, 1), "due_date"), "basic_fee_bp": (12000, "basic_fee_bp"),
           "early_discount_until": (None, "early_discount_until"),
           "prices": ({(UserClass.RESIDENTIAL, HeatingForm.RADIATOR): 2250}, "price_residential_floor")}
    for key, (value, field) in bad.items():
        with pytest.raises(ValidationError) as caught:
            publish(core, people.admin, **{key: value})
        assert caught.value.field == field, key
    with pytest.raises(ValidationError, match="不能用小数"):
        publish(core, people.admin, prices={(c, f): 22.5 for c in UserClass for f in HeatingForm})
    # yuan as text is accepted; the version counts per season
    first = publish(core, people.admin, prices={(c, f): "22.50" for c in UserClass for f in HeatingForm})
    second = publish(core, people.admin, price=2400)
    view = fees.get_schedule(core, SEASON)
    assert (view.id, view.version, view.season_days) == (second, 2, 121)
    assert [s.version for s in fees.list_schedules(core, SEASON)] == [2, 1]
    assert fees.list_schedules(core)[1].prices[(UserClass.RESIDENTIAL, HeatingForm.FLOOR)] == 2250
    assert any("22.50 元" not in line and "24.00 元" in line for line in fees.describe(view))
    with core.reading() as session:
        trail = session.scalars(select(AuditRecord).where(AuditRecord.entity == "fee_schedule")).all()
    assert [int(a.entity_id) for a in trail] == [first, second]
    assert trail[0].after["rates"]["residential/radiator"] == 2250


def test_a_version_counts_from_its_effective_date(core, people):
    with pytest.raises(NotFound, match="尚无生效的收费标准"):
        fees.get_schedule(core, SEASON)
    publish(core, people.admin, effective=D(2025, 12, 1))          # today is 2025-11-20
    with pytest.raises(NotFound, match="2025-12-01"):
        fees.get_schedule(core, SEASON)
    assert fees.get_schedule(core, SEASON, on=D(2025, 12, 1)).version == 1


def test_a_new_schedule_never_changes_a_bill_already_made(core, people):
    v1 = publish(core, people.admin)
    a = account(core, people.clerk)
    first = billing.generate_bill(core, people.clerk, a, SEASON)
    before = billing.get_statement(core, a)
    v2 = publish(core, people.admin, price=2500, effective=D(2025, 11, 20))
    bill, lines = bill_of(core, a)
    assert (bill.id, bill.schedule_id, bill.total_fen, lines) == (first, v1, 192375, [("heating", 192375)])
    assert billing.get_statement(core, a) == before
    # regenerating an unpaid bill prices it on the version in force: 85.50 x 25.00 = 2137.50 元
    second = billing.generate_bill(core, people.clerk, a, SEASON)
    bill, lines = bill_of(core, a)
    assert (bill.id, bill.schedule_id, lines) == (second, v2, [("heating", 213750)])
    with core.reading() as session:
        old = session.get(Bill, first)
        assert (old.superseded_by_id, old.total_fen) == (second, 192375)   # kept, not changed


def test_a_clerk_cannot_charge_an_item_the_schedule_lacks(core, people):
    publish(core, people.admin)
    a = account(core, people.clerk)
    billing.generate_bill(core, people.clerk, a, SEASON)
    with pytest.raises(ValidationError, match="收费标准中没有该收费项目，不能收取"):
        billing.charge_item(core, people.clerk, a, SEASON, "door_fee")
    with core.reading() as session:
        schedule = session.scalar(select(FeeSchedule))
        with pytest.raises(ValidationError, match="收费标准中没有该收费项目"):
            fees.charge_item(session, schedule, "door_fee")
        assert fees.charge_item(session, schedule.id, "valve_seal").amount_fen == 5000
    billing.charge_item(core, people.clerk, a, SEASON, "valve_seal")
    bill, lines = bill_of(core, a)
    assert lines == [("heating", 192375), ("item", 5000)] and bill.total_fen == 197375
    # an item line is carried over when the bill is regenerated
    publish(core, people.admin, price=2500)
    billing.generate_bill(core, people.clerk, a, SEASON)
    assert bill_of(core, a)[1] == [("heating", 213750), ("item", 5000)]


# -- the season's batch -------------------------------------------------------------------

def test_generate_season_and_the_regeneration_rules(core, people):
    publish(core, people.admin)
    heating = account(core, people.clerk, 1)
    stopped = account(core, people.clerk, 2, heating_state="stopped")
    account(core, people.clerk, 3, heating_state="not_connected")
    with pytest.raises(PermissionDenied):
        billing.generate_season(core, people.clerk, SEASON)
    run = billing.generate_season(core, people.admin, SEASON, chunk=2)
    assert (run.accounts, run.created, run.no_charge) == (3, 2, 1)
    assert run.total_fen == 192375 + 57713                 # 30 % basic fee: 57712.5 -> 57713
    assert bill_of(core, stopped)[1] == [("basic_fee", 57713)]

    paid_bill = bill_of(core, heating)[0].id
    pay(core, people.clerk, heating, 10000, {"bills": {str(paid_bill): 10000}})
    publish(core, people.admin, price=2500)
    run = billing.generate_season(core, people.admin, SEASON)
    assert (run.kept_paid, run.regenerated, run.created, run.no_charge) == (1, 1, 0, 1)
    assert bill_of(core, heating)[0].id == paid_bill          # a paid bill stays as it was
    assert bill_of(core, stopped)[1] == [("basic_fee", 64125)]  # 2137.50 元 x 30 %
    run = billing.generate_season(core, people.admin, SEASON)  # nothing new: nothing changes
    assert (run.unchanged, run.kept_paid, run.regenerated) == (1, 1, 0)
    with core.reading() as session:
        assert session.scalar(select(func.count(Bill.id))) == 3           # nothing deleted
        assert session.scalar(select(func.count(AuditRecord.id)).where(
            AuditRecord.action == "generate_season")) == 3
        assert billing.paid_fen(session, heating, SEASON) == 10000


# -- settlement after a business, through the real request services ---------------------------

def test_stop_completed_mid_season_gives_a_prorated_bill(core, people, clock):
    publish(core, people.admin)
    a = account(core, people.clerk)
    clock.set(2026, 1, 10, 9, 30)
    complete(core, people, "stop", a, {"reason": "房屋空置", "season": SEASON, "phone": "13912345678"},
             approve=True)
    billing.generate_bill(core, people.clerk, a, SEASON)
    bill, lines = bill_of(core, a)
    # heating 11-15..01-09 (56 days) 89033, basic fee 01-10..03-15 (65 days) 31003
    assert lines == [("heating", 89033), ("basic_fee", 31003)] and bill.total_fen == 120036
    with core.reading() as session:
        assert session.scalar(select(AccountChange.effective_date)) == D(2026, 1, 10)


def test_area_change_and_connection_count_from_their_dates(core, people, clock):
    publish(core, people.admin)
    a = account(core, people.clerk)
    complete(core, people, "change_area", a, {"new_area": "92.30", "reason": "测绘面积更正",
                                              "effective_date": "2026-01-01", "phone": "13912345678"})
    billing.generate_bill(core, people.clerk, a, SEASON)
    assert bill_of(core, a)[1] == [("heating", 74724), ("heating", 127008)]
    # a new connection heated from 2025-12-01: 105 of 121 days
    rid = requests.receive(core, people.clerk, "application_residential",
                           new_account=account_input(7, heating_state="not_connected"),
                           documents={"owner_id_card": SEEN, "property_certificate": SEEN})
    clock.set(2025, 12, 1, 9, 0)
    for step, note in (("accept", ""), ("reply_plan", "可直接开栓"), ("sign_contract", ""), ("heat_on", "")):
        requests.act(core, people.clerk, rid, step, note=note)
    new = requests.get_request(core, rid).account_id
    billing.generate_bill(core, people.clerk, new, SEASON)
    assert bill_of(core, new)[1] == [("heating", 166937)]


def test_a_paid_bill_is_resettled_on_its_own_version_and_keeps_its_payments(core, people, clock):
    v1 = publish(core, people.admin)
    a = account(core, people.clerk)
    first = billing.generate_bill(core, people.clerk, a, SEASON)
    clock.set(2025, 12, 5, 10, 0)                                # after the discount window
    with core.reading() as session:
        stmt = billing.statement(session, core, a)
    assert kinds(stmt) == [("heating", 192375)]
    pay(core, people.clerk, a, 192375, billing.allocate(stmt, 192375))
    publish(core, people.admin, price=2500)
    clock.set(2026, 1, 10, 9, 30)
    complete(core, people, "stop", a, {"reason": "长期外出", "season": SEASON, "phone": "13912345678"},
             approve=True)
    billing.generate_bill(core, people.clerk, a, SEASON)
    bill, lines = bill_of(core, a)
    assert (bill.schedule_id, lines) == (v1, [("heating", 89033), ("basic_fee", 31003)])
    with core.reading() as session:
        assert billing.paid_fen(session, a, SEASON) == 192375   # paid on the superseded bill
        stmt = billing.statement(session, core, a)
    assert stmt.due_fen == 120036 - 192375 and not stmt.owed    # 723.39 元 to refund
    assert kinds(stmt)[-1] == ("paid", -192375) and bill.id != first


# -- reductions --------------------------------------------------------------------------

def test_reduction_needs_another_persons_approval_and_becomes_a_bill_line(core, people):
    publish(core, people.admin)
    a = account(core, people.clerk)
    billing.generate_bill(core, people.clerk, a, SEASON)
    with pytest.raises(ValidationError, match="二选一"):
        billing.request_reduction(core, people.clerk, a, SEASON, "low_income", "低保户", "低保证123")
    with pytest.raises(ValidationError) as caught:
        billing.request_reduction(core, people.clerk, a, SEASON, "low_income", "低保户", "", percent_bp=5000)
    assert caught.value.field == "document"
    rid = billing.request_reduction(core, people.clerk, a, SEASON, "low_income", "城市低保户",
                                    "低保证 No.2025-0087", percent_bp=5000)
    own = billing.request_reduction(core, people.supervisor, a, SEASON, "below_standard",
                                    "12月测温14℃", "测温记录单 CW-88", amount_fen=3000)
    assert [(r.id, r.kind_label) for r in billing.pending_reductions(core)] == [
        (rid, "低保户减免"), (own, "室温不达标减免")]
    with pytest.raises(PermissionDenied):
        billing.decide_reduction(core, people.clerk, rid, True, "")
    with pytest.raises(PermissionDenied, match="不能审批自己提交的减免申请"):
        billing.decide_reduction(core, people.supervisor, own, True, "")
    billing.decide_reduction(core, people.supervisor, rid, True, "材料齐全")
    with pytest.raises(Conflict, match="已批准"):
        billing.decide_reduction(core, people.admin, rid, False, "重复")
    bill, lines = bill_of(core, a)
    # 192375 x 50 % = 96187.5 -> 96188 off
    assert lines == [("heating", 192375), ("reduction", -96188)] and bill.total_fen == 96187
    assert bill.lines[1].basis["document"] == "低保证 No.2025-0087"
    with pytest.raises(ValidationError, match="驳回"):
        billing.decide_reduction(core, people.admin, own, False, "")
    billing.decide_reduction(core, people.admin, own, False, "测温未达两人签字")
    assert billing.pending_reductions(core) == []
    assert bill_of(core, a)[1] == lines
    # a regenerated bill carries the approved reduction (on the new heat charge)
    publish(core, people.admin, price=2500)
    billing.generate_bill(core, people.clerk, a, SEASON)
    assert bill_of(core, a)[1] == [("heating", 213750), ("reduction", -106875)]


# -- statements ---------------------------------------------------------------------------

def test_statement_with_arrears_and_late_fee(core, people, clock):
    clock.set(2024, 10, 10, 10, 0)
    publish(core, people.admin, season="2024-2025")
    a = account(core, people.clerk)
    old = billing.generate_bill(core, people.clerk, a, "2024-2025")
    clock.set(2025, 11, 20, 10, 0)
    publish(core, people.admin)
    new = billing.generate_bill(core, people.clerk, a, SEASON)
    with core.reading() as session:
        stmt = billing.statement(session, core, a)
        holder = session.get(billing.Account, a)
        assert billing.arrears_fen(session, holder) == 2 * 192375            # all unpaid
        assert billing.arrears_fen(session, holder, D(2025, 11, 20)) == 192375 + 186989   # past due
    # 2024-2025 unpaid since 2025-01-01: 324 days x 3 ‰ x 192375 = 186988.5 -> 186989
    # 2025-2026 inside its discount window: 5 % of 192375 = 9618.75 -> 9619
    assert kinds(stmt) == [("arrears", 192375), ("heating", 192375), ("late_fee", 186989),
                           ("discount", -9619)]
    assert stmt.due_fen == 192375 + 192375 + 186989 - 9619 == 562120
    assert [x.basis["bill_id"] for x in stmt.lines] == [old, new, old, new]
    assert stmt.lines[2].basis["periods"][0]["days"] == 324
    [row] = billing.arrears_list(core)
    assert (row.account_id, row.seasons, row.principal_fen, row.late_fee_fen) == (
        a, ("2024-2025",), 192375, 186989)
    assert billing.arrears_list(core, community="别的小区") == []

    # 2000 元 now: no discount (not paid in full); the late fee first, then the oldest bill
    alloc = billing.allocate(stmt, 200000)
    assert alloc == {"bills": {str(old): 13011}, "late_fee": 186989, "discount": 0, "prepaid": 0}
    pay(core, people.clerk, a, 200000, alloc)
    stmt = billing.get_statement(core, a)
    assert kinds(stmt) == [("arrears", 179364), ("heating", 192375), ("discount", -9619)]
    assert stmt.due_fen == 562120 - 200000
    # the next day 179364 fen is one more day late: 538.092 on top of the 186988.5 paid for;
    # accrued 187526.592 -> 187527, less 186989 paid = 538
    clock.set(2025, 11, 21, 10, 0)
    assert ("late_fee", 538) in kinds(billing.get_statement(core, a))
    # the day after the window there is no discount; a full payment then settles everything
    clock.set(2025, 12, 1, 10, 0)
    stmt = billing.get_statement(core, a)
    assert "discount" not in [x.kind for x in stmt.lines]
    pay(core, people.clerk, a, stmt.due_fen, billing.allocate(stmt, stmt.due_fen))
    stmt = billing.get_statement(core, a)
    assert (stmt.lines, stmt.due_fen) == ((), 0)
    with core.reading() as session:
        assert billing.arrears_fen(session, session.get(billing.Account, a), D(2025, 12, 1)) == 0


def test_paying_in_the_window_earns_the_discount_once(core, people, clock):
    publish(core, people.admin)
    a = account(core, people.clerk)
    billing.generate_bill(core, people.clerk, a, SEASON)
    clock.set(2025, 11, 30, 16, 0)                                # the window's last day
    stmt = billing.get_statement(core, a)
    assert stmt.due_fen == 192375 - 9619
    alloc = billing.allocate(stmt, stmt.due_fen)
    assert alloc["discount"] == 9619 and sum(alloc["bills"].values()) == 192375
    pay(core, people.clerk, a, stmt.due_fen, alloc)
    assert billing.get_statement(core, a).due_fen == 0
    billing.charge_item(core, people.clerk, a, SEASON, "valve_seal")   # a later line: no second discount
    assert kinds(billing.get_statement(core, a)) == [("heating", 192375), ("item", 5000),
                                                    ("paid", -192375)]
