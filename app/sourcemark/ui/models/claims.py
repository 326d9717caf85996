"""Qt item models over the store: the story tree and the claims table."""

from dataclasses import dataclass
from pathlib import PurePath
from typing import ClassVar
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from sourcemark.analysis.types import ANONYMOUS_TYPES, TYPE_LABELS, SourcingType, Stance
from sourcemark.scoring import claim_code
from sourcemark.scoring.rollup import REASONS
from sourcemark.store import browse
from sourcemark.store.models import Claim
from sourcemark.store.rollups import cited_letter, links_of_claims, outlet_letters
from sourcemark.store.rows import ArticleRow, StoryRow, article_rows
from sourcemark.ui.drops import items_from_mime
from sourcemark.ui.theme import icon, type_swatch
from sourcemark.ui.wording import counted, plain_tip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class StoryTreeModel(QAbstractItemModel):
    """Stories with their articles beneath them; column 1 counts claims, column 2 shows the
    stored roll-up. A table of plain rows: ten thousand stories cost a list, not thirty
    thousand items, and only the rows on screen are ever asked for.

    Files, addresses and selections dropped on a story (or one of its articles) are
    offered to that story through ``itemsDropped``; dropped between stories or below
    them, to a new one (story id None). The model itself never changes on a drop.
    """

    STORY, ARTICLE = "story", "article"
    COLUMNS = ("Story", "Claims", "Score")
    itemsDropped = Signal(list, object)  # items to import, story id or None
    LAZY_FROM = 500  # with more stories, a story's articles are read when it is expanded

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stories: list[StoryRow] = []  # in the order shown
        self._loaded: list[StoryRow] = []  # newest first, as read
        self._row: dict[int, int] = {}  # story id -> its row
        self._articles: dict[int, list[ArticleRow]] = {}  # story id -> articles, once read
        self._lazy = False
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._icons: tuple = ()

    # -- the tree ------------------------------------------------------------------------------
    # a story's index carries 0 as its internal id; an article's, its story's id

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(self.COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, 0) if 0 <= row < len(self._stories) else QModelIndex()
            )
        if parent.internalId() != 0 or not 0 <= parent.row() < len(self._stories):
            return QModelIndex()
        story = self._stories[parent.row()]
        if 0 <= row < len(self._articles.get(story.id, ())):
            return self.createIndex(row, column, story.id)
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        row = self._row.get(index.internalId())
        return self.createIndex(row, 0, 0) if row is not None else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._stories)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._articles.get(self._stories[parent.row()].id, ()))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._stories)
        if parent.internalId() != 0 or parent.column() != 0:
            return False
        story = self._stories[parent.row()]
        read = self._articles.get(story.id)
        return bool(read) if read is not None else story.articles > 0

    def canFetchMore(self, parent: _Index) -> bool:
        return (parent.isValid() and parent.internalId() == 0 and parent.column() == 0
                and self._stories[parent.row()].id not in self._articles)  # fmt: skip

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        story = self._stories[parent.row()]
        articles = article_rows([story.id])[story.id]
        if articles:
            self.beginInsertRows(parent, 0, len(articles) - 1)
            self._articles[story.id] = articles
            self.endInsertRows()
        else:
            self._articles[story.id] = []

    _FLAGS = (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
    )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return self._FLAGS if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            value = self._story_data(self._stories[index.row()], index.column(), role)
        else:
            story = self._stories[self._row[index.internalId()]]
            value = self._article_data(story, self._articles[story.id][index.row()],
                                       index.column(), role)  # fmt: skip
        return plain_tip(value) if role == Qt.ItemDataRole.ToolTipRole else value

    _RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

    def _story_data(self, story: StoryRow, column: int, role: int):
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return story.title
            if role == ID_ROLE:
                return story.id
            if role == KIND_ROLE:
                return self.STORY
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon(0)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (f"{story.title}\n{counted(story.articles, 'article')}, "
                        f"{counted(story.claims, 'claim')}")  # fmt: skip
            if role == SORT_ROLE:
                return story.title.casefold()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._RIGHT
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(story.claims)
            return story.claims if role == SORT_ROLE else None
        text, tip, key = score_cell(story.score, story.code, story.caps)
        return {Qt.ItemDataRole.DisplayRole: text, Qt.ItemDataRole.ToolTipRole: tip,
                SORT_ROLE: key}.get(role)  # fmt: skip

    def _article_data(self, story: StoryRow, article: ArticleRow, column: int, role: int):
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(story.claims_by_article.get(article.id, 0))
            return self._RIGHT if role == Qt.ItemDataRole.TextAlignmentRole else None
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return article_label(article)
        if role == ID_ROLE:
            return article.id
        if role == KIND_ROLE:
            return self.ARTICLE
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(1)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = f" · {article.published.isoformat()}" if article.published else ""
            return f"{article.title}\n{article_label(article)}{when}"
        return None

    def _icon(self, which: int):
        if not self._icons:
            self._icons = (icon("mdi6.folder-text-outline"), icon("mdi6.file-document-outline"))
        return self._icons[which]

    # -- dropping ---------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list", "text/html", "text/plain"]

    def supportedDropActions(self) -> Qt.DropAction:
        # never Move: a file manager would take that as leave to delete the dropped file
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return bool(items_from_mime(data))

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        items = items_from_mime(data)
        if not items:
            return False
        self.itemsDropped.emit(items, self.story_at(parent))
        return True

    def story_at(self, index: _Index) -> int | None:
        """The story an index belongs to (itself, or the story of an article)."""
        if not index.isValid():
            return None
        return index.internalId() or self._stories[index.row()].id

    # -- filling and changing -----------------------------------------------------------------

    def load(self, stories: list[StoryRow]) -> None:
        """The stories, newest first (or in the order chosen by a header), with their stored
        roll-ups; their articles read now, or when a story is expanded if there are many."""
        self.beginResetModel()
        self._icons = ()  # drawn anew: the theme may have changed since
        self._loaded = list(stories)
        self._lazy = len(stories) > self.LAZY_FROM
        self._articles = {} if self._lazy else article_rows([story.id for story in stories])
        self._stories = self._ordered(*self._sort)
        self._row = {story.id: row for row, story in enumerate(self._stories)}
        self.endResetModel()

    def row_of(self, story_id: int) -> int:
        """The row a story is shown in, or -1."""
        return self._row.get(story_id, -1)

    def lazy(self) -> bool:
        """Whether stories' articles are read only when a story is expanded."""
        return self._lazy

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[StoryRow]:
        if column < 0:
            return list(self._loaded)
        return sorted(self._loaded, key=lambda story: self._story_data(story, column, SORT_ROLE),
                      reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        where = [(index.internalId(), index.row(), index.column(),
                  None if index.internalId() else self._stories[index.row()].id)
                 for index in before]  # fmt: skip
        self._stories = self._ordered(column, order)
        self._row = {story.id: row for row, story in enumerate(self._stories)}
        after = []
        for story_of, row, column_, story_id in where:
            if story_of:  # an article: its row under its story stays
                after.append(self.createIndex(row, column_, story_of))
            else:
                after.append(self.createIndex(self._row[story_id], column_, 0))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def set_scores(self, scores: dict[int, tuple[int | None, str | None, str]]) -> None:
        """Show these stories' stored roll-ups (story id -> score, code, caps) in place."""
        rows = []
        for story_id, (score, code, caps) in scores.items():
            row = self._row.get(story_id)
            if row is not None:
                story = self._stories[row]
                story.score, story.code, story.caps = score, code, caps
                rows.append(row)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 2), self.index(max(rows), 2))

    def set_counts(self, story_id: int, claims_by_article: dict[int, int]) -> None:
        """A story's claim counts (article id -> claims), in place."""
        row = self._row.get(story_id)
        if row is None:
            return
        self._stories[row].claims_by_article = dict(claims_by_article)
        story_index = self.index(row, 0)
        self.dataChanged.emit(self.index(row, 1), self.index(row, 1))
        articles = self.rowCount(story_index)
        if articles:
            self.dataChanged.emit(self.index(0, 1, story_index),
                                  self.index(articles - 1, 1, story_index))  # fmt: skip


