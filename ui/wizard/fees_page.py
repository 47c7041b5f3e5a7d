"""Page 4: the fees of the business.  Until the fees module exists this lists
the kind's fee items; the fees issue replaces this one class."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel

from ui.widgets import fill_table, make_table
from ui.wizard.base import WizardPage


class FeesPage(WizardPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.setTitle(self.tr("第4步：收费项目"))
        self.setSubTitle(self.tr("按服务规范向客户说明本业务的各项收费项目和收费标准。"))
        self.table = make_table(self, [self.tr("序号"), self.tr("收费项目"), self.tr("金额")])
        self.table.setObjectName("fee_items")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # the fee item's code rides along as row data (UserRole) for the fees module
        fill_table(self.table, ([n, fee.label, self.tr("按收费标准计算")]
                                for n, fee in enumerate(self.kind.fees, start=1)),
                   (fee.code for fee in self.kind.fees))
        self.body.addWidget(self.table, 1)
        note = QLabel(self.tr("收费金额按收费标准计算，缴费模块上线后在此显示") if self.kind.fees
                      else self.tr("本业务不收取费用。"), self)
        note.setObjectName("fee_note")
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.table.setVisible(bool(self.kind.fees))

    def summary(self) -> list[tuple[str, str]]:
        return [(fee.label, self.tr("按收费标准计算")) for fee in self.kind.fees]
