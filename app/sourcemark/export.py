"""CSV exports: one row per story with every roll-up field, one row per claim.

RFC 4180 quoting (csv module, CRLF line ends), UTF-8 with an optional byte-order
mark for Excel, a header row, ISO dates, and stable column names (listed here and
in the README). Article text is untrusted: a cell that a spreadsheet would read as
a formula (starting with =, +, -, @, a tab or a carriage return) is neutralised
with a leading apostrophe, as OWASP recommends. Claims are written as they are
read from the database, so memory stays flat however many there are.
"""

import csv
import json
from collections.abc import Callable, Iterable
from typing import TextIO

from sourcemark.analysis.types import SourcingType, Stance

STORY_COLUMNS = [
    "story_id", "title", "score", "code",
    "on_record", "anonymous_reliance", "corroboration", "right_of_reply", "source_diversity",
    *(f"type_{t.value}" for t in SourcingType),
    *(f"stance_{s.value}" for s in Stance),
    "flags", "caps", "articles", "outlets", "first_published", "last_published",
    "model_settings",
]  # fmt: skip
CLAIM_COLUMNS = [
    "claim_id", "story_id", "story_title", "article_id", "article_title", "outlet",
    "published", "source", "source_resolved", "type", "stance", "code", "flags",
    "corroborated_by", "reviewed", "origin", "note", "text", "start", "end",
]  # fmt: skip
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value) -> str:
    """A cell's text, neutralised when a spreadsheet would take it for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def _writer(out: TextIO, bom: bool):
    if bom:
        out.write("\ufeff")
    return csv.writer(out, lineterminator="\r\n")


def write_stories(out: TextIO, story_ids: list[int] | None = None, bom: bool = False) -> int:
    """One row per story; returns the number written."""
    from sourcemark.rollups import story_scores
    from sourcemark.store.models import Article
    from sourcemark.store.repo import load_settings, story_rows

    stories = [s for s in story_rows() if story_ids is None or s.id in story_ids]
    summaries = story_scores({s.id: s.title for s in stories})
    settings = json.dumps(load_settings().as_dict(), sort_keys=True)
    writer = _writer(out, bom)
    writer.writerow(STORY_COLUMNS)
    for story in stories:
        summary = summaries.get(story.id)
        articles = list(Article.select().where(Article.story == story.id))
        dates = sorted(a.published.isoformat() for a in articles if a.published)
        components = summary["components"] if summary else {}
        row = [
            story.id, story.title,
            summary["score"] if summary else "", summary["code"] if summary else "",
            *(components.get(name, {}).get("score", "") for name in STORY_COLUMNS[4:9]),
            *((summary or {}).get("counts_by_type", {}).get(t.value, 0) for t in SourcingType),
            *((summary or {}).get("counts_by_stance", {}).get(s.value, 0) for s in Stance),
            "; ".join((summary or {}).get("flags", [])),
            "; ".join((summary or {}).get("caps", [])),
            len(articles),
            "; ".join(sorted({a.outlet.name for a in articles if a.outlet_id})),
            dates[0] if dates else "", dates[-1] if dates else "",
            settings,
        ]  # fmt: skip
        writer.writerow([safe(value) for value in row])
    return len(stories)


def write_claims(
    out: TextIO,
    story_ids: list[int] | None = None,
    bom: bool = False,
    progress: Callable[[int], None] | None = None,
    claim_ids: list[int] | None = None,
) -> int:
    """One row per claim, story by story in reading order (only ``claim_ids`` when given:
    the claims a filter shows); returns the number written."""
    from peewee import JOIN

    from sourcemark.rollups import claim_grades
    from sourcemark.store.models import Article, Claim, Outlet, Story

    grades = claim_grades()
    query = (
        Claim.select(Claim, Article.title, Article.published, Article.story,
                     Story.title.alias("story_title"), Outlet.name.alias("outlet_name"))
        .join(Article).join(Story).switch(Article).join(Outlet, JOIN.LEFT_OUTER)
        .order_by(Article.story, Article.id, Claim.start)
    )  # fmt: skip
    if story_ids is not None:
        query = query.where(Article.story.in_(story_ids))
    if claim_ids is not None:
        query = query.where(Claim.id.in_(claim_ids))
    writer = _writer(out, bom)
    writer.writerow(CLAIM_COLUMNS)
    count = 0
    for claim in query.objects().iterator():
        grade = grades.get(claim.id)
        row = [
            claim.id, claim.story, claim.story_title, claim.article_id, claim.title,
            claim.outlet_name, claim.published.isoformat() if claim.published else "",
            claim.source_mention, claim.source_resolved, claim.type, claim.stance,
            grade.code if grade else "", "; ".join(grade.flags) if grade else "",
            "; ".join(grade.also_reported_by) if grade else "",
            bool(claim.reviewed), claim.origin, claim.note, claim.text, claim.start, claim.end,
        ]  # fmt: skip
        writer.writerow([safe(value) for value in row])
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
    return count


def export_csv(
    stories_path=None,
    claims_path=None,
    story_ids: Iterable[int] | None = None,
    bom=False,
    claim_ids: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    ids = list(story_ids) if story_ids is not None else None
    n_stories = n_claims = 0
    if stories_path:
        with open(stories_path, "w", encoding="utf-8", newline="") as out:
            n_stories = write_stories(out, ids, bom)
    if claims_path:
        with open(claims_path, "w", encoding="utf-8", newline="") as out:
            n_claims = write_claims(out, ids, bom, progress, claim_ids)
    return n_stories, n_claims
