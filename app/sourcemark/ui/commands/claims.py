"""Undoable changes to claims: each saves its edit in its own transaction, and its undo puts
back what was there, unless someone else changed it since this window read it."""

from collections.abc import Callable

from sourcemark.store.articles import reanalyze_article
from sourcemark.store.edits import (
    EditConflict,
    add_user_claim,
    claims_of_article,
    delete_claims,
    replace_claims_of_article,
    restore_claim_fields,
    restore_claims,
    update_claim,
)
from sourcemark.store.rows import article_by_id, claim_dict
from sourcemark.ui.commands.store import StoreCommand
from sourcemark.ui.wording import FIELD_NAMES, shown_value


class EditClaims(StoreCommand):
    """The same change to one or more claims; undo puts back what each had. Each claim is
    saved only if nobody else changed it since this window read it (``known_version``: the
    version the window last read of a claim); the others are left as they are and handed
    to ``conflicted``."""

    def __init__(
        self,
        claim_ids: list[int],
        changes: dict,
        done: Callable[[list[int]], None],
        known_version: Callable[[int], int | None] | None = None,
        conflicted: Callable[[list], None] | None = None,
    ):
        super().__init__(_describe(changes, len(claim_ids)))
        self.claim_ids, self.changes, self.done = claim_ids, changes, done
        self.known_version = known_version or (lambda claim_id: None)
        self.conflicted = conflicted or (lambda conflicts: None)
        self.before: dict[int, dict] = {}

    def redo(self) -> None:
        saved, conflicts = [], []
        for claim_id in self.claim_ids:
            try:
                old = update_claim(claim_id, self.changes, self.known_version(claim_id))
            except EditConflict as conflict:
                conflicts.append(conflict)
                continue
            self.before.setdefault(claim_id, old)  # what it was before the first redo
            saved.append(claim_id)
        if conflicts:
            self.claim_ids = saved  # undo and redo concern only what was saved
            if not saved:
                self.setObsolete(True)  # nothing to undo: the stack drops this step
            self.conflicted(conflicts)
        self.done(saved)

    def undo(self) -> None:
        restored, conflicts = [], []
        for claim_id in reversed(self.claim_ids):
            try:
                restore_claim_fields(claim_id, self.before[claim_id], self.known_version(claim_id))
            except EditConflict as conflict:
                conflicts.append(conflict)
                continue
            restored.append(claim_id)
        if conflicts:
            self.conflicted(conflicts)
        self.done(restored)


class DeleteClaims(StoreCommand):
    """Claims removed; undo brings them back as they were, with the same ids. Nothing is
    removed if someone else changed one of them since this window read it."""

    def __init__(
        self,
        claim_ids: list[int],
        done: Callable[[list[int]], None],
        known_version: Callable[[int], int | None] | None = None,
        conflicted: Callable[[list], None] | None = None,
    ):
        super().__init__(f"Delete {_count(len(claim_ids))}")
        self.claim_ids, self.done = claim_ids, done
        self.known_version = known_version or (lambda claim_id: None)
        self.conflicted = conflicted or (lambda conflicts: None)
        self.rows: list[dict] = []

    def redo(self) -> None:
        versions = {claim_id: self.known_version(claim_id) for claim_id in self.claim_ids}
        try:
            self.rows = delete_claims(self.claim_ids, versions)
        except EditConflict as conflict:
            self.setObsolete(True)
            self.conflicted([conflict])
            return
        self.done([])

    def undo(self) -> None:
        restore_claims(self.rows)
        self.done(self.claim_ids)


def _count(n: int) -> str:
    return "claim" if n == 1 else f"{n} claims"


def _describe(changes: dict, n: int) -> str:
    """The Edit menu's words for a change: 'Set type of claim to Document'."""
    if set(changes) == {"reviewed"}:
        return f"Mark {_count(n)} {'reviewed' if changes['reviewed'] else 'not reviewed'}"
    (field, value), *_ = changes.items()
    return f"Set {FIELD_NAMES[field]} of {_count(n)} to {shown_value(field, value)}"


def rerun_analyzer(article_id: int) -> list[int]:
    """Run the analyzer again on a stored article; the claims a person made or changed
    stay (a change for ChangeArticleClaims: it selects nothing)."""
    from sourcemark.analysis import ANALYZER_VERSION, analyze

    article = article_by_id(article_id)
    outlet = article.outlet.name if article.outlet else None
    reanalyze_article(article_id, analyze(article.text, article.title, outlet), ANALYZER_VERSION)
    return []


class AddClaim(StoreCommand):
    """A claim a person marked in the text."""

    def __init__(self, article_id: int, start: int, end: int, fields: dict, done):
        super().__init__("Add claim")
        self.article_id, self.start, self.end, self.fields, self.done = (
            article_id, start, end, fields, done,
        )  # fmt: skip
        self.row: dict | None = None

    def redo(self) -> None:
        if self.row is None:
            claim_id = add_user_claim(self.article_id, self.start, self.end, self.fields)
            self.row = claim_dict(claim_id)
        else:
            restore_claims([self.row])
        self.done([self.row["id"]])

    def undo(self) -> None:
        delete_claims([self.row["id"]])
        self.done([])


class ChangeArticleClaims(StoreCommand):
    """A change to several claims of one article at once (split, merge); undo puts the
    article's claims back exactly as they were, unless someone else changed them since."""

    def __init__(
        self,
        text: str,
        article_id: int,
        change: Callable[[], list[int]],
        done,
        known_version: Callable[[int], int | None] | None = None,
        conflicted: Callable[[list], None] | None = None,
    ):
        super().__init__(text)
        self.article_id, self.change, self.done = article_id, change, done
        self.known_version = known_version or (lambda claim_id: None)
        self.conflicted = conflicted or (lambda conflicts: None)
        self.before: list[dict] | None = None
        self.after: list[dict] | None = None
        self.selected: list[int] = []
        self.error = ""

    def redo(self) -> None:
        if self.after is None:
            self.before = claims_of_article(self.article_id)
            try:
                self.selected = self.change()
            except ValueError as error:  # nothing changed: the stack drops the command
                self.error = str(error)
                self.setObsolete(True)
                return
            except EditConflict as conflict:
                self.setObsolete(True)
                self.conflicted([conflict])
                return
            self.after = claims_of_article(self.article_id)
        elif not self._replace(self.after, self.before):
            return
        self.done(self.selected)

    def undo(self) -> None:
        if self._replace(self.before or [], self.after):
            self.done([])

    def _replace(self, rows: list[dict], expected: list[dict] | None) -> bool:
        """Put ``rows`` in place of the article's claims if they are still ``expected`` (in
        the versions this window last read)."""
        believed = [{"id": row["id"], "version": self.known_version(row["id"]) or row["version"]}
                    for row in expected or []]  # fmt: skip
        try:
            replace_claims_of_article(self.article_id, rows, believed)
        except EditConflict as conflict:
            self.conflicted([conflict])
            return False
        return True
