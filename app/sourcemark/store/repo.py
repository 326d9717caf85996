"""Reads and writes the rest of the app uses; every write is one transaction."""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from peewee import JOIN, IntegrityError, PostgresqlDatabase

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.ingest.document import Document
from sourcemark.scoring import Settings
from sourcemark.store.browse import stories_of_claims
from sourcemark.store.corroboration import index_articles, index_claims
from sourcemark.store.models import (
    Article,
    Claim,
    Corroboration,
    Meta,
    Outlet,
    Source,
    SourceAlias,
    Story,
    database_proxy,
    driver_errors,
    utcnow,
    writing,
)
from sourcemark.store.sql import chunks, marks, select


class DuplicateArticle(Exception):
    """The article is stored already."""

    def __init__(self, article: Article):
        super().__init__(f"already imported as “{article.title}” (story {article.story_id})")
        self.article = article


def alias_key(name: str) -> str:
    """The form under which aliases are compared: lower case, words only."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def _select(sql: str, *params) -> list[tuple]:
    """A small SELECT written out ({p} marks a parameter): the lookups each import makes."""
    return select(sql, params)


def outlet_named(name: str | None) -> int | None:
    """The id of the outlet of this name (in any case), created on first sight."""
    if not name or not name.strip():
        return None
    name = name.strip()[:200]
    rows = _select("SELECT id FROM outlet WHERE LOWER(name) = {p} LIMIT 1", name.lower())
    return rows[0][0] if rows else insert_row(Outlet, {"name": name})


def find_duplicate(document: Document) -> Article | None:
    """The stored article with the same text (white space aside) or the same address."""
    content_hash = document.content_hash
    if document.url:
        rows = _select(
            "SELECT id, content_hash FROM article WHERE content_hash = {p} OR url = {p} LIMIT 2",
            content_hash,
            document.url,
        )
    else:
        rows = _select(
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
) -> Article:
    """Store a document and its claims, in a new story unless one is given. All or nothing.
    Two people importing the same article at once store it once: the database's unique
    content hash refuses the second, which is told it is a duplicate; a clash over a new
    outlet or source name created by the other at that moment is tried again."""
    found = list(claims)
    for attempt in range(3):
        try:
            return _add_article(document, found, story, analyzer_version)
        except IntegrityError:
            existing = find_duplicate(document)
            if existing is not None:
                raise DuplicateArticle(existing) from None
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _add_article(document, claims, story, analyzer_version) -> Article:
    with writing():
        existing = find_duplicate(document)
        if existing is not None:
            raise DuplicateArticle(existing)
        new_story = story is None
        if story is None:
            title = (document.title or "Untitled story")[:500]
            story = Story(id=insert_row(Story, {"title": title}), title=title)
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
        insert_rows(Claim, _claim_rows(article.id, list(claims), now))
        index_articles([article.id])
        if not new_story:
            Story.update(updated=now).where(Story.id == story.id).execute()
    return article


def _claim_rows(article_id: int, claims: list[FoundClaim], now) -> list[dict]:
    """Rows of the analyzer's claims for one article, each linked to its registry source."""
    sources = source_ids(
        (claim.source_resolved or claim.source, str(claim.type)) for claim in claims if claim.source
    )
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
                "source": sources.get(alias_key(mention)[:300]) if claim.source else None,
                "cue": claim.cue,
                "type": str(claim.type),
                "stance": str(claim.stance),
                "quote": claim.quote,
                "premise": claim.premise,
                "updated": now,
            }
        )
    return rows


def _insert_sql(model) -> tuple[str, list]:
    """INSERT for every column but the key, with the database's parameter marks."""
    database = model._meta.database
    fields = [f for f in model._meta.sorted_fields if f is not model._meta.primary_key]
    open_quote, close_quote = database.quote[0], database.quote[1]
    columns = ", ".join(f"{open_quote}{f.column_name}{close_quote}" for f in fields)
    marks = ", ".join([database.param] * len(fields))
    table = f"{open_quote}{model._meta.table_name}{close_quote}"
    return f"INSERT INTO {table} ({columns}) VALUES ({marks})", fields


