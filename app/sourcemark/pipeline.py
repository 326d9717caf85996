"""The one import pipeline shared by the window and the command line: read, analyse, store."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sourcemark.analysis import ANALYZER_VERSION, analyze
from sourcemark.ingest import Document, IngestError, read_path
from sourcemark.store.models import Article, Story
from sourcemark.store.repo import DuplicateArticle, add_article


@dataclass(slots=True)
class ImportOutcome:
    origin: str
    article_id: int | None = None
    story_id: int | None = None
    error: str | None = None
    duplicate_of: int | None = None

    @property
    def ok(self) -> bool:
        return self.article_id is not None


@dataclass(slots=True)
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)

    @property
    def imported(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.ok]

    @property
    def failed(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.error]


def store_document(document: Document, story_id: int | None = None) -> Article:
    claims = analyze(document.text, document.title, document.outlet)
    story = Story.get_by_id(story_id) if story_id is not None else None
    return add_article(document, claims, story=story, analyzer_version=ANALYZER_VERSION)


def import_one(path: str | Path, story_id: int | None = None) -> ImportOutcome:
    """Import one file; every failure becomes a message in the outcome, never an exception."""
    outcome = ImportOutcome(origin=str(path))
    try:
        article = store_document(read_path(path), story_id)
    except IngestError as error:
        outcome.error = str(error)
    except DuplicateArticle as duplicate:
        outcome.duplicate_of = duplicate.article.id
        outcome.error = str(duplicate)
    else:
        outcome.article_id = article.id
        outcome.story_id = article.story_id
    return outcome


def import_paths(
    paths: Iterable[str | Path],
    story_id: int | None = None,
    progress: Callable[[int, ImportOutcome], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    report = ImportReport()
    for index, path in enumerate(expand_paths(paths)):
        if cancelled and cancelled():
            break
        outcome = import_one(path, story_id)
        report.outcomes.append(outcome)
        if progress:
            progress(index, outcome)
    return report


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the files inside folders (sorted, hidden ones skipped)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found
