"""Payments, receipts and corrections (reprint, void, refund), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from counter_app import ledger
from counter_app.core import Actor
from counter_app.db.models import AuditRecord, Counter
from counter_app.db.money import LedgerEntry, ReceiptPrint
from counter_app.domain.enums import HeatingForm, Role, UserClass
from counter_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from counter_app.ledger import EntryType, Method
from counter_app.services import accounts, billing, fees, payments, requests, shifts
from tests.helpers import account_input, sample_fields

# -- fixtures shared with test_shifts / test_ledger ------------------------------


class Desk:
    """Two accounts of 100 m²; the first has bills for 2024-2025 (1,000.00) and
    2025-2026 (2,000.00), made by billing; 李营业员 has opened his shift with a
    float of 500.00.  Today is Thursday 2025-11-20."""


def publish(core, admin, season: str, price_fen: int, *, effective: str | None = None,
            discount_bp: int = 0, discount_until: str | None = None) -> int:
    start = int(season[:4])
    return fees.create_schedule(
        core, admin, season=season, decree_no=f"价格〔{start}〕{price_fen}号",
        effective_date=effective or f"{start}-10-01", season_start=f"{start}-11-15",
        season_end=f"{start + 1}-03-15", due_date=f"{start}-12-31", basic_fee_bp=3000,
        late_fee_ppm_per_day=3000, prices={(c, f): price_fen for c in UserClass for f in HeatingForm},
        early_discount_bp=discount_bp, early_discount_until=discount_until)


@pytest.fixture
def desk(core, people):
    d = Desk()
    d.core, d.people = core, people
    publish(core, people.admin, "2024-2025", 1000)
    publish(core, people.admin, "2025-2026", 2000)
    d.acc = accounts.register_account(core, people.clerk, account_input(1, area="100"))
    d.acc2 = accounts.register_account(core, people.clerk, account_input(2, area="100"))
    d.old_bill = billing.generate_bill(core, people.admin, d.acc, "2024-2025")
    d.new_bill = billing.generate_bill(core, people.admin, d.acc, "2025-2026")
    assert billing.get_statement(core, d.acc).due_fen == 300000
    d.shift = shifts.open_shift(core, people.clerk, "500")
    return d


def entries(core) -> list[LedgerEntry]:
    with core.reading() as session:
        return list(session.scalars(select(LedgerEntry).order_by(LedgerEntry.position)))


def counters(core) -> dict[str, int]:
    with core.reading() as session:
        return dict(session.execute(select(Counter.name, Counter.value)).all())


def nothing_recorded(core, before_counters, before_entries) -> None:
    assert counters(core) == before_counters
    assert len(entries(core)) == before_entries


# -- taking payments -------------------------------------------------------------

def test_cash_payment_in_full_prints_a_numbered_receipt(desk):
    core, clerk = desk.core, desk.people.clerk
    view = payments.take_payment(core, clerk, desk.acc, "3,000.00", "现金", tendered="3100")
    assert view.receipt_no == "2025-000001"
    assert (view.amount_fen, view.tendered_fen, view.change_fen) == (300000, 310000, 10000)
    assert view.method is Method.CASH and view.clerk == "李营业员"
    assert view.amount_capital == "叁仟元整"
    assert view.allocation == {"bills": {str(desk.old_bill): 100000, str(desk.new_bill): 200000},
                               "late_fee": 0, "discount": 0, "prepaid": 0}
    assert view.items == (("2024-2025采暖季热费", 100000), ("2025-2026采暖季热费", 200000))
    assert view.account_no == "100100001" and view.holder_name == "张伟"
    assert (view.void, view.copies, view.refunds, view.refundable_fen) == (False, 0, (), 300000)
    assert view.business_date == dt.date(2025, 11, 20)
    with core.reading() as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action == "payment")).one()
        assert audit.staff_id == clerk.staff_id and audit.after["receipt_no"] == "2025-000001"
    again = payments.take_payment(core, clerk, desk.acc2, 5000, "wechat", prepayment=True)
    assert again.receipt_no == "2025-000002"
    assert (again.tendered_fen, again.change_fen) == (None, None)


def test_every_method_is_recorded_and_numbers_restart_each_year(desk, clock):
    core, clerk = desk.core, desk.people.clerk
    numbers = [payments.take_payment(core, clerk, desk.acc2, 100 + i, method, prepayment=True)
               for i, method in enumerate(["cash", "card", "wechat", "alipay", "transfer"])]
    assert [v.method for v in numbers] == list(Method)
    assert [v.receipt_no for v in numbers] == [f"2025-00000{i}" for i in range(1, 6)]
    shifts.close_shift(core, clerk, {"10000": 5, "100": 1})   # 500.00 float + 1.00 cash
    clock.set(2026, 1, 4, 9, 0)
    shifts.open_shift(core, clerk, 0)
    assert payments.take_payment(core, clerk, desk.acc2, 100, "银行卡",
                                 prepayment=True).receipt_no == "2026-000001"
    with pytest.raises(ValidationError, match="付款方式") as err:
        payments.take_payment(core, clerk, desk.acc2, 100, "bitcoin", prepayment=True)
    assert err.value.field == "method"


def test_partial_payments_go_to_the_oldest_season_first(desk):
    core, clerk = desk.core, desk.people.clerk
    first = payments.take_payment(core, clerk, desk.acc, "1200", "card")
    assert first.allocation["bills"] == {str(desk.old_bill): 100000, str(desk.new_bill): 20000}
    second = payments.take_payment(core, clerk, desk.acc, "1800", "card")
    assert second.allocation["bills"] == {str(desk.new_bill): 180000}
    with pytest.raises(ValidationError, match=r"超过应缴 0\.00 元"):
        payments.take_payment(core, clerk, desk.acc, "0.01", "card")


def test_late_fee_first_and_no_discount_for_a_partial_payment(desk, clock):
    core, p = desk.core, desk.people
    shifts.close_shift(core, p.clerk, {"10000": 5})
    clock.set(2026, 1, 10, 9, 0)                    # both bills overdue
    shifts.open_shift(core, p.clerk, "0")
    statement = billing.get_statement(core, desk.acc)
    late = sum(x.amount_fen for x in statement.lines if x.kind == "late_fee")
    assert late > 0
    partial = payments.take_payment(core, p.clerk, desk.acc, 50000, "card")
    assert partial.allocation == {"bills": {str(desk.old_bill): 50000 - late}, "late_fee": late,
                                  "discount": 0, "prepaid": 0}
    assert partial.items == (("2024-2025采暖季热费", 50000 - late), ("滞纳金", late))
    rest = billing.get_statement(core, desk.acc).due_fen
    full = payments.take_payment(core, p.clerk, desk.acc, rest, "card")
    assert full.allocation["bills"] == {str(desk.old_bill): 50000 + late, str(desk.new_bill): 200000}
    assert billing.get_statement(core, desk.acc).due_fen == 0


def test_the_early_discount_comes_with_a_payment_in_full(desk):
    core, p = desk.core, desk.people
    publish(core, p.admin, "2025-2026", 2000, effective="2025-11-20", discount_bp=200,
            discount_until="2025-11-30")
    bill = billing.generate_bill(core, p.admin, desk.acc2, "2025-2026")
    assert billing.get_statement(core, desk.acc2).due_fen == 196000    # 2 % off 2,000.00
    with pytest.raises(ValidationError, match=r"超过应缴 1,960\.00 元"):
        payments.take_payment(core, p.clerk, desk.acc2, "2000", "alipay")
    full = payments.take_payment(core, p.clerk, desk.acc2, "1960", "alipay")
    assert full.allocation == {"bills": {str(bill): 200000}, "late_fee": 0, "discount": 4000,
                               "prepaid": 0}
    assert full.items == (("2025-2026采暖季热费", 200000), ("提前交费优惠", -4000))
    assert sum(fen for _, fen in full.items) == full.amount_fen


def test_a_partial_payment_gets_no_discount(desk):
    core, p = desk.core, desk.people
    publish(core, p.admin, "2025-2026", 2000, effective="2025-11-20", discount_bp=200,
            discount_until="2025-11-30")
    bill = billing.generate_bill(core, p.admin, desk.acc2, "2025-2026")
    partial = payments.take_payment(core, p.clerk, desk.acc2, "1000", "card")
    assert partial.allocation == {"bills": {str(bill): 100000}, "late_fee": 0, "discount": 0,
                                  "prepaid": 0}
    assert billing.get_statement(core, desk.acc2).due_fen == 100000 - 4000   # offered on the rest


def test_a_prepaid_balance_is_used_on_the_next_bill(desk):
    core, p = desk.core, desk.people
    payments.take_payment(core, p.clerk, desk.acc2, "500", "cash", prepayment=True)
    bill = billing.generate_bill(core, p.admin, desk.acc2, "2025-2026")
    assert billing.get_statement(core, desk.acc2).due_fen == 150000
    view = payments.take_payment(core, p.clerk, desk.acc2, "1500", "card")
    assert view.allocation == {"bills": {str(bill): 200000}, "late_fee": 0, "discount": 0,
                               "prepaid": -50000}
    assert ("使用预交余额", -50000) in view.items and not view.prepayment
    assert billing.get_statement(core, desk.acc2).due_fen == 0


def test_prepayment_of_the_next_season(desk):
    core, clerk = desk.core, desk.people.clerk
    before, n = counters(core), len(entries(core))
    with pytest.raises(ValidationError, match="预交") as err:
        payments.take_payment(core, clerk, desk.acc, "3500", "cash", tendered="3500")
    assert err.value.field == "amount"
    nothing_recorded(core, before, n)
    view = payments.take_payment(core, clerk, desk.acc, "3500", "cash", prepayment=True)
    assert view.allocation["prepaid"] == 50000 and view.prepayment
    assert ("预交下一采暖季热费", 50000) in view.items
    only_prepaid = payments.take_payment(core, clerk, desk.acc2, "800", "transfer", prepayment=True)
    assert only_prepaid.allocation == {"bills": {}, "late_fee": 0, "discount": 0, "prepaid": 80000}


@pytest.mark.parametrize("amount, tendered, method, match, field", [
    ("12.345", None, "cash", "最多两位小数", "amount"),
    ("-5", None, "cash", "不能为负数", "amount"),
    (-500, None, "cash", "不能为负数", "amount"),
    ("0", None, "cash", "必须大于0", "amount"),
    (12.5, None, "cash", "不能用小数类型", "amount"),
    ("abc", None, "cash", "格式不对", "amount"),
    ("100", "99.99", "cash", "少于收款金额", "tendered"),
    ("100", "100", "wechat", "无需填写实收现金", "tendered"),
])
def test_bad_amounts_are_refused_and_nothing_is_recorded(desk, amount, tendered, method, match, field):
    core = desk.core
    before, n = counters(core), len(entries(core))
    with pytest.raises(ValidationError, match=match) as err:
        payments.take_payment(core, desk.people.clerk, desk.acc, amount, method, tendered=tendered)
    assert err.value.field == field
    nothing_recorded(core, before, n)


def test_no_payment_without_an_open_shift_of_today(desk, clock):
    core, clerk2 = desk.core, desk.people.clerk2
    before, n = counters(core), len(entries(core))
    with pytest.raises(Conflict, match="还没有开班"):
        payments.take_payment(core, clerk2, desk.acc, "100", "cash")
    nothing_recorded(core, before, n)
    clock.set(2025, 11, 21, 9, 0)                   # 李营业员 never closed yesterday's shift
    with pytest.raises(Conflict, match="2025-11-20 开的，尚未结班"):
        payments.take_payment(core, desk.people.clerk, desk.acc, "100", "cash")
    nothing_recorded(core, before, n)
    shifts.open_shift(core, clerk2, "0")
    with pytest.raises(NotFound, match="99999"):
        payments.take_payment(core, clerk2, 99999, "1", "cash")
    nothing_recorded(core, before, n)


def test_a_receipt_carries_the_tracking_code_of_its_request(desk):
    core, clerk = desk.core, desk.people.clerk
    kind = core.catalogue.get("settlement")
    rid = requests.receive(core, clerk, "settlement", account_id=desk.acc,
                           fields=sample_fields(kind))
    view = payments.take_payment(core, clerk, desk.acc, "1000", "cash", request_id=rid)
    assert view.tracking_code == requests.get_request(core, rid).tracking_code
    assert payments.receipt_by_number(core, view.receipt_no).tracking_code == view.tracking_code
    with pytest.raises(ValidationError, match="不属于户号"):
        payments.take_payment(core, clerk, desk.acc2, "10", "cash", request_id=rid, prepayment=True)


# -- reprint ----------------------------------------------------------------------

def test_reprints_are_numbered_copies_and_logged(desk):
    core, clerk = desk.core, desk.people.clerk
    view = payments.take_payment(core, clerk, desk.acc, "100", "cash")
    assert payments.reprint(core, clerk, view.entry_id) == 1
    assert payments.reprint(core, desk.people.clerk2, view.entry_id) == 2
    found = payments.receipt_by_number(core, "２０２５－０００００１")    # typed full-width
    assert (found.entry_id, found.copies) == (view.entry_id, 2)
    with core.reading() as session:
        prints = session.scalars(select(ReceiptPrint).order_by(ReceiptPrint.copy_no)).all()
        assert [(p.copy_no, p.printed_by_id) for p in prints] == [
            (1, clerk.staff_id), (2, desk.people.clerk2.staff_id)]
        assert session.scalar(select(func.count()).where(AuditRecord.action == "reprint")) == 2
    with pytest.raises(NotFound):
        payments.reprint(core, clerk, 99999)
    with pytest.raises(NotFound, match="2025-000099"):
        payments.receipt_by_number(core, "2025-000099")


# -- void ---------------------------------------------------------------------------

def test_void_same_day_with_a_supervisor_keeps_the_number(desk):
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, "1500", "cash", tendered="1500")
    before, n = counters(core), len(entries(core))
    with pytest.raises(PermissionDenied, match="值班长用本人账号登录"):
        payments.void(core, p.clerk, paid.entry_id, "金额输错", None)
    with pytest.raises(PermissionDenied, match="营业员无权"):
        payments.void(core, p.clerk, paid.entry_id, "金额输错", p.clerk2)
    with pytest.raises(PermissionDenied, match="经办人本人"):
        payments.void(core, p.supervisor, paid.entry_id, "金额输错", p.supervisor)
    with pytest.raises(ValidationError, match="请填写作废收款原因"):
        payments.void(core, p.clerk, paid.entry_id, "  ", p.supervisor)
    posing = Actor(p.clerk2.staff_id, "zhao", "赵营业员", Role.SUPERVISOR)   # the role is checked as stored
    with pytest.raises(PermissionDenied, match="营业员无权"):
        payments.void(core, p.clerk, paid.entry_id, "金额输错", posing)
    nothing_recorded(core, before, n)

    done = payments.void(core, p.clerk, paid.entry_id, "金额输错", p.supervisor)
    assert (done.entry_type, done.amount_fen, done.original_receipt_no) == (EntryType.VOID, -150000,
                                                                            paid.receipt_no)
    assert (done.clerk, done.approved_by) == ("李营业员", "王值班长")
    assert done.allocation == {"bills": {str(desk.old_bill): -100000, str(desk.new_bill): -50000},
                               "late_fee": 0, "discount": 0, "prepaid": 0}
    view = payments.receipt(core, paid.entry_id)
    assert (view.void, view.void_reason, view.receipt_no, view.refundable_fen) == (True, "金额输错",
                                                                                   "2025-000001", 0)
    void_entry = entries(core)[-1]
    assert (void_entry.receipt_no, void_entry.original_id, void_entry.shift_id) == (
        None, paid.entry_id, paid_shift(core, paid))
    with pytest.raises(Conflict, match=r"已于 .* 作废"):
        payments.void(core, p.clerk, paid.entry_id, "再作废", p.supervisor)
    with pytest.raises(Conflict, match="作废"):
        payments.refund(core, p.clerk, paid.entry_id, "1", "退", p.supervisor)
    # the money is owed again; the next receipt continues the sequence
    again = payments.take_payment(core, p.clerk, desk.acc, "1500", "cash")
    assert again.receipt_no == "2025-000002"
    assert again.allocation["bills"] == {str(desk.old_bill): 100000, str(desk.new_bill): 50000}
    assert ledger.verify(core).ok


def paid_shift(core, view) -> int:
    with core.reading() as session:
        return session.get(LedgerEntry, view.entry_id).shift_id


def test_the_clerk_who_took_it_cannot_approve_and_voids_are_same_day_only(desk, clock):
    core, p = desk.core, desk.people
    shifts.open_shift(core, p.supervisor, "0")
    taken_by_sup = payments.take_payment(core, p.supervisor, desk.acc, "100", "card")
    with pytest.raises(PermissionDenied, match="经办人本人"):
        payments.void(core, p.clerk, taken_by_sup.entry_id, "重复收款", p.supervisor)
    payments.void(core, p.clerk, taken_by_sup.entry_id, "重复收款", p.admin)  # another approver
    later = payments.take_payment(core, p.clerk, desk.acc, "100", "card")
    clock.set(2025, 11, 21, 9, 0)
    with pytest.raises(Conflict, match="只能作废当天的收款"):
        payments.void(core, p.clerk, later.entry_id, "输错", p.supervisor)
    with pytest.raises(NotFound):
        payments.void(core, p.clerk, 99999, "输错", p.supervisor)


def test_no_void_after_the_shift_is_closed(desk):
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, "100", "cash")
    shifts.close_shift(core, p.clerk, {"10000": 6})
    with pytest.raises(Conflict, match="已结班，不能作废"):
        payments.void(core, p.clerk, paid.entry_id, "输错", p.supervisor)


# -- refund ----------------------------------------------------------------------

def test_refunds_are_linked_and_never_exceed_what_is_left(desk, clock):
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, "3200", "cash", prepayment=True)
    shifts.close_shift(core, p.clerk, {"10000": 37})
    clock.set(2025, 12, 3, 10, 0)
    before, n = counters(core), len(entries(core))
    with pytest.raises(Conflict, match="还没有开班"):
        payments.refund(core, p.clerk, paid.entry_id, "100", "多交", p.supervisor)
    shifts.open_shift(core, p.clerk2, "500")
    with pytest.raises(PermissionDenied):
        payments.refund(core, p.clerk2, paid.entry_id, "100", "多交", None)
    with pytest.raises(PermissionDenied, match="经办人本人"):
        payments.refund(core, p.supervisor, paid.entry_id, "100", "多交", p.supervisor)
    with pytest.raises(ValidationError, match=r"可退余额 3,200\.00 元"):
        payments.refund(core, p.clerk2, paid.entry_id, "3200.01", "多交", p.supervisor)
    nothing_recorded(core, before, n)

    first = payments.refund(core, p.clerk2, paid.entry_id, "300", "多交", p.supervisor)
    assert first.allocation == {"bills": {str(desk.new_bill): -10000}, "late_fee": 0,
                                "discount": 0, "prepaid": -20000}       # the prepayment first
    assert (first.amount_fen, first.method, first.clerk) == (-30000, Method.CASH, "赵营业员")
    second = payments.refund(core, p.clerk2, paid.entry_id, "1000", "停热退费", p.supervisor, "transfer")
    assert second.method is Method.TRANSFER
    assert second.allocation["bills"] == {str(desk.new_bill): -100000}
    view = payments.receipt(core, paid.entry_id)
    assert [r.amount_fen for r in view.refunds] == [-30000, -100000]
    assert view.refundable_fen == 190000 and not view.void
    with pytest.raises(ValidationError, match=r"可退余额 1,900\.00 元"):
        payments.refund(core, p.clerk2, paid.entry_id, "1900.01", "多退", p.supervisor)
    last = payments.refund(core, p.clerk2, paid.entry_id, "1900", "销户", p.supervisor)
    assert last.allocation["bills"] == {str(desk.new_bill): -90000, str(desk.old_bill): -100000}
    assert payments.receipt(core, paid.entry_id).refundable_fen == 0
    # only the cash refund left 赵营业员's drawer
    report = shifts.shift_report(core, p.clerk2, shifts.current_shift(core, p.clerk2).id)
    assert report.expected_fen == 50000 - 30000 - 190000
    assert ledger.verify(core).ok


def test_account_history_lists_payments_newest_first(desk):
    core, p = desk.core, desk.people
    a = payments.take_payment(core, p.clerk, desk.acc, "100", "cash")
    b = payments.take_payment(core, p.clerk, desk.acc, "200", "card")
    payments.void(core, p.clerk, a.entry_id, "重复", p.supervisor)
    history = payments.account_payments(core, desk.acc)
    assert [(v.receipt_no, v.void) for v in history] == [(b.receipt_no, False), (a.receipt_no, True)]


def test_a_voided_discounted_payment_owes_the_discounted_amount_again(desk):
    core, p = desk.core, desk.people
    publish(core, p.admin, "2025-2026", 2000, effective="2025-11-20", discount_bp=200,
            discount_until="2025-11-30")
    billing.generate_bill(core, p.admin, desk.acc2, "2025-2026")
    paid = payments.take_payment(core, p.clerk, desk.acc2, "1960", "cash")
    payments.void(core, p.clerk, paid.entry_id, "收错户", p.supervisor)
    assert billing.get_statement(core, desk.acc2).due_fen == 196000


def test_the_confirm_step_states_what_taking_the_payment_would_take():
    """check_payment is take_payment's own checks without the database: what
    the confirm step shows (figures, capitals, change, the prepaid part) and the
    same errors, at the same fields."""
    cash = payments.check_payment("123.45", "cash", tendered="200", prepayment=False, due_fen=12345)
    assert (cash.amount_fen, cash.amount_capital, cash.method) == (12345, "壹佰贰拾叁元肆角伍分", Method.CASH)
    assert (cash.tendered_fen, cash.change_fen, cash.prepaid_fen, cash.pays_in_full) == (20000, 7655, 0, True)
    card = payments.check_payment("150", "card", tendered=None, prepayment=True, due_fen=12345)
    assert (card.tendered_fen, card.change_fen, card.prepaid_fen) == (None, None, 2655)
    assert not payments.check_payment("100", "card", tendered=None, prepayment=False,
                                      due_fen=12345).pays_in_full
    for amount, kw, field in (("0", {}, "amount"), ("abc", {}, "amount"),
                              ("150", {}, "amount"),                    # over the due, no 预交
                              ("100", {"tendered": "50"}, "tendered")):
        with pytest.raises(ValidationError) as error:
            payments.check_payment(amount, "cash", tendered=kw.get("tendered"), prepayment=False,
                                   due_fen=12345)
        assert error.value.field == field
