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
    if value is True or value is False:
        return "yes" if value else "no"
    text = value if type(value) is str else str(value)
    # an invisible byte-order mark leading the file's first cell would be taken for the
    # file's own and dropped (or doubled) by spreadsheets: it goes, wherever it leads a cell
    text = text.lstrip("\ufeff")
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def _writer(out: TextIO, bom: bool):
    if bom:
        out.write("\ufeff")
    return csv.writer(out, lineterminator="\r\n")


CHUNK_STORIES = 200  # stories written at a time: what memory follows


def _story_chunks(story_ids: list[int] | None):
    """The stories to export (all, or these), in id order, a chunk at a time."""
    from sourcemark.store.models import Story
    from sourcemark.store.sql import chunks

    if story_ids is None:
        story_ids = [row[0] for row in Story.select(Story.id).order_by(Story.id).tuples()]
    yield from chunks(sorted(set(story_ids)), CHUNK_STORIES)


def write_stories(out: TextIO, story_ids: list[int] | None = None, bom: bool = False) -> int:
    """One row per story, a chunk of stories at a time; returns the number written."""
    from sourcemark.rollups import story_scores
    from sourcemark.store.models import Story
    from sourcemark.store.repo import article_rows, load_settings

    settings = load_settings()
    settings_text = json.dumps(settings.as_dict(), sort_keys=True)
    writer = _writer(out, bom)
    writer.writerow(STORY_COLUMNS)
    count = 0
    for chunk in _story_chunks(story_ids):
        titles = dict(Story.select(Story.id, Story.title).where(Story.id.in_(chunk)).tuples())
        summaries = story_scores(titles, settings)
        articles_of = article_rows(list(titles))
        for story_id in chunk:
            if story_id not in titles:
                continue
            summary = summaries.get(story_id) or {}
            articles = articles_of.get(story_id, [])
            dates = sorted(a.published.isoformat() for a in articles if a.published)
            components = summary.get("components", {})
            row = [
                story_id, titles[story_id], summary.get("score", ""), summary.get("code", ""),
                *(components.get(name, {}).get("score", "") for name in STORY_COLUMNS[4:9]),
                *(summary.get("counts_by_type", {}).get(t.value, 0) for t in SourcingType),
                *(summary.get("counts_by_stance", {}).get(s.value, 0) for s in Stance),
                "; ".join(summary.get("flags", [])),
                "; ".join(summary.get("caps", [])),
                len(articles),
                "; ".join(sorted({a.outlet_name for a in articles if a.outlet_name})),
                dates[0] if dates else "", dates[-1] if dates else "",
                settings_text,
            ]  # fmt: skip
            writer.writerow([safe(value) for value in row])
            count += 1
    return count


def write_claims(
    out: TextIO,
    story_ids: list[int] | None = None,
    bom: bool = False,
    progress: Callable[[int], None] | None = None,
    claim_ids: list[int] | None = None,
) -> int:
    """One row per claim, story by story in reading order (only ``claim_ids`` when given:
    the claims a filter shows); returns the number written. Graded and written a chunk of
    stories at a time, so memory stays flat however many there are."""
    from sourcemark.rollups import refresh_scores, stale_stories
    from sourcemark.store.models import database_proxy
    from sourcemark.store.sql import marks

    stale = set(stale_stories())
    if stale:  # the grades of claims are stored with their story's roll-up: bring it up to date
        refresh_scores(sorted(stale if story_ids is None else stale & set(story_ids)))

    wanted = set(claim_ids) if claim_ids is not None else None
    writer = _writer(out, bom)
    writer.writerow(CLAIM_COLUMNS)
    count = 0
    for chunk in _story_chunks(story_ids):
        database = database_proxy.obj
        rows = database.execute_sql(
            "SELECT c.id, a.story_id, s.title, c.article_id, a.title, o.name, a.published, "
            "c.source_mention, c.source_resolved, c.type, c.stance, c.reviewed, c.origin, "
            'c.note, c.text, c.start, c."end", c.code, c.flags, c.also_reported FROM claim c '
            "JOIN article a ON a.id = c.article_id JOIN story s ON s.id = a.story_id "
            "LEFT JOIN outlet o ON o.id = a.outlet_id "
            f"WHERE a.story_id IN ({marks(chunk)}) ORDER BY a.story_id, a.id, c.start",
            tuple(chunk),
        )
        for row in rows:
            (claim_id, story_id, story_title, article_id, title, outlet, published, source,
             resolved, type_, stance, reviewed, origin, note, text, start, end, code, flags,
             also) = row  # fmt: skip
            if wanted is not None and claim_id not in wanted:
                continue
            cells = [
                claim_id, story_id, story_title, article_id, title, outlet,
                str(published)[:10] if published else "", source, resolved, type_, stance,
                code, flags, also, bool(reviewed), origin, note, text, start, end,
            ]  # fmt: skip
            writer.writerow([safe(value) for value in cells])
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
