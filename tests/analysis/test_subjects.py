"""Subjects before a cue that were missed (issue 23): a surname that is also a word of
time or a modal, adverbs between the subject and its cue. Sentences written for the test in
several styles."""

import pytest

from sourcemark.analysis.entities import Registry, classify
from tests.analysis.helpers import attributed, only


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # wire
        ("Canadian Finance Minister Harold May said this week that the budget would balance.",
         "Canadian Finance Minister Harold May"),
        # sport
        ("Striker Joe Will said after the match that the referee had missed the foul.",
         "Striker Joe Will"),
        # business
        ("Analyst Priya Might told clients that the shares were overvalued.", "Analyst Priya Might"),
    ],
)  # fmt: skip
def test_a_surname_that_is_also_a_modal_is_a_name(text, source):
    claim = only(text)
    assert claim.source == source


def test_a_modal_inside_the_phrase_still_makes_it_a_clause():
    # "has" after a lower-case word: a clause of its own, not a subject
    assert (
        attributed("The mayor Olsen has faced questions, officials say.")[0].source == "officials"
    )


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # business
        ("The port authority just this month announced it would close the north terminal.",
         "The port authority", "announced"),
        # court
        ("The judge only last week ruled that the evidence could be heard.", "The judge", "ruled"),
        # feature
        ("The governor almost immediately rejected the offer as too little, too late.",
         "The governor", "rejected"),
        # sport
        ("Manager Lena Cole nearly always insists that her players rest on Sundays.",
         "Manager Lena Cole", "insists"),
    ],
)  # fmt: skip
def test_an_adverb_between_the_subject_and_its_cue(text, source, cue):
    claim = only(text)
    assert (claim.source, claim.cue) == (source, cue)


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        # court
        ("The three judges agreed that the statute was void.", "The three judges",
         "anonymous_official"),
        # sport
        ("Both coaches insisted that the pitch was playable.", "Both coaches", "anonymous_source"),
        # wire
        ("Several senators warned that the vote could slip to March.", "Several senators",
         "anonymous_official"),
        # feature
        ("The farm's owners say the drought has cost them a third of the herd.",
         "The farm's owners", "anonymous_source"),
    ],
)  # fmt: skip
def test_several_people_of_a_known_role_are_a_source(text, source, kind):
    claim = only(text)
    assert (claim.source, claim.type) == (source, kind)


@pytest.mark.parametrize("words", [["the", "sales"], ["the", "wheels"], ["two", "goals"]])
def test_a_plural_that_is_no_role_is_no_source(words):
    assert classify(words, Registry()) is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The coach and the captain both argued that the pitch was unsafe.", "the captain"),
        ("The three judges all agreed that the statute was void.", "The three judges"),
        ("Ms. Ruiz (D-Ore.) and Mr. Beck (R-Ohio) both argued that the bill was flawed.",
         "Mr. Beck"),
    ],
)  # fmt: skip
def test_a_quantifier_after_the_subject(text, source):
    claim = only(text)
    assert claim.source == source


@pytest.mark.parametrize(
    "text",
    [
        "Party whips have reportedly told the minister that he will lose the whip.",
        "The striker allegedly told teammates that the club had lied.",
    ],
)
def test_a_cue_after_reportedly_is_hearsay(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # wire
        ("The ministry has not claimed that the ship sank.", "The ministry", "the ship sank."),
        # sport
        ("Coach Rita Olsen didn't suggest that the referee was biased.", "Coach Rita Olsen",
         "the referee was biased."),
        # business
        ("The chief executive isn't saying whether the plant will close.", "The chief executive",
         "whether the plant will close."),
        # opinion
        ("Voters don't believe that the deficit will vanish.", "Voters",
         "the deficit will vanish."),
    ],
)  # fmt: skip
def test_a_negated_cue_keeps_its_subject(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor was not told that the bridge had closed.",
        "The ledger does not show that the money was paid back.",
        # a modal: what might be said, not what was
        "They wouldn't tell the auditors anything new.",
        "The coach won't admit that the team is tired.",
    ],
)
def test_a_negated_passive_or_document_is_no_claim(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # feature
        ("But conservationists worry that the dam will flood the valley.", "conservationists"),
        # sport
        ("Some longtime season-ticket holders fear that the club will move.",
         "Some longtime season-ticket holders"),
        # business
        ("Many shipbuilders expect that orders will recover next year.", "Many shipbuilders"),
    ],
)  # fmt: skip
def test_people_described_by_a_noun_before_a_that_clause(text, source):
    claim = only(text)
    assert (claim.source, claim.type) == (source, "anonymous_source")


@pytest.mark.parametrize(
    "text",
    [
        "The new rules demand that clubs publish their accounts.",
        "The delays mean that the bridge opens in June.",
    ],
)
def test_things_before_a_that_clause_are_no_source(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # wire
        ("The Democratic nominee attacked her opponent as a fraud.", "The Democratic nominee"),
        # opinion
        ("Both candidates have opposed the trade deal.", "Both candidates"),
        # feature
        ("The incumbent insists that the port expansion will pay for itself.", "The incumbent"),
    ],
)  # fmt: skip
def test_a_candidate_described_by_the_race_is_a_source(text, source):
    claim = only(text)
    assert claim.source == source


