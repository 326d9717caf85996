"""The registry of sources and outlets: their rows with what rests on them, reliability
grades, and sources merged (and split again)."""

from dataclasses import dataclass

from sourcemark.store.browse import stories_of_claims
from sourcemark.store.live import live_article
from sourcemark.store.models import Article, Claim, Outlet, Source, SourceAlias, Story, writing
from sourcemark.store.sql import insert_rows_with_ids, select_rows
from sourcemark.store.stale import mark_stale


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
        for source_id, claims, stories, outlets in select_rows(
            "SELECT claim.source_id, COUNT(*), COUNT(DISTINCT article.story_id), "
            "COUNT(DISTINCT article.outlet_id) FROM claim JOIN article ON article.id = "
            "claim.article_id WHERE claim.source_id IS NOT NULL AND "
            f"{live_article('article')} GROUP BY claim.source_id"
        )
    }
    aliases: dict[int, list[str]] = {}
    for source_id, alias in select_rows("SELECT source_id, alias FROM source_alias ORDER BY alias"):
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
    return {row[0] for row in select_rows(
        "SELECT DISTINCT a.story_id FROM claim c JOIN article a ON a.id = c.article_id "
        "WHERE c.source_id = {p}", source_id)}  # fmt: skip


def _stories_of_outlet(outlet_id: int) -> set[int]:
    """The stories an outlet's grade moves: those carrying one of its articles (a story's
    letter is its best outlet's), and those with media reports citing it by name."""
    stories = {row[0] for row in select_rows(
        "SELECT DISTINCT story_id FROM article WHERE outlet_id = {p}", outlet_id)}  # fmt: skip
    key = outlet_key(Outlet.get_by_id(outlet_id).name)
    for story_id, cited in select_rows(
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
    for outlet_id, stories, articles in select_rows(
        "SELECT outlet_id, COUNT(DISTINCT story_id), COUNT(*) FROM article "
        f"WHERE outlet_id IS NOT NULL AND {live_article('article')} GROUP BY outlet_id"
    ):
        rows[outlet_id].stories, rows[outlet_id].articles = stories, articles
    query = (
        Claim.select(Article.outlet, Article.published, Article.imported, Claim.type)
        .join(Article)
        .where(
            Article.outlet.is_null(False)
            & Article.story.not_in(Story.select(Story.id).where(Story.trashed.is_null(False)))
        )
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
