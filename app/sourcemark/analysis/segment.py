"""Paragraph and sentence segmentation that keeps character offsets.

News prose is full of periods that do not end sentences (U.S., Gen., Jan.,
J. R. R., 1.3 million), and of sentences that end inside a closing quote.
This splitter works on character offsets so that claims can point back into
the article text exactly.
"""

import re
from dataclasses import dataclass

from sourcemark.analysis.entities import is_outlet_name

# Abbreviations after which a period does not end a sentence when a capitalised
# word follows: titles, months, corporate suffixes and other common short forms.
TITLE_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "sen",
        "rep",
        "gov",
        "pres",
        "supt",
        "insp",
        "det",
        "atty",
        "hon",
        "rev",
        "fr",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gens",
        "sens",
        "reps",
        "messrs",
        "amb",
        "ret",
        "esq",
        "dept",
    ]
)
OTHER_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "vs",
        "v",
        "etc",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "est",
        "ave",
        "blvd",
        "rd",
        "univ",
        "assn",
        "intl",
        "govt",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "u.s.a",
    ]
)
# Abbreviations only before a number ("No. 5"); elsewhere the same letters are a word.
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "fig", "est"})

# Words that start a new sentence even after an ambiguous abbreviation such as "U.S."
SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "yet",
        "so",
        "however",
        "meanwhile",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "although",
        "though",
        "some",
        "many",
        "most",
    ]
)

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# A candidate boundary: terminal punctuation, optional closing quotes or brackets,
# whitespace, then something that can open a sentence.
# (The first mark stands outside the groups: a pattern that starts with a character class
# lets the engine skip straight to candidates, twice as fast over a paragraph.)
_BOUNDARY = re.compile(
    r"[.!?…]([.!?…]*)(["
    + re.escape(_CLOSERS)
    + r"]*)(\s+)(?=["
    + re.escape(_OPENERS)
    + r"]*[\w—–-])"
)
# What follows a quoted question or exclamation when the sentence goes on: 'Clinton said',
# 'the mayor asked', 'she added'.
_ATTRIBUTION_TAIL = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*|the|a|an|[a-z]+)\s+){0,4}?(?:said|says|asked|asks|added|adds|told|"
    r"wrote|writes|replied|shouted|yelled|wondered|continued|tweeted|tweets|demanded|demands|"
    r"responded|responds|exclaimed|insisted|joked|quipped|retorted|countered|pleaded)\b"
)
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([\w'’-]+)")
_DOTTED = re.compile(r"(?:[a-z]\.){1,4}[a-z]?")
_WORD_BEFORE = re.compile(r"([\w.&'-]+)$")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines or blank-line separated blocks, trimmed of surrounding white space."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


def _is_abbreviation(text: str, dot_index: int, next_start: int) -> bool:
    """Whether the period at ``dot_index`` belongs to an abbreviation, not a sentence end."""
    # the word before the period: from the last space, when all of it is a word ...
    space = text.rfind(" ", max(0, dot_index - 40), dot_index)
    match = _WORD_BEFORE.fullmatch(text, space + 1, dot_index) if space >= 0 else None
    if match is None:  # ... or whatever part of it a word can be made of: "(D-Wis."
        match = _WORD_BEFORE.search(text, max(0, dot_index - 40), dot_index)
        if not match:
            return False
    token = match.group(1).lstrip("'-&").lower()
    next_word = _NEXT_WORD.match(text, next_start)
    following = next_word.group(1) if next_word else ""
    if following[:1].islower():
        return True  # sentences do not start in lower case: "the U.S. and its allies"
    if len(token) == 1 and token.isalpha() and token.upper() == match.group(1)[-1:]:
        # An initial ("J. Smith") unless the letter is a lone pronoun-like word at the end.
        return following[:1].isupper()
    bare = token.rstrip(".")
    if bare in TITLE_ABBREVIATIONS:
        return True
    if bare in NUMBER_ABBREVIATIONS:
        return following[:1].isdigit()  # "No. 5", but "The mayor said no. Really!"
    if bare in OTHER_ABBREVIATIONS or _DOTTED.fullmatch(token):
        # "U.S. officials" continues; "...to the U.S. He was" ends a sentence.
        return following.lower() not in SENTENCE_STARTERS
    return False


def sentences(text: str, within: Span | None = None) -> list[Span]:
    """Sentence spans of ``text`` (or of the part ``within``), never crossing a line break."""
    spans: list[Span] = []
    for para in [within] if within else paragraphs(text):
        start = para.start
        for match in _BOUNDARY.finditer(text, para.start, para.end):
            if "\n" in match.group(3):
                continue  # paragraphs are split already; a bare line break inside is kept
            following = text[match.end(3) : match.end(3) + 1]
            if following.islower():
                continue  # "(D-Wis.) said": a sentence does not start in lower case
            if (
                text[match.end(1) - 1] in "?!"
                and match.group(2)
                and _ATTRIBUTION_TAIL.match(text, match.end(3), para.end)
            ):
                continue  # '"How many times?" Clinton said.': the quotation's own sentence
            dot_index = match.start()
            if (
                match.end(1) == dot_index + 1  # a single full stop
                and text[dot_index] == "."
                and not match.group(2)
                and _is_abbreviation(text, dot_index, match.end(3))
            ):
                continue
            end = match.end(2)
            if end > start:
                spans.append(Span(start, end))
            start = match.end(3)
        if para.end > start:
            spans.append(Span(start, para.end))
    return spans


def plain_headline(text: str) -> str:
    """The first line of a plain text when it reads as a headline: up to 40 words, with
    more text after it, in title case or without a full stop ("Pat Caddell: Democrat
    Voters Worried About ...", "Council votes to close two libraries"). Empty otherwise:
    a first line that is a sentence of the story is no headline, and a short one that names
    an outlet ("The Lakeshore Examiner") is the outlet's name.

    The one rule for both readers: ingest takes this line for the article's title, and the
    analyzer reads the claims of the same line as the headline's."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    words = first.split()
    if not rest.strip() or not 3 <= len(words) <= 40:
        return ""
    if len(words) <= 6 and is_outlet_name(words):
        return ""
    if first.rstrip("”’\"')")[-1:] not in {".", "!", "?", "…"}:
        return first
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return first if capitalised >= 0.7 * len(words) else ""
