"""The independent origins of a stored claim (scoring.origins over what the store holds),
where each of their claims is, and a person's decision to split or join them."""

from dataclasses import dataclass
from datetime import date

from sourcemark.scoring.origins import Origins
from sourcemark.scoring.rollup import corroborate_across, origins_of
from sourcemark.store.models import Claim, writing
from sourcemark.store.rollups import (
    _CLAIM_SQL,
    _input,
    alike_within,
    links_of_claims,
    outlet_letters,
)
from sourcemark.store.settings import load_settings
from sourcemark.store.sql import chunks, marks, select
from sourcemark.store.stale import mark_stale, stories_touched


def claim_origins(claim_id: int) -> Origins | None:
    """The origins of this claim and of the claims saying the same thing (of its story and
    of others), as its stored grade counts them: its own first. None if it is not there
    (or in the Trash)."""
    letters = outlet_letters()
    rows = select(_CLAIM_SQL + "c.id = {p}", [claim_id])
    if not rows:
        return None
    story_id, claim = rows[0][1], _input(rows[0], letters)
    settings = load_settings()
    links = links_of_claims([claim_id], letters).get(claim_id, [])
    # the story's own claims saying the same, as the roll-up weighs them
    own = [link for link in links if link.story_id == story_id]
    story = [claim, *(link.other for link in own)]
    pairs = [(claim_id, link.other.id, link.similarity) for link in own]
    alike = alike_within(story, pairs, settings.similarity).get(0, [])
    corroborate_across([claim], {claim_id: links}, settings, story_id)
    return origins_of(claim, [story[k] for k in alike])


@dataclass(slots=True, frozen=True)
class Place:
    """Where a claim is: its article and story, the article's outlet and date."""

    claim_id: int
    article_id: int
    story_id: int
    article_title: str
    outlet: str | None
    published: date | None
    source: str


def places(claim_ids: list[int]) -> dict[int, Place]:
    """Where each of these claims is (claim id -> Place)."""
    found: dict[int, Place] = {}
    ids = sorted(set(claim_ids))
    for chunk in chunks(ids):
        for row in select(
            "SELECT c.id, a.id, a.story_id, a.title, o.name, a.published, "
            "COALESCE(c.source_resolved, c.source_mention, '') FROM claim c "
            "JOIN article a ON a.id = c.article_id LEFT JOIN outlet o ON o.id = a.outlet_id "
            f"WHERE c.id IN ({marks(chunk)})",
            chunk,
        ):
            published = row[5]
            if isinstance(published, str):  # SQLite gives the text, PostgreSQL the date
                published = date.fromisoformat(published[:10])
            found[row[0]] = Place(*row[:5], published, row[6])
    return found


def set_origin(claim_ids: list[int], origin_of: int | None) -> dict[int, int | None]:
    """A person's decision on these claims' origin: joined to the origin of ``origin_of``'s
    claim, an origin of its own (``origin_of`` is the claim's own id: pass each claim's id
    with split_origin()), or None to let the rules decide again. Returns each claim's
    decision before (for undo: restore_origins()). The stories whose grades this moves are
    rolled up again."""
    return restore_origins({claim_id: origin_of for claim_id in claim_ids})


def split_origin(claim_ids: list[int]) -> dict[int, int | None]:
    """Set each of these claims apart as an origin of its own; the decisions before."""
    return restore_origins({claim_id: claim_id for claim_id in claim_ids})


def restore_origins(decisions: dict[int, int | None]) -> dict[int, int | None]:
    """Set each claim's decision (claim id -> origin_of) as given; the decisions before."""
    ids = sorted(decisions)
    before: dict[int, int | None] = {}
    with writing():
        for chunk in chunks(ids):
            before.update(
                Claim.select(Claim.id, Claim.origin_of).where(Claim.id.in_(chunk)).tuples()
            )
        for claim_id in ids:
            if claim_id in before:
                Claim.update(origin_of=decisions[claim_id], version=Claim.version + 1).where(
                    Claim.id == claim_id
                ).execute()
        # the claims' stories and those of every claim saying the same: their partitions
        # hold these claims
        targets = [d for d in decisions.values() if d is not None]
        mark_stale(stories_touched(list(before) + targets))
    return before
