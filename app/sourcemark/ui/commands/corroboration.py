"""The undoable word of a person on a corroboration: confirmed, rejected, or forgotten."""

from sourcemark.store.links import set_link
from sourcemark.ui.commands.store import StoreCommand


class LinkClaims(StoreCommand):
    def __init__(self, claim_id: int, other_id: int, status: str | None, done):
        words = {"confirmed": "Confirm", "rejected": "Reject", None: "Forget"}[status]
        super().__init__(f"{words} corroboration")
        self.claim_id, self.other_id, self.status, self.done = claim_id, other_id, status, done
        self.old: str | None = None

    def redo(self) -> None:
        self.old = set_link(self.claim_id, self.other_id, self.status)
        self.done([self.claim_id])

    def undo(self) -> None:
        set_link(self.claim_id, self.other_id, self.old)
        self.done([self.claim_id])
