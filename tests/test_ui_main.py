"""The main window, login and idle lock, through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.services import accounts
from tests.helpers import account_input


def test_focus_starts_in_the_lookup_and_a_greeting_is_shown(main_window):
    assert main_window.lookup.hasFocus()
    assert "您好，供热公司客户服务中心" in main_window.phrase.text()


def test_lookup_finds_and_shows_the_account(main_window, core, people, qtbot):
    accounts.register_account(core, people.clerk, account_input(1))
    qtbot.keyClicks(main_window.lookup, "100100001")
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    assert main_window.results.rowCount() == 1
    assert main_window.fact_labels["holder"].text() == "张伟"
    assert main_window.fact_labels["address"].text() == "幸福小区3号楼2单元301室"


def test_nothing_found_says_what_to_do(main_window, qtbot):
    main_window.lookup.insert("不存在的人")  # QTest types ASCII only; an IME commits text like this
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    assert "没有找到" in main_window.hint.text()


def test_a_clerk_does_not_see_supervisor_or_admin_actions(main_window):
    assert not main_window.registry["queue"].isVisible()
    assert not main_window.registry["settings"].isVisible()
    assert main_window.registry["business_stop"].isVisible()
    assert main_window.registry["business_stop"].shortcut().toString() == "F4"


def test_a_scanned_tracking_qr_opens_the_request(main_window, core, people, qtbot):
    """The scanner reads the QR printed on the slip (the tracking page's URL) and
    types it into the lookup field followed by Enter: the request opens."""
    from counter_app.services import requests, settings
    from printing.qr import tracking_url
    from tests.test_requests import residential_application

    rid = residential_application(core, people.clerk)
    code = requests.get_request(core, rid).tracking_code
    url = tracking_url(settings.get_all(core)["tracking_base_url"], code)
    qtbot.keyClicks(main_window.lookup, url)
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    assert main_window.request_dialog.isVisible()
    assert main_window.request_dialog.request_id == rid
    assert main_window.lookup.text() == ""
