"""Sentence segmentation and tokens on the hard cases of news prose."""

from hypothesis import given
from hypothesis import strategies as st

from sourcemark.analysis.segment import Span, paragraphs, sentences
from sourcemark.analysis.tokens import quote_regions, tokenize


def split(text: str) -> list[str]:
    return [span.of(text) for span in sentences(text)]


def test_abbreviated_titles_and_initials_do_not_end_sentences():
    text = "Gen. Mark Smith and Mr. J. R. Doe met Sen. Roe. They talked."
    assert split(text) == ["Gen. Mark Smith and Mr. J. R. Doe met Sen. Roe.", "They talked."]


def test_country_abbreviations_end_a_sentence_only_before_a_new_one():
    text = "U.S. officials flew to the U.S. and back. He was sent to the U.S. He stayed."
    assert split(text) == [
        "U.S. officials flew to the U.S. and back.",
        "He was sent to the U.S.",
        "He stayed.",
    ]


def test_months_decimals_and_lower_case_continuations():
    text = (
        "On Jan. 5 the index rose 1.3 percent to 4,200.75 points. "
        "Washington, D.C. on Monday was calm."
    )
    assert split(text) == [
        "On Jan. 5 the index rose 1.3 percent to 4,200.75 points.",
        "Washington, D.C. on Monday was calm.",
    ]


def test_a_sentence_ending_inside_a_closing_quote_keeps_the_quote():
    text = "He said: “We are ready.” Then he left. ‘Fine,’ she said."
    assert split(text) == ["He said: “We are ready.”", "Then he left.", "‘Fine,’ she said."]


def test_question_and_exclamation_marks_end_sentences():
    assert split("Really? Yes! No.") == ["Really?", "Yes!", "No."]


def test_paragraph_breaks_always_end_sentences_and_blank_lines_vanish():
    text = "First paragraph without a stop\n\n\n  Second one.  \nThird"
    assert [p.of(text) for p in paragraphs(text)] == [
        "First paragraph without a stop",
        "Second one.",
        "Third",
    ]
    assert split(text) == ["First paragraph without a stop", "Second one.", "Third"]


@given(st.text())
def test_any_text_gives_ordered_non_overlapping_spans_inside_it(text):
    previous_end = 0
    for span in sentences(text):
        assert previous_end <= span.start < span.end <= len(text)
        previous_end = span.end


def test_a_quoted_question_followed_by_its_attribution_is_one_sentence():
    text = "“How many times must we see this?” Clinton said. “It is unbearable.”"
    assert split(text) == [
        "“How many times must we see this?” Clinton said.",
        "“It is unbearable.”",
    ]


def test_no_is_an_abbreviation_only_before_a_number():
    assert split("He ranked No. 5 last year. The mayor said no. Really!") == [
        "He ranked No. 5 last year.",
        "The mayor said no.",
        "Really!",
    ]


def test_tokens_keep_abbreviations_initials_and_compounds_whole():
    text = "Mr. J. Smith of Ashton, Md., told the U.S. Senate: “It’s well-known, e.g. 3.5%.”"
    tokens = tokenize(text, Span(0, len(text)), quote_regions(text, Span(0, len(text))))
    assert [t.text for t in tokens] == [
        "Mr.", "J.", "Smith", "of", "Ashton", ",", "Md.", ",", "told", "the", "U.S.", "Senate",
        ":", "“", "It’s", "well-known", ",", "e.g.", "3.5", "%", ".", "”",
    ]  # fmt: skip
    assert [t.text for t in tokens if t.quoted] == [
        "“", "It’s", "well-known", ",", "e.g.", "3.5", "%", ".", "”",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[0].is_cap and tokens[3].is_word and not tokens[5].is_word


def test_a_sentence_without_a_word_of_interest_gives_no_tokens():
    text = "The bridge opened in 1962."
    span = Span(0, len(text))
    assert tokenize(text, span, [], unless_none_of=frozenset({"said"})) is None
    assert tokenize(text, span, [], unless_none_of=frozenset({"bridge"}))
