"""Sources: the noun phrase before or after a cue, and what pronouns and short references
("he", "they", "the company") stand for."""

from contextlib import contextmanager

from sourcemark.analysis import lexicon as lx
from sourcemark.analysis.entities import Mention, Registry, classify, head_noun, is_org_name
from sourcemark.analysis.shapes import (
    CONTRACTED,
    FINITE,
    HEDGE_ADVERBS,
    NAME_PUNCT,
    PASSIVE,
    PREPOSITIONS,
    RECIPIENT_VERBS,
    REPORT_BY,
    STOP_PUNCT,
    SUBORDINATORS,
    Found,
    after_fronted,
    described,
    in_title_case,
    is_appositive,
    is_auxiliary,
    is_verb_form,
    skip_name_tag,
    skip_recipient,
)
from sourcemark.analysis.tokens import QUOTE_MARKS, Token
from sourcemark.analysis.types import SourcingType, Stance

_ROLE_DETERMINERS = lx.DETERMINERS | {"his", "her", "their", "its", "one", "another"}
_NOT_SUBJECT_START = PREPOSITIONS | {"per"}
_ACTS = lx.SPEECH_ACTS | lx.INTENTION_VERBS
# words that open a phrase of time or place before a subject: "For years the company said"
_OPENING_WORDS = _NOT_SUBJECT_START | {"for", "since", "until", "throughout", "within", "across"}
_STANCES_OR_ACTS = lx.STANCE_VERBS | _ACTS


