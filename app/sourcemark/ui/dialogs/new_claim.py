"""Edit > Add Claim: what a passage a person marked in the text rests on."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from sourcemark.analysis.types import SourcingType
from sourcemark.store.rows import source_names
from sourcemark.ui.editing import stance_choices, type_choices
from sourcemark.ui.wording import short


class NewClaimDialog(QDialog):
    """What a marked passage rests on: its source (from the text or the registry), its
    sourcing type and stance."""

    def __init__(self, passage: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("New Claim")
        self.setMinimumWidth(460)
        layout = QFormLayout(self)
        quoted = QLabel(f"“{short(passage, 220)}”")
        quoted.setWordWrap(True)
        quoted.setTextFormat(Qt.TextFormat.PlainText)
        layout.addRow(quoted)
        self.source = QLineEdit()
        self.source.setObjectName("newClaimSource")
        self.source.setPlaceholderText("who it rests on, as written (empty: unattributed)")
        completer = QCompleter(sorted(source_names(), key=str.casefold), self.source)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source.setCompleter(completer)
        self.type = QComboBox()
        self.type.setObjectName("newClaimType")
        for value, label in type_choices():
            self.type.addItem(label, value)
        self.type.setCurrentIndex(self.type.findData(SourcingType.UNATTRIBUTED.value))
        self.stance = QComboBox()
        for value, label in stance_choices():
            self.stance.addItem(label, value)
        # a source typed in makes an unattributed claim attributed: guess a named person
        self.source.textEdited.connect(self._guess_type)
        layout.addRow("&Source:", self.source)
        layout.addRow("&Type:", self.type)
        layout.addRow("S&tance:", self.stance)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _guess_type(self, text: str) -> None:
        unattributed = self.type.currentData() == SourcingType.UNATTRIBUTED.value
        if text.strip() and unattributed:
            self.type.setCurrentIndex(self.type.findData(SourcingType.NAMED_PERSON.value))
        elif not text.strip():
            self.type.setCurrentIndex(self.type.findData(SourcingType.UNATTRIBUTED.value))

    def fields(self) -> dict:
        return {
            "source_mention": self.source.text().strip(),
            "type": self.type.currentData(),
            "stance": self.stance.currentData(),
        }
