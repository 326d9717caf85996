"""What the Sources and Outlets windows share: a sortable table of graded entries, the
grade drop-down; a grade is set through the undoable SetGrade (ui.commands.registry)."""

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QTableView

from sourcemark.scoring.explain import LETTER_MEANINGS, grade_label
from sourcemark.ui.commands.registry import SetGrade
from sourcemark.ui.editing import ChoiceDelegate
from sourcemark.ui.models.roles import ID_ROLE, SORT_ROLE
from sourcemark.ui.wording import plain_tip

# the Admiralty meanings: F says the reliability cannot be judged, not that the source failed
GRADES = [("", "— not graded")] + [(letter, grade_label(letter)) for letter in LETTER_MEANINGS]
GRADE_HINT = (
    "Reliability grade, on the Admiralty scale: "
    + ", ".join(grade_label(letter) for letter in LETTER_MEANINGS)
    + ". F is not a fail: nobody can vouch for the source. Not graded: a source takes the "
    "letter of its sourcing type, an outlet's stories show F. Double-click to set."
)


class GradeItem(QStandardItem):
    """A grade cell: the letter to edit, shown with its meaning ('B — usually reliable')."""

    def data(self, role: int = Qt.ItemDataRole.UserRole + 1):
        if role == Qt.ItemDataRole.DisplayRole:
            letter = super().data(Qt.ItemDataRole.EditRole)
            return grade_label(letter) if letter in LETTER_MEANINGS else "—"
        return super().data(role)


class RegistryDialog(QDialog):
    """A table of graded entries, most claims first; subclasses name the columns and fill
    the rows (``reload``), and say how a grade is stored (``set_grade``, ``grade_text``)."""

    COLUMNS: tuple[str, ...] = ()
    NAME, GRADE, CLAIMS = 0, 1, 2
    NUMBERS: tuple[int, ...] = ()  # right-aligned columns
    changed = Signal()  # a grade (or a merge) was made or undone

    def __init__(self, undo_stack, title: str, table_name: str, parent=None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._loading = False
        self.setWindowTitle(title)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.model.itemChanged.connect(self._item_changed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName(table_name)
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
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        # wide enough for the drop-down to show any choice whole
        header.setSectionResizeMode(self.GRADE, QHeaderView.ResizeMode.Fixed)
        widest = max(self.fontMetrics().horizontalAdvance(label) for _l, label in GRADES)
        header.resizeSection(self.GRADE, widest + 40)

    def fill(self, rows: list[tuple[int, list[tuple[str, object]], str]]) -> None:
        """Rows of (id, [(text, sort key) per column], tooltip)."""
        self._loading = True
        # sorted once at the end, not as each row comes (tens of thousands of sources)
        self.table.setSortingEnabled(False)
        self.model.removeRows(0, self.model.rowCount())
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row_id, cells, tooltip in rows:
            items = []
            tip, grade_tip = plain_tip(tooltip), plain_tip(f"{GRADE_HINT}\n\n{tooltip}")
            for column, (text, key) in enumerate(cells):
                if column == self.GRADE:
                    item = GradeItem(text if text in LETTER_MEANINGS else "")
                    item.setToolTip(grade_tip)
                else:
                    item = QStandardItem(text)
                    item.setEditable(False)
                    item.setToolTip(tip)
                item.setData(row_id, ID_ROLE)
                item.setData(key, SORT_ROLE)
                if column in self.NUMBERS:
                    item.setTextAlignment(right)
                items.append(item)
            self.model.appendRow(items)
        self.table.setSortingEnabled(True)
        self._loading = False

    def reload(self) -> None:
        raise NotImplementedError

    def set_grade(self, row_id: int, letter: str | None) -> str | None:
        raise NotImplementedError

    def grade_text(self, name: str, letter: str | None) -> str:
        raise NotImplementedError

    def _item_changed(self, item: QStandardItem) -> None:
        if self._loading or item.column() != self.GRADE:
            return
        letter = item.data(Qt.ItemDataRole.EditRole) or None
        name = self.model.item(item.row(), self.NAME).text()
        text = self.grade_text(name, letter)
        self.undo_stack.push(
            SetGrade(self.set_grade, item.data(ID_ROLE), text, letter, self._changed)
        )

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()
