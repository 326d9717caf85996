"""The source registry: every source across stories, how much rests on each, their
aliases; merge the names of one source, grade a source's reliability, see its claims."""

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.rollups import claim_codes, record_text, track_record
from sourcemark.store.repo import (
    claim_months,
    merge_sources,
    set_reliability,
    source_rows,
    unmerge_sources,
)
from sourcemark.ui.editing import ChoiceDelegate
from sourcemark.ui.models import ID_ROLE, SORT_ROLE
from sourcemark.ui.theme import themed
from sourcemark.ui.wording import counted

GRADES = [("", "— (by type)")] + [(letter, letter) for letter in "ABCDEF"]


class SetGrade(QUndoCommand):
    """A reliability grade on a source or an outlet (``setter`` stores it and returns the
    old one); undo puts the old one back."""

    def __init__(self, setter, row_id: int, text: str, letter: str | None, done):
        super().__init__(text)
        self.setter, self.row_id, self.letter, self.done = setter, row_id, letter, done
        self.old: str | None = None

    def redo(self) -> None:
        self.old = self.setter(self.row_id, self.letter)
        self.done()

    def undo(self) -> None:
        self.setter(self.row_id, self.old)
        self.done()


class MergeSources(QUndoCommand):
    def __init__(self, keep_id: int, keep_name: str, other_ids: list[int], done):
        super().__init__(f"Merge {counted(len(other_ids), 'source')} into “{keep_name}”")
        self.keep_id, self.other_ids, self.done = keep_id, other_ids, done
        self.snapshot: dict | None = None

    def redo(self) -> None:
        self.snapshot = merge_sources(self.keep_id, self.other_ids)
        self.done()

    def undo(self) -> None:
        unmerge_sources(self.snapshot)
        self.done()


class SourcesDialog(QDialog):
    """View ▸ Sources. Edits go through the window's undo stack."""

    COLUMNS = ("Source", "Type", "Grade", "Claims", "Stories", "Outlets", "Also written as")
    NAME, TYPE, GRADE, CLAIMS, STORIES, OUTLETS, ALIASES = range(7)
    showClaims = Signal(int, str)  # source id, name
    changed = Signal()  # a grade or a merge was made or undone

    def __init__(self, undo_stack, parent=None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.setWindowTitle("Sources")
        self.resize(900, 520)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.model.itemChanged.connect(self._item_changed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setObjectName("sourceTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.CLAIMS, Qt.SortOrder.DescendingOrder)  # most relied on first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(self.GRADE, ChoiceDelegate(GRADES, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.ALIASES, QHeaderView.ResizeMode.Stretch)
        for column in (self.TYPE, self.GRADE, self.CLAIMS, self.STORIES, self.OUTLETS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
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
        self._loading = True
        selected = set(self.selected_ids())
        self.model.removeRows(0, self.model.rowCount())
        rows = source_rows()
        codes = claim_codes()
        months = claim_months()
        for row in rows:
            record = record_text(
                track_record([(c, m) for c, _o, s, m in months if s == row.id], codes)
            )
            label = (
                TYPE_LABELS.get(SourcingType(row.type), row.type)
                if row.type in _TYPES
                else row.type
            )
            others = [a for a in row.aliases if a != row.name]
            cells = [
                (row.name, row.name.casefold()),
                (label, label),
                (row.reliability or "—", row.reliability or ""),
                (str(row.claims), row.claims),
                (str(row.stories), row.stories),
                (str(row.outlets), row.outlets),
                ("; ".join(others), "; ".join(others)),
            ]
            items = []
            for column, (text, key) in enumerate(cells):
                item = QStandardItem(text)
                item.setData(row.id, ID_ROLE)
                item.setData(key, SORT_ROLE)
                item.setEditable(column == self.GRADE)
                if column in (self.CLAIMS, self.STORIES, self.OUTLETS):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                items.append(item)
            for item in items:
                item.setToolTip(record)
            items[self.GRADE].setToolTip(
                "Reliability grade (A reliable … F cannot be judged); double-click to set\n\n"
                + record
            )
            self.model.appendRow(items)
        self.count.setText(counted(len(rows), "source"))
        self._loading = False
        if selected:
            self._select(selected)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

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

    def _item_changed(self, item: QStandardItem) -> None:
        if self._loading or item.column() != self.GRADE:
            return
        letter = item.data(Qt.ItemDataRole.EditRole) or None
        name = self.model.item(item.row(), self.NAME).text()
        text = f"Grade “{name}” {letter or 'by its type'}"
        self.undo_stack.push(
            SetGrade(set_reliability, item.data(ID_ROLE), text, letter, self._changed)
        )

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            self.count.setText("Select two or more sources to merge them.")
            return
        rows = {row.id: row for row in source_rows()}
        keep = max(ids, key=lambda i: (rows[i].claims, -i))
        others = [i for i in ids if i != keep]
        self.undo_stack.push(MergeSources(keep, rows[keep].name, others, self._changed))

    def show_claims_of_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            source_id = index.data(ID_ROLE)
            name = self.proxy.index(index.row(), self.NAME).data()
            self.showClaims.emit(source_id, name)

    def _double_clicked(self, index) -> None:
        if index.column() != self.GRADE:
            self.show_claims_of_current()


_TYPES = {t.value for t in SourcingType}
