"""The analyzer on the hard cases of attribution, each on sentences written for the test."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcemark.analysis import Claim, analyze
from tests.analysis.helpers import attributed, only


@pytest.mark.parametrize(
    ("text", "source", "type_", "content"),
    [
        # source before the cue, content after, with and without "that"
        ("Port officials said the harbour would reopen on Friday.", "Port officials", "anonymous_official",
         "the harbour would reopen on Friday."),
        ("The mayor's office said that the water was safe to drink.", "The mayor's office", "spokesperson",
         "the water was safe to drink."),
        # content first, source and cue closing the sentence
        ("The bridge will stay closed until March, a transport ministry official said Tuesday.",
         "a transport ministry official", "anonymous_official", "The bridge will stay closed until March"),
        # cue before the source: "..., said Name, role."
        ("Prices will keep rising through the winter, said Amara Lindqvist, an economist at Nordbank.",
         "Amara Lindqvist, an economist at Nordbank", "named_person",
         "Prices will keep rising through the winter"),
        # "according to" in front and behind
        ("According to court filings, the firm moved the money offshore in 2019.", "court filings", "document",
         "the firm moved the money offshore in 2019."),
        ("The reactor was shut down twice last year, according to the Nuclear Safety Agency.",
         "the Nuclear Safety Agency", "spokesperson", "The reactor was shut down twice last year"),
        # another outlet
        ("The deal was first reported by The Harbour Times.", "The Harbour Times", "media_report",
         "The deal was first reported by The Harbour Times."),
        ("As previously reported by Reuters, the talks stalled in June.", "Reuters", "media_report",
         "the talks stalled in June."),
        # people familiar, critics, analysts: anonymous but not official
        ("People familiar with the talks said a deal was close.", "People familiar with the talks",
         "anonymous_source", "a deal was close."),
        ("Critics say the policy punishes small farms.", "Critics", "anonymous_source",
         "the policy punishes small farms."),
        # a senior official is anonymous however detailed the description
        ("A senior defence official who was not authorised to speak publicly said the drills would continue.",
         "A senior defence official", "anonymous_official", "the drills would continue."),
        # documents
        ("The audit found that 40 percent of the servers were out of date.", "The audit", "document",
         "40 percent of the servers were out of date."),
        ("Recent intelligence assessments suggest the militia is rearming.",
         "Recent intelligence assessments", "document", "the militia is rearming."),
        # cue before the source with a colon
        ('Said the coach: "We were simply not good enough."', "the coach", None,
         "We were simply not good enough."),
    ],
)  # fmt: skip
def test_source_type_and_content(text, source, type_, content):
    claim = only(text)
    assert claim.source == source
    if type_:
        assert claim.type == type_
    assert claim.text == content
    assert text[claim.start : claim.end] == claim.text


def test_a_named_official_is_known_by_the_title_before_the_name_and_later_by_surname():
    text = (
        "Health Minister Oskar Bellweather said the clinics would open in May. "
        "Bellweather added that nurses had been hired."
    )
    first, second = attributed(text)
    assert (first.source, first.type) == ("Health Minister Oskar Bellweather", "named_official")
    assert (second.source, second.type, second.source_resolved) == (
        "Bellweather",
        "named_official",
        "Oskar Bellweather",
    )


def test_a_role_in_apposition_decides_official_or_private_person():
    text = (
        "Lena Okoro, the chief executive of Brightwater Utilities, said rates would rise. "
        "Tomas Vell, a retired engineer, said the pipes were never replaced."
    )
    official, private = attributed(text)
    assert official.type == "named_official"
    assert private.type == "named_person"


def test_pronouns_take_the_type_of_the_source_they_stand_for():
    text = (
        "Several Western officials said the convoy had crossed the border. "
        "They noted that no shots were fired. "
        "Defence Secretary Maria Stahl said the troops were on alert. She added that leave was cancelled."
    )
    claims = attributed(text)
    assert [(c.source, c.type) for c in claims] == [
        ("Several Western officials", "anonymous_official"),
        ("They", "anonymous_official"),
        ("Defence Secretary Maria Stahl", "named_official"),
        ("She", "named_official"),
    ]
    assert claims[1].source_resolved == "Several Western officials"
    assert claims[3].source_resolved == "Maria Stahl"


def test_an_institution_speaking_is_a_spokesperson_and_a_short_reference_resolves_to_it():
    text = (
        "Harlow Logistics said in a statement that the warehouse fire was under control. "
        "The company said no workers had been hurt."
    )
    first, second = attributed(text)
    assert first.type == second.type == "spokesperson"
    assert second.source == "The company" and second.source_resolved == "Harlow Logistics"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The ministry denied that any data had been lost.", "denies"),
        ("Ravel Mining dismissed the report as speculation.", "denies"),
        ("Party spokesperson Ivo Brandt called the allegations “fake news.”", "denies"),
        ("The embassy declined to comment on the arrests.", "declines"),
        ("Northline Rail did not respond to a request for comment.", "declines"),
        ("The airport said it would not comment on security matters.", "declines"),
        ("The regulator said the merger would be reviewed.", "asserts"),
    ],
)
def test_stance(text, stance):
    assert only(text).stance == stance


def test_both_he_and_the_institution_the_first_named_source_decides():
    text = (
        "Customs officers seized the shipment, according to port officials. "
        "Trader Anton Seleznev was questioned. Both he and the Kremlin have dismissed the reports."
    )
    claim = attributed(text)[-1]
    assert claim.source == "he" and claim.stance == "denies"
    assert claim.type == "named_person"


def test_two_attributions_in_one_sentence_are_two_claims():
    text = (
        "The union says 300 jobs will go, while the company says fewer than 100 posts are at risk."
    )
    union, company = attributed(text)
    assert (union.source, union.text) == ("The union", "300 jobs will go")
    assert (company.source, company.text) == ("the company", "fewer than 100 posts are at risk.")


def test_x_y_said_with_a_clause_before_and_another_attribution_after():
    text = (
        "The cause of the blaze is unknown, Chief Rana Idowu said, though a fire service official "
        "said investigators were looking at the wiring."
    )
    chief, official = attributed(text)
    assert (chief.source, chief.text) == ("Chief Rana Idowu", "The cause of the blaze is unknown")
    assert official.source == "a fire service official"
    assert official.text == "investigators were looking at the wiring."


def test_a_person_told_through_an_outlet_is_the_persons_claim():
    claim = only("In an interview with the Daily Courier, Mara Quist said she would run again.")
    assert claim.source == "Mara Quist" and claim.type == "named_person"
    assert claim.text == "she would run again."


def test_told_skips_the_person_told():
    claim = only("Mayor Ilse Brandt told reporters on Monday that the budget was balanced.")
    assert claim.text == "the budget was balanced."
    assert claim.type == "named_official"


QUOTATION = (
    "“We waited for hours. Nobody came. We are furious,” said Ewa Marsh, a resident of Dunmore."
)


def test_a_quotation_over_several_sentences_is_one_claim_of_its_speaker_by_default():
    (claim,) = attributed(QUOTATION)
    assert claim.text == "We waited for hours. Nobody came. We are furious"
    assert claim.source == "Ewa Marsh, a resident of Dunmore" and claim.quote
    assert claim.source_resolved == "Ewa Marsh"


def test_sentence_mode_gives_one_claim_per_sentence_of_a_quotation_with_one_source():
    claims = [c for c in analyze(QUOTATION, quotes="sentence") if c.type != "unattributed"]
    assert [c.text for c in claims] == ["We waited for hours.", "Nobody came.", "We are furious"]
    assert {c.source_resolved for c in claims} == {"Ewa Marsh"}


def test_a_quotation_continued_in_the_next_paragraph_keeps_its_speaker():
    text = (
        "Union leader Piet Harms told the rally: “We have been patient for a year. We wrote twice.\n\n"
        "“Now we are done waiting. We strike tomorrow.”"
    )
    claims = attributed(text)
    assert [c.text for c in claims] == [
        "We have been patient for a year. We wrote twice.",
        "Now we are done waiting. We strike tomorrow.",
    ]
    assert {c.source for c in claims} == {"Union leader Piet Harms"}


def test_a_transcript_paragraph_belongs_to_the_speaker_its_label_names():
    text = (
        "Senator Ada Quill sat down with the host on Sunday.\n\n"
        "HOST: Will you run again? Many people expect it.\n\n"
        "QUILL: I have not decided. My family comes first."
    )
    claims = attributed(text)
    assert [(c.source, c.text) for c in claims] == [
        ("HOST", "Will you run again? Many people expect it."),
        ("QUILL", "I have not decided. My family comes first."),
    ]
    assert claims[1].source_resolved == "Ada Quill"


def test_a_quotation_credited_after_a_dash_belongs_to_the_name_after_it():
    text = (
        "The new bridge opened in May.\n\n"
        "“It is ugly. It cost too much. Nobody asked us.” ― Marta Oyelaran\n\n"
        "“Finally I can cycle to work.”— Tom Reyes."
    )
    claims = attributed(text)
    assert [(c.source, c.text) for c in claims] == [
        ("Marta Oyelaran", "It is ugly. It cost too much. Nobody asked us."),
        ("Tom Reyes", "Finally I can cycle to work."),
    ]
    assert claims[0].type == "named_person"


def test_a_transcript_label_after_a_stray_quotation_mark_still_names_the_speaker():
    text = 'Governor Lena Moss joined the show.\n\n"MOSS: The budget is balanced. Ask anyone.'
    (claim,) = attributed(text)
    assert (claim.source, claim.text) == ("MOSS", "The budget is balanced. Ask anyone.")
    assert claim.source_resolved == "Lena Moss"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The city is demanding that the campaign stop using its logo.", "The city",
         "the campaign stop using its logo."),
        ("Senator Ola Brandt is once again warning voters that the fund will run dry.",
         "Senator Ola Brandt", "the fund will run dry."),
        ("The governor's office was confirming that the road had reopened.", "The governor's office",
         "the road had reopened."),
    ],
)  # fmt: skip
def test_a_cue_in_the_progressive_attributes_to_its_subject(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


def test_an_ing_noun_without_a_form_of_be_is_no_cue():
    assert attributed("The warning that the fund will run dry went unheeded by the council.") == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The company did not say whether it would appeal.", "did not say"),
        ("The ministry would not confirm the figure.", "would not confirm"),
        ("The firm did not provide a breakdown of the costs.", "did not provide"),
        ("The mayor's office was not available for comment.", "was not available for comment"),
        ("The club didn’t respond to questions on Sunday.", "didn’t respond"),
    ],
)
def test_every_form_of_a_refusal_to_comment_is_a_declining_claim(text, cue):
    claim = only(text)
    assert (claim.stance, claim.cue) == ("declines", cue)


def test_an_unknown_quotes_mode_is_refused():
    with pytest.raises(ValueError, match="quotes"):
        analyze("Officials said so.", quotes="clause")


def test_cues_inside_quotation_marks_are_not_cues():
    text = "“If you are told to leave, leave,” said Sheriff Dan Ruiz."
    claims = attributed(text)
    assert len(claims) == 1 and claims[0].source == "Sheriff Dan Ruiz"


def test_unattributed_sentences_and_hedges_are_claims_without_a_source():
    claims = analyze("The dam was built in 1962. The firm is reportedly weighing a sale.")
    assert [c.type for c in claims] == ["unattributed", "unattributed"]
    assert claims[0].source is None and claims[1].cue == "reportedly"


def test_passives_and_intentions_are_not_attributions():
    assert attributed("Temperatures are expected to fall below zero on Friday.") == []
    assert attributed("She expected to be home by noon.") == []


def test_the_claims_carrying_the_headline_are_the_premise():
    title = "Tanker Seized Off Coast, Officials Say"
    text = (
        "Naval officials said a tanker had been seized off the coast. "
        "The ship's owner said the crew was safe."
    )
    seized, owner = attributed(text, title)
    assert seized.premise and not owner.premise


def test_every_claim_text_is_the_text_at_its_offsets():
    text = (
        "The council voted 7-2, officials said. “It was close,” Mayor Abe Lind said. "
        "Critics say the vote was rushed.\n\nThe bill goes to the state next."
    )
    for claim in analyze(text):
        assert text[claim.start : claim.end] == claim.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_any_text_gives_claims_inside_the_text_and_never_raises(text):
    for claim in analyze(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text


words = st.sampled_from(
    'said told according to officials the a “ ” " , . : ; Mr. U.S. he she they it who '
    "denied declined comment reported by Smith Jones company report found that and but".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(words, max_size=120), st.sampled_from([" ", "\n", "\n\n"]))
def test_news_like_garbage_never_raises(parts, joiner):
    text = joiner.join(parts)
    for claim in analyze(text):
        assert 0 <= claim.start < claim.end <= len(text)


def test_a_huge_paragraph_is_analysed():
    sentence = "Officials said the road was closed, and “we will reopen soon,” the mayor added. "
    text = sentence * 2000
    claims = analyze(text)
    assert len(claims) >= 2000
    assert all(0 <= c.start < c.end <= len(text) for c in claims)


def test_organisation_names_with_inner_words_are_institutions():
    text = (
        "The Committee to Protect Journalists called the detention an attack on reporters, "
        "while Reporters Without Borders said the case showed the need for protections."
    )
    assert [(c.source, c.type) for c in attributed(text)] == [
        ("The Committee to Protect Journalists", "spokesperson"),
        ("Reporters Without Borders", "spokesperson"),
    ]


def test_a_person_of_an_institution_keeps_their_surname():
    text = (
        "The survey was led by marine biologist Dr. Hana Sato of Kyushu University. "
        "“This is good news,” Sato said."
    )
    claim = only(text)
    assert (claim.source_resolved, claim.type) == ("Hana Sato", "named_person")


def test_a_comparison_is_not_an_attribution():
    text = "Reefs are recovering faster than scientists had predicted, according to a study published on Wednesday."
    claim = only(text)
    assert claim.source == "a study published on Wednesday" and claim.type == "document"


def test_a_refusal_after_a_statement_shares_its_subject():
    text = "The Justice Department said it was reviewing the decision and declined to say whether it would appeal."
    said, declined = attributed(text)
    assert (said.stance, said.text) == ("asserts", "it was reviewing the decision")
    assert (declined.source, declined.stance) == ("The Justice Department", "declines")


def test_a_name_after_a_phrase_about_several_people_is_not_the_speaker():
    claim = only("Lawyers for the journalist, Tomas Reyna, 34, said their client was questioned.")
    assert claim.source_resolved == "Lawyers for the journalist"
    assert claim.type == "anonymous_source"


def test_a_role_then_a_name_after_an_inverted_cue():
    claim = only('"They wanted names," said Reyna\'s attorney, Dana Whitfield.')
    assert claim.source == "Dana Whitfield"


def test_a_participle_takes_the_noun_phrase_that_opens_the_sentence():
    text = "A federal judge on Thursday ordered the journalist freed, saying the detention was unjustified."
    claim = only(text)
    assert (claim.source, claim.type) == ("A federal judge", "anonymous_official")
    assert claim.text == "the detention was unjustified."


def test_a_time_then_a_participle_after_the_cue_closes_the_clause():
    text = "Northbridge United have signed a striker, the club announced on Saturday, ending weeks of speculation."
    claim = only(text)
    assert (claim.source, claim.text) == ("the club", "Northbridge United have signed a striker")


def test_a_place_after_the_person_told_closes_the_clause():
    claim = only("“We needed him,” manager Claire Bouchard told reporters at the training ground.")
    assert claim.text == "We needed him"


def test_a_negated_subject_is_no_source():
    assert attributed("Neither club disclosed the figure.") == []


def test_an_organisation_named_after_its_description():
    claim = only(
        "His former club, Atletico Varena, said in a statement that the player had asked to leave."
    )
    assert (claim.source, claim.type) == ("Atletico Varena", "spokesperson")


def test_base_form_cues_after_a_plural_subject():
    claim = only("Analysts at Deloitte estimate that transfer spending will exceed £2 billion.")
    assert claim.source == "Analysts at Deloitte" and claim.type == "anonymous_source"


def test_a_refusal_to_discuss_and_an_adverb_before_the_colon():
    text = "Coach Ana Ruiz declined to discuss signings. Asked again, she said only: “We will see.”"
    refusal, answer = attributed(text)
    assert refusal.stance == "declines"
    assert answer.text == "We will see."


def test_a_dateline_is_not_part_of_the_claim():
    claim = only("WASHINGTON (AP) — New sanctions are coming, according to two U.S. officials.")
    assert claim.text == "New sanctions are coming"
    (plain,) = analyze("CEDAR HOLLOW — The fire spread overnight.")
    assert plain.text == "The fire spread overnight."


def test_declining_to_name_or_identify_is_a_refusal():
    assert only("The official declined to name the firms.").stance == "declines"
    assert only("The agency refused to identify the officers involved.").stance == "declines"


def test_the_white_house_speaks_as_an_institution():
    claim = only("The White House did not immediately respond to a request for comment.")
    assert (claim.type, claim.stance) == ("spokesperson", "declines")


def test_per_a_source_is_like_according_to():
    claim = only("Per the company's statement, replacement units will ship in March.")
    assert (claim.source, claim.type) == ("the company's statement", "document")


def test_a_company_called_by_its_first_word_is_an_organisation():
    text = (
        "Orbis Quantum has paused shipments of its newest chip. "
        "In a filing, Orbis said it expects the recall to cost $120 million. "
        "Shares of Orbis fell 7 percent."
    )
    claim = only(text)
    assert (claim.source, claim.type) == ("Orbis", "spokesperson")


def test_a_name_does_not_run_across_a_sentence_end():
    text = (
        "The defect affects 40,000 units, a person familiar with the matter told Reuters. "
        "Orbis Quantum later said the report was wrong."
    )
    sources = [c.source for c in attributed(text)]
    assert sources == ["a person familiar with the matter", "Orbis Quantum"]


def test_a_general_manager_speaks_officially_and_a_team_manager_privately():
    text = (
        "The authority's general manager, Robert Haines, said the pipes were safe. "
        "Manager Tomas Reyes said his squad was ready."
    )
    official, private = attributed(text)
    assert (official.source, official.type) == ("Robert Haines", "named_official")
    assert private.type == "named_person"


def test_as_someone_put_it():
    claim = only("As one nurse put it, “Every bed is taken by noon.”")
    assert (claim.source, claim.text) == ("one nurse", "Every bed is taken by noon.")
    assert attributed("They put it on the table and left.") == []


def test_bare_plural_people_with_a_verb_of_saying():
    claim = only("Supplies remain tight in some states, pharmacists say.")
    assert (claim.source, claim.type, claim.text) == (
        "pharmacists",
        "anonymous_source",
        "Supplies remain tight in some states",
    )


def test_a_time_phrase_is_not_part_of_the_source():
    claim = only("China on Monday warned that it would never allow foreign interference.")
    assert claim.source == "China"


def test_state_media_are_a_media_source():
    claim = only("State media reported that naval exercises would begin this week.")
    assert (claim.source, claim.type) == ("State media", "media_report")


def test_an_adverb_between_the_cue_and_that():
    claim = only("Western diplomats said privately that they expected larger exercises.")
    assert claim.text == "they expected larger exercises."
    assert claim.type == "anonymous_official"


def test_a_leading_adverb_and_a_long_possessive_apposition():
    text = "Even Norway, Iceland's closest partner and its largest buyer of fish by far, said it was against the quota."
    claim = only(text)
    assert (claim.source_resolved, claim.type) == ("Norway", "spokesperson")
    assert claim.source == "Norway, Iceland's closest partner and its largest buyer of fish by far"


def test_a_long_document_subject_with_a_participle():
    claim = only(
        "The average of surveys run during the last ten days shows Okafor ahead by four points."
    )
    assert claim.type == "document" and claim.text == "Okafor ahead by four points."


def test_told_an_audience_named_by_a_name_and_a_noun():
    claim = only(
        "“I will not work for this station again,” Ms. Lund told the Harbour FM listeners."
    )
    assert claim.text == "I will not work for this station again"


def test_the_grounds_cited_are_not_part_of_the_claim():
    text = "The union called the plan “reckless,” citing a report on job losses."
    claim = only(text)
    assert claim.text == "the plan “reckless"


def test_and_said_after_a_name_is_a_new_claim_of_the_same_source():
    text = "Ruiz says Okafor vowed to stay in the race and said she would answer every charge."
    first, second = attributed(text)
    assert (first.text, second.text) == (
        "Okafor vowed to stay in the race",
        "she would answer every charge.",
    )
    assert second.source == "Ruiz"


def test_a_dash_before_a_new_attribution_ends_the_first():
    text = "Field said the season would be harder — and he noted that any new signing would arrive in May."
    first, second = attributed(text)
    assert first.text == "the season would be harder"
    assert (second.source, second.text) == ("he", "any new signing would arrive in May.")


def test_a_quoted_question_then_asked():
    claim = only("“Has anyone read the new timetable?” Councillor Ana Ruiz asked.")
    assert (claim.source, claim.text) == (
        "Councillor Ana Ruiz",
        "Has anyone read the new timetable?",
    )


def test_two_different_acts_joined_by_and_are_two_claims():
    text = "Senator Ada Quill urged Republicans to act, and criticized the party's silence."
    urged, criticized = attributed(text)
    assert (urged.cue, criticized.cue) == ("urged", "criticized")
    assert criticized.source == "Senator Ada Quill"


def test_a_speech_act_inside_a_subordinate_clause_is_still_on_the_record():
    text = "After Governor Jane Roe attacked the police chief in a speech, protests grew."
    claim = only(text)
    assert (claim.source, claim.cue) == ("Governor Jane Roe", "attacked")
    # an event reported with a verb of evidence is no attribution
    assert attributed("The fire started when workers found that a cable had melted.") == []


def test_published_by_an_outlet_is_a_media_report():
    claim = only("The deal was published by The Harbour Times.")
    assert (claim.source, claim.type) == ("The Harbour Times", "media_report")


# confidence: how sure the source is, from the evidence that produced it (issue 23)

_INTERVIEW = (
    "“We will rebuild the pier by spring,” said Harbour Commissioner Lena Okafor.\n\n"
    "The council voted on the repairs.\n\n"
    "“The money is there,” she said.\n\n"
    "“Nobody should doubt that.”"
)


def _by_text(text: str, quotes: str = "paragraph") -> dict[str, Claim]:
    return {c.text: c for c in analyze(text, quotes=quotes)}


def test_a_named_speaker_cued_at_the_quotation_is_nearly_certain():
    claim = _by_text(_INTERVIEW)["We will rebuild the pier by spring"]
    assert claim.source == "Harbour Commissioner Lena Okafor"
    assert 0.95 <= claim.confidence <= 1.0


def test_a_pronoun_from_an_earlier_paragraph_is_less_certain_than_a_named_speaker():
    claims = _by_text(_INTERVIEW)
    named = claims["We will rebuild the pier by spring"]
    pronoun = claims["The money is there"]
    assert pronoun.source == "she" and pronoun.source_resolved == named.source_resolved
    assert 0 <= pronoun.confidence < named.confidence


def test_a_continuing_quotation_without_a_cue_is_less_certain_than_a_resolved_pronoun():
    text = (
        "“Tariffs hurt the small growers first,” said Tomas Reyna, a farm economist.\n\n"
        "Exports fell by a fifth last year.\n\n"
        "“They cannot wait,” he said.\n\n"
        "“The season is already lost.”"
    )
    claims = _by_text(text)
    pronoun, continued = claims["They cannot wait"], claims["The season is already lost."]
    assert continued.source == "he" and continued.type == pronoun.type
    assert 0 <= continued.confidence < pronoun.confidence < claims[
        "Tariffs hurt the small growers first"].confidence <= 1  # fmt: skip


def test_a_pronoun_named_in_the_same_paragraph_is_surer_than_one_named_paragraphs_back():
    said = "Coach Ada Brennan said the team was tired."
    pronoun = "The defence was poor, she said."
    near = _by_text(f"{said} {pronoun}")["The defence was poor"]
    far = _by_text(f"{said}\n\nRain fell all day.\n\n{pronoun}")["The defence was poor"]
    assert near.source == far.source == "she"
    assert far.confidence < near.confidence


def test_an_unattributed_quotation_is_less_certain_than_plain_reporting():
    claims = _by_text("The plant closed in May.\n\n“It is a disgrace.”")
    assert claims["“It is a disgrace.”"].confidence < claims["The plant closed in May."].confidence


@pytest.mark.parametrize("quotes", ["paragraph", "sentence"])
def test_every_claim_s_confidence_lies_between_zero_and_one(quotes):
    text = _INTERVIEW + "\n\nOfficials said the bridge would close. The mayor reportedly quit."
    assert all(0 <= c.confidence <= 1 for c in analyze(text, quotes=quotes))
