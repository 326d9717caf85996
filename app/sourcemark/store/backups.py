"""Backups of an SQLite database, kept beside it: one before each schema upgrade and one a
day (taken with SQLite's online backup API, so the app can go on writing meanwhile), the
newest KEEP of them kept. Restoring never overwrites anything: the file it replaces is
renamed aside first, damaged or not.

Names: ``NAME.LABEL-YYYYmmdd-HHMMSS.bak.sqlite`` beside ``NAME.sqlite``; LABEL is ``daily``,
``vN`` (before upgrading from schema N), or ``replaced`` / ``damaged`` for a file a restore
put aside (those are never deleted here).
"""

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

KEEP = 7  # automatic backups kept, the newest
AUTOMATIC = re.compile(r"daily|v\d+")
_STAMP = "%Y%m%d-%H%M%S"
_SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupError(Exception):
    """A backup cannot be taken or restored; the message is written for the user.
    ``damaged``: the database itself failed its check."""

    def __init__(self, message: str, damaged: bool = False):
        super().__init__(message)
        self.damaged = damaged


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    label: str
    taken: datetime
    size: int

    def describe(self) -> str:
        """ "25 Nov 2026 09:14, daily, 12.3 MB"."""
        kind = self.label
        if re.fullmatch(r"v\d+", kind):
            kind = f"before upgrading from schema {kind[1:]}"
        elif kind in {"replaced", "damaged"}:
            kind = "put aside: found damaged" if kind == "damaged" else "put aside by a restore"
        return f"{self.taken:%d %b %Y %H:%M}, {kind}, {self.size / 1_000_000:.1f} MB"


def _pattern(path: Path) -> re.Pattern:
    return re.compile(
        rf"^{re.escape(path.stem)}\.(?P<label>[a-z]+\d*)-(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?"
        rf"\.bak{re.escape(path.suffix)}$"
    )


def backups_of(path: Path) -> list[Backup]:
    """The backups beside a database, newest first."""
    pattern = _pattern(path)
    found = []
    for candidate in path.parent.glob(f"{glob_escape(path.stem)}.*.bak{path.suffix}"):
        match = pattern.match(candidate.name)
        if match and candidate.is_file():
            taken = datetime.strptime(match["stamp"], _STAMP)
            found.append(Backup(candidate, match["label"], taken, candidate.stat().st_size))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def glob_escape(text: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", text)


def _aside_name(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    target = path.with_name(f"{path.stem}.{label}-{stamp}.bak{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{counter}.bak{path.suffix}")
        counter += 1
    return target


def read_only_uri(path: Path) -> str:
    """The address SQLite opens a file at for reading only. In a folder that cannot be
    written SQLite cannot make its shared-memory file: the file is then read as it stands
    (nothing else can be writing it there either)."""
    immutable = "" if os.access(path.parent, os.W_OK) else "&immutable=1"
    return "file:" + quote(str(path)) + "?mode=ro" + immutable


def read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection that cannot change the file (sqlite3.Error if it cannot be opened)."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout)


def _copy(source_path: Path, target: Path) -> None:
    """One SQLite file into another with the online backup API (sqlite3.Error if not)."""
    source = read_only(source_path)
    try:
        copy = sqlite3.connect(str(target))
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def take_backup(path: Path, label: str) -> Path:
    """Copy a database beside itself with the online backup API; returns the copy."""
    target = _aside_name(path, label)
    try:
        _copy(path, target)
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise BackupError(f"{path} could not be backed up: {error}") from None
    return target


def check(path: Path) -> str | None:
    """What SQLite's quick check finds wrong with a database file (None: nothing)."""
    try:
        connection = read_only(path)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return None if rows == ["ok"] else "; ".join(rows)


def daily_backup(path: Path, keep: int = KEEP, today: date | None = None) -> Path | None:
    """Today's backup, unless there is one already: the file is checked first (a damaged
    one is not copied over good backups: BackupError says what is wrong), then copied, and
    the oldest automatic backups beyond ``keep`` deleted. The new backup's path, or None."""
    today = today or date.today()
    if any(b.label == "daily" and b.taken.date() == today for b in backups_of(path)):
        return None
    problem = check(path)
    if problem is not None:
        raise BackupError(f"{path} is damaged ({problem}); no backup was taken of it.", True)
    made = take_backup(path, "daily")
    prune(path, keep)
    return made


def prune(path: Path, keep: int = KEEP) -> list[Path]:
    """Delete the automatic backups beyond the newest ``keep``; returns those deleted."""
    automatic = [b for b in backups_of(path) if AUTOMATIC.fullmatch(b.label)]
    gone = []
    for backup in automatic[keep:]:
        backup.path.unlink(missing_ok=True)
        gone.append(backup.path)
    return gone


def restore(path: Path, backup: Path, damaged: bool = False) -> Path | None:
    """Put a backup in the database's place. The database must be closed. The file it
    replaces (with its journal files) is renamed aside first, as ``damaged`` or
    ``replaced``; its new name, or None when there was no file."""
    problem = check(backup)
    if problem is not None:
        raise BackupError(f"The backup {backup.name} is damaged too ({problem}).")
    aside = None
    if path.exists():
        aside = _aside_name(path, "damaged" if damaged else "replaced")
        try:
            path.rename(aside)
            for suffix in _SIDE_FILES:
                side = path.with_name(path.name + suffix)
                if side.exists():
                    side.rename(aside.with_name(aside.name + suffix))
        except OSError as error:
            raise BackupError(f"{path} could not be put aside: {error.strerror}.") from None
    try:
        _copy(backup, path)
    except sqlite3.Error as error:
        path.unlink(missing_ok=True)
        if aside is not None:
            aside.rename(path)  # as it was
        raise BackupError(f"{backup.name} could not be restored: {error}") from None
    return aside
