"""The long tail of cues on real news (issue 23): verbs of saying, thinking and taking a
stand beyond "said", sources named after an opening phrase, and sources written with their
descriptions. Sentences written for the test in several styles."""

import pytest

from sourcemark.analysis import analyze
from tests.analysis.helpers import attributed, only

# --- verbs of saying, thinking and taking a stand -------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # opinion
        ("The senator chastised the regulator for its silence on the merger.", "The senator",
         "the regulator for its silence on the merger."),
        # sport
        ("Coach Rita Alves knows that one more defeat will cost her the job.", "Coach Rita Alves",
         "one more defeat will cost her the job."),
        # business
        ("Union leader Tom Brady Okoro denounced the pay offer as an insult.", "Union leader Tom Brady Okoro",
         "the pay offer as an insult."),
        # court
        ("The defendant's mother implored the jury to spare her son.", "The defendant's mother",
         "the jury to spare her son."),
        # feature
        ("Ms. Ferreira felt that the village had been forgotten by the capital.", "Ms. Ferreira",
         "the village had been forgotten by the capital."),
        # wire: a verb that wants what it is about
        ("The minister spoke of a crisis in the hospitals.", "The minister",
         "a crisis in the hospitals."),
    ],
)  # fmt: skip
def test_a_verb_of_the_long_tail_attributes_with_a_source_for_its_subject(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Two university officials, who spoke on condition of anonymity, were not named.",
        "The two leaders talked for an hour before the dinner.",
        "Prices continued to climb through the spring.",
        "Several passengers are reportedly considering legal action against the airline.",
    ],
)
def test_such_a_verb_without_what_it_is_about_is_no_cue(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source", "type_", "content"),
    [
        # business: evidence closing the sentence
        ("Exports fell for a third month, figures from the customs office showed.",
         "figures from the customs office", "document", "Exports fell for a third month"),
        # court
        ("The contractor had cut corners on the welds, the inquiry found.", "the inquiry",
         "document", "The contractor had cut corners on the welds"),
        # opinion: a thought closing the sentence
        ("The reform will not survive the next election, many economists fear.",
         "many economists", "anonymous_source", "The reform will not survive the next election"),
        # sport: the manner of saying, inverted
        ("“We will be back,” shouted captain Joel Anand from the bus.", "captain Joel Anand",
         "named_official", "We will be back"),
        # wire: an outlet after its report
        ("The talks had stalled over fishing rights, reported Reuters.", "Reuters",
         "media_report", "The talks had stalled over fishing rights"),
    ],
)  # fmt: skip
def test_more_verbs_close_a_sentence_or_stand_before_their_source(text, source, type_, content):
    claim = only(text)
    assert (claim.source, claim.type, claim.text) == (source, type_, content)


# --- the source after an opening phrase with no comma ------------------------------------------


def test_a_pronoun_after_an_opening_phrase_is_the_subject():
    text = (
        "Mayor Lena Okafor opened the bridge on Monday.\n\n"
        "On the morning show the next day she blasted the contractors for the delays."
    )
    claim = attributed(text)[-1]
    assert claim.source == "she"
    assert claim.source_resolved == "Lena Okafor"
    assert claim.text == "the contractors for the delays."


def test_a_name_known_from_earlier_after_an_opening_phrase_is_the_subject():
    text = (
        "Judge Maria Costa heard the case in March.\n\n"
        "At a hearing with both parties in the room Costa said that the evidence was incomplete."
    )
    claim = attributed(text)[-1]
    assert (claim.source_resolved, claim.text) == ("Maria Costa", "the evidence was incomplete.")


def test_an_opening_phrase_ending_in_a_day_is_no_source():
    assert attributed("In the meeting on Monday said nothing new happened.") == []


