"""The supervisor's queue: approvals waiting, and everything late of every
clerk - requests past their deadline and complaints or reports not answered in
time, in one list counted in working days (article 20: progress is tracked and
supervised) - and on a second tab the reductions waiting for approval
(ui.fees.reductions_panel)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.permissions import allowed
from ui.actions import key_text, shortcut
from ui.bridge import Operations
from ui.fees.reductions_panel import ReductionPanel
from ui.operations import feedback as ops_feedback, follow, requests as ops_requests
from ui.operations.requests import LATE_FEEDBACK, Overdue, RequestRow
from ui.requests.common import RED, local_text
from ui.widgets import fill_table, make_table, row_data
from ui.windows import Owned

PERMISSION = ops_requests.QUEUE_PERMISSION   # supervisors and administrators


class SupervisorQueue(QWidget):
    """A window of its own (``show()``); Enter or a double click opens a request
    (``open_request``) or a feedback entry (``open_feedback``; without one, the
    entry's details open here).  It refreshes when a change to requests,
    feedback or reductions is announced - a request approved in its window or a
    complaint answered in the book leaves the queue at once - and on Ctrl+F5."""

    details_dialog: Owned[QDialog] = Owned()     # a late entry's details, while open (ui.windows)

    def __init__(self, core: Core, actor: Actor, open_request: Callable[[int], None],
                 parent: QWidget | None = None, *,
                 open_feedback: Callable[[int], None] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.core, self.actor, self.open_request = core, actor, open_request
        self.open_feedback = open_feedback or self._feedback_details
        self.ops = Operations(self)
        self.approvals_views: list[RequestRow] = []
        self.overdue_views: list[Overdue] = []
        self.setWindowTitle(self.tr("待审批与超期"))
        self.resize(980, 620)
        column = outer = QVBoxLayout(self)
        shortcut(self, "cancel", self.close)
        self.allowed = allowed(actor.role, PERMISSION)
        if not self.allowed:
            refusal = QLabel(self.tr("待审批与超期清单仅供值班长、管理员查看，{0}{1}无权打开。"
                                     "需要审批时，请值班长登录本人账号。").format(
                                         actor.role.label, actor.display_name), self)
            refusal.setObjectName("refusal")
            refusal.setWordWrap(True)
            column.addWidget(refusal)
            close = QPushButton(self.tr("关闭"), self)
            close.setToolTip(self.tr("关闭 (Esc)"))
            close.clicked.connect(self.close)
            column.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
            self.approvals = self.overdue = None
            self.resize(480, 120)
            return

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("queue_tabs")
        requests_page = QWidget(self.tabs)
        column = QVBoxLayout(requests_page)
        self.approvals_box = QGroupBox(self)
        inner = QVBoxLayout(self.approvals_box)
        self.approvals = make_table(self.approvals_box, [
            self.tr("业务编号"), self.tr("业务类型"), self.tr("申请人"), self.tr("承办人"),
            self.tr("登记时间"), self.tr("待审批事项")])
        self.approvals.setObjectName("approvals")
        inner.addWidget(self.approvals)
        column.addWidget(self.approvals_box, 1)

        self.overdue_box = QGroupBox(self)
        inner = QVBoxLayout(self.overdue_box)
        self.overdue = make_table(self.overdue_box, [
            self.tr("编号"), self.tr("类型"), self.tr("客户"), self.tr("承办人"),
            self.tr("期限"), self.tr("超期（工作日）"), self.tr("状态")])
        self.overdue.setObjectName("overdue")
        inner.addWidget(self.overdue)
        column.addWidget(self.overdue_box, 1)
        self.tabs.addTab(requests_page, self.tr("待审批与超期"))
        self.reductions = ReductionPanel(core, actor, self.tabs)
        self.reductions.counted.connect(self._reductions_counted)
        self.tabs.addTab(self.reductions, self.tr("减免审批"))
        for i in range(self.tabs.count()):
            self.tabs.setTabToolTip(i, self.tr("Ctrl+Tab 切换"))
        self.tabs.currentChanged.connect(self._tab_changed)
        outer.addWidget(self.tabs, 1)

        row = QHBoxLayout()
        self.hint = QLabel(self.tr("选中一行按回车或双击打开业务或意见。"), self)
        row.addWidget(self.hint)
        row.addStretch(1)
        self.open_button = QPushButton(self.tr("打开(&O)"), self)
        self.open_button.setToolTip(self.tr("打开选中的业务或意见 (Alt+O，或回车)"))
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton(self.tr("刷新(&R)"), self)
        self.refresh_button.setToolTip(self.tr("刷新 ({0})").format(key_text("refresh")))
        self.refresh_button.clicked.connect(self.refresh)
        close = QPushButton(self.tr("关闭"), self)
        close.setToolTip(self.tr("关闭 (Esc)"))
        close.clicked.connect(self.close)
        for button in (self.open_button, self.refresh_button, close):
            row.addWidget(button)
        outer.addLayout(row)
        shortcut(self, "refresh", self.refresh)
        for table in (self.approvals, self.overdue):
            table.activated.connect(lambda index, t=table: self._activated(t, index))
        self.setTabOrder(self.approvals, self.overdue)
        self.setTabOrder(self.overdue, self.open_button)
        follow(self, lambda changes: self.allowed and bool(changes.requests or changes.fees
                                                           or changes.feedback), self.refresh)
        self.refresh()
        self.approvals.setFocus()

    # -- showing ------------------------------------------------------------------
    def _reductions_counted(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("减免审批（{0}）").format(count))

    def _tab_changed(self, index: int) -> None:
        on_requests = index == 0
        self.open_button.setVisible(on_requests)
        self.hint.setVisible(on_requests)
        (self.approvals if on_requests else self.reductions.table).setFocus()

    def refresh(self) -> None:
        if not self.allowed:
            return
        self.reductions.refresh()
        ok, queue = ops_requests.queue(self.ops, self.core, self.actor)
        if ok:
            self.approvals_views = waiting = [w.row for w in queue.approvals]
            fill_table(self.approvals, ([v.number, v.kind_name, v.applicant_name, v.owner,
                                         local_text(self.core, v.received_at), w.asked]
                                        for v, w in zip(waiting, queue.approvals, strict=True)),
                       (v.id for v in waiting))
            self.approvals_box.setTitle(self.tr("待审批（{0}）").format(len(waiting)))
            self.overdue_views = late = list(queue.overdue)
            fill_table(self.overdue, ([v.number, v.kind_name, v.customer or self.tr("（未留姓名）"), v.owner,
                                       v.deadline.isoformat(), v.late_workdays or self.tr("不足1"),
                                       v.status] for v in late),
                       (v.id for v in late))
            for r, v in enumerate(late):
                for c in (4, 5):
                    self.overdue.item(r, c).setForeground(QBrush(QColor(RED)))
                if v.late_workdays == 0:
                    self.overdue.item(r, 5).setToolTip(self.tr("期限已过，其间只有休息日"))
                if v.deadline_warning:
                    self.overdue.item(r, 4).setToolTip(v.deadline_warning)
            feedback = sum(v.what == LATE_FEEDBACK for v in late)
            self.overdue_box.setTitle(self.tr("已超期（{0}）").format(len(late)) if not feedback else
                                      self.tr("已超期（{0}，其中意见 {1}）").format(len(late), feedback))

    # -- opening ------------------------------------------------------------------
    def _activated(self, table: QTableWidget, index: QModelIndex) -> None:
        table.selectRow(index.row())
        self.open_selected(table)

    def open_selected(self, table: QTableWidget | None = None) -> None:
        if not isinstance(table, QTableWidget):
            table = self.overdue if self.overdue.hasFocus() else self.approvals
            if row_data(table) is None:
                table = self.overdue if table is self.approvals else self.approvals
        item_id = row_data(table)
        if item_id is None:
            return
        row = table.currentRow()
        if table is self.overdue and 0 <= row < len(self.overdue_views) \
                and self.overdue_views[row].what == LATE_FEEDBACK:
            self.open_feedback(int(item_id))
        else:
            self.open_request(int(item_id))

    def _feedback_details(self, feedback_id: int) -> None:
        """Without the feedback book to open, the entry's details open here."""
        from ui.feedback.dialogs import DetailsDialog

        ok, details = ops_feedback.details(self.ops, self.core, feedback_id)
        if ok:
            self.details_dialog = dialog = DetailsDialog(self.core, details, self)
            dialog.open()
