"""The main window: stories on the left, claims in the middle, the article on the right. It
assembles the panels (ui/panels/) and the controllers (ui/controllers/), wires their
signals, and keeps its geometry."""

from PySide6.QtCore import QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sourcemark.store import describe
from sourcemark.store.models import Article, revision
from sourcemark.store.rows import article_by_id, articles_of, claims_of_story, story_rows
from sourcemark.ui.actions import (
    Situation,
    build_actions,
    build_menu,
    build_toolbar,
    update_enabled,
)
from sourcemark.ui.commands.store import StoreCommand
from sourcemark.ui.controllers.articles import ArticlesController
from sourcemark.ui.controllers.changes import ChangesController
from sourcemark.ui.controllers.curation import CurationController
from sourcemark.ui.controllers.database import DatabaseController
from sourcemark.ui.controllers.dialogs import DialogsController
from sourcemark.ui.controllers.editing import EditingController
from sourcemark.ui.controllers.imports import ImportController
from sourcemark.ui.controllers.layout import LayoutController
from sourcemark.ui.controllers.origins import OriginsController
from sourcemark.ui.controllers.output import OutputController
from sourcemark.ui.controllers.scoring import ScoringController
from sourcemark.ui.editing import ReviewKeys
from sourcemark.ui.models.roles import ID_ROLE
from sourcemark.ui.palette import THEMES, apply_theme
from sourcemark.ui.panels.article import ArticlePane
from sourcemark.ui.panels.claim_detail import ClaimDetailPane
from sourcemark.ui.panels.claims import ClaimsPanel
from sourcemark.ui.panels.empty_state import EmptyState
from sourcemark.ui.panels.story_list import StoryPanel
from sourcemark.ui.summary import SummaryStrip
from sourcemark.ui.theme import refresh_icons, themed
from sourcemark.ui.wording import counted


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
        self._build_controllers(database_url)
        self.setAcceptDrops(True)
        self._build_panels()
        self._build_actions()  # after the panels: an action may call a panel's method
        self._build_widgets()
        self._build_menus()
        self._restore_layout()
        self.refresh()
        self.changes.start()  # other people's changes appear by themselves
        self.imports.finish_corroboration()  # what an import cut short left to find

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
        self.editing = EditingController(self)
        self.curation = CurationController(self)
        self.articles = ArticlesController(self)
        self.origins = OriginsController(self)  # the claim pane's chain, and decisions on it
        self.dialogs = DialogsController(self)
        self.panes = LayoutController(self)  # the splitters, and showing or hiding panes
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
        # Ctrl+Shift+Z, and the platform's own redo keys (which on Linux include it again:
        # a key given twice is ambiguous to Qt and then does nothing)
        keys = [
            QKeySequence("Ctrl+Shift+Z"),
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
        ]
        self.redo_action.setShortcuts(list({key.toString(): key for key in keys}.values()))

    def update_actions(self) -> None:
        """Enable the actions that can be used now (ui/actions.py says when each can): on
        opening a database and switching to another."""
        from sourcemark.store.db import is_read_only

        update_enabled(self, Situation(writable=not is_read_only()))

    def _build_panels(self) -> None:
        self.story_panel = StoryPanel()  # the story list under its find field
        self.stories = self.story_panel.tree
        self.stories.chosen.connect(self._story_chosen)
        self.stories.shown.connect(self.show_story)
        self.stories.clicked.connect(self._story_clicked)
        self.stories.tree_model.itemsDropped.connect(self.imports.start_import)
        self.curation.attach(self.stories)  # rename, move, merge, delete; the context menu
        self.stories.viewport().installEventFilter(self.imports)  # no drops from our panes

        self.claims = ClaimsPanel(self.pool)
        self.claims.claim_current.connect(self._claim_current)
        self.claims.all_stories.toggled.connect(self._scope_changed)
        self.claims.message.connect(self.statusBar().showMessage)
        # correcting claims: the review keys, every edit undoable
        self.review_keys = ReviewKeys(
            self.claims.selected_claim_ids,
            self.editing.edit_claims,
            self.editing.delete_claims,
            self.editing.toggle_reviewed,
        )
        self.claims.table.installEventFilter(self.review_keys)
        # queued: the command runs once the cell editor has finished committing
        self.claims.model.editRequested.connect(
            self.editing.edit_requested, Qt.ConnectionType.QueuedConnection
        )

        # the claim chosen, whole, under the table; its edits are the table's undoable ones
        self.claim_detail = ClaimDetailPane()
        self.claim_detail.edit.connect(self._edit_from_pane)
        chain = self.claim_detail.chain
        chain.open_claim.connect(self.origins.open_claim)
        chain.split.connect(self.origins.split)
        chain.join.connect(self.origins.join)
        chain.rules.connect(self.origins.rules_decide)
        for signal in (self.claims.model.dataChanged, self.claims.model.modelReset):
            signal.connect(self._claim_detail_follows)

        self.summary = SummaryStrip()
        self.claims.counted.connect(self.summary.show_counts)
        self.article_pane = ArticlePane()
        self.article_pane.view.claim_clicked.connect(self.claims.select_claim)
        self.empty = EmptyState(self.imports.import_files, self.imports.import_sample)

    def _build_widgets(self) -> None:
        pane = self.article_pane
        pane.menu_actions = [self.add_claim_action, self.split_action, self.reanalyze_action,
                             self.article_details_action]  # fmt: skip

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(6)
        center_layout.addWidget(self.summary)
        center_layout.addWidget(self.claims, 1)

        self.claim_detail.corroboration_button.setDefaultAction(self.corroboration_action)
        self.splitter = self.panes.build(self.story_panel, center, self.claim_detail,
                                         self.article_pane)  # fmt: skip

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
        claims = self.claims  # the claims table's context menu, of the same entries
        claims.menu_entries = [self.set_type_menu, self.set_stance_menu, self.reviewed_action,
                               claims.note_action, self.corroboration_action,
                               self.origin_menu, None,
                               self.delete_action, None, claims.copy_action]  # fmt: skip
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
        self._fit_screen()
        self.panes.restore(self.settings)
        self.claims.columns.restore(self.settings)

    def _fit_screen(self) -> None:
        """No larger than the screen it opens on: a size saved on a large monitor, or the
        first start's, would run off a laptop's screen."""
        screen = self.screen().availableGeometry()
        width, height = min(self.width(), screen.width()), min(self.height(), screen.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(screen.topLeft())

    def closeEvent(self, event):
        self.claim_detail.save_note()  # a note being typed
        self.changes.stop()
        task = self.imports.task
        if task is not None:
            task.cancel()
        if task or self.scoring.task or self.database.backup_task or self.claims.count_tasks:
            self.pool.waitForDone(10_000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.panes.save(self.settings)
        self.settings.sync()
        super().closeEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self, prefer: int | None = None) -> None:
        """Reload the story list from the database, keeping the current selection (else
        choosing ``prefer``, if it is there)."""
        self.changes.known_revision = revision()
        current = self.stories.current_story_id()
        self.scoring.score_stale_stories()
        stories = story_rows()
        self.stories.load(stories)
        self.stack.setCurrentWidget(self.splitter if stories else self.empty)
        self.show_totals()
        known = {s.id for s in stories}
        first = stories[0].id if stories else None
        chosen = next((s for s in (current, prefer) if s in known), first)
        if stories and self.claims.all_stories.isChecked():
            self.stories.keep_scope = True  # the story list changed under the archive's claims
            try:
                self.stories.select_story(chosen)
            finally:
                self.stories.keep_scope = False
            self.reload_claims()
        elif stories:
            self.stories.select_story(chosen)
        else:
            self.show_story(None)

    def reload_story(self) -> None:
        """Read the story shown (and the list) again from the database."""
        self.refresh()

    def _story_chosen(self, story_id: int, article_id: int | None) -> None:
        if self.claims.all_stories.isChecked():
            self.claims.all_stories.setChecked(False)  # choosing a story narrows the table to it
        self.show_story(story_id, article_id=article_id)

    def show_story(self, story_id: int | None, article_id: int | None = None) -> None:
        """A story's claims (or only those of one of its articles) in the table, its summary,
        and the article (that one, or its first)."""
        self.claims.article_filter = article_id
        if story_id is None:
            self.claims.model.set_claims([])
            self.summary.show_story(None, [], [])
            self.article_pane.show_article(None, [])
            self.claims.update_count()
            return
        articles = articles_of(story_id)
        claims = claims_of_story(story_id)
        if article_id is not None:
            claims = [c for c in claims if c.article_id == article_id]
        self.claims.model.set_claims(claims)
        rows = self.claims.model.rows()
        title = self.stories.title_of(story_id)
        self.summary.show_story(title, self.outlets(story_id, articles), rows)
        shown = next((a for a in articles if a.id == article_id), articles[0] if articles else None)
        self.article_pane.show_article(shown, rows)
        self.claims.update_count()

    @staticmethod
    def outlets(story_id: int | None, articles: list[Article] | None = None) -> list[str]:
        if story_id is None:
            return []
        articles = articles if articles is not None else articles_of(story_id)
        return sorted({a.outlet.name for a in articles if a.outlet})

    def _claim_current(self, claim) -> None:
        """The claim made current in the table, shown whole in the claim pane and in its
        article; in All stories, its story chosen in the list (the table stays as it is)."""
        from sourcemark.store.db import is_read_only

        several = self.claims.columns.several
        self.claim_detail.show_claim(claim, writable=not is_read_only(), several=several)
        pane, model = self.article_pane, self.claims.model
        if claim.article_id != pane.article_id:
            pane.show_article(article_by_id(claim.article_id), model.article_rows(claim.article_id))
        pane.view.select_claim(claim.id)
        stories = self.stories
        if self.claims.archive() and claim.story_id not in (None, stories.current_story_id()):
            stories.keep_scope = True
            try:
                stories.select_story(claim.story_id)
            finally:
                stories.keep_scope = False

    def _claim_detail_follows(self, *_args) -> None:
        """The claim pane's claim as the table holds it now (after an edit, its undo, a
        reload), or nothing once the table no longer holds it."""
        from sourcemark.store.db import is_read_only

        shown = self.claim_detail.claim_id
        if shown is None:
            return
        row = self.claims.model.row_of(shown)
        claim = self.claims.model.claim_at(row) if row >= 0 else None
        several = self.claims.columns.several
        self.claim_detail.show_claim(claim, writable=not is_read_only(), several=several)

    def _edit_from_pane(self, claim_id: int, changes: dict) -> None:
        """A change made in the claim pane: an undoable step, as the table's are; the table
        keeps the claim it has chosen meanwhile (a note is saved as the choice moves on)."""
        current = self.claim_detail.claim_id
        self.editing.edit_claims([claim_id], changes)
        if current not in (None, claim_id) and self.claims.selected_claim_ids() != [current]:
            self.claims.select_claim(current)

    def _story_clicked(self, index) -> None:
        """A click on the story already chosen in the list, in All stories (where choosing
        a claim chose its story): its claims alone, as a click on another story shows."""
        if not self.claims.all_stories.isChecked() or not index.isValid():
            return
        story = index.parent() if index.parent().isValid() else index
        article = index.siblingAtColumn(0).data(ID_ROLE) if index.parent().isValid() else None
        self._story_chosen(story.siblingAtColumn(0).data(ID_ROLE), article)

    def show_totals(self) -> None:
        """The archive's stories, articles and claims in the status bar, as the list has them."""
        stories, articles, claims = self.stories.tree_model.totals()
        self.statusBar().showMessage(
            f"{counted(stories, 'story', 'stories')}, {counted(articles, 'article')}, "
            f"{counted(claims, 'claim')}"
        )

    def update_tree_counts(self, story_id: int | None) -> None:
        """The claim counts of one story and its articles in the list, in place, and the
        archive's totals with them."""
        shown = self.claims.model.rows() if self.claims.article_filter is None else None
        if self.stories.update_counts(story_id, shown):
            self.scoring.score_stale_stories(show=True)  # this story, and those its claims reach
        self.show_totals()

    def _scope_changed(self, everywhere: bool) -> None:
        """All stories: the table shows the claims of every story that the search and filters
        find, read from the database a page at a time with their stored grades."""
        claims = self.claims
        if everywhere:
            claims.article_filter = None
            claims.archive_title = "All stories"
            self.scoring.score_stale_stories()  # stored grades first: a few now, many on the worker
            claims.proxy.show_archive()
            claims.count_archive()
        else:
            claims.source_filter = None
            claims.apply_filters()
            self.show_story(self.stories.current_story_id())

    def reload_claims(self) -> None:
        if self.claims.archive():
            self.scoring.score_stale_stories()
            self.claims.model.reload()
            self.claims.count_archive()
        else:
            self.show_story(self.stories.current_story_id(), article_id=self.claims.article_filter)

    def show_source_claims(self, source_id: int, name: str) -> None:
        """Every claim, in every story, that rests on one registry source."""
        self.claims.all_stories.setChecked(True)
        self.claims.source_filter = source_id
        self.claims.archive_title = f"Claims of “{name}”"
        self.claims.apply_filters()

    def forget_database(self) -> None:
        """After a switch to another database: what belonged to the one left goes (its undo
        steps, its registries' dialogs)."""
        self.undo_stack.clear()  # its steps belong to the other database
        self.dialogs.close_registries()

    def set_theme(self, name: str) -> None:
        """Switch the whole application to a theme now, and remember it."""
        apply_theme(QApplication.instance(), name)
        self.settings.setValue("view/theme", name)
        self.theme_actions[name].setChecked(True)
        refresh_icons(self)
        self.empty.set_picture()
        self.refresh()

    # -- dropping (what is dropped is imported) -----------------------------------------------

    def dragEnterEvent(self, event):
        self.imports.drag_entered(event)

    def dragMoveEvent(self, event):
        self.imports.drag_entered(event)

    def dropEvent(self, event):
        self.imports.dropped(event)
