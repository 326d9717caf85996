"""The one import pipeline shared by the window and the command line: read, analyse, store.

An item is a file or folder path, an http(s) address, or a Snippet of dropped text."""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from sourcemark.analysis import ANALYZER_VERSION, analyze
from sourcemark.ingest import Document, IngestError, is_url, printable_path, read_item, read_text
from sourcemark.ingest.html import read_html
from sourcemark.ingest.readers import within_limits
from sourcemark.store import StoreError
from sourcemark.store.articles import DuplicateArticle, add_article
from sourcemark.store.corroboration import PendingResult, index_pending, pending_articles
from sourcemark.store.models import Article, Story

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ImportOutcome:
    origin: str
    article_id: int | None = None
    story_id: int | None = None
    error: str | None = None
    duplicate_of: int | None = None
    duplicate_story: int | None = None  # the story the article already is in

    @property
    def ok(self) -> bool:
        return self.article_id is not None


@dataclass(slots=True)
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0  # items to import, folders expanded
    # the pass after the articles were stored that looked their claims up among other
    # stories' (this import's and any an earlier one left): None if it did not run
    corroboration: PendingResult | None = None

    @property
    def imported(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.ok]

    @property
    def failed(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.error]


def store_document(
    document: Document, story_id: int | None = None, defer_pairs: bool = False
) -> Article:
    claims = analyze(document.text, document.title, document.outlet)
    story = Story.get_by_id(story_id) if story_id is not None else None
    return add_article(
        document, claims, story=story, analyzer_version=ANALYZER_VERSION, defer_pairs=defer_pairs
    )


@dataclass(slots=True, frozen=True)
class Snippet:
    """Text or HTML dropped or pasted from another program (a browser selection)."""

    content: str
    html: bool = False
    origin: str = "pasted text"
    text: str = ""  # the same selection as plain text, when the HTML gives no article

    def __str__(self) -> str:
        return self.origin


Item = str | Path | Snippet


def read_any(item: Item) -> Document:
    """The document an item holds, if its text is not too long to be an article."""
    return within_limits(_read(item))


def _read(item: Item) -> Document:
    if isinstance(item, Snippet):
        if item.html:
            try:
                document = read_html(item.content, origin=item.origin)
            except IngestError:
                if not item.text.strip():
                    raise
            else:
                document.format = "snippet"
                return document
        document = read_text(item.text if item.html else item.content, origin=item.origin)
        document.format = "snippet"
        return document
    return read_item(item)


def import_one(item: Item, story_id: int | None = None, defer_pairs: bool = False) -> ImportOutcome:
    """Import one file, address or snippet; every failure becomes a message in the outcome,
    never an exception. With ``defer_pairs`` its corroboration is left to
    find_corroboration()."""
    outcome = ImportOutcome(origin=printable_path(str(item)))  # a name not UTF-8, printable
    try:
        article = store_document(read_any(item), story_id, defer_pairs)
    except IngestError as error:
        outcome.error = str(error)
    except DuplicateArticle as duplicate:
        outcome.duplicate_of = duplicate.article.id
        outcome.duplicate_story = duplicate.article.story_id
        outcome.error = str(duplicate)
    except Story.DoesNotExist:
        outcome.error = "the story it was meant for no longer exists"
    except StoreError:
        raise  # the database itself failed: no use going on with the next item
    except peewee.OperationalError as error:  # busy beyond the wait, or the server away
        _raise_store_failure(error)
        outcome.error = (
            f"it was not stored: the database did not take it ({error}); import it again"
        )
    except Exception as error:  # a reader's own bug must not cost the rest of the drop
        _raise_store_failure(error)
        log.exception("importing %s", item)
        outcome.error = f"it could not be read ({type(error).__name__}: {error})"[:300]
    else:
        outcome.article_id = article.id
        outcome.story_id = article.story_id
    return outcome


def _raise_store_failure(error: Exception) -> None:
    """A full disk or a damaged database is not the article's fault, and the next article
    would fail the same way: it stops the import, with one message."""
    from sourcemark.store.failures import store_failure

    failure = store_failure(error)
    if failure is not None:
        raise failure from error


def import_paths(
    paths: Iterable[Item],
    story_id: int | None = None,
    progress: Callable[[int, int, ImportOutcome], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    finding: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import each item (folders expanded); ``progress(done, total, outcome)`` after each.
    Each article is stored whole in its own transaction, so a cancel or a crash between
    two leaves no part of one behind. Then the claims of the articles stored are looked up
    among other stories' (find_corroboration, ``finding(done, total)`` after each batch of
    articles); a cancel stops that too, and the next import (or the window, when it opens
    the database) finishes it."""
    items = expand_paths(paths)
    report = ImportReport(total=len(items))
    try:
        for index, item in enumerate(items):
            if cancelled and cancelled():
                report.cancelled = True
                break
            outcome = import_one(item, story_id, defer_pairs=True)
            report.outcomes.append(outcome)
            if progress:
                progress(index + 1, len(items), outcome)
        report.corroboration = find_corroboration(finding, cancelled)
    except StoreError as error:  # the database failed: what was imported is told too
        error.report = report
        raise
    return report


def find_corroboration(
    finding: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PendingResult:
    """Look up the claims of the articles imports stored (and of any an import cut short
    left) among other stories' claims; a database failure is a StoreError, as in an
    import. Any other failure loses nothing: the articles stay marked, for the next pass."""
    try:
        return index_pending(finding, cancelled)
    except StoreError:
        raise
    except Exception as error:  # busy beyond the wait, or a bug: what was imported stays
        _raise_store_failure(error)
        log.exception("finding corroboration after an import")
        try:
            left = pending_articles()
        except Exception:
            left = 0
        return PendingResult(left=left)


def expand_paths(items: Iterable[Item]) -> list[Item]:
    """Files, addresses and snippets as given, and the files inside folders (sorted, hidden
    ones skipped)."""
    found: list[Item] = []
    for item in items:
        if isinstance(item, Snippet) or (isinstance(item, str) and is_url(item)):
            found.append(item)
            continue
        path = Path(item)
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
