"""The claims of the whole archive, a page at a time: filtered, searched and sorted by the
database, with the grades stored when their stories were last rolled up. Nothing here
reads more rows than a page (the counts are one aggregate query), so the claims table of
"All stories" costs the same on ten stories and on ten thousand."""

import re
from dataclasses import dataclass, replace

from peewee import PostgresqlDatabase

from sourcemark.analysis.types import ANONYMOUS_TYPES
from sourcemark.store.live import anything_trashed, live_claim
from sourcemark.store.models import database_proxy
from sourcemark.store.sql import chunks, marks, select

# the columns a stored claim row has, in this order (see ClaimRow.stored)
ROW_SQL = (
    'SELECT c.id, c.article_id, c.text, c.start, c."end", c.source_mention, '
    "c.source_resolved, c.cue, c.type, c.stance, c.premise, c.reviewed, c.note, c.origin, "
    "c.source_id, a.story_id, st.title, o.name, s.reliability, o.reliability, c.version, "
    "c.code, c.flags, c.also_reported, c.confidence, c.origin_of, c.reported_by, "
    "c.independent_origins, a.published "
    "FROM claim c JOIN article a ON a.id = c.article_id JOIN story st ON st.id = a.story_id "
    "LEFT JOIN outlet o ON o.id = a.outlet_id LEFT JOIN source s ON s.id = c.source_id"
)

# what a column of the claims table sorts by; ties keep reading order
ORDERS = {
    "source": "c.source_mention",
    "type": "c.type",
    "stance": "c.stance",
    "code": "c.code",
    "note": "c.note",
    # the least certain first; a person's claims (no confidence) after the analyzer's, as
    # on both databases alike (SQLite puts NULL first, PostgreSQL last)
    "confidence": "COALESCE(c.confidence, 2.0)",
    # where a claim comes from, read beside it (the page's own query joins nothing)
    "story": "(SELECT t.title FROM article b JOIN story t ON t.id = b.story_id "
    "WHERE b.id = c.article_id)",
    "outlet": "(SELECT u.name FROM article b LEFT JOIN outlet u ON u.id = b.outlet_id "
    "WHERE b.id = c.article_id)",
}
READING_ORDER = "c.article_id, c.start, c.id"
BACKWARDS = "c.article_id DESC, c.start DESC, c.id DESC"


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Which claims of the archive, in which order. ``type``, ``stance`` and ``flag``: the
    claims with any of the values given (none given: any); ``search``: each of its words
    begins a word of the claim's text, its source as written or its note (case and accents
    aside); a search of signs alone is found as written."""

    type: tuple[str, ...] = ()
    stance: tuple[str, ...] = ()
    reviewed: bool | None = None
    anonymous_only: bool = False
    source_id: int | None = None
    flag: tuple[str, ...] = ()
    search: str = ""
    order: str | None = None  # a key of ORDERS; None: reading order, article by article
    descending: bool = False

    def where(self) -> tuple[str, list]:
        """The WHERE clause (empty, or starting with " WHERE") and its parameters."""
        terms, params = [], []
        if self.type:
            terms.append(_one_of("c.type", len(self.type)))
            params += sorted(self.type)
        if self.anonymous_only:
            anonymous = sorted(str(t) for t in ANONYMOUS_TYPES)
            terms.append(_one_of("c.type", len(anonymous)))
            params += anonymous
        if self.stance:
            terms.append(_one_of("c.stance", len(self.stance)))
            params += sorted(self.stance)
        if self.reviewed is not None:
            terms.append("c.reviewed = {p}")
            params.append(self.reviewed)
        if self.source_id is not None:
            terms.append("c.source_id = {p}")
            params.append(self.source_id)
        if self.flag:
            # stored "; "-joined: the flag whole, not a part of another one
            terms.append("(" + " OR ".join(["('; ' || c.flags || '; ') LIKE {p}"] * len(self.flag))
                         + ")")  # fmt: skip
            params += [f"%; {_escaped(flag)}; %" for flag in sorted(self.flag)]
        words = search_words(self.search)
        if words and _indexed():
            # every word typed begins a word of the claim, its source or its note; the
            # index is asked first, and the claims are then read in order ("+": not by id)
            terms.append("+c.id IN (SELECT rowid FROM claim_search WHERE claim_search MATCH {p})")
            params.append(" ".join(f'"{word}"*' for word in words))
        elif words and isinstance(database_proxy.obj, PostgresqlDatabase):
            for word in words:  # the same, by regular expression (a word starts after a
                # sign or an underscore, as SQLite's index has it; \\m would not see "_")
                terms.append("(c.text ~* {p} OR c.source_mention ~* {p} OR c.note ~* {p})")
                params += [f"(^|[^[:alnum:]]){word}"] * 3
        elif self.search.strip():  # no words (only signs, such as "%"): as written
            like = _like()
            pattern = f"%{_escaped(self.search.strip())}%"
            terms.append(
                f"(c.text {like} {{p}} ESCAPE '\\' OR c.source_mention {like} {{p}} ESCAPE '\\' "
                f"OR c.note {like} {{p}} ESCAPE '\\')"
            )
            params += [pattern] * 3
        if anything_trashed():  # what is in the Trash is found by no search
            terms.append(live_claim())
        return (" WHERE " + " AND ".join(terms) if terms else ""), params

    def order_by(self) -> str:
        if self.order is None:
            return BACKWARDS if self.descending else READING_ORDER
        direction = " DESC" if self.descending else ""
        return f"{ORDERS[self.order]}{direction}, {READING_ORDER}"


def _one_of(column: str, n: int) -> str:
    """A column holding one of n values (bound parameters): '=' for one, as the index reads
    it best."""
    return f"{column} = {{p}}" if n == 1 else f"{column} IN ({', '.join(['{p}'] * n)})"


_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The words of a search (letters and digits; signs between them are not searched)."""
    return _WORD.findall(text)