# --- sources written with their descriptions --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        # wire
        ("Dana Pruitt, a lawyer for the families, said the settlement was too small.",
         "Dana Pruitt, a lawyer for the families", "Dana Pruitt"),
        # feature: a relative clause describes the speaker
        ("Omar Haddad, who has farmed the valley for 40 years, said the river had never been so low.",
         "Omar Haddad, who has farmed the valley for 40 years", "Omar Haddad"),
        # business: the description after an inverted cue
        ("“Margins will recover,” said Ines Kowal, chief financial officer of Brightline Foods.",
         "Ines Kowal, chief financial officer of Brightline Foods", "Ines Kowal"),
        # a pronoun stays the pronoun
        ("Ana Ruiz runs the shelter.\n\nShe, a nurse by training, said the beds were full.",
         "She", "Ana Ruiz"),
    ],
)  # fmt: skip
def test_the_source_as_written_keeps_its_description(text, source, resolved):
    claim = attributed(text)[-1]
    assert (claim.source, claim.source_resolved) == (source, resolved)


# --- cues inside clauses, after "to" and after a preposition ----------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # wire: a clause of time, then what was said
        ("Shares fell when the chairman noted that orders had slowed.", "the chairman",
         "orders had slowed."),
        # opinion: a verb the cue hangs on
        ("The bill stalled after he seemed to suggest that the budget could wait.", "he",
         "the budget could wait."),
        # sport
        ("The coach went on to say that the referee had lost control.", "The coach",
         "the referee had lost control."),
        # court: an adverbial between the cue and "that"
        ("The defendant continues to insist, in his third letter to the judge, that he was abroad.",
         "The defendant", "he was abroad."),
        # feature: a gerund after a preposition
        ("She calmed the crowd by telling them that the clinic would stay open.", "She",
         "the clinic would stay open."),
    ],
)  # fmt: skip
def test_a_cue_inside_a_clause_or_after_to_keeps_its_subject(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


def test_a_finding_inside_a_clause_of_time_is_an_event():
    assert attributed("The plant closed when inspectors found that the roof was unsafe.") == []


@pytest.mark.parametrize(
    "text",
    [
        # business: a cue word after a determiner is a noun
        "The board approved a plan to sell the two regional airlines next year.",
        # opinion
        "Voters have heard their worst fears confirmed by the latest figures.",
        # a subject that holds a verb of its own is no subject
        "Okafor thanked Lund at the dinner for backing his plans to cut the budget.",
        # an opening phrase is no subject
        "In one of those pension funds the money grows without tax.",
    ],
)
def test_nouns_and_clauses_are_not_cues_and_sources(text):
    assert attributed(text) == []


# --- a cue that announces the next paragraph ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # sport
        "The coach said:\n\n“We lost the match in the first ten minutes. Nobody was ready.”",
        # court: a plain paragraph after the cue
        "Judge Amal Reyes wrote in her ruling:\n\nThe evidence does not support the charge.",
    ],
)
def test_a_paragraph_ending_in_a_cue_and_a_colon_gives_the_next_one_its_speaker(text):
    claims = [c for c in analyze(text) if c.text.rstrip(".”") and not c.text.endswith(":")]
    (claim,) = [c for c in claims if c.type != "unattributed"]
    assert claim.start > text.index("\n")
    assert claim.source in {"The coach", "Judge Amal Reyes"}


def test_the_paragraph_after_an_announced_one_is_reporting_again():
    text = "The mayor said:\n\nThe budget is balanced.\n\nThe council meets again in May."
    assert [c.type for c in analyze(text)][-1] == "unattributed"


# --- the object of an act, and more shapes ------------------------------------------------------


