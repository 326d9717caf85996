"""Who is who in an article: people with their roles, organisations, outlets, documents.

A first pass over the whole text collects named people (with the title before
the name and the description after it), organisations (by the shape of their
names) and outlets. Source mentions are then classified against that registry,
so that "Whitlock", "she" and "the fire authority" take the type of the fuller
mention they stand for.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from sourcemark.analysis import lexicon as lx
from sourcemark.analysis.types import SourcingType as T

_CONNECTORS = frozenset(
    {"of", "for", "and", "the", "de", "van", "von", "al", "bin", "la", "le", "du", "del", "da", "&",
     "to", "without", "against"}
)  # fmt: skip
_NOT_NAME_START = frozenset(
    """the a an this that these those but and or so yet in on at for to of by with from as if
    when while after before since because although though however meanwhile officials critics
    analysts prosecutors both he she they it we i his her their its our my your there here
    what who which why how where then now also still even just only not no some many most
    several other another each every all any few such former rather instead indeed moreover
    furthermore besides otherwise thus hence therefore nonetheless nevertheless perhaps maybe
    finally first second third today yesterday tonight""".split()
)
_MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


_CONNECTOR_WORDS = "of|for|the|de|van|von|al|bin|la|le|du|del|da|&|to|without|against"
# The capital comes first and the look-behind after it, so that the engine can skip
# straight to capitals (twice as fast as the look-behind first).
_CAPITAL_RUN = re.compile(
    r"[A-Z](?<![\w’'-][A-Z])[\w’'.&-]*"
    rf"(?:(?:[ \t]+(?:{_CONNECTOR_WORDS}))*[ \t]+[A-Z][\w’'.&-]*)*"
)
_NON_SPACE = re.compile(r"\S+")
_QUANTITY_NOUNS = frozenset(
    """number group handful couple host series lot lots dozen dozens hundreds thousands
    scores majority minority half third quarter some many most several few all none one two
    three four five each both""".split()
)
_ROLE_WORD = re.compile(r"[\w-]+")
_WINDOW_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_APPOSITIVE = re.compile(r"[,(]\s*([^,.;:)—\n]{1,160})")
_COMPANY_NOUNS = frozenset(
    """company firm group carrier airline club bank business corporation maker manufacturer
    retailer developer operator insurer lender startup chain""".split()
)
_ORG_INNER_WORDS = frozenset(
    {"to", "without", "for", "against", "and", "on", "in", "at", "&", "the"}
)
_ARTICLE = re.compile(r"^(the|a|an)\s+")
_POSSESSIVE = re.compile(r"['’]s$")
# words that point at organisations named before: "the unions", "both companies"
_DEFINITE = frozenset({"the", "these", "those", "both", "its", "their", "his", "her", "our"})
_STOP_BEFORE = frozenset({"by", "to", "with", "from", "of", "for", "on", "in", "at"})


def _role_before(text: str, start: int) -> str:
    """Lower-case role words right before a name: 'arms dealer', 'manager', 'former captain';
    or a role before a comma: "Meridian's chief executive, Alistair Brand"."""
    window = text[max(0, start - 80) : start]
    words = _WINDOW_WORD.findall(window)
    collected: list[str] = []
    k = len(words) - 1
    while k >= 0 and len(collected) < 4:
        word = words[k]
        low = word.lower()
        if not word[0].isalnum() or low in lx.DETERMINERS or low in lx.CLAUSE_WORDS:
            break
        if low in lx.REPORTING_VERBS or low in _STOP_BEFORE:
            break
        collected.append(word)
        k -= 1
    if not collected and k >= 0 and words[k] == ",":
        segment = []
        m = k - 1
        while m >= 0 and words[m][0].isalnum() and len(segment) < 6:
            segment.append(words[m])
            m -= 1
        phrase = " ".join(reversed(segment))
        if lx.names_role(phrase):
            return phrase
    return " ".join(reversed(collected))


def _appositive_after(text: str, end: int) -> str:
    """', general secretary of the union,' or ', 58,' or ', a fire ecologist at X'."""
    if text[end : end + 1] not in {",", "("}:
        return ""
    match = _APPOSITIVE.match(text, end, end + 170)
    if not match:
        return ""
    phrase: list[str] = []
    for word in match.group(1).split()[:16]:
        if word.lower() in lx.REPORTING_VERBS and word.lower() not in {"report", "state"}:
            break
        phrase.append(word)
    if not phrase:
        return ""
    text_ = " ".join(phrase)
    first = phrase[0].lower()
    if first in {"a", "an", "the", "who"} or first[:1].isdigit() or "’s" in text_ or "'s" in text_:
        return text_
    if lx.names_role(text_):
        return text_
    return ""


@dataclass
class Entity:
    name: str
    kind: str  # person, org, outlet, document, group
    type: T
    role: str = ""
    position: int = 0


@lru_cache(maxsize=16384)
def person_type(role: str) -> T:
    if lx.names_spokesperson(role):
        return T.SPOKESPERSON
    if lx.OFFICIAL_ROLES.search(role) and not lx.PRIVATE_ROLES.search(role):
        return T.NAMED_OFFICIAL
    return T.NAMED_PERSON


def is_org_name(words: list[str]) -> bool:
    """'Meridian Terminals', 'The Committee to Protect Journalists', 'Reporters Without
    Borders': an organisation's name, not a person's."""
    return _is_org_name(tuple(words))


