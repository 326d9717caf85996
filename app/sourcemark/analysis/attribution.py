"""Finding attributions: cue, source mention and content, sentence by sentence.

The rules follow the shapes news writing uses:
  SOURCE CUE [that] CONTENT            Officials said the bridge was closed.
  CONTENT, SOURCE CUE [adverbials].    The bridge was closed, officials said Tuesday.
  CONTENT, CUE SOURCE[, role].         "It was closed," said Jane Roe, the mayor.
  CUE SOURCE: "QUOTE"                  Said the coach: "We lost."
  According to SOURCE, CONTENT / CONTENT, according to SOURCE.
  ... as reported by OUTLET ...        (the whole sentence rests on the outlet)
  SOURCE declined to comment / denied ...  (the whole sentence is the claim)
Cues inside quotation marks are never cues. A quotation that runs over
several sentences or paragraphs gives one claim per sentence, all with the
source of the sentence that attributes it.
"""

import re
from dataclasses import dataclass

from sourcemark.analysis import lexicon as lx
from sourcemark.analysis.entities import Mention, Registry, classify
from sourcemark.analysis.segment import Span, paragraphs, sentences
from sourcemark.analysis.tokens import CLOSE_QUOTES, QUOTE_MARKS, Token, quote_regions, tokenize
from sourcemark.analysis.types import Claim, SourcingType, Stance

PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"})
STOP_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", ".", "!", "?", "[", "]"}) | QUOTE_MARKS
INVERTING_VERBS = frozenset(
    """said says added wrote writes asked continued explained noted argued insisted warned
    recalled remarked replied countered according added""".split()
)
PARTICLES = {
    **dict.fromkeys(("pointed", "points", "point"), ("out", "to")),
    **dict.fromkeys(("called", "calls", "calling"), ("on", "for")),
    **dict.fromkeys(("pushed", "pushes", "pushing", "asked", "asks", "asking"), ("for",)),
    **dict.fromkeys(("summed", "weighed"), ("up", "in")),
}
_REPORT_BY = re.compile(
    r"\b(report|reports|story|article|investigation|reporting|analysis)\s+(by|in|from)\s+(.+)$",
    re.I,
)
_LETTERS = re.compile(r"[a-z]+")
_NAME_PUNCT = frozenset({"&", "'", "’", "-", "."})  # punctuation that can stand inside a name
_FINITE = frozenset(
    """is are was were has have had will would shall should can could may might must do does
    did""".split()
)
EVIDENCE_VERBS = frozenset(
    """show shows showed shown suggest suggests suggested indicate indicates indicated reveal
    reveals revealed find finds found""".split()
)
STRONG_VERBS = frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked"}
)
RECIPIENT_VERBS = frozenset(
    {"told", "tells", "tell", "informed", "informs", "assured", "reminded", "warned", "briefed"}
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
    }
)
PARTICIPLE_CUES = frozenset(
    """saying adding arguing claiming noting insisting warning explaining stressing asserting
    suggesting acknowledging conceding denying rejecting dismissing disputing writing telling
    contending maintaining""".split()
)
_CUE_WORDS = (
    lx.REPORTING_VERBS
    | PARTICIPLE_CUES
    | {"according", "reported", "revealed", "disclosed", "published", "quoted"}
)
APPOSITIVE_STARTS = frozenset(
    """a an the who which whose whom where published based speaking writing citing quoted
    now himself herself itself""".split()
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


class ArticleAnalyzer:
    def __init__(
        self, text: str, title: str = "", outlet: str | None = None, quotes: str = "paragraph"
    ):
        if quotes not in {"paragraph", "sentence"}:
            raise ValueError(f"quotes must be 'paragraph' or 'sentence', not {quotes!r}")
        self.quotes = quotes
        self.text = text
        self.title = title
        self.registry = Registry(outlet, title)
        self.last: dict[str, Mention] = {}
        self._sentence_found: list[Found] = []
        self._loose = ""
        self.claims: list[Claim] = []

    # -- the whole article ----------------------------------------------------------------

    def run(self) -> list[Claim]:
        self.registry.scan(self.text)
        carry: Found | None = None  # the speaker of a quotation left open at a paragraph's end
        for para in paragraphs(self.text):
            continues = carry is not None and self.text[para.start] in lx_OPEN_MARKS
            regions = quote_regions(self.text, para)
            sents = sentences(self.text, para)
            found_by_sentence: list[list[Found]] = []
            for sent in sents:
                # Only a sentence with a cue word can hold an attribution.
                if not lx.CUE_HINT.search(self.text, sent.start, sent.end):
                    found_by_sentence.append([])
                    continue
                tokens = tokenize(self.text, sent, regions)
                found_by_sentence.append(self._sentence(sent, tokens))
            self._speaker_label(para, sents, found_by_sentence)
            carry = self._propagate_quotes(
                para, sents, regions, found_by_sentence, carry if continues else None
            )
            for sent, found in zip(sents, found_by_sentence, strict=True):
                self._emit(sent, found)
        self._mark_premise()
        return self.claims

    def _emit(self, sent: Span, found: list[Found]) -> None:
        if not found:
            text = sent.of(self.text)
            hedge = HEDGES.search(text)
            self.claims.append(
                Claim(
                    text=text, start=sent.start, end=sent.end, cue=hedge.group(0) if hedge else None
                )
            )
            return
        for f in found:
            start, end = _trim(self.text, *f.content)
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
                )
            )

    # -- transcripts --------------------------------------------------------------------------

    def _speaker_label(self, para: Span, sents: list[Span], found_by_sentence) -> None:
        """'WALLACE: Let's start ...': a paragraph spoken by the person its label names."""
        label = _SPEAKER_LABEL.match(self.text, para.start, para.end)
        if label is None or label.group(1).lower() in _NOT_SPEAKERS or not sents:
            return
        words = label.group(1).split()
        if any(w.lower() in lx.REPORTING_VERBS for w in words):
            return  # "Said Okafor:" is a cue, read by the sentence rules
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 2:
            words = [words[0].capitalize()]  # transcripts write speakers in capitals
        mention, _ = self._mention_in(words, position=para.start)
        if mention is None or mention.type == SourcingType.UNATTRIBUTED:
            return
        speaker = Found((para.start, label.end(1)), mention, label.group(1), ":", -1,
                        (label.end(), sents[0].end), Stance.ASSERTS, -1, -1)  # fmt: skip
        owner = None
        for i, sent in enumerate(sents):
            if found_by_sentence[i]:
                continue
            start = max(sent.start, label.end())
            if owner is not None and self.quotes == "paragraph":
                owner.content = (owner.content[0], sent.end)
                found_by_sentence[i].append(_JOINED)
                continue
            owner = Found(speaker.subject, mention, label.group(1), ":", -1, (start, sent.end),
                          Stance.ASSERTS, -1, -1)  # fmt: skip
            found_by_sentence[i].append(owner)
        self._remember(speaker)

    # -- quotations over several sentences --------------------------------------------------

    def _propagate_quotes(self, para, sents, regions, found_by_sentence, carry):
        """Give unattributed sentences inside a quotation the source of the quotation."""
        last_open: Found | None = None
        previous_speaker: Found | None = None
        for a, b in regions:
            inside = [i for i, s in enumerate(sents) if s.end > a and s.start < b]
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
            ):
                speaker = previous_speaker  # '"A," she said. "B."': B is hers too
            previous_speaker = speaker
            if speaker is None:
                continue
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
                joined = Found(speaker.subject, speaker.mention, speaker.source_text, speaker.cue,
                               -1, (start, end), Stance.ASSERTS, -1, -1, quote=True)  # fmt: skip
                found_by_sentence[i].append(joined)
                if self.quotes == "paragraph":
                    owner = joined
            if b == para.end and self.text[b - 1] not in CLOSE_QUOTES and self.text[b - 1] != '"':
                last_open = speaker
        return last_open

    # -- one sentence ---------------------------------------------------------------------

    def _sentence(self, sent: Span, tokens: list[Token]) -> list[Found]:
        found: list[Found] = []
        self._sentence_found = found
        consumed_to = 0  # token index before which cues are taken
        content_owner: Found | None = None
        for kind, i, j in self._cues(sent, tokens):
            if i < consumed_to:
                continue
            attribution = self._attribution(kind, i, j, tokens, sent, floor=consumed_to)
            if attribution is None:
                continue
            if content_owner is not None and attribution.subject_index >= 0:
                # A second attribution inside the content of the first counts only after a
                # clause boundary: "..., while Meridian says ...", "..., though X said ...",
                # or when it shares the first one's subject: "... and said ...".
                start = attribution.subject_index
                shared = start == attribution.cue_index
                relative = (
                    tokens[start].lower == "who" and start > 0 and tokens[start - 1].text == ","
                )
                if not shared and not relative and not _after_boundary(tokens, start):
                    continue
                owner_start, _ = content_owner.content
                cut = tokens[start - 1].start if start > 0 else tokens[start].start
                while start > 0 and tokens[start - 1].lower in BOUNDARY_WORDS | {",", ";"}:
                    start -= 1
                    cut = tokens[start].start
                if owner_start < cut:
                    content_owner.content = (owner_start, min(content_owner.content[1], cut))
            found.append(attribution)
            consumed_to = max(attribution.end_index, j)
            cue_end = tokens[attribution.cue_index].end if attribution.cue_index >= 0 else 0
            content_owner = attribution if attribution.content[1] > cue_end else None
            self._remember(attribution)
        return found

    def _cues(self, sent: Span, tokens: list[Token]) -> list[tuple[str, int, int]]:
        cues: list[tuple[str, int, int]] = []
        declines = []
        raw = self.text[sent.start : sent.end]
        masked = _masked(self.text, sent, tokens) if _DECLINE_HINT.search(raw) else ""
        for match in lx.DECLINE_PATTERN.finditer(masked):
            i = _index_at(tokens, sent.start + match.start())
            j = _index_at(tokens, sent.start + match.end())
            if i is not None:
                declines.append(("decline", i, j if j is not None else len(tokens)))
        n = len(tokens)
        declined = {k for _, a, b in declines for k in range(a, b)}
        cue_words = _CUE_WORDS
        words = [t for t in tokens if t.is_word]
        # In a headline-style line ("..., Lindsey Graham Says.") capitalised cues are cues.
        title_case = len(words) >= 4 and sum(t.is_cap for t in words) >= 0.7 * len(words)
        i = 0
        while i < n:
            t = tokens[i]
            if t.lower not in cue_words or t.quoted or i in declined:
                i += 1
                continue
            if t.lower == "according" and i + 1 < n and tokens[i + 1].lower == "to":
                cues.append(("according", i, i + 2))
                i += 2
                continue
            if (
                t.lower in {"reported", "revealed", "disclosed", "published", "quoted"}
                and i + 1 < n
                and tokens[i + 1].lower == "by"
            ):
                cues.append(("reported_by", i, i + 2))
                i += 2
                continue
            if (
                t.lower in PARTICIPLE_CUES
                and i > 0
                and tokens[i - 1].text == ","
                and not tokens[i - 1].quoted
            ):
                cues.append(("participle", i, i + 1))
            elif (
                t.lower in lx.REPORTING_VERBS
                and t.lower not in lx.NOUN_LIKE
                and (not t.is_cap or i == 0 or title_case)
            ):
                cues.append(("verb", i, i + 1))
            i += 1
        cues.extend(declines)
        cues.sort(key=lambda c: c[1])
        return cues

    def _attribution(self, kind, i, j, tokens, sent, floor) -> Found | None:
        n = len(tokens)
        if kind == "according":
            k = j
            while (
                k < n
                and tokens[k].text not in {",", ";", "."}
                and not tokens[k].quoted
                and k - j < 18
            ):
                k += 1
            words = [t.text for t in tokens[j:k] if t.is_word]
            mention, source_text = self._mention_in_loosely(words, "document")
            if mention is None:
                return None
            subject = (tokens[j].start, tokens[k - 1].end)
            cue = "according to"
            if i <= floor or (i > 0 and tokens[i - 1].text in {",", ":"} and i - 1 <= floor):
                content = (tokens[k].end if k < n else sent.end, sent.end)
            elif sum(1 for t in tokens[k:] if t.is_word) >= 4 and not (
                k + 1 < n and tokens[k + 1].lower in {"who", "which"}
            ):
                content = (tokens[floor].start, sent.end)
            else:
                content = (
                    tokens[floor].start,
                    tokens[i - 1].start if tokens[i - 1].text == "," else tokens[i].start,
                )
            return Found(subject, mention, source_text, cue, i, content, Stance.ASSERTS, k, -1)
        if kind == "reported_by":
            k = j
            while k < n and tokens[k].text not in {",", ";", "."} and k - j < 10:
                if k > j and tokens[k].lower in PREPOSITIONS and tokens[k - 1].is_cap:
                    break
                k += 1
            words = [t.text for t in tokens[j:k] if t.is_word]
            mention, source_text = self._mention_in_loosely(words, "document")
            if mention is None:
                return None
            cue_start = i
            while cue_start > 0 and tokens[cue_start - 1].lower in {
                "as",
                "previously",
                "first",
                "earlier",
                "initially",
                "also",
                "was",
                "were",
                "been",
                "has",
                "had",
            }:
                cue_start -= 1
            cue = " ".join(t.text for t in tokens[cue_start:j])
            fronted = cue_start <= floor and k < n and tokens[k].text == ","
            content = (
                tokens[k + 1].start if fronted and k + 1 < n else tokens[floor].start,
                sent.end,
            )
            return Found((tokens[j].start, tokens[k - 1].end), mention, source_text, cue, i,
                         content, Stance.ASSERTS, k, -1)  # fmt: skip
        if kind == "decline":
            subject = self._subject_before(tokens, i, floor)
            if subject is None:
                return None
            s, e, mention, source_text = subject
            cue = self.text[tokens[i].start : tokens[j - 1].end]
            return Found((tokens[s].start, tokens[e - 1].end), mention, source_text, cue, i,
                         (tokens[s].start, sent.end), Stance.DECLINES, j, s)  # fmt: skip
        if kind == "participle":
            return self._participle_attribution(i, tokens, sent)
        return self._verb_attribution(i, tokens, sent, floor)

    def _participle_attribution(self, v, tokens, sent) -> Found | None:
        """', saying X': the subject of the clause the participle hangs on says X."""
        previous = self._sentence_found[-1] if self._sentence_found else None
        if previous is not None and previous.mention is not None:
            mention, source_text = previous.mention, previous.source_text
        else:
            subject = self._leading_subject(tokens, 0, v)
            if subject is None:
                return None
            mention, source_text = subject[2], subject[3]
        after = self._content_start(tokens, v)
        if (
            after is None
            or sum(1 for t in tokens[after:] if t.is_word) < 2
            or tokens[after].lower == "to"
        ):
            return None
        stance = (
            Stance.DENIES
            if tokens[v].lower in {"denying", "rejecting", "dismissing", "disputing"}
            else Stance.ASSERTS
        )
        if previous is not None and previous.content[1] > tokens[v].start:
            cut = tokens[v - 1].start
            if previous.content[0] < cut:
                previous.content = (previous.content[0], cut)
        return Found(None, mention, source_text, tokens[v].text, v,
                     (tokens[after].start, sent.end), stance, after, -1)  # fmt: skip

    def _leading_subject(self, tokens, start, limit):
        """The sentence's own subject: a name or noun phrase from ``start`` (before ``limit``)."""
        m = start
        while (
            m < limit
            and tokens[m].is_word
            and (
                tokens[m].is_cap
                or tokens[m].lower in lx.DETERMINERS
                or tokens[m].lower in lx.PRONOUNS
            )
        ):
            m += 1
        if m == start:
            return None
        words = [t.text for t in tokens[start:m]]
        mention, source_text = self._mention_in(words, position=tokens[start].start)
        if mention is None:
            return None
        return start, m, mention, source_text

    def _verb_attribution(self, v, tokens, sent, floor) -> Found | None:
        n = len(tokens)
        verb = tokens[v].lower
        if v + 1 < n and tokens[v + 1].lower == "by":
            return None  # a passive participle: "compiled by", "found by"
        inverted = None
        subject = self._subject_before(tokens, v, floor)
        if subject is None:
            subject = self._shared_subject(tokens, v, floor)
        if (
            subject is None
            and verb in INVERTING_VERBS
            and (
                v == floor or tokens[v - 1].text in {",", ":"} | QUOTE_MARKS or tokens[v - 1].quoted
            )
        ):
            inverted = self._subject_after(tokens, v)
        if (
            subject is None
            and inverted is None
            and (verb in STRONG_VERBS | EVIDENCE_VERBS | lx.CLOSING_VERBS | lx.DENY_VERBS)
        ):
            # "the announcer said": with a verb of saying, a described person is a source;
            # "another slide shows": with a verb of evidence, a described thing is a document
            self._loose = "document" if verb in EVIDENCE_VERBS else "person"
            try:
                subject = self._subject_before(tokens, v, floor)
            finally:
                self._loose = ""
        if subject is None and inverted is None:
            return None
        if subject is not None:
            s, e, mention, source_text = subject
            if verb in lx.WEAK_VERBS and mention.type == SourcingType.UNATTRIBUTED:
                return None
            if (
                verb not in STRONG_VERBS
                and s > 0
                and s != v
                and tokens[s - 1].lower in SUBORDINATORS
                and not tokens[s - 1].quoted
            ):
                return None  # "when employees found that ...": an event, not a source
        else:
            s, e, mention, source_text = inverted
        stance = Stance.ASSERTS
        rest_text = self.text[tokens[v].start : sent.end]
        if verb in lx.DENY_VERBS or (verb in lx.NAMING_VERBS and lx.DENIAL_WORDS.search(rest_text)):
            stance = Stance.DENIES
        subject_span = (tokens[s].start, tokens[e - 1].end)
        if stance == Stance.ASSERTS and verb in {"said", "says", "added"}:
            head = " ".join(t.text for t in tokens[v + 1 : v + 9] if not t.quoted)
            if lx.DECLINE_PATTERN.search(head):
                stance = Stance.DECLINES
        if stance == Stance.DENIES and not inverted:
            return Found(subject_span, mention, source_text, tokens[v].text, v,
                         (tokens[s].start, sent.end), stance, v + 1, s)  # fmt: skip
        if inverted:
            after = e
            if after < n and tokens[after].text == ":":
                content = (tokens[after + 1].start if after + 1 < n else sent.end, sent.end)
            else:
                end_char = tokens[v - 1].start if v > floor else tokens[v].start
                content = (tokens[floor].start, end_char)
            return Found(
                subject_span, mention, source_text, tokens[v].text, v, content, stance, after, -1
            )
        # SOURCE CUE ...: content after the cue, unless the cue closes the clause
        after = self._content_start(tokens, v)
        before_words = sum(1 for t in tokens[floor:s] if t.is_word)
        closing = s > floor and (tokens[s - 1].text in {","} | QUOTE_MARKS or tokens[s - 1].quoted)
        rest_words = [t for t in tokens[after:] if t.is_word] if after is not None else []
        adverbial = (
            after is None
            or not rest_words
            or (tokens[after].lower in PREPOSITIONS and tokens[after - 1].lower != "that")
            or (v + 1 < n and tokens[v + 1].text in {",", ";", ".", "!", "?"})
            or (verb in RECIPIENT_VERBS and _recipient_closes(tokens, v))
        )
        if closing and before_words >= 1 and adverbial and verb in lx.CLOSING_VERBS | lx.DENY_VERBS:
            end_char = tokens[s - 1].start
            content = (tokens[floor].start, end_char)
            if _parenthetical(tokens, v, s):
                # "Climate change, Mr. Obama often says, is the greatest threat": both sides
                content = (tokens[floor].start, sent.end)
            elif before_words < 2:
                return None
            return Found(
                subject_span, mention, source_text, tokens[v].text, v, content, stance, v + 1, s
            )
        if after is None or len(rest_words) < 2:
            return None
        if tokens[after].lower == "to" and verb not in lx.INTENTION_VERBS:
            return None  # "expected to stay": an infinitive after a verb of saying is no claim
        if closing and tokens[floor].text in QUOTE_MARKS and tokens[after].text in QUOTE_MARKS:
            # '"A," he told the host, "B."': one quotation around its cue
            return Found(subject_span, mention, source_text, tokens[v].text, v,
                         (tokens[floor].start, sent.end), stance, after, s, quote=True)  # fmt: skip
        if (
            verb in lx.WEAK_VERBS
            and tokens[after].lower in PREPOSITIONS
            and not (tokens[after].lower == "to" and verb in lx.INTENTION_VERBS)
            and tokens[after - 1].lower != "that"
            and not (after + 1 < n and tokens[after + 1].lower in {"least", "most"})
        ):
            return None  # "a student admitted with a perfect score" is not an attribution
        return Found(subject_span, mention, source_text, tokens[v].text, v,
                     (tokens[after].start, sent.end), stance, after, s)  # fmt: skip

    def _content_start(self, tokens: list[Token], v: int) -> int | None:
        """Token index where what the cue introduces begins."""
        n = len(tokens)
        k = v + 1
        if k < n and tokens[k].lower in PARTICLES.get(tokens[v].lower, ()):
            k += 1  # "pointed out", "called on", "called for", "pushed for"
        # "told MPs on Monday that ...", "said in a statement that ...", "said on Tuesday: ..."
        leads_in = k < n and (
            tokens[k].lower in PREPOSITIONS
            or tokens[k].lower in {"that", ":"}
            or tokens[k].text == ":"
            or tokens[v].lower in RECIPIENT_VERBS
        )
        for m in range(k, min(n, k + 14) if leads_in else k):
            t = tokens[m]
            if t.quoted and t.text not in QUOTE_MARKS:
                break
            if t.lower == "that" or t.text == ":":
                if all(x.lower not in lx.REPORTING_VERBS for x in tokens[k:m]):
                    return m + 1 if m + 1 < n else None
                break
            if t.text in {".", ";"}:
                break
        if tokens[v].lower in RECIPIENT_VERBS:
            k = _skip_recipient(tokens, k)
        k = _skip_time(tokens, k)
        while k < n and tokens[k].text == ",":
            k += 1
        return k if k < n else None

    # -- subjects ---------------------------------------------------------------------------

    def _subject_before(self, tokens, v, floor):
        k = v - 1
        while k >= floor and not tokens[k].quoted and _is_auxiliary(tokens[k]):
            k -= 1
        if k < floor:
            return None
        progressive = tokens[v].lower.endswith("ing") and tokens[k].lower in PASSIVE
        if progressive:  # "is seeking", "was saying": the subject comes before the auxiliary
            k -= 1
            while k >= floor and not tokens[k].quoted and _is_auxiliary(tokens[k]):
                k -= 1
            if k < floor:
                return None
        elif tokens[k].lower == "only" and k - 1 >= floor and tokens[k - 1].lower == "not":
            k -= 2  # "the research not only documented ..."
            if k < floor:
                return None
        elif tokens[k].lower in PASSIVE or tokens[k].lower in {"to", "not", "n't"}:
            return None
        end = k
        # Skip what stands between a name and its cue, one piece at a time:
        # "Rep. Gregory W. Meeks (D-N.Y.), chairman of the PAC, said",
        # "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said".
        if tokens[end].text == ")" and not tokens[end].quoted:
            end = _skip_name_tag(tokens, end, floor)
        if tokens[end].text in {",", ")"} and not tokens[end].quoted:
            # segments between commas, nearest first
            segments: list[tuple[int, int]] = []
            e = end - 1
            while e >= floor and len(segments) < 6:
                m = e
                while (
                    m >= floor
                    and tokens[m].text not in {",", "(", ";", ":", "—"}
                    and not tokens[m].quoted
                    and e - m < 45
                ):
                    m -= 1
                segments.append((m + 1, e))
                if m < floor or tokens[m].text not in {",", "("}:
                    break
                e = _skip_name_tag(tokens, m - 1, floor)
            first_start, first_end = segments[0]
            inner = tokens[first_start : first_end + 1]
            if inner and all(t.is_cap and t.is_word for t in inner) and 1 < len(inner) <= 4:
                m = first_start - 1
                r = m - 1
                while r >= floor and tokens[r].text not in {",", ";", ":"} and not tokens[r].quoted:
                    r -= 1
                role = [t.text for t in tokens[r + 1 : m] if t.is_word]
                words = [t.text for t in inner]
                role_text = " ".join(role)
                determiners = lx.DETERMINERS | {"his", "her", "their", "its", "one"}
                if m >= floor and (
                    (role and role[0].lower() in determiners)
                    or lx.OFFICIAL_ROLES.search(role_text)
                    or lx.PRIVATE_ROLES.search(role_text)
                ):
                    mention, source_text = self._mention_in(
                        words, role=role_text, position=inner[0].start
                    )
                    if mention is not None:
                        return first_start, first_end + 1, mention, source_text
            subject_segment = None
            for index, (seg_start, seg_end) in enumerate(segments):
                seg = tokens[seg_start : seg_end + 1]
                if not seg:
                    return None
                if index + 1 < len(segments) and _is_appositive(tokens, seg, seg_start - 1, floor):
                    if len(seg) > 24 and seg[0].lower not in {"who", "which", "whose"}:
                        return None
                    continue
                subject_segment = (seg_start, seg_end)
                break
            if subject_segment is None or subject_segment == segments[0]:
                return None  # nothing but a clause before the comma: not a subject
            end = subject_segment[1]
        k = end
        while k >= floor:
            t = tokens[k]
            if t.quoted or t.text in STOP_PUNCT or (not t.is_word and t.text not in _NAME_PUNCT):
                break
            if t.lower in lx.CLAUSE_WORDS:
                if (
                    t.lower == "and"
                    and k - 1 >= floor
                    and not tokens[k - 1].quoted
                    and (tokens[k - 1].is_cap or tokens[k - 1].lower in lx.PRONOUNS)
                ):
                    k -= 1
                    continue
                if t.lower == "who" and k == end:
                    k -= 1
                    break
                break
            # another verb ends the subject, unless it is a participle modifying it:
            # "a summary posted on the website shows"
            participle = t.lower.endswith("ed") and (
                tokens[k + 1].lower in PREPOSITIONS or tokens[k + 1].lower in lx.TIME_WORDS
            )
            if (
                t.lower in lx.REPORTING_VERBS
                and k < end
                and _is_verb_form(t.lower)
                and not participle
            ):
                break
            k -= 1
        start = k + 1
        if start > end:
            return None
        words = [t.text for t in tokens[start : end + 1] if t.is_word]
        if not words or len(words) > 12:
            return None
        possessive = len(words) == 1 and tokens[end].lower.endswith(("'s", "’s"))
        if possessive or all(w.isdigit() for w in words):
            return None  # "Editor's note", "18 states": not a subject
        if tokens[start].lower in PREPOSITIONS | {"per"} and not tokens[start].is_cap:
            return None  # "per the McKinley plan", "in one of those plans": not a subject
        for t in tokens[start : end + 1]:
            if t.lower in {"who", "which", "that", "whose"}:
                break  # a relative clause may hold verbs: "an official who was not authorised"
            if t.lower in _FINITE:
                return None  # "Trump has faced questions": a clause, not a subject
        if tokens[end].lower == "who" and start == end:
            return self._relative_subject(tokens, start, floor, end)
        mention, source_text = self._mention_in(words, position=tokens[start].start)
        if mention is None:
            return None
        return start, end + 1, mention, source_text

    def _shared_subject(self, tokens, v, floor):
        """'X denied A and said B': the second verb shares the first one's subject."""
        k = v - 1
        while k >= 0 and not tokens[k].quoted and _is_auxiliary(tokens[k]):
            k -= 1
        if k < 0 or tokens[k].lower not in {"and", "but", "yet"} or tokens[k].quoted:
            return None
        previous = self._sentence_found[-1] if self._sentence_found else None
        if previous is not None:
            verb = tokens[v].lower
            changes = (verb in lx.DENY_VERBS) != (previous.stance == Stance.DENIES) or verb in {
                "accused",
                "accuses",
                "said",
                "says",
                "told",
                "added",
            }
            if previous.subject_index < 0 or previous.mention is None or not changes:
                return None  # "noted A and claimed B" is one claim of the same source
            return v, v, previous.mention, previous.source_text
        start = floor
        while start < k and tokens[start].text == ",":
            start += 1
        return self._leading_subject(tokens, start, k)

    def _relative_subject(self, tokens, who, floor, end):
        """', who said ...': the source named just before it in the sentence."""
        previous = self._sentence_found[-1] if self._sentence_found else None
        if previous is not None and previous.mention is not None:
            return who, end + 1, previous.mention, tokens[who].text
        mention = self.last.get("group") or self.last.get("person")
        return (who, end + 1, mention, tokens[who].text) if mention else None

    def _subject_after(self, tokens, v):
        n = len(tokens)
        k = v + 1
        while k < n and not tokens[k].quoted and tokens[k].text not in STOP_PUNCT and k - v <= 8:
            if tokens[k].lower in lx.REPORTING_VERBS or tokens[k].lower in {"that", "who", "which"}:
                break
            k += 1
        words = [t.text for t in tokens[v + 1 : k] if t.is_word]
        if not words or words[0].lower() in PREPOSITIONS:
            return None
        if k < n and tokens[k].text not in STOP_PUNCT and not tokens[k].quoted:
            return None  # "said the videos show ...": the words after the cue are its content
        role = ""
        # "said Meridian's chief executive, Alistair Brand": the name follows the role
        if k + 1 < n and tokens[k].text == "," and tokens[k + 1].is_cap:
            m = k + 1
            while m < n and tokens[m].is_word and tokens[m].is_cap:
                m += 1
            name = [t.text for t in tokens[k + 1 : m]]
            if 1 < len(name) <= 4 and (
                lx.OFFICIAL_ROLES.search(" ".join(words))
                or lx.PRIVATE_ROLES.search(" ".join(words))
            ):
                role, words, k = " ".join(words), name, m
        mention, source_text = self._mention_in(words, role=role, position=tokens[v].start)
        if mention is None:
            return None
        return v + 1, k, mention, source_text

    def _mention_in(self, words: list[str], role: str = "", position: int = 10**12):
        """Classify the words of a source mention, resolving pronouns and short references."""
        if not words:
            return None, None
        # "Both he and the Kremlin": the first named source decides
        if "and" in (w.lower() for w in words):
            cut = [w.lower() for w in words].index("and")
            first = [w for w in words[:cut] if w.lower() != "both"]
            if first:
                words = first
        lowered = [w.lower() for w in words]
        for relative in ("who", "which", "whose", "that"):
            if relative in lowered[1:]:
                cut = lowered.index(relative, 1)
                words, lowered = words[:cut], lowered[:cut]  # "an official who was not authorised"
        source_text = " ".join(words)
        if lowered[-1] in lx.PRONOUNS and len(words) <= 3:
            return self._pronoun(lowered[-1], source_text, position), source_text
        if lowered[:3] == ["one", "of", "them"]:
            return self.last.get("group"), source_text
        # "a report by the Lakeshore Examiner": the outlet behind a report
        match = _REPORT_BY.search(source_text) if len(words) > 2 else None
        if match:
            outlet_words = match.group(3).split()
            outlet = classify(outlet_words, self.registry)
            if outlet is not None and outlet.type == SourcingType.MEDIA_REPORT:
                return outlet, match.group(3)
        mention = classify(words, self.registry, role, position)
        if mention is None and self._loose:
            mention = _described(words, self._loose)
        if mention is None:
            return None, None
        return mention, source_text

    def _mention_in_loosely(self, words: list[str], kind: str):
        """After 'according to' or 'reported by' whatever follows is a source: a described
        one when nothing better is known."""
        self._loose = kind
        try:
            return self._mention_in(words)
        finally:
            self._loose = ""

    def _pronoun(self, pronoun: str, text: str, position: int) -> Mention:
        """The source a pronoun stands for: the last such source, else the last person named.

        An unresolved pronoun still marks an attributed claim: the source is written, only
        its referent is unknown.
        """
        kind = lx.PRONOUNS[pronoun]
        if kind == "person":
            found = self.last.get("person")
            if found is None:
                entity = self.registry.last_before(position, "person")
                if entity is not None:
                    found = Mention(text, entity.name, entity.type, "person")
            return found or Mention(text, text, SourcingType.NAMED_PERSON, "person")
        if kind == "group":
            return (
                self.last.get("group")
                or self.last.get("org")
                or Mention(text, text, SourcingType.ANONYMOUS_SOURCE, "group")
            )
        if kind == "thing":
            return (
                self.last.get("thing")
                or self.last.get("org")
                or Mention(text, text, SourcingType.SPOKESPERSON, "org")
            )
        return (
            self.last.get("group")
            or self.last.get("person")
            or Mention(text, text, SourcingType.ANONYMOUS_SOURCE, "group")
        )

    def _remember(self, found: Found) -> None:
        mention = found.mention
        if mention is None:
            return
        if mention.kind == "person":
            self.last["person"] = mention
        elif mention.kind == "group":
            self.last["group"] = mention
        elif mention.kind in {"org", "outlet"}:
            self.last["org"] = mention
            self.last["thing"] = mention
        elif mention.kind == "document":
            self.last["thing"] = mention

    # -- the premise ------------------------------------------------------------------------

    def _mark_premise(self) -> None:
        """The claims that carry the headline: most of its content words, put forward as true."""
        title = _stems(self.title)
        if not title or not self.claims:
            return
        scored = [
            (len(title & _stems(c.text)) / len(title), index)
            for index, c in enumerate(self.claims)
            if c.stance == Stance.ASSERTS
        ]
        if not scored:
            return
        best = max(score for score, _ in scored)
        if best < 0.25:
            return
        for score, index in scored:
            if score >= max(0.3, best * 0.8):
                self.claims[index].premise = True


