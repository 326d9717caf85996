"""Which stored claims say the same thing as claims of other stories.

The content words of every claim are stored (``claim_word``). When claims are stored,
each is looked up by its rarest words among the claims of other stories, and the pairs
whose texts are alike (the similarity in the model settings) are stored as found
corroborations, one row per pair. Views, exports and roll-ups read those pairs rather than
searching the archive again, so their cost follows the claims they show, not the archive.
Whether a found pair counts (another outlet, not a copy, not citing the first report) is
decided when the claims are graded, since people may change sources and types later.
"""

from collections import Counter
from collections.abc import Callable, Iterable

from sourcemark.scoring.rollup import (
    Settings,
    alike_pairs,
    content_words,
    key_words,
    share_words,
    similarity,
)
from sourcemark.store.models import (
    ClaimWord,
    Corroboration,
    Meta,
    database_proxy,
    driver_errors,
    writing,
)
from sourcemark.store.sql import chunks, marks, select

MAX_POSTING = 1000  # a word in more claims than this says nothing about sameness
MOST_PAIRS = 25  # pairs a claim finds in other stories, at most: its most alike are kept
FLOOR_KEY = "corroboration_floor"  # the similarity the stored pairs were found with


def floor() -> float:
    """The similarity from which pairs are stored: the model's default until the archive is
    searched again with a lower one."""
    row = Meta.get_or_none(Meta.key == FLOOR_KEY)
    return float(row.value) if row is not None else Settings().similarity


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


def _candidates(keys: list[str], postings: dict[str, list[int]], me: int) -> list[int]:
    """The claims sharing two or more of these key words."""
    counts: Counter = Counter()
    for word in keys:
        counts.update(postings.get(word, ()))
    return [other for other, n in counts.items() if n >= 2 and other != me]


def index_claims(claim_ids: Iterable[int]) -> int:
    """Index new (or re-written) claims and store the claims of other stories they are alike
    with; returns the number of pairs found. Run inside the transaction that stored them."""
    claims = _claims(sorted(set(claim_ids)))
    if not claims:
        return 0
    from sourcemark.store.repo import mark_stale, stories_touched

    mark_stale(stories_touched([claim_id for claim_id, _s, _t in claims]))  # links they lose
    forget_claims([claim_id for claim_id, _s, _t in claims])
    words = {claim_id: content_words(text) for claim_id, _story, text in claims}
    ids = [claim_id for claim_id, _s, _t in claims]
    _insert_words([(w, c) for c, ws in words.items() for w in ws])
    frequency = _frequencies(sorted({w for ws in words.values() for w in ws}))
    keys = {c: key_words(ws, frequency, MAX_POSTING) for c, ws in words.items()}
    postings = _postings(sorted({w for ks in keys.values() for w in ks}))
    wanted = {c: _candidates(keys[c], postings, c) for c in words}
    others = {row[0]: row for row in _claims(sorted({o for os in wanted.values() for o in os}))}
    threshold = floor()
    pairs = {}
    other_words = {row[0]: content_words(row[2]) for row in others.values()}
    for claim_id, story_id, text in claims:
        for other in wanted[claim_id]:
            _o, other_story, other_text = others.get(other, (None, story_id, ""))
            if other_story != story_id and share_words(words[claim_id], other_words[other]):
                score = similarity(text, other_text)
                if score >= threshold:
                    pairs[min(claim_id, other), max(claim_id, other)] = score
    pairs = most_alike(pairs, set(ids))
    pairs.update(_within_stories({story for _c, story, _t in claims}, set(ids), threshold))
    _store_pairs(pairs, ids)
    mark_stale(stories_touched(ids))  # and the links they gain
    return len(pairs)


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


def index_articles(article_ids: Iterable[int]) -> int:
    """index_claims() for every claim of these articles."""
    ids = sorted(set(article_ids))
    claim_ids = []
    for chunk in chunks(ids):
        claim_ids += [row[0] for row in select(
            f"SELECT id FROM claim WHERE article_id IN ({marks(chunk)})", chunk)]  # fmt: skip
    return index_claims(claim_ids)


def _store_pairs(pairs: dict[tuple[int, int], float], claim_ids: list[int] | None) -> None:
    """Found pairs of these claims (None: of all): new rows, or the model's verdict added to
    a link a person decided."""
    if not pairs:
        return
    from sourcemark.store.repo import insert_rows

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
    insert_rows(
        Corroboration,
        [{"claim": a, "other": b, "similarity": score, "status": "found", "found": True}
         for (a, b), score in pairs.items() if (a, b) not in existing],
    )  # fmt: skip


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
    from sourcemark.store.repo import load_settings

    threshold = load_settings().similarity if threshold is None else threshold
    with writing():
        ClaimWord.delete().execute()
        Corroboration.delete().where(Corroboration.status == "found").execute()
        Corroboration.update(found=False, similarity=0).execute()
        ids, stories, texts = [], [], []
        intern: dict[str, str] = {}
        words: list[frozenset[str]] = []
        frequency: Counter = Counter()
        query = "SELECT c.id, a.story_id, c.text FROM claim c JOIN article a ON a.id = c.article_id"
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
        for position, mine in enumerate(words):
            for word in mine:
                if frequency[word] <= MAX_POSTING:
                    postings.setdefault(word, []).append(position)
        pairs: dict[tuple[int, int], float] = {}
        for position, mine in enumerate(words):
            for other in _candidates(key_words(mine, frequency, MAX_POSTING), postings, position):
                if stories[other] != stories[position] and share_words(mine, words[other]):
                    a, b = sorted((ids[position], ids[other]))
                    if (a, b) not in pairs:
                        score = similarity(texts[position], texts[other])
                        if score >= threshold:
                            pairs[a, b] = score
            if progress and position % 10_000 == 0:
                progress(position, len(words))
        pairs = most_alike(pairs)
        by_story: dict[int, list[int]] = {}
        for position, story_id in enumerate(stories):
            by_story.setdefault(story_id, []).append(position)
        for positions in by_story.values():
            for x, y, score in alike_pairs([texts[p] for p in positions], threshold):
                a, b = sorted((ids[positions[x]], ids[positions[y]]))
                pairs[a, b] = score
        _store_pairs(pairs, None)
        _set_floor(threshold)
        from sourcemark.store.repo import mark_stale

        mark_stale()
    return len(pairs)