def test_a_bare_candidate_noun_is_no_subject():
    assert attributed("That candidate would assume the chair in March.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # wire: polling
        ("Survey averages show the mayor with a comfortable lead.", "Survey averages"),
        # business: a presentation
        ("Another slide shows that eight of ten avocados are imported.", "Another slide"),
        # feature: a film
        ("The documentary explains how the river was poisoned.", "The documentary"),
        # opinion
        ("Each chart suggests that the recovery has stalled.", "Each chart"),
    ],
)  # fmt: skip
def test_documents_of_data_and_film_are_sources(text, source):
    claim = only(text)
    assert (claim.source, claim.type) == (source, "document")


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        # science
        ("A 2019 study that appeared in a medical journal found that the drug cut relapses.",
         "A 2019 study that appeared in a medical journal", "A 2019 study"),
        # court
        ("The panel that was appointed by the court argued that the search was illegal.",
         "The panel that was appointed by the court", "The panel"),
        # business
        ("A review that was ordered by the board concluded that the audit had failed.",
         "A review that was ordered by the board", "A review"),
    ],
)  # fmt: skip
def test_a_subject_with_a_relative_clause(text, source, resolved):
    claim = only(text)
    assert (claim.source, claim.source_resolved) == (source, resolved)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said that the bridge was safe.",
        "Critics argue that surveys show a decline.",
    ],
)
def test_that_after_a_cue_opens_no_relative_clause(text):
    claims = attributed(text)
    assert len(claims) == 1 and claims[0].source in {"The mayor", "Critics"}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The family said that the police had lied.", "The family"),
        ("The tabloid daily reported that the minister had resigned.", "The tabloid daily"),
    ],
)
def test_a_noun_ending_in_ly_is_no_adverb(text, source):
    assert only(text).source == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # sport
        ("Younger fans, in particular, have expressed doubts about the new stadium.",
         "Younger fans, in particular"),
        # business
        ("Other big lenders, including Harbour Bank and Meridian Trust, have also warned that "
         "rates will rise.", "Other big lenders, including Harbour Bank and Meridian Trust"),
        # wire
        ("Opposition lawmakers, however, insisted that the vote be delayed.",
         "Opposition lawmakers, however"),
    ],
)  # fmt: skip
def test_an_aside_between_commas_after_the_subject(text, source):
    assert only(text).source == source


def test_an_aside_alone_before_the_cue_is_no_subject():
    assert attributed("In particular, have expressed doubts about the stadium.") == []


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("The mayor's chief of staff, Dana Whitfield, insisted that the budget was sound.",
         "Dana Whitfield"),
        ("Meridian's new owner, Omar Haddad, plans to sell the training ground.", "Omar Haddad"),
    ],
)  # fmt: skip
def test_a_name_after_whose_role_it_is(text, resolved):
    assert only(text).source_resolved == resolved


@pytest.mark.parametrize(
    ("text", "resolved", "content"),
    [
        # wire
        ("The plan is backed by the regional government, which has argued that the tunnel "
         "will pay for itself.", "the regional government", "the tunnel will pay for itself."),
        # court
        ("The judge heard evidence from a nurse, who testified that the ward was understaffed.",
         "a nurse", "the ward was understaffed."),
        # business
        ("Investors pulled out of firms that warned that losses would deepen.", "firms",
         "losses would deepen."),
    ],
)  # fmt: skip
def test_a_relative_pronoun_after_a_described_source(text, resolved, content):
    claim = only(text)
    assert (claim.source_resolved, claim.text) == (resolved, content)


@pytest.mark.parametrize(
    "text",
    [
        "The port operator, which has strongly denied any wrongdoing, said the ship was safe.",
        "The clinic, which has long argued for more beds, said the ward was full.",
    ],
)
def test_a_relative_clause_inside_the_subject_is_no_claim_of_its_own(text):
    (claim,) = attributed(text)
    assert claim.cue == "said"


def test_a_relative_pronoun_after_no_source():
    assert attributed("The rules protect the parks that remain.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # wire
        ("On Tuesday the ministry said that the ship had sunk.", "the ministry"),
        # sport
        ("After the match the coach said that the referee was wrong.", "the coach"),
        # court
        ("At the hearing the judge ruled that the evidence was inadmissible.", "the judge"),
        # business
        ("Last year the company announced that it would close the plant.", "the company"),
        # feature
        ("In May the league said that the season would start late.", "the league"),
        # opinion
        ("For years the company insisted that the chemical was safe.", "the company"),
        ("Since the crash the airline has maintained that the jet was airworthy.",
         "the airline"),
    ],
)  # fmt: skip
def test_a_subject_after_an_opening_phrase_with_no_comma(text, source):
    assert only(text).source == source


def test_an_opening_phrase_that_runs_on_is_not_cut():
    # the article follows "of": one phrase, which names no source
    assert attributed("In one of the funds argued that returns fell.") == []


