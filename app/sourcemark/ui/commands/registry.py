"""Undoable changes to the registries of sources and outlets: a grade set, sources merged."""

from sourcemark.store.registry import merge_sources, unmerge_sources
from sourcemark.ui.commands.store import StoreCommand
from sourcemark.ui.wording import counted


class SetGrade(StoreCommand):
    """A reliability grade on a source or an outlet (``setter`` stores it and returns the
    old one); undo puts the old one back."""

    def __init__(self, setter, row_id: int, text: str, letter: str | None, done):
        super().__init__(text)
        self.setter, self.row_id, self.letter, self.done = setter, row_id, letter, done
        self.old: str | None = None

    def redo(self) -> None:
        self.old = self.setter(self.row_id, self.letter)
        self.done()

    def undo(self) -> None:
        self.setter(self.row_id, self.old)
        self.done()


class MergeSources(StoreCommand):
    def __init__(self, keep_id: int, keep_name: str, other_ids: list[int], done):
        super().__init__(f"Merge {counted(len(other_ids), 'source')} into “{keep_name}”")
        self.keep_id, self.other_ids, self.done = keep_id, other_ids, done
        self.snapshot: dict | None = None

    def redo(self) -> None:
        self.snapshot = merge_sources(self.keep_id, self.other_ids)
        self.done()

    def undo(self) -> None:
        unmerge_sources(self.snapshot)
        self.done()
