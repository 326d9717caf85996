"""Precision on real news (issue 23): the content of an act ends where its object ends, and
words that only look like cues or sources (a heading before a colon, "show signs of", "the
2001 attacks", a fragment opening on a verb) make no claim. Sentences written for the test in
several styles."""

import pytest

from tests.analysis.helpers import attributed, only

# --- where an act's object ends ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # a clause about the object after a comma, with a verb that takes a thing
        ("The fans praised the new stand at the north end, which holds four thousand seats.",
         "The fans", "the new stand at the north end"),
        ("The striker cited the pressure of the derby, which his side lost 3-0.", "The striker",
         "the pressure of the derby"),
        ("The union called for a four-day week in all depots, but the operator has refused.",
         "The union", "a four-day week in all depots"),
        # a remark set off by a dash
        ("Captain Ana Ruiz likened the pitch to a beach - a jibe the groundsman did not "
         "enjoy.", "Captain Ana Ruiz", "the pitch to a beach"),
        ("The chief executive called the merger a rescue — one of several remarks that drew "
         "boos from shareholders.", "The chief executive", "the merger a rescue"),
        # a remark on the whole clause after a comma, a clause of its own after "as"
        ("The dockers' union endorsed the harbour levy in March, another blow to the shipping "
         "lobby.", "The dockers union", "the harbour levy in March"),
        ("The chess club is endorsing the library's expansion plan, the latest twist in a "
         "quarrel over the old hall.", "The chess club", "the library's expansion plan"),
        ("The referees' association condemned the abuse of officials at youth games as "
         "parents lined the touchline on Sunday.", "The referees association",
         "the abuse of officials at youth games"),
        ("The audit indicates a serious shortfall as Harbour Rail loses commuters to buses.",
         "The audit", "a serious shortfall"),
        # a semicolon ends the act
        ("Mayor Ines Ruiz spoke about the ferry strike at a dockside dinner; her deputy stayed "
         "home.", "Mayor Ines Ruiz", "the ferry strike at a dockside dinner"),
    ],
)  # fmt: skip
def test_an_acts_object_ends_at_a_clause_about_it(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text.rstrip(' .”"')) == (source, content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a verb of saying keeps its whole clause: the comma is inside what was said
        ("The minister said the bridge, which opened in 1990, was safe.",
         "the bridge, which opened in 1990, was safe."),
        # the verb's own "as" goes on
        ("The coach praised the keeper, a teenager, as the best in the league.",
         "the keeper, a teenager, as the best in the league."),
        # an infinitive goes on past "and" with a base form
        ("The health board called on parents to keep sick children home and think of others.",
         "parents to keep sick children home and think of others."),
        # the verb's own "as", and an object with a description after a comma
        ("The council condemned the price increase as a betrayal of tenants.",
         "the price increase as a betrayal of tenants."),
        ("The council condemned the price increase as being unfair to tenants.",
         "the price increase as being unfair to tenants."),
        ("The coach criticized the referee, a former player, for his handling of the match.",
         "the referee, a former player, for his handling of the match."),
        # a hyphenated word or a dash inside a quotation is no end
        ("The union criticized the pay offer as a take-it-or-leave-it deal.",
         "the pay offer as a take-it-or-leave-it deal."),
    ],
)  # fmt: skip
def test_the_content_runs_on_where_the_object_does(text, content):
    assert only(text).text == content


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Although the minister said the trains would run on time, commuters waited for hours.",
         "the minister", "the trains would run on time"),
        ("Though she invoked the old rivalry to lift the players, the team lost again.",
         "she", "the old rivalry to lift the players"),
        ("If the auditors conclude that the accounts were doctored, the board will resign.",
         "the auditors", "the accounts were doctored"),
        ("At school, when a teacher mentioned the fire drill to us, nobody moved.", "a teacher",
         "the fire drill to us"),
        ("If, as engineers warn, the dam leaks, the valley will flood.", "engineers",
         "the dam leaks"),
        # the comma of a number is no end
        ("In 2009, when the bank wrongly reported that about 3,000 accounts were dormant, it "
         "closed them.", "the bank", "about 3,000 accounts were dormant"),
    ],
)  # fmt: skip
def test_a_clause_fronted_with_a_subordinator_ends_at_its_comma(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # the main clause after a fronted one runs on
        ("When the river rose, engineers said the old levee held firm, which surprised them.",
         "engineers", "the old levee held firm, which surprised them."),
        # a condition fronted before the source is part of what it expects or warns
        ("Should the talks collapse, union leaders expect the drivers to strike by May.",
         "union leaders",
         "Should the talks collapse, union leaders expect the drivers to strike by May."),
        ("If the river rises again, engineers warn that the old levee will fail.", "engineers",
         "If the river rises again, engineers warn that the old levee will fail."),
        # not with an act: what was done is not conditional on the fronted clause
        ("If the levy fails, the council has proposed nothing to replace it.",
         "the council", "nothing to replace it."),
        # a parenthesis with "as" whose content is inside it
        ("The two clubs are feeders (or, as the Gazette called them in an editorial, ''farm "
         "teams'').", "the Gazette", "them in an editorial, ''farm teams'')."),
    ],
)  # fmt: skip
def test_a_clause_before_the_source_and_the_main_clause(text, source, content):
    claim = only(text)
    assert (claim.source, claim.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The bridge, the mayor said, is safe.", "the mayor"),
        ("The bridge, the mayor said on Monday, is safe.", "the mayor"),
        ("The new seats, the architect explained at the launch, were cheaper than steel ones.",
         "the architect"),
        ("What has changed, she told me last week, is that the club can pay wages.", "she"),
        ("The plan, she said repeatedly, is dead.", "she"),
        ("Though the first stage was cheap, she said, finishing the tunnel would cost far "
         "more.", "she"),
    ],
)  # fmt: skip
def test_a_cue_set_off_in_mid_sentence_gives_one_claim_of_both_sides(text, source):
    claim = only(text)
    assert claim.source == source and claim.text == text