def _values(fields, row: dict) -> tuple:
    values = []
    for column in fields:
        if column.name in row:
            values.append(column.db_value(row[column.name]))
        else:
            default = column.default
            values.append(column.db_value(default() if callable(default) else default))
    return tuple(values)


def insert_rows(model, rows: list[dict]) -> None:
    """Insert many rows with one prepared statement (executemany). peewee builds the SQL
    of every query value by value, which costs more than the database's own work when an
    article brings dozens of claims; fields a row leaves out take their defaults."""
    if not rows:
        return
    sql, fields = _insert_sql(model)
    database = database_proxy.obj
    with driver_errors:
        database.cursor().executemany(sql, [_values(fields, row) for row in rows])


def insert_row(model, row: dict) -> int:
    """Insert one row the same way, and return its new key."""
    sql, fields = _insert_sql(model)
    database = database_proxy.obj
    with driver_errors:
        cursor = database.cursor()
        if isinstance(database, PostgresqlDatabase):
            cursor.execute(sql + " RETURNING id", _values(fields, row))
            return cursor.fetchone()[0]
        cursor.execute(sql, _values(fields, row))
        return cursor.lastrowid


def source_ids(mentions) -> dict[str, int]:
    """Registry sources for (mention, type) pairs, by alias key: the known ones in one
    query, the new ones created."""
    wanted: dict[str, tuple[str, str]] = {}
    for mention, type_ in mentions:
        key = alias_key(mention or "")[:300]
        if key and key not in wanted:
            wanted[key] = (mention, type_)
    found: dict[str, int] = {}
    keys = list(wanted)
    for chunk in chunks(keys):
        found.update(
            _select(
                f"SELECT key, source_id FROM source_alias WHERE key IN ({marks(chunk)})", *chunk
            )
        )
    for key, (mention, type_) in wanted.items():
        if key not in found:
            name = mention.strip()[:300]
            source_id = insert_row(Source, {"name": name, "type": type_})
            insert_row(SourceAlias, {"source": source_id, "alias": name, "key": key})
            found[key] = source_id
    return found


@dataclass(slots=True)
class StoryRow:
    id: int
    title: str
    articles: int
    claims_by_article: dict[int, int] = field(default_factory=dict)
    score: int | None = None  # the stored roll-up (None: being computed; -1: no claims)
    code: str | None = None
    caps: str = ""

    @property
    def claims(self) -> int:
        return sum(self.claims_by_article.values())


def story_rows() -> list[StoryRow]:
    """Every story with its article and claim counts, newest first."""
    story_of = dict(_select("SELECT id, story_id FROM article"))
    by_article: dict[int, dict[int, int]] = {}
    for article_id, n in _select("SELECT article_id, COUNT(*) FROM claim GROUP BY article_id"):
        by_article.setdefault(story_of[article_id], {})[article_id] = n
    query = _select(
        "SELECT s.id, s.title, COUNT(a.id), s.score, s.code, s.caps FROM story s "
        "LEFT JOIN article a ON a.story_id = s.id GROUP BY s.id, s.title, s.score, s.code, "
        "s.caps, s.created ORDER BY s.created DESC, s.id DESC"
    )
    return [
        StoryRow(story_id, title, n, by_article.get(story_id, {}), score, code, caps or "")
        for story_id, title, n, score, code, caps in query
    ]


def _articles(story_ids: list[int]):
    return (
        Article.select(Article, Outlet)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Article.story.in_(story_ids))
        .order_by(Article.story, Article.published.asc(nulls="LAST"), Article.id)
    )


def articles_of(story_id: int) -> list[Article]:
    return list(_articles([story_id]))


