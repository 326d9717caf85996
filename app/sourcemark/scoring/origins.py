"""Independent origins: which of the claims saying the same thing rest on one origin.

A claim carried by fourteen outlets may still rest on one newspaper's anonymous source,
copied by the wire and rewritten "according to" that newspaper (circular reporting). The
claims that say the same thing, on the same side, are partitioned into origins; claims are
tied to one origin when

- they are copies of one text: another outlet, the same source, the same words (a wire
  copy);
- one cites the other's outlet ("according to the Journal": a media report whose source
  is that outlet, or any claim whose source is named as that outlet is);
- they are the same named source speaking (a minister quoted by two outlets is one
  origin; an anonymous description is not a name: "officials" in two outlets are two);
- they are in the same outlet, unless both rest on named sources of different kinds
  (``credibility-model.md``: in one outlet, only a source of another kind that is not
  anonymous is independent);
- a person joined one to the other's origin. A person may also set a claim apart as an
  origin of its own; a claim with a person's decision is tied by nothing else.

A claim's information digit counts the origins other than its own, so a copy and its
original share one grade.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from sourcemark.analysis.types import ANONYMOUS_TYPES
from sourcemark.analysis.types import SourcingType as T

if TYPE_CHECKING:  # the scoring model's claims (rollup imports this module)
    from sourcemark.scoring.rollup import ClaimInput

COPY_RATIO = 95  # words alike (rapidfuzz ratio) from which two texts are one text copied
_NOT_NAMED = frozenset({*ANONYMOUS_TYPES, T.UNATTRIBUTED.value, T.MEDIA_REPORT.value})
_NOT_INDEPENDENT_IN_OUTLET = frozenset({*ANONYMOUS_TYPES, T.UNATTRIBUTED.value})

# how a claim hangs from its origin, as the claim pane and the report say it
ORIGIN = "origin"
COPY = "copy"  # the same text from the same source in another outlet
CITES = "cites"  # cites the outlet of a claim of the origin
SAME_SOURCE = "same source"  # the same named source in another outlet
SAME_OUTLET = "same outlet"
JOINED = "joined by a person"
HOW = {
    ORIGIN: "the earliest report",
    COPY: "a copy of the same text",
    CITES: "cites an outlet of this origin",
    SAME_SOURCE: "the same named source",
    SAME_OUTLET: "the same outlet",
    JOINED: "joined to this origin by a person",
}
OWN = "own"  # a person's decision: an origin of its own


@dataclass(slots=True)
class Member:
    claim: "ClaimInput"
    how: str  # ORIGIN for the first claim of its origin, else what tied it


@dataclass(slots=True)
class Origin:
    members: list[Member] = field(default_factory=list)  # the earliest first

    @property
    def first(self) -> "ClaimInput":
        return self.members[0].claim


class Origins:
    """The origins of a claim and of those saying the same: its own first. Kept as groups
    of positions and made into Origin objects only when asked (grading needs the counts)."""

    __slots__ = ("_claims", "_groups", "_how", "_origins", "reported_by")

    def __init__(
        self,
        claims: "list[ClaimInput]",
        groups: list[list[int]] | None = None,
        how: list[str] | None = None,
        reported_by: int = 1,
    ):
        self._claims = claims  # the claim first, then those saying the same
        self._groups = groups or [[0]]  # positions in claims: the claim's own group first
        self._how = how
        self._origins: list[Origin] | None = None
        self.reported_by = reported_by  # outlets carrying the claim, its own included

    @property
    def origins(self) -> list[Origin]:
        """Each origin with its claims, the earliest first; the claim's own origin first,
        then the others by their earliest claim."""
        if self._origins is None:
            claims, how = self._claims, self._how
            built = []
            for group in self._groups:
                group = sorted(group, key=lambda k: _earliest(claims[k]))
                members = [Member(claims[k], (how[k] if how else "") or SAME_OUTLET)
                           for k in group]  # fmt: skip
                members[0].how = ORIGIN
                built.append(Origin(members))
            self._origins = [built[0], *sorted(built[1:], key=lambda o: _earliest(o.first))]
        return self._origins

    @property
    def independent(self) -> int:
        """Origins, its own included."""
        return len(self._groups)

    @property
    def others(self) -> int:
        """Origins other than the claim's own: what its digit counts."""
        return len(self._groups) - 1

    @property
    def origin_claim(self) -> "ClaimInput":
        """The earliest claim of the claim's own origin."""
        claims, own = self._claims, self._groups[0]
        return claims[own[0]] if len(own) == 1 else min((claims[k] for k in own), key=_earliest)

    def __repr__(self) -> str:
        return f"Origins({self.independent} of {self.reported_by} outlets)"


