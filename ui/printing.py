"""Printing in the app: preview, print to any installed printer, save as PDF.

The documents are PDF bytes made by ``printing/`` (ReportLab) from the data
one read of ``ui.operations.documents`` returned.  Qt prints them
by drawing each page, rasterised by pypdfium2 at the printer's resolution
(capped at 300 dpi: plenty for text and the QR codes), onto the QPrinter:

* the page is drawn at its own size (1:1, so a pre-printed form and its
  calibration stay exact), centred across the paper from its top edge, and
  shrunk only when the paper is smaller than the page;
* per document type the printer and the (standard) paper chosen in the print
  dialog are remembered in QSettings (``print/<doc_type>/printer``, ``.../paper``);
  a custom size (the 80 mm roll, the pre-printed form) always follows the page;
* a pre-printed receipt (``shift``) is moved by the calibration offsets of the
  printer it goes to (``print/offsets/<printer>``, set in 套打校准).

Dialogs open non-blocking (``open()``); the Qt classes are looked up in this
module, so tests replace them.  Every read, every render and every write goes
through ``Operations``: a missing font or an unknown number is a Chinese message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pypdfium2
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSettings, QSizeF, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolBar,
    QWidget,
)

from counter_app.errors import CounterError
from printing.base import write_pdf
from ui.actions import set_keys
from ui.bridge import Operations
from ui.operations.documents import print_note
from ui.windows import Owned

PRINT_DPI = 300          # a raster finer than this only makes the spool file bigger
PREVIEW_DPI = 150        # on screen; 96 for long documents (every preview page stays in memory)
LONG_DOCUMENT = 12
MM_PER_INCH = 25.4
_CUSTOM = re.compile(r"^\s*([\d.]+)\s*x\s*([\d.]+)\s*mm\s*$")



class PrintFailed(CounterError):
    """The printer could not be started."""


# -- remembered choices -----------------------------------------------------------------------

def _key(doc_type: str, what: str) -> str:
    return f"print/{doc_type}/{what}"


def _printer_key(name: str) -> str:
    return "print/offsets/" + (quote(name, safe="") or "default")   # no "/" or "\" in a key


def offsets_for(printer_name: str) -> tuple[float, float]:
    """The calibration offsets (mm to the right, mm down) of a printer."""
    value = QSettings().value(_printer_key(printer_name), "")
    try:
        dx, dy = (float(v) for v in str(value).split(","))
    except ValueError:
        return 0.0, 0.0
    return dx, dy


def set_offsets(printer_name: str, dx: float, dy: float) -> None:
    QSettings().setValue(_printer_key(printer_name), f"{dx:.1f},{dy:.1f}")


def paper_text(size: QPageSize) -> str:
    """A standard paper by its name ("A5"), a custom one by its size ("80x297mm")."""
    if size.id() != QPageSize.PageSizeId.Custom:
        return size.id().name
    mm = size.size(QPageSize.Unit.Millimeter)
    return f"{mm.width():g}x{mm.height():g}mm"


def paper_from_text(text: str) -> QPageSize | None:
    found = _CUSTOM.match(text or "")
    if found:
        return QPageSize(QSizeF(float(found[1]), float(found[2])), QPageSize.Unit.Millimeter, "",
                         QPageSize.SizeMatchPolicy.FuzzyMatch)
    size_id = getattr(QPageSize.PageSizeId, text or "", None)
    return QPageSize(size_id) if isinstance(size_id, QPageSize.PageSizeId) else None


def remembered(doc_type: str) -> tuple[str, str]:
    prefs = QSettings()
    return (str(prefs.value(_key(doc_type, "printer"), "") or ""),
            str(prefs.value(_key(doc_type, "paper"), "") or ""))


def remember(printer: QPrinter, doc_type: str) -> None:
    """What the clerk chose for this kind of document, for next time."""
    prefs = QSettings()
    prefs.setValue(_key(doc_type, "printer"), printer.printerName())
    size = printer.pageLayout().pageSize()
    if size.id() == QPageSize.PageSizeId.Custom:
        prefs.remove(_key(doc_type, "paper"))   # a roll or a form: the next page brings its own size
    else:
        prefs.setValue(_key(doc_type, "paper"), paper_text(size))


# -- the printer ------------------------------------------------------------------------------

def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()


def make_printer(pdf: bytes, doc_type: str, printer_name: str | None = None, title: str = "") -> QPrinter:
    """A printer set up for this document: the printer and paper last chosen for
    its type, else the system's default printer and the page's own size.  The
    job is named after the document and its number (``title``): that name is
    what the print queue lists and what Qt's 打印到文件 and a PDF printer name
    the file after."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name, paper = remembered(doc_type)
    name = printer_name if printer_name is not None else name
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)
    width, height = (page_sizes(pdf) or [(595.0, 842.0)])[0]
    size = paper_from_text(paper)
    if size is None:
        size = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point, "",
                         QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, printer.pageLayout().margins()))
    printer.setFullPage(True)                 # (0, 0) is the paper's corner: the PDF has its margins
    printer.setDocName(safe_name(title) if title else doc_type)
    return printer