@dataclass(slots=True)
class ArticleRow:
    """What lists show of an article, read as plain values."""

    id: int
    story_id: int
    title: str
    outlet_name: str | None
    url: str | None
    origin: str | None
    format: str
    published: date | None


def article_rows(story_ids: list[int]) -> dict[int, list[ArticleRow]]:
    """The articles of these stories as ArticleRows, in the order articles_of gives them."""
    grouped: dict[int, list[ArticleRow]] = {story_id: [] for story_id in story_ids}
    ids = sorted(set(story_ids))
    for chunk in chunks(ids):
        for row in _select(
            "SELECT a.id, a.story_id, a.title, o.name, a.url, a.origin, a.format, a.published "
            "FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id "
            f"WHERE a.story_id IN ({marks(chunk)}) "
            "ORDER BY a.story_id, a.published IS NULL, a.published, a.id",
            *chunk,
        ):
            published = row[7]
            if isinstance(published, str):
                published = date.fromisoformat(published[:10])
            grouped[row[1]].append(ArticleRow(*row[:7], published))
    return grouped


def _claims_with_context():
    """Claims with their article, its outlet and their registry source, in one query."""
    return (
        Claim.select(Claim, Article, Outlet, Source)
        .join(Article)
        .join(Outlet, JOIN.LEFT_OUTER)
        .switch(Claim)
        .join(Source, JOIN.LEFT_OUTER)
    )


def claims_by_id(ids: list[int]) -> list[Claim]:
    """These claims, with their article, outlet and source (as the table shows them)."""
    return list(_claims_with_context().where(Claim.id.in_(ids))) if ids else []


def claims_of_story(story_id: int) -> list[Claim]:
    return list(
        _claims_with_context().where(Article.story == story_id).order_by(Article.id, Claim.start)
    )


# -- edits by a person --------------------------------------------------------------------------

EDITABLE_FIELDS = ("type", "stance", "source_mention", "reviewed", "note")


def mark_stale(story_ids: Iterable[int] | None = None) -> None:
    """Have the roll-up of these stories (None: of all) computed again."""
    if story_ids is None:
        Story.update(score=None, code=None).where(Story.score.is_null(False)).execute()
        return
    ids = sorted(set(story_ids))
    for chunk in chunks(ids):
        Story.update(score=None, code=None).where(Story.id.in_(chunk)).execute()


def stories_touched(claim_ids: Iterable[int]) -> set[int]:
    """The stories of these claims and of the claims stored as saying the same: those whose
    roll-up a change to them can move."""
    ids = sorted(set(claim_ids))
    stories: set[int] = set()
    for chunk in chunks(ids):
        listed = marks(chunk)
        stories |= {row[0] for row in _select(
            "SELECT DISTINCT a.story_id FROM claim c JOIN article a ON a.id = c.article_id "
            f"WHERE c.id IN ({listed}) OR c.id IN (SELECT other_id FROM corroboration "
            f"WHERE claim_id IN ({listed})) OR c.id IN (SELECT claim_id FROM corroboration "
            f"WHERE other_id IN ({listed}))", *chunk, *chunk, *chunk)}  # fmt: skip
    return stories


class EditConflict(Exception):
    """Someone else changed (or deleted) the claim after it was read: the edit was refused.
    ``theirs``: the stored values of the editable fields (None: the claim is gone)."""

    def __init__(self, claim_id: int, yours: dict, theirs: dict | None, text: str = ""):
        super().__init__(f"claim {claim_id} was changed by someone else")
        self.claim_id, self.yours, self.theirs, self.text = claim_id, yours, theirs, text


