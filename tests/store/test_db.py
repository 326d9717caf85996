"""Opening, creating and upgrading databases, and refusing the ones we must not touch."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from sourcemark.store import StoreError, close_database, open_database, resolve_url
from sourcemark.store.browse import ClaimQuery, matching_ids
from sourcemark.store.db import schema_version, sqlite_path
from sourcemark.store.migrations import SCHEMA_VERSION
from sourcemark.store.models import Article, Claim, ClaimWord, Source, Story
from tests.store.v1_schema import build_v1


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(path)


def make_v1(path: Path) -> None:
    database = SqliteDatabase(str(path))
    build_v1(database)
    database.close()


def test_a_new_database_is_created_at_the_current_version_with_wal_and_foreign_keys(tmp_path):
    database = open_database(sqlite_url(tmp_path / "new.sqlite"))
    assert schema_version() == SCHEMA_VERSION
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {
        "story",
        "article",
        "claim",
        "source",
        "source_alias",
        "outlet",
        "corroboration",
    } <= set(database.get_tables())


def test_data_survives_closing_and_reopening(tmp_path):
    url = sqlite_url(tmp_path / "keep.sqlite")
    open_database(url)
    Story.create(title="Kept")
    close_database()
    open_database(url)
    assert [s.title for s in Story.select()] == ["Kept"]


FILTER_INDEXES = {(column, "article_id", "start") for column in ("type", "stance", "reviewed")}


def claim_indexes() -> set[tuple[str, ...]]:
    """The claim table's indexes on filter columns (what the claims table filters by)."""
    from sourcemark.store.models import database_proxy

    return {tuple(i.columns) for i in database_proxy.obj.get_indexes("claim")
            if i.columns[0] in {"type", "stance", "reviewed"}}  # fmt: skip


def test_the_claim_table_has_indexes_for_the_window_queries(db):
    indexed = {tuple(i.columns) for i in db.get_indexes("claim")}
    assert ("article_id", "start") in indexed
    assert claim_indexes() == FILTER_INDEXES  # each filter, a page at a time in reading order
    assert ("story_id",) in {tuple(i.columns) for i in db.get_indexes("article")}


