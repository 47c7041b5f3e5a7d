"""Every print path of the counter prints straight to the printer chosen in Qt's
print dialog: the receipt (and a copy through the preview), the contract, the
acceptance slip, the one-time notice, the daily register, the handover sheet,
the reminders and the calibration page.

The dialog is Qt's real one, used as a clerk would: 打印到文件(PDF) chosen in the
printer list, a file name typed, 打印 pressed.  The file written is read back:
as many pages as the document, each at the document's paper size and showing
the document's page (the printer gets each page as an image, so the page is
compared with the document's own rendering and its QR code decoded), and the
job carries the document's name and number.  Where CUPS has a cups-pdf queue,
the same goes through that real printer queue.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import ImageChops, ImageFilter
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QPushButton,
    QToolBar,
    QWidget,
)

from counter_app.db.engine import make_engine
from counter_app.services import accounts, payments, requests
from tests.helpers import account_input
from tests.test_ui_print import hall  # noqa: F401 - the fixture: a settlement paid, an application, a shift
from ui.printing import safe_name

DPI = 40                      # enough to tell one page from another, cheap to compare
# mean grey difference (0-255) of a page and its printed image, both slightly blurred: a
# printed page differs from its document by 2.5 to 6 (the image's edges), two documents by 16+
SAME_PAGE = 9.0


@pytest.fixture
def engine(sqlite_template, tmp_path):
    """SQLite only: what is tested here goes through Qt alone (the document reads
    are tested on both databases in test_document_reads)."""
    path = tmp_path / "counter.db"
    shutil.copy(sqlite_template, path)
    eng = make_engine(f"sqlite:///{path}")
    yield eng
    eng.dispose()


@pytest.fixture
def desk(monkeypatch, tmp_path, qt_app, messages):
    """Preferences in tmp_path, nothing remembered; Qt's own print dialog."""
    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "prefs"))
    QSettings().clear()
    return tmp_path


# -- the clerk at Qt's print dialog ----------------------------------------------------------------

def print_to_file(dialog: QPrintDialog, path: Path) -> None:
    """打印到文件(PDF), the file name typed, 打印."""
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible()
    printers = dialog.findChild(QComboBox, "printers")
    to_file = QCoreApplication.translate("QPrintDialog", "Print to File (PDF)")
    printers.setCurrentIndex(printers.findText(to_file))
    dialog.findChild(QLineEdit, "filename").setText(str(path))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def print_from_preview(preview, path: Path) -> None:
    """The preview's 打印 opens Qt's print dialog modally: answered once it is up."""
    def answer() -> None:
        print_to_file(QApplication.activeModalWidget(), path)
    QTimer.singleShot(0, answer)
    bar = preview.findChild(QToolBar)
    print_ = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    next(a for a in bar.actions() if a.text() == print_).trigger()


# -- reading the paper back ------------------------------------------------------------------------

def grey_pages(pdf: bytes) -> list:
    document = pypdfium2.PdfDocument(pdf)
    return [document[i].render(scale=DPI / 72).to_pil().convert("L").filter(ImageFilter.GaussianBlur(1))
            for i in range(len(document))]


def difference(a, b) -> float:
    if a.size != b.size:
        b = b.resize(a.size)
    histogram = ImageChops.difference(a, b).histogram()
    return sum(value * count for value, count in enumerate(histogram)) / (a.size[0] * a.size[1])


def qr_codes(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    return [found.text for i in range(len(document))
            for found in zxingcpp.read_barcodes(document[i].render(scale=150 / 72).to_pil())]


def assert_printed(path: Path, pdf: bytes, title: str) -> None:
    """``path`` is the document ``pdf`` on paper: same pages, same sizes, same content."""
    printed = path.read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(printed))
    source = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(source.pages) >= 1
    assert reader.metadata.title == safe_name(title)        # the job: the document and its number
    for got, wanted in zip(reader.pages, source.pages, strict=True):
        got_size = sorted((float(got.mediabox.width), float(got.mediabox.height)))
        wanted_size = sorted((float(wanted.mediabox.width), float(wanted.mediabox.height)))
        assert got_size == pytest.approx(wanted_size, abs=2.0)  # the page's own paper, nothing remembered
    for index, (page, image) in enumerate(zip(grey_pages(pdf), grey_pages(printed), strict=True)):
        assert page.getextrema()[0] < 200, f"page {index + 1} of the document is blank"
        assert difference(page, image) < SAME_PAGE, f"page {index + 1} printed is not the document's"
    assert qr_codes(printed) == qr_codes(pdf)


