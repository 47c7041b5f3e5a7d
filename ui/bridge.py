"""The presenter under ``ui.operations``: runs one core call for a window.

Widgets reach the core only through the functions of ``ui.operations``; those
run their service through ``Operations.call`` (or ``background`` for what can
take long), which shows a busy cursor or a progress dialog, turns every failure
into a Chinese message (at the field when the error names one), and never
shows a traceback.  What the user typed stays in the form whatever happens.

Retry is offered only where it is safe:
- the database was unreachable before the commit (``DatabaseUnavailable``):
  nothing was stored, so the same call again is safe;
- the connection broke during the commit (``CommitUncertain``): only a call
  that carries a client token (``resolvable=True``) is repeated - it returns
  the first result if it was stored, and stores it once if not.  Any other
  call says it could not be confirmed and asks the clerk to look first.
"""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from counter_app.db.engine import data_dir
from counter_app.errors import CommitUncertain, CounterError, DatabaseUnavailable

log = logging.getLogger("counter_app.ui")

FieldHandler = Callable[[CounterError], bool]


def log_unexpected(exc: BaseException) -> str:
    """Write the traceback to the log file; return where it went."""
    try:
        path = data_dir() / "logs" / "counter-app.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat()}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return str(path)
    except OSError:
        return ""


class Operations(QObject):
    """One per window; ``parent`` is the widget messages are shown over."""

    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.last_error: CounterError | None = None
        self._tasks: set[_Signals] = set()   # keeps a running task's signals alive

    def call(self, fn: Callable[..., Any], *args: Any, on_field_error: FieldHandler | None = None,
             resolvable: bool = False, **kwargs: Any) -> tuple[bool, Any]:
        """Run ``fn``; return (True, result) or (False, None) after telling the user.
        ``resolvable``: ``fn`` carries a client token, so repeating it after an
        uncertain commit cannot record twice."""
        self.last_error = None
        while True:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return True, fn(*args, **kwargs)
            except CommitUncertain as exc:
                QApplication.restoreOverrideCursor()
                self.last_error = exc
                self.failed.emit(exc.message)
                if not resolvable:
                    QMessageBox.warning(self._parent, self.tr("无法确认是否已保存"), exc.message + self.tr(
                        "\n\n请先在记录中查看这次操作是否已经生效，再决定是否重新办理。"))
                    return False, None
                answer = QMessageBox.warning(
                    self._parent, self.tr("无法确认是否已保存"), exc.message,
                    QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Retry)
                if answer != QMessageBox.StandardButton.Retry:
                    return False, None
                continue
            except DatabaseUnavailable as exc:
                QApplication.restoreOverrideCursor()
                self.last_error = exc
                answer = QMessageBox.warning(
                    self._parent, self.tr("数据库暂时无法访问"), exc.message,
                    QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Retry)
                if answer != QMessageBox.StandardButton.Retry:
                    self.failed.emit(exc.message)
                    return False, None
                continue
            except CounterError as exc:
                QApplication.restoreOverrideCursor()
                self.last_error = exc
                self.failed.emit(exc.message)
                if not (on_field_error and exc.field and on_field_error(exc)):
                    QMessageBox.warning(self._parent, self.tr("请检查"), exc.message)
                return False, None
            except Exception as exc:  # noqa: BLE001 - never a traceback in front of a clerk
                QApplication.restoreOverrideCursor()
                where = log_unexpected(exc)
                message = self.tr("程序内部出错，本次操作未完成，已填写的内容仍在。") + (
                    self.tr("详细信息已写入 {0}，请联系系统管理员。").format(where) if where else "")
                self.failed.emit(message)
                QMessageBox.critical(self._parent, self.tr("内部错误"), message)
                return False, None
            finally:
                if QApplication.overrideCursor() is not None:
                    QApplication.restoreOverrideCursor()

    def background(self, fn: Callable[[], Any], done: Callable[[Any], None], *,
                   label: str = "") -> None:
        """Run a long task on a worker thread; ``done`` gets the result in the
        GUI thread.  A progress dialog with ``label`` shows while it runs (after
        a moment, so quick tasks do not flash it).  Failures are reported like
        ``call``'s."""
        progress = QProgressDialog(label or self.tr("正在处理，请稍候…"), "", 0, 0, self._parent)
        progress.setObjectName("operation_progress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        task = _Task(fn)
        task.signals.finished.connect(progress.close)
        task.signals.error.connect(progress.close)
        task.signals.finished.connect(done)
        task.signals.error.connect(self._report_background)
        self._tasks.add(task.signals)
        task.signals.finished.connect(lambda _r, s=task.signals: self._tasks.discard(s))
        task.signals.error.connect(lambda _e, s=task.signals: self._tasks.discard(s))
        QThreadPool.globalInstance().start(task)

    def _report_background(self, exc: BaseException) -> None:
        if isinstance(exc, DatabaseUnavailable):  # a retry here could only re-raise: just say it
            self.last_error = exc
            self.failed.emit(exc.message)
            QMessageBox.warning(self._parent, self.tr("数据库暂时无法访问"), exc.message)
            return
        self.call(_reraise, exc)


def _reraise(exc: BaseException) -> None:
    raise exc


class _Signals(QObject):
    finished = Signal(object)
    error = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self.signals.error.emit(exc)
        else:
            self.signals.finished.emit(result)