def test_a_relative_clause_inside_the_subject_takes_no_earlier_source():
    text = (
        "Officials said the river had risen.\n\n"
        "One resident, who asked not to be named, said the water had turned brown."
    )
    claims = attributed(text)
    assert [(c.cue, c.text) for c in claims] == [
        ("said", "the river had risen."),
        ("said", "the water had turned brown."),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Local growers believe that the frost is over.", "Local growers"),
        ("Rural pharmacists say that the shortage is getting worse.", "Rural pharmacists"),
    ],
)
def test_people_in_the_plural_at_the_start_of_a_sentence(text, source):
    claim = only(text)
    assert (claim.source, claim.type) == (source, "anonymous_source")


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        # wire
        ("Mayor Ana Ruiz in an interview said that the budget was sound.", "Mayor Ana Ruiz",
         "named_official"),
        # feature
        ("Ms. Ortiz on Twitter wrote that she was innocent.", "Ms. Ortiz", "named_person"),
        # business
        ("The company in a filing disclosed that profits fell.", "The company", "spokesperson"),
    ],
)  # fmt: skip
def test_how_the_source_spoke_between_it_and_the_cue(text, source, kind):
    claim = only(text)
    assert (claim.source, claim.type) == (source, kind)


def test_a_place_after_the_subject_stays_with_it():
    assert only("Officials in Washington said the talks had stalled.").source == (
        "Officials in Washington"
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("In May Harbour Bank warned that rates would rise.", "Harbour Bank"),
        ("On Monday officials said the talks had stalled.", "officials"),
    ],
)
def test_a_time_then_the_subject_with_no_comma(text, source):
    assert only(text).source == source


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # opinion
        ("She’s said that the budget is sound.", "She", "said"),
        # wire
        ("He's claiming that the vote was rigged.", "He", "claiming"),
        # sport
        ("They’ve argued all season that the pitch is too small.", "They", "argued"),
        # court
        ("He’d insisted that the contract was void.", "He", "insisted"),
    ],
)  # fmt: skip
def test_a_pronoun_with_its_auxiliary_in_one_word(text, source, cue):
    claim = only(text)
    assert (claim.source, claim.cue) == (source, cue)


@pytest.mark.parametrize(
    "text",
    [
        "It’s claimed that the mayor lied.",
        "He’s called a liar by his rivals.",
        "They’re told to wait outside.",
        "He’ll push the budget through regardless.",
        "He’d push the budget through regardless.",
    ],
)
def test_a_contraction_that_is_no_one_speaking(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        # wire: a party's tag before the description
        ('"It is a disgrace," said Rep. Ann Ruiz (D-Ore.), the ranking member of the panel.',
         "Rep. Ann Ruiz (D-Ore.), the ranking member of the panel", "Ann Ruiz"),
        # business: a capitalised "Report" in the description is a name, not a verb
        ('"Rates will rise," said Tom Beck, House editor for the Harbour Report.',
         "Tom Beck, House editor for the Harbour Report", "Tom Beck"),
    ],
)  # fmt: skip
def test_the_description_after_a_source_named_after_the_cue(text, source, resolved):
    claim = only(text)
    assert (claim.source, claim.source_resolved) == (source, resolved)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # business
        ("In August, several lenders granted the firm an extension, saying its capital was "
         "less than expected.", "several lenders"),
        # sport
        ("But Coach Lena Cole smiled and insisted that the title race was over.",
         "Coach Lena Cole"),
    ],
)  # fmt: skip
def test_the_leading_subject_after_an_opening_phrase_or_a_conjunction(text, source):
    assert attributed(text)[-1].source == source


def test_who_right_before_a_cue_after_a_described_person():
    claim = only("The inquiry heard from a builder who insisted that he had been cheated.")
    assert (claim.source, claim.source_resolved, claim.cue) == ("who", "a builder", "insisted")


def test_who_after_a_comma_keeps_the_source_named_earlier():
    text = "Police are assisting, according to two officials, who said the gang had struck before."
    claims = attributed(text)
    assert claims[-1].source == "who" and claims[-1].source_resolved == "two officials"


def test_having_said_that_is_no_subject():
    claim = only("Having said that, some economists argue that taxes should be low.")
    assert claim.source == "some economists"


def test_the_agent_of_published_by_ends_at_a_dash():
    claim = attributed(
        "The transcript–published by The Harbour Times–shows that the mayor spoke of crime."
    )[0]
    assert claim.source == "The Harbour Times"


def test_who_bound_to_a_noun_that_names_no_source():
    text = (
        "Mayor Ana Ruiz said the tax was fair.\n\n"
        "Her rival is a liar and braggart who has pledged to ban the press."
    )
    assert len(attributed(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The storm that hit the coast on Monday showed that the defences were weak.",
        "The decision that was announced on Friday means that the plant will close.",
        "A bill that passed the Senate last week would require that banks hold more capital.",
        "At the end of the day the answer is that nobody knows.",
    ],
)
def test_a_relative_clause_or_opening_phrase_makes_no_thing_a_source(text):
    assert attributed(text) == []
