"""The command line under bad conditions: a data folder it cannot use, a console that
cannot show every name, Ctrl+C, story ids that do not exist."""

import os
import signal
import subprocess
import sys
from contextlib import nullcontext

import pytest
from PySide6.QtWidgets import QMessageBox

from sourcemark.cli import main
from sourcemark.paths import sample_story_path
from tests.store.test_failures import articles
from tests.ui.test_backup import answer


@pytest.fixture
def unusable_home(tmp_path, monkeypatch):
    """A data folder that cannot be made (its parent is a file: even root cannot)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOURCEMARK_HOME", str(blocker / "home"))


def test_a_data_folder_that_cannot_be_made_gets_a_message(unusable_home, capsys):
    assert main(["import", str(sample_story_path())]) == 2
    err = capsys.readouterr().err
    assert "cannot use its data folder" in err and "Traceback" not in err


def test_the_window_shows_an_unusable_data_folder_in_a_dialog(unusable_home, qtbot, capsys):
    told = []

    def close(box: QMessageBox) -> None:
        told.append(box.text())
        box.close()

    answer(qtbot, close)
    assert main([]) == 2
    assert told and "cannot use its data folder" in told[0]


def run(*args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sourcemark", *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_a_console_in_a_legacy_code_page_never_stops_an_import(tmp_path):
    article = tmp_path / "Ελλάδα — Κρεμλίνο.txt"
    article.write_text(sample_story_path().read_text(encoding="utf-8"), encoding="utf-8")
    done = run("import", "--db", str(tmp_path / "news.sqlite"), str(article),
               PYTHONIOENCODING="cp1252")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b"1 imported" in done.stdout and b"Traceback" not in done.stderr


def test_ctrl_c_stops_an_import_between_articles_with_the_summary(tmp_path):
    folder = articles(tmp_path / "articles", 80)
    child = subprocess.Popen(
        [sys.executable, "-m", "sourcemark", "import", "--db", str(tmp_path / "news.sqlite"),
         str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    first = child.stdout.readline()  # the first article is in
    assert first.startswith("imported")
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130  # interrupted, as shells count it
    assert "stopped by Ctrl+C" in out and "not tried" in out and "Traceback" not in err
    imported = 1 + out.count("imported /")
    assert imported < 80
    # their claims were not looked up in other stories: the next import does it
    counted = f"{imported} article{'' if imported == 1 else 's'}"
    assert f"the claims of {counted} are still to be looked for" in out
    again = run("import", "--db", str(tmp_path / "news.sqlite"), str(folder / "article-000.txt"))
    out = again.stdout.decode()
    assert f"comparing the claims of {counted} with other stories'" in out
    assert "still to be looked for" not in out and b"Traceback" not in again.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--stories", "s.csv"],
        ["report", "--out", "r.html"],
        ["import", str(sample_story_path())],
    ],
)
@pytest.mark.parametrize("story", ["999", "99999999999999999999999", "-1", "x"])
def test_a_story_that_does_not_exist_is_said_in_every_command(tmp_path, command, story, capsys):
    database = str(tmp_path / "news.sqlite")
    refused_by_argparse = not story.isdigit() or len(story) > 18
    with pytest.raises(SystemExit) if refused_by_argparse else nullcontext():
        code = main([command[0], "--db", database, "--story", story, *command[1:]])
        assert code == 2
    err = capsys.readouterr().err
    assert "story" in err and "Traceback" not in err
    assert not (tmp_path / "s.csv").exists() and not (tmp_path / "r.html").exists()


def test_an_export_or_report_of_a_database_that_is_not_there_makes_none(tmp_path, capsys):
    missing = tmp_path / "mistyped.sqlite"
    assert main(["export", "--db", str(missing), "--stories", str(tmp_path / "s.csv")]) == 2
    assert (
        main(["report", "--db", str(missing), "--story", "1", "--out", str(tmp_path / "r.pdf")])
        == 2
    )
    assert capsys.readouterr().err.count("there is no database at") == 2
    assert not missing.exists() and not list(tmp_path.glob("*.csv")) + list(tmp_path.glob("*.pdf"))
