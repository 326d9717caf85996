"""The claims table with its filter bar: the claims of the story (or article) chosen, or of
every story (All stories, read a page at a time and counted on the worker)."""

from PySide6.QtCore import QItemSelectionModel, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sourcemark.analysis.types import ANONYMOUS_TYPES
from sourcemark.store.browse import (
    ClaimQuery,
    claim_counts,
    claim_cube,
    claim_total,
    facet_counts,
    matching_ids,
)
from sourcemark.ui.editing import (
    TYPE_ORDER,
    ChoiceDelegate,
    ReviewBoxDelegate,
    SourceDelegate,
    stance_choices,
    type_choices,
)
from sourcemark.ui.models.claims import ClaimFilterProxy, ClaimTableModel
from sourcemark.ui.panels.claim_columns import ClaimColumns
from sourcemark.ui.panels.filter_button import FilterButton
from sourcemark.ui.theme import themed, type_tick
from sourcemark.ui.wording import counted
from sourcemark.ui.worker import Task


class ClaimsPanel(QWidget):
    """The search and filters over the claims table (``model`` through ``proxy``), and how
    many claims it shows. The claim made current is said (``claim_current``); in All
    stories the claims found are counted on the worker (``counted``: the title and the
    counts by type and stance, None while counting), a failure said (``message``)."""

    claim_current = Signal(object)  # the claim row made current in the table
    counted = Signal(str, object)  # All stories: title, counts (None: being counted)
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(self, pool: QThreadPool):
        super().__init__()
        self.pool = pool
        self.article_filter: int | None = None  # the tree's article, whose claims alone show
        self.source_filter: int | None = None
        # All stories: the summary's title, and (found, of all) claims once counted
        self.archive_title = "All stories"
        self.archive_counts: tuple[int, int] | None = None
        self.count_tasks: set[Task] = set()
        self._build_table()
        self._build_filters()
        self._build_menu()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(8, 0, 8, 0)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.all_stories)
        search_row.addWidget(self.match_count)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(8, 0, 8, 0)
        for widget in (self.type_filter, self.stance_filter, self.reviewed_filter,
                       self.flag_filter):  # fmt: skip
            filter_row.addWidget(widget)
        filter_row.addStretch(1)
        layout.addLayout(search_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)

    def _build_table(self) -> None:
        self.model = ClaimTableModel(self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("claimTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ClaimTableModel.TEXT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # the claim's text keeps a readable width, two lines a row; the others give way
        self.columns = ClaimColumns(self.table, self.model)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        # correcting claims: editors in the cells (the review keys come from the window)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.type_delegate = ChoiceDelegate(type_choices(), self.table)
        self.stance_delegate = ChoiceDelegate(stance_choices(), self.table)
        self.source_delegate = SourceDelegate(self.table)
        self.table.setItemDelegateForColumn(ClaimTableModel.TYPE, self.type_delegate)
        self.table.setItemDelegateForColumn(ClaimTableModel.STANCE, self.stance_delegate)
        self.table.setItemDelegateForColumn(ClaimTableModel.SOURCE, self.source_delegate)
        self.review_box_delegate = ReviewBoxDelegate(self.table)
        self.table.setItemDelegateForColumn(ClaimTableModel.TEXT, self.review_box_delegate)

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("claimSearch")
        self.search.setPlaceholderText("Search claims and sources")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            themed(QAction(self.search), "mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.textChanged.connect(self._filter_changed)
        self.match_count = QLabel()
        self.match_count.setObjectName("matchCount")
        # filters: which claims the table shows, in this story or in all of them; several
        # values of one filter show the claims holding any of them, each value counted
        anonymous = tuple(t.value for t in TYPE_ORDER if t in ANONYMOUS_TYPES)
        self.type_filter = FilterButton(
            "Any type",
            "types",
            [(value, label.split("  ", 1)[1], type_tick(value)) for value, label in type_choices()],
            groups=[("Either anonymous type", anonymous)],
            hint="Only claims of the types ticked",
        )
        self.stance_filter = FilterButton(
            "Any stance",
            "stances",
            [(value, label, None) for value, label in stance_choices()],
            hint="Only claims of the stances ticked",
        )
        self.reviewed_filter = FilterButton(
            "Any review",
            "",
            [(False, "Not reviewed", None), (True, "Reviewed", None)],
            hint="Only claims reviewed, or only those not reviewed yet",
        )
        flags = ("contested", "single source", "anonymous", "interested party")
        self.flag_filter = FilterButton(
            "Any flag",
            "flags",
            [(flag, flag.capitalize(), None) for flag in flags],
            hint="Only claims with one of the flags ticked (of the credibility model)",
        )
        self.all_stories = QCheckBox("All stories")
        self.all_stories.setObjectName("allStories")
        self.all_stories.setToolTip(
            "Search and filter the claims of every story, not just this one"
        )
        # All stories: each filter's counts of its values, and the query they were counted for
        self.archive_values: dict | None = None
        self.values_of: ClaimQuery | None = None
        self.values_counting: set[ClaimQuery] = set()
        for facet, button in self.filters().items():
            button.setObjectName(f"{facet}Filter")
            button.changed.connect(self.apply_filters)
            button.values_menu.aboutToShow.connect(self.show_value_counts)

    def filters(self) -> dict[str, FilterButton]:
        """The filters of several values, by the name the store gives them (browse.FACETS)."""
        return {"type": self.type_filter, "stance": self.stance_filter,
                "reviewed": self.reviewed_filter, "flag": self.flag_filter}  # fmt: skip

    def show_value_counts(self) -> None:
        """Each filter's values with how many claims each would show, the other filters as
        they are: a story's counted here, the archive's on the worker when a menu asks
        ("…" until then)."""
        if not self.archive():
            counts = facet_counts(self.proxy.story_cube(), self.proxy.archive_query())
        elif self.values_of == self.model.query():
            counts = self.archive_values
        else:
            counts = None
            self.count_values()
        for facet, button in self.filters().items():
            button.set_counts(counts[facet] if counts is not None else None)
        for value, action in self.type_filter.entries.items():
            action.setIcon(type_tick(value))  # the theme's colours

    def _build_menu(self) -> None:
        """The table's context menu: the window's entries for the claims selected
        (``menu_entries``: actions, submenus, None for a separator), among them the panel's
        own Add Note (``note_action``) and Copy Claim Text (``copy_action``, Ctrl+C in the
        table)."""
        self.note_action = QAction("Add &Note…", self)
        self.note_action.triggered.connect(self.edit_note)
        self.copy_action = themed(QAction("&Copy Claim Text", self.table), "mdi6.content-copy")
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_claims)
        self.table.addAction(self.copy_action)
        self.menu_entries: list = [self.note_action, None, self.copy_action]
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.context_menu: QMenu | None = None

    def _menu(self, position) -> None:
        if not self.selected_claim_ids():
            return
        current = self._current_row()
        has_note = current is not None and bool(current.note)
        self.note_action.setText("Edit &Note…" if has_note else "Add &Note…")
        menu = self.context_menu = QMenu(self)
        for entry in self.menu_entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _current_row(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.claim_at(self.proxy.mapToSource(index).row())

    def edit_note(self) -> None:
        """Type the current claim's note in its cell (Return saves, Escape leaves it)."""
        index = self.table.currentIndex()
        if index.isValid():
            index = index.siblingAtColumn(ClaimTableModel.NOTE)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.edit(index)

    def copy_claims(self) -> None:
        """The text of the claims selected, one a line, to the clipboard."""
        rows = self.rows_of(self.selected_claim_ids())
        if rows:
            QApplication.clipboard().setText("\n".join(" ".join(r.text.split()) for r in rows))
            self.message.emit(f"Copied the text of {counted(len(rows), 'claim')}.", 3000)

    def find(self) -> None:
        self.search.setFocus()

    def archive(self) -> bool:
        """Whether the table shows All stories' claims (a query read a page at a time)."""
        return self.model.query() is not None

    # -- which claims ---------------------------------------------------------------------------

    def apply_filters(self) -> None:
        reviewed = self.reviewed_filter.checked()  # both ticked: any
        self.proxy.set_filters(
            type_=self.type_filter.checked(),
            stance=self.stance_filter.checked(),
            reviewed=reviewed[0] if len(reviewed) == 1 else None,
            source=self.source_filter,
            flag=self.flag_filter.checked(),
        )
        self.count_archive()
        self.update_count()

    def count_archive(self) -> None:
        """Count the archive's claims the table's query finds, by type and stance, on the
        worker (the table shows its first page meanwhile); the summary and count follow."""
        query = self.model.query()
        if query is None:
            return
        self.archive_counts = self.values_of = None  # the claims may have changed too
        if any(button.values_menu.isVisible() for button in self.filters().values()):
            self.count_values()
        self.counted.emit(self.archive_title, None)
        self.update_count()
        title = self.archive_title
        task = Task(lambda progress, cancelled: (claim_counts(query), claim_total()))
        self.count_tasks.add(task)

        def done(result) -> None:
            self.count_tasks.discard(task)
            if self.model.query() != query:
                return  # the search or filters changed meanwhile: a later count follows
            counts, total = result
            self.archive_counts = (sum(count[3] for count in counts), total)
            self.counted.emit(title, counts)
            self.update_count()

        def failed(message: str) -> None:
            self.count_tasks.discard(task)
            if self.model.query() == query:
                self.match_count.setText("")
                self.message.emit(f"Could not count the claims: {message}", 8000)

        task.signals.finished.connect(done)
        task.signals.errored.connect(failed)
        self.pool.start(task)

    def count_values(self) -> None:
        """Count each filter's values among the archive's claims on the worker, for the query
        shown (one aggregate query: a full read of 250,000 claims takes a third of a
        second, so only when a filter's menu is open); the open menu follows."""
        query = self.model.query()
        if query is None or query in self.values_counting:
            return
        self.values_counting.add(query)
        task = Task(lambda progress, cancelled: facet_counts(claim_cube(query), query))
        self.count_tasks.add(task)

        def done(counts) -> None:
            self.count_tasks.discard(task)
            self.values_counting.discard(query)
            if self.model.query() == query:
                self.archive_values, self.values_of = counts, query
                self.show_value_counts()

        def failed(message: str) -> None:
            self.count_tasks.discard(task)
            self.values_counting.discard(query)
            self.message.emit(f"Could not count the filters' values: {message}", 8000)

        task.signals.finished.connect(done)
        task.signals.errored.connect(failed)
        self.pool.start(task)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self.count_archive()
        self.update_count()

    def shown_and_total(self) -> tuple[int, int] | None:
        """How many claims the table shows (all its rows, read or not) of how many it could:
        None while the archive's are counted."""
        if self.model.query() is not None:
            return self.archive_counts
        return self.proxy.rowCount(), self.model.rowCount()

    def update_count(self) -> None:
        if any(button.values_menu.isVisible() for button in self.filters().values()):
            self.show_value_counts()  # an open filter's counts follow
        counts = self.shown_and_total()
        if counts is None:
            self.match_count.setText("Counting…")
            return
        shown, total = counts
        self.match_count.setText(
            f"{shown:,} of {counted(total, 'claim')}" if shown != total else counted(total, "claim")
        )

    # -- selection ------------------------------------------------------------------------------

    def selected_claim_ids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.claim_at(row).id for row in sorted(rows)]

    def shown_claim_ids(self) -> list[int]:
        """Every claim the table shows, in its order (in All stories, read or not yet)."""
        query = self.model.query()
        if query is not None:
            return matching_ids(query)
        proxy = self.proxy
        return [self.model.claim_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
                for r in range(proxy.rowCount())]  # fmt: skip

    def rows_of(self, ids: list[int]):
        wanted = set(ids)
        return [row for row in self.model.rows() if row.id in wanted]

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.claim_current.emit(self.model.claim_at(self.proxy.mapToSource(current).row()))

    def select_claim(self, claim_id: int) -> None:
        """Select a claim in the table (clearing a search that hides it) and show it."""
        row = self.model.read_through(claim_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def current_row(self) -> int:
        """The table's current row as shown (-1: none)."""
        return self.table.currentIndex().row()

    def keep_a_selection(self, row: int) -> None:
        """When a change left nothing selected (the claims deleted, or moved out of the
        filter shown), select the claim that now stands at ``row``, or the last one: the
        next key acts on the next claim, as in mail and triage tools."""
        count = self.proxy.rowCount()
        if row < 0 or count == 0 or self.table.selectionModel().hasSelection():
            return
        index = self.proxy.index(min(row, count - 1), 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select_claims(self, claim_ids: list[int]) -> None:
        """Select these claims in the table (those it shows), the first one current."""
        selection = self.table.selectionModel()
        indexes = [self.proxy.mapFromSource(self.model.index(row, 0))
                   for row in map(self.model.row_of, claim_ids) if row >= 0]  # fmt: skip
        indexes = [index for index in indexes if index.isValid()]
        if not indexes:
            return
        selection.clearSelection()
        for index in indexes:
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        selection.setCurrentIndex(indexes[0], QItemSelectionModel.SelectionFlag.NoUpdate)
