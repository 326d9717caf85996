"""The base of every undoable step that writes to the database. When the database cannot
be written (another program holds it longer than Sourcemark waits, the server went away,
the disk is full, the file is read-only or found damaged),
the step is dropped from the undo stack, nothing is half-saved (each step is one
transaction), and the window is told why in words, rather than an error escaping."""

import functools
import sqlite3
from collections.abc import Callable

import peewee
from PySide6.QtGui import QUndoCommand

from sourcemark.store import StoreError


def storage_problem(error: Exception, doing: str = "The change was not saved") -> str:
    from sourcemark.store.failures import store_failure

    known = store_failure(error)  # a full disk, a damaged or read-only database
    if known is not None:
        return f"{doing}. {known}"
    text = str(error).strip()
    if "locked" in text.lower() or "busy" in text.lower():
        return (
            f"{doing}: another program (another Sourcemark window, perhaps) is writing to "
            "the database and held it longer than Sourcemark waits. Try again in a moment."
        )
    return f"{doing}: the database refused it ({type(error).__name__}: {text})."


class StoreCommand(QUndoCommand):
    """redo() and undo() of subclasses are guarded: a database error drops the step and
    calls ``StoreCommand.problem`` with a message (the window sets it)."""

    problem: Callable[[str, Exception], None] | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, doing in (("redo", "The change was not saved"),
                            ("undo", "The change was not undone")):  # fmt: skip
            method = cls.__dict__.get(name)
            if method is not None:
                setattr(cls, name, _guarded(method, doing))


def _guarded(method, doing: str):
    @functools.wraps(method)
    def guarded(self) -> None:
        try:
            method(self)
        except (peewee.DatabaseError, peewee.InterfaceError, sqlite3.Error, StoreError) as error:
            self.setObsolete(True)  # the stack forgets this step: it did not happen
            report = StoreCommand.problem
            if report is None:
                raise
            report(storage_problem(error, doing), error)

    return guarded
