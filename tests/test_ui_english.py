"""The English translation: counter_en.ts complete and compiled, and the main window
in English shows no Chinese beyond data (names, addresses, the catalogue's business
kinds, the domain's labels) and the civil phrase the clerk says in Chinese."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

from counter_app.domain import enums
from counter_app.services import accounts, requests
from tests.helpers import account_input
from tests.qt_fixtures import open_main_window
from tests.test_requests import residential_application

TRANSLATIONS = Path(__file__).resolve().parent.parent / "ui" / "translations"
TS, QM = TRANSLATIONS / "counter_en.ts", TRANSLATIONS / "counter_en.qm"
CJK = re.compile(r"[\u4e00-\u9fff]")
FULL_WIDTH = re.compile(r"[\u3000-\u303f\uff00-\uffef]")     # 　，：（）“ ”… of Chinese typesetting
PLACEHOLDER = re.compile(r"\{\d*\}|%n|%L?\d+")
TAG = re.compile(r"<[^>]+>")
MNEMONIC = re.compile(r"&([^&\s])")
# The feedback book's toolbar buttons show no mnemonic, and their tooltip is the text up
# to "(" (ui/feedback/window.py), so their English carries no "&".
NO_MNEMONIC = {("FeedbackWindow", s) for s in
               ("登记(&N)", "转交(&T)", "答复(&R)", "回访(&H)", "更正(&E)", "详情(&O)")}


def catalogue() -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every message of counter_en.ts."""
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source"), message.find("translation")))
    return out


def mnemonics(text: str) -> list[str]:
    return MNEMONIC.findall(text.replace("&&", ""))


# -- the catalogue ------------------------------------------------------------------------
def test_every_message_is_translated_into_english():
    messages = catalogue()
    assert len(messages) > 400
    problems = []
    for context, source, translation in messages:
        text = translation.text or ""
        where = f"{context or '<empty>'}: {source!r} -> {text!r}"
        if translation.get("type"):                                  # unfinished, vanished, obsolete
            problems.append(f"{translation.get('type')}: {where}")
        elif not text.strip():
            problems.append(f"empty: {where}")
        elif CJK.search(text) or FULL_WIDTH.search(text):
            problems.append(f"Chinese left in: {where}")
    assert problems == []


def test_placeholders_tags_line_breaks_and_mnemonics_are_kept():
    problems = []
    for context, source, translation in catalogue():
        text = translation.text or ""
        where = f"{context or '<empty>'}: {source!r} -> {text!r}"
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders: {where}")
        if TAG.findall(source) != TAG.findall(text):
            problems.append(f"tags: {where}")
        if source.count("\n") != text.count("\n"):
            problems.append(f"line breaks: {where}")
        wanted = mnemonics(source)
        got = mnemonics(text)
        if (context, source) in NO_MNEMONIC:
            if got:
                problems.append(f"toolbar text with a mnemonic: {where}")
        elif len(got) != len(wanted):
            problems.append(f"mnemonic lost or added: {where}")
        elif wanted and wanted[0].isalpha() and wanted[0].lower() in text.replace("&", "").lower() \
                and got[0].lower() != wanted[0].lower():
            problems.append(f"mnemonic letter changed although the word has it: {where}")
    assert problems == []


def test_the_compiled_qm_carries_every_translation_of_the_ts():
    """counter_en.qm is lrelease's output of the current counter_en.ts (run scripts/translations.sh)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [(context, source) for context, source, translation in catalogue()
             if translator.translate(context, source) != (translation.text or "")]
    assert stale == [], "counter_en.qm is older than counter_en.ts: run pyside6-lrelease"
    assert translator.translate("MainWindow", "查找(&F)：") == "&Find:"


# -- the main window in English --------------------------------------------------------------
class Recorder(QTranslator):
    """Installed before the English catalogue, so Qt asks it only about what the catalogue
    lacks: every Chinese text the windows looked up in vain."""

    def __init__(self) -> None:
        super().__init__()
        self.missed: list[tuple[str, str]] = []

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        if source and CJK.search(source):
            self.missed.append((context, source))


@pytest.fixture
def english(qapp):
    """The English translators installed as ``COUNTER_APP_LANG=en`` does; removed afterwards
    so the other tests stay Chinese."""
    from ui import i18n

    locale = QLocale()
    recorder = Recorder()
    qapp.installTranslator(recorder)
    translators = i18n.install(qapp, "en")
    try:
        assert translators, "counter_en.qm did not load"
        yield recorder
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.removeTranslator(recorder)
        QLocale.setDefault(locale)


@pytest.fixture
def english_window(english, qtbot, core, people, messages, tmp_path, monkeypatch):
    """The main window in English, logged in as the clerk 李营业员."""
    return open_main_window(qtbot, core, people.clerk, tmp_path, monkeypatch)


def is_business_kind(action) -> bool:
    """Menu entries and toolbar buttons of the business kinds: their names come from forms/."""
    return action is not None and action.objectName().startswith("action_business_")


def on_screen_texts(window: QWidget) -> list[tuple[str, str]]:
    """(widget, text) of what the window shows, less the business kinds and the civil phrase."""
    texts = [("title", window.windowTitle())]
    for w in [window, *window.findChildren(QWidget)]:
        name = f"{type(w).__name__}:{w.objectName()}"
        if w.objectName() == "phrase":        # 接待用语: Chinese words the clerk says to the customer
            continue
        if isinstance(w, QToolButton) and is_business_kind(w.defaultAction()):
            continue
        if isinstance(w, QLabel):
            texts.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            texts += [(name, w.text()), (name, w.toolTip())]
        elif isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            texts.append((name, w.placeholderText()))
        elif isinstance(w, QGroupBox):
            texts.append((name, w.title()))
        elif isinstance(w, QTabWidget):
            texts += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            texts += [(name, w.item(i).text()) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                if w.horizontalHeaderItem(c):
                    texts.append((name, w.horizontalHeaderItem(c).text()))
                texts += [(name, w.item(r, c).text()) for r in range(w.rowCount()) if w.item(r, c)]
        for action in w.actions():
            if not is_business_kind(action):
                texts += [(name, action.text()), (name, action.toolTip()), (name, action.iconText())]
    texts.append(("status bar", window.statusBar().currentMessage()))
    return [(where, t) for where, t in texts if t]


def domain_labels() -> set[str]:
    """The Chinese labels of the domain's enums (roles, states ...): not translated yet."""
    return {m.label for e in vars(enums).values()
            if isinstance(e, type) and issubclass(e, enums.LabelledEnum) and e is not enums.LabelledEnum
            for m in e}


