"""Attributions within one sentence: the cue, the source and the content.

The rules follow the shapes news writing uses:
  SOURCE CUE [that] CONTENT            Officials said the bridge was closed.
  CONTENT, SOURCE CUE [adverbials].    The bridge was closed, officials said Tuesday.
  CONTENT, CUE SOURCE[, role].         "It was closed," said Jane Roe, the mayor.
  CUE SOURCE: "QUOTE"                  Said the coach: "We lost."
  According to SOURCE, CONTENT / CONTENT, according to SOURCE.
  ... as reported by OUTLET ...        (the whole sentence rests on the outlet)
  SOURCE declined to comment / denied ...  (the whole sentence is the claim)
Cues inside quotation marks are never cues.
"""

from itertools import compress
from operator import attrgetter, itemgetter

from sourcemark.analysis import lexicon as lx
from sourcemark.analysis.evidence import attribution_confidence
from sourcemark.analysis.segment import Span
from sourcemark.analysis.shapes import (
    BE_CONTRACTIONS,
    BOUNDARY_WORDS,
    CUE_WORDS,
    EVIDENCE_VERBS,
    FINITE,
    HEDGE_ADVERBS,
    INVERTING_VERBS,
    PARTICIPLE_CUES,
    PARTICLES,
    PASSIVE,
    PEOPLE_ENDINGS,
    PREPOSITIONS,
    RECIPIENT_VERBS,
    STRONG_VERBS,
    SUBORDINATORS,
    Found,
    adverbial_closes,
    after_boundary,
    after_fronted,
    in_title_case,
    index_at,
    is_appositive,
    is_auxiliary,
    is_verb_form,
    masked_text,
    may_decline,
    parenthetical,
    recipient_closes,
    skip_recipient,
    skip_time,
)
from sourcemark.analysis.subjects import SubjectRules
from sourcemark.analysis.tokens import QUOTE_MARKS, Token
from sourcemark.analysis.types import SourcingType, Stance

_LOWER = attrgetter("lower")
_SECOND = itemgetter(1)
# word sets the rules ask about, joined once
_CLAUSE_EDGE = BOUNDARY_WORDS | {",", ";"}
_BEFORE_INVERTED = QUOTE_MARKS | {",", ":"}
_COMMA_OR_QUOTE = QUOTE_MARKS | {","}
_SAYING_OR_EVIDENCE = STRONG_VERBS | EVIDENCE_VERBS | lx.SAYING_VERBS | lx.DENY_VERBS
_ACTS = lx.SPEECH_ACTS | lx.INTENTION_VERBS
# what takes an infinitive as what it states: "plans to", "were willing to"
_TAKES_TO = lx.INTENTION_VERBS | lx.WILLING_ADJECTIVES
# the acts a cue closing the sentence takes into its content: "X plans to ..., Y said."
_FRAMED_ACTS = _ACTS | lx.DENY_VERBS | lx.STANCE_VERBS | lx.ATTITUDE_ADJECTIVES | lx.SEEING_VERBS
_CLOSING_OR_DENYING = lx.CLOSING_VERBS | lx.DENY_VERBS
_PLURAL_VERBS = frozenset({"were", "are", "have"})
# Verbs of saying that also take a thing as their object, in another sense: "added a goal",
# "the index added 0.4 per cent", "claimed the title", "announced his retirement"
_OBJECT_SENSES = frozenset(
    """add adds added claim claims claimed announce announces announced know knows
    knew""".split()
)
_OBJECT_STARTS = lx.DETERMINERS | {"his", "her", "their", "its", "our", "my", "another", "no"}
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})
_CLAUSE_MARKS = FINITE | {"that", ":", "if", "whether", "who", "which"}
# what ends the agent after "reported by", "published by": "... by The Post–shows that"
_AGENT_ENDS = frozenset({",", ";", ".", "—", "–", "(", ")"})


