"""Word lists the analyzer's rules are made of. General English news vocabulary only."""

import re
from functools import lru_cache

# base form -> third person form of every verb group below, for the -ing forms
_GROUPS: dict[str, str] = {}


def _forms(*stems: str) -> frozenset[str]:
    """Verb forms written as 'say/says/said/saying' groups (base form first)."""
    for stem in stems:
        forms = stem.split("/")
        if len(forms) > 1 and not any(f.endswith("ing") for f in forms):
            _GROUPS.setdefault(forms[0], forms[1])
    return frozenset(form for stem in stems for form in stem.split("/"))


# Verbs of two syllables stressed on the last, and short ones, that double their consonant
_DOUBLING = re.compile(r"(?:^|[^aeiou])[aeiou][bdglmnprt]$")
_DOUBLED = frozenset({"admit", "rebut", "commit", "submit", "regret", "permit", "refer"})


def _ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if base in _DOUBLED or (len(base) <= 4 and _DOUBLING.search(base)):
        return base + base[-1] + "ing"
    return base + "ing"


# Reporting verbs: the cue of an attribution. Every tense the news uses.
# Base forms that are nouns far more often than verbs ("at this point", "the state"); their
# other forms stay cues.
NOUN_LIKE = frozenset(
    """point state list document detail term label project forecast counter cite call record
    report points lists details terms labels records projects remark post mention
    talk talks protest protests object objects view views rule rules sense champion
    advocate advocates signal signals wish doubt repeat""".split()
)
REPORTING_VERBS = _forms(
    "say/says/said/saying",
    "tell/tells/told/telling",
    "add/adds/added/adding",
    "note/notes/noted",
    "claim/claims/claimed",
    "insist/insists/insisted",
    "acknowledge/acknowledges/acknowledged",
    "believe/believes/believed",
    "suspect/suspects/suspected",
    "expect/expects/expected",
    "indicate/indicates/indicated",
    "warn/warns/warned",
    "suggest/suggests/suggested",
    "outline/outlines/outlined",
    "show/shows/showed/shown",
    "find/finds/found",
    "state/states/stated",
    "report/reports/reported",
    "assert/asserts/asserted",
    "argue/argues/argued",
    "explain/explains/explained",
    "confirm/confirms/confirmed",
    "announce/announces/announced",
    "write/writes/wrote",
    "recommend/recommends/recommended",
    "conclude/concludes/concluded",
    "estimate/estimates/estimated",
    "predict/predicts/predicted",
    "allege/alleges/alleged",
    "contend/contends/contended",
    "maintain/maintains/maintained",
    "remark/remarks/remarked",
    "reveal/reveals/revealed",
    "disclose/discloses/disclosed",
    "admit/admits/admitted",
    "concede/concedes/conceded",
    "testify/testifies/testified",
    "inform/informs/informed",
    "express/expresses/expressed",
    "stress/stresses/stressed",
    "emphasize/emphasizes/emphasized/emphasise/emphasises/emphasised",
    "accuse/accuses/accused",
    "praise/praises/praised",
    "describe/describes/described",
    "call/calls/called",
    "term/terms/termed",
    "label/labels/labeled/labelled",
    "deny/denies/denied",
    "dismiss/dismisses/dismissed",
    "reject/rejects/rejected",
    "refute/refutes/refuted",
    "dispute/disputes/disputed",
    "counter/counters/countered",
    "respond/responds/responded",
    "reply/replies/replied",
    "observe/observes/observed",
    "point/points/pointed",  # "pointed out"
    "think/thinks/thought",
    "fear/fears/feared",
    "worry/worries/worried",
    "caution/cautions/cautioned",
    "assess/assesses/assessed",
    "project/projects/projected",
    "forecast/forecasts",
    "demonstrate/demonstrates/demonstrated",
    "document/documents/documented",
    "detail/details/detailed",
    "list/lists/listed",
    "cite/cites/cited",
    "recount/recounts/recounted",
    "recall/recalls/recalled",
    "complain/complains/complained",
    "boast/boasts/boasted",
    "vow/vows/vowed",
    "pledge/pledges/pledged",
    "promise/promises/promised",
    "agree/agrees/agreed",
    "urge/urges/urged",
    "propose/proposes/proposed",
    "joke/jokes/joked",
    "quip/quips/quipped",
    "wonder/wonders/wondered",
    "muse/muses/mused",
    "speculate/speculates/speculated",
    "reiterate/reiterates/reiterated",
    "comment/comments/commented",
    "answer/answers/answered",
    "retort/retorts/retorted",
    "hint/hints/hinted",
    "imply/implies/implied",
    "concur/concurs/concurred",
    "lament/laments/lamented",
)
# Speech acts that put a position on record: "X criticized the plan", "X urged voters to ..."
SPEECH_ACTS = _forms(
    "criticize/criticizes/criticized/criticise/criticises/criticised",
    "condemn/condemns/condemned",
    "attack/attacks/attacked",
    "blast/blasts/blasted",
    "slam/slams/slammed",
    "question/questions/questioned",
    "ask/asks/asked",
    "demand/demands/demanded",
    "tweet/tweets/tweeted",
    "declare/declares/declared",
    "mention/mentions/mentioned",
    "echo/echoes/echoed",
    "liken/likens/likened",
    "defend/defends/defended",
    "endorse/endorses/endorsed",
    "blame/blames/blamed",
    "hope/hopes/hoped",
    "want/wants/wanted",
    "plan/plans/planned",
    "support/supports/supported",
    "oppose/opposes/opposed",
    "applaud/applauds/applauded",
    "decry/decries/decried",
    "lament/laments/lamented",
    "lambaste/lambastes/lambasted",
    "lambast/lambasts",
    "rip/rips",
    "chide/chides/chided",
    "assail/assails/assailed",
    "berate/berates/berated",
    "skewer/skewers/skewered",
    "pillory/pillories/pilloried",
    "disparage/disparages/disparaged",
    "upbraid/upbraids/upbraided",
    "mock/mocks/mocked",
    "tout/touts/touted",
    "highlight/highlights/highlighted",
    "discuss/discusses/discussed",
    "rail/rails/railed",
    "reference/references/referenced",
    "stress/stresses/stressed",
    "acknowledge/acknowledges/acknowledged",
    "announce/announces/announced",
)
# Stated intentions: "X plans to ...", "X is seeking to ...", "X vowed to ..."
INTENTION_VERBS = _forms(
    "want/wants/wanted",
    "plan/plans/planned",
    "seek/seeks/sought/seeking",
    "intend/intends/intended",
    "aim/aims/aimed",
    "vow/vows/vowed",
    "pledge/pledges/pledged",
    "promise/promises/promised",
    "refuse/refuses/refused",
    "threaten/threatens/threatened",
    "hope/hopes/hoped",
    "urge/urges/urged",
    "push/pushes/pushed",
    "agree/agrees/agreed",  # "agreed to pay": a commitment; "agreed to a deal" is no claim
)
# The long tail of the verbs news uses for what someone said, thought or stood for: "X
# chastised Y for ...", "X knows that ...", "X portrayed the plan as ...". Like the speech
# acts they attribute only with a subject that can be a source.
STANCE_VERBS = _forms(
    "speak/speaks/spoke/spoken",
    "talk/talks/talked",
    "invoke/invokes/invoked",
    "characterize/characterizes/characterized/characterise/characterises/characterised",
    "portray/portrays/portrayed",
    "depict/depicts/depicted",
    "dub/dubs/dubbed",
    "brands/branded",
    "deem/deems/deemed",
    "clarify/clarifies/clarified",
    "elaborate/elaborates/elaborated",
    "repeat/repeats/repeated",
    "proclaim/proclaims/proclaimed",
    "assure/assures/assured",
    "reassure/reassures/reassured",
    "swear/swears/swore/sworn",
    "implore/implores/implored",
    "plead/pleads/pleaded",
    "beg/begs/begged",
    "confess/confesses/confessed",
    "apologize/apologizes/apologized/apologise/apologises/apologised",
    "attest/attests/attested",
    "affirm/affirms/affirmed",
    "reaffirm/reaffirms/reaffirmed",
    "encourage/encourages/encouraged",
    "hail/hails/hailed",
    "laud/lauds/lauded",
    "commend/commends/commended",
    "brag/brags/bragged",
    "champion/champions/championed",
    "advocate/advocates/advocated",
    "promote/promotes/promoted",
    "justify/justifies/justified",
    "object/objects/objected",
    "protest/protests/protested",
    "grumble/grumbles/grumbled",
    "regret/regrets/regretted",
    "denounce/denounces/denounced",
    "deride/derides/derided",
    "ridicule/ridicules/ridiculed",
    "scold/scolds/scolded",
    "chastise/chastises/chastised",
    "rebuke/rebukes/rebuked",
    "castigate/castigates/castigated",
    "excoriate/excoriates/excoriated",
    "bash/bashes/bashed",
    "downplay/downplays/downplayed",
    "doubt/doubts/doubted",
    "ponder/ponders/pondered",
    "anticipate/anticipates/anticipated",
    "foresee/foresees/foresaw",
    "envision/envisions/envisioned",
    "wish/wishes/wished",
    "prefer/prefers/preferred",
    "know/knows/knew",
    "feel/feels/felt",
    "understand/understands/understood",
    "realize/realizes/realized/realise/realises/realised",
    "recognize/recognizes/recognized/recognise/recognises/recognised",
    "learn/learns/learned/learnt",
    "discover/discovers/discovered",
    "sense/senses/sensed",
    "view/views/viewed",
    "regard/regards/regarded",
    "assume/assumes/assumed",
    "disagree/disagrees/disagreed",
    "rule/rules/ruled",
    "determine/determines/determined",
    "decide/decides/decided",
    "signal/signals/signaled/signalled",
    "shout/shouts/shouted",
    "yell/yells/yelled",
    "scream/screams/screamed",
    "chant/chants/chanted",
    "exclaim/exclaims/exclaimed",
    "whisper/whispers/whispered",
    "mutter/mutters/muttered",
    "gush/gushes/gushed",
    "rant/rants/ranted",
    "challenged",
    "continued",
)
REPORTING_VERBS = REPORTING_VERBS | SPEECH_ACTS | INTENTION_VERBS | STANCE_VERBS
# Verbs that are cues only with what they are about: "spoke of a crisis", "talked about the
# plan", "spoke out against"; never "spoke on condition of anonymity", "talked for an hour"
ABOUT_VERBS = _forms("speak/speaks/spoke/spoken", "talk/talks/talked")
ABOUT_WORDS = frozenset({"of", "about", "out"})
# the base forms of the verbs above ("support", "plan", "claim"): before "was" or "is" a noun
BASE_FORMS = frozenset(_GROUPS)
# "is claiming", "was warning": the -ing form of a cue, a cue only after a form of "be";
# each maps to the verb's third person form, which the word lists above hold.
PROGRESSIVE = {
    _ing(base): third
    for base, third in _GROUPS.items()
    if third in REPORTING_VERBS and _ing(base) not in REPORTING_VERBS and third not in ABOUT_VERBS
}
# Words for a state of mind that state what someone holds with a that-clause after a form
# of "be": "residents are afraid that ...", "the coach is confident that ..."
ATTITUDE_ADJECTIVES = frozenset(
    """afraid frustrated convinced unconvinced confident hopeful optimistic pessimistic adamant
    aware angry upset disappointed pleased proud satisfied skeptical sceptical doubtful fearful
    concerned alarmed furious unhappy worried insistent""".split()
)
# ... and those that state an intention with "to": "several council members were willing to ..."
WILLING_ADJECTIVES = frozenset(
    """willing unwilling eager determined keen reluctant loath loth""".split()
)
ATTITUDE_ADJECTIVES = ATTITUDE_ADJECTIVES | WILLING_ADJECTIVES
# "Critics see the plan as a giveaway": a view, only with "as" after the object
SEEING_VERBS = frozenset({"see", "sees", "saw"})
# Verbs that attribute only with a subject that can be a source, never in the passive.
WEAK_VERBS = (
    ATTITUDE_ADJECTIVES
    | SEEING_VERBS
    | SPEECH_ACTS
    | INTENTION_VERBS
    | STANCE_VERBS
    | _forms(
        "show/shows/showed/shown",
        "find/finds/found",
        "call/calls/called",
        "describe/describes/described",
        "expect/expects/expected",
        "admit/admits/admitted",
        "list/lists/listed",
        "detail/details/detailed",
        "document/documents/documented",
        "demonstrate/demonstrates/demonstrated",
        "cite/cites/cited",
        "project/projects/projected",
        "think/thinks/thought",
        "fear/fears/feared",
        "worry/worries/worried",
        "agree/agrees/agreed",
        "urge/urges/urged",
        "propose/proposes/proposed",
        "vow/vows/vowed",
        "pledge/pledges/pledged",
        "promise/promises/promised",
        "praise/praises/praised",
        "accuse/accuses/accused",
        "respond/responds/responded",
        "counter/counters/countered",
        "point/points/pointed",
        "state/states/stated",
        "report/reports/reported",
        "recall/recalls/recalled",
        "express/expresses/expressed",
        "assess/assesses/assessed",
        "estimate/estimates/estimated",
        "label/labels/labeled/labelled",
        "term/terms/termed",
    )
)
# Verbs that may stand after their content and subject: "..., officials said."
SAYING_VERBS = _forms(
    "say/says/said",
    "ask/asks/asked",
    "announce/announces/announced",
    "add/adds/added",
    "note/notes/noted",
    "tell/tells/told",
    "write/writes/wrote",
    "claim/claims/claimed",
    "insist/insists/insisted",
    "warn/warns/warned",
    "explain/explains/explained",
    "argue/argues/argued",
    "report/reports/reported",
    "state/states/stated",
    "believe/believes/believed",
    "acknowledge/acknowledges/acknowledged",
    "confirm/confirms/confirmed",
    "estimate/estimates/estimated",
    "recall/recalls/recalled",
    "predict/predicts/predicted",
    "conclude/concludes/concluded",
    "suggest/suggests/suggested",
    "complain/complains/complained",
    "concede/concedes/conceded",
    "observe/observes/observed",
    "remark/remarks/remarked",
    "reply/replies/replied",
    "respond/responds/responded",
    "counter/counters/countered",
    "allege/alleges/alleged",
    "contend/contends/contended",
    "maintain/maintains/maintained",
    "stress/stresses/stressed",
    "emphasize/emphasizes/emphasized/emphasise/emphasises/emphasised",
    "caution/cautions/cautioned",
    "testify/testifies/testified",
)
# ... and more of them, which do not make a described subject a source the way a verb of
# saying does ("the crew declared an emergency")
CLOSING_VERBS = SAYING_VERBS | _forms(
    # evidence and thought: "..., the study found.", "..., analysts fear."
    "show/shows/showed/shown",
    "find/finds/found",
    "indicate/indicates/indicated",
    "reveal/reveals/revealed",
    "think/thinks/thought",
    "feel/feels/felt",
    "know/knows/knew",
    "hope/hopes/hoped",
    "fear/fears/feared",
    "worry/worries/worried",
    "suspect/suspects/suspected",
    "expect/expects/expected",
    # the manner of saying: "..., he joked.", "..., she tweeted."
    "tweet/tweets/tweeted",
    "joke/jokes/joked",
    "quip/quips/quipped",
    "boast/boasts/boasted",
    "brag/brags/bragged",
    "shout/shouts/shouted",
    "yell/yells/yelled",
    "scream/screams/screamed",
    "exclaim/exclaims/exclaimed",
    "whisper/whispers/whispered",
    "mutter/mutters/muttered",
    "lament/laments/lamented",
    "plead/pleads/pleaded",
    "recount/recounts/recounted",
    "reiterate/reiterates/reiterated",
    "repeat/repeats/repeated",
    "proclaim/proclaims/proclaimed",
    "declare/declares/declared",
    "assert/asserts/asserted",
    "agree/agrees/agreed",
    "answer/answers/answered",
    "retort/retorts/retorted",
    "admit/admits/admitted",
    "demand/demands/demanded",
    "continued",
    "read",  # what a text reads: "the letter reads", "the statement read"
    "reads",
)
DENY_VERBS = _forms(
    "deny/denies/denied/denying",
    "dismiss/dismisses/dismissed",
    "reject/rejects/rejected",
    "refute/refutes/refuted",
    "dispute/disputes/disputed",
    "rebut/rebuts/rebutted",
    "contest/contests/contested",
)
# What a court, an office or a board denies or rejects when it turns down what was asked
REQUEST_NOUNS = frozenset(
    """request requests application applications motion motions bail permission access entry
    appeal appeals petition petitions visa visas parole admission permit permits licence
    license waiver waivers asylum""".split()
)
# "called it fake", "termed the reports fake", "labelled the article a hoax"
NAMING_VERBS = _forms(
    "call/calls/called",
    "term/terms/termed",
    "label/labels/labeled/labelled",
    "describe/describes/described",
)
DENIAL_WORDS = re.compile(
    r"\b(fake|false|a hoax|hoax|baseless|untrue|nonsense|lies|a lie|fabricat\w*|groundless|"
    r"unfounded|ridiculous|absurd|propaganda|misinformation|disinformation|smear|slander\w*|"
    r"defamatory|without merit|inaccurate|incorrect|misleading|speculation|fiction|"
    r"informational attacks?)\b",
    re.I,
)
# Every denial word holds one of these: substring tests decide most sentences at a
# fraction of the pattern's cost (it tries each word at every position).
_DENIAL_STEMS = (
    "fake", "false", "hoax", "baseless", "untrue", "nonsense", "lie", "fabricat", "groundless",
    "unfounded", "ridiculous", "absurd", "propaganda", "information", "smear", "slander",
    "defamatory", "merit", "inaccurate", "incorrect", "misleading", "speculation", "fiction",
    "attack",
)  # fmt: skip


