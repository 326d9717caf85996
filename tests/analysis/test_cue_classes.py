"""Classes of cues that real political news uses beyond the verbs of saying (issue 23): stated
intentions after a participle or an opening phrase, and states of mind with a that-clause.
Sentences written for the test in several styles."""

import pytest

from tests.analysis.helpers import attributed, only

# --- a stated intention ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # wire: an opening adverb and its comma before the subject
        ("Eventually, Mayor Ana Ruiz hopes to sell the depot to a private operator.",
         "Mayor Ana Ruiz", "to sell the depot to a private operator."),
        # business: an opening time phrase
        ("On Monday, the chief executive plans to meet the unions in Leeds.",
         "the chief executive", "to meet the unions in Leeds."),
        # sport
        ("Next season, the club's captain intends to stay in Madrid.",
         "the club's captain", "to stay in Madrid."),
    ],
)  # fmt: skip
def test_an_intention_after_an_opening_phrase_is_what_the_subject_states(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # campaign news
        ("The governor toured a dairy in Ames, promising to cut the tax on fuel.",
         "The governor", "to cut the tax on fuel."),
        # an opening phrase with its own comma before the clause's subject
        ("In Leeds, meanwhile, Senator Hal Brooks addressed the miners, vowing to keep the pits "
         "open.", "Senator Hal Brooks", "to keep the pits open."),
        # sport: a participle before the subject
        ("Stunned by the defeat, the manager faced the press, pledging to rebuild the squad.",
         "the manager", "to rebuild the squad."),
    ],
)  # fmt: skip
def test_a_participle_of_intention_takes_its_infinitive(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor spoke to the crowd, adding to the confusion.",  # no intention: an act
        "The river rose all night, threatening to flood the lower town.",  # not a source
    ],
)
def test_an_infinitive_after_another_participle_is_no_claim(text):
    assert attributed(text) == []


# --- a state of mind with a that-clause ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # wire
        ("Local residents are afraid that the plant will close for good.", "Local residents",
         "the plant will close for good."),
        # sport
        ("The fans were increasingly frustrated that the club sold its best player.",
         "The fans", "the club sold its best player."),
        # business
        ("Investors remain concerned that the bank holds too little capital.", "Investors",
         "the bank holds too little capital."),
        # court
        ("Defence lawyer Mia Kowalski is confident that the jury will acquit her client.",
         "Defence lawyer Mia Kowalski", "the jury will acquit her client."),
    ],
)  # fmt: skip
def test_a_state_of_mind_with_a_that_clause_is_what_the_subject_holds(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "The striker was so angry that he left the pitch before the whistle.",  # a result
        "The worried residents gathered outside the town hall on Friday.",  # no clause
        "The bridge was unsafe and the council was aware of it for years.",  # no that-clause
        "The new tax is confident that nothing will change.",  # a thing holds no view
    ],
)
def test_a_state_of_mind_without_its_shape_or_a_source_is_no_cue(text):
    assert attributed(text) == []


# --- people named by a noun in -ists; the subject after a fronted clause -------------------


@pytest.mark.parametrize(
    ("text", "source", "type_"),
    [
        ("Yet conservationists worry that the dam will flood the valley.", "conservationists",
         "anonymous_source"),
        ("Some economists argue that the rate cut came too late.", "Some economists",
         "anonymous_source"),
        ("Two Republican strategists said the race had tightened.", "Two Republican strategists",
         "anonymous_source"),
    ],
)  # fmt: skip
def test_a_plural_in_ists_names_unnamed_people(text, source, type_):
    claim = only(text)
    assert (claim.source, claim.type) == (source, type_)


@pytest.mark.parametrize(
    "text",
    [
        "The shortlists show that three firms are still in the running.",  # documents
        "The terrorist attack shows that the border was never secure.",  # an adjective
    ],
)
def test_a_word_in_ist_that_names_no_people_is_no_source_of_its_own(text):
    assert all(c.type != "anonymous_source" for c in attributed(text))


def test_a_second_verb_shares_the_subject_after_a_fronted_clause():
    text = (
        "When the audit was published in March, the mayor and the governor questioned its "
        "figures and called its authors biased."
    )
    claims = attributed(text)
    assert claims
    assert all(c.source in {"the mayor", "the governor"} for c in claims)


