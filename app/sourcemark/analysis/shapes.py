"""The shapes of news sentences the attribution rules read: word lists, the record of one
attribution, and small predicates over tokens (appositions, adverbs, the person told)."""

import re
from dataclasses import dataclass

from sourcemark.analysis import lexicon as lx
from sourcemark.analysis.entities import Mention
from sourcemark.analysis.segment import Span
from sourcemark.analysis.tokens import QUOTE_MARKS, Token
from sourcemark.analysis.types import SourcingType, Stance

PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"})


def _contractions() -> dict[str, tuple[str, str]]:
    """ "she's" -> ("she", "s"): a pronoun and a contracted auxiliary in one word."""
    table: dict[str, tuple[str, str]] = {}
    for pronoun in ("he", "she", "they", "we", "i", "you", "who", "it", "that", "there"):
        for suffix in ("s", "re", "ve", "d", "ll"):
            table[f"{pronoun}'{suffix}"] = table[f"{pronoun}’{suffix}"] = (pronoun, suffix)
    return table


CONTRACTED = _contractions()
# a subject pronoun and "is" or "are" in one token: "he's claiming", "they’re afraid that"
BE_CONTRACTIONS = frozenset(
    word
    for word, pair in CONTRACTED.items()
    if pair in {("he", "s"), ("she", "s"), ("they", "re"), ("we", "re")}
)
# words that leave a claim the story's own: "Whips have reportedly told him"
HEDGE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
# people in the plural by what they do: "pharmacists", "growers", "protesters", "residents"
PEOPLE_ENDINGS = ("ists", "ers", "ors", "ians", "ants", "ents")

STOP_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", ".", "!", "?", "[", "]"}) | QUOTE_MARKS

INVERTING_VERBS = frozenset(
    """said says added wrote writes asked continued explained noted argued insisted warned
    recalled remarked replied countered according added reported reports declared stated
    observed conceded acknowledged admitted tweeted quipped joked shouted yelled responded
    cautioned complained announced predicted concluded recounted answered retorted
    pleaded wondered""".split()
)

PARTICLES = {
    "put": ("it",),
    **dict.fromkeys(("pointed", "points", "point"), ("out", "to")),
    **dict.fromkeys(("called", "calls", "calling"), ("on", "for")),
    **dict.fromkeys(("pushed", "pushes", "pushing", "asked", "asks", "asking"), ("for",)),
    **dict.fromkeys(("summed", "weighed"), ("up", "in")),
    **dict.fromkeys(("railed", "rails", "rail"), ("against",)),
    **dict.fromkeys(lx.ABOUT_VERBS, ("of", "about")),
}

REPORT_BY = re.compile(
    r"\b(report|reports|story|article|investigation|reporting|analysis)\s+(by|in|from)\s+(.+)$",
    re.I,
)

LETTERS = re.compile(r"[a-z]+")

NAME_PUNCT = frozenset({"&", "'", "’", "-", "."})  # punctuation that can stand inside a name

FINITE = frozenset(
    """is are was were has have had will would shall should can could may might must do does
    did""".split()
)

EVIDENCE_VERBS = frozenset(
    """show shows showed shown suggest suggests suggested indicate indicates indicated reveal
    reveals revealed find finds found""".split()
)

STRONG_VERBS = frozenset({"put"}) | frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked"}
)

RECIPIENT_VERBS = frozenset(
    """told tells tell informed informs assured assures reminded reminds warned warns briefed
    briefs telling informing assuring reminding briefing""".split()
)

BOUNDARY_WORDS = frozenset(
    {"while", "though", "although", "but", "whereas", "and", "yet", "however"}
)

PREPOSITIONS = frozenset(
    """in on at during outside inside after before from to with by near as while when last this
    earlier later late early yesterday today tonight monday tuesday wednesday thursday friday
    saturday sunday via through over under without of about amid ahead following despite
    against toward towards into onto upon around behind""".split()
)

HEDGES = re.compile(
    r"\b(reportedly|allegedly|purportedly|supposedly|is said to|are said to|was said to|"
    r"were said to|is believed to|are believed to|is thought to|are thought to|"
    r"it is understood|is understood to|are understood to)\b",
    re.I,
)

