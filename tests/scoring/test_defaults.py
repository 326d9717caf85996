"""Every default of credibility-model.md, pinned: a weight, letter, digit, threshold or cap
that differs from the model's document fails here, by its value and by what it does."""

import pytest

from sourcemark.scoring import ClaimInput, Settings, claim_digit, grade_claims, roll_up
from sourcemark.scoring.codes import DEFAULT_LETTERS
from sourcemark.scoring.rollup import similarity

NAMED = "named_official"


def claim(text="The council approved the budget on Monday evening.", type_=NAMED,
          source="Mayor Ana Ruiz", outlet="Harbour Times", **kw) -> ClaimInput:  # fmt: skip
    return ClaimInput(text, type_, source=source, outlet=outlet, **kw)


def test_the_default_weights_are_30_25_25_10_10():
    assert Settings().weights == {
        "on_record": 30,
        "anonymous_reliance": 25,
        "corroboration": 25,
        "right_of_reply": 10,
        "source_diversity": 10,
    }


def test_the_score_is_the_weighted_mean_of_the_components_with_the_default_weights():
    # on record 50 (one named, one anonymous), anonymous reliance 50, corroboration 50 (both
    # single source), right of reply 100 (the accused denies), diversity 60 (three sources)
    claims = [
        claim("Meridian Terminals hid the spill for a week, inspectors said.",
              "anonymous_official", "inspectors"),
        claim("Meridian Terminals denied hiding anything from the inspectors.",
              "named_person", "Meridian Terminals chief executive Jo Hart", stance="denies"),
        claim("The clean-up of the estuary would take months, she added.",
              "named_person", "Dr Lea Moss, a marine biologist"),
    ]  # fmt: skip
    summary = roll_up(claims, "Meridian Terminals Hid Spill")
    scores = {name: c["score"] for name, c in summary["components"].items()}
    assert scores == {
        "on_record": 67,
        "anonymous_reliance": 67,
        "corroboration": 50,
        "right_of_reply": 100,
        "source_diversity": 60,
    }
    expected = (30 * 67 + 25 * 67 + 25 * 50 + 10 * 100 + 10 * 60) / 100
    assert summary["points"] == pytest.approx(expected)
    assert summary["score"] == round(expected) == 65


@pytest.mark.parametrize(
    ("type_", "letter"),
    [
        ("named_official", "B"),
        ("document", "B"),
        ("spokesperson", "B"),
        ("named_person", "C"),
        ("media_report", "C"),
        ("anonymous_official", "F"),
        ("anonymous_source", "F"),
        ("unattributed", "F"),
    ],
)
def test_each_sourcing_type_has_the_models_default_letter(type_, letter):
    assert DEFAULT_LETTERS[type_] == Settings().letters[type_] == letter
    assert grade_claims([claim(type_=type_)])[0].code[0] == letter


def test_a_media_report_takes_its_outlets_letter_and_a_graded_source_its_own():
    report = claim(type_="media_report", source="The Wall Street Journal", outlet_letter="A")
    graded = claim(type_="anonymous_official", source="officials", source_letter="D")
    assert [g.code[0] for g in grade_claims([report, graded])] == ["A", "D"]


def test_the_digit_counts_independent_corroborations_1_2_3_and_6_for_unattributed():
    assert [claim_digit(NAMED, n) for n in (0, 1, 2, 5)] == [3, 2, 1, 1]
    assert claim_digit("unattributed", 3) == 6
    assert claim_digit(NAMED, 0, user_digit=4) == 4  # 4 and 5: set by a person only
    assert {claim_digit(t, n) for t in DEFAULT_LETTERS for n in range(6)} == {1, 2, 3, 6}


BASE = "The harbour bridge will close for six weeks from April for cable repairs"


def test_the_same_content_is_a_similarity_of_80():
    assert Settings().similarity == 80
    just_above = "The harbour bridge is to close for six weeks in spring for repairs to its cables"
    just_below = "Engineers say the harbour bridge is to close for six weeks in spring for " \
        "repairs to cables"  # fmt: skip
    assert 80 <= similarity(BASE, just_above) < 85 and 75 <= similarity(BASE, just_below) < 80
    for other, digit in ((just_above, 2), (just_below, 3)):
        elsewhere = claim(other, "named_person", "Tom Dale, an engineer", outlet="Valley Courier")
        assert grade_claims([claim(BASE), elsewhere])[0].digit == digit


