"""My drafts: businesses left midway, to resume (Enter) or discard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from ui.bridge import Operations
from ui.operations import drafts as ops_drafts
from ui.operations.drafts import DraftView
from ui.widgets import fill_table, make_table, row_data


class DraftsDialog(QDialog):
    def __init__(self, core: Core, actor: Actor, start_business: Callable[[str, int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.start_business = core, actor, start_business
        self.ops = Operations(self)
        self.drafts: dict[int, DraftView] = {}
        self.setWindowTitle(self.tr("我的草稿"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("未办完的业务保存在这里。选中一项按回车继续办理。"), self)
        layout.addWidget(intro)
        self.table = make_table(self, [self.tr("业务"), self.tr("保存时间"), self.tr("客户")])
        self.table.setObjectName("drafts")
        self.table.doubleClicked.connect(lambda _index: self.resume())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("没有未办完的草稿。"), self)
        self.empty.setObjectName("empty")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(self)
        self.resume_button = QPushButton(self.tr("继续办理(&R)"), self)
        self.resume_button.setObjectName("resume")
        self.resume_button.setToolTip(self.tr("继续办理选中的草稿 (回车)"))
        self.resume_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("放弃草稿(&D)"), self)
        self.discard_button.setObjectName("discard")
        self.discard_button.setAutoDefault(False)
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setToolTip(self.tr("关闭 (Esc)"))
        close.setAutoDefault(False)
        self.resume_button.clicked.connect(self.resume)
        self.discard_button.clicked.connect(self.discard)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        ok, found = ops_drafts.mine(self.ops, self.core, self.actor)
        if not ok:
            found = []
        self.drafts = {d.id: d for d in found}
        kinds = self.core.catalogue.kinds

        def row(d: DraftView) -> list[str]:
            name = kinds[d.kind].name if d.kind in kinds else d.kind
            return [name, self.core.local(d.updated_at).strftime("%Y-%m-%d %H:%M"),
                    d.title.removeprefix(name).strip()]

        fill_table(self.table, (row(d) for d in found), (d.id for d in found))
        if found:
            self.table.selectRow(0)
        self.empty.setVisible(not found)
        self.table.setVisible(bool(found))
        self.resume_button.setEnabled(bool(found))
        self.discard_button.setEnabled(bool(found))

    def selected(self) -> DraftView | None:
        draft_id = row_data(self.table)
        return self.drafts.get(draft_id) if draft_id is not None else None

    def resume(self) -> None:
        draft = self.selected()
        if draft is None:
            return
        if draft.kind not in self.core.catalogue.kinds:
            QMessageBox.warning(self, self.tr("无法继续"), self.tr(
                "业务目录中已没有“{0}”这类业务，此草稿不能继续办理，可以放弃。").format(draft.kind))
            return
        self.accept()
        self.start_business(draft.kind, draft.id)

    def discard(self) -> None:
        draft = self.selected()
        if draft is None:
            return
        answer = QMessageBox.question(
            self, self.tr("放弃草稿"),
            self.tr("确定放弃草稿“{0}”吗？放弃后不能再继续办理。").format(draft.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if ops_drafts.discard(self.ops, self.core, self.actor, draft.id):
            self.reload()
            self.table.setFocus()
