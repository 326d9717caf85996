"""The analyzer on the shapes of real news (issue 23), each on sentences written for the test
in several styles: wire, feature, sport, business, court, opinion."""

import pytest

from sourcemark.analysis import analyze
from sourcemark.analysis.segment import plain_headline
from tests.analysis.helpers import attributed

# --- 1. continuing quotations -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # sport
        "“We were second to every ball,” said coach Ines Marlow.\n\n"
        "“The lads know it. We have to be better on Saturday.”",
        # court
        "“The evidence against my client is thin,” defence lawyer Paul Osei told the court.\n\n"
        "“Not one witness places him at the warehouse that night.”",
        # business
        "“Margins will recover in the second half,” chief executive Lara Quint said.\n\n"
        "“We have cut costs harder than anyone in the sector.”",
    ],
)
def test_a_paragraph_that_is_only_a_quotation_continues_the_speaker_before(text):
    first, second = attributed(text)
    assert second.source == first.source
    assert second.type == first.type


def test_a_continuing_quotation_runs_over_several_paragraphs():
    text = (
        "“It is a scandal,” said Marta Velez, who has lived on the estate since 1988.\n\n"
        "“The lifts have been broken for a month.”\n\n"
        "“Nobody from the council has come.”"
    )
    claims = attributed(text)
    assert [c.source_resolved for c in claims] == ["Marta Velez"] * 3


def test_both_quotations_around_the_cue_are_the_speakers():
    claims = attributed("“We will fight this,” she said. “All the way.”")
    assert len(claims) == 1 and "All the way" in claims[0].text


def test_a_paragraph_of_reporting_ends_the_quotation():
    text = (
        "“The bridge is safe,” the city engineer, Omar Haddad, said.\n\n"
        "The bridge was built in 1962.\n\n"
        "“It should have been replaced long ago.”"
    )
    claims = analyze(text)
    assert claims[-1].type == "unattributed"


def test_a_quotation_followed_by_reporting_in_its_paragraph_ends_there():
    text = (
        "“Prices will fall,” the analyst Rhea Moss said. The market closed lower on Friday.\n\n"
        "“Buy now.”"
    )
    assert analyze(text)[-1].type == "unattributed"


def test_a_new_attribution_changes_the_speaker():
    text = (
        "“We did nothing wrong,” said Kim Ortiz, the firm's founder.\n\n"
        "“They broke the rules,” said regulator Sam Eke.\n\n"
        "“And they knew it.”"
    )
    claims = attributed(text)
    assert [c.source for c in claims] == [
        "Kim Ortiz, the firm's founder",
        "regulator Sam Eke",
        "regulator Sam Eke",
    ]


# --- 5. page furniture ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Council to vote on budget cuts, officials say",
        "WATCH: Mayor says the bridge will reopen in May",
        "Related: Analysts say the plant will close",
        "See also: Police say the suspect fled north",
        "FERRY STRIKE ENTERS SECOND WEEK",
        "By Jane Roe and Tom Field, Harbour Times",
        "By Maria Gonzalez | Staff writer",
        "Published 10:04 a.m. ET Sept. 3, 2019 Updated 11:15 a.m. ET Sept. 3, 2019",
        "Updated: 14 March 2024, 08:12",
        "Follow Jane Roe on Twitter @janeroe",
        "Like us on Facebook and follow us on Instagram.",
        "(CROSSTALK)",
        "[Applause]",
        '"(LAUGHTER.)',
    ],
)
def test_page_furniture_is_neither_a_source_nor_a_claim(line):
    text = f"The ferry service was cut to two crossings a day.\n\n{line}\n\nFares rose in June."
    assert [c.text for c in analyze(text)] == [
        "The ferry service was cut to two crossings a day.",
        "Fares rose in June.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "By the fall of 2010, the plant had closed, officials said.",
        "Watch closely: the market is turning, analysts said.",
        "Updates to the software fixed the fault, the company said.",
        "“NO WAY,” the coach said.",
        "Like many on Twitter, she was angry, the mayor said.",
        "(The ferry operator declined to comment.)",
    ],
)
def test_lines_of_the_story_that_look_like_furniture_stay(text):
    assert len(attributed(text)) == 1


