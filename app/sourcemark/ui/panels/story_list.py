"""The story list: every story with its articles, their claim counts (a bar beneath each
filled as far as its claims are reviewed) and scores, under a field that finds stories by
the words of their titles and outlets."""

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sourcemark.store.rows import StoryRow, articles_of, claims_of_story
from sourcemark.ui.models.roles import ID_ROLE, KIND_ROLE, REVIEW_ROLE
from sourcemark.ui.models.stories import StoryTreeModel
from sourcemark.ui.panels import fit_columns
from sourcemark.ui.theme import themed
from sourcemark.ui.wording import counted

UNFOLD_FOUND = 50  # a large archive unfolds the stories found when no more are found
FIND_PAUSE = 150  # ms: a large archive is searched once typing pauses, not at every key


class ReviewProgress(QStyledItemDelegate):
    """A claim count with a thin bar beneath it filled as far as its claims are reviewed
    (the tooltip says '12/30 reviewed')."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        done, claims = index.data(REVIEW_ROLE) or (0, 0)
        if not claims:
            return
        selected = option.state & QStyle.StateFlag.State_Selected
        colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        )
        track = QColor(colour)
        track.setAlpha(55)
        bar = option.rect.adjusted(6, 0, -6, 0)
        bar.setTop(option.rect.bottom() - 3)
        bar.setHeight(2)
        painter.save()
        painter.fillRect(bar, track)
        bar.setWidth(round(bar.width() * done / claims))
        painter.fillRect(bar, colour)
        painter.restore()


class StoryList(QTreeView):
    """The stories (``tree_model``), newest first; an article chosen stands for its story.
    Choosing a row says so (``chosen``: the story, and the article or None); ``select_story``
    chooses one and asks for it to be shown (``shown``), unless ``keep_scope`` is set
    while the list is reloaded under the claims of All stories."""

    chosen = Signal(object, object)  # story id, article id or None: a row became current
    shown = Signal(object)  # story id: select_story chose it, to be shown
    rename_key = Signal()  # F2: rename the story chosen
    delete_key = Signal()  # Delete (or Backspace): put what is chosen in the Trash

    def __init__(self, parent=None):
        super().__init__(parent)
        self.keep_scope = False  # while the list is reloaded: choosing a story keeps it
        self._story_shown: int | None = None  # the story last chosen, kept while hidden
        self.tree_model = StoryTreeModel(self)
        self.setObjectName("storyTree")
        self.setModel(self.tree_model)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the count and score columns as wide as their widest possible text, not measured
        # over every story (which would ask for each of ten thousand rows at startup)
        fit_columns(self, self.header(), StoryTreeModel.COLUMNS,
                    {1: ["88,888"], 2: ["100 F6"]}, QHeaderView.ResizeMode.Fixed, 18)  # fmt: skip
        self.setItemDelegateForColumn(1, ReviewProgress(self))
        # newest first until a header is clicked; then by title, claims or score
        self.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        # Ctrl- and Shift-click choose several stories (to export them together)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # a story's title is edited in place by F2 (rename_key: the window's action starts
        # it, greyed on a read-only database), never by a click
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.selectionModel().currentChanged.connect(self._current_changed)
        # drop files on a story to add to it, between stories for a new one; drag articles
        # onto another story to move them there
        self.setAcceptDrops(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def keyPressEvent(self, event) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_F2:
                self.rename_key.emit()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_key.emit()
                return
        super().keyPressEvent(event)

    def rename_current(self) -> bool:
        """Edit the title of the story chosen in place (Return saves, Escape cancels);
        False when no story is chosen."""
        index = self.currentIndex()
        if not index.isValid():
            return False
        if index.parent().isValid():
            index = index.parent()
        index = index.siblingAtColumn(0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.edit(index)
        return True

    def load(self, stories: list[StoryRow]) -> None:
        """Show these stories (a large archive's folded, but for those unfolded before)."""
        model = self.tree_model
        unfolded = []
        if model.lazy():
            unfolded = [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())
                        if self.isExpanded(model.index(row, 0))]  # fmt: skip
        model.load(stories)
        self.unfold(unfolded)

    def unfold(self, story_ids: list[int] | None = None) -> None:
        """Unfold every story (a small archive), or else these (and the stories found, if
        few are)."""
        model = self.tree_model
        if not model.lazy():
            self.expandAll()  # a large archive opens with its stories folded
            return
        rows = [model.row_of(story_id) for story_id in story_ids or []]
        if model.filtering() and model.shown_count() <= UNFOLD_FOUND:
            rows += range(model.shown_count())
        for row in sorted(set(rows)):
            if row >= 0:
                self.expand(model.index(row, 0))

    def current_story_id(self) -> int | None:
        """The story chosen: the current row's, or the story last chosen while the filter
        hides it (None once it is gone)."""
        index = self.currentIndex()
        if not index.isValid():
            return self._story_shown if self.tree_model.story(self._story_shown) else None
        if index.parent().isValid():
            index = index.parent()
        return index.siblingAtColumn(0).data(ID_ROLE)

    def selected_rows(self) -> tuple[list[int], dict[int, int]]:
        """The stories chosen (in the order they were chosen), and the articles chosen
        alone (article id -> its story)."""
        stories: list[int] = []
        articles: dict[int, int] = {}
        for index in self.selectionModel().selectedRows():
            if index.parent().isValid():
                articles[index.data(ID_ROLE)] = index.parent().data(ID_ROLE)
            elif index.data(ID_ROLE) not in stories:
                stories.append(index.data(ID_ROLE))
        return stories, {a: s for a, s in articles.items() if s not in stories}

    def selected_story_ids(self) -> list[int]:
        """The stories chosen in the list (an article chosen stands for its story), in the
        list's order."""
        ids: list[int] = []
        for index in sorted(self.selectionModel().selectedRows(), key=self._tree_order):
            if index.parent().isValid():
                index = index.parent()
            story_id = index.siblingAtColumn(0).data(ID_ROLE)
            if story_id not in ids:
                ids.append(story_id)
        return ids

    @staticmethod
    def _tree_order(index) -> tuple[int, int]:
        parent = index.parent()
        return (parent.row(), index.row() + 1) if parent.isValid() else (index.row(), 0)

    def select_story(self, story_id: int) -> None:
        """Choose a story and ask for it to be shown; one the filter hides is shown with
        nothing chosen in the list."""
        row = self.tree_model.row_of(story_id)
        if row < 0:
            if self.tree_model.story(story_id) is None:
                return
            self.selectionModel().clear()
            self.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        else:
            self.selectionModel().setCurrentIndex(
                self.tree_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._story_shown = story_id
        if not self.keep_scope:
            self.shown.emit(story_id)

    def title_of(self, story_id: int) -> str | None:
        story = self.tree_model.story(story_id)
        return story.title if story is not None else None

    def _current_changed(self, current, _previous) -> None:
        if not current.isValid() or self.keep_scope:
            return
        index = current.siblingAtColumn(0)
        self._story_shown = (index.parent() if index.parent().isValid() else index).data(ID_ROLE)
        if index.data(KIND_ROLE) == StoryTreeModel.ARTICLE:
            self.chosen.emit(index.parent().data(ID_ROLE), index.data(ID_ROLE))
        else:
            self.chosen.emit(index.data(ID_ROLE), None)

    def update_counts(self, story_id: int | None, claims=None) -> bool:
        """The claim counts of one story and its articles (and how many are reviewed), in
        place, from ``claims`` (the story's, as shown; None: read them); False when the story
        is not in the list."""
        if story_id is None or self.tree_model.story(story_id) is None:
            return False
        counts = {a.id: 0 for a in articles_of(story_id)}
        reviewed = dict(counts)
        for claim in claims_of_story(story_id) if claims is None else claims:
            counts[claim.article_id] = counts.get(claim.article_id, 0) + 1
            reviewed[claim.article_id] = reviewed.get(claim.article_id, 0) + bool(claim.reviewed)
        self.tree_model.set_counts(story_id, counts, reviewed)
        return True


class StoryPanel(QWidget):
    """The story list (``tree``) under its find field (``search``): typing finds stories
    by the words of their titles and outlets (in a large archive, once typing pauses),
    ``count`` says how many it found; Escape clears the field, Down or Return goes to the
    stories found."""

    def __init__(self, parent=None):
        super().__init__(parent)
        tree = self.tree = StoryList(self)
        self.search = QLineEdit()
        self.search.setObjectName("storySearch")
        self.search.setPlaceholderText("Find a story")
        self.search.setToolTip("Find stories by words of their titles and outlets")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            themed(QAction(self.search), "mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(FIND_PAUSE)
        self.pause.timeout.connect(self.find_now)
        self.search.textChanged.connect(self._typed)
        self.search.installEventFilter(self)
        # always shown (the archive's count when nothing is looked for): a line appearing
        # would lay out ten thousand rows again
        self.count = QLabel()
        self.count.setObjectName("storyCount")
        self.count.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        field = QHBoxLayout()
        field.setContentsMargins(6, 6, 0, 0)
        field.addWidget(self.search)
        layout.addLayout(field)
        self.count.setContentsMargins(8, 0, 4, 0)
        layout.addWidget(self.count)
        layout.addWidget(tree, 1)
        tree.tree_model.modelReset.connect(self.show_count)

    def find(self) -> None:
        """Go to the field, its words selected to type new ones."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _typed(self, _text: str) -> None:
        if self.tree.tree_model.lazy() and self.search.text():
            self.pause.start()
        else:
            self.find_now()

    def find_now(self) -> None:
        """Show the stories the field finds now."""
        self.pause.stop()
        self.tree.tree_model.set_filter(self.search.text())
        self.tree.unfold()
        self.show_count()

    def show_count(self) -> None:
        """How many stories the field found (or that it found none), or the archive's."""
        model = self.tree.tree_model
        shown, total = model.shown_count(), len(model.stories())
        if not model.filtering():
            self.count.setText(counted(total, "story", "stories"))
        elif shown:
            self.count.setText(f"{shown:,} of {counted(total, 'story', 'stories')}")
        else:
            self.count.setText(
                f"No story has “{self.search.text().strip()}” in its title or outlets."
            )

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.find_now()
                self._to_list()
                return True
        return super().eventFilter(watched, event)

    def _to_list(self) -> None:
        """Into the list, on the first story found unless one found is chosen already."""
        tree = self.tree
        model = tree.tree_model
        if not model.shown_count():
            return
        tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        current = tree.currentIndex()
        if not current.isValid() or not tree.selectionModel().isSelected(current):
            tree.select_story(model.index(0, 0).data(ID_ROLE))