def test_the_object_of_an_act_ends_where_another_act_begins():
    claim = only("The senator criticized the plan and related measures in a speech.")
    assert claim.text == "the plan and related measures in a speech."
    claim = only("The regulator chastised the bank for its silence and walked out of the hearing.")
    assert claim.text == "the bank for its silence"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("One more opponent, Laurence Webb, likened the levy to a fine on the poor.",
         "Laurence Webb", "the levy to a fine on the poor."),
        ("The coach spoke warmly of the youth players who had stepped up.", "The coach",
         "the youth players who had stepped up."),
        ("“The harbour will reopen by June,” the port director declared.", "the port director",
         "The harbour will reopen by June"),
    ],
)  # fmt: skip
def test_more_shapes_of_the_long_tail(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


# --- a claim as a noun with its content ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "type_", "content"),
    [
        # opinion: a possessive owner
        ("The fact-checkers looked at Senator Ray Olsen's claim that crime had doubled.",
         "Senator Ray Olsen", "named_official", "crime had doubled."),
        # wire: an outlet before the noun
        ("Ministers were rattled by a Harbour Times report that the budget had a hole in it.",
         "Harbour Times", "media_report", "the budget had a hole in it."),
        # business: a fronted phrase ends the content at its comma
        ("Following the company's announcement that it would cut 300 jobs, shares rose.",
         "the company", "spokesperson", "it would cut 300 jobs"),
        # sport: a possessive pronoun
        ("Ana Ortiz runs the club.\n\nFans cheered her promise that no player would be sold.",
         "she", "named_person", "no player would be sold."),
    ],
)  # fmt: skip
def test_a_claim_written_as_a_noun_rests_on_its_owner(text, source, type_, content):
    claim = attributed(text)[-1]
    assert (claim.source, claim.type, claim.text) == (source, type_, content)


@pytest.mark.parametrize(
    "text",
    [
        "The report that was leaked on Monday named six officials.",  # a relative clause
        "The claim that the river is clean is hard to test.",  # nobody owns the claim
    ],
)
def test_a_noun_of_claiming_without_an_owner_or_a_content_is_no_cue(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # court: the owner after the noun, with "from"
        ("The trial went ahead despite repeated warnings from the defence team that the "
         "jury had been briefed.", "the defence team", "warnings from",
         "the jury had been briefed."),
        # business: "by" and a plural noun of arguing
        ("Investors shrugged off claims by the short seller Kestrel Research that the "
         "accounts were padded.", "the short seller Kestrel Research", "claims by",
         "the accounts were padded."),
        # opinion: the owner's noun, then "is that"
        ("The governor's bet is that commuters will forgive a year of roadworks.",
         "The governor", "bet", "commuters will forgive a year of roadworks."),
        # sport: "was that"
        ("Coach Lena Moritz's argument was that the pitch had been unplayable all week.",
         "Coach Lena Moritz", "argument", "the pitch had been unplayable all week."),
        # feature: a noun of hoping with a possessive pronoun
        ("Ana Ortiz opened the bakery in May.\n\nHer hope that the street would come back "
         "to life kept her going.", "she", "hope",
         "the street would come back to life kept her going."),
    ],
)  # fmt: skip
def test_a_noun_of_claiming_with_its_owner_after_it_or_before_is_that(text, source, cue, content):
    claim = attributed(text)[-1]
    assert (claim.source, claim.cue, claim.text) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The message from the depot was that nothing had arrived.",  # no owner before "that"
        "The point that matters most is the price of a ticket.",  # a relative clause
        "Criticism from fans who travelled that far was loud.",  # no "that" after a phrase
        "Her worries that were once private are now public.",  # a relative clause
    ],
)
def test_a_noun_of_claiming_without_its_shape_is_no_cue(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # sport: what the words were about, up to the verb
        ("The striker's comments about the referee earned him a two-match ban.",
         "The striker", "comments", "the referee"),
        # wire: a day between the noun and "on"
        ("Governor Ana Ruiz's remarks Tuesday on the port closure came as talks resumed.",
         "Governor Ana Ruiz", "remarks", "the port closure"),
        # business: up to a comma
        ("The airline's claims about its safety record, published in March, drew scrutiny.",
         "The airline", "claims", "its safety record"),
    ],
)  # fmt: skip
def test_a_noun_of_claiming_about_something_is_that_something(text, source, cue, content):
    claim = attributed(text)[-1]
    assert (claim.source, claim.cue, claim.text) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor's warning on Monday was ignored by the council.",  # when, not what
        "Her comments on television were brief.",  # how, not what
        "The comments about the referee were deleted.",  # nobody's comments
    ],
)
def test_a_noun_of_claiming_on_a_day_or_a_medium_is_no_cue(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # court: "repeated" between the owner and the noun
        ("The hearing went ahead despite the prosecutor's repeated warnings that the jury "
         "was biased.", "the prosecutor", "the jury was biased."),
        # business: "latest"
        ("Passengers shrugged off the airline's latest assurance that fares would hold.",
         "the airline", "fares would hold."),
        # sport: "own", with "about"
        ("Ana Ruiz scored twice.\n\nRuiz's own comments about the referee earned her a fine.",
         "Ruiz", "the referee"),
    ],
)  # fmt: skip
def test_a_word_of_when_or_how_often_may_stand_between_the_owner_and_the_noun(
    text, source, content
):
    claim = attributed(text)[-1]
    assert (claim.source, claim.text) == (source, content)


