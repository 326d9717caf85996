"""The claims table: the claims of a story, or of the archive a page at a time, and the
proxy that searches, filters and sorts them."""

from collections import Counter
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from sourcemark.analysis.types import ANONYMOUS_TYPES, TYPE_LABELS, SourcingType, Stance
from sourcemark.store import browse
from sourcemark.store.models import Claim
from sourcemark.ui.models.claim_rows import ClaimRow, code_explanation, grade_rows
from sourcemark.ui.models.roles import ID_ROLE, SORT_ROLE, Index
from sourcemark.ui.theme import type_swatch
from sourcemark.ui.wording import plain_tip


class ClaimTableModel(QAbstractTableModel):
    """The claims of a story. Editable: a change a person makes is not written here but
    asked for through ``editRequested`` (claim id, {field: value}); the window turns it into
    an undoable command, which saves it and updates this model through ``refresh_rows``."""

    # Story and Outlet shown beside the claim, Certainty beside the code, wherever they stand
    # in the model (ui/panels/claim_columns.py)
    COLUMNS = ("Claim", "Source", "Type", "Stance", "Code", "Note", "Story", "Outlet",
               "Certainty")  # fmt: skip
    TEXT, SOURCE, TYPE, STANCE, CODE, NOTE, STORY, OUTLET, CERTAINTY = range(9)
    REVIEWED = TEXT  # the reviewed box stands before the claim's text, like a to-do list
    FIELDS: ClassVar[dict[int, str]] = {
        SOURCE: "source_mention",
        TYPE: "type",
        STANCE: "stance",
        NOTE: "note",
    }
    editRequested = Signal(int, dict)

    PAGE = 200  # claims read at a time in the archive

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ClaimRow] = []
        self._versions: dict[int, int] = {}  # the version of every claim this model has read
        # the archive's claims a query finds, read a page at a time as the view scrolls (None:
        # the claims given to set_claims, all held)
        self._query: browse.ClaimQuery | None = None
        self._more = False  # whether the query finds claims not read yet

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        if index.column() in self.FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == self.REVIEWED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = self._rows[index.row()], index.column()
        if column == self.REVIEWED and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if checked != row.reviewed:
                self.editRequested.emit(row.id, {"reviewed": checked})
            return True
        if role != Qt.ItemDataRole.EditRole or column not in self.FIELDS:
            return False
        field = self.FIELDS[column]
        current = {"source_mention": row.source, "type": row.type, "stance": row.stance,
                   "note": row.note}[field]  # fmt: skip
        value = value.strip() if isinstance(value, str) else value
        if value != current:
            self.editRequested.emit(row.id, {field: value})
        return True

    def refresh_rows(self, claims: list[Claim]) -> None:
        """Show the stored state of these claims (after an edit or its undo)."""
        if self._query is not None:
            self.reread_rows()  # grades read as stored: others' flags may have changed too
            return
        for claim in claims:
            index = self.row_of(claim.id)
            self._versions[claim.id] = claim.version
            if index >= 0:
                self._rows[index] = ClaimRow.of(claim)
        grade_rows(self._rows)  # one claim's change may change others' flags
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_claims(self, claims: list[Claim]) -> None:
        self.beginResetModel()
        self._query, self._more = None, False
        self._rows = [ClaimRow.of(claim) for claim in claims]
        self._versions.update((row.id, row.version) for row in self._rows)
        grade_rows(self._rows)
        self.endResetModel()

    # -- the archive, a page at a time ---------------------------------------------------------

    def set_query(self, query: browse.ClaimQuery, at_least: int = 0) -> None:
        """Show the archive's claims this query finds: its first page (or as many pages as
        hold ``at_least`` rows); canFetchMore/fetchMore read on as the view scrolls."""
        self.beginResetModel()
        self._query = query
        wanted = max(self.PAGE, at_least)
        self._rows = [ClaimRow.stored(row) for row in browse.claim_page(query, 0, wanted)]
        self._more = len(self._rows) == wanted
        self._versions.update((row.id, row.version) for row in self._rows)
        self.endResetModel()

    def query(self) -> browse.ClaimQuery | None:
        """The query whose claims are shown (None: the claims of one story)."""
        return self._query

    def reload(self) -> None:
        """Read the query's claims again (after changes elsewhere), as many as were read."""
        if self._query is not None:
            self.set_query(self._query, at_least=len(self._rows))

    def reread_rows(self) -> None:
        """Read the rows shown again, in place: their stored grades and fields."""
        stored = browse.claim_rows([row.id for row in self._rows])
        for index, row in enumerate(self._rows):
            if row.id in stored:
                self._rows[index] = ClaimRow.stored(stored[row.id])
                self._versions[row.id] = self._rows[index].version
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._query is None:
            return
        page = [ClaimRow.stored(row)
                for row in browse.claim_page(self._query, len(self._rows), self.PAGE)]  # fmt: skip
        self._more = len(page) == self.PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows += page
            self._versions.update((row.id, row.version) for row in page)
            self.endInsertRows()

    def read_through(self, claim_id: int) -> int:
        """Read pages until this claim is among the rows (when the query finds it); its row,
        or -1."""
        row = self.row_of(claim_id)
        if row >= 0 or self._query is None or not self._more:
            return row
        where = browse.position(self._query, claim_id)
        while where is not None and self._more and len(self._rows) <= where:
            self.fetchMore()
        return self.row_of(claim_id)

    def article_rows(self, article_id: int) -> list[ClaimRow]:
        """The claims of one article (to highlight it): those held, or in the archive, as
        stored."""
        if self._query is None:
            return [row for row in self._rows if row.article_id == article_id]
        return [ClaimRow.stored(row) for row in browse.article_claim_rows(article_id)]

    def known_version(self, claim_id: int) -> int | None:
        """The version of a claim as this model last read it (None: never read)."""
        return self._versions.get(claim_id)

    def claim_at(self, row: int) -> ClaimRow:
        return self._rows[row]

    def rows(self) -> list[ClaimRow]:
        return list(self._rows)

    def row_of(self, claim_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == claim_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return {self.SOURCE: row.source, self.TYPE: row.type, self.STANCE: row.stance,
                    self.NOTE: row.note}.get(column, self._display(row, column))  # fmt: skip
        if role == Qt.ItemDataRole.CheckStateRole and column == self.REVIEWED:
            return Qt.CheckState.Checked if row.reviewed else Qt.CheckState.Unchecked
        if role == SORT_ROLE:
            if column == self.CERTAINTY:  # the least certain first, a person's claims last
                return 2.0 if row.confidence is None else row.confidence
            return row.start if column == self.TEXT else self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CERTAINTY:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.DecorationRole and column == self.TYPE:
            return type_swatch(row.type)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tooltip(row, column))
        if role == Qt.ItemDataRole.FontRole:
            return _font(bold=column == self.TEXT and row.premise,
                         italic=row.unreviewed_proposal)  # fmt: skip
        if role == Qt.ItemDataRole.ForegroundRole and row.unreviewed_proposal:
            return proposal_colour()
        return None

    def _display(self, row: ClaimRow, column: int) -> str:
        if column == self.TEXT:
            return " ".join(row.text.split())
        if column == self.SOURCE:
            return row.source
        if column == self.TYPE:
            return (
                TYPE_LABELS.get(SourcingType(row.type), row.type)
                if row.type in _TYPES
                else row.type
            )
        if column == self.STANCE:
            return Stance(row.stance).label if row.stance in _STANCES else row.stance
        if column == self.NOTE:
            return " ".join(row.note.split())
        if column == self.STORY:
            return row.story_title
        if column == self.OUTLET:
            return row.outlet or ""
        if column == self.CERTAINTY:
            return certainty(row)
        return row.code

    def _tooltip(self, row: ClaimRow, column: int) -> str:
        if column == self.TEXT:
            premise = "\n(carries the headline)" if row.premise else ""
            return row.text + premise + "\n" + review_state(row)
        if column == self.SOURCE and row.source_resolved and row.source_resolved != row.source:
            return f"{row.source} refers to {row.source_resolved}"
        if column == self.SOURCE and row.cue:
            return f"{row.source} — cue: “{row.cue}”"
        if column == self.NOTE and row.note:
            return row.note
        if column == self.CODE:
            return "\n".join(code_explanation(row))
        if column in (self.STORY, self.OUTLET):
            return self._display(row, column) or None
        if column == self.CERTAINTY:
            return certainty_tip(row)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and section == self.CERTAINTY
                and role == Qt.ItemDataRole.ToolTipRole):  # fmt: skip
            return plain_tip(CERTAINTY_MEANS)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None


