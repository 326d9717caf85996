"""The credibility roll-up of stored stories: the scoring model over the store's claims.

Stories are graded a chunk at a time, straight from rows (not model objects), with the
corroborations stored for their claims (``store.corroboration``): memory follows the
chunk, not the archive, and the cost of a story does not grow with the archive.
"""

import concurrent.futures
import json
import os
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass

from sourcemark.scoring import ClaimInput, grade_claims, roll_up
from sourcemark.scoring.rollup import Link, corroborate_across
from sourcemark.store.db import opened_url
from sourcemark.store.live import live_article
from sourcemark.store.models import database_proxy
from sourcemark.store.registry import outlet_key
from sourcemark.store.settings import load_settings
from sourcemark.store.sql import chunks, marks, select

STORIES_PER_CHUNK = 200
# a claim as the roll-up reads it, then its grade as stored
_CLAIM_SQL = (
    "SELECT c.id, a.story_id, c.text, c.type, c.stance, c.source_mention, c.source_resolved, "
    "c.premise, o.name, s.reliability, o.reliability, c.code, c.flags, c.also_reported, "
    "c.reported_by, c.independent_origins, c.origin_claim_id, a.published, c.origin_of "
    "FROM claim c JOIN article a ON a.id = c.article_id "
    "LEFT JOIN outlet o ON o.id = a.outlet_id LEFT JOIN source s ON s.id = c.source_id "
    f"WHERE {live_article()} AND "  # a claim in the Trash corroborates nothing
)
# the corroborations of stories' claims: "mine" is the pair's claim_id, then (the same
# query with the roles swapped) its other_id
_PAIR_SQL = (
    "SELECT p.claim_id, p.other_id, p.similarity, p.status FROM corroboration p "
    "JOIN claim c ON c.id = p.{mine} JOIN article a ON a.id = c.article_id "
)


def scoring_input(
    claim_id: int | None,
    text: str,
    type_: str,
    stance: str,
    mention: str | None,
    resolved: str | None,
    premise: bool,
    outlet: str | None,
    source_letter: str | None,
    letters: dict[str, str],
    corroborated_by: int = 0,
    published=None,
    origin_of: int | None = None,
) -> ClaimInput:
    """A stored claim as the scoring model reads it: its fields (the source as written and
    as resolved, the outlet of its article, the grade set on its source in the registry),
    and for a media report the outlet it cites with that outlet's grade (from ``letters``,
    outlet_letters()). The one place a stored claim becomes the model's input."""
    return ClaimInput(
        text, type_, stance, mention or None, resolved or None, bool(premise), outlet=outlet,
        cites_outlet=mention if type_ == "media_report" else None,
        source_letter=source_letter, outlet_letter=cited_letter(type_, mention, letters),
        corroborated_by=corroborated_by, id=claim_id, published=published, origin_of=origin_of,
    )  # fmt: skip


def _input(row: tuple, letters: dict[str, str]) -> ClaimInput:
    """A row of _CLAIM_SQL as the scoring model reads it."""
    claim_id, _story, text, type_, stance, mention, resolved, premise, outlet, source_letter = row[
        :10
    ]
    return scoring_input(claim_id, text, type_, stance, mention, resolved, premise, outlet,
                         source_letter, letters, published=row[17], origin_of=row[18])  # fmt: skip


def _claims_of(story_ids: list[int]) -> list[tuple]:
    rows = []
    for chunk in chunks(story_ids):
        rows += select(_CLAIM_SQL + f"a.story_id IN ({marks(chunk)}) "
                      "ORDER BY a.story_id, a.id, c.start", chunk)  # fmt: skip
    return rows


def _links(
    pairs: list[tuple], wanted: Container[int], read: dict[int, tuple[int, ClaimInput]], letters
) -> dict[int, list[Link]]:
    """(claim id, other id, similarity, status) -> claim id (of ``wanted``) -> links, each
    with the other claim as the model reads it (from ``read``, id -> story id and input,
    or read now), each pair in the same order however they were asked."""
    inputs = dict(read)
    others = sorted({x for a, b, _s, _t in pairs for x in (a, b)} - inputs.keys())
    for chunk in chunks(others):
        for row in select(_CLAIM_SQL + f"c.id IN ({marks(chunk)})", chunk):
            inputs[row[0]] = (row[1], _input(row, letters))
    links: dict[int, list[Link]] = {}
    for a, b, score, status in sorted(set(pairs)):
        for mine, theirs in ((a, b), (b, a)):
            if mine in wanted and theirs in inputs:
                story, other = inputs[theirs]
                links.setdefault(mine, []).append(Link(other, story, score, status))
    return links


