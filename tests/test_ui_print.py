"""Printing in the app: preview, print (the printer and paper remembered per
document type), save as PDF; each window's print button renders the right
document with the right arguments, and a render error is a Chinese message.

No real print or file dialog is opened: QPrintDialog is replaced by a stand-in
whose ``accept`` prints to a PDF file (as the dialog's OK does), and
QFileDialog.getSaveFileName answers with a path.  The preview is the real
QPrintPreviewDialog (non-blocking, offscreen)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import ClassVar

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog

import printing.contract
import printing.handover
import printing.notice
import printing.receipt
import printing.register
import printing.reminder
import printing.slip
import ui.print_dialogs
import ui.printing
from counter_app.db.money import ReceiptPrint
from counter_app.services import accounts, billing, documents, payments, requests, settings, shifts
from counter_app.services.documents.contract import contract_data
from counter_app.services.documents.receipt import receipt_data
from counter_app.services.documents.slip import slip_data
from printing.qr import tracking_url
from tests.helpers import account_input, sample_fields
from tests.qt_fixtures import open_main_window
from tests.test_payments import publish
from tests.test_print_contract import residential
from tests.test_print_receipt import HALL, pdf_text
from ui.printing import PrintActions, PrintJob, offsets_for, paint_pdf, preview, set_offsets

DPI = 150


# -- stand-ins for the modal dialogs ------------------------------------------------------------

class FakePrintDialog(QPrintDialog):
    """The real QPrintDialog, opened the way the application opens it (so a call
    the binding does not offer fails here), that the test accepts by hand:
    ``accept_to`` is pressing 打印 with a PDF file as the printer."""

    opened: ClassVar[list[FakePrintDialog]] = []

    def __init__(self, printer: QPrinter, parent=None) -> None:
        super().__init__(printer, parent)
        self.printer_ = printer
        FakePrintDialog.opened.append(self)

    @property
    def title(self) -> str:
        return self.windowTitle()

    @property
    def shown(self) -> bool:
        return self.isVisible()

    def accept_to(self, path: Path, paper: QPageSize.PageSizeId | None = None) -> None:
        self.printer_.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer_.setOutputFileName(str(path))
        if paper is not None:                     # chosen on the 属性 page: the clerk saw a paper
            self.printer_.setPageSize(QPageSize(paper))
            self.paper.seen = True
        self.done(QDialog.DialogCode.Accepted)    # not accept(): that would reread the dialog's own fields


@pytest.fixture
def dialogs(monkeypatch, tmp_path, qt_app, messages):
    """Prefs in tmp_path; the print dialog and the save dialog replaced."""
    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("COUNTER_APP_FONT", raising=False)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "prefs"))
    QSettings().clear()
    FakePrintDialog.opened = []
    monkeypatch.setattr(ui.printing, "QPrintDialog", FakePrintDialog)

    class Saves:
        answer = str(tmp_path / "saved")
        asked: ClassVar[list[tuple[str, str]]] = []

    def ask(parent, title, start, filters):
        Saves.asked.append((title, start))
        return Saves.answer, filters
    monkeypatch.setattr(ui.printing.QFileDialog, "getSaveFileName", staticmethod(ask))
    d = type("Dialogs", (), {})()
    d.saves, d.messages, d.tmp = Saves, messages, tmp_path
    return d


@pytest.fixture
def spy(monkeypatch):
    """Record what each paper was made for (and still make it): the windows read a
    paper's data through ui.operations, one read service each, then render it; the
    calibration page reads nothing.  Recorded under the paper's name."""
    calls: list[tuple[str, tuple, dict]] = []
    for name, module, service in (
            ("slip_pdf", documents.slip, "slip_data"), ("notice_pdf", documents.notice, "notice_data"),
            ("contract_pdf", documents.contract, "contract_data"),
            ("receipt_pdf", documents.receipt, "receipt_data"),
            ("calibration_pdf", printing.receipt, "calibration_pdf"),
            ("register_pdf", documents.register, "register_data"),
            ("handover_pdf", documents.handover, "handover_data"),
            ("reminders_pdf", documents.reminder, "reminder_data")):
        real = getattr(module, service)

        def record(*args, _real=real, _name=name, **kwargs):
            calls.append((_name, args, kwargs))
            return _real(*args, **kwargs)
        monkeypatch.setattr(module, service, record)
    return calls