def _saved(claim_id: int, expected: int | None, values: dict) -> None:
    """Write a person's values to a claim if it still has the version they saw (None: any);
    the version goes up. Raises EditConflict otherwise, writing nothing."""
    condition = Claim.id == claim_id
    if expected is not None:
        condition &= Claim.version == expected
    values = {**values, "version": Claim.version + 1, "updated": utcnow()}
    if not Claim.update(**values).where(condition).execute():
        current = Claim.get_or_none(Claim.id == claim_id)
        theirs = None if current is None else {f: getattr(current, f) for f in EDITABLE_FIELDS}
        raise EditConflict(claim_id, values, theirs, current.text if current else "")


def update_claim(claim_id: int, changes: dict, version: int | None = None) -> dict:
    """Apply a person's edit to one claim in its own transaction and return the values it
    replaced (for undo). The claim becomes the person's ("user"), so a re-analysis keeps
    it; its version goes up. A changed source mention is linked to its registry source.
    With ``version`` (the one the person saw), a claim someone else has changed since is
    left alone and EditConflict says what it holds now."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    with writing():
        claim = Claim.get_or_none(Claim.id == claim_id)
        if claim is None:
            raise EditConflict(claim_id, changes, None)
        old = {name: getattr(claim, name) for name in changes}
        old["origin"] = claim.origin
        values = dict(changes)
        if "source_mention" in changes:
            mention = (changes["source_mention"] or "").strip() or None
            values["source_mention"] = mention
            values["source"] = (
                source_ids([(mention, changes.get("type", claim.type))]).get(alias_key(mention))
                if mention
                else None
            )
            old["source"] = claim.source_id
        values["origin"] = changes.get("origin", "user")
        _saved(claim_id, version, values)
        mark_stale(stories_touched([claim_id]))
    return old


def restore_claim_fields(claim_id: int, old: dict, version: int | None = None) -> None:
    """Put back the values update_claim() returned (undo); with ``version``, only if nobody
    changed the claim since (else EditConflict)."""
    with writing():
        _saved(claim_id, version, dict(old))
        mark_stale(stories_touched([claim_id]))


def check_versions(versions: dict[int, int | None]) -> None:
    """Raise EditConflict for the first claim whose stored version is not the one given
    (None: not checked), or which is gone. Run inside the transaction that changes them."""
    wanted = {claim_id: v for claim_id, v in versions.items() if v is not None}
    if not wanted:
        return
    stored = {c.id: c for c in Claim.select().where(Claim.id.in_(list(wanted)))}
    for claim_id, version in wanted.items():
        claim = stored.get(claim_id)
        if claim is None or claim.version != version:
            theirs = None if claim is None else {f: getattr(claim, f) for f in EDITABLE_FIELDS}
            raise EditConflict(claim_id, {}, theirs, claim.text if claim else "")


def delete_claims(
    claim_ids: list[int], versions: dict[int, int | None] | None = None
) -> list[dict]:
    """Remove claims in one transaction; returns their rows, so that undo can put them back
    as they were (same ids). With ``versions``, nothing is removed if someone changed one of
    them since (EditConflict)."""
    with writing():
        check_versions(versions or {})
        rows = list(Claim.select().where(Claim.id.in_(claim_ids)).dicts())
        mark_stale(stories_touched(claim_ids))
        Claim.delete().where(Claim.id.in_(claim_ids)).execute()
    return rows


def restore_claims(rows: list[dict]) -> None:
    """Put deleted claims back, ids included (undo of delete_claims)."""
    with writing():
        insert_rows_with_ids(Claim, rows)
        index_claims([row["id"] for row in rows])


def insert_rows_with_ids(model, rows: list[dict]) -> None:
    if rows:
        model.insert_many(rows).execute()


def _stale_article(article_id: int) -> None:
    """Before an article's claims are replaced: the stories their links reach."""
    ids = [row[0] for row in Claim.select(Claim.id).where(Claim.article == article_id).tuples()]
    mark_stale(stories_touched(ids))


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
        _stale_article(article_id)
        Claim.delete().where((Claim.article == article_id) & (Claim.origin != "user")).execute()
        fresh = [c for c in claims if not any(_same_words(c, k) for k in kept)]
        insert_rows(Claim, _claim_rows(article_id, fresh, utcnow()))
        Article.update(analyzer_version=analyzer_version).where(Article.id == article_id).execute()
        index_articles([article_id])
    return len(kept) + len(fresh)