class SubjectRules:
    """Finding the source of a cue and what it refers to.

    Mixed into the article analyzer, whose state it reads: the registry of the article's
    entities, the last source of each kind, the attributions of the sentence being read.
    """

    registry: Registry
    last: dict[str, Mention]
    _sentence_found: list[Found]
    _loose: str
    _paragraph: int  # the index of the paragraph being read
    _named_in: dict[str, int]  # the paragraph where each source was last named
    _mentions: dict  # what each run of words was found to name, when that holds everywhere

    def _subject_before(self, tokens, v, floor):
        found = self._phrase_before(tokens, v, floor)
        if found is None and v - 2 >= floor:
            found = self._nearest_subject(tokens, v, floor)
        return found

    def _nearest_subject(self, tokens, v, floor):
        """The pronoun or name right before the cue, after an opening phrase with no comma:
        "On the radio this morning she rejected ...", "At the hearing
        Alvarez said ...". Read only when the whole phrase before the cue names no source."""
        k = v - 1
        while k > floor and not tokens[k].quoted and is_auxiliary(tokens[k]):
            k -= 1
        t = tokens[k]
        if k <= floor or t.quoted or not t.is_word or tokens[k - 1].quoted:
            return None
        before = tokens[k - 1]
        if not before.is_word or before.lower in lx.CLAUSE_WORDS:
            return None  # the phrase rules read these: nothing more to find here
        if t.lower in lx.PRONOUNS and t.lower != "who":
            if t.lower in {"it", "i"} or before.is_cap:
                return None  # "made it", "Pearl Harbor I": no subject of its own
            mention, source_text = self._mention_in([t.text], position=t.start)
            return (k, k + 1, mention, source_text) if mention is not None else None
        if not t.is_cap or before.is_cap or before.lower in lx.DETERMINERS:
            return None
        # a name: the capitalised words ending at the cue, after a lower-case word
        start = k
        while start - 1 > floor and tokens[start - 1].is_cap and tokens[start - 1].is_word:
            start -= 1
        if start != k or t.lower in _NOT_NAME_WORDS:
            return None
        mention, source_text = self._mention_in([t.text], position=t.start)
        if mention is None or mention.kind != "person" or mention.resolved == t.text:
            return None  # only a person named in full before: "Trump", not "Monday"
        return k, k + 1, mention, source_text

    def _phrase_before(self, tokens, v, floor):
        k = v - 1
        while k >= floor and not tokens[k].quoted and is_auxiliary(tokens[k]):
            if tokens[k].lower in HEDGE_ADVERBS:
                return None  # "Whips have reportedly told him": the story's hearsay, no source
            k -= 1
        if k < floor:
            return None
        low = tokens[k].lower
        contracted = CONTRACTED.get(low)
        if contracted is not None and not tokens[k].quoted:
            # "He's claiming that ...", "they're afraid that": the pronoun before "is"
            return self._contracted_subject(tokens, k, v, *contracted)
        negated = (
            k > floor and (low == "not" or low.endswith(("n't", "n’t"))) and _negation(tokens, k)
        )
        if negated:
            # "Clinton has not mentioned", "He didn't suggest", "she isn't saying": the
            # subject before the negated auxiliary
            if negated == "be" and not tokens[v].lower.endswith("ing"):
                return None  # "was not told": a passive
            k -= 2 if tokens[k].lower == "not" else 1
            while k >= floor and not tokens[k].quoted and is_auxiliary(tokens[k]):
                k -= 1
            if k < floor:
                return None
        progressive = (
            tokens[v].lower.endswith("ing") or tokens[v].lower in lx.ATTITUDE_ADJECTIVES
        ) and (tokens[k].lower in PASSIVE or tokens[k].lower in _REMAIN)
        if negated:
            pass
        elif (
            tokens[k].lower == "away"
            and k - 1 > floor
            and tokens[k - 1].lower in {"came", "come", "comes"}
            and tokens[v].lower in lx.ATTITUDE_ADJECTIVES
        ):
            k -= 2  # "came away convinced that": the subject before "came"
            if k < floor:
                return None
        elif progressive:  # "is seeking", "was saying": the subject comes before the auxiliary
            k -= 1
            while k >= floor and not tokens[k].quoted and is_auxiliary(tokens[k]):
                k -= 1
            if k < floor:
                return None
        elif tokens[k].lower == "only" and k - 1 >= floor and tokens[k - 1].lower == "not":
            k -= 2  # "the research not only documented ..."
            if k < floor:
                return None
        elif tokens[k].lower == "to" and k - 1 > floor and _catenative(tokens, k - 1):
            # "continues to insist", "appeared to suggest", "went on to say": the subject
            # of the verb before "to"
            k -= 3 if tokens[k - 1].lower == "on" else 2
            while k >= floor and not tokens[k].quoted and is_auxiliary(tokens[k]):
                k -= 1
            if k < floor or tokens[k].lower in PASSIVE:
                return None
        elif tokens[k].lower == "to" and (back := _controller(tokens, k - 1, floor)):
            kind, at = back
            if kind == "subject":
                # "was quick to deny", "took pains to stress", "was forced to admit": the
                # subject of the verb or adjective before "to"
                k = at
                while k >= floor and not tokens[k].quoted and is_auxiliary(tokens[k]):
                    k -= 1
                if k < floor:
                    return None
            else:
                # "forced the chief executive to admit": the object of the verb before it
                floor, k = at + 1, k - 1
        elif tokens[k].lower in PASSIVE or tokens[k].lower in {"to", "not", "n't"}:
            return None
        end = k
        if tokens[end].lower in _QUANTIFIERS and end > floor and not tokens[end].quoted:
            end -= 1  # "The coach and the captain both argued", "Sens. A (D) and B (R) all said"
        # Skip what stands between a name and its cue, one piece at a time:
        # "Rep. Ana R. Ruiz (D-Ore.), chair of the caucus, said",
        # "Tom Field, 61, of Easton, Md., who watched the launch, said".
        if tokens[end].text == ")" and not tokens[end].quoted:
            end = skip_name_tag(tokens, end, floor)
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
                e = skip_name_tag(tokens, m - 1, floor)
            if not segments:
                return None  # nothing before the comma
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
                if m >= floor and (
                    (role and role[0].lower() in _ROLE_DETERMINERS)
                    or lx.names_role(role_text)
                    # "Okafor's running mate, Harbour Gov. Ana Ruiz,": whose someone is
                    or (1 < len(role) <= 5 and role[0].lower().endswith(("'s", "’s")))
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
                if index + 1 < len(segments) and _aside(seg):
                    continue  # "Younger fans, in particular, have said", ", including X,"
                if index + 1 < len(segments) and is_appositive(tokens, seg, seg_start - 1, floor):
                    if len(seg) > 24 and seg[0].lower not in {"who", "which", "whose"}:
                        return None
                    continue
                if index + 1 < len(segments) and _names_someone_else(
                    tokens, seg, segments[index + 1]
                ):
                    continue
                subject_segment = (seg_start, seg_end)
                break
            if subject_segment is None or subject_segment == segments[0]:
                return None  # nothing but a clause before the comma: not a subject
            end = subject_segment[1]
            described_to = segments[0][1]  # the descriptions skipped belong to the source
        else:
            described_to = -1
        k = end
        relative = False
        while k >= floor:
            t = tokens[k]
            low = t.lower
            if t.quoted or t.text in STOP_PUNCT or (not t.is_word and t.text not in NAME_PUNCT):
                break
            if k == end and t.lower in _RELATIVES:
                if (
                    low == "who"
                    and k > 0
                    and tokens[k - 1].is_word  # not ", who joked ...": the name before the comma
                    and tokens[v].lower not in lx.SAYING_VERBS
                    and not (v + 1 < len(tokens) and tokens[v + 1].lower == "that")
                ):
                    # "hired a lawyer who accused the board of fraud": an act that describes
                    # the person, not their words
                    return None
                k -= 1  # "... some economists who argue": the relative, read below
                break
            if t.lower in lx.CLAUSE_WORDS:
                if (
                    low == "and"
                    and k < end  # "Both he and the Kremlin", not "... Clinton and said"
                    and k - 1 >= floor
                    and not tokens[k - 1].quoted
                    and (tokens[k - 1].is_cap or tokens[k - 1].lower in lx.PRONOUNS)
                ):
                    k -= 1
                    continue
                if k < end and k > floor and _relative_clause(tokens, k):
                    k -= 1  # "A study that appeared in a journal found": the noun before it
                    relative = True
                    continue
                break
            # another verb ends the subject, unless it is a participle modifying it:
            # "a summary posted on the website shows"
            if (
                k < end
                and low in lx.REPORTING_VERBS
                and is_verb_form(low)
                and not (
                    low.endswith("ed")
                    and (
                        tokens[k + 1].lower in PREPOSITIONS or tokens[k + 1].lower in lx.TIME_WORDS
                    )
                )
            ):
                break
            k -= 1
        start = k + 1
        # "China on Monday warned", "The bank just this month announced": a time phrase, or
        # an adverb before one, between the subject and its cue
        while end > start and (
            tokens[end].lower in lx.TIME_WORDS
            or (
                not tokens[end].is_cap
                and tokens[end].lower not in FINITE
                and is_auxiliary(tokens[end])
            )
        ):
            end -= 1
            if end > start and tokens[end].lower in {"on", "last", "this", "earlier", "late"}:
                end -= 1
        if end - start >= 2:
            start = _after_bare_relative_head(tokens, start, end)
        if end - start >= 2 and tokens[end].lower in _MEDIUM_NOUNS:
            # "Ruiz in an interview said", "The firm in a filing disclosed": how they spoke
            p = end - 1
            while p > start and end - p <= 4 and tokens[p].lower not in _MEDIUM_PREPOSITIONS:
                p -= 1
            if p > start and tokens[p].lower in _MEDIUM_PREPOSITIONS and tokens[p - 1].is_word:
                end = p - 1
        if start > end:
            return None
        if (
            end > start
            and tokens[end].lower in _SUBJECT_PRONOUNS
            and tokens[end - 1].lower not in {"and", "or", "nor"}
        ):
            start = end  # "Later that night on the radio she said": the pronoun
        elif end > start and (
            tokens[start].lower in _OPENING_WORDS
            or (start - 1 == floor and tokens[floor].lower in _OPENING_WORDS)
        ):
            # "On Tuesday the ministry said", "At the hearing the judge ruled": the noun
            # phrase after an opening phrase with no comma
            start = _after_opening(tokens, start, end)
        words = [t.text for t in tokens[start : end + 1] if t.is_word]
        if not words or len(words) > 16:
            return None
        if words[0].lower() in {"neither", "no", "none", "nobody", "nothing"}:
            return None  # "Neither club disclosed the figure": no one said anything
        possessive = len(words) == 1 and tokens[end].lower.endswith(("'s", "’s"))
        if possessive or "".join(words).isdigit() or tokens[end].lower == "having":
            return None  # "Editor's note", "18 states", "Having said that": not a subject
        if tokens[start].lower in _NOT_SUBJECT_START and (not tokens[start].is_cap or end > start):
            return None  # "per the McKinley plan", "In one of those funds": not a subject
        for m in range(start, end + 1):
            t = tokens[m]
            if t.lower in {"who", "which", "that", "whose"}:
                break  # a relative clause may hold verbs: "an official who was not authorised"
            if t.lower in FINITE and not (t.is_cap and m > start and tokens[m - 1].is_cap):
                return None  # "Trump has faced questions": a clause; not "Theresa May said"
            if (
                m > start
                and t.lower.endswith("ed")
                and not t.is_cap
                and tokens[m - 1].is_cap
                and tokens[m - 1].lower != "i"
                and tokens[m + 1].lower not in PREPOSITIONS
            ):
                return None  # "Okafor thanked Lund for ...": a clause of its own, no subject
        if start == end and tokens[end].lower in _RELATIVES:
            return self._relative_subject(tokens, start, floor, end)
        mention, source_text = self._mention_in(words, position=tokens[start].start)
        if mention is None or (negated and mention.kind == "document"):
            return None  # "The evidence does not support the charge": what it fails to show
        if described_to > end:
            source_text = self._described_source(tokens, start, described_to, source_text)
        elif relative:
            # "A 2014 study that appeared in a journal": the source as written, with its clause
            source_text = self._described_source(tokens, start, end, source_text)
        return start, end + 1, mention, source_text

    def _contracted_subject(self, tokens, k: int, v: int, pronoun: str, suffix: str):
        """ "She’s said that", "They’ve argued", "He's claiming", "he'd insisted": a pronoun
        with its auxiliary in one word. "It’s claimed", "They’re told", "he'll say": no
        one's words, or none yet."""
        if pronoun == "it" or pronoun not in lx.PRONOUNS or suffix == "ll":
            return None  # "It’s claimed that", "There’s said to be": no source
        verb = tokens[v].lower
        if suffix == "d" and not is_verb_form(verb):
            return None  # "he'd push it through": would, not had
        if (
            suffix in {"s", "re"}
            and not verb.endswith("ing")
            and verb not in lx.ATTITUDE_ADJECTIVES
        ):
            # "she's said that" (has said), not "he's called a liar" (is called)
            after = tokens[v + 1] if v + 1 < len(tokens) else None
            if suffix == "re" or after is None or not (after.lower == "that" or after.quoted):
                return None
        text = tokens[k].text[: len(pronoun)]
        mention = self._pronoun(pronoun, text, tokens[k].start)
        return k, k + 1, mention, text

    def _described_source(self, tokens, start: int, last: int, source_text: str) -> str:
        """The source as written with its descriptions: "Jane Roe, an analyst at the X
        Institute" (the name alone is what it resolves to). A pronoun stays a pronoun."""
        if source_text.rsplit(maxsplit=1)[-1].lower() in lx.PRONOUNS:
            return source_text
        while last > start and tokens[last].text in {",", "(", "—", "–"}:
            last -= 1
        written = self.text[tokens[start].start : tokens[last].end]
        at = written.find(source_text)  # "Even China, ...": from the words kept as the name
        return written[at:] if at >= 0 else source_text

    def _shared_subject(self, tokens, v, floor, new_act: bool = False):
        """'X denied A and said B': the second verb shares the first one's subject.

        ``new_act`` marks a cue that is a different act from any before it (a refusal to
        comment), which always makes a claim of its own.
        """
        k = v - 1
        while k >= 0 and not tokens[k].quoted and is_auxiliary(tokens[k]):
            k -= 1
        if k < 0 or tokens[k].lower not in {"and", "but", "yet"} or tokens[k].quoted:
            return None
        previous = self._sentence_found[-1] if self._sentence_found else None
        if previous is not None:
            verb = tokens[v].lower
            cue = previous.cue.lower()
            changes = (
                new_act
                or (verb in lx.DENY_VERBS) != (previous.stance == Stance.DENIES)
                or verb in {"accused", "accuses", "said", "says", "told", "added"}
                # "urged A and criticized B": two different acts on the record
                or (verb in _ACTS and cue in _ACTS and verb != cue)
                # "said A and plans B", "defended A and promised B": another act in the same
                # tense (not "Witnesses say he panicked and refused to ...": a verb of the clause
                # inside the content; nor "... after he sent off X and criticized Y")
                or (
                    verb != cue
                    and (verb in _ACTS or cue in _ACTS)
                    and _inflection(verb) == _inflection(cue.rsplit(maxsplit=1)[-1])
                    and not any(
                        t.lower in SUBORDINATORS or t.lower in _CONCESSIVE
                        for t in tokens[previous.cue_index + 1 : k]
                    )
                )
                # "urged A and criticized B", "criticized A and called for B": two different
                # acts on the record
                or (verb != cue and _act(tokens, v) and cue in _ACTS)
                or (verb != cue and verb in lx.STANCE_VERBS and cue in _STANCES_OR_ACTS)
                # "said A and warned that B", "said A but pledged to B": after a plain verb
                # of saying, another act with its own clause ("called it B" names A)
                or (
                    cue in _PLAIN_SAYING
                    and (verb not in lx.NAMING_VERBS or _act(tokens, v))
                    and _own_clause(tokens, v)
                )
            )
            if previous.subject_index < 0 or previous.mention is None or not changes:
                return None  # "noted A and claimed B" is one claim of the same source
            return v, v, previous.mention, previous.source_text
        start = floor
        while start < k and tokens[start].text == ",":
            start += 1
        if start == 0:  # "When X happened, A and B ...": the subject after the fronted clause
            start = after_fronted(tokens, k)
        return self._leading_subject(tokens, start, k)

    def _relative_subject(self, tokens, who, floor, end):
        """', who said ...', 'the police department, which reported ...': the source named
        just before it in the sentence."""
        a = who - 1
        if a >= 0 and tokens[a].text in _BEFORE_RELATIVE:
            a -= 1
        if _inside_subject(tokens, who, end):
            return None  # "One resident, who asked not to be named, said": the main verb's
        if a >= 0 and tokens[a].is_cap and tokens[a].is_word and not tokens[a].quoted:
            b = a
            while b - 1 >= 0 and (
                (tokens[b - 1].is_cap and tokens[b - 1].is_word)
                or tokens[b - 1].lower in {"of", "the", "for"}
            ):
                b -= 1  # "the Chicago Police Department", "the Ministry of Health"
            while b < a and tokens[b].lower in {"of", "the", "for"}:
                b += 1
            mention, _ = self._mention_in(
                [t.text for t in tokens[b : a + 1]], position=tokens[b].start
            )
            if mention is not None and mention.type != SourcingType.UNATTRIBUTED:
                return who, end + 1, mention, tokens[who].text
        elif not self._loose and a >= 0 and _common_noun(tokens[a]):
            # "the regional government, which has argued", "a nurse who said": the noun
            # phrase before it, when it names a source
            b = a
            while (
                b - 1 >= 0
                and a - b < 4
                and tokens[b - 1].is_word
                and not tokens[b - 1].quoted
                and tokens[b].lower not in lx.DETERMINERS
                and tokens[b - 1].lower not in _NOT_IN_PHRASE
            ):
                b -= 1
            words = [t.text for t in tokens[b : a + 1]]
            mention, _ = self._mention_in(words, position=tokens[b].start)
            if (
                mention is None
                and tokens[who].lower == "who"
                and a == who - 1
                and not self._sentence_found
            ):
                # "an architect who said": "who" is someone, described by the noun right
                # before it (after a comma it may stand for a source named earlier)
                mention, _ = self._mention_in_loosely(words, "person")
            if mention is not None and mention.type != SourcingType.UNATTRIBUTED:
                return who, end + 1, mention, tokens[who].text
            if a == who - 1:
                return None  # "many individuals who will support him": bound to that noun
        if tokens[who].lower in {"which", "that"}:
            return None  # "which" stands for the thing just named, or for nothing here
        described = self._described_before(tokens, a, floor)
        if described is not None:
            return who, end + 1, described, tokens[who].text
        if who > 0 and tokens[who - 1].text != ",":
            return None  # "the man who said": the man, whom nothing before names
        previous = self._sentence_found[-1] if self._sentence_found else None
        if previous is not None and previous.mention is not None:
            return who, end + 1, previous.mention, tokens[who].text
        mention = self.last.get("group") or self.last.get("person")
        return (who, end + 1, mention, tokens[who].text) if mention else None

    def _described_before(self, tokens, a: int, floor: int) -> Mention | None:
        """'an architect who said ...', 'one voter who told us ...': a person described by a
        short noun phrase just before "who" (a determiner, at most three words)."""
        if a < floor or not tokens[a].is_word or tokens[a].is_cap or tokens[a].quoted:
            return None
        b = a
        while b > floor and a - b < 3 and tokens[b - 1].is_word and not tokens[b - 1].quoted:
            b -= 1
            if tokens[b].lower in _DESCRIBING:
                break
        if tokens[b].lower not in _DESCRIBING or b == a:
            return None
        with self._loosely("person"):
            mention, _ = self._mention_in(
                [t.text for t in tokens[b : a + 1]], position=tokens[b].start
            )
        if mention is None or mention.type == SourcingType.UNATTRIBUTED:
            return None
        return mention

    def _subject_after(self, tokens, v):
        n = len(tokens)
        k = v + 1
        placed = False
        while k < n and not tokens[k].quoted and tokens[k].text not in STOP_PUNCT and k - v <= 8:
            if tokens[k].lower in lx.REPORTING_VERBS or tokens[k].lower in {"that", "who", "which"}:
                break
            if k > v + 1 and tokens[k].lower in _AFTER_NAME and tokens[k - 1].is_cap:
                placed = True  # 'shouted captain Joel Anand from the bus': where, not who
                break
            k += 1
        words = [t.text for t in tokens[v + 1 : k] if t.is_word]
        if not words or words[0].lower() in PREPOSITIONS:
            return None
        if k < n and tokens[k].text not in STOP_PUNCT and not tokens[k].quoted and not placed:
            return None  # "said the videos show ...": the words after the cue are its content
        role = ""
        # "said Meridian's chief executive, Alistair Brand": the name follows the role
        if k + 1 < n and tokens[k].text == "," and tokens[k + 1].is_cap:
            m = k + 1
            while m < n and tokens[m].is_word and tokens[m].is_cap:
                m += 1
            name = [t.text for t in tokens[k + 1 : m]]
            role_phrase = words[-1][:1].islower()  # "Reyna's attorney", "the company's founder"
            if 1 < len(name) <= 4 and (role_phrase or lx.names_role(" ".join(words))):
                role, words, k = " ".join(words), name, m
        mention, source_text = self._mention_in(words, role=role, position=tokens[v].start)
        if mention is None:
            return None
        c = k
        if c + 2 < n and tokens[c].text == "(" and not tokens[c].quoted:
            # 'said Rep. Ann Ruiz (D-Ore.), the ranking member': past the party's tag
            close = c + 1
            while close < n and close - c <= 6 and tokens[close].text != ")":
                close += 1
            c = close + 1 if close < n and tokens[close].text == ")" else c
        if not role and c + 1 < n and tokens[c].text == ",":
            # 'said Jane Roe, an analyst at the X Institute.': the description to the end
            k = c
            m = k + 1
            while m < n and not tokens[m].quoted and tokens[m].text not in {".", ";", "!", "?"}:
                m += 1
            inner = tokens[k + 1 : m]
            if inner and m - k <= 40 and is_appositive(tokens, inner, k, v + 1):
                source_text = self._described_source(tokens, v + 1, m - 1, source_text)
        return v + 1, k, mention, source_text

    def _leading_subject(self, tokens, start, limit):
        """The sentence's own subject: a name or noun phrase from ``start`` (before ``limit``)."""
        if start < limit and tokens[start].lower in _LEADING_CONJUNCTIONS:
            start += 1  # "But Scott grinned and invoked ...": not part of the name
        if start < limit and tokens[start].lower in _NOT_SUBJECT_START:
            # "In August, several groups granted ..., saying": after the opening phrase
            for c in range(start + 1, min(limit, start + 9)):
                if tokens[c].text == "," and not tokens[c].quoted:
                    start = c + 1
                    break
        m = start
        if m < limit and tokens[m].lower in _SUBJECT_PRONOUNS:
            limit = m + 1  # "She calmed the crowd by telling ...": the pronoun alone
        while m < limit and m - start < 7 and tokens[m].is_word and not tokens[m].quoted:
            t = tokens[m]
            if t.is_cap and m > start and t.lower in lx.REPORTING_VERBS and in_title_case(tokens):
                break  # "Railing Against the Plan, Lund Vows To ...": a headline's verb
            if not (t.is_cap or t.lower in lx.DETERMINERS or t.lower in lx.PRONOUNS):
                # a lower-case word continues the phrase unless it starts a verb or a clause:
                # "A federal judge | on Thursday ordered ..."
                low = t.lower
                if (
                    m == start
                    or low in PREPOSITIONS
                    or low in lx.CLAUSE_WORDS
                    or low in FINITE
                    or low in lx.REPORTING_VERBS
                    or low.endswith("ed")
                    or is_auxiliary(t)  # "Farmers often say"
                    # "Ms. Ortiz left the meeting": after a name the article knows, its verb
                    or self._known_name(tokens, start, m)
                ):
                    break
            m += 1
        if m == start:
            return None
        words = [t.text for t in tokens[start:m]]
        mention, source_text = self._mention_in(words, position=tokens[start].start)
        if mention is None:
            return None
        return start, m, mention, source_text

    def _known_name(self, tokens, start: int, end: int) -> bool:
        """Whether the capitalised words from ``start`` to ``end`` end in a name the article
        knows ("Ms. Ortiz", "Ana Ruiz"), not a phrase ("Central European", "Small")."""
        if end <= start or not all(t.is_cap for t in tokens[start:end]):
            return False
        words = [t.text for t in tokens[start:end]]
        # "Ms. Ortiz": the name after a title
        return any(self.registry.find(" ".join(words[k:])) for k in range(len(words)))

    def _mention_in(self, words: list[str], role: str = "", position: int = 10**12):
        """Classify the words of a source mention, resolving pronouns and short references."""
        if not words:
            return None, None
        if len(words) == 1:
            low = words[0].lower()
            if low in lx.PRONOUNS:  # "he said": the commonest source, answered at once
                return self._pronoun(low, words[0], position), words[0]
        # the same words name the same source all through an article ("Trump said"), unless
        # what they stand for depends on where they stand (a pronoun, "the company")
        key = (tuple(words), role, self._loose)
        known = self._mentions.get(key)
        if known is not None:
            return known
        found = self._classify_mention(words, role, position)
        mention = found[0]
        if (mention is None or not mention.by_position) and _PLACED_WORDS.isdisjoint(
            map(str.lower, words)
        ):
            self._mentions[key] = found
        return found

    def _classify_mention(self, words: list[str], role: str, position: int):
        # "Both he and the Kremlin": the first named source decides
        lowered = [w.lower() for w in words]
        if "and" in lowered:
            cut = lowered.index("and")
            first = [w for w in words[:cut] if w.lower() != "both"]
            if first and not _one_name(words, lowered, cut, self.registry):
                words = first
                lowered = [w.lower() for w in words]
        for relative in ("who", "which", "whose", "that"):
            if relative in lowered[1:]:
                cut = lowered.index(relative, 1)
                words, lowered = words[:cut], lowered[:cut]  # "an official who was not authorised"
        while len(words) > 1 and lowered[0] in _LEADING_ADVERBS and words[1][:1].isupper():
            words, lowered = words[1:], lowered[1:]  # "Even China, Pyongyang's only ally, said"
        source_text = " ".join(words)
        if lowered[-1] in lx.PRONOUNS and len(words) <= 3:
            return self._pronoun(lowered[-1], source_text, position), source_text
        if lowered[:3] == ["one", "of", "them"]:
            return self.last.get("group"), source_text
        # "a report by the Lakeshore Examiner": the outlet behind a report
        match = (
            REPORT_BY.search(source_text)
            if len(words) > 2 and ("by" in lowered or "in" in lowered or "from" in lowered)
            else None
        )
        if match:
            outlet_words = match.group(3).split()
            outlet = classify(outlet_words, self.registry)
            if outlet is not None and outlet.type == SourcingType.MEDIA_REPORT:
                return outlet, match.group(3)
        if "by" in lowered[2:]:
            # "a statement e-mailed to the newspaper by Hart's lawyer": the sender speaks
            cut = len(lowered) - 1 - lowered[::-1].index("by")
            head, _ = head_noun(words[:cut])
            if head in lx.SENT_DOCUMENTS and cut + 1 < len(words):
                sender = classify(words[cut + 1 :], self.registry, "", position)
                if sender is not None and sender.kind != "document":
                    return sender, " ".join(words[cut + 1 :])
        mention = classify(words, self.registry, role, position)
        if mention is None and self._loose:
            mention = described(words, self._loose)
        if mention is None:
            return None, None
        return mention, source_text

    @contextmanager
    def _loosely(self, kind: str):
        """Within this, a mention nothing better explains is a described source of ``kind``
        ("person" or "document") instead of no source at all."""
        self._loose = kind
        try:
            yield
        finally:
            self._loose = ""

    def _mention_in_loosely(self, words: list[str], kind: str):
        """After 'according to' or 'reported by' whatever follows is a source: a described
        one when nothing better is known."""
        with self._loosely(kind):
            return self._mention_in(words)

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
        source = found.source_text
        if source and source.rsplit(maxsplit=1)[-1].lower() not in lx.PRONOUNS:
            self._named_in[mention.resolved] = self._paragraph  # for a pronoun's confidence
        if mention.kind == "person":
            self.last["person"] = mention
        elif mention.kind == "group":
            self.last["group"] = mention
        elif mention.kind in {"org", "outlet"}:
            self.last["org"] = mention
            self.last["thing"] = mention
        elif mention.kind == "document":
            self.last["thing"] = mention


def _inside_subject(tokens: list[Token], who: int, v: int) -> bool:
    """', which has denied any wrongdoing, said': a clause between commas inside the subject
    of a verb after it."""
    if who == 0 or tokens[who - 1].text != ",":
        return False
    n = len(tokens)
    for k in range(v + 1, n - 1):
        t = tokens[k]
        if t.quoted or t.text in {".", ";", ":", "!", "?"}:
            return False
        if t.text == ",":
            # the verb after the clause is a cue of its own ("said", "has said"): the clause
            # describes its subject; any other verb leaves the clause's words to the clause
            # ("The club, which has denied any wrongdoing, will appeal the fine")
            m = k + 1
            while m < n - 1 and is_auxiliary(tokens[m]) and not tokens[m].quoted:
                m += 1
            return tokens[m].lower in lx.REPORTING_VERBS
    return False


def _common_noun(t: Token) -> bool:
    """Whether a lower-case word can end a noun phrase: not a verb, a pronoun or a word of
    grammar."""
    low = t.lower
    return (
        t.is_word
        and not t.quoted
        and not t.is_cap
        and low.isalpha()
        and low not in _NOT_IN_PHRASE
        and low not in lx.REPORTING_VERBS
        and low not in lx.PRONOUNS
        and low not in lx.DETERMINERS
        and not is_verb_form(low)
    )


_RELATIVES = frozenset({"who", "which", "that"})
# nouns a relative clause follows without "that": "the third time the union said ..."
_BARE_RELATIVE_HEADS = frozenset(
    """time times day days moment week month year night morning reason way""".split()
)
_ORDINALS_OR_EVERY = frozenset(
    """first second third fourth fifth last latest only next every each same""".split()
)
_CLAUSE_OPENERS = frozenset(
    """the a an this these those his her their its our my he she they we""".split()
)


def _after_bare_relative_head(tokens: list[Token], start: int, end: int) -> int:
    """Where the subject of a relative clause without "that" starts inside the words
    before a cue: "It was the third time the union said ...", "The bank has cut jobs the
    union says were vital" (the union). The noun the clause is on follows a verb ("was",
    "has"), or, for a noun of time or reason, an ordinal or "every". ``start`` when there
    is none."""
    for q in range(end - 1, start, -1):
        head = tokens[q]
        low = head.lower
        timely = low in _BARE_RELATIVE_HEADS
        if not timely and (
            head.is_cap
            or not head.is_word
            or head.quoted
            or low in _NOT_IN_PHRASE
            or low in lx.DETERMINERS
            or low in lx.PRONOUNS
            or low in lx.REPORTING_VERBS
            or low.endswith(("ly", "ing"))
            or is_verb_form(low)
        ):
            continue  # "forwarding its view": a verb's object, not a clause's subject
        nxt = tokens[q + 1]
        if not (nxt.lower in _CLAUSE_OPENERS or (timely and nxt.is_cap and nxt.is_word)):
            continue  # "the transport union", "general Lloyd Newton": one noun phrase
        before = tokens[start:q]
        if any(_is_verb(t) for t in before) or (
            timely and any(t.lower in _ORDINALS_OR_EVERY for t in before)
        ):
            return q + 1
        return start
    return start


def _is_verb(t: Token) -> bool:
    """A verb by its form alone: "has", "was", "gave" (not "retired", often an adjective)."""
    return not t.is_cap and (t.lower in FINITE or t.lower in _PAST_VERBS)


_NOT_IN_PHRASE = lx.CLAUSE_WORDS | PREPOSITIONS | FINITE | PASSIVE | {"so", "such", "now"}


# How a source spoke, in a phrase between it and its cue: "in an interview", "on Twitter"
_MEDIUM_NOUNS = frozenset(
    """interview interviews statement statements speech address filing filings letter tweet
    tweets post posts posting email e-mail memo op-ed column essay video podcast broadcast
    radio television tv twitter facebook instagram hearing briefing conference call rally
    appearance remarks testimony""".split()
)
_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "at", "during", "via", "through"})