@lru_cache(maxsize=16384)
def _is_org_name(words: tuple[str, ...]) -> bool:
    lowered = [w.lower().strip(".") for w in words]
    if any(w in lx.ORG_SUFFIXES for w in lowered[1:]):
        return True
    if len(lowered) == 1:
        return lowered[0] in lx.ORG_SUFFIXES
    # function words inside a name belong to organisations, never to people
    if any(w in _ORG_INNER_WORDS for w in lowered[1:-1]):
        return True
    return lowered[0] in lx.ORG_SUFFIXES and not any(
        lx.OFFICIAL_ROLES.fullmatch(w) or lx.PRIVATE_ROLES.fullmatch(w) for w in lowered[1:]
    )


def is_outlet_name(words: list[str]) -> bool:
    return _is_outlet_name(tuple(words))


@lru_cache(maxsize=16384)
def _is_outlet_name(words: tuple[str, ...]) -> bool:
    name = " ".join(words)
    if lx.is_known_outlet(name):
        return True
    return len(words) >= 2 and words[-1].lower() in lx.OUTLET_SUFFIXES


class Registry:
    """Entities of one article, looked up by full name, surname, first word or head noun."""

    def __init__(self, own_outlet: str | None = None, headline: str = ""):
        self.headline_words = set(re.findall(r"[\w’'-]+", headline.lower()))
        self.entities: list[Entity] = []
        self.by_key: dict[str, Entity] = {}
        self.by_role_word: dict[str, Entity] = {}  # the latest person described by each word
        self.own_outlet = (own_outlet or "").lower()
        self.classified: dict[tuple[tuple[str, ...], str], Mention | None] = {}

    def add(self, entity: Entity, *keys: str) -> Entity:
        existing = self.by_key.get(entity.name.lower())
        if existing is not None:
            if entity.role and not existing.role:
                existing.role = entity.role
                if existing.kind == "person":
                    existing.type = entity.type
                    self._index_role(existing)
            return existing
        self.entities.append(entity)
        if entity.kind == "person":
            self._index_role(entity)
        for key in (entity.name, *keys):
            if key:
                self.by_key.setdefault(key.lower(), entity)
        return entity

    def _index_role(self, entity: Entity) -> None:
        for word in _ROLE_WORD.findall(entity.role.lower()):
            self.by_role_word[word] = entity

    def person_with_role(self, head: str) -> Entity | None:
        """The person last described with this role word: 'the manager', 'the chairman'."""
        return self.by_role_word.get(head) if head else None

    def find(self, name: str) -> Entity | None:
        key = _POSSESSIVE.sub("", _ARTICLE.sub("", name.lower().strip()))
        return self.by_key.get(key) or self.by_key.get("the " + key)

    def scan(self, text: str) -> None:
        """Collect named people, organisations and outlets from runs of capitalised words."""
        titles, outlets = lx.NAME_TITLES, lx.OUTLETS
        # A run read once adds nothing when it comes again: its names are registered or
        # were turned down for what they are, not where they stand. "X of Y" is read each
        # time, since the words around it may give X a role.
        seen: set[str] = set()
        for match in _CAPITAL_RUN.finditer(text):
            run = match.group()
            if run in seen:
                continue
            if " " not in run and "\t" not in run:
                low = run.lower()
                if low not in titles and low not in outlets:
                    seen.add(run)  # a lone capitalised word names nothing new
                    continue
            if " of " not in run:
                seen.add(run)
            words = run.split()
            offsets = [m.start() + match.start() for m in _NON_SPACE.finditer(run)]
            start = 0
            for k, word in enumerate([*words, "."]):
                low = word.lower().strip(".,")
                if k == len(words) or low in _MONTHS_DAYS or low in lx.REPORTING_VERBS:
                    if k > start:
                        run_start = offsets[start]
                        run_end = offsets[k - 1] + len(words[k - 1])
                        self._consider(text, words[start:k], run_start, run_end)
                    start = k + 1
                elif word.endswith(".") and len(word) > 5 and k + 1 < len(words):
                    # "Reuters. Orbis": a full stop after a whole word ends a sentence
                    run_end = offsets[k] + len(word) - 1
                    self._consider(text, [*words[start:k], word[:-1]], offsets[start], run_end)
                    start = k + 1
        self._organisations_by_usage(text)

    def _organisations_by_usage(self, text: str) -> None:
        """A two-word name whose first word recurs alone ("Orbis Semiconductor" ... "Orbis
        said") is an organisation: people are called by their last name, companies by their
        first."""
        candidates = [
            e
            for e in self.entities
            if e.kind == "person" and not e.role and len(e.name.split()) == 2
        ]
        if not candidates:
            return
        for entity in candidates:
            first, last = entity.name.split()
            # substring counts are enough for capitalised names, and far cheaper than words
            alone = text.count(first) - text.count(f"{first} {last}")
            if alone >= 2 and alone > text.count(last) - 1:
                entity.kind, entity.type = "org", T.SPOKESPERSON
                self.by_key.setdefault(first.lower(), entity)

    def _consider(self, text: str, words: list[str], start: int, end: int) -> None:
        while words and words[0].lower() in _NOT_NAME_START:
            start += len(words[0]) + 1
            words = words[1:]
        while words and words[-1].lower() in _CONNECTORS:
            words = words[:-1]
        if words and words[-1].endswith(".") and len(words[-1]) > 5:
            words = [*words[:-1], words[-1][:-1]]  # the sentence's full stop, not "Inc." or "Jr."
        if not words:
            return
        name = " ".join(words)
        if name.lower() in self.by_key:
            return  # seen before: its first mention decided what it is
        if (
            len(words) == 1
            and words[0].lower() not in lx.NAME_TITLES
            and not lx.is_known_outlet(name)
        ):
            return  # a lone capitalised word: a place, a brand, a surname seen before
        lowered = [w.lower() for w in words]
        if "of" in lowered[1:2] and not (is_org_name(words) or lowered[0] in lx.NAME_TITLES):
            return  # "Shares of Orbis", "Head of Research": a phrase, not a name
        if "of" in lowered[2:]:
            cut = lowered.index("of", 2)
            left, right = words[:cut], words[cut + 1 :]
            if (
                right
                and not is_org_name(left)
                and not is_outlet_name(left)
                and not (
                    lx.OFFICIAL_ROLES.fullmatch(lowered[cut - 1])
                    or lowered[cut - 1] in lx.NAME_TITLES
                )
            ):
                # "Dr. Hana Sato of Kyushu University": a person, then where they come from
                right_start = text.find(right[0], start + len(" ".join(left)))
                self._consider(text, right, right_start, end)
                self._person(text, left, start, right_start, extra_role=" ".join(words[cut:]))
                return
        if is_outlet_name(words) and name.lower() != self.own_outlet:
            self.add(Entity(name, "outlet", T.MEDIA_REPORT, position=start))
            return
        if is_org_name(words):
            self.add(Entity(name, "org", T.SPOKESPERSON, position=start), words[0])
            return
        self._person(text, words, start, end)

    def _person(
        self, text: str, words: list[str], start: int, end: int, extra_role: str = ""
    ) -> None:
        """A person: title words first, then a name of one to four words."""
        last_role = -1
        for k, word in enumerate(words):
            if lx.OFFICIAL_ROLES.fullmatch(word.lower()) or word.lower() in lx.NAME_TITLES:
                last_role = k
        name_words = words[last_role + 1 :]
        title = " ".join(words[: last_role + 1])
        if not name_words or len(name_words) > 4:
            return
        if len(name_words) == 1 and not title:
            return  # a lone capitalised word: a place, a brand, a surname seen before
        before = _role_before(text, start)
        after = _appositive_after(text, end)
        role = " ".join(part for part in (before, title, extra_role, after) if part)
        full = " ".join(name_words)
        if before and head_noun(before.split())[0] in lx.ORG_NOUNS:
            # "His former club, Atletico Varena,": the name of an organisation
            self.add(Entity(full, "org", T.SPOKESPERSON, position=start), name_words[0])
            return
        type_ = person_type(role)
        if name_words[-1].lower() in self.headline_words and type_ == T.NAMED_OFFICIAL:
            type_ = T.NAMED_PERSON  # the subject of the story answers for themselves
        entity = Entity(full, "person", type_, role=role, position=start)
        self.add(entity, name_words[-1] if len(name_words) > 1 else "")

    def person_by_surname(self, word: str) -> Entity | None:
        entity = self.by_key.get(word.lower())
        return entity if entity is not None and entity.kind == "person" else None

    def last_before(self, position: int, kind: str, head: str | None = None) -> Entity | None:
        best = None
        for entity in self.entities:
            if entity.position >= position or entity.kind != kind:
                continue
            if head and head not in entity.name.lower() and head not in entity.role.lower():
                continue
            best = entity
        return best


