"""Starting the counter application: Qt, languages, the database, the login."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.errors import CounterError
from counter_app.services import settings
from counter_app.services.settings import open_core
from ui import i18n
from ui.bridge import log_unexpected
from ui.login import LoginDialog
from ui.main_window import MainWindow


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


def run(args: argparse.Namespace) -> int:
    """Entry point registered as the ``gui`` front end of ``counter-app``."""
    app, _translators = make_app()
    sys.excepthook = _last_resort
    try:
        core = open_core(getattr(args, "db", None))
    except CounterError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "无法打开数据库"), exc.message)
        return exc.exit_code
    values = settings.get_all(core)
    login = LoginDialog(core, purpose=QCoreApplication.translate(
        "app", "<b>{0} {1}</b><br>请用本人账号登录，不得代替他人顶班。").format(
            values["company_name"], values["hall_name"]))
    if not login.exec() or login.actor is None:
        return 0
    window = MainWindow(core, login.actor)
    window.show()
    return app.exec()


def _last_resort(kind, exc, tb) -> None:  # noqa: ANN001
    """An exception escaping a Qt slot: log it, tell the clerk plainly, go on."""
    where = log_unexpected(exc)
    QMessageBox.critical(None, QCoreApplication.translate("app", "内部错误"),
                         QCoreApplication.translate("app", "程序内部出错，本次操作未完成。详细信息已写入 {0}，"
                                                    "请联系系统管理员。").format(where))
