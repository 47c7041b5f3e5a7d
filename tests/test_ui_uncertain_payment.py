"""At the counter: a payment whose commit acknowledgement is lost is reported as
uncertain, and the clerk's 核对 (Retry) asks again with the form's token - one
receipt, one ledger entry, never 'not saved'.  On SQLite and PostgreSQL."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from counter_app.services import shifts
from tests.test_idempotency import lost_acknowledgement
from tests.test_payments import entries
from tests.test_ui_cash import billed, payment_dialog, prefs  # noqa: F401 - fixtures
from ui.operations import Changes, bus


def test_a_lost_acknowledgement_then_check_gives_one_receipt(qtbot, qt_app, messages, prefs, core,  # noqa: F811
                                                               people, billed):  # noqa: F811
    shifts.open_shift(core, people.clerk, "500")
    dialog = payment_dialog(qtbot, core, people.clerk, billed)
    seen: list[Changes] = []
    bus().changed.connect(seen.append)
    try:
        messages.answer = QMessageBox.StandardButton.Retry       # the clerk presses 核对
        with lost_acknowledgement(core.engine, stored=True) as fired:
            dialog.take()
        assert fired
    finally:
        bus().changed.disconnect(seen.append)
    assert messages.titles == ["无法确认是否已保存"]
    assert "未保存" not in messages.last
    rows = entries(core)
    assert len(rows) == 1 and dialog.view is not None and dialog.view.receipt_no == rows[0].receipt_no
    assert dialog.receipt_no.text() == rows[0].receipt_no
    assert [c.accounts for c in seen] == [frozenset({billed})]


def test_an_uncertain_payment_left_unchecked_is_not_called_unsaved(qtbot, qt_app, messages, prefs, core,  # noqa: F811
                                                                   people, billed):  # noqa: F811
    shifts.open_shift(core, people.clerk, "500")
    dialog = payment_dialog(qtbot, core, people.clerk, billed)
    messages.answer = QMessageBox.StandardButton.Cancel
    with lost_acknowledgement(core.engine, stored=False):
        dialog.take()
    assert dialog.view is None and "无法确认" in messages.last and entries(core) == []
    messages.answer = None
    dialog.take()                                      # Enter again later: the same token, once
    dialog.take()
    assert len(entries(core)) == 1
