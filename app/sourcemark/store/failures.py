"""What a failure of the database means for the person using Sourcemark.

Drivers say "database or disk is full", "database disk image is malformed" or "attempt
to write a readonly database", and a failed write is often followed by a second error
("cannot rollback - no transaction is active") that hides the first. These are read from
the whole chain of an exception and turned into one message each.
"""

import errno

from sourcemark.store.db import (
    RESTORE_HINT,
    DamagedDatabase,
    DiskFull,
    ReadOnlyDatabase,
    StoreError,
)


def _chain(error: BaseException):
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def store_failure(error: BaseException) -> StoreError | None:
    """The database failure behind an exception, as a StoreError written for the user;
    None when it is not one of the failures that stop all further work (disk full,
    damage, a read-only file)."""
    from sourcemark.store.db import opened_url, sqlite_path

    for link in _chain(error):
        if isinstance(link, StoreError):
            return link
        if isinstance(link, OSError) and link.errno == errno.ENOSPC:
            return DiskFull()
        text = str(link).lower()
        if "disk is full" in text or "no space left" in text or "could not extend file" in text:
            return DiskFull()
        if "malformed" in text or "not a database" in text or "is corrupt" in text:
            url = opened_url()
            path = sqlite_path(url) if url else None
            where = str(path) if path else "The database"
            return DamagedDatabase(
                f"{where} is damaged ({link}). Nothing more is written to it. {RESTORE_HINT}",
                path,
            )
        if "readonly database" in text or "read-only" in text:
            return ReadOnlyDatabase()
    return None
