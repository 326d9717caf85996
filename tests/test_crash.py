"""A killed import loses nothing it had stored and leaves nothing half-stored: the process
is killed (SIGKILL, no chance to clean up) twice in the middle of importing 200 files;
each time the database passes SQLite's integrity check, every article in it has all its
claims, and importing the same folder again finishes the job without doubles."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sourcemark.analysis import analyze
from sourcemark.store import close_database, open_database
from sourcemark.store.models import Article, Claim, ClaimWord, UnindexedArticle
from tests.store.test_db import sqlite_url

ROOT = Path(__file__).resolve().parents[1]
FILES = 200

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def write_articles(folder: Path) -> None:
    """200 different articles of 30 paragraphs, their words drawn at random (seeded): like
    news, few claims of one say what claims of another say."""
    rng = random.Random(11)
    syllables = ["ka", "lor", "mi", "tan", "ve", "dro", "sul", "pe", "gar", "no", "rim", "ba"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))

    def clause() -> str:
        return " ".join(word() for _ in range(rng.randint(6, 12)))

    folder.mkdir()
    for n in range(FILES):
        paragraphs = [
            f"Officials said the {clause()}. The mayor of {word().title()} denied that "
            f"{clause()}. Reuters reported that {clause()}."
            for _ in range(30)
        ]
        (folder / f"article-{n:03}.txt").write_text(
            f"Report {n}: {word().title()} {word()}\n\n" + "\n\n".join(paragraphs),
            encoding="utf-8",
        )


def start_import(url: str, folder: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "app"))
    return subprocess.Popen(
        [sys.executable, "-m", "sourcemark", "import", "--db", url, str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def stored_articles(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
    except sqlite3.Error:
        return 0
    try:
        return connection.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    except sqlite3.Error:  # its tables not created yet, or busy for a moment
        return 0
    finally:
        connection.close()


def kill_after(process: subprocess.Popen, path: Path, articles: int) -> int:
    """SIGKILL the import once the database holds ``articles`` articles; how many it held."""
    deadline = time.monotonic() + 120
    while stored_articles(path) < articles:
        assert process.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL
    return stored_articles(path)


def check_whole(path: Path, finished: bool = False) -> int:
    """The database is sound and each article has every claim the analyzer finds in it; its
    claims are looked up among other stories', or it is marked to be (a kill between storing
    an article and finding its pairs), and once the import ``finished``, every one is."""
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    open_database(sqlite_url(path))
    try:
        articles = list(Article.select())
        for article in articles:
            expected = analyze(article.text, article.title, None)
            stored = Claim.select().where(Claim.article == article)
            assert stored.count() == len(expected), article.title
            indexed = ClaimWord.select().join(Claim).where(Claim.article == article).count()
            waiting = UnindexedArticle.get_or_none(UnindexedArticle.article == article)
            assert (indexed > 0) != (waiting is not None), article.title
            assert indexed > 0 or not finished, article.title
        titles = [a.title for a in articles]
        assert len(titles) == len(set(titles))  # nothing twice
        return len(articles)
    finally:
        close_database()


def test_an_import_killed_twice_is_whole_each_time_and_finishes_when_run_again(tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder)
    path = tmp_path / "news.sqlite"
    url = sqlite_url(path)
    first = kill_after(start_import(url, folder), path, 15)
    assert 15 <= first < FILES
    assert check_whole(path) == first
    second = kill_after(start_import(url, folder), path, first + 20)
    assert first + 20 <= second < FILES
    assert check_whole(path) == second
    finished = start_import(url, folder)
    finished.wait(300)
    assert finished.returncode == 1  # the articles stored before are reported as duplicates
    assert check_whole(path, finished=True) == FILES