@pytest.fixture
def hall(core, people):
    """Thursday 2025-11-20: 张伟 (幸福小区3号楼) paid 3,000.00 for his settlement; 刘芳
    applied for heat; 李营业员's shift is open."""
    settings.update(core, people.admin, HALL)
    publish(core, people.admin, "2024-2025", 1000)
    publish(core, people.admin, "2025-2026", 2000)
    h = type("Hall", (), {})()
    h.core, h.people = core, people
    h.acc = accounts.register_account(core, people.clerk, account_input(1, area="100"))
    billing.generate_bill(core, people.admin, h.acc, "2024-2025")
    billing.generate_bill(core, people.admin, h.acc, "2025-2026")
    h.shift = shifts.open_shift(core, people.clerk, "500")
    h.settlement = requests.receive(core, people.clerk, "settlement", account_id=h.acc,
                                    fields=sample_fields(core.catalogue.get("settlement")))
    h.application = residential(core, people.clerk)
    h.number = requests.get_request(core, h.application).number
    return h


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def printed_qr(path: Path) -> list[str]:
    """The QR codes Qt's output carries (the pages are images now: read them back)."""
    document = pypdfium2.PdfDocument(path.read_bytes())
    return [found.text for i in range(len(document))
            for found in zxingcpp.read_barcodes(document[i].render(scale=DPI / 72).to_pil())]


# -- the three ways out --------------------------------------------------------------------------

def test_printing_preselects_the_remembered_paper_and_remembers_the_choice(qtbot, dialogs, hall):
    core, clerk = hall.core, hall.people.clerk
    pdf = printing.slip.slip_pdf(slip_data(core, clerk, hall.application))
    dialog = ui.printing.print_pdf(None, pdf, "slip")
    assert dialog.shown and dialog.title == "打印"
    layout = dialog.printer_.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A5            # nothing remembered: the page's own
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    assert dialog.printer_.fullPage()
    out = dialogs.tmp / "printed.pdf"
    dialog.accept_to(out, QPageSize.PageSizeId.A4)                         # the clerk picks A4 paper
    assert out.exists() and pages(out.read_bytes()) == pages(pdf) == 1
    view = requests.get_request(core, hall.application)
    assert printed_qr(out) == [tracking_url(HALL["tracking_base_url"], view.tracking_code)]
    prefs = QSettings()
    assert prefs.value("print/slip/paper") == "A4" and prefs.value("print/slip/printer") == ""
    again = ui.printing.print_pdf(None, pdf, "slip")
    assert again.printer_.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    other = ui.printing.print_pdf(None, pdf, "notice")                   # per document type
    assert other.printer_.pageLayout().pageSize().id() == QPageSize.PageSizeId.A5


def test_the_remembered_printer_is_chosen_while_it_is_installed(qtbot, dialogs, hall, monkeypatch):
    class Recording(QPrinter):
        names: ClassVar[list[str]] = []

        def setPrinterName(self, name: str) -> None:  # noqa: N802 - Qt API
            Recording.names.append(name)
            super().setPrinterName(name)
    monkeypatch.setattr(ui.printing, "QPrinter", Recording)
    monkeypatch.setattr(ui.printing.QPrinterInfo, "availablePrinterNames",
                        staticmethod(lambda: ["柜台激光", "热敏80"]))
    QSettings().setValue("print/receipt_roll/printer", "热敏80")
    QSettings().setValue("print/slip/printer", "已拆除的打印机")
    pdf = printing.slip.slip_pdf(slip_data(hall.core, hall.people.clerk, hall.application))
    ui.printing.make_printer(pdf, "receipt_roll")
    ui.printing.make_printer(pdf, "slip")                                   # gone: the system's default
    ui.printing.make_printer(pdf, "calibration", printer_name="柜台激光")   # the one being calibrated
    assert Recording.names == ["热敏80", "柜台激光"]


