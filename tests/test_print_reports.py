"""The daily register (营业日报), the shift handover sheet (交接班记录) and the
arrears reminder notices (催缴通知单), printed from real data on SQLite and
PostgreSQL: the figures in the text add up, long registers repeat their header."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, insert, select

from counter_app.db.money import LedgerEntry
from counter_app.errors import Conflict, NotFound, PermissionDenied
from counter_app.services import (
    accounts,
    billing,
    payments,
    requests,
    settings,
    shifts,
)
from counter_app.services.documents.handover import handover_data
from counter_app.services.documents.register import register_data
from counter_app.services.documents.reminder import reminder_data
from counter_app.validation import fen_to_capital
from printing import handover, register, reminder
from tests.helpers import account_input, sample_fields
from tests.test_payments import desk, publish  # noqa: F401 - the fixture
from tests.test_print_contract import HALL, assert_fonts_embedded, flat, pages_text

DAY = dt.date(2025, 11, 20)
MONEY = re.compile(r"^-?¥[\d,]+\.\d\d$")


# each paper as the screen and the command line make it: its read, then its renderer
def register_pdf(core, actor, day):
    return register.register_pdf(register_data(core, actor, day))


def handover_pdf(core, actor, shift_id):
    return handover.handover_pdf(handover_data(core, actor, shift_id))


def reminders_pdf(core, actor, **where):
    return reminder.reminders_pdf(reminder_data(core, actor, **where))


def fen(text: str) -> int:
    return int(text.replace("¥", "").replace(",", "").replace(".", ""))


def table_rows(text: str, start: str, end: str, columns: int) -> list[list[str]]:
    """The cells of a table between two headings, ``columns`` to a row (header first)."""
    body = text[text.index(start) + len(start):text.index(end)]
    cells = [c.strip() for c in body.splitlines() if c.strip()]
    return [cells[i:i + columns] for i in range(0, len(cells) - len(cells) % columns, columns)]


def a_day_at_the_hall(d) -> dict:
    """李: cash 1,000 (tendered 1,200), card 500, cash 300 voided, an area change
    received and accepted, the drawer 50 short; 赵: WeChat 80 of which 30 refunded, a
    residential application received.  Both clerks' payments land on 2025-11-20."""
    core, p = d.core, d.people
    settings.update(core, p.admin, HALL)
    payments.take_payment(core, p.clerk, d.acc, "1000", "cash", tendered="1200")
    payments.take_payment(core, p.clerk, d.acc, "500", "card")
    wrong = payments.take_payment(core, p.clerk, d.acc, "300", "cash")
    payments.void(core, p.clerk, wrong.entry_id, "收错户", p.supervisor)
    shifts.open_shift(core, p.clerk2, "200")
    extra = payments.take_payment(core, p.clerk2, d.acc2, "80", "wechat", prepayment=True)
    payments.refund(core, p.clerk2, extra.entry_id, "30", "客户多交", p.supervisor)
    kind = core.catalogue.get("change_area")
    area = requests.receive(core, p.clerk, "change_area", account_id=d.acc, fields=sample_fields(kind),
                            documents={x.code: requests.DocumentInput(True, True, 1)
                                       for x in kind.documents_for(by_agent=False, non_residential=False)})
    requests.act(core, p.clerk, area, "accept")
    app = requests.receive(core, p.clerk2, "application_residential", applicant_name="孙丽",
                           new_account=account_input(9, holder_name="孙丽", heating_state="not_connected"),
                           fields=sample_fields(core.catalogue.get("application_residential"),
                                                owner_name="孙丽"),
                           documents={"owner_id_card": requests.DocumentInput(True, True, 1),
                                      "property_certificate": requests.DocumentInput(True, True, 1)})
    requests.act(core, p.clerk2, app, "accept")                # the plan is due in 3 working days
    shifts.close_shift(core, p.clerk, {"10000": 14, "5000": 1}, reason="找零多找50元",
                       supervisor=p.supervisor)
    return {"area": requests.get_request(core, area).number, "app": requests.get_request(core, app).number}


# -- the daily register -----------------------------------------------------------------------

