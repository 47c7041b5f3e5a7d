"""减免审批: the reductions waiting for a supervisor, with approve and reject.
A tab of the supervisor's queue (ui/requests/queue.py), which reads it again
when fees change (a decision here, a reduction asked at a counter).  The
service refuses a decision on one's own request; a refusal needs a note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.money import yuan
from counter_app.domain.settlement import percent
from ui.bridge import Operations
from ui.operations import fees as ops_fees
from ui.operations.fees import ReductionQueue, ReductionView
from ui.requests.common import local_text
from ui.widgets import FieldForm, fill_table, make_table, row_data


class ReductionPanel(QWidget):
    counted = Signal(int)        # pending reductions, after each refresh

    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.views: list[ReductionView] = []
        self.queue: ReductionQueue | None = None
        column = QVBoxLayout(self)
        self.table = make_table(self, [
            self.tr("户号"), self.tr("户主"), self.tr("采暖季"), self.tr("减免类别"),
            self.tr("比例/金额"), self.tr("减免原因"), self.tr("证明材料"), self.tr("申请人"),
            self.tr("申请时间")])
        self.table.setObjectName("reductions")
        self.table.activated.connect(lambda _i: self.note.setFocus())
        column.addWidget(self.table, 1)
        self.form = FieldForm(self)
        self.note = QLineEdit(self.form)
        self.form.add("note", self.tr("审批意见(&N)："), self.note,
                      self.tr("批准可不填；驳回须写明原因"))
        column.addWidget(self.form)
        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("reduction_status")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.approve_button = QPushButton(self.tr("批准减免(&A)"), self)
        self.approve_button.setToolTip(self.tr("批准选中的减免申请 (Alt+A)"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self.tr("驳回(&J)"), self)
        self.reject_button.setToolTip(self.tr("驳回选中的减免申请，须填写审批意见 (Alt+J)"))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        column.addLayout(row)
        QWidget.setTabOrder(self.table, self.note)
        QWidget.setTabOrder(self.note, self.approve_button)
        QWidget.setTabOrder(self.approve_button, self.reject_button)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    # -- showing ----------------------------------------------------------------------
    def refresh(self) -> None:
        ok, queue = ops_fees.reduction_queue(self.ops, self.core)
        if not ok:
            return
        keep = row_data(self.table)
        self.queue, self.views = queue, list(queue.pending)
        views = self.views
        fill_table(self.table, ([v.account_no, v.holder_name, v.season, v.kind_label,
                                 amount_text(v), v.reason, v.document, queue.requester(v),
                                 local_text(self.core, v.requested_at)] for v in views),
                   (v.id for v in views))
        if views and not (keep is not None and self.select(keep)):
            self.table.selectRow(0)
        self._selection_changed()
        self.counted.emit(len(views))

    def selected(self) -> ReductionView | None:
        wanted = row_data(self.table)
        return next((v for v in self.views if v.id == wanted), None)

    def select(self, reduction_id: int) -> bool:
        for r in range(self.table.rowCount()):
            self.table.selectRow(r)
            if row_data(self.table) == reduction_id:
                return True
        return False

    def _selection_changed(self) -> None:
        has = self.selected() is not None
        self.approve_button.setEnabled(has)
        self.reject_button.setEnabled(has)

    # -- deciding -----------------------------------------------------------------------
    def decide(self, approve: bool) -> None:
        view = self.selected()
        if view is None:
            return
        self.form.clear_errors()
        what = self.tr("{0} {1}　{2}采暖季{3}（{4}）").format(
            view.account_no, view.holder_name, view.season, view.kind_label, amount_text(view))
        if approve:
            answer = QMessageBox.question(self, self.tr("批准减免"), self.tr(
                "批准{0}？\n批准后作为减免行计入该户本季账单，不能撤回。").format(what))
            if answer != QMessageBox.StandardButton.Yes:
                return
        ok = ops_fees.decide_reduction(self.ops, self.core, self.actor, view, approve, self.note.text(),
                                       on_field_error=self.form.handle)
        if not ok:
            return
        self.note.clear()        # the list was read again when the decision was announced
        self.status.setText((self.tr("已批准：{0}") if approve else self.tr("已驳回：{0}")).format(what))
        self.table.setFocus()


def amount_text(view: ReductionView) -> str:
    if view.percent_bp is not None:
        return f"{percent(view.percent_bp)}%"
    return QCoreApplication.translate("Fees", "{0} 元").format(yuan(view.amount_fen or 0))
