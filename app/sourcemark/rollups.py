"""The credibility roll-up of stored stories: the scoring model over the store's claims."""

from sourcemark.scoring import ClaimInput, roll_up
from sourcemark.store.repo import all_claims, load_settings


def input_of(claim, letters: dict[str, str]) -> ClaimInput:
    """What the scoring model needs of a stored claim (loaded with its article, outlet and
    source): ``letters`` are the graded outlets, for the media reports that cite them."""
    article = claim.article
    return ClaimInput(
        claim.text,
        claim.type,
        claim.stance,
        claim.source_mention,
        claim.source_resolved,
        bool(claim.premise),
        outlet=article.outlet.name if article.outlet_id else None,
        cites_outlet=claim.source_mention if claim.type == "media_report" else None,
        source_letter=claim.source.reliability if claim.source_id else None,
        outlet_letter=cited_letter(claim.type, claim.source_mention, letters),
        id=claim.id,
    )


def _stored_stories():
    """Every stored claim as the scoring model's input, story by story, its corroborations
    from other stories already counted (the links people decided included); also the
    outlets that also report each claim, each story's outlet grades, and the settings."""
    from sourcemark.scoring.rollup import CorroborationIndex, corroborate_across
    from sourcemark.store.repo import links_of

    letters = outlet_letters()
    by_story: dict[int, list[ClaimInput]] = {}
    story_letters: dict[int, set[str]] = {}  # the grades of each story's outlets
    for claim in all_claims():
        article = claim.article
        by_story.setdefault(article.story_id, []).append(input_of(claim, letters))
        if article.outlet_id and article.outlet.reliability:
            story_letters.setdefault(article.story_id, set()).add(article.outlet.reliability)
    settings = load_settings()
    index = CorroborationIndex([(sid, c) for sid, claims in by_story.items() for c in claims])
    links = links_of([c.id for claims in by_story.values() for c in claims])
    elsewhere = {
        story_id: corroborate_across(claims, index, story_id, settings, links)
        for story_id, claims in by_story.items()
    }
    return by_story, elsewhere, story_letters, settings


def story_scores(titles: dict[int, str]) -> dict[int, dict]:
    """Each story's summary (score, code, components ...), over all its articles."""
    by_story, _elsewhere, story_letters, settings = _stored_stories()
    return {
        story_id: roll_up(
            claims,
            titles.get(story_id, ""),
            max(story_letters[story_id]) if story_id in story_letters else None,
            settings=settings,
        )
        for story_id, claims in by_story.items()
        if story_id in titles
    }


def outlet_letters() -> dict[str, str]:
    """Graded outlets by name, in the form cited_letter() looks them up."""
    from sourcemark.store.models import Outlet

    return {
        _outlet_key(o.name): o.reliability
        for o in Outlet.select(Outlet.name, Outlet.reliability).where(
            Outlet.reliability.is_null(False)
        )
    }


def _outlet_key(name: str) -> str:
    words = " ".join(name.lower().replace("’", "'").split())
    return words[4:] if words.startswith("the ") else words


def cited_letter(type_: str, source: str | None, letters: dict[str, str]) -> str | None:
    """For a media report, the grade of the outlet it cites ("The Wall Street Journal")."""
    if type_ != "media_report" or not source:
        return None
    return letters.get(_outlet_key(source))


def corroboration_pool() -> list[tuple[int, ClaimInput]]:
    """Every attributed claim in the database with its story: where corroboration of a
    story's claims is looked for."""
    pool = []
    for claim in all_claims():
        if claim.type == "unattributed":
            continue
        article = claim.article
        pool.append((article.story_id, input_of(claim, {})))
    return pool


def claim_codes() -> dict[int, str]:
    """The code of every stored claim, as the claims table would show it."""
    return {claim_id: grade.code for claim_id, grade in claim_grades().items()}


def claim_grades() -> dict:
    """The grade (code, flags and their reasons, outlets that also report it) of every
    stored claim: the model over each story, with corroboration from the others and the
    links people decided."""
    from sourcemark.scoring import grade_claims

    by_story, elsewhere, _letters, settings = _stored_stories()
    grades: dict = {}
    for story_id, claims in by_story.items():
        graded = grade_claims(claims, settings)
        for claim, grade, outlets in zip(claims, graded, elsewhere[story_id], strict=True):
            grade.also_reported_by = outlets
            grades[claim.id] = grade
    return grades


def track_record(rows: list[tuple[int, str]], codes: dict[int, str]) -> dict[str, dict]:
    """(claim id, month) pairs -> month -> {code: count}: how someone's claims were graded,
    month by month."""
    record: dict[str, dict[str, int]] = {}
    for claim_id, month in rows:
        code = codes.get(claim_id)
        if code:
            month_codes = record.setdefault(month, {})
            month_codes[code] = month_codes.get(code, 0) + 1
    return record


def record_text(record: dict[str, dict[str, int]]) -> str:
    """A track record month by month: "2024-03: B3 5 · F3 4"."""
    if not record:
        return "Track record: no claims yet"
    lines = ["Track record (claims by code, month by month):"]
    for month in sorted(record):
        codes = sorted(record[month].items(), key=lambda item: (item[0][1], item[0][0]))
        lines.append(f"  {month}: " + " · ".join(f"{code} {n}" for code, n in codes))
    return "\n".join(lines)