SUBORDINATORS = frozenset(
    {
        "when",
        "after",
        "before",
        "because",
        "if",
        "since",
        "until",
        "once",
        "unless",
        "whether",
        "which",
        "what",
        "where",
        "why",
        "how",
        "than",  # "faster than scientists had predicted": a comparison, not a source
    }
)

PARTICIPLE_CUES = lx.PARTICIPLE_CUES

CUE_WORDS = lx.CUE_WORDS

APPOSITIVE_STARTS = frozenset(
    """a an the who which whose whom where published based speaking writing citing quoted
    now himself herself itself one""".split()
)

_PARTY_TAG = re.compile(r"[A-Z][\w.]*-[A-Z][\w.]*")  # "R-Ky.", "D-Wis."

_DESCRIBING_DETERMINERS = lx.DETERMINERS | {
    "his", "her", "their", "its", "our", "my", "your", "another", "each", "every",
}  # fmt: skip


def may_decline(text: str) -> bool:
    """Whether a refusal to comment can be written in ``text``: every form of one holds one
    of REFUSAL_MARKS. (Substring tests: far cheaper than the pattern, which tries each of
    its forms at every position.)"""
    low = text.lower()
    for mark in REFUSAL_MARKS:  # noqa: SIM110 (a loop: no generator made for every sentence)
        if mark in low:
            return True
    return False


# "declined to name", "did not say", "can't be reached", "had no comment", "was not
# available for comment": what every form of lx.DECLINE_PATTERN holds
REFUSAL_MARKS = (
    "declin", "refus", "did not", "does not", "do not", "would not", "could not", "will not",
    "n't", "n’t", "reached", "available for", "no comment", "no immediate comment",
    "has not", "have not", "had not",
)  # fmt: skip


STOP_WORDS = frozenset(
    """the a an of to in on at for and or but with by from as is are was were be been has have
    had will would could should may might that this these those it its his her their they he
    she we you i not no after over into about than more most also just who which what
    when""".split()
)


@dataclass
class Found:
    """One attribution in a sentence, in token indices and character offsets."""

    subject: tuple[int, int] | None  # character span of the source mention
    mention: Mention | None
    source_text: str | None
    cue: str
    cue_index: int
    content: tuple[int, int]
    stance: Stance
    end_index: int  # token index after the attribution's cue (and inverted subject)
    subject_index: int  # token index where the subject starts (for trimming earlier content)
    quote: bool = False
    confidence: float = 1.0  # how sure the source is: see evidence.py


def described(words: list[str], kind: str) -> Mention | None:
    """'The New York businessman', 'the announcer', 'another slide': described by a noun."""
    head = words[-1]
    low = head.lower()
    if not head.isalpha() or not head[:1].islower() or low in lx.TIME_WORDS:
        return None
    if low in lx.DETERMINERS or low in lx.PRONOUNS or low in lx.CLAUSE_WORDS or low in STOP_WORDS:
        return None
    text = " ".join(words)
    if words[0].lower() not in _DESCRIBING_DETERMINERS:
        # "pharmacists say", "local doctors warned": people in the plural, with no determiner
        bare_plural = (
            kind == "person"
            and len(words) <= 3
            and low.endswith(PEOPLE_ENDINGS)
            # "Local growers", "Younger voters": a capital only where a sentence starts
            and all(w[:1].islower() for w in words[1:])
            and (words[0][:1].islower() or len(words) > 1)
        )
        if bare_plural:
            return Mention(text, text, SourcingType.ANONYMOUS_SOURCE, "group")
        return None
    if kind == "document":
        return Mention(text, text, SourcingType.DOCUMENT, "document")
    return Mention(text, text, SourcingType.ANONYMOUS_SOURCE, "person")


def skip_name_tag(tokens: list[Token], end: int, floor: int) -> int:
    """Before a bracketed tag after a name, "Gov. Pat McCrory (R)": the index before the '('."""
    if end < floor or tokens[end].text != ")" or tokens[end].quoted:
        return end
    m = end - 1
    while m >= floor and tokens[m].text != "(" and end - m <= 6:
        m -= 1
    if m >= floor and tokens[m].text == "(" and m - 1 >= floor and tokens[m - 1].is_cap:
        return m - 1
    return end


