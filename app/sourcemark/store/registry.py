"""The registry of sources and outlets: their rows with what rests on them, reliability
grades, sources merged (and split again), and unnamed sources kept to their place when
articles change story or outlet."""

from dataclasses import dataclass, field

from sourcemark.store.articles import (
    UNNAMED_TYPES,
    Place,
    alias_key,
    linked_mention,
    new_source,
    places_of_articles,
    where_known,
)
from sourcemark.store.browse import stories_of_claims
from sourcemark.store.live import live_article
from sourcemark.store.models import Article, Claim, Outlet, Source, SourceAlias, Story, writing
from sourcemark.store.sql import chunks, insert_row, insert_rows_with_ids, marks, select_rows
from sourcemark.store.stale import mark_stale

PLACES_SHOWN = 2  # in a source's label; the rest are counted
TITLE_SHOWN = 40  # characters of a story's title in a source's label


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
    # where an unnamed source is one: (outlet name, story title) pairs, the outlet "" for
    # articles with no outlet; none for a named source
    places: list[tuple[str, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Its name, and for an unnamed source where it is one: "critics (The Ledger ·
        Budget vote)", so that people tell the critics of different stories apart."""
        if not self.places:
            return self.name
        shown = "; ".join(place_text(*place, TITLE_SHOWN) for place in self.places[:PLACES_SHOWN])
        more = len(self.places) - PLACES_SHOWN
        return f"{self.name} ({shown}{f'; {more} more' if more > 0 else ''})"


def _shown_places(places: set[Place] | None, labels: dict[Place, tuple[str, str]]) -> list:
    """A source's places as (outlet, story title), by title; most have one or none."""
    if not places:
        return []
    shown = [labels[place] for place in places if place in labels]
    if len(shown) > 1:
        shown = sorted(set(shown), key=lambda place: (place[1].casefold(), place[0].casefold()))
    return shown


def place_text(outlet: str, story: str, width: int | None = None) -> str:
    """ "The Ledger · Budget vote": an outlet's articles in a story (its title cut to
    ``width``)."""
    if width and len(story) > width:
        story = story[: width - 1].rstrip() + "…"
    return f"{outlet} · {story}" if outlet else story


def source_rows() -> list[SourceRow]:
    """Every source with its aliases, where it is one and how much rests on it, most
    claims first. An unnamed source no claim rests on any more (its claims moved to
    another story) is left out."""
    counts = {
        source_id: (claims, stories, outlets)
        for source_id, claims, stories, outlets in select_rows(
            # "+": the claims read in one pass and grouped after, not along the index of
            # their sources, which reads each claim's row apart (3x slower for 250,000)
            "SELECT claim.source_id + 0, COUNT(*), COUNT(DISTINCT article.story_id), "
            "COUNT(DISTINCT article.outlet_id) FROM claim JOIN article ON article.id = "
            "claim.article_id WHERE +claim.source_id IS NOT NULL AND "
            f"{live_article('article')} GROUP BY claim.source_id + 0"
        )
    }
    aliases: dict[int, list[str]] = {}
    places: dict[int, set[Place]] = {}
    named: set[int] = set()
    for source_id, alias, story_id, outlet_id in select_rows(
        "SELECT source_id, alias, story_id, outlet_id FROM source_alias ORDER BY alias"
    ):
        if alias not in aliases.setdefault(source_id, []):
            aliases[source_id].append(alias)
        if story_id:
            places.setdefault(source_id, set()).add((story_id, outlet_id))
        else:
            named.add(source_id)
    labels = _place_labels({place for some in places.values() for place in some})
    unused = _without_claims([s for s in places if s not in named and s not in counts])
    rows = [
        SourceRow(source_id, name, type_, reliability, aliases.get(source_id, []),
                  *counts.get(source_id, (0, 0, 0)),
                  _shown_places(places.get(source_id), labels))
        for source_id, name, type_, reliability in select_rows(
            "SELECT id, name, type, reliability FROM source")
        if source_id not in unused
    ]  # fmt: skip
    rows.sort(key=lambda row: (-row.claims, row.name.casefold()))
    return rows


def source_track_record(source_id: int) -> dict[str, dict[str, int]]:
    """One source's track record (store.rollups.track_record): its claims outside the
    Trash by month (of its article's publication, else storage: "2024-03") and code, the
    stories among theirs whose grades are out of date rolled up first. Read when it is
    shown, for the one source."""
    from sourcemark.store.rollups import refresh_scores, track_record

    sql = (
        "SELECT c.id, c.code, a.published, a.imported, s.id, s.score IS NULL FROM claim c "
        "JOIN article a ON a.id = c.article_id JOIN story s ON s.id = a.story_id "
        "WHERE c.source_id = {p} AND s.trashed IS NULL"
    )
    rows = select_rows(sql, source_id)
    stale = sorted({row[4] for row in rows if row[5]})
    if stale:
        from contextlib import suppress

        from sourcemark.store import StoreError

        with suppress(StoreError):  # a database that cannot be written: the codes as stored
            refresh_scores(stale)
            rows = select_rows(sql, source_id)
    months = [(row[0], str(row[2] or row[3] or "undated")[:7]) for row in rows]
    return track_record(months, {row[0]: row[1] for row in rows})


def _place_labels(places: set[Place]) -> dict[Place, tuple[str, str]]:
    """The outlet's name ("" for none) and story's title of each place whose story is
    still there."""
    stories: dict[int, str] = {}
    story_ids = sorted({story_id for story_id, _outlet in places})
    for chunk in chunks(story_ids):
        stories.update(select_rows(
            f"SELECT id, title FROM story WHERE id IN ({marks(chunk)})", *chunk))  # fmt: skip
    outlets = dict(select_rows("SELECT id, name FROM outlet")) if places else {}
    return {
        (story_id, outlet_id): (outlets.get(outlet_id, ""), stories[story_id])
        for story_id, outlet_id in places if story_id in stories
    }  # fmt: skip


def _without_claims(source_ids: list[int]) -> set[int]:
    """Those of these sources that no claim rests on, not even in the Trash."""
    used: set[int] = set()
    for chunk in chunks(source_ids):
        used.update(row[0] for row in select_rows(
            f"SELECT DISTINCT source_id FROM claim WHERE source_id IN ({marks(chunk)})",
            *chunk))  # fmt: skip
    return set(source_ids) - used


def follow_articles(before: dict[int, Place]) -> None:
    """Link the claims of unnamed sources where their articles now are, after the articles
    changed story or outlet (``before``: their places until then; store.articles). A claim
    goes to the source of its description in the new place if there is one; else its source
    comes along (its name is known in the new place instead) when none of its claims under
    that name stays behind; else to a new source. Named sources stay as they are. Run in
    the transaction that moved the articles."""
    after = places_of_articles(list(before))
    moved = {a: (before[a], place) for a, place in after.items() if before[a] != place}
    claims = []
    for chunk in chunks(list(moved)):
        claims += select_rows(
            "SELECT id, article_id, source_id, source_mention, source_resolved, type FROM claim "
            f"WHERE article_id IN ({marks(chunk)}) AND type IN ({marks(UNNAMED_TYPES)}) "
            "AND source_mention IS NOT NULL",
            *chunk,
            *UNNAMED_TYPES,
        )
    keys = _alias_keys({row[2] for row in claims if row[2] is not None})
    groups: dict[tuple, list[int]] = {}
    mentions: dict[tuple, tuple[str, str]] = {}
    for claim_id, article_id, source_id, mention, resolved, type_ in claims:
        linked = linked_mention(mention, resolved, keys.get(source_id, set()))
        key = alias_key(linked)[:300]
        if key:
            group = (source_id, key, *moved[article_id])
            groups.setdefault(group, []).append(claim_id)
            mentions.setdefault(group, (linked, type_))
    moving = {claim_id for ids in groups.values() for claim_id in ids}
    for group, ids in groups.items():
        source_id, key, old, new = group
        target = _source_at(key, new)
        if (
            target is None
            and source_id is not None
            and not _left_behind(source_id, key, old, moving)
        ):
            where = (SourceAlias.source == source_id) & (SourceAlias.key == key)
            where &= (SourceAlias.story_id == old[0]) & (SourceAlias.outlet_id == old[1])
            if SourceAlias.update(story_id=new[0], outlet_id=new[1]).where(where).execute():
                target = source_id
        if target is None:
            target = new_source(*mentions[group], (key, *new))
        if target != source_id:
            for chunk in chunks(ids):
                Claim.update(source=target).where(Claim.id.in_(chunk)).execute()


def _alias_keys(source_ids: set[int]) -> dict[int, set[str]]:
    keys: dict[int, set[str]] = {}
    ids = sorted(source_ids)
    for chunk in chunks(ids):
        for source_id, key in select_rows(
            f"SELECT source_id, key FROM source_alias WHERE source_id IN ({marks(chunk)})", *chunk
        ):
            keys.setdefault(source_id, set()).add(key)
    return keys


def _source_at(key: str, place: Place) -> int | None:
    sql = "SELECT source_id FROM source_alias WHERE story_id = {p} AND outlet_id = {p} AND key = "
    rows = select_rows(sql + "{p}", *place, key)
    return rows[0][0] if rows else None


def _left_behind(source_id: int, key: str, place: Place, moving: set[int]) -> bool:
    """Whether a claim of this source under this name stays at ``place`` (not one of the
    claims ``moving``)."""
    keys = _alias_keys({source_id}).get(source_id, set())
    for claim_id, mention, resolved in select_rows(
        "SELECT c.id, c.source_mention, c.source_resolved FROM claim c JOIN article a ON "
        "a.id = c.article_id WHERE c.source_id = {p} AND c.source_mention IS NOT NULL AND "
        "COALESCE(a.trashed_from, a.story_id) = {p} AND COALESCE(a.outlet_id, 0) = {p} AND "
        f"c.type IN ({marks(UNNAMED_TYPES)})",
        source_id,
        *place,
        *UNNAMED_TYPES,
    ):
        linked = linked_mention(mention, resolved, keys)
        if claim_id not in moving and alias_key(linked)[:300] == key:
            return True
    return False


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
    they go. Claims imported later under any of their names (an unnamed one in its place)
    are linked to it. Returns what undo needs to split them again."""
    others = [i for i in other_ids if i != keep_id]
    with writing():
        snapshot = {
            "keep": keep_id,
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
    """Undo merge_sources(): the sources, their names and claims back as they were, and
    the claims linked since under one of their names go back with it."""
    with writing():
        ids = {}  # SQLite may have given a merged source's id to a new one since
        for row in snapshot["sources"]:
            if Source.get_or_none(Source.id == row["id"]) is None:
                insert_rows_with_ids(Source, [row])
                ids[row["id"]] = row["id"]
            else:
                ids[row["id"]] = insert_row(Source, {k: v for k, v in row.items() if k != "id"})
        for alias in snapshot["aliases"]:
            SourceAlias.update(source=ids[alias["source"]]).where(
                SourceAlias.id == alias["id"]
            ).execute()
        for claim_id, source_id in snapshot["claims"]:
            Claim.update(source=ids[source_id]).where(Claim.id == claim_id).execute()
        since = _linked_since(snapshot, ids) if "keep" in snapshot else []
        mark_stale(stories_of_claims([claim_id for claim_id, _ in snapshot["claims"]] + since))


def _linked_since(snapshot: dict, ids: dict[int, int]) -> list[int]:
    """Claims linked to the kept source after a merge under a name another source brought,
    moved back to that source (``ids``: its id now); their ids."""
    names = {
        (a["key"], a["story_id"], a["outlet_id"]): ids[a["source"]] for a in snapshot["aliases"]
    }
    keep = snapshot["keep"]
    keys = {key for key, _story, _outlet in names} | _alias_keys({keep}).get(keep, set())
    back = []
    for claim_id, mention, resolved, type_, story_id, outlet_id in select_rows(
        "SELECT c.id, c.source_mention, c.source_resolved, c.type, "
        "COALESCE(a.trashed_from, a.story_id), COALESCE(a.outlet_id, 0) FROM claim c "
        "JOIN article a ON a.id = c.article_id WHERE c.source_id = {p} AND "
        "c.source_mention IS NOT NULL",
        keep,
    ):
        key = alias_key(linked_mention(mention, resolved, keys))[:300]
        source_id = names.get((key, *where_known(type_, (story_id, outlet_id))))
        if source_id is not None:
            Claim.update(source=source_id).where(Claim.id == claim_id).execute()
            back.append(claim_id)
    return back


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
