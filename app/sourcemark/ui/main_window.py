"""The main window: stories on the left, claims in the middle, the article on the right."""

from PySide6.QtCore import (
    QItemSelectionModel,
    QSettings,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sourcemark import APP_NAME, __version__
from sourcemark.store import describe
from sourcemark.store.browse import (
    claim_counts,
    claim_total,
    matching_ids,
)
from sourcemark.store.edits import merge_claims, split_claim
from sourcemark.store.models import Article, Claim, revision
from sourcemark.store.rows import (
    article_by_id,
    article_or_none,
    articles_of,
    claim_count,
    claims_by_id,
    claims_of_story,
    story_rows,
)
from sourcemark.ui.actions import (
    Situation,
    build_actions,
    build_menu,
    build_toolbar,
    update_enabled,
)
from sourcemark.ui.article_view import ArticleView
from sourcemark.ui.commands.claims import (
    AddClaim,
    ChangeArticleClaims,
    DeleteClaims,
    EditClaims,
    rerun_analyzer,
)
from sourcemark.ui.commands.store import StoreCommand
from sourcemark.ui.controllers.changes import ChangesController
from sourcemark.ui.controllers.database import DatabaseController
from sourcemark.ui.controllers.imports import ImportController
from sourcemark.ui.controllers.output import OutputController
from sourcemark.ui.controllers.scoring import ScoringController
from sourcemark.ui.dialogs.new_claim import NewClaimDialog
from sourcemark.ui.editing import (
    ChoiceDelegate,
    ReviewBoxDelegate,
    ReviewKeys,
    SourceDelegate,
    stance_choices,
    type_choices,
)
from sourcemark.ui.models.claims import ClaimFilterProxy, ClaimTableModel
from sourcemark.ui.models.roles import ID_ROLE, KIND_ROLE
from sourcemark.ui.models.stories import StoryTreeModel, article_label
from sourcemark.ui.palette import THEMES, apply_theme
from sourcemark.ui.summary import SummaryStrip
from sourcemark.ui.theme import icon, refresh_icons, themed
from sourcemark.ui.wording import FIELD_NAMES, counted, short, shown_value
from sourcemark.ui.worker import Task

ANONYMOUS = "anonymous"  # the type filter's entry for both anonymous types


class EmptyState(QWidget):
    """What a new user sees: how to bring in the first article."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.picture = picture = QLabel()
        self.set_picture()
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel("Drop a news article here")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(
            "Sourcemark finds every claim in it and what the claim rests on: named officials,\n"
            "anonymous sources, denials, other outlets' reports, documents, or nothing at all."
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.import_button = themed(QPushButton("Import articles…"), "mdi6.file-import-outline")
        self.import_button.clicked.connect(window.imports.import_files)
        self.sample_button = themed(
            QPushButton("Try the sample story"), "mdi6.newspaper-variant-outline"
        )
        self.sample_button.clicked.connect(window.imports.import_sample)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch()
        formats = QLabel(
            "Web pages, PDF, Word, e-mail, plain text and Markdown files, links dragged from\n"
            "a browser, or a selection of text; Ctrl+V pastes what you copied."
        )
        formats.setObjectName("formatsHint")
        formats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        small = formats.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        formats.setFont(small)
        for widget in (picture, heading, hint):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(formats)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def set_picture(self) -> None:
        self.picture.setPixmap(icon("mdi6.tray-arrow-down").pixmap(QSize(96, 96)))


class MainWindow(QMainWindow):
    imports_done = Signal(object)  # the ImportReport, after the window has shown it
    import_progressed = Signal(int, int)  # done, total
    export_done = Signal(object)  # (stories, claims) written
    backup_done = Signal(object)  # today's backup's path, or None (one existed, or it failed)

    def __init__(self, database_url: str, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.pool = QThreadPool.globalInstance()
        self.undo_stack = QUndoStack(self)
        self._article_filter: int | None = None
        self._source_filter: int | None = None
        # All stories: the summary's title, and (found, of all) claims once counted
        self._archive_title = "All stories"
        self._archive_counts: tuple[int, int] | None = None
        self._count_tasks: set[Task] = set()
        self._keep_scope = False  # while the list is reloaded: choosing a story keeps it
        self.sources_dialog = None
        self.outlets_dialog = None
        self._build_controllers(database_url)
        self.setAcceptDrops(True)
        self._build_actions()
        self._build_widgets()
        self._build_menus()
        self._restore_layout()
        self.refresh()
        self.changes.start()  # other people's changes appear by themselves

    # -- construction -------------------------------------------------------------------------

    def _build_controllers(self, database_url: str) -> None:
        """One controller for each job; they reach the widgets built next once they are
        called, and the window passes on their signals as its own."""
        self.database = DatabaseController(
            self, database_url, self.settings, self.pool, busy=lambda: self.imports.busy()
        )
        store_problem = self.database.store_problem
        StoreCommand.problem = store_problem  # a step the database refused: say why
        self.imports = ImportController(self, self.settings, self.pool, store_problem)
        self.output = OutputController(self, self.settings, self.pool, store_problem)
        self.scoring = ScoringController(self, self.pool, store_problem)
        self.changes = ChangesController(self, busy=self.imports.busy)
        self.imports.done.connect(self.imports_done)
        self.imports.progressed.connect(self.import_progressed)
        self.output.export_done.connect(self.export_done)
        self.database.backup_done.connect(self.backup_done)

    def _build_actions(self) -> None:
        """The actions of the table in ui/actions.py, and the undo stack's own two."""
        build_actions(self)
        self.undo_action = themed(self.undo_stack.createUndoAction(self, "&Undo"), "mdi6.undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = themed(self.undo_stack.createRedoAction(self, "&Redo"), "mdi6.redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])

    def update_actions(self) -> None:
        """Enable the actions that can be used now (ui/actions.py says when each can): on
        opening a database and switching to another."""
        from sourcemark.store.db import is_read_only

        update_enabled(self, Situation(writable=not is_read_only()))

    def find_claims(self) -> None:
        self.search.setFocus()

    def delete_selected(self) -> None:
        self.delete_claims(self.selected_claim_ids())

    def _build_widgets(self) -> None:
        self.tree_model = StoryTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("storyTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the count and score columns as wide as their widest possible text, not measured
        # over every story (which would ask for each of ten thousand rows at startup)
        fit_columns(self.tree, self.tree.header(), StoryTreeModel.COLUMNS,
                    {1: ["88,888"], 2: ["100 F6"]}, QHeaderView.ResizeMode.Fixed, 18)  # fmt: skip
        # newest first until a header is clicked; then by title, claims or score
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        # Ctrl- and Shift-click choose several stories (to export them together)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # nothing in the list is edited in place (the view says so once, not each item)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        # drop on a story to add to it, between stories for a new one
        self.tree.setAcceptDrops(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree_model.itemsDropped.connect(self.imports.start_import)

        self.claim_model = ClaimTableModel(self)
        self.claim_proxy = ClaimFilterProxy(self)
        self.claim_proxy.setSourceModel(self.claim_model)
        self.table = QTableView()
        self.table.setObjectName("claimTable")
        self.table.setModel(self.claim_proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ClaimTableModel.TEXT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ClaimTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ClaimTableModel.SOURCE, 130), (ClaimTableModel.TYPE, 135)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # widths from the longest value a column can hold, not from its rows: sizing to the
        # rows would read every row read so far again after each search (All stories)
        fit_columns(self.table, header, ClaimTableModel.COLUMNS,
                    {ClaimTableModel.STANCE: [label for _, label in stance_choices()],
                     ClaimTableModel.CODE: ["F6", "…"]},
                    QHeaderView.ResizeMode.Interactive, 40)  # fmt: skip
        self.table.selectionModel().currentRowChanged.connect(self._claim_current_changed)
        # correcting claims: editors in the cells, review keys, every edit undoable
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
        header.setSectionResizeMode(ClaimTableModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ClaimTableModel.NOTE, 64)
        self.review_keys = ReviewKeys(
            self.selected_claim_ids, self.edit_claims, self.delete_claims, self.toggle_reviewed
        )
        self.table.installEventFilter(self.review_keys)
        # queued: the command runs once the cell editor has finished committing
        self.claim_model.editRequested.connect(
            self._edit_requested, Qt.ConnectionType.QueuedConnection
        )

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
        # filters: which claims the table shows, in this story or in all of them
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.addItem("Any type", None)
        self.type_filter.addItem("Anonymous (officials or sources)", ANONYMOUS)
        for value, label in type_choices():
            self.type_filter.addItem(label.split("  ", 1)[1], value)
        self.stance_filter = QComboBox()
        self.stance_filter.setObjectName("stanceFilter")
        self.stance_filter.addItem("Any stance", None)
        for value, label in stance_choices():
            self.stance_filter.addItem(label, value)
        self.reviewed_filter = QComboBox()
        self.reviewed_filter.setObjectName("reviewedFilter")
        for label, value in (("Any review", None), ("Not reviewed", False),
                             ("Reviewed", True)):  # fmt: skip
            self.reviewed_filter.addItem(label, value)
        self.flag_filter = QComboBox()
        self.flag_filter.setObjectName("flagFilter")
        self.flag_filter.setToolTip("Only claims with this flag of the credibility model")
        for label, value in (("Any flag", None), ("Contested", "contested"),
                             ("Single source", "single source"), ("Anonymous", "anonymous"),
                             ("Interested party", "interested party")):  # fmt: skip
            self.flag_filter.addItem(label, value)
        self.all_stories = QCheckBox("All stories")
        self.all_stories.setObjectName("allStories")
        self.all_stories.setToolTip(
            "Search and filter the claims of every story, not just this one"
        )
        for combo in (self.type_filter, self.stance_filter, self.reviewed_filter, self.flag_filter):
            # narrow when the window is: the full labels are in the open list
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self._apply_filters)
        self.all_stories.toggled.connect(self._scope_changed)

        self.summary = SummaryStrip()
        self.article_title = QLabel()
        self.article_title.setObjectName("articleTitle")
        self.article_title.setWordWrap(True)
        self.article_title.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.article_title.font()
        title_font.setBold(True)
        self.article_title.setFont(title_font)
        self.article_meta = QLabel()
        self.article_meta.setObjectName("articleMeta")
        self.article_meta.setTextFormat(Qt.TextFormat.PlainText)
        self.article_meta.setWordWrap(True)
        self.article = ArticleView()
        self.article.claim_clicked.connect(self.select_claim)
        self.article.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article.customContextMenuRequested.connect(self._article_menu)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(6)
        center_layout.addWidget(self.summary)
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
        center_layout.addLayout(search_row)
        center_layout.addLayout(filter_row)
        center_layout.addWidget(self.table, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 10, 0, 0)
        right_layout.setSpacing(2)
        for label in (self.article_title, self.article_meta):
            label.setContentsMargins(12, 0, 12, 0)
            right_layout.addWidget(label)
        right_layout.addWidget(self.article, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(center)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([300, 700, 400])
        self.splitter.setChildrenCollapsible(False)

        self.empty = EmptyState(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        build_toolbar(self, toolbar)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton()
        themed(self.cancel_button, "mdi6.close-circle-outline")
        self.cancel_button.setToolTip("Cancel the import")
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.imports.cancel_import)
        self.cancel_button.hide()
        self.db_label = QLabel(describe(self.database.url))
        self.db_label.setObjectName("databaseLabel")
        self.db_label.setToolTip("The database in use")
        status = self.statusBar()
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.db_label)
        self.database.show_database()

    def _build_menus(self) -> None:
        build_menu(self, "file")
        build_menu(self, "edit", before=[self.undo_action, self.redo_action])
        view_menu = build_menu(self, "view")
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        current = str(self.settings.value("view/theme", "system"))
        self.theme_actions: dict[str, QAction] = {}
        for name in THEMES:
            action = QAction(name.capitalize(), self, checkable=True)
            action.setChecked(name == current)
            action.triggered.connect(lambda _checked=False, name=name: self.set_theme(name))
            self.theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action
        build_menu(self, "help")

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event):
        self.changes.stop()
        task = self.imports.task
        if task is not None:
            task.cancel()
        if task or self.scoring.task or self.database.backup_task or self._count_tasks:
            self.pool.waitForDone(10_000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the story list from the database, keeping the current selection."""
        self.changes.known_revision = revision()
        current = self.current_story_id()
        self.scoring.score_stale_stories()
        stories = story_rows()
        self.tree_model.load(stories)
        if not self.tree_model.lazy():
            self.tree.expandAll()  # a large archive opens with its stories folded
        self.stack.setCurrentWidget(self.splitter if stories else self.empty)
        n_articles, n_claims = sum(s.articles for s in stories), sum(s.claims for s in stories)
        self.statusBar().showMessage(
            f"{counted(len(stories), 'story', 'stories')}, {counted(n_articles, 'article')}, "
            f"{counted(n_claims, 'claim')}"
        )
        if stories and self.all_stories.isChecked():
            self._keep_scope = True  # the story list changed under the archive's claims
            try:
                self.select_story(current if current in {s.id for s in stories} else stories[0].id)
            finally:
                self._keep_scope = False
            self._reload_claims()
        elif stories:
            self.select_story(current if current in {s.id for s in stories} else stories[0].id)
        else:
            self._show_story(None)

    def current_story_id(self) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        if index.parent().isValid():
            index = index.parent()
        return index.siblingAtColumn(0).data(ID_ROLE)

    def selected_story_ids(self) -> list[int]:
        """The stories chosen in the list (an article chosen stands for its story), in the
        list's order."""
        ids: list[int] = []
        for index in sorted(self.tree.selectionModel().selectedRows(), key=self._tree_order):
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
        self.tree.selectionModel().setCurrentIndex(
            self.tree_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not self._keep_scope:
            self._show_story(story_id)

    def _tree_current_changed(self, current, _previous) -> None:
        if not current.isValid() or self._keep_scope:
            return
        if self.all_stories.isChecked():
            self.all_stories.setChecked(False)  # choosing a story narrows the table to it
        index = current.siblingAtColumn(0)
        if index.data(KIND_ROLE) == StoryTreeModel.ARTICLE:
            self._show_story(index.parent().data(ID_ROLE), article_id=index.data(ID_ROLE))
        else:
            self._show_story(index.data(ID_ROLE))

    def _show_story(self, story_id: int | None, article_id: int | None = None) -> None:
        self._article_filter = article_id  # the tree's article, whose claims alone are shown
        if story_id is None:
            self.claim_model.set_claims([])
            self.summary.show_story(None, [], [])
            self.article.show_article(None, "", "", [])
            self.article_title.setText("")
            self.article_meta.setText("")
            self._update_count()
            return
        articles = articles_of(story_id)
        claims = claims_of_story(story_id)
        if article_id is not None:
            claims = [c for c in claims if c.article_id == article_id]
        self.claim_model.set_claims(claims)
        rows = self.claim_model.rows()
        title = self.tree_model.index(self._story_row(story_id), 0).data()
        self.summary.show_story(title, self._outlets(story_id, articles), rows)
        shown = next((a for a in articles if a.id == article_id), articles[0] if articles else None)
        self._show_article(shown, rows)
        self._update_count()

    @staticmethod
    def _outlets(story_id: int | None, articles: list[Article] | None = None) -> list[str]:
        if story_id is None:
            return []
        articles = articles if articles is not None else articles_of(story_id)
        return sorted({a.outlet.name for a in articles if a.outlet})

    def _story_row(self, story_id: int) -> int:
        return self.tree_model.row_of(story_id)

    def _show_article(self, article: Article | None, rows) -> None:
        if article is None:
            self.article.show_article(None, "", "", [])
            self.article_title.setText("")
            self.article_meta.setText("")
            return
        self.article.show_article(article.id, article.title, article.text, rows)
        self.article_title.setText(article.title)
        meta = [article_label(article)]
        if article.published:
            meta.append(article.published.isoformat())
        if article.byline:
            meta.append(article.byline)
        self.article_meta.setText(" · ".join(meta))

    def _claim_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        claim = self.claim_model.claim_at(self.claim_proxy.mapToSource(current).row())
        if claim.article_id != self.article.article_id:
            self._show_article(article_by_id(claim.article_id),
                               self.claim_model.article_rows(claim.article_id))  # fmt: skip
        self.article.select_claim(claim.id)

    def select_claim(self, claim_id: int) -> None:
        """Select a claim in the table (clearing a search that hides it) and show it."""
        row = self.claim_model.read_through(claim_id)
        if row < 0:
            return
        index = self.claim_proxy.mapFromSource(self.claim_model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.claim_proxy.mapFromSource(self.claim_model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _apply_filters(self) -> None:
        type_ = self.type_filter.currentData()
        self.claim_proxy.set_filters(
            type_=None if type_ == ANONYMOUS else type_,
            stance=self.stance_filter.currentData(),
            reviewed=self.reviewed_filter.currentData(),
            anonymous_only=type_ == ANONYMOUS,
            source=self._source_filter,
            flag=self.flag_filter.currentData(),
        )
        self._count_archive()
        self._update_count()

    def _count_archive(self) -> None:
        """Count the archive's claims the table's query finds, by type and stance, on the
        worker (the table shows its first page meanwhile); the summary and count follow."""
        query = self.claim_model.query()
        if query is None:
            return
        self._archive_counts = None
        self.summary.show_counts(self._archive_title, None)
        self._update_count()
        title = self._archive_title
        task = Task(lambda progress, cancelled: (claim_counts(query), claim_total()))
        self._count_tasks.add(task)

        def done(result) -> None:
            self._count_tasks.discard(task)
            if self.claim_model.query() != query:
                return  # the search or filters changed meanwhile: a later count follows
            counts, total = result
            self._archive_counts = (sum(count[3] for count in counts), total)
            self.summary.show_counts(title, counts)
            self._update_count()

        def failed(message: str) -> None:
            self._count_tasks.discard(task)
            if self.claim_model.query() == query:
                self.match_count.setText("")
                self.statusBar().showMessage(f"Could not count the claims: {message}", 8000)

        task.signals.finished.connect(done)
        task.signals.errored.connect(failed)
        self.pool.start(task)

    def _scope_changed(self, everywhere: bool) -> None:
        """All stories: the table shows the claims of every story that the search and filters
        find, read from the database a page at a time with their stored grades."""
        if everywhere:
            self._article_filter = None
            self._archive_title = "All stories"
            self.scoring.score_stale_stories()  # stored grades first: a few now, many on the worker
            self.claim_proxy.show_archive()
            self._count_archive()
        else:
            self._source_filter = None
            self._apply_filters()
            self._show_story(self.current_story_id())

    def edit_model_settings(self) -> None:
        from sourcemark.store.edits import save_settings
        from sourcemark.store.settings import load_settings
        from sourcemark.ui.dialogs.model_settings import ModelSettingsDialog

        dialog = ModelSettingsDialog(load_settings(), self)
        self.settings_dialog = dialog

        def save() -> None:
            save_settings(dialog.settings())
            self.refresh()  # every score and code follows the new settings
            self.statusBar().showMessage(
                "Credibility model settings saved with the database.", 5000
            )

        dialog.accepted.connect(save)
        dialog.open()

    def show_corroboration(self) -> None:
        from sourcemark.ui.dialogs.corroboration import CorroborationDialog

        rows = self._rows_of(self.selected_claim_ids()[:1])
        if not rows:
            self.statusBar().showMessage("Select a claim first.", 5000)
            return
        dialog = CorroborationDialog(rows[0], self.undo_stack, self._claims_changed, self)
        self.corroboration_dialog = dialog
        dialog.show()

    def show_outlets(self) -> None:
        from sourcemark.ui.dialogs.outlets import OutletsDialog

        if self.outlets_dialog is None:
            self.outlets_dialog = OutletsDialog(self.undo_stack, self)
            self.outlets_dialog.changed.connect(self.refresh)  # codes and scores follow
        else:
            self.outlets_dialog.reload()
        self.outlets_dialog.show()
        self.outlets_dialog.raise_()

    def show_sources(self) -> None:
        from sourcemark.ui.dialogs.sources import SourcesDialog

        if self.sources_dialog is None:
            self.sources_dialog = SourcesDialog(self.undo_stack, self)
            # a grade or a merge changes the codes of the claims shown
            self.sources_dialog.changed.connect(self._reload_claims)
            self.sources_dialog.showClaims.connect(self.show_source_claims)
        else:
            self.sources_dialog.reload()
        self.sources_dialog.show()
        self.sources_dialog.raise_()

    def _reload_claims(self) -> None:
        if self.claim_model.query() is not None:
            self.scoring.score_stale_stories()
            self.claim_model.reload()
            self._count_archive()
        else:
            self._show_story(self.current_story_id(), article_id=self._article_filter)

    def show_source_claims(self, source_id: int, name: str) -> None:
        """Every claim, in every story, that rests on one registry source."""
        self.all_stories.setChecked(True)
        self._source_filter = source_id
        self._archive_title = f"Claims of “{name}”"
        self._apply_filters()

    def _filter_changed(self, text: str) -> None:
        self.claim_proxy.set_search(text)
        self._count_archive()
        self._update_count()

    def shown_and_total(self) -> tuple[int, int] | None:
        """How many claims the table shows (all its rows, read or not) of how many it could:
        None while the archive's are counted."""
        if self.claim_model.query() is not None:
            return self._archive_counts
        return self.claim_proxy.rowCount(), self.claim_model.rowCount()

    def _update_count(self) -> None:
        counts = self.shown_and_total()
        if counts is None:
            self.match_count.setText("Counting…")
            return
        shown, total = counts
        self.match_count.setText(
            f"{shown:,} of {counted(total, 'claim')}" if shown != total else counted(total, "claim")
        )

    # -- correcting claims ----------------------------------------------------------------------

    def selected_claim_ids(self) -> list[int]:
        rows = {
            self.claim_proxy.mapToSource(i).row()
            for i in self.table.selectionModel().selectedRows()
        }
        return [self.claim_model.claim_at(row).id for row in sorted(rows)]

    def shown_claim_ids(self) -> list[int]:
        """Every claim the table shows, in its order (in All stories, read or not yet)."""
        query = self.claim_model.query()
        if query is not None:
            return matching_ids(query)
        proxy = self.claim_proxy
        return [self.claim_model.claim_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
                for r in range(proxy.rowCount())]  # fmt: skip

    def _rows_of(self, ids: list[int]):
        wanted = set(ids)
        return [row for row in self.claim_model.rows() if row.id in wanted]

    def _edit_requested(self, claim_id: int, changes: dict) -> None:
        self.edit_claims([claim_id], changes)

    def edit_claims(self, claim_ids: list[int], changes: dict) -> None:
        """Change claims as one undoable step, saved at once."""
        if claim_ids:
            command = EditClaims(list(claim_ids), changes, self._claims_changed,
                                 self.claim_model.known_version, self.show_conflicts)  # fmt: skip
            self.undo_stack.push(command)

    def show_conflicts(self, conflicts: list) -> None:
        """Claims someone else changed (or deleted) since this window read them: say what
        they hold now, that nothing was overwritten, and offer to reload."""
        lines = []
        for conflict in conflicts[:8]:
            mine = next(iter(self._rows_of([conflict.claim_id])), None)
            text = short(conflict.text or (mine.text if mine else f"claim {conflict.claim_id}"), 70)
            if conflict.theirs is None:
                lines.append(f"• “{text}” was deleted by someone else.")
                continue
            had = {} if mine is None else {"type": mine.type, "stance": mine.stance,
                   "source_mention": mine.source or None, "reviewed": mine.reviewed,
                   "note": mine.note}  # fmt: skip
            changed = {f: v for f, v in conflict.theirs.items()
                       if f not in had or (had[f] or None) != (v or None)}  # fmt: skip
            theirs = ", ".join(("a review mark" if v else "no review mark") if f == "reviewed"
                               else f"{FIELD_NAMES.get(f, f)} {shown_value(f, v)}"
                               for f, v in changed.items())  # fmt: skip
            lines.append(f"• “{text}” now has {theirs or 'other changes'}.")
        if len(conflicts) > 8:
            lines.append(f"… and {len(conflicts) - 8} more.")
        box = QMessageBox(QMessageBox.Icon.Warning, "Changed by someone else",
                          f"{counted(len(conflicts), 'claim')} changed by someone else since "
                          "you opened the story, so your change was not saved there "
                          "(nothing was overwritten):", parent=self)  # fmt: skip
        box.setInformativeText(
            "\n".join(lines) + "\n\nReload to see their changes, then edit again."
        )
        reload_button = box.addButton("&Reload", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(reload_button)
        reload_button.clicked.connect(self.reload_story)
        self.conflict_box = box
        box.open()

    def forget_database(self) -> None:
        """After a switch to another database: what belonged to the one left goes (its undo
        steps, its registries' dialogs)."""
        self.undo_stack.clear()  # its steps belong to the other database
        for name in ("sources_dialog", "outlets_dialog"):
            dialog = getattr(self, name)
            if dialog is not None:
                dialog.close()
                setattr(self, name, None)

    def reload_story(self) -> None:
        """Read the story shown (and the list) again from the database."""
        self.refresh()

    def delete_claims(self, claim_ids: list[int]) -> None:
        if claim_ids:
            self.undo_stack.push(DeleteClaims(list(claim_ids), self._claims_changed,
                                              self.claim_model.known_version,
                                              self.show_conflicts))  # fmt: skip

    def add_claim_from_selection(self) -> None:
        cursor = self.article.textCursor()
        if self.article.article_id is None or not cursor.hasSelection():
            self.statusBar().showMessage(
                "Select the words of the claim in the article first.", 5000
            )
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        article_id = self.article.article_id
        dialog = NewClaimDialog(cursor.selectedText().replace("\u2029", " "), self)
        self.claim_dialog = dialog

        def add() -> None:
            command = AddClaim(article_id, start, end, dialog.fields(), self._claims_changed)
            self.undo_stack.push(command)

        dialog.accepted.connect(add)
        dialog.open()  # window-modal, without a nested event loop

    def split_claim(self) -> None:
        """Cut the claim under the article's cursor at the cursor."""
        at = self.article.textCursor().position()
        claim = next(
            (c for c in self.claim_model.rows()
             if c.article_id == self.article.article_id and c.start < at < c.end),
            None,
        )  # fmt: skip
        if claim is None:
            self.statusBar().showMessage(
                "Put the cursor inside a highlighted claim, where it should be cut.", 5000
            )
            return
        version = self.claim_model.known_version(claim.id)
        self._change_claims("Split claim", claim.article_id,
                            lambda: split_claim(claim.id, at, version))  # fmt: skip

    def merge_claims(self) -> None:
        rows = self._rows_of(self.selected_claim_ids())
        if len(rows) < 2 or len({row.article_id for row in rows}) > 1:
            self.statusBar().showMessage(
                "Select two or more claims of the same article to merge them.", 5000
            )
            return
        ids = [row.id for row in rows]
        versions = {claim_id: self.claim_model.known_version(claim_id) for claim_id in ids}
        self._change_claims(
            f"Merge {len(ids)} claims", rows[0].article_id, lambda: [merge_claims(ids, versions)]
        )

    def _change_claims(self, text: str, article_id: int, change) -> None:
        model = self.claim_model
        command = ChangeArticleClaims(text, article_id, change, self._claims_changed,
                                      model.known_version, self.show_conflicts)  # fmt: skip
        self.undo_stack.push(command)
        if command.error:
            self.statusBar().showMessage(command.error.capitalize() + ".", 5000)

    def reanalyze_article(self) -> None:
        if self.article.article_id is not None:
            article_id = self.article.article_id
            self._change_claims(
                "Re-analyse article", article_id, lambda: rerun_analyzer(article_id)
            )
            self.statusBar().showMessage(
                "Re-analysed; the claims you made or changed were kept.", 5000
            )

    def _article_menu(self, position) -> None:
        menu = self.article.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addAction(self.add_claim_action)
        menu.addAction(self.split_action)
        menu.addAction(self.reanalyze_action)
        menu.exec(self.article.viewport().mapToGlobal(position))

    def toggle_reviewed(self) -> None:
        ids = self.selected_claim_ids()
        if ids:
            rows = self._rows_of(ids)
            self.edit_claims(ids, {"reviewed": not all(row.reviewed for row in rows)})

    def _claims_changed(self, claim_ids: list[int]) -> None:
        """After an edit, its undo or redo: show the stored claims, with the story's roll-up
        and counts, and the claims concerned selected."""
        claims = claims_by_id(claim_ids)
        if self.claim_model.query() is not None:
            self._archive_claims_changed(claims)
            return
        story_id = self.current_story_id()
        if claims and claims[0].article.story_id != story_id:
            story_id = claims[0].article.story_id
            self.select_story(story_id)
        shown = {row.id for row in self.claim_model.rows()}
        same_set = len(shown) == self._stored_claim_count(story_id)
        if claims and same_set and all(claim.id in shown for claim in claims):
            # the same claims, changed: update them in place (editors and selection stay)
            self.claim_model.refresh_rows(claims)
            rows = self.claim_model.rows()
            self.summary.show_story(self.summary.title.text(), self._outlets(story_id), rows)
            self.article.update_claims(rows)
            self._update_tree_counts(story_id)
            return
        scroll = self.table.verticalScrollBar().value()
        article_id = self.article.article_id
        self._show_story(story_id, article_id=self._article_filter)
        self.table.verticalScrollBar().setValue(scroll)
        self.select_claims([claim.id for claim in claims])
        if not claims and article_id is not None:
            self._show_article(article_or_none(article_id), self.claim_model.rows())
        self._update_tree_counts(story_id)

    def _archive_claims_changed(self, claims: list[Claim]) -> None:
        """After an edit in All stories: the claims read again in place with their grades
        (and the stories' scores) brought up to date, or the query again when claims were
        added or deleted."""
        self.scoring.score_stale_stories(show=True)
        if claims and all(self.claim_model.row_of(claim.id) >= 0 for claim in claims):
            self.claim_model.refresh_rows(claims)
        else:
            scroll = self.table.verticalScrollBar().value()
            self.claim_model.reload()
            self.table.verticalScrollBar().setValue(scroll)
        self._count_archive()
        if self.article.article_id is not None:
            self.article.update_claims(self.claim_model.article_rows(self.article.article_id))
        self.select_claims([claim.id for claim in claims])

    def select_claims(self, claim_ids: list[int]) -> None:
        """Select these claims in the table (those it shows), the first one current."""
        selection = self.table.selectionModel()
        indexes = [self.claim_proxy.mapFromSource(self.claim_model.index(row, 0))
                   for row in map(self.claim_model.row_of, claim_ids) if row >= 0]  # fmt: skip
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

    def _stored_claim_count(self, story_id: int | None) -> int:
        """How many claims the table should hold: the story's, or the chosen article's."""
        return claim_count(story_id, self._article_filter)

    def _update_tree_counts(self, story_id: int | None) -> None:
        """The claim counts of one story and its articles, in place."""
        if story_id is None:
            return
        row = self._story_row(story_id)
        if row < 0:
            return
        counts = {a.id: 0 for a in articles_of(story_id)}
        for claim in (
            self.claim_model.rows() if self._article_filter is None else claims_of_story(story_id)
        ):
            counts[claim.article_id] = counts.get(claim.article_id, 0) + 1
        self.tree_model.set_counts(story_id, counts)
        self.scoring.score_stale_stories(show=True)  # this story, and those its claims' links reach

    # -- dropping (what is dropped is imported) -----------------------------------------------

    def dragEnterEvent(self, event):
        self.imports.drag_entered(event)

    def dragMoveEvent(self, event):
        self.imports.drag_entered(event)

    def dropEvent(self, event):
        self.imports.dropped(event)

    def set_theme(self, name: str) -> None:
        """Switch the whole application to a theme now, and remember it."""
        apply_theme(QApplication.instance(), name)
        self.settings.setValue("view/theme", name)
        self.theme_actions[name].setChecked(True)
        refresh_icons(self)
        self.empty.set_picture()
        self.refresh()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Find every claim in a news story and what it rests on.</p>"
            f"<p>Database: {describe(self.database.url)}</p>",
        )


def fit_columns(view, header, titles, values: dict[int, list[str]], mode, margin: int) -> None:
    """A view's columns as wide as the widest of their title and the values they can hold
    (plus ``margin`` for the cell's padding and the sort arrow), never measured from rows."""
    metrics = view.fontMetrics()
    for column, texts in values.items():
        widest = max(metrics.horizontalAdvance(text) for text in [*texts, titles[column]])
        header.setSectionResizeMode(column, mode)
        header.resizeSection(column, widest + margin)