def _after_opening(tokens: list[Token], start: int, end: int) -> int:
    """Where the subject starts after an opening phrase ("In May", "At the hearing") that
    runs into it: its last article, after a word that can end the opening phrase; else
    ``start``."""
    for p in range(end, start + 1, -1):
        low = tokens[p].lower
        if low in {"the", "a", "an"}:
            before = tokens[p - 1]
            if before.is_word and before.lower not in _OPENING_CANNOT_END:
                return p
            return start
        if low in _OPENING_CANNOT_END:
            return start  # "In one of the funds": one phrase
    if (
        end - start >= 2
        and (tokens[start + 1].lower in lx.TIME_WORDS or tokens[start + 1].lower in _NOT_NAME_WORDS)
        and tokens[start + 2].is_word
    ):
        return start + 2  # "Last week Stumpf", "In May Harbour Bank": a time, then the subject
    return start


_OPENING_CANNOT_END = (
    lx.DETERMINERS
    | lx.CLAUSE_WORDS
    | {"of", "to", "in", "on", "at", "by", "for", "with", "from", "about", "into", "than", "as"}
)


def _aside(seg: list[Token]) -> bool:
    """Whether the words between two commas after a subject are an aside about it: "in
    particular", "including the teachers union", "however"."""
    first = seg[0].lower
    if first in _ASIDE_STARTS:
        return True
    if len(seg) == 1:
        return first in _ASIDE_WORDS
    return len(seg) == 2 and (first, seg[1].lower) in _ASIDE_PAIRS