def source_key(claim: "ClaimInput") -> str:
    """A claim's source as compared: as resolved, else as written, in lower-case words."""
    return words_of(claim.source_resolved or claim.source or "")


@lru_cache(maxsize=65536)
def words_of(name: str) -> str:
    """A name as lower-case words: the same source or outlet however it is punctuated."""
    return " ".join(re.findall(r"\w+", name.lower()))


def same_side(a: "ClaimInput", b: "ClaimInput") -> bool:
    """Whether b says the same as a, not the opposite: a denial never corroborates an
    assertion nor the other way round, and a refusal to comment says nothing."""
    if "declines" in (a.stance, b.stance):
        return False
    return (a.stance == "denies") == (b.stance == "denies")


@lru_cache(maxsize=65536)
def outlet_words(name: str | None) -> str:
    """An outlet's name as it is compared: lower-case words without a leading "the"."""
    words = words_of(name or "")
    return words[4:] if words.startswith("the ") else words


def _tie(a: "ClaimInput", b: "ClaimInput", seen_a: tuple, seen_b: tuple) -> str:
    """What ties two claims saying the same thing to one origin ("" : nothing); ``seen_*``:
    each claim's (source key, outlet, outlet it may cite), as compared."""
    key_a, outlet_a, cited_a = seen_a
    key_b, outlet_b, cited_b = seen_b
    if outlet_a and outlet_b and outlet_a != outlet_b:
        if cited_a == outlet_b or cited_b == outlet_a:
            return CITES
        if key_a == key_b and fuzz.ratio(a.text, b.text) >= COPY_RATIO:
            return COPY
        if key_a and key_a == key_b and a.type not in _NOT_NAMED and b.type not in _NOT_NAMED:
            return SAME_SOURCE
        return ""
    independent = (
        a.type not in _NOT_INDEPENDENT_IN_OUTLET
        and b.type not in _NOT_INDEPENDENT_IN_OUTLET
        and a.type != b.type
        and key_a != key_b
    )
    return "" if independent else SAME_OUTLET


def _seen(claim: "ClaimInput") -> tuple[str, str, str]:
    """A claim's source key, outlet, and the outlet it may cite (a media report's, or its
    source's name: an outlet the analyzer did not know for one, "according to The
    Ledger"), as compared; kept with the claim (it is in the groups of its neighbours)."""
    claim.seen = (
        source_key(claim),
        outlet_words(claim.outlet),
        outlet_words(claim.cites_outlet or claim.source_resolved or claim.source),
    )
    return claim.seen


def _earliest(claim: "ClaimInput") -> tuple:
    return (claim.published is None, str(claim.published or ""), claim.id or 0)


def find_origins(claim: "ClaimInput", same: "list[ClaimInput]") -> Origins:
    """The origins of ``claim`` and of ``same`` (the other claims saying the same thing on
    the same side, each once): the claim's own origin first, then by their earliest
    claim."""
    if not same:
        return Origins([claim])
    claims = [claim, *same]
    n = len(claims)
    if n == 2 and claim.origin_of is None and same[0].origin_of is None:  # the most common
        seen = [claim.seen or _seen(claim), same[0].seen or _seen(same[0])]
        why = _tie(claim, same[0], seen[0], seen[1])
        reported_by = 1 if seen[0][1] == seen[1][1] else 2
        if why:
            return Origins(claims, [[0, 1]], [why, why], reported_by)
        return Origins(claims, [[0], [1]], None, reported_by)
    group = list(range(n))  # each claim's group: the lowest position in it (groups are few)
    how = [""] * n
    seen = [c.seen or _seen(c) for c in claims]
    decided = [c.origin_of is not None for c in claims]
    for i in range(n):
        if decided[i]:
            continue
        a, seen_a = claims[i], seen[i]
        for j in range(i + 1, n):
            if not decided[j] and group[i] != group[j]:
                why = _tie(a, claims[j], seen_a, seen[j])
                if why:
                    _join(group, i, j)
                    how[i], how[j] = how[i] or why, how[j] or why
    if any(decided):
        position = {c.id: k for k, c in enumerate(claims) if c.id is not None}
        for k, c in enumerate(claims):
            target = position.get(c.origin_of) if c.origin_of is not None else None
            if target is not None and target != k:
                _join(group, target, k)
                how[target], how[k] = how[target] or JOINED, JOINED
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(group[k], []).append(k)
    own = groups.pop(group[0])
    reported_by = len({outlet for _key, outlet, _cited in seen})  # an unknown outlet: once
    return Origins(claims, [own, *groups.values()], how, reported_by)


def _join(group: list[int], i: int, j: int) -> None:
    """One group of the groups of i and j (labelled by the lower of their labels)."""
    keep, drop = sorted((group[i], group[j]))
    if keep != drop:
        for k, label in enumerate(group):
            if label == drop:
                group[k] = keep