def test_a_word_of_when_before_a_noun_of_claiming_is_no_owner():
    assert attributed("The first report that was leaked named six officials.") == []


def test_a_noun_of_claiming_inside_an_attribution_is_part_of_its_content():
    (claim,) = attributed("The mayor repeated her promise that no library would close.")
    assert claim.cue == "repeated"


# --- the agent of a passive act of saying ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content", "stance"),
    [
        # business
        ("The merger was praised by analysts at Harbour Securities.",
         "analysts at Harbour Securities", "The merger", "asserts"),
        # opinion: a reduced passive after a comma
        ("Night buses are back on the agenda, championed by Governor Ana Ruiz.",
         "Governor Ana Ruiz", "Night buses are back on the agenda", "asserts"),
        # wire: a denial in the passive
        ("The report was dismissed by the defence ministry as propaganda.", "the defence ministry",
         "The report", "denies"),
        # court: a request turned down is a decision, not a denial
        ("The request for bail was rejected by Judge Omar Field.", "Judge Omar Field",
         "The request for bail", "asserts"),
    ],
)  # fmt: skip
def test_the_agent_of_a_passive_act_of_saying_is_the_source(text, source, content, stance):
    claim = only(text)
    assert (claim.source, claim.text, claim.stance) == (source, content, stance)


def test_a_passive_finding_or_an_act_that_is_no_saying_is_no_attribution():
    assert attributed("The body was found by police on Monday.") == []
    assert attributed("The bridge was built by a firm from Leeds.") == []


@pytest.mark.parametrize(
    ("text", "resolved", "content"),
    [
        # wire
        ("The figures came from the Harbour Police Department, which reported 40 thefts in May.",
         "Harbour Police Department", "40 thefts in May."),
        # business: no comma before the relative
        ("Investors looked to the Central Bank which said that rates would stay on hold.",
         "Central Bank", "rates would stay on hold."),
    ],
)  # fmt: skip
def test_which_after_a_name_stands_for_it(text, resolved, content):
    claim = only(text)
    assert (claim.source, claim.source_resolved, claim.text) == ("which", resolved, content)


def test_which_after_no_source_is_no_source():
    assert attributed("Rain fell on the old town, which reported no damage.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ministers have not said whether the levy will rise again.",  # wire
        "The club hasn't commented on the transfer.",  # sport
        "The mayor could not explain why the invoices were paid twice.",  # court
    ],
)
def test_not_having_said_is_declining(text):
    (claim,) = attributed(text)
    assert claim.stance == "declines"


# --- a participle before the clause it belongs to --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # opinion
        ("Citing a report from 2019, Senator Ray Olsen accused the agency of waste.", "Citing",
         "Senator Ray Olsen", "a report from 2019"),
        # feature: after a preposition
        ("After saying the figures were wrong, Ms. Ortiz left the meeting.", "saying",
         "Ms. Ortiz", "the figures were wrong"),
    ],
)  # fmt: skip
def test_a_fronted_participle_belongs_to_the_subject_of_the_clause(text, cue, source, content):
    fronted = attributed(text)[0]
    assert (fronted.cue, fronted.source, fronted.text) == (cue, source, content)


def test_a_fronted_participle_of_no_saying_is_no_cue():
    assert attributed("Walking home, the mayor saw the fire.") == []