def test_the_register_lists_both_clerks_and_its_totals_add_up(desk):  # noqa: F811
    core, p = desk.core, desk.people
    numbers = a_day_at_the_hall(desk)
    pdf = register_pdf(core, p.supervisor, DAY)
    texts = pages_text(pdf)
    text = "\n".join(texts)
    whole = flat(text)
    by_method = table_rows(text, "一、收款汇总（按付款方式）", "二、收款汇总（按营业员）", 8)
    assert by_method[0][0] == "付款方式"
    rows = {r[0]: r[1:] for r in by_method[1:]}
    assert rows["现金"] == ["2", "¥1,300.00", "1", "-¥300.00", "0", "¥0.00", "¥1,000.00"]
    assert rows["银行卡"] == ["1", "¥500.00", "0", "¥0.00", "0", "¥0.00", "¥500.00"]
    assert rows["微信支付"] == ["1", "¥80.00", "0", "¥0.00", "1", "-¥30.00", "¥50.00"]
    for col in range(7):                                   # every column of 合计 is the sum
        parse = fen if col % 2 or col == 6 else int
        assert parse(rows["合计"][col]) == sum(parse(r[col]) for k, r in rows.items() if k != "合计")
    by_clerk = table_rows(text, "二、收款汇总（按营业员）", "三、收据号", 6)
    assert by_clerk[0] == ["营业员", "现金", "银行卡", "微信支付", "笔数", "净额合计"]
    clerks = {r[0]: r[1:] for r in by_clerk[1:]}
    assert clerks["李营业员"] == ["¥1,000.00", "¥500.00", "¥0.00", "4", "¥1,500.00"]
    assert clerks["赵营业员"] == ["¥0.00", "¥0.00", "¥50.00", "2", "¥50.00"]
    for col in (0, 1, 2, 4):
        assert fen(clerks["合计"][col]) == fen(clerks["李营业员"][col]) + fen(clerks["赵营业员"][col])
    assert fen(clerks["合计"][4]) == fen(rows["合计"][6]) == 155000
    assert "收据号2025-000001至2025-000004，共4张，其中作废1张：2025-000003，号码连续无缺号" in whole
    assert "作废2025-000003100100001张伟现金-¥300.00收错户李营业员王值班长" in whole
    assert "退款2025-000004100100002张伟微信支付-¥30.00客户多交赵营业员王值班长" in whole
    assert "李营业员：短款¥50.00，原因：找零多找50元" in whole
    assert "打印时尚未结班：赵营业员" in whole
    assert "李营业员：4笔，净额¥1,500.00" in whole and "赵营业员：2笔，净额¥50.00" in whole
    assert f"{numbers['area']}面积变更张伟100100001登记、受理已受理李营业员" in whole
    assert f"{numbers['app']}居民用热申请孙丽100100009登记、受理已受理赵营业员" in whole
    head = shifts.day_totals(core, p.supervisor, DAY).chain_head
    assert head and " ".join(head[i:i + 8] for i in range(0, 64, 8)) in text
    for i, page in enumerate(texts, 1):
        assert f"第 {i} 页 共 {len(texts)} 页" in page
    assert_fonts_embedded(pdf)


def test_the_register_shows_overdue_requests_of_every_clerk(desk, clock):  # noqa: F811
    core, p = desk.core, desk.people
    numbers = a_day_at_the_hall(desk)
    whole = flat("".join(pages_text(register_pdf(core, p.admin, DAY))))
    assert "无超期未办结业务" in whole
    clock.set(2025, 12, 1, 9, 0)                              # the plan reply was due on 2025-11-25
    overdue = requests.open_requests(core, overdue_only=True)
    assert [(r.number, r.deadline) for r in overdue] == [(numbers["app"], dt.date(2025, 11, 25))]
    whole = flat("".join(pages_text(register_pdf(core, p.admin, DAY))))
    assert f"{numbers['app']}居民用热申请孙丽赵营业员已受理2025-11-25{-overdue[0].days_left}" in whole


