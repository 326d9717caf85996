"""Sentences and paragraphs that hold more than one attribution, or an attribution whose cue
is followed by more than a plain "said" (issue 23): what the cue takes after it, a cue in the
middle of its own content, a second act of saying with its own clause. Sentences written for
the test in several styles."""

import pytest

from tests.analysis.helpers import attributed, only

# --- a closing cue with a time, a place or an adverb after it ---------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # sport
        ("“We will win this league, and nobody will stop us,” the captain said then.",
         "the captain", "We will win this league, and nobody will stop us"),
        # feature
        ("“I always knew it,” she said two weeks after the verdict, and the village "
         "believed her.", "she", "I always knew it"),
        # wire
        ("The bridge will reopen in May, the mayor said again on Tuesday.", "the mayor",
         "The bridge will reopen in May"),
        # court
        ("“The ruling stands,” the judge said later in the hearing.", "the judge",
         "The ruling stands"),
    ],
)  # fmt: skip
def test_a_closing_cue_with_adverbials_after_it_closes_the_clause(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # business
        ("These workers, the chief executive explained earlier in the hearing, were well paid "
         "for their region.", "the chief executive",
         "These workers, the chief executive explained earlier in the hearing, were well paid "
         "for their region."),
        # opinion
        ("The trouble now, she told me on Tuesday, is that she sells the boats instead of "
         "building them.", "she",
         "The trouble now, she told me on Tuesday, is that she sells the boats instead of "
         "building them."),
    ],
)  # fmt: skip
def test_a_cue_in_mid_sentence_with_adverbials_holds_both_sides(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


def test_a_cue_whose_phrase_goes_on_is_not_closed_by_it():
    # "in 2014 for readers in that spot": the phrase does not end where a time would
    claim = only("The coach said in a statement that the squad would travel on Friday.")
    assert claim.text == "the squad would travel on Friday."


# --- "said A and warned that B": a second act of saying with its own clause -------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # wire
        ("The minister said the plan was sound and warned that costs would rise next year.",
         ("said", "the plan was sound"), ("warned", "costs would rise next year.")),
        # business
        ("The chief executive said this week that the firm would leave the index and suggested "
         "that it would sell its retail arm.",
         ("said", "the firm would leave the index"),
         ("suggested", "it would sell its retail arm.")),
        # sport
        ("Fans said they wanted “answers” from the board, but pledged to stay peaceful.",
         ("said", "they wanted “answers” from the board"), ("pledged", "to stay peaceful.")),
        # court
        ("The prosecutor said the witness had lied and warned against leniency for perjury.",
         ("said", "the witness had lied"), ("warned", "leniency for perjury.")),
    ],
)  # fmt: skip
def test_a_second_act_of_saying_with_its_own_clause_is_a_second_claim(text, first, second):
    claims = attributed(text)
    assert [(c.cue, c.text) for c in claims] == [first, second]
    assert claims[0].source == claims[1].source


@pytest.mark.parametrize(
    "text",
    [
        # naming what was said: one claim
        "The governor said he had battled pneumonia twice and called it a common ailment.",
        # what the person in the content did, not a second act of the source
        "Police say the driver ignored the warning and refused to leave the car.",
        # two verbs of asserting the same thing, not after a plain "said"
        "The analyst noted that sales had fallen and claimed that the brand was tired.",
    ],
)
def test_other_coordinated_verbs_stay_one_claim(text):
    assert len(attributed(text)) == 1


# --- a quotation after the sentence that attributes it ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # broadcast: a programme's title in quotation marks after the cue
        '"The deal is dead. Nobody wants it," the senator said on Sunday on "Meet the Nation." '
        '"I mean, there is no support left for it in the chamber."',
        # sport: a nickname in quotation marks in the attributing sentence
        '"We were poor today," said the manager of the "Blues." "The second half was better, '
        'but not by much."',
    ],
)
def test_a_title_in_the_attributing_sentence_does_not_end_the_quotation(text):
    (claim,) = attributed(text)
    assert claim.text.endswith(("chamber.", "by much."))


def test_a_quotation_after_another_speakers_sentence_is_not_the_first_speakers():
    text = (
        "“We lost the vote,” the mayor said. The council said in a statement titled “Next "
        "Steps” that it would appeal. “The ruling is wrong.”"
    )
    claims = attributed(text)
    assert [c.source for c in claims] == ["the mayor", "The council"]
    assert claims[1].text.endswith("The ruling is wrong.")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # opinion, in the style that writes '' for a quotation mark
        ("Not paying the bill ''was smart,'' the developer said last week. The crowd in the room "
         "stayed for the ''genius move'' all night.", "Not paying the bill ''was smart"),
        # sport
        ("“We deserved it,” the coach said. The crowd stayed for the “miracle” all night.",
         "We deserved it"),
    ],
)  # fmt: skip
def test_words_quoted_inside_the_next_sentence_are_not_the_speakers(text, content):
    assert [c.text for c in attributed(text)] == [content]