def score_cell(score: int | None, code: str | None, caps: str) -> tuple[str, str, int]:
    """A story's score cell: its text ("60 F3"; "…" while it is computed, "—" without
    claims), tooltip and sort key."""
    if score is None:
        return "…", "The score is being computed", -2
    if score < 0:
        return "—", "No claims to score", score
    tip = f"Sourcing score {score} of 100, code {code}" + "".join(
        f"\n{cap}" for cap in (caps or "").splitlines()
    )
    return f"{score} {code}", tip, score


def article_label(article) -> str:
    """How an article is named under its story: its outlet, else where it came from (a
    site's address or a file's name)."""
    if isinstance(article, ArticleRow):
        outlet = article.outlet_name
    else:
        outlet = article.outlet.name if article.outlet else None
    if outlet:
        return outlet
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or article.url
    if article.origin and article.format not in {"snippet"}:
        return PurePath(article.origin).name
    return "Unknown outlet"


@dataclass(slots=True)
class ClaimRow:
    id: int
    article_id: int
    text: str
    start: int
    end: int
    source: str
    source_resolved: str
    cue: str
    type: str
    stance: str
    code: str
    premise: bool
    reviewed: bool
    note: str = ""
    origin: str = "analyzer"
    source_id: int | None = None
    story_id: int | None = None
    outlet: str | None = None
    flags: tuple[str, ...] = ()
    source_letter: str | None = None  # the grade set on its source in the registry
    outlet_letter: str | None = None  # the grade set on its article's outlet
    reasons: tuple[str, ...] = ()
    also_reported_by: tuple[str, ...] = ()
    version: int = 1  # as stored when read: an edit is refused if someone changed it since

    @classmethod
    def of(cls, claim: Claim) -> "ClaimRow":
        return cls(
            id=claim.id,
            article_id=claim.article_id,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            source=claim.source_mention or "",
            source_resolved=claim.source_resolved or "",
            cue=claim.cue or "",
            type=claim.type,
            stance=claim.stance,
            code=claim_code(claim.type),
            premise=bool(claim.premise),
            reviewed=bool(claim.reviewed),
            note=claim.note or "",
            origin=claim.origin or "analyzer",
            source_id=claim.source_id,
            story_id=claim.article.story_id,
            outlet=claim.article.outlet.name if claim.article.outlet_id else None,
            source_letter=claim.source.reliability if claim.source_id else None,
            outlet_letter=claim.article.outlet.reliability if claim.article.outlet_id else None,
            version=claim.version,
        )

    @classmethod
    def stored(cls, row: tuple) -> "ClaimRow":
        """A row of sourcemark.store.browse (ROW_SQL's columns), graded as stored when its
        story was last rolled up (no code yet: "…")."""
        (id_, article_id, text, start, end, source, resolved, cue, type_, stance, premise,
         reviewed, note, origin, source_id, story_id, outlet, source_letter, outlet_letter,
         version, code, flags, also) = row  # fmt: skip
        flags = tuple(flag for flag in (flags or "").split("; ") if flag)
        return cls(
            id=id_, article_id=article_id, text=text, start=start, end=end, source=source or "",
            source_resolved=resolved or "", cue=cue or "", type=type_, stance=stance,
            code=code or "…", premise=bool(premise), reviewed=bool(reviewed), note=note or "",
            origin=origin or "analyzer", source_id=source_id, story_id=story_id, outlet=outlet,
            flags=flags, source_letter=source_letter, outlet_letter=outlet_letter,
            reasons=tuple(REASONS.get(flag, "") for flag in flags),
            also_reported_by=tuple(name for name in (also or "").split("; ") if name),
            version=version,
        )  # fmt: skip