CERTAINTY_MEANS = (
    "How sure the analyzer was of the claim's source and type, from the evidence it found "
    "(a named source with a cue beside the quotation: near 100%; a pronoun or a quotation "
    "continued from a paragraph before: less). Sorted, the least certain come first: review "
    "those first. A claim a person made has none."
)


def certainty(row: ClaimRow) -> str:
    """The analyzer's confidence in a claim as a percentage (empty: a person's claim)."""
    return "" if row.confidence is None else f"{round(row.confidence * 100)}%"


def certainty_tip(row: ClaimRow) -> str:
    if row.confidence is None:
        return "Made by a person: the analyzer gave it no certainty"
    return f"The analyzer was {certainty(row)} sure of its source and type"


def review_state(row: ClaimRow, keys: bool = True) -> str:
    """Who stands behind a claim: the analyzer alone, or a person (``keys``: and the key
    that marks it reviewed)."""
    if row.reviewed:
        return "Reviewed"
    key = " (Space marks it reviewed)" if keys else ""
    if row.unreviewed_proposal:
        return "Proposed by the analyzer, not reviewed yet" + key
    return "Made or changed by a person, not marked reviewed yet" + key


def _font(bold: bool, italic: bool) -> QFont | None:
    if not bold and not italic:
        return None
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