def chinese_left(window: QWidget, data: set[str]) -> list[tuple[str, str]]:
    """Texts with Chinese characters once the data in them is taken out."""
    left = []
    for where, text in on_screen_texts(window):
        rest = text
        for item in sorted(data, key=len, reverse=True):
            rest = rest.replace(item, " ")
        if CJK.search(rest):
            left.append((where, text))
    return left


def test_the_main_window_speaks_english(english_window, english, core, people):
    window = english_window
    account_id = accounts.register_account(core, people.clerk, account_input(2))
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    window.lookup.setText("100100002")
    window.search()
    window.results.selectRow(0)

    assert window.windowTitle() == "Heating Service Hall Counter"
    assert [m.title() for m in window.registry.menus.values()] == \
        ["&Business", "&View", "&Cash", "F&eedback", "&Supervisor", "S&ystem"]
    assert window.lookup.placeholderText().startswith("Account no., name, phone")
    assert window.registry["find"].text() == "&Find customer"
    assert window.registry["feedback_log"].toolTip() == "Feedback book (F8)"
    assert window.hint.text() == "1 account(s) found"

    account = accounts.get_account(core, account_id)
    data = {k.name for k in core.catalogue.kinds.values()} | domain_labels() | {
        people.clerk.display_name, account.holder_name, account.address}
    assert chinese_left(window, data) == []
    assert real_misses(english, core) == []


def test_menu_mnemonics_stay_unique(english_window, people):
    window = english_window
    window.set_actor(people.admin)

    def letters(texts: list[str]) -> list[str]:
        return [m.lower() for t in texts for m in mnemonics(t)]

    titles = letters([m.title() for m in window.registry.menus.values()])
    assert len(titles) == len(set(titles)) == 6
    assert "f" not in titles                      # Alt+F is the lookup field's
    for menu in window.registry.menus.values():
        inside = letters([a.text() for a in menu.actions() if not is_business_kind(a)])
        assert len(inside) == len(set(inside)), menu.title()


def test_the_windows_find_every_text_they_look_up(english_window, english, core, people, qtbot):
    """Each window the clerk, the supervisor and the administrator open asks the catalogue
    only for texts it has (a text lupdate missed, or filed under another context, shows here)."""
    from ui.feedback import FeedbackDialog
    from ui.settings import CalendarDialog, SettingsDialog
    from ui.wizard import BusinessWizard, DraftsDialog

    window = english_window
    accounts.register_account(core, people.clerk, account_input(2))
    rid = residential_application(core, people.clerk)
    window.lookup.setText("100100002")
    window.search()
    window.open_request(rid)
    window.show_feedback()
    opened: list[QWidget] = [window.request_dialog, window.feedback_window]
    opened.append(FeedbackDialog(core, people.clerk, window))
    opened.append(DraftsDialog(core, people.clerk, lambda kind, draft: None, window))
    for kind in core.catalogue.kinds:
        opened.append(BusinessWizard(core, people.clerk, kind, parent=window))
    window.set_actor(people.supervisor)
    window.show_queue()
    opened += [window.queue_window, CalendarDialog(core, people.supervisor, window),
               SettingsDialog(core, people.admin, window)]
    for w in opened:
        qtbot.addWidget(w)
    assert real_misses(english, core) == []


def real_misses(recorder: Recorder, core) -> list[tuple[str, str]]:
    """What the catalogue really lacks: not the business kinds' names (catalogue data,
    Chinese by design), not a subclass's miss its base class answers."""
    kinds = {k.name for k in core.catalogue.kinds.values()}
    return sorted({(c, s) for c, s in recorder.missed if s not in kinds and not real_context(c, s)})


def real_context(context: str, source: str) -> bool:
    """PySide's self.tr() asks the class, then each base class: a miss under a subclass (or
    under Qt's own classes) is fine when a class further up has the text."""
    import sys

    if context.startswith("Q"):
        return True
    have = {(c, s) for c, s, _t in catalogue()}
    for name, module in list(sys.modules.items()):
        cls = getattr(module, context, None) if name.startswith("ui.") else None
        if isinstance(cls, type):
            return any((base.__name__, source) in have for base in cls.__mro__[1:])
    return False