def test_a_printer_that_cannot_start_is_a_message_and_nothing_is_remembered(qtbot, dialogs, hall):
    pdf = printing.slip.slip_pdf(slip_data(hall.core, hall.people.clerk, hall.application))
    done: list[str] = []
    dialog = ui.printing.print_pdf(None, pdf, "slip", done=done.append)
    dialog.accept_to(Path("/proc/counter-app-print.pdf"), QPageSize.PageSizeId.A4)   # cannot be written
    assert "无法开始打印" in dialogs.messages.last and "另选打印机" in dialogs.messages.last
    assert done == [] and QSettings().value("print/slip/paper") is None


def test_a_roll_receipt_keeps_its_own_length(qtbot, dialogs, hall):
    core, clerk = hall.core, hall.people.clerk
    paid = payments.take_payment(core, clerk, hall.acc, "3000", "cash")
    pdf = printing.receipt.receipt_pdf(receipt_data(core, clerk, paid.receipt_no, layout="roll"))
    dialog = ui.printing.print_pdf(None, pdf, "receipt_roll")
    size = dialog.printer_.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert round(size.width()) == 80
    dialog.accept_to(dialogs.tmp / "roll.pdf")
    assert QSettings().value("print/receipt_roll/paper") is None          # custom: not remembered
    box = pypdf.PdfReader(dialogs.tmp / "roll.pdf").pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 80


def test_the_preview_paints_every_page_and_saves(qtbot, dialogs, hall):
    core, sup = hall.core, hall.people.supervisor
    pdf = printing.contract.contract_pdf(contract_data(core, sup, hall.application))
    assert pages(pdf) >= 2
    dialog = preview(None, pdf, "contract", "供热合同 " + hall.number)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == f"打印预览 - 供热合同 {hall.number}"
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == pages(pdf)
    dialog.grab().save(str(dialogs.tmp / "preview.png"))
    dialogs.saves.answer = str(dialogs.tmp / "合同")                       # no suffix typed
    dialog.save_action.trigger()
    saved = dialogs.tmp / "合同.pdf"
    assert saved.read_bytes() == pdf
    assert dialogs.saves.asked[-1][1].endswith(f"供热合同-{hall.number}.pdf")
    assert QSettings().value("print/folder") == str(dialogs.tmp)


def test_painting_draws_each_page_at_its_size_and_a_form_moves_by_the_printers_offsets(qtbot, dialogs, hall):
    core, clerk = hall.core, hall.people.clerk
    paid = payments.take_payment(core, clerk, hall.acc, "3000", "cash")
    pdf = printing.receipt.receipt_pdf(receipt_data(core, clerk, paid.receipt_no, layout="preprinted"))

    def ink_left_top(offsets: tuple[float, float], name: str) -> tuple[float, float]:
        printer = ui.printing.make_printer(pdf, "receipt_preprinted")
        printer.setOutputFileName(str(dialogs.tmp / name))
        assert paint_pdf(printer, pdf, offsets) == 1
        image = pypdfium2.PdfDocument((dialogs.tmp / name).read_bytes())[0].render(scale=DPI / 72).to_pil()
        left, top, _r, _b = image.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
        return left / DPI * 25.4, top / DPI * 25.4

    plain = ink_left_top((0, 0), "plain.pdf")
    set_offsets("", 4.5, -2.0)
    assert offsets_for("") == (4.5, -2.0)
    moved = ink_left_top(offsets_for(""), "moved.pdf")
    assert moved[0] - plain[0] == pytest.approx(4.5, abs=0.3)
    assert moved[1] - plain[1] == pytest.approx(-2.0, abs=0.3)


