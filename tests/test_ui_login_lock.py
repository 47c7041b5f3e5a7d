"""Logging in as oneself; the lock that hides every window and that only the same
clerk, a supervisor taking over or a clerk coming back after a takeover unlocks;
switching clerk, logging out and quitting."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.services import shifts
from tests.test_requests import residential_application
from ui.login import LoginDialog


def test_wrong_password_says_so_and_keeps_the_dialog_open(qtbot, qt_app, core, people):
    dialog = LoginDialog(core)
    qtbot.addWidget(dialog)
    dialog.username.setText("li")
    dialog.password.setText("not-it")
    dialog.try_login()
    assert "用户名或密码不正确" in dialog.message.text()
    assert dialog.actor is None and dialog.result() == 0
    dialog.password.setText("clerk-pass")
    dialog.try_login()
    assert dialog.actor.display_name == "李营业员"


def test_idle_lock_hides_the_work_and_only_the_clerk_or_a_supervisor_unlocks(main_window, qtbot):
    main_window.lock.timer.setInterval(10)              # the configured minutes, shortened
    main_window.lock.timer.start()
    qtbot.waitUntil(lambda: main_window.lock.locked)
    assert not main_window.centralWidget().isVisible()
    dialog = main_window.lock.dialog
    # another clerk cannot unlock
    dialog.username.setText("zhao")
    dialog.password.setText("clerk2-pass")
    dialog.try_login()
    assert main_window.lock.locked and "本人或值班长" in dialog.message.text()
    # the clerk's own password unlocks
    dialog.username.setText("li")
    dialog.password.setText("clerk-pass")
    dialog.try_login()
    assert not main_window.lock.locked and main_window.centralWidget().isVisible()
    assert main_window.actor.display_name == "李营业员"


def test_a_supervisor_takes_over_as_themselves(main_window, qtbot):
    main_window.lock_now()
    dialog = main_window.lock.dialog
    dialog.username.setText("wang")
    dialog.password.setText("super-pass")
    dialog.try_login()
    assert main_window.actor.display_name == "王值班长"
    assert main_window.registry["queue"].isVisible()
    assert "王值班长" in main_window.clerk_status.text()


def test_start_up_login_opens_the_database_after_it_is_shown(qtbot, qt_app, monkeypatch):
    from counter_app.errors import DatabaseUnavailable
    from ui import app as app_module

    opened = []

    def unreachable(login, url):
        opened.append(url)
        raise DatabaseUnavailable("无法连接数据库，请检查网络后重试")

    monkeypatch.setattr(app_module, "open_for_login", unreachable)
    login = app_module.login_dialog("postgresql://counter@db/heating")
    qtbot.addWidget(login)
    assert login.core is None and opened == []      # nothing opened before it is painted
    login.show()
    qtbot.waitUntil(lambda: bool(opened))
    assert "无法连接数据库" in login.message.text()  # said in the dialog, no traceback
    login.username.setText("li")
    login.try_login()                                # 登录 tries the database again
    assert len(opened) == 2 and login.actor is None


def test_start_up_login_names_the_company(qtbot, qt_app, core, people, monkeypatch):
    from counter_app.services import settings
    from ui import app as app_module

    settings.update(core, people.admin, {"company_name": "蓝天热力有限公司"})
    monkeypatch.setattr(settings, "open_core", lambda url: core)
    login = app_module.login_dialog(None)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitUntil(lambda: login.core is not None)
    assert "蓝天热力有限公司" in login.intro.text()
    login.username.setText("li")
    login.password.setText("clerk-pass")
    login.try_login()
    assert login.actor.display_name == "李营业员"


# -- the lock hides every window ----------------------------------------------------------------
def on_screen(main_window) -> list:
    """The windows a passer-by could read, besides the main window and the lock's login."""
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not main_window and w is not main_window.lock.dialog]


def unlock(main_window, username: str, password: str) -> None:
    dialog = main_window.lock.dialog
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.try_login()


def open_work(main_window, core, people) -> list:
    """A request, the feedback book and a print preview open, as at a busy counter."""
    rid = residential_application(core, people.clerk)
    main_window.open_request(rid)
    main_window.show_feedback()
    main_window.show_calibration()
    main_window.calibration_dialog.printing.preview()
    shown = on_screen(main_window)
    assert {type(w).__name__ for w in shown} >= {"RequestDialog", "FeedbackWindow", "QPrintPreviewDialog"}
    return shown


def test_the_lock_hides_every_window_and_the_same_clerk_gets_them_back(main_window, core, people):
    shown = open_work(main_window, core, people)
    main_window.lock_now()
    assert on_screen(main_window) == [] and not main_window.centralWidget().isVisible()
    assert main_window.lock.dialog.isVisible() and not main_window.lock.dialog.cancel_button.isVisible()
    unlock(main_window, "li", "clerk-pass")
    assert set(on_screen(main_window)) == set(shown)
    assert main_window.centralWidget().isVisible()


