"""How sure a claim's source and type are, from the evidence that produced them.

A number in [0, 1] for the review to sort by, least certain first. It is a
ranking of the rules' evidence, not a calibrated probability:
  a named source cued right at a quotation                 near 1
  a named source cued at reported speech                   0.92
  a described or anonymous source ("officials said")       0.85
  a pronoun whose referent is named in the same paragraph  0.85
  ... named in the paragraph before / further back         0.72 / 0.62
  a pronoun with no source before it to stand for          0.45 to 0.6
  a continuing quotation with no cue of its own            0.7 of its speaker's
  an unattributed sentence: 0.95 with no word of saying in it, 0.8 with one the
  rules did not take, 0.5 for a quotation nobody is given for
"""

from functools import lru_cache

from sourcemark.analysis import lexicon as lx
from sourcemark.analysis.shapes import STRONG_VERBS, Found
from sourcemark.analysis.types import ANONYMOUS_TYPES

QUOTATION_MARKS = frozenset('"“”«»„')
# a pronoun's referent named this many paragraphs back (0, 1, 2 or more)
_PRONOUN_REACH = (0.85, 0.72, 0.62)
# a quotation that goes on past its cue: the same speaker, assumed
CONTINUED = 0.7
# the same quotation or paragraph, a sentence further from its cue
JOINED = 0.9
SPEAKER_LABEL = 0.9  # 'HOST: ...'
ANNOUNCED = 0.85  # 'The coach said:' ending the paragraph before
CREDIT_LINE = 0.85  # '“...” ― Name'

UNATTRIBUTED_PLAIN = 0.95  # no word of saying in the sentence
UNATTRIBUTED_HEDGED = 0.9  # "reportedly": the story says it has no source
UNATTRIBUTED_CUED = 0.8  # a word of saying the rules did not take as a cue
UNATTRIBUTED_QUOTE = 0.5  # a quotation, and nobody it is given to


@lru_cache(maxsize=4096)  # the same sources come back through an article and the next
def _source_shape(source: str) -> tuple[bool, bool]:
    """Whether a source as written is a pronoun ("he", "one of them"), and whether it is
    described by a common noun rather than named ("the ministry", "officials")."""
    first, _, rest = source.partition(" ")
    last = source.rpartition(" ")[2].lower()
    pronoun = last in lx.PRONOUNS and source.count(" ") < 3
    described = (not rest or rest.islower()) and not (
        first[:1].isupper() and first.lower() not in lx.DETERMINERS
    )
    return pronoun, described


@lru_cache(maxsize=4096)
def _loose_cue(cue: str) -> bool:
    """Whether a cue says less than "said" does: "believe", "suggested", "warned"."""
    word = cue.partition(" ")[0].lower()
    return word not in STRONG_VERBS and word != "according" and word.isalpha()


def attribution_confidence(
    found: Found, text: str, paragraph: int, named_in: dict[str, int]
) -> float:
    """The confidence of one attribution found in a sentence of paragraph ``paragraph``;
    ``named_in`` holds the paragraph where each source was last named (not a pronoun)."""
    mention = found.mention
    if mention is None:
        return UNATTRIBUTED_CUED
    pronoun, described = _source_shape(found.source_text or "")
    if pronoun:
        where = named_in.get(mention.resolved)
        if where is None:
            # the referent is a name the text mentions but never quotes, or nothing at all
            score = 0.6 if mention.resolved != mention.text else 0.45
        else:
            score = _PRONOUN_REACH[min(paragraph - where, 2)]
    elif mention.by_position:  # "the company": the last one named
        score = 0.8
    elif mention.type in ANONYMOUS_TYPES or described:
        score = 0.85  # the type rests on a describing word
    else:
        score = 0.92
    if mention.kind == "unknown":
        score *= 0.85
    if found.cue and _loose_cue(found.cue):
        score *= 0.93  # "believe", "suggested", "warned": saying in a looser sense
    start, end = found.content
    if not QUOTATION_MARKS.isdisjoint(text[start - 1 : start + 1] if start else text[:1]) or (
        not QUOTATION_MARKS.isdisjoint(text[end - 2 : end + 1])
    ):
        score += 0.06  # a direct quotation right at its cue
    return min(score, 1.0)
