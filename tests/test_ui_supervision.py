"""The supervisor's queue (F9) through the real widgets: a late complaint is in
the overdue list beside the late requests and opens in the feedback book."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.enums import Channel, FeedbackKind
from counter_app.services import feedback
from counter_app.services.feedback import FeedbackInput
from tests.helpers import application
from tests.qt_fixtures import open_main_window
from ui.feedback import FeedbackWindow
from ui.feedback.dialogs import DetailsDialog, ReplyDialog
from ui.requests import SupervisorQueue


def column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


@pytest.fixture
def late(core, people, clock):
    """A late request and a late complaint, seen on Monday 1 December."""
    rid = application(core, people.clerk, 1)                   # due Tuesday 25 November
    fid = feedback.log(core, people.clerk, FeedbackInput(
        kind=FeedbackKind.COMPLAINT, channel=Channel.HOTLINE, text="3号楼室温只有14℃",
        customer_name="张先生"))                                  # due Thursday 27 November
    clock.set(2025, 12, 1, 9, 0)
    return rid, fid


def press_enter_on(qtbot, queue: SupervisorQueue, row: int) -> None:
    queue.overdue.setFocus()
    queue.overdue.setCurrentCell(row, 0)
    qtbot.keyClick(queue.overdue, Qt.Key.Key_Return)


def test_a_late_complaint_is_listed_with_the_late_requests(qtbot, qt_app, core, people, messages, late):
    rid, fid = late
    requests_opened: list[int] = []
    feedback_opened: list[int] = []
    queue = SupervisorQueue(core, people.supervisor, requests_opened.append,
                            open_feedback=feedback_opened.append)
    qtbot.addWidget(queue)
    queue.show()
    assert queue.overdue_box.title() == "已超期（2，其中意见 1）"
    assert column(queue.overdue, 0)[1] == feedback.get(core, fid).number
    assert column(queue.overdue, 1) == ["居民用热申请", "投诉"]
    assert column(queue.overdue, 2)[1] == "张先生"
    assert column(queue.overdue, 4) == ["2025-11-25", "2025-11-27"]
    assert column(queue.overdue, 5) == ["4", "2"]                 # working days, not calendar days
    press_enter_on(qtbot, queue, 1)
    assert feedback_opened == [fid] and requests_opened == []
    press_enter_on(qtbot, queue, 0)
    assert requests_opened == [rid]


def test_without_the_book_a_late_complaint_opens_in_its_details(qtbot, qt_app, core, people, messages,
                                                                late):
    _rid, fid = late
    queue = SupervisorQueue(core, people.supervisor, lambda _rid: None)
    qtbot.addWidget(queue)
    queue.show()
    press_enter_on(qtbot, queue, 1)
    details = queue.details_dialog
    assert isinstance(details, DetailsDialog) and details.view.id == fid


def test_f9_opens_the_late_complaint_in_the_book_and_the_answer_clears_it(qtbot, qt_app, core, people,
                                                                         messages, tmp_path,
                                                                         monkeypatch, late):
    _rid, fid = late
    window = open_main_window(qtbot, core, people.supervisor, tmp_path, monkeypatch)
    window.show_queue()
    queue = window.queue_window
    press_enter_on(qtbot, queue, 1)
    book = window.feedback_window
    assert isinstance(book, FeedbackWindow) and book.isVisible()
    assert book.selected_id() == fid
    book.reply()
    reply = book.dialog
    assert isinstance(reply, ReplyDialog) and reply.late_reason.isVisible()
    reply.reply_text.setPlainText("已调整单元阀门")
    reply.late_reason.setPlainText("配件到货晚")
    reply.save()
    assert feedback.get(core, fid).replied_at is not None
    assert queue.overdue_box.title() == "已超期（1）"              # the change bus refreshed the queue
    assert column(queue.overdue, 1) == ["居民用热申请"]


def test_the_queues_tab_names_no_business_only(qtbot, qt_app, core, people, messages):
    queue = SupervisorQueue(core, people.supervisor, lambda _rid: None)
    qtbot.addWidget(queue)
    assert queue.tabs.tabText(0) == "待审批与超期"              # it lists late feedback too