def links_of_claims(claim_ids: list[int], letters: dict[str, str]) -> dict[int, list[Link]]:
    """The stored corroborations of these claims, each with the other claim as the model
    reads it: claim id -> links."""
    pairs = []
    for chunk in chunks(claim_ids):
        listed = marks(chunk)
        query = (
            "SELECT claim_id, other_id, similarity, status FROM corroboration "
            f"WHERE claim_id IN ({listed}) OR other_id IN ({listed})"
        )
        pairs += select(query, chunk + chunk)
    return _links(pairs, set(claim_ids), {}, letters) if pairs else {}


def _links_of_stories(
    story_ids: list[int], letters: dict[str, str], read: dict[int, tuple[int, ClaimInput]]
) -> tuple[dict[int, list[Link]], dict[int, list[tuple]]]:
    """The stored corroborations of these stories' claims (read already: id -> story id,
    input): claim id -> links to claims of other stories, each with the other claim as the
    model reads it; and story id -> the pairs of its own claims (id, id, similarity)."""
    pairs = []
    for mine in ("claim_id", "other_id"):
        query = _PAIR_SQL.format(mine=mine)
        for chunk in chunks(story_ids):
            pairs += select(query + f"WHERE a.story_id IN ({marks(chunk)})", chunk)
    across, within = [], {}
    for pair in set(pairs):  # a pair of two claims read is found from both ends
        a, b = read.get(pair[0]), read.get(pair[1])
        if a and b and a[0] == b[0]:
            within.setdefault(a[0], []).append(pair[:3])
        else:
            across.append(pair)
    return (_links(across, read.keys(), read, letters) if across else {}), within


@dataclass(slots=True)
class StoryClaims:
    """A story's claims as the model reads them, their corroborations from other stories
    counted (``elsewhere``: the outlets for each claim), and the grade of its best outlet."""

    story_id: int
    claims: list[ClaimInput]
    elsewhere: list[list[str]]
    outlet_letter: str | None
    alike: dict[int, list[int]]  # which of its claims say the same (indices), as stored
    stored: list[tuple]  # each claim's (code, flags, also reported by, reported by,
    # independent origins, origin claim) as stored


def stored_stories(story_ids: list[int] | None = None, settings=None) -> Iterator[StoryClaims]:
    """Every story (or these), a chunk of stories at a time, in story order."""
    settings = settings or load_settings()
    letters = outlet_letters()
    if story_ids is None:
        live = "SELECT id FROM story WHERE trashed IS NULL ORDER BY id"
        story_ids = [row[0] for row in select(live)]
    for chunk in chunks(story_ids, STORIES_PER_CHUNK):
        rows = _claims_of(sorted(chunk))
        read = {row[0]: (row[1], _input(row, letters)) for row in rows}
        links, within = _links_of_stories(sorted(chunk), letters, read)
        by_story: dict[int, list[tuple]] = {}
        for row in rows:
            by_story.setdefault(row[1], []).append(row)
        for story_id, story_rows in by_story.items():
            claims = [read[row[0]][1] for row in story_rows]
            grades = {row[10] for row in story_rows if row[10]}
            yield StoryClaims(
                story_id,
                claims,
                corroborate_across(claims, links, settings, story_id),
                max(grades) if grades else None,
                alike_within(claims, within.get(story_id, ()), settings.similarity),
                [row[11:17] for row in story_rows],
            )


