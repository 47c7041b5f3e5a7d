"""The feedback book (意见簿) through the real widgets: log, forward, reply,
follow-up, filters, errors at the field, corrections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from counter_app.domain import phrases
from counter_app.domain.enums import Channel, FeedbackKind, Satisfaction
from counter_app.services import accounts, feedback
from counter_app.services.feedback import FeedbackInput
from tests.helpers import account_input
from ui.feedback import FeedbackDialog, FeedbackWindow
from ui.feedback.common import DUE_SOON_COLOR, OVERDUE_COLOR
from ui.feedback.dialogs import DetailsDialog, FollowUpDialog, ForwardDialog, ReplyDialog

NUMBER, KIND, CHANNEL, CUSTOMER, TEXT, DEPARTMENT, DEADLINE, STATUS, SATISFACTION = range(9)


@pytest.fixture
def window(qtbot, qt_app, core, people, messages):
    w = FeedbackWindow(core, people.clerk)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def rows(window: FeedbackWindow) -> list[list[str]]:
    t = window.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def log(core, actor, **kw) -> int:
    values = dict(kind=FeedbackKind.COMPLAINT, channel=Channel.HOTLINE, text="3号楼2单元室温只有14℃",
                  customer_name="张先生", contact="13912345678")
    values.update(kw)
    return feedback.log(core, actor, FeedbackInput(**values))


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value.value))


def click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_complaint_logged_in_the_dialog_appears_with_its_deadline(window, qtbot):
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)   # as in the main window
    dialog = window.dialog
    assert isinstance(dialog, FeedbackDialog) and dialog.isVisible()
    choose(dialog.kind, FeedbackKind.COMPLAINT)
    choose(dialog.channel, Channel.HOTLINE)
    dialog.customer.setText("张先生")
    qtbot.keyClicks(dialog.contact, "13912345678")
    dialog.text.setText("3号楼2单元301室室温只有14℃")
    dialog.department.setCurrentText("运行部")
    # received Thursday 2025-11-20: 5 working days -> Thursday 2025-11-27
    assert "5 个工作日" in dialog.deadline.text() and "2025-11-27" in dialog.deadline.text()
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    (row,) = rows(window)
    assert row[NUMBER].startswith("YJ2025")
    assert row[KIND:DEPARTMENT + 1] == ["投诉", "服务热线", "张先生", "3号楼2单元301室室温只有14℃", "运行部"]
    assert (row[DEADLINE], row[STATUS], row[SATISFACTION]) == ("2025-11-27", "待答复", "")
    assert row[NUMBER] in dialog.confirmation.text() and "2025-11-27" in dialog.confirmation.text()


def test_complaint_phrases_show_for_a_complaint_only(qtbot, qt_app, core, people, messages):
    dialog = FeedbackDialog(core, people.clerk, None)
    qtbot.addWidget(dialog)
    dialog.open()
    choose(dialog.kind, FeedbackKind.COMPLAINT)
    assert dialog.complaint_phrases.isVisible()
    shown = " ".join(label.text() for label in dialog.complaint_phrases.findChildren(type(dialog.deadline)))
    assert all(p in shown for p in phrases.COMPLAINT)
    choose(dialog.kind, FeedbackKind.PRAISE)
    assert not dialog.complaint_phrases.isVisible()
    assert dialog.thanks_phrases.isVisible()
    assert "不设答复期限" in dialog.deadline.text()
    choose(dialog.kind, FeedbackKind.REPORT)
    # reports: settings "report_reply_days" (10) -> Thursday 2025-12-04
    assert "10 个工作日" in dialog.deadline.text() and "2025-12-04" in dialog.deadline.text()


def test_the_dialog_prefills_the_customer_of_the_account(qtbot, qt_app, core, people, messages):
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    dialog = FeedbackDialog(core, people.clerk, None, account_id=account_id)
    qtbot.addWidget(dialog)
    dialog.open()
    assert (dialog.customer.text(), dialog.contact.text()) == ("张伟", "13912340001")
    assert "100100001" in dialog.intro.text()
    assert dialog.data().account_id == account_id


def test_forward_reply_and_follow_up_through_the_dialogs(window, core, people, qtbot, clock):
    log(core, people.clerk)
    window.refresh()
    qtbot.keyClick(window.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    forward = window.dialog
    assert isinstance(forward, ForwardDialog)
    forward.department.setCurrentText("运行部")
    click_ok(qtbot, forward)
    assert rows(window)[0][DEPARTMENT] == "运行部"
    assert not window.actions_["follow_up"].isEnabled()   # a complaint is answered first

    clock.set(2025, 11, 24, 15, 0)
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    reply = window.dialog
    assert isinstance(reply, ReplyDialog)
    assert not reply.late_reason.isVisibleTo(reply)      # not late: no reason asked
    assert phrases.APOLOGY[0] in " ".join(
        label.text() for label in reply.apology.findChildren(type(reply.late_line)))
    reply.reply_text.setText("已调整单元阀门，室温恢复到18℃")
    click_ok(qtbot, reply)
    assert rows(window)[0][STATUS] == "已答复"
    assert not window.actions_["reply"].isEnabled()

    qtbot.keyClick(window.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    visit = window.dialog
    assert isinstance(visit, FollowUpDialog)
    visit.result.setText("电话回访，室温正常")
    click_ok(qtbot, visit)                               # no satisfaction chosen yet
    assert visit.isVisible()
    assert visit.form.errors["satisfaction"].text() == "请选择客户满意度"
    qtbot.mouseClick(visit.choices[Satisfaction.SATISFIED], Qt.MouseButton.LeftButton)
    click_ok(qtbot, visit)
    assert not visit.isVisible()
    row = rows(window)[0]
    assert (row[STATUS], row[SATISFACTION]) == ("已回访", "满意")
    entry = feedback.listing(core)[0]
    assert (entry.department, entry.satisfaction) == ("运行部", Satisfaction.SATISFIED)


def test_an_overdue_entry_is_red_in_the_overdue_filter_and_the_reply_asks_why(window, core, people,
                                                                             qtbot, clock):
    late = log(core, people.clerk)
    log(core, people.clerk, kind=FeedbackKind.SUGGESTION, text="希望延长营业时间")
    clock.set(2025, 11, 26, 9, 0)        # deadline Thursday 27th: due within 2 days
    window.status_filter.setCurrentIndex(2)
    assert [r[TEXT] for r in rows(window)] == ["3号楼2单元室温只有14℃"]
    assert window.table.item(0, DEADLINE).foreground().color() == QColor(DUE_SOON_COLOR)

    clock.set(2025, 11, 28, 9, 0)
    window.status_filter.setCurrentIndex(3)
    assert window.status_filter.currentText() == "已超期"
    assert [r[TEXT] for r in rows(window)] == ["3号楼2单元室温只有14℃"]
    assert window.table.item(0, DEADLINE).foreground().color() == QColor(OVERDUE_COLOR)

    window.reply()
    reply = window.dialog
    assert reply.late_reason.isVisibleTo(reply)
    reply.reply_text.setText("已处理")
    click_ok(qtbot, reply)
    assert reply.isVisible()
    assert "超期原因" in reply.form.errors["late_reason"].text()
    assert reply.form.errors["late_reason"].isVisible()
    assert reply.reply_text.toPlainText() == "已处理"     # nothing typed is lost
    reply.late_reason.setText("配件到货晚")
    assert "配件到货晚" in reply.late_line.text()
    click_ok(qtbot, reply)
    assert not reply.isVisible()
    assert rows(window) == []                            # no longer overdue
    assert feedback.get(core, late).replied_at is not None


def test_a_deadline_passing_while_the_reply_is_open_asks_the_reason_at_the_field(window, core, people,
                                                                                qtbot, clock):
    log(core, people.clerk)
    window.refresh()
    window.reply()
    reply = window.dialog
    assert not reply.late_reason.isVisibleTo(reply)
    clock.set(2025, 11, 28, 9, 0)
    reply.reply_text.setText("已处理")
    click_ok(qtbot, reply)
    assert reply.late_reason.isVisibleTo(reply)
    assert "超期原因" in reply.form.errors["late_reason"].text()


def test_filters_by_channel_and_department(window, core, people):
    log(core, people.clerk, channel=Channel.COUNTER, department="客服部", text="柜台排队太久")
    log(core, people.clerk, channel=Channel.HOTLINE, department="运行部", text="室温低")
    log(core, people.clerk, channel=Channel.LETTER, department="居委会", text="来信反映噪音")
    window.refresh()
    assert len(rows(window)) == 3
    choose(window.channel_filter, Channel.COUNTER)
    assert [r[TEXT] for r in rows(window)] == ["柜台排队太久"]
    window.channel_filter.setCurrentIndex(0)
    names = [window.department_filter.itemText(i) for i in range(window.department_filter.count())]
    assert names[:6] == ["全部", "客服部", "运行部", "维修班", "稽查部", "收费部"]
    assert "居委会" in names                              # departments in use are offered too
    window.department_filter.setCurrentIndex(names.index("运行部"))
    assert [r[TEXT] for r in rows(window)] == ["室温低"]
    window.department_filter.setCurrentIndex(names.index("居委会"))
    assert [r[TEXT] for r in rows(window)] == ["来信反映噪音"]
    assert window.count.text() == "共 1 条"


def test_empty_text_is_shown_at_the_field_and_keeps_what_was_typed(window, core, qtbot):
    window.new_entry()
    dialog = window.dialog
    choose(dialog.kind, FeedbackKind.REPORT)
    choose(dialog.channel, Channel.VISIT)
    dialog.customer.setText("王女士")
    qtbot.keyClicks(dialog.contact, "13900001111")
    dialog.department.setCurrentText("稽查部")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.errors["text"].text() == "请填写意见内容"
    assert dialog.form.errors["text"].isVisible()
    assert dialog.focusWidget() is dialog.text                  # the cursor goes to the field
    assert (dialog.current_kind(), dialog.customer.text(), dialog.contact.text(),
            dialog.department.currentText()) == (FeedbackKind.REPORT, "王女士", "13900001111", "稽查部")
    assert feedback.listing(core) == []
    dialog.contact.setText("12345")
    dialog.text.setText("有人私接暖气")
    click_ok(qtbot, dialog)
    assert "联系电话" in dialog.form.errors["contact"].text()
    assert not dialog.form.errors["text"].isVisible()
    assert feedback.listing(core) == []


def test_a_correction_is_a_new_entry_and_the_list_shows_only_it(window, core, people, qtbot):
    old = log(core, people.clerk, text="室温低", department="运行部")
    window.refresh()
    qtbot.keyClick(window.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, FeedbackDialog) and dialog.corrects == old
    assert (dialog.text.toPlainText(), dialog.customer.text(), dialog.department.currentText()) == (
        "室温低", "张先生", "运行部")
    old_number = feedback.get(core, old).number
    assert old_number in dialog.intro.text()
    dialog.text.setText("3号楼2单元301室室温低")
    click_ok(qtbot, dialog)
    (row,) = rows(window)
    assert row[TEXT] == "3号楼2单元301室室温低" and row[NUMBER] != old_number
    assert feedback.get(core, old).text == "室温低"                # the old one stays on record
    new_id = window.selected_id()
    assert feedback.get(core, new_id).corrects_id == old
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    details = window.dialog
    assert isinstance(details, DetailsDialog)
    assert old_number in details.values["corrects"].text()


def test_enter_opens_the_details(window, core, people, qtbot):
    log(core, people.clerk, kind=FeedbackKind.PRAISE, text="李师傅修得快", customer_name="王女士")
    window.refresh()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    details = window.dialog
    assert isinstance(details, DetailsDialog) and details.isVisible()
    assert details.values["text"].text() == "李师傅修得快"
    assert details.values["deadline"].text() == "不设期限"


def test_the_main_window_opens_the_book_and_the_new_entry_dialog(main_window, core, people):
    main_window.registry["feedback_log"].trigger()
    assert isinstance(main_window.feedback_window, FeedbackWindow)
    assert main_window.feedback_window.isVisible()
    main_window.registry["feedback_new"].trigger()
    dialogs = [d for d in main_window.findChildren(FeedbackDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].channel.currentText() == "柜台"


def test_the_correction_form_shows_the_deadline_that_is_saved(window, core, people, qtbot, clock):
    clock.set(2025, 12, 2, 10, 0)                              # due Tuesday 9 December
    old = log(core, people.clerk, text="室温低")
    clock.set(2025, 12, 11, 9, 0)
    window.refresh()
    window.correct()
    dialog = window.dialog
    assert isinstance(dialog, FeedbackDialog) and dialog.corrects == old
    preview = dialog.deadline.text()
    assert "2025-12-09" in preview and "2025-12-18" not in preview and "已过" in preview
    choose(dialog.kind, FeedbackKind.REPORT)                   # another kind: from the day received
    assert "2025-12-16" in dialog.deadline.text() and "2025-12-02" in dialog.deadline.text()
    choose(dialog.kind, FeedbackKind.COMPLAINT)
    dialog.text.setText("3号楼2单元301室室温低")
    click_ok(qtbot, dialog)
    saved = feedback.get(core, dialog.saved_id)
    assert f"{saved.reply_deadline:%Y-%m-%d}" in preview
    assert rows(window)[0][DEADLINE] == "2025-12-09"