# --- the object of an act ends where a clause about the act begins ---------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # wire
        ("The council condemned the missile launch as the rival fired three more into the sea.",
         "the missile launch"),
        # feature
        ("The coach spoke about her deep ties to the club while at the awards dinner in Leeds.",
         "her deep ties to the club"),
        # opinion
        ("The senator hardly clarified the matter, treating the remark first as a compliment.",
         "the matter"),
    ],
)  # fmt: skip
def test_the_object_of_an_act_ends_before_a_clause_about_the_act(text, content):
    assert only(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # naming: "as" with what it is called
        ("The union leader denounced the pay offer as an insult to the workers.",
         "the pay offer as an insult to the workers."),
        # local news: one word before "when" is a complement, not an object
        ("Many residents felt betrayed when the mayor left town.",
         "betrayed when the mayor left town."),
    ],
)  # fmt: skip
def test_an_object_that_goes_on_is_kept_whole(text, content):
    assert only(text).text == content


# --- a clause put in front of the main one ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # politics
        ("After club officials insisted in March that the coach would not travel to the "
         "north, whose fans jeered him, the club sent him to Leeds and York.",
         [("club officials", "the coach would not travel to the north, whose fans "
           "jeered him")]),
        # military, two sources
        ("While the general acknowledged funding was a major reason for the delays, the "
         "colonel also noted several failures of planning.",
         [("the general", "funding was a major reason for the delays"),
          ("the colonel", "several failures of planning.")]),
        # local news
        ("When the mayor noted that the bridge was closed, residents wrote to the council.",
         [("the mayor", "the bridge was closed")]),
    ],
)  # fmt: skip
def test_what_a_fronted_clause_says_ends_where_the_main_clause_begins(text, claims):
    assert [(c.source, c.text) for c in attributed(text)] == claims


def test_a_fronted_clause_with_a_list_keeps_the_list():
    text = (
        "Although the report found that wages, rents and fares had risen, the council "
        "voted against the plan."
    )
    assert attributed(text)[0].text == "wages, rents and fares had risen"


# --- a source inside another clause: "a builder who said ..." --------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # business
        ("The developer was defensive about not paying a builder who said he was cheated "
         "after he finished a stadium.", "he was cheated after he finished a stadium."),
        # feature
        ("The officer spoke to a woman who said she had seen the crash from her window.",
         "she had seen the crash from her window."),
        # sport
        ("The club signed a striker who said he wanted to stay in Spain.",
         "he wanted to stay in Spain."),
    ],
)  # fmt: skip
def test_a_described_person_who_said_is_a_source(text, content):
    claim = only(text)
    assert (claim.source, claim.text) == ("who", content)
    assert claim.type == "anonymous_source"


def test_who_after_a_thing_is_no_source():
    assert attributed("The plan was backed by a fund which said little about its aims.") == []


# --- quotations around and after the cue -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # feature: a relative "who" says what follows it, the quotation after a phrase
        ("The guests included the singer Ada Moss, who joked of the museum, “I have not seen "
         "it yet, but I will.”", "who", "I have not seen it yet, but I will."),
        # wire
        ("The minister said of the strike, “It has gone on long enough.”", "The minister",
         "It has gone on long enough."),
        # court: a quoted fragment before the cue and another after it
        ("The witness “never saw the car,” the lawyer said, and “could not have seen it.”",
         "the lawyer",
         "The witness “never saw the car,” the lawyer said, and “could not have seen it."),
    ],
)  # fmt: skip
def test_a_quotation_after_the_cue_and_its_phrase_is_the_content(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Contrary to his claim that voters would “learn nothing,” the files were revealing.",
         "voters would “learn nothing"),
        ("Contrary to his claim that voters would ''learn nothing,'' the files were revealing.",
         "voters would ''learn nothing"),
    ],
)  # fmt: skip
def test_a_fronted_claim_ends_at_a_comma_inside_its_quotation(text, content):
    assert attributed(text)[0].text == content


def test_a_fronted_clause_ends_before_a_titled_name():
    text = "When he wrote his memoir, Mr. Okafor said that he saw borrowing as a final option."
    assert [(c.source, c.text) for c in attributed(text)] == [
        ("he", "his memoir"),
        ("Mr. Okafor", "he saw borrowing as a final option."),
    ]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # politics
        ("“Why is this not proof that the bank is too big to manage?” the senator demanded.",
         "the senator", "Why is this not proof that the bank is too big to manage?"),
        # sport
        ("“Who would bet against us now?” the captain tweeted after the final.",
         "the captain", "Who would bet against us now?"),
    ],
)  # fmt: skip
def test_a_quoted_question_before_its_cue_is_one_sentence(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


# --- what a text reads --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # education
        ("“We see charter schools offering hope to our families,” the letter reads.",
         "the letter", "We see charter schools offering hope to our families"),
        # business
        ("“Leaders honored the developer yesterday for a remarkable turnaround,” the article "
         "read.", "the article", "Leaders honored the developer yesterday for a remarkable "
         "turnaround"),
        # court
        ("The order read: “The defendant shall remain in custody.”", "The order",
         "The defendant shall remain in custody."),
    ],
)  # fmt: skip
def test_what_a_text_reads_rests_on_the_text(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text, claim.type) == (source, content, "document")