def _same_words(new: FoundClaim, kept: Claim) -> bool:
    """Whether a new claim covers mostly the words of a claim a person kept."""
    overlap = min(new.end, kept.end) - max(new.start, kept.start)
    return overlap > 0.5 * min(new.end - new.start, kept.end - kept.start)


def claims_of_article(article_id: int) -> list[dict]:
    """Every stored claim of an article as rows (for undo of a bulk change)."""
    return list(Claim.select().where(Claim.article == article_id).dicts())


def replace_claims_of_article(
    article_id: int, rows: list[dict], expected: list[dict] | None = None
) -> None:
    """Put an article's claims back exactly as ``rows`` (undo of a re-analysis). With
    ``expected`` (the claims the caller believes are stored), nothing changes if the stored
    ones differ in any claim or version: someone else changed the article's claims."""
    with writing():
        if expected is not None:
            stored = dict(Claim.select(Claim.id, Claim.version)
                          .where(Claim.article == article_id).tuples())  # fmt: skip
            believed = {row["id"]: row["version"] for row in expected}
            changed = set(stored.items()) ^ set(believed.items())
            if changed:
                claim_id = min(claim_id for claim_id, _v in changed)
                claim = Claim.get_or_none(Claim.id == claim_id)
                theirs = None if claim is None else {f: getattr(claim, f) for f in EDITABLE_FIELDS}
                raise EditConflict(claim_id, {}, theirs, claim.text if claim else "")
        _stale_article(article_id)
        Claim.delete().where(Claim.article == article_id).execute()
        insert_rows_with_ids(Claim, rows)
        index_articles([article_id])


def add_user_claim(article_id: int, start: int, end: int, fields: dict) -> int:
    """A claim a person marked in the article's text; its id."""
    with writing():
        article = Article.get_by_id(article_id)
        text = article.text[start:end].strip()
        if not text:
            raise ValueError("a claim needs some words of the article")
        offset = article.text.index(text, start)
        mention = (fields.get("source_mention") or "").strip() or None
        type_ = fields.get("type") or "unattributed"
        source = source_ids([(mention, type_)]).get(alias_key(mention)) if mention else None
        claim_id = insert_row(
            Claim,
            {
                "article": article_id,
                "start": offset,
                "end": offset + len(text),
                "text": text,
                "source_mention": mention,
                "source": source,
                "type": type_,
                "stance": fields.get("stance") or "asserts",
                "origin": "user",
                "note": fields.get("note", ""),
            },
        )
        index_claims([claim_id])
        return claim_id


def split_claim(claim_id: int, at: int, version: int | None = None) -> list[int]:
    """Cut a claim in two at a character offset of its article; both halves keep its
    source, type and stance and become the person's. Returns the two ids. With
    ``version``, a claim someone changed since is left alone (EditConflict)."""
    with writing():
        check_versions({claim_id: version})
        claim = Claim.get_by_id(claim_id)
        if not claim.start < at < claim.end:
            raise ValueError("the cut must fall inside the claim")
        text = claim.article.text
        left_end = len(text[claim.start : at].rstrip()) + claim.start
        right_start = at + len(text[at : claim.end]) - len(text[at : claim.end].lstrip())
        if left_end <= claim.start or right_start >= claim.end:
            raise ValueError("both parts of a split need words")
        Claim.update(
            end=left_end,
            text=text[claim.start : left_end],
            origin="user",
            version=Claim.version + 1,
            updated=utcnow(),
        ).where(Claim.id == claim_id).execute()
        row = Claim.select().where(Claim.id == claim_id).dicts().get()
        del row["id"]
        row.update(start=right_start, text=text[right_start : claim.end], premise=False,
                   version=1, updated=utcnow())  # fmt: skip
        halves = [claim_id, insert_row(Claim, row)]
        index_claims(halves)
        return halves