def test_a_transcripts_stage_directions_are_nobodys_words():
    # a broadcast transcript quoted paragraph by paragraph, each speaker labelled
    text = (
        "Senator backs the ferry bill\n\n"
        '"HOST: Will you vote for the bill?\n\n'
        '"OKAFOR: I will, and so will most of my colleagues.\n\n'
        '"(CROSSTALK.)\n\n'
        '"HOST: We have to leave it there."'
    )
    claims = analyze(text)
    assert not any("CROSSTALK" in c.text for c in claims)
    assert [c.source for c in claims if c.source] == ["HOST", "OKAFOR", "HOST"]


# --- 4. verbs of saying in other senses ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Okafor added a goal in the 74th minute to seal the win.",  # sport
        "The benchmark index added 0.4 per cent in early trading.",  # business
        "Harbour Rovers claimed the title with two games to spare.",  # sport
        "The flood claimed the lives of three farmers near the river.",  # wire
        "The veteran striker announced his retirement after the final.",  # sport
        "Meridian announced its quarterly results on Thursday.",  # business
    ],
)
def test_a_verb_of_saying_with_a_thing_for_object_is_no_attribution(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The rebels claimed the vote was rigged.", "the vote was rigged."),
        ("She added that few councils check the figures.", "few councils check the figures."),
        ("The company announced that it would cut 400 jobs.", "it would cut 400 jobs."),
    ],
)
def test_the_same_verbs_introducing_a_clause_still_attribute(text, content):
    (claim,) = attributed(text)
    assert claim.text == content


def test_denying_a_request_is_a_decision_not_a_denial():
    (claim,) = attributed("Judge Ellen Park denied a request for bail on Monday.")  # court
    assert claim.stance == "asserts"
    (claim,) = attributed("The minister denied the report.")
    assert claim.stance == "denies"


def test_a_noun_that_looks_like_a_cue_is_not_one():
    text = "Cracks in two of its main steel supports were found last week, city officials said."
    (claim,) = attributed(text)
    assert (claim.source, claim.type) == ("city officials", "anonymous_official")


# --- 3 and 6. long subjects, whole source spans --------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "type_"),
    [
        # wire: a name that starts in lower case, an apposition before the cue
        ("The group al-Shabaab, an al-Qaeda affiliate, said it had carried out the raid.",
         "The group al-Shabaab, an al-Qaeda affiliate", "spokesperson"),
        # feature: a possessive before the cue
        ("Schellenberg's aunt said the family had heard nothing for a week.",
         "Schellenberg's aunt", "anonymous_source"),
        ("Her neighbour said the lights had been on all night.", "Her neighbour",
         "anonymous_source"),
        # business: an "and" inside one name
        ("The Heart and Stroke Foundation said donations fell by a third.",
         "The Heart and Stroke Foundation", "spokesperson"),
        ("Procter and Gamble Company said sales in Asia slowed.", "Procter and Gamble Company",
         "spokesperson"),
    ],
)  # fmt: skip
def test_the_whole_subject_is_the_source(text, source, type_):
    (claim,) = attributed(text)
    assert (claim.source, claim.type) == (source, type_)


def test_two_sources_joined_by_and_still_let_the_first_decide():
    (claim,) = attributed("Both he and the Kremlin have dismissed the reports.")
    assert claim.source == "he"


def test_a_statement_sent_by_someone_is_theirs():
    text = (
        "Gil Hart, the developer, has not spoken in public since March.\n\n"
        "A statement e-mailed to the newspaper by Hart's lawyer said the claims were false."
    )
    claim = attributed(text)[-1]
    assert claim.source == "Hart's lawyer"
    # data compiled by a firm stays the document it is
    (claim,) = attributed("Shipping data compiled by Portline Analytics show 17 ships waiting.")
    assert claim.type == "document"


