"""Word tokens with offsets, and which of them stand inside quotation marks."""

import re
from dataclasses import dataclass

from sourcemark.analysis.segment import Span

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.
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

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def quote_regions(text: str, para: Span, open_at_start: bool = False) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, marks included; an unclosed one runs to the end."""
    regions: list[tuple[int, int]] = []
    opened: int | None = para.start if open_at_start else None
    single: int | None = None
    i = para.start
    while i < para.end:
        ch = text[i]
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < para.end else " "
        if ch in OPEN_QUOTES or (ch == '"' and opened is None):
            if opened is None:
                opened = i
            elif ch in OPEN_QUOTES and i != opened:
                # A new paragraph-style opening inside an open quote: keep the outer one.
                pass
        elif ch in CLOSE_QUOTES or (ch == '"' and opened is not None):
            if opened is not None:
                regions.append((opened, i + 1))
                opened = None
        elif ch == "‘" and opened is None and not before.isalnum() and after.isalnum():
            single = i
        elif ch == "’" and single is not None and not after.isalnum():
            regions.append((single, i + 1))
            single = None
        i += 1
    if opened is not None:
        regions.append((opened, para.end))
    return regions


def tokenize(text: str, span: Span, regions: list[tuple[int, int]]) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text, span.start, span.end):
        start, end = match.span()
        word = match.group()
        quoted = any(a < start and end <= b for a, b in regions) or any(
            a == start and word in QUOTE_MARKS for a, b in regions
        )
        tokens.append(Token(word, start, end, word.lower(), quoted))
    return tokens