_ASIDE_STARTS = frozenset({"including", "especially", "particularly", "notably", "among"})
_ASIDE_WORDS = frozenset({"however", "meanwhile", "too", "though", "also", "moreover", "instead"})
_ASIDE_PAIRS = frozenset(
    {("in", "particular"), ("for", "example"), ("for", "instance"), ("for", "now"),
     ("in", "turn"), ("of", "course"), ("in", "contrast")}
)  # fmt: skip


def _relative_clause(tokens: list[Token], k: int) -> bool:
    """Whether "that", "which" or "who" at ``k`` opens a relative clause about the noun
    before it, whose verb follows at once: "a study that appeared", "the firm which was
    fined"; not "said that", "so that" or "that he"."""
    word = tokens[k].lower
    if word not in {"that", "which", "who"}:
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    if before.quoted or after.quoted or not before.is_word or not before.lower.isalpha():
        return False
    low = before.lower
    if (
        low in lx.CLAUSE_WORDS
        or low in lx.DETERMINERS
        or low in lx.PRONOUNS
        or low in PREPOSITIONS
        or low in lx.AUXILIARIES
        or low in lx.REPORTING_VERBS
        or low in {"so", "such", "now", "is", "was", "are", "were", "be", "been"}
    ):
        return False
    verb = after.lower
    return (
        verb in FINITE
        or verb in _PAST_VERBS
        or (verb.endswith("ed") and not after.is_cap and verb.isalpha())
    )