def test_an_age_in_a_description_refers_to_the_person_just_named():
    text = (
        "Maya Chen started Brightwell Labs in a garage in 2015.\n\n"
        "“We are not done yet,” says the 39-year-old founder of the company."
    )
    claim = attributed(text)[-1]
    assert (claim.source_resolved, claim.type) == ("Maya Chen", "named_person")


# --- 2. more ways of saying -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The manager joked that his knees were older than the stadium.", "joked"),  # sport
        ("Senator Ruth Ames wondered whether the vote would hold.", "wondered"),  # opinion
        ("The regulator reiterated that the fine would stand.", "reiterated"),  # business
        ("Judge Omar Field hinted that a ruling could come this week.", "hinted"),  # court
        ("Councillor Jo Byrne railed against the parking charges at the meeting.", "railed"),
    ],
)
def test_more_verbs_of_saying_attribute(text, cue):
    (claim,) = attributed(text)
    assert claim.cue == cue


def test_a_participle_after_a_quotation_is_a_claim_of_its_own():
    text = "“We cannot wait,” said Rosa Lind, emphasizing that the repairs were overdue."
    _quote, reason = attributed(text)
    assert (reason.cue, reason.source) == ("emphasizing", "Rosa Lind")
    assert reason.text == "the repairs were overdue."


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        # feature: an age and a role after the cue, then the name
        ("“We are not done yet,” says the 41-year-old founder of Brightline, Ana Reyes.",
         "Ana Reyes", "Ana Reyes"),
        # wire: the organisation the speaker is with
        ("“The strike goes on,” said Tomasz Nowak, with the dockers' union.",
         "Tomasz Nowak, with the dockers' union", "Tomasz Nowak"),
        # sport: the person told, then what
        ("Coach Lina Berg told radio host Jim Park on Sunday that her side had been robbed.",
         "Coach Lina Berg", "Lina Berg"),
    ],
)  # fmt: skip
def test_cues_after_the_quotation_and_the_person_told(text, source, resolved):
    (claim,) = attributed(text)
    assert (claim.source, claim.source_resolved) == (source, resolved)


# --- 2. an act early, the source at the end ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "type_", "opening"),
    [
        # business: the person told after the source
        ("Brightline Foods is seeking to sell its frozen-meals unit to a rival for about "
         "$900 million, two people briefed on the talks told Reuters.",
         "two people briefed on the talks", "anonymous_source", "Brightline Foods is seeking"),
        # court: "according to" a filing
        ("The defendant's lawyers intend to ask the judge to move the trial to another "
         "county, according to court filings.",
         "court filings", "document", "The defendant's lawyers intend"),
        # sport: a refusal, the club speaking
        ("Striker Joel Anand refused to train with the first team on Monday, the club said "
         "in a statement.", "the club", "spokesperson", "Striker Joel Anand refused"),
        # politics: a vow, the aides who told of it
        ("Senator Maria Costa vowed to block the water bill in committee, aides said on "
         "Tuesday.", "aides", "anonymous_official", "Senator Maria Costa vowed"),
        # wire: a report of a plan
        ("Okafor Shipping plans to list its shares in London next year, the Harbour Times "
         "reported.", "the Harbour Times", "media_report", "Okafor Shipping plans"),
        # the cue inverted, the source after it
        ("The board wants to close the rural branches by March, said a person close to the "
         "bank.", "a person close to the bank", "anonymous_source", "The board wants"),
        # a speech act, and why the officials stay unnamed
        ("The minister criticized the regulator for its slow response, two officials said "
         "on condition of anonymity as they had no leave to brief the press.",
         "two officials", "anonymous_official", "The minister criticized"),
    ],
)  # fmt: skip
def test_a_cue_closing_the_sentence_owns_the_act_before_it(text, source, type_, opening):
    (claim,) = attributed(text)
    assert (claim.source, claim.type) == (source, type_)
    assert claim.text.startswith(opening)
    assert claim.stance == "asserts"


def test_a_denial_reported_by_others_rests_on_them():
    text = (
        "The mayor denied that the contract had been awarded without a tender, city officials said."
    )
    (claim,) = attributed(text)
    assert (claim.source, claim.type, claim.stance) == (
        "city officials",
        "anonymous_official",
        "asserts",
    )
    assert claim.text.startswith("The mayor denied that")


