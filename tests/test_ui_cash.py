"""The counter's money windows through the real widgets: taking a payment (F7),
the receipts with reprint / void / refund (Shift+F7), the shift (Ctrl+F7), and
the wizard's fees page; on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from counter_app.catalogue import FeeItemSpec
from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.errors import PermissionDenied
from counter_app.ledger import EntryType, Method
from counter_app.services import accounts, billing, fees, payments, shifts
from tests.helpers import account_input
from tests.test_payments import desk, entries, publish  # noqa: F401 - desk is a fixture
from ui.cash import PaymentDialog, PaymentHistoryDialog, ShiftDialog
from ui.wizard.wizard import FEES, BusinessWizard


@pytest.fixture
def prefs(tmp_path, monkeypatch):
    """The clerk's remembered settings in tmp_path, as the main window fixture does."""
    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "prefs"))
    QSettings().clear()


@pytest.fixture
def billed(core, people):
    """One account of 100 m² billed 2,000.00 for 2025-2026, and no shift open yet."""
    publish(core, people.admin, "2025-2026", 2000)
    account_id = accounts.register_account(core, people.clerk, account_input(1, area="100"))
    billing.generate_bill(core, people.admin, account_id, "2025-2026")
    return account_id


def payment_dialog(qtbot, core, actor, account_id) -> PaymentDialog:
    dialog = PaymentDialog(core, actor, account_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def error_at(form, key: str) -> str:
    label = form.findChild(QLabel, f"error_{key}")
    return label.text() if label is not None and not label.isHidden() else ""


def login_as(dialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.try_login()


# -- taking a payment ----------------------------------------------------------------------

def test_the_common_case_takes_twelve_keys_from_the_main_window(main_window, core, people, qtbot, billed):
    """户号, F7, Enter to see the payment in figures and capitals, Enter to take
    it: money is confirmed deliberately and still in twelve keys from the lookup."""
    shifts.open_shift(core, people.clerk, "500")
    keys = 0
    qtbot.keyClicks(main_window.lookup, "100100001")
    keys += len("100100001")
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_F7)           # typed, then F7: found and paying
    keys += 1
    assert main_window.account_id == billed
    dialog = main_window.payment_dialog
    assert dialog.isVisible() and dialog.focusWidget() is dialog.amount
    assert dialog.amount.selectedText() == "2000.00"             # the due amount, selected
    assert dialog.capital.text() == "贰仟元整"
    assert dialog.method() is Method.CASH and dialog.change.text() == "0.00 元"
    assert [dialog.lines.item(r, 0).text() for r in range(dialog.lines.rowCount())] == \
        ["采暖费 100.00㎡×20.00元/㎡"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    keys += 1
    # nothing is taken yet: the confirm step shows the payment
    assert payments.account_payments(core, billed) == []
    assert dialog.stack.currentWidget() is dialog.confirm_page
    assert (dialog.confirm_amount.text(), dialog.confirm_capital.text()) == ("2,000.00 元", "贰仟元整")
    assert dialog.confirm_method.text() == "现金　实收 2,000.00 元"
    assert dialog.confirm_change.text() == "0.00 元"
    assert dialog.focusWidget() is dialog.confirm_button and dialog.confirm_button.isDefault()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    keys += 1
    assert keys == 12
    [receipt] = payments.account_payments(core, billed)
    assert (receipt.amount_fen, receipt.method, receipt.change_fen) == (200000, Method.CASH, 0)
    assert dialog.receipt_no.text() == receipt.receipt_no == "2025-000001"
    assert dialog.receipt_no.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.print_button.isEnabled() and dialog.print_button.menu() is not None
    assert dialog.close_button.isDefault()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)      # 关闭
    assert not dialog.isVisible()
    assert billing.get_statement(core, billed).due_fen == 0


def test_the_confirm_step_takes_nothing_until_confirmed(qtbot, qt_app, messages, prefs, desk):  # noqa: F811
    """Enter on the form shows the payment; Esc goes back to change it, keeping
    what was typed; an amount the core would refuse never reaches the confirm step."""
    core, p = desk.core, desk.people
    before = len(entries(core))
    dialog = payment_dialog(qtbot, core, p.clerk, desk.acc)
    dialog.amount.setText("123.45")
    dialog.tendered.setText("200")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.confirm_page
    assert dialog.confirm_amount.text() == "123.45 元"
    assert dialog.confirm_capital.text() == "壹佰贰拾叁元肆角伍分"
    assert dialog.confirm_change.text() == "76.55 元" and dialog.confirm_change.isVisibleTo(dialog)
    assert dialog.confirm_note.text() == "部分交费：交后尚欠 2,876.55 元"
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Escape)      # back, not closed
    assert dialog.isVisible() and dialog.stack.currentWidget() is dialog.entry_page
    assert dialog.amount.text() == "123.45" and dialog.focusWidget() is dialog.amount
    assert len(entries(core)) == before
    dialog.tendered.setText("100")                                # less than the amount
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.entry_page
    assert "少于收款金额" in error_at(dialog.form, "tendered")
    dialog.tendered.clear()
    dialog.amount.setText("3500")                                 # over the due, 预交 not ticked
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.entry_page
    assert "请勾选“预交”" in error_at(dialog.form, "amount")
    dialog.prepay.setChecked(True)
    dialog.set_method(Method.WECHAT)
    dialog.pay_button.click()
    assert dialog.confirm_note.text() == "其中 500.00 元 作为预交下一采暖季热费"
    assert dialog.confirm_method.text() == "微信支付" and not dialog.confirm_change.isVisibleTo(dialog)
    dialog.confirm_button.click()
    assert dialog.view is not None and dialog.view.amount_fen == 350000
    assert len(entries(core)) == before + 1 and messages.texts == []


