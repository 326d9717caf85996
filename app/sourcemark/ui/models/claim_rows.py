"""A claim as the claims table holds it, and its grade from the credibility model."""

from dataclasses import dataclass

from sourcemark.scoring import ClaimInput, claim_code
from sourcemark.scoring.rollup import REASONS
from sourcemark.store.models import Claim
from sourcemark.store.rollups import links_of_claims, outlet_letters, scoring_input


@dataclass(slots=True)
class ClaimRow:
    id: int
    article_id: int
    text: str
    start: int
    end: int
    source: str
    source_resolved: str
    cue: str
    type: str
    stance: str
    code: str
    premise: bool
    reviewed: bool
    note: str = ""
    origin: str = "analyzer"
    source_id: int | None = None
    story_id: int | None = None
    story_title: str = ""
    outlet: str | None = None
    flags: tuple[str, ...] = ()
    source_letter: str | None = None  # the grade set on its source in the registry
    outlet_letter: str | None = None  # the grade set on its article's outlet
    reasons: tuple[str, ...] = ()
    also_reported_by: tuple[str, ...] = ()
    version: int = 1  # as stored when read: an edit is refused if someone changed it since
    confidence: float | None = None  # how sure the analyzer was (0-1); None: a person's claim
    origin_of: int | None = None  # a person's decision on its origin (scoring.origins)
    reported_by: int | None = None  # outlets carrying it, its own included (None: not known)
    independent_origins: int | None = None  # its origins, its own included
    published: object = None  # its article's date

    @classmethod
    def of(cls, claim: Claim) -> "ClaimRow":
        return cls(
            id=claim.id,
            article_id=claim.article_id,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            source=claim.source_mention or "",
            source_resolved=claim.source_resolved or "",
            cue=claim.cue or "",
            type=claim.type,
            stance=claim.stance,
            code=claim_code(claim.type),
            premise=bool(claim.premise),
            reviewed=bool(claim.reviewed),
            note=claim.note or "",
            origin=claim.origin or "analyzer",
            source_id=claim.source_id,
            story_id=claim.article.story_id,
            story_title=claim.article.story.title,
            outlet=claim.article.outlet.name if claim.article.outlet_id else None,
            source_letter=claim.source.reliability if claim.source_id else None,
            outlet_letter=claim.article.outlet.reliability if claim.article.outlet_id else None,
            version=claim.version,
            confidence=claim.confidence,
            origin_of=claim.origin_of,
            reported_by=claim.reported_by,
            independent_origins=claim.independent_origins,
            published=claim.article.published,
        )

    @property
    def unreviewed_proposal(self) -> bool:
        """Proposed by the analyzer and not yet reviewed, made or changed by a person."""
        return self.origin == "analyzer" and not self.reviewed

    def scoring_input(self, letters: dict[str, str], corroborated_by: int = 0) -> ClaimInput:
        """This claim as the scoring model reads it (store.rollups.scoring_input)."""
        return scoring_input(
            self.id, self.text, self.type, self.stance, self.source, self.source_resolved,
            self.premise, self.outlet, self.source_letter, letters, corroborated_by,
            published=self.published, origin_of=self.origin_of,
        )  # fmt: skip

    @classmethod
    def stored(cls, row: tuple) -> "ClaimRow":
        """A row of sourcemark.store.browse (ROW_SQL's columns), graded as stored when its
        story was last rolled up (no code yet: "…")."""
        (id_, article_id, text, start, end, source, resolved, cue, type_, stance, premise,
         reviewed, note, origin, source_id, story_id, story_title, outlet, source_letter,
         outlet_letter, version, code, flags, also, confidence, origin_of, reported_by,
         independent_origins, published) = row  # fmt: skip
        flags = tuple(flag for flag in (flags or "").split("; ") if flag)
        return cls(
            id=id_, article_id=article_id, text=text, start=start, end=end, source=source or "",
            source_resolved=resolved or "", cue=cue or "", type=type_, stance=stance,
            code=code or "…", premise=bool(premise), reviewed=bool(reviewed), note=note or "",
            origin=origin or "analyzer", source_id=source_id, story_id=story_id,
            story_title=story_title or "", outlet=outlet,
            flags=flags, source_letter=source_letter, outlet_letter=outlet_letter,
            reasons=tuple(REASONS.get(flag, "") for flag in flags),
            also_reported_by=tuple(name for name in (also or "").split("; ") if name),
            version=version, confidence=confidence, origin_of=origin_of,
            reported_by=reported_by, independent_origins=independent_origins,
            published=published,
        )  # fmt: skip


def code_explanation(row: ClaimRow) -> list[str]:
    """A claim's code in lines, as its tooltip in the table and the claim pane show it: what
    the letter and digit stand for, each flag with its reason, the other outlets carrying
    it and how many independent origins of theirs the digit counts."""
    if len(row.code) < 2:
        return ["Being graded"]
    lines = [f"{row.code}: source {row.code[0]}, information {row.code[1:]}"]
    lines += [f"{flag}: {why}" for flag, why in zip(row.flags, row.reasons, strict=True)]
    if row.also_reported_by:
        lines.append("also reported by " + ", ".join(row.also_reported_by))
        if row.independent_origins is not None:
            others = row.independent_origins - 1
            origins = "origin" if others == 1 else "origins"
            lines.append(f"the digit counts origins, not outlets: {others or 'no'} independent "
                         f"{origins} besides its own")  # fmt: skip
    return lines


def grade_rows(rows: list[ClaimRow]) -> None:
    """Each row's code and flags, from the credibility model over its story's claims and the
    claims of other stories stored as corroborating them."""
    from sourcemark.scoring import grade_claims
    from sourcemark.scoring.rollup import corroborate_across
    from sourcemark.store.settings import load_settings

    by_story: dict[int | None, list[ClaimRow]] = {}
    for row in rows:
        by_story.setdefault(row.story_id, []).append(row)
    settings = load_settings()
    letters = outlet_letters()
    links = links_of_claims([row.id for row in rows], letters) if rows else {}
    for story_id, story_rows in by_story.items():
        inputs = [r.scoring_input(letters) for r in story_rows]
        elsewhere = corroborate_across(inputs, links, settings, story_id)
        grades = grade_claims(inputs, settings)
        for row, grade, outlets in zip(story_rows, grades, elsewhere, strict=True):
            row.code = grade.code
            row.flags = tuple(grade.flags)
            row.reasons = tuple(grade.reasons[flag] for flag in grade.flags)
            row.also_reported_by = tuple(outlets)
            if grade.origins is not None:
                row.reported_by = grade.origins.reported_by
                row.independent_origins = grade.origins.independent
