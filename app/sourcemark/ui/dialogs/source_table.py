"""The rows of View ▸ Sources as a table model over plain rows (store.registry.SourceRow):
Qt asks for the cells on screen only, and a source's track record is read when its tooltip
is shown. Tens of thousands of sources (unnamed ones are one per outlet and story) open at
once. It sorts itself; SourceFilter finds a text in any of a row's cells."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.scoring.explain import LETTER_MEANINGS, grade_label
from sourcemark.store.registry import SourceRow, place_text, source_track_record
from sourcemark.store.rollups import record_text
from sourcemark.ui.models.roles import ID_ROLE, SORT_ROLE, Index
from sourcemark.ui.wording import plain_tip

COLUMNS = ("Source", "Type", "Grade", "Claims", "Stories", "Outlets", "Also written as")
NAME, TYPE, GRADE, CLAIMS, STORIES, OUTLETS, ALIASES = range(len(COLUMNS))
NUMBERS = (CLAIMS, STORIES, OUTLETS)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TYPES = {t.value for t in SourcingType}


class SourceTableModel(QAbstractTableModel):
    """One row a source. A grade chosen in the Grade column is not stored here: it is
    announced (``gradeChosen``) for the dialog to store through its undo stack."""

    gradeChosen = Signal(int, str, object)  # source id, its label, letter (None: by type)

    def __init__(self, grade_hint: str, parent=None):
        super().__init__(parent)
        self.grade_hint = grade_hint
        self._rows: list[SourceRow] = []
        self._row_of: dict[int, int] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # a row's cells, once asked for
        self._found: dict[int, str] = {}  # a row's cells as found in, once asked for
        self._records: dict[int, str] = {}  # a source's tooltip, once shown
        self._sorted = (CLAIMS, Qt.SortOrder.DescendingOrder)

    # what the dialog asks

    def set_rows(self, rows: list[SourceRow]) -> None:
        """Every row anew (after a merge, its undo, or when shown again), in the order
        chosen."""
        self.beginResetModel()
        self._rows = rows
        self._texts.clear()
        self._found.clear()
        self._records.clear()
        self._order()
        self.endResetModel()

    def set_grade(self, source_id: int, letter: str | None) -> None:
        """One source's grade changed: its row shows it; its track record is read again
        (its claims' codes moved)."""
        row = self._row_of.get(source_id)
        if row is None:
            return
        self._rows[row].reliability = letter
        self._texts.pop(source_id, None)
        self._found.pop(source_id, None)
        self._records.pop(source_id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if self._sorted[0] == GRADE:
            self.sort(*self._sorted)

    def source_row(self, row: int) -> SourceRow:
        return self._rows[row]

    def row_of(self, source_id: int) -> int | None:
        return self._row_of.get(source_id)

    def find_text(self, row: int) -> str:
        """Every cell of a row as shown, in lower case, for finding."""
        source = self._rows[row]
        text = self._found.get(source.id)
        if text is None:
            text = self._found[source.id] = "\n".join(self._cells(source)).casefold()
        return text

    # Qt's side

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.column() == GRADE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        source = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(source)[column]
        if role == Qt.ItemDataRole.EditRole:
            return source.reliability or "" if column == GRADE else self._cells(source)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            record = self._record(source)
            return plain_tip(f"{self.grade_hint}\n\n{record}" if column == GRADE else record)
        if role == ID_ROLE:
            return source.id
        if role == SORT_ROLE:
            return _sort_key(source, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return RIGHT
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != GRADE:
            return False
        source = self._rows[index.row()]
        letter = value or None
        if letter != source.reliability:
            self.gradeChosen.emit(source.id, source.label, letter)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._order()
        self.changePersistentIndexList(
            before,
            [
                self.index(self._row_of[i], index.column())
                for i, index in zip(ids, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _order(self) -> None:
        column, order = self._sorted
        # ties keep the order of most claims first, then the name
        self._rows.sort(key=lambda row: (-row.claims, row.name.casefold()))
        self._rows.sort(
            key=lambda row: _sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._row_of = {row.id: position for position, row in enumerate(self._rows)}

    def _cells(self, source: SourceRow) -> tuple[str, ...]:
        cells = self._texts.get(source.id)
        if cells is None:
            letter = source.reliability
            cells = (
                source.label,
                TYPE_LABELS.get(SourcingType(source.type), source.type)
                if source.type in _TYPES
                else source.type,
                grade_label(letter) if letter in LETTER_MEANINGS else "—",
                str(source.claims),
                str(source.stories),
                str(source.outlets),
                "; ".join(a for a in source.aliases if a != source.name),
            )
            self._texts[source.id] = cells
        return cells

    def _record(self, source: SourceRow) -> str:
        record = self._records.get(source.id)
        if record is None:
            record = record_text(source_track_record(source.id))
            if source.places:
                record = f"{_where(source)}\n\n{record}"
            self._records[source.id] = record
        return record


class SourceFilter(QSortFilterProxyModel):
    """The rows with a text in any of their cells (case aside), in the model's own order:
    sorting is the model's, done once in Python rather than by comparing cells through
    Qt."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        changing = getattr(self, "beginFilterChange", None)  # Qt 6.9+; invalidateFilter before
        if changing is not None:
            changing()
        self._needle = text.casefold()
        if changing is not None:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        return not self._needle or self._needle in self.sourceModel().find_text(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


def _sort_key(source: SourceRow, column: int):
    if column == NAME:
        return source.label.casefold()
    if column == TYPE:
        return (
            TYPE_LABELS.get(SourcingType(source.type), source.type)
            if source.type in _TYPES
            else source.type
        )
    if column == GRADE:
        return source.reliability or ""
    if column == CLAIMS:
        return source.claims
    if column == STORIES:
        return source.stories
    if column == OUTLETS:
        return source.outlets
    return "; ".join(a for a in source.aliases if a != source.name)


def _where(source: SourceRow) -> str:
    """Where an unnamed source is one, for its tooltip."""
    places = "; ".join(place_text(outlet, story) for outlet, story in source.places)
    return (
        f"Unnamed: one source in the articles of {places}. The same words in another story "
        "or outlet are another source; merge them if you know they are the same."
    )
