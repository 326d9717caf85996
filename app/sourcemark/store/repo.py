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


def source_for(mention: str | None, type_: str) -> Source | None:
    """The registry source known under ``mention``, created on first sight."""
    if not mention or not alias_key(mention):
        return None
    key = alias_key(mention)[:300]
    alias = SourceAlias.get_or_none(SourceAlias.key == key)
    if alias is not None:
        return alias.source
    source = Source.create(name=mention.strip()[:300], type=type_)
    SourceAlias.create(source=source, alias=mention.strip()[:300], key=key)
    return source


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
        rows = []
        for claim in claims:
            mention = claim.source_resolved or claim.source
            source = source_for(mention, str(claim.type)) if claim.source else None
            rows.append(
                {
                    "article": article.id,
                    "start": claim.start,
                    "end": claim.end,
                    "text": claim.text,
                    "source_mention": claim.source,
                    "source_resolved": claim.source_resolved,
                    "source": source.id if source else None,
                    "cue": claim.cue,
                    "type": str(claim.type),
                    "stance": str(claim.stance),
                    "quote": claim.quote,
                    "premise": claim.premise,
                }
            )
        for batch in range(0, len(rows), 200):
            Claim.insert_many(rows[batch : batch + 200]).execute()
        Story.update(updated=utcnow()).where(Story.id == story.id).execute()
    return article


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
