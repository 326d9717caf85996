"""A story's claims -> each claim's code and flags, and the story's 0-100 score with its five
components, caps and one plain sentence each (``credibility-model.md``).

Pure Python over plain claim records, so that the window, the exports and
``sourcemark analyze`` compute the same figures. It scores sourcing
transparency, not truth.
"""

import heapq
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from sourcemark.analysis.types import ANONYMOUS_TYPES, SourcingType
from sourcemark.scoring.codes import DEFAULT_LETTERS, claim_digit
from sourcemark.scoring.explain import COMPONENT_NAMES, NOT_APPLYING, STANDARDS, code_meaning
from sourcemark.scoring.origins import (
    Origins,
    find_origins,
    outlet_words,
    same_side,
    source_key,
)

T = SourcingType
ON_RECORD = {T.NAMED_OFFICIAL, T.NAMED_PERSON, T.SPOKESPERSON, T.DOCUMENT}
ANONYMOUS = ANONYMOUS_TYPES
DIGIT_VALUE = {1: 100, 2: 75, 3: 50, 4: 25, 5: 0}  # MISP's mapping; 6 is left out
# the revision of the rules: a roll-up stored under another is computed again (store.db).
# 2: right of reply does not apply (no weight) unless the headline accuses someone; an
# anonymous headline makes the story's digit no better than 3 (it made it no worse)
# 3: a denial or a refusal to comment corroborates no assertion
# 4: the digit counts independent origins (scoring.origins), not corroborating claims
RULES = 4