def test_the_page_comparison_tells_documents_apart(hall):  # noqa: F811
    from counter_app.services.documents.notice import notice_data
    from counter_app.services.documents.slip import slip_data
    from printing.notice import notice_pdf
    from printing.slip import slip_pdf
    core, clerk = hall.core, hall.people.clerk
    slip = grey_pages(slip_pdf(slip_data(core, clerk, hall.application)))[0]
    notice = grey_pages(notice_pdf(notice_data(core, clerk, hall.application)))[0]
    assert difference(slip, slip) == 0
    assert difference(slip, notice) > 1.5 * SAME_PAGE


# -- each print path -------------------------------------------------------------------------------

def test_the_receipt_prints_to_the_chosen_printer_and_a_copy_through_the_preview(qtbot, desk, hall):  # noqa: F811
    from ui.cash import PaymentDialog, PaymentHistoryDialog

    core, clerk = hall.core, hall.people.clerk
    dialog = PaymentDialog(core, clerk, hall.acc, request_id=hall.settlement)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.take()
    number = dialog.view.receipt_no
    dialog.printing.print_()
    print_to_file(dialog.printing.dialog, desk / "receipt.pdf")
    assert_printed(desk / "receipt.pdf", dialog.printing.pdf, f"收款收据 {number}")
    assert not dialog.print_button.isEnabled()                   # printed: a further one is a copy

    history = PaymentHistoryDialog(core, clerk, hall.acc)
    qtbot.addWidget(history)
    history.show()
    history.reprint()
    preview = history.preview_dialog
    print_from_preview(preview, desk / "copy.pdf")
    assert_printed(desk / "copy.pdf", preview.pdf, f"收款收据 {number} 副本")
    assert QSettings().value("print/receipt/paper") == "A5"      # the preview's print remembers too


def test_the_request_window_prints_slip_notice_and_contract(qtbot, desk, hall):  # noqa: F811
    from ui.requests import RequestDialog

    core, clerk = hall.core, hall.people.clerk
    requests.act(core, clerk, hall.application, "accept")
    requests.act(core, clerk, hall.application, "reply_plan", note="管网已到楼，可直接开栓")
    requests.act(core, clerk, hall.application, "sign_contract")
    dialog = RequestDialog(core, clerk, hall.application)
    qtbot.addWidget(dialog)
    dialog.open()
    for name, title in (("print_slip", "受理回执"), ("print_notice", "一次性告知单"),
                        ("print_contract", "供热合同")):
        actions = dialog.printing[name]
        actions.print_()
        print_to_file(actions.dialog, desk / f"{name}.pdf")
        assert_printed(desk / f"{name}.pdf", actions.pdf, f"{title} {hall.number}")
    assert QSettings().value("print/contract/paper") == "A4" and QSettings().value("print/slip/paper") == "A5"


def test_the_wizards_done_page_prints_slip_and_notice(qtbot, desk, hall):  # noqa: F811
    from ui.wizard.wizard import BusinessWizard

    core, clerk = hall.core, hall.people.clerk
    wizard = BusinessWizard(core, clerk, "application_residential")
    qtbot.addWidget(wizard)
    wizard.request_id = hall.application
    wizard.request_view = requests.get_request(core, hall.application)
    wizard.done_page.refresh()
    for name, title in (("print_receipt", "受理回执"), ("print_notice", "一次性告知单")):
        actions = wizard.done_page.printing[name]
        actions.print_()
        print_to_file(actions.dialog, desk / f"{name}.pdf")
        assert_printed(desk / f"{name}.pdf", actions.pdf, f"{title} {hall.number}")


