"""A person's undoable word on which origin claims rest on: set apart as an origin of their
own, joined to another claim's origin, or left to the rules again (scoring.origins)."""

from collections.abc import Callable

from sourcemark.store.origins import restore_origins
from sourcemark.ui.commands.store import StoreCommand
from sourcemark.ui.wording import counted


class DecideOrigins(StoreCommand):
    """Each claim's decision (claim id -> origin_of: its own id sets it apart, another
    claim's id joins that claim's origin, None lets the rules decide); undo puts back the
    decisions before. ``done`` gets the claims decided, after each redo and undo."""

    def __init__(self, text: str, decisions: dict[int, int | None],
                 done: Callable[[list[int]], None]):  # fmt: skip
        super().__init__(text)
        self.decisions, self.done = dict(decisions), done
        self.before: dict[int, int | None] = {}

    def redo(self) -> None:
        before = restore_origins(self.decisions)
        self.before = self.before or before  # what it was before the first redo
        self.done(list(self.decisions))

    def undo(self) -> None:
        restore_origins(self.before)
        self.done(list(self.decisions))


def split_origins(claim_ids: list[int], done) -> DecideOrigins:
    """Set each claim apart: an origin of its own."""
    text = ("Set claim apart as an origin of its own" if len(claim_ids) == 1
            else f"Set {_claims(claim_ids)} apart, each an origin of its own")  # fmt: skip
    return DecideOrigins(text, {claim_id: claim_id for claim_id in claim_ids}, done)


def join_origins(claim_ids: list[int], origin_of: int, done) -> DecideOrigins:
    """Join each claim to the origin of claim ``origin_of``."""
    return DecideOrigins(f"Join {_claims(claim_ids)} to another claim's origin",
                         {claim_id: origin_of for claim_id in claim_ids}, done)  # fmt: skip


def rules_decide(claim_ids: list[int], done) -> DecideOrigins:
    """Forget a person's decision: the rules decide these claims' origins again."""
    return DecideOrigins(f"Let the rules decide the origin of {_claims(claim_ids)}",
                         {claim_id: None for claim_id in claim_ids}, done)  # fmt: skip


def _claims(claim_ids: list[int]) -> str:
    return "claim" if len(claim_ids) == 1 else counted(len(claim_ids), "claim")
