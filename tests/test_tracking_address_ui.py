"""At the counter: a supervisor is warned at login while the tracking address is unset,
and a paper printed without its QR code says why on the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from counter_app.services import requests, settings
from tests.test_requests import residential_application
from ui.app import warn_after_login
from ui.bridge import Operations
from ui.print_dialogs import slip_job
from ui.printing import PrintActions

REAL = "https://track.lantian-heat.cn/t/"


def test_a_supervisor_is_warned_once_after_login_and_a_clerk_is_not(qtbot, qt_app, core, people, messages):
    window = QWidget()
    qtbot.addWidget(window)
    warn_after_login(window, core, people.clerk)
    assert messages.texts == []
    warn_after_login(window, core, people.supervisor)
    assert len(messages.texts) == 1 and "尚未设置居民查询网址" in messages.last
    assert messages.titles == ["请注意"]
    settings.update(core, people.admin, {"tracking_base_url": REAL})
    warn_after_login(window, core, people.supervisor)
    assert len(messages.texts) == 1


def test_a_paper_without_its_qr_says_why_on_the_status_bar(qtbot, qt_app, core, people, messages):
    rid = residential_application(core, people.clerk)
    number = requests.get_request(core, rid).number
    main = QMainWindow()
    qtbot.addWidget(main)
    panel = QWidget(main)
    main.setCentralWidget(panel)
    actions = PrintActions(panel, Operations(panel), lambda: slip_job(core, people.clerk, rid, number))

    made = actions.render()
    assert made is not None and made[1].startswith(b"%PDF")             # it prints all the same
    assert main.statusBar().currentMessage().startswith("本单未印二维码：尚未设置居民查询网址")
    assert messages.texts == []                                          # nothing to click away

    main.statusBar().clearMessage()
    settings.update(core, people.admin, {"tracking_base_url": REAL})
    assert actions.render() is not None
    assert main.statusBar().currentMessage() == ""
