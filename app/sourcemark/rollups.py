"""The credibility roll-up of stored stories: the scoring model over the store's claims."""

from sourcemark.scoring import ClaimInput, roll_up
from sourcemark.store.repo import all_claims, load_settings


def story_scores(titles: dict[int, str]) -> dict[int, dict]:
    """Each story's summary (score, code, components ...), over all its articles."""
    by_story: dict[int, list[ClaimInput]] = {}
    for claim in all_claims():
        article = claim.article
        by_story.setdefault(article.story_id, []).append(
            ClaimInput(
                claim.text,
                claim.type,
                claim.stance,
                claim.source_mention,
                claim.source_resolved,
                bool(claim.premise),
                outlet=article.outlet.name if article.outlet_id else None,
                cites_outlet=claim.source_mention if claim.type == "media_report" else None,
                source_letter=claim.source.reliability if claim.source_id else None,
                outlet_letter=article.outlet.reliability if article.outlet_id else None,
            )
        )
    settings = load_settings()
    return {
        story_id: roll_up(claims, titles.get(story_id, ""), _weakest(claims), settings=settings)
        for story_id, claims in by_story.items()
        if story_id in titles
    }


def _weakest(claims: list[ClaimInput]) -> str | None:
    """A story's letter: its outlet's grade; of several outlets, the weakest graded one."""
    letters = sorted({c.outlet_letter for c in claims if c.outlet_letter})
    return letters[-1] if letters else None


def corroboration_pool() -> list[tuple[int, ClaimInput]]:
    """Every attributed claim in the database with its story: where corroboration of a
    story's claims is looked for."""
    pool = []
    for claim in all_claims():
        if claim.type == "unattributed":
            continue
        article = claim.article
        pool.append(
            (
                article.story_id,
                ClaimInput(
                    claim.text,
                    claim.type,
                    claim.stance,
                    claim.source_mention,
                    claim.source_resolved,
                    outlet=article.outlet.name if article.outlet_id else None,
                    cites_outlet=claim.source_mention if claim.type == "media_report" else None,
                    id=claim.id,
                ),
            )
        )
    return pool
