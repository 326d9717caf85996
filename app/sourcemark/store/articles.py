"""Storing imported articles with the analyzer's claims: duplicates refused by content hash
or address, outlets and registry sources found by name (created on first sight), and the
analyzer's claims of an article replaced when it is analysed again.

A named source is one source across the archive. An unnamed description ("critics",
"people familiar with the matter") is a source only where it was written: in one outlet's
articles of one story, its place. "Critics" in three unrelated stories are three sources
until a person merges them (store.registry.merge_sources)."""

import re
from collections.abc import Iterable

from peewee import IntegrityError

from sourcemark.analysis.types import ANONYMOUS_TYPES
from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.ingest.document import Document
from sourcemark.store.corroboration import defer_articles, index_articles
from sourcemark.store.models import (
    Article,
    Claim,
    Outlet,
    Source,
    SourceAlias,
    Story,
    utcnow,
    writing,
)
from sourcemark.store.sql import chunks, insert_row, insert_rows, marks, select_rows
from sourcemark.store.stale import stale_article


class DuplicateArticle(Exception):
    """The article is stored already."""

    def __init__(self, article: Article):
        story = article.story
        self.in_trash = story.trashed is not None
        if self.in_trash:
            super().__init__(
                f"already imported as “{article.title}”, which is in the Trash (story id "
                f"{article.story_id}): restore it from View ▸ Trash, or empty the Trash first"
            )
        else:
            super().__init__(
                f"already imported as “{article.title}”, in the story “{story.title}” "
                f"(id {article.story_id})"
            )
        self.article = article


def alias_key(name: str) -> str:
    """The form under which aliases are compared: lower case, words only."""
    return " ".join(re.findall(r"\w+", name.casefold()))


Place = tuple[int, int]  # (story id, outlet id; 0 for an article with no outlet)
EVERYWHERE: Place = (0, 0)  # where a named source is known
UNNAMED_TYPES = tuple(sorted(str(t) for t in ANONYMOUS_TYPES))


def where_known(type_: str, place: Place) -> Place:
    """Where a source of this type is the same source: an unnamed description in its own
    outlet and story only, a name everywhere."""
    return place if type_ in UNNAMED_TYPES else EVERYWHERE


def places_of_articles(article_ids: list[int]) -> dict[int, Place]:
    """Each article's place: its story (the one it left, while it waits in the Trash
    alone) and its outlet."""
    places: dict[int, Place] = {}
    for chunk in chunks(list(article_ids)):
        for article_id, story_id, outlet_id in select_rows(
            "SELECT id, COALESCE(trashed_from, story_id), COALESCE(outlet_id, 0) FROM article "
            f"WHERE id IN ({marks(chunk)})",
            *chunk,
        ):
            places[article_id] = (story_id, outlet_id)
    return places


def linked_mention(mention: str, resolved: str | None, keys: set[str]) -> str:
    """Which of a claim's mentions links it to its source: the one among the source's alias
    ``keys`` (a person may have written the mention after the analyzer resolved another),
    else the one an import links by."""
    for candidate in (resolved or mention, mention):
        if alias_key(candidate)[:300] in keys:
            return candidate
    return resolved or mention


def outlet_named(name: str | None) -> int | None:
    """The id of the outlet of this name (in any case), created on first sight."""
    if not name or not name.strip():
        return None
    name = name.strip()[:200]
    rows = select_rows("SELECT id FROM outlet WHERE LOWER(name) = {p} LIMIT 1", name.lower())
    return rows[0][0] if rows else insert_row(Outlet, {"name": name})


def find_duplicate(document: Document) -> Article | None:
    """The stored article with the same text (white space aside) or the same address."""
    content_hash = document.content_hash
    if document.url:
        rows = select_rows(
            "SELECT id, content_hash FROM article WHERE content_hash = {p} OR url = {p} LIMIT 2",
            content_hash,
            document.url,
        )
    else:
        rows = select_rows(
            "SELECT id, content_hash FROM article WHERE content_hash = {p}", content_hash
        )
    if not rows:
        return None
    rows.sort(key=lambda row: row[1] != content_hash)  # the same text first
    return Article.get_by_id(rows[0][0])


