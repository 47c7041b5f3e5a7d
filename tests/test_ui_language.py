"""The UI is complete in Chinese: no English visible when the locale is zh_CN,
Qt's own buttons included; and the English translation loads."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, Qt, QTimer, QTranslator
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from counter_app.services import accounts, requests
from tests.helpers import account_input
from tests.test_requests import residential_application

# Latin words allowed on screen: key names in shortcuts, units, the URL and zone settings
ALLOWED = {"ctrl", "shift", "alt", "esc", "enter", "tab", "del", "http", "https", "heat", "example",
           "com", "asia", "shanghai", "pgup", "pgdown", "home", "end", "ins", "space", "backspace",
           "return", "yyyy", "mm", "dd"}
WORD = re.compile(r"[A-Za-z]{2,}")


def widget_texts(w: QWidget) -> list[str]:
    texts = []
    if isinstance(w, QLabel):
        texts.append(w.text())
    elif isinstance(w, QAbstractButton):
        texts += [w.text(), w.toolTip()]
    elif isinstance(w, (QLineEdit,)):
        texts.append(w.placeholderText())
    elif isinstance(w, QPlainTextEdit):
        texts.append(w.placeholderText())
    elif isinstance(w, QGroupBox):
        texts.append(w.title())
    elif isinstance(w, QTabWidget):
        texts += [w.tabText(i) for i in range(w.count())]
    elif isinstance(w, QComboBox):
        texts += [w.itemText(i) for i in range(w.count())]
    elif isinstance(w, QTableWidget):
        texts += [w.horizontalHeaderItem(i).text() for i in range(w.columnCount())
                  if w.horizontalHeaderItem(i)]
    for action in w.actions():
        texts += [action.text(), action.toolTip()]
    return texts


def visible_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        texts += widget_texts(w)
    return [t for t in texts if t]


def english_words(widget: QWidget) -> set[str]:
    words = set()
    for text in visible_texts(widget):
        text = re.sub(r"<[^>]+>", " ", text)                 # rich-text tags
        text = re.sub(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}|[A-Za-z0-9_-]{22}", " ", text)   # tracking codes
        text = re.sub(r"\b[A-Z]{2}\d+\b|\bF\d+\b", " ", text)   # SQ2025000001, F5
        words |= {w for w in WORD.findall(text) if w.lower() not in ALLOWED}
    return words


def test_main_window_and_its_windows_show_no_english(main_window, core, people, qtbot):
    account_id = accounts.register_account(core, people.clerk, account_input(2))
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    main_window.lookup.setText("100100002")
    main_window.search()
    assert english_words(main_window) == set()
    main_window.open_request(rid)
    assert english_words(main_window.request_dialog) == set()
    main_window.show_feedback()
    assert english_words(main_window.feedback_window) == set()
    main_window.set_actor(people.supervisor)
    main_window.show_queue()
    assert english_words(main_window.queue_window) == set()
    assert account_id


def test_qt_own_buttons_are_chinese(qtbot, qt_app):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert {"确定", "取消"} <= {re.sub(r"\(.*\)", "", t) for t in texts}
    assert english_words(box) == set()


# -- Qt's own dialogs, as the counter opens them -------------------------------------------------

# Latin a Qt dialog may show in Chinese: file and unit abbreviations, paper standards, and the
# words Qt's own Chinese keeps in brackets after a paper's Chinese name (美国信纸 (Letter))
QT_ALLOWED = ALLOWED | {"pdf", "csv", "dpi", "cups", "jis", "ansi", "arch", "iso", "in", "pt", "cc", "dl"}
BRACKETED = re.compile(r"\([^()]*\)")
CJK = re.compile(r"[\u4e00-\u9fff]")


def qt_texts(dialog: QWidget) -> list[str]:
    """What a Qt dialog shows or can show: its labels, buttons, tooltips, tabs, group
    boxes, list entries, spin box units, toolbar actions, column headers; the options
    panel folded away included.  Left out: what the printer's driver names (its
    options page, its paper list) and the files listed (data)."""
    from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox

    driver = dialog.findChildren(QWidget, "cupsPropertiesPage")
    papers = {size.name() for name in QPrinterInfo.availablePrinterNames()      # the drivers' paper names
              for size in QPrinterInfo.printerInfo(name).supportedPageSizes()}
    texts = [dialog.windowTitle()]
    for w in [dialog, *dialog.findChildren(QWidget)]:
        if any(d is w or d.isAncestorOf(w) for d in driver):
            continue
        texts += [t for t in widget_texts(w) if t not in papers] + [w.toolTip()]
        if isinstance(w, QAbstractSpinBox):
            texts += [w.specialValueText(), getattr(w, "suffix", str)(), getattr(w, "prefix", str)()]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            texts += [str(model.headerData(i, Qt.Orientation.Horizontal) or "")
                      for i in range(model.columnCount())]
    return [t for t in texts if t]


def qt_words(dialog: QWidget) -> set[str]:
    printers = set(QPrinterInfo.availablePrinterNames())
    for name in list(printers):
        info = QPrinterInfo.printerInfo(name)
        printers |= {info.makeAndModel(), info.description(), info.location()}
    words = set()
    for text in qt_texts(dialog):
        for name in sorted(printers, key=len, reverse=True):
            if name:
                text = text.replace(name, " ")
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"(?:[A-Za-z]:)?[\\/][^\s]*", " ", text)            # paths and file names
        if CJK.search(text):
            text = BRACKETED.sub(" ", text)
        words |= {w for w in WORD.findall(text) if w.lower() not in QT_ALLOWED}
    return words


def answer_modal(seen: list, walk=qt_words) -> None:
    """Once a modal dialog is up: record what ``walk`` finds in it, then cancel it."""
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.metaObject().className(), walk(dialog)))
        dialog.reject()
    QTimer.singleShot(0, look)


@pytest.fixture
def prefs(qt_app, tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "prefs"))
    QSettings().clear()
    QSettings().setValue("print/folder", str(tmp_path))
    return tmp_path


def a_pdf() -> bytes:
    from printing.receipt import calibration_pdf

    return calibration_pdf((0.0, 0.0))


def test_the_save_dialog_is_chinese_and_names_the_file_after_the_document(qtbot, prefs):
    """The file dialog 另存为电子版 opens, with the suggested name the document's and its number."""
    from PySide6.QtWidgets import QFileDialog

    from ui.printing import save_pdf
    (prefs / "子目录").mkdir()
    (prefs / "旧收据.pdf").write_bytes(b"%PDF-1.4")
    seen: list = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit").text()
        seen.append(("name", name))
        seen.append(("title", dialog.windowTitle(), dialog.nameFilters()))
        seen.append(("list", qt_words(dialog)))
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        seen.append(("detail", qt_words(dialog)))
        dialog.reject()
    QTimer.singleShot(0, look)
    assert save_pdf(None, a_pdf(), "收款收据 2025-000123") is None            # 取消
    assert seen == [("name", "收款收据-2025-000123.pdf"), ("title", "另存为电子版", ["PDF 文件 (*.pdf)"]),
                    ("list", set()), ("detail", set())]


