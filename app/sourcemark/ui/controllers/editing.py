"""Correcting claims: every edit an undoable step saved at once (editing cells and the review
keys, deleting, adding from the article's selection, splitting, merging, re-analysing), the
claims changed shown afterwards, and what someone else changed meanwhile said."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from sourcemark.store.edits import merge_claims, split_claim
from sourcemark.store.models import Claim
from sourcemark.store.rows import article_or_none, claim_count, claims_by_id
from sourcemark.ui.commands.claims import (
    AddClaim,
    ChangeArticleClaims,
    DeleteClaims,
    EditClaims,
    rerun_analyzer,
)
from sourcemark.ui.dialogs.new_claim import NewClaimDialog
from sourcemark.ui.wording import FIELD_NAMES, counted, short, shown_value


class EditingController(QObject):
    """Pushes the window's claim edits on its ``undo_stack``, from the claims panel's
    selection and the article pane's cursor; ``claims_changed`` (after each edit, undo and
    redo) shows the stored claims again in the panels."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.conflict_box: QMessageBox | None = None
        self.claim_dialog: NewClaimDialog | None = None
        self.row = -1  # the table's current row when the last edit began

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    def delete_selected(self) -> None:
        self.delete_claims(self.window.claims.selected_claim_ids())

    def set_selected(self, changes: dict) -> None:
        """Change the claims selected in the table (Edit ▸ Set Type, Set Stance)."""
        ids = self.window.claims.selected_claim_ids()
        if not ids:
            self._say("Select claims in the table first.")
            return
        self.edit_claims(ids, changes)

    def edit_requested(self, claim_id: int, changes: dict) -> None:
        self.edit_claims([claim_id], changes)

    def edit_claims(self, claim_ids: list[int], changes: dict) -> None:
        """Change claims as one undoable step, saved at once."""
        self.row = self.window.claims.current_row()  # where the selection goes on from
        if claim_ids:
            command = EditClaims(list(claim_ids), changes, self.claims_changed,
                                 self.window.claims.model.known_version,
                                 self.show_conflicts)  # fmt: skip
            self.window.undo_stack.push(command)

    def show_conflicts(self, conflicts: list) -> None:
        """Claims someone else changed (or deleted) since this window read them: say what
        they hold now, that nothing was overwritten, and offer to reload."""
        lines = []
        for conflict in conflicts[:8]:
            mine = next(iter(self.window.claims.rows_of([conflict.claim_id])), None)
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
                          "(nothing was overwritten):", parent=self.window)  # fmt: skip
        box.setInformativeText(
            "\n".join(lines) + "\n\nReload to see their changes, then edit again."
        )
        reload_button = box.addButton("&Reload", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(reload_button)
        reload_button.clicked.connect(self.window.reload_story)
        self.conflict_box = box
        box.open()

    def delete_claims(self, claim_ids: list[int]) -> None:
        self.row = self.window.claims.current_row()
        if claim_ids:
            self.window.undo_stack.push(DeleteClaims(list(claim_ids), self.claims_changed,
                                                     self.window.claims.model.known_version,
                                                     self.show_conflicts))  # fmt: skip

    def add_claim_from_selection(self) -> None:
        view = self.window.article_pane.view
        cursor = view.textCursor()
        if view.article_id is None or not cursor.hasSelection():
            self._say("Select the words of the claim in the article first.")
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        article_id = view.article_id
        dialog = NewClaimDialog(cursor.selectedText().replace("\u2029", " "), self.window)
        self.claim_dialog = dialog

        def add() -> None:
            command = AddClaim(article_id, start, end, dialog.fields(), self.claims_changed)
            self.window.undo_stack.push(command)

        dialog.accepted.connect(add)
        dialog.open()  # window-modal, without a nested event loop

    def split_claim(self) -> None:
        """Cut the claim under the article's cursor at the cursor."""
        view, model = self.window.article_pane.view, self.window.claims.model
        at = view.textCursor().position()
        claim = next(
            (c for c in model.rows()
             if c.article_id == view.article_id and c.start < at < c.end),
            None,
        )  # fmt: skip
        if claim is None:
            self._say("Put the cursor inside a highlighted claim, where it should be cut.")
            return
        version = model.known_version(claim.id)
        self._change_claims("Split claim", claim.article_id,
                            lambda: split_claim(claim.id, at, version))  # fmt: skip

    def merge_claims(self) -> None:
        claims = self.window.claims
        rows = claims.rows_of(claims.selected_claim_ids())
        if len(rows) < 2 or len({row.article_id for row in rows}) > 1:
            self._say("Select two or more claims of the same article to merge them.")
            return
        ids = [row.id for row in rows]
        versions = {claim_id: claims.model.known_version(claim_id) for claim_id in ids}
        self._change_claims(
            f"Merge {len(ids)} claims", rows[0].article_id, lambda: [merge_claims(ids, versions)]
        )

    def _change_claims(self, text: str, article_id: int, change) -> None:
        model = self.window.claims.model
        command = ChangeArticleClaims(text, article_id, change, self.claims_changed,
                                      model.known_version, self.show_conflicts)  # fmt: skip
        self.window.undo_stack.push(command)
        if command.error:
            self._say(command.error.capitalize() + ".")

    def reanalyze_article(self) -> None:
        article_id = self.window.article_pane.article_id
        if article_id is not None:
            self._change_claims(
                "Re-analyse article", article_id, lambda: rerun_analyzer(article_id)
            )
            self._say("Re-analysed; the claims you made or changed were kept.")

    def toggle_reviewed(self) -> None:
        claims = self.window.claims
        ids = claims.selected_claim_ids()
        if ids:
            rows = claims.rows_of(ids)
            self.edit_claims(ids, {"reviewed": not all(row.reviewed for row in rows)})

    # -- after a change -------------------------------------------------------------------------

    def claims_changed(self, claim_ids: list[int]) -> None:
        """After an edit, its undo or redo: show the stored claims, with the story's roll-up
        and counts, and the claims concerned selected."""
        panel = self.window.claims
        claims = claims_by_id(claim_ids)
        if panel.archive():
            self._archive_claims_changed(claims)
        else:
            self._story_claims_changed(claims)
        panel.keep_a_selection(self.row)

    def _story_claims_changed(self, claims: list[Claim]) -> None:
        window = self.window
        panel, model, pane = window.claims, window.claims.model, window.article_pane
        story_id = window.stories.current_story_id()
        if claims and claims[0].article.story_id != story_id:
            story_id = claims[0].article.story_id
            window.stories.select_story(story_id)
        shown = {row.id for row in model.rows()}
        same_set = len(shown) == claim_count(story_id, panel.article_filter)
        if claims and same_set and all(claim.id in shown for claim in claims):
            # the same claims, changed: update them in place (editors and selection stay)
            model.refresh_rows(claims)
            panel.update_count()  # a claim may have left the filter shown
            rows = model.rows()
            summary = window.summary
            summary.show_story(summary.title.text(), window.outlets(story_id), rows)
            pane.view.update_claims(rows)
            window.update_tree_counts(story_id)
            return
        scroll = panel.table.verticalScrollBar().value()
        article_id = pane.article_id
        window.show_story(story_id, article_id=panel.article_filter)
        panel.table.verticalScrollBar().setValue(scroll)
        panel.select_claims([claim.id for claim in claims])
        if not claims and article_id is not None:
            pane.show_article(article_or_none(article_id), model.rows())
        window.update_tree_counts(story_id)

    def _archive_claims_changed(self, claims: list[Claim]) -> None:
        """After an edit in All stories: the claims read again in place with their grades
        (and the stories' scores) brought up to date, or the query again when claims were
        added or deleted."""
        window = self.window
        panel, model, view = window.claims, window.claims.model, window.article_pane.view
        window.scoring.score_stale_stories(show=True)
        if claims and all(model.row_of(claim.id) >= 0 for claim in claims):
            model.refresh_rows(claims)
        else:
            scroll = panel.table.verticalScrollBar().value()
            model.reload()
            panel.table.verticalScrollBar().setValue(scroll)
        panel.count_archive()
        if view.article_id is not None:
            view.update_claims(model.article_rows(view.article_id))
        panel.select_claims([claim.id for claim in claims])
