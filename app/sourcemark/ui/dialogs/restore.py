"""Choosing a backup to put in the database's place (File > Restore from Backup, or when
the database cannot be opened)."""

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sourcemark.store.backups import Backup, BackupError, backups_of, restore


class RestoreDialog(QDialog):
    """The backups beside a database, newest first; Restore puts the chosen one in place."""

    def __init__(self, path: Path, damaged: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.damaged = damaged
        self.setWindowTitle("Restore from Backup")
        self.setMinimumWidth(520)
        self.backups = backups_of(path)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Put a backup of <b>{path.name}</b> in its place. The file there now is not "
            "deleted: it is renamed and kept beside the backups."
            + (" It is damaged, so choose the newest backup that opens." if damaged else "")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for backup in self.backups:
            item = QListWidgetItem(backup.describe())
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(f"There are no backups of {path.name} in {path.parent} yet.")
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.backups)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(lambda row: self.restore_button.setEnabled(row >= 0))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if self.backups:
            self.list.setCurrentRow(0)

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def restore_chosen(dialog: RestoreDialog, parent: QWidget | None) -> str | None:
    """Restore the backup chosen in an accepted dialog (the database must be closed). What
    was done, to tell the user (where the replaced file went), or None if nothing was (a
    message box has said why)."""
    backup = dialog.chosen()
    if backup is None:
        return None
    try:
        aside = restore(dialog.path, backup.path, damaged=dialog.damaged)
    except BackupError as error:
        QMessageBox.warning(parent, "Restore from Backup", str(error))
        return None
    done = f"Restored the backup of {backup.taken:%d %b %Y %H:%M}."
    return done + (f" The file it replaced is kept as {aside.name}." if aside else "")