def add_article(
    document: Document,
    claims: Iterable[FoundClaim],
    *,
    story: Story | None = None,
    analyzer_version: str = "",
    defer_pairs: bool = False,
) -> Article:
    """Store a document and its claims, in a new story unless one is given. All or nothing.
    Its claims are looked up among other stories' at once, or with ``defer_pairs`` (an
    import of many) later by corroboration.index_pending().
    Two people importing the same article at once store it once: the database's unique
    content hash refuses the second, which is told it is a duplicate; a clash over a new
    outlet or source name created by the other at that moment is tried again."""
    found = list(claims)
    for attempt in range(3):
        try:
            return _add_article(document, found, story, analyzer_version, defer_pairs)
        except IntegrityError:
            existing = find_duplicate(document)
            if existing is not None:
                raise DuplicateArticle(existing) from None
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _add_article(document, claims, story, analyzer_version, defer_pairs) -> Article:
    with writing():
        existing = find_duplicate(document)
        if existing is not None:
            raise DuplicateArticle(existing)
        new_story = story is None
        if story is None:
            title = (document.title or "Untitled story")[:500]
            story = Story(id=insert_row(Story, {"title": title}), title=title)
            forget_places_of_story(story.id)
        fields = {
            "story": story.id,
            "title": (document.title or "Untitled")[:500],
            "outlet": outlet_named(document.outlet),
            "url": document.url,
            "published": document.published,
            "byline": document.byline,
            "text": document.text,
            "content_hash": document.content_hash,
            "origin": document.origin,
            "format": document.format,
            "analyzer_version": analyzer_version,
        }
        article = Article(id=insert_row(Article, fields), **fields)
        now = utcnow()
        place = (story.id, fields["outlet"] or 0)
        insert_rows(Claim, _claim_rows(article.id, list(claims), now, place))
        if defer_pairs:
            defer_articles([article.id])
        else:
            index_articles([article.id])
        if not new_story:
            Story.update(updated=now).where(Story.id == story.id).execute()
    return article


def _claim_rows(article_id: int, claims: list[FoundClaim], now, place: Place) -> list[dict]:
    """Rows of the analyzer's claims for one article, each linked to its registry source."""
    sources = source_ids(
        ((claim.source_resolved or claim.source, str(claim.type)) for claim in claims
         if claim.source),
        place,
    )  # fmt: skip
    rows = []
    for claim in claims:
        mention = claim.source_resolved or claim.source
        rows.append(
            {
                "article": article_id,
                "start": claim.start,
                "end": claim.end,
                "text": claim.text,
                "source_mention": claim.source,
                "source_resolved": claim.source_resolved,
                "source": sources.get(source_key(mention, str(claim.type), place))
                if claim.source
                else None,
                "cue": claim.cue,
                "type": str(claim.type),
                "stance": str(claim.stance),
                "quote": claim.quote,
                "premise": claim.premise,
                "confidence": claim.confidence,
                "updated": now,
            }
        )
    return rows


def source_key(mention: str, type_: str, place: Place) -> tuple[str, int, int]:
    """What source_ids() files a mention under: its alias key where it is known."""
    return (alias_key(mention or "")[:300], *where_known(type_, place))


