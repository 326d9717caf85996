"""The role-word matcher: whole words and phrases, as a word-bounded pattern finds them."""

import pytest

from sourcemark.analysis import lexicon as lx


@pytest.mark.parametrize(
    ("phrase", "official", "private"),
    [
        ("the company's chief executive", True, False),
        ("Sen. Ada Quill", True, False),
        ("co-founder of the firm", True, False),
        ("co-founders of the firm", False, False),  # a whole word, not the start of one
        ("a 59-year-old resident", False, True),
        ("an ex-president", True, True),
        ("the general manager", True, False),  # "manager" after "general" is an office
        ("the manager of the shop", False, True),
        ("the Secretary-General", True, False),
        ("chiefly a worried neighbour", False, True),
        ("who watched the ceremony", False, False),
        ("", False, False),
    ],
)
def test_role_words_are_found_as_whole_words(phrase, official, private):
    assert lx.OFFICIAL_ROLES.search(phrase) is official
    assert lx.PRIVATE_ROLES.search(phrase) is private


def test_a_whole_phrase_is_a_role_with_or_without_its_full_stop():
    assert lx.OFFICIAL_ROLES.fullmatch("sen.") and lx.OFFICIAL_ROLES.fullmatch("sen")
    assert lx.OFFICIAL_ROLES.fullmatch("attorney general")
    assert not lx.OFFICIAL_ROLES.fullmatch("attorney general of")
    assert lx.PRIVATE_ROLES.fullmatch("manager")


def test_progressive_forms_map_to_a_form_the_word_lists_hold():
    assert lx.PROGRESSIVE["claiming"] == "claims"
    assert lx.PROGRESSIVE["slamming"] == "slams"  # a doubled consonant
    assert lx.PROGRESSIVE["arguing"] == "argues"  # a dropped e
    assert "saying" not in lx.PROGRESSIVE  # the group has its own -ing form
