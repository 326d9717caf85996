"""Long work off the window's thread: a QRunnable that reports through signals."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


class TaskSignals(QObject):
    progress = Signal(int, object)  # index, per-item result
    finished = Signal(object)  # the task's return value
    errored = Signal(str)


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
            self.signals.errored.emit(f"{type(error).__name__}: {error}")
        else:
            self.signals.finished.emit(result)
