"""A claim's corroboration: the claims of other stories that say the same, found by the
model or not, for a person to confirm or reject; their word decides the code's digit."""

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from sourcemark.store.links import links_of
from sourcemark.store.rollups import similar_claims
from sourcemark.store.settings import load_settings
from sourcemark.ui.commands.corroboration import LinkClaims
from sourcemark.ui.models.roles import ID_ROLE
from sourcemark.ui.wording import plain_tip

STATUS_LABELS = {"confirmed": "Confirmed", "rejected": "Rejected", None: ""}


class CorroborationDialog(QDialog):
    """Claims of other stories most like this one, best first, with what the model and the
    person made of each."""

    COLUMNS = ("Outlet", "Claim", "Similarity", "Model", "Your word")
    OUTLET, TEXT, SIMILARITY, MODEL, STATUS = range(5)

    def __init__(self, row, undo_stack, done, parent=None):
        super().__init__(parent)
        self.row, self.undo_stack, self.changed = row, undo_stack, done
        self.setWindowTitle("Corroboration")
        self.resize(860, 420)
        heading = QLabel(f"Who else reports: “{' '.join(row.text.split())[:200]}”")
        heading.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table = QTableView()
        self.table.setObjectName("corroborationTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (self.OUTLET, self.SIMILARITY, self.MODEL, self.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.confirm_button = QPushButton("&Confirm")
        self.reject_button = QPushButton("&Reject")
        self.forget_button = QPushButton("&Forget")
        for button, status in ((self.confirm_button, "confirmed"), (self.reject_button, "rejected"),
                               (self.forget_button, None)):  # fmt: skip
            button.clicked.connect(lambda _=False, s=status: self._decide(s))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        actions = QHBoxLayout()
        for button in (self.confirm_button, self.reject_button, self.forget_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        self.model.removeRows(0, self.model.rowCount())
        links = links_of([self.row.id]).get(self.row.id, {})
        threshold = load_settings().similarity
        found = set(self.row.also_reported_by)
        for claim, similarity in similar_claims(self.row.id, self.row.story_id, self.row.text):
            counted_by_model = (claim.outlet or "another story") in found and similarity >= (
                threshold
            )
            cells = [
                claim.outlet or "—",
                " ".join(claim.text.split()),
                f"{similarity:.0f}",
                "corroborates"
                if counted_by_model
                else "same, not independent"  # a copy, the same source, or citing it
                if similarity >= threshold
                else "",
                STATUS_LABELS[links.get(claim.id)],
            ]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setData(claim.id, ID_ROLE)
            items[self.TEXT].setToolTip(plain_tip(claim.text))
            self.model.appendRow(items)
        if selected is not None:
            for r in range(self.model.rowCount()):
                if self.model.index(r, 0).data(ID_ROLE) == selected:
                    self.table.selectRow(r)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def _decide(self, status: str | None) -> None:
        other = self.selected_id()
        if other is None:
            return
        self.undo_stack.push(LinkClaims(self.row.id, other, status, self._changed))

    def _changed(self, claim_ids: list[int]) -> None:
        self.changed(claim_ids)
        self.row = next((r for r in self.parent().claims.model.rows() if r.id == self.row.id),
                        self.row)  # fmt: skip
        self.reload()
