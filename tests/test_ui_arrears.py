"""Arrears are seen when the account is chosen, through the real widgets: the
main window's customer panel shows what is owed and past due and what that
stops, and a business that cannot finish stops on the wizard's first page with
the reason and 收费 (F7) offered there; once paid, it goes on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar

from counter_app.domain.enums import RequestStatus
from counter_app.services import accounts, billing, requests, shifts
from tests.helpers import account_input
from tests.test_billing import SEASON, publish
from tests.test_ui_wizard import CUSTOMER, DOCUMENTS, click_next, make_wizard


@pytest.fixture
def owing(core, people, clock):
    """Account 100100001, billed for 2025-2026 and past the due date (2025-12-31)
    on 2026-01-05; the clerk's shift is open."""
    publish(core, people.admin)
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    clock.set(2025, 11, 16, 9, 0)
    billing.generate_season(core, people.admin, SEASON)
    clock.set(2026, 1, 5, 9, 0)
    shifts.open_shift(core, people.clerk, "0")
    return account_id


def test_the_customer_panel_shows_arrears_and_what_they_stop(main_window, qtbot, core, people, owing):
    accounts.register_account(core, people.clerk, account_input(2))        # nothing billed
    qtbot.keyClicks(main_window.lookup, "100100001")
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    standing = main_window.standing
    assert standing.isVisibleTo(main_window) and standing.objectName() == "standing"
    text = standing.text()
    assert f"欠费：{SEASON} 采暖季" in text and "含滞纳金" in text
    assert f"{billing.get_statement(core, owing).due_fen // 100:,}" in text.replace("今日应缴合计：", "")
    assert "欠费结清前不能办理：过户、更名、停热申请、复热申请。请先收费 (F7)。" in text
    main_window.lookup.clear()
    qtbot.keyClicks(main_window.lookup, "100100002")
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    assert main_window.standing.text() == "无欠费"
    main_window.next_visitor()
    assert not main_window.standing.isVisibleTo(main_window)


def test_a_stop_with_arrears_stops_on_page_one_and_goes_on_once_paid(qtbot, qt_app, messages, core, people,
                                                                     owing):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=owing)
    qtbot.waitExposed(wizard)
    wizard.windowHandle().requestActivate()                # F7 goes to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    picker = wizard.customer_page.picker
    assert picker.standing.isVisibleTo(wizard) and SEASON in picker.standing.text()
    assert picker.blocked.isVisibleTo(wizard) and picker.pay_button.isVisibleTo(wizard)
    reason = picker.blocker.text()
    assert reason.startswith("该户尚欠热费") and "须先结清欠费再办理停热申请" in reason
    click_next(qtbot, wizard)
    assert wizard.currentId() == CUSTOMER                  # stopped here, not at the confirm page
    assert "请先收费 (F7)" in picker.error.text() and picker.error.isVisibleTo(wizard)

    qtbot.keyClick(picker.lookup, Qt.Key.Key_F7)           # 收费 from the wizard itself
    dialog = wizard.payment_dialog
    assert dialog is not None and dialog.isVisible() and dialog.account_id == owing
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.view is not None and billing.get_statement(core, owing).due_fen == 0
    dialog.accept()
    assert not picker.blocked.isVisibleTo(wizard) and picker.standing.text() == "无欠费"
    click_next(qtbot, wizard)
    assert wizard.currentId() == DOCUMENTS


def test_arrears_do_not_stop_the_settlement_that_pays_them(qtbot, qt_app, messages, core, people, owing):
    wizard = make_wizard(qtbot, core, people.clerk, "settlement", account_id=owing)
    picker = wizard.customer_page.picker
    assert picker.standing.isVisibleTo(wizard) and not picker.blocked.isVisibleTo(wizard)
    click_next(qtbot, wizard)
    assert wizard.currentId() == DOCUMENTS


def test_a_settlement_paid_in_full_from_the_main_window_is_done(main_window, qtbot, core, people, owing):
    """热费结算 registered, then F7: the form names the settlement, and paying what
    it asks for completes it - no 结算办结 pressed by hand."""
    from tests.test_ui_end_to_end import find, walk_wizard

    find(main_window, qtbot, "100100001")
    rid = walk_wizard(main_window, qtbot, "settlement", (), {"season": SEASON})
    assert requests.get_request(core, rid).status is RequestStatus.ACCEPTED
    toolbar = main_window.findChild(QToolBar, "business_toolbar")
    assert main_window.registry["pay"] in toolbar.actions()         # 收费 F7 is on the toolbar
    main_window.registry["pay"].trigger()
    dialog = main_window.payment_dialog
    number = requests.get_request(core, rid).number
    assert f"业务：{number}　热费结算（交清应缴即办结）" in dialog.head.text()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert f"交清应缴，业务 {number} 热费结算随收款办结" in dialog.confirm_note.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    view = requests.get_request(core, rid)
    assert view.status is RequestStatus.COMPLETED and dialog.view.receipt_no in view.events[-1].note
    dialog.accept()
    assert main_window.open_list.count() == 0              # the panel follows: nothing open


def test_a_settlement_is_paid_from_its_done_page(qtbot, qt_app, messages, core, people, owing):
    from tests.test_ui_wizard import run_to_done

    wizard = make_wizard(qtbot, core, people.clerk, "settlement", account_id=owing)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    wizard.details_page.form.inputs["season"].setText(SEASON)
    run_to_done(qtbot, wizard)
    page = wizard.done_page
    assert page.status_value.text() == "已受理" and "请按 F7 收费" in page.notice.text()
    qtbot.waitExposed(wizard)
    wizard.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_F7)
    dialog = wizard.payment_dialog
    assert dialog.request_id == wizard.request_id and dialog.settles
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    dialog.accept()
    assert page.status_value.text() == "已办结" and "已办结" in page.notice.text()
    assert requests.get_request(core, wizard.request_id).status is RequestStatus.COMPLETED
