"""The request view and the supervisor's queue, through the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from counter_app.domain import phrases
from counter_app.domain.enums import DocumentState, RequestStatus
from counter_app.services import requests
from tests.helpers import ALL_SEEN, application, stop_request
from ui.requests import RequestDialog, SupervisorQueue
from ui.requests.common import RED


@pytest.fixture
def ui(qtbot, qt_app, messages):
    """Opens a RequestDialog or SupervisorQueue as the main window does."""
    class Opener:
        def request(self, core, actor, rid):
            dialog = RequestDialog(core, actor, rid)
            qtbot.addWidget(dialog)
            dialog.open()
            return dialog

        def queue(self, core, actor, opened=None):
            queue = SupervisorQueue(core, actor, (opened if opened is not None else []).append)
            qtbot.addWidget(queue)
            queue.show()
            return queue
    return Opener()


def column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_header_shows_owner_local_time_and_days_left(ui, core, people):
    dialog = ui.request(core, people.clerk, application(core, people.clerk))
    assert dialog.title.text().startswith("SQ2025")
    assert dialog.status.text() == "已受理"
    assert dialog.facts["owner"].text() == "李营业员"
    assert dialog.facts["received_at"].text() == "2025-11-20 10:00"   # the hall's zone, not UTC
    assert dialog.deadline.text() == "2025-11-25　剩余 3 个工作日"
    assert RED not in dialog.deadline.styleSheet()
    assert not dialog.calendar_warning.isVisibleTo(dialog)
    assert not dialog.phrase.isVisibleTo(dialog)
    for button in (dialog.print_slip, dialog.print_notice):
        assert button.isEnabled() and button.menu() is not None


def test_clerk_replies_the_plan_with_a_note(ui, core, people):
    rid = application(core, people.clerk)
    dialog = ui.request(core, people.clerk, rid)
    dialog.action_buttons["reply_plan"].click()
    step = dialog.step_dialog
    assert step.isVisible() and step.late_reason is None
    step.ok_button.click()                                # no note: the error is at the field
    assert step.isVisible()
    assert step.form.errors["note"].text() == "答复供热方案须填写说明"
    step.note.setText("管网已到楼，可直接开栓")
    step.ok_button.click()
    assert not step.isVisible()
    assert dialog.status.text() == "已答复方案"
    assert requests.get_request(core, rid).status is RequestStatus.PLAN_REPLIED
    last = dialog.timeline.rowCount() - 1
    assert [dialog.timeline.item(last, c).text() for c in (1, 2, 3, 4, 5)] == [
        "回音", "答复供热方案", "李营业员", "已答复方案", "管网已到楼，可直接开栓"]
    assert dialog.deadline.text() == "无办理期限"
    assert "sign_contract" in dialog.action_buttons


def test_overdue_request_is_red_and_asks_the_late_reason(ui, core, people, clock):
    rid = application(core, people.clerk)
    clock.set(2025, 11, 27, 9, 0)                         # Thursday after the deadline
    dialog = ui.request(core, people.clerk, rid)
    assert dialog.deadline.text() == "2025-11-25　已超期 2 个工作日"
    assert RED in dialog.deadline.styleSheet()
    assert dialog.phrase.isVisibleTo(dialog) and "致歉" in dialog.phrase.text()
    assert dialog.delay_button is not None

    dialog.action_buttons["reply_plan"].click()
    step = dialog.step_dialog
    assert step.late_reason is not None
    step.note.setText("需新建入户管")
    step.ok_button.click()                                # no late reason yet
    assert step.isVisible()
    assert step.form.errors["late_reason"].text() == "请填写超期原因"
    step.late_reason.setText("勘察人员外出抢修")
    assert step.phrase.text().endswith(phrases.late_apology("勘察人员外出抢修"))
    step.ok_button.click()
    assert not step.isVisible()
    event = requests.get_request(core, rid).events[-1]
    assert (event.action, event.late_reason, event.note) == ("reply_plan", "勘察人员外出抢修", "需新建入户管")
    assert dialog.timeline.item(dialog.timeline.rowCount() - 1, 6).text() == "勘察人员外出抢修"
    # the apology stays on screen to be said; the deadline is answered
    assert phrases.late_apology("勘察人员外出抢修") in dialog.phrase.text()
    assert dialog.delay_button is None


def test_explaining_a_delay_records_the_reason(ui, core, people, clock):
    rid = application(core, people.clerk)
    clock.set(2025, 11, 26, 9, 0)
    dialog = ui.request(core, people.clerk, rid)
    assert dialog.deadline.text() == "2025-11-25　已超期 1 个工作日"
    dialog.delay_button.click()
    delay = dialog.delay_dialog
    delay.ok_button.click()
    assert delay.form.errors["late_reason"].text() == "请填写超期原因"
    delay.reason.setText("等待规划部门批复")
    delay.ok_button.click()
    event = requests.get_request(core, rid).events[-1]
    assert (event.action, event.late_reason) == ("explain_delay", "等待规划部门批复")
    assert dialog.timeline.item(dialog.timeline.rowCount() - 1, 2).text() == "说明超期原因"
    assert phrases.late_apology("等待规划部门批复") in dialog.phrase.text()


def test_one_day_left_is_orange(ui, core, people, clock):
    rid = application(core, people.clerk)
    clock.set(2025, 11, 24, 9, 0)                         # Monday: Tuesday is the last day
    dialog = ui.request(core, people.clerk, rid)
    assert dialog.deadline.text() == "2025-11-25　剩余 1 个工作日"
    assert "#c45a00" in dialog.deadline.styleSheet()


def test_stop_is_approved_by_the_supervisor_only(ui, core, people):
    rid = stop_request(core, people.clerk)
    clerk_view = ui.request(core, people.clerk, rid)
    assert "approve" not in clerk_view.action_buttons     # the clerk cannot approve
    assert "approve" in clerk_view.supervisor_buttons     # ... but can call the supervisor over
    assert "reject" in clerk_view.action_buttons

    queue = ui.queue(core, people.supervisor)
    assert queue.approvals_box.title() == "待审批（1）"
    assert column(queue.approvals, 0) == [requests.get_request(core, rid).number]
    assert column(queue.approvals, 3) == ["李营业员"]
    assert column(queue.approvals, 5) == ["批准停热"]

    sup_view = ui.request(core, people.supervisor, rid)
    sup_view.action_buttons["approve"].click()          # one click decides nothing yet
    confirm = sup_view.step_dialog
    assert confirm.isVisible() and "请确认：批准停热" in "".join(
        label.text() for label in confirm.findChildren(QLabel))
    assert requests.get_request(core, rid).status is RequestStatus.ACCEPTED
    confirm.reject()                                      # Esc: still undecided
    assert requests.get_request(core, rid).status is RequestStatus.ACCEPTED
    sup_view.action_buttons["approve"].click()
    confirm = sup_view.step_dialog
    assert confirm.ok_button.isDefault()                  # Enter confirms
    confirm.ok_button.click()
    assert sup_view.status.text() == "已批准"
    # decided: no further decision is offered, to the supervisor or the clerk
    assert "reject" not in sup_view.action_buttons and "complete" in sup_view.action_buttons
    assert "reject" not in ui.request(core, people.clerk, rid).action_buttons
    assert sup_view.timeline.item(sup_view.timeline.rowCount() - 1, 3).text() == "王值班长"
    queue.refresh()
    assert queue.approvals.rowCount() == 0
    assert queue.approvals_box.title() == "待审批（0）"


def test_supervisor_approves_at_the_counter_by_logging_in(ui, core, people, qtbot):
    rid = stop_request(core, people.clerk)
    dialog = ui.request(core, people.clerk, rid)
    dialog.supervisor_buttons["approve"].click()
    login = dialog.login_dialog
    login.username.setText("zhao")                        # another clerk may not approve
    login.password.setText("clerk2-pass")
    login.try_login()
    assert login.isVisible() and "无权批准停热" in login.message.text()
    login.username.setText("wang")
    login.password.setText("super-pass")
    login.try_login()
    assert not login.isVisible()
    assert dialog.step_dialog is None                     # the login made for it was the one ask
    view = requests.get_request(core, rid)
    assert view.status is RequestStatus.APPROVED
    assert view.events[-1].staff == "王值班长"             # recorded under the supervisor's name
    assert dialog.status.text() == "已批准"
    assert "complete" in dialog.action_buttons


def test_overdue_list_covers_every_clerk_and_opens_with_enter(ui, core, people, clock, qtbot):
    mine = application(core, people.clerk, 1)
    theirs = application(core, people.clerk2, 2)
    application(core, people.clerk, 3, accept=False)     # no deadline: never overdue
    clock.set(2025, 11, 27, 9, 0)
    opened: list[int] = []
    queue = ui.queue(core, people.supervisor, opened)
    assert queue.overdue_box.title() == "已超期（2）"
    assert sorted(column(queue.overdue, 3)) == ["李营业员", "赵营业员"]
    assert column(queue.overdue, 4) == ["2025-11-25", "2025-11-25"]
    assert column(queue.overdue, 5) == ["2", "2"]
    queue.overdue.setFocus()
    queue.overdue.setCurrentCell(1, 0)
    qtbot.keyClick(queue.overdue, Qt.Key.Key_Return)
    assert opened == [theirs]
    queue.overdue.setCurrentCell(0, 0)
    queue.open_button.click()
    assert opened == [theirs, mine]


def test_the_queue_refuses_a_clerk_politely(ui, core, people):
    queue = ui.queue(core, people.clerk)
    assert queue.approvals is None
    assert "仅供值班长、管理员查看" in queue.findChild(QLabel, "refusal").text()


def test_handover_to_another_clerk_changes_the_owner(ui, core, people):
    rid = application(core, people.clerk)
    dialog = ui.request(core, people.clerk, rid)
    dialog.handover_button.click()
    handover = dialog.handover_dialog
    assert handover.choose_person("赵营业员")
    handover.ok_button.click()                            # no note: refused at the field
    assert handover.form.errors["note"].text() == "移交须写明交接事项和责任"
    handover.note.setText("客户下午来签合同，由赵负责答复方案")
    handover.ok_button.click()
    assert not handover.isVisible()
    assert dialog.facts["owner"].text() == "赵营业员"
    assert requests.get_request(core, rid).owner == "赵营业员"
    last = dialog.timeline.rowCount() - 1
    assert dialog.timeline.item(last, 2).text() == "移交"
    assert dialog.timeline.item(last, 5).text() == "移交赵营业员：客户下午来签合同，由赵负责答复方案"
    assert dialog.handover_button is None                 # no longer hers to hand over


def test_handover_to_a_department(ui, core, people):
    rid = application(core, people.clerk)
    dialog = ui.request(core, people.clerk, rid)
    dialog.handover_button.click()
    handover = dialog.handover_dialog
    handover.to_department.setChecked(True)
    handover.note.setText("现场勘察")
    handover.ok_button.click()
    assert handover.form.errors["to"].text() == "请填写接手的部门"
    handover.department.setText("工程部")
    handover.ok_button.click()
    assert requests.get_request(core, rid).events[-1].note == "移交工程部：现场勘察"


def test_a_document_received_later_makes_acceptance_possible(ui, core, people):
    rid = application(core, people.clerk, documents={"owner_id_card": ALL_SEEN}, accept=False)
    dialog = ui.request(core, people.clerk, rid)
    panel = dialog.documents
    assert panel.missing.text() == "尚缺材料：不动产权证（房产证）或购房合同"
    assert not dialog.action_buttons["accept"].isEnabled()
    assert "材料不全" in dialog.action_buttons["accept"].toolTip()
    dialog.action_buttons["await_documents"].click()
    assert dialog.status.text() == "待补材料"

    assert panel.select("property_certificate")
    assert panel.original.isChecked() and panel.copies.value() == 1   # from the catalogue
    panel.receive_button.click()
    assert panel.missing.text() == "材料齐全"
    doc = next(d for d in requests.get_request(core, rid).documents if d.code == "property_certificate")
    assert (doc.state, doc.original_seen, doc.copies) == (DocumentState.RECEIVED, True, 1)
    assert dialog.action_buttons["accept"].isEnabled()
    dialog.action_buttons["accept"].click()
    assert dialog.status.text() == "已受理"


def test_a_supervisor_waives_a_document_at_the_clerks_counter(ui, core, people):
    rid = application(core, people.clerk, documents={"owner_id_card": ALL_SEEN}, accept=False)
    dialog = ui.request(core, people.clerk, rid)
    panel = dialog.documents
    panel.select("property_certificate")
    panel.waive_button.click()
    panel.login_dialog.username.setText("wang")
    panel.login_dialog.password.setText("super-pass")
    panel.login_dialog.try_login()
    waive = panel.waive_dialog
    waive.reason.setText("产权证在办理中")
    waive.ok_button.click()
    view = requests.get_request(core, rid)
    assert view.missing == ()
    assert view.events[-1].staff == "王值班长"
    assert panel.missing.text() == "材料齐全"
    assert dialog.action_buttons["accept"].isEnabled()


def test_timeline_shows_the_four_steps_in_chinese(ui, core, people):
    rid = application(core, people.clerk)
    requests.act(core, people.clerk, rid, "reply_plan", note="可直接开栓")
    requests.act(core, people.clerk, rid, "sign_contract")
    dialog = ui.request(core, people.clerk, rid)
    dialog.action_buttons["heat_on"].click()              # closes the request: confirmed first
    step = dialog.step_dialog
    assert "不能再修改" in " ".join(w.text() for w in step.findChildren(QLabel))
    step.ok_button.click()
    assert column(dialog.timeline, 1) == ["记录", "指令", "回音", "回音", "结果"]
    assert column(dialog.timeline, 2) == ["登记", "受理", "答复供热方案", "签订供热合同", "开栓供热"]
    assert dialog.status.text() == "已供热"
    assert dialog.action_buttons == {} and dialog.handover_button is None
    assert "已关闭" in dialog.steps_hint.text()


def test_a_year_without_holidays_shows_the_calendar_warning(ui, core, people, clock):
    clock.set(2040, 3, 1, 10, 0)
    rid = application(core, people.clerk)
    dialog = ui.request(core, people.clerk, rid)
    assert dialog.calendar_warning.isVisibleTo(dialog)
    assert "节假日安排尚未录入" in dialog.calendar_warning.text()


def test_the_main_window_opens_a_request_and_the_queue(main_window, core, people):
    rid = application(core, people.clerk)
    main_window.open_request(rid)
    dialog = main_window.request_dialog
    assert isinstance(dialog, RequestDialog) and dialog.isVisible()
    assert dialog.facts["owner"].text() == "李营业员"
    dialog.close_button.click()
    assert not dialog.isVisible()
    main_window.set_actor(people.supervisor)
    main_window.show_queue()
    queue = main_window.queue_window
    assert queue.isVisible() and queue.approvals is not None