def source_ids(mentions, place: Place = EVERYWHERE) -> dict[tuple[str, int, int], int]:
    """Registry sources for (mention, type) pairs of an article at ``place``, by
    source_key(): the known ones in a query per place, the new ones created."""
    wanted: dict[tuple[str, int, int], tuple[str, str]] = {}
    for mention, type_ in mentions:
        key = source_key(mention, type_, place)
        if key[0] and key not in wanted:
            wanted[key] = (mention, type_)
    found: dict[tuple[str, int, int], int] = {}
    for chunk in chunks(list(wanted)):
        # the names and this place's descriptions in one query (an index range each)
        by_place: dict[Place, list[str]] = {}
        for key, story_id, outlet_id in chunk:
            by_place.setdefault((story_id, outlet_id), []).append(key)
        where = " OR ".join(
            f"(story_id = {{p}} AND outlet_id = {{p}} AND key IN ({marks(keys)}))"
            for keys in by_place.values()
        )
        params = [value for (story_id, outlet_id), keys in by_place.items()
                  for value in (story_id, outlet_id, *keys)]  # fmt: skip
        for key, story_id, outlet_id, source_id in select_rows(
            f"SELECT key, story_id, outlet_id, source_id FROM source_alias WHERE {where}", *params
        ):
            found[(key, story_id, outlet_id)] = source_id
    for wanted_key, (mention, type_) in wanted.items():
        if wanted_key not in found:
            found[wanted_key] = new_source(mention, type_, wanted_key)
    return found


def new_source(mention: str, type_: str, key: tuple[str, int, int]) -> int:
    """A registry source first seen as ``mention``, known under ``key`` (source_key())."""
    name = mention.strip()[:300]
    source_id = insert_row(Source, {"name": name, "type": type_})
    alias_key_, story_id, outlet_id = key
    insert_row(SourceAlias, {"source": source_id, "alias": name, "key": alias_key_,
                             "story_id": story_id, "outlet_id": outlet_id})  # fmt: skip
    return source_id


def source_of(mention: str | None, type_: str, place: Place) -> int | None:
    """The registry source of one mention in an article at ``place`` (None without one)."""
    if not mention or not alias_key(mention):
        return None
    return source_ids([(mention, type_)], place)[source_key(mention, type_, place)]


def forget_places_of_story(story_id: int) -> None:
    """A new story knows no unnamed source yet. SQLite gives a new story the id of the last
    one if that was deleted, so what was known in a story deleted under this id is
    forgotten, and the sources left with no name and no claim go."""
    stale = [row[0] for row in select_rows(
        "SELECT DISTINCT source_id FROM source_alias WHERE story_id = {p}", story_id)]  # fmt: skip
    if not stale:
        return
    SourceAlias.delete().where(SourceAlias.story_id == story_id).execute()
    for source_id in stale:
        if not (SourceAlias.select().where(SourceAlias.source == source_id).exists()
                or Claim.select().where(Claim.source == source_id).exists()):  # fmt: skip
            Source.delete().where(Source.id == source_id).execute()


def reanalyze_article(article_id: int, claims: Iterable[FoundClaim], analyzer_version: str) -> int:
    """Replace the analyzer's claims of an article with new ones, in one transaction. The
    claims a person made or changed stay as they are, and a new claim that covers the same
    words as one of them is left out. Returns the number of claims stored."""
    with writing():
        kept = list(
            Claim.select(Claim.start, Claim.end).where(
                (Claim.article == article_id) & (Claim.origin == "user")
            )
        )
        stale_article(article_id)
        Claim.delete().where((Claim.article == article_id) & (Claim.origin != "user")).execute()
        fresh = [c for c in claims if not any(_same_words(c, k) for k in kept)]
        place = places_of_articles([article_id])[article_id]
        insert_rows(Claim, _claim_rows(article_id, fresh, utcnow(), place))
        Article.update(analyzer_version=analyzer_version).where(Article.id == article_id).execute()
        index_articles([article_id])
    return len(kept) + len(fresh)


def _same_words(new: FoundClaim, kept: Claim) -> bool:
    """Whether a new claim covers mostly the words of a claim a person kept."""
    overlap = min(new.end, kept.end) - max(new.start, kept.start)
    return overlap > 0.5 * min(new.end - new.start, kept.end - kept.start)