def _negation(tokens: list[Token], k: int) -> str:
    """Whether the word at ``k`` negates the auxiliary of a cue: "be" for a form of "to be"
    ("isn't", "was not"), "aux" for another ("didn't", "has not", "won't"), else ""."""
    t = tokens[k]
    if t.quoted:
        return ""
    low = t.lower.replace("’", "'")
    if low == "not":
        before = tokens[k - 1].lower
        if tokens[k - 1].quoted or before not in FINITE or before in _MODALS:
            return ""  # "would not tell": what might be, not what was said
        return "be" if before in PASSIVE else "aux"
    if low.endswith("n't"):
        if low in _NEGATED_BE:
            return "be"
        return "aux" if low in _NEGATED_AUX else ""
    return ""


_NEGATED_BE = frozenset("isn't aren't wasn't weren't".split())
_NEGATED_AUX = frozenset("didn't doesn't don't hasn't haven't hadn't".split())
_MODALS = frozenset("will would can could shall should may might must".split())


# Verbs a cue hangs on through "to": "continues to insist", "seemed to suggest"
_CATENATIVES = frozenset(
    """continue continues continued appear appears appeared seem seems seemed try tries
    tried begin begins began""".split()
)


def _inflection(verb: str) -> str:
    """A verb form's tense and person, to tell which verbs are coordinated: 'said' and
    'warned' are, 'say' and 'refused' or 'believes' and 'support' are not."""
    if verb.endswith("ed") or verb in _IRREGULAR_PAST:
        return "past"
    if verb.endswith("s") and not verb.endswith("ss"):
        return "third"
    return "base"


