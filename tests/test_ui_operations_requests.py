"""The request and feedback windows through ui.operations: a feedback entry
sent twice - a double Enter, or 核对 after the commit's acknowledgement was
lost - is logged once, and a change made in one window refreshes every other
window showing it, without waiting for it to be activated.  On SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from counter_app.db.models import Feedback
from counter_app.domain.enums import Channel, FeedbackKind, RequestStatus
from counter_app.services import feedback, requests
from tests.helpers import application, stop_request
from tests.test_idempotency import count, lost_acknowledgement
from tests.test_ui_requests import column
from ui.feedback import FeedbackDialog, FeedbackWindow
from ui.operations import Changes, bus
from ui.requests import RequestDialog, SupervisorQueue


def entry_dialog(qtbot, core, actor) -> FeedbackDialog:
    dialog = FeedbackDialog(core, actor, None)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.kind.setCurrentIndex(dialog.kind.findData(FeedbackKind.COMPLAINT.value))
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.COUNTER.value))
    dialog.customer.setText("张先生")
    dialog.contact.setText("13912345678")
    dialog.text.setPlainText("3号楼2单元301室室温只有14℃")
    return dialog


@contextmanager
def announced() -> Iterator[list[Changes]]:
    seen: list[Changes] = []
    bus().changed.connect(seen.append)
    try:
        yield seen
    finally:
        bus().changed.disconnect(seen.append)


# -- a feedback entry is logged once ------------------------------------------------------

def test_a_double_enter_logs_the_entry_once(qtbot, qt_app, core, people, messages):
    dialog = entry_dialog(qtbot, core, people.clerk)
    qtbot.keyClick(dialog.customer, Qt.Key.Key_Return)       # Enter: the default button, 登记
    first = dialog.saved_id
    dialog.save()                                     # the second Enter, already on its way
    assert first is not None and dialog.saved_id == first
    assert count(core, Feedback) == 1
    assert feedback.get(core, first).text == "3号楼2单元301室室温只有14℃"


def test_check_after_a_lost_acknowledgement_logs_the_entry_once(qtbot, qt_app, core, people, messages):
    dialog = entry_dialog(qtbot, core, people.clerk)
    messages.answer = QMessageBox.StandardButton.Retry      # the clerk presses 核对
    with announced() as seen, lost_acknowledgement(core.engine, stored=True) as fired:
        dialog.save()
    assert fired
    assert messages.titles == ["无法确认是否已保存"]
    (entry,) = feedback.listing(core)
    assert count(core, Feedback) == 1 and dialog.saved_id == entry.id
    assert entry.number in dialog.confirmation.text()       # the number told to the customer
    assert [c.feedback for c in seen] == [frozenset({entry.id})]


def test_an_entry_not_stored_before_the_connection_died_is_logged_by_the_next_try(
        qtbot, qt_app, core, people, messages):
    dialog = entry_dialog(qtbot, core, people.clerk)
    messages.answer = QMessageBox.StandardButton.Cancel     # the clerk looks first
    with lost_acknowledgement(core.engine, stored=False):
        dialog.save()
    assert dialog.saved_id is None and count(core, Feedback) == 0
    assert "未保存" not in messages.last
    messages.answer = None
    dialog.save()                                           # then sends it again: once
    assert count(core, Feedback) == 1 and dialog.saved_id is not None


# -- a change refreshes every window that shows it -----------------------------------------

def test_approving_in_the_request_window_empties_the_open_queue(qtbot, qt_app, core, people, messages):
    rid = stop_request(core, people.clerk)
    queue = SupervisorQueue(core, people.supervisor, [].append)
    qtbot.addWidget(queue)
    queue.show()
    assert column(queue.approvals, 0) == [requests.get_request(core, rid).number]
    dialog = RequestDialog(core, people.supervisor, rid)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.action_buttons["approve"].click()
    dialog.step_dialog.ok_button.click()                    # an approval is confirmed once
    assert requests.get_request(core, rid).status is RequestStatus.APPROVED
    assert queue.approvals.rowCount() == 0                  # no activation, no F5
    assert queue.approvals_box.title() == "待审批（0）"


def test_a_step_in_one_request_window_shows_in_another_of_the_same_request(
        qtbot, qt_app, core, people, messages):
    rid = application(core, people.clerk, documents={"owner_id_card": requests.DocumentInput(
        received=True, original_seen=True, copies=1)}, accept=False)
    other = application(core, people.clerk, 2)
    windows = []
    for request_id in (rid, rid, other):
        dialog = RequestDialog(core, people.clerk, request_id)
        qtbot.addWidget(dialog)
        dialog.open()
        windows.append(dialog)
    acting, watching, elsewhere = windows
    before = elsewhere.timeline.rowCount()
    acting.documents.select("property_certificate")
    acting.documents.receive_button.click()
    assert watching.documents.missing.text() == "材料齐全"
    assert watching.action_buttons["accept"].isEnabled()
    watching.action_buttons["accept"].click()
    assert acting.status.text() == "已受理"
    assert elsewhere.timeline.rowCount() == before          # another request: untouched


def test_an_entry_logged_from_the_main_window_appears_in_the_open_book(qtbot, qt_app, core, people,
                                                                        messages):
    book = FeedbackWindow(core, people.clerk)
    qtbot.addWidget(book)
    book.show()
    assert book.table.rowCount() == 0
    dialog = entry_dialog(qtbot, core, people.clerk)          # not the book's own dialog
    dialog.save()
    assert book.table.rowCount() == 1
    assert book.table.item(0, 0).text() == feedback.get(core, dialog.saved_id).number
