"""Word tokens with offsets, and which of them stand inside quotation marks."""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import itemgetter, sub

from sourcemark.analysis.segment import Span

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.
    # most tokens: a word that starts in lower case, or a punctuation mark; the shapes
    # below them start with a capital (the order saves trying those on every word)
    r"|[a-z0-9_]\w*(?:[’'\-&/.]\w+)*"
    r"|[^\w\s]"
    # the shapes of a capital with a full stop after at most four letters; the lookahead
    # spares every other capitalised word the trying of each of them
    r"|(?=[A-Z][a-z]{0,4}\.)(?:"
    r"[A-Z]\.(?=[ \t]+[A-Z])"  # an initial: Donald J. Trump
    r"|[A-Z][a-z]{1,4}\.(?=[,)])"  # a state or month before a comma: Ashton, Md., ...
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Prof|Rev|St|Jr|Sr|Maj|Cmdr|Gens|Fr|Supt|Insp|Det)\.(?=\s)"
    r")"
    r"|\w+(?:[’'\-&/.]\w+)*"
)
_SPACED_TOKEN = re.compile(r"\s*(?:" + _TOKEN.pattern + ")")
_first = itemgetter(0)
OPEN_QUOTES = {"“", "«", "„"}
CLOSE_QUOTES = {"”", "»"}
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | {'"', "‘", "’"}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    quoted: bool = False
    is_word: bool = False
    is_cap: bool = False


# '' is a double quotation mark in some wire and newspaper styles
# (a character class first lets the engine skip to candidates; a lone ' or ` is no mark)
_QUOTE_CHAR = re.compile(r"[“”«»„\"‘’'`](?:(?<=')'|(?<=`)`|(?<![`']))")


def quote_regions(text: str, para: Span, open_at_start: bool = False) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, marks included; an unclosed one runs to the end."""
    regions: list[tuple[int, int]] = []
    opened: int | None = para.start if open_at_start else None
    single: int | None = None
    for match in _QUOTE_CHAR.finditer(text, para.start, para.end):
        i = match.start()
        ch = match.group()
        if ch == "''":
            ch = '"'
        elif ch == "``":
            ch = "“"
        before = text[i - 1] if i > para.start else " "
        after = text[match.end()] if match.end() < para.end else " "
        if ch in OPEN_QUOTES or (ch == '"' and opened is None):
            if opened is None:
                opened = i
        elif ch in CLOSE_QUOTES or ch == '"':
            if opened is not None:
                regions.append((opened, match.end()))
                opened = None
        elif ch == "‘" and opened is None and not before.isalnum() and after.isalnum():
            single = i
        elif ch == "’" and single is not None and not after.isalnum():
            regions.append((single, i + 1))
            single = None
    if opened is not None:
        regions.append((opened, para.end))
    regions.sort()
    return regions


def tokenize(
    text: str,
    span: Span,
    regions: list[tuple[int, int]],
    unless_none_of: frozenset[str] | None = None,
) -> list[Token] | None:
    """Tokens of ``span``; ``regions`` (sorted, from quote_regions) mark the quoted ones.

    With ``unless_none_of``, None when no token (in lower case) is one of those words: a
    sentence without a word that can be a cue is not worth the tokens.
    """
    base = span.start
    # Each piece is a token with the white space before it, so the running total of the
    # pieces' lengths is where each token ends. Built with map() rather than a loop: this
    # runs on every word of every sentence that may hold a cue.
    pieces = _SPACED_TOKEN.findall(text, base, span.end)
    words = list(map(str.lstrip, pieces))
    lowers = list(map(str.lower, words))
    if unless_none_of is not None and unless_none_of.isdisjoint(lowers):
        return None
    ends = list(accumulate(map(len, pieces), initial=base))
    del ends[0]
    starts = list(map(sub, ends, map(len, words)))
    firsts = list(map(_first, words))
    tokens = list(
        map(
            Token,
            words,
            starts,
            ends,
            lowers,
            repeat(False),
            map(str.isalnum, firsts),
            map(str.isupper, firsts),
        )
    )
    # the quotations that reach into this span (regions are sorted by where they start)
    first = bisect_right(regions, (base, base))
    while first > 0 and regions[first - 1][1] > base:
        first -= 1
    for index in range(first, len(regions)):  # no slice: it would copy every later region
        a, b = regions[index]
        if a >= span.end:
            break
        if b > base:
            for k in range(bisect_left(starts, a), len(tokens)):
                token = tokens[k]
                if token.end > b:
                    break
                token.quoted = True
    return tokens