def merge_claims(claim_ids: list[int], versions: dict[int, int | None] | None = None) -> int:
    """Join claims of one article into the first of them, reaching over all their words;
    the others go. Returns the id of the merged claim. With ``versions``, nothing changes
    if someone changed one of them since (EditConflict)."""
    with writing():
        check_versions(versions or {})
        claims = sorted(Claim.select().where(Claim.id.in_(claim_ids)), key=lambda c: c.start)
        if len(claims) < 2 or len({c.article_id for c in claims}) > 1:
            raise ValueError("merging needs two or more claims of the same article")
        first = claims[0]
        start, end = first.start, max(c.end for c in claims)
        text = first.article.text[start:end]
        Claim.update(end=end, text=text, origin="user", premise=any(c.premise for c in claims),
                     reviewed=False, version=Claim.version + 1, updated=utcnow()).where(
            Claim.id == first.id
        ).execute()  # fmt: skip
        mark_stale(stories_touched([c.id for c in claims]))
        Claim.delete().where(Claim.id.in_([c.id for c in claims[1:]])).execute()
        index_claims([first.id])
        return first.id


# -- the source registry ----------------------------------------------------------------------


@dataclass(slots=True)
class SourceRow:
    id: int
    name: str
    type: str
    reliability: str | None
    aliases: list[str]
    claims: int
    stories: int
    outlets: int


def source_rows() -> list[SourceRow]:
    """Every source with its aliases and how much rests on it, most claims first."""
    counts = {
        source_id: (claims, stories, outlets)
        for source_id, claims, stories, outlets in _select(
            "SELECT claim.source_id, COUNT(*), COUNT(DISTINCT article.story_id), "
            "COUNT(DISTINCT article.outlet_id) FROM claim JOIN article ON article.id = "
            "claim.article_id WHERE claim.source_id IS NOT NULL GROUP BY claim.source_id"
        )
    }
    aliases: dict[int, list[str]] = {}
    for source_id, alias in _select("SELECT source_id, alias FROM source_alias ORDER BY alias"):
        aliases.setdefault(source_id, []).append(alias)
    rows = [
        SourceRow(source.id, source.name, source.type, source.reliability,
                  aliases.get(source.id, []), *counts.get(source.id, (0, 0, 0)))
        for source in Source.select()
    ]  # fmt: skip
    rows.sort(key=lambda row: (-row.claims, row.name.casefold()))
    return rows


def _set_grade(model, row_id: int, letter: str | None) -> str | None:
    """Set a reliability grade (A-F, or None) on a source or outlet; returns the old one."""
    if letter is not None and (len(letter) != 1 or letter not in "ABCDEF"):
        raise ValueError("a reliability grade is a letter from A to F")
    with writing():
        old = model.get_by_id(row_id).reliability
        model.update(reliability=letter).where(model.id == row_id).execute()
        if old != letter:
            graded = _stories_of_source if model is Source else _stories_of_outlet
            mark_stale(graded(row_id))
    return old


def _stories_of_source(source_id: int) -> set[int]:
    """The stories with claims resting on this source: those its grade moves."""
    return {row[0] for row in _select(
        "SELECT DISTINCT a.story_id FROM claim c JOIN article a ON a.id = c.article_id "
        "WHERE c.source_id = {p}", source_id)}  # fmt: skip