_CONCESSIVE = frozenset({"while", "although", "though"})
_BEFORE_RELATIVE = frozenset({",", "--", "—", "–"})
_IRREGULAR_PAST = frozenset(
    """said told wrote thought knew felt sought swore found saw spoke understood foresaw
    shown spoken sworn written known""".split()
)


# irregular verbs in the past that open a relative clause: "the company that built ..."
_PAST_VERBS = frozenset(
    """built won ran made took wrote led held brought sent paid sold left lost met set spent
    began gave grew became came went saw drew kept bought fought taught caught""".split()
)


# what makes someone's words before "to" theirs, with its subject ("was quick to deny",
# "hastened to add", "took pains to stress") or its object ("forced the chief to admit",
# "led critics to argue"): verbs and adjectives that say the act was done
_EAGER = frozenset("""quick swift careful keen eager first""".split())
_HASTENING = frozenset("""rushed hastened hurried rushes hastens hurries""".split())
_MADE_TO = frozenset("""forced compelled obliged""".split())
_CAUSATIVES = frozenset(
    """forced forces compelled compels obliged led leads prompted prompts caused causes""".split()
)
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been"})


def _controller(tokens: list[Token], j: int, floor: int) -> tuple[str, int] | None:
    """Whose act the cue after "to" is, when the word at ``j`` before "to" says it was
    done: ("subject", where the phrase before that word ends) or ("object", where the
    verb before the speaker stands). None otherwise."""
    if j <= floor:
        return None
    word = tokens[j].lower
    if word in _EAGER:
        p = j - 1
        if tokens[p].lower == "the" and p > floor:
            p -= 1  # "was the first to admit"
        return ("subject", p - 1) if tokens[p].lower in _BE_FORMS and p > floor else None
    if word in _HASTENING:
        return "subject", j - 1
    if word in _MADE_TO:
        if tokens[j - 1].lower in _BE_FORMS and j - 1 > floor:
            return "subject", j - 2  # "was forced to admit"
    elif word == "pains":
        if tokens[j - 1].lower in {"took", "take", "takes", "taking"}:
            return "subject", j - 2
        if tokens[j - 1].lower == "at" and j - 2 > floor and tokens[j - 2].lower in _BE_FORMS:
            return "subject", j - 3  # "was at pains to stress"
        return None
    for c in range(j - 1, max(floor, j - 30) - 1, -1):
        t = tokens[c]
        if t.quoted or t.text in {".", ";", ":", "!", "?"}:
            return None
        if t.lower in _CAUSATIVES and not t.is_cap:
            return ("object", c) if c + 1 <= j and tokens[c + 1].is_word else None
    return None


