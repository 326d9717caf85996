"""Backups beside an SQLite database: one a day and one before each upgrade, the newest
kept; a damaged database is found, never overwritten, and a backup put in its place."""

import hashlib
import shutil
import sqlite3
from datetime import date, timedelta

import pytest

from sourcemark.store import StoreError, close_database, open_database
from sourcemark.store.backups import (
    KEEP,
    BackupError,
    backups_of,
    check,
    daily_backup,
    restore,
)
from sourcemark.store.db import DamagedDatabase
from sourcemark.store.models import Story
from tests.store.test_db import make_v1, sqlite_url


def make_database(path, titles=("Kept",)) -> None:
    open_database(sqlite_url(path))
    for title in titles:
        Story.create(title=title)
    close_database()


def titles(path) -> list[str]:
    open_database(sqlite_url(path))
    try:
        return sorted(s.title for s in Story.select())
    finally:
        close_database()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_schema(path) -> None:
    """Garbage over the first page's table of tables (the 100-byte header stays)."""
    with path.open("r+b") as handle:
        handle.seek(100)
        handle.write(bytes(range(256)) * 15)


def damage_a_table(path) -> None:
    """Garbage over the pages after the first: the file opens, its tables do not read."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for offset in range(4096 * 2, size, 4096 * 2):
            handle.seek(offset + 8)
            handle.write(b"\xff" * 200)


def test_one_backup_a_day_copies_the_database_as_it_is(tmp_path):
    path = tmp_path / "news.sqlite"
    make_database(path, ["One", "Two"])
    made = daily_backup(path)
    assert made is not None and made.parent == tmp_path
    assert daily_backup(path) is None  # one a day
    [backup] = backups_of(path)
    assert backup.path == made and backup.label == "daily" and "daily" in backup.describe()
    assert titles(made) == ["One", "Two"] and check(made) is None
    tomorrow = daily_backup(path, today=date.today() + timedelta(days=1))
    assert tomorrow is not None and len(backups_of(path)) == 2


def test_a_backup_taken_while_another_connection_writes_is_whole(tmp_path):
    path = tmp_path / "busy.sqlite"
    make_database(path)
    writer = sqlite3.connect(path)
    writer.execute("BEGIN")
    writer.execute(
        "INSERT INTO story (title, created, updated) "
        "VALUES ('Half written', '2026-01-01', '2026-01-01')"
    )
    made = daily_backup(path)  # the uncommitted story is not in it, and nothing waits
    writer.commit()
    writer.close()
    assert titles(made) == ["Kept"] and titles(path) == ["Half written", "Kept"]


def test_only_the_newest_automatic_backups_are_kept(tmp_path):
    path = tmp_path / "news.sqlite"
    make_database(path)
    first = daily_backup(path)
    for day in range(1, KEEP + 3):  # older days' backups, named as they would have been
        older = date.today() - timedelta(days=day)
        shutil.copy(first, tmp_path / f"news.daily-{older:%Y%m%d}-090000.bak.sqlite")
    aside = tmp_path / "news.replaced-20200101-090000.bak.sqlite"
    shutil.copy(first, aside)  # put aside by a restore: never deleted
    daily_backup(path, today=date.today() + timedelta(days=1))
    automatic = [b for b in backups_of(path) if b.label == "daily"]
    assert len(automatic) == KEEP
    assert automatic[0].taken.date() == date.today()  # the newest kept, the oldest gone
    assert aside.exists()


def test_an_upgrade_is_backed_up_first_and_the_backups_pruned(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1(path)
    open_database(sqlite_url(path))
    close_database()
    [backup] = backups_of(path)
    assert backup.label == "v1" and "before upgrading from schema 1" in backup.describe()


def test_a_damaged_database_is_refused_unchanged_and_a_backup_restored(tmp_path):
    path = tmp_path / "news.sqlite"
    make_database(path, ["Before"])
    backup = daily_backup(path)
    make_database(path, ["After"])
    close_database()
    damage_schema(path)
    before = digest(path)
    with pytest.raises(DamagedDatabase, match="is damaged") as refused:
        open_database(sqlite_url(path))
    assert refused.value.path == path
    assert digest(path) == before  # never written to
    aside = restore(path, backup, damaged=True)
    assert aside.name.startswith("news.damaged-") and digest(aside) == before
    assert titles(path) == ["Before"]
    assert {b.label for b in backups_of(path)} == {"daily", "damaged"}


def test_a_damaged_table_is_found_by_the_daily_check_and_no_backup_replaces_good_ones(tmp_path):
    path = tmp_path / "news.sqlite"
    make_database(path, [f"Story {n}" for n in range(3000)])
    good = daily_backup(path)
    damage_a_table(path)
    before = digest(path)
    assert check(path) is not None
    with pytest.raises(BackupError, match="is damaged"):
        daily_backup(path, today=date.today() + timedelta(days=1))
    assert [b.path for b in backups_of(path)] == [good] and digest(path) == before


def test_a_damaged_backup_is_not_restored_and_the_database_stays(tmp_path):
    path = tmp_path / "news.sqlite"
    make_database(path)
    backup = daily_backup(path)
    damage_schema(backup)
    with pytest.raises(BackupError, match="damaged too"):
        restore(path, backup)
    assert titles(path) == ["Kept"]


def test_a_file_that_is_not_a_database_is_refused_with_a_message(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"not really" * 500)
    with pytest.raises(StoreError, match=r"damaged|not"):
        open_database(sqlite_url(path))