def test_a_register_of_2000_rows_repeats_its_header_on_every_page(desk):  # noqa: F811
    core, p = desk.core, desk.people
    with core.unit_of_work() as session:
        start = (session.scalar(select(func.max(LedgerEntry.position))) or 0) + 1
        session.execute(insert(LedgerEntry), [dict(
            position=start + i, entry_type="payment", receipt_no=f"2025-{i + 1:06d}", account_id=desk.acc,
            method="cash" if i % 3 else "wechat", amount_fen=1000 + i, prepayment=False,
            allocation={"bills": {}, "late_fee": 0, "discount": 0, "prepaid": 1000 + i}, reason="",
            shift_id=desk.shift.id, clerk_id=p.clerk.staff_id, created_at=core.now(), business_date=DAY,
            prev_hash="0" * 64, hash=f"{start + i:064x}") for i in range(2000)])
    data = register_data(core, p.supervisor, DAY)
    assert data.entry_count == 2000 and data.receipts_contiguous
    texts = pages_text(register_pdf(core, p.supervisor, DAY))
    assert len(texts) > 10
    detail = [i for i, t in enumerate(texts) if re.search(r"^2025-\d{6}$", t, re.MULTILINE)]
    assert detail == list(range(detail[0], detail[-1] + 1)) and len(detail) > 10
    for i in detail:
        assert "序号\n时间\n收据号\n类型\n户号\n户名\n付款方式\n金额" in texts[i], f"page {i + 1}"
    listed = re.findall(r"^2025-(\d{6})$", "\n".join(texts), re.MULTILINE)
    assert sorted(set(listed)) == [f"{i:06d}" for i in range(1, 2001)]
    total = sum(1000 + i for i in range(2000))
    assert f"净收款 ¥{total // 100:,}.{total % 100:02d}" in "".join(texts)
    assert "收据号 2025-000001 至 2025-002000，共 2000 张" in "".join(texts)


def test_a_day_without_business_is_a_clear_error_and_clerks_print_their_shift_instead(desk):  # noqa: F811
    core, p = desk.core, desk.people
    with pytest.raises(NotFound, match="2025-11-19 没有营业记录"):
        register_pdf(core, p.supervisor, dt.date(2025, 11, 19))
    with pytest.raises(PermissionDenied, match="交接班记录"):
        register_pdf(core, p.clerk, DAY)


# -- the handover sheet -----------------------------------------------------------------------

def test_the_handover_sheet_of_a_closed_shift_shows_the_difference_reason_and_supervisor(desk):  # noqa: F811
    core, p = desk.core, desk.people
    numbers = a_day_at_the_hall(desk)
    pdf = handover_pdf(core, p.clerk, desk.shift.id)
    texts = pages_text(pdf)
    whole = flat("".join(texts))
    for fact in ("交接班记录", "营业员李营业员", f"班次编号{desk.shift.id}", "开班时间2025-11-2010:00",
                 "结班时间2025-11-2010:00", "备用金¥500.00", "100元14¥1,400.00", "50元1¥50.00",
                 "应有现金（备用金＋现金收付）¥1,500.00", "实点现金¥1,450.00", "差额短款¥50.00",
                 "差额原因找零多找50元", "批准值班长王值班长",
                 "现金2¥1,300.001-¥300.000¥0.00¥1,000.00", "银行卡1¥500.000¥0.000¥0.00¥500.00",
                 "收据号2025-000001至2025-000003，共3张，其中作废1张：2025-000003",
                 "作废2025-000003100100001张伟现金-¥300.00收错户李营业员王值班长",
                 f"{numbers['area']}面积变更张伟已受理", "交班人", "接班人", "值班长", "交接班准时"):
        assert fact in whole, fact
    assert numbers["app"] not in whole                      # 赵's request is not handed over here
    assert "第 1 页 共 1 页" in texts[0]
    assert_fonts_embedded(pdf)
    assert flat("".join(pages_text(handover_pdf(core, p.supervisor, desk.shift.id)))).count("短款¥50.00") == 1


def test_the_handover_sheet_waits_for_the_close_and_belongs_to_its_clerk(desk):  # noqa: F811
    core, p = desk.core, desk.people
    with pytest.raises(Conflict, match="尚未结班"):
        handover_pdf(core, p.clerk, desk.shift.id)
    shifts.close_shift(core, p.clerk, {"10000": 5})
    with pytest.raises(PermissionDenied):
        handover_pdf(core, p.clerk2, desk.shift.id)
    whole = flat("".join(pages_text(handover_pdf(core, p.clerk, desk.shift.id))))
    assert "差额无差额" in whole and "本班次无收付款" in whole and "本班次无作废、退款" in whole


# -- reminder notices -------------------------------------------------------------------------

