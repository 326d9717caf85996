"""Plain rows for display: stories with their counts, the articles and claims of stories,
and the month of every claim (for track records)."""

from dataclasses import dataclass, field
from datetime import date

from peewee import JOIN

from sourcemark.store.models import Article, Claim, Outlet, Source, Story
from sourcemark.store.sql import chunks, marks, select_rows


@dataclass(slots=True)
class StoryRow:
    id: int
    title: str
    articles: int
    claims_by_article: dict[int, int] = field(default_factory=dict)
    score: int | None = None  # the stored roll-up (None: being computed; -1: no claims)
    code: str | None = None
    caps: str = ""
    version: int = 1  # as read: a change is refused if someone else changed it since
    reviewed_by_article: dict[int, int] = field(default_factory=dict)  # claims reviewed

    @property
    def claims(self) -> int:
        return sum(self.claims_by_article.values())

    @property
    def reviewed(self) -> int:
        """How many of its claims a person has marked reviewed."""
        return sum(self.reviewed_by_article.values())


def story_rows() -> list[StoryRow]:
    """Every story with its article and claim counts (and how many claims are reviewed),
    newest first."""
    story_of = dict(select_rows("SELECT id, story_id FROM article"))
    by_article: dict[int, dict[int, int]] = {}
    reviewed: dict[int, dict[int, int]] = {}
    for article_id, n, done in select_rows(
        "SELECT article_id, COUNT(*), SUM(CASE WHEN reviewed THEN 1 ELSE 0 END) FROM claim "
        "GROUP BY article_id"
    ):
        by_article.setdefault(story_of[article_id], {})[article_id] = n
        reviewed.setdefault(story_of[article_id], {})[article_id] = int(done or 0)
    query = select_rows(
        "SELECT s.id, s.title, COUNT(a.id), s.score, s.code, s.caps, s.version FROM story s "
        "LEFT JOIN article a ON a.story_id = s.id WHERE s.trashed IS NULL "
        "GROUP BY s.id, s.title, s.score, s.code, s.caps, s.version, s.created "
        "ORDER BY s.created DESC, s.id DESC"
    )
    return [
        StoryRow(story_id, title, n, by_article.get(story_id, {}), score, code, caps or "",
                 version, reviewed.get(story_id, {}))
        for story_id, title, n, score, code, caps, version in query
    ]  # fmt: skip


def stored_scores(
    story_ids: list[int] | None = None,
) -> dict[int, tuple[int | None, str | None, str]]:
    """The stored roll-up of these stories (None: all) as {id: (score, code, caps)}, for the
    story list to show in place."""
    query = Story.select(Story.id, Story.score, Story.code, Story.caps)
    if story_ids is not None:
        query = query.where(Story.id.in_(story_ids))
    return {story_id: (score, code, caps or "") for story_id, score, code, caps in query.tuples()}


def _articles(story_ids: list[int]):
    return (
        Article.select(Article, Outlet)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Article.story.in_(story_ids))
        .order_by(Article.story, Article.published.asc(nulls="LAST"), Article.id)
    )


def articles_of(story_id: int) -> list[Article]:
    return list(_articles([story_id]))


def article_by_id(article_id: int) -> Article:
    """One article (raises Article.DoesNotExist when there is none)."""
    return Article.get_by_id(article_id)


def article_or_none(article_id: int) -> Article | None:
    """One article, or None when it is gone."""
    return Article.get_or_none(Article.id == article_id)


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
    version: int = 1
    byline: str | None = None


def article_rows(story_ids: list[int]) -> dict[int, list[ArticleRow]]:
    """The articles of these stories as ArticleRows, in the order articles_of gives them."""
    grouped: dict[int, list[ArticleRow]] = {story_id: [] for story_id in story_ids}
    ids = sorted(set(story_ids))
    for chunk in chunks(ids):
        for row in select_rows(
            "SELECT a.id, a.story_id, a.title, o.name, a.url, a.origin, a.format, a.published, "
            "a.version, a.byline FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id "
            f"WHERE a.story_id IN ({marks(chunk)}) "
            "ORDER BY a.story_id, a.published IS NULL, a.published, a.id",
            *chunk,
        ):
            published = row[7]
            if isinstance(published, str):
                published = date.fromisoformat(published[:10])
            grouped[row[1]].append(ArticleRow(*row[:7], published, *row[8:]))
    return grouped


def _claims_with_context():
    """Claims with their article, its story and outlet, and their registry source, in one
    query."""
    return (
        Claim.select(Claim, Article, Story, Outlet, Source)
        .join(Article)
        .join(Story)
        .switch(Article)
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


def claim_count(story_id: int | None = None, article_id: int | None = None) -> int:
    """How many claims an article holds (``article_id``), or else a story (0 for none)."""
    if article_id is not None:
        return Claim.select().where(Claim.article == article_id).count()
    if story_id is None:
        return 0
    return Claim.select().join(Article).where(Article.story == story_id).count()


def claim_dict(claim_id: int) -> dict:
    """One claim's stored row as a dict of its fields (to put back as it was)."""
    return Claim.select().where(Claim.id == claim_id).dicts().get()


def source_names() -> list[str]:
    """Every name in the source registry, once each."""
    return [name for (name,) in Source.select(Source.name).distinct().tuples()]


def claim_months() -> list[tuple[int, int | None, int | None, str]]:
    """(claim id, outlet id, source id, month) of every claim; the month its article was
    published, else imported ("2024-03")."""
    query = (
        Claim.select(Claim.id, Article.outlet, Claim.source, Article.published, Article.imported)
        .join(Article)
        .where(Article.story.not_in(Story.select(Story.id).where(Story.trashed.is_null(False))))
        .tuples()
    )
    return [
        (claim_id, outlet_id, source_id, str(published or imported or "undated")[:7])
        for claim_id, outlet_id, source_id, published, imported in query
    ]


def review_marks(claim_ids: list[int]) -> dict[int, tuple[bool, str, str]]:
    """Who stands behind each of these claims: {id: (reviewed, origin, note)}, origin being
    "analyzer" or "user" (made or changed by a person)."""
    marked = {}
    for chunk in chunks(sorted(set(claim_ids))):
        for claim_id, reviewed, origin, note in select_rows(
            f"SELECT id, reviewed, origin, note FROM claim WHERE id IN ({marks(chunk)})", *chunk
        ):
            marked[claim_id] = (bool(reviewed), origin or "analyzer", note or "")
    return marked