# --- subjects: a possessive role before a name, a relative clause with "that" ------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The club's new owner, Mike Jones, plans to sell the stadium next year.",
         "Mike Jones"),
        ("The firm's new owner, Alba Capital, said the plant would stay open.", "Alba Capital"),
    ],
)  # fmt: skip
def test_a_name_after_a_possessive_role_is_the_source(text, source):
    assert only(text).source == source


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # science
        ("A 2019 survey that covered four regions found that most farms were losing money.",
         "A 2019 survey", "most farms were losing money."),
        # business
        ("The firm that built the bridge said the cables were sound.", "The firm",
         "the cables were sound."),
        # activism
        ("The group that has led the protests said it would march again on Sunday.",
         "The group", "it would march again on Sunday."),
    ],
)  # fmt: skip
def test_a_relative_clause_with_that_stays_inside_the_subject(text, source, content):
    claim = only(text)
    # the source as written keeps its clause; what it resolves to is the noun phrase
    assert claim.source.startswith(source)
    assert (claim.source_resolved, claim.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The storm was so strong that officials said the town must be evacuated.", "officials"),
        ("The mayor warned that the firm had said nothing for weeks.", "The mayor"),
    ],
)
def test_that_after_so_or_a_verb_of_saying_opens_no_subject(text, source):
    assert attributed(text)[0].source == source


# --- a view: "see X as Y" -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # politics
        ("Opponents of the tunnel see the new budget as a gift to builders.",
         "Opponents of the tunnel", "the new budget as a gift to builders."),
        # sport
        ("The club sees the young striker as its future captain.", "The club",
         "the young striker as its future captain."),
    ],
)  # fmt: skip
def test_seeing_something_as_something_is_a_view(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "As we saw last winter, the river can rise within hours.",
        "The mayor saw the fire from his office as it spread.",
        "Fans saw the match as well as the parade on Sunday.",
        "The new rules see the fee as a tax on savers.",  # a thing holds no view
    ],
)
def test_seeing_without_a_view_or_a_source_is_no_cue(text):
    assert attributed(text) == []


# --- subjects: "another", a time phrase after an adverb, a contracted "is" ---------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Another graphic shows that most loans go to large farms.",
         "Another graphic", "most loans go to large farms."),
        ("The ministry only last month announced it would close two clinics.", "The ministry",
         "it would close two clinics."),
        ("China only last week warned that the talks had stalled.", "China",
         "the talks had stalled."),
    ],
)  # fmt: skip
def test_more_subjects_before_a_cue(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


def test_a_pronoun_with_a_contracted_be_is_the_subject():
    text = (
        "Coach Lena Dahl spoke after the match.\n\n"
        "She’s claiming that the referee was biased.\n\n"
        "They're afraid that the club will be relegated, she added."
    )
    claims = attributed(text)
    assert [(c.source, c.cue) for c in claims][:1] == [("She", "claiming")]
    assert claims[0].source_resolved == "Lena Dahl"
    assert claims[0].text == "the referee was biased."


def test_a_contracted_be_before_no_cue_is_no_claim():
    assert attributed("He’s going to the final on Sunday.") == []


# --- a candidate is a source; "assume" takes a clause, not an office ---------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Labour nominee mocked her rival as a puppet of the banks.",
         "The Labour nominee"),
        ("The Green candidate proposes scrapping the tolls on the ring road.",
         "The Green candidate"),
        ("The mayor assumed that the bridge was safe.", "The mayor"),
    ],
)  # fmt: skip
def test_a_candidate_described_is_a_source(text, source):
    assert only(text).source == source


@pytest.mark.parametrize(
    "text",
    [
        "The winner will assume office in May and face a recall vote within a year.",
        "He assumed control of the family firm in 2004.",
    ],
)
def test_assuming_an_office_is_no_cue(text):
    assert attributed(text) == []


# --- documents: an article, an average; "have shown" closing a sentence ------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Rents in the old town have doubled since 2010, other studies have shown.",
         "other studies", "Rents in the old town have doubled since 2010"),
        ("Weekly averages show the incumbent ahead by four points.", "Weekly averages",
         "the incumbent ahead by four points."),
        ("A Gazette article praised the coach as a visionary in 1998.", "A Gazette article",
         "the coach as a visionary in 1998."),
    ],
)  # fmt: skip
def test_more_documents_as_sources(text, source, content):
    claim = only(text)
    assert (claim.source, claim.type, claim.text) == (source, "document", content)


def test_an_article_that_is_only_shared_is_no_claim():
    assert attributed("The article was shared widely on the weekend.") == []


# --- a second act after "and" with the same subject ---------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # campaign
        ("The mayor defended her budget and promised to freeze parking fees.",
         "her budget", "to freeze parking fees."),
        # business
        ("The chief executive says the plant will stay open and plans to hire 200 workers.",
         "the plant will stay open", "to hire 200 workers."),
    ],
)  # fmt: skip
def test_a_second_act_after_and_is_a_claim_of_its_own(text, first, second):
    claims = attributed(text)
    assert [c.text for c in claims] == [first, second]
    assert claims[0].source == claims[1].source


@pytest.mark.parametrize(
    "text",
    [
        # the second verb goes with the clause inside the content
        "Witnesses say the driver panicked and refused to open the boot.",
        "The coach called the referee a disgrace after he sent off two players and "
        "criticized the fans.",
    ],
)
def test_a_verb_of_the_clause_inside_the_content_is_no_second_claim(text):
    assert len(attributed(text)) == 1