def test_a_v1_database_is_backed_up_and_upgraded_keeping_its_data(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1(path)
    open_database(sqlite_url(path))
    assert schema_version() == SCHEMA_VERSION
    claim = Claim.get()
    assert claim.text == "it rained" and claim.premise is False and claim.quote is False
    assert [w.word for w in ClaimWord.select()] == ["rained"]  # v3 indexed the old claims
    assert Article.get().outlet.name == "Example Times"
    assert claim_indexes() == FILTER_INDEXES  # v6: the filters' indexes replace the old ones
    assert matching_ids(ClaimQuery(search="rain")) == [claim.id]  # v7: old claims searchable
    Source.update(reliability="B").execute()
    Claim.update(premise=True).execute()
    assert Claim.get().premise is True
    close_database()
    backups = list(tmp_path.glob("old.v1-*.bak.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert dict(copy.execute("SELECT key, value FROM sourcemark_meta"))["schema_version"] == "1"
        assert copy.execute("SELECT text FROM claim").fetchall() == [("it rained",)]


def test_opening_an_upgraded_database_again_makes_no_second_backup(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1(path)
    open_database(sqlite_url(path))
    close_database()
    open_database(sqlite_url(path))
    assert len(list(tmp_path.glob("*.bak.sqlite"))) == 1


def test_a_database_from_a_newer_sourcemark_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(sqlite_url(path))
    close_database()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE sourcemark_meta SET value = '99' WHERE key = 'schema_version'")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer Sourcemark"):
        open_database(sqlite_url(path))
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("Dear diary, this is not a database.")
    with pytest.raises(StoreError, match="not a Sourcemark database"):
        open_database(sqlite_url(path))
    assert path.read_text() == "Dear diary, this is not a database."


def test_another_programs_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
        connection.execute("INSERT INTO songs VALUES ('Hey Jude')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        open_database(sqlite_url(path))
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak*")) and not Path(str(path) + "-wal").exists()


def test_a_damaged_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "damaged.sqlite"
    open_database(sqlite_url(path))
    Story.create(title="x")
    close_database()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree header and cells
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=r"damaged|not a Sourcemark"):
        open_database(sqlite_url(path))
    assert path.read_bytes() == bytes(data)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        open_database(sqlite_url(tmp_path))


LOCKER = textwrap.dedent(
    """
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    sys.stdin.read()
    """
)


def test_a_database_locked_by_another_process_gives_a_clear_message_and_is_not_changed(tmp_path):
    path = tmp_path / "locked.sqlite"
    make_v1(path)  # a v1 file in rollback-journal mode, which opening would have to upgrade
    before = path.read_bytes()
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="locked by another program"):
            open_database(sqlite_url(path), timeout=0.2)
    finally:
        locker.stdin.close()
        locker.wait(10)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak*"))


def test_urls_paths_and_the_environment_choose_the_database(tmp_path, monkeypatch, isolated_home):
    assert sqlite_path(resolve_url(None)) == (isolated_home / "sourcemark.sqlite").resolve()
    monkeypatch.setenv("SOURCEMARK_DB", "sqlite:///" + str(tmp_path / "env.sqlite"))
    assert sqlite_path(resolve_url(None)) == tmp_path / "env.sqlite"
    assert sqlite_path(resolve_url(str(tmp_path / "bare.sqlite"))) == tmp_path / "bare.sqlite"
    assert sqlite_path(resolve_url("postgresql://u@localhost/news")) is None


def test_a_server_url_without_its_driver_or_server_gives_a_clear_message():
    with pytest.raises(StoreError, match=r"postgresql|Cannot connect|driver"):
        open_database("postgresql://nobody@127.0.0.1:1/none")


def make_v1_on_server(url: str) -> None:
    from playhouse.db_url import connect

    database = connect(url)
    build_v1(database)
    database.close()


def test_a_v1_database_on_postgresql_is_upgraded_keeping_its_data(pg_server):
    url = pg_server.empty()
    make_v1_on_server(url)
    open_database(url)
    assert schema_version() == SCHEMA_VERSION
    claim = Claim.get()
    assert claim.text == "it rained" and claim.premise is False and claim.quote is False
    assert [w.word for w in ClaimWord.select()] == ["rained"]
    assert claim_indexes() == FILTER_INDEXES
    assert matching_ids(ClaimQuery(search="rain")) == [claim.id]
    Source.update(reliability="B").execute()
    assert Source.get().reliability == "B" and Article.get().outlet.name == "Example Times"


def test_a_failing_upgrade_on_postgresql_changes_nothing(pg_server, monkeypatch):
    from sourcemark.store import migrations

    def broken(database):
        raise RuntimeError("the disk is full")

    url = pg_server.empty()
    make_v1_on_server(url)
    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION, broken)
    with pytest.raises(StoreError, match="the disk is full"):
        open_database(url)
    import psycopg2

    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT value FROM sourcemark_meta WHERE key = 'schema_version'")
        assert cursor.fetchone() == ("1",)
        cursor.execute("SELECT column_name FROM information_schema.columns "
                       "WHERE table_name = 'claim' AND column_name = 'premise'")  # fmt: skip
        assert cursor.fetchall() == []  # the v2 step, run before the failure, was undone
    connection.close()


def test_an_old_database_is_known_to_need_an_upgrade_before_it_is_opened(tmp_path):
    from sourcemark.store.db import needs_upgrade

    path = tmp_path / "old.sqlite"
    make_v1(path)
    assert needs_upgrade(sqlite_url(path))
    open_database(sqlite_url(path))
    close_database()
    assert not needs_upgrade(sqlite_url(path))
    assert not needs_upgrade(sqlite_url(tmp_path / "new.sqlite"))
    assert not needs_upgrade("postgresql://desk@db.example/sourcemark")


def test_a_v9_database_gains_the_claims_confidence_keeping_its_claims(tmp_path):
    path = tmp_path / "v9.sqlite"
    open_database(sqlite_url(path))
    from sourcemark.analysis.types import Claim as FoundClaim
    from sourcemark.ingest import Document
    from sourcemark.store.articles import add_article

    add_article(Document(text="it rained", title="Old"), [FoundClaim("it rained", 0, 9)])
    close_database()
    with sqlite3.connect(path) as old:  # as version 9 left it: no confidence column
        old.execute("ALTER TABLE claim DROP COLUMN confidence")
        old.execute("UPDATE sourcemark_meta SET value = '9' WHERE key = 'schema_version'")
    old.close()
    database = open_database(sqlite_url(path))
    assert schema_version() == SCHEMA_VERSION
    assert "confidence" in {c.name for c in database.get_columns("claim")}
    assert Claim.get().text == "it rained" and Claim.get().confidence is None
    Claim.update(confidence=0.5).execute()
    assert Claim.get().confidence == 0.5
    assert len(list(tmp_path.glob("v9.v9-*.bak.sqlite"))) == 1