class ClaimTableModel(QAbstractTableModel):
    """The claims of a story. Editable: a change a person makes is not written here but
    asked for through ``editRequested`` (claim id, {field: value}); the window turns it into
    an undoable command, which saves it and updates this model through ``refresh_rows``."""

    COLUMNS = ("Claim", "Source", "Type", "Stance", "Code", "Note")
    TEXT, SOURCE, TYPE, STANCE, CODE, NOTE = range(6)
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

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        if index.column() in self.FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == self.REVIEWED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
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

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
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

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
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
            return row.start if column == self.TEXT else self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DecorationRole and column == self.TYPE:
            return type_swatch(row.type)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tooltip(row, column))
        if role == Qt.ItemDataRole.FontRole and column == self.TEXT and row.premise:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
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
        return row.code

    def _tooltip(self, row: ClaimRow, column: int) -> str:
        if column == self.TEXT:
            premise = "\n(carries the headline)" if row.premise else ""
            review = "\nReviewed" if row.reviewed else "\nNot reviewed yet (Space marks it)"
            return row.text + premise + review
        if column == self.SOURCE and row.source_resolved and row.source_resolved != row.source:
            return f"{row.source} refers to {row.source_resolved}"
        if column == self.SOURCE and row.cue:
            return f"{row.source} — cue: “{row.cue}”"
        if column == self.NOTE and row.note:
            return row.note
        if column == self.CODE and len(row.code) < 2:
            return "Being graded"
        if column == self.CODE:
            lines = [f"{row.code}: source {row.code[0]}, information {row.code[1:]}"]
            lines += [f"{flag}: {why}" for flag, why in zip(row.flags, row.reasons, strict=True)]
            if row.also_reported_by:
                lines.append("also reported by " + ", ".join(row.also_reported_by))
            return "\n".join(lines)
        return None