def is_appositive(tokens: list[Token], inner: list[Token], m: int, floor: int) -> bool:
    """Whether the words between two commas describe the name before them."""
    first = inner[0]
    if first.lower in APPOSITIVE_STARTS or first.text[:1].isdigit():
        return True
    if first.lower.endswith(("'s", "’s")) and len(inner) <= 16:
        return True  # ", Pyongyang's only ally and economic lifeline,"
    if first.lower.endswith("ed") and not first.is_cap:
        return True  # ", released on Wednesday,"
    if first.lower in {"seen", "written", "given", "known", "run", "led", "made", "sent", "of"}:
        return True
    if len(inner) <= 3 and _PARTY_TAG.fullmatch(first.text) is not None:
        return True  # ", R-Ky.,"
    phrase = " ".join(t.text for t in inner)
    if lx.names_role(phrase):
        return True
    # a short tag after a name: "Senator Dianne Feinstein, Democrat of California,"
    before_name = m - 1 >= floor and tokens[m - 1].is_cap and tokens[m - 1].is_word
    return (
        before_name
        and len(inner) <= 8
        and not any(
            t.lower in PASSIVE or (t.lower in lx.REPORTING_VERBS and not t.is_cap) or t.quoted
            for t in inner
        )
    )


def parenthetical(tokens: list[Token], v: int, s: int) -> bool:
    """', SOURCE says, ...' in mid-sentence with the clause going on after it, also with the
    person told or a time or place after the cue: 'The trouble now, she told me on Tuesday,
    is ...', 'These workers, she explained earlier in the hearing, were ...'."""
    n = len(tokens)
    if not (s > 0 and tokens[s - 1].text == ","):
        return False
    k = v + 1
    if k < n and tokens[k].text != "," and tokens[v].lower in RECIPIENT_VERBS:
        k = skip_recipient(tokens, k)
    if k < n and tokens[k].text != ",":
        k = skip_adverbials(tokens, k)
    if not (k + 1 < n and tokens[k].text == ","):
        return False
    follower = tokens[k + 1]
    if follower.lower in BOUNDARY_WORDS or follower.lower in PARTICIPLE_CUES or follower.quoted:
        return False
    if follower.lower.endswith("ing") and not follower.is_cap:
        # "..., the club said on Saturday, ending weeks of ...": a participle; ", finishing it
        # would cost ...": the subject of the clause going on
        return any(t.lower in FINITE for t in tokens[k + 2 :])
    return sum(1 for t in tokens[k + 1 :] if t.is_word) >= 2


def is_auxiliary(token: Token) -> bool:
    """Words between a subject and its cue: 'has', 'had previously', 'often', 'flatly'."""
    word = token.lower
    if token.is_cap:
        return False  # "Theresa May suggested": a name, not the auxiliary
    if word in lx.AUXILIARIES:
        return True
    return is_ly_adverb(token) and word not in _LY_NOUNS


def is_ly_adverb(token: Token) -> bool:
    """An adverb by its form, a word in -ly: "flatly", "previously"."""
    word = token.lower
    return not token.is_cap and len(word) > 4 and word.endswith("ly") and word.isalpha()


# Nouns ending in "-ly", which are no adverbs: "The family said", "the tabloid daily reported"
_LY_NOUNS = frozenset(
    """family assembly rally supply monopoly bully tally anomaly homily folly reply daily
    weekly monthly quarterly biweekly""".split()
)


def is_verb_form(word: str) -> bool:
    """Forms that are verbs in any context: 'said', 'told', 'denied'; not 'state' or 'report'."""
    return word.endswith("ed") or word in {
        "said",
        "says",
        "told",
        "tells",
        "wrote",
        "writes",
        "found",
        "thought",
        "shown",
    }


def masked_text(text: str, sent: Span, tokens: list[Token]) -> str:
    """The sentence with every quoted token blanked out, offsets unchanged."""
    parts, position = [], sent.start
    for t in tokens:
        if t.quoted:
            parts.append(text[position : t.start])
            parts.append(" " * (t.end - t.start))
            position = t.end
    parts.append(text[position : sent.end])
    return "".join(parts)


def index_at(tokens: list[Token], position: int) -> int | None:
    for index, t in enumerate(tokens):
        if t.start >= position:
            return index
    return None


