"""Page 2: the documents checklist, built from the catalogue at run time."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from counter_app.catalogue import DocumentSpec
from ui.operations.requests import DocumentInput
from ui.windows import Owned
from ui.wizard.base import WizardPage
from ui.wizard.waiver import Waiver, WaiverDialog, group_name

OK_STYLE = "color: #1b6e20;"
WARN_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #a05a00;"


@dataclass
class DocRow:
    spec: DocumentSpec
    received: QCheckBox
    original: QCheckBox
    copies: QSpinBox
    need: QLabel
    base: str  # the requirement text without the waiver note


class DocumentsPage(WizardPage):
    waiver_dialog: Owned[WaiverDialog] = Owned()   # while it is open (ui.windows)

    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.setTitle(self.tr("第2步：材料清单"))
        self.setSubTitle(self.tr("逐项核对客户交来的材料：勾选已收，核对原件，填写留存复印件份数。"
                                 "鼠标停在材料名称上可看说明。"))
        self.rows: dict[str, DocRow] = {}
        self.saved: dict[str, dict[str, Any]] = {}
        self.waivers: dict[str, Waiver] = {}
        self.waiver_dialog: WaiverDialog | None = None
        self.scroll = QScrollArea(self)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidgetResizable(True)
        self.body.addWidget(self.scroll, 1)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.missing_label)
        row = QHBoxLayout()
        self.waive_button = QPushButton(self.tr("请值班长免交(&W)"), self)
        self.waive_button.setObjectName("waive")
        self.waive_button.setToolTip(
            self.tr("必交材料客户暂不能提供时，由值班长登录本人账号批准免交 (Alt+W)"))
        self.waive_button.setAutoDefault(False)
        self.waive_button.clicked.connect(self.open_waiver)
        row.addWidget(self.waive_button)
        row.addStretch(1)
        self.body.addLayout(row)

    # -- building ------------------------------------------------------------------------
    def context(self) -> dict[str, bool]:
        customer = self.wiz.customer_page
        return {"by_agent": customer.is_by_agent(), "non_residential": customer.non_residential()}

    def documents(self) -> tuple[DocumentSpec, ...]:
        return self.kind.documents_for(**self.context())

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self._remember()
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setHorizontalSpacing(14)
        for column, text in enumerate((self.tr("材料（勾选＝已收）"), self.tr("要求"), self.tr("原件"),
                                       self.tr("复印件(份)"), self.tr("说明"))):
            header = QLabel(f"<b>{text}</b>", grid_box)
            grid.addWidget(header, 0, column)
        self.rows = {}
        chain: list[QWidget] = []
        for r, spec in enumerate(self.documents(), start=1):
            row = self._row(grid_box, spec)
            grid.addWidget(row.received, r, 0)
            grid.addWidget(row.need, r, 1)
            grid.addWidget(row.original, r, 2)
            grid.addWidget(row.copies, r, 3)
            note = QLabel(spec.note, grid_box)
            note.setStyleSheet("color: #666;")
            note.setWordWrap(True)
            grid.addWidget(note, r, 4)
            self.rows[spec.code] = row
            row.copies.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # preset; click to change
            chain += [row.received, row.original]
        grid.setColumnStretch(4, 1)
        grid.setRowStretch(len(self.rows) + 1, 1)
        self.scroll.setWidget(grid_box)
        for first, second in pairwise([*chain, self.waive_button]):
            self.setTabOrder(first, second)
        if chain:
            self.first_focus = chain[0]
            chain[0].setFocus()
        self.update_missing()

    def _row(self, parent: QWidget, spec: DocumentSpec) -> DocRow:
        saved = self.saved.get(spec.code, {})
        received = QCheckBox(spec.name, parent)
        received.setObjectName(f"received_{spec.code}")
        # what the document is for (the catalogue's description); its note is in the 说明 column
        received.setToolTip(spec.description or spec.note)
        original = QCheckBox(self.tr("已核原件"), parent)
        original.setObjectName(f"original_{spec.code}")
        original.setToolTip(self.tr("须核对原件") if spec.original else self.tr("不要求原件，核对了可勾选"))
        copies = QSpinBox(parent)
        copies.setObjectName(f"copies_{spec.code}")
        copies.setRange(0, 99)
        copies.setSuffix(self.tr(" 份"))
        copies.setToolTip(self.tr("留存复印件份数，标准为 {0} 份").format(spec.copies))
        if spec.required:
            need_text = self.tr("必交（任交其一）") if spec.one_of else self.tr("必交")
        else:
            need_text = self.tr("选交")
        if spec.original:
            need_text += self.tr("，须核原件")
        need = QLabel(need_text, parent)
        if spec.required:
            need.setStyleSheet("font-weight: bold;")
        received.setChecked(bool(saved.get("received", False)))
        original.setChecked(bool(saved.get("original_seen", False)))
        copies.setValue(int(saved.get("copies", spec.copies)))
        row = DocRow(spec, received, original, copies, need, need_text)
        received.toggled.connect(lambda _on, row=row: self._received_changed(row))
        original.toggled.connect(lambda _on: self.update_missing())
        self._enable(row)
        return row

    def _received_changed(self, row: DocRow) -> None:
        self._enable(row)
        if row.received.isChecked() and row.spec.original:
            row.original.setFocus()
        self.update_missing()

    @staticmethod
    def _enable(row: DocRow) -> None:
        on = row.received.isChecked()
        row.original.setEnabled(on)
        row.copies.setEnabled(on)

    def _remember(self) -> None:
        for code, row in self.rows.items():
            self.saved[code] = {"received": row.received.isChecked(),
                                "original_seen": row.original.isChecked(),
                                "copies": row.copies.value()}

    # -- what is missing -----------------------------------------------------------------
    def provided(self) -> set[str]:
        return {code for code, row in self.rows.items() if row.received.isChecked()}

    def missing(self, *, waived: bool = True) -> tuple[tuple[DocumentSpec, ...], ...]:
        """Required documents (or one_of groups) neither received nor, if ``waived``, waived."""
        have = self.provided() | (set(self.active_waivers()) if waived else set())
        return self.kind.missing_documents(have, **self.context())

    def active_waivers(self) -> dict[str, Waiver]:
        """Waivers for documents on the list that are still needed (not received since)."""
        groups = self.missing(waived=False) if self.rows else ()
        needed = {doc.code for group in groups for doc in group}
        return {code: w for code, w in self.waivers.items() if code in needed}

    def originals_unseen(self) -> list[str]:
        return [row.spec.name for row in self.rows.values()
                if row.spec.original and row.received.isChecked() and not row.original.isChecked()]

    def update_missing(self) -> None:
        missing = self.missing()
        waived = self.active_waivers()
        lines: list[tuple[str, str]] = []
        if missing:
            lines.append((WARN_STYLE, self.tr("还缺必交材料：{0}。可出具一次性告知单，业务转为“待补材料”；"
                                              "或请值班长批准免交。").format(
                "；".join(group_name(g) for g in missing))))
        elif waived:
            lines.append((OK_STYLE, self.tr("必交材料已齐全（含值班长批准免交的），可以受理。")))
        else:
            lines.append((OK_STYLE, self.tr("必交材料已齐全，可以受理。")))
        if waived:
            lines.append(("", self.tr("已批准免交：{0}").format("；".join(
                f"{w.name}（{w.supervisor.display_name}：{w.reason}）" for w in waived.values()))))
        unseen = self.originals_unseen()
        if unseen:
            lines.append((NOTE_STYLE, self.tr("已收但尚未核对原件：{0}").format("、".join(unseen))))
        self.missing_label.setText("<br>".join(f"<span style='{style}'>{escape(text)}</span>"
                                               for style, text in lines))
        for code, row in self.rows.items():
            row.need.setText(row.base + (self.tr("，已免交") if code in waived else ""))
        self.waive_button.setEnabled(bool(missing))

    # -- the supervisor's waiver ---------------------------------------------------------
    def open_waiver(self) -> None:
        missing = self.missing()
        if not missing:
            return
        self.waiver_dialog = WaiverDialog(self.core, missing, self)
        self.waiver_dialog.accepted.connect(self._waiver_given)
        self.waiver_dialog.open()

    def _waiver_given(self) -> None:
        dialog = self.waiver_dialog
        if dialog is None:
            return
        for waiver in dialog.waivers():
            self.waivers[waiver.code] = waiver
        self.update_missing()
        self.set_status(self.tr("{0} 已批准免交，办理时记入业务记录").format(
            dialog.actor.display_name if dialog.actor else ""))

    # -- results -------------------------------------------------------------------------
    def document_inputs(self) -> dict[str, DocumentInput]:
        return {code: DocumentInput(received=row.received.isChecked(),
                                    original_seen=row.received.isChecked() and row.original.isChecked(),
                                    copies=row.copies.value() if row.received.isChecked() else 0)
                for code, row in self.rows.items()}

    def field_keys(self) -> set[str]:
        return {"documents"} | {spec.code for spec in self.kind.documents}

    def show_error(self, key: str, message: str) -> bool:
        self.set_status(message, error=True)
        row = self.rows.get(key)
        if row is not None:
            row.received.setFocus()
        return True

    def values(self) -> dict[str, Any]:
        self._remember()
        return dict(self.saved)

    def restore(self, data: dict[str, Any]) -> None:
        self.saved = {code: dict(value) for code, value in data.items() if isinstance(value, dict)}

    def summary(self) -> list[tuple[str, str]]:
        rows = []
        for row in self.rows.values():
            if row.received.isChecked():
                state = self.tr("已收") + (self.tr("，已核原件") if row.original.isChecked() else "")
                state += self.tr("，复印件{0}份").format(row.copies.value())
            elif row.spec.code in self.active_waivers():
                state = self.tr("免交")
            else:
                state = self.tr("未交")
            rows.append((row.spec.name, state))
        return rows
