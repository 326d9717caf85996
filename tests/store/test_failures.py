"""A database that is damaged, full, read-only or not a file: a clear message, and nothing
written to it."""

import hashlib
import socket
import sqlite3
import threading

import pytest

from sourcemark.cli import main
from sourcemark.paths import sample_story_path
from sourcemark.store import StoreError, close_database, open_database
from sourcemark.store.db import ReadOnlyDatabase
from sourcemark.store.models import Story, writing
from tests.disks import make_read_only, small_disk
from tests.store.test_backups import make_database


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def articles(folder, count: int):
    """``count`` articles that differ in every paragraph (none is a duplicate)."""
    folder.mkdir()
    paragraphs = sample_story_path().read_text(encoding="utf-8").split("\n\n")
    for n in range(count):
        body = "\n\n".join(f"{p.rstrip()} (Edition {n}.)" for p in paragraphs[1:])
        (folder / f"{n:03}.txt").write_text(f"Edition {n}\n\n{body}\n", encoding="utf-8")
    return folder


def damage_the_last_pages(path, pages: int = 4) -> None:
    """Garbage in the last pages (rows written last): the file opens and its first rows read;
    SQLite's check finds the damage."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for offset in range(size - 4096 * pages, size, 4096):
            handle.seek(offset + 8)
            handle.write(b"\xff" * 200)


def test_an_import_never_writes_into_a_database_with_damaged_pages(tmp_path, capsys):
    path = tmp_path / "news.sqlite"
    make_database(path, [f"Story {n}" for n in range(3000)])
    damage_the_last_pages(path)
    before = digest(path)
    code = main(["import", "--db", str(path), str(sample_story_path()), str(sample_story_path())])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.count("is damaged") == 1  # said once, not once per article
    assert "Restore from Backup" in captured.err and "Traceback" not in captured.err
    assert digest(path) == before


def test_an_export_or_report_of_a_damaged_database_says_so(tmp_path, capsys):
    path = tmp_path / "news.sqlite"
    assert main(["import", "--db", str(path), str(sample_story_path())]) == 0
    close_database()
    connection = sqlite3.connect(path)  # stories written last, on the last pages
    with connection:
        connection.executemany(
            "INSERT INTO story (title, created, updated) VALUES (?, '2026-01-01', '2026-01-01')",
            [(f"Story {n} " * 20,) for n in range(400)],
        )
    assert connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0  # not busy
    connection.close()
    damage_the_last_pages(path)
    capsys.readouterr()
    export = main(["export", "--db", str(path), "--stories", str(tmp_path / "s.csv")])
    err = capsys.readouterr().err
    assert export == 1 and "is damaged" in err and "Traceback" not in err
    assert not (tmp_path / "s.csv").exists()


def test_a_full_disk_stops_the_import_with_one_message(tmp_path, capsys):
    folder = articles(tmp_path / "articles", 60)
    with small_disk(tmp_path / "disk", "400k") as disk:
        path = disk / "news.sqlite"
        code = main(["import", "--db", str(path), str(folder)])
        captured = capsys.readouterr()
        assert code == 1
        assert captured.err.count("disk is full") == 1, captured.err
        assert "cannot rollback" not in captured.err and "Traceback" not in captured.err
        imported = captured.out.count("imported /")
        assert 0 < imported < 60
        # the summary says what is in and what was not tried, so the rest can follow
        assert f"{imported} imported, 0 not imported, {60 - imported} not tried" in captured.out
        close_database()
        with sqlite3.connect(path) as connection:  # what was stored is whole
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert connection.execute("SELECT count(*) FROM article").fetchone()[0] == imported


def test_a_read_only_database_is_browsed_and_exported_but_not_changed(tmp_path, capsys):
    with small_disk(tmp_path / "disk", "4m") as disk:
        path = disk / "news.sqlite"
        assert main(["import", "--db", str(path), str(sample_story_path())]) == 0
        close_database()
        make_read_only(disk)  # its roll-ups not computed yet: the export computes them
        open_database("sqlite:///" + str(path))
        assert next(s.title for s in Story.select()).startswith("Viktor Bout")
        with pytest.raises(ReadOnlyDatabase, match="read-only"), writing():
            Story.create(title="never")
        close_database()
        capsys.readouterr()
        out = tmp_path / "claims.csv"
        assert main(["export", "--db", str(path), "--claims", str(out)]) == 0
        assert out.read_text(encoding="utf-8").count("\n") > 10
        assert "exported without a score" in capsys.readouterr().err
        other = tmp_path / "other.txt"
        other.write_text("Bridge Closed\n\nThe bridge was closed on Monday, the city said.\n")
        code = main(["import", "--db", str(path), str(other)])
        err = capsys.readouterr().err
        assert code == 1 and "read-only" in err and "Traceback" not in err


@pytest.mark.parametrize("where", ["sqlite:///:memory:", "/dev/null"])
def test_a_database_that_is_not_a_file_gets_a_message(where, capsys):
    assert main(["import", "--db", where, str(sample_story_path())]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("memory" in err or "not a regular file" in err)


def test_a_server_that_never_answers_is_given_up_with_a_message():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]
    held = []
    stop = threading.Event()

    def accept_and_say_nothing():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept_and_say_nothing, daemon=True)
    thread.start()
    try:
        with pytest.raises(StoreError, match="Cannot connect") as raised:
            open_database(f"postgresql://someone@127.0.0.1:{port}/news", timeout=1.0)
        assert "timeout" in str(raised.value).lower()
    finally:
        stop.set()
        thread.join(5)
        for connection in held:
            connection.close()
        listener.close()
