"""Which stories' stored roll-ups a change can move, and marking them to be computed again.
Below everything that writes claims, sources or settings (the corroboration index too)."""

from collections.abc import Iterable

from sourcemark.store.models import Claim, Story
from sourcemark.store.sql import chunks, marks, select_rows


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
        stories |= {row[0] for row in select_rows(
            "SELECT DISTINCT a.story_id FROM claim c JOIN article a ON a.id = c.article_id "
            f"WHERE c.id IN ({listed}) OR c.id IN (SELECT other_id FROM corroboration "
            f"WHERE claim_id IN ({listed})) OR c.id IN (SELECT claim_id FROM corroboration "
            f"WHERE other_id IN ({listed}))", *chunk, *chunk, *chunk)}  # fmt: skip
    return stories


def stale_article(article_id: int) -> None:
    """Before an article's claims are replaced: the stories their links reach."""
    ids = [row[0] for row in Claim.select(Claim.id).where(Claim.article == article_id).tuples()]
    mark_stale(stories_touched(ids))