def _stories_of_outlet(outlet_id: int) -> set[int]:
    """The stories an outlet's grade moves: those carrying one of its articles (a story's
    letter is its best outlet's), and those with media reports citing it by name."""
    stories = {row[0] for row in _select(
        "SELECT DISTINCT story_id FROM article WHERE outlet_id = {p}", outlet_id)}  # fmt: skip
    key = outlet_key(Outlet.get_by_id(outlet_id).name)
    for story_id, cited in _select(
        "SELECT a.story_id, c.source_mention FROM claim c JOIN article a ON a.id = c.article_id "
        "WHERE c.type = 'media_report' AND c.source_mention IS NOT NULL"
    ):
        if story_id not in stories and outlet_key(cited) == key:
            stories.add(story_id)
    return stories


def outlet_key(name: str) -> str:
    """An outlet's name as a media report's citation is matched with it: in lower case,
    spaces and apostrophes evened out, without a leading "the"."""
    words = " ".join(name.lower().replace("’", "'").split())
    return words[4:] if words.startswith("the ") else words


def set_reliability(source_id: int, letter: str | None) -> str | None:
    """Grade a source (None: the default of its type); returns the old grade."""
    return _set_grade(Source, source_id, letter)


def merge_sources(keep_id: int, other_ids: list[int]) -> dict:
    """Make several registry sources one: their aliases and claims go to ``keep_id`` and
    they go. Returns what undo needs to split them again."""
    others = [i for i in other_ids if i != keep_id]
    with writing():
        snapshot = {
            "sources": list(Source.select().where(Source.id.in_(others)).dicts()),
            "aliases": list(SourceAlias.select().where(SourceAlias.source.in_(others)).dicts()),
            "claims": [(c.id, c.source_id) for c in
                       Claim.select(Claim.id, Claim.source).where(Claim.source.in_(others))],
        }  # fmt: skip
        moved = stories_of_claims([claim_id for claim_id, _ in snapshot["claims"]])
        SourceAlias.update(source=keep_id).where(SourceAlias.source.in_(others)).execute()
        Claim.update(source=keep_id).where(Claim.source.in_(others)).execute()
        Source.delete().where(Source.id.in_(others)).execute()
        mark_stale(moved)  # the kept source's grade now covers their claims
    return snapshot


def unmerge_sources(snapshot: dict) -> None:
    """Undo merge_sources()."""
    with writing():
        insert_rows_with_ids(Source, snapshot["sources"])
        for alias in snapshot["aliases"]:
            SourceAlias.update(source=alias["source"]).where(
                SourceAlias.id == alias["id"]
            ).execute()
        for claim_id, source_id in snapshot["claims"]:
            Claim.update(source=source_id).where(Claim.id == claim_id).execute()
        mark_stale(stories_of_claims([claim_id for claim_id, _ in snapshot["claims"]]))


# -- the credibility model's settings, kept with the database ------------------------------------

SETTINGS_KEY = "credibility_settings"


def load_settings() -> Settings:
    """The model settings in force for this database (the defaults until someone saves)."""
    row = Meta.get_or_none(Meta.key == SETTINGS_KEY)
    if row is None:
        return Settings()
    try:
        return Settings.from_dict(json.loads(row.value))
    except (ValueError, TypeError):
        return Settings()  # unreadable: the defaults, rather than no scores at all


def save_settings(settings: Settings) -> None:
    """Store the settings; a similarity lowered below the one the stored corroborations were
    found with has the archive searched again (the pairs above it are stored already)."""
    from sourcemark.store.corroboration import floor, rebuild_index

    value = json.dumps(settings.as_dict(), sort_keys=True)
    with writing():
        Meta.insert(key=SETTINGS_KEY, value=value).on_conflict(
            conflict_target=[Meta.key], update={Meta.value: value}
        ).execute()
        mark_stale()
        if settings.similarity < floor():
            rebuild_index(settings.similarity)


@dataclass(slots=True)
class OutletRow:
    id: int
    name: str
    reliability: str | None
    stories: int
    articles: int
    claims: int
    by_type: dict[str, int]
    by_month: dict[str, int]  # "2024-03" -> claims in articles published (or stored) then


