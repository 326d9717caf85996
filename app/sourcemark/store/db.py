"""Choosing, checking, creating and upgrading the database.

Opening never modifies a database it does not understand: the file is first
inspected through a read-only connection, and only a new, current or older
Sourcemark database is opened for writing. An older one is copied to a dated
backup beside it before it is upgraded inside a transaction.
"""

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
from peewee import Database, PostgresqlDatabase, SqliteDatabase
from playhouse import db_url

from sourcemark.paths import DataDirectoryError, data_dir
from sourcemark.scoring.rollup import RULES
from sourcemark.store.backups import read_only, read_only_uri
from sourcemark.store.migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    create_search_index,
    prepare_tables,
)
from sourcemark.store.models import ALL_MODELS, Meta, database_proxy, forget_own_revisions

SQLITE_HEADER = b"SQLite format 3\x00"
APP_ID = "sourcemark"


class StoreError(Exception):
    """The database cannot be used; the message is written for the user."""


class DamagedDatabase(StoreError):
    """An SQLite file SQLite itself finds damaged: it is left as it is, and a backup can be
    put in its place (sourcemark.store.backups.restore)."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


RESTORE_HINT = (
    "Restore one of its backups: in the window, File ▸ Restore from Backup (they lie beside "
    "the file, named NAME.….bak.sqlite)."
)


class DiskFull(StoreError):
    """The disk holding the database is full: nothing more can be stored."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or "The disk is full: the database cannot store anything more. Free some space "
            "(or move the database to another disk) and try again; nothing was half-stored."
        )


class ReadOnlyDatabase(StoreError):
    """The database was opened read-only: it can be browsed and exported, not changed."""

    def __init__(self, where: str = "The database"):
        super().__init__(
            f"{where} is read-only (the file, its folder or its disk cannot be written): it "
            "can be read and exported, but no change can be saved."
        )


class SqliteCheckedDatabase(SqliteDatabase):
    """An SQLite database whose first transaction that may write, once it is open, is
    preceded by SQLite's quick check (see ensure_writable); reading ones (DEFERRED) are not."""

    check_writes = False  # set once the database is open: opening does its own checks
    write_check: "StoreError | bool | None" = None

    def begin(self, lock_type=None):
        if self.check_writes and (lock_type or self._lock_type) != "DEFERRED":
            ensure_writable(self)
        return super().begin(lock_type)


def default_url() -> str:
    try:
        return "sqlite:///" + str(data_dir() / "sourcemark.sqlite")
    except DataDirectoryError as error:
        raise StoreError(str(error)) from None


def resolve_url(url: str | None) -> str:
    """An explicit URL, else ``SOURCEMARK_DB``, else the default file; a bare path means SQLite."""
    url = url or os.environ.get("SOURCEMARK_DB") or default_url()
    if "://" not in url:
        url = "sqlite:///" + str(Path(url).expanduser().resolve())
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None for other databases."""
    parsed = urlparse(url)
    if parsed.scheme not in ("sqlite", "sqliteext"):
        return None
    # peewee's convention: sqlite:///relative.db and sqlite:////absolute/path.db
    path = unquote(parsed.netloc + parsed.path)
    if path.startswith("/") and not parsed.netloc:
        path = path[1:]
    return Path(path).expanduser().resolve()


def describe(url: str) -> str:
    """The URL without a password, for titles and messages."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = urlparse(url)
    host = parsed.hostname or ""
    user = f"{parsed.username}@" if parsed.username else ""
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{user}{host}{port}{parsed.path}"


def open_database(url: str | None = None, *, timeout: float = 5.0) -> Database:
    """Open (creating or upgrading as needed) the database at ``url`` and bind the models to it."""
    url = resolve_url(url)
    path = sqlite_path(url)
    database = _open_sqlite(path, timeout) if path is not None else _open_server(url, timeout)
    database_proxy.initialize(database)
    forget_own_revisions()  # the revisions written here were another database's
    global _opened_url
    _opened_url = url
    return database


_opened_url: str | None = None


def opened_url() -> str | None:
    """The address of the database open now (for helper processes to open it too)."""
    return _opened_url


def close_database() -> None:
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def open_instead(url: str) -> Database:
    """Open the database at ``url`` in place of the one open now, which is closed once the
    other is open; when the other cannot be opened (StoreError), the current one stays."""
    previous = database_proxy.obj
    try:
        database = open_database(url)
    except StoreError:
        database_proxy.initialize(previous)
        raise
    if previous is not None and previous is not database_proxy.obj:
        previous.close()
    return database


