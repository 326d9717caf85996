"""What leaves the window: the export (which claims or stories, as CSV files or an Excel
workbook, where: ui/dialogs/export.py; written on the worker) and a story's report."""

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
        self.export_dialog = None

    def export_csv(self) -> None:
        self.open_export("csv")

    def export_workbook(self) -> None:
        self.open_export("xlsx")

    def open_export(self, chosen_format: str) -> None:
        """The export window (ui/dialogs/export.py), offering the claims the table shows
        (when a filter narrows it), the story shown, the stories chosen in the list, or every
        story; once it is accepted, the files are written on the worker."""
        from sourcemark.ui.dialogs.export import ExportDialog

        dialog = ExportDialog(self.export_scopes(), chosen_format, self.settings, self.window)
        self.export_dialog = dialog
        dialog.accepted.connect(lambda: self.export_chosen(dialog))
        dialog.open()

    def export_scopes(self) -> list[tuple[str, str, str]]:
        """(key, label, file name) of each scope the window can export now."""
        from sourcemark.report.story import report_file_name
        from sourcemark.ui.wording import short

        window = self.window
        shown, total = window.claims.shown_and_total() or (0, 0)
        story_id = window.stories.current_story_id()
        chosen = window.stories.selected_story_ids()
        one_story = story_id is not None and not window.claims.all_stories.isChecked()
        title = (window.stories.title_of(story_id) or "") if one_story else ""
        scopes = []
        if shown < total:
            base = report_file_name(title, "") if title else "sourcemark"
            scopes.append(("shown", f"The {counted(shown, 'claim')} the table shows",
                           f"{base} {shown} claims"))  # fmt: skip
        if one_story:
            scopes.append(("story", f"This story: “{short(title, 60)}”",
                           report_file_name(title, "")))  # fmt: skip
        if len(chosen) > 1:
            scopes.append(("chosen", f"The {len(chosen)} stories selected in the list",
                           f"sourcemark {len(chosen)} stories"))  # fmt: skip
        scopes.append(("all", "All stories", "sourcemark"))
        return scopes

    def export_chosen(self, dialog) -> None:
        window = self.window
        scope = dialog.scope()
        if scope == "shown":
            ids = window.claims.shown_claim_ids()
            self.write_export(dialog.targets(), stories_of_claims(ids), ids, dialog.with_bom())
            return
        story_ids = {
            "story": lambda: [window.stories.current_story_id()],
            "chosen": window.stories.selected_story_ids,
            "all": lambda: None,
        }[scope]()
        self.write_export(dialog.targets(), story_ids, bom=dialog.with_bom())

    def write_export(
        self,
        targets: dict[str, Path],
        story_ids: list[int] | None,
        claim_ids: list[int] | None = None,
        bom: bool = False,
    ) -> None:
        """Write the files of ``targets`` ("stories", "claims", "settings", "workbook": any
        of them) on the worker, saying how it went."""
        from sourcemark.report.export import export_files, unscored_note
        from sourcemark.report.outputs import failure

        status = self.window.statusBar()
        paths = list(targets.values())
        # the names were just chosen: a story's title three times over would not fit
        written_to = paths[0].name if len(paths) == 1 else f"{len(paths)} CSV files"
        written_to += f" in {paths[0].parent.name or paths[0].parent}"
        status.showMessage("Exporting…")

        def work(progress, cancelled):
            return export_files(targets.get("stories"), targets.get("claims"),
                                targets.get("settings"), targets.get("workbook"), story_ids,
                                bom, claim_ids, lambda n: progress(n, None))  # fmt: skip

        task = Task(work)
        self.export_task = task
        task.signals.progress.connect(
            lambda n, _: status.showMessage(f"Exporting… {n:,} claims written")
        )

        def done(counts) -> None:
            from sourcemark.report.export import unscored_stories

            status.showMessage(
                f"Exported {counted(counts[0], 'story', 'stories')} and "
                f"{counted(counts[1], 'claim')} to {written_to}",
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
