"""Files whose names are not valid UTF-8 (b"caf\\xe9.txt", written by a Latin-1 system):
imported like any other, given or found in a folder, and named by an origin that can be
printed and stored (Python holds such a name with lone surrogates, which neither a UTF-8
console nor the database takes)."""

import io
import os
import sys

import pytest

from sourcemark.ingest import printable_path, read_path
from sourcemark.pipeline import import_paths
from sourcemark.store.models import Article

ARTICLE = (
    "Café Owners Protest\n\n"
    "Café owners marched to the town hall on Monday to protest the new terrace tax, "
    "the organisers said.\n\n"
    "The mayor said the tax would be reviewed in the spring.\n"
)


def latin1_name(folder, name: bytes):
    """``folder / name`` for a name that is not UTF-8; skips where the file system refuses
    one (macOS and Windows keep names in Unicode)."""
    path = folder / os.fsdecode(name)
    try:
        path.touch()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only Unicode names")
    return path


def assert_printable(origin: str) -> None:
    console = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    print(origin, file=console)
    console.flush()
    assert origin.isprintable()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names are Unicode")
def test_a_file_named_in_latin_1_is_read_with_a_printable_origin(tmp_path):
    path = latin1_name(tmp_path, b"caf\xe9.txt")
    path.write_text(ARTICLE, encoding="utf-8")
    document = read_path(path)
    assert document.title == "Café Owners Protest"
    assert document.origin == str(tmp_path / "caf\\xe9.txt")
    assert_printable(document.origin)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names are Unicode")
def test_files_named_in_latin_1_import_given_and_from_a_folder(db, tmp_path):
    folder = latin1_name(tmp_path, b"r\xe9sum\xe9s")
    folder.unlink()
    folder.mkdir()
    in_folder = latin1_name(folder, b"caf\xe9.txt")
    in_folder.write_text(ARTICLE, encoding="utf-8")
    given = latin1_name(tmp_path, b"na\xefve.md")
    given.write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")

    report = import_paths([str(folder), given])
    assert [outcome.error for outcome in report.outcomes] == [None, None]
    origins = sorted(article.origin for article in Article.select())
    assert origins == [
        str(tmp_path / "na\\xefve.md"),
        str(tmp_path / "r\\xe9sum\\xe9s" / "caf\\xe9.txt"),
    ]
    for origin in origins:
        assert_printable(origin)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names are Unicode")
def test_the_outcome_of_importing_a_latin_1_name_can_be_printed(db, tmp_path):
    path = latin1_name(tmp_path, b"caf\xe9.txt")
    path.write_text(ARTICLE, encoding="utf-8")
    [outcome] = import_paths([path]).outcomes
    assert outcome.ok
    assert_printable(outcome.origin)


def test_a_printable_path_is_the_path_itself_when_it_is_unicode():
    assert printable_path("/news/Café – 2024/été.txt") == "/news/Café – 2024/été.txt"
    assert printable_path(os.fsdecode(b"/news/caf\xe9.txt")) == "/news/caf\\xe9.txt"
