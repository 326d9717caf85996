"""The story list: every story with its articles, their claim counts and scores."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from sourcemark.store.rows import StoryRow, articles_of, claims_of_story
from sourcemark.ui.models.roles import ID_ROLE, KIND_ROLE
from sourcemark.ui.models.stories import StoryTreeModel
from sourcemark.ui.panels import fit_columns


class StoryList(QTreeView):
    """The stories (``tree_model``), newest first; an article chosen stands for its story.
    Choosing a row says so (``chosen``: the story, and the article or None); ``select_story``
    chooses one and asks for it to be shown (``shown``), unless ``keep_scope`` is set
    while the list is reloaded under the claims of All stories."""

    chosen = Signal(object, object)  # story id, article id or None: a row became current
    shown = Signal(object)  # story id: select_story chose it, to be shown

    def __init__(self, parent=None):
        super().__init__(parent)
        self.keep_scope = False  # while the list is reloaded: choosing a story keeps it
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
        # newest first until a header is clicked; then by title, claims or score
        self.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        # Ctrl- and Shift-click choose several stories (to export them together)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # nothing in the list is edited in place (the view says so once, not each item)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.selectionModel().currentChanged.connect(self._current_changed)
        # drop on a story to add to it, between stories for a new one
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)

    def load(self, stories: list[StoryRow]) -> None:
        """Show these stories (a large archive's folded)."""
        self.tree_model.load(stories)
        if not self.tree_model.lazy():
            self.expandAll()  # a large archive opens with its stories folded

    def current_story_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        if index.parent().isValid():
            index = index.parent()
        return index.siblingAtColumn(0).data(ID_ROLE)

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
        row = self.tree_model.row_of(story_id)
        if row < 0:
            return
        self.selectionModel().setCurrentIndex(
            self.tree_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not self.keep_scope:
            self.shown.emit(story_id)

    def title_of(self, story_id: int) -> str | None:
        return self.tree_model.index(self.tree_model.row_of(story_id), 0).data()

    def _current_changed(self, current, _previous) -> None:
        if not current.isValid() or self.keep_scope:
            return
        index = current.siblingAtColumn(0)
        if index.data(KIND_ROLE) == StoryTreeModel.ARTICLE:
            self.chosen.emit(index.parent().data(ID_ROLE), index.data(ID_ROLE))
        else:
            self.chosen.emit(index.data(ID_ROLE), None)

    def update_counts(self, story_id: int | None, claims=None) -> bool:
        """The claim counts of one story and its articles, in place, from ``claims`` (the
        story's, as shown; None: read them); False when the story is not in the list."""
        if story_id is None or self.tree_model.row_of(story_id) < 0:
            return False
        counts = {a.id: 0 for a in articles_of(story_id)}
        for claim in claims_of_story(story_id) if claims is None else claims:
            counts[claim.article_id] = counts.get(claim.article_id, 0) + 1
        self.tree_model.set_counts(story_id, counts)
        return True
