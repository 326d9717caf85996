"""The exports: a stories file with every roll-up field, one row per story; a claims file, one
row per claim; and the model settings, once (CSV files, or the sheets of an Excel workbook:
report/workbook.py). The rows come from story_batches(), claim_batches() and
settings_rows(), which both formats write.

CSV: RFC 4180 quoting (csv module, CRLF line ends), UTF-8 with an optional byte-order mark
for Excel, a header row, ISO dates, and stable column names (listed here and in the README).
Article text is untrusted: a cell that a spreadsheet would read as a formula (starting with
=, +, -, @, their full-width forms, a tab or a carriage return) is neutralised with a
leading apostrophe, as OWASP recommends. Claims are written as they are read from the
database, so memory stays flat however many there are.
"""

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import TextIO

from sourcemark.analysis.types import SourcingType, Stance

STORY_COLUMNS = [
    "story_id", "title", "score", "code",
    "on_record", "anonymous_reliance", "corroboration", "right_of_reply", "source_diversity",
    *(f"type_{t.value}" for t in SourcingType),
    *(f"stance_{s.value}" for s in Stance),
    "flags", "caps", "articles", "outlets", "first_published", "last_published",
    "claims", "claims_reviewed",
]  # fmt: skip
CLAIM_COLUMNS = [
    "claim_id", "story_id", "story_title", "article_id", "article_title", "outlet",
    "published", "source", "source_resolved", "type", "type_label", "stance", "code", "flags",
    "corroborated_by", "reported_by", "independent_origins", "origin_claim_id", "reviewed",
    "origin", "note", "text", "start", "end",
]  # fmt: skip
SETTINGS_COLUMNS = ["setting", "value"]  # the model settings in force, one row each
# the full-width signs too: spreadsheets may read them as formulas
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


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


# what a cell may start with for safe() to change it: a cell of text starting otherwise, or
# a whole number not negative, is written as it is (safe() on every cell took half of the
# time of an export of claims)
_CHANGED_FROM = (*DANGEROUS_STARTS, "\ufeff")


def _cells(values) -> list:
    """safe() of each value, skipped where it would change nothing."""
    return [
        value
        if value is None  # written empty, as safe() writes it
        or (type(value) is str and not value.startswith(_CHANGED_FROM))
        or (type(value) is int and value >= 0)
        else safe(value)
        for value in values
    ]


_FIRSTS = frozenset(start[0] for start in _CHANGED_FROM)
_FORCE_QUOTES = frozenset('\r\n,"')  # csv quotes a cell holding one: it starts with a quote
_QUOTED = sorted(_FIRSTS & _FORCE_QUOTES)
_OPENINGS = (*_FIRSTS, *('"' + first for first in _QUOTED))  # how the first cell may open
_QUOTED_STARTS = tuple(before + '"' + first for before in ",\n" for first in _QUOTED)
_PLAIN_START = re.compile('[,"\n][' + re.escape("".join(sorted(_FIRSTS - _FORCE_QUOTES))) + "]")


def _may_change(text: str) -> bool:
    """Whether a cell of this written CSV may start with something safe() changes: at the
    start, after the comma or line break before it, or after the quote opening it. It may
    say so where nothing is to change (inside a cell, or after a quoted cell whose text ends
    with a comma or line break): that only costs writing the rows again, cell by cell.
    (Plain searches: a pattern with alternatives took as long as safe() on every cell.)"""
    return (
        text.startswith(_OPENINGS)
        or any(start in text for start in _QUOTED_STARTS)
        or _PLAIN_START.search(text) is not None
    )


