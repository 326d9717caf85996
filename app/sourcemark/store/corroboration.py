"""Which stored claims say the same thing as claims of other stories.

The content words of every claim are stored (``claim_word``). When claims are stored,
each is looked up by its rarest words among the claims of other stories: the claims sharing
the most rarity with it (the summed IDF of the words they share) are compared, a fixed
number of them, so that storing a claim costs the same in an archive of any size, and the
pairs whose texts are alike (the similarity in the model settings) are stored as found
corroborations, one row per pair. Views, exports and roll-ups read those pairs rather than
searching the archive again, so their cost follows the claims they show, not the archive.
Whether a found pair counts (another outlet, not a copy, not citing the first report) is
decided when the claims are graded, since people may change sources and types later.

An import stores its articles first and finds their pairs after, a batch of articles at a
time (index_pending): the articles are shown and graded at once, and a batch's look-ups
cost less than each article's alone. Which articles wait is stored with them
(``unindexed_article``), so an import cut short by a crash is finished by the next.
"""

import heapq
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peewee import PostgresqlDatabase

from sourcemark.scoring.rollup import (
    Settings,
    alike_pairs,
    content_words,
    share_words,
    similarity,
)
from sourcemark.store.live import live_article
from sourcemark.store.models import (
    ClaimWord,
    Corroboration,
    Meta,
    UnindexedArticle,
    database_proxy,
    driver_errors,
    utcnow,
    writing,
)
from sourcemark.store.settings import load_settings
from sourcemark.store.sql import chunks, marks, select
from sourcemark.store.stale import mark_stale, stories_touched

MAX_POSTING = 1000  # a word in more claims than this says nothing about sameness
MOST_PAIRS = 25  # pairs a claim finds in other stories, at most: its most alike are kept
FLOOR_KEY = "corroboration_floor"  # the similarity the stored pairs were found with
# The look-up of a claim, bounded whatever the archive holds: a story told by many outlets
# (or text from a template) would otherwise have every new claim compared with every copy.
LOOKUP_WORDS = 5  # a claim is looked up by its rarest words, at most this many
RECENT = 100  # claims read for each of those words, the last stored: a word's rarity is
# counted up to this many, and a word in more claims weighs little
CANDIDATES = 30  # claims compared with each claim, at most: those sharing the most rarity
PENDING_BATCH = 25  # articles whose pairs are found in one transaction after an import


@dataclass
class Searches:
    """Running totals of the look-ups made, for tests and benchmarks (reset() to start
    again): claims looked up, comparisons made, and the most for any one claim."""

    claims: int = 0
    compared: int = 0
    most_compared: int = 0

    def count(self, compared: int) -> None:
        self.claims += 1
        self.compared += compared
        self.most_compared = max(self.most_compared, compared)

    def reset(self) -> None:
        self.claims = self.compared = self.most_compared = 0


searches = Searches()


def floor() -> float:
    """The similarity from which pairs are stored: the model's default until the archive is
    searched again with a lower one."""
    rows = select("SELECT value FROM sourcemark_meta WHERE {p} = key", [FLOOR_KEY])
    return float(rows[0][0]) if rows else Settings().similarity


def _set_floor(value: float) -> None:
    Meta.insert(key=FLOOR_KEY, value=str(value)).on_conflict(
        conflict_target=[Meta.key], update={Meta.value: str(value)}
    ).execute()


def _claims(ids: list[int]) -> list[tuple[int, int, str]]:
    """(claim id, story id, text) of these claims."""
    rows = []
    for chunk in chunks(ids):
        rows += select(
            "SELECT c.id, a.story_id, c.text FROM claim c JOIN article a ON a.id = c.article_id "
            f"WHERE c.id IN ({marks(chunk)})",
            chunk,
        )
    return rows


def _insert_words(rows: list[tuple[str, int]]) -> None:
    """(word, claim id) rows, with one prepared statement."""
    if rows:
        database = database_proxy.obj
        with driver_errors:
            database.cursor().executemany(
                f"INSERT INTO claim_word (word, claim_id) VALUES ({database.param}, "
                f"{database.param})",
                rows,
            )