def _catenative(tokens: list[Token], k: int) -> bool:
    """Whether the word at ``k`` (before "to") carries the cue after it: "continues",
    "appeared", or "went on"."""
    word = tokens[k].lower
    if word == "on":
        return k > 0 and tokens[k - 1].lower in {"went", "goes", "go", "going"}
    return word in _CATENATIVES


def _names_someone_else(tokens: list[Token], seg: list[Token], left: tuple[int, int]) -> bool:
    """'Lawyers for the journalist, Tomas Reyna, said': a name after a phrase about several
    people names someone in that phrase, not the people who speak."""
    if not (1 < len(seg) <= 4 and all(t.is_cap and t.is_word for t in seg)):
        return False
    words = [t.text for t in tokens[left[0] : left[1] + 1] if t.is_word]
    head, _ = head_noun(words)
    return head.endswith("s") and (head in lx.ANONYMOUS_NOUNS or head in lx.OFFICIAL_NOUNS)


def _one_name(words: list[str], lowered: list[str], cut: int, registry: Registry) -> bool:
    """'The Heart and Stroke Foundation', 'Procter and Gamble': an 'and' inside one name."""
    if (
        cut + 1 >= len(words)
        or not words[cut + 1][:1].isupper()
        or not words[cut - 1][:1].isupper()
    ):
        return False
    proper = [w for w in words if w.lower() not in {"the", "a", "an", "both"}]
    return is_org_name(proper) or registry.find(" ".join(proper)) is not None


