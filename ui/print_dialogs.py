"""What the windows print, and the two printing windows of the main menu:

* the documents (``slip_job`` ...): type, title, the read of its data (one call
  of ``ui.operations.documents``) and the renderer of ``printing/`` that draws it;
* the receipt: the original once (``OriginalReceipt``, the payment dialog's
  menu; the core refuses a second unmarked original), a copy (``reprint``: its
  read logs 副本 N, then the preview prints or saves it), in the layout chosen
  on this computer (A5, 80 mm roll, pre-printed form);
* 营业日报 (``RegisterDialog``, supervisors) and 套打校准 (``CalibrationDialog``:
  offsets in mm per printer, and the calibration test page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtPrintSupport import QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from ui.bridge import Operations
from ui.operations import documents
from ui.printing import PrintActions, PrintJob, offsets_for, preview, set_offsets

LAYOUT_KEY = "print/receipt/layout"
RECEIPT_DOC = {"a5": "receipt", "roll": "receipt_roll", "preprinted": "receipt_preprinted"}


# -- the documents --------------------------------------------------------------------------

def slip_job(core: Core, actor: Actor, request_id: int, number: str) -> PrintJob:
    from printing.slip import slip_pdf

    title = QCoreApplication.translate("PrintJobs", "受理回执 {0}").format(number)
    return PrintJob("slip", title, slip_pdf,
                    read=lambda ops: documents.slip_paper(ops, core, actor, request_id))


def notice_job(core: Core, actor: Actor, request_id: int, number: str) -> PrintJob:
    from printing.notice import notice_pdf

    title = QCoreApplication.translate("PrintJobs", "一次性告知单 {0}").format(number)
    return PrintJob("notice", title, notice_pdf,
                    read=lambda ops: documents.notice_paper(ops, core, actor, request_id))


def contract_job(core: Core, actor: Actor, request_id: int, number: str) -> PrintJob:
    from printing.contract import contract_pdf

    title = QCoreApplication.translate("PrintJobs", "供热合同 {0}").format(number)
    return PrintJob("contract", title, contract_pdf,
                    read=lambda ops: documents.contract_paper(ops, core, actor, request_id))


def handover_job(core: Core, actor: Actor, shift_id: int, day: dt.date) -> PrintJob:
    from printing.handover import handover_pdf

    title = QCoreApplication.translate("PrintJobs", "交接班记录 {0} {1}").format(actor.display_name,
                                                                               day.isoformat())
    return PrintJob("handover", title, handover_pdf,
                    read=lambda ops: documents.handover_paper(ops, core, actor, shift_id))


def reminders_job(core: Core, actor: Actor, community: str | None, building: str | None,
                  where: str) -> PrintJob:
    from printing.reminder import reminders_pdf

    title = QCoreApplication.translate("PrintJobs", "催缴通知单 {0}").format(where)
    return PrintJob("reminder", title, reminders_pdf,
                    read=lambda ops: documents.reminders_paper(ops, core, actor, community, building))


def register_job(core: Core, actor: Actor, day: dt.date) -> PrintJob:
    from printing.register import register_pdf

    title = QCoreApplication.translate("PrintJobs", "营业日报 {0}").format(day.isoformat())
    return PrintJob("register", title, register_pdf,
                    read=lambda ops: documents.register_paper(ops, core, actor, day))


# -- receipts -------------------------------------------------------------------------------

def receipt_layout() -> str:
    value = str(QSettings().value(LAYOUT_KEY, "a5") or "a5")
    return value if value in RECEIPT_DOC else "a5"


def set_receipt_layout(layout: str) -> None:
    QSettings().setValue(LAYOUT_KEY, layout)


def _receipt_read(core: Core, actor: Actor, receipt_no: str, layout: str,
                  reprint: bool) -> Callable[[Operations], tuple[bool, object]]:
    """The receipt's read, which logs its print: the font is checked first
    (FontMissing), so that no logged print ends without paper."""
    def read(ops: Operations) -> tuple[bool, object]:
        from printing import fonts

        ok, _font = ops.call(fonts.register)
        if not ok:
            return False, None
        made = documents.receipt_copy if reprint else documents.original_receipt
        return made(ops, core, actor, receipt_no, layout)
    return read


def receipt_job(core: Core, actor: Actor, receipt_no: str, *, reprint: bool = False,
                layout: str | None = None, render: Callable[..., bytes] | None = None) -> PrintJob:
    """``render``: what to do with the data read (by default the receipt's PDF)."""
    from printing.receipt import receipt_pdf

    layout = layout or receipt_layout()
    title = (QCoreApplication.translate("PrintJobs", "收款收据 {0} 副本") if reprint
             else QCoreApplication.translate("PrintJobs", "收款收据 {0}")).format(receipt_no)
    return PrintJob(RECEIPT_DOC[layout], title, render or receipt_pdf, shift=layout == "preprinted",
                    read=_receipt_read(core, actor, receipt_no, layout, reprint))


def reprint(parent: QWidget, ops: Operations, core: Core, actor: Actor,
            receipt_no: str) -> QPrintPreviewDialog | None:
    """A logged copy (副本 N) in the preview, which prints or saves it."""
    job = receipt_job(core, actor, receipt_no, reprint=True)
    pdf = job.make(ops)
    if pdf is None:
        return None
    return preview(parent, pdf, job.doc_type, job.title, shift=job.shift, ops=ops)


class OriginalReceipt(PrintActions):
    """The receipt just taken.  Its original is rendered (and logged) once and
    kept: preview, print and save all show that same paper; once it was printed
    or saved, ``done`` fires and a further print is a copy (收费记录与更正)."""

    def __init__(self, parent: QWidget, ops: Operations, core: Core, actor: Actor,
                 receipt_no: Callable[[], str | None]) -> None:
        super().__init__(parent, ops, self._job)
        self.core, self.actor, self.receipt_no = core, actor, receipt_no
        self.original: bytes | None = None
        self.original_layout = ""
        self.layouts = QActionGroup(self)
        self.layout_actions: dict[str, QAction] = {}
        for layout, text in (("a5", self.tr("A5 纸(&A)")), ("roll", self.tr("80 mm 热敏卷纸(&R)")),
                             ("preprinted", self.tr("套打预印收据(&T)"))):
            action = QAction(text, self)
            action.setObjectName(f"layout_{layout}")
            action.setCheckable(True)
            action.setChecked(layout == receipt_layout())
            action.toggled.connect(lambda on, chosen=layout: on and set_receipt_layout(chosen))
            self.layouts.addAction(action)
            self.layout_actions[layout] = action

    def attach(self, button: QPushButton) -> QMenu:
        menu = super().attach(button)
        menu.addSeparator()
        sub = menu.addMenu(self.tr("收据版式(&L)"))
        sub.addActions(list(self.layout_actions.values()))
        return menu

    def reset(self) -> None:
        self.original, self.original_layout = None, ""
        self.layouts.setEnabled(True)

    def _job(self) -> PrintJob | None:
        number = self.receipt_no()
        if not number:
            return None
        layout = self.original_layout or receipt_layout()
        job = receipt_job(self.core, self.actor, number, layout=layout,
                          render=lambda data: self._keep(data, layout))
        if self.original is not None:             # the same paper again: nothing read or logged
            job.read, job.render = None, lambda: self.original
        return job

    def _keep(self, data: object, layout: str) -> bytes:
        from printing.receipt import receipt_pdf

        self.original = receipt_pdf(data)
        self.original_layout = layout
        self.layouts.setEnabled(False)        # the original exists in this layout now
        return self.original


# -- 营业日报 --------------------------------------------------------------------------------

class RegisterDialog(QDialog):
    """A supervisor chooses a day and previews, prints or saves its register."""

    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.setObjectName("register_dialog")
        self.setWindowTitle(self.tr("营业日报"))
        column = QVBoxLayout(self)
        form = QFormLayout()
        self.day = QDateEdit(self)
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = core.today()
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setToolTip(self.tr("营业日期；Alt+↓ 打开日历"))
        caption = QLabel(self.tr("营业日期(&D)："), self)
        caption.setBuddy(self.day)
        form.addRow(caption, self.day)
        column.addLayout(form)
        hint = QLabel(self.tr(
            "营业日报列出当天受理的业务、每位营业员的收款、作废与退款、超期业务和账本校验值。"), self)
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.printing = PrintActions(self, self.ops, self.job)
        row = QHBoxLayout()
        self.preview_button, self.print_button, self.save_button = self.printing.buttons(self)
        for button in (self.preview_button, self.print_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("关闭"), self)
        close.setToolTip(self.tr("关闭 (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row.addWidget(close)
        column.addLayout(row)
        self.preview_button.setDefault(True)
        self.preview_button.setToolTip(self.tr("预览营业日报 (回车)"))
        self.setMinimumWidth(460)
        self.day.setFocus()

    def chosen_day(self) -> dt.date:
        return self.day.date().toPython()

    def job(self) -> PrintJob:
        return register_job(self.core, self.actor, self.chosen_day())


# -- 套打校准 --------------------------------------------------------------------------------

class CalibrationDialog(QDialog):
    """Offsets of the pre-printed receipt form, per printer, with a test page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = Operations(self)
        self.setObjectName("calibration_dialog")
        self.setWindowTitle(self.tr("套打校准"))
        column = QVBoxLayout(self)
        intro = QLabel(self.tr("在预印收据上打印校准页：十字应落在各栏的填写处。"
                               "整体偏了多少毫米，就把偏移量加上多少，保存后重打校准页核对。偏移按打印机分别保存。"),
                       self)
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        self.printer = QComboBox(self)
        self.printer.setObjectName("printer")
        names = QPrinterInfo.availablePrinterNames()
        default = QPrinterInfo.defaultPrinterName()
        for name in sorted(names, key=lambda n: (n != default, n)):
            self.printer.addItem(name, name)
        if not names:
            self.printer.addItem(self.tr("（本机未安装打印机）"), "")
        self.dx = self._spin("dx", self.tr("正数向右，负数向左"))
        self.dy = self._spin("dy", self.tr("正数向下，负数向上"))
        for text, widget in ((self.tr("打印机(&R)："), self.printer), (self.tr("向右偏移(&X)："), self.dx),
                             (self.tr("向下偏移(&Y)："), self.dy)):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        column.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        column.addWidget(self.message)
        self.printing = PrintActions(self, self.ops, self.job)
        self.printing.preview_action.setText(self.tr("预览校准页(&V)…"))
        self.printing.print_action.setText(self.tr("打印校准页(&P)…"))
        self.preview_button, self.print_button, self.save_pdf_button = self.printing.buttons(self)
        self.save_pdf_button.hide()                   # a test page is for paper
        self.printing.print_action.triggered.disconnect()
        self.printing.print_action.triggered.connect(lambda _c=False: self.print_page())
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("保存这台打印机的偏移 (Alt+S)"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("关闭"), self)
        close.setToolTip(self.tr("关闭 (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        for button in (self.preview_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        column.addLayout(row)
        self.save_button.setDefault(True)
        self.printer.currentIndexChanged.connect(lambda _i: self.load())
        self.load()
        self.printer.setFocus()

    def _spin(self, name: str, tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(-30.0, 30.0)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        spin.setToolTip(tip)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def printer_name(self) -> str:
        return str(self.printer.currentData() or "")

    def offsets(self) -> tuple[float, float]:
        return round(self.dx.value(), 1), round(self.dy.value(), 1)

    def load(self) -> None:
        dx, dy = offsets_for(self.printer_name())
        self.dx.setValue(dx)
        self.dy.setValue(dy)
        self.message.clear()

    def save(self) -> None:
        dx, dy = self.offsets()
        set_offsets(self.printer_name(), dx, dy)
        self.message.setText(self.tr("已保存：{0} 向右 {1:.1f} mm，向下 {2:.1f} mm").format(
            self.printer.currentText(), dx, dy))

    def job(self) -> PrintJob:
        from printing.receipt import calibration_pdf

        offsets = self.offsets()                      # the page reads no data: drawn from the offsets alone
        return PrintJob("calibration", self.tr("套打校准页"), lambda: calibration_pdf(offsets))

    def print_page(self) -> None:
        """The test page straight to the printer being calibrated (its offsets are in the page)."""
        from ui.printing import print_pdf

        made = self.printing.render()
        if made:
            job, pdf = made
            self.printing.dialog = print_pdf(self, pdf, job.doc_type, title=job.title,
                                             printer_name=self.printer_name(), ops=self.ops)
