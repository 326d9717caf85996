"""The stories' stored roll-ups kept up to date: a few computed at once, many on the
worker, and the story list shown what is stored."""

from PySide6.QtCore import QObject, QThreadPool

from sourcemark.store import StoreError
from sourcemark.store.db import ReadOnlyDatabase
from sourcemark.store.rollups import refresh_scores, stale_stories
from sourcemark.store.rows import stored_scores
from sourcemark.ui.worker import Task


class ScoringController(QObject):
    """Schedules the roll-ups for the window: puts the stored scores in the story list,
    reads the archive's claims again in the claims panel when many were scored, says so in
    the window's status bar, and tells a database that failed through ``store_problem``."""

    SCORE_HERE = 300  # stale roll-ups computed before the list shows; more go to the worker

    def __init__(self, window, pool: QThreadPool, store_problem):
        super().__init__(window)
        self.window = window
        self.pool = pool
        self.store_problem = store_problem
        self.task: Task | None = None

    def score_stale_stories(self, show: bool = False) -> None:
        """Bring the stored roll-ups up to date: a few at once (with ``show``, put in the
        list at once too), many on the worker (the list shows "…" for them meanwhile and
        fills in when they are done)."""
        status = self.window.statusBar()
        stale = stale_stories()
        if not stale:
            return
        if len(stale) <= self.SCORE_HERE:
            try:
                refresh_scores(stale)
            except StoreError as error:  # read-only or damaged: the scores stay as stored
                if isinstance(error, ReadOnlyDatabase):  # the title says so; edits will too
                    status.showMessage(f"Scores shown as last stored: {error}", 15000)
                else:
                    self.store_problem(f"The scores could not be stored. {error}", error)
                return
            if show:
                self.show_stored_scores(stale)
            return
        if self.task is not None:
            return  # one already runs; its end refreshes the list

        def work(progress, cancelled):
            return refresh_scores(progress=lambda n, total: progress(n, total))

        task = Task(work)
        self.task = task
        task.signals.progress.connect(lambda n, total: status.showMessage(
            f"Scoring stories… {n:,} of {total:,}"))  # fmt: skip

        def done(_count) -> None:
            self.task = None
            self.show_stored_scores()
            claim_model = self.window.claims.model
            if claim_model.query() is not None:
                claim_model.reread_rows()  # the archive's claims with their new grades
            status.showMessage("Every story's score is up to date.", 5000)

        task.signals.finished.connect(done)

        def failed(error: Exception) -> None:
            from sourcemark.report.outputs import failure

            self.task = None
            status.showMessage(
                f"The scores could not be brought up to date: {failure(error)}", 15000
            )

        task.signals.failed.connect(failed)
        self.pool.start(task)

    def show_stored_scores(self, story_ids: list[int] | None = None) -> None:
        """The stored roll-ups of these stories (None: all) in the list, in place."""
        self.window.stories.tree_model.set_scores(stored_scores(story_ids))