def paint_pdf(printer: QPrinter, pdf: bytes, shift_mm: tuple[float, float] = (0.0, 0.0)) -> int:
    """Draw every page of ``pdf`` on ``printer``; returns the number of pages."""
    document = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrintFailed(QCoreApplication.translate(
                "Printing", "无法开始打印：打印机“{0}”不可用，请检查打印机是否开机、联网，或另选打印机")
                .format(printer.printerName() or printer.outputFileName()))
        preview = painter.paintEngine().type() == QPaintEngine.Type.Picture
        count = len(document)
        dpi = printer.resolution()
        raster = min(dpi, PRINT_DPI if not preview else PREVIEW_DPI if count <= LONG_DOCUMENT else 96)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        origin = QPointF(0, 0) if printer.fullPage() else \
            paper.topLeft() - printer.pageRect(QPrinter.Unit.DevicePixel).topLeft()
        shift = QPointF(shift_mm[0], shift_mm[1]) * (dpi / MM_PER_INCH)
        for index in range(count):
            if index and not printer.newPage():
                raise PrintFailed(QCoreApplication.translate("Printing", "打印中断：打印机不接受新的一页，"
                                                             "请检查打印机后重新打印"))
            page = document[index]
            width, height = (v / 72 * dpi for v in page.get_size())
            fit = min(1.0, paper.width() / width, paper.height() / height)
            bitmap = page.render(scale=raster / 72 * fit, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888).copy()
            left = (paper.width() - width * fit) / 2
            target = QRectF(origin + QPointF(left, 0) + shift, QSizeF(width * fit, height * fit))
            painter.drawImage(target, image)
            page.close()
        return count
    except BaseException:
        if painter.isActive():
            printer.abort()                   # no half document on paper
        raise
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def _shift(printer: QPrinter, shift: bool) -> tuple[float, float]:
    return offsets_for(printer.printerName()) if shift else (0.0, 0.0)


# -- the paper through Qt's dialogs -----------------------------------------------------------

class KeepPaper(QObject):
    """The document's paper through Qt's print and page-setup dialogs on a CUPS printer.

    Qt's own (Unix) dialogs start their paper list at the printer's default
    paper (A4 on CUPS; for 打印到文件 a custom size becomes Letter) and apply it
    on 打印 whether or not the clerk opened 属性: an A5 slip or an 80 mm roll
    receipt would go out as an A4 job.  So when a page-setup widget is about to
    be shown (属性, 页面设置) it is set to the document's paper first, and what
    the clerk then confirms there is the paper; if the clerk never saw one, the
    paper set up before the dialog is put back on 打印.  A native dialog
    (Windows, macOS) hands the driver's paper through and is left alone."""

    def __init__(self, dialog: QDialog, printer: QPrinter) -> None:
        super().__init__(dialog)
        self.printer = printer
        self.layout = QPageLayout(printer.pageLayout())
        self.seen = False                    # the clerk was shown a page setup
        self.own_dialog = dialog.findChild(QComboBox, "printers") is not None   # not a native one
        dialog.installEventFilter(self)
        if dialog.inherits("QPrintDialog"):
            dialog.accepted.connect(self.restore)      # before the page is painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Show and watched.inherits("QPrintDialog"):
            self.layout = QPageLayout(self.printer.pageLayout())    # as the dialog opens on it
            self.seen = False
        elif kind == QEvent.Type.ChildPolished:                     # a child about to be shown
            child = event.child()
            if child.isWidgetType() and child.isWindow():
                if child.inherits("QPrintDialog"):                  # the preview's own print dialog
                    KeepPaper(child, self.printer)
                elif self._show_paper(child):
                    self.seen = True
        return False

    def _show_paper(self, window: QObject) -> bool:
        """Select the document's paper in a page-setup widget's list (False: none there)."""
        sizes = window.findChild(QComboBox, "pageSizeCombo")
        if sizes is None:
            return False
        layout = self.layout if window.parent() is not None and window.parent().inherits("QPrintDialog") \
            else QPageLayout(self.printer.pageLayout())
        size = layout.pageSize()
        for index in range(sizes.count()):
            item = sizes.itemData(index)
            if isinstance(item, QPageSize) and item.isEquivalentTo(size):
                sizes.setCurrentIndex(index)
                return True
        if sizes.itemData(sizes.count() - 1) is None:               # 自定义: width and height
            sizes.setCurrentIndex(sizes.count() - 1)
            width, height = window.findChild(QDoubleSpinBox, "pageWidth"), window.findChild(
                QDoubleSpinBox, "pageHeight")
            units = window.findChild(QComboBox, "unitCombo")
            unit = units.currentData() if units is not None else None
            if width is not None and height is not None and isinstance(unit, QPageLayout.Unit):
                rect = layout.fullRect(unit)
                width.setValue(rect.width())
                height.setValue(rect.height())
        return True

    def restore(self) -> None:
        if self.own_dialog and not self.seen:
            self.printer.setPageLayout(self.layout)


