"""Edit ▸ Credibility Model Settings: the weights of the story score's five components, the
default letter of each sourcing type, and the thresholds; saved with the database, so that
everyone who opens it, and every export, uses the same."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.scoring import Settings
from sourcemark.scoring.explain import COMPONENT_NAMES, LETTER_MEANINGS, grade_label


class ModelSettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Credibility Model Settings")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "These settings are saved with the database: everyone who opens it, and every "
            "export, uses the same. The score measures how a story is sourced, not whether "
            "it is true."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        weights = QGroupBox("Weights of the story score")
        form = QFormLayout(weights)
        self.weights: dict[str, QDoubleSpinBox] = {}
        for key, name in COMPONENT_NAMES.items():
            spin = QDoubleSpinBox()
            spin.setObjectName(f"weight_{key}")
            spin.setRange(0, 100)
            spin.setDecimals(0)
            spin.setValue(settings.weights[key])
            self.weights[key] = spin
            form.addRow(f"{name}:", spin)

        letters = QGroupBox("Default source letter of each sourcing type")
        letter_form = QFormLayout(letters)
        self.letters: dict[str, QComboBox] = {}
        for type_ in SourcingType:
            combo = QComboBox()
            combo.setObjectName(f"letter_{type_.value}")
            for letter in LETTER_MEANINGS:
                combo.addItem(grade_label(letter), letter)
            combo.setCurrentIndex(combo.findData(settings.letters.get(type_.value, "F")))
            self.letters[type_.value] = combo
            letter_form.addRow(f"{TYPE_LABELS[type_]}:", combo)

        thresholds = QGroupBox("Thresholds")
        threshold_form = QFormLayout(thresholds)
        self.similarity = QSpinBox()
        self.similarity.setRange(50, 100)
        self.similarity.setValue(int(settings.similarity))
        self.similarity.setSuffix(" %")
        self.diverse = QSpinBox()
        self.diverse.setRange(1, 50)
        self.diverse.setValue(settings.diverse_sources)
        self.cap = QSpinBox()
        self.cap.setRange(0, 100)
        self.cap.setValue(settings.anonymous_premise_cap)
        threshold_form.addRow("Same content from (similarity):", self.similarity)
        threshold_form.addRow("Sources for full diversity:", self.diverse)
        threshold_form.addRow("Score cap when the headline is anonymous:", self.cap)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(weights)
        left.addWidget(thresholds)
        columns.addLayout(left)
        columns.addWidget(letters)
        layout.addLayout(columns)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        self.buttons = buttons
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        defaults = Settings()
        for key, spin in self.weights.items():
            spin.setValue(defaults.weights[key])
        for type_, combo in self.letters.items():
            combo.setCurrentIndex(combo.findData(defaults.letters[type_]))
        self.similarity.setValue(int(defaults.similarity))
        self.diverse.setValue(defaults.diverse_sources)
        self.cap.setValue(defaults.anonymous_premise_cap)

    def settings(self) -> Settings:
        settings = Settings()
        settings.weights = {key: spin.value() for key, spin in self.weights.items()}
        settings.letters = {type_: combo.currentData() for type_, combo in self.letters.items()}
        settings.similarity = float(self.similarity.value())
        settings.diverse_sources = self.diverse.value()
        settings.anonymous_premise_cap = self.cap.value()
        return settings
