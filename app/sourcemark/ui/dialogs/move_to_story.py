"""Move to Story: where articles chosen in the story list go, a story found by typing
words of its title, or a new story given a title."""

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sourcemark.store.rows import StoryRow
from sourcemark.ui.models.roles import ID_ROLE
from sourcemark.ui.models.stories import folded
from sourcemark.ui.wording import counted, plain_tip

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10


class WordsFilter(QSortFilterProxyModel):
    """The rows whose folded text (FOLDED_ROLE) holds every word typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []

    def set_words(self, text: str) -> None:
        changing = getattr(self, "beginFilterChange", None)  # Qt 6.9+; invalidateFilter before
        if changing is not None:
            changing()
        self.words = folded(text).split()
        if changing is not None:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.words:
            return True
        text = self.sourceModel().index(row, 0, parent).data(FOLDED_ROLE) or ""
        return all(word in text for word in self.words)


class MoveToStoryDialog(QDialog):
    """Choose a story among ``stories`` (but those in ``leaving``, which the articles are
    all in already), or a new story, titled ``new_title`` until the person types another.
    ``chosen()`` says which: a story's id, or None and the new story's title."""

    def __init__(self, articles: int, stories: list[StoryRow], leaving: set[int],
                 new_title: str, parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Move to Story")
        self.resize(520, 460)
        self.versions = {story.id: story.version for story in stories}
        their = "its" if articles == 1 else "their"
        intro = QLabel(f"Move {counted(articles, 'article')}, with {their} claims, reviews and "
                       "notes, to")  # fmt: skip
        intro.setWordWrap(True)
        self.to_story = QRadioButton("&A story:")
        self.to_story.setChecked(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("moveFilter")
        self.filter.setPlaceholderText("Find a story by words of its title")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        for story in stories:
            if story.id in leaving:
                continue
            item = QStandardItem(story.title)
            item.setEditable(False)
            item.setData(story.id, ID_ROLE)
            item.setData(folded(story.title), FOLDED_ROLE)
            item.setToolTip(plain_tip(f"{story.title}\n{counted(story.articles, 'article')}, "
                                      f"{counted(story.claims, 'claim')}"))  # fmt: skip
            self.model.appendRow(item)
        self.proxy = WordsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setObjectName("moveStories")
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        # a long title ends in "…" (whole in its tooltip), rather than scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.none_found = QLabel()
        self.none_found.setWordWrap(True)
        self.none_found.hide()
        self.to_new = QRadioButton("A &new story titled:")
        self.title = QLineEdit(new_title)
        self.title.setObjectName("newStoryTitle")
        self.title.setCursorPosition(0)  # its first words, not its last

        grid = QGridLayout()
        grid.addWidget(self.to_story, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.filter, 0, 1)
        grid.addWidget(self.list, 1, 1)
        grid.addWidget(self.none_found, 2, 1)
        grid.addWidget(self.to_new, 3, 0)
        grid.addWidget(self.title, 3, 1)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.move_button = buttons.addButton("&Move", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.move_button.setDefault(True)  # (once in the dialog: Return moves)

        self.filter.textChanged.connect(self._filter_changed)
        self.filter.textEdited.connect(lambda _text: self.to_story.setChecked(True))
        self.title.textEdited.connect(lambda _text: self.to_new.setChecked(True))
        self.list.selectionModel().currentChanged.connect(
            lambda current, _previous: current.isValid() and self.to_story.setChecked(True)
        )
        self.list.doubleClicked.connect(lambda _index: self.accept())
        for signal in (self.to_story.toggled, self.title.textChanged):
            signal.connect(self._update_button)
        # a click makes a row current a moment before it selects it: the button follows both
        self.list.selectionModel().currentChanged.connect(self._update_button)
        self.list.selectionModel().selectionChanged.connect(self._update_button)
        if not self.proxy.rowCount():
            self.to_new.setChecked(True)
        # no story is chosen for the person: Move waits until they pick one (a click, or
        # typing words of its title, which chooses the first story found)
        self.filter.setFocus()
        self._update_button()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_words(text)
        found = self.proxy.rowCount()
        self.none_found.setText(f"No story has “{text.strip()}” in its title." if not found else "")
        self.none_found.setVisible(not found)
        if found and not self.list.selectionModel().isSelected(self.list.currentIndex()):
            self.list.setCurrentIndex(self.proxy.index(0, 0))  # Return takes the first found
        self._update_button()

    def _update_button(self, *_args) -> None:
        if self.to_story.isChecked():
            index = self.list.currentIndex()
            ready = index.isValid() and self.list.selectionModel().isSelected(index)
        else:
            ready = bool(self.title.text().strip())
        self.move_button.setEnabled(ready)

    def chosen(self) -> tuple[int | None, str | None]:
        """The story chosen (its id), or None and the title of the new story."""
        if self.to_new.isChecked():
            return None, " ".join(self.title.text().split())
        return self.list.currentIndex().data(ID_ROLE), None