# -- the three ways out -----------------------------------------------------------------------

def preview(parent: QWidget, pdf: bytes, doc_type: str, title: str, *, shift: bool = False,
            file_name: str = "", ops: Operations | None = None,
            done: Callable[[str], None] | None = None) -> QPrintPreviewDialog:
    """Open (non-blocking) the print preview; its toolbar prints (remembering the
    printer) and saves as PDF.  ``done("print"|"save")`` after either."""
    ops = ops or Operations(parent)
    printer = make_printer(pdf, doc_type, title=title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("print_preview")
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "打印预览 - {0}").format(title))
    dialog.printer = printer                         # the dialog does not own it: keep it alive
    dialog.pdf = pdf
    dialog.paper = KeepPaper(dialog, printer)
    dialog.paintRequested.connect(lambda p: ops.call(paint_pdf, p, pdf, _shift(p, shift)))

    def printed() -> None:
        remember(printer, doc_type)
        if done:
            done("print")

    def save() -> None:
        if save_pdf(dialog, pdf, file_name or f"{title}.pdf", ops=ops) and done:
            done("save")

    dialog.accepted.connect(printed)
    bar = dialog.findChild(QToolBar)
    # a tool button shows no mnemonic: the action has a shortcut instead
    action = QAction(QCoreApplication.translate("Printing", "另存为电子版"), dialog)
    action.setObjectName("save_pdf")
    set_keys(action, "save_pdf")
    action.setToolTip(QCoreApplication.translate("Printing", "另存为电子版 ({0})").format(
        action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
    action.triggered.connect(save)
    dialog.addAction(action)
    if bar is not None:
        bar.addSeparator()
        bar.addAction(action)
    dialog.save_action = action
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)   # its pages are big images
    dialog.resize(860, 900)
    dialog.open()
    return dialog


def print_pdf(parent: QWidget, pdf: bytes, doc_type: str, *, title: str = "", shift: bool = False,
              printer_name: str | None = None, ops: Operations | None = None,
              done: Callable[[str], None] | None = None) -> QPrintDialog:
    """Open (non-blocking) the print dialog with the printer and paper remembered
    for ``doc_type``; on 打印 print to the printer chosen there and remember the choice."""
    ops = ops or Operations(parent)
    printer = make_printer(pdf, doc_type, printer_name, title)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "打印"))
    dialog.printer = printer
    dialog.paper = KeepPaper(dialog, printer)            # first: the paper is right before painting

    def accepted() -> None:
        ok, _pages = ops.call(paint_pdf, printer, pdf, _shift(printer, shift))
        if ok:
            remember(printer, doc_type)
            if done:
                done("print")

    dialog.accepted.connect(accepted)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # QPrintDialog's binding offers only open(receiver, member): the window-modal
    # open() without arguments is QDialog's
    QDialog.open(dialog)
    return dialog


def _folder() -> Path:
    saved = str(QSettings().value("print/folder", "") or "")
    return Path(saved) if saved and Path(saved).is_dir() else Path.home()


def safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "-", name).strip("-") or "document"


def save_pdf(parent: QWidget, pdf: bytes, suggested_name: str, *,
             ops: Operations | None = None) -> Path | None:
    """Ask where (QFileDialog), then write atomically; the folder is remembered."""
    ops = ops or Operations(parent)
    name = safe_name(suggested_name)
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Printing", "另存为电子版"), str(_folder() / name),
        QCoreApplication.translate("Printing", "PDF 文件 (*.pdf)"))
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    ok, written = ops.call(write_pdf, path, pdf)
    if not ok:
        return None
    QSettings().setValue("print/folder", str(Path(written).parent))
    return Path(written)


