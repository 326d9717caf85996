"""View ▸ Trash: the stories and articles deleted, which count nowhere until restored;
Restore brings them back (a step to undo), Empty Trash deletes them for good."""

from datetime import UTC

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sourcemark.store.curation import TrashRow, trash_rows
from sourcemark.ui.models.roles import ID_ROLE
from sourcemark.ui.theme import themed
from sourcemark.ui.wording import counted, plain_tip


class TrashDialog(QDialog):
    """What the Trash holds, the last deleted first (``rows``). The dialog changes nothing
    itself: it asks (``restore_requested`` with the rows chosen, ``empty_requested``)."""

    COLUMNS = ("Deleted story or article", "Articles", "Claims", "Deleted on")
    restore_requested = Signal(list)  # the TrashRows chosen
    empty_requested = Signal(list)  # every TrashRow shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.resize(680, 400)
        self.rows: list[TrashRow] = []
        intro = QLabel(
            "Deleted stories and articles wait here, counted nowhere (scores, exports, "
            "searches, corroboration), until you restore them. Emptying the Trash deletes "
            "them for good."
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("trashList")
        self.tree.setHeaderLabels(list(self.COLUMNS))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel("The Trash is empty.")
        self.empty_label.setObjectName("trashEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = themed(
            buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.ActionRole),
            "mdi6.delete-restore",
        )
        self.restore_button.setToolTip("Put what is chosen back in the story list")
        self.empty_button = themed(
            buttons.addButton("&Empty Trash…", QDialogButtonBox.ButtonRole.DestructiveRole),
            "mdi6.delete-forever-outline",
        )
        self.empty_button.setToolTip("Delete everything in the Trash for good (asks first)")
        self.restore_button.setAutoDefault(False)
        self.empty_button.setAutoDefault(False)
        buttons.rejected.connect(self.close)
        self.restore_button.clicked.connect(self._restore)
        self.empty_button.clicked.connect(lambda: self.empty_requested.emit(list(self.rows)))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the Trash again."""
        self.rows = trash_rows()
        self.tree.clear()
        for row in self.rows:
            item = QTreeWidgetItem(
                [describe(row), str(len(row.articles)), str(row.claims), deleted_on(row)]
            )
            item.setData(0, ID_ROLE, row.id)
            item.setToolTip(0, plain_tip("\n".join(title for _id, title in row.articles)))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if row.left is None and len(row.articles) > 1:  # a whole story: its articles
                for _article, title in row.articles:
                    child = QTreeWidgetItem([title])
                    child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                    item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(self.rows))
        self.empty_label.setVisible(not self.rows)
        if self.rows:  # the last deleted, chosen: Restore takes it back at once
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def chosen(self) -> list[TrashRow]:
        ids = {item.data(0, ID_ROLE) for item in self.tree.selectedItems()}
        return [row for row in self.rows if row.id in ids]

    def _restore(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.restore_requested.emit(chosen)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.chosen()))
        self.empty_button.setEnabled(bool(self.rows))


def describe(row: TrashRow) -> str:
    """A row of the Trash in words: a story's title, or the article deleted alone and the
    story it was in."""
    if row.left is None:
        return row.title
    n = len(row.articles)
    what = f"“{row.articles[0][1]}”" if n == 1 else counted(n, "article")
    return f"{what} from the story “{row.left}”"


def deleted_on(row: TrashRow) -> str:
    """When a row was put in the Trash, in local time."""
    return row.trashed.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
