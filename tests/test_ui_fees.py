"""The money screens of supervisors and administrators, through the real widgets:
the fee schedule, the season's batch, reductions and their approval, the arrears
list and its CSV."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.errors import PermissionDenied
from counter_app.services import billing, fees
from tests.test_billing import account, bill_of, publish
from ui.fees import ArrearsWindow, ReductionDialog, ScheduleDialog, SeasonBillingDialog
from ui.requests import SupervisorQueue

SEASON = "2025-2026"
RADIATOR = (UserClass.RESIDENTIAL, HeatingForm.RADIATOR)


@pytest.fixture
def ui(qtbot, qt_app, messages):
    """Opens the windows as the main window does (non-blocking)."""
    class Opener:
        def dialog(self, cls, *args):
            dialog = cls(*args)
            qtbot.addWidget(dialog)
            dialog.open()
            qtbot.waitExposed(dialog)
            return dialog

        def window(self, cls, *args):
            window = cls(*args)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
            return window
    return Opener()


def column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


# -- the fee schedule ---------------------------------------------------------------------

def test_an_administrator_publishes_a_schedule_then_a_second_version(ui, core, people, qtbot):
    dialog = ui.dialog(ScheduleDialog, core, people.admin)
    form = dialog.new_form
    assert dialog.table.rowCount() == 0
    # nothing published yet: the practice defaults
    assert (form.season.text(), form.season_start.text(), form.season_end.text()) == (
        SEASON, "2025-11-15", "2026-03-15")
    assert form.prices[RADIATOR].text() == "22.50"
    assert form.prices[(UserClass.RESIDENTIAL, HeatingForm.FLOOR)].text() == "30.00"
    assert form.prices[(UserClass.NON_RESIDENTIAL, HeatingForm.RADIATOR)].text() == "33.90"
    assert (form.basic_fee.text(), form.late_fee.text()) == ("30", "3")
    assert "新版本不影响已开出的账单" in dialog.notice.text()
    form.decree_no.setText("价格〔2025〕12号")
    qtbot.keyClick(form.decree_no, Qt.Key.Key_Return)         # Enter in a field never publishes
    assert fees.list_schedules(core) == []
    form.discount.setText("5")
    form.discount_until.setText("2025-11-30")
    form.add_item_row("valve_seal", "关阀施封费", "50.00")
    dialog.publish_button.click()
    [first] = fees.list_schedules(core)
    assert (first.version, first.decree_no, first.effective_date) == (1, "价格〔2025〕12号",
                                                                      dt.date(2025, 11, 20))
    assert (first.basic_fee_bp, first.late_fee_ppm_per_day, first.early_discount_bp) == (3000, 3000, 500)
    assert first.prices[RADIATOR] == 2250 and first.due_date == dt.date(2025, 12, 31)
    assert [(i.code, i.label, i.amount_fen) for i in first.items] == [("valve_seal", "关阀施封费", 5000)]
    assert column(dialog.table, 1) == ["第1版（现行）"]
    assert "第1版" in dialog.notice.text() and "新版本不影响已开出的账单" in dialog.notice.text()

    # a bill made on version 1 ...
    a = account(core, people.clerk)
    made = billing.generate_bill(core, people.clerk, a, SEASON)
    # ... and a second version, prefilled from the first
    assert form.decree_no.text() == "价格〔2025〕12号" and form.items.rowCount() == 1
    form.decree_no.setText("价格〔2025〕30号")
    form.prices[RADIATOR].setText("24.00")
    form.late_fee.setText("0.5")
    dialog.publish_button.click()
    second, again = fees.list_schedules(core)
    assert (second.version, second.prices[RADIATOR], second.late_fee_ppm_per_day) == (2, 2400, 500)
    assert again == first
    assert column(dialog.table, 1) == ["第2版（现行）", "第1版"]
    assert column(dialog.table, 5) == ["24.00", "22.50"]
    assert "24.00 元/平方米" in dialog.details.toPlainText()
    bill, lines = bill_of(core, a)
    assert (bill.id, bill.schedule_id, lines) == (made, first.id, [("heating", 192375)])


def test_a_clerk_can_neither_see_nor_publish_the_schedule(main_window, ui, core, people):
    for key in ("schedule", "season_bills", "arrears"):
        assert not main_window.registry[key].isVisible()
    dialog = ui.dialog(ScheduleDialog, core, people.clerk)
    assert not dialog.publish_button.isEnabled()
    assert "只能查看" in dialog.notice.text()
    dialog.publish()
    with pytest.raises(PermissionDenied, match="无权修改收费标准"):
        publish(core, people.clerk)
    assert fees.list_schedules(core) == []


def test_a_bad_price_is_shown_at_its_field_and_nothing_is_saved(ui, core, people, messages):
    dialog = ui.dialog(ScheduleDialog, core, people.admin)
    form = dialog.new_form
    form.decree_no.setText("价格〔2025〕12号")
    price = form.prices[RADIATOR]
    for typed, said in (("22.505", "居民散热器单价最多两位小数，请核对"),
                        ("0", "居民散热器单价应大于0且不超过500.00元/平方米，请核对")):
        price.setText(typed)
        dialog.publish_button.click()
        error = form.form.errors["price_residential_radiator"]
        assert error.isVisibleTo(dialog) and error.text() == said
        assert price.text() == typed                          # nothing typed is lost
    price.setText("22.50")
    form.basic_fee.setText("30.125")
    dialog.publish_button.click()
    assert form.form.errors["basic_fee_bp"].text() == "停热基本热费比例最多2位小数，请核对"
    assert not form.form.errors["price_residential_radiator"].isVisibleTo(dialog)
    form.basic_fee.setText("30")
    form.late_fee.setText("12")
    dialog.publish_button.click()
    assert form.form.errors["late_fee_ppm_per_day"].text() == "滞纳金日费率应在0至10‰之间，请核对"
    assert fees.list_schedules(core) == [] and messages.texts == []


def test_a_new_season_moves_the_dates_by_a_year(ui, core, people):
    publish(core, people.admin)
    dialog = ui.dialog(ScheduleDialog, core, people.admin)
    form = dialog.new_form
    form.season.setText("2026-27")
    form.season.editingFinished.emit()
    assert (form.season.text(), form.season_start.text(), form.due_date.text(),
            form.discount_until.text()) == ("2026-2027", "2026-11-15", "2026-12-31", "2026-11-30")


# -- the season's batch -------------------------------------------------------------------

def test_season_billing_runs_on_a_worker_and_reports_the_counts(ui, core, people, qtbot):
    publish(core, people.admin)
    account(core, people.clerk, 1)
    account(core, people.clerk, 2)
    account(core, people.clerk, 3, heating_state="not_connected")
    dialog = ui.dialog(SeasonBillingDialog, core, people.admin)
    assert dialog.season_text() == SEASON
    assert "第1版" in dialog.schedule_text.text() and dialog.start_button.isEnabled()
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.run is not None)
    assert not dialog.busy.isVisibleTo(dialog) and dialog.result_box.isVisibleTo(dialog)
    counts = {k: label.text() for k, label in dialog.result_labels.items()}
    assert counts == {"accounts": "3 户", "created": "2 户", "regenerated": "0 户", "unchanged": "0 户",
                      "kept_paid": "0 户", "no_charge": "1 户", "total_fen": "3,847.50 元"}
    assert dialog.summary.text() == "2025-2026采暖季账单已按收费标准第1版建立。"

    # a new version: the rerun reprices the unpaid bills
    publish(core, people.admin, price=2400, effective=dt.date(2025, 11, 20))
    dialog.season.setCurrentText(SEASON)
    dialog.show_schedule()
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.run.version == 2)
    assert dialog.result_labels["regenerated"].text() == "2 户"
    assert dialog.result_labels["created"].text() == "0 户"


def test_a_season_without_a_schedule_cannot_be_billed(ui, core, people, messages):
    dialog = ui.dialog(SeasonBillingDialog, core, people.admin)
    error = dialog.form.errors["season"]
    assert error.isVisibleTo(dialog) and "2025-2026采暖季尚无生效的收费标准" in error.text()
    assert not dialog.start_button.isEnabled() and messages.texts == []


# -- reductions ---------------------------------------------------------------------------

def billed_account(core, people):
    publish(core, people.admin)
    a = account(core, people.clerk)
    billing.generate_bill(core, people.clerk, a, SEASON)
    return a


def test_a_clerks_reduction_is_approved_in_the_queue_and_becomes_a_bill_line(ui, core, people, messages,
                                                                             qtbot):
    a = billed_account(core, people)
    dialog = ui.dialog(ReductionDialog, core, people.clerk, a)
    assert dialog.heading.text().startswith("100100001　张伟")
    assert dialog.kind.currentText() == "低保户减免" and dialog.season.text() == SEASON
    dialog.reason.setText("城市低保户")
    dialog.percent.setText("50")
    dialog.ok_button.click()                              # no document: at the field
    assert dialog.isVisible()
    assert dialog.form.errors["document"].text().startswith("请填写证明材料")
    dialog.document.setText("低保证 No.2025-0087")
    dialog.percent.setText("百分之五十")
    dialog.ok_button.click()
    assert dialog.form.errors["percent_bp"].text() == "减免比例请只填写数字，如 30"
    dialog.percent.setText("50%")
    qtbot.keyClick(dialog.percent, Qt.Key.Key_Return)          # Enter submits
    assert not dialog.isVisible()
    assert "等待值班长审批" in messages.last
    [pending] = billing.pending_reductions(core)
    assert (pending.id, pending.percent_bp, pending.document) == (dialog.reduction_id, 5000,
                                                                  "低保证 No.2025-0087")
    assert bill_of(core, a)[1] == [("heating", 192375)]   # nothing counts before approval

    queue = ui.window(SupervisorQueue, core, people.supervisor, [].append)
    assert queue.tabs.tabText(1) == "减免审批（1）"
    queue.tabs.setCurrentIndex(1)
    panel = queue.reductions
    assert [panel.table.item(0, c).text() for c in range(8)] == [
        "100100001", "张伟", SEASON, "低保户减免", "50%", "城市低保户", "低保证 No.2025-0087", "李营业员"]
    panel.note.setText("材料齐全")
    panel.approve_button.click()
    assert "批准100100001 张伟" in messages.last              # asked first
    assert bill_of(core, a)[1] == [("heating", 192375), ("reduction", -96188)]
    assert queue.tabs.tabText(1) == "减免审批（0）"
    assert panel.status.text().startswith("已批准：100100001")
    assert not panel.approve_button.isEnabled()


def test_a_fixed_amount_and_the_requesters_own_approval_is_refused(ui, core, people, messages):
    a = billed_account(core, people)
    dialog = ui.dialog(ReductionDialog, core, people.supervisor, a)
    dialog.kind.setCurrentIndex(dialog.kind.findData("below_standard"))
    assert dialog.document.placeholderText() == "如：测温记录单号"
    dialog.reason.setText("12月入户测温14℃")
    dialog.document.setText("测温记录单 CW-88")
    dialog.by_amount.setChecked(True)
    assert not dialog.percent.isEnabled() and dialog.amount.isEnabled()
    dialog.amount.setText("0")
    dialog.ok_button.click()
    assert dialog.form.errors["amount_fen"].text() == "减免金额应大于0"
    dialog.amount.setText("30.00")
    dialog.ok_button.click()
    [pending] = billing.pending_reductions(core)
    assert pending.amount_fen == 3000 and pending.percent_bp is None

    queue = ui.window(SupervisorQueue, core, people.supervisor, [].append)
    panel = queue.reductions
    assert panel.table.item(0, 4).text() == "30.00 元"
    panel.approve_button.click()
    assert "不能审批自己提交的减免申请" in messages.last
    assert len(billing.pending_reductions(core)) == 1
    panel.note.setText("自己驳回")
    panel.reject_button.click()
    assert messages.texts.count(messages.last) == 2 and "不能审批自己提交" in messages.last
    assert panel.note.text() == "自己驳回"                 # kept after the refusal

    other = ui.window(SupervisorQueue, core, people.admin, [].append)
    other.reductions.reject_button.click()                 # a refusal needs its reason
    assert other.reductions.form.errors["note"].text() == "驳回减免申请须写明原因"
    other.reductions.note.setText("测温记录未经两人签字")
    other.reductions.reject_button.click()
    assert billing.pending_reductions(core) == []
    assert other.tabs.tabText(1) == "减免审批（0）"
    assert bill_of(core, a)[1] == [("heating", 192375)]


# -- arrears ------------------------------------------------------------------------------

def test_the_arrears_list_filters_totals_and_exports_a_csv(ui, core, people, clock, qtbot, tmp_path):
    clock.set(2024, 10, 10, 10, 0)
    publish(core, people.admin, season="2024-2025")
    a1 = account(core, people.clerk, 1)
    a2 = account(core, people.clerk, 2, community="阳光花园", building="12")
    account(core, people.clerk, 3, building="5", heating_state="not_connected")
    run = billing.generate_season(core, people.admin, "2024-2025")
    assert run.created == 2
    clock.set(2025, 11, 20, 10, 0)
    window = ui.window(ArrearsWindow, core, people.supervisor)
    qtbot.waitUntil(lambda: window.loaded)
    assert window.as_of.text() == "截至 2025-11-20"
    assert window.print_button.isEnabled() and window.print_button.menu() is not None
    assert column(window.table, 0) == ["100100001", "100100002"]
    # 2024-2025 unpaid since 2025-01-01: 324 days x 3 ‰ x 1923.75 = 1869.885 -> 1869.89
    assert [window.table.item(0, c).text() for c in range(1, 8)] == [
        "张伟", "幸福小区3号楼2单元301室", "13912340001", "2024-2025", "1,923.75", "1,869.89", "3,793.64"]
    assert window.totals.text() == "共 2 户　欠费本金 3,847.50 元　滞纳金 3,739.78 元　合计 7,587.28 元"
    assert [window.community.itemText(i) for i in range(window.community.count())] == [
        "全部小区", "幸福小区", "阳光花园"]
    assert not window.building.isEnabled()

    window.community.setCurrentIndex(window.community.findData("阳光花园"))
    assert window.building.isEnabled()
    assert [window.building.itemText(i) for i in range(window.building.count())] == ["全部楼栋", "12号楼"]
    assert column(window.table, 0) == ["100100002"]
    window.building.setCurrentIndex(1)
    assert [r.account_id for r in window.rows] == [a2]
    path = tmp_path / "催缴.csv"
    assert window.export(path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")     # the BOM Excel needs for UTF-8
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["户号", "户主", "地址", "电话", "欠费采暖季", "欠费本金（元）", "滞纳金（元）",
                       "合计（元）"]
    assert rows[1] == ["100100002", "张伟", "阳光花园12号楼2单元302室", "13912340002", "2024-2025",
                       "1923.75", "1869.89", "3793.64"]
    assert rows[2] == ["合计", "1 户", "", "", "", "1923.75", "1869.89", "3793.64"]
    assert window.default_name() == "欠费清单-阳光花园-12号楼-2025-11-20.csv"

    # back to every community
    window.community.setCurrentIndex(0)
    assert [r.account_id for r in window.rows] == [a1, a2]


def test_the_main_window_opens_the_money_screens(main_window, core, people, qtbot):
    main_window.set_actor(people.admin)
    for key in ("schedule", "season_bills", "arrears"):
        assert main_window.registry[key].isVisible()
    main_window.registry["schedule"].trigger()
    assert main_window.findChild(ScheduleDialog).isVisible()
    main_window.registry["season_bills"].trigger()
    assert main_window.findChild(SeasonBillingDialog).isVisible()
    main_window.registry["arrears"].trigger()
    qtbot.waitUntil(lambda: main_window.arrears_window.loaded)
    assert main_window.arrears_window.totals.text() == "没有逾期欠费的账户"