def _indexed() -> bool:
    """Whether the database has the claims' full-text index (SQLite with FTS5)."""
    database = database_proxy.obj
    known = getattr(database, "_sourcemark_search_index", None)
    if known is None:
        known = bool(select("SELECT 1 FROM sqlite_master WHERE name = 'claim_search'")) \
            if not isinstance(database, PostgresqlDatabase) else False  # fmt: skip
        database._sourcemark_search_index = known
    return known


def _like() -> str:
    # SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE that of all
    return "ILIKE" if isinstance(database_proxy.obj, PostgresqlDatabase) else "LIKE"


def _escaped(text: str) -> str:
    """Text to find as it is inside a LIKE pattern: its own % and _ are not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def claim_page(query: ClaimQuery, offset: int, limit: int) -> list[tuple]:
    """The stored rows (ROW_SQL's columns) of one page of the claims a query finds. With a
    filter, the page's claims are found first and their rows read after: the filter's index
    then holds all the finding needs, where sorting whole rows would read every row the
    filter finds (3 ms against 160 for the anonymous claims of 250,000)."""
    where, params = query.where()
    order, page = query.order_by(), f"LIMIT {int(limit)} OFFSET {int(offset)}"
    if not where:
        return select(f"{ROW_SQL} ORDER BY {order} {page}")
    return select(
        f"{ROW_SQL} WHERE c.id IN (SELECT c.id FROM claim c{where} ORDER BY {order} {page}) "
        f"ORDER BY {order}",
        params,
    )


def claim_rows(ids: list[int]) -> dict[int, tuple]:
    """The stored rows of these claims, by id (deleted ones left out)."""
    rows = {}
    for chunk in chunks(list(ids)):
        for row in select(f"{ROW_SQL} WHERE c.id IN ({marks(chunk)})", chunk):
            rows[row[0]] = row
    return rows


def article_claim_rows(article_id: int) -> list[tuple]:
    """The stored rows of one article's claims, in reading order."""
    return select(f"{ROW_SQL} WHERE c.article_id = {{p}} ORDER BY {READING_ORDER}", [article_id])


def finds(query: ClaimQuery, claim_id: int) -> bool:
    """Whether a query finds this claim."""
    where, params = query.where()
    where = f"{where} AND c.id = {{p}}" if where else " WHERE c.id = {p}"
    return bool(select(f"SELECT 1 FROM claim c{where}", [*params, claim_id]))


def position(query: ClaimQuery, claim_id: int) -> int | None:
    """Where this claim stands among those a query finds (0 first), or None."""
    if not finds(query, claim_id):  # one row read, not every claim found
        return None
    return matching_ids(query).index(claim_id)


def matching_ids(query: ClaimQuery) -> list[int]:
    """Every claim a query finds, in its order (for exporting them)."""
    where, params = query.where()
    return [row[0] for row in select(
        f"SELECT c.id FROM claim c{where} ORDER BY {query.order_by()}", params)]  # fmt: skip


def claim_counts(query: ClaimQuery) -> list[tuple[str, str, bool, int]]:
    """How many claims a query finds, by (type, stance, whether it carries the headline)."""
    where, params = query.where()
    return [
        (type_, stance, bool(premise), n)
        for type_, stance, premise, n in select(
            f"SELECT c.type, c.stance, c.premise, COUNT(*) FROM claim c{where} "
            "GROUP BY c.type, c.stance, c.premise",
            params,
        )
    ]


# the filters the claims table offers several values of, with counts
FACETS = ("type", "stance", "reviewed", "flag")
Cube = list[tuple[str, str, bool, tuple[str, ...], int]]  # (type, stance, reviewed, flags, n)


def claim_cube(query: ClaimQuery) -> Cube:
    """How many claims the query finds leaving its type, stance, review and flag filters
    aside, by (type, stance, reviewed, flags): one aggregate query, from which the count of
    every filter's every value follows (facet_counts)."""
    where, params = replace(query, type=(), stance=(), reviewed=None, flag=()).where()
    return [
        (type_, stance, bool(reviewed), tuple(f for f in (flags or "").split("; ") if f), n)
        for type_, stance, reviewed, flags, n in select(
            f"SELECT c.type, c.stance, c.reviewed, c.flags, COUNT(*) FROM claim c{where} "
            "GROUP BY c.type, c.stance, c.reviewed, c.flags",
            params,
        )
    ]


def facet_counts(cube: Cube, query: ClaimQuery) -> dict[str, dict]:
    """For each filter (FACETS), how many claims each of its values would show with the
    other filters as the query has them: {"type": {"document": 3, …}, "reviewed": {True: 2,
    False: 9}, "flag": {"contested": 1, …}, …} (a claim counts under each of its flags)."""
    chosen = {"type": set(query.type), "stance": set(query.stance), "flag": set(query.flag),
              "reviewed": set() if query.reviewed is None else {query.reviewed}}  # fmt: skip
    counts: dict[str, dict] = {facet: {} for facet in FACETS}
    for type_, stance, reviewed, flags, n in cube:
        held = {"type": {type_}, "stance": {stance}, "reviewed": {reviewed}, "flag": set(flags)}
        failed = [facet for facet in FACETS if chosen[facet] and not chosen[facet] & held[facet]]
        for facet in FACETS:
            if not failed or failed == [facet]:
                for value in held[facet]:
                    counts[facet][value] = counts[facet].get(value, 0) + n
    return counts


def claim_total() -> int:
    where = f" WHERE {live_claim()}" if anything_trashed() else ""
    return select(f"SELECT COUNT(*) FROM claim c{where}")[0][0]


def stories_of_claims(claim_ids: list[int]) -> list[int]:
    """The stories these claims belong to, in id order."""
    stories: set[int] = set()
    for chunk in chunks(sorted(set(claim_ids))):
        stories |= {row[0] for row in select(
            "SELECT DISTINCT a.story_id FROM claim c JOIN article a ON a.id = c.article_id "
            f"WHERE c.id IN ({marks(chunk)})", chunk)}  # fmt: skip
    return sorted(stories)