def test_saving_to_a_folder_that_does_not_exist_says_so(qtbot, dialogs, hall):
    pdf = printing.slip.slip_pdf(slip_data(hall.core, hall.people.clerk, hall.application))
    dialogs.saves.answer = str(dialogs.tmp / "missing" / "回执.pdf")
    assert ui.printing.save_pdf(None, pdf, "受理回执") is None
    assert "输出目录不存在" in dialogs.messages.last
    assert not (dialogs.tmp / "missing").exists()
    dialogs.saves.answer = ""                                              # 取消
    assert ui.printing.save_pdf(None, pdf, "受理回执") is None


def test_a_render_error_is_a_chinese_message_and_opens_nothing(qtbot, dialogs, hall, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from ui.bridge import Operations
    holder = QWidget()
    qtbot.addWidget(holder)
    ops = Operations(holder)
    core, clerk = hall.core, hall.people.clerk
    unknown = PrintActions(holder, ops, lambda: ui.print_dialogs.slip_job(core, clerk, 99999, "SQ2025099999"))
    unknown.print_()
    assert unknown.dialog is None and FakePrintDialog.opened == []
    assert "没有" in dialogs.messages.last and "99999" in dialogs.messages.last
    monkeypatch.setenv("COUNTER_APP_FONT", str(dialogs.tmp / "no-such-font.ttf"))
    font = PrintActions(holder, ops,
                        lambda: ui.print_dialogs.slip_job(core, clerk, hall.application, hall.number))
    font.preview()
    font.save()
    assert font.dialog is None and not (dialogs.tmp / "saved.pdf").exists()
    assert dialogs.messages.texts[-1].startswith("打印字体文件不存在")
    assert not any("Traceback" in t for t in dialogs.messages.texts)


# -- the windows ----------------------------------------------------------------------------------

def test_the_done_page_and_the_request_dialog_print_their_papers(qtbot, dialogs, spy, hall):
    from ui.requests import RequestDialog

    core, clerk = hall.core, hall.people.clerk
    dialog = RequestDialog(core, clerk, hall.application)
    qtbot.addWidget(dialog)
    dialog.open()
    assert [a.text() for a in dialog.print_slip.menu().actions()] == ["预览(&V)…", "打印(&P)…",
                                                                      "另存为电子版(&S)…"]
    dialog.printing["print_slip"].print_()
    assert spy[-1] == ("slip_pdf", (core, clerk, hall.application), {})
    FakePrintDialog.opened[-1].accept_to(dialogs.tmp / "slip.pdf")
    assert (dialogs.tmp / "slip.pdf").exists()
    dialog.printing["print_notice"].save()
    assert spy[-1] == ("notice_pdf", (core, clerk, hall.application), {})
    assert "一次性告知单" in pdf_text((dialogs.tmp / "saved.pdf").read_bytes())
    assert dialogs.saves.asked[-1][1].endswith(f"一次性告知单-{hall.number}.pdf")
    # the contract: for an application, once signed
    assert dialog.print_contract.isVisible() and not dialog.print_contract.isEnabled()
    assert dialog.print_contract.toolTip() == "签订供热合同后可打印合同"
    requests.act(core, clerk, hall.application, "accept")
    requests.act(core, clerk, hall.application, "reply_plan", note="管网已到楼，可直接开栓")
    requests.act(core, clerk, hall.application, "sign_contract")
    dialog.refresh()
    assert dialog.print_contract.isEnabled()
    dialog.printing["print_contract"].print_()
    assert spy[-1] == ("contract_pdf", (core, clerk, hall.application), {})
    other = RequestDialog(core, clerk, hall.settlement)                    # no contract for a settlement
    qtbot.addWidget(other)
    other.open()
    assert not other.print_contract.isVisibleTo(other)


def test_the_wizards_done_page_prints_the_slip_and_notice(qtbot, dialogs, spy, hall):
    from ui.wizard.wizard import BusinessWizard

    core, clerk = hall.core, hall.people.clerk
    wizard = BusinessWizard(core, clerk, "application_residential")
    qtbot.addWidget(wizard)
    page = wizard.done_page
    assert not page.print_receipt.isEnabled()                             # nothing registered yet
    wizard.request_id = hall.application             # as registering leaves it: the id and the view
    wizard.request_view = requests.get_request(core, hall.application)
    page.refresh()
    assert page.print_receipt.isEnabled() and page.print_notice.isEnabled()
    page.printing["print_receipt"].print_()
    assert spy[-1] == ("slip_pdf", (core, clerk, hall.application), {})
    page.printing["print_notice"].print_()
    assert spy[-1] == ("notice_pdf", (core, clerk, hall.application), {})
    assert len(FakePrintDialog.opened) == 2


def receipt_prints(core, entry_id: int) -> list[int]:
    from sqlalchemy import select

    with core.reading() as session:
        return list(session.scalars(select(ReceiptPrint.copy_no).where(ReceiptPrint.entry_id == entry_id)
                                    .order_by(ReceiptPrint.copy_no)))


def test_the_original_receipt_is_rendered_once_then_only_copies(qtbot, dialogs, spy, hall):
    from ui.cash import PaymentDialog, PaymentHistoryDialog

    core, clerk = hall.core, hall.people.clerk
    dialog = PaymentDialog(core, clerk, hall.acc, request_id=hall.settlement)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.take()
    paid = dialog.view
    actions = dialog.printing
    actions.layout_actions["roll"].trigger()                               # 80 mm roll, remembered
    assert QSettings().value("print/receipt/layout") == "roll"
    actions.preview()
    qtbot.addWidget(actions.dialog)
    assert spy[-1] == ("receipt_pdf", (core, clerk, paid.receipt_no), {"layout": "roll"})
    assert not actions.layouts.isEnabled()                       # the original exists now
    actions.print_()                                             # the same paper, not rendered again
    assert [c[0] for c in spy].count("receipt_pdf") == 1
    FakePrintDialog.opened[-1].accept_to(dialogs.tmp / "receipt.pdf")
    assert not dialog.print_button.isEnabled() and "补打副本" in dialog.print_button.toolTip()
    assert receipt_prints(core, paid.entry_id) == [0]
    assert "副本" not in pdf_text(actions.pdf) and paid.receipt_no in pdf_text(actions.pdf)
    assert printed_qr(dialogs.tmp / "receipt.pdf") == [tracking_url(HALL["tracking_base_url"],
                                                                    paid.tracking_code)]
    # a copy from the history: logged once by the renderer, shown in the preview
    history = PaymentHistoryDialog(core, clerk, hall.acc)
    qtbot.addWidget(history)
    history.show()
    history.reprint()
    qtbot.addWidget(history.preview_dialog)
    assert spy[-1] == ("receipt_pdf", (core, clerk, paid.receipt_no), {"layout": "roll", "reprint": True})
    assert receipt_prints(core, paid.entry_id) == [0, 1]                  # one copy, not two
    assert "副本 1" in history.message.text() and history.table.item(0, 6).text() == "1"
    assert history.preview_dialog.windowTitle() == f"打印预览 - 收款收据 {paid.receipt_no} 副本"


def test_the_handover_sheet_after_closing_the_shift(qtbot, dialogs, spy, hall):
    from ui.cash import ShiftDialog

    core, clerk = hall.core, hall.people.clerk
    dialog = ShiftDialog(core, clerk)
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.print_button.isEnabled() and dialog.print_button.toolTip() == "结班后即可打印交接班表"
    dialog.counts[5000].setValue(10)                                        # the 500.00 float
    dialog.close_shift()
    assert dialog.closed is not None and dialog.done_print.isEnabled()
    dialog.printing.save()
    assert spy[-1] == ("handover_pdf", (core, clerk, hall.shift.id), {})
    assert "交接班" in pdf_text((dialogs.tmp / "saved.pdf").read_bytes())
    assert dialogs.saves.asked[-1][1].endswith("交接班记录-李营业员-2025-11-20.pdf")


def test_reminders_for_the_chosen_community_and_building(qtbot, dialogs, spy, hall, clock):
    from ui.fees import ArrearsWindow

    core, sup = hall.core, hall.people.supervisor
    accounts.register_account(core, hall.people.clerk, account_input(2, community="阳光花园", building="12"))
    clock.set(2026, 1, 20, 10, 0)                                           # the bills are overdue now
    window = ArrearsWindow(core, sup)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded)
    window.community.setCurrentIndex(window.community.findData("幸福小区"))
    window.building.setCurrentIndex(window.building.findData("3"))
    assert window.print_button.isEnabled()
    window.printing.print_()
    assert spy[-1] == ("reminders_pdf", (core, sup), {"community": "幸福小区", "building": "3"})
    building = window.building.currentText()
    assert FakePrintDialog.opened[-1].printer_.docName() == f"催缴通知单-幸福小区-{building}"
    assert pages(window.printing.pdf) == 1


