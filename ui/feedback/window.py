"""The feedback book's window: every entry with its deadline and state, filters,
and the steps (log, forward, reply, follow-up, correct).  Nothing is deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.enums import Channel, FeedbackKind
from ui.actions import command, plain, shortcut
from ui.bridge import Operations
from ui.feedback.common import DUE_SOON_DAYS, deadline_color, department_names, status_text, summary
from ui.feedback.dialogs import DetailsDialog, FollowUpDialog, ForwardDialog, ReplyDialog
from ui.feedback.entry import FeedbackDialog
from ui.operations import feedback as ops_feedback, follow
from ui.operations.feedback import FeedbackView
from ui.widgets import fill_table, make_table, row_data
from ui.windows import Owned

ALL, OPEN, DUE_SOON, OVERDUE = range(4)
DEADLINE_COLUMN = 6


class FeedbackWindow(QMainWindow):
    """Refreshes when a change to feedback is announced - an entry logged in
    the main window's dialog, a step taken here - and on F5."""

    dialog: Owned[QWidget] = Owned()     # the step's dialog while it is open (ui.windows)

    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.views: dict[int, FeedbackView] = {}
        self.departments: list[str] = []
        self.dialog = None
        self.setWindowTitle(self.tr("意见簿 - 投诉、举报、建议、表扬"))
        self._build()
        follow(self, lambda changes: bool(changes.feedback), self.refresh)
        self.refresh()
        self.table.setFocus()
        self.resize(1100, 600)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        filters = QHBoxLayout()
        self.status_filter = self._filter(filters, self.tr("状态(&S)："), "status_filter")
        for text in (self.tr("全部"), self.tr("未答复"), self.tr("即将到期"), self.tr("已超期")):
            self.status_filter.addItem(text)
        self.status_filter.setItemData(DUE_SOON, self.tr("{0}天内到期、尚未答复").format(DUE_SOON_DAYS),
                                       Qt.ItemDataRole.ToolTipRole)
        self.channel_filter = self._filter(filters, self.tr("渠道(&C)："), "channel_filter")
        self.channel_filter.addItem(self.tr("全部"), None)
        for channel in Channel:
            self.channel_filter.addItem(channel.label, channel.value)
        self.department_filter = self._filter(filters, self.tr("部门(&D)："), "department_filter")
        self.department_filter.setMinimumContentsLength(6)
        self.department_filter.addItem(self.tr("全部"), None)
        filters.addStretch(1)
        self.count = QLabel(central)
        self.count.setObjectName("count")
        filters.addWidget(self.count)
        outer.addLayout(filters)
        self.table = make_table(central, [
            self.tr("编号"), self.tr("类别"), self.tr("渠道"), self.tr("客户"), self.tr("意见内容"),
            self.tr("转交部门"), self.tr("答复期限"), self.tr("状态"), self.tr("满意度")])
        self.table.setObjectName("feedback_table")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.show_details())
        self.table.itemSelectionChanged.connect(self._update_actions)
        outer.addWidget(self.table, 1)
        legend = QLabel(self.tr("答复期限：红色为已超期，橙色为{0}天内到期。双击或按回车查看详情。"
                                "记录不能删除，登记有误请用“更正”。").format(DUE_SOON_DAYS), central)
        legend.setWordWrap(True)
        outer.addWidget(legend)
        self.setCentralWidget(central)

        for combo in (self.status_filter, self.channel_filter, self.department_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.setTabOrder(self.status_filter, self.channel_filter)
        self.setTabOrder(self.channel_filter, self.department_filter)
        self.setTabOrder(self.department_filter, self.table)

        bar = QToolBar(self.tr("意见簿"), self)
        bar.setObjectName("feedback_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_: dict[str, QAction] = {}
        # the keys are the application's (ui.actions): Ctrl+E logs feedback here as in the main window
        for key, text, meaning, handler in (
                ("new", self.tr("登记(&N)"), "feedback_new", self.new_entry),
                ("forward", self.tr("转交(&T)"), "feedback_forward", self.forward),
                ("reply", self.tr("答复(&R)"), "feedback_reply", self.reply),
                ("follow_up", self.tr("回访(&H)"), "feedback_follow_up", self.follow_up),
                ("correct", self.tr("更正(&E)"), "feedback_correct", self.correct),
                ("details", self.tr("详情(&O)"), "", self.show_details),
                ("refresh", self.tr("刷新"), "refresh", self.refresh)):
            action = command(self, text, meaning, handler)
            action.setObjectName(f"action_{key}")
            if not meaning:
                action.setToolTip(self.tr("{0}（回车）").format(plain(text)))
            bar.addAction(action)
            self.actions_[key] = action
        self.addToolBar(bar)
        shortcut(self, "cancel", self.close)

    def _filter(self, row: QHBoxLayout, caption: str, name: str) -> QComboBox:
        label = QLabel(caption, self)
        combo = QComboBox(self)
        combo.setObjectName(name)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        row.addSpacing(12)
        return combo

    # -- the list -----------------------------------------------------------------------
    def _query(self) -> dict:
        status, channel = self.status_filter.currentIndex(), self.channel_filter.currentData()
        return dict(open_only=status == OPEN, overdue_only=status == OVERDUE,
                    due_within_days=DUE_SOON_DAYS if status == DUE_SOON else None,
                    channel=Channel(channel) if channel else None,
                    department=self.department_filter.currentData())

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None:
            select_id = self.selected_id()
        ok, book = ops_feedback.book(self.ops, self.core, **self._query())
        if not ok:
            return
        self._set_departments(list(book.departments))
        views = list(book.entries)
        today = self.core.today()
        self.views = {v.id: v for v in views}
        fill_table(self.table, ([
            v.number, v.kind.label, v.channel.label, v.customer_name or self.tr("（未留姓名）"),
            summary(v.text), v.department or self.tr("未转交"),
            f"{v.reply_deadline:%Y-%m-%d}" if v.reply_deadline else "—",
            status_text(v), v.satisfaction.label if v.satisfaction else ""] for v in views),
            (v.id for v in views))
        for row, v in enumerate(views):
            self._decorate(row, v, today)
        self.count.setText(self.tr("共 {0} 条").format(len(views)))
        rows = [r for r, v in enumerate(views) if v.id == select_id]
        if rows or views:
            self.table.selectRow(rows[0] if rows else 0)
        self._update_actions()

    def _decorate(self, row: int, view: FeedbackView, today) -> None:  # noqa: ANN001
        self.table.item(row, 4).setToolTip(view.text)
        item = self.table.item(row, DEADLINE_COLUMN)
        color = deadline_color(view, today)
        tips = []
        if color:
            item.setForeground(QBrush(QColor(color)))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            tips.append(self.tr("已超期，尚未答复") if view.overdue
                        else self.tr("{0}天内到期，尚未答复").format(DUE_SOON_DAYS))
        if view.deadline_fallback:
            tips.append(self.tr("该期限按周一至周五估算，节假日安排未确认，请核对"))
        item.setToolTip("\n".join(tips))

    def _set_departments(self, names: list[str]) -> None:
        self.departments = department_names(names)
        current = self.department_filter.currentData()
        self.department_filter.blockSignals(True)
        self.department_filter.clear()
        self.department_filter.addItem(self.tr("全部"), None)
        for name in self.departments:
            self.department_filter.addItem(name, name)
        index = self.department_filter.findData(current) if current else 0
        self.department_filter.setCurrentIndex(max(index, 0))
        self.department_filter.blockSignals(False)

    def selected_id(self) -> int | None:
        value = row_data(self.table) if hasattr(self, "table") else None
        return int(value) if value is not None else None

    def selected(self) -> FeedbackView | None:
        fid = self.selected_id()
        return self.views.get(fid) if fid is not None else None

    def _update_actions(self) -> None:
        view = self.selected()
        has = view is not None
        replied = has and view.replied_at is not None
        visited = has and bool(view.followup_result)
        needs_reply = has and view.kind in (FeedbackKind.COMPLAINT, FeedbackKind.REPORT)
        self.actions_["forward"].setEnabled(has and not visited)
        self.actions_["reply"].setEnabled(has and not replied)
        self.actions_["follow_up"].setEnabled(has and not visited and (replied or not needs_reply))
        self.actions_["correct"].setEnabled(has)
        self.actions_["details"].setEnabled(has)

    # -- the steps ------------------------------------------------------------------------
    def _open(self, dialog) -> None:  # noqa: ANN001
        self.dialog = dialog
        dialog.open()

    def _current(self) -> FeedbackView | None:
        """The selected entry, fresh from the database."""
        fid = self.selected_id()
        if fid is None:
            return None
        ok, view = ops_feedback.get(self.ops, self.core, fid)
        return view if ok else None

    def select(self, feedback_id: int) -> None:
        """Put the cursor on an entry the list shows (the one just logged)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == feedback_id:
                self.table.selectRow(row)
                return

    def show_entry(self, feedback_id: int) -> None:
        """Put the cursor on one entry whatever the filters were: among the
        overdue ones (the queue opens a late complaint here), else among all;
        an entry the list does not reach opens in its details."""
        for status in (OVERDUE, ALL):
            for combo, index in ((self.status_filter, status), (self.channel_filter, 0),
                                 (self.department_filter, 0)):
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
            self.refresh(select_id=feedback_id)
            if self.selected_id() == feedback_id:
                self.table.setFocus()
                return
        ok, details = ops_feedback.details(self.ops, self.core, feedback_id)
        if ok:
            self._open(DetailsDialog(self.core, details, self))

    def new_entry(self) -> None:
        dialog = FeedbackDialog(self.core, self.actor, self)
        dialog.saved.connect(self.select)
        self._open(dialog)

    def forward(self) -> None:
        view = self._current()
        if view is not None:
            self._open(ForwardDialog(self.core, self.actor, view, self.departments, self))

    def reply(self) -> None:
        view = self._current()
        if view is not None:
            self._open(ReplyDialog(self.core, self.actor, view, self))

    def follow_up(self) -> None:
        view = self._current()
        if view is not None:
            self._open(FollowUpDialog(self.core, self.actor, view, self))

    def correct(self) -> None:
        fid = self.selected_id()
        if fid is not None:
            dialog = FeedbackDialog(self.core, self.actor, self, corrects=fid)
            dialog.saved.connect(self.select)
            self._open(dialog)

    def show_details(self) -> None:
        fid = self.selected_id()
        if fid is None:
            return
        ok, details = ops_feedback.details(self.ops, self.core, fid)
        if ok:
            self._open(DetailsDialog(self.core, details, self))