@pytest.mark.parametrize("who", ["Republicans", "Mexicans", "Democrats", "Economists"])
def test_people_of_a_party_or_a_country_are_an_unnamed_group(who):
    (claim,) = attributed(f"{who} say the tax will not pass.")
    assert claim.type == "anonymous_source"


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # wire
        ("The league issued a statement urging the clubs to wait for the inquiry.",
         "The league", "issued a statement"),
        # court
        ("Lawyers for the driver filed a complaint accusing the police of planting evidence.",
         "Lawyers for the driver", "filed a complaint"),
        # opinion
        ("Senator Ray Olsen has long made the case for a carbon tax.", "Senator Ray Olsen",
         "made the case"),
    ],
)  # fmt: skip
def test_what_is_said_in_a_statement_someone_issued_rests_on_them(text, source, cue):
    claim = only(text)
    assert (claim.source, claim.cue) == (source, cue)


def test_a_statement_with_nothing_in_it_is_no_claim():
    assert attributed("The mayor made a statement.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Critics say a city transport plan would mostly help the suburbs.",
        "Officials from six states met in Denver on Monday.",
    ],
)
def test_plan_and_states_are_verbs_only_with_what_they_take(text):
    assert all(c.cue not in {"plan", "states"} for c in attributed(text))


def test_plans_to_is_a_stated_intention():
    (claim,) = attributed("The mayor plans to close two libraries next year.")
    assert claim.cue == "plans"


# --- a cue in a relative clause without "that" ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # wire: after an ordinal and a form of "be"
        ("It was the second time this year the transport union said it had been shut out of "
         "the talks.", "the transport union", "it had been shut out of the talks."),
        # sport: a name after the noun
        ("Saturday was the first time Coach Lena Moritz admitted the title was gone.",
         "Coach Lena Moritz", "the title was gone."),
        # business: "reason"
        ("That is the main reason the airline says fares will rise in the spring.",
         "the airline", "fares will rise in the spring."),
        # court: any noun after a verb, a determiner after it
        ("It was a verdict the judge later said she regretted.", "the judge", "she regretted."),
        # feature: after a verb in the past and its two objects
        ("The mayor gave the council the figures the auditor said were wrong.", "the auditor",
         "were wrong."),
    ],
)  # fmt: skip
def test_the_subject_of_a_relative_clause_without_that_is_the_source(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a newspaper's name ending in a noun of time is no clause
        ("A spokesman for the Harbour Times said the paper would appeal.",
         "A spokesman for the Harbour Times"),
        # no ordinal and no verb before the noun: the phrase is the subject
        ("The Sunday Times reporter Ana Ruiz said the figures were wrong.",
         "The Sunday Times reporter Ana Ruiz"),
        # a title before a name is no clause, nor a participle's object
        ("The figures were wrong, retired Navy captain Ana Ruiz said.",
         "retired Navy captain Ana Ruiz"),
    ],
)  # fmt: skip
def test_a_noun_of_time_inside_a_name_starts_no_clause(text, source):
    assert only(text).source == source


# --- a cue after "to": whose words they are --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # court: the object of a verb that made it happen
        ("Hours of questioning forced the bank's chairman to admit that the audit was late.",
         "the bank's chairman", "admit", "the audit was late."),
        # sport: "led" with a name
        ("The third defeat in a row led coach Bruno Tavares to concede that the title was lost.",
         "coach Bruno Tavares", "concede", "the title was lost."),
        # business: a passive "was forced to"
        ("The carrier was forced to acknowledge that four flights had been cancelled.",
         "The carrier", "acknowledge", "four flights had been cancelled."),
        # wire: an adjective that says the act was done
        ("The ministry was quick to insist that the border would stay open.",
         "The ministry", "insist", "the border would stay open."),
        # feature: "took pains to"
        ("Ms. Adeyemi took pains to stress that the bakery would stay in the family.",
         "Ms. Adeyemi", "stress", "the bakery would stay in the family."),
        # opinion: "hastened to add"
        ("The columnist hastened to add that he had voted for the mayor twice.",
         "The columnist", "add", "he had voted for the mayor twice."),
    ],
)  # fmt: skip
def test_a_cue_after_to_is_the_words_of_whoever_did_it(text, source, cue, content):
    claim = only(text)
    assert (claim.source, claim.cue, claim.text) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The club paid the striker to deny that he was leaving.",  # paid: not done yet
        "The club was ready to admit that the stadium was too small.",  # ready: not done
        "The flood forced the council to close the riverside road.",  # no cue after "to"
    ],
)
def test_a_cue_after_to_that_was_not_done_is_no_attribution(text):
    assert attributed(text) == []