def test_cash_with_change_and_the_method_is_remembered_per_clerk(qtbot, qt_app, messages, prefs, desk):  # noqa: F811
    core, p = desk.core, desk.people
    dialog = payment_dialog(qtbot, core, p.clerk, desk.acc)
    assert dialog.amount.text() == "3000.00"
    dialog.tendered.setText("3100")
    assert dialog.change.text() == "100.00 元"
    dialog.take()
    view = dialog.view
    assert (view.amount_fen, view.tendered_fen, view.change_fen) == (300000, 310000, 10000)
    assert dialog.change_due.text() == "100.00 元" and dialog.change_due.isVisibleTo(dialog)
    # the next payment starts with the method used last; keys 1-5 switch it
    again = payment_dialog(qtbot, core, p.clerk, desk.acc2)
    assert again.method() is Method.CASH
    again.method_buttons[Method.CASH].setFocus()
    qtbot.keyClick(again.method_buttons[Method.CASH], Qt.Key.Key_3)
    assert again.method() is Method.WECHAT and not again.tendered.isEnabled()
    again.amount.setText("80")
    again.prepay.setChecked(True)
    again.take()
    assert again.view.method is Method.WECHAT and again.view.change_fen is None
    assert not again.change_due.isVisibleTo(again)
    assert payment_dialog(qtbot, core, p.clerk, desk.acc).method() is Method.WECHAT
    assert payment_dialog(qtbot, core, p.clerk2, desk.acc).method() is Method.CASH
    assert messages.texts == []


def test_a_partial_payment(qtbot, qt_app, messages, prefs, desk):  # noqa: F811
    core, p = desk.core, desk.people
    dialog = payment_dialog(qtbot, core, p.clerk, desk.acc)
    dialog.set_method(Method.CARD)
    dialog.amount.setText("1200")
    assert dialog.excess.text() == "部分交费：交后尚欠 1,800.00 元"
    assert dialog.capital.text() == "壹仟贰佰元整"
    dialog.take()
    assert dialog.view.amount_fen == 120000 and dialog.view.items[0] == ("2024-2025采暖季热费", 100000)
    assert billing.get_statement(core, desk.acc).due_fen == 180000
    assert payment_dialog(qtbot, core, p.clerk, desk.acc).amount.text() == "1800.00"


