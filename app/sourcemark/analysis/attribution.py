"""An article's claims: sentence by sentence, then quotations, transcripts and the premise.

A quotation that runs over several sentences or paragraphs is attributed to the
source of the sentence that attributes it: one claim per paragraph by default,
or one per sentence. Sentences without a source are unattributed claims.
"""

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from sourcemark.analysis import evidence
from sourcemark.analysis import lexicon as lx
from sourcemark.analysis.entities import Mention, Registry
from sourcemark.analysis.segment import Span, paragraphs, plain_headline, sentences
from sourcemark.analysis.sentence import SentenceRules
from sourcemark.analysis.shapes import (
    HEDGES,
    LETTERS,
    PREPOSITIONS,
    STOP_WORDS,
    Found,
    trim,
)
from sourcemark.analysis.tokens import CLOSE_QUOTES, quote_regions, tokenize
from sourcemark.analysis.types import Claim, SourcingType, Stance

DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:\([^)\n]{1,30}\))?\s*[—–―-]{1,2}\s+")
_SPEAKER_LABEL = re.compile(r"[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
# '“...” ― Marta Oyelaran': a quotation credited to the name after a dash, ending the paragraph
_CREDIT_LINE = re.compile(r"[”\"]\s*[―—–-]{1,2}\s*([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4})\.?\s*$")

# Page furniture: links to other stories ("READ MORE: ...", "WATCH: ..."), bylines, "Published
# ... Updated ..." lines. Never a source and never a claim.
_FURNITURE = re.compile(
    r"(?:(?:read|see|watch|listen|also read|related|more|video|photos?|gallery|click here|"
    r"recommended|trending|sign up|subscribe|advertisement)(?: (?:more|also|next|now|here|"
    r"stories|coverage|articles|content|links|on this story))?\s*[:|»›]"
    # a byline: names in capitals, perhaps a second name or a desk after them
    r"|(?-i:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&|\||[—–-])\s*[A-Z][\w.,'’ &-]{0,60})?(?<!\.)$)"
    r"|(?:first |last )?(?:published|updated|posted)\b[^.!?]{0,150}\d)",
    re.I,
)
_FURNITURE_STARTS = frozenset("RrSsWwLlAaMmVvPpGgCcTtBbUu")
# "Follow Jane Roe on Twitter @janeroe", "Like us on Facebook": a link to the writer's or
# the outlet's accounts; "(CROSSTALK)", "[Applause]", "(inaudible)": what a transcript
# notes between the speakers' words. Either may open with the quotation mark of a
# transcript quoted paragraph by paragraph.
_SOCIAL = re.compile(
    r"[\"“]?(?:follow|like us|find us)\b[^.!?\n]{0,60}\bon (?:twitter|facebook|instagram|x|threads|"
    r"bluesky|tiktok|youtube|linkedin|mastodon)\b[^\n]{0,60}$",
    re.I,
)
# (a word, or words in capitals: a bracketed sentence of the story stays)
_STAGE_DIRECTION = re.compile(
    r"[\"“]?\s*[(\[](?:[A-Za-z-]+|[A-Z][A-Z ,.:'’-]{1,40})[.]?[)\]][.\"”]*\s*$"
)
_STAGE_STARTS = frozenset('"“([')
_SOCIAL_STARTS = frozenset("FfLl")

_NOT_SPEAKERS = frozenset(
    """note update related photo photos video watch read listen source sources editor
    editor's note correction advertisement warning caption credit q a question answer
    also see more click subscribe sign share follow contact email updated published
    breaking live analysis opinion comment exclusive clarification""".split()
)

# Marks a sentence whose words joined the claim of the quotation it belongs to.
_JOINED = Found(None, None, None, "", -1, (0, 0), Stance.ASSERTS, -1, -1)

OPEN_MARKS = {"“", '"', "«", "„", "‘"}


def _only_quotation(regions: list[tuple[int, int]], para: Span) -> bool:
    """Whether the paragraph is quotations and nothing else ('“A.”', '“A.” “B.”')."""
    if not regions or regions[0][0] != para.start:
        return False
    return para.end - regions[-1][1] <= 1 and all(
        after - before <= 2 for (_, before), (after, _) in pairwise(regions)
    )


def _stems(text: str) -> set[str]:
    return {w[:5] for w in LETTERS.findall(text.lower()) if len(w) > 2 and w not in STOP_WORDS}


class ArticleAnalyzer(SentenceRules):
    """Every claim of one article, in reading order."""

    def __init__(
        self, text: str, title: str = "", outlet: str | None = None, quotes: str = "paragraph"
    ):
        if quotes not in {"paragraph", "sentence"}:
            raise ValueError(f"quotes must be 'paragraph' or 'sentence', not {quotes!r}")
        self.quotes = quotes
        self.text = text
        # a plain text's first line may be its headline: then its claims are the headline's,
        # also when ingest has read it as the title by the same rule
        headline = plain_headline(text) if not title or text.lstrip().startswith(title) else ""
        if title and headline != title:
            headline = ""
        self.headline_end = len(headline)
        self.title = title or headline
        self.registry = Registry(outlet, self.title)
        self.last: dict[str, Mention] = {}
        self._sentence_found: list[Found] = []
        self._loose = ""
        self._paragraph = 0
        self._named_in: dict[str, int] = {}
        self._mentions: dict = {}
        self.claims: list[Claim] = []

    def run(self) -> list[Claim]:
        self.registry.scan(self.text)
        carry: Found | None = None  # the speaker of a quotation left open at a paragraph's end
        quoted: Found | None = None  # the speaker of the quotation that ended the paragraph
        announced: Found | None = None  # 'The coach said:' ended the paragraph before
        for index, para in enumerate(paragraphs(self.text)):
            self._paragraph = index
            if self._furniture(para):
                quoted = carry = announced = None
                continue
            opens = self.text[para.start] in OPEN_MARKS
            continues = carry is not None and opens
            regions = quote_regions(self.text, para)
            sents = sentences(self.text, para)
            found_by_sentence: list[list[Found]] = []
            hinted: list[bool] = []  # whether the sentence holds a word of saying
            for sent in sents:
                # Only a sentence with a cue word can hold an attribution.
                tokens = tokenize(self.text, sent, regions, unless_none_of=lx.CUE_HINT_WORDS)
                found_by_sentence.append(self._sentence(sent, tokens) if tokens else [])
                hinted.append(bool(tokens))
            if announced is not None and sents and not found_by_sentence[0]:
                # what 'The coach said:' at the end of the paragraph before announced
                self._give_paragraph(sents, found_by_sentence, announced.subject,
                                     announced.mention, announced.source_text, announced.cue,
                                     para.start, para.end, evidence.ANNOUNCED)  # fmt: skip
                quoted = announced
            announced = (
                self._announcement(sents[-1], regions) if self.text[para.end - 1] == ":" else None
            )
            self._speaker_label(para, sents, found_by_sentence)
            self._credit_line(para, sents, found_by_sentence)
            if not continues and opens and quoted is not None and _only_quotation(regions, para):
                # a paragraph that is only a quotation, after one whose quotation was
                # attributed: the same speaker goes on
                continues, carry = True, quoted
            carry, quoted = self._propagate_quotes(
                para, sents, regions, found_by_sentence, carry if continues else None
            )
            if not found_by_sentence or not found_by_sentence[-1]:
                quoted = None  # the paragraph ends in reporting: the quotation is over
            for sent, found, hint in zip(sents, found_by_sentence, hinted, strict=True):
                self._emit(sent, found, hint)
        self._mark_premise()
        return self.claims

    def _furniture(self, para: Span) -> bool:
        """A line of the page rather than of the story: a link to another story, a byline,
        a "Published ... Updated ..." line, a subhead in capitals."""
        if para.end - para.start > 200:
            return False
        text = self.text[para.start : para.end]
        if text[0] in _FURNITURE_STARTS and _FURNITURE.match(text):
            return True
        if text[0] in _STAGE_STARTS and _STAGE_DIRECTION.match(text):
            return True
        if text.lstrip('"“')[:1] in _SOCIAL_STARTS and _SOCIAL.match(text):
            return True
        # "BUDGET FIGHT LOOMS": a subhead in capitals (a dateline goes on in lower case)
        return text.isupper() and len(text) >= 6 and text[-1] not in '.”"' and " " in text

    def _emit(self, sent: Span, found: list[Found], hinted: bool) -> None:
        second = self.text[sent.start + 1 : sent.start + 2]  # "WASHINGTON": no lower case
        dateline = (
            DATELINE.match(self.text, sent.start, sent.end)
            if second and not second.islower()
            else None
        )
        if dateline:  # "WASHINGTON (AP) — ...": where and who filed it, not part of the claim
            sent = Span(dateline.end(), sent.end)
            for f in found:
                if f.content[0] < dateline.end() <= f.content[1]:
                    f.content = (dateline.end(), f.content[1])
        if not found:
            text = sent.of(self.text)
            low = text.lower()
            # every hedge holds one of these (substring tests are far cheaper than the pattern)
            maybe = (
                "edly" in low
                or "understood" in low
                or "said to" in low
                or "believed to" in low
                or "thought to" in low
            )
            hedge = HEDGES.search(text) if maybe else None
            if hedge:
                confidence = evidence.UNATTRIBUTED_HEDGED
            elif text[:1] in OPEN_MARKS or text[-1:] in CLOSE_QUOTES:
                confidence = evidence.UNATTRIBUTED_QUOTE
            elif hinted:
                confidence = evidence.UNATTRIBUTED_CUED
            else:
                confidence = evidence.UNATTRIBUTED_PLAIN
            self.claims.append(
                Claim(
                    text=text,
                    start=sent.start,
                    end=sent.end,
                    cue=hedge.group(0) if hedge else None,
                    confidence=confidence,
                )
            )
            return
        for f in found:
            start, end = trim(self.text, *f.content)
            if end <= start:
                continue
            mention = f.mention
            self.claims.append(
                Claim(
                    text=self.text[start:end],
                    start=start,
                    end=end,
                    type=mention.type if mention else SourcingType.UNATTRIBUTED,
                    stance=f.stance,
                    source=f.source_text,
                    source_resolved=mention.resolved if mention else None,
                    cue=f.cue,
                    quote=f.quote,
                    confidence=f.confidence,
                )
            )

    def _speaker_label(self, para: Span, sents: list[Span], found_by_sentence) -> None:
        """'HOST: Will you run again? ...': a paragraph spoken by the person its label names."""
        label = _SPEAKER_LABEL.match(self.text, para.start, para.end)
        if label is None or label.group(1).lower() in _NOT_SPEAKERS or not sents:
            return
        words = label.group(1).split()
        if any(w.lower() in lx.REPORTING_VERBS for w in words):
            return  # "Said Okafor:" is a cue, read by the sentence rules
        if not label.group(1).isupper() and any(
            w.lower() in PREPOSITIONS or w.lower() in lx.DETERMINERS for w in words
        ):
            # "Storm Over Harbour: ...", "The Week Ahead: ...": a heading in title case, not a
            # speaker ("THE MAYOR:" in a transcript still is one)
            return
        if (
            para.start < self.headline_end
            and words[-1].lower() not in self.text[para.end :].lower()
        ):
            # "Budget Blues: Council cuts ...": a headline's kicker, not someone in the story
            return
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 2:
            words = [words[0].capitalize()]  # transcripts write speakers in capitals
        mention, _ = self._mention_in(words, position=para.start)
        if mention is None or mention.type == SourcingType.UNATTRIBUTED:
            return
        for found in found_by_sentence:
            # a speaker's turn is their quotation: "the report shows ..." in it is what the
            # speaker says, not a claim of its own
            found.clear()
        subject = (label.start(1), label.end(1))
        self._give_paragraph(sents, found_by_sentence, subject, mention, label.group(1), ":",
                             label.end(), para.end, evidence.SPEAKER_LABEL)  # fmt: skip

    def _announcement(self, sent: Span, regions) -> Found | None:
        """'The coach said:' or 'Said Okafor in a statement:' ending a paragraph: who speaks
        in the paragraph after it."""
        tokens = tokenize(self.text, sent, regions)
        if tokens is None or len(tokens) < 3:
            return None
        # the cue is among the last words before the colon: 'added:', 'wrote on Twitter:'
        for v in range(len(tokens) - 2, max(-1, len(tokens) - 8), -1):
            t = tokens[v]
            if t.quoted or t.lower not in lx.CLOSING_VERBS:
                continue
            subject = self._subject_before(tokens, v, 0)
            if subject is None and (v == 0 or tokens[v - 1].text in {",", "."}):
                subject = self._subject_after(tokens, v)  # 'Said the coach:'
            if subject is None or subject[2].type == SourcingType.UNATTRIBUTED:
                return None
            s, e, mention, source_text = subject
            span = (tokens[s].start, tokens[e - 1].end)
            return Found(span, mention, source_text, t.text, v, (sent.end, sent.end),
                         Stance.ASSERTS, v + 1, s)  # fmt: skip
        return None

    def _credit_line(self, para: Span, sents: list[Span], found_by_sentence) -> None:
        """'“...” ― Marta Oyelaran': a quotation credited below or after it."""
        if not sents or self.text[para.end - 1] in CLOSE_QUOTES:
            return
        # the credit ends the paragraph: only its last characters need reading, and only
        # when they hold a closing quotation mark
        tail = max(para.start, para.end - 160)
        if self.text.find("”", tail, para.end) < 0 and self.text.find('"', tail, para.end) < 0:
            return
        credit = _CREDIT_LINE.search(self.text, tail, para.end)
        if credit is None or any(w.lower() in lx.REPORTING_VERBS for w in credit[1].split()):
            return
        name = credit[1].rstrip(".")
        mention, _ = self._mention_in(name.split(), position=credit.start(1))
        if mention is None or mention.type == SourcingType.UNATTRIBUTED:
            return
        subject = (credit.start(1), credit.start(1) + len(name))
        self._give_paragraph(sents, found_by_sentence, subject, mention, name, "―",
                             para.start, credit.start() + 1, evidence.CREDIT_LINE)  # fmt: skip

    def _give_paragraph(
        self, sents, found_by_sentence, subject, mention, label, cue, start, end, confidence
    ):
        """The sentences from ``start`` to ``end`` without a source of their own are the
        speaker's: one claim, or one per sentence in "sentence" mode."""
        owner = None
        for i, sent in enumerate(sents):
            if found_by_sentence[i] or sent.end <= start or sent.start >= end:
                continue
            span = (max(sent.start, start), min(sent.end, end))
            if owner is not None and self.quotes == "paragraph":
                owner.content = (owner.content[0], span[1])
                found_by_sentence[i].append(_JOINED)
                continue
            owner = Found(subject, mention, label, cue, -1, span, Stance.ASSERTS, -1, -1,
                          confidence=confidence)  # fmt: skip
            found_by_sentence[i].append(owner)
        self._remember(Found(subject, mention, label, cue, -1, (start, end), Stance.ASSERTS,
                             -1, -1))  # fmt: skip

    def _propagate_quotes(self, para, sents, regions, found_by_sentence, carry):
        """Give unattributed sentences inside a quotation the source of the quotation."""
        last_open: Found | None = None
        previous_speaker: Found | None = None
        starts = [sent.start for sent in sents]
        ends = [sent.end for sent in sents]
        for a, b in regions:
            # the sentences overlapping the quotation (sentences are sorted and disjoint)
            inside = range(bisect_right(ends, a), bisect_left(starts, b))
            speaker = None
            for i in inside:
                for f in found_by_sentence[i]:
                    if f.mention is not None and f.content[0] < b and f.content[1] > a:
                        speaker = f
            if speaker is None and carry is not None and a == para.start:
                speaker = carry
            if (
                speaker is None
                and previous_speaker is not None
                and not any(found_by_sentence[i] for i in inside)
                # a quotation that opens its sentence, not words quoted inside another one
                # ('His aides called him "a genius."')
                and (not inside or a <= sents[inside[0]].start)
            ):
                speaker = previous_speaker  # '"A," she said. "B."': B is hers too
            if (
                speaker is None
                and inside
                and inside[0] > 0
                and a <= sents[inside[0]].start
                and not any(found_by_sentence[i] for i in inside)
            ):
                speaker = self._closed_by(found_by_sentence[inside[0] - 1])
            if speaker is None:
                # a title or a word in quotation marks in the sentence that attributes ('...,"
                # she said on "Meet the Press." "B."'): the speaker of that sentence goes on
                previous_speaker = next(
                    (f for i in inside for f in reversed(found_by_sentence[i])
                     if f.mention is not None),
                    None,
                )  # fmt: skip
                continue
            previous_speaker = speaker
            # In "paragraph" mode a quotation is one claim within its paragraph: its other
            # sentences join the claim of the sentence that attributes it, and a quotation
            # continued from the paragraph before becomes one claim of its own here.
            owner = speaker if speaker is not carry else None
            for i in inside:
                if found_by_sentence[i]:
                    continue
                sent = sents[i]
                start, end = max(sent.start, a), min(sent.end, b)
                if self.quotes == "paragraph" and owner is not None:
                    owner.content = (min(owner.content[0], start), max(owner.content[1], end))
                    owner.quote = True
                    found_by_sentence[i].append(_JOINED)
                    continue
                # a quotation carried from the paragraph before has no cue of its own here
                share = evidence.CONTINUED if speaker is carry else evidence.JOINED
                joined = Found(speaker.subject, speaker.mention, speaker.source_text, speaker.cue,
                               -1, (start, end), Stance.ASSERTS, -1, -1, quote=True,
                               confidence=speaker.confidence * share)  # fmt: skip
                found_by_sentence[i].append(joined)
                if self.quotes == "paragraph":
                    owner = joined
            if b == para.end and self.text[b - 1] not in CLOSE_QUOTES and self.text[b - 1] != '"':
                last_open = speaker
        return last_open, previous_speaker

    @staticmethod
    def _closed_by(found: list[Found]) -> Found | None:
        """The source of 'The plan may wait, Schiff said.' when a quotation opens the next
        sentence: what it says closes with its cue, and the quotation goes on in its voice."""
        last = found[-1] if found else None
        if (
            last is None
            or last.mention is None
            or last.subject is None
            or last.content[1] > last.subject[0]
            or last.cue.lower() not in lx.CLOSING_VERBS
        ):
            return None
        return last

    def _mark_premise(self) -> None:
        """The claims that carry the headline: most of its content words, put forward as true."""
        title = _stems(self.title)
        if not title or not self.claims:
            return
        # the headline's own claims carry it; the story's are weighed against it
        headline_start = len(self.text) - len(self.text.lstrip())
        headline_end = headline_start + self.headline_end
        for c in self.claims:
            if c.start < headline_end and c.stance == Stance.ASSERTS:
                c.premise = True
        scored = [
            (len(title & _stems(c.text)) / len(title), index)
            for index, c in enumerate(self.claims)
            if c.stance == Stance.ASSERTS and c.start >= headline_end
        ]
        if not scored:
            return
        best = max(score for score, _ in scored)
        if best < 0.25:
            return
        for score, index in scored:
            if score >= max(0.3, best * 0.8):
                self.claims[index].premise = True