def _write_rows(out: TextIO, rows: list) -> None:
    """Write rows (of text, whole numbers and None) as safe() makes their cells: written at
    once, and cell by cell again only when a cell may start like a formula, which is rare;
    safe() on every cell of every row took a third of an export's time."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    if _may_change(text):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(_cells(row) for row in rows)
        text = buffer.getvalue()
    out.write(text)


CHUNK_STORIES = 200  # stories read at a time
WRITTEN_AT_ONCE = 1000  # rows written at a time: what memory follows


def _story_chunks(story_ids: list[int] | None):
    """The stories to export (all, or these), in id order, a chunk at a time."""
    from sourcemark.store.models import Story
    from sourcemark.store.sql import chunks

    live = Story.select(Story.id).where(Story.trashed.is_null())  # the Trash counts nowhere
    if story_ids is None:
        story_ids = [row[0] for row in live.order_by(Story.id).tuples()]
    else:
        wanted, story_ids = sorted(set(story_ids)), []
        for chunk in chunks(wanted):
            story_ids += [row[0] for row in live.where(Story.id.in_(chunk)).tuples()]
    yield from chunks(sorted(story_ids), CHUNK_STORIES)


def story_batches(story_ids: list[int] | None = None) -> Iterator[list[list]]:
    """The rows of the stories (of STORY_COLUMNS: whole numbers, text, ISO dates, and None
    or "" for an empty cell), from the roll-up stored with each (the stories changed since
    it was stored are rolled up first), a chunk of stories at a time."""
    from sourcemark.store.sql import marks, select

    _roll_up_stale(story_ids)
    for chunk in _story_chunks(story_ids):
        stories = select(
            f"SELECT id, title, score, code, caps, summary FROM story WHERE id IN "
            f"({marks(chunk)}) ORDER BY id",
            chunk,
        )
        articles, claims = _articles_of(chunk), _claims_of(chunk)
        yield [
            [story_id, title, *_roll_up_cells(score, code, caps, summary),
             *articles.get(story_id, (0, "", "", "")), *claims.get(story_id, (0, 0))]
            for story_id, title, score, code, caps, summary in stories
        ]  # fmt: skip


def write_stories(out: TextIO, story_ids: list[int] | None = None, bom: bool = False) -> int:
    """One row per story (story_batches()); returns the number written."""
    _writer(out, bom).writerow(STORY_COLUMNS)
    count = 0
    for rows in story_batches(story_ids):
        _write_rows(out, rows)
        count += len(rows)
    return count


def settings_rows() -> list[list]:
    """The model settings in force, one (setting, value) row each: ``weights.on_record``,
    ``letters.document``, ``similarity``…, a whole number written without its ".0"."""
    from sourcemark.store.settings import load_settings

    def flattened(values: dict, prefix: str = "") -> Iterator[list]:
        for key, value in values.items():
            if isinstance(value, dict):
                yield from flattened(value, f"{prefix}{key}.")
            else:
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                yield [f"{prefix}{key}", value]

    return list(flattened(load_settings().as_dict()))


def write_settings(out: TextIO, bom: bool = False) -> int:
    """The model settings file (settings_rows()); returns the number of settings."""
    rows = settings_rows()
    _writer(out, bom).writerow(SETTINGS_COLUMNS)
    _write_rows(out, rows)
    return len(rows)


def _roll_up_stale(story_ids: list[int] | None) -> None:
    """Roll up the stories (of these, or all) changed since their roll-up was stored."""
    from sourcemark.store.db import is_read_only
    from sourcemark.store.rollups import refresh_scores, stale_stories

    stale = stale_stories()
    if story_ids is not None:
        stale = sorted(set(stale) & set(story_ids))
    if stale and not is_read_only():  # read-only: exported as last rolled up (see cli)
        refresh_scores(stale)


_TYPES = tuple(t.value for t in SourcingType)  # plain text: enum members are slow to read
_STANCES = tuple(s.value for s in Stance)


def _roll_up_cells(score, code, caps, summary) -> list:
    """The roll-up columns of a story, from the score, code, caps and summary stored (a
    story without claims, stored with the score -1, has none)."""
    if score is None or score < 0 or not summary:
        return ["", "", *[""] * 5, *[0] * (len(SourcingType) + len(Stance)), "", ""]
    parts = json.loads(summary)
    components, types, stances = (parts["components"], parts["counts_by_type"],
                                  parts["counts_by_stance"])  # fmt: skip
    return [
        score, code,
        *(components.get(name) for name in STORY_COLUMNS[4:9]),
        *(types.get(value, 0) for value in _TYPES),
        *(stances.get(value, 0) for value in _STANCES),
        "; ".join(parts["flags"]), "; ".join((caps or "").split("\n")),
    ]  # fmt: skip


def _articles_of(story_ids: list[int]) -> dict[int, tuple[int, str, str, str]]:
    """Story id -> its number of articles, their outlets ("; "-joined, sorted), and the
    first and last dates of publication (ISO)."""
    from sourcemark.store.sql import marks, select

    rows = select(
        "SELECT a.story_id, o.name, a.published FROM article a LEFT JOIN outlet o "
        f"ON o.id = a.outlet_id WHERE a.story_id IN ({marks(story_ids)})",
        story_ids,
    )
    grouped: dict[int, list] = {}
    for story_id, outlet, published in rows:
        grouped.setdefault(story_id, []).append((outlet, published))
    found = {}
    for story_id, articles in grouped.items():
        dates = sorted(str(published)[:10] for _o, published in articles if published)
        outlets = "; ".join(sorted({outlet for outlet, _p in articles if outlet}))
        found[story_id] = (len(articles), outlets, *((dates[0], dates[-1]) if dates else ("", "")))
    return found


def _claims_of(story_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Story id -> its number of claims and how many of them a person reviewed."""
    from sourcemark.store.sql import marks, select

    rows = select(
        "SELECT a.story_id, COUNT(*), SUM(CASE WHEN c.reviewed THEN 1 ELSE 0 END) FROM claim c "
        f"JOIN article a ON a.id = c.article_id WHERE a.story_id IN ({marks(story_ids)}) "
        "GROUP BY a.story_id",
        story_ids,
    )
    return {story_id: (claims, int(reviewed or 0)) for story_id, claims, reviewed in rows}