def test_a_statement_at_the_end_is_how_the_actor_spoke_not_another_source():
    text = (
        "The airline denied that any passenger data had been stolen, according to a "
        "statement posted on its website."
    )
    claim = attributed(text)[0]
    assert (claim.source, claim.type, claim.stance) == ("The airline", "spokesperson", "denies")


def test_an_act_with_no_source_after_it_stays_the_actors_claim():
    (claim,) = attributed("Councillor Ana Ruiz plans to run for mayor next year.")
    assert (claim.source, claim.cue) == ("Councillor Ana Ruiz", "plans")


def test_a_cue_whose_own_content_follows_it_does_not_take_the_act():
    # "insist on ...": what follows the cue is what is insisted on, not a time or a place
    text = (
        "Shareholders know that in any downturn, the founder will insist on running the "
        "company himself."
    )
    claims = attributed(text)
    assert claims[0].source == "Shareholders" and claims[0].cue == "know"
    assert "the founder will insist" in claims[0].text


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the verb's own "as" after a description between commas (opinion)
        ("The senator characterized her rival, a two-term mayor, as out of his depth.",
         "her rival, a two-term mayor, as out of his depth."),
        # a comparison is no clause about the object (business)
        ("The airline plans to hire pilots, as many as 300 of them.",
         "to hire pilots, as many as 300 of them."),
        # a second object after "and how" (feature)
        ("The coach spoke of the losing seasons, and how the club nearly folded in 2009.",
         "the losing seasons, and how the club nearly folded in 2009."),
        # a clause about the object still ends it (court)
        ("The judge criticized the filing, which ran to 400 pages, in a short order.",
         "the filing"),
    ],
)  # fmt: skip
def test_an_acts_object_runs_on_past_a_comma_only_when_it_goes_on(text, content):
    assert attributed(text)[0].text == content


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Everything the governor says is spin, the opposition leader argued.", 1),
        ("What the mayor said was not true.", 0),
        ("Anything Okafor writes is read closely on the trading floor.", 0),
        # the clause after "was that" is what was said (wire)
        ("All the minister said was that the ferry would run on Friday.", 1),
    ],
)
def test_a_cue_inside_its_own_subject_says_nothing(text, count):
    assert len(attributed(text)) == count


# --- 7. types from the words at hand ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a broadcaster, a newspaper: media reports
        ("The broadcaster reported that the minister would resign.", "media_report"),
        ("A regional newspaper reported that the mine would close.", "media_report"),
        # filings, papers, notices, data: documents
        ("Court papers show the company owed $4 million to suppliers.", "document"),
        ("A notice posted on the agency's website said the bridge would close.", "document"),
        ("Documents obtained by the Evening Courier show the council knew of the cracks.",
         "document"),
        # a named person in the role they hold for an organisation: a named official
        ("City engineer Omar Haddad said the bridge was safe.", "named_official"),
        ("Health officer Lena Brandt said the outbreak was contained.", "named_official"),
        ("The union's general secretary, Paul Kerr, said members would vote next week.",
         "named_official"),
        # a witness, a resident speaking for themselves: a named person
        ("Witness Ruth Aldo said she heard two shots.", "named_person"),
        ("Resident Tom Field said the water had been brown for weeks.", "named_person"),
        # an organisation speaking as such: a spokesperson
        ("The airline said in a statement that all flights would resume.", "spokesperson"),
        # unnamed groups: anonymous sources
        ("Consumer groups say the fees are unfair.", "anonymous_source"),
        ("Several banks said they would cut their rates.", "anonymous_source"),
        ("Critics argue the plan favours landlords.", "anonymous_source"),
    ],
)  # fmt: skip
def test_the_type_comes_from_the_words_that_describe_the_source(text, type_):
    (claim,) = attributed(text)
    assert claim.type == type_


def test_the_unions_named_before_speak_for_themselves():
    text = (
        "The Dockers' Union and the Seafarers' Union called the strike.\n\n"
        "The unions said the ports would stay shut."
    )
    assert attributed(text)[-1].type == "spokesperson"