def after_boundary(tokens: list[Token], start: int) -> bool:
    k = start - 1
    if k < 0:
        return False
    if tokens[k].text == ";":
        return True
    if tokens[k].lower not in BOUNDARY_WORDS:
        return False
    if tokens[k].lower in {"and", "but"} and start < len(tokens) and tokens[start].is_cap:
        return True  # "... and Democrats accused ...": a named subject of its own
    k -= 1
    while k >= 0 and tokens[k].text in QUOTE_MARKS:
        k -= 1
    return k >= 0 and tokens[k].text in {",", ";", "—", "–", "―"}


def skip_time(tokens: list[Token], k: int) -> int:
    """Past a time adverbial: 'on Friday', 'last week', 'Tuesday', 'on Monday afternoon'."""
    n = len(tokens)
    start = k
    if k < n and tokens[k].lower in {"on", "last", "this", "earlier", "late", "early"}:
        k += 1
    moved = False
    while k < n and tokens[k].lower in lx.TIME_WORDS - {"on", "last", "this", "earlier", "later"}:
        k += 1
        moved = True
    return k if moved else start


# adverbs that can follow a cue before the clause ends: '..., he said then.'
TAIL_ADVERBS = frozenset(
    """then later earlier again too also afterward afterwards there here repeatedly recently
    previously once twice ago""".split()
)
_TAIL_PREPOSITIONS = frozenset(
    {"at", "in", "on", "outside", "inside", "during", "from", "near", "after", "before"}
)
# "two weeks after the verdict", "two days later": a stretch of time before a phrase
_TIME_UNITS = frozenset(
    """minutes hours days weeks months years decades moments minute hour day week month
    year""".split()
)


def skip_adverbials(tokens: list[Token], k: int) -> int:
    """Past the times, places and adverbs after a cue: 'on Saturday', 'at the training
    ground', 'then', 'earlier in the hearing', 'two weeks after the verdict'. A phrase
    counts only when it ends within six words at punctuation or another adverbial."""
    n = len(tokens)
    while k < n:
        low = tokens[k].lower
        if low not in _ADVERBIAL_STARTS and not low.endswith("ly") and not low.isdigit():
            return k  # most cues are followed by none of these: one set lookup
        start = k
        k = skip_time(tokens, k)
        if (
            k + 1 < n
            and tokens[k + 1].lower in _TIME_UNITS
            and not tokens[k].quoted
            and (tokens[k].lower in {"several", "a", "few", "some", "many"} or tokens[k].lower
                 in _NUMBER_WORDS or tokens[k].text.isdigit())
        ):  # fmt: skip
            k += 2
        while (
            k < n
            and not tokens[k].quoted
            and (tokens[k].lower in TAIL_ADVERBS or is_ly_adverb(tokens[k]))
        ):
            k += 1
        if k < n and tokens[k].lower in _TAIL_PREPOSITIONS and not tokens[k].quoted:
            m = k + 1
            while m < n and tokens[m].is_word and not tokens[m].quoted and m - k <= 6:
                if m > k + 1 and (tokens[m].lower in PREPOSITIONS or tokens[m].lower == "for"):
                    break  # "in the hearing on Tuesday": the next phrase
                m += 1
            if m - k <= 6 and m > k + 1:
                k = m
        if k == start:
            return k
    return k


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())
_ADVERBIAL_STARTS = (
    lx.TIME_WORDS
    | {"late", "early", "several", "a", "few", "some", "many"}
    | TAIL_ADVERBS
    | _TAIL_PREPOSITIONS
    | _NUMBER_WORDS
)


def adverbial_closes(tokens: list[Token], k: int) -> bool:
    """After a cue, only a time or place and then the clause ends: 'said on Saturday, ...',
    'said at the training ground.', 'said then.'"""
    n = len(tokens)
    if k < n:
        low = tokens[k].lower
        if low in _ADVERBIAL_STARTS or low.endswith("ly") or low.isdigit():
            k = skip_adverbials(tokens, k)
    if k >= n or tokens[k].text in {".", ";", "!", "?"}:
        return True
    # a comma closes it only before a participle or another clause: "..., ending weeks of
    # speculation"; 'said at a rally, "We will win."' goes on to its content
    follower = tokens[k + 1] if k + 1 < n else None
    return tokens[k].text == "," and (
        follower is None
        or (follower.lower.endswith("ing") and not follower.quoted)
        or follower.lower in BOUNDARY_WORDS
    )