@pytest.fixture
def building(core, people, clock):
    """Building 5: flat 101 owes two seasons, 102 one season less 500.00 paid (the late
    fee first), 103 paid in full; building 6 owes too.  Today is 2025-11-20."""
    settings.update(core, people.admin, HALL)
    clock.set(2023, 10, 8, 9, 0)
    publish(core, people.admin, "2023-2024", 1000)
    publish(core, people.admin, "2024-2025", 1200)
    ids = [accounts.register_account(core, people.clerk, account_input(i, area="100", building="5",
                                                                       room=str(100 + i))) for i in (1, 2, 3)]
    ids.append(accounts.register_account(core, people.clerk, account_input(9, area="100", building="6")))
    clock.set(2023, 11, 1, 9, 0)
    billing.generate_bill(core, people.admin, ids[0], "2023-2024")
    clock.set(2024, 11, 1, 9, 0)
    for account_id in ids:
        billing.generate_bill(core, people.admin, account_id, "2024-2025")
    clock.set(2025, 11, 20, 10, 0)
    shifts.open_shift(core, people.clerk, "0")
    payments.take_payment(core, people.clerk, ids[1], "500", "cash")
    payments.take_payment(core, people.clerk, ids[2], billing.get_statement(core, ids[2]).due_fen, "cash")
    return ids


def test_reminders_for_a_building_give_one_page_per_account_with_its_amounts(core, people, building):
    pdf = reminders_pdf(core, people.clerk, building="5")
    texts = [flat(t) for t in pages_text(pdf)]
    assert len(texts) == 2
    first, second = texts
    # 101: 1,000.00 late since 2024-01-01 (690 days at 3‰) and 1,200.00 since 2025-01-01 (324 days)
    for fact in ("催缴通知单", "尊敬的张伟用户（户号100100001）", "幸福小区5号楼2单元101室",
                 "2023-20242023-12-31¥1,000.00¥2,070.00¥3,070.00",
                 "2024-20252024-12-31¥1,200.00¥1,166.40¥2,366.40", "合计¥2,200.00¥3,236.40¥5,436.40",
                 "合计应缴¥5,436.40", f"大写金额{fen_to_capital(543640)}",
                 "2023-2024采暖季热费应于2023-12-31前缴清，逾期自次日起每日按欠费金额的3‰加收滞纳金",
                 "城东区建设路88号", "0351-1234567", "周一至周日8:30-17:30", "现金、银行卡、微信支付"):
        assert fact in first, fact
    # 102: the 500.00 paid the late fee first: 1,166.40 - 500.00 left
    assert "户号100100002" in second and "2024-20252024-12-31¥1,200.00¥666.40¥1,866.40" in second
    assert f"合计应缴¥1,866.40大写金额{fen_to_capital(186640)}" in second
    rows = {r.account_no: r for r in billing.arrears_list(core, building="5")}
    assert set(rows) == {"100100001", "100100002"}
    assert rows["100100001"].principal_fen + rows["100100001"].late_fee_fen == 543640
    assert all("100100003" not in t and "100100009" not in t for t in texts)
    assert_fonts_embedded(pdf)


def test_reminders_for_chosen_accounts_and_none_in_arrears(core, people, building):
    texts = pages_text(reminders_pdf(core, people.clerk, account_ids=[building[3], building[2]]))
    assert len(texts) == 1 and "100100009" in texts[0]
    with pytest.raises(NotFound, match="没有逾期欠费的账户"):
        reminders_pdf(core, people.clerk, account_ids=[building[2]])
    with pytest.raises(NotFound, match="7号楼"):
        reminders_pdf(core, people.clerk, building="7")


def test_a_bill_made_after_the_due_date_keeps_the_schedules_due_date_on_the_reminder(core, people, clock):
    """Billed on 2025-02-10 for the season due 2024-12-31: the notice gives 2024-12-31
    as the due date (not the bill's day) and says the late fee runs from the bill's day."""
    settings.update(core, people.admin, HALL)
    clock.set(2024, 10, 8, 9, 0)
    publish(core, people.admin, "2024-2025", 1000)
    account = accounts.register_account(core, people.clerk, account_input(1, area="100"))
    clock.set(2025, 2, 10, 9, 0)
    billing.generate_bill(core, people.admin, account, "2024-2025")
    clock.set(2025, 11, 20, 10, 0)
    [notice] = reminder_data(core, people.clerk, account_ids=[account]).notices
    [season] = notice.seasons
    assert season.due_date == dt.date(2024, 12, 31) and season.late_from == dt.date(2025, 2, 10)
    text = flat("".join(pages_text(reminders_pdf(core, people.clerk, account_ids=[account]))))
    assert "2024-20252024-12-31¥1,000.00" in text and "2025-02-10¥" not in text
    assert "2024-2025采暖季热费应于2024-12-31前缴清，本户该季账单于2025-02-10开具，滞纳金自其次日起" in text
