"""欠费清单与催缴: the accounts owing on a bill past its due date, by community
and building, with the late fee to today; exported as CSV for Excel, printed
as reminder notices (催缴通知单, one page per account) for the chosen community/building."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.money import yuan
from ui.actions import key_text, shortcut
from ui.bridge import Operations
from ui.fees.common import natural_key, right_align, yuan_plain
from ui.operations import fees as ops_fees
from ui.operations.fees import ArrearsRow
from ui.print_dialogs import reminders_job
from ui.printing import PrintActions, PrintJob
from ui.widgets import fill_table, make_table

AMOUNT_COLUMNS = (5, 6, 7)


@dataclass(frozen=True)
class Place:
    community: str
    building: str


def places_of(rows: list[ArrearsRow]) -> dict[int, Place]:
    """Where each account of the list is, for the community and building filters
    (the list carries them: no read per row)."""
    return {r.account_id: Place(r.community, r.building) for r in rows}


class ArrearsWindow(QWidget):
    """A window of its own (``show()``)."""

    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.ops.failed.connect(lambda _m: self._set_loading(False))
        self.all_rows: list[ArrearsRow] = []
        self.places: dict[int, Place] = {}
        self.rows: list[ArrearsRow] = []
        self.loading = False
        self.loaded = False
        self.on = core.today()
        self.setWindowTitle(self.tr("欠费清单与催缴"))
        column = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.community = self._combo(filters, self.tr("小区(&C)："), "community")
        self.building = self._combo(filters, self.tr("楼栋(&B)："), "building")
        self.community.currentIndexChanged.connect(self._community_changed)
        self.building.currentIndexChanged.connect(lambda _i: self.apply_filter())
        filters.addStretch(1)
        self.as_of = QLabel(self)
        self.as_of.setObjectName("as_of")
        filters.addWidget(self.as_of)
        self.refresh_button = QPushButton(self.tr("刷新(&R)"), self)
        self.refresh_button.setToolTip(self.tr("重新计算欠费和滞纳金 ({0})").format(key_text("refresh")))
        self.refresh_button.clicked.connect(self.refresh)
        filters.addWidget(self.refresh_button)
        column.addLayout(filters)

        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setToolTip(self.tr("正在计算欠费，请稍候……"))
        self.busy.hide()
        column.addWidget(self.busy)

        self.table = make_table(self, [
            self.tr("户号"), self.tr("户主"), self.tr("地址"), self.tr("电话"), self.tr("欠费采暖季"),
            self.tr("欠费本金（元）"), self.tr("滞纳金（元）"), self.tr("合计（元）")])
        self.table.setObjectName("arrears")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)     # the address takes the room
        column.addWidget(self.table, 1)
        self.totals = QLabel(self)
        self.totals.setObjectName("totals")
        self.totals.setStyleSheet("font-weight:bold;")
        column.addWidget(self.totals)

        row = QHBoxLayout()
        row.addStretch(1)
        self.export_button = QPushButton(self.tr("导出CSV(&E)"), self)
        self.export_button.setToolTip(self.tr("导出当前清单，可用 Excel 打开 (Alt+E)"))
        self.export_button.clicked.connect(self.choose_export)
        self.print_button = QPushButton(self.tr("打印催缴通知(&P)"), self)
        self.print_button.setObjectName("print_notices")
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(self.tr("为所选小区、楼栋的欠费户打印催缴通知单，每户一页 (Alt+P)"))
        self.printing = PrintActions(self, self.ops, self.reminders)
        self.printing.attach(self.print_button)
        close = QPushButton(self.tr("关闭"), self)
        close.setToolTip(self.tr("关闭 (Esc)"))
        close.clicked.connect(self.close)
        for button in (self.export_button, self.print_button, close):
            row.addWidget(button)
        column.addLayout(row)
        shortcut(self, "refresh", self.refresh)
        shortcut(self, "cancel", self.close)
        for a, b in ((self.community, self.building), (self.building, self.refresh_button),
                     (self.refresh_button, self.table), (self.table, self.export_button),
                     (self.export_button, self.print_button), (self.print_button, close)):
            QWidget.setTabOrder(a, b)
        self.resize(1100, 640)
        self.refresh()
        self.community.setFocus()

    def _combo(self, row: QHBoxLayout, caption: str, name: str) -> QComboBox:
        label = QLabel(caption, self)
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        return combo

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the list on a worker thread (the late fee runs to today)."""
        if self.loading:
            return
        self._set_loading(True)
        self.on = self.core.today()
        ops_fees.arrears(self.ops, self.core, self._loaded)

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.busy.setVisible(loading)
        if loading:
            self.totals.setText(self.tr("正在计算欠费，请稍候……"))
        self.refresh_button.setEnabled(not loading)
        self.export_button.setEnabled(not loading and bool(self.rows))
        self.print_button.setEnabled(not loading and bool(self.rows))

    def _loaded(self, rows: list[ArrearsRow]) -> None:
        self.all_rows, self.places = rows, places_of(rows)
        self.as_of.setText(self.tr("截至 {0}").format(self.on.isoformat()))
        chosen = (self.community.currentData(), self.building.currentData())
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("全部小区"), None)
        for name in sorted({p.community for p in self.places.values()}):
            self.community.addItem(name, name)
        index = self.community.findData(chosen[0]) if chosen[0] else 0
        self.community.setCurrentIndex(max(index, 0))
        self.community.blockSignals(False)
        self._fill_buildings(chosen[1])
        self.loaded = True
        self._set_loading(False)
        self.apply_filter()

    def _fill_buildings(self, chosen: str | None = None) -> None:
        community = self.community.currentData()
        self.building.blockSignals(True)
        self.building.clear()
        self.building.addItem(self.tr("全部楼栋"), None)
        if community:
            names = {p.building for p in self.places.values() if p.community == community and p.building}
            for name in sorted(names, key=natural_key):
                self.building.addItem(self.tr("{0}号楼").format(name), name)
        index = self.building.findData(chosen) if chosen else 0
        self.building.setCurrentIndex(max(index, 0))
        self.building.setEnabled(bool(community))
        self.building.blockSignals(False)

    def _community_changed(self) -> None:
        self._fill_buildings()
        self.apply_filter()

    # -- showing -----------------------------------------------------------------------
    def apply_filter(self) -> None:
        community, building = self.community.currentData(), self.building.currentData()

        def wanted(row: ArrearsRow) -> bool:
            place = self.places.get(row.account_id)
            return place is not None and (not community or place.community == community) and \
                (not building or place.building == building)

        self.rows = [r for r in self.all_rows if wanted(r)]
        fill_table(self.table, ([r.account_no, r.holder_name, r.address, r.phone, "、".join(r.seasons),
                                 yuan(r.principal_fen), yuan(r.late_fee_fen),
                                 yuan(r.principal_fen + r.late_fee_fen)] for r in self.rows),
                   (r.account_id for r in self.rows))
        right_align(self.table, AMOUNT_COLUMNS)
        principal = sum(r.principal_fen for r in self.rows)
        late = sum(r.late_fee_fen for r in self.rows)
        self.totals.setText(self.tr("共 {0} 户　欠费本金 {1} 元　滞纳金 {2} 元　合计 {3} 元").format(
            len(self.rows), yuan(principal), yuan(late), yuan(principal + late)))
        if self.loaded and not self.rows:
            self.totals.setText(self.tr("没有逾期欠费的账户"))
        self.export_button.setEnabled(bool(self.rows) and not self.loading)
        self.print_button.setEnabled(bool(self.rows) and not self.loading)

    def reminders(self) -> PrintJob | None:
        """催缴通知单 for the community and building chosen (the late fee to today)."""
        if not self.rows:
            return None
        community, building = self.community.currentData(), self.building.currentData()
        where = "-".join(p for p in (community or self.tr("全部小区"),
                                     self.building.currentText() if building else "") if p)
        return reminders_job(self.core, self.actor, community, building, where)

    # -- exporting ------------------------------------------------------------------------
    def csv_rows(self) -> list[list[str]]:
        header = [self.tr("户号"), self.tr("户主"), self.tr("地址"), self.tr("电话"),
                  self.tr("欠费采暖季"), self.tr("欠费本金（元）"), self.tr("滞纳金（元）"),
                  self.tr("合计（元）")]
        out = [header]
        for r in self.rows:
            out.append([r.account_no, r.holder_name, r.address, r.phone, "、".join(r.seasons),
                        yuan_plain(r.principal_fen), yuan_plain(r.late_fee_fen),
                        yuan_plain(r.principal_fen + r.late_fee_fen)])
        principal = sum(r.principal_fen for r in self.rows)
        late = sum(r.late_fee_fen for r in self.rows)
        out.append([self.tr("合计"), self.tr("{0} 户").format(len(self.rows)), "", "", "",
                    yuan_plain(principal), yuan_plain(late), yuan_plain(principal + late)])
        return out

    def export(self, path: str | Path) -> bool:
        """Write the list as shown (filters applied) to ``path``: UTF-8 with a BOM,
        so Excel reads the Chinese."""
        try:
            with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
                csv.writer(fh).writerows(self.csv_rows())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("导出失败"), self.tr("无法写入文件 {0}：{1}").format(
                path, exc.strerror or exc))
            return False
        return True

    def default_name(self) -> str:
        parts = [self.tr("欠费清单"), self.community.currentData() or "",
                 self.building.currentText() if self.building.currentData() else "", self.on.isoformat()]
        return "-".join(p for p in parts if p) + ".csv"

    def choose_export(self) -> None:
        if not self.rows:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出欠费清单"), str(Path.home() / self.default_name()),
            self.tr("CSV 文件 (*.csv)"))
        if path and self.export(path):
            QMessageBox.information(self, self.tr("已导出"), self.tr("已导出 {0} 户到 {1}").format(
                len(self.rows), path))