def test_a_prepayment_needs_the_box_ticked(qtbot, qt_app, messages, prefs, desk):  # noqa: F811
    core, p = desk.core, desk.people
    before = len(entries(core))
    dialog = payment_dialog(qtbot, core, p.clerk, desk.acc)
    dialog.amount.setText("3500")
    assert "超出应缴 500.00 元" in dialog.excess.text()
    dialog.take()
    assert "请勾选“预交”" in error_at(dialog.form, "amount")
    assert len(entries(core)) == before and dialog.view is None
    assert dialog.amount.text() == "3500" and messages.texts == []       # nothing typed is lost
    dialog.prepay.setChecked(True)
    assert dialog.excess.text() == "其中 500.00 元 作为预交下一采暖季热费"
    dialog.take()
    assert dialog.view.prepayment and ("预交下一采暖季热费", 50000) in dialog.view.items
    assert len(entries(core)) == before + 1



def test_the_late_fee_is_shown_and_a_request_is_named(qtbot, qt_app, messages, prefs, core, people, billed,
                                                     clock):
    from tests.test_ui_wizard import click_next, run_to_done

    clock.set(2026, 1, 10, 9, 0)                    # the 2025-2026 bill is 10 days overdue
    shifts.open_shift(core, people.clerk, "0")
    wizard = BusinessWizard(core, people.clerk, "settlement", account_id=billed)
    qtbot.addWidget(wizard)
    wizard.show()
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    wizard.details_page.form.inputs["payer_name"].setText("张伟")
    run_to_done(qtbot, wizard)
    dialog = PaymentDialog(core, people.clerk, billed, request_id=wizard.request_id)
    qtbot.addWidget(dialog)
    labels = [dialog.lines.item(r, 0).text() for r in range(dialog.lines.rowCount())]
    assert "2025-2026采暖季滞纳金" in labels
    due = billing.get_statement(core, billed).due_fen
    assert due > 200000 and dialog.due.text() == f"应缴合计：{due // 100:,}.{due % 100:02d} 元"
    assert wizard.done_page.number.text() in dialog.head.text()
    dialog.take()
    assert dialog.view.request_id == wizard.request_id and dialog.view.amount_fen == due
    assert ("2025-2026采暖季热费", 200000) in dialog.view.items and messages.texts == []

@pytest.mark.parametrize(("typed", "message"), [("1.005", "最多两位小数"), ("-5", "不能为负数"),
                                                 ("abc", "格式不对")])
def test_bad_amounts_are_shown_at_the_field(qtbot, qt_app, messages, prefs, desk, typed, message):  # noqa: F811
    core, p = desk.core, desk.people
    before = len(entries(core))
    dialog = payment_dialog(qtbot, core, p.clerk, desk.acc)
    dialog.amount.setText(typed)
    assert dialog.capital.text() == ""
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert message in error_at(dialog.form, "amount")
    assert dialog.amount.text() == typed and dialog.stack.currentWidget() is dialog.entry_page
    assert len(entries(core)) == before and messages.texts == []