_SPEAKER_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
_NOT_SPEAKERS = frozenset(
    """note update related photo photos video watch read listen source sources editor
    editor's note correction advertisement warning caption credit q a question answer
    also see more click subscribe sign share follow contact email updated published
    breaking live analysis opinion comment exclusive""".split()
)
# Marks a sentence whose words joined the claim of the quotation it belongs to.
_JOINED = Found(None, None, None, "", -1, (0, 0), Stance.ASSERTS, -1, -1)
_PARTY_TAG = re.compile(r"[A-Z][\w.]*-[A-Z][\w.]*")  # "R-Ky.", "D-Wis."
_DECLINE_HINT = re.compile(
    r"comment|respond|reply|repl|reach|availab|declin|refus|return|answer", re.I
)
lx_OPEN_MARKS = {"“", '"', "«", "„", "‘"}
_STOP = frozenset(
    """the a an of to in on at for and or but with by from as is are was were be been has have
    had will would could should may might that this these those it its his her their they he
    she we you i not no after over into about than more most also just who which what
    when""".split()
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _LETTERS.findall(text.lower()) if len(w) > 2 and w not in _STOP}


def _described(words: list[str], kind: str) -> Mention | None:
    """'The New York businessman', 'the announcer', 'another slide': described by a noun."""
    head = words[-1]
    low = head.lower()
    if not head.isalpha() or not head[:1].islower() or low in lx.TIME_WORDS:
        return None
    if words[0].lower() not in lx.DETERMINERS | {"his", "her", "their", "its", "our", "my", "your"}:
        return None
    if low in lx.DETERMINERS or low in lx.PRONOUNS or low in lx.CLAUSE_WORDS or low in _STOP:
        return None
    text = " ".join(words)
    if kind == "document":
        return Mention(text, text, SourcingType.DOCUMENT, "document")
    return Mention(text, text, SourcingType.ANONYMOUS_SOURCE, "person")


