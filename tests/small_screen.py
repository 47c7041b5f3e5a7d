"""Run by tests/test_ui_windows.py in a process of its own whose one screen is a
1024x768 counter screen (Qt's offscreen platform reads its screens from a file):
the main window, the feedback book, a request, the wizard and a print preview
are opened on a fresh database, one of them with a remembered geometry far
larger than the screen, and their geometries are printed as JSON."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(folder: Path) -> None:
    os.environ["COUNTER_APP_DATA"] = str(folder / "data")
    from argon2 import PasswordHasher
    from PySide6.QtCore import QRect, QSettings
    from PySide6.QtWidgets import QApplication

    from counter_app.core import Core
    from counter_app.db.engine import make_engine, upgrade
    from counter_app.services import staff
    from ui.app import make_app

    app, _translators = make_app(["counter-app"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "prefs"))
    QSettings().setValue("windows/FeedbackWindow/rect", QRect(-300, -200, 2400, 1600))
    engine = make_engine(f"sqlite:///{folder / 'counter.db'}")
    upgrade(engine)
    core = Core(engine)
    core.password_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    admin = staff.bootstrap_admin(core, "admin", "管理员甲", "admin-pass")

    from ui.main_window import MainWindow

    window = MainWindow(core, admin)
    window.show()
    window.show_feedback()
    window.start_business("application_residential")
    window.show_calibration()
    window.calibration_dialog.printing.preview()
    app.processEvents()
    shown = {type(w).__name__: w.frameGeometry().getRect()
             for w in QApplication.topLevelWidgets() if w.isVisible()}
    screen = app.primaryScreen()
    print(json.dumps({"screen": screen.geometry().getRect(),
                      "available": screen.availableGeometry().getRect(), "windows": shown}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
