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

from sourcemark.paths import data_dir
from sourcemark.store.backups import read_only
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


def default_url() -> str:
    return "sqlite:///" + str(data_dir() / "sourcemark.sqlite")


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
    database = _open_sqlite(path, timeout) if path is not None else _open_server(url)
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


def _open_sqlite(path: Path, timeout: float) -> SqliteDatabase:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file.")
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
    database = SqliteDatabase(
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


def _open_server(url: str) -> Database:
    try:
        database = db_url.connect(url)
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
                ]
            ).execute()
            return
        for target in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[target](database)
        if version < SCHEMA_VERSION:
            Meta.update(value=str(SCHEMA_VERSION)).where(Meta.key == "schema_version").execute()


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
