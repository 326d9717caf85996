"""The source registry: every source across stories, how much rests on each, their
aliases; merge the names of one source, grade a source's reliability, see its claims. An
unnamed source ("critics") is one in an outlet's articles of one story and says where:
"critics (The Ledger · Budget vote)"; a person who knows two are the same merges them."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.store.registry import place_text, set_reliability, source_months, source_rows
from sourcemark.store.rollups import claim_codes, record_text, track_record
from sourcemark.ui.commands.registry import MergeSources
from sourcemark.ui.dialogs.registry import RegistryDialog
from sourcemark.ui.models.roles import ID_ROLE
from sourcemark.ui.theme import themed
from sourcemark.ui.wording import counted


class SourcesDialog(RegistryDialog):
    """View ▸ Sources. Edits go through the window's undo stack."""

    COLUMNS = ("Source", "Type", "Grade", "Claims", "Stories", "Outlets", "Also written as")
    NAME, TYPE, GRADE, CLAIMS, STORIES, OUTLETS, ALIASES = range(7)
    NUMBERS = (CLAIMS, STORIES, OUTLETS)
    showClaims = Signal(int, str)  # source id, name

    def __init__(self, undo_stack, parent=None):
        super().__init__(undo_stack, "Sources", "sourceTable", parent)
        self.resize(900, 520)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table.horizontalHeader().setSectionResizeMode(
            self.ALIASES, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(self._double_clicked)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a source or one of its names")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.count = QLabel()
        self.merge_button = themed(QPushButton("&Merge Selected"), "mdi6.call-merge")
        self.merge_button.setToolTip(
            "Make the selected sources one (the one with most claims keeps its name; the "
            "others become its aliases)"
        )
        self.merge_button.clicked.connect(self.merge_selected)
        self.claims_button = themed(QPushButton("Show &Claims"), "mdi6.format-list-bulleted")
        self.claims_button.clicked.connect(self.show_claims_of_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.merge_button)
        bottom.addWidget(self.claims_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        selected = set(self.selected_ids())
        sources = source_rows()
        codes = claim_codes()
        months_of = source_months()
        rows = []
        for row in sources:
            record = record_text(track_record(months_of.get(row.id, []), codes))
            label = (
                TYPE_LABELS.get(SourcingType(row.type), row.type)
                if row.type in _TYPES
                else row.type
            )
            others = "; ".join(a for a in row.aliases if a != row.name)
            if row.places:
                record = f"{_where(row)}\n\n{record}"
            cells = [
                (row.label, row.label.casefold()),
                (label, label),
                (row.reliability or "—", row.reliability or ""),
                (str(row.claims), row.claims),
                (str(row.stories), row.stories),
                (str(row.outlets), row.outlets),
                (others, others),
            ]
            rows.append((row.id, cells, record))
        self.fill(rows)
        self.count.setText(counted(len(sources), "source"))
        if selected:
            self._select(selected)

    def set_grade(self, row_id: int, letter: str | None) -> str | None:
        return set_reliability(row_id, letter)

    def grade_text(self, name: str, letter: str | None) -> str:
        return f"Grade “{name}” {letter or 'by its type'}"

    def selected_ids(self) -> list[int]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _select(self, ids: set[int]) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) in ids:
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            self.count.setText("Select two or more sources to merge them.")
            return
        rows = {row.id: row for row in source_rows()}
        keep = max(ids, key=lambda i: (rows[i].claims, -i))
        others = [i for i in ids if i != keep]
        self.undo_stack.push(MergeSources(keep, rows[keep].label, others, self._changed))

    def show_claims_of_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            source_id = index.data(ID_ROLE)
            name = self.proxy.index(index.row(), self.NAME).data()
            self.showClaims.emit(source_id, name)

    def _double_clicked(self, index) -> None:
        if index.column() != self.GRADE:
            self.show_claims_of_current()


def _where(row) -> str:
    """Where an unnamed source is one, for its tooltip."""
    places = "; ".join(place_text(outlet, story) for outlet, story in row.places)
    return (
        f"Unnamed: one source in the articles of {places}. The same words in another story "
        "or outlet are another source; merge them if you know they are the same."
    )


_TYPES = {t.value for t in SourcingType}