def test_a_verb_of_wanting_keeps_its_own_subject_as_the_source():
    claim = only("The board wants the chief executive to admit that mistakes were made.")
    assert claim.source == "The board"


def test_a_headlines_capitalised_verb_ends_the_name_of_a_fronted_participles_subject():
    text = (
        "Citing Flood Damage, Mayor Ines Lund Says Harbour Fares Will Rise.\n\n"
        "The harbour reopened on Monday after a week of repairs to the quay."
    )
    first, second = attributed(text)
    assert (first.source, first.cue) == ("Mayor Ines Lund", "Citing")
    assert (second.source, second.cue) == ("Mayor Ines Lund", "Says")


def test_a_name_that_is_spelt_like_a_verb_stays_whole_in_a_sentence():
    claim = attributed("Citing the archive, Edward Said argued that the map was a forgery.")[0]
    assert claim.source == "Edward Said"


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # a headline in title case
        ("Dock Workers Rip Port Authority Over Night Shifts\n\nThe port opened at dawn.",
         "Dock Workers", "Rip"),
        # sport
        ("The coach chided the referee for a late whistle.", "The coach", "chided"),
        # opinion
        ("Senator Ray Olsen assailed the bill as a gift to landlords.", "Senator Ray Olsen",
         "assailed"),
        # business
        ("Shareholders berated the board over the chief executive's bonus.", "Shareholders",
         "berated"),
    ],
)  # fmt: skip
def test_verbs_of_scolding_are_cues(text, source, cue):
    claim = attributed(text)[0]
    assert (claim.source, claim.cue) == (source, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The senator rips up the contract in front of the cameras.",
        "The rocket blasted off from the island on Monday.",
    ],
)
def test_a_verb_of_scolding_with_a_particle_of_the_hand_is_no_cue(text):
    assert attributed(text) == []


# --- a state of mind after a verb that links like "be" ----------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # business
        ("Bondholders grew increasingly worried that the port would default.", "Bondholders",
         "the port would default."),
        # court
        ("The judge became convinced that the witness had lied.", "The judge",
         "the witness had lied."),
        # sport
        ("Coach Lena Moritz came away confident that the squad could stay up.",
         "Coach Lena Moritz", "the squad could stay up."),
        # opinion
        ("Ministers seemed unconvinced that the tax would raise much.", "Ministers",
         "the tax would raise much."),
    ],
)  # fmt: skip
def test_a_state_of_mind_after_a_linking_verb_is_held_by_the_subject(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


def test_a_linking_verb_with_that_as_a_determiner_is_no_claim():
    assert attributed("The crowd grew angry that night at the stadium gates.") == []


# --- "as noted by ...", "as stated in ..." ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # business: a person after "by"
        ("As noted by the auditor, the pension fund is short of cash.", "the auditor",
         "As noted by", "the pension fund is short of cash."),
        # court: a document after "in"
        ("As detailed in a court filing, the firm paid its fines two years late.",
         "a court filing", "As detailed in", "the firm paid its fines two years late."),
        # wire: an outlet after "in", with "first"
        ("As first reported in the Harbour Times, the ferry contract was never signed.",
         "the Harbour Times", "As first reported in", "the ferry contract was never signed."),
    ],
)  # fmt: skip
def test_a_participle_of_saying_after_as_names_its_source(text, source, cue, content):
    claim = only(text)
    assert (claim.source, claim.cue, claim.text) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The money was spent as described in the plan.",  # a manner, inside the clause
        "The stadium was built as outlined in the 1990 design.",
    ],
)
def test_as_described_inside_a_clause_is_no_attribution(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # wire
        ("The bridge, which the mayor said would cost $5 million, opened on Monday.",
         "the mayor", "would cost $5 million"),
        # business: the main clause's verb is irregular
        ("The merger, which analysts say was rushed, went ahead in March.", "analysts",
         "was rushed"),
    ],
)  # fmt: skip
def test_a_cue_inside_a_relative_clause_on_its_object_ends_with_the_clause(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)