def _open_sqlite(path: Path, timeout: float) -> SqliteDatabase:
    if path.name == ":memory:":
        raise StoreError(
            "A database in memory keeps nothing once Sourcemark closes: give a file instead."
        )
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file.")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file (a device or a pipe): give a file.")
    if path.exists() and not _writable(path):
        return _open_read_only(path, timeout)
    version = None
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StoreError(f"{path} cannot be read: {error.strerror}.") from None
        if header != SQLITE_HEADER:
            raise StoreError(f"{path} is not a Sourcemark database (it is not an SQLite file).")
        version = _inspect_sqlite(path, timeout)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Cannot create a database in {path.parent}: {error.strerror}."
            ) from None
    _refuse_newer(version, str(path))
    if version is not None and version < SCHEMA_VERSION:
        backup_sqlite(path, f"v{version}")
    database = SqliteCheckedDatabase(
        str(path),
        timeout=timeout,
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": int(timeout * 1000),
            "synchronous": "normal",
        },
        lock_type="IMMEDIATE",  # a writer takes the lock first, then reads: no stale upgrades
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            database.connect()
            _create_or_upgrade(database, str(path))  # BEGIN IMMEDIATE: the lock comes first
            database.check_writes = True
            return database
        except (sqlite3.OperationalError, peewee.OperationalError) as error:
            database.close()
            # switching a new file to WAL does not wait for another program creating it
            if "locked" in str(error).lower() and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            raise _sqlite_error(path, error) from None
        except Exception as error:
            database.close()
            if isinstance(error, StoreError):
                raise
            raise StoreError(f"{path} could not be opened: {error}") from error


