"""Unexpected errors: written with their traceback to a rotating log in the data directory
and told to the user once, with where the log is; the app keeps running. (Edits are saved
as they are made, so an error in the window loses nothing already done.)"""

import contextlib
import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from sourcemark import APP_NAME, __version__
from sourcemark.paths import DataDirectoryError, data_dir

LOG_NAME = "sourcemark.log"
LOG_BYTES = 1_000_000  # a file; five older ones are kept beside it
log = logging.getLogger("sourcemark")


def log_path() -> Path:
    return data_dir() / "logs" / LOG_NAME


def start_logging() -> Path | str:
    """Send Sourcemark's log to the rotating file (once); returns its path. Without a data
    folder that can be written, the log goes to the error output, which is returned."""
    if not any(getattr(h, "sourcemark_log", False) for h in log.handlers):
        try:
            path = log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=5,
                                          encoding="utf-8")  # fmt: skip
        except (DataDirectoryError, OSError):
            handler, path = logging.StreamHandler(), "the program's error output"
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.sourcemark_log = True
        handler.where = path
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return next(h.where for h in log.handlers if getattr(h, "sourcemark_log", False))


class ErrorReporter(QObject):
    """sys.excepthook and threading.excepthook while the window runs. The first unexpected
    error of a session is shown in a message box; later ones go to the log and the status
    bar, so a repeating error cannot bury the window under boxes."""

    reported = Signal(str)  # the error's one-line summary, once it is logged
    _from_thread = Signal(str, str)  # summary, traceback: shown on the window's thread

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.path = start_logging()
        self.shown = False
        self.box: QMessageBox | None = None
        self._previous = (sys.excepthook, threading.excepthook)
        self._from_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = lambda args: self.hook(args.exc_type, args.exc_value,
                                                      args.exc_traceback)  # fmt: skip

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def hook(self, kind, error, trace) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        summary = f"{kind.__name__}: {error}".strip()
        with contextlib.suppress(Exception):  # a full disk must not turn one error into two
            log.error("Unexpected error (Sourcemark %s)\n%s", __version__, details)
        if threading.current_thread() is threading.main_thread():
            self._show(summary, details)
        else:
            self._from_thread.emit(summary, details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        self.reported.emit(summary)
        status = getattr(self.window, "statusBar", None)
        if self.shown:
            if status is not None:
                status().showMessage(f"Another unexpected error was logged to {self.path}", 10000)
            return
        self.shown = True
        box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME}: something went wrong",
                          "Sourcemark ran into an unexpected error. What you have done so far "
                          "is saved, and you can keep working.", parent=self.window)  # fmt: skip
        box.setInformativeText(
            f"{summary}\n\nThe details were written to {self.path}. Please include that file "
            "when you report the problem. Further errors this session are only logged."
        )
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.box = box
        box.open()  # not modal to the whole app, and no nested event loop