@dataclass(slots=True)
class Settings:
    """The model's settings: every weight and threshold a user may change."""

    weights: dict[str, float] = field(
        default_factory=lambda: {
            "on_record": 30,
            "anonymous_reliance": 25,
            "corroboration": 25,
            "right_of_reply": 10,
            "source_diversity": 10,
        }
    )
    letters: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LETTERS))
    similarity: float = 80  # rapidfuzz token-set ratio for "the same content"
    diverse_sources: int = 5  # distinct sources for a full diversity score
    anonymous_premise_cap: int = 60

    def as_dict(self) -> dict:
        return {
            "weights": dict(self.weights),
            "letters": {str(k): v for k, v in self.letters.items()},
            "similarity": self.similarity,
            "diverse_sources": self.diverse_sources,
            "anonymous_premise_cap": self.anonymous_premise_cap,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Settings":
        """Settings saved by as_dict(); what is missing or unknown takes the default."""
        settings = cls()
        for name, weight in (data.get("weights") or {}).items():
            if name in settings.weights:
                settings.weights[name] = float(weight)
        for type_, letter in (data.get("letters") or {}).items():
            if type_ in settings.letters and letter in ("A", "B", "C", "D", "E", "F"):
                settings.letters[type_] = letter
        for name in ("similarity", "diverse_sources", "anonymous_premise_cap"):
            if name in data:
                setattr(settings, name, type(getattr(settings, name))(data[name]))
        return settings


@dataclass(slots=True)
class ClaimInput:
    """What the roll-up needs of a claim."""

    text: str
    type: str
    stance: str = "asserts"
    source: str | None = None
    source_resolved: str | None = None
    premise: bool = False
    outlet: str | None = None  # the outlet of the article that carries it
    cites_outlet: str | None = None  # for a media report: the outlet it rests on
    source_letter: str | None = None  # a grade set on its source in the registry
    outlet_letter: str | None = None
    user_digit: int | None = None
    corroborated_by: int = 0  # independent origins known only by their number
    id: int | None = None  # the stored claim, for the links a person confirmed or rejected
    published: object = None  # its article's date (a date or ISO text), for the earliest
    origin_of: int | None = None  # a person's decision: the claim whose origin it joins
    # (its own id: an origin of its own); None: the rules of scoring.origins decide
    # claims of other stories saying the same thing on the same side (corroborate_across)
    elsewhere: list["ClaimInput"] = field(default_factory=list)
    seen: tuple | None = None  # scoring.origins' view of it, once computed


# why a claim carries each flag, one line each
REASONS = {
    "contested": "a denial in the story answers it",
    "interested party": "the organisation speaking for itself",
    "anonymous": "the source is not named, so its reliability cannot be judged",
    "single source": "no independent source says the same",
}


@dataclass(slots=True)
class ClaimGrade:
    code: str
    digit: int
    flags: list[str]
    reasons: dict[str, str]  # flag -> one line
    also_reported_by: list[str] = field(default_factory=list)  # outlets of other stories
    origins: Origins | None = None  # the claim's independent origins, its own first


# Claims of one story are compared only where they share words that tell them apart, so that
# a story's cost grows with its claims, not with their square (a 480 KB text of 12,928 lines
# took minutes and gigabytes compared pair by pair). A story of up to MOST_COMPARED claims,
# none with more than MOST_ALIKE alike, gets exactly the pairs a comparison of every pair gets.
COMMON_WITHIN = 300  # a word in more of the claims than this is not looked up
MOST_COMPARED = 100  # later claims a claim is compared with, at most: those sharing most words
MOST_ALIKE = 25  # pairs kept for a claim, at most: its most alike (two corroborations count)


def alike_pairs(texts: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """The pairs of these texts (indices, the lower first, in order) that say the same
    thing, with their similarity(). Each text is compared with the later texts sharing two
    or more of its content words that are in no more than COMMON_WITHIN texts (an index from
    word to texts), at most MOST_COMPARED of them (those sharing most), and only where the
    words overlap enough (share_words); each text keeps its MOST_ALIKE most alike pairs."""
    words = [content_words(text) for text in texts]
    having: dict[str, list[int]] = {}  # word -> the texts having it, in order
    for index, mine in enumerate(words):
        for word in mine:
            having.setdefault(word, []).append(index)
    telling = {word: ids for word, ids in having.items() if 1 < len(ids) <= COMMON_WITHIN}
    pairs = []
    for x, mine in enumerate(words):
        shared: Counter = Counter()
        for word in mine:
            ids = telling.get(word)
            if ids:
                shared.update(ids[bisect_right(ids, x) :])  # the later texts only
        later = [y for y, n in shared.items() if n >= 2]
        if len(later) > MOST_COMPARED:
            later = heapq.nsmallest(MOST_COMPARED, later, key=lambda y: (-shared[y], y))
        for y in sorted(later):
            if share_words(mine, words[y]):
                score = similarity(texts[x], texts[y])
                if score >= threshold:
                    pairs.append((x, y, score))
    return _most_alike(pairs)


def _most_alike(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The pairs among the MOST_ALIKE most alike of either of their texts (the rest could
    only add corroborations past the two that count), in the order given."""
    of: dict[int, list[tuple[float, int]]] = {}
    for number, (x, y, score) in enumerate(pairs):
        of.setdefault(x, []).append((-score, number))
        of.setdefault(y, []).append((-score, number))
    if all(len(found) <= MOST_ALIKE for found in of.values()):
        return pairs
    kept = {number for found in of.values() for _s, number in heapq.nsmallest(MOST_ALIKE, found)}
    return [pair for number, pair in enumerate(pairs) if number in kept]


def _alike_within(claims: list[ClaimInput], threshold: float) -> dict[int, list[int]]:
    """Which claims of one story (not unattributed) say the same as which: index -> the
    indices of the others."""
    compared = [i for i, c in enumerate(claims) if c.type != T.UNATTRIBUTED]
    alike: dict[int, list[int]] = {}
    for x, y, _score in alike_pairs([claims[i].text for i in compared], threshold):
        alike.setdefault(compared[x], []).append(compared[y])
        alike.setdefault(compared[y], []).append(compared[x])
    return alike


def grade_claims(
    claims: list[ClaimInput],
    settings: Settings | None = None,
    alike: dict[int, list[int]] | None = None,
) -> list[ClaimGrade]:
    """Each claim's code and flags, corroboration looked for among the claims given (or
    taken from ``alike``: which of them say the same, by index, as stored)."""
    settings = settings or Settings()
    if alike is None:
        alike = _alike_within(claims, settings.similarity)
    contested = _contested(claims)
    letters = settings.letters
    grades = []
    for index, claim in enumerate(claims):
        type_ = claim.type
        if index in alike or claim.elsewhere:
            origins = origins_of(claim, [claims[other] for other in alike.get(index, ())])
        else:  # nothing else says it (most claims): an origin alone
            origins = Origins([claim])
        corroborations = origins.others + claim.corroborated_by
        digit = claim_digit(type_, corroborations, claim.user_digit)
        letter = (
            claim.source_letter
            or (claim.outlet_letter if type_ == _MEDIA_REPORT else None)
            or letters.get(type_, "F")
        )
        flags, reasons = _flags(index in contested, type_, digit)
        grades.append(ClaimGrade(f"{letter}{digit}", digit, list(flags), dict(reasons),
                                 origins=origins))  # fmt: skip
    return grades


def origins_of(claim: ClaimInput, alike: list[ClaimInput]) -> Origins:
    """The origins of a claim among the claims of its story that say the same (``alike``,
    as alike_within() finds them: those with a source, on its side) and its claims of other
    stories (``claim.elsewhere``, as corroborate_across() leaves them)."""
    same = [other for other in alike if other.source and same_side(claim, other)]
    return find_origins(claim, same + claim.elsewhere if claim.elsewhere else same)


_MEDIA_REPORT, _UNATTRIBUTED = T.MEDIA_REPORT.value, T.UNATTRIBUTED.value  # plain str: faster


@lru_cache(maxsize=256)
def _flags(contested: bool, type_: str, digit: int) -> tuple[tuple[str, ...], dict[str, str]]:
    """A claim's flags and the reason for each (shared: the caller copies them)."""
    flags = []
    if contested:
        flags.append("contested")
    if type_ == T.SPOKESPERSON:
        flags.append("interested party")
    if type_ in ANONYMOUS:
        flags.append("anonymous")
    if type_ != T.UNATTRIBUTED and digit == 3:
        flags.append("single source")
    return tuple(flags), {flag: REASONS[flag] for flag in flags}


CONTESTED_IN_FULL = 250_000  # denial-claim comparisons made in full, at most (a quarter second)


def _contested(claims: list[ClaimInput]) -> set[int]:
    """The asserted claims a denial answers: those sharing content with a denial (one search
    per denial), and those carrying the headline (a denial in the story answers what the
    story is about). A long text (more than CONTESTED_IN_FULL comparisons) has each denial
    compared only with the claims sharing its telling words (_sharing)."""
    denials = [c.text for c in claims if c.stance == "denies"]
    if not denials:
        return set()
    asserted = [i for i, c in enumerate(claims) if c.stance == "asserts"]
    found = {i for i in asserted if claims[i].premise}
    texts = [claims[i].text for i in asserted]
    if len(denials) * len(texts) <= CONTESTED_IN_FULL:
        searched = [(denial, range(len(texts))) for denial in denials]
    else:
        searched = zip(denials, _sharing(denials, texts), strict=True)
    for denial, among in searched:
        for _text, _score, position in process.extract(
            denial, [texts[k] for k in among], scorer=fuzz.token_set_ratio, score_cutoff=60,
            limit=None,
        ):  # fmt: skip
            found.add(asserted[among[position]])
    return found


def _sharing(queries: list[str], texts: list[str]) -> list[list[int]]:
    """For each query, the texts (indices, in order) sharing the most of its content words
    that are in no more than COMMON_WITHIN texts, at most MOST_COMPARED of them."""
    having: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        for word in content_words(text):
            having.setdefault(word, []).append(index)
    found = []
    for query in queries:
        shared: Counter = Counter()
        for word in content_words(query):
            ids = having.get(word, ())
            if len(ids) <= COMMON_WITHIN:
                shared.update(ids)
        best = heapq.nsmallest(MOST_COMPARED, shared, key=lambda k: (-shared[k], k))
        found.append(sorted(best))
    return found


def _share(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def roll_up(
    claims: list[ClaimInput],
    title: str = "",
    outlet_letter: str | None = None,
    settings: Settings | None = None,
    alike: dict[int, list[int]] | None = None,
    grades: list[ClaimGrade] | None = None,
) -> dict:
    """The story's summary, in the shape ``sourcemark analyze --format json`` prints.
    ``grades``: the claims' grade_claims(), when the caller has them already."""
    settings = settings or Settings()
    if grades is None:
        grades = grade_claims(claims, settings, alike)
    n = on_record = anonymous = total_weight = anonymous_weight = 0
    any_premise, highest = False, 0
    digits, sources = [], set()
    for claim, grade in zip(claims, grades, strict=True):
        type_ = claim.type
        if type_ == _UNATTRIBUTED:
            continue
        n += 1
        weight = 2 if claim.premise else 1  # anonymous reliance: the premise counts double
        any_premise = any_premise or claim.premise
        total_weight += weight
        if type_ in ON_RECORD:
            on_record += 1
        elif type_ in ANONYMOUS:
            anonymous += 1
            anonymous_weight += weight
        if grade.digit in DIGIT_VALUE:
            digits.append(grade.digit)
        highest = max(highest, grade.digit)
        key = source_key(claim)
        if key:
            sources.add(key)
    reply = _right_of_reply(claims, title)
    components = {
        "on_record": {
            "score": round(_share(on_record, n)),
            "reason": f"{on_record} of {n} attributed claims are on the record "
            "(a named person, official, spokesperson or document)",
        },
        "anonymous_reliance": {
            "score": round(100 - _share(anonymous_weight, total_weight)) if n else 0,
            "reason": f"{anonymous} of {n} attributed claims rest only on anonymous sources"
            + (" (the headline's count double)" if any_premise else ""),
        },
        "corroboration": {
            "score": round(sum(DIGIT_VALUE[d] for d in digits) / len(digits)) if digits else 0,
            "reason": _corroboration_reason(digits),
        },
        "right_of_reply": {"score": reply[0], "reason": reply[1]},
        "source_diversity": {
            "score": round(min(100, _share(len(sources), settings.diverse_sources))),
            "reason": f"{len(sources)} distinct sources "
            f"({settings.diverse_sources} or more give the full score)",
        },
    }
    components = {name: _explained(name, c["score"], c["reason"], settings)
                  for name, c in components.items()}  # fmt: skip
    # the weighted mean of the components that apply: their points over the points they offer
    points = sum(c["points"] for c in components.values() if c["points"] is not None)
    out_of = sum(c["weight"] for c in components.values())
    score = 100 * points / out_of if out_of else 0
    premise = [(c, g) for c, g in zip(claims, grades, strict=True) if c.premise]
    caps = []
    premise_anonymous = bool(premise) and all(c.type in ANONYMOUS for c, _ in premise)
    worst = max((g.digit for _, g in premise), default=None)
    if premise_anonymous:
        cap = settings.anonymous_premise_cap
        caps.append(f"the headline rests only on anonymous sources: score at most {cap}, "
                    "digit no better than 3 (possibly true)")  # fmt: skip
        score = min(score, cap)
        # however corroborated, a headline resting on anonymous sources is not confirmed
        worst = max(worst, 3) if worst is not None else 3
    resting_on = "headline claims"
    if worst is None:
        worst = highest or 6  # no attributed claim: cannot be judged
        resting_on = "weakest attributed claim" if highest else "no attributed claim:"
    code = f"{outlet_letter or 'F'}{worst}"
    flags = sorted({flag for g in grades for flag in g.flags})
    if any("contested" in g.flags for _, g in premise):
        flags = sorted(set(flags) | {"premise contested"})
    return {
        "score": round(score),
        "code": code,
        "code_meaning": code_meaning(code, bool(outlet_letter), resting_on),
        "points": round(points, 2),
        "out_of": out_of,
        "components": components,
        "counts_by_type": dict(Counter(c.type for c in claims)),
        "counts_by_stance": dict(Counter(c.stance for c in claims)),
        "flags": flags,
        "caps": caps,
        "settings": settings.as_dict(),
        "claims": [_claim_fields(g) for g in grades],
    }


def _claim_fields(grade: ClaimGrade) -> dict:
    """A claim of roll_up()'s summary: its code, flags and origin_fields()."""
    origins = grade.origins
    if origins is None:
        return {"code": grade.code, "flags": grade.flags, **origin_fields(None)}
    return {
        "code": grade.code,
        "flags": grade.flags,
        "reported_by": origins.reported_by,
        "independent_origins": origins.independent,
        "origin_claim_id": origins.origin_claim.id,
    }


def origin_fields(origins: Origins | None) -> dict:
    """What a claim's grade says of its origins, as the JSON and the exports write it:
    outlets carrying it (its own included), independent origins (its own included), and
    the earliest claim of its own origin (None for a claim not stored)."""
    if origins is None:
        return {"reported_by": 1, "independent_origins": 1, "origin_claim_id": None}
    return {
        "reported_by": origins.reported_by,
        "independent_origins": origins.independent,
        "origin_claim_id": origins.origin_claim.id,
    }


def _explained(name: str, score: int | None, reason: str, settings: Settings) -> dict:
    """A component as the summary shows it: its name, its score (None: the rule does not
    apply), the weight that counts (none then), its points (weight x score / 100), why."""
    weight = settings.weights[name] if score is not None else 0
    return {
        "name": COMPONENT_NAMES[name],
        "score": score,
        "weight": weight,
        "points": round(weight * score / 100, 2) if score is not None else None,
        "reason": reason,
        "standard": STANDARDS[name],
    }


def _corroboration_reason(digits: list[int]) -> str:
    if not digits:
        return "no attributed claim to weigh"
    confirmed = sum(1 for d in digits if d == 1)
    probable = sum(1 for d in digits if d == 2)
    single = sum(1 for d in digits if d == 3)
    return (f"{confirmed + probable} of {len(digits)} attributed claims confirmed by an "
            f"independent origin ({confirmed} by two or more); {single} rest on their own "
            "origin alone")  # fmt: skip


_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_NOT_NAMES = frozenset(
    """a an the to of for in on at by and or but as is are was were be
with from that this these those its his her their over after before into new""".split()
)


# words that accuse someone of wrongdoing, in the headline or the claims that carry it
_ACCUSING = re.compile(
    r"\b(?:accus|alleg|charged|charges|indict|fraud|brib|corrupt|launder|smuggl|embezzl|"
    r"kickback|misconduct|wrongdoing|negligen|illegal|unlawful|violat|cover-?up|covered up|"
    r"conceal|hid\b|hidden|hide\b|hiding|lied|lying|misled|mislead|scandal|abuse|harass|sued|suing|"
    r"lawsuit|blame|fined|guilty|convicted|arrested)",
    re.IGNORECASE,
)
NOBODY_ACCUSED = f"{NOT_APPLYING}: nobody is accused"


def _right_of_reply(claims: list[ClaimInput], title: str) -> tuple[int | None, str]:
    """Whether the people or bodies the headline accuses answer in the story. The rule
    applies when someone the headline names is accused: its words or its claims' accuse,
    or they answer something in the story (a denial, a refusal to comment)."""
    words = [w for w in re.findall(r"[\w’'-]+", title) if w.lower() not in _NOT_NAMES]
    named = [m.group() for m in _NAME.finditer(" ".join(words))]
    accused = {part.lower() for name in named for part in name.split() if len(part) > 2}
    premise = [c.text for c in claims if c.premise]
    premise_words = {w.lower() for text in premise for w in re.findall(r"\w+", text)}
    accused = accused & premise_words or accused  # those the headline's claims are about
    if not accused:
        return None, NOBODY_ACCUSED
    answering = [
        c for c in claims
        if c.stance in {"denies", "declines"}
        and accused & set(re.findall(r"\w+", (c.source_resolved or c.source or "").lower()))
    ]  # fmt: skip
    if answering:
        who = answering[0].source_resolved or answering[0].source
        verb = "denies" if any(c.stance == "denies" for c in answering) else "declines to comment"
        return 100, f"the accused answer: {who} {verb}"
    if not any(_ACCUSING.search(text) for text in (title, *premise)):
        return None, NOBODY_ACCUSED
    return 0, "nobody the headline accuses has a recorded response"


_STOP = frozenset(
    """the and that with from this have has had were was will would could should
said says their there they them then than into over under about after before which while
been being also more most some such only other what when where whose """.split()
)
_WORD = re.compile(r"[a-z0-9]{4,}")
KEY_WORDS = 5  # a claim is looked up by its rarest content words, at most this many


def content_words(text: str) -> set[str]:
    """The words of a claim that can tell it from others (four letters or more, not the
    commonest function words)."""
    return {w[:40] for w in _WORD.findall(text.lower()) if w not in _STOP}


def key_words(words, frequency: dict[str, int], most: int) -> list[str]:
    """A claim's rarest content words that other claims have too (``frequency`` counts the
    claim itself), in no more than ``most`` claims: claims saying the same thing share them,
    whereas common words say nothing about sameness."""
    usable = [w for w in words if 1 < frequency.get(w, 0) <= most]
    return sorted(usable, key=lambda w: (frequency[w], w))[:KEY_WORDS]


def share_words(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Whether two claims' content words overlap enough to be worth comparing: two or more,
    and half of the shorter one's. Claims that say the same thing always do."""
    shared = len(a & b)
    return shared >= 2 and 2 * shared >= min(len(a), len(b))


def similarity(a: str, b: str) -> float:
    """How alike two claims' texts are (rapidfuzz's token-set ratio, 0-100), or 0 unless
    both have five words or more and comparable lengths: a short phrase inside a long
    sentence would otherwise match it fully."""
    na, nb = len(a.split()), len(b.split())
    if min(na, nb) < 5 or min(na, nb) < 0.5 * max(na, nb):
        return 0.0
    return fuzz.token_set_ratio(a, b)


@dataclass(slots=True)
class Link:
    """A claim of another story and what is known of its relation to one of ours: found by
    the model (with the similarity of their texts) and perhaps confirmed or rejected."""

    other: ClaimInput
    story_id: int | None
    similarity: float = 0.0
    status: str = "found"  # found, confirmed, rejected


def corroborate_across(
    claims: list[ClaimInput],
    links: dict[int, list[Link]],
    settings: Settings | None = None,
    story_id: int | None = None,
) -> list[list[str]]:
    """For each claim of a story, the outlets of other stories that carry the same content
    (its ``links``, by claim id); those claims become the claim's ``elsewhere``, among which
    grade_claims() finds its independent origins. A link a person confirmed counts whatever
    the similarity; one they rejected never does; a denial never says what an assertion
    says."""
    settings = settings or Settings()
    found: list[list[str]] = []
    for claim in claims:
        outlets: list[str] = []  # other outlets: "also reported by"
        own = outlet_words(claim.outlet)
        same: list[ClaimInput] = []
        for link in links.get(claim.id, ()) if claim.id is not None else ():
            if story_id is not None and link.story_id == story_id:
                continue  # the story's own claims: weighed by grade_claims()
            other = link.other
            if link.status == "confirmed":
                counts = True
            elif link.status == "rejected" or T.UNATTRIBUTED in (claim.type, other.type):
                counts = False
            else:
                counts = link.similarity >= settings.similarity and same_side(claim, other)
            if counts:
                same.append(other)
                name = other.outlet or "another story"
                if name not in outlets and outlet_words(name) != own:
                    outlets.append(name)
        claim.elsewhere = same
        found.append(outlets)
    return found