def alike_within(
    claims: list[ClaimInput], pairs: Iterable[tuple[int, int, float]], threshold: float
) -> dict[int, list[int]]:
    """Which claims of a story say the same as which (indices), from the stored pairs of the
    story's own claims (id, id, similarity): what grade_claims() would otherwise compare
    pair by pair."""
    position = {claim.id: index for index, claim in enumerate(claims)}
    alike: dict[int, list[int]] = {}
    for a, b, similarity in sorted(pairs):
        x, y = position[a], position[b]
        if similarity >= threshold and "unattributed" not in (claims[x].type, claims[y].type):
            alike.setdefault(x, []).append(y)
            alike.setdefault(y, []).append(x)
    return alike


def story_scores(titles: dict[int, str], settings=None, graded: list | None = None) -> dict:
    """Each story's summary (score, code, components ...), over all its articles. With
    ``graded``, each claim's (id, code, flags, outlets also reporting it) is added to it
    where it differs from the one stored."""
    settings = settings or load_settings()
    summaries = {}
    for story in stored_stories(list(titles), settings):
        summary = roll_up(story.claims, titles.get(story.story_id, ""), story.outlet_letter,
                          settings=settings, alike=story.alike)  # fmt: skip
        summaries[story.story_id] = summary
        if graded is not None:
            for claim, grade, outlets, stored in zip(
                story.claims, summary["claims"], story.elsewhere, story.stored, strict=True
            ):
                new = (grade["code"], "; ".join(grade["flags"]), "; ".join(outlets),
                       grade["reported_by"], grade["independent_origins"],
                       grade["origin_claim_id"])  # fmt: skip
                if new != stored:
                    graded.append((claim.id, *new))
    return summaries


def stale_stories() -> list[int]:
    """The stories whose stored roll-up is to be computed again."""
    return [
        row[0]
        for row in select(
            "SELECT id FROM story WHERE score IS NULL AND trashed IS NULL ORDER BY id"
        )
    ]


PARALLEL_FROM = 2000  # stale stories from which the roll-up is shared among processes


