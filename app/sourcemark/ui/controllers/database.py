"""The database the window works in: connecting to another, showing which one it is (and
whether it can be written), telling what it refused (a lasting failure once), today's
backup and restoring one."""

from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox

from sourcemark import APP_NAME
from sourcemark.store import StoreError, describe
from sourcemark.ui.worker import Task


class DatabaseController(QObject):
    """The window's database. Shows it in the window's title and ``db_label``; on a switch
    it asks the window to forget what belonged to the other one (``forget_database``) and
    to ``refresh``; ``busy`` says whether an import runs (nothing is switched or restored
    then)."""

    backup_done = Signal(object)  # today's backup's path, or None (one existed, or it failed)

    def __init__(self, window, url: str, settings: QSettings, pool: QThreadPool, busy):
        super().__init__(window)
        self.window = window
        self.url = url
        self.settings = settings
        self.pool = pool
        self.busy = busy
        self.explained: set[type] = set()  # failures of the whole database, told once
        self.problem_box: QMessageBox | None = None
        self.backup_task: Task | None = None
        self.backup_box: QMessageBox | None = None
        self.connect_dialog = None
        self.restore_dialog = None
        self.restored_box: QMessageBox | None = None

    # -- which database -----------------------------------------------------------------------

    def connect_database(self) -> None:
        from sourcemark.ui.dialogs.connect import ConnectDialog

        dialog = ConnectDialog(self.url, self.window)
        self.connect_dialog = dialog

        def chosen() -> None:
            self.switch_database(dialog.url(), dialog.address(), dialog.remember.isChecked())

        dialog.accepted.connect(chosen)
        dialog.open()

    def switch_database(self, url: str, address: str | None = None, keep_password=False) -> bool:
        """Work in another database from now on (remembered for the next start, without its
        password, which goes to the keyring if asked). The current one stays open when the
        other cannot be opened. Whether it switched."""
        from sourcemark.store.credentials import save_password, split_password
        from sourcemark.store.db import open_instead

        window = self.window
        if self.busy():
            QMessageBox.information(window, "Connect to Database",
                                    "Wait for the import to finish first.")  # fmt: skip
            return False
        try:
            open_instead(url)
        except StoreError as error:
            QMessageBox.warning(window, "Cannot connect", str(error))
            return False
        address, password = address or split_password(url)[0], split_password(url)[1]
        self.settings.setValue("database/url", address)
        if keep_password and password:
            save_password(address, password)
        self.url = url
        self.explained.clear()
        self.show_database()
        window.forget_database()  # its undo steps and dialogs belong to the other database
        window.refresh()
        window.statusBar().showMessage(f"Connected to {describe(url)}", 5000)
        window.imports.finish_corroboration()  # what an import cut short left to find
        return True

    def show_database(self) -> None:
        """The database in the title and the status bar, marked when it is read-only."""
        from sourcemark.store.db import is_read_only

        window = self.window
        where = describe(self.url)
        if is_read_only():
            where += " (read-only)"
            window.db_label.setToolTip(
                "The database in use. It cannot be written (the file, its folder or its disk "
                "is read-only): browse and export it; changes and imports are not possible."
            )
        else:
            window.db_label.setToolTip("The database in use")
        window.setWindowTitle(f"{APP_NAME} — {where}")
        window.db_label.setText(where)
        window.update_actions()

    def store_problem(self, message: str, error: Exception | None = None) -> None:
        """An edit the database could not take (busy, gone, full, read-only, damaged): told,
        and nothing changed. A database that cannot be written at all is explained once;
        later refusals go to the status bar."""
        from sourcemark.store.db import DamagedDatabase, DiskFull, ReadOnlyDatabase

        self.window.statusBar().showMessage(message, 15000)
        lasting = isinstance(error, DamagedDatabase | ReadOnlyDatabase | DiskFull)
        if lasting and type(error) in self.explained:
            return
        if lasting:
            self.explained.add(type(error))
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", message, parent=self.window)
        if isinstance(error, DamagedDatabase) and error.path is not None:
            restore = box.addButton("Restore from Backup…", QMessageBox.ButtonRole.AcceptRole)
            restore.clicked.connect(lambda: self.restore_backup(damaged=True))
        box.addButton(QMessageBox.StandardButton.Close)
        self.problem_box = box
        box.open()

    # -- backups ------------------------------------------------------------------------------

    def start_daily_backup(self) -> None:
        """Today's backup of an SQLite database, on the worker, if it has none yet (checked
        first: a damaged database is reported, with the offer to restore a backup)."""
        from sourcemark.store.backups import BackupError, daily_backup
        from sourcemark.store.db import DamagedDatabase, is_read_only, sqlite_path

        path = sqlite_path(self.url)
        if path is None or is_read_only():  # nothing can be written beside it either
            return
        task = Task(lambda progress, cancelled: daily_backup(path))
        self.backup_task = task

        def done(made) -> None:
            self.backup_task = None
            if made is not None:
                self.window.statusBar().showMessage(f"Today's backup: {made.name}", 5000)
            self.backup_done.emit(made)

        def failed(error: Exception) -> None:
            self.backup_task = None
            self.backup_done.emit(None)
            known = isinstance(error, BackupError)
            message = str(error) if known else f"No backup was taken: {error}"
            if known and error.damaged:  # the damage is told once, by whichever finds it first
                if DamagedDatabase in self.explained:
                    self.window.statusBar().showMessage(message, 15000)
                    return
                self.explained.add(DamagedDatabase)
            box = QMessageBox(QMessageBox.Icon.Warning, "Backup", message, parent=self.window)
            if known and error.damaged:
                box.setInformativeText(
                    "Keep working only if you must: restore a backup with File ▸ Restore "
                    "from Backup. The damaged file will be kept beside it."
                )
                restore = box.addButton("Restore from Backup…", QMessageBox.ButtonRole.AcceptRole)
                restore.clicked.connect(lambda: self.restore_backup(damaged=True))
            box.addButton(QMessageBox.StandardButton.Close)
            self.backup_box = box
            box.open()

        task.signals.finished.connect(done)
        task.signals.failed.connect(failed)
        self.pool.start(task)

    def restore_backup(self, damaged: bool = False) -> None:
        """File > Restore from Backup: choose one of the database's backups to put in its
        place; the file it replaces is kept beside it."""
        from sourcemark.store.db import sqlite_path
        from sourcemark.ui.dialogs.restore import RestoreDialog

        path = sqlite_path(self.url)
        if path is None:
            QMessageBox.information(self.window, "Restore from Backup",
                                    "Sourcemark keeps backups of database files (SQLite). A "
                                    "database server is backed up by its administrator, for "
                                    "example with pg_dump.")  # fmt: skip
            return
        if self.busy():
            QMessageBox.information(self.window, "Restore from Backup",
                                    "Wait for the import to finish first.")  # fmt: skip
            return
        dialog = RestoreDialog(path, damaged=damaged, parent=self.window)
        self.restore_dialog = dialog
        dialog.accepted.connect(lambda: self._restore(dialog))
        dialog.open()

    def _restore(self, dialog) -> None:
        from sourcemark.store import close_database
        from sourcemark.ui.dialogs.restore import restore_chosen

        self.pool.waitForDone(30_000)  # counts, scores and backups on the worker first
        close_database()
        message = restore_chosen(dialog, self.window)
        if self.switch_database(self.url) and message:
            self.window.statusBar().showMessage(message, 15000)
            box = QMessageBox(QMessageBox.Icon.Information, "Restore from Backup", message,
                              parent=self.window)  # fmt: skip
            self.restored_box = box
            box.open()
