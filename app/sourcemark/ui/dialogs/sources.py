"""The source registry: every source across stories, how much rests on each, their
aliases; merge the names of one source, grade a source's reliability, see its claims. An
unnamed source ("critics") is one in an outlet's articles of one story and says where:
"critics (The Ledger · Budget vote)"; a person who knows two are the same merges them."""

from functools import partial

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from sourcemark.store.models import Source
from sourcemark.store.registry import set_reliability, source_rows
from sourcemark.ui.commands.registry import MergeSources, SetGrade
from sourcemark.ui.dialogs import source_table
from sourcemark.ui.dialogs.registry import GRADE_HINT, RegistryDialog
from sourcemark.ui.dialogs.source_table import SourceFilter, SourceTableModel
from sourcemark.ui.models.roles import ID_ROLE
from sourcemark.ui.theme import themed
from sourcemark.ui.wording import counted


class SourcesDialog(RegistryDialog):
    """View ▸ Sources. Edits go through the window's undo stack."""

    COLUMNS = source_table.COLUMNS
    NAME, TYPE, GRADE, CLAIMS, STORIES, OUTLETS, ALIASES = range(len(COLUMNS))
    NUMBERS = source_table.NUMBERS
    showClaims = Signal(int, str)  # source id, name

    def __init__(self, undo_stack, parent=None):
        super().__init__(undo_stack, "Sources", "sourceTable", parent)
        self.resize(900, 520)
        # a model over plain rows in place of the items the Outlets window has: one item a
        # cell for tens of thousands of sources took seconds to make
        items, item_filter, item_selection = self.model, self.proxy, self.table.selectionModel()
        self.model = SourceTableModel(GRADE_HINT, self)
        self.model.gradeChosen.connect(self._grade_chosen)
        self.proxy = SourceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        for unused in (item_selection, item_filter, items):
            unused.deleteLater()
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)  # fitted to the rows in view, not 1,000 rows
        widest = header.sectionSize(self.GRADE)
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (self.NAME, self.ALIASES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.GRADE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(self.GRADE, widest)
        self.table.sortByColumn(self.CLAIMS, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._double_clicked)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a source or one of its names")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
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
        """Every source read again; the selection and the current row kept."""
        selected = set(self.selected_ids())
        current = self.table.currentIndex()
        current_id, column = (
            (current.data(ID_ROLE), current.column()) if current.isValid() else (None, 0)
        )
        rows = source_rows()
        self.model.set_rows(rows)
        self.count.setText(counted(len(rows), "source"))
        if current_id is not None:
            index = self._index_of(current_id, column)
            if index.isValid():
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate
                )
        if selected:
            self._select(selected)

    def set_grade(self, row_id: int, letter: str | None) -> str | None:
        return set_reliability(row_id, letter)

    def grade_text(self, name: str, letter: str | None) -> str:
        return f"Grade “{name}” {letter or 'by its type'}"

    def selected_ids(self) -> list[int]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _index_of(self, source_id: int, column: int = 0):
        row = self.model.row_of(source_id)
        if row is None:
            return self.proxy.index(-1, -1)
        return self.proxy.mapFromSource(self.model.index(row, column))

    def _select(self, ids: set[int]) -> None:
        selection = QItemSelection()
        for source_id in ids:
            index = self._index_of(source_id)
            if index.isValid():
                selection.select(index, index)
        self.table.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _grade_chosen(self, source_id: int, name: str, letter: str | None) -> None:
        text = self.grade_text(name, letter)
        graded = partial(self._graded, source_id)
        self.undo_stack.push(SetGrade(self.set_grade, source_id, text, letter, graded))

    def _graded(self, source_id: int) -> None:
        """A grade set or undone: that source's row follows; nothing else moved."""
        source = Source.get_or_none(Source.id == source_id)
        if source is not None:
            self.model.set_grade(source_id, source.reliability)
        self.changed.emit()

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            self.count.setText("Select two or more sources to merge them.")
            return
        rows = {i: self.model.source_row(self.model.row_of(i)) for i in ids}
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