def test_the_register_and_the_calibration_from_the_main_window(qtbot, dialogs, spy, hall, monkeypatch):
    core, people = hall.core, hall.people
    payments.take_payment(core, people.clerk, hall.acc, "3000", "cash")
    window = open_main_window(qtbot, core, people.clerk, dialogs.tmp, monkeypatch)
    assert not window.registry["register"].isVisible() and window.registry["calibration"].isVisible()
    window.set_actor(people.supervisor)
    assert window.registry["register"].isVisible()
    window.registry["register"].trigger()
    register = window.register_dialog
    assert register.isVisible() and register.day.date().toString("yyyy-MM-dd") == "2025-11-20"
    register.day.setDate(register.day.date().addDays(-1))                 # Wednesday: no business
    register.preview_button.click()
    assert spy[-1][0] == "register_pdf" and str(spy[-1][1][2]) == "2025-11-19"
    assert "2025-11-19 没有营业记录" in dialogs.messages.last and register.printing.dialog is None
    register.day.setDate(register.day.date().addDays(1))
    register.print_button.click()
    assert spy[-1] == ("register_pdf", (core, people.supervisor, register.chosen_day()), {})
    FakePrintDialog.opened[-1].accept_to(dialogs.tmp / "register.pdf")
    assert pages((dialogs.tmp / "register.pdf").read_bytes()) == pages(register.printing.pdf)

    window.registry["calibration"].trigger()
    calibration = window.calibration_dialog
    assert calibration.isVisible() and calibration.dx.value() == 0
    calibration.dx.setValue(2.5)
    calibration.dy.setValue(-1)
    calibration.save_button.click()
    # the printer being calibrated: none on a machine without printers, the first one where CUPS has some
    assert offsets_for(calibration.printer_name()) == (2.5, -1.0) and "已保存" in calibration.message.text()
    calibration.print_button.click()
    assert spy[-1] == ("calibration_pdf", ((2.5, -1.0),), {})
    assert "向右2.5mm" in re.sub(r"\s+", "", pdf_text(calibration.printing.pdf))
    FakePrintDialog.opened[-1].accept_to(dialogs.tmp / "calibration.pdf")
    assert (dialogs.tmp / "calibration.pdf").exists()
    calibration.dx.setValue(0)
    calibration.load()                                                     # back from the saved value
    assert calibration.dx.value() == 2.5


def test_a_print_job_of_nothing_does_nothing(qtbot, dialogs):
    from PySide6.QtWidgets import QPushButton

    from ui.bridge import Operations
    button = QPushButton("打印")
    qtbot.addWidget(button)
    actions = PrintActions(button, Operations(button), lambda: None)
    actions.attach(button)
    for action in actions.actions:
        action.trigger()
    assert actions.dialog is None and FakePrintDialog.opened == [] and dialogs.messages.texts == []
    job = PrintJob("slip", "x", lambda: b"")
    assert job.shift is False
