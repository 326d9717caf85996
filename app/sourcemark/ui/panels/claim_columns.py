"""The claims table's columns. The claim's text never collapses: it keeps a readable width
and wraps to two lines (elided after), and the other columns give way first, narrower with
their text elided; any of them can be hidden from the header's context menu (remembered).
Story and Outlet stand beside the claim when the table holds claims of more than one
article (All stories, a source's claims, a story of several articles)."""

import math

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QTableView

from sourcemark.ui.models.claims import ClaimTableModel as Claims

CLAIM_CHARS = 34  # the claim column shows at least this many average characters a line
CLAIM_MIN = 240  # px, whatever the font
HIDDEN_KEY = "claims/hiddenColumns"
# a column's name in the settings: its place in the model may change, its name does not
NAMES = {Claims.SOURCE: "source", Claims.TYPE: "type", Claims.STANCE: "stance",
         Claims.CODE: "code", Claims.NOTE: "note", Claims.STORY: "story",
         Claims.OUTLET: "outlet", Claims.CERTAINTY: "certainty"}  # fmt: skip
ORIGIN = (Claims.OUTLET, Claims.STORY)  # where a claim comes from: beside it, in this order
GIVE_FIRST = (Claims.NOTE, Claims.STORY)  # narrowed before the others (the claim pane shows them)