def test_the_print_dialog_and_its_properties_are_chinese(qtbot, prefs):
    from ui.printing import print_pdf

    dialog = print_pdf(None, a_pdf(), "register", title="营业日报 2026-12-04")
    qtbot.addWidget(dialog)
    assert qt_words(dialog) == set()
    # the job's name: what the queue lists and what 打印到文件 names the file after on X11
    # (营业日报-2026-12-04.pdf, not register.pdf)
    assert dialog.printer.docName() == "营业日报-2026-12-04"
    seen: list = []
    answer_modal(seen)
    dialog.findChild(QPushButton, "properties").click()                 # 属性: paper, job options
    assert seen == [("QPrintPropertiesDialog", set())]
    dialog.reject()


def test_the_preview_its_page_setup_and_its_print_dialog_are_chinese(qtbot, prefs):
    from PySide6.QtPrintSupport import QPageSetupDialog
    from PySide6.QtWidgets import QToolBar

    from ui.printing import preview
    dialog = preview(None, a_pdf(), "calibration", "套打校准页")
    qtbot.addWidget(dialog)
    assert qt_words(dialog) == set()
    setup = QPageSetupDialog(dialog.printer, dialog)     # the toolbar's 打印设置 opens it for a printer
    assert qt_words(setup) == set()
    seen: list = []
    answer_modal(seen)
    print_ = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    next(a for a in dialog.findChild(QToolBar).actions() if a.text() == print_).trigger()
    assert seen == [("QPrintDialog", set())]


def test_message_boxes_and_the_calendar_are_chinese(qtbot, qt_app):
    from PySide6.QtWidgets import QCalendarWidget, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "确认", "确定吗？")
    for name in ("Ok", "Cancel", "Yes", "No", "Save", "Close", "Retry"):   # every one the counter uses
        box.addButton(QMessageBox.StandardButton[name])
    box.setDetailedText("详细信息")
    qtbot.addWidget(box)
    box.show()
    assert qt_words(box) == set()
    calendar = QCalendarWidget()                                       # 营业日期's pop-up
    qtbot.addWidget(calendar)
    assert qt_words(calendar) == set()


def test_the_labels_qts_chinese_catalogue_lacks_are_supplied(qt_app):
    from ui.i18n import QT_ZH_CN

    assert QCoreApplication.translate("MainWindow", "没有译文的中文") == "没有译文的中文"  # ours pass through
    for (context, source), chinese in QT_ZH_CN.items():
        assert QCoreApplication.translate(context, source) == chinese
        assert mnemonic(chinese) == mnemonic(source), (context, source)
    # and they are not in Qt's own: otherwise Qt's own Chinese should be shown
    qt = QTranslator()
    assert qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert [key for key in QT_ZH_CN if qt.translate(*key)] == []


def mnemonic(text: str) -> str:
    found = re.search(r"&(\w)", text)
    return found[1].lower() if found else ""
