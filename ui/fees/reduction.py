"""申请减免: a clerk records a reduction (低保户, 特困户, room temperature below
the standard) with its reason and supporting document; it counts once a
supervisor approves it, as its own line of the season's bill."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import validation
from counter_app.core import Actor, Core
from counter_app.domain.seasons import season_of
from counter_app.domain.settlement import REDUCTION_KINDS, check_reduction
from counter_app.errors import ValidationError
from ui.actions import shortcut
from ui.bridge import Operations
from ui.fees.common import field_errors, parse_scaled
from ui.operations import fees as ops_fees
from ui.requests.common import WARNING_STYLE
from ui.widgets import FieldForm

DOCUMENT_HINTS = {
    "low_income": QT_TRANSLATE_NOOP("ReductionDialog", "如：低保证编号"),
    "hardship": QT_TRANSLATE_NOOP("ReductionDialog", "如：特困供养证编号"),
    "below_standard": QT_TRANSLATE_NOOP("ReductionDialog", "如：测温记录单号"),
}


class ReductionDialog(QDialog):
    def __init__(self, core: Core, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.account_id = core, actor, account_id
        self.ops = Operations(self)
        self.reduction_id: int | None = None
        self.setWindowTitle(self.tr("申请减免"))
        outer = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-weight:bold;")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        ok, view = ops_fees.reduction_form(self.ops, core, account_id)
        if ok:
            self.heading.setText(self.tr("{0}　{1}　{2}").format(view.account_no, view.holder_name,
                                                                 view.address))

        self.form = FieldForm(self)
        self.kind = QComboBox(self.form)
        for code, label in REDUCTION_KINDS.items():
            self.kind.addItem(label, code)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.form.add("kind", self.tr("减免类别(&K)："), self.kind)
        self.season = QLineEdit(season_of(core.today()), self.form)
        self.form.add("season", self.tr("采暖季(&S)："), self.season, self.tr("如 2025-2026"))
        self.reason = QLineEdit(self.form)
        self.form.add("reason", self.tr("减免原因(&R)："), self.reason,
                      self.tr("如：城市低保户；12月入户测温14℃"))
        self.document = QLineEdit(self.form)
        self.form.add("document", self.tr("证明材料(&D)："), self.document)

        self.by_percent = QRadioButton(self.tr("按比例(&P)"), self.form)
        self.by_amount = QRadioButton(self.tr("按金额(&Y)"), self.form)
        self.by_percent.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_percent)
        group.addButton(self.by_amount)
        choice = QWidget(self.form)
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.by_percent)
        row.addWidget(self.by_amount)
        row.addStretch(1)
        self.form.layout_.addRow(self.tr("减免方式："), choice)
        self.percent = QLineEdit(self.form)
        self.form.add("percent_bp", self.tr("减免比例（%）(&E)："), self.percent,
                      self.tr("占本季热费的百分比，如 50"))
        self.amount = QLineEdit(self.form)
        self.form.add("amount_fen", self.tr("减免金额（元）(&A)："), self.amount,
                      self.tr("固定金额，如 300.00"))
        for radio in (self.by_percent, self.by_amount):
            radio.toggled.connect(self._mode_changed)
        outer.addWidget(self.form)

        note = QLabel(self.tr("提交后须经值班长审批（不能由申请人本人审批），批准后作为单独的减免行"
                              "计入该户本季账单。"), self)
        note.setObjectName("approval_note")
        note.setWordWrap(True)
        note.setStyleSheet(WARNING_STYLE)
        outer.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("提交审批(&O)"))
        self.ok_button.setToolTip(self.tr("提交减免申请 (Alt+O，或 Ctrl+Enter)"))
        self.ok_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("取消 (Esc)"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        shortcut(self, "submit", self.submit)
        order = [self.kind, self.season, self.reason, self.document, self.by_percent, self.by_amount,
                 self.percent, self.amount, self.ok_button]
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self._kind_changed()
        self._mode_changed()
        self.kind.setFocus()
        self.resize(560, self.sizeHint().height())

    def _kind_changed(self) -> None:
        hint = DOCUMENT_HINTS.get(self.kind.currentData(), "")
        self.document.setPlaceholderText(self.tr(hint) if hint else "")
        self.document.setToolTip(self.document.placeholderText())

    def _mode_changed(self) -> None:
        percent = self.by_percent.isChecked()
        self.percent.setEnabled(percent)
        self.amount.setEnabled(not percent)
        self.form.errors["percent_bp"].hide()
        self.form.errors["amount_fen"].hide()

    def _parse(self) -> tuple[int | None, int | None]:
        """Check what the clerk typed, field by field in the order of the form
        (the service checks it all again); returns (percent_bp, amount_fen)."""
        percent_bp = amount_fen = None
        # the fields above the amount first, in the order of the form
        validation.parse_season(self.season.text(), field="season")
        check_reduction(self.kind.currentData(), self.reason.text(), self.document.text(), 1, None)
        if self.by_percent.isChecked():
            percent_bp = parse_scaled(self.percent.text(), digits=2, low=1, high=10_000,
                                      field="percent_bp", label=self.tr("减免比例"), unit="%")
        else:
            amount_fen = validation.parse_money_fen(self.amount.text(), field="amount_fen",
                                                    label=self.tr("减免金额"))
            if amount_fen <= 0:
                raise ValidationError(self.tr("减免金额应大于0"), field="amount_fen")
        return percent_bp, amount_fen

    def submit(self) -> None:
        self.form.clear_errors()
        at_field = field_errors(self, self.form)
        ok, parsed = self.ops.call(self._parse, on_field_error=at_field)
        if not ok:
            return
        percent_bp, amount_fen = parsed
        ok, reduction_id = ops_fees.request_reduction(
            self.ops, self.core, self.actor, self.account_id, self.season.text(), self.kind.currentData(),
            self.reason.text(), self.document.text(), percent_bp=percent_bp, amount_fen=amount_fen,
            on_field_error=at_field)
        if not ok:
            return
        self.reduction_id = reduction_id
        QMessageBox.information(self, self.tr("已提交"), self.tr(
            "减免申请已提交，等待值班长审批。批准后，减免作为单独一行计入该户账单。"))
        self.accept()