def recipient_closes(tokens: list[Token], v: int) -> bool:
    """'"...," Trump told the crowd, reciting ...': the person told, then the clause ends."""
    k = skip_time(tokens, skip_recipient(tokens, v + 1))
    while k < len(tokens) and tokens[k].lower in {"then", "later", "also", "again", "recently"}:
        k += 1
    if k < len(tokens) and tokens[k].text not in {",", ".", ";", "!", "?"}:
        return adverbial_closes(tokens, k)
    return k >= len(tokens) or tokens[k].text in {",", ".", ";", "!", "?"}


def skip_recipient(tokens: list[Token], k: int) -> int:
    """Past the person told: 'told reporters', 'told the Register', 'told MPs on Monday'."""
    n = len(tokens)
    if k < n and tokens[k].lower in {"the", "a", "an"}:
        k += 1
    if k < n and tokens[k].is_cap and tokens[k].lower not in lx.PRONOUNS:
        while k < n and tokens[k].is_cap and tokens[k].is_word:
            k += 1
        # "told the RT America audience.": a name, then the noun it qualifies
        if (
            k + 1 < n
            and tokens[k].is_word
            and not tokens[k].is_cap
            and tokens[k].lower not in STOP_WORDS
            and tokens[k + 1].text in {",", ".", ";", "!", "?"}
        ):
            k += 1
    elif k < n and tokens[k].lower not in lx.PRONOUNS and tokens[k].lower not in STOP_WORDS:
        # "told flag-waving fans in ...", "told a crowded union hall.": the words of the
        # people told up to a phrase or the clause's end
        m = k + 1
        while (
            m < n
            and m - k < 4
            and tokens[m].is_word
            and not tokens[m].is_cap
            and not tokens[m].quoted
            and tokens[m].lower not in STOP_WORDS
        ):
            m += 1
        k = m if m > k + 1 and m < n and tokens[m].text in {".", ",", "in", "at", "on"} else k + 1
    while (
        k < n
        and tokens[k].lower in {"on", "in", "at", "last", "this"}
        and k + 1 < n
        and (tokens[k + 1].lower in lx.TIME_WORDS or tokens[k + 1].is_cap)
    ):
        k += 2
        while k < n and tokens[k].is_cap and tokens[k].is_word:
            k += 1  # "in Port Ellen", "in New York": the whole name
    return k


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without surrounding spaces, quote marks, commas or a dangling 'that'."""
    junk = " \t\n,;:“”\"‘’'«»—–-("
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    if (
        text[start : start + 5].lower() == "that "
        and end - start > 5
        # not the pronoun: "that was not the issue", "that would be unfair"
        and text[start + 5 : start + 12].split(" ", 1)[0].lower() not in FINITE
    ):
        start += 5
    return start, end


def after_fronted(tokens: list[Token], v: int) -> int:
    """Where the clause before ``v`` starts, after what is fronted before its subject: "In
    Leeds, meanwhile, the mayor toured a plant, promising ...", "Stung by the vote, the club ...",
    "When the figures came out, the mayor and ...": a phrase or a clause that opens with a
    preposition, a conjunction, an adverb or a participle and ends at a comma."""
    start = 0
    while start < v:
        t = tokens[start]
        low = t.lower
        if not (
            low in PREPOSITIONS
            or low in FRONTED_LINKS
            or (not t.quoted and t.is_word and low.endswith(("ly", "ed")) and len(low) > 4)
        ):
            break
        comma = start + 1
        while comma < v and not (tokens[comma].text == "," and not tokens[comma].quoted):
            comma += 1
        if comma >= v - 1 or comma - start > 30:
            break
        start = comma + 1
    return start


FRONTED_LINKS = frozenset({"however", "but", "and", "yet", "still", "meanwhile", "as"})


def in_title_case(tokens: list[Token]) -> bool:
    """A headline-style line ("..., Lindsey Graham Says."): most of its words capitalised."""
    words = [t for t in tokens if t.is_word]
    return len(words) >= 4 and sum(t.is_cap for t in words) >= 0.7 * len(words)