def test_without_a_shift_the_dialog_offers_to_open_one(qtbot, qt_app, messages, prefs, core, people, billed):
    dialog = payment_dialog(qtbot, core, people.clerk, billed)
    assert dialog.banner.isVisibleTo(dialog) and "还没有开班" in dialog.banner_text.text()
    assert not dialog.pay_button.isEnabled() and dialog.shift_button.isDefault()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)               # Enter offers the shift
    shift_dialog = dialog.shift_dialog
    assert shift_dialog is not None and shift_dialog.isVisible()
    assert shift_dialog.stack.currentWidget() is shift_dialog.open_page
    shift_dialog.float_amount.setText("-1")
    shift_dialog.open_shift()
    assert "不能为负数" in error_at(shift_dialog.open_form, "float")
    shift_dialog.float_amount.setText("500")
    qtbot.keyClick(shift_dialog.float_amount, Qt.Key.Key_Return)
    assert not shift_dialog.isVisible()
    assert shifts.current_shift(core, people.clerk).float_fen == 50000
    assert not dialog.banner.isVisibleTo(dialog) and dialog.pay_button.isDefault()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)                # the payment, to confirm
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)          # confirmed
    assert dialog.view is not None and dialog.view.amount_fen == 200000
    assert messages.texts == []


def test_a_shift_left_open_yesterday_must_be_closed_first(qtbot, qt_app, messages, prefs, core, people,
                                                          billed, clock):
    clock.set(2025, 11, 19, 9, 0)
    shifts.open_shift(core, people.clerk, "0")
    clock.set(2025, 11, 20, 9, 0)
    dialog = payment_dialog(qtbot, core, people.clerk, billed)
    assert "2025-11-19 开的，尚未结班" in dialog.banner_text.text()
    assert not dialog.pay_button.isEnabled()
    dialog.open_shift_dialog()
    shift_dialog = dialog.shift_dialog
    assert shift_dialog.stack.currentWidget() is shift_dialog.close_page
    assert shift_dialog.stale.isVisibleTo(shift_dialog)
    shift_dialog.close_shift()                                    # nothing expected, nothing counted
    assert shift_dialog.stack.currentWidget() is shift_dialog.done_page
    shift_dialog.accept()
    assert "还没有开班" in dialog.banner_text.text()


# -- receipts: reprint, void, refund ----------------------------------------------------------

