"""The import queue: files, folders, addresses and snippets (chosen, pasted or dropped)
imported on the worker one batch at a time, the rest waiting their turn; its progress in
the status bar, and what could not be imported in a dialog."""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from sourcemark.paths import sample_story_path
from sourcemark.pipeline import ImportReport, import_paths
from sourcemark.store import StoreError
from sourcemark.store.corroboration import pending_articles
from sourcemark.store.db import is_read_only
from sourcemark.store.models import Story
from sourcemark.ui.controllers.articles import key_of
from sourcemark.ui.drops import items_from_mime
from sourcemark.ui.wording import counted
from sourcemark.ui.worker import Task

IN_APP_DRAG = "What is dragged from Sourcemark's own panes is not imported again."

IMPORT_FILTER = (
    "Articles (*.html *.htm *.xhtml *.txt *.text *.md *.markdown *.pdf *.docx *.eml);;"
    "Web pages (*.html *.htm *.xhtml);;PDF (*.pdf);;Word (*.docx);;E-mail (*.eml);;"
    "Text (*.txt *.text *.md *.markdown);;All files (*)"
)


class ImportController(QObject):
    """Runs imports for the window. Uses the window's status bar, progress bar and cancel
    button, reloads it (``refresh``, ``select_story``) when an import ends, and tells a
    database that failed through ``store_problem``."""

    done = Signal(object)  # the ImportReport (None: the database failed), once shown
    progressed = Signal(int, int)  # done, total

    def __init__(self, window, settings: QSettings, pool: QThreadPool, store_problem):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.pool = pool
        self.store_problem = store_problem
        self.task: Task | None = None
        self.pending: list[tuple[list, int | None]] = []  # imports asked for while one runs
        self.last_import_problems = []
        self.problem_box: QMessageBox | None = None

    def busy(self) -> bool:
        return self.task is not None

    # -- what to import -----------------------------------------------------------------------

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            "Import Articles",
            self.settings.value("import/dir", str(Path.home())),
            IMPORT_FILTER,
        )
        if paths:
            self.settings.setValue("import/dir", str(Path(paths[0]).parent))
            self.start_import(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window,
            "Import a Folder of Articles",
            self.settings.value("import/dir", str(Path.home())),
        )
        if folder:
            self.settings.setValue("import/dir", folder)
            self.start_import([folder])

    def import_sample(self) -> None:
        self.start_import([str(sample_story_path())])

    def paste(self) -> None:
        """Import what the clipboard holds as new stories (Ctrl+V never adds to the story
        shown: Paste into This Story does)."""
        items = self._clipboard_items()
        if items:
            self.start_import(items)

    def paste_into_story(self) -> None:
        """Add what the clipboard holds to the story shown."""
        window = self.window
        story_id = window.stories.current_story_id() if window.stack.currentIndex() else None
        if story_id is None or window.claims.archive():
            window.statusBar().showMessage(
                "Choose a story in the list first: Paste into This Story adds the clipboard's "
                "articles to the story shown (Ctrl+V makes a new story).",
                8000,
            )
            return
        items = self._clipboard_items()
        if items:
            self.start_import(items, story_id)

    def _clipboard_items(self) -> list:
        items = items_from_mime(QApplication.clipboard().mimeData())
        if not items:
            self.window.statusBar().showMessage(
                "The clipboard holds no files, web addresses or article text to import.", 5000
            )
        return items

    # -- dropping -------------------------------------------------------------------------------
    # A drag that starts in this application (text of the article, a row of a list) has a
    # source; one from a file manager or a browser has none. Only the latter is imported.

    def drag_entered(self, event) -> None:
        if event.source() is not None:
            event.ignore()
            if event.type() == QEvent.Type.DragEnter:
                self.window.statusBar().showMessage(IN_APP_DRAG, 4000)
            return
        if items_from_mime(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)  # never Move: see StoryTreeModel
            event.accept()

    def dropped(self, event) -> None:
        if event.source() is not None:
            event.ignore()
            return
        items = items_from_mime(event.mimeData())
        if items:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.start_import(items)

    def eventFilter(self, watched, event) -> bool:
        """The story list takes drops itself (on a story: into it): there too, a drag from
        the window's other panes is not imported (the list's own drags are its business)."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            source = event.source()
            own = self.window.stories
            if source is not None and source is not own and source is not own.viewport():
                if kind == QEvent.Type.Drop:
                    self.dropped(event)
                else:
                    self.drag_entered(event)
                return True
        return super().eventFilter(watched, event)

    # -- the queue ----------------------------------------------------------------------------

    def start_import(self, items: list, story_id: int | None = None) -> None:
        """Import files, folders, addresses or snippets on the worker; one at a time, the
        rest waiting their turn."""
        window = self.window
        if self.task is not None:
            self.pending.append((list(items), story_id))
            window.statusBar().showMessage(
                f"{counted(len(items), 'item')} will be imported after the current import.", 5000
            )
            return
        window.progress.setRange(0, 0)
        window.progress.setFormat("Preparing…")
        window.progress.show()
        window.cancel_button.show()

        def work(progress, cancelled):
            def step(done, total, outcome):
                progress(done, (total, outcome))

            def finding(done, total):
                progress(done, (total, None))

            return import_paths(
                items, story_id, progress=step, cancelled=cancelled, finding=finding
            )

        self.task = Task(work)
        self.task.signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._finished)
        self.task.signals.failed.connect(self._failed)
        self.pool.start(self.task)

    def finish_corroboration(self) -> None:
        """Look up the claims of articles an earlier import stored without finishing (the app
        closed or crashed, the import was cancelled) among other stories' claims, on the
        worker, as the end of an import does: when the database is opened."""
        if self.task is None and not is_read_only() and pending_articles():
            self.start_import([])

    def cancel_import(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.pending.clear()
            self.window.progress.setFormat("Cancelling…")

    def _progress(self, done: int, payload) -> None:
        total, outcome = payload
        progress = self.window.progress
        progress.setRange(0, total)
        if outcome is None:  # the articles are stored: their claims are looked up
            progress.setFormat(f"Corroboration {done} of {total}")
            progress.setValue(done)
            self.window.statusBar().showMessage(
                f"Comparing the claims of {counted(total, 'article')} with other stories'…", 4000
            )
            return
        progress.setFormat(f"{done} of {total}")
        progress.setValue(done)
        name = (
            Path(outcome.origin).name if not outcome.origin.startswith("http") else outcome.origin
        )
        verb = "Imported" if outcome.ok else "Could not import"
        self.window.statusBar().showMessage(f"{verb} {name}", 2000)
        self.progressed.emit(done, total)

    def _end_task(self) -> None:
        self.task = None
        self.window.progress.hide()
        self.window.cancel_button.hide()

    def _next_pending(self) -> None:
        if self.pending:
            items, story_id = self.pending.pop(0)
            self.start_import(items, story_id)

    def _failed(self, error: Exception) -> None:
        """The database itself failed during an import (full, damaged, read-only, gone):
        what was imported before stays; the rest waits for the cause to be mended."""

        self._end_task()
        self.window.refresh()
        self.pending.clear()  # the next drop would fail the same way
        report = getattr(error, "report", None)  # what was stored before it failed
        if report is not None:
            self.window.articles.imported([o.article_id for o in report.imported])
        message = (
            str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"
        )
        self.store_problem(f"The import stopped. {message}", error)
        self.done.emit(None)

    def _finished(self, report: ImportReport) -> None:
        window = self.window
        self._end_task()
        window.refresh()
        found = report.corroboration
        if not report.total:  # only an earlier import's corroboration was found
            if found is not None and found.articles:
                message = (f"Found the corroboration of {counted(found.articles, 'article')} "
                           "an earlier import left unfinished")  # fmt: skip
                if found.left:
                    message += f" ({counted(found.left, 'article')} left for the next import)"
                window.statusBar().showMessage(message, 8000)
            self.done.emit(report)
            self._next_pending()
            return
        if report.imported:
            window.stories.select_story(report.imported[-1].story_id)
        n = len(report.imported)
        window.articles.imported([o.article_id for o in report.imported])  # one undo step
        duplicates = sum(1 for o in report.failed if o.duplicate_of is not None)
        message = f"Imported {counted(n, 'article')}"
        if duplicates:
            message += f"; {counted(duplicates, 'article')} already in the database"
        if report.cancelled:
            message += " (cancelled)"
        if found is not None and found.left:  # cancelled before their claims were looked up
            message += (f"; other stories' claims that corroborate "
                        f"{'it' if found.left == 1 else 'them'} are found the next time an "
                        "import runs or the database is opened")  # fmt: skip
        if n:
            message += f"; {key_of(window.undo_action)} takes the import back"
        window.statusBar().showMessage(message, 8000)
        problems = report.failed
        self.last_import_problems = problems
        if problems:
            box = QMessageBox(window)
            box.setIcon(QMessageBox.Icon.Warning)
            if len(problems) == duplicates:
                box.setWindowTitle("Already imported")
            else:
                box.setWindowTitle("Some items were not imported")
            box.setText(
                f"{counted(n, 'article')} imported; {counted(len(problems), 'item')} not "
                f"imported{' (already in the database)' if len(problems) == duplicates else ''}."
            )
            box.setInformativeText(
                "\n".join(f"{_short(p.origin)}: {p.error}" for p in problems[:6])
                + (f"\n… and {len(problems) - 6} more (see Details)" if len(problems) > 6 else "")
            )
            box.setDetailedText("\n".join(f"{p.origin}: {p.error}" for p in problems))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            # where the article already is, one click away (not in the Trash: the list
            # does not show it there, and the message says how to restore it)
            copy = next((p for p in problems if _shown(p.duplicate_story)), None)
            if copy is not None:  # where the article already is, one click away
                show = box.addButton("Show the Story", QMessageBox.ButtonRole.ActionRole)
                show.clicked.connect(lambda: window.stories.select_story(copy.duplicate_story))
            box.open()
            self.problem_box = box
        self.done.emit(report)
        self._next_pending()


def _shown(story_id: int | None) -> bool:
    """Whether a story is one the story list shows (there, and not in the Trash)."""
    if story_id is None:
        return False
    story = Story.get_or_none(Story.id == story_id)
    return story is not None and story.trashed is None


def _short(origin: str) -> str:
    """A file's name, or an address or snippet as it is."""
    return (
        origin
        if origin.startswith(("http://", "https://", "dropped", "pasted"))
        else Path(origin).name
    )