# -- a print button's menu --------------------------------------------------------------------

@dataclass
class PrintJob:
    """A document to print: its type (for the remembered printer), its title
    (the preview's and the file's name) and how to make it: ``read`` (a function
    of ``ui.operations.documents``, given the window's ``Operations``) reads its
    data at once, then ``render(data)`` draws it; a page that prints no data (the
    calibration page, a paper kept from before) has no ``read`` and ``render()``."""

    doc_type: str
    title: str
    render: Callable[..., bytes]
    shift: bool = False          # a pre-printed form: moved by the printer's calibration offsets
    read: Callable[[Operations], tuple[bool, Any]] | None = None
    note: str = ""               # once read: what the paper goes out without, and why (its QR code)

    def make(self, ops: Operations) -> bytes | None:
        """The PDF, read and rendered each through ``ops``; None once the user was told why not."""
        if self.read is None:
            ok, pdf = ops.call(self.render)
        else:
            ok, data = self.read(ops)
            if not ok:
                return None
            self.note = print_note(data)
            ok, pdf = ops.call(self.render, data)
        return pdf if ok else None


def tell(window: QWidget, note: str) -> None:
    """Say on a status bar why a paper goes out short (no QR code): the window's own,
    else the main window's; it does not stop the printing."""
    for candidate in (window, *QApplication.topLevelWidgets()):
        if isinstance(candidate, QMainWindow):
            candidate.statusBar().showMessage(note, 30_000)
            return


class PrintActions(QObject):
    """预览 / 打印 / 另存为 for a document: three QActions, shown as the menu of a
    print button (``attach``) or as buttons of their own (``buttons``).  ``job()``
    says what to print now (None: nothing); each choice renders it through
    ``ops``.  ``done`` is emitted with "print" or "save" once it went out."""

    done = Signal(str)
    dialog: Owned[QWidget] = Owned()     # the last dialog opened, while it is open (ui.windows)

    def __init__(self, parent: QWidget, ops: Operations, job: Callable[[], PrintJob | None]) -> None:
        super().__init__(parent)
        self.parent_widget, self.ops, self.job = parent, ops, job
        self.dialog: QWidget | None = None            # the last dialog opened
        self.pdf: bytes | None = None                 # the last document rendered
        self.menu: QMenu | None = None
        self.preview_action = self._action(self.tr("预览(&V)…"), "preview", self.preview)
        self.print_action = self._action(self.tr("打印(&P)…"), "print", self.print_)
        self.save_action = self._action(self.tr("另存为电子版(&S)…"), "save", self.save)
        self.actions = [self.preview_action, self.print_action, self.save_action]

    def _action(self, text: str, name: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"{name}_action")
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def attach(self, button: QPushButton) -> QMenu:
        """The three as the menu of ``button`` (Alt+its letter opens it)."""
        self.menu = QMenu(button)
        self.menu.addActions(self.actions)
        button.setMenu(self.menu)
        return self.menu

    def buttons(self, parent: QWidget) -> list[QPushButton]:
        out = []
        for action in self.actions:
            button = QPushButton(action.text(), parent)
            button.setObjectName(action.objectName().replace("_action", ""))
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            out.append(button)
        return out

    def render(self) -> tuple[PrintJob, bytes] | None:
        job = self.job()
        if job is None:
            return None
        pdf = job.make(self.ops)
        if pdf is None:
            return None
        self.pdf = pdf
        if job.note:
            tell(self.window(), job.note)
        return job, pdf

    def window(self) -> QWidget:
        return self.parent_widget.window()

    def preview(self) -> None:
        made = self.render()
        if made:
            job, pdf = made
            self.dialog = preview(self.window(), pdf, job.doc_type, job.title, shift=job.shift,
                                  ops=self.ops, done=self.done.emit)

    def print_(self) -> None:
        made = self.render()
        if made:
            job, pdf = made
            self.dialog = print_pdf(self.window(), pdf, job.doc_type, title=job.title, shift=job.shift,
                                    ops=self.ops, done=self.done.emit)

    def save(self) -> None:
        made = self.render()
        if made:
            job, pdf = made
            if save_pdf(self.window(), pdf, f"{job.title}.pdf", ops=self.ops):
                self.done.emit("save")
