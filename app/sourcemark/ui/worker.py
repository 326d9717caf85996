"""Long work off the window's thread: a QRunnable that reports through signals."""

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


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

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, lambda: self._cancelled)
        except Exception as error:  # reported to the window, which keeps running
            self.signals.failed.emit(error)
            self.signals.errored.emit(f"{type(error).__name__}: {error}")
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