def _writable(path: Path) -> bool:
    """Whether the file and its folder (where SQLite keeps its journal) may be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open_read_only(path: Path, timeout: float) -> SqliteDatabase:
    """A database file that cannot be written, opened for reading: browsing and exports
    work; every write says why not (ensure_writable)."""
    version = _inspect_sqlite(path, timeout)
    if version is None:
        raise StoreError(f"{path} is empty and cannot be written: it cannot become a database.")
    _refuse_newer(version, str(path))
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by an older Sourcemark and must be upgraded, but it cannot "
            "be written (the file, its folder or its disk is read-only)."
        )
    database = SqliteCheckedDatabase(
        read_only_uri(path),
        uri=True,
        timeout=timeout,
        pragmas={"foreign_keys": 1, "busy_timeout": int(timeout * 1000)},
    )
    try:
        database.connect()
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchall()
    except (sqlite3.Error, peewee.DatabaseError) as error:
        database.close()
        raise _sqlite_error(path, error) from None
    database.check_writes = True
    database.write_check = ReadOnlyDatabase(str(path))
    return database


def is_read_only() -> bool:
    """Whether the database open now was opened for reading only."""
    return isinstance(getattr(database_proxy.obj, "write_check", None), ReadOnlyDatabase)


def ensure_writable(database: Database | None = None) -> None:
    """Before the first write to the database opened now (or this one): SQLite's quick
    check, so that a damaged file is never written to (DamagedDatabase, raised again for
    every later write without checking again); a read-only one raises ReadOnlyDatabase."""
    database = database or database_proxy.obj
    state = getattr(database, "write_check", None)
    if state is None:
        state = _quick_check(database) or True
        database.write_check = state
    if state is not True:
        raise state


def _quick_check(database: Database) -> StoreError | None:
    if not isinstance(database, SqliteDatabase):
        return None  # a server keeps its own files whole
    path = Path(database.database)
    try:
        rows = [row[0] for row in database.execute_sql("PRAGMA quick_check(5)").fetchall()]
    except (sqlite3.Error, peewee.DatabaseError) as error:
        rows = [str(error)]
    if rows == ["ok"]:
        return None
    found = [line for row in rows for line in row.splitlines() if not line.startswith("***")]
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return DamagedDatabase(
        f"{path} is damaged (SQLite's check found: {found[0] if found else rows[0]}{more}). "
        f"Nothing was written to it. {RESTORE_HINT}",
        path,
    )


def needs_upgrade(url: str | None) -> bool:
    """Whether opening this SQLite database will upgrade its schema first (which takes a
    while on a large archive). Servers are not asked (False); a file that cannot be read
    is left for open_database() to explain (False)."""
    path = sqlite_path(resolve_url(url))
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        version = _inspect_sqlite(path, 1.0)
    except StoreError:
        return False
    return version is not None and version < SCHEMA_VERSION


def _inspect_sqlite(path: Path, timeout: float) -> int | None:
    """The schema version of an existing file, read without changing it; None when it is empty."""
    try:
        connection = read_only(path, timeout)
    except sqlite3.Error as error:
        raise _sqlite_error(path, error) from None
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return None
        if Meta._meta.table_name not in tables:
            raise StoreError(
                f"{path} is an SQLite database of another program, not a Sourcemark database."
            )
        rows = dict(connection.execute(f"SELECT key, value FROM {Meta._meta.table_name}"))
    except sqlite3.Error as error:
        raise _sqlite_error(path, error) from None
    finally:
        connection.close()
    return _version_from(rows, str(path))


def _sqlite_error(path: Path, error: sqlite3.Error) -> StoreError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path} is locked by another program. Close the other program (or the other "
            "Sourcemark window) and try again."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DamagedDatabase(
            f"{path} is damaged and cannot be opened ({error}). It was not changed.", path
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return StoreError(f"{path} cannot be opened for writing ({error}).")
    return StoreError(f"{path} could not be opened: {error}")


def _version_from(rows: dict, where: str) -> int:
    if rows.get("app") != APP_ID:
        raise StoreError(f"{where} is not a Sourcemark database.")
    try:
        return int(rows["schema_version"])
    except (KeyError, ValueError):
        raise StoreError(f"{where} has no readable schema version; it was not changed.") from None


def _refuse_newer(version: int | None, where: str) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"{where} was written by a newer Sourcemark (schema version {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Update Sourcemark to open it; the database was not "
            "changed."
        )


def _open_server(url: str, timeout: float) -> Database:
    options = {}
    if urlparse(url).scheme.startswith("postgres") and "connect_timeout" not in url:
        # a server that takes the connection and never answers would hang the app forever
        options["connect_timeout"] = max(1, round(2 * timeout))
    try:
        database = db_url.connect(url, **options)
    except ImportError as error:
        raise StoreError(
            f"The driver for {urlparse(url).scheme} databases is not installed ({error.name})."
        ) from None
    except Exception as error:
        raise StoreError(
            f"{describe(url)} is not a database address Sourcemark understands."
        ) from error
    try:
        database.connect()
    except Exception as error:
        raise StoreError(f"Cannot connect to {describe(url)}: {error}") from None
    try:
        _create_or_upgrade(database, describe(url))
    except StoreError:
        database.close()
        raise
    except Exception as error:
        database.close()
        raise StoreError(f"{describe(url)} could not be opened: {error}") from error
    return database


SCHEMA_LOCK = 0x50C3_5EED  # the advisory lock Sourcemark takes while creating or upgrading


def _create_or_upgrade(database: Database, where: str) -> None:
    """Create the tables, or upgrade them, in one transaction that first takes the write
    lock, then reads the version: of two programs opening a new or old database at once, one
    does the work while the other waits and then finds it done."""
    database_proxy.initialize(database)
    with database.atomic():
        if isinstance(database, PostgresqlDatabase):
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        version = _stored_version(database, where)
        _refuse_newer(version, where)
        if version is None:
            prepare_tables(database)
            database.create_tables(ALL_MODELS)
            create_search_index(database)
            Meta.insert_many(
                [
                    {"key": "app", "value": APP_ID},
                    {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                    {"key": RULES_KEY, "value": str(RULES)},
                ]
            ).execute()
            return
        afterwards = [
            MIGRATIONS[target](database) for target in range(version + 1, SCHEMA_VERSION + 1)
        ]
        for work in filter(None, afterwards):
            work()
        if version < SCHEMA_VERSION:
            Meta.update(value=str(SCHEMA_VERSION)).where(Meta.key == "schema_version").execute()
        _roll_up_under_current_rules(database)


RULES_KEY = "rollup_rules"  # the rules (scoring.rollup.RULES) the stored roll-ups follow


def _roll_up_under_current_rules(database: Database) -> None:
    """Roll-ups stored under earlier rules of the model are computed again: a change of the
    rules moves them with no claim changed (not a change of the tables: no new schema)."""
    current = str(RULES)
    stored = Meta.select(Meta.value).where(Meta.key == RULES_KEY).tuples().first()
    if stored and stored[0] == current:
        return
    database.execute_sql("UPDATE story SET score = NULL, code = NULL")  # rolled up again
    Meta.insert(key=RULES_KEY, value=current).on_conflict(
        conflict_target=[Meta.key], update={Meta.value: current}
    ).execute()


def _stored_version(database: Database, where: str) -> int | None:
    """The schema version the database holds; None when it has no tables yet."""
    tables = set(database.get_tables())
    if not tables:
        return None
    if Meta._meta.table_name not in tables:
        raise StoreError(f"{where} holds tables of another program.")
    rows = dict(database.execute_sql(f"SELECT key, value FROM {Meta._meta.table_name}"))
    return _version_from(rows, where)


def schema_version() -> int:
    return int(Meta.get_by_id("schema_version").value)


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy an SQLite file beside itself with the online backup API (the oldest automatic
    backups beyond the newest few are then deleted); returns the copy's path."""
    from sourcemark.store.backups import BackupError, prune, take_backup

    try:
        made = take_backup(path, label)
    except BackupError as error:
        raise StoreError(str(error)) from None
    prune(path)
    return made
