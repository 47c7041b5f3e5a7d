"""Corrections at the counter carry the correction dialog's client token: a void
or refund whose commit acknowledgement is lost is checked again (核对, the
Retry button) with the same token and recorded once, never called unsaved.
On SQLite and PostgreSQL."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from counter_app.ledger import EntryType
from counter_app.services import payments
from tests.test_idempotency import lost_acknowledgement
from tests.test_payments import desk, entries  # noqa: F401 - desk is a fixture
from tests.test_ui_cash import history, login_as
from ui.operations import Changes, bus


def corrections(core, kind: str) -> list:
    return [e for e in entries(core) if e.entry_type == kind]


def open_correction(qtbot, desk, kind: str, amount: str = "1000"):  # noqa: F811
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, amount, "cash")
    window = history(qtbot, core, p.clerk, desk.acc)
    qtbot.mouseClick(window.void_button if kind == "void" else window.refund_button,
                     Qt.MouseButton.LeftButton)
    dialog = window.correction_dialog
    dialog.reason.setText("收错户")
    return paid, window, dialog


def test_a_void_checked_after_a_lost_acknowledgement_is_recorded_once(qtbot, qt_app, messages, desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid, window, void = open_correction(qtbot, desk, "void")
    seen: list[Changes] = []
    bus().changed.connect(seen.append)
    try:
        messages.answer = QMessageBox.StandardButton.Retry         # the clerk presses 核对
        with lost_acknowledgement(core.engine, stored=True) as fired:
            void.approved(p.supervisor)                            # the supervisor has logged in
        assert fired
    finally:
        bus().changed.disconnect(seen.append)
    assert messages.titles == ["无法确认是否已保存"] and "未保存" not in messages.last
    [voided] = corrections(core, EntryType.VOID.value)
    assert voided.original_id == paid.entry_id and voided.approved_by_id == p.supervisor.staff_id
    assert void.result_view.entry_id == voided.id and not void.isVisible()
    assert [c.accounts for c in seen] == [frozenset({desk.acc})]     # announced once
    assert window.table.item(0, 5).text() == "作废" and not window.void_button.isEnabled()


def test_a_refund_whose_commit_never_arrived_is_stored_once_by_the_check(qtbot, qt_app, messages,
                                                                        desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid, window, refund = open_correction(qtbot, desk, "refund", "3000")
    refund.amount.setText("1000")
    messages.answer = QMessageBox.StandardButton.Retry
    with lost_acknowledgement(core.engine, stored=False) as fired:
        refund.approved(p.supervisor)
    assert fired and messages.titles == ["无法确认是否已保存"]
    [refunded] = corrections(core, EntryType.REFUND.value)
    assert (refunded.original_id, refunded.amount_fen) == (paid.entry_id, -100000)
    assert payments.receipt(core, paid.entry_id).refundable_fen == 200000
    assert window.table.item(0, 5).text() == "已退 1,000.00 元"


def test_an_uncertain_void_left_unchecked_then_approved_again_is_still_one_void(qtbot, qt_app, messages,
                                                                               desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid, window, void = open_correction(qtbot, desk, "void")
    messages.answer = QMessageBox.StandardButton.Cancel
    with lost_acknowledgement(core.engine, stored=True):
        void.approved(p.supervisor)
    assert void.isVisible() and void.result_view is None            # not called done, nor unsaved
    assert "无法确认" in messages.last and "未保存" not in messages.last
    assert void.reason.text() == "收错户"                            # nothing typed is lost
    messages.answer = None
    void.submit()                                                   # later: the supervisor logs in again
    login_as(void.login_dialog, "wang", "super-pass")
    assert not void.isVisible()
    [voided] = corrections(core, EntryType.VOID.value)
    assert void.result_view.entry_id == voided.id and voided.original_id == paid.entry_id
    assert window.table.item(0, 5).text() == "作废"
