"""Starting the counter application: Qt, languages, the login, the database.

The login dialog is painted before the data layer (SQLAlchemy, the core) is
imported, so the clerk sees it at once; the database opens right after."""

from __future__ import annotations

import argparse
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui import i18n
from ui.login import LoginDialog

if TYPE_CHECKING:                  # the core is imported once the login is on screen
    from counter_app.core import Actor, Core


def make_app(argv: list[str] | None = None, lang: str | None = None) -> tuple[QApplication, list]:
    QCoreApplication.setOrganizationName("counter-app")
    QCoreApplication.setApplicationName("counter-app")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    translators = i18n.install(app, i18n.chosen_language(lang))
    font = app.font()
    font.setFamilies(["WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", font.family()])
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return app, translators


def open_for_login(login: LoginDialog, db_url: str | None):  # noqa: ANN201
    """Open the database and name the company and hall on the login dialog."""
    from ui.operations import settings as ops_settings

    core, hall = ops_settings.open_hall(db_url)
    login.intro.setText(QCoreApplication.translate(
        "app", "<b>{0} {1}</b><br>请用本人账号登录，不得代替他人顶班。").format(
            hall.company_name, hall.hall_name))
    login.intro.show()
    return core


def login_dialog(db_url: str | None) -> LoginDialog:
    login = LoginDialog(None)
    login.connect_core = lambda: open_for_login(login, db_url)
    return login


def run(args: argparse.Namespace) -> int:
    """Entry point registered as the ``gui`` front end of ``counter-app``."""
    app, _translators = make_app()
    sys.excepthook = _last_resort
    login = login_dialog(getattr(args, "db", None))
    if not login.exec() or login.actor is None:
        return 0
    from ui.main_window import MainWindow

    window = MainWindow(login.core, login.actor)
    window.show()
    warn_after_login(window, login.core, login.actor)
    return app.exec()


def warn_after_login(window: QWidget, core: Core, actor: Actor) -> None:
    """A supervisor is told at once what stops the hall's papers from being right
    (the residents' tracking address unset): one message each, over the main window."""
    from ui.bridge import Operations
    from ui.operations import settings as ops_settings

    for text in ops_settings.login_warnings(Operations(window), core, actor):
        QMessageBox.warning(window, QCoreApplication.translate("app", "请注意"), text)


def _last_resort(_kind: type[BaseException], exc: BaseException, _tb: TracebackType | None) -> None:
    """An exception escaping a Qt slot: log it, tell the clerk plainly, go on."""
    from ui.bridge import log_unexpected

    where = log_unexpected(exc)
    message = QCoreApplication.translate("app", "程序内部出错，本次操作未完成。详细信息已写入 {0}，"
                                         "请联系系统管理员。").format(where)
    QMessageBox.critical(None, QCoreApplication.translate("app", "内部错误"), message)