def test_the_register_prints_to_the_chosen_printer(qtbot, desk, hall):  # noqa: F811
    from ui.print_dialogs import RegisterDialog

    payments.take_payment(hall.core, hall.people.clerk, hall.acc, "3000", "cash")
    dialog = RegisterDialog(hall.core, hall.people.supervisor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.print_button.click()
    print_to_file(dialog.printing.dialog, desk / "register.pdf")
    assert_printed(desk / "register.pdf", dialog.printing.pdf, "营业日报 2025-11-20")


def test_the_handover_sheet_prints_to_the_chosen_printer(qtbot, desk, hall):  # noqa: F811
    from ui.cash import ShiftDialog

    dialog = ShiftDialog(hall.core, hall.people.clerk)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.counts[5000].setValue(10)                                        # the 500.00 float
    dialog.close_shift()
    dialog.printing.print_()
    print_to_file(dialog.printing.dialog, desk / "handover.pdf")
    assert_printed(desk / "handover.pdf", dialog.printing.pdf, "交接班记录 李营业员 2025-11-20")


def test_the_reminders_print_to_the_chosen_printer(qtbot, desk, hall, clock):  # noqa: F811
    from ui.fees import ArrearsWindow

    accounts.register_account(hall.core, hall.people.clerk, account_input(2, community="阳光花园"))
    clock.set(2026, 1, 20, 10, 0)                                           # the bills are overdue now
    window = ArrearsWindow(hall.core, hall.people.supervisor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded)
    window.printing.print_()
    print_to_file(window.printing.dialog, desk / "reminders.pdf")
    assert_printed(desk / "reminders.pdf", window.printing.pdf, "催缴通知单 全部小区")


def test_the_calibration_page_prints_to_the_printer_being_calibrated(qtbot, desk):
    from ui.print_dialogs import CalibrationDialog

    dialog = CalibrationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dx.setValue(1.5)
    dialog.print_button.click()
    assert dialog.printing.dialog.printer.printerName() == dialog.printer_name()
    print_to_file(dialog.printing.dialog, desk / "calibration.pdf")
    assert_printed(desk / "calibration.pdf", dialog.printing.pdf, "套打校准页")
    dialog.preview_button.click()                   # the form's own size through the preview's dialog too
    print_from_preview(dialog.printing.dialog, desk / "previewed.pdf")
    assert_printed(desk / "previewed.pdf", dialog.printing.pdf, "套打校准页")


# -- a real printer queue --------------------------------------------------------------------------

def cups_pdf_queue() -> str | None:
    """The name of a CUPS queue printing to cups-pdf, if CUPS runs and has one."""
    if not shutil.which("lpstat"):
        return None
    try:
        listing = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in listing.stdout.splitlines():               # device for CUPS-PDF: cups-pdf:/
        if line.rstrip().endswith("cups-pdf:/") and ":" in line:
            return line.split(":", 1)[0].split()[-1]
    return None


def cups_pdf_folders() -> list[Path]:
    """Where cups-pdf writes (its default ``Out ${HOME}/PDF``, or the anonymous spool)."""
    return [p for p in (Path.home() / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS")) if p.is_dir()]


def queue_empty(queue: str) -> bool:
    jobs = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True, timeout=10, check=False)
    return not jobs.stdout.strip()


QUEUE = cups_pdf_queue()


@pytest.mark.skipif(QUEUE is None or not cups_pdf_folders(), reason="no CUPS queue printing to cups-pdf here")
def test_a_real_cups_queue_gets_each_document_on_its_own_paper(qtbot, desk, hall):  # noqa: F811
    """The slip on A5 and the receipt on the 80 mm roll, sent through CUPS: Qt's dialog
    would apply the printer's default paper (A4) to both; its 属性 page shows the
    document's paper."""
    from ui.bridge import Operations
    from ui.print_dialogs import receipt_job, slip_job
    from ui.printing import PrintActions

    core, clerk = hall.core, hall.people.clerk
    holder = QWidget()
    qtbot.addWidget(holder)
    paid = payments.take_payment(core, clerk, hall.acc, "3000", "cash")
    folders = cups_pdf_folders()
    # the slip: 打印 pressed at once; the roll receipt: 属性 looked at first
    for job, width_mm, height_mm, look_first in (
            (slip_job(core, clerk, hall.application, hall.number), 148, 210, False),
            (receipt_job(core, clerk, paid.receipt_no, layout="roll"), 80, None, True)):
        before = {p for folder in folders for p in folder.glob("*.pdf")}   # cups-pdf names it its own way
        actions = PrintActions(holder, Operations(holder), lambda job=job: job)
        actions.print_()
        dialog = actions.dialog
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.findText(QUEUE))
        shown: list[tuple[str, float]] = []

        def look(shown=shown) -> None:
            properties = QApplication.activeModalWidget()
            shown.append((properties.findChild(QComboBox, "pageSizeCombo").currentText(),
                          properties.findChild(QDoubleSpinBox, "pageWidth").value()))
            properties.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        if look_first:
            QTimer.singleShot(0, look)
            dialog.findChild(QPushButton, "properties").click()
            assert shown and shown[0][1] == pytest.approx(width_mm, abs=0.5)   # 属性: the document's paper
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

        def written(before=before) -> set[Path]:
            return {p for folder in folders for p in folder.glob("*.pdf")} - before
        qtbot.waitUntil(lambda written=written: bool(written()) and queue_empty(QUEUE), timeout=60000)
        (out,) = written()
        reader = pypdf.PdfReader(out)
        assert len(reader.pages) == len(pypdf.PdfReader(io.BytesIO(actions.pdf)).pages)
        box = reader.pages[0].mediabox
        assert float(box.width) / 72 * 25.4 == pytest.approx(width_mm, abs=1)
        if height_mm:
            assert float(box.height) / 72 * 25.4 == pytest.approx(height_mm, abs=1)