def test_a_relative_clause_with_a_that_clause_is_no_parenthesis():
    claim = only(
        "The ban imposed by the federation, which ruled that the rider doped, was a blow to her team."
    )
    assert (claim.source, claim.text) == ("which", "the rider doped")


# --- what only looks like a cue or a source -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nStorm Over Harbour: Ferry Service Was Cut But Restored Within Hours.\n",
        "Headline\n\nThe Week Ahead: The council meets on Tuesday to vote on the budget.\n",
        "After the 1993 attacks, the port tightened its checks on cargo.",
        "The home fans began to show signs of impatience after the break.",
        "Markets showed no sign of panic on Monday.",
        "The old champion finally showed up in the last round.",
        "The new owners may find it tough to keep the stadium full.",
        "The harbour authority released video from Sunday of the collision in the channel.",
        "Keeps telling crowds the mill will reopen, although the owners sold it years ago.",
        "The campaign plays on their deepest fears about jobs.",
        # a refusal in a condition is no refusal to comment
        "The landlord keeps the deposit if tenants did not confirm the move in writing.",
        # words said before, told of again: only when and where follows
        "The coach made the remarks after training on a wet Tuesday.",
        "The coach made this statement at a news conference after the defeat.",
        # another sense of a verb of saying or finding
        "Ferry crews often find themselves stuck in fog for hours.",
        "Rural support was firmer than the polls had suggested.",
        "The tribunal sent the case back to the licensing panel.",
        "He knows the laws of cricket by heart, and he umpired for years.",
        "The striker added a second goal, and he later hit the post.",
        # ", regarding X,": about it, not a view
        "The board stayed silent on its plans, regarding the sale and the staff, for a week.",
        # a verb with its object inside what would be the subject
        "The pair filmed a long special that ran on Sunday.",
        # a comparison before the source is no content
        "Like my coach, I believe in hard work before talent.",
        "Unlike her rivals, she believes in public transport.",
    ],
)
def test_words_that_only_look_like_cues_or_sources_make_no_claim(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Headline\n\nMAYOR LUND: We will rebuild the pier before the summer.\n", "MAYOR LUND"),
        ("Headline\n\nTHE PRESIDENT: We will not raise taxes on working families.\n",
         "THE PRESIDENT"),
        ("She's claiming that the ballots were mislaid.", "She"),
        ("Polls show up to a third of voters are still undecided.", "Polls"),
        ("The auditors found it was the third such error this year.", "The auditors"),
        ("The club posted a video urging fans to stay away from the ground.", "The club"),
        ("The league issued a statement on Tuesday urging clubs to wait.", "The league"),
        ("The minister made the case for a new runway at a dinner in the city.",
         "The minister"),
        ("The mayor did not respond to requests for comment.", "The mayor"),
        ("She knows the bridge is unsafe.", "She"),
        ("We know all about late trains.", "We"),
        ("The minister added the plan was sound, and she urged calm.", "The minister"),
        ("Union leaders support the deal, and the vote is on Friday.", "Union leaders"),
        ("The fee is far above the level that most economists agree is fair.",
         "most economists"),
        ("The man who started the fire said he was sorry.", "The man"),
        ("Many voters, regarding the plan as a giveaway, stayed home.", "Many voters"),
        ("Officials involved in the talks said a deal was close.",
         "Officials involved in the talks"),
        ("Unlike the old owners, the trust has little cash to fix the roof, fans say.",
         "fans"),
        ("The study's latest findings show that the reef is recovering.", "The study's latest findings"),
    ],
)  # fmt: skip
def test_the_same_words_in_a_claim_still_attribute(text, source):
    claims = attributed(text)
    assert claims and claims[0].source == source


def test_a_speakers_turn_in_a_transcript_is_one_claim_with_no_claims_inside():
    text = (
        "Transcript\n\nHOST: Thanks for joining us. The latest survey shows your lead is "
        "shrinking. Does that worry you?\n\nRUIZ: Not at all. My opponent says the race is "
        "close, but voters know better.\n"
    )
    claims = attributed(text)
    assert [(c.source, c.cue) for c in claims] == [("HOST", ":"), ("RUIZ", ":")]
    assert claims[0].text.endswith("Does that worry you?")


def test_a_clarification_note_is_no_speaker():
    text = (
        "Headline\n\nThe mayor said the ferry would run all winter.\n\nCLARIFICATION: An "
        "earlier version of this story gave the wrong date for the vote.\n"
    )
    assert [c.source for c in attributed(text)] == ["The mayor"]


def test_what_someone_named_before_who_said_follows_the_cue():
    claim = only(
        "The opening drew local bands and the singer Tom Ruiz, who joked of the hall, ''The "
        "sound is better than in my kitchen.''"
    )
    assert claim.source == "who"
    assert "opening" not in claim.text and "my kitchen" in claim.text


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The judge said that was not the issue before the court.",
         "that was not the issue before the court."),
        ("The mayor said that the bridge was closed.", "the bridge was closed."),
        ("The coach said that would be unfair on the younger players.",
         "that would be unfair on the younger players."),
    ],
)  # fmt: skip
def test_that_as_the_subject_of_the_clause_stays_in_the_content(text, content):
    assert only(text).text == content


def test_adding_a_thing_after_by_is_no_cue():
    claim = only(
        "The council widened the road by adding a second lane to the bridge, the mayor said."
    )
    assert (claim.source, claim.cue) == ("the mayor", "said")