def grade_rows(rows: list[ClaimRow]) -> None:
    """Each row's code and flags, from the credibility model over its story's claims and the
    claims of other stories stored as corroborating them."""
    from sourcemark.scoring import ClaimInput, grade_claims
    from sourcemark.scoring.rollup import corroborate_across
    from sourcemark.store.settings import load_settings

    by_story: dict[int | None, list[ClaimRow]] = {}
    for row in rows:
        by_story.setdefault(row.story_id, []).append(row)
    settings = load_settings()
    letters = outlet_letters()
    links = links_of_claims([row.id for row in rows], letters) if rows else {}
    for story_id, story_rows in by_story.items():
        inputs = [
            ClaimInput(r.text, r.type, r.stance, r.source or None, r.source_resolved or None,
                       r.premise, outlet=r.outlet, source_letter=r.source_letter,
                       outlet_letter=cited_letter(r.type, r.source, letters), id=r.id,
                       cites_outlet=r.source if r.type == "media_report" else None)
            for r in story_rows
        ]  # fmt: skip
        elsewhere = corroborate_across(inputs, links, settings, story_id)
        grades = grade_claims(inputs, settings)
        for row, grade, outlets in zip(story_rows, grades, elsewhere, strict=True):
            row.code = grade.code
            row.flags = tuple(grade.flags)
            row.reasons = tuple(grade.reasons[flag] for flag in grade.flags)
            row.also_reported_by = tuple(outlets)


_TYPES = {t.value for t in SourcingType}
_STANCES = {s.value for s in Stance}


class ClaimFilterProxy(QSortFilterProxyModel):
    """Text search over claim text and source, case-insensitive, and filters by sourcing
    type, stance, review and anonymity; sorts by the sort role. When its model shows the
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
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.type_filter: str | None = None
        self.stance_filter: str | None = None
        self.reviewed_filter: bool | None = None
        self.anonymous_only = False
        self.source_filter: int | None = None  # the claims of one registry source
        self.flag_filter: str | None = None
        self.search_text = ""
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
        type_=None,
        stance=None,
        reviewed=None,
        anonymous_only=False,
        source=None,
        flag=None,
    ):
        changing = getattr(self, "beginFilterChange", None)  # Qt 6.9+; invalidateFilter before
        if changing is not None:
            changing()
        self.type_filter, self.stance_filter = type_, stance
        self.reviewed_filter, self.anonymous_only = reviewed, anonymous_only
        self.source_filter = source
        self.flag_filter = flag
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
        if self.type_filter is not None and row.type != self.type_filter:
            return False
        if self.stance_filter is not None and row.stance != self.stance_filter:
            return False
        if self.reviewed_filter is not None and row.reviewed != self.reviewed_filter:
            return False
        if self.anonymous_only and row.type not in ANONYMOUS_TYPES:
            return False
        if self.source_filter is not None and row.source_id != self.source_filter:
            return False
        if self.flag_filter is not None and self.flag_filter not in row.flags:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