# each type's label, made by the database beside its code (as it makes the dates and yes/no)
_TYPE_LABEL = "CASE c.type " + " ".join(["WHEN {p} THEN {p}"] * len(SourcingType)) + " END"
_TYPE_LABEL_PARAMS = [part for t in SourcingType for part in (t.value, t.label)]


def claim_batches(
    story_ids: list[int] | None = None, claim_ids: list[int] | None = None
) -> Iterator[list[tuple]]:
    """The rows of the claims (of CLAIM_COLUMNS: whole numbers, text, ISO dates, None for an
    empty cell), story by story in reading order (only ``claim_ids`` when given: the claims a
    filter shows), up to WRITTEN_AT_ONCE rows at a time, read from the database as they are
    written, so memory stays flat however many there are."""
    from sourcemark.store.models import database_proxy
    from sourcemark.store.sql import marks

    _roll_up_stale(story_ids)  # the grades of claims are stored with their story's roll-up
    wanted = set(claim_ids) if claim_ids is not None else None
    database = database_proxy.obj
    type_label = _TYPE_LABEL.replace("{p}", database.param)
    for chunk in _story_chunks(story_ids):
        rows = database.execute_sql(
            # the file's columns in its order, dates and yes/no made by the database: each row
            # is written as it is read
            "SELECT c.id, a.story_id, s.title, c.article_id, a.title, o.name, "
            "substr(CAST(a.published AS TEXT), 1, 10), c.source_mention, c.source_resolved, "
            f"c.type, {type_label}, c.stance, c.code, c.flags, c.also_reported, c.reported_by, "
            "c.independent_origins, c.origin_claim_id, "
            "CASE WHEN c.reviewed THEN 'yes' ELSE 'no' END, c.origin, c.note, c.text, c.start, "
            'c."end" FROM claim c JOIN article a ON a.id = c.article_id '
            "JOIN story s ON s.id = a.story_id LEFT JOIN outlet o ON o.id = a.outlet_id "
            f"WHERE a.story_id IN ({marks(chunk)}) ORDER BY a.story_id, a.id, c.start",
            (*_TYPE_LABEL_PARAMS, *chunk),
        )
        while batch := list(islice(rows, WRITTEN_AT_ONCE)):
            if wanted is not None:
                batch = [row for row in batch if row[0] in wanted]
            if batch:
                yield batch


def write_claims(
    out: TextIO,
    story_ids: list[int] | None = None,
    bom: bool = False,
    progress: Callable[[int], None] | None = None,
    claim_ids: list[int] | None = None,
) -> int:
    """One row per claim (claim_batches()); returns the number written."""
    _writer(out, bom).writerow(CLAIM_COLUMNS)
    count = 0
    for batch in claim_batches(story_ids, claim_ids):
        _write_rows(out, batch)
        count += len(batch)
        if progress:
            progress(count)
    return count


SNAPSHOT_TRIES = 20  # roll-ups brought up to date before a snapshot, at most: see snapshot()


