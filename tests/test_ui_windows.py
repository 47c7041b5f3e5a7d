"""Every window fits the screen it opens on and reopens as it was left
(ui.windows.WindowPlacement): on a 1024x768 counter screen the main window, the
feedback book and the print preview used to open larger than the screen, with
the close button or the bottom rows off it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMargins, QRect, QSettings
from PySide6.QtWidgets import QApplication

from ui.windows import DEFAULT_FRAME, fit_rect

ROOT = Path(__file__).resolve().parent.parent
COUNTER_SCREEN = QRect(0, 0, 1024, 768)


def test_a_remembered_geometry_larger_than_the_screen_is_clamped_to_it():
    available = QRect(0, 0, 1024, 728)                  # 768 less a 40 px task bar
    fitted = fit_rect(QRect(-300, -200, 2400, 1600), available)
    assert available.contains(fitted.marginsAdded(DEFAULT_FRAME))
    assert fitted.width() == 1024 - DEFAULT_FRAME.left() - DEFAULT_FRAME.right()
    # a window that fits is left where it was; one partly off screen comes back whole
    assert fit_rect(QRect(100, 100, 600, 400), available) == QRect(100, 100, 600, 400)
    moved = fit_rect(QRect(900, 600, 600, 400), available, QMargins())
    assert moved == QRect(1024 - 600, 728 - 400, 600, 400)
    # on a second screen to the right, the same rules within that screen
    right = QRect(1024, 0, 1280, 1024)
    assert right.contains(fit_rect(QRect(0, 0, 1180, 720), right).marginsAdded(DEFAULT_FRAME))


def on_screen(window) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def test_every_window_opens_within_the_screen(main_window, qtbot):
    """The test screen (Qt's offscreen one, 800x800) is smaller than the windows ask for."""
    window = main_window
    assert window.screen().availableGeometry().width() < 1180
    assert on_screen(window)
    window.show_feedback()
    window.start_business("application_residential")
    window.show_calibration()
    window.calibration_dialog.printing.preview()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert {type(w).__name__ for w in shown} >= {
        "MainWindow", "FeedbackWindow", "BusinessWizard", "CalibrationDialog", "QPrintPreviewDialog"}
    assert [type(w).__name__ for w in shown if not on_screen(w)] == []


def test_a_window_reopens_as_it_was_left_but_never_off_the_screen(main_window):
    window = main_window
    window.show_feedback()
    book = window.feedback_window
    book.setGeometry(40, 60, 620, 410)
    book.close()
    window.show_feedback()
    assert window.feedback_window.geometry() == QRect(40, 60, 620, 410)
    window.feedback_window.close()
    QSettings().setValue("windows/FeedbackWindow/rect", QRect(-300, -200, 2400, 1600))
    window.show_feedback()
    assert on_screen(window.feedback_window)
    assert window.feedback_window.width() > 600


def test_on_a_1024x768_counter_screen(tmp_path):
    """In a process whose only screen is 1024x768: every window, one remembered at
    2400x1600, lies wholly on it."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "counter", "x": 0, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, "-m", "tests.small_screen", str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert QRect(*report["screen"]) == COUNTER_SCREEN
    available = QRect(*report["available"])
    windows = {name: QRect(*rect) for name, rect in report["windows"].items()}
    assert set(windows) >= {"MainWindow", "FeedbackWindow", "BusinessWizard", "QPrintPreviewDialog"}
    assert {name: rect.getRect() for name, rect in windows.items() if not available.contains(rect)} == {}
    assert windows["MainWindow"].width() > 1000            # as large as fits, not a small default
    assert windows["FeedbackWindow"].width() > 1000