@dataclass(slots=True)
class Mention:
    """A source as written, what it refers to, and its sourcing type."""

    text: str
    resolved: str
    type: T
    kind: str  # person, org, outlet, document, group, unknown
    by_position: bool = False  # resolved by where it stands ("the company": the last named)


def head_noun(words: list[str]) -> tuple[str, tuple[str, ...]]:
    """The head of a noun phrase (its last word before a preposition) and the words before it."""
    return _head_noun(tuple(words))


@lru_cache(maxsize=16384)  # the same phrases come back in every article ("the ministry")
def _head_noun(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    lowered = [w.lower() for w in words]
    for k, low in enumerate(lowered[:3]):
        # "a number of other members", "dozens of residents": the head comes after 'of'
        if low in _QUANTITY_NOUNS and k + 2 < len(words) and lowered[k + 1] == "of":
            return _head_noun(words[k + 2 :])
    chunk: list[str] = []
    for word in words:
        low = word.lower()
        if chunk and low in {
            "of", "at", "for", "in", "with", "from", "on", "to", "by", "close", "familiar",
            "briefed", "who", "that", "which", "compiled", "posted", "reviewed", "sent",
            "published", "obtained", "seen", "involved", "knowledgeable", "representing",
            "working", "based", "inside", "within", "near", "under", "over", "across", "among",
        }:  # fmt: skip
            break
        if chunk and low.endswith("ed") and word[:1].islower() and len(low) > 4:
            break  # a participle after the head: "a complaint filed by", "a poll released"
        chunk.append(word)
    if not chunk:
        return "", ()
    return _POSSESSIVE.sub("", chunk[-1].lower()), tuple(w.lower() for w in chunk[:-1])


def classify(
    words: list[str], registry: Registry, role: str = "", position: int = 10**12
) -> Mention | None:
    """The type of a non-pronoun source mention; None when it does not look like a source.

    The registry is complete before the first mention is classified, so the same words
    with the same role get the same answer, which is kept; except an organisation's
    common noun ("the company"), which stands for the last one named before it.
    """
    key = (tuple(words), role)
    known = registry.classified.get(key, _UNKNOWN)
    if known is not _UNKNOWN:
        return known
    mention = _classify(words, registry, role, position)
    if mention is None or not mention.by_position:
        registry.classified[key] = mention
    return mention


_UNKNOWN = object()


def _classify(words: list[str], registry: Registry, role: str, position: int) -> Mention | None:
    text = " ".join(words)
    bare = [
        w
        for w in words
        if w.lower() not in lx.DETERMINERS
        or (w[:1].isupper() and w.lower() not in {"the", "a", "an"})
    ]
    if not bare:
        return None
    if lx.names_spokesperson(text) or (role and lx.names_spokesperson(role)):
        return Mention(
            text,
            text,
            T.SPOKESPERSON,
            "person" if any(w[:1].isupper() for w in bare[1:]) else "org",
        )
    head, modifiers = head_noun(bare)
    head_word = bare[len(modifiers)] if len(modifiers) < len(bare) else bare[-1]
    # "al-Shabaab", "de Souza": a name may start in lower case, never hold only lower case
    common = head_word[:1].islower() and head_word.islower()
    if common or (head_word == bare[0] and head in _COMMON_NOUNS):
        return _classify_common(text, head, modifiers, registry, position)
    # A proper name: registry, outlet, organisation, person
    proper = [w for w in bare if w.lower() not in {"the", "a", "an"}]
    if len(proper) == 1 and proper[0].lower() in _NOT_NAME_START:
        return None  # "Once", "When": a capitalised word at the start of a sentence
    name = " ".join(proper)
    entity = registry.find(name) or (registry.find(proper[-1]) if len(proper) == 1 else None)
    if entity is None and len(proper) > 1:
        entity = registry.find(" ".join(proper[-2:])) or registry.person_by_surname(proper[-1])
        if entity is not None and entity.kind != "person":
            entity = None
    if entity is not None:
        return Mention(text, entity.name, entity.type, entity.kind)
    if is_outlet_name(proper) and name.lower() != registry.own_outlet:
        return Mention(text, text, T.MEDIA_REPORT, "outlet")
    role_head, _ = head_noun(role.split()) if role else ("", ())
    if len(proper) == 1 and len(name) > 5 and name.endswith(_PEOPLES):
        # "Republicans", "Mexicans", "Democrats": people of a party or a country, unnamed
        return Mention(text, text, T.ANONYMOUS_SOURCE, "group")
    if is_org_name(proper) or len(proper) == 1 or role_head in lx.ORG_NOUNS:
        return Mention(text, text, T.SPOKESPERSON, "org")  # "His former club, Atletico Varena,"
    return Mention(text, text, person_type(" ".join(words[:-2]) + " " + role), "person")


_PEOPLES = ("ans", "ists", "ites", "crats")
_COMMON_NOUNS = lx.OFFICIAL_NOUNS | lx.ANONYMOUS_NOUNS | lx.DOCUMENT_NOUNS | lx.MEDIA_NOUNS


def _classify_common(
    text: str, head: str, modifiers: tuple[str, ...], registry: Registry, position: int = 10**12
) -> Mention | None:
    # "the 39-year-old founder of X": an age is only ever given of the person just named
    if text[:4].lower() == "the " and "-year-old" in text and not head.endswith("s"):
        entity = registry.last_before(position, "person")
        if entity is not None:
            return Mention(text, entity.name, entity.type, "person")
    # "the manager", "the chairman": a definite role word stands for the person named with it
    if text.lower().startswith("the ") and not head.endswith("s") and head not in lx.ORG_NOUNS:
        entity = registry.person_with_role(head)
        if entity is not None:
            return Mention(text, entity.name, entity.type, "person")
    if head in lx.MEDIA_NOUNS and head not in {"agency", "site", "network"}:
        return Mention(text, text, T.MEDIA_REPORT, "outlet")
    if head in lx.DOCUMENT_NOUNS:
        return Mention(text, text, T.DOCUMENT, "document")
    if head in {"source", "sources"} and any(m in lx.OFFICIAL_QUALIFIERS for m in modifiers):
        return Mention(text, text, T.ANONYMOUS_OFFICIAL, "group")
    if head in lx.OFFICIAL_NOUNS:
        return Mention(text, text, T.ANONYMOUS_OFFICIAL, "group")
    if head in lx.ANONYMOUS_NOUNS:
        return Mention(text, text, T.ANONYMOUS_SOURCE, "group")
    if head in lx.ORG_NOUNS:
        if head.endswith("s") and text.split(maxsplit=1)[0].lower() not in _DEFINITE:
            # "consumer groups", "several banks": organisations nobody names
            return Mention(text, text, T.ANONYMOUS_SOURCE, "group")
        entity = registry.last_before(position, "org", head)
        if entity is None and head in _COMPANY_NOUNS:
            entity = registry.last_before(position, "org")  # "the company": the last one named
        return Mention(text, entity.name if entity else text, T.SPOKESPERSON, "org", True)
    # "the manager", "the minister": a role word standing for a person named before
    entity = registry.person_with_role(head)
    if entity is not None:
        return Mention(text, entity.name, entity.type, "person")
    # an unnamed person described by role: anonymous, however specific (taxonomy rule 3)
    if lx.OFFICIAL_ROLES.fullmatch(head):
        return Mention(text, text, T.ANONYMOUS_OFFICIAL, "person")
    if (
        lx.PRIVATE_ROLES.fullmatch(head)
        or head in lx.NAME_TITLES
        or head in lx.KIN_NOUNS
        or (head in lx.CANDIDATE_NOUNS and " " in text)  # "the nominee", not "candidate"
    ):
        return Mention(text, text, T.ANONYMOUS_SOURCE, "person")
    if head[-1:] == "s" and len(head) > 3:
        # "the judges", "two senators", "party leaders", "union secretaries": several people
        # of a known role
        if head.endswith("ies") and len(head) > 4:
            one = head[:-3] + "y"
        elif head.endswith(("ches", "shes", "sses")):
            one = head[:-2]
        else:
            one = head[:-1]
        if lx.OFFICIAL_ROLES.fullmatch(one):
            return Mention(text, text, T.ANONYMOUS_OFFICIAL, "group")
        if lx.PRIVATE_ROLES.fullmatch(one) or one in lx.KIN_NOUNS or one in lx.CANDIDATE_NOUNS:
            return Mention(text, text, T.ANONYMOUS_SOURCE, "group")
    # "environmentalists", "lobbyists": a plural in -ists names people by what they do or
    # hold (the singular is as often an adjective: "a terrorist attack", "a racist remark")
    if head.endswith("ists") and len(head) > 7 and head not in _NOT_PEOPLE_IN_IST:
        return Mention(text, text, T.ANONYMOUS_SOURCE, "group")
    return None


# words in -ist that name no one
_NOT_PEOPLE_IN_IST = frozenset(
    """checklists playlists waitlists shortlists blacklists watchlists wishlists assists insists
    persists resists consists subsists""".split()
)
