"""Other people's changes (another window, machine or process) appear by themselves: the
database's revision is looked at every three seconds and on coming back to the app."""

import contextlib

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from sourcemark.store.models import revision, written_here


class ChangesController(QObject):
    """Reloads the window when the database has changes not made here. ``busy`` says
    whether an import runs (no reload then); the window's ``refresh`` reloads, and records
    the revision it shows in ``known_revision``."""

    INTERVAL = 3000  # ms between looks

    def __init__(self, window, busy):
        super().__init__(window)
        self.window = window
        self.busy = busy
        self.known_revision = 0  # the database's revision the window shows
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL)
        self.timer.timeout.connect(self.check_for_changes)

    def start(self) -> None:
        self.timer.start()
        QApplication.instance().applicationStateChanged.connect(self._application_state)

    def stop(self) -> None:
        self.timer.stop()
        with contextlib.suppress(RuntimeError):  # connected once, in start
            QApplication.instance().applicationStateChanged.disconnect(self._application_state)

    def _application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_for_changes()  # back to the app: show what others did meanwhile

    def check_for_changes(self) -> bool:
        """Reload when the database has changes not made here (one small query). Not while
        an import runs, a cell or a story's title is being edited or a dialog waits for an
        answer. Whether it reloaded."""
        window = self.window
        if self.busy() or QApplication.activeModalWidget() is not None:
            return False
        editing = QAbstractItemView.State.EditingState
        if editing in (window.claims.table.state(), window.stories.state()):
            return False  # a cell or a story's title being edited: the reload would end it
        try:
            current = revision()
        except Exception:  # the server is away for a moment: try again at the next tick
            return False
        if current == self.known_revision:
            return False
        if written_here(self.known_revision, current):
            self.known_revision = current
            return False
        selected = window.claims.selected_claim_ids()
        window.refresh()
        window.claims.select_claims(selected)
        window.statusBar().showMessage("Updated with changes made elsewhere.", 5000)
        return True
