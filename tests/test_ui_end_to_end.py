"""Each of the five businesses end to end through the real widgets: found in the
main window, walked through the wizard, carried to its result in the request view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.domain.enums import HeatingState, RequestStatus
from counter_app.services import accounts, requests
from tests.helpers import account_input, resident_id
from tests.test_ui_wizard import fill_new_customer, run_to_done, tick


def find(main_window, qtbot, account_no: str) -> None:
    main_window.next_visitor()
    qtbot.keyClicks(main_window.lookup, account_no)         # as the clerk or a scanner types
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    assert main_window.account_id is not None


def walk_wizard(main_window, qtbot, kind, documents, fields=None, new_customer=False):
    main_window.start_business(kind)
    wizard = main_window.wizard               # the main window's own: freed when it closes
    if new_customer:
        fill_new_customer(wizard)
    from tests.test_ui_wizard import click_next

    click_next(qtbot, wizard)
    tick(wizard, *documents)
    click_next(qtbot, wizard)
    for key, value in (fields or {}).items():
        widget = wizard.details_page.form.inputs[key]
        widget.setCurrentText(value) if hasattr(widget, "setCurrentText") else widget.setText(value)
    run_to_done(qtbot, wizard)
    rid = wizard.request_id
    wizard.accept()
    return rid


def step(main_window, rid, action, note="", actor=None):
    if actor is not None:
        main_window.set_actor(actor)
    main_window.open_request(rid)
    dialog = main_window.request_dialog
    dialog.action_buttons[action].click()
    step_dialog = getattr(dialog, "step_dialog", None)
    if step_dialog is not None and step_dialog.isVisible():
        if note:
            step_dialog.note.setText(note)
        step_dialog.ok_button.click()
    status = requests.get_request(main_window.core, rid).status
    dialog.close()
    return status


def test_application_from_walk_in_to_heat_on(main_window, qtbot, core, people):
    rid = walk_wizard(main_window, qtbot, "application_residential",
                      ("owner_id_card", "property_certificate"), new_customer=True)
    assert requests.get_request(core, rid).status is RequestStatus.ACCEPTED
    assert step(main_window, rid, "reply_plan", "管网已到楼") is RequestStatus.PLAN_REPLIED
    assert step(main_window, rid, "sign_contract") is RequestStatus.CONTRACT_SIGNED
    assert step(main_window, rid, "heat_on") is RequestStatus.HEAT_ON
    view = accounts.get_by_number(core, "20250001")
    assert (view.holder_name, view.heating_state) == ("刘芳", HeatingState.HEATING)


def test_stop_blocked_then_waived_then_approved_and_completed(main_window, qtbot, core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    find(main_window, qtbot, "100100001")
    # the receipt is missing: the request waits for it (one-time notice)
    rid = walk_wizard(main_window, qtbot, "stop", ("owner_id_card", "property_certificate"),
                      {"reason": "房屋空置", "season": "2025-2026"})
    assert requests.get_request(core, rid).status is RequestStatus.AWAITING_DOCUMENTS
    main_window.open_request(rid)
    dialog = main_window.request_dialog
    assert not dialog.action_buttons["accept"].isEnabled()      # blocked checklist
    # the supervisor comes to the clerk's counter and waives the receipt as themselves
    panel = dialog.documents
    panel.select("last_season_receipt")
    panel.waive_button.click()
    panel.login_dialog.username.setText("wang")
    panel.login_dialog.password.setText("super-pass")
    panel.login_dialog.try_login()
    panel.waive_dialog.reason.setText("收据遗失，已查系统缴费记录")
    panel.waive_dialog.ok_button.click()
    assert dialog.action_buttons["accept"].isEnabled()
    dialog.close()
    assert step(main_window, rid, "accept") is RequestStatus.ACCEPTED
    assert step(main_window, rid, "approve", actor=people.supervisor) is RequestStatus.APPROVED
    assert step(main_window, rid, "complete", actor=people.clerk) is RequestStatus.COMPLETED
    assert accounts.get_account(core, account_id).heating_state is HeatingState.STOPPED


def test_resume_turns_the_heat_back_on(main_window, qtbot, core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(2, heating_state="stopped"))
    find(main_window, qtbot, "100100002")
    rid = walk_wizard(main_window, qtbot, "resume", ("owner_id_card", "property_certificate"),
                      {"season": "2025-2026", "resume_date": "2025-11-21"})
    assert step(main_window, rid, "complete") is RequestStatus.COMPLETED
    assert accounts.get_account(core, account_id).heating_state is HeatingState.HEATING


def test_transfer_moves_the_account_to_the_buyer(main_window, qtbot, core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(3))
    find(main_window, qtbot, "100100003")
    buyer = resident_id(seq="888")
    rid = walk_wizard(main_window, qtbot, "change_transfer", ("new_owner_id_card", "sale_contract"),
                      {"new_holder_name": "王敏", "new_holder_id_number": buyer,
                       "phone": "13800001111", "transfer_date": "2025-11-01"})
    assert step(main_window, rid, "complete") is RequestStatus.COMPLETED
    view = accounts.get_account(core, account_id)
    assert (view.holder_name, view.id_number) == ("王敏", buyer)


def test_settlement_is_recorded_and_completed(main_window, qtbot, core, people):
    accounts.register_account(core, people.clerk, account_input(4))
    find(main_window, qtbot, "100100004")
    rid = walk_wizard(main_window, qtbot, "settlement", (), {"season": "2025-2026"})
    assert step(main_window, rid, "complete") is RequestStatus.COMPLETED