def history(qtbot, core, actor, account_id) -> PaymentHistoryDialog:
    dialog = PaymentHistoryDialog(core, actor, account_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_reprints_are_numbered_copies(qtbot, qt_app, messages, desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, "1000", "cash")
    dialog = history(qtbot, core, p.clerk, desk.acc)
    assert dialog.table.item(0, 0).text() == paid.receipt_no and dialog.table.item(0, 5).text() == "有效"
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    assert "副本 1" in dialog.message.text()
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    assert "副本 2" in dialog.message.text() and "请在预览中打印" in dialog.message.text()
    assert dialog.table.item(0, 6).text() == "2"
    assert payments.receipt(core, paid.entry_id).copies == 2


def test_a_void_needs_a_supervisor_not_the_clerk(qtbot, qt_app, messages, desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, "1000", "cash")
    dialog = history(qtbot, core, p.clerk, desk.acc)
    assert dialog.void_button.isEnabled()
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    void = dialog.correction_dialog
    void.submit()
    assert "请填写作废收款原因" in error_at(void.form, "reason") and void.login_dialog is None
    void.reason.setText("收错户")
    void.submit()
    login = void.login_dialog
    assert "须由值班长批准" in login.intro.text()
    before = len(entries(core))
    login_as(login, "li", "clerk-pass")                       # the clerk's own credentials
    with pytest.raises(PermissionDenied) as refused:
        payments.void(core, p.clerk, paid.entry_id, "收错户", p.clerk)
    assert login.message.text() == refused.value.message
    assert login.isVisible() and len(entries(core)) == before
    login_as(login, "wang", "super-pass")
    assert not login.isVisible() and not void.isVisible()
    voided = entries(core)[-1]
    assert voided.entry_type == EntryType.VOID.value and voided.approved_by_id == p.supervisor.staff_id
    assert dialog.table.item(0, 5).text() == "作废" and not dialog.void_button.isEnabled()
    assert "王值班长" in dialog.message.text() and "收错户" in dialog.detail.text()
    assert payments.receipt(core, paid.entry_id).void and messages.texts == []


def test_a_refund_with_amount_method_reason_and_approval(qtbot, qt_app, messages, desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, "3000", "wechat")
    dialog = history(qtbot, core, p.clerk, desk.acc)
    qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    refund = dialog.correction_dialog
    assert refund.amount.text() == "3000.00" and refund.method.currentText() == "微信支付"
    refund.amount.setText("3000.001")
    refund.reason.setText("多收")
    refund.submit()
    assert "最多两位小数" in error_at(refund.form, "amount") and refund.login_dialog is None
    refund.amount.setText("1000")
    refund.method.setCurrentIndex(refund.method.findText("现金"))
    refund.submit()
    login_as(refund.login_dialog, "wang", "super-pass")
    assert not refund.isVisible()
    view = payments.receipt(core, paid.entry_id)
    assert view.refundable_fen == 200000 and view.refunds[0].method is Method.CASH
    assert view.refunds[0].approved_by == "王值班长"
    assert dialog.table.item(0, 5).text() == "已退 1,000.00 元"
    assert "请将退款交给客户" in dialog.message.text() and messages.texts == []


# -- the shift ---------------------------------------------------------------------------------

def shift_dialog(qtbot, core, actor) -> ShiftDialog:
    dialog = ShiftDialog(core, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_closing_with_a_difference_needs_a_reason_and_a_supervisor(qtbot, qt_app, messages, desk):  # noqa: F811
    core, p = desk.core, desk.people
    payments.take_payment(core, p.clerk, desk.acc, "1000", "cash")
    payments.take_payment(core, p.clerk, desk.acc, "500", "card")
    dialog = shift_dialog(qtbot, core, p.clerk)
    assert dialog.stack.currentWidget() is dialog.close_page
    assert dialog.expected.text() == "钱箱应有现金：1,500.00 元"          # float 500 + cash 1,000
    assert dialog.totals.rowCount() == 2
    for fen, count in {10000: 14, 5000: 1, 1000: 4, 100: 9, 50: 1, 10: 4, 1: 6}.items():  # 1,499.96
        dialog.counts[fen].setValue(count)
    assert dialog.counted.text() == "1,499.96 元"
    assert dialog.difference.text() == "短款 0.04 元" and "b00020" in dialog.difference.styleSheet()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "短款 0.04 元" in error_at(dialog.close_form, "reason") and dialog.login_dialog is None
    dialog.reason.setText("找零有误")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    login = dialog.login_dialog
    login_as(login, "li", "clerk-pass")
    assert "无权" in login.message.text() and shifts.current_shift(core, p.clerk) is not None
    login_as(login, "wang", "super-pass")
    assert shifts.current_shift(core, p.clerk) is None
    report = shifts.shift_report(core, p.clerk, desk.shift.id)
    assert report.shift.difference_fen == -4 and report.approved_by == "王值班长"
    assert dialog.stack.currentWidget() is dialog.done_page and "找零有误" in dialog.summary.text()
    assert messages.texts == []


def test_an_exact_count_closes_at_once_and_enter_moves_between_counts(qtbot, qt_app, messages, desk):  # noqa: F811
    core, p = desk.core, desk.people
    dialog = shift_dialog(qtbot, core, p.clerk)
    first = dialog.counts[10000]
    first.setValue(5)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)                   # to the next count, not closing
    assert shifts.current_shift(core, p.clerk) is not None
    assert dialog.difference.text() == "无差额"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert shifts.current_shift(core, p.clerk) is None and dialog.login_dialog is None
    assert dialog.done_button.isDefault() and messages.texts == []


# -- the wizard's fees page -------------------------------------------------------------------

def to_fees_page(qtbot, wizard) -> None:
    from tests.test_ui_wizard import click_next, tick

    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate", "last_season_receipt")
    click_next(qtbot, wizard)
    wizard.details_page.form.inputs["reason"].setCurrentText("房屋空置")
    click_next(qtbot, wizard)
    assert wizard.currentId() == FEES


def test_the_fees_page_shows_the_valve_fee_of_a_stop(qtbot, qt_app, messages, core, people, monkeypatch):
    stop = core.catalogue.get("stop")
    if "valve_seal" not in {f.code for f in stop.fees}:   # until forms/businesses/stop.toml lists it
        monkeypatch.setitem(core.catalogue.kinds, "stop", dataclasses.replace(
            stop, fees=(*stop.fees, FeeItemSpec("valve_seal", "关阀施封费"))))
    fees.create_schedule(
        core, people.admin, season="2025-2026", decree_no="价格〔2025〕12号", effective_date="2025-10-01",
        season_start="2025-11-15", season_end="2026-03-15", due_date="2025-12-31", basic_fee_bp=3000,
        late_fee_ppm_per_day=3000, prices=dict.fromkeys(itertools.product(UserClass, HeatingForm), 2000),
        items=[fees.ItemInput("valve_seal", "关阀施封费", 5000)])
    account_id = accounts.register_account(core, people.clerk, account_input(1, area="100"))
    wizard = BusinessWizard(core, people.clerk, "stop", account_id=account_id)
    qtbot.addWidget(wizard)
    wizard.show()
    to_fees_page(qtbot, wizard)
    page = wizard.fees_page
    rows = {page.table.item(r, 1).text(): page.table.item(r, 2).text() for r in range(page.table.rowCount())}
    assert rows["关阀施封费"] == "50.00 元"
    assert rows["基本热费"] == "停热期间按热费的 30% 收取（整季停热 600.00 元）"
    assert "价格〔2025〕12号" in page.basis.text() and "F7" in page.note.text()
    assert ("关阀施封费", "50.00 元") in page.summary()
    assert messages.texts == []


def test_the_fees_page_says_when_no_schedule_is_published(qtbot, qt_app, messages, core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    wizard = BusinessWizard(core, people.clerk, "stop", account_id=account_id)
    qtbot.addWidget(wizard)
    wizard.show()
    to_fees_page(qtbot, wizard)
    assert "本采暖季收费标准尚未发布" in wizard.fees_page.basis.text()
    assert wizard.fees_page.table.item(0, 2).text() == "按收费标准计算"
    assert messages.texts == []


def test_the_settlement_fees_page_shows_the_statement(qtbot, qt_app, messages, core, people, billed):
    wizard = BusinessWizard(core, people.clerk, "settlement", account_id=billed)
    qtbot.addWidget(wizard)
    wizard.show()
    from tests.test_ui_wizard import click_next

    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    wizard.details_page.form.inputs["payer_name"].setText("张伟")
    click_next(qtbot, wizard)
    assert wizard.currentId() == FEES
    page = wizard.fees_page
    assert page.statement_box.isVisibleTo(page)
    assert page.lines.item(0, 0).text() == "采暖费 100.00㎡×20.00元/㎡"
    assert page.lines.item(0, 1).text() == "2,000.00"
    assert page.due.text() == "应缴合计：2,000.00 元"
    assert ("本户应缴合计", "2,000.00 元") in page.summary()
    assert messages.texts == []



def test_the_money_windows_show_no_english(qtbot, qt_app, messages, prefs, desk):  # noqa: F811
    from tests.test_ui_language import english_words

    core, p = desk.core, desk.people
    pay = payment_dialog(qtbot, core, p.clerk, desk.acc)
    assert english_words(pay) == set()
    pay.take()
    assert english_words(pay) == set()
    receipts = history(qtbot, core, p.clerk, desk.acc)
    receipts.correct("refund")
    assert english_words(receipts) == set() and english_words(receipts.correction_dialog) == set()
    receipts.correction_dialog.reason.setText("多收")
    receipts.correction_dialog.submit()
    assert english_words(receipts.correction_dialog.login_dialog) == set()
    assert english_words(shift_dialog(qtbot, core, p.clerk)) == set()