def _skip_name_tag(tokens: list[Token], end: int, floor: int) -> int:
    """Before a bracketed tag after a name, "Gov. Pat McCrory (R)": the index before the '('."""
    if end < floor or tokens[end].text != ")" or tokens[end].quoted:
        return end
    m = end - 1
    while m >= floor and tokens[m].text != "(" and end - m <= 6:
        m -= 1
    if m >= floor and tokens[m].text == "(" and m - 1 >= floor and tokens[m - 1].is_cap:
        return m - 1
    return end


def _is_appositive(tokens: list[Token], inner: list[Token], m: int, floor: int) -> bool:
    """Whether the words between two commas describe the name before them."""
    first = inner[0]
    if first.lower in APPOSITIVE_STARTS or first.text[:1].isdigit():
        return True
    if first.lower.endswith("ed") and not first.is_cap:
        return True  # ", released on Wednesday,"
    if first.lower in {"seen", "written", "given", "known", "run", "led", "made", "sent", "of"}:
        return True
    if len(inner) <= 3 and _PARTY_TAG.fullmatch(first.text) is not None:
        return True  # ", R-Ky.,"
    phrase = " ".join(t.text for t in inner)
    if lx.OFFICIAL_ROLES.search(phrase) or lx.PRIVATE_ROLES.search(phrase):
        return True
    # a short tag after a name: "Senator Dianne Feinstein, Democrat of California,"
    before_name = m - 1 >= floor and tokens[m - 1].is_cap and tokens[m - 1].is_word
    return (
        before_name
        and len(inner) <= 8
        and not any(t.lower in PASSIVE or t.lower in lx.REPORTING_VERBS or t.quoted for t in inner)
    )