@pytest.mark.parametrize(
    "text",
    [
        "He read the letter aloud to the court.",
        "She reads the news every night on the radio.",
        "The headline read well, the editors agreed among themselves.",
    ],
)
def test_reading_by_a_person_is_no_cue(text):
    assert [c.cue for c in attributed(text)] in ([], ["agreed"])


@pytest.mark.parametrize(
    "text",
    [
        # wire
        'The vote may be delayed while the board talks to the union, Jane Roe said. "The other '
        'factor is cost. I do not think that should decide it."',
        # sport
        "The squad will travel without its captain, the coach told reporters. “He needs rest, "
        "and we have cover.”",
    ],
)
def test_a_quotation_after_a_sentence_closed_by_its_cue_is_the_same_speakers(text):
    (claim,) = attributed(text)
    assert claim.text.endswith(("decide it.", "we have cover."))


def test_a_quotation_after_a_sentence_in_the_storys_voice_is_not_carried_over():
    text = (
        "The vote may be delayed, Jane Roe said. The board met on Monday. "
        "“It is a mess,” a member added."
    )
    assert [c.source for c in attributed(text)] == ["Jane Roe", "a member"]


@pytest.mark.parametrize(
    "text",
    [
        # an act that is not saying: the relative clause describes the man
        "The firm hired a lawyer who accused the board of fraud in 2019.",
        "Voters who plan to back the mayor were counted twice.",
    ],
)
def test_a_relative_who_before_another_act_is_no_source(text):
    assert [c.source for c in attributed(text)] != ["who"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # broadcast
        ("The senator told NBC's “Meet the Press” on Sunday that the bill was dead.",
         "the bill was dead."),
        ("She told “Face the Nation” that nobody would question her record.",
         "nobody would question her record."),
    ],
)  # fmt: skip
def test_a_programme_named_in_quotation_marks_is_not_what_was_said(text, content):
    assert only(text).text == content


# --- the people told, described ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # politics
        ("“The papers are against every one of you,” the mayor told flag-waving fans in Port "
         "Ellen.", "the mayor", "The papers are against every one of you"),
        # campus
        ("“She knows the budget inside out,” he told a crowded union hall in Leeds.", "he",
         "She knows the budget inside out"),
        # business
        ("“Margins will recover,” the chief executive told nervous investors in New York.",
         "the chief executive", "Margins will recover"),
    ],
)  # fmt: skip
def test_a_described_audience_after_told_closes_the_clause(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


# --- a participle of intention after the clause it hangs on ------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # politics
        ("Chastened by the analyses, Senator Ruiz revised her plan, promising to focus its "
         "benefits on renters.", "Senator Ruiz", "to focus its benefits on renters."),
        # sport
        ("On Thursday, however, Coach Ana Lima spoke to the press, vowing to play a younger side.",
         "Coach Ana Lima", "to play a younger side."),
        # business
        ("The chief executive Tom Reyes revised the forecast, pledging to cut costs by a third.",
         "The chief executive Tom Reyes", "to cut costs by a third."),
    ],
)  # fmt: skip
def test_a_participle_of_intention_takes_its_infinitive(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


def test_a_participle_of_saying_before_to_is_still_no_claim():
    assert attributed("The minister left the room, saying to nobody in particular.") == []


def test_a_verb_with_nothing_said_before_but_leaves_the_claim_to_the_next():
    claim = only("The mayor agreed, but also contended that the plan was too costly.")
    assert (claim.source, claim.cue, claim.text) == (
        "The mayor",
        "contended",
        "the plan was too costly.",
    )


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # trade
        ("Senator Ruiz has sharply criticized the trade deals and called for steep new tariffs "
         "on imported steel.", ("called", "steep new tariffs on imported steel.")),
        # health
        ("Dr. Lena Brandt has promoted untested remedies and downplayed the danger of sunburn "
         "for infants.", ("downplayed", "the danger of sunburn for infants.")),
        # wire: after a plain "said", "called for" is an act, not a name
        ("The senator said the deal was dead and called for new talks in the spring.",
         ("called", "new talks in the spring.")),
    ],
)  # fmt: skip
def test_two_different_acts_of_one_source_are_two_claims(text, second):
    claims = attributed(text)
    assert len(claims) == 2
    assert (claims[1].cue, claims[1].text) == second
    assert claims[0].source == claims[1].source


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # court
        ("The lawyer also said the video does not show whether the man held anything, which "
         "he said was a phone.",
         [("The lawyer", "the video does not show whether the man held anything"),
          ("he", "was a phone.")]),
        # politics
        ("The senator said the budget must balance, which she said would take a decade.",
         [("The senator", "the budget must balance"), ("she", "would take a decade.")]),
    ],
)  # fmt: skip
def test_a_source_inside_a_relative_clause_is_a_second_claim(text, claims):
    assert [(c.source, c.text) for c in attributed(text)] == claims
