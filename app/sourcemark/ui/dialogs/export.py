"""File ▸ Export: what to export (the claims shown, the story, the stories chosen or all),
as CSV files or an Excel workbook, into which folder and under which name. The window
lists the files it will write, marks those already there, and asks before replacing any;
the folder and the byte-order mark are remembered."""

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

CSV, XLSX = "csv", "xlsx"
# what each file holds, by its part of the name: (suffix, what it holds)
FILES = {
    CSV: {"stories": ("-stories.csv", "one row per story"),
          "claims": ("-claims.csv", "one row per claim"),
          "settings": ("-settings.csv", "the model settings")},
    XLSX: {"workbook": (".xlsx", "sheets Stories, Claims and Settings")},
}  # fmt: skip
NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # what a file name may not hold somewhere


class ExportDialog(QDialog):
    """``scopes``: (key, label, file name) of what may be exported, the first chosen; the
    name follows the scope chosen until someone types one. ``chosen_format``: "csv" or
    "xlsx". Accepted only once the folder exists, the name is a name, and replacing the
    files already there has been agreed to (``replace_box`` asks)."""

    def __init__(self, scopes: list[tuple[str, str, str]], chosen_format: str,
                 settings: QSettings, parent=None):  # fmt: skip
        super().__init__(parent)
        self.settings = settings
        self.scope_names = {key: name for key, _label, name in scopes}
        self.replace_box: QMessageBox | None = None
        self.setWindowTitle("Export")
        self.setMinimumWidth(680)  # a story's title as a name, and its files listed a line each
        form = QFormLayout(self)

        self.scopes = QButtonGroup(self)
        scope_column = QVBoxLayout()
        for key, label, _name in scopes:
            button = QRadioButton(label)
            button.setObjectName(f"exportScope_{key}")
            button.setProperty("scope", key)
            self.scopes.addButton(button)
            scope_column.addWidget(button)
        self.scopes.buttons()[0].setChecked(True)
        form.addRow("Export:", scope_column)

        self.csv = QRadioButton("CSV files (for any spreadsheet or program)")
        self.xlsx = QRadioButton("Excel workbook (.xlsx)")
        self.formats = QButtonGroup(self)
        format_column = QVBoxLayout()
        for button in (self.csv, self.xlsx):
            self.formats.addButton(button)
            format_column.addWidget(button)
        (self.xlsx if chosen_format == XLSX else self.csv).setChecked(True)
        self.bom = QCheckBox("Excel-compatible CSV (UTF-8 with BOM)")
        self.bom.setStyleSheet("margin-left: 22px")  # an option of the CSV files, under them
        self.bom.setToolTip(
            "Starts each CSV file with a byte-order mark, so that Excel opened by a double "
            "click reads accents and symbols right (£, é) instead of “Â£”. Other programs "
            "read the files either way."
        )
        self.bom.setChecked(settings.value("export/bom", False, type=bool))
        format_column.addWidget(self.bom)
        form.addRow("Format:", format_column)

        self.folder = QLineEdit(settings.value("export/dir", str(Path.home())))
        self.folder.setObjectName("exportFolder")
        choose = QPushButton("&Choose…")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(self._label("&Folder:", self.folder), folder_row)
        self.name = QLineEdit(scopes[0][2])
        self.name.setObjectName("exportName")
        self.name.setPlaceholderText("the start of each file's name")
        self.name_typed = False
        self.name.textEdited.connect(self._name_typed)
        form.addRow(self._label("&Name:", self.name), self.name)

        self.files = QLabel()
        self.files.setObjectName("exportFiles")
        self.files.setTextFormat(Qt.TextFormat.PlainText)
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Writes:", self.files)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        self.scopes.buttonToggled.connect(self._scope_changed)
        self.formats.buttonToggled.connect(lambda *_: self.show_files())
        self.folder.textChanged.connect(lambda _text: self.show_files())
        self.name.textChanged.connect(lambda _text: self.show_files())
        self.show_files()

    @staticmethod
    def _label(text: str, buddy) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)  # Alt and its letter go to the field (a row of a layout has none)
        return label

    # --- what is chosen ---

    def scope(self) -> str:
        return self.scopes.checkedButton().property("scope")

    def chosen_format(self) -> str:
        return XLSX if self.xlsx.isChecked() else CSV

    def with_bom(self) -> bool:
        return self.chosen_format() == CSV and self.bom.isChecked()

    def stem(self) -> str:
        """The name typed, without a suffix of ours typed after it."""
        name = self.name.text().strip()
        for suffix in (".csv", ".xlsx"):
            if name.lower().endswith(suffix):
                name = name[: -len(suffix)].rstrip()
        for suffix, _what in FILES[CSV].values():
            part = suffix.removesuffix(".csv")  # "bout-stories" typed: the files of "bout"
            if name.lower().endswith(part):
                name = name[: -len(part)]
        return name

    def targets(self) -> dict[str, Path]:
        """The files to write, by what they hold ("stories", "claims", "settings" or
        "workbook")."""
        folder = Path(self.folder.text().strip()).expanduser()
        stem = self.stem()
        return {part: folder / (stem + suffix)
                for part, (suffix, _what) in FILES[self.chosen_format()].items()}  # fmt: skip

    def existing(self) -> list[Path]:
        return [path for path in self.targets().values() if path.exists()]

    # --- showing it ---

    def _scope_changed(self, _button, checked: bool) -> None:
        if checked and not self.name_typed:
            self.name.setText(self.scope_names[self.scope()])

    def _name_typed(self, _text: str) -> None:
        self.name_typed = True

    def show_files(self) -> None:
        self.bom.setEnabled(self.chosen_format() == CSV)
        problem = self.problem_found()
        self.export_button.setEnabled(not problem)
        if problem:
            self.files.setText(problem)
            return
        targets = self.targets()
        parts = FILES[self.chosen_format()]
        folder = next(iter(targets.values())).parent
        lines = [f"In {folder}:"] + [
            f"• {targets[part].name} ({parts[part][1]})"
            + (" — already there: asked before replacing it" if targets[part].exists() else "")
            for part in parts
        ]  # fmt: skip
        self.files.setText("\n".join(lines))
        self.adjustSize()  # as tall as the list: shorter for one workbook than three files

    def problem_found(self) -> str:
        """Why nothing can be written as chosen ("" when it can)."""
        stem = self.stem()
        if not stem:
            return "Give the files a name."
        if NOT_IN_NAMES.search(stem) or stem in {".", ".."}:
            return 'A name may not hold / \\ : * ? " < > |.'
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip() or not folder.is_dir():
            return "Choose a folder that exists."
        return ""

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Export to Folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    # --- accepting ---

    def accept(self) -> None:
        if self.problem_found():  # said where the files are listed; Export is greyed
            return
        existing = self.existing()
        if not existing:
            self._done()
            return
        names = "\n".join(f"• {path.name}" for path in existing)
        one = len(existing) == 1
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace Files?",
            f"{'This file is' if one else 'These files are'} already in {existing[0].parent}:"
            f"\n\n{names}\n\nReplace {'it' if one else 'them'} with the export?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText("&Replace")
        box.button(QMessageBox.StandardButton.No).setText("&Keep Them" if not one else "&Keep It")
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.replace_box = box
        box.finished.connect(lambda _result: self._answered(box))
        box.open()

    def _answered(self, box: QMessageBox) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._done()  # No (or Escape) leaves the files, and this window open

    def _done(self) -> None:
        self.settings.setValue("export/dir", str(Path(self.folder.text().strip()).expanduser()))
        if self.chosen_format() == CSV:
            self.settings.setValue("export/bom", self.bom.isChecked())
        super().accept()