# words whose source depends on where they stand: pronouns, "one of them"
_PLACED_WORDS = frozenset(lx.PRONOUNS) | {"them"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we"})
# verbs that link a subject to a state as "be" does: "remained convinced", "grew worried"
_REMAIN = frozenset(
    """remain remains remained become becomes became grew grow grows seem seems seemed appear
    appears appeared""".split()
)
_QUANTIFIERS = frozenset({"both", "all", "each"})
_LEADING_CONJUNCTIONS = frozenset({"but", "and", "yet", "so", "or"})
# words that start a phrase of place or time after a name, not a part of it
_AFTER_NAME = frozenset(
    """from during on in at after before outside inside while when near as with to""".split()
)
_NOT_NAME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_LEADING_ADVERBS = frozenset({"even", "only", "also", "now", "still", "yet", "indeed", "instead"})


_DESCRIBING = frozenset({"a", "an", "one", "another", "the"})
_PLAIN_SAYING = frozenset({"said", "says", "say", "told", "tells"})
_CLAUSE_STARTS = frozenset({"that", "to", "against", "for", ":"})


def _act(tokens: list[Token], v: int) -> bool:
    """Whether the verb at ``v`` is an act of saying or wanting: "urged", "vowed", and
    "called for", "called on" (not "called it a hoax", which names)."""
    verb = tokens[v].lower
    if verb in _ACTS:
        return True
    return verb in lx.NAMING_VERBS and v + 1 < len(tokens) and tokens[v + 1].lower in {"for", "on"}


def _own_clause(tokens: list[Token], v: int) -> bool:
    """Whether what the verb at ``v`` says follows it at once: "that ...", a quotation, "to
    ...", "against ...", "for ..."."""
    k = v + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if (
        tokens[v].lower in RECIPIENT_VERBS
        and k < len(tokens)
        and tokens[k].lower not in _CLAUSE_STARTS
    ):
        k = skip_recipient(tokens, k)  # "warned the council that ...", "told reporters to ..."
    if k >= len(tokens):
        return False
    t = tokens[k]
    if t.lower == "to":
        # "said they want A, but pledged to B"; without the comma "said he posed a threat and
        # refused to drop the gun" reads as what he did
        c = v - 1
        while c > 0 and (is_auxiliary(tokens[c]) or tokens[c].lower in {"and", "but", "yet"}):
            c -= 1
        if tokens[c].text in QUOTE_MARKS and c > 0:
            c -= 1  # 'they want "justice," but pledged to ...'
        return tokens[c].text == ","
    return t.lower in _CLAUSE_STARTS or (t.quoted and t.text in QUOTE_MARKS)