def refresh_scores(
    story_ids: list[int] | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Compute and store the roll-up of the stories whose stored one is out of date (or of
    these), a chunk at a time; returns how many. The story list shows what is stored. Many
    stories are shared among helper processes, one per core (the work is pure Python)."""
    ids = stale_stories() if story_ids is None else sorted(story_ids)
    workers = min(os.cpu_count() or 1, 4)
    if len(ids) >= PARALLEL_FROM and workers > 1 and opened_url():
        try:
            return _refresh_in_processes(ids, workers, progress)
        except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool):
            pass  # no helper processes here (a sandbox, a frozen app without them): alone
    settings = load_settings()
    done = 0
    for chunk in chunks(ids, STORIES_PER_CHUNK):
        _save_scores(_scores_of(chunk, settings))
        done += len(chunk)
        if progress:
            progress(done, len(ids))
    return len(ids)


def stored_summary(summary: dict) -> str:
    """What the stories export writes of a roll-up beyond its score, code and caps (the
    components' scores, the counts by type and stance, the flags), as stored JSON."""
    return json.dumps(
        {
            "components": {name: c["score"] for name, c in summary["components"].items()},
            "counts_by_type": summary["counts_by_type"],
            "counts_by_stance": summary["counts_by_stance"],
            "flags": summary["flags"],
        },
        separators=(",", ":"),
    )


def _scores_of(chunk: list[int], settings) -> tuple[list, list]:
    """(story id, score, code, caps, stored summary) of these stories (-1 and no summary for
    a story without claims), and (claim id, code, flags, also reported by) of their claims
    whose grade changed."""
    from sourcemark.store.models import Story

    titles = dict(Story.select(Story.id, Story.title).where(Story.id.in_(chunk)).tuples())
    graded: list = []
    scores = story_scores(titles, settings, graded)
    rows = []
    for story_id in chunk:
        summary = scores.get(story_id)
        rows.append((story_id, summary["score"], summary["code"], "\n".join(summary["caps"]),
                     stored_summary(summary))
                    if summary else (story_id, -1, "", "", None))  # fmt: skip
    return rows, graded


def _save_scores(result: tuple[list, list]) -> None:
    stories, claims = result
    database = database_proxy.obj
    mark = database.param
    with database_proxy.atomic():  # a cache of what the claims say: no revision of its own
        cursor = database.cursor()
        cursor.executemany(
            f"UPDATE story SET score = {mark}, code = {mark}, caps = {mark}, summary = {mark} "
            f"WHERE id = {mark}",
            [(score, code, caps, summary, story_id)
             for story_id, score, code, caps, summary in stories],
        )  # fmt: skip
        cursor.executemany(
            f"UPDATE claim SET code = {mark}, flags = {mark}, also_reported = {mark}, "
            f"reported_by = {mark}, independent_origins = {mark}, origin_claim_id = {mark} "
            f"WHERE id = {mark}",
            [(*grade, claim_id) for claim_id, *grade in claims],
        )


def _refresh_in_processes(ids: list[int], workers: int, progress) -> int:
    import multiprocessing

    parts = list(chunks(ids, STORIES_PER_CHUNK * 2))
    context = multiprocessing.get_context("spawn")
    done = 0
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        for result in pool.map(_score_part, [opened_url()] * len(parts), parts):
            _save_scores(result)
            done += len(result[0])
            if progress:
                progress(done, len(ids))
    return len(ids)


def _score_part(url: str, chunk: list[int]) -> tuple[list, list]:
    """In a helper process: the roll-ups of a part of the stories."""
    from sourcemark.store import open_database
    from sourcemark.store.models import database_proxy as proxy

    if proxy.obj is None:
        open_database(url)
    return _scores_of(chunk, load_settings())


def graded_stories(story_ids: list[int] | None = None, settings=None):
    """Every story (or these) with its claims' grades computed now, each with the outlets
    that also report it: (StoryClaims, [ClaimGrade])."""
    settings = settings or load_settings()
    for story in stored_stories(story_ids, settings):
        graded = grade_claims(story.claims, settings, story.alike)
        for grade, outlets in zip(graded, story.elsewhere, strict=True):
            grade.also_reported_by = outlets
        yield story, graded


def claim_grades(story_ids: list[int] | None = None) -> dict:
    """The grade of every claim of these stories (or all), computed now: the code, flags
    and their reasons, and the outlets that also report it."""
    return {
        claim.id: grade
        for story, graded in graded_stories(story_ids)
        for claim, grade in zip(story.claims, graded, strict=True)
    }


def outlet_letters() -> dict[str, str]:
    """Graded outlets by name, in the form cited_letter() looks them up."""
    from sourcemark.store.models import Outlet

    return {
        outlet_key(o.name): o.reliability
        for o in Outlet.select(Outlet.name, Outlet.reliability).where(
            Outlet.reliability.is_null(False)
        )
    }


def cited_letter(type_: str, source: str | None, letters: dict[str, str]) -> str | None:
    """For a media report, the grade of the outlet it cites ("The Wall Street Journal")."""
    if type_ != "media_report" or not source:
        return None
    return letters.get(outlet_key(source))


def similar_claims(
    claim_id: int, story_id: int, text: str, limit: int = 15
) -> list[tuple[ClaimInput, float]]:
    """Claims of other stories most like this one, best first, with their similarity: those
    sharing its less common words, and those linked to it already (whatever their score)."""
    from rapidfuzz import fuzz

    from sourcemark.store.corroboration import sharing_words

    nearest = sharing_words(text, claim_id, most=400)
    letters = outlet_letters()
    linked = [link.other.id for link in links_of_claims([claim_id], letters).get(claim_id, [])]
    found = []
    ids = sorted(set(nearest) | set(linked))
    for chunk in chunks(ids):
        for row in select(_CLAIM_SQL + f"c.id IN ({marks(chunk)})", chunk):
            if row[1] != story_id:
                other = _input(row, letters)
                found.append((other, fuzz.token_set_ratio(text, other.text)))
    found.sort(key=lambda item: (-item[1], item[0].id))
    best = [item for item in found if item[1] >= 40][:limit]
    return best + [item for item in found if item[0].id in linked and item not in best]


def claim_codes() -> dict[int, str]:
    """The code of every claim, as the claims table would show it: the one stored with its
    story's roll-up, once the stories changed since are rolled up again."""
    from contextlib import suppress

    from sourcemark.store import StoreError

    with suppress(StoreError):  # a database that cannot be written: the codes as stored
        refresh_scores()
    return dict(select("SELECT id, code FROM claim"))


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
