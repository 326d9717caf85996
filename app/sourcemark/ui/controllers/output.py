"""What leaves the window: the CSV export (which claims or stories, where, written on the
worker) and a story's report."""

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sourcemark.store.browse import stories_of_claims
from sourcemark.ui.wording import counted
from sourcemark.ui.worker import Task


class OutputController(QObject):
    """Writes exports and reports for the window. Reads what the window shows and has
    chosen (the story list's ``current_story_id`` and ``selected_story_ids``, the claims
    panel's ``shown_and_total``, ``shown_claim_ids`` and All stories box), says how it
    went in its status bar, and tells a database that failed through ``store_problem``."""

    export_done = Signal(object)  # (stories, claims) written

    def __init__(self, window, settings: QSettings, pool: QThreadPool, store_problem):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.pool = pool
        self.store_problem = store_problem
        self.export_task: Task | None = None
        self.export_note_box: QMessageBox | None = None

    def export_csv(self) -> None:
        """Two CSV files, NAME-stories.csv and NAME-claims.csv, written on the worker: the
        claims the table shows (when a filter narrows it), the story shown, the stories chosen
        in the list, or every story."""
        window = self.window
        shown, total = window.claims.shown_and_total() or (0, 0)
        story_id = window.stories.current_story_id()
        chosen = window.stories.selected_story_ids()
        box = QMessageBox(window)
        box.setWindowTitle("Export CSV")
        box.setText("What should the CSV files hold?")
        choices = {}
        if shown < total:
            choices[box.addButton(f"The {counted(shown, 'claim')} shown",
                                  QMessageBox.ButtonRole.AcceptRole)] = "shown"  # fmt: skip
        if story_id is not None and not window.claims.all_stories.isChecked():
            choices[box.addButton("This story", QMessageBox.ButtonRole.AcceptRole)] = "story"
        if len(chosen) > 1:
            choices[box.addButton(f"The {len(chosen)} selected stories",
                                  QMessageBox.ButtonRole.AcceptRole)] = "chosen"  # fmt: skip
        choices[box.addButton("All stories", QMessageBox.ButtonRole.AcceptRole)] = "all"
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        scope = choices.get(box.clickedButton())
        if scope is None:
            return
        start = Path(self.settings.value("export/dir", str(Path.home()))) / "sourcemark.csv"
        path, _ = QFileDialog.getSaveFileName(window, "Export CSV", str(start), "CSV (*.csv)")
        if not path:
            return
        self.settings.setValue("export/dir", str(Path(path).parent))
        if scope == "shown":
            ids = window.claims.shown_claim_ids()
            self.write_export(path, stories_of_claims(ids), claim_ids=ids)
        else:
            scopes = {"story": [story_id], "chosen": chosen, "all": None}
            self.write_export(path, scopes[scope])

    def write_export(
        self, path: str, story_ids: list[int] | None, claim_ids: list[int] | None = None
    ) -> None:
        from sourcemark.report.export import export_csv, unscored_note
        from sourcemark.report.outputs import failure

        status = self.window.statusBar()
        base = Path(path)
        stem = base.with_suffix("") if base.suffix.lower() == ".csv" else base
        stories = stem.with_name(stem.name + "-stories.csv")
        claims = stem.with_name(stem.name + "-claims.csv")
        status.showMessage("Exporting…")

        def work(progress, cancelled):
            return export_csv(stories, claims, story_ids, claim_ids=claim_ids,
                              progress=lambda n: progress(n, None))  # fmt: skip

        task = Task(work)
        self.export_task = task
        task.signals.progress.connect(
            lambda n, _: status.showMessage(f"Exporting… {n:,} claims written")
        )

        def done(counts) -> None:
            from sourcemark.report.export import unscored_stories

            status.showMessage(
                f"Exported {counted(counts[0], 'story', 'stories')} and "
                f"{counted(counts[1], 'claim')} to {stories.name} and {claims.name}",
                8000,
            )
            unscored = unscored_stories(story_ids)
            if unscored:
                box = QMessageBox(QMessageBox.Icon.Information, "Exported without scores",
                                  unscored_note(unscored), parent=self.window)  # fmt: skip
                self.export_note_box = box
                box.open()
            self.export_done.emit(counts)

        task.signals.finished.connect(done)

        def failed(error: Exception) -> None:
            from sourcemark.store.failures import store_failure

            # the database's failure, told as edits are (once, with backups); the output's
            # own (OSError: its disk, its folder) as any other
            known = None if isinstance(error, OSError) else store_failure(error)
            if known is not None:
                self.store_problem(f"The export was not written. {known}", known)
            else:
                message = f"The export was not written: {failure(error).rstrip('.')}."
                QMessageBox.warning(self.window, "Export failed", message)

        task.signals.failed.connect(failed)
        self.pool.start(task)

    def export_report(self) -> None:
        window = self.window
        story_id = window.stories.current_story_id()
        if story_id is None:
            window.statusBar().showMessage("Select a story to report on first.", 5000)
            return
        from sourcemark.report.story import report_file_name

        name = report_file_name(window.stories.title_of(story_id) or "")  # the story's title
        start = Path(self.settings.value("export/dir", str(Path.home()))) / name
        path, _ = QFileDialog.getSaveFileName(
            window, "Story Report", str(start), "PDF (*.pdf);;Web page (*.html)"
        )
        if path:
            self.settings.setValue("export/dir", str(Path(path).parent))
            self.write_report(story_id, path)

    def write_report(self, story_id: int, path: str) -> None:
        from sourcemark.report import write_report
        from sourcemark.report.outputs import failure

        target = Path(path)
        if target.suffix.lower() not in {".pdf", ".html", ".htm"}:
            target = target.with_suffix(".pdf")
        try:
            write_report(story_id, target)  # a story's report takes a moment: no worker
        except Exception as error:  # the disk, the database, the path: said, never a crash
            QMessageBox.warning(self.window, "Report not written", f"The report was not "
                                f"written: {failure(error).rstrip('.')}.")  # fmt: skip
            return
        self.window.statusBar().showMessage(f"Report written to {target.name}", 8000)