class SentenceRules(SubjectRules):
    """Cues and content in one sentence: the rules in the module docstring."""

    def _sentence(self, sent: Span, tokens: list[Token]) -> list[Found]:
        found: list[Found] = []
        self._sentence_found = found
        consumed_to = 0  # token index before which cues are taken
        content_owner: Found | None = None
        cues = self._cues(sent, tokens)
        if len(cues) > 1 and _closes_after_comma(cues[-1], tokens):
            cues = self._final_cue_owns(cues, tokens, sent)
        for kind, i, j in cues:
            if i < consumed_to:
                continue
            attribution = self._attribution(kind, i, j, tokens, sent, floor=consumed_to)
            if attribution is None:
                continue
            if (
                content_owner is not None
                and attribution.subject_index >= 0
                and tokens[attribution.subject_index].start < content_owner.content[1]
            ):
                # A second attribution inside the content of the first counts only after a
                # clause boundary: "..., while Meridian says ...", "..., though X said ...",
                # or when it shares the first one's subject: "... and said ...".
                start = attribution.subject_index
                shared = start == attribution.cue_index
                relative = (
                    tokens[start].lower == "who" and start > 0 and tokens[start - 1].text == ","
                ) or (
                    # "..., which she said were in the safe": a source inside a relative clause
                    start > 1
                    and tokens[start - 1].lower in {"which", "who", "whom"}
                    and tokens[start - 2].text == ","
                )
                if not shared and not relative and not after_boundary(tokens, start):
                    continue
                owner_start, _ = content_owner.content
                cut = tokens[start - 1].start if start > 0 else tokens[start].start
                while start > 0 and tokens[start - 1].lower in _CLAUSE_EDGE:
                    start -= 1
                    cut = tokens[start].start
                if owner_start < cut:
                    content_owner.content = (owner_start, min(content_owner.content[1], cut))
            attribution.confidence = attribution_confidence(
                attribution, self.text, self._paragraph, self._named_in
            )
            found.append(attribution)
            consumed_to = max(attribution.end_index, j)
            cue_end = tokens[attribution.cue_index].end if attribution.cue_index >= 0 else 0
            content_owner = attribution if attribution.content[1] > cue_end else None
            self._remember(attribution)
        return found

    def _final_cue_owns(self, cues, tokens, sent):
        """'Harbour Freight plans to cut 400 jobs, people familiar with the matter said.': a
        cue that closes the sentence after a comma owns all of it, and the acts before it
        (what the company plans, what the mayor denied) are its content, not claims of their
        own: they rest on the source named at the end. Other cues before it are read as
        usual."""
        kind, i, j = cues[-1]
        acts = [
            c
            for c in cues[:-1]
            if c[0] == "decline"
            or (c[0] == "verb" and lx.PROGRESSIVE.get(tokens[c[1]].lower, tokens[c[1]].lower)
                in _FRAMED_ACTS)
        ]  # fmt: skip
        if not acts:
            return cues
        # "The ministry denied ..., according to a statement on its website": the statement
        # is how the ministry spoke, not another source (read first: far cheaper)
        if kind == "according":
            if any(t.lower in lx.SENT_DOCUMENTS for t in tokens[j:]):
                return cues
        elif tokens[i - 1].text != "," and not _nothing_after(tokens, i + 1, i):
            return cues  # "..., which he insisted was ...": the cue's content follows it
        final = self._attribution(kind, i, j, tokens, sent, floor=0)
        if (
            final is None
            or final.content[0] != tokens[0].start
            or final.content[1] < tokens[acts[-1][2] - 1].end
            or not _nothing_after(tokens, final.end_index, i)
            or (
                final.mention.kind == "document"
                and not lx.SENT_DOCUMENTS.isdisjoint(final.source_text.lower().split())
            )
        ):
            return cues
        return [c for c in cues if c not in acts]

    def _cues(self, sent: Span, tokens: list[Token]) -> list[tuple[str, int, int]]:
        cues: list[tuple[str, int, int]] = []
        declines = []
        raw = self.text[sent.start : sent.end]
        masked = masked_text(self.text, sent, tokens) if may_decline(raw) else ""
        for match in lx.DECLINE_PATTERN.finditer(masked):
            i = index_at(tokens, sent.start + match.start())
            j = index_at(tokens, sent.start + match.end())
            if i is not None:
                declines.append(("decline", i, j if j is not None else len(tokens)))
        n = len(tokens)
        declined = {k for _, a, b in declines for k in range(a, b)}
        title_case: bool | None = None  # worked out when a capitalised cue word shows up
        # only the tokens that can be cues are looked at (the mask is built in C)
        is_cue_word = map(CUE_WORDS.__contains__, map(_LOWER, tokens))
        skip_to = 0  # a phrasal cue ("according to") takes the words after it
        for i in compress(range(n), is_cue_word):
            t = tokens[i]
            if i < skip_to or t.quoted or i in declined:
                continue
            low = t.lower
            if (
                low in _CLAIM_MODIFIERS
                and 0 < i < n - 1
                and tokens[i + 1].lower in lx.CLAIM_NOUNS
                and (
                    tokens[i - 1].lower in _POSSESSIVE_PRONOUNS
                    or tokens[i - 1].lower.endswith(("'s", "’s"))
                )
            ):
                continue  # "the prosecutor's repeated warnings": a word of the noun's
            if low in _SPECIAL_CUES or (
                low in _AS_CUES and i > 0 and tokens[i - 1].lower in _BEFORE_AS_CUE
            ):  # the rarer shapes; most cue words are plain verbs
                special = _special_cue(tokens, i, low, skip_to)
                if special is not None:
                    cues.append(special)
                    if special[0] not in {"per", "participle", "fronted"}:
                        skip_to = special[2]
                    continue
            if (
                low in lx.REPORTING_VERBS
                and low not in lx.NOUN_LIKE
                # "a game plan", "their worst fears": a noun, not a cue
                and (i == 0 or not _noun_before(tokens, i))
                # "a city transport plan would ...", "the states": the verb only with what
                # it takes ("plans to", "states that")
                and (
                    low not in _MOSTLY_NOUNS
                    or (i + 1 < n and tokens[i + 1].lower in {"to", "that", ":"})
                )
                and (low not in lx.ABOUT_VERBS or _about(tokens, i))
                # "rips up the contract": a hand's act, not words
                and not (
                    low in _LITERAL_VERBS
                    and i + 1 < n
                    and tokens[i + 1].lower in _LITERAL_PARTICLES
                )
                # "its steel supports were found": a noun before a plural verb, not a cue
                and not (i + 1 < n and tokens[i + 1].lower in _PLURAL_VERBS and low[-1] == "s")
                # "rural support was firmer": a noun before "was"
                and not (
                    i + 1 < n
                    and tokens[i + 1].lower in _NOUN_BEFORE_BE
                    and low in lx.BASE_FORMS
                    and i > 0
                    and _no_subject(tokens[i - 1])
                )
                and (not t.is_cap or i == 0 or (title_case := _title_case(tokens, title_case)))
            ) or (low in lx.PROGRESSIVE and _after_be(tokens, i)):
                cues.append(("verb", i, i + 1))
        if declines:  # the others came in reading order
            cues.extend(declines)
            cues.sort(key=_SECOND)
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
            while k < n and tokens[k].text not in _AGENT_ENDS and k - j < 10:
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
            if subject is None:  # "... said it was reviewing the ruling and declined to say"
                subject = self._shared_subject(tokens, i, floor, new_act=True)
            if subject is None:
                return None
            s, e, mention, source_text = subject
            if s > 0 and tokens[s - 1].lower in _CONDITIONS:
                return None  # "the deposit is kept if tenants did not confirm ...": a condition
            cue = self.text[tokens[i].start : tokens[j - 1].end]
            return Found((tokens[s].start, tokens[e - 1].end), mention, source_text, cue, i,
                         (tokens[s].start, sent.end), Stance.DECLINES, j, s)  # fmt: skip
        if kind == "participle":
            return self._participle_attribution(i, tokens, sent)
        if kind == "noun":
            return self._noun_attribution(i, j, tokens, sent)
        if kind == "fronted":
            return self._fronted_attribution(i, tokens)
        if kind == "light":
            return self._light_attribution(i, j, tokens, sent, floor)
        if kind == "clear":
            return self._clear_attribution(i, j, tokens, sent, floor)
        if kind == "view":
            return self._view_attribution(i, j, tokens, sent)
        return self._verb_attribution(i, tokens, sent, floor)

    def _noun_attribution(self, i, j, tokens, sent) -> Found | None:
        """ "Ruiz's claim that ...", "her warning that ...", "a Harbour Times report that
        ...", "the coach's argument was that ...", "warnings from her lawyer that ...": the
        owner of the claim is its source, what follows "that" (at ``j``) its content."""
        if tokens[i + 1].lower in {"from", "by"}:
            # "criticism from the opposition that ...": the owner after the noun
            words = [t.text for t in tokens[i + 2 : j - 1]]
            mention, source_text = self._mention_in(words, position=tokens[i + 2].start)
            if mention is None or mention.type == SourcingType.UNATTRIBUTED:
                return None
            cue = " ".join(t.text for t in tokens[i : i + 2])
            return Found((tokens[i + 2].start, tokens[j - 2].end), mention, source_text, cue,
                         i, (tokens[j].start, sent.end), Stance.ASSERTS, j, i + 2)  # fmt: skip
        h = i - 1 if tokens[i - 1].lower in _CLAIM_MODIFIERS else i  # just after the owner
        before = tokens[h - 1]
        low = before.lower
        if low in _POSSESSIVE_PRONOUNS:
            start = h - 1
            words = [_POSSESSIVE_PRONOUNS[low]]
        else:
            start = h - 1
            while (
                (before.is_cap or low.endswith(("'s", "’s")))
                and start - 1 >= 0
                and _in_name(tokens[start - 1])
            ):
                start -= 1  # "Donald Trump's", "a New York Times"
            if low.endswith(("'s", "’s")):
                if start == h - 1 and start - 1 >= 0 and tokens[start - 1].lower in lx.DETERMINERS:
                    start -= 1  # "the company's"
                words = [t.text for t in tokens[start : h - 1]] + [before.text[:-2]]
            elif start == h - 1:
                words = [before.text]  # "police claims", "expert warnings"
            else:
                words = [t.text for t in tokens[start:h]]
        mention, source_text = self._mention_in(words, position=tokens[start].start)
        if mention is None or mention.type == SourcingType.UNATTRIBUTED:
            return None
        end = sent.end
        if tokens[0].lower in _FRONTING or (start > 0 and tokens[start - 1].lower in _FRONTING):
            # "Despite critics' warnings that A, B": the content ends with the phrase
            for m in range(i + 2, len(tokens)):
                if tokens[m].text == "," and (
                    not tokens[m].quoted
                    # 'Contrary to his claim that it would "change nothing," ...': the
                    # comma inside the quotation's closing mark
                    or (m + 1 < len(tokens) and tokens[m + 1].text in _QUOTE_CLOSERS)
                ):
                    end = tokens[m].start
                    break
        if j >= len(tokens):
            return None
        if tokens[j - 1].lower in {"about", "on"}:
            # "his comments about the strike drew fire": what they were about ends where a
            # verb, a comma or a clause comes
            for m in range(j + 1, len(tokens)):
                t = tokens[m]
                if t.quoted:
                    continue
                low = t.lower
                if (
                    t.text in {",", ";", ":", "(", "—", "--"}
                    or low in FINITE
                    or low in lx.CLAUSE_WORDS
                    or low in {"who", "which"}
                    or (not t.is_cap and (is_verb_form(low) or low in _PAST_FORMS))
                ):
                    end = min(end, t.start)
                    break
        subject = (tokens[start].start, before.end)
        return Found(subject, mention, source_text, tokens[i].text, i,
                     (tokens[j].start, end), Stance.ASSERTS, j, start)  # fmt: skip

    def _light_attribution(self, v, j, tokens, sent, floor) -> Found | None:
        """'The league issued a statement urging the clubs to wait': the maker of the
        statement is the source; what follows the verb, the content."""
        subject = self._subject_before(tokens, v, floor)
        if subject is None:
            return None
        s, e, mention, source_text = subject
        if mention.type == SourcingType.UNATTRIBUTED or mention.kind == "document":
            return None
        if _words_up_to(tokens, j, len(tokens), 2) < 2:
            return None  # "made a statement.": nothing said here
        if tokens[j - 1].lower in _FOOTAGE and j < len(tokens) and tokens[j].lower in PREPOSITIONS:
            return None  # "released video of the arrest": what it shows, not what it says
        if (
            tokens[v + 1].lower in _DEFINITE
            and j < len(tokens)
            and (tokens[j].lower in PREPOSITIONS or not tokens[j].is_word)
        ):
            # "made the remarks after training", "made this statement at a rally":
            # words said before, told of again; only when and where they were said follows
            return None
        cue = " ".join(t.text for t in tokens[v:j])
        return Found((tokens[s].start, tokens[e - 1].end), mention, source_text, cue, v,
                     (tokens[v + 1].start, sent.end), Stance.ASSERTS, j, s)  # fmt: skip

    def _view_attribution(self, i, j, tokens, sent) -> Found | None:
        """'In his view, the plan will fail', 'By Ruiz's own account, ...': the owner of the
        view is the source, the clause after the comma its content."""
        words = [t for t in tokens[1:i] if t.lower != "own"]
        if not words or not all(t.is_word and not t.quoted for t in words):
            return None
        last = words[-1].lower
        if len(words) == 1 and last in _POSSESSIVE_PRONOUNS:
            owner = [_POSSESSIVE_PRONOUNS[last]]
        elif last.endswith(("'s", "’s")):
            owner = [t.text for t in words[:-1]] + [words[-1].text[:-2]]
        else:
            return None  # "In the long view, ...": nobody's
        mention, source_text = self._mention_in(owner, position=words[0].start)
        if mention is None or mention.type == SourcingType.UNATTRIBUTED:
            return None
        if _words_up_to(tokens, j, len(tokens), 3) < 3:
            return None
        cue = " ".join(t.text for t in tokens[0 : i + 1])
        return Found((words[0].start, words[-1].end), mention, source_text, cue, i,
                     (tokens[j].start, sent.end), Stance.ASSERTS, j, 1)  # fmt: skip

    def _clear_attribution(self, v, j, tokens, sent, floor) -> Found | None:
        """'The minister made it clear that the talks were over': the maker is the source,
        what follows "clear" (and "that") the content."""
        subject = self._subject_before(tokens, v, floor)
        if subject is None:
            subject = self._shared_subject(tokens, v, floor)
        if subject is None:
            return None
        s, e, mention, source_text = subject
        if mention.type == SourcingType.UNATTRIBUTED:
            return None  # "The results made it clear that ...": no source
        n = len(tokens)
        k = j
        for m in range(j, min(n, j + 8)):  # "made clear on Sunday that ..."
            if tokens[m].lower == "that" and not tokens[m].quoted:
                k = m + 1
                break
            if not tokens[m].is_word or tokens[m].quoted:
                break
        if _words_up_to(tokens, k, n, 2) < 2:
            return None
        cue = " ".join(t.text for t in tokens[v:j])
        return Found((tokens[s].start, tokens[e - 1].end), mention, source_text, cue, v,
                     (tokens[k].start, sent.end), Stance.ASSERTS, k, s)  # fmt: skip

    def _fronted_attribution(self, v, tokens) -> Found | None:
        """'Citing the figures, the mayor said ...', 'After saying the plant was safe, the
        minister left': the participle's content is the phrase, the clause's subject its
        source."""
        n = len(tokens)
        comma = v + 1
        while comma < n and not (tokens[comma].text == "," and not tokens[comma].quoted):
            comma += 1
        if comma >= n - 2 or _words_up_to(tokens, v + 1, comma, 2) < 2:
            return None
        subject = self._leading_subject(tokens, comma + 1, n)
        if subject is None or subject[2].type == SourcingType.UNATTRIBUTED:
            return None
        s, e, mention, source_text = subject
        after = v + 1
        if tokens[after].lower == "that" and after + 1 < comma:
            after += 1
        return Found((tokens[s].start, tokens[e - 1].end), mention, source_text, tokens[v].text,
                     v, (tokens[after].start, tokens[comma].start), Stance.ASSERTS, comma + 1,
                     -1)  # fmt: skip

    def _passive_attribution(self, v, tokens, sent, floor) -> Found | None:
        """'The plan was praised by experts', '..., echoed by a number of economists': the
        agent of a passive act of saying or judging is the source of what it was done to."""
        verb = tokens[v].lower
        if verb in _FINDING_VERBS or verb in EVIDENCE_VERBS or not verb.endswith("ed"):
            return None
        k = v - 1
        while k >= floor and is_auxiliary(tokens[k]):
            k -= 1
        if k < floor or not (tokens[k].lower in PASSIVE or tokens[k].text == ","):
            return None
        cut = k  # the content is what stands before the passive
        while cut > floor and tokens[cut - 1].lower in PASSIVE:
            cut -= 1
        n = len(tokens)
        j = v + 2
        m = j
        while m < n and tokens[m].is_word and not tokens[m].quoted and m - j < 10:
            if m > j and tokens[m].lower in PREPOSITIONS - {"of"} and tokens[m - 1].is_cap:
                break  # "by the Harbour Arts Council in 2019"
            if tokens[m].lower in PREPOSITIONS - {"of", "at"} and m > j:
                break
            m += 1
        words = [t.text for t in tokens[j:m] if t.is_word]
        if not words or _words_up_to(tokens, floor, cut, 2) < 2:
            return None
        mention, source_text = self._mention_in(words, position=tokens[j].start)
        if mention is None or mention.type == SourcingType.UNATTRIBUTED:
            return None
        stance = Stance.ASSERTS
        if verb in lx.DENY_VERBS and not any(
            t.lower in lx.REQUEST_NOUNS for t in tokens[floor:cut]
        ):
            stance = Stance.DENIES  # "the report was dismissed by the ministry"; not a request
        return Found((tokens[j].start, tokens[m - 1].end), mention, source_text,
                     f"{tokens[v].text} by", v, (tokens[floor].start, tokens[cut].start),
                     stance, m, -1)  # fmt: skip

    def _participle_attribution(self, v, tokens, sent) -> Found | None:
        """', saying X': the subject of the clause the participle hangs on says X."""
        previous = self._sentence_found[-1] if self._sentence_found else None
        if previous is not None and previous.mention is not None:
            mention, source_text = previous.mention, previous.source_text
        else:
            subject = self._leading_subject(tokens, after_fronted(tokens, v), v)
            if subject is None:
                return None
            mention, source_text = subject[2], subject[3]
        after = self._content_start(tokens, v)
        if (
            after is None
            or sum(1 for t in tokens[after:] if t.is_word) < 2
            # "... by adding a second lane to the bridge": a thing added, not words
            or (tokens[v].lower == "adding" and _thing_object(tokens, after, "added"))
            # ", promising to cut taxes": a stated intention; ", saying to the crowd": no claim
            or (
                tokens[after].lower == "to"
                and tokens[v].lower not in _PROMISING
                and lx.PROGRESSIVE.get(tokens[v].lower) not in lx.INTENTION_VERBS
            )
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

    def _verb_attribution(self, v, tokens, sent, floor) -> Found | None:
        n = len(tokens)
        verb = lx.PROGRESSIVE.get(tokens[v].lower, tokens[v].lower)
        if v + 1 < n and tokens[v + 1].lower == "by":
            # a passive: "the plan was praised by experts" rests on the experts; "compiled
            # by", "found by" are what was done, not said
            return self._passive_attribution(v, tokens, sent, floor)
        if verb in _FINDING_VERBS and v + 1 < n and _shows_no_finding(tokens, v + 1):
            return None  # "fans show signs of fatigue", "the champion showed up"
        inverted = None
        subject = self._subject_before(tokens, v, floor)
        if (
            subject is not None
            and subject[0] == 0
            and subject[1] == 1
            and v == 1
            and tokens[v].lower.endswith("ing")
            and tokens[0].is_cap
            and tokens[0].lower not in lx.PRONOUNS
            and "'" not in tokens[0].text
            and "’" not in tokens[0].text
        ):
            # "Keeps telling crowds the mill ...": a fragment whose first word is a verb, with no
            # subject; "Officials saying ..." is a headline, read elsewhere
            return None
        if subject is None:
            subject = self._shared_subject(tokens, v, floor)
        if (
            subject is None
            and verb in INVERTING_VERBS
            and (v == floor or tokens[v - 1].text in _BEFORE_INVERTED or tokens[v - 1].quoted)
        ):
            inverted = self._subject_after(tokens, v)
        saying = verb in _SAYING_OR_EVIDENCE or verb in _READS
        if subject is None and inverted is None and (saying or _states_that(tokens, v)):
            # "the announcer said": with a verb of saying, a described person is a source;
            # "another slide shows", "the article read": with a verb of evidence or what a
            # text reads, a described thing is a document; "environmentalists worry that":
            # with a that-clause, people described by a noun
            with self._loosely(
                "document" if verb in EVIDENCE_VERBS or verb in _READS else "person"
            ):
                subject = self._subject_before(tokens, v, floor)
            if subject is not None and not saying and not _people_noun(subject[3]):
                subject = None  # "the new rules demand that": not someone
        if subject is None and inverted is None:
            return None
        if subject is not None:
            s, e, mention, source_text = subject
            if verb in lx.WEAK_VERBS and mention.type == SourcingType.UNATTRIBUTED:
                return None
            if e - s > 2 and _verb_inside(tokens, s + 1, e):
                return None  # "The pair filmed a long special that ...": a clause, no subject
            if e < v and any(t.lower in HEDGE_ADVERBS for t in tokens[e:v]):
                # "Officials have reportedly told him ...": the story reports the telling, on
                # no source it names (an unattributed hedge)
                return None
            if (
                verb not in STRONG_VERBS
                and (verb not in _ACTS or tokens[s - 1].lower == "than")
                and (
                    verb in _FINDING_VERBS
                    or (verb in EVIDENCE_VERBS and mention.kind == "document")
                    or not _states_that(tokens, v)
                )
                and s > 0
                and s != v
                and tokens[s - 1].lower in SUBORDINATORS
                and not tokens[s - 1].quoted
            ):
                return None  # "when employees found that ...": an event, not a source
        else:
            s, e, mention, source_text = inverted
        stance = Stance.ASSERTS
        if verb in lx.DENY_VERBS or (
            verb in lx.NAMING_VERBS and lx.calls_false(self.text, tokens[v].start, sent.end)
        ):
            stance = Stance.DENIES
        subject_span = (tokens[s].start, tokens[e - 1].end)
        if stance == Stance.ASSERTS and verb in {"said", "says", "added"}:
            head = " ".join(t.text for t in tokens[v + 1 : v + 9] if not t.quoted)
            if may_decline(head) and lx.DECLINE_PATTERN.search(head):
                stance = Stance.DECLINES
        if stance == Stance.DENIES and _denies_a_request(tokens, v):
            stance = Stance.ASSERTS  # "the judge denied a request for bail": a decision
        if (stance == Stance.DENIES or verb in lx.DENY_VERBS) and not inverted:
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
        before_words = _words_up_to(tokens, floor, s, 2)
        closing = (
            s > floor
            and (tokens[s - 1].text in _COMMA_OR_QUOTE or tokens[s - 1].quoted)
            # ', who said ...' says what follows it
            and tokens[s].lower not in {"who", "which"}
        )
        rest_words = _words_up_to(tokens, after, len(tokens), 2) if after is not None else 0
        if (
            closing
            and (
                tokens[floor].text in QUOTE_MARKS
                # 'Mills "got a deal," Jordan said, and still "sat in on it."'
                or (
                    s - 2 > floor
                    and (
                        tokens[s - 1].text in _CLOSING_MARKS or tokens[s - 2].text in _CLOSING_MARKS
                    )
                )
            )
            and verb in lx.CLOSING_VERBS
            and any(t.quoted and t.is_word for t in tokens[v + 1 :])
        ):
            # '"A," he said during a rally, "B."': one quotation split around its cue
            return Found(subject_span, mention, source_text, tokens[v].text, v,
                         (tokens[floor].start, sent.end), stance, v + 1, s, quote=True)  # fmt: skip
        if (
            closing
            and before_words >= 1
            and verb in _CLOSING_OR_DENYING
            # only a time, a place or the person told after the cue: it closes the clause
            and (
                after is None
                or not rest_words
                or (
                    tokens[after].lower in PREPOSITIONS
                    and tokens[after - 1].lower != "that"
                    # "Eventually, the owner hopes to sell": the intention, not a time or place
                    and not (tokens[after].lower == "to" and verb in _TAKES_TO)
                )
                or (
                    v + 1 < n
                    and tokens[v + 1].text in {",", ";", ".", "!", "?"}
                    # '..., the referee said, "It's over."': the quotation is the content
                    and not (v + 2 < n and tokens[v + 1].text == "," and tokens[v + 2].quoted)
                )
                or (verb in RECIPIENT_VERBS and recipient_closes(tokens, v))
                or adverbial_closes(tokens, v + 1)
                # "These workers, she explained earlier in the hearing, were ...": the clause
                # goes on after the cue and what it took
                or (
                    tokens[s - 1].text == ","
                    and tokens[v + 1].text != ","
                    and parenthetical(tokens, v, s)
                )
            )
        ):
            if (
                tokens[floor].lower in _COMPARING
                and not tokens[floor].quoted
                and all(t.text != "," for t in tokens[floor : s - 1])
            ):
                return None  # "Like my coach, I believe in ...": a comparison, no content
            end_char = tokens[s - 1].start
            content = (tokens[floor].start, end_char)
            if parenthetical(tokens, v, s):
                # "The budget, Ms. Lund often says, is the city's first duty": both sides
                content = (tokens[floor].start, sent.end)
            elif before_words < 2:
                return None
            return Found(
                subject_span, mention, source_text, tokens[v].text, v, content, stance, v + 1, s
            )
        if after is None or rest_words < 2:
            return None
        if (
            (tokens[s].lower in _WHAT_WORDS or (s > 0 and tokens[s - 1].lower in _WHAT_WORDS))
            and tokens[after].lower in FINITE
            and not tokens[after].quoted
            and not (after + 1 < n and tokens[after + 1].lower in {"that", ":"})
        ):
            return None  # "Everything Ruiz says is false": the cue is inside its own subject
        if tokens[after].lower in {"but", "and", "yet"} and not tokens[after].quoted:
            return None  # "The mayor agreed, but contended that ...": nothing said here
        if verb in _OBJECT_SENSES and _thing_object(tokens, after, verb):
            return None
        if (
            tokens[after].lower == "to"
            and (
                verb not in _TAKES_TO
                # "agreed to a deal", "pushed to the brink": a thing, not an intention
                or (
                    after + 1 < n
                    and (
                        tokens[after + 1].lower in _OBJECT_STARTS
                        or tokens[after + 1].text[:1].isdigit()
                    )
                )
            )
        ):
            return None  # "expected to stay": an infinitive after a verb of saying is no claim
        if closing and tokens[floor].text in QUOTE_MARKS and tokens[after].text in QUOTE_MARKS:
            # '"A," he told the host, "B."': one quotation around its cue
            return Found(subject_span, mention, source_text, tokens[v].text, v,
                         (tokens[floor].start, sent.end), stance, after, s, quote=True)  # fmt: skip
        if (
            verb in lx.WEAK_VERBS
            and tokens[after].lower in PREPOSITIONS
            and not (tokens[after].lower == "to" and verb in _TAKES_TO)
            and tokens[after - 1].lower != "that"
            and not (after + 1 < n and tokens[after + 1].lower in {"least", "most"})
        ):
            return None  # "a student admitted with a perfect score" is not an attribution
        end = sent.end
        for m in range(after + 1, n) if self.text.find("citing", sent.start, sent.end) >= 0 else ():
            # "..., citing her work" (the comma may sit inside a closing quotation mark):
            # the grounds given, not the claim
            if tokens[m].lower == "citing" and tokens[m - 1].text in {",", "”", '"', "’"}:
                end = tokens[m - 1].start if tokens[m - 1].text == "," else tokens[m - 1].end
                break
        if (
            s > 0 and tokens[s].lower in {"who", "which"} and tokens[s - 1].text in _RELATIVE_MARKS
        ) or (
            s > 1
            and tokens[s - 1].lower in {"which", "whom"}
            and tokens[s - 2].text in _RELATIVE_MARKS
        ):
            # "The review, which warns that A, was never published", "The bridge, which the
            # mayor said would cost more, opened": the relative clause ends where the main
            # clause's verb comes back
            for m in range(after + 1, n - 1):
                t = tokens[m]
                after_mark = tokens[m + 1]
                if (
                    t.text in _RELATIVE_MARKS
                    and not t.quoted
                    and not after_mark.is_cap
                    and (
                        after_mark.lower in FINITE
                        or is_verb_form(after_mark.lower)
                        or after_mark.lower in _PAST_FORMS
                    )
                ):
                    end = min(end, t.start)
                    break
        if verb in lx.SPEECH_ACTS or (
            (
                verb in lx.STANCE_VERBS
                or verb in _AS_VERBS
                # "the audit indicates a shortfall, which ...": evidence of a thing
                or (verb in EVIDENCE_VERBS and tokens[after].lower in {"a", "an"})
            )
            and tokens[after - 1].lower != "that"
            and not tokens[after].quoted
        ):
            # "praised the proposals, which include ...", "chastised the board for its silence
            # and left", "likened the pitch to a beach - a jibe that ...", "spoke of the
            # war; later he ...": an act's object ends where a clause about it or another act
            # begins
            for m in range(after + 1, n - 1):
                t = tokens[m]
                low = t.lower
                if low not in _OBJECT_BREAKS or t.quoted:
                    continue  # most words: one look-up
                if (
                    (
                        low == ","
                        and tokens[m + 1].lower in _OBJECT_ENDS
                        and not _object_goes_on(tokens, m + 1, verb)
                    )
                    or (
                        low in {"and", "but"}
                        and not tokens[m + 1].quoted
                        and (tokens[m + 1].lower in lx.REPORTING_VERBS or _past_verb(tokens, m + 1))
                        # "called on parents to keep children home and think ...": the
                        # infinitive goes on
                        and tokens[m + 1].lower not in lx.BASE_FORMS
                    )
                    or (
                        m > after + 1
                        and low in _OBJECT_CLAUSE_MARKS
                        and _clause_after_object(tokens, m)
                    )
                    or low == ";"
                    or (low in _DASHES and _dash_aside(tokens, m + 1))
                    or (low == "," and _aside_after_comma(tokens, m + 1))
                    or (low == "as" and _as_clause(tokens, m + 1))
                ):
                    end = min(end, t.start)
                    break
        if s > 0 and s - 1 <= floor + 1 and tokens[s - 1].lower in _FRONTED_SUBORDINATORS:
            # "After aides insisted that A, the campaign sent him ...": what the clause put
            # in front says ends where the main clause begins
            cut = _main_clause(tokens, after)
            if cut is not None and tokens[cut].start < end:
                # the main clause is read on its own: a cue in it takes nothing before it
                return Found(subject_span, mention, source_text, tokens[v].text, v,
                             (tokens[after].start, tokens[cut].start), stance, cut, s)  # fmt: skip
        start = tokens[after].start
        if (
            s > floor
            and (s - 1 == floor or tokens[s - 2].text == ",")
            and (
                tokens[s - 1].lower in _FRONT_SUBORDINATORS
                # "as" only when what it says follows the parenthesis: "If, as engineers warn,
                # A, B"; not "(as the paper called them, 'farm teams')"
                or (tokens[s - 1].lower == "as" and s - 1 > floor and tokens[after - 1].text == ",")
            )
        ):
            # "When the mayor praised the plan, the council balked", "Although she said the
            # roads were safe, ...", "Once, when he mentioned it, ...", "If, as engineers
            # warn, the dam leaks, ...": the subordinate clause ends at its comma
            for m in range(after + 1, n - 1):
                t = tokens[m]
                if (
                    t.text == ","
                    and not t.quoted
                    # not the comma of a number: "3,000"
                    and not (t.start == tokens[m - 1].end and tokens[m + 1].start == t.end)
                ):
                    end = min(end, t.start)
                    break
        elif (
            s - 1 > floor
            and tokens[s - 1].text == ","
            and (tokens[floor].lower in _CONDITIONS or tokens[floor].lower == "should")
            and verb in lx.CLOSING_VERBS
        ):
            # "If the talks fail, officials expect a strike", "Should the talks fail, ...": the
            # condition is part of what they expect
            start = tokens[floor].start
        return Found(subject_span, mention, source_text, tokens[v].text, v,
                     (start, end), stance, after, s)  # fmt: skip

    def _content_start(self, tokens: list[Token], v: int) -> int | None:
        """Token index where what the cue introduces begins."""
        n = len(tokens)
        verb = lx.PROGRESSIVE.get(tokens[v].lower, tokens[v].lower)
        k = v + 1
        if k < n and tokens[k].lower in PARTICLES.get(verb, ()):
            k += 1  # "pointed out", "called on", "called for", "pushed for"
        while k < n and (
            tokens[k].lower in {"only", "simply", "merely", "again", "flatly", "later"}
            or (
                tokens[k].lower.endswith("ly") and len(tokens[k].lower) > 4 and not tokens[k].is_cap
            )
        ):
            k += 1  # "she said only: ...", "diplomats said privately that ..."
        if k > v + 1 and k < n and tokens[k].lower in PARTICLES.get(verb, ()):
            k += 1  # "spoke emotionally of ..."
        # "told MPs on Monday that ...", "said in a statement that ...", "said on Tuesday: ..."
        leads_in = k < n and (
            tokens[k].lower in PREPOSITIONS
            or tokens[k].lower in {"that", ":"}
            or tokens[k].text == ":"
            or verb in RECIPIENT_VERBS
            # "insisted, in a letter to the board, that ..."
            or (tokens[k].text == "," and k + 1 < n and not tokens[k + 1].quoted)
        )
        title_end = -1  # the end of a short name in quotation marks read past
        for m in range(k, min(n, k + 14) if leads_in else k):
            t = tokens[m]
            if m < title_end:
                continue
            if t.quoted and t.text not in QUOTE_MARKS:
                # 'told Radio Harbour's "Early Call" on Monday that ...': a programme's name, not
                # what was said
                title_end = _quoted_name_end(tokens, m)
                if title_end < 0:
                    break
                continue
            if t.lower == "that" or t.text == ":":
                if m == v + 1 and m + 1 < n and tokens[m + 1].lower in FINITE:
                    return m  # "said that was not the issue": "that" is what the clause is about
                relative = (
                    t.lower == "that"
                    and m + 1 < n
                    and m > k
                    and (tokens[m + 1].lower in FINITE or tokens[m + 1].lower.endswith("ed"))
                )  # "told reporters after the vote that was taken ...": not what was said
                if not relative and not any(
                    x.lower in lx.REPORTING_VERBS
                    or (x.lower in lx.PROGRESSIVE and not _names_a_noun(tokens[q - 1]))
                    for q, x in enumerate(tokens[k:m], start=k)
                ):  # "said on the steps, adding that ...": the participle's
                    return m + 1 if m + 1 < n else None
                break
            if t.text in {".", ";"}:
                break
            if t.text == "," and m > k and m + 1 < n and tokens[m + 1].text in QUOTE_MARKS:
                # 'said of the museum, "I have not seen it."': the quotation after the phrase
                if tokens[m + 1].quoted:
                    return m + 2 if m + 2 < n else None
                break
        if verb in RECIPIENT_VERBS:
            k = skip_recipient(tokens, k)
        k = skip_time(tokens, k)
        while k < n and tokens[k].text == ",":
            k += 1
        return k if k < n else None


def _quoted_name_end(tokens: list[Token], m: int) -> int:
    """Where a short name in quotation marks that starts at ``m`` ends ('"Early Call" on
    Friday that ...', '"Face the Nation" that ...'): the index after its closing mark, when
    at most five capitalised words stand inside and a phrase or "that" follows; -1 else."""
    n = len(tokens)
    e = m
    while e < n and tokens[e].quoted and tokens[e].text not in QUOTE_MARKS:
        if not tokens[e].is_cap and tokens[e].is_word and tokens[e].lower not in _TITLE_SMALL:
            return -1
        e += 1
    if e - m > 5 or e >= n:
        return -1
    if tokens[e].text in QUOTE_MARKS:
        e += 1
    if e < n and tokens[e].text == ",":
        e += 1
    if (
        e < n
        and not tokens[e].quoted
        and (tokens[e].lower in PREPOSITIONS or tokens[e].lower == "that")
    ):
        return e
    return -1


_TITLE_SMALL = frozenset({"the", "a", "an", "of", "and", "to", "in", "on", "for", "with"})


def _closes_after_comma(cue: tuple[str, int, int], tokens: list[Token]) -> bool:
    """Whether a cue can close its sentence after a comma (', people familiar with the
    matter said.', ', according to court papers.', ', said the club.'): a verb that stands
    after its content, a comma shortly before it. Cheap: read for every sentence with two
    cues before the rule that decides."""
    kind, i, _ = cue
    if kind == "verb":
        if tokens[i].lower not in _CLOSING_OR_DENYING:
            return False
    elif kind != "according":
        return False
    for m in range(i - 1, max(0, i - 14), -1):
        t = tokens[m]
        if t.text == "," and not t.quoted:
            return True
    return False


def _nothing_after(tokens: list[Token], k: int, v: int) -> bool:
    """Whether the sentence ends at ``k`` after the cue at ``v`` but for the person told,
    a time, a place or a description of the source: '... said.', '... told Reuters.', '...
    said on condition of anonymity.', '..., said Jane Roe, the mayor.'; not '..., the
    founder will insist on running it.'"""
    n = len(tokens)
    if k >= n or tokens[k].text in _SENTENCE_ENDS:
        return True
    t = tokens[k]
    verb = tokens[v].lower
    if t.text == ",":
        # '..., said Jane Roe, the mayor.': the source described to the end
        inner = tokens[k + 1 : n - 1] if tokens[-1].text in _SENTENCE_ENDS else tokens[k + 1 :]
        return k > v + 1 and bool(inner) and is_appositive(tokens, inner, k, v + 1)
    if t.lower in PARTICLES.get(verb, ()) or (
        t.lower in PREPOSITIONS
        and k + 1 < n
        and tokens[k + 1].lower.endswith("ing")
        and tokens[k + 1].lower not in lx.TIME_WORDS
    ):
        return False  # "insist on being ...", "called for ...": what was said goes on
    if adverbial_closes(tokens, k):
        return True
    if verb in RECIPIENT_VERBS and k == v + 1 and recipient_closes(tokens, v):
        return True
    return t.lower in PREPOSITIONS  # "said on condition of anonymity because ..."


_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def _thing_object(tokens: list[Token], k: int, verb: str) -> bool:
    """Whether the words from ``k`` are a thing the verb acts on, not a claim: a noun phrase
    that starts with a number or a determiner and holds no verb of its own ("added a goal in
    the 74th minute", "claimed the title"; "announced his retirement" wants a possessive)."""
    first = tokens[k]
    if first.quoted or tokens[k - 1].lower in {"that", ":"} or tokens[k - 1].quoted:
        return False  # "added that few universities check": a clause
    if verb.startswith("announce"):
        if first.lower not in _POSSESSIVES:
            return False
    elif verb.startswith("kn"):
        # "knows the details of the file"; not "knows all about ..."
        if first.lower not in _POSSESSIVES and first.lower not in {"the", "a", "an"}:
            return False
    elif first.lower not in _OBJECT_STARTS and not first.text[:1].isdigit():
        return False
    n = len(tokens)
    for m in range(k + 1, n):
        t = tokens[m]
        if t.text in {".", ";", "!", "?"} or t.quoted:
            break
        if (
            t.text == ","
            and m + 2 < n
            and tokens[m + 1].lower in {"and", "but"}
            and tokens[m + 2].lower in lx.PRONOUNS
        ):
            break  # "knows the details, and she has ...": another clause
        if t.lower in _CLAUSE_MARKS or (t.lower.endswith("ed") and not t.is_cap):
            return False  # "claimed the vote was rigged": a clause, the claim
    return True


def _denies_a_request(tokens: list[Token], v: int) -> bool:
    """'denied a request for bail', 'rejected the application': what was asked for."""
    for t in tokens[v + 1 : v + 5]:
        if t.lower in lx.REQUEST_NOUNS:
            return True
        if not t.is_word or t.quoted:
            return False
    return False


def _special_cue(tokens: list[Token], i: int, low: str, skip_to: int):
    """The cue a phrasal or rarer cue word makes at ``i``, as (kind, start, end); None when
    it makes none there (a plain verb of the same spelling is read after)."""
    n = len(tokens)
    if low == "according" and i + 1 < n and tokens[i + 1].lower == "to":
        return "according", i, i + 2
    if (
        low == "put"
        and i + 2 < n
        and tokens[i + 1].lower == "it"
        and tokens[i + 2].text in {",", ":"}
    ):
        return "verb", i, i + 2  # "As one nurse put it, ..."
    if (
        low in _VIEW_NOUNS
        and 2 <= i <= 6
        and tokens[0].lower in {"in", "by"}
        and i + 1 < n
        and tokens[i + 1].text == ","
        and not tokens[i + 1].quoted
    ):
        return "view", i, i + 2  # "In his view, ...", "By her own account, ..."
    if low == "clear":
        # "X made it clear that ...", "has made clear it will ...": a way of saying
        j = i - 1
        if j > 0 and tokens[j].lower == "it":
            j -= 1
        if j > 0 and tokens[j].lower in _MAKE_FORMS and not tokens[j].quoted:
            return "clear", j, i + 1
        return None
    if low in lx.NOUN_LIKE_VERBS:
        # "critics call them ...", "the study points out that ...": the verb with what it
        # takes, never after a determiner ("a call for", "three points out of ten")
        if (
            i + 1 < n
            and tokens[i + 1].lower in lx.NOUN_LIKE_VERBS[low]
            and not tokens[i + 1].quoted
            and (i == 0 or not _names_a_noun(tokens[i - 1]))
            and not (i + 2 < n and tokens[i + 2].lower == "of")
        ):
            return "verb", i, i + 1
        return None
    if low in lx.SEEING_VERBS:
        return ("verb", i, i + 1) if _sees_as(tokens, i) else None
    if low in lx.ATTITUDE_ADJECTIVES:
        # "residents are afraid that ...": read as a verb whose subject stands before "be"
        return ("verb", i, i + 1) if _attitude(tokens, i) else None
    if low in _READS:
        # '"...," the letter reads.', 'The statement read:': a text says what it reads
        if (
            i > 0
            and tokens[i - 1].lower in _TEXTS
            and (i + 1 == n or tokens[i + 1].text in {".", ":", ",", ";"})
        ):
            return "verb", i, i + 1
        return None
    if low == "per" and (i == 0 or tokens[i - 1].text == ","):
        return "according", i, i + 1  # "Per the company's statement, ..."
    ing = low in PARTICIPLE_CUES or low in lx.PROGRESSIVE
    if ing and i <= 1 and (i == 0 or tokens[0].lower in _FRONTED_PREPOSITIONS):
        return "fronted", i, i + 1  # "Citing the figures, the mayor said"
    if low in lx.DISCOURSE_NOUNS:
        v = _light_verb(tokens, i)
        if v is not None and low == "case" and tokens[v].lower not in _MAKE_FORMS:
            v = None  # "made the case for"; not "sent the case back to the panel"
        if v is not None and v >= skip_to:
            return "light", v, i + 1  # "issued a statement urging ..."
    if low in lx.CLAIM_NOUNS:
        j = _claim_noun(tokens, i)
        if j:
            return "noun", i, j  # "Ruiz's claim that ...", "warnings from her lawyer that"
    if low in _BY_CUES and i + 1 < n and tokens[i + 1].lower == "by":
        return "reported_by", i, i + 2
    if ing and lx.PROGRESSIVE.get(low) in _VIEW_VERBS and not _as_follows(tokens, i):
        return None  # ", regarding the budget": about it; ", regarding the plan as ...": a view
    if (
        low in _AS_CUES
        and i + 1 < n
        and tokens[i + 1].lower in {"by", "in"}
        and _after_as(tokens, i)
    ):
        return "reported_by", i, i + 2  # "As noted by the auditor, ...", "as stated in the filing"
    if (low in PARTICIPLE_CUES or (ing and low not in _GROUNDS_OR_NAMING)) and (
        _after_comma(tokens, i)
        # "calmed the crowd by telling them that ...", "before asking her, '...'"
        or (i > 1 and tokens[i - 1].lower in _GERUND_PREPOSITIONS)
    ):
        return "participle", i, i + 1
    return None


# what someone holds or tells, fronted with its owner: "In his view, ...", "By her account"
_VIEW_NOUNS = frozenset(
    """view words opinion account admission estimation telling eyes judgment judgement
    reckoning""".split()
)
_BY_CUES = frozenset({"reported", "revealed", "disclosed", "published", "quoted"})
_READS = frozenset({"read", "reads"})
_TEXTS = lx.DOCUMENT_NOUNS | {"article", "story", "headline", "sign", "caption", "text", "banner"}
# participles of saying that name their source after "as ... by" or "as ... in"
_AS_CUES = _BY_CUES | frozenset(
    """noted stated outlined detailed described documented explained mentioned shown
    indicated suggested argued""".split()
)
_BEFORE_AS_CUE = frozenset({"as", "first", "previously", "earlier", "initially", "also"})
_SPECIAL_CUES = (
    frozenset({"according", "put", "per"})
    | _READS
    | _BY_CUES
    | lx.DISCOURSE_NOUNS
    | lx.CLAIM_NOUNS
    | PARTICIPLE_CUES
    | frozenset(lx.PROGRESSIVE)
    | lx.ATTITUDE_ADJECTIVES
    | lx.SEEING_VERBS
    | lx.NOUN_LIKE_VERBS.keys()
    | {"clear"}
    | _VIEW_NOUNS
)
_MAKE_FORMS = frozenset({"make", "makes", "made", "making"})


def _light_verb(tokens: list[Token], i: int) -> int | None:
    """The index of a verb of making before the noun at ``i``, across a determiner and up
    to two describing words: "issued a statement", "released a two-page letter"."""
    for k in range(i - 1, max(-1, i - 4), -1):
        t = tokens[k]
        if t.quoted or not t.is_word:
            return None
        if t.lower in lx.LIGHT_VERBS:
            # "the letters he wrote", not "the made-up statement": a verb, after no determiner
            return k if k == 0 or not _names_a_noun(tokens[k - 1]) else None
    return None


def _in_name(t: Token) -> bool:
    """A capitalised word that can stand in a name before a noun (not "Despite")."""
    return t.is_cap and t.is_word and t.lower not in _FRONTING and t.lower not in PREPOSITIONS


def _after_as(tokens: list[Token], i: int) -> bool:
    """Whether "as" stands right before the participle at ``i`` (or before an adverb of
    time before it), opening the sentence or after a comma: "As noted by the auditor, ...",
    "..., as first reported in"; not "spent as described in the plan"."""
    k = i - 1
    if k > 0 and tokens[k].lower in {"first", "previously", "earlier", "initially", "also"}:
        k -= 1
    if k < 0 or tokens[k].lower != "as" or tokens[k].quoted:
        return False
    return (
        k == 0
        or tokens[k - 1].text in {",", "—", "--", "("}
        or tokens[k - 1].lower
        in {
            "and",
            "but",
        }
    )


def _claim_noun(tokens: list[Token], i: int) -> int:
    """Where the content of a noun of claiming at ``i`` starts, when the noun has an owner
    and "that" with a clause after it: "Ruiz's claim that the vote was rigged", "the coach's
    argument was that ...", "warnings from her lawyer that ..."; not "he claims that" or
    "the report that was leaked". 0 when it has none."""
    n = len(tokens)
    if i + 2 >= n:
        return 0
    t = i + 1  # where "that" stands
    nxt = tokens[t].lower
    from_owner = False
    if nxt in {"is", "was"} and not tokens[t].quoted:
        t += 1  # "the mayor's bet is that ..."
    elif nxt in {"about", "on"} or (
        nxt in lx.TIME_WORDS and tokens[t + 1].lower in {"about", "on"}
    ):
        # "his comments about the strike", "her remarks Tuesday on the budget": what the
        # words were about, with an owner before the noun
        t += 1 if nxt in {"about", "on"} else 2
        w = tokens[t]
        if w.quoted or not w.is_word or w.lower in FINITE or w.lower in lx.TIME_WORDS:
            return 0  # "her warning on Monday": when, not what about
        if w.lower in lx.DETERMINERS and t + 1 < n:
            w = tokens[t + 1]
        if w.lower in _MEDIUM_WORDS or w.text[:1].isdigit():
            return 0  # "his comments on Twitter", "on the radio": how, not what about
        return t if _owned(tokens, i) else 0
    elif nxt in {"from", "by"} and not tokens[t].quoted:
        # "criticism from the opposition that ...": a short noun phrase, the owner
        t += 1
        while t < n and t - i <= 8 and tokens[t].lower != "that":
            w = tokens[t]
            if (
                not w.is_word
                or w.quoted
                or w.lower in FINITE
                or w.lower in lx.CLAUSE_WORDS
                or w.lower in {"who", "which", "whose"}
                or (w.lower.endswith("ed") and not w.is_cap)
            ):
                return 0  # a clause of its own: "criticism from fans who travelled that far"
            t += 1
        if t - i < 3:
            return 0
        from_owner = True
    if t + 1 >= n or tokens[t].lower != "that" or tokens[t].quoted:
        return 0
    after = tokens[t + 1].lower
    if after in FINITE or after.endswith("ed") or after in lx.REPORTING_VERBS:
        return 0  # "the report that was leaked": a relative clause, not its content
    return t + 1 if from_owner or _owned(tokens, i) else 0


def _owned(tokens: list[Token], i: int) -> bool:
    """Whether the noun at ``i`` has its owner right before it: "Ruiz's", "her", "police",
    "a New York Times", across a word of when or how often ("her repeated warnings")."""
    if i > 1 and tokens[i - 1].lower in _CLAIM_MODIFIERS:
        i -= 1
    if i == 0:
        return False
    before = tokens[i - 1]
    if before.quoted:
        return False
    low = before.lower
    if low in _POSSESSIVE_PRONOUNS:
        return True
    if low.endswith(("'s", "’s")):
        return low[:-2] not in lx.PRONOUNS  # "he's claims" is no owner
    if low in _PEOPLE_NOUNS:
        return True  # "police claims that", "expert warnings that"
    # "a New York Times report that": a name before the noun, after a determiner
    k = i - 1
    while k > 0 and _in_name(tokens[k]):
        k -= 1
    return k < i - 1 and tokens[k].lower in {"a", "an", "the"}


_LITERAL_VERBS = frozenset(
    {"rip", "rips", "slam", "slams", "slammed", "blast", "blasts", "blasted"}
)
_LITERAL_PARTICLES = frozenset({"up", "off", "out", "apart", "open", "down", "away", "shut"})
# verbs in the past that end a noun phrase: "his comments on the strike came as ..."
_PAST_FORMS = frozenset(
    """came went made took drew gave left won lost began became brought sent kept ran held
    set put""".split()
)
_MEDIUM_WORDS = frozenset(
    """twitter facebook instagram television tv radio air camera record stage tape video
    podcast website site blog show""".split()
)
# words of when, how often or how openly between an owner and a noun of claiming
_CLAIM_MODIFIERS = frozenset(
    """latest recent earlier repeated public own new previous initial original frequent
    private first last early""".split()
)
_PEOPLE_NOUNS = lx.MEDIA_NOUNS | lx.OFFICIAL_NOUNS | lx.ANONYMOUS_NOUNS
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we"}
_FRONTING = frozenset("""despite following after before amid given since unlike contrary""".split())


def _past_verb(tokens: list[Token], k: int) -> bool:
    """'walked out', 'stormed off the stage': a verb in the past, not an adjective ('related
    measures'), by what follows it."""
    t = tokens[k]
    if t.is_cap or not t.lower.endswith("ed") or k + 1 >= len(tokens):
        return False
    after = tokens[k + 1].lower
    return after in PREPOSITIONS or after in lx.DETERMINERS or after in {"out", "off", "up", "away"}


def _about(tokens: list[Token], i: int) -> bool:
    """Whether what a verb like "spoke" is about follows it: "spoke of", "spoke
    emotionally about", "talked out against"."""
    k = i + 1
    if k < len(tokens) and tokens[k].lower.endswith("ly"):
        k += 1
    return k < len(tokens) and tokens[k].lower in lx.ABOUT_WORDS


def _words_up_to(tokens: list[Token], start: int, end: int, most: int) -> int:
    """How many words stand from ``start`` to ``end``, counted up to ``most`` only."""
    count = 0
    for k in range(start, end):
        if tokens[k].is_word:
            count += 1
            if count == most:
                break
    return count


def _states_that(tokens: list[Token], v: int) -> bool:
    """Whether a that-clause or a quotation follows the cue right away: "when Ruiz noted
    that ...", "after she argued, '...'": what was said, even inside a clause of time."""
    n = len(tokens)
    k = v + 1
    if k < n and tokens[k].lower in PREPOSITIONS and not tokens[k].quoted:
        # "after officials insisted in March that ...": a short phrase before "that"
        for m in range(k + 1, min(n, k + 6)):
            if tokens[m].lower == "that" or not tokens[m].is_word or tokens[m].quoted:
                k = m
                break
    if k < n and tokens[k].text == ",":
        k += 1
    return k < n and (tokens[k].lower == "that" or tokens[k].text in QUOTE_MARKS)


def _people_noun(phrase: str) -> bool:
    """Whether a phrase ends in a noun for people by its ending: "environmentalists",
    "season-ticket holders", "the organisers"."""
    return phrase.endswith(PEOPLE_ENDINGS) and phrase[-1:] == "s"


def _noun_before(tokens: list[Token], i: int) -> bool:
    """Whether the words before a cue word make it a noun: a determiner, a superlative ("their
    worst fears"), or a determiner and a number ("the 1993 attacks")."""
    before = tokens[i - 1]
    low = before.lower
    if low in _NOUN_DETERMINERS:
        return not before.quoted
    last = low[-1:]
    if last == "t":
        return _names_a_noun(before)
    if last.isdigit():
        return i > 1 and tokens[i - 2].lower in _NOUN_DETERMINERS and not before.quoted
    return False


def _names_a_noun(before: Token) -> bool:
    """Whether the word before a cue word makes it a noun: a determiner. (After a
    possessive it stays a cue: "Mrs. Ruiz's plan would cap ..." rests on Mrs. Ruiz.)"""
    low = before.lower
    if before.quoted:
        return False
    # "their worst fears", "the deepest concerns": a noun after a superlative
    return low in _NOUN_DETERMINERS or (
        not before.is_cap and (low == "worst" or (low.endswith("est") and low not in _EST_VERBS))
    )


_NOUN_DETERMINERS = frozenset(
    """a an the his her their its our my your this these those every each no some any
    another""".split()
)


# words in -est that are not superlatives: "critics protest plans to ..."
_EST_VERBS = frozenset(
    """suggest suggests protest request attest contest invest arrest digest""".split()
)


def _sees_as(tokens: list[Token], i: int) -> bool:
    """Whether "see" at ``i`` holds a view: "as" after its object, in the same clause
    ("critics see the bill as a giveaway"); not "as we saw last winter" or "saw him as well"."""
    n = len(tokens)
    for k in range(i + 2, min(n - 1, i + 10)):
        t = tokens[k]
        if t.quoted or not t.is_word or t.lower in lx.CLAUSE_WORDS - {"as"}:
            return False
        if t.lower == "as":  # "as a giveaway", not "as it spread"
            after = tokens[k + 1].lower
            return after not in _NOT_AS_VIEW and after not in lx.PRONOUNS and after not in FINITE
    return False


_NOT_AS_VIEW = frozenset({"well", "soon", "if", "though", "much", "many", "long", "far", "part"})


def _attitude(tokens: list[Token], i: int) -> bool:
    """Whether a word for a state of mind at ``i`` states what its subject holds: "that"
    after it, a form of "be" before it across an adverb or two ("are increasingly
    worried that"); not "so angry that" (a result) or "the worried residents"."""
    n = len(tokens)
    takes = "to" if tokens[i].lower in lx.WILLING_ADJECTIVES else "that"
    if i + 1 >= n or tokens[i + 1].lower != takes or tokens[i + 1].quoted:
        return False
    k = i - 1
    while k > 0 and tokens[k].lower in _ATTITUDE_ADVERBS:
        k -= 1
    if k >= 0 and tokens[k].lower in BE_CONTRACTIONS:
        return not tokens[k].quoted  # "they're afraid that"
    if k > 1 and tokens[k].lower == "away" and tokens[k - 1].lower in _COME_FORMS:
        return True  # "came away convinced that"
    return k > 0 and tokens[k].lower in _BE_FORMS and not tokens[k].quoted


_ATTITUDE_ADVERBS = frozenset(
    """also still increasingly very deeply now more less all both not never equally""".split()
)
# "be" and the verbs that link a subject to a state as it does: "remained convinced",
# "grew worried", "seemed confident", "became convinced"
_BE_FORMS = frozenset(
    """is are was were be been remain remains remained become becomes became grew grow grows
    seem seems seemed appear appears appeared""".split()
)
_COME_FORMS = frozenset({"came", "come", "comes", "coming"})


def _after_comma(tokens: list[Token], i: int) -> bool:
    """Whether a participle hangs on the clause before it: ', saying ...', ', even
    suggesting ...', '"...," adding ...' (the comma inside the quotation mark)."""
    k = i - 1
    if k > 0 and tokens[k].lower in _PARTICIPLE_ADVERBS:
        k -= 1  # ", even suggesting", ", perhaps recognizing"
    if k <= 0:
        return False
    before = tokens[k]
    if before.text == ",":
        return not before.quoted
    return before.text in _CLOSING_MARKS and tokens[k - 1].text == ","


# ", citing X" gives the grounds and ", calling it X" names what was denied: both go on the
# act before them
_VIEW_VERBS = frozenset({"regards", "views"})


def _as_follows(tokens: list[Token], i: int) -> bool:
    """Whether "as" comes within a few words after ``i``, before the clause ends."""
    for t in tokens[i + 1 : i + 10]:
        if t.lower == "as":
            return True
        if t.text in {",", ";", "."}:
            return False
    return False


_GROUNDS_OR_NAMING = frozenset(
    {"citing", "calling", "describing", "terming", "labeling", "labelling", "branding"}
)
# what ends the object of a speech act after a comma: a clause about it or a new clause
_OBJECT_ENDS = frozenset(
    """which who whose and but while though although after before as because when""".split()
)
# "what she said was ...", "everything Ruiz says is ...": a cue inside a subject
_WHAT_WORDS = frozenset("what whatever everything anything nothing something all much".split())
# verbs whose object takes "as": "characterized the senator, a Democrat, as desperate"
_AS_VERBS = lx.NAMING_VERBS | frozenset(
    """characterize characterizes characterized characterise characterises characterised
    portray portrays portrayed depict depicts depicted cast casts paint paints painted
    brand brands branded dismiss dismisses dismissed denounce denounces denounced hail
    hails hailed praise praises praised criticize criticizes criticized criticise
    criticises criticised see sees saw view views viewed regard regards regarded cite
    cites cited""".split()
)
_WH_WORDS = frozenset("how why what whether where when who".split())


def _object_goes_on(tokens: list[Token], k: int, verb: str) -> bool:
    """Whether the word after a comma in an act's object carries the object on rather than
    beginning a clause about it: the verb's own "as" ("characterized X, a Democrat, as
    desperate"), a comparison ("employ them, as much as possible"), a second object ("spoke
    of the past, and how it shaped them")."""
    low = tokens[k].lower
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None:
        return False
    if low == "as":
        if k + 2 < len(tokens) and tokens[k + 2].lower == "as":
            return True  # "as much as", "as soon as"
        return verb in _AS_VERBS and nxt.lower not in FINITE and nxt.lower not in lx.PRONOUNS
    return low in {"and", "but"} and nxt.lower in _WH_WORDS


# forms that are cues only with what they take ("plans to", "states that", "assumed that"),
# not as nouns or in another sense ("assume office", "assumed control")
_MOSTLY_NOUNS = frozenset({"plan", "plans", "states", "assume", "assumes", "assumed"})
# a clause put before the main one: "After aides insisted that ..., the campaign ..."
_FRONTED_SUBORDINATORS = frozenset(
    """after when while though although as because since once whereas before if""".split()
)
# what follows a comma inside the fronted clause: a relative clause or a list goes on
_INSIDE_CLAUSE = frozenset(
    """who whom whose which where including and or but such like from to of""".split()
)


def _main_clause(tokens: list[Token], after: int) -> int | None:
    """The index of the comma that ends a fronted clause whose content starts at ``after``:
    the first one after which the main clause begins (not a relative clause, a list or a
    participle), with at least three words after it."""
    n = len(tokens)
    for m in range(after + 1, n - 3):
        t = tokens[m]
        if t.quoted and t.text != ",":
            continue
        if t.text == ",":
            follower = tokens[m + 1]
            if (
                follower.quoted
                or follower.lower in _INSIDE_CLAUSE
                or (follower.lower.endswith("ing") and not follower.is_cap)
                or not (follower.is_word or follower.is_cap)
                # "wages, rents and fares": a list goes on
                or any(x.lower in {"and", "or", ","} for x in tokens[m + 2 : m + 4])
            ):
                continue
            return m if _words_up_to(tokens, m + 1, n, 3) >= 3 else None
        if t.text in {";", ":", "—", "–"}:
            return None
    return None


# words that open a clause of time or reason after an act's object, without a comma
_OBJECT_CLAUSES = frozenset({"while", "whereas", "because", "when"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_OBJECT_CLAUSE_MARKS = _OBJECT_CLAUSES | {",", "as"}


def _clause_after_object(tokens: list[Token], m: int) -> bool:
    """Whether a clause about the act, not its object, starts at ``m``: ', further raising
    ...' (a participle after a comma), 'while at the convention', 'as the rival fired back'
    (a subject and its verb after "as"; 'denounced the offer as an insult' keeps "as")."""
    t = tokens[m]
    n = len(tokens)
    if t.text == ",":
        k = m + 1
        if k < n and tokens[k].lower in _PARTICIPLE_ADVERBS | {"further"}:
            k += 1
        return (
            k < n
            and tokens[k].lower.endswith("ing")
            and tokens[k].lower not in {"including", "according", "during"}
            and not tokens[k].is_cap
            and not tokens[k].quoted
        )
    if t.lower in _OBJECT_CLAUSES:
        return True
    if t.lower != "as" or m + 2 >= n:
        return False
    k = m + 1
    if tokens[k].lower in _SUBJECT_PRONOUNS:
        # "as they left": after a pronoun, its verb
        return tokens[k + 1].is_word and not tokens[k + 1].is_cap and not tokens[k + 1].quoted
    if tokens[k].is_cap and tokens[k].is_word:
        while k < n and tokens[k].is_cap and tokens[k].is_word:
            k += 1  # "as Pyongyang fired"
    elif tokens[k].lower in _NOUN_DETERMINERS:
        k += 1  # "as the rival fired", "as the two sides met"
        second = tokens[k + 1] if k + 1 < n else None
        if (
            second is not None
            and second.is_word
            and not second.is_cap
            and second.lower not in FINITE
            and not second.lower.endswith("ed")
        ):
            k += 1  # a noun after a describing word: "the two sides"
        k += 1
    else:
        return False
    if k >= n or tokens[k].is_cap or tokens[k].quoted:
        return False
    after = tokens[k].lower
    return after in FINITE or (after.endswith(("ed", "es")) and not after.endswith("ness"))


_FINDING_VERBS = frozenset({"find", "finds", "found", "show", "shows", "showed", "shown"})
_GERUND_PREPOSITIONS = frozenset({"by", "before", "after", "while", "without"})
_FRONTED_PREPOSITIONS = frozenset({"by", "before", "after", "while", "without", "in"})
_PARTICIPLE_ADVERBS = frozenset({"even", "perhaps", "also", "again", "then", "later", "while"})
_CLOSING_MARKS = frozenset({"”", '"', "’"})
_RELATIVE_MARKS = frozenset({",", "--", "—", "–"})
_DASHES = frozenset({"-", "—", "–"})
# the words at which an act's object may end
_OBJECT_BREAKS = _DASHES | _OBJECT_CLAUSES | {",", "and", "but", ";", "as"}
_FOOTAGE = frozenset({"video", "videos", "footage"})
_CONDITIONS = frozenset({"if", "unless"})
_COMPARING = frozenset({"like", "unlike"})
_REFLEXIVES = frozenset(
    "themselves himself herself itself ourselves myself yourself yourselves".split()
)
# a verb's base form before these is a noun: "rural support was firmer"
_NOUN_BEFORE_BE = frozenset({"was", "is"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# what opens a clause fronted before the main one: "When the mayor spoke, ..."
_FRONT_SUBORDINATORS = frozenset(
    """when whenever if although though while because after before since once until
    unless""".split()
)
# what opens a remark set off by a dash after an act's object: "- a charge that ...", "—
# one of several ..."
_ASIDE_STARTS = frozenset({"a", "an", "another", "one", "the", "this", "which", "who"})
# participles of a stated intention, which take an infinitive as what they state
_PROMISING = frozenset({"promising", "vowing", "pledging", "threatening"})
_QUOTE_CLOSERS = _CLOSING_MARKS | {"'"}  # and the second mark of ''


def _aside_after_comma(tokens: list[Token], k: int) -> bool:
    """Whether a comma at k - 1 opens a remark on the whole clause: "endorsed the levy in March,
    another blow to ...", "..., the latest step in ..."."""
    if k + 1 >= len(tokens) or tokens[k].quoted:
        return False
    low = tokens[k].lower
    return low == "another" or (low == "the" and tokens[k + 1].lower == "latest")


def _as_clause(tokens: list[Token], k: int) -> bool:
    """Whether "as" before k opens a clause of its own ("condemned the launch as the navy
    fired ...", "as Lund gains support"), not the verb's "as" ("condemned the plan as a
    disgrace", "as being reckless"): a name or a determiner and a noun, then a verb."""
    n = len(tokens)
    if k >= n or tokens[k].quoted:
        return False
    first = tokens[k]
    if first.is_cap and first.lower not in lx.PRONOUNS:
        m = k + 1
        while m < n and tokens[m].is_cap:
            m += 1
        if m >= n:
            return False
        verb = tokens[m].lower
        return verb in FINITE or verb.endswith("ed") or (verb.endswith("s") and verb.isalpha())
    if first.lower in {"the", "its", "their", "his", "her"}:
        k += 1  # "as the navy fired", "as its leaders met"
    for m in (k + 1, k + 2):
        if m < n and (tokens[m].lower in FINITE or _past_verb(tokens, m)):
            return first.is_word and first.lower not in lx.DETERMINERS
    return False


def _dash_aside(tokens: list[Token], k: int) -> bool:
    """Whether a dash (or a doubled hyphen) at k - 1 opens a remark about what came before:
    "likened the pitch to a beach - a jibe the groundsman disliked"."""
    if k < len(tokens) and tokens[k].text == "-":
        k += 1
    return k < len(tokens) and not tokens[k].quoted and tokens[k].text in _ASIDE_STARTS


_RELATIVES = frozenset({"who", "whom", "whose", "that", "which"})


def _verb_inside(tokens: list[Token], a: int, b: int) -> bool:
    """Whether a verb with its object stands inside what was read as a subject: "The pair
    filmed a long special ..." ("officials involved in the talks" is still a subject)."""
    for k in range(a, b - 1):
        t = tokens[k]
        if t.lower in _RELATIVES:
            return False  # "The man who started the fire said": a relative clause
        if (
            t.lower.endswith("ed")
            and not t.is_cap
            and not t.quoted
            and tokens[k + 1].lower in {"a", "an", "the"}
        ):
            return True
    return False


def _no_subject(before: Token) -> bool:
    """Whether the word before a verb's base form cannot be its subject, so that the form is
    a noun: "rural support was ..."; not "that most economists agree is ...", "they say"."""
    low = before.lower
    if low in lx.PRONOUNS or before.quoted:
        return False
    return not (low.endswith("s") and not low.endswith(("'s", "’s")))


def _shows_no_finding(tokens: list[Token], k: int) -> bool:
    """'show signs of fatigue', 'showed no sign of slowing', 'showed up', 'show off', 'find it
    hard to': what "show" and "find" mean in another sense than evidence."""
    low = tokens[k].lower
    if low == "no" and k + 1 < len(tokens):
        low = tokens[k + 1].lower
    if low == "up" and k + 1 < len(tokens) and tokens[k + 1].lower == "to":
        return False  # "polls show up to a third of voters undecided"
    if low == "it" and k + 2 < len(tokens) and tokens[k + 2].lower == "to":
        return True  # "will find it hard to ...": no finding
    if low in _REFLEXIVES:
        return True  # "ferry crews find themselves in ...": where they are, no finding
    return low in {"sign", "signs", "up", "off"} and not tokens[k].quoted


def _after_be(tokens: list[Token], i: int) -> bool:
    """Whether an -ing form follows a form of "be": "is claiming", "was also warning"."""
    k = i - 1
    while k >= 0 and is_auxiliary(tokens[k]) and tokens[k].lower not in PASSIVE:
        k -= 1
    if k >= 0 and tokens[k].lower in BE_CONTRACTIONS:
        return not tokens[k].quoted  # "he's claiming", "they're warning"
    return k > 0 and tokens[k].lower in PASSIVE - {"get", "got", "gets"} and not tokens[k].quoted


def _title_case(tokens: list[Token], known: bool | None) -> bool:
    """A headline-style line, where capitalised cues are cues (worked out once a sentence)."""
    return known if known is not None else in_title_case(tokens)