def _parenthetical(tokens: list[Token], v: int, s: int) -> bool:
    """', SOURCE says, ...' in mid-sentence with the clause going on after it."""
    n = len(tokens)
    if not (v + 2 < n and tokens[v + 1].text == "," and s > 0 and tokens[s - 1].text == ","):
        return False
    follower = tokens[v + 2]
    if follower.lower in BOUNDARY_WORDS or follower.lower in PARTICIPLE_CUES or follower.quoted:
        return False
    return sum(1 for t in tokens[v + 2 :] if t.is_word) >= 3


def _is_auxiliary(token: Token) -> bool:
    """Words between a subject and its cue: 'has', 'had previously', 'often', 'flatly'."""
    word = token.lower
    if token.is_cap:
        return False  # "Theresa May suggested": a name, not the auxiliary
    if word in lx.AUXILIARIES:
        return True
    return not token.is_cap and len(word) > 4 and word.endswith("ly") and word.isalpha()


def _is_verb_form(word: str) -> bool:
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


def _masked(text: str, sent: Span, tokens: list[Token]) -> str:
    chars = list(text[sent.start : sent.end])
    for t in tokens:
        if t.quoted:
            for c in range(t.start - sent.start, t.end - sent.start):
                chars[c] = " "
    return "".join(chars)