def test_corroboration_scores_digit_1_as_100_2_as_75_3_as_50_and_leaves_6_out():
    def corroboration(*corroborated_by: int) -> int:
        claims = [claim(f"Claim number {n} of the story, said on Monday.",
                        corroborated_by=k) for n, k in enumerate(corroborated_by)]  # fmt: skip
        claims.append(ClaimInput("The bridge opened in 1962.", "unattributed"))  # digit 6
        return roll_up(claims, "x")["components"]["corroboration"]["score"]

    assert corroboration(2) == 100
    assert corroboration(1) == 75
    assert corroboration(0) == 50
    assert corroboration(2, 1, 0) == 75


def test_anonymous_reliance_counts_the_headlines_claims_double():
    anonymous = claim("The mayor will resign, officials said.", "anonymous_official", "officials")
    named = [claim(f"Named claim {n} about the budget.", source=f"Person {n}") for n in "ab"]
    plain = roll_up([anonymous, *named], "x")["components"]["anonymous_reliance"]["score"]
    anonymous.premise = True
    double = roll_up([anonymous, *named], "x")["components"]["anonymous_reliance"]["score"]
    assert (plain, double) == (67, 50)  # 1 of 3, then 2 of 4


def test_on_record_counts_named_officials_named_people_spokespeople_and_documents():
    on_record = ["named_official", "named_person", "spokesperson", "document"]
    others = ["anonymous_official", "anonymous_source", "media_report"]
    claims = [claim(f"Claim {n} of the story.", t, f"Source {n}")
              for n, t in enumerate(on_record + others)]  # fmt: skip
    component = roll_up(claims, "x")["components"]["on_record"]
    assert component["score"] == round(100 * 4 / 7)


@pytest.mark.parametrize(("sources", "score"), [(1, 20), (4, 80), (5, 100), (7, 100)])
def test_five_distinct_sources_give_full_diversity_fewer_in_proportion(sources, score):
    assert Settings().diverse_sources == 5
    claims = [claim(f"Claim {n} of the story.", source=f"Source {n}") for n in range(sources)]
    assert roll_up(claims, "x")["components"]["source_diversity"]["score"] == score


def test_right_of_reply_is_100_when_the_accused_answer_0_when_not():
    accusation = claim("Meridian Terminals hid the spill for a week, inspectors said.",
                       "anonymous_official", "inspectors", premise=True)  # fmt: skip
    reply = claim("We hid nothing, Meridian Terminals said.", "spokesperson",
                  "Meridian Terminals", stance="declines")  # fmt: skip
    silent = roll_up([accusation], "Meridian Terminals Hid Spill")
    answered = roll_up([accusation, reply], "Meridian Terminals Hid Spill")
    assert silent["components"]["right_of_reply"]["score"] == 0
    assert answered["components"]["right_of_reply"]["score"] == 100


def test_an_anonymous_headline_caps_the_score_at_60_and_the_digit_at_3():
    assert Settings().anonymous_premise_cap == 60
    premise = claim("The minister will resign, officials said.", "anonymous_official",
                    "officials", premise=True, corroborated_by=2)  # fmt: skip
    others = [claim(f"Named claim {n} about the budget.", source=f"Person {n}",
                    corroborated_by=2) for n in range(6)]  # fmt: skip
    summary = roll_up([premise, *others], "x")
    assert summary["points"] > 60 and summary["score"] == 60
    assert summary["claims"][0]["code"] == "F1" and summary["code"] == "F3"


def test_the_story_code_is_the_outlets_letter_or_f_and_the_worst_digit_of_the_headline():
    premise = [claim("The bridge will close in April.", premise=True, corroborated_by=2),
               claim("It will close for six weeks.", source="Tom Dale", premise=True,
                     corroborated_by=1)]  # fmt: skip
    weaker = claim("Shops near the bridge fear losing customers.", source="Ann Lee")  # digit 3
    assert roll_up([*premise, weaker], "x")["code"] == "F2"
    assert roll_up([*premise, weaker], "x", outlet_letter="B")["code"] == "B2"
    assert roll_up([weaker], "x")["code"] == "F3"  # no headline claims: the weakest claim


def test_the_flags_are_contested_interested_party_anonymous_and_single_source():
    premise = claim("The mayor took bribes from the builder, officials said.",
                    "anonymous_official", "officials", premise=True)  # fmt: skip
    denial = claim("Her office called the reports false.", "spokesperson",
                   "the mayor's office", stance="denies")  # fmt: skip
    grades = grade_claims([premise, denial])
    assert grades[0].flags == ["contested", "anonymous", "single source"]
    assert grades[1].flags == ["interested party", "single source"]