def _frequencies(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for chunk in chunks(words):
        counts.update(
            select(
                f"SELECT word, COUNT(*) FROM claim_word WHERE word IN ({marks(chunk)}) "
                "GROUP BY word",
                chunk,
            )
        )
    return counts


def _postings(words: list[str]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = {}
    for chunk in chunks(words):
        query = f"SELECT word, claim_id FROM claim_word WHERE word IN ({marks(chunk)})"
        for word, claim_id in select(query, chunk):
            postings.setdefault(word, []).append(claim_id)
    return postings


def sharing_words(text: str, claim_id: int | None = None, most: int = 400) -> list[int]:
    """The stored claims (not ``claim_id``) sharing the most of this text's less common
    content words, at most ``most`` of them, those sharing more first."""
    words = sorted(content_words(text))
    frequency = _frequencies(words)
    postings = _postings([w for w in words if 0 < frequency.get(w, 0) <= MAX_POSTING])
    shared: Counter = Counter()
    for ids in postings.values():
        shared.update(ids)
    shared.pop(claim_id, None)
    return [other for other, _n in shared.most_common(most)]


def _recent_postings(words: list[str]) -> dict[str, list[int]]:
    """For each word, the RECENT claims having it that were stored last (so also how many
    have it, counted up to RECENT): one index range read per word, however many claims
    have it, each word's claims returned as one list."""
    if isinstance(database_proxy.obj, PostgresqlDatabase):
        listed = "string_agg(claim_id::text, ',')"
    else:
        listed = "group_concat(claim_id)"
    postings: dict[str, list[int]] = {}
    for chunk in chunks(words, 100):
        reads = [f"SELECT {k}, {listed} FROM (SELECT claim_id FROM claim_word WHERE word = "
                 f"{{p}} ORDER BY claim_id DESC LIMIT {RECENT}) AS r{k}"
                 for k in range(len(chunk))]  # fmt: skip
        for k, ids in select(" UNION ALL ".join(reads), chunk):
            if ids:
                postings[chunk[k]] = list(map(int, ids.split(",")))
    return postings


def _rarity(frequency: int) -> float:
    """A shared word's weight: its inverse document frequency, counted up to RECENT claims
    (a word in more weighs least, but still something: copies of a text repeated in many
    stories have nothing rarer to be found by)."""
    return math.log(2 * RECENT / min(frequency, RECENT))


def _lookup(words: Iterable[str], frequency: dict[str, int]) -> list[tuple[str, float]]:
    """A claim's rarest words that other claims have too (``frequency`` counts the claim
    itself), at most LOOKUP_WORDS, with their rarity."""
    shared = sorted((frequency[w], w) for w in words if frequency.get(w, 0) > 1)
    return [(word, _rarity(n)) for n, word in shared[:LOOKUP_WORDS]]


def _best(lookup: list[tuple[list[int], float]], skip: set[int]) -> list[int]:
    """The CANDIDATES claims (not in ``skip``) that share the most rarity with a claim, from
    the claims having each of its look-up words (with that word's rarity); of equal rarity,
    the last stored. Claims saying the same thing share the rarest words, so they come
    first, and the comparisons a claim makes stay bounded whatever the archive holds.
    A candidate shares two of the words, or one of which every claim was read (the other
    words it shares may be too common for it to be among the claims read for them)."""
    rarity: dict[int, float] = {}
    shared: Counter = Counter()
    rare: set[int] = set()
    for ids, weight in lookup:
        shared.update(ids)
        if len(ids) < RECENT:
            rare.update(ids)
        get = rarity.get
        for other in ids:
            rarity[other] = get(other, 0.0) + weight
    found = [
        (r, other)
        for other, r in rarity.items()
        if (shared[other] >= 2 or other in rare) and other not in skip
    ]
    return [other for _r, other in heapq.nlargest(CANDIDATES, found)]


def _alike(text: str, others: list[tuple[int, str]], threshold: float) -> list:
    """(other, similarity) for those of the ``others`` (id, text) alike with this text;
    copies of one text (wire copy, a template) are compared once."""
    scores: dict[str, float] = {}
    found = []
    for other, other_text in others:
        score = scores.get(other_text)
        if score is None:
            score = scores[other_text] = similarity(text, other_text)
        if score >= threshold:
            found.append((other, score))
    return found


def index_claims(claim_ids: Iterable[int]) -> int:
    """Index new (or re-written) claims and store the claims of other stories they are alike
    with; returns the number of pairs found. Run inside the transaction that stored them."""
    claims = _claims(sorted(set(claim_ids)))
    if not claims:
        return 0
    ids = [claim_id for claim_id, _s, _t in claims]
    rewritten = _indexed(ids)
    if rewritten:
        mark_stale(stories_touched(ids))  # the links they lose
        forget_claims(ids)
    words = {claim_id: content_words(text) for claim_id, _story, text in claims}
    _insert_words([(w, c) for c, ws in words.items() for w in ws])
    postings = _recent_postings(sorted({w for ws in words.values() for w in ws}))
    frequency = {word: len(having) for word, having in postings.items()}
    lookups = {c: _lookup(ws, frequency) for c, ws in words.items()}
    of_story: dict[int, set[int]] = {}  # the new claims of each story: paired further down
    for claim_id, story_id, _text in claims:
        of_story.setdefault(story_id, set()).add(claim_id)
    wanted = {
        c: _best([(postings[w], rarity) for w, rarity in lookups[c]], of_story[story])
        for c, story, _text in claims
    }
    others = {row[0]: row for row in _claims(sorted({o for os in wanted.values() for o in os}))}
    other_words: dict[str, set[str]] = {}  # by text: copies of a text share them
    for _o, _story, text in others.values():
        if text not in other_words:
            other_words[text] = content_words(text)
    threshold = floor()
    pairs = {}
    for claim_id, story_id, text in claims:
        searches.count(len(wanted[claim_id]))
        worth = []
        for other in wanted[claim_id]:
            _o, other_story, other_text = others.get(other, (None, story_id, ""))
            if other_story != story_id and share_words(words[claim_id], other_words[other_text]):
                worth.append((other, other_text))
        for other, score in _alike(text, worth, threshold):
            pairs[min(claim_id, other), max(claim_id, other)] = score
    pairs = most_alike(pairs, set(ids))
    pairs.update(_within_stories(set(of_story), set(ids), threshold))
    if rewritten:
        _store_pairs(pairs, ids)
        mark_stale(stories_touched(ids))  # and the links they gain
    else:  # nothing was stored of them: their stories and those they were found in change
        _insert_pairs(pairs)
        linked = {others[c][1] for pair in pairs for c in pair if c in others}
        mark_stale(set(of_story) | linked)
    return len(pairs)


def _indexed(claim_ids: list[int]) -> bool:
    """Whether any of these claims has words or links stored (it is being re-written)."""
    for chunk in chunks(claim_ids):
        listed = marks(chunk)
        if select(f"SELECT 1 FROM claim_word WHERE claim_id IN ({listed}) UNION ALL "
                  f"SELECT 1 FROM corroboration WHERE claim_id IN ({listed}) OR other_id IN "
                  f"({listed}) LIMIT 1", chunk * 3):  # fmt: skip
            return True
    return False


def most_alike(
    pairs: dict[tuple[int, int], float], finders: set[int] | None = None
) -> dict[tuple[int, int], float]:
    """The pairs among the MOST_PAIRS most alike of one of their claims that found them (of
    ``finders``; None: either). Without a bound, text repeated from a template in many
    stories would link each copy to every other: pairs in the square of their number, where
    the grades need two corroborations and the views a readable list of outlets."""
    by_claim: dict[int, list[tuple[float, int, tuple[int, int]]]] = {}
    for pair, score in pairs.items():
        for mine, theirs in (pair, pair[::-1]):
            if finders is None or mine in finders:
                by_claim.setdefault(mine, []).append((-score, theirs, pair))
    kept = set()
    for found in by_claim.values():
        if len(found) > MOST_PAIRS:
            found.sort()
        kept.update(pair for _score, _other, pair in found[:MOST_PAIRS])
    return {pair: pairs[pair] for pair in pairs if pair in kept}


def _within_stories(story_ids: set[int], new: set[int], threshold: float) -> dict:
    """Pairs of claims of the same story that say the same thing, one of them new."""
    pairs = {}
    for story_id in sorted(story_ids):
        rows = select(
            "SELECT c.id, c.text FROM claim c JOIN article a ON a.id = c.article_id "
            "WHERE a.story_id = {p} ORDER BY c.id",
            [story_id],
        )
        for x, y, score in alike_pairs([text for _id, text in rows], threshold):
            a, b = rows[x][0], rows[y][0]
            if a in new or b in new:
                pairs[a, b] = score
    return pairs


def claims_of_articles(article_ids: Iterable[int]) -> list[int]:
    """The ids of every claim of these articles."""
    claim_ids = []
    for chunk in chunks(sorted(set(article_ids))):
        claim_ids += [row[0] for row in select(
            f"SELECT id FROM claim WHERE article_id IN ({marks(chunk)})", chunk)]  # fmt: skip
    return claim_ids


def index_articles(article_ids: Iterable[int]) -> int:
    """index_claims() for every claim of these articles."""
    return index_claims(claims_of_articles(article_ids))


def defer_articles(article_ids: Iterable[int]) -> None:
    """Leave these just stored articles' pairs to be found by index_pending() (in the
    transaction that stored them)."""
    rows = [{"article": article_id} for article_id in sorted(set(article_ids))]
    if rows:
        UnindexedArticle.insert_many(rows).on_conflict_ignore().execute()


def pending_articles() -> int:
    """How many stored articles wait for their pairs to be found."""
    return select("SELECT COUNT(*) FROM unindexed_article")[0][0]


@dataclass
class PendingResult:
    articles: int = 0  # articles whose pairs were found
    pairs: int = 0  # pairs found for them
    left: int = 0  # articles still waiting (the pass was cancelled)


def index_pending(
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = PENDING_BATCH,
) -> PendingResult:
    """Find the pairs of every article waiting for them, in the order they were stored,
    ``batch`` articles to a transaction; ``progress(done, total)`` after each. A cancel
    stops between batches: the rest waits for the next pass. An article in the Trash is
    not indexed (restoring it indexes it)."""
    result = PendingResult()
    total = pending_articles()
    while total:
        if cancelled is not None and cancelled():
            result.left = pending_articles()
            break
        with writing():
            query = f"SELECT article_id FROM unindexed_article ORDER BY article_id LIMIT {batch}"
            if isinstance(database_proxy.obj, PostgresqlDatabase):  # two imports at once: each
                query += " FOR UPDATE SKIP LOCKED"  # takes its own (SQLite runs them in turn)
            ids = [row[0] for row in select(query)]
            if not ids:
                break
            live = [row[0] for row in select(
                f"SELECT a.id FROM article a WHERE a.id IN ({marks(ids)}) AND {live_article()}",
                ids)]  # fmt: skip
            result.pairs += index_articles(live)
            UnindexedArticle.delete().where(UnindexedArticle.article.in_(ids)).execute()
        result.articles += len(ids)
        if progress is not None:
            progress(min(result.articles, total), total)
    return result


def _store_pairs(pairs: dict[tuple[int, int], float], claim_ids: list[int] | None) -> None:
    """Found pairs of these claims (None: of all): new rows, or the model's verdict added to
    a link a person decided."""
    if not pairs:
        return
    query = "SELECT claim_id, other_id FROM corroboration"
    if claim_ids is None:
        existing = set(select(query))
    else:
        existing = set()
        for chunk in chunks(claim_ids):
            listed = marks(chunk)
            existing |= set(select(f"{query} WHERE claim_id IN ({listed}) OR other_id IN "
                                   f"({listed})", chunk + chunk))  # fmt: skip
    for a, b in existing & pairs.keys():
        Corroboration.update(found=True, similarity=pairs[a, b]).where(
            (Corroboration.claim == a) & (Corroboration.other == b)
        ).execute()
    _insert_pairs({pair: score for pair, score in pairs.items() if pair not in existing})


def _insert_pairs(pairs: dict[tuple[int, int], float]) -> None:
    """New rows for found pairs, with one prepared statement: an article of a story told by
    many outlets brings hundreds, too many to build one by one."""
    if not pairs:
        return
    fields = [f for f in Corroboration._meta.sorted_fields if f.name != "id"]
    given = {"status": "found", "found": True, "created": utcnow()}
    row = {}  # every column but the pair's own three, as the model writes it
    for field in fields:
        default = field.default() if callable(field.default) else field.default
        row[field.name] = field.db_value(given.get(field.name, default))
    names = [field.name for field in fields]
    first, second, score_at = names.index("claim"), names.index("other"), names.index("similarity")
    rows = []
    for (a, b), score in pairs.items():
        values = list(row.values())
        values[first], values[second], values[score_at] = a, b, score
        rows.append(values)
    columns = ", ".join(field.column_name for field in fields)
    with driver_errors:
        database_proxy.obj.cursor().executemany(
            f"INSERT INTO corroboration ({columns}) VALUES ({marks(fields)})", rows
        )


def forget_claims(claim_ids: Iterable[int]) -> None:
    """Drop what the model found for claims about to be re-written (their words and found
    pairs); the links people decided stay."""
    ids = sorted(set(claim_ids))
    for chunk in chunks(ids):
        ClaimWord.delete().where(ClaimWord.claim.in_(chunk)).execute()
        touching = Corroboration.claim.in_(chunk) | Corroboration.other.in_(chunk)
        Corroboration.delete().where(touching & (Corroboration.status == "found")).execute()
        Corroboration.update(found=False, similarity=0).where(touching).execute()


def rebuild_index(
    threshold: float | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Index every claim again and find every pair anew, from ``threshold`` (default: the
    model setting): after the similarity setting was lowered, or to build an archive in
    bulk. Returns the number of pairs found."""
    threshold = load_settings().similarity if threshold is None else threshold
    with writing():
        ClaimWord.delete().execute()
        Corroboration.delete().where(Corroboration.status == "found").execute()
        Corroboration.update(found=False, similarity=0).execute()
        ids, stories, texts = [], [], []
        intern: dict[str, str] = {}
        words: list[frozenset[str]] = []
        frequency: Counter = Counter()
        query = (
            "SELECT c.id, a.story_id, c.text FROM claim c JOIN article a ON a.id = c.article_id "
            f"WHERE {live_article()} "  # the Trash is not indexed: it corroborates nothing
            "ORDER BY c.id"  # in the order they were stored: each looks up those before it
        )
        batch: list[tuple[str, int]] = []
        for claim_id, story_id, text in database_proxy.obj.execute_sql(query):
            mine = frozenset(intern.setdefault(w, w) for w in content_words(text))
            ids.append(claim_id)
            stories.append(story_id)
            texts.append(text)
            words.append(mine)
            frequency.update(mine)
            batch += ((w, claim_id) for w in mine)
            if len(batch) >= 20_000:
                _insert_words(batch)
                batch = []
        _insert_words(batch)
        postings: dict[str, list[int]] = {}
        by_story: dict[int, list[int]] = {}
        for position, mine in enumerate(words):
            for word in mine:
                postings.setdefault(word, []).append(position)
            by_story.setdefault(stories[position], []).append(position)
        of_story = {story_id: set(positions) for story_id, positions in by_story.items()}
        pairs: dict[tuple[int, int], float] = {}
        for position, mine in enumerate(words):
            # as when the claims were stored one by one: the most recent claims before it
            lookup = []
            for word, rarity in _lookup(mine, frequency):
                having = postings[word]
                end = bisect_left(having, position)
                lookup.append((having[max(0, end - RECENT) : end], rarity))
            wanted = _best(lookup, of_story[stories[position]])
            searches.count(len(wanted))
            worth = [(o, texts[o]) for o in wanted if share_words(mine, words[o])]
            for other, score in _alike(texts[position], worth, threshold):
                pairs[ids[other], ids[position]] = score
            if progress and position % 10_000 == 0:
                progress(position, len(words))
        pairs = most_alike(pairs)
        for positions in by_story.values():
            for x, y, score in alike_pairs([texts[p] for p in positions], threshold):
                a, b = sorted((ids[positions[x]], ids[positions[y]]))
                pairs[a, b] = score
        _store_pairs(pairs, None)
        _set_floor(threshold)
        mark_stale()
    return len(pairs)
