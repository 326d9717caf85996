"""Long work off the window's thread: a QRunnable that reports through signals.

An error in a task is never silent: its traceback goes to the app's log, and it goes to
the listeners of ``failed``/``errored``, or, when nobody listens, to the error reporter
(sys.excepthook) as any unexpected error does."""

import contextlib
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SIGNAL, QObject, QRunnable, Signal

log = logging.getLogger("sourcemark.worker")


class TaskSignals(QObject):
    progress = Signal(int, object)  # index, per-item result
    finished = Signal(object)  # the task's return value
    errored = Signal(str)  # "ErrorType: message"
    failed = Signal(object)  # the exception itself, for listeners that tell errors apart


class Task(QRunnable):
    """Runs ``fn(progress, cancelled)`` on the pool; the UI listens to ``signals``."""

    def __init__(self, fn: Callable[[Callable[[int, Any], None], Callable[[], bool]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self._cancelled = False
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancelled = True

    def handled(self) -> bool:
        """Whether anyone listens for this task's errors."""
        signals = self.signals
        return bool(signals.receivers(SIGNAL("failed(PyObject)"))
                    or signals.receivers(SIGNAL("errored(QString)")))  # fmt: skip

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, lambda: self._cancelled)
        except Exception as error:  # reported to the window, which keeps running
            if self.handled():
                log.error("a background task failed", exc_info=error)  # the caller tells
                self.signals.failed.emit(error)
                self.signals.errored.emit(f"{type(error).__name__}: {error}")
            else:  # logged and shown by the error reporter
                sys.excepthook(type(error), error, error.__traceback__)
        else:
            self.signals.finished.emit(result)
        finally:
            _close_connection()


def _close_connection() -> None:
    """Close this thread's database connection: a pool thread that keeps one may keep a
    half-read query with it, and SQLite would then show that thread the database as it was
    then, not as it is when the thread's next task reads it."""
    from sourcemark.store.models import database_proxy

    database = database_proxy.obj
    if database is not None and not database.is_closed():
        with contextlib.suppress(Exception):  # a transaction left open: it stays as it was
            database.close()
