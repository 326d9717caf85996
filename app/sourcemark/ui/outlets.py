"""View ▸ Outlets: every outlet with its track record (claims by sourcing type, and by
month) and its reliability grade, which becomes the letter of its stories and of the media
reports that rest on it."""

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
)

from sourcemark.analysis.types import ANONYMOUS_TYPES, TYPE_LABELS, SourcingType
from sourcemark.rollups import claim_codes, record_text, track_record
from sourcemark.scoring.rollup import ON_RECORD
from sourcemark.store.repo import claim_months, outlet_rows, set_outlet_reliability
from sourcemark.ui.editing import ChoiceDelegate
from sourcemark.ui.models import ID_ROLE, SORT_ROLE
from sourcemark.ui.sources import GRADES, SetGrade


class OutletsDialog(QDialog):
    COLUMNS = ("Outlet", "Grade", "Stories", "Articles", "Claims", "On record", "Anonymous")
    NAME, GRADE, STORIES, ARTICLES, CLAIMS, ON_RECORD_SHARE, ANONYMOUS_SHARE = range(7)
    changed = Signal()

    def __init__(self, undo_stack, parent=None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.setWindowTitle("Outlets")
        self.resize(760, 420)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.model.itemChanged.connect(self._item_changed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("outletTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.CLAIMS, Qt.SortOrder.DescendingOrder)
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
        for column in range(1, len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self._loading = True
        self.model.removeRows(0, self.model.rowCount())
        codes = claim_codes()
        months = claim_months()
        for row in outlet_rows():
            record = track_record([(c, m) for c, o, _s, m in months if o == row.id], codes)
            on_record = sum(n for t, n in row.by_type.items() if t in ON_RECORD)
            anonymous = sum(n for t, n in row.by_type.items() if t in ANONYMOUS_TYPES)
            attributed = sum(n for t, n in row.by_type.items() if t != "unattributed")

            def share(n: int, total: int = attributed) -> tuple[str, float]:
                return (f"{round(100 * n / total)} %" if total else "—", n / total if total else -1)

            cells = [
                (row.name, row.name.casefold()),
                (row.reliability or "—", row.reliability or ""),
                (str(row.stories), row.stories),
                (str(row.articles), row.articles),
                (str(row.claims), row.claims),
                share(on_record),
                share(anonymous),
            ]
            items = []
            for column, (text, key) in enumerate(cells):
                item = QStandardItem(text)
                item.setData(row.id, ID_ROLE)
                item.setData(key, SORT_ROLE)
                item.setEditable(column == self.GRADE)
                if column >= self.STORIES:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(_track_record(row) + "\n" + record_text(record))
                items.append(item)
            self.model.appendRow(items)
        self._loading = False

    def _item_changed(self, item: QStandardItem) -> None:
        if self._loading or item.column() != self.GRADE:
            return
        letter = item.data(Qt.ItemDataRole.EditRole) or None
        if letter == "—":
            letter = None
        name = self.model.item(item.row(), self.NAME).text()
        text = f"Grade outlet “{name}” {letter or 'ungraded'}"
        self.undo_stack.push(
            SetGrade(set_outlet_reliability, item.data(ID_ROLE), text, letter, self._changed)
        )

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()


def _track_record(row) -> str:
    """What an outlet's claims rested on, by type and month by month."""
    lines = [f"{row.name}: {row.claims} claims in {row.articles} articles"]
    for type_ in SourcingType:
        if row.by_type.get(type_.value):
            lines.append(f"  {TYPE_LABELS[type_]}: {row.by_type[type_.value]}")
    lines.append("By month:")
    lines += [f"  {month}: {n}" for month, n in sorted(row.by_month.items())]
    return "\n".join(lines)
