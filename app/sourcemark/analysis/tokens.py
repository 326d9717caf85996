"""Word tokens with offsets, and which of them stand inside quotation marks."""

import re
from bisect import bisect_right
from dataclasses import dataclass

from sourcemark.analysis.segment import Span

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.
    r"|[A-Z]\.(?=[ \t]+[A-Z])"  # an initial: Donald J. Trump
    r"|[A-Z][a-z]{1,4}\.(?=[,)])"  # a state or month before a comma: Ashton, Md., ...
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Prof|Rev|St|Jr|Sr|Maj|Cmdr|Gens|Fr|Supt|Insp|Det)\.(?=\s)"
    r"|\w+(?:[’'\-&/.]\w+)*"
    r"|[^\w\s]"
)
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
_QUOTE_CHAR = re.compile(r"''|``|[“”«»„\"‘’]")


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


def tokenize(text: str, span: Span, regions: list[tuple[int, int]]) -> list[Token]:
    """Tokens of ``span``; ``regions`` (sorted, from quote_regions) mark the quoted ones."""
    base = span.start
    chunk = text[base : span.end]
    lowered = chunk.lower()
    # the quotations that reach into this span (regions are sorted by where they start)
    first = bisect_right(regions, (base, base))
    while first > 0 and regions[first - 1][1] > base:
        first -= 1
    active = []
    for index in range(first, len(regions)):  # no slice: it would copy every later region
        a, b = regions[index]
        if a >= span.end:
            break
        if b > base:
            active.append((a - base, b - base))
    r, n_regions = 0, len(active)
    tokens: list[Token] = []
    append = tokens.append
    find = chunk.find
    pos = 0
    # Only white space lies between tokens, so each one starts where find() meets it next.
    for word in _TOKEN.findall(chunk):
        pos = find(word, pos)
        end = pos + len(word)
        quoted = False
        if n_regions:
            while r < n_regions and active[r][1] <= pos:
                r += 1
            quoted = r < n_regions and active[r][0] <= pos and end <= active[r][1]
        first = word[0]
        append(
            Token(
                word,
                base + pos,
                base + end,
                lowered[pos:end],
                quoted,
                first.isalnum(),
                first.isupper(),
            )
        )
        pos = end
    return tokens