def proposal_colour() -> QColor:
    """The text of a claim nobody has looked at yet: a third of the way from the text's
    colour to the background's, readable in either theme but plainly quieter."""
    palette = QGuiApplication.palette()
    key = palette.cacheKey()  # asked for every cell painted: mixed once for each palette
    if key not in _quiet:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        _quiet[key] = QColor.fromRgbF(*(t + (b - t) * 0.35 for t, b in
                                        zip(text.getRgbF()[:3], base.getRgbF()[:3],
                                            strict=True)))  # fmt: skip
    return _quiet[key]


_quiet: dict[int, QColor] = {}


_TYPES = {t.value for t in SourcingType}
_STANCES = {s.value for s in Stance}


class ClaimFilterProxy(QSortFilterProxyModel):
    """Text search over claim text and source, case-insensitive, and filters by sourcing
    type, stance, review and flag (several values of each: a claim holding any of them) and
    anonymity; sorts by the sort role. When its model shows the
    archive (ClaimTableModel.set_query), the search, filters and order are the database's
    to apply: they are handed to the model as a query, and this proxy passes rows through."""

    # what each column sorts the archive by (None: reading order, as the claim column does
    # within a story)
    ORDERS: ClassVar[dict[int, str | None]] = {
        ClaimTableModel.TEXT: None,
        ClaimTableModel.SOURCE: "source",
        ClaimTableModel.TYPE: "type",
        ClaimTableModel.STANCE: "stance",
        ClaimTableModel.CODE: "code",
        ClaimTableModel.NOTE: "note",
        ClaimTableModel.STORY: "story",
        ClaimTableModel.OUTLET: "outlet",
        ClaimTableModel.CERTAINTY: "confidence",
    }

    SEARCHED = (ClaimTableModel.TEXT, ClaimTableModel.SOURCE, ClaimTableModel.TYPE,
                ClaimTableModel.STANCE, ClaimTableModel.CODE, ClaimTableModel.NOTE)  # fmt: skip

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        # the filters of several values: a claim holding any of the values given (none: any)
        self.type_filter: tuple[str, ...] = ()
        self.stance_filter: tuple[str, ...] = ()
        self.flag_filter: tuple[str, ...] = ()
        self.reviewed_filter: bool | None = None
        self.anonymous_only = False
        self.source_filter: int | None = None  # the claims of one registry source
        self.search_text = ""
        self._all_values = False  # while counting each filter's values (story_cube)
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._source_reset)  # after the proxy's own handling

    def _archive(self) -> ClaimTableModel | None:
        model = self.sourceModel()
        return model if model is not None and model.query() is not None else None

    def archive_query(self) -> browse.ClaimQuery:
        """The search, filters and order as a query of the whole archive."""
        column, order = self._sort
        return browse.ClaimQuery(
            type=self.type_filter, stance=self.stance_filter, reviewed=self.reviewed_filter,
            anonymous_only=self.anonymous_only, source_id=self.source_filter,
            flag=self.flag_filter, search=self.search_text, order=self.ORDERS.get(column),
            descending=order == Qt.SortOrder.DescendingOrder,
        )  # fmt: skip

    def show_archive(self) -> None:
        """Show the archive's claims that the search and filters find, in the chosen order."""
        self.sourceModel().set_query(self.archive_query())

    def _source_reset(self) -> None:
        # the archive comes in the database's order; a story's claims are sorted here
        wanted = -1 if self._archive() else self._sort[0]
        if self.sortColumn() != wanted:
            super().sort(wanted, self._sort[1])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if self._archive():
            self.show_archive()
        else:
            super().sort(column, order)

    def set_search(self, text: str) -> None:
        self.search_text = text.strip()
        self.setFilterFixedString(self.search_text)
        if self._archive():
            self.show_archive()

    def set_filters(
        self,
        *,
        type_: tuple[str, ...] = (),
        stance: tuple[str, ...] = (),
        reviewed: bool | None = None,
        anonymous_only=False,
        source=None,
        flag: tuple[str, ...] = (),
    ):
        changing = getattr(self, "beginFilterChange", None)  # Qt 6.9+; invalidateFilter before
        if changing is not None:
            changing()
        self.type_filter, self.stance_filter = tuple(type_), tuple(stance)
        self.reviewed_filter, self.anonymous_only = reviewed, anonymous_only
        self.source_filter = source
        self.flag_filter = tuple(flag)
        if changing is not None:
            self.endFilterChange()
        else:
            self.invalidateFilter()
        if self._archive():
            self.show_archive()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        if model.query() is not None:
            return True  # found by the database
        row = model.claim_at(source_row)
        if not self._all_values and not self._holds_values(row):
            return False
        if self.anonymous_only and row.type not in ANONYMOUS_TYPES:
            return False
        if self.source_filter is not None and row.source_id != self.source_filter:
            return False
        if not self.search_text:
            return True
        # not the story's title nor the outlet: in a story, every claim would have them
        pattern = self.filterRegularExpression()
        return any(pattern.match(model.index(source_row, column).data() or "").hasMatch()
                   for column in self.SEARCHED)  # fmt: skip

    def _holds_values(self, row: ClaimRow) -> bool:
        """Whether a claim holds one of the values of each filter of several values."""
        return (
            (not self.type_filter or row.type in self.type_filter)
            and (not self.stance_filter or row.stance in self.stance_filter)
            and (self.reviewed_filter is None or row.reviewed == self.reviewed_filter)
            and (not self.flag_filter or bool(set(self.flag_filter) & set(row.flags)))
        )

    def story_cube(self) -> browse.Cube:
        """The story's claims the search (and the source chosen) finds, the filters of
        several values left aside, counted by (type, stance, reviewed, flags): each filter's
        count of each value follows from it (browse.facet_counts), as in All stories."""
        model, cube = self.sourceModel(), Counter()
        self._all_values = True
        try:
            for source_row in range(model.rowCount()):
                if self.filterAcceptsRow(source_row, QModelIndex()):
                    row = model.claim_at(source_row)
                    cube[(row.type, row.stance, row.reviewed, tuple(row.flags))] += 1
        finally:
            self._all_values = False
        return [(*key, n) for key, n in cube.items()]
