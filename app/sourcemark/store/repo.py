"""Reads and writes the rest of the app uses; every write is one transaction."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import JOIN, fn

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.ingest.document import Document
from sourcemark.store.models import (
    Article,
    Claim,
    Outlet,
    Source,
    SourceAlias,
    Story,
    database_proxy,
    utcnow,
)


class DuplicateArticle(Exception):
    """The article is stored already."""

    def __init__(self, article: Article):
        super().__init__(f"already imported as “{article.title}” (story {article.story_id})")
        self.article = article


def alias_key(name: str) -> str:
    """The form under which aliases are compared: lower case, words only."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def outlet_named(name: str | None) -> Outlet | None:
    if not name or not name.strip():
        return None
    name = name.strip()[:200]
    outlet = Outlet.get_or_none(fn.LOWER(Outlet.name) == name.lower())
    return outlet or Outlet.create(name=name)


def find_duplicate(document: Document) -> Article | None:
    article = Article.get_or_none(Article.content_hash == document.content_hash)
    if article is None and document.url:
        article = Article.get_or_none(Article.url == document.url)
    return article


def add_article(
    document: Document,
    claims: Iterable[FoundClaim],
    *,
    story: Story | None = None,
    analyzer_version: str = "",
) -> Article:
    """Store a document and its claims, in a new story unless one is given. All or nothing."""
    with database_proxy.atomic():
        existing = find_duplicate(document)
        if existing is not None:
            raise DuplicateArticle(existing)
        if story is None:
            story = Story.create(title=(document.title or "Untitled story")[:500])
        article = Article.create(
            story=story,
            title=(document.title or "Untitled")[:500],
            outlet=outlet_named(document.outlet),
            url=document.url,
            published=document.published,
            byline=document.byline,
            text=document.text,
            content_hash=document.content_hash,
            origin=document.origin,
            format=document.format,
            analyzer_version=analyzer_version,
        )
        claims = list(claims)
        sources = source_ids(
            (claim.source_resolved or claim.source, str(claim.type))
            for claim in claims
            if claim.source
        )
        now = utcnow()
        rows = []
        for claim in claims:
            mention = claim.source_resolved or claim.source
            rows.append(
                {
                    "article": article.id,
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
        insert_rows(Claim, rows)
        Story.update(updated=now).where(Story.id == story.id).execute()
    return article


def insert_rows(model, rows: list[dict]) -> None:
    """Insert many rows with one prepared statement (executemany): peewee builds SQL for
    every value of an insert_many, which costs more than the database's work here.
    Fields a row leaves out take their defaults."""
    if not rows:
        return
    database = model._meta.database
    fields = [f for f in model._meta.sorted_fields if f is not model._meta.primary_key]
    open_quote, close_quote = database.quote[0], database.quote[1]
    columns = ", ".join(f"{open_quote}{f.column_name}{close_quote}" for f in fields)
    marks = ", ".join([database.param] * len(fields))
    table = f"{open_quote}{model._meta.table_name}{close_quote}"
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"

    def value(field, row):
        if field.name in row:
            return field.db_value(row[field.name])
        default = field.default
        return field.db_value(default() if callable(default) else default)

    values = [tuple(value(f, row) for f in fields) for row in rows]
    cursor = database.cursor()
    cursor.executemany(sql, values)


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
    for batch in range(0, len(keys), 500):
        chunk = keys[batch : batch + 500]
        query = SourceAlias.select(SourceAlias.key, SourceAlias.source).where(
            SourceAlias.key.in_(chunk)
        )
        found.update((alias.key, alias.source_id) for alias in query)
    for key, (mention, type_) in wanted.items():
        if key not in found:
            source_id = Source.insert(name=mention.strip()[:300], type=type_).execute()
            SourceAlias.insert(source=source_id, alias=mention.strip()[:300], key=key).execute()
            found[key] = source_id
    return found


@dataclass(slots=True)
class StoryRow:
    id: int
    title: str
    articles: int
    claims_by_article: dict[int, int] = field(default_factory=dict)

    @property
    def claims(self) -> int:
        return sum(self.claims_by_article.values())


def story_rows() -> list[StoryRow]:
    """Every story with its article and claim counts, newest first."""
    per_article = (
        Claim.select(Claim.article, Article.story.alias("story_id"), fn.COUNT(Claim.id).alias("n"))
        .join(Article)
        .group_by(Claim.article, Article.story)
    )
    by_article: dict[int, dict[int, int]] = {}
    for row in per_article.objects():
        by_article.setdefault(row.story_id, {})[row.article_id] = row.n
    query = (
        Story.select(Story.id, Story.title, fn.COUNT(Article.id).alias("n_articles"))
        .join(Article, JOIN.LEFT_OUTER)
        .group_by(Story.id, Story.title)
        .order_by(Story.created.desc(), Story.id.desc())
    )
    return [StoryRow(s.id, s.title, s.n_articles, by_article.get(s.id, {})) for s in query]


def _articles(story_ids: list[int]):
    return (
        Article.select(Article, Outlet)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Article.story.in_(story_ids))
        .order_by(Article.story, Article.published.asc(nulls="LAST"), Article.id)
    )


def articles_of(story_id: int) -> list[Article]:
    return list(_articles([story_id]))


def articles_by_story(story_ids: list[int]) -> dict[int, list[Article]]:
    """The articles of many stories in one query, in the order articles_of gives them."""
    grouped: dict[int, list[Article]] = {story_id: [] for story_id in story_ids}
    for article in _articles(story_ids):
        grouped[article.story_id].append(article)
    return grouped


def claims_of_story(story_id: int) -> list[Claim]:
    return list(
        Claim.select(Claim, Article)
        .join(Article)
        .where(Article.story == story_id)
        .order_by(Article.id, Claim.start)
    )