@contextmanager
def snapshot(story_ids: Iterable[int] | None = None) -> Iterator[None]:
    """One moment of the database for every read inside: the stories and claims files of
    one export describe the same state while an import goes on in another process.

    The roll-ups of stale stories (of ``story_ids``, or all) are stored first, since the
    writers read them and a read snapshot cannot write them; then a read transaction opens
    (SQLite: BEGIN DEFERRED, pinned by its first read, which WAL keeps while others write;
    PostgreSQL: REPEATABLE READ). Should an import have made a story stale in between, the
    snapshot is let go and taken again. Failing that SNAPSHOT_TRIES times, the last one is
    a transaction that may write (SQLite's takes the write lock: imports wait), so that the
    writers roll up what is stale inside it. Inside a transaction already: that one."""
    from sourcemark.store.db import is_read_only
    from sourcemark.store.models import database_proxy
    from sourcemark.store.rollups import stale_stories

    database = database_proxy.obj
    if database.in_transaction():
        yield
        return
    if is_read_only():  # nothing changes it, and nothing can be rolled up: as it stands
        with _read_transaction(database, may_write=False):
            yield
        return
    wanted = None if story_ids is None else set(story_ids)
    for attempt in range(SNAPSHOT_TRIES):
        _roll_up_stale(None if wanted is None else sorted(wanted))
        last = attempt == SNAPSHOT_TRIES - 1
        with _read_transaction(database, may_write=last):
            stale = stale_stories()  # the first read: from here on, this moment is read
            if last or not (set(stale) if wanted is None else wanted.intersection(stale)):
                yield
                return


def _read_transaction(database, may_write: bool):
    """A transaction that reads one moment of the database (see snapshot())."""
    from peewee import PostgresqlDatabase, SqliteDatabase

    if isinstance(database, SqliteDatabase):
        return database.transaction(lock_type="IMMEDIATE" if may_write else "DEFERRED")
    if isinstance(database, PostgresqlDatabase):
        return database.transaction(isolation_level="REPEATABLE READ")
    return database.transaction()


def export_files(
    stories_path=None,
    claims_path=None,
    settings_path=None,
    workbook_path=None,
    story_ids: Iterable[int] | None = None,
    bom=False,
    claim_ids: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Write the stories, claims and settings CSV files and the Excel workbook asked for
    (any of them), read at one moment (snapshot()); returns the numbers of stories and claims
    written. None may name the database or another of them, and a workbook's name ends in
    .xlsx; each takes the old file's place only once all are complete, so a failure leaves
    what was there before."""
    from sourcemark.report.outputs import OutputRefused, check_outputs, replacing

    check_outputs(stories_path, claims_path, settings_path, workbook_path)
    if workbook_path and Path(workbook_path).suffix.lower() != ".xlsx":
        raise OutputRefused(f"{workbook_path}: an Excel workbook's name ends in .xlsx.")
    ids = list(story_ids) if story_ids is not None else None
    n_stories = n_claims = 0
    csv_paths = (stories_path, claims_path, settings_path)
    with snapshot(ids), ExitStack() as stack:  # every file describes one moment
        stories_out, claims_out, settings_out = [
            stack.enter_context(replacing(path, encoding="utf-8", newline="")) if path else None
            for path in csv_paths
        ]
        if stories_out is not None:
            n_stories = write_stories(stories_out, ids, bom)
        if claims_out is not None:
            n_claims = write_claims(claims_out, ids, bom, progress, claim_ids)
        if settings_out is not None:
            write_settings(settings_out, bom)
        if workbook_path:
            from sourcemark.report.workbook import write_workbook

            out = stack.enter_context(replacing(workbook_path, "wb"))
            n_stories, n_claims = write_workbook(
                out, ids, claim_ids, progress, scratch=Path(workbook_path).parent
            )
    return n_stories, n_claims


def unscored_stories(story_ids: Iterable[int] | None = None) -> list[int]:
    """The stories (of these, or all) an export wrote without bringing their scores up to
    date: on a read-only database, those changed since they were last scored."""
    from sourcemark.store.db import is_read_only
    from sourcemark.store.rollups import stale_stories

    if not is_read_only():
        return []
    wanted = None if story_ids is None else set(story_ids)
    return [s for s in stale_stories() if wanted is None or s in wanted]


def unscored_note(unscored: list[int]) -> str:
    """What an export of ``unscored_stories`` tells the person who asked for it."""
    listed = ", ".join(map(str, unscored[:10])) + (" …" if len(unscored) > 10 else "")
    return (
        f"The database is read-only, so {len(unscored)} stories changed since they were last "
        f"scored are exported without a score, and their claims with the grades last stored "
        f"(stories {listed})."
    )
