"""The nasty files in tests/data/nasty (made by make_nasty.py there): each is imported or
refused with a message a user understands, none hangs (a watchdog gives each a minute),
and one drop of all of them with a good article imports the good one and the few that
can be read."""

import gzip
import shutil
import threading
from pathlib import Path

import pytest

from sourcemark.paths import sample_story_path
from sourcemark.pipeline import import_paths
from sourcemark.store.models import Article, Claim

NASTY = Path(__file__).resolve().parents[1] / "data" / "nasty"
HANG = 60  # seconds: far beyond what any of them takes; reaching it means a hang

# what becomes of each: imported (None), or the words of the message saying why not
EXPECTED = {
    "70000-paragraphs.docx": "70,000 paragraphs",
    "bom-only.txt": "no article text",
    "broken-mime.eml": None,
    "docx-without-document.docx": "word/document.xml is missing",
    "entities.html": None,
    "long-line-20mb.txt": "more than an article's",
    "mixed-encodings.txt": None,
    "nested-10000.html": "no article text was found",
    "not-a-zip.docx": "damaged",
    "nul-bytes.txt": "binary data",
    "only-whitespace.md": "no article text",
    "pages-sharing-70mb.pdf": "MB of compressed content; it is not an article",
    "pdf-header-then-garbage.pdf": "PDF is damaged",
    "truncated.pdf": "PDF is damaged",
    "unclosed-tags.html": "no article text was found",
    "utf16-no-bom.txt": None,
    "xml-bomb.docx": "XML bomb",
}


def nasty_file(name: str, folder: Path) -> Path:
    """The file, unpacked into ``folder`` when it is kept gzip-compressed."""
    packed = NASTY / (name + ".gz")
    if not packed.exists():
        return NASTY / name
    target = folder / name
    with gzip.open(packed, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)
    return target


def watched(paths: list[str]):
    """import_paths on a thread, failing the test if it is not done within HANG seconds."""
    result = []
    worker = threading.Thread(target=lambda: result.append(import_paths(paths)), daemon=True)
    worker.start()
    worker.join(HANG)
    assert not worker.is_alive(), f"importing {paths} hung"
    return result[0]


def test_every_nasty_file_is_listed():
    on_disk = {p.name.removesuffix(".gz") for p in NASTY.iterdir() if p.suffix != ".py"}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_nasty_file_is_imported_or_refused_with_a_message(name, db, tmp_path):
    report = watched([str(nasty_file(name, tmp_path))])
    [outcome] = report.outcomes
    if EXPECTED[name] is None:
        assert outcome.ok, outcome.error
        article = Article.get_by_id(outcome.article_id)
        assert article.text.strip() and "\x00" not in article.text
    else:
        assert not outcome.ok and EXPECTED[name] in outcome.error
        assert "Traceback" not in outcome.error and len(outcome.error) < 300


def test_one_drop_of_every_nasty_file_and_a_good_one_imports_what_can_be_read(db, tmp_path):
    paths = [str(nasty_file(name, tmp_path)) for name in sorted(EXPECTED)]
    report = watched([*paths, str(sample_story_path())])
    readable = {name for name, why in EXPECTED.items() if why is None}
    assert {Path(o.origin).name for o in report.imported} == readable | {"bout-houthis.txt"}
    assert len(report.failed) == len(EXPECTED) - len(readable)
    assert Article.select().count() == len(readable) + 1 and Claim.select().count() > 0
