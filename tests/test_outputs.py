"""Exports and reports are written whole or not at all, and never over the database."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sourcemark.cli import main
from sourcemark.paths import sample_story_path
from sourcemark.report.export import safe
from tests.disks import fill, small_disk


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def archive(tmp_path) -> Path:
    """A database file holding the sample story (story 1)."""
    path = tmp_path / "news.sqlite"
    assert main(["import", "--db", str(path), str(sample_story_path())]) == 0
    return path


def test_an_export_never_writes_over_the_database_its_journal_or_backups(archive, capsys):
    before = digest(archive)
    backup = archive.with_name("news.daily-20261201-090000.bak.sqlite")
    backup.write_bytes(b"a backup")
    for target in (archive, archive.with_name("news.sqlite-wal"), backup):
        assert main(["export", "--db", str(archive), "--claims", str(target)]) == 2
        assert "never writes over it" in capsys.readouterr().err
    assert digest(archive) == before and backup.read_bytes() == b"a backup"
    assert main(["report", "--db", str(archive), "--story", "1", "--out", str(archive)]) == 2
    assert digest(archive) == before


def test_the_stories_and_claims_files_may_not_be_one_file(archive, tmp_path, capsys):
    out = tmp_path / "both.csv"
    code = main(["export", "--db", str(archive), "--stories", str(out), "--claims", str(out)])
    assert code == 2 and "named twice" in capsys.readouterr().err
    assert not out.exists()


def test_an_export_to_a_full_disk_leaves_the_old_files_whole(archive, tmp_path, capsys):
    with small_disk(tmp_path / "disk", "256k") as disk:
        stories, claims = disk / "stories.csv", disk / "claims.csv"
        stories.write_text("old stories\n")
        claims.write_text("old claims\n")
        fill(disk)
        code = main(["export", "--db", str(archive), "--stories", str(stories),
                     "--claims", str(claims)])  # fmt: skip
        err = capsys.readouterr().err
        assert code == 1 and "the disk is full" in err and "Traceback" not in err
        assert stories.read_text() == "old stories\n" and claims.read_text() == "old claims\n"
        assert sorted(p.name for p in disk.iterdir()) == ["claims.csv", "filler", "stories.csv"]


def test_an_export_replaces_the_old_files_only_when_complete(archive, tmp_path):
    stories, claims = tmp_path / "stories.csv", tmp_path / "claims.csv"
    stories.write_text("old\n")
    claims.write_text("old\n")
    os.chmod(claims, 0o640)
    assert main(["export", "--db", str(archive), "--stories", str(stories),
                 "--claims", str(claims)]) == 0  # fmt: skip
    assert stories.read_text().startswith("story_id,") and claims.read_text().count("\n") > 10
    assert os.stat(claims).st_mode & 0o777 == 0o640  # the old file's permissions kept
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_killed_export_leaves_the_previous_file_as_it_was(tmp_path):
    archive = tmp_path / "news.sqlite"
    folder = tmp_path / "articles"
    folder.mkdir()
    paragraphs = sample_story_path().read_text(encoding="utf-8").split("\n\n")
    for n in range(40):  # editions that differ in every paragraph: none is a duplicate
        edition = "\n\n".join(f"{p.rstrip()} (Edition {n}.)" for p in paragraphs[1:])
        (folder / f"{n}.txt").write_text(f"Edition {n}\n\n{edition}\n")
    assert main(["import", "--db", str(archive), str(folder)]) == 0
    claims = tmp_path / "claims.csv"
    claims.write_text("the previous export\n")
    # the export is stopped as soon as it has begun writing (its temporary file exists, or
    # the file itself changed), whatever it holds by then
    child = subprocess.Popen(
        [sys.executable, "-m", "sourcemark", "export", "--db", str(archive),
         "--claims", str(claims)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        begun = any(p.name.startswith(".claims.csv.") for p in tmp_path.iterdir())
        if begun or claims.read_text() != "the previous export\n":
            child.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    child.wait(timeout=60)
    if child.returncode == 0:
        pytest.skip("the export finished before it could be stopped")
    assert claims.read_text() == "the previous export\n"


def test_a_report_that_cannot_be_written_is_an_error(archive, capsys):
    code = main(["report", "--db", str(archive), "--story", "1", "--out", "/no/such/dir/r.pdf"])
    err = capsys.readouterr().err
    assert code == 1 and "was not written" in err and "/no/such/dir" in err


@pytest.mark.parametrize("name", ["report.pdf", "report.html"])
def test_a_report_on_a_full_disk_is_an_error_and_leaves_the_old_one(
    archive, tmp_path, name, capsys
):
    with small_disk(tmp_path / "disk", "256k") as disk:
        out = disk / name
        out.write_text("the old report")
        fill(disk)
        code = main(["report", "--db", str(archive), "--story", "1", "--out", str(out)])
        captured = capsys.readouterr()
        assert code == 1 and "the disk is full" in captured.err
        assert "wrote" not in captured.out
        assert out.read_text() == "the old report"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", name]


def test_a_written_pdf_report_is_whole(archive, tmp_path):
    out = tmp_path / "report.pdf"
    assert main(["report", "--db", str(archive), "--story", "1", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("sign", ["\uff1d", "\uff0b", "\uff0d", "\uff20"])
def test_full_width_formula_signs_are_neutralised(sign):
    assert safe(f"{sign}HYPERLINK(1)") == f"'{sign}HYPERLINK(1)"
