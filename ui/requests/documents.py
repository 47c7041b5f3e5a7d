"""The documents tab of a request: the checklist, a document received later,
and a supervisor's waiver."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.enums import DocumentState
from counter_app.domain.permissions import Permission
from ui.bridge import Operations
from ui.login import LoginDialog
from ui.operations import requests as ops_requests
from ui.operations.requests import DocumentInput, DocumentView, RequestView
from ui.requests.common import RED, label_style
from ui.requests.steps import WaiveDialog, supervisor_check
from ui.widgets import fill_table, make_table, row_data
from ui.windows import Owned


def missing_text(view: RequestView) -> str:
    """The missing documents, alternatives of a one-of group joined by “或”."""
    groups: dict[str, list[str]] = {}
    for doc in view.documents:
        if doc.name in view.missing:
            groups.setdefault(doc.one_of or doc.code, []).append(doc.name)
    return "、".join(QCoreApplication.translate("RequestView", "或").join(names)
                    for names in groups.values())


class DocumentsPanel(QWidget):
    """What is recorded or waived here is announced on the change bus; the
    request's window refreshes from there."""

    waive_dialog: Owned[WaiveDialog] = Owned()     # while they are open (ui.windows)
    login_dialog: Owned[LoginDialog] = Owned()

    def __init__(self, core: Core, actor: Actor, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.ops = core, actor, ops
        self.view: RequestView | None = None
        self.can_waive = False       # the logged-in person approves a waiver without a login
        self.waive_dialog: WaiveDialog | None = None
        self.login_dialog: LoginDialog | None = None
        column = QVBoxLayout(self)
        self.missing = QLabel(self)
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        column.addWidget(self.missing)
        self.table = make_table(self, [self.tr("材料"), self.tr("要求"), self.tr("状态"),
                                       self.tr("原件已核"), self.tr("复印件"), self.tr("备注")])
        self.table.setObjectName("documents")
        self.table.itemSelectionChanged.connect(self._selected)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.original = QCheckBox(self.tr("原件已核验(&G)"), self)
        self.original.setObjectName("original_seen")
        copies_label = QLabel(self.tr("复印件份数(&C)："), self)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("copies")
        self.copies.setRange(0, 99)
        copies_label.setBuddy(self.copies)
        self.receive_button = QPushButton(self.tr("登记已收(&R)"), self)
        self.receive_button.setObjectName("receive_document")
        self.receive_button.setToolTip(self.tr("客户后来补交的材料：核验后登记为已收 (Alt+R)"))
        self.receive_button.clicked.connect(self.record_received)
        self.waive_button = QPushButton(self.tr("批准免交(&W)…"), self)
        self.waive_button.setObjectName("waive_document")
        self.waive_button.setToolTip(
            self.tr("须值班长批准并写明原因；营业员操作时请值班长登录本人账号 (Alt+W)"))
        self.waive_button.clicked.connect(self.waive)
        for w in (self.original, copies_label, self.copies):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.receive_button)
        row.addWidget(self.waive_button)
        column.addLayout(row)
        self.setTabOrder(self.table, self.original)
        self.setTabOrder(self.original, self.copies)
        self.setTabOrder(self.copies, self.receive_button)
        self.setTabOrder(self.receive_button, self.waive_button)

    # -- showing ------------------------------------------------------------------
    def set_view(self, view: RequestView, *, can_waive: bool = False) -> None:
        keep = row_data(self.table)
        self.view, self.can_waive = view, can_waive
        rows = [[d.name, self._requirement(d), d.state.label,
                 self.tr("是") if d.original_seen else "", d.copies or "", d.waive_reason]
                for d in view.documents]
        fill_table(self.table, rows, [d.code for d in view.documents])
        for r, doc in enumerate(view.documents):
            if doc.name in view.missing:
                for c in range(self.table.columnCount()):
                    self.table.item(r, c).setForeground(QBrush(QColor(RED)))
        if view.missing:
            self.missing.setText(self.tr("尚缺材料：") + missing_text(view))
            self.missing.setStyleSheet(label_style(RED))
        else:
            self.missing.setText(self.tr("材料齐全"))
            self.missing.setStyleSheet("")
        codes = [d.code for d in view.documents]
        first_missing = next((i for i, d in enumerate(view.documents) if d.name in view.missing), 0)
        if codes:
            self.table.selectRow(codes.index(keep) if keep in codes else first_missing)
        self._selected()

    def _requirement(self, doc: DocumentView) -> str:
        if not doc.required:
            return self.tr("选交")
        return self.tr("必交（任选其一）") if doc.one_of else self.tr("必交")

    def current(self) -> DocumentView | None:
        code = row_data(self.table)
        if self.view is None or code is None:
            return None
        return next((d for d in self.view.documents if d.code == code), None)

    def select(self, code: str) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == code:
                self.table.selectRow(r)
                return True
        return False

    def _selected(self) -> None:
        doc = self.current()
        is_open = self.view is not None and not self.view.status.is_closed
        self.receive_button.setEnabled(bool(doc) and is_open)
        self.waive_button.setEnabled(bool(doc) and is_open and doc is not None
                                     and doc.required and doc.state is DocumentState.MISSING)
        if doc is None:
            return
        spec = next((s for s in self.core.catalogue.get(self.view.kind).documents
                     if s.code == doc.code), None)
        if doc.state is DocumentState.RECEIVED:
            self.original.setChecked(doc.original_seen)
            self.copies.setValue(doc.copies)
        else:
            self.original.setChecked(bool(spec and spec.original))
            self.copies.setValue(spec.copies if spec else 0)

    # -- acting -------------------------------------------------------------------
    def record_received(self) -> None:
        doc = self.current()
        if doc is None or self.view is None:
            return
        given = DocumentInput(received=True, original_seen=self.original.isChecked(),
                              copies=self.copies.value())
        ops_requests.record_document(self.ops, self.core, self.actor, self.view, doc.code, given)

    def waive(self) -> None:
        doc = self.current()
        if doc is None or self.view is None:
            return
        if self.can_waive:
            self._open_waive(self.actor, doc)
            return
        self.login_dialog = LoginDialog(
            self.core, self, title=self.tr("值班长批准免交"),
            purpose=self.tr("免交“{0}”须由值班长批准：请值班长登录本人账号。").format(doc.name),
            check=supervisor_check(Permission.WAIVE_DOCUMENT, self.tr("批准免交材料")))
        self.login_dialog.accepted.connect(
            lambda: self._open_waive(self.login_dialog.actor, doc))
        self.login_dialog.open()

    def _open_waive(self, actor: Actor, doc: DocumentView) -> None:
        self.waive_dialog = WaiveDialog(self.core, actor, self.view, doc, self)
        self.waive_dialog.open()
