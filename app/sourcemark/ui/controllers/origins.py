"""Independent origins in the window: an entry of the claim pane's chain opens its article
(its story chosen, the claim selected), and a person's decisions on origins (from the
chain, the Edit menu and the claims table's context menu) are undoable steps after which
the pane, the codes in the table and the stories' scores follow."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from sourcemark.ui.commands.origins import join_origins, rules_decide, split_origins
from sourcemark.ui.panels.origin_chain import day
from sourcemark.ui.wording import short


class OriginsController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    # -- opening an entry ---------------------------------------------------------------------

    def open_claim(self, claim_id: int) -> None:
        """Show this claim in the window: in the table if it holds it, else its story
        chosen in the list; its article beside it with the claim selected."""
        from sourcemark.store.origins import places

        window = self.window
        claims = window.claims
        place = places([claim_id]).get(claim_id)
        if place is None:
            self._say("That claim is no longer there (deleted, or in the Trash).")
            return
        if claims.model.read_through(claim_id) < 0:
            if claims.all_stories.isChecked():
                claims.all_stories.setChecked(False)  # the story's claims, not the archive's
            window.stories.select_story(place.story_id)
        claims.select_claim(claim_id)
        if claims.selected_claim_ids() != [claim_id]:
            self._say("The claim is there, but the filters above the table hide it.")
            return
        when = f", {day(place.published)}" if place.published else ""
        self._say(f"{place.outlet or 'Unknown outlet'}{when}: “{short(place.article_title, 60)}”")

    # -- deciding -----------------------------------------------------------------------------

    def split(self, claim_ids: list[int]) -> None:
        done = f"{self._whose(claim_ids)} set apart as an origin of its own"
        self._push(split_origins(claim_ids, self.changed), done)

    def join(self, claim_ids: list[int], origin_of: int) -> None:
        others = [claim_id for claim_id in claim_ids if claim_id != origin_of]
        if others:
            done = f"{self._whose(others)} joined to the origin of the claim shown"
            self._push(join_origins(others, origin_of, self.changed), done)

    def rules_decide(self, claim_ids: list[int]) -> None:
        done = f"The rules decide the origin of {self._whose(claim_ids, capital=False)} again"
        self._push(rules_decide(claim_ids, self.changed), done)

    @staticmethod
    def _whose(claim_ids: list[int], capital: bool = True) -> str:
        """'Bay Herald's claim', or '3 claims'."""
        from sourcemark.store.origins import places

        if len(claim_ids) > 1:
            return f"{len(claim_ids)} claims"
        place = places(claim_ids).get(claim_ids[0])
        if place is None or not place.outlet:
            return "The claim" if capital else "the claim"
        return f"{place.outlet}’s claim"

    def _push(self, command, done: str) -> None:
        """Do a decision as a step of the undo stack, and say what it did and what the claim
        shown rests on now."""
        window = self.window
        window.undo_stack.push(command)
        if command.isObsolete():
            return  # the database refused it, and said why
        pane = window.claim_detail
        now = pane.origins.text() if pane.claim is not None and pane.origins.isVisible() else ""
        key = window.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self._say(f"{done}: {now[0].lower() + now[1:]}. {key} undoes it." if now
                  else f"{done}. {key} undoes it.")  # fmt: skip

    def _selected(self, least: int = 1) -> list[int]:
        ids = self.window.claims.selected_claim_ids()
        if len(ids) < least:
            self._say("Select two or more claims that say the same thing first." if least > 1
                      else "Select a claim in the table first.")  # fmt: skip
            return []
        return ids

    def split_selected(self) -> None:
        """Edit ▸ Origin ▸ An Origin of Its Own: each claim selected."""
        ids = self._selected()
        if ids:
            self.split(ids)

    def join_selected(self) -> None:
        """Edit ▸ Origin ▸ One Origin: the claims selected joined to the current one's."""
        ids = self._selected(least=2)
        if ids:
            current = self.window.claim_detail.claim_id
            first = current if current in ids else ids[0]
            self.join(ids, first)

    def rules_selected(self) -> None:
        """Edit ▸ Origin ▸ Let the Rules Decide: the claims selected that hold a decision."""
        ids = self._selected()
        decided = [row.id for row in self.window.claims.rows_of(ids) if row.origin_of is not None]
        if decided:
            self.rules_decide(decided)
        elif ids:
            self._say("Nobody decided the origin of the claims selected: the rules decide it.")

    # -- after a decision, its undo or redo ------------------------------------------------------

    def changed(self, claim_ids: list[int]) -> None:
        """The decided claims the table holds read again, the stories touched graded
        again, and the claim shown in the pane still chosen."""
        window = self.window
        model = window.claims.model
        shown = window.claim_detail.claim_id
        kept = [shown] if shown is not None and model.row_of(shown) >= 0 else []
        held = kept + [i for i in claim_ids if i not in kept and model.row_of(i) >= 0]
        if not held:
            window.scoring.score_stale_stories(show=True)
            window.reload_claims()
            return
        window.editing.claims_changed(held)  # the pane follows the table's rows
        if kept:
            window.claims.select_claim(kept[0])
