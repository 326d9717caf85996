"""The story tree: stories with their articles beneath them, and how a story's score and an
article are named in it."""

import json
import unicodedata
from pathlib import PurePath
from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, Qt, Signal

from sourcemark.store.rows import ArticleRow, StoryRow, article_rows
from sourcemark.ui.drops import items_from_mime
from sourcemark.ui.models.roles import ID_ROLE, KIND_ROLE, REVIEW_ROLE, SORT_ROLE, Index
from sourcemark.ui.theme import icon
from sourcemark.ui.wording import counted, plain_tip


class StoryTreeModel(QAbstractItemModel):
    """Stories with their articles beneath them; column 1 counts claims (and how many are
    reviewed: REVIEW_ROLE and the tooltip), column 2 shows the stored roll-up. A table of
    plain rows: ten thousand stories cost a list, not thirty thousand items, and only the
    rows on screen are ever asked for.

    Files, addresses and selections dropped on a story (or one of its articles) are
    offered to that story through ``itemsDropped``; dropped between stories or below
    them, to a new one (story id None). Articles dragged within the list are offered the
    same way through ``articlesDropped``, and a story's title edited in place through
    ``renameRequested``. The model itself never changes on a drop or an edit: the window
    saves the change and loads the list again.

    ``set_filter`` shows only the stories whose title or outlets hold every word given
    (their articles with them); the others stay loaded, counted in ``totals``.
    """

    STORY, ARTICLE = "story", "article"
    COLUMNS = ("Story", "Claims", "Score")
    ARTICLES_MIME = "application/x-sourcemark-articles"  # {article id: version}, as JSON
    itemsDropped = Signal(list, object)  # items to import, story id or None
    articlesDropped = Signal(object, object)  # {article id: version}, story id or None (new)
    renameRequested = Signal(int, str)  # story id, the title typed
    LAZY_FROM = 500  # with more stories, a story's articles are read when it is expanded

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stories: list[StoryRow] = []  # in the order shown, those the filter finds
        self._loaded: list[StoryRow] = []  # newest first, as read
        self._by_id: dict[int, StoryRow] = {}  # every story loaded, shown or not
        self._row: dict[int, int] = {}  # story id -> its row
        self._words: list[str] = []  # the filter's words, folded
        self._haystacks: dict[int, str] | None = None  # story id -> its title and outlets
        self._articles: dict[int, list[ArticleRow]] = {}  # story id -> articles, once read
        self._lazy = False
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._icons: tuple = ()

    # -- the tree ------------------------------------------------------------------------------
    # a story's index carries 0 as its internal id; an article's, its story's id

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
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

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        row = self._row.get(index.internalId())
        return self.createIndex(row, 0, 0) if row is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._stories)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._articles.get(self._stories[parent.row()].id, ()))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._stories)
        if parent.internalId() != 0 or parent.column() != 0:
            return False
        story = self._stories[parent.row()]
        read = self._articles.get(story.id)
        return bool(read) if read is not None else story.articles > 0

    def canFetchMore(self, parent: Index) -> bool:
        return (parent.isValid() and parent.internalId() == 0 and parent.column() == 0
                and self._stories[parent.row()].id not in self._articles)  # fmt: skip

    def fetchMore(self, parent: Index) -> None:
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
    _ARTICLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsDragEnabled  # dragged to another story
    _TITLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable  # renamed in place (the view starts it)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # asked for every row each time the list is laid out: constants, not combined here
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() != 0:
            return self._ARTICLE_FLAGS
        return self._TITLE_FLAGS if index.column() == 0 else self._FLAGS

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A title typed in place: asked for (``renameRequested``), saved by the window."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        story = self._stories[index.row()]
        if str(value) != story.title:
            self.renameRequested.emit(story.id, str(value))
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
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
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return story.title
            if role == ID_ROLE:
                return story.id
            if role == KIND_ROLE:
                return self.STORY
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon(0)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (f"{story.title}\n{counted(story.articles, 'article')}, "
                        f"{counted(story.claims, 'claim')}, "
                        f"{review_progress(story.reviewed, story.claims)}")  # fmt: skip
            if role == SORT_ROLE:
                return story.title.casefold()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._RIGHT
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(story.claims)
            if role == Qt.ItemDataRole.ToolTipRole:
                return review_progress(story.reviewed, story.claims)
            if role == REVIEW_ROLE:
                return story.reviewed, story.claims
            return story.claims if role == SORT_ROLE else None
        text, tip, key = score_cell(story.score, story.code, story.caps)
        return {Qt.ItemDataRole.DisplayRole: text, Qt.ItemDataRole.ToolTipRole: tip,
                SORT_ROLE: key}.get(role)  # fmt: skip

    def _article_data(self, story: StoryRow, article: ArticleRow, column: int, role: int):
        if column == 1:
            claims = story.claims_by_article.get(article.id, 0)
            reviewed = story.reviewed_by_article.get(article.id, 0)
            if role == Qt.ItemDataRole.DisplayRole:
                return str(claims)
            if role == Qt.ItemDataRole.ToolTipRole:
                return review_progress(reviewed, claims)
            if role == REVIEW_ROLE:
                return reviewed, claims
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
        return [self.ARTICLES_MIME, "text/uri-list", "text/html", "text/plain"]

    def mimeData(self, indexes) -> QMimeData:
        """The articles dragged, with the versions the list read (a move checks them)."""
        versions = {}
        for index in indexes:
            if index.isValid() and index.internalId() != 0:
                story = self._stories[self._row[index.internalId()]]
                article = self._articles[story.id][index.row()]
                versions[str(article.id)] = article.version
        data = QMimeData()
        data.setData(self.ARTICLES_MIME, json.dumps(versions).encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        # Move only for articles dragged within the list (canDropMimeData): from a file
        # manager, a Move would be taken as leave to delete the dropped file
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if data.hasFormat(self.ARTICLES_MIME):
            return action == Qt.DropAction.MoveAction
        return action != Qt.DropAction.MoveAction and bool(items_from_mime(data))

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if data.hasFormat(self.ARTICLES_MIME):
            versions = json.loads(data.data(self.ARTICLES_MIME).data().decode() or "{}")
            if not versions:
                return False
            moved = {int(article): version for article, version in versions.items()}
            self.articlesDropped.emit(moved, self.story_at(parent))
            return True
        self.itemsDropped.emit(items_from_mime(data), self.story_at(parent))
        return True

    def story_at(self, index: Index) -> int | None:
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
        self._by_id = {story.id: story for story in stories}
        self._lazy = len(stories) > self.LAZY_FROM
        self._articles = {} if self._lazy else article_rows([story.id for story in stories])
        self._haystacks = None  # titles and outlets may have changed
        self._stories = self._arranged()
        self._row = {story.id: row for row, story in enumerate(self._stories)}
        self.endResetModel()

    def totals(self) -> tuple[int, int, int]:
        """Stories, articles and claims in the list (shown or not), as its rows count them."""
        stories = self._loaded
        return len(stories), sum(s.articles for s in stories), sum(s.claims for s in stories)

    def row_of(self, story_id: int) -> int:
        """The row a story is shown in, or -1 (not loaded, or not found by the filter)."""
        return self._row.get(story_id, -1)

    def story(self, story_id: int | None) -> StoryRow | None:
        """A story loaded, shown or not."""
        return self._by_id.get(story_id) if story_id is not None else None

    def stories(self) -> list[StoryRow]:
        """Every story loaded, newest first."""
        return list(self._loaded)

    def articles_of(self, story_id: int) -> list[ArticleRow] | None:
        """A story's articles as the list read them (None: not read yet)."""
        return self._articles.get(story_id)

    def article(self, article_id: int) -> ArticleRow | None:
        """An article as the list read it (None: not read, as in a story still folded in
        a large archive)."""
        for articles in self._articles.values():
            for article in articles:
                if article.id == article_id:
                    return article
        return None

    def story_of_article(self, article_id: int) -> int | None:
        """The story an article read by the list is in (None: not read)."""
        article = self.article(article_id)
        return article.story_id if article is not None else None

    def shown_count(self) -> int:
        """How many stories the list shows (those the filter finds)."""
        return len(self._stories)

    # -- finding ------------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only the stories whose title or articles' outlets hold every word of
        ``text`` (anywhere in a word; case and accents aside), with their articles; an empty
        text shows every story."""
        words = folded(text).split()
        if words == self._words:
            return
        self._words = words
        self._relayout()

    def filtering(self) -> bool:
        return bool(self._words)

    def _found(self, stories: list[StoryRow]) -> list[StoryRow]:
        if not self._words:
            return stories
        if self._haystacks is None:
            self._haystacks = self._read_haystacks()
        haystacks, words = self._haystacks, self._words
        return [s for s in stories if all(w in haystacks.get(s.id, "") for w in words)]

    def _read_haystacks(self) -> dict[int, str]:
        """Each story's title and outlet names, folded, to find words in; the outlets read
        once for a large archive (whose articles are otherwise read on expanding)."""
        articles = self._articles
        if self._lazy:
            articles = article_rows([story.id for story in self._loaded])
        return {
            story.id: folded(" ".join([story.title, *{a.outlet_name or "" for a in
                                                      articles.get(story.id, ())}]))
            for story in self._loaded
        }  # fmt: skip

    def lazy(self) -> bool:
        """Whether stories' articles are read only when a story is expanded."""
        return self._lazy

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[StoryRow]:
        if column < 0:
            return list(self._loaded)
        return sorted(self._loaded, key=lambda story: self._story_data(story, column, SORT_ROLE),
                      reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip

    def _arranged(self) -> list[StoryRow]:
        """The stories to show, in the order chosen."""
        return self._found(self._ordered(*self._sort))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._relayout()

    def _relayout(self) -> None:
        """Order and filter the stories again; the view's selection, current row and
        unfolded stories follow their stories (those no longer shown are let go)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        where = [(index.internalId(), index.row(), index.column(),
                  None if index.internalId() else self._stories[index.row()].id)
                 for index in before]  # fmt: skip
        self._stories = self._arranged()
        self._row = {story.id: row for row, story in enumerate(self._stories)}
        after = []
        for story_of, row, column_, story_id in where:
            if story_of:  # an article: its row under its story stays
                shown = story_of in self._row
                after.append(self.createIndex(row, column_, story_of) if shown else QModelIndex())
            elif story_id in self._row:
                after.append(self.createIndex(self._row[story_id], column_, 0))
            else:
                after.append(QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def set_scores(self, scores: dict[int, tuple[int | None, str | None, str]]) -> None:
        """Show these stories' stored roll-ups (story id -> score, code, caps) in place."""
        rows = []
        for story_id, (score, code, caps) in scores.items():
            story = self._by_id.get(story_id)
            if story is not None:  # shown or not: kept for when the filter finds it
                story.score, story.code, story.caps = score, code, caps
                if story_id in self._row:
                    rows.append(self._row[story_id])
        if rows:
            self.dataChanged.emit(self.index(min(rows), 2), self.index(max(rows), 2))

    def set_counts(self, story_id: int, claims_by_article: dict[int, int],
                   reviewed_by_article: dict[int, int] | None = None) -> None:  # fmt: skip
        """A story's claim counts (article id -> claims, and -> claims reviewed), in place."""
        story = self._by_id.get(story_id)
        if story is None:
            return
        story.claims_by_article = dict(claims_by_article)
        if reviewed_by_article is not None:
            story.reviewed_by_article = dict(reviewed_by_article)
        row = self._row.get(story_id)
        if row is None:
            return
        story_index = self.index(row, 0)
        self.dataChanged.emit(self.index(row, 1), self.index(row, 1))
        articles = self.rowCount(story_index)
        if articles:
            self.dataChanged.emit(self.index(0, 1, story_index),
                                  self.index(articles - 1, 1, story_index))  # fmt: skip


def folded(text: str) -> str:
    """Text as the story filter compares it: case and accents aside."""
    if text.isascii():
        return text.lower()  # most titles: ten thousand of them at the first key typed
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def review_progress(reviewed: int, claims: int) -> str:
    """How far a person has reviewed the analyzer's claims: '12/30 reviewed'."""
    if not claims:
        return "No claims to review"
    return f"{reviewed:,}/{claims:,} reviewed" + (" (all)" if reviewed == claims else "")


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