# --- 8. headlines in plain text ---------------------------------------------------------------


def test_a_long_first_line_of_plain_text_is_the_headline():
    text = (
        "Harbour Council Votes to Close Two Libraries as the Budget Gap Widens for a Third "
        "Year in a Row\n\n"
        "The council voted on Tuesday to close two libraries, officials said.\n\n"
        "The park reopened on Friday after repairs."
    )
    claims = analyze(text)
    headline, vote, park = claims
    assert headline.text.startswith("Harbour Council Votes")  # still a claim of the story
    assert vote.premise and not park.premise


def test_a_headline_without_a_full_stop_makes_the_subject_a_person_not_an_official():
    text = (
        "Mayor Ines Lund defends her record on housing\n\n"
        "Mayor Ines Lund said her record on housing was the best in the region."
    )
    claim = attributed(text)[-1]
    assert claim.premise
    assert claim.type == "named_person"


def test_a_first_line_that_is_a_sentence_of_the_story_is_no_headline():
    text = (
        "The council voted on Tuesday to close two libraries, officials said.\n\n"
        "The park reopened on Friday after repairs."
    )
    assert not any(c.premise for c in analyze(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # wire: "that" of a relative clause after the person told is not what was said
        ("“The budget is balanced,” Treasurer Ruth Adler told reporters after the "
         "vote that was taken on Friday.", "The budget is balanced"),
        # court: a participle after the cue owns the "that" after it
        ("“The law is clear,” she said on the court steps, adding that the state would "
         "appeal.", "The law is clear"),
        # business: a long description before the cue, opening with "one of"
        ("“Margins will hold,” Ana Diaz, the chief executive of Brightline, one of three "
         "bakeries in the valley, said on Monday.", "Margins will hold"),
    ],
)  # fmt: skip
def test_the_quotation_stays_the_content_of_a_cue_after_it(text, content):
    claim = attributed(text)[0]
    assert claim.text == content


@pytest.mark.parametrize(
    ("headline", "body", "source"),
    [
        # a kicker before the colon: nobody the story goes on to name
        ("Budget Blues: Council Cuts Ferry Service to Two Crossings",
         "The council voted 7-2 on Tuesday.", None),
        ("Derby Day: Rovers Sink United in the Rain", "Okafor scored twice.", None),
        # a speaker the story names: the headline is theirs
        ("Lund: The Ferry Plan Is Finished", "Mayor Ines Lund spoke on Tuesday.", "Lund"),
        ("Poll: Voters Back the Ferry Plan", "The poll of 800 voters was taken in May.", "Poll"),
    ],
)  # fmt: skip
def test_a_headline_label_is_a_speaker_only_when_the_story_names_them(headline, body, source):
    assert analyze(f"{headline}\n\n{body}")[0].source == source


def test_a_first_line_ending_in_a_quotation_is_a_headline_only_in_title_case():
    story = (
        "In an interview, the mayor said the plan was “finished, done, over.”\n\n"
        "The council meets in May."
    )
    headline = "Mayor Ines Lund: The Plan Is ‘Finished.’\n\nThe council meets in May."
    assert not any(c.premise for c in analyze(story))
    assert analyze(headline)[0].premise


@pytest.mark.parametrize(
    ("first", "headline"),
    [
        # 30 words in title case, no full stop
        ("Rivals Agree to Merge the Two Oldest Ferry Lines on the Lakes After a Decade of "
         "Losses, Leaving One Operator to Run Every Crossing Between the Islands by Next "
         "Spring", True),
        ("Ferry lines agree to merge", True),
        # a sentence of the story
        ("The two oldest ferry lines on the lakes agreed on Monday to merge after a decade "
         "of losses, the companies said.", False),
        # an outlet's name
        ("The Lakeshore Examiner", False),
    ],
)  # fmt: skip
def test_a_first_line_is_the_headline_by_its_length_and_shape(first, headline):
    text = first + "\n\nThe merger needs the regulator's approval."
    assert plain_headline(text) == (first if headline else "")