def calls_false(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` calls something fake, a hoax, baseless ..."""
    low = text[start:end].lower()
    if not any(stem in low for stem in _DENIAL_STEMS):
        return False
    return DENIAL_WORDS.search(text, start, end) is not None


DECLINE_PATTERN = re.compile(
    r"\b((declined|declines|decline|refused|refuses|refuse)\s+to\s+(comment|discuss|elaborate|"
    r"answer|say|speak|respond|confirm|deny|name|identify|specify|disclose|reveal|release|"
    r"provide|give|detail|explain|be\s+interviewed|be\s+named|be\s+identified)\b|"
    r"(did|does|do|would|could|will)\s+not\s+(immediately\s+)?(respond|reply|comment|return|answer|provide|say|confirm|discuss|elaborate|explain)\b|"
    r"(has|have|had)\s+not\s+(yet\s+)?(said|commented|responded|explained|disclosed|confirmed)\b|"
    r"(hasn['’]t|haven['’]t|hadn['’]t)\s+(yet\s+)?(said|commented|responded|explained|disclosed|confirmed)\b|"
    r"(didn['’]t|doesn['’]t|don['’]t|wouldn['’]t|won['’]t)\s+(immediately\s+)?(respond|reply|comment|return|answer|say|confirm)\b|"
    r"(could|can)\s*not\s+be\s+reached|(was|were|is|are)\s+not\s+(immediately\s+)?available\s+for\s+comment|"
    r"had\s+no\s+(immediate\s+)?comment|no\s+comment\b)",
    re.I,
)
# Words between a subject and its cue: "has also said", "had previously denied"
AUXILIARIES = frozenset(
    """has have had also previously repeatedly consistently further later earlier again would
    will could may might did does do separately privately publicly then only already recently
    initially first subsequently since now long had been has been has long have long
    flatly strongly firmly vehemently angrily quickly swiftly immediately often always never
    sometimes once still even just usually frequently also then together almost nearly""".split()
)
# Words that end a subject when walking back from a cue
CLAUSE_WORDS = frozenset(
    """that and but though although while whereas because as when after before if so since
    where which what how why then yet however meanwhile nor or until unless once whether
    than despite""".split()
)
PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "group",
    "it": "thing",
    "we": "group",
    "i": "person",
    "who": "relative",
}
DETERMINERS = frozenset(
    """the a an this that these those two three four five six seven eight nine ten several many
    some other both few most all one dozens numerous various multiple more two-thirds""".split()
)

_SPOKESPERSON_WORDS = re.compile(
    r"\b(spokes(person|man|woman|people|men|women)|press (secretary|officer|office|aide)|"
    r"representative for|communications (director|officer|chief))\b",
    re.I,
)


def names_spokesperson(text: str) -> bool:
    """'a spokeswoman for', 'the press secretary', 'a representative for' ..."""
    low = text.lower()
    if (
        "spokes" not in low
        and "press " not in low
        and "representative for" not in low
        and ("communications " not in low)
    ):
        return False  # (substring tests first: far cheaper than the pattern)
    return _SPOKESPERSON_WORDS.search(text) is not None


# Head nouns of documents and records
DOCUMENT_NOUNS = frozenset(
    """report reports assessment assessments filing filings document documents memo memos
    memorandum audit audits study studies survey surveys poll polls data dataset records record
    recordings recording indictment indictments complaint complaints lawsuit lawsuits letter
    letters summary summaries analysis analyses evaluation evaluations review reviews transcript
    transcripts findings figures statistics census ruling rulings order judgment judgement
    estimates estimate documents paper papers research footage video videos email emails
    emails messages message minutes logs log testimony affidavit affidavits charges charge
    warrant warrants disclosure disclosures accounts statement investigation probe inquiry
    guidance forecast forecasts projections model models numbers tally count index table
    cable cables dossier brief briefing report's evidence photos images imagery satellite
    notes note note's chart charts application applications submission submissions
    book books memoir biography commentary column op-ed editorial ad ads advert advertisement
    advertisements clip clips website websites page release releases blog tweet tweets post
    posts textbook manual handbook platform manifesto petition resolution legislation bill
    proposal plan budget notice notices agenda agendas bulletin advisory circular article
    articles average averages slide slides presentation film films documentary
    documentaries""".split()
)
# Anonymous officials: head nouns of unnamed people who hold office
OFFICIAL_NOUNS = frozenset(
    """official officials diplomat diplomats authorities prosecutor prosecutors
    investigator investigators officer officers regulator regulators administrator administrators
    aide aides agent agents lawmaker lawmakers legislator legislators minister ministers
    commander commanders staffer staffers adviser advisers advisor advisors negotiator negotiators
    envoy envoys inspectors inspector police detectives detective ambassador diplomat's
    officials' spokespeople bureaucrats bureaucrat""".split()
)
# Qualifiers that make an unnamed "source" an official one ("a senior government source")
OFFICIAL_QUALIFIERS = frozenset(
    """government administration military intelligence ministry security police defense
    defence official officials pentagon kremlin state federal foreign diplomatic army navy
    cabinet department white house parliamentary whitehall""".split()
)
# Anonymous non-official sources: head nouns of unnamed people
ANONYMOUS_NOUNS = frozenset(
    """source sources people person critics critic analysts analyst experts expert residents
    resident witnesses witness campaigners campaigner observers observer fans fan economists
    economist lawyers lawyer employees employee workers worker passengers passenger supporters
    supporter neighbors neighbours neighbor neighbour activists activist members member insiders
    insider executives executive scientists scientist researchers researcher doctors doctor
    parents parent students student teachers teacher traders trader investors investor
    bankers banker voters voter locals local users user customers customer owners owner
    opponents opponent proponents advocates advocate skeptics sceptics detractors friends
    friend relatives relative colleagues colleague staff managers manager employees' officials'
    academics academic commentators commentator historians historian veterans veteran
    survivors survivor victims victim families family consumers consumer shoppers shopper
    percent percentage majority plurality minority half third quarter respondents respondent
    americans britons residents' voters' adults households
    farmers farmer drivers driver pilots pilot nurses nurse physicians physician protesters
    protester demonstrators demonstrator villagers villager citizens citizen others some many
    most few""".split()
)
# Institutions that speak: head nouns of organisations
ORG_NOUNS = frozenset(
    """company companies firm firms airline airlines club clubs union unions university
    universities agency agencies bureau bureaus department departments ministry ministries
    government governments council councils authority authorities office offices service
    services board boards committee committees trust trusts league leagues hospital hospitals
    school schools city county state court courts military army navy administration party
    parties group groups bank banks commission commissions institute institutes organization
    organisation organizations organisations association associations federation federations
    foundation foundations embassy embassies consulate regulator regulators watchdog watchdogs
    team teams force forces police prosecutor's operator operators manufacturer maker makers
    carrier carriers insurer insurers lender lenders retailer retailers chain network networks
    platform coalition alliance campaign movement church diocese center centre centres centers
    station district districts municipality province region delegation mission panel inquiry
    parliament congress senate house assembly cabinet kremlin pentagon whitehall white
    corporation corp inc llc plc ltd co developer developers startup utility utilities
    zoo museum library charity charities ngo nonprofit council's brigade battalion unit
    directorate secretariat inspectorate tribunal""".split()
)
ORG_SUFFIXES = frozenset(
    """inc inc. corp corp. corporation company co co. ltd ltd. llc plc gmbh ag sa nv group holdings
    partners partnership terminals therapeutics pharmaceuticals pharma biotech electric
    energy power authority service services agency bureau office department ministry council
    commission committee board trust union university college institute institution school
    hospital clinic association federation foundation society league club rovers united city
    athletic fc bank capital securities investments airlines airways air aerospace motors
    automotive technologies technology tech systems labs laboratories media news network
    networks analytics construction industries lines shipping logistics railways rail
    airport port telecom communications insurance realty properties foods brands stores house
    hall research semiconductor semiconductors chips software robotics biosciences
    markets exchange fund funds court police force army navy forces command party government
    administration parliament assembly congress senate embassy mission directorate
    inspectorate tribunal kremlin pentagon""".split()
)


class RoleWords:
    """Role words and phrases, found as whole words in a phrase ("chief executive",
    "co-founder", "sen.").

    Does what a word-bounded regular expression of the same alternatives does, by set
    lookups over the phrase's words: such an expression tries every alternative at every
    position and is about twenty times slower on a typical phrase.
    """

    _WORDS = re.compile(r"\w+(?:-\w+)*")

    def __init__(self, phrases: str, unless_after: dict[str, set[str]] | None = None):
        self.phrases = frozenset(p.strip() for p in phrases.split("|") if p.strip())
        self.prefixes = tuple(p for p in self.phrases if p.endswith("-"))  # "ex-"
        self.longest = max(len(p.split()) for p in self.phrases)
        self.first_words = frozenset(p.split()[0] for p in self.phrases if " " in p)
        self.unless_after = unless_after or {}
        # a phrase with a full stop also stands without it: "sen." / "sen"
        self.whole = self.phrases | {p.rstrip(".") for p in self.phrases}

    def fullmatch(self, text: str) -> bool:
        """Whether the whole lower-case ``text`` is one of the phrases."""
        return text in self.whole

    def search(self, text: str) -> bool:
        """Whether a phrase stands anywhere in ``text`` as whole words."""
        words: list[str] = []
        phrases, prefixes = self.whole, self.prefixes
        for word in self._WORDS.findall(text.lower()):
            if "-" in word:
                if prefixes and word.startswith(prefixes):
                    return True
                parts = word.split("-")
                # every run of the hyphenated parts: "59-year-old" holds "year-old"
                for i in range(len(parts)):
                    for j in range(i + 1, len(parts) + 1):
                        if j - i < len(parts) and "-".join(parts[i:j]) in phrases:
                            return True
                if word in phrases:
                    return True
                words.extend(parts)
            else:
                words.append(word)
        n = len(words)
        first_words = self.first_words
        for i in range(n):
            word = words[i]
            if word in phrases:
                blockers = self.unless_after.get(word)
                if not blockers or i == 0 or words[i - 1] not in blockers:
                    return True
            if word in first_words:  # "chief" of "chief executive", "attorney" of "attorney for"
                for size in range(2, self.longest + 1):
                    if i + size <= n and " ".join(words[i : i + size]) in phrases:
                        return True
        return False


# Role words that make a named person a named official (speaking in an official capacity)
OFFICIAL_ROLES = RoleWords(
    """minister|secretary|mayor|sheriff|chief|president|chairman|chairwoman|chairperson|chair|
    director|commissioner|governor|senator|sen.|rep.|representative|congressman|congresswoman|
    councilmember|councillor|councilor|councilman|councilwoman|attorney general|
    district attorney|prosecutor|officer|general|gen.|admiral|colonel|col.|commander|
    ambassador|judge|justice|inspector|superintendent|leader|head|executive|ceo|cfo|coo|cto|
    negotiator|mp|mep|lawmaker|legislator|deputy|premier|chancellor|alderman|speaker|whip|
    treasurer|comptroller|auditor|dean|provost|rector|principal|founder|co-founder|
    chief executive|managing director|vice president|vice-president|general secretary|
    secretary-general|secretary general|general manager|city manager|county manager|
    administrator|registrar|ombudsman|coroner|magistrate|mayor-elect|president-elect|
    governor-elect|king|queen|prince|princess|pope|cardinal|bishop|archbishop|captain|capt.|
    lieutenant|lt.|sergeant|sgt.|major|maj.|police chief|fire chief|official|spokesperson|
    spokesman|spokeswoman|partner|owner|trustee|convenor|convener|chairs|presiding|
    city engineer|county engineer|chief engineer|state engineer|city planner|
    medical examiner|fire marshal|health officer"""
)
# Roles that make a named person a private individual despite a title-like word
PRIVATE_ROLES = RoleWords(
    """former|ex-|retired|analyst|professor|lecturer|researcher|economist|ecologist|expert|
    scientist|fellow|consultant|lawyer|attorney for|attorney representing|solicitor|barrister|
    resident|passenger|fan|supporter|witness|student|parent|worker|operator|cardiologist|
    physician|doctor|nurse|historian|author|writer|journalist|commentator|campaigner|
    activist|strategist|manager|coach|player|striker|midfielder|defender|goalkeeper|dealer|
    broker|trader|investor|shareholder|customer|victim|survivor|neighbor|neighbour|relative|
    friend|colleague|teacher|pupil|farmer|owner of|shop|mother|father|wife|husband|son|
    daughter|brother|sister|aged|year-old|research|researchers|nominee|candidate|challenger|
    contender|incumbent|running mate""",
    unless_after={"manager": {"general", "city", "county"}},
)


# asked about the same few phrases again and again: the answers are kept
@lru_cache(maxsize=16384)
def names_role(text: str) -> bool:
    """Whether a phrase names what someone does, official or not: 'chief executive', 'an
    analyst at X', 'former captain'."""
    return bool(OFFICIAL_ROLES.search(text) or PRIVATE_ROLES.search(text))


# People described by whom they are related to: "Schellenberg's aunt", "her neighbour"
KIN_NOUNS = frozenset(
    """aunt uncle cousin niece nephew grandmother grandfather grandson granddaughter widow
    widower fiancé fiancée fiance fiancee girlfriend boyfriend stepfather stepmother roommate
    classmate teammate mother father wife husband son daughter brother sister sibling
    siblings parents relatives friend friends neighbour neighbor neighbours neighbors""".split()
)
# People who run for office, described by that alone: "the Democratic nominee"
CANDIDATE_NOUNS = frozenset(
    """nominee candidate contender challenger hopeful incumbent frontrunner front-runner
    runner-up""".split()
)
# What people write or send, where the sender is the source: "a statement e-mailed by X"
SENT_DOCUMENTS = frozenset(
    """statement statements letter letters email emails e-mail e-mails message messages note
    notes post posts tweet tweets release remarks""".split()
)

# Titles that may stand before a name; they are not the name
NAME_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady gen gen. sen sen. rep rep.
    gov gov. lt lt. col col. capt capt. sgt sgt. adm adm. rev rev. fr fr. judge justice mayor
    president minister secretary chancellor premier governor senator sheriff chief chairman
    chairwoman director commissioner councilmember councillor ambassador king queen prince
    princess pope bishop cardinal officer inspector detective coach manager captain""".split()
)

_OUTLET_LIST = """
reuters, ap, afp, bloomberg, bbc, cnn, nbc, abc, cbs, npr, pbs, msnbc, politico, axios,
associated press, agence france-presse, al jazeera, aljazeera, fox news, new york times,
washington post, wall street journal, guardian, financial times, economist, times, telegraph,
independent, atlantic, new yorker, vox, buzzfeed news, huffpost, hill, propublica, intercept,
vice, semafor, usa today, los angeles times, chicago tribune, boston globe, daily beast,
le monde, der spiegel, spiegel, die zeit, el país, el pais, la repubblica, corriere della sera,
asahi, nikkei, yomiuri, xinhua, tass, ria novosti, interfax, kommersant, vedomosti, rbc,
meduza, novaya gazeta, haaretz, times of israel, dawn, hindu, hindustan times,
south china morning post, scmp, straits times, globe and mail, toronto star, cbc, abc news,
sky news, channel 4 news, itv news, euronews, deutsche welle, dw, france 24, rfi, yonhap,
kyodo, bernama, antara, efe, ansa, dpa, anadolu, sun, daily mail, mirror, observer,
sunday times, newsweek, time magazine, forbes, fortune, business insider, cnbc, techcrunch,
verge, wired, ars technica, information, lancet, bild, nhk, kyiv independent, ukrainska pravda,
le figaro, liberation, el mundo, frankfurter allgemeine, süddeutsche zeitung, nzz, politico europe,
jerusalem post, arab news, gulf news, the national, caixin, global times, people's daily,
korea herald, japan times, bangkok post, jakarta post, mainichi, irish times, rte, abc australia,
sydney morning herald, the age, new zealand herald, stuff, washington examiner, new york post,
breitbart, daily telegraph, evening standard, the sunday telegraph, the spectator, the new statesman
"""
OUTLETS = frozenset(
    name.strip() for name in _OUTLET_LIST.replace("\n", " ").split(",") if name.strip()
)
# The last word of an outlet's name: "The Harbour Times", "Lakeshore Examiner"
OUTLET_SUFFIXES = frozenset(
    """times journal post news herald examiner register gazette tribune chronicle ledger weekly
    daily echo observer standard telegraph mail express star sun review courier inquirer
    dispatch bulletin monitor press record reporter insider wire today magazine newspaper
    newsletter broadcaster radio television tv citizen guardian independent sentinel globe
    mirror leader advertiser argus clarion banner beacon enquirer report digest newswire
    online podcast channel network""".split()
)
MEDIA_NOUNS = frozenset(
    """newspaper newspapers outlet outlets broadcaster broadcasters magazine publication
    publications tabloid network channel website site paper agency reporters reporter journalist
    journal journals media television tv radio press
    journalists daily weekly newswire wire""".split()
)

TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year weekend earlier later last this on""".split()
)


_OUTLET_WORD = re.compile(r"[\w'’-]+")


def is_known_outlet(name: str) -> bool:
    key = " ".join(_OUTLET_WORD.findall(name.lower()))
    key = key[4:] if key.startswith("the ") else key
    return key in OUTLETS


# ", saying X", ", adding that X": participles that attribute to the clause's subject
PARTICIPLE_CUES = frozenset(
    """saying adding arguing claiming noting insisting warning explaining stressing asserting
    suggesting acknowledging conceding denying rejecting dismissing disputing writing telling
    contending maintaining emphasizing emphasising referring pointing asking promising vowing
    urging accusing predicting blaming complaining questioning declaring recalling
    boasting joking touting praising criticizing criticising""".split()
)

# Every word the cue scan looks at: verbs, participles and the words of phrasal cues
# ("according to", "per", "put it", "reported by").
# What someone claimed, as a noun with its content: "Ruiz's claim that ...", "her warning
# that ...", "a Harbour Times report that ..."
CLAIM_NOUNS = frozenset(
    """claim claims assertion assertions argument contention insistence allegation allegations
    suggestion warning warnings belief view fear fears concern concerns report finding
    findings conclusion prediction estimate announcement admission acknowledgment
    acknowledgement denial charge accusation accusations complaint remark remarks comment
    comments observation theory assurance assurances promise pledge pronouncement
    pronouncements statement insinuation arguments criticism criticisms complaints objection
    objections bet hope hopes worry worries message point position emphasis assessment
    expectation expectations reminder boast""".split()
)
# What is said in a thing made for saying it, with a verb of making: "issued a statement
# urging ...", "posted a video that shows ...", "made the case for ...", "sent a letter"
DISCOURSE_NOUNS = frozenset(
    """statement statements letter letters ad ads advertisement video videos tweet tweets
    remarks comments criticism case argument warning warnings appeal plea speech speeches
    op-ed column essay post message messages memo proposal complaint lawsuit apology denial
    response reply rebuttal rebuke ultimatum endorsement""".split()
)
LIGHT_VERBS = frozenset(
    """issued issues released releases made makes sent sends gave gives delivered delivers
    posted posts unveiled unveils penned pens aired airs ran runs launched launches filed
    files lodged lodges published publishes wrote writes""".split()
)
# Forms that are nouns far more often, and verbs with what they take: "critics call them
# ...", "Democrats call for ...", "the study points out that ...", "doubt that ..."
NOUN_LIKE_VERBS = {
    "call": frozenset({"them", "it", "him", "her", "for", "on"}),
    "point": frozenset({"out"}),
    "points": frozenset({"out"}),
    "wish": frozenset({"that"}),
    "doubt": frozenset({"that"}),
    "signal": frozenset({"that"}),
    "signals": frozenset({"that"}),
    "charge": frozenset({"that"}),
    "charges": frozenset({"that"}),
}
CUE_WORDS = (
    (REPORTING_VERBS - NOUN_LIKE)  # "the talks", "the report": those forms are never cues
    | NOUN_LIKE_VERBS.keys()
    | CLAIM_NOUNS
    | DISCOURSE_NOUNS
    | PARTICIPLE_CUES
    | PROGRESSIVE.keys()
    | ATTITUDE_ADJECTIVES
    | SEEING_VERBS
    | {"clear"}  # "made it clear that"
    # "In his view, ...", "By her own account, ..."
    | {"view", "words", "opinion", "account", "admission", "estimation", "telling", "eyes"}
    | {"judgment", "judgement", "reckoning"}
    | {"according", "per", "put", "reported", "revealed", "disclosed", "published", "quoted"}
    | {"read", "reads"}  # '"...," the letter reads.'
)
# ... and the words without which no refusal to comment can be written, and the colon of
# "Said the coach: ...": a sentence holds one of these tokens or no attribution
CUE_HINT_WORDS = frozenset(CUE_WORDS) | {
    "comment", "respond", "reached", "declined", "declines", "decline", "refused", "refuses",
    "refuse", "answer", "return", "provide", "discuss", "elaborate", "available", ":",
}  # fmt: skip
