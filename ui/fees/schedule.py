"""收费标准: the published versions of every season, and a new version.

A version is never edited: saving publishes the next version of the season, and
bills already made keep the version they were computed from.  The list follows
the change bus, so a version published at another window shows too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.domain.permissions import Permission, allowed
from counter_app.domain.settlement import percent, permille
from ui.actions import shortcut
from ui.bridge import Operations
from ui.fees.common import yuan_plain
from ui.fees.schedule_form import ScheduleForm
from ui.operations import Changes, fees as ops_fees, subscribe
from ui.operations.fees import ScheduleBoard, ScheduleView
from ui.requests.common import WARNING_STYLE, local_text
from ui.widgets import fill_table, make_table, row_data

PRICE_COLUMNS = [(c, f) for c in UserClass for f in HeatingForm]


class ScheduleDialog(QDialog):
    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.views: list[ScheduleView] = []
        self.board: ScheduleBoard | None = None
        self.may_edit = allowed(actor.role, Permission.EDIT_FEES)
        self.setWindowTitle(self.tr("收费标准"))
        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._versions_box(split))
        split.addWidget(self._new_box(split))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)

        row = QHBoxLayout()
        self.notice = QLabel(self.tr("保存即发布该采暖季的新版本；已发布的版本不能修改。"
                                     "新版本不影响已开出的账单。"), self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(WARNING_STYLE)
        row.addWidget(self.notice, 1)
        self.publish_button = QPushButton(self.tr("发布新版本(&P)"), self)
        # not the default button: an Enter typed in a field must not publish a price decree
        self.publish_button.setToolTip(self.tr("发布新版本 (Alt+P，或 Ctrl+Enter)"))
        self.publish_button.setAutoDefault(False)
        self.publish_button.clicked.connect(self.publish)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setToolTip(self.tr("关闭 (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.publish_button)
        row.addWidget(self.close_button)
        outer.addLayout(row)
        shortcut(self, "submit", self.publish)

        QWidget.setTabOrder(self.table, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.new_form.season)
        QWidget.setTabOrder(self.new_form.last_widget, self.publish_button)
        QWidget.setTabOrder(self.publish_button, self.close_button)
        if not self.may_edit:
            self.new_form.set_read_only(True)
            self.publish_button.setEnabled(False)
            self.copy_button.setEnabled(False)
            self.notice.setText(self.tr("收费标准由管理员发布，{0}{1}只能查看。").format(
                actor.role.label, actor.display_name))
        self.refresh()
        subscribe(self, self._changed)
        self.new_form.fill(self.views[0] if self.views else None, core.today())
        (self.new_form.decree_no if self.may_edit else self.table).setFocus()
        self.resize(1240, 820)

    def _changed(self, changes: Changes) -> None:
        if changes.fees:
            self.refresh()

    # -- layout ------------------------------------------------------------------------
    def _versions_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("已发布的版本"), parent)
        row = QHBoxLayout(box)
        left = QVBoxLayout()
        caption = QLabel(self.tr("版本列表(&V)："), box)
        self.table = make_table(box, [
            self.tr("采暖季"), self.tr("版本"), self.tr("价格文件号"), self.tr("生效日期"),
            self.tr("采暖期")] + [f"{c.label}{f.label}" for c, f in PRICE_COLUMNS] + [
            self.tr("基本热费"), self.tr("滞纳金/日")])
        self.table.setObjectName("versions")
        self.table.itemSelectionChanged.connect(self._show_selected)
        caption.setBuddy(self.table)
        left.addWidget(caption)
        left.addWidget(self.table, 1)
        self.copy_button = QPushButton(self.tr("以选中版本为底稿(&C)"), box)
        self.copy_button.setToolTip(self.tr("把选中版本的内容填入下面的新版本 (Alt+C)"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_selected)
        left.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(left, 3)
        self.details = QPlainTextEdit(box)
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setMinimumWidth(300)
        self.details.setMaximumWidth(420)
        self.details.setPlaceholderText(self.tr("尚未发布收费标准"))
        row.addWidget(self.details, 2)
        return box

    def _new_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("新版本"), parent)
        column = QVBoxLayout(box)
        self.new_form = ScheduleForm(box)
        column.addWidget(self.new_form)
        return box

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        ok, board = ops_fees.board(self.ops, self.core)
        if not ok:
            return
        keep = row_data(self.table)
        self.board, self.views = board, list(board.versions)
        views = self.views
        rows = []
        for v in views:
            version = self.tr("第{0}版").format(v.version)
            if v.id in board.in_force:
                version = self.tr("{0}（现行）").format(version)
            rows.append([v.season, version, v.decree_no, v.effective_date.isoformat(),
                         self.tr("{0} 至 {1}").format(f"{v.season_start:%m-%d}", f"{v.season_end:%m-%d}")]
                        + [yuan_plain(v.prices[k]) if k in v.prices else "" for k in PRICE_COLUMNS]
                        + [f"{percent(v.basic_fee_bp)}%", f"{permille(v.late_fee_ppm_per_day)}‰"])
        fill_table(self.table, rows, (v.id for v in views))
        for r in range(self.table.rowCount()):
            for c in range(5, 5 + len(PRICE_COLUMNS)):
                self.table.item(r, c).setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if views:
            ids = [v.id for v in views]
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        else:
            self.details.clear()

    def selected(self) -> ScheduleView | None:
        wanted = row_data(self.table)
        return next((v for v in self.views if v.id == wanted), None)

    def _show_selected(self) -> None:
        view = self.selected()
        if view is None:
            self.details.clear()
            return
        lines = list(self.board.lines[view.id]) if self.board else []
        if view.note:
            lines.append(self.tr("备注：{0}").format(view.note))
        lines.append(self.tr("发布时间：{0}").format(local_text(self.core, view.created_at)))
        self.details.setPlainText("\n".join(lines))

    def copy_selected(self) -> None:
        view = self.selected()
        if view is not None:
            self.new_form.fill(view, self.core.today())
            self.new_form.decree_no.setFocus()
            self.new_form.decree_no.selectAll()

    # -- publishing ----------------------------------------------------------------------
    def publish(self) -> None:
        if not self.may_edit:
            return
        self.new_form.form.clear_errors()
        ok, values = self.ops.call(self.new_form.values, on_field_error=self.new_form.form.handle)
        if not ok:
            return
        ok, schedule_id = ops_fees.publish(self.ops, self.core, self.actor, values,
                                           on_field_error=self.new_form.form.handle)
        if not ok:
            return
        # the list was read again when the new version was announced
        view = next((v for v in self.views if v.id == schedule_id), None)
        if view is not None:
            for r in range(self.table.rowCount()):
                if row_data_at(self.table, r) == schedule_id:
                    self.table.selectRow(r)
            self.new_form.fill(view, self.core.today())
            self.notice.setText(self.tr("已发布{0}采暖季收费标准第{1}版。新版本不影响已开出的账单；"
                                        "未缴费账户可通过“建立年度收费”按新版本重新生成。").format(
                                            view.season, view.version))
        self.table.setFocus()


def row_data_at(table, row: int) -> object | None:  # noqa: ANN001 - QTableWidget
    item = table.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item else None