# --- verbs written like nouns, the plural of a role, a hedged cue -------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The audit also points out that the fines were never collected.", "The audit",
         "the fines were never collected."),
        ("Critics call them reckless.", "Critics", "them reckless."),
        ("Democrats call for an inquiry into the payments.", "Democrats",
         "for an inquiry into the payments."),
        ("The union leaders doubt that the deal will hold.", "The union leaders",
         "the deal will hold."),
    ],
)  # fmt: skip
def test_a_verb_written_like_a_noun_is_a_cue_with_what_it_takes(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "He won three points out of ten in the final round.",
        "A call for calm went unheeded on Saturday night.",
        "There is little doubt that the deal will hold until spring.",
    ],
)
def test_the_noun_is_no_cue(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("European leaders said the summit would go ahead.", "anonymous_official"),
        ("Several secretaries said the ministry had ignored them.", "anonymous_official"),
        ("Several strikers doubt that the coach will stay.", "anonymous_source"),
    ],
)
def test_the_plural_of_a_role_names_unnamed_people(text, type_):
    assert only(text).type == type_


def test_a_cue_hedged_by_reportedly_is_the_story_s_own_claim():
    assert attributed("Club officials have reportedly told the coach his contract will end.") == []


# --- agreeing to do something is a commitment ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The company agreed to pay a fine of two million dollars.", "The company",
         "to pay a fine of two million dollars."),
        ("After months of talks, the club agreed to release the striker in January.", "the club",
         "to release the striker in January."),
    ],
)  # fmt: skip
def test_agreeing_to_act_is_a_commitment(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor agreed to a short meeting with the tenants.",
        "The talks pushed the coalition to the brink of collapse.",
    ],
)
def test_to_before_a_thing_is_no_intention(text):
    assert attributed(text) == []


# --- a willingness to act; a state of mind framed by a cue at the end ---------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("By then, several council members were willing to back a smaller levy.",
         "several council members", "to back a smaller levy."),
        ("The club is determined to keep its captain.", "The club", "to keep its captain."),
    ],
)  # fmt: skip
def test_a_willingness_to_act_is_an_intention(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


def test_a_state_of_mind_framed_by_a_closing_cue_rests_on_the_closing_source():
    claim = only(
        "The league might be reluctant to punish the club before the hearing, Ana Ruiz said."
    )
    assert (claim.source, claim.cue) == ("Ana Ruiz", "said")


def test_ready_to_is_no_intention():
    assert attributed("The new bridge is ready to open on Monday.") == []


# --- "made it clear", "charges that" ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("On the radio, the bishop made it clear he opposed the merger of the two parishes.",
         "the bishop", "made it clear", "he opposed the merger of the two parishes."),
        ("The union made clear on Sunday that the strike would go ahead.",
         "The union", "made clear", "the strike would go ahead."),
        ("The mayor charges that the council wasted millions on the stadium.", "The mayor",
         "charges", "the council wasted millions on the stadium."),
    ],
)  # fmt: skip
def test_more_ways_of_saying(text, source, cue, content):
    claim = only(text)
    assert (claim.source, claim.cue, claim.text) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The results made it clear that the team needs a new coach.",  # no source
        "The sky was clear over the stadium on Sunday.",
        "The criminal charges that he faces are serious.",
    ],
)
def test_clear_and_charges_without_their_shape_are_no_cues(text):
    assert attributed(text) == []


# --- a fronted view: "In her view, ...", "By X's own admission, ..." ----------------------


def test_a_fronted_view_rests_on_its_owner():
    text = (
        "Coach Lena Dahl spoke on Monday.\n\n"
        "In her view, the club will be relegated within a year.\n\n"
        "By Dahl's own admission, the squad is too thin for the league."
    )
    claims = attributed(text)
    assert [(c.source_resolved, c.text) for c in claims] == [
        ("Lena Dahl", "the club will be relegated within a year."),
        ("Lena Dahl", "the squad is too thin for the league."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In the long view, the plan will fail within a year.",
        "By all accounts, the match was a thriller.",
    ],
)
def test_a_fronted_view_without_an_owner_is_no_cue(text):
    assert attributed(text) == []


# --- "which" after a noun phrase: the thing or body named before it ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The review, which warns that two bridges are unsafe, was never published.",
        "The review — which warns that two bridges are unsafe — was never published.",
    ],
)
def test_which_after_a_noun_phrase_stands_for_it_and_its_clause_ends(text):
    claim = only(text)
    assert (claim.source, claim.source_resolved, claim.type) == ("which", "The review", "document")
    assert claim.text == "two bridges are unsafe"


def test_which_after_an_organisation_denies_for_it():
    claim = only("The club, which has denied any wrongdoing, will appeal the fine.")
    assert (claim.source_resolved, claim.stance) == ("The club", "denies")


def test_which_after_a_thing_that_holds_no_view_is_no_source():
    assert attributed("The bridge, which opened in 1962, carries 40,000 cars a day.") == []
