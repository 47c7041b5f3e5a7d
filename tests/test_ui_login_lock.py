"""Logging in as oneself, and the idle lock that only the same clerk unlocks."""

from __future__ import annotations

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