def outlet_rows() -> list[OutletRow]:
    """Every outlet with what it carried: stories, articles, claims by type and by month
    (its track record), most claims first."""
    rows = {
        o.id: OutletRow(o.id, o.name, o.reliability, 0, 0, 0, {}, {})
        for o in Outlet.select()
    }  # fmt: skip
    for outlet_id, stories, articles in _select(
        "SELECT outlet_id, COUNT(DISTINCT story_id), COUNT(*) FROM article "
        "WHERE outlet_id IS NOT NULL GROUP BY outlet_id"
    ):
        rows[outlet_id].stories, rows[outlet_id].articles = stories, articles
    query = (
        Claim.select(Article.outlet, Article.published, Article.imported, Claim.type)
        .join(Article)
        .where(Article.outlet.is_null(False))
        .tuples()
    )
    for outlet_id, published, imported, type_ in query:
        row = rows[outlet_id]
        row.claims += 1
        row.by_type[type_] = row.by_type.get(type_, 0) + 1
        when = published or imported
        month = str(when)[:7] if when else "undated"
        row.by_month[month] = row.by_month.get(month, 0) + 1
    return sorted(rows.values(), key=lambda r: (-r.claims, r.name.casefold()))


def set_outlet_reliability(outlet_id: int, letter: str | None) -> str | None:
    """Grade an outlet (None: ungraded); returns the old grade."""
    return _set_grade(Outlet, outlet_id, letter)


# -- corroboration a person confirmed or rejected ----------------------------------------------


def set_link(claim_id: int, other_id: int, status: str | None, similarity: float = 0) -> str | None:
    """Record that ``other`` corroborates ``claim`` ("confirmed") or does not ("rejected");
    None (or "found") forgets the person's word, leaving what the model found. Returns the
    status it had (for undo)."""
    if status == "found":
        status = None
    if status not in {None, "confirmed", "rejected"}:
        raise ValueError(f"unknown corroboration status {status!r}")
    a, b = sorted((claim_id, other_id))  # one row per pair, whichever way it was asked
    with writing():
        row = Corroboration.get_or_none((Corroboration.claim == a) & (Corroboration.other == b))
        old = row.status if row is not None and row.status != "found" else None
        if status is None and row is not None and row.found:
            Corroboration.update(status="found").where(Corroboration.id == row.id).execute()
        elif status is None:
            Corroboration.delete().where(
                (Corroboration.claim == a) & (Corroboration.other == b)
            ).execute()
        elif row is None:
            Corroboration.create(claim=a, other=b, status=status, similarity=similarity)
        else:
            Corroboration.update(status=status).where(Corroboration.id == row.id).execute()
        mark_stale(stories_touched([a, b]))
    return old


def links_of(claim_ids: list[int]) -> dict[int, dict[int, str]]:
    """The confirmed and rejected links of these claims: claim -> {other claim: status}."""
    links: dict[int, dict[int, str]] = {}
    ids = list(claim_ids)
    for chunk in chunks(ids):
        query = Corroboration.select(
            Corroboration.claim, Corroboration.other, Corroboration.status
        ).where(
            (Corroboration.claim.in_(chunk) | Corroboration.other.in_(chunk))
            & (Corroboration.status != "found")
        )
        for link in query:
            for mine, theirs in ((link.claim_id, link.other_id), (link.other_id, link.claim_id)):
                links.setdefault(mine, {})[theirs] = link.status
    return links


def claim_months() -> list[tuple[int, int | None, int | None, str]]:
    """(claim id, outlet id, source id, month) of every claim; the month its article was
    published, else imported ("2024-03")."""
    query = (
        Claim.select(Claim.id, Article.outlet, Claim.source, Article.published, Article.imported)
        .join(Article)
        .tuples()
    )
    return [
        (claim_id, outlet_id, source_id, str(published or imported or "undated")[:7])
        for claim_id, outlet_id, source_id, published, imported in query
    ]