class ClaimColumns(QObject):
    """Lays out the columns of the claims ``table`` whenever its width, its rows or the
    columns shown change. Widths the user drags are kept as the columns' preferred ones."""

    def __init__(self, table: QTableView, model: Claims):
        super().__init__(table)
        self.table, self.model = table, model
        self.settings: QSettings | None = None
        self.hidden: set[int] = set()  # hidden by the user
        self.several = False  # the claims of more than one article are shown
        self.claim_wanted = 0  # a width the user dragged the claim column to
        self.menu: QMenu | None = None  # the header's context menu, once opened
        self._laying_out = False
        metrics = table.fontMetrics()
        self.claim_min = max(CLAIM_MIN, metrics.averageCharWidth() * CLAIM_CHARS + _box(table))
        self.preferred, self.minimum = _widths(table)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        for column in range(len(Claims.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.preferred.get(column, self.claim_min))
        for place, column in enumerate(ORIGIN, start=1):
            header.moveSection(header.visualIndex(column), place)
        header.moveSection(
            header.visualIndex(Claims.CERTAINTY), header.visualIndex(Claims.CODE) + 1
        )
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.sectionResized.connect(self._dragged)
        # two lines of text a row, elided after; every row the same height (the archive's
        # rows are never measured)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.lineSpacing() * 2 + 10)
        table.viewport().installEventFilter(self)
        model.modelReset.connect(self.rows_changed)
        model.rowsInserted.connect(self.rows_changed)
        self.show_columns()

    def restore(self, settings: QSettings) -> None:
        """The columns hidden last time; later changes are remembered in ``settings``."""
        self.settings = settings
        names = settings.value(HIDDEN_KEY, []) or []
        names = [names] if isinstance(names, str) else list(names)
        self.hidden = {column for column, name in NAMES.items() if name in names}
        self.show_columns()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.lay_out()
        return False

    # -- which columns ---------------------------------------------------------------------------

    def rows_changed(self, *_args) -> None:
        model = self.model
        several = model.query() is not None or len({row.article_id for row in model.rows()}) > 1
        if several != self.several:
            self.several = several
            self.show_columns()

    def shown(self, column: int) -> bool:
        """Whether a column is shown now (Story and Outlet: with claims of several articles)."""
        if column == Claims.TEXT:
            return True
        return column not in self.hidden and (column not in ORIGIN or self.several)

    def show_columns(self) -> None:
        self._laying_out = True  # hiding and showing resize sections: no drag of the user's
        try:
            for column in range(len(Claims.COLUMNS)):
                self.table.setColumnHidden(column, not self.shown(column))
        finally:
            self._laying_out = False
        self.lay_out()

    def set_hidden(self, column: int, hidden: bool) -> None:
        """Hide a column, or show it again, and remember it."""
        if hidden:
            self.hidden.add(column)
        else:
            self.hidden.discard(column)
        if self.settings is not None:
            self.settings.setValue(HIDDEN_KEY, sorted(NAMES[c] for c in self.hidden))
        self.show_columns()

    def show_menu(self, position) -> None:
        """The header's context menu: a tick for each column but the claim's."""
        menu = self.menu = QMenu(self.table)
        header = self.table.horizontalHeader()
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if column == Claims.TEXT:
                continue
            title = Claims.COLUMNS[column]
            action = menu.addAction(
                f"{title} (with claims of several articles)" if column in ORIGIN else title
            )
            action.setCheckable(True)
            action.setChecked(column not in self.hidden)
            action.toggled.connect(lambda on, column=column: self.set_hidden(column, not on))
        menu.addSeparator()
        reset = menu.addAction("Show All Columns")
        reset.triggered.connect(self.reset)
        menu.popup(header.viewport().mapToGlobal(position))

    def reset(self) -> None:
        """Every column shown again, at its first width."""
        self.hidden.clear()
        self.claim_wanted = 0
        self.preferred, self.minimum = _widths(self.table)
        if self.settings is not None:
            self.settings.remove(HIDDEN_KEY)
        self.show_columns()

    # -- how wide ------------------------------------------------------------------------------

    def others(self) -> list[int]:
        return [c for c in range(len(Claims.COLUMNS)) if c != Claims.TEXT and self.shown(c)]

    def width_wanted(self, claim: int) -> int:
        """How wide the table must be to show every column at its preferred width, the
        claim's at ``claim`` (the window's panes are laid out from it)."""
        return claim + sum(self.preferred[c] for c in self.others()) + self._edges()

    def least(self) -> int:
        """How wide the table must be to show every column, at its least."""
        return self.claim_min + sum(self.minimum[c] for c in self.others()) + self._edges()

    def _edges(self) -> int:
        extent = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return extent + 2 * self.table.frameWidth()

    def lay_out(self, keep: int | None = None) -> None:
        """Columns at their preferred widths and the claim's across the rest; when that
        leaves the claim less than its minimum, the other columns (but ``keep``, which the
        user is dragging) give up width in proportion to what they have beyond theirs."""
        if self._laying_out:
            return
        available = self.table.viewport().width()
        others = self.others()
        widths = {c: self.preferred[c] for c in others}
        floor = max(self.claim_min, self.claim_wanted)
        short = floor + sum(widths.values()) - available
        for first in (True, False):  # the note and the story first: the pane shows them
            if short <= 0:
                break
            giving = [c for c in others if c != keep and (c in GIVE_FIRST or not first)]
            spare = {c: max(0, widths[c] - self.minimum[c]) for c in giving}
            if sum(spare.values()):
                part = min(1.0, short / sum(spare.values()))
                for column in giving:
                    widths[column] -= min(spare[column], math.ceil(spare[column] * part))
            short = floor + sum(widths.values()) - available
        if short > 0 and keep is not None:
            widths[keep] = max(self.minimum[keep], widths[keep] - short)
        widths[Claims.TEXT] = max(self.claim_min, available - sum(widths.values()))
        header = self.table.horizontalHeader()
        self._laying_out = True
        try:
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._laying_out = False

    def _dragged(self, column: int, old: int, new: int) -> None:
        if self._laying_out or self.table.isColumnHidden(column) or not new or not old:
            return
        if column == Claims.TEXT:
            self.claim_wanted = new  # wider: the others give way; narrower: it fills again
            self.lay_out()
        else:
            self.preferred[column] = max(new, self.minimum[column])
            self.lay_out(keep=column)


def _box(table: QTableView) -> int:
    """The room the reviewed box takes before the claim's text."""
    style = table.style()
    return (
        style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        + 3 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        + 12
    )


def _widths(table: QTableView) -> tuple[dict[int, int], dict[int, int]]:
    """Each column's preferred width (its title and the widest value it can hold, not
    measured over the rows: the archive's are read a page at a time) and its least."""
    from sourcemark.ui.editing import stance_choices, type_choices

    metrics = table.fontMetrics()

    def fit(*texts: str, margin: int = 24) -> int:
        return max(metrics.horizontalAdvance(text) for text in texts) + margin

    char = metrics.averageCharWidth()
    swatch = 12 + 8
    types = [label.split("  ", 1)[1] for _, label in type_choices()]
    stances = [label for _, label in stance_choices()]
    preferred = {
        Claims.SOURCE: char * 18,
        Claims.TYPE: min(fit(*types, margin=swatch + 16), char * 20),
        Claims.STANCE: fit("Stance", *stances),
        Claims.CODE: fit("Code", "F6…"),
        Claims.NOTE: char * 9,
        Claims.STORY: char * 22,
        Claims.OUTLET: char * 15,
        Claims.CERTAINTY: fit("Certainty", "100%"),
    }
    minimum = {
        Claims.SOURCE: char * 8,
        Claims.TYPE: swatch + char * 5,
        Claims.STANCE: char * 7,
        Claims.CODE: fit("F6", margin=14),
        Claims.NOTE: char * 5,
        Claims.STORY: char * 9,
        Claims.OUTLET: char * 8,
        Claims.CERTAINTY: fit("100%", margin=12),
    }
    return preferred, {c: min(minimum[c], preferred[c]) for c in preferred}