def test_after_a_takeover_the_clerk_returns_to_their_own_work(main_window, core, people, messages):
    """The supervisor takes over at the lock: the clerk's windows stay hidden (nobody
    works in another's name); when the screen locks again the clerk unlocks with
    their own password - refused before - and finds their windows as they were."""
    shown = open_work(main_window, core, people)
    main_window.lock_now()
    unlock(main_window, "wang", "super-pass")
    assert main_window.actor.display_name == "王值班长"
    assert on_screen(main_window) == []                      # the clerk's work is not shown to him
    main_window.new_feedback()
    assert main_window.feedback_dialog.actor == people.supervisor     # his actions are his
    main_window.lock_now()
    assert "李营业员" in main_window.lock.dialog.intro.text()
    unlock(main_window, "li", "clerk-pass")
    assert not main_window.lock.locked and main_window.actor == people.clerk
    assert set(on_screen(main_window)) == set(shown)
    main_window.new_feedback()
    assert main_window.feedback_dialog.actor == people.clerk
    assert messages.texts == []


# -- switching clerk, logging out, quitting -----------------------------------------------------
def test_switching_clerk_keeps_each_persons_work_and_shift(main_window, core, people):
    shifts.open_shift(core, people.clerk, "200")
    main_window.show_feedback()
    theirs = main_window.feedback_window
    main_window.registry["switch_clerk"].trigger()
    assert main_window.lock.locked and main_window.lock.dialog.username.text() == ""
    assert not theirs.isVisible()
    unlock(main_window, "zhao", "clerk2-pass")                # another clerk, as themselves
    assert main_window.actor == people.clerk2
    main_window.show_feedback()
    assert main_window.feedback_window is not theirs and not theirs.isVisible()
    assert main_window.feedback_window.actor == people.clerk2
    assert shifts.current_shift(core, people.clerk) is not None      # the shift stays with its clerk
    assert shifts.current_shift(core, people.clerk2) is None
    main_window.switch_clerk()
    unlock(main_window, "li", "clerk-pass")
    assert main_window.actor == people.clerk and theirs.isVisible()


def test_logging_out_says_what_closes_and_lets_the_next_person_in(main_window, core, people, messages):
    rid = residential_application(core, people.clerk)
    main_window.open_request(rid)
    request = main_window.request_dialog
    shifts.open_shift(core, people.clerk, "200")
    messages.answer = QMessageBox.StandardButton.No
    main_window.registry["log_out"].trigger()
    assert "业务详情" in messages.last and "李营业员 的班次尚未交班" in messages.last
    assert request.isVisible() and not main_window.lock.locked          # No: nothing happened
    messages.answer = QMessageBox.StandardButton.Yes
    main_window.log_out()
    assert main_window.request_dialog is None or not main_window.request_dialog.isVisible()
    assert main_window.lock.locked and main_window.lock.dialog.username.text() == ""
    unlock(main_window, "zhao", "clerk2-pass")
    assert main_window.actor == people.clerk2 and on_screen(main_window) == []
    assert shifts.current_shift(core, people.clerk) is not None


def test_nobody_logged_in_the_login_offers_to_quit(main_window, messages):
    main_window.log_out()                                      # nothing open: nothing asked
    assert messages.texts == []
    dialog = main_window.lock.dialog
    assert dialog.cancel_button.isVisible() and dialog.cancel_button.text() == "退出程序"
    dialog.reject()
    assert not main_window.isVisible()


class WindowCross(QCloseEvent):
    """The close event the window system sends for the ✕ (tests cannot click it)."""

    def spontaneous(self) -> bool:
        return True


def test_quitting_asks_when_work_is_open(main_window, core, people, messages):
    main_window.start_business("application_residential")
    wizard = main_window.wizard
    main_window.registry["quit"].trigger()                    # Ctrl+Q
    assert wizard.windowTitle() in messages.last and main_window.isVisible() and wizard.isVisible()
    cross = WindowCross()                                     # the window's ✕
    main_window.closeEvent(cross)
    assert len(messages.texts) == 2 and not cross.isAccepted()
    messages.answer = QMessageBox.StandardButton.Yes
    main_window.registry["quit"].trigger()
    assert not main_window.isVisible()
    assert main_window.wizard is None or not main_window.wizard.isVisible()


def test_quitting_counts_work_kept_for_someone_who_stepped_aside(main_window, core, people, messages):
    main_window.show_feedback()
    shifts.open_shift(core, people.clerk, "200")
    main_window.lock_now()
    unlock(main_window, "wang", "super-pass")
    main_window.quit()
    assert "意见簿" in messages.last and "李营业员 的班次尚未交班" in messages.last
    assert main_window.isVisible()


def test_quitting_with_nothing_open_asks_nothing(main_window, messages):
    main_window.registry["quit"].trigger()
    assert messages.texts == [] and not main_window.isVisible()