def _index_at(tokens: list[Token], position: int) -> int | None:
    for index, t in enumerate(tokens):
        if t.start >= position:
            return index
    return None


def _after_boundary(tokens: list[Token], start: int) -> bool:
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
    return k >= 0 and tokens[k].text in {",", ";"}


def _skip_time(tokens: list[Token], k: int) -> int:
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


def _recipient_closes(tokens: list[Token], v: int) -> bool:
    """'"...," Trump told the crowd, reciting ...': the person told, then the clause ends."""
    k = _skip_time(tokens, _skip_recipient(tokens, v + 1))
    while k < len(tokens) and tokens[k].lower in {"then", "later", "also", "again", "recently"}:
        k += 1
    return k >= len(tokens) or tokens[k].text in {",", ".", ";", "!", "?"}


def _skip_recipient(tokens: list[Token], k: int) -> int:
    """Past the person told: 'told reporters', 'told the Register', 'told MPs on Monday'."""
    n = len(tokens)
    if k < n and tokens[k].lower in {"the", "a", "an"}:
        k += 1
    if k < n and tokens[k].is_cap and tokens[k].lower not in lx.PRONOUNS:
        while k < n and tokens[k].is_cap and tokens[k].is_word:
            k += 1
    elif k < n and tokens[k].lower not in lx.PRONOUNS and tokens[k].lower not in _STOP:
        k += 1
    while (
        k < n
        and tokens[k].lower in {"on", "in", "at", "last", "this"}
        and k + 1 < n
        and (tokens[k + 1].lower in lx.TIME_WORDS or tokens[k + 1].is_cap)
    ):
        k += 2
    return k


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without surrounding spaces, quote marks, commas or a dangling 'that'."""
    junk = " \t\n,;:“”\"‘’'«»—–-("
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    if text[start : start + 5].lower() == "that " and end - start > 5:
        start += 5
    return start, end
