"""The main window: stories on the left, claims in the middle, the article on the right."""

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
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
from sourcemark.paths import sample_story_path
from sourcemark.pipeline import ImportReport, import_paths
from sourcemark.store import describe
from sourcemark.store.models import Article
from sourcemark.store.repo import articles_of, claims_of_story, story_rows
from sourcemark.ui.article_view import ArticleView
from sourcemark.ui.models import (
    ID_ROLE,
    KIND_ROLE,
    ClaimFilterProxy,
    ClaimTableModel,
    StoryTreeModel,
)
from sourcemark.ui.palette import THEMES, apply_theme
from sourcemark.ui.summary import SummaryStrip
from sourcemark.ui.theme import icon, refresh_icons, themed
from sourcemark.ui.wording import counted
from sourcemark.ui.worker import Task

IMPORT_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm);;All files (*)"


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
        self.import_button.clicked.connect(window.import_files)
        self.sample_button = themed(
            QPushButton("Try the sample story"), "mdi6.newspaper-variant-outline"
        )
        self.sample_button.clicked.connect(window.import_sample)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch()
        for widget in (picture, heading, hint):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def set_picture(self) -> None:
        self.picture.setPixmap(icon("mdi6.tray-arrow-down").pixmap(QSize(96, 96)))


class MainWindow(QMainWindow):
    imports_done = Signal(object)  # the ImportReport, after the window has shown it

    def __init__(self, database_url: str, settings: QSettings | None = None):
        super().__init__()
        self.database_url = database_url
        self.settings = settings or QSettings()
        self.pool = QThreadPool.globalInstance()
        self.task: Task | None = None
        self.last_import_problems = []
        self.problem_box: QMessageBox | None = None
        self.setWindowTitle(f"{APP_NAME} — {describe(database_url)}")
        self.setWindowIcon(icon("mdi6.text-box-search-outline"))
        self.setAcceptDrops(True)
        self._build_actions()
        self._build_widgets()
        self._build_menus()
        self._restore_layout()
        self.refresh()

    # -- construction -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.import_action = themed(QAction("&Import Articles…", self), "mdi6.file-import-outline")
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.setStatusTip("Import article files (web pages, plain text and Markdown)")
        self.import_action.triggered.connect(self.import_files)
        self.import_folder_action = themed(
            QAction("Import &Folder…", self), "mdi6.folder-open-outline"
        )
        self.import_folder_action.setStatusTip("Import every article file in a folder")
        self.import_folder_action.triggered.connect(self.import_folder)
        self.sample_action = themed(
            QAction("Add the &Sample Story", self), "mdi6.newspaper-variant-outline"
        )
        self.sample_action.triggered.connect(self.import_sample)
        self.quit_action = themed(QAction("&Quit", self), "mdi6.exit-to-app")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.find_action = themed(QAction("&Find Claims", self), "mdi6.magnify")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.search.setFocus())
        self.refresh_action = themed(QAction("&Reload", self), "mdi6.refresh")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.about_action = themed(QAction(f"&About {APP_NAME}", self), "mdi6.information-outline")
        self.about_action.triggered.connect(self.show_about)

    def _build_widgets(self) -> None:
        self.tree_model = StoryTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("storyTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)

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
        for column, width in ((ClaimTableModel.SOURCE, 150), (ClaimTableModel.TYPE, 140)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        for column in (ClaimTableModel.STANCE, ClaimTableModel.CODE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._claim_current_changed)

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

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(6)
        center_layout.addWidget(self.summary)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(8, 0, 8, 0)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.match_count)
        center_layout.addLayout(search_row)
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
        self.splitter.setSizes([250, 690, 460])
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
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.import_folder_action)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton()
        themed(self.cancel_button, "mdi6.close-circle-outline")
        self.cancel_button.setToolTip("Cancel the import")
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        self.db_label = QLabel(describe(self.database_url))
        self.db_label.setObjectName("databaseLabel")
        self.db_label.setToolTip("The database in use")
        status = self.statusBar()
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.db_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.refresh_action)
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
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

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
        if self.task is not None:
            self.task.cancel()
            self.pool.waitForDone(10_000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the story list from the database, keeping the current selection."""
        current = self.current_story_id()
        stories = story_rows()
        self.tree_model.load(stories)
        self.tree.expandAll()
        self.stack.setCurrentWidget(self.splitter if stories else self.empty)
        n_articles, n_claims = sum(s.articles for s in stories), sum(s.claims for s in stories)
        self.statusBar().showMessage(
            f"{counted(len(stories), 'story', 'stories')}, {counted(n_articles, 'article')}, "
            f"{counted(n_claims, 'claim')}"
        )
        if stories:
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

    def select_story(self, story_id: int) -> None:
        for row in range(self.tree_model.rowCount()):
            index = self.tree_model.index(row, 0)
            if index.data(ID_ROLE) == story_id:
                self.tree.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._show_story(story_id)
                return

    def _tree_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        index = current.siblingAtColumn(0)
        if index.data(KIND_ROLE) == StoryTreeModel.ARTICLE:
            self._show_story(index.parent().data(ID_ROLE), article_id=index.data(ID_ROLE))
        else:
            self._show_story(index.data(ID_ROLE))

    def _show_story(self, story_id: int | None, article_id: int | None = None) -> None:
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
        outlets = sorted({a.outlet.name for a in articles if a.outlet})
        title = self.tree_model.index(self._story_row(story_id), 0).data()
        self.summary.show_story(title, outlets, rows)
        shown = next((a for a in articles if a.id == article_id), articles[0] if articles else None)
        self._show_article(shown, rows)
        self._update_count()

    def _story_row(self, story_id: int) -> int:
        for row in range(self.tree_model.rowCount()):
            if self.tree_model.index(row, 0).data(ID_ROLE) == story_id:
                return row
        return -1

    def _show_article(self, article: Article | None, rows) -> None:
        if article is None:
            self.article.show_article(None, "", "", [])
            self.article_title.setText("")
            self.article_meta.setText("")
            return
        self.article.show_article(article.id, article.title, article.text, rows)
        self.article_title.setText(article.title)
        meta = [article.outlet.name if article.outlet else "Unknown outlet"]
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
            self._show_article(Article.get_by_id(claim.article_id), self.claim_model.rows())
        self.article.select_claim(claim.id)

    def select_claim(self, claim_id: int) -> None:
        """Select a claim in the table (clearing a search that hides it) and show it."""
        row = self.claim_model.row_of(claim_id)
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

    def _filter_changed(self, text: str) -> None:
        self.claim_proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.claim_proxy.rowCount(), self.claim_model.rowCount()
        self.match_count.setText(
            f"{shown} of {total} claims" if shown != total else counted(total, "claim")
        )

    # -- importing ----------------------------------------------------------------------------

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import Articles",
            self.settings.value("import/dir", str(Path.home())),
            IMPORT_FILTER,
        )
        if paths:
            self.settings.setValue("import/dir", str(Path(paths[0]).parent))
            self.start_import(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Import a Folder of Articles", self.settings.value("import/dir", str(Path.home()))
        )
        if folder:
            self.settings.setValue("import/dir", folder)
            self.start_import([folder])

    def import_sample(self) -> None:
        self.start_import([str(sample_story_path())])

    def start_import(self, paths: list[str], story_id: int | None = None) -> None:
        if self.task is not None:
            self.statusBar().showMessage(
                "An import is already running; wait for it or cancel it.", 5000
            )
            return
        self.progress.setRange(0, 0)
        self.progress.setFormat("Importing…")
        self.progress.show()
        self.cancel_button.show()

        def work(progress, cancelled):
            return import_paths(paths, story_id, progress=progress, cancelled=cancelled)

        self.task = Task(work)
        self.task.signals.progress.connect(self._import_progress)
        self.task.signals.finished.connect(self._import_finished)
        self.task.signals.errored.connect(self._import_errored)
        self.pool.start(self.task)

    def cancel_import(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress.setFormat("Cancelling…")

    def _import_progress(self, index: int, outcome) -> None:
        self.progress.setFormat(f"{index + 1} imported…")
        self.statusBar().showMessage(f"Imported {Path(outcome.origin).name}", 2000)

    def _end_task(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()

    def _import_errored(self, message: str) -> None:
        self._end_task()
        self.refresh()
        QMessageBox.warning(self, "Import stopped", f"The import stopped: {message}")
        self.imports_done.emit(None)

    def _import_finished(self, report: ImportReport) -> None:
        self._end_task()
        self.refresh()
        if report.imported:
            self.select_story(report.imported[-1].story_id)
        n = len(report.imported)
        self.statusBar().showMessage(f"Imported {counted(n, 'article')}", 5000)
        problems = report.failed
        self.last_import_problems = problems
        if problems:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Some files were not imported")
            box.setText(
                f"{counted(n, 'article')} imported; {counted(len(problems), 'file')} not imported."
            )
            box.setDetailedText("\n".join(f"{Path(p.origin).name}: {p.error}" for p in problems))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.open()
            self.problem_box = box
        self.imports_done.emit(report)

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

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
            f"<p>Database: {describe(self.database_url)}</p>",
        )
