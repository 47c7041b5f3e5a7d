"""Scripted walk-throughs with the real widgets, counting the clerk's keystrokes and clicks.

Used by bench/gui_bench.py (part 3); runs alone too: ``python bench/gui_walkthrough.py``.

Every key goes to the widget that has the keyboard focus (QApplication.focusWidget()), as a real
keyboard's would, and the Driver counts what it sends: one per key press, a modifier chord such as
Alt+N counts its keys (2), a mouse click 1.  Chinese is typed through a pinyin IME: the Driver
inserts the characters and counts len(pinyin) + 1 (the space that picks the word) per word.
Focus moves are not scripted by hand: ``tab_to`` presses Tab until the widget really has the focus,
so a page that starts the focus in the wrong place shows up in the count.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import Qt  # noqa: E402 - Qt after its platform is chosen
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget, QWizard  # noqa: E402
from stdnum.cn import ric  # noqa: E402

if TYPE_CHECKING:
    from counter_app.core import Core
    from ui.main_window import MainWindow

DATA, NAV = "data", "nav"
GOAL_APPLICATION, GOAL_PAYMENT = 40, 12


def resident_id(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")  # stdnum wants a check slot


class Driver:
    """Sends real key and mouse events to the focus widget and counts them per step."""

    def __init__(self) -> None:
        self.step = ""
        self.log: list[tuple[str, str, int, str]] = []  # step, kind, count, what

    def _count(self, kind: str, n: int, what: str, wait: int = 5) -> None:
        self.log.append((self.step, kind, n, what))
        QTest.qWait(wait)  # a mnemonic (Alt+letter) "animates" its button: clicked 100 ms later

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, what: str, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            kind: str = NAV) -> None:
        QTest.keyClick(self.focus(), key, mods)
        self._count(kind, 1 + mods.value.bit_count(), what, 250 if mods.value else 5)

    def type(self, text: str, what: str) -> None:
        QTest.keyClicks(self.focus(), text)
        self._count(DATA, len(text) + sum(c.isupper() for c in text), f"{what} {text!r}")

    def ime(self, words: list[tuple[str, str]], what: str) -> None:
        self.focus().insert("".join(hanzi for hanzi, _ in words))
        self._count(DATA, sum(len(pinyin) + 1 for _, pinyin in words),
                    f"{what} " + "".join(f"{p}␣" for _, p in words))

    def click(self, widget: QWidget, what: str) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self._count(NAV, 1, f"click {what}")

    def tab_to(self, widget: QWidget, what: str) -> None:
        for tabs in range(12):
            if self.focus() is widget:
                if tabs:
                    self._count(NAV, tabs, f"Tab×{tabs} to {what}")
                return
            QTest.keyClick(self.focus(), Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reaches {what}")

    def tick(self, box: QWidget, what: str) -> None:
        self.tab_to(box, what)
        self.key(Qt.Key.Key_Space, f"Space {what}")
        assert box.isChecked(), what

    def next_page(self, wizard: QWizard, target: int) -> None:
        from ui.wizard.account_picker import SearchField

        page = wizard.currentPage().title()
        self.key(Qt.Key.Key_Return, "Enter (确认办理)" if wizard.currentPage().isCommitPage()
                 else f"Enter ({wizard.button(QWizard.WizardButton.NextButton).text()})")
        focus = self.focus()
        if wizard.currentId() != target and isinstance(focus, SearchField) and not focus.text():
            self.log.pop()  # Enter in the empty lookup did nothing (uncounted): the clerk uses Alt+N
            self.key(Qt.Key.Key_N, f"Alt+N ({page}: Enter in the empty lookup does nothing)",
                     Qt.KeyboardModifier.AltModifier)
        if wizard.currentId() != target:
            shown = [w.text() for w in wizard.currentPage().findChildren(QWidget)
                     if w.isVisible() and w.objectName().startswith(("error_", "status"))
                     and hasattr(w, "text") and w.text()]
            raise AssertionError(f"still on {page}: {shown}")

    def totals(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = defaultdict(lambda: {DATA: 0, NAV: 0})
        for step, kind, n, _ in self.log:
            out[step][kind] += n
        return out


def wait_active(window: QWidget) -> None:
    for _ in range(400):
        if QApplication.activeWindow() is window and QApplication.focusWidget() is not None:
            return
        QTest.qWait(5)
    raise AssertionError(f"{window.windowTitle()} never became the active window")


def setup(scratch: Path) -> tuple[QApplication, list, Core, MainWindow]:
    from counter_app import demo
    from counter_app.services import accounts, staff
    from counter_app.services.accounts import AccountInput
    from counter_app.services.settings import open_core
    from ui.app import make_app
    from ui.main_window import MainWindow

    app, translators = make_app([sys.argv[0]])
    core = open_core(f"sqlite:///{scratch / 'walk.db'}")
    demo.populate(core, accounts=300)
    clerk = staff.login(core, "li", "demo123")
    accounts.register_account(core, clerk, AccountInput(  # an existing customer with a 9-digit 户号
        account_no="100100001", holder_name="张伟", id_number=resident_id("41010519800101001"),
        phone="13912340001", community="幸福小区", building="3", unit="2", room="301", area="85.5"))
    window = MainWindow(core, clerk)
    window.show()
    wait_active(window)
    return app, translators, core, window


def walk_application(window: MainWindow) -> tuple[Driver, object]:
    from ui.wizard.wizard import CONFIRM, DETAILS, DOCUMENTS, DONE, FEES

    d = Driver()
    d.step = "main window"
    assert d.focus() is window.lookup
    d.key(Qt.Key.Key_F2, "F2 居民用热申请")
    wizard = window.wizard
    wait_active(wizard)
    d.step = "1 customer 客户"
    form = wizard.customer_page.form.inputs
    id_number = resident_id("41010519900315124")
    assert id_number[-1].isdigit()
    for key, value, words, what in (
            ("account_no", "100200305", None, "户号"),
            ("holder_name", "", [("王芳", "wangfang")], "户主姓名"),
            ("id_number", id_number, None, "证件号码"), ("phone", "13912345678", None, "联系电话"),
            ("community", "", [("幸福", "xingfu"), ("小区", "xiaoqu")], "小区"),
            ("building", "5", None, "楼号"), ("unit", "1", None, "单元"), ("room", "502", None, "房号"),
            ("area", "92.3", None, "供热面积")):
        d.tab_to(form[key], what)
        d.ime(words, what) if words else d.type(value, what)
    d.next_page(wizard, DOCUMENTS)
    d.step = "2 documents 材料"
    rows = wizard.documents_page.rows
    for code in ("owner_id_card", "property_certificate"):
        d.tick(rows[code].received, f"{rows[code].spec.name} 已收")
        d.tick(rows[code].original, "已核原件")
    assert not wizard.documents_page.missing()
    d.next_page(wizard, DETAILS)
    d.step = "3 details 业务信息"
    details = wizard.details_page
    assert details.raw("owner_name") == "王芳" and details.raw("address") == "幸福小区5号楼1单元502室"
    d.next_page(wizard, FEES)
    d.step = "4 fees 收费项目"
    d.next_page(wizard, CONFIRM)
    d.step = "5 confirm 确认"
    d.next_page(wizard, DONE)
    d.step = "6 done 完成"
    assert wizard.done_page.status_value.text() == "已受理", wizard.done_page.status_value.text()
    d.key(Qt.Key.Key_Return, "Enter (完成) closes the wizard")
    assert not wizard.isVisible()
    return d, wizard


def walk_settlement(window: MainWindow) -> tuple[Driver, object]:
    from ui.wizard.wizard import CONFIRM, DETAILS, DOCUMENTS, DONE, FEES

    window.next_visitor()  # the next customer; focus back in the lookup (not counted)
    window.activateWindow()
    wait_active(window)
    d = Driver()
    d.step = "main window"
    assert d.focus() is window.lookup
    d.type("100100001", "户号")
    d.key(Qt.Key.Key_Return, "Enter (search)")
    assert window.results.rowCount() == 1, window.results.rowCount()
    d.key(Qt.Key.Key_F6, "F6 热费结算")
    wizard = window.wizard
    wait_active(wizard)
    d.step = "1 customer 客户"
    assert wizard.customer_page.picker.account.account_no == "100100001"
    d.next_page(wizard, DOCUMENTS)
    d.step = "2 documents 材料"     # settlement needs no document (the notice is optional)
    d.next_page(wizard, DETAILS)
    d.step = "3 details 业务信息"
    season = wizard.details_page.form.inputs["season"]
    if not season.text():           # prefilled with the current season
        d.tab_to(season, "结算采暖季")
        d.type("2025", "结算采暖季")
    d.next_page(wizard, FEES)
    d.step = "4 fees 收费项目"
    d.next_page(wizard, CONFIRM)
    d.step = "5 confirm 确认"
    d.next_page(wizard, DONE)
    assert wizard.done_page.status_value.text(), "no request shown on the done page"
    return d, wizard


def pad(text: str, width: int) -> str:
    """Left-justify for a terminal: a Chinese character takes two columns."""
    return text + " " * (width - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text))


def table(title: str, d: Driver, goal: int, note: str = "") -> tuple[int, int]:
    print(f"\n{title}")
    print(f"  {'step':<20}{'data':>5}{'nav':>5}{'total':>6}   actions (data = values the clerk types)")
    totals = d.totals()
    for step, counts in totals.items():
        actions = " | ".join(f"{what} [{n}]" for s, _k, n, what in d.log if s == step)
        print(f"  {pad(step, 20)}{counts[DATA]:>5}{counts[NAV]:>5}{counts[DATA] + counts[NAV]:>6}"
              f"   {actions}")
    data = sum(c[DATA] for c in totals.values())
    nav = sum(c[NAV] for c in totals.values())
    print(f"  {'total':<20}{data:>5}{nav:>5}{data + nav:>6}   goal <= {goal}: "
          f"{'ok' if data + nav <= goal else 'MISSED'}{note}")
    print(f"  navigation only (without the values typed): {nav}   goal <= {goal}: "
          f"{'ok' if nav <= goal else 'MISSED'}")
    return data, nav


def report(scratch: Path) -> None:
    from counter_app.domain.enums import RequestStatus
    from counter_app.services import requests

    _app, _translators, core, window = setup(scratch)
    d, wizard = walk_application(window)
    view = requests.get_request(core, wizard.request_id)
    assert view.status is RequestStatus.ACCEPTED and view.fields["owner_name"] == "王芳"
    print("\n3. KEYSTROKES + CLICKS  (keyboard only, no clicks needed; Chinese by pinyin IME: "
          "len(pinyin)+1 per word; Alt+N = 2)")
    table(f"3a. residential application, new customer, all documents present -> {view.number} "
          f"{view.status.label}", d, GOAL_APPLICATION)
    d, wizard = walk_settlement(window)
    view = requests.get_request(core, wizard.request_id)
    data, nav = table(f"3b. fee payment, existing customer found by 户号 -> {view.number} "
                      f"{view.status.label} (lookup, F6 热费结算 wizard to the done page)", d, GOAL_PAYMENT,
                      " (the payment step itself is not counted)")
    print(f"  + 1 (Enter 完成) to close the wizard for the next customer = {data + nav + 1}.  The payment "
          "dialog (amount, cash/card, receipt) is pending the fees issue: its keys come on top.")


if __name__ == "__main__":
    SCRATCH = Path(tempfile.mkdtemp(prefix="gui-walk-"))
    os.environ.update(XDG_CONFIG_HOME=str(SCRATCH / "config"), COUNTER_APP_DATA=str(SCRATCH / "data"))
    try:
        report(SCRATCH)
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
