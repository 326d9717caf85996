"""The credibility model on the worked example and on the edge of each component."""

from sourcemark.analysis import analyze
from sourcemark.ingest import read_path
from sourcemark.paths import sample_story_path
from sourcemark.scoring import ClaimInput, Settings, grade_claims, roll_up
from sourcemark.scoring.explain import COMPONENT_NAMES, STANDARDS, code_meaning


def sample_summary() -> dict:
    document = read_path(sample_story_path())
    claims = analyze(document.text, document.title, document.outlet)
    inputs = [
        ClaimInput(c.text, str(c.type), str(c.stance), c.source, c.source_resolved, c.premise,
                   outlet=document.outlet)
        for c in claims
    ]  # fmt: skip
    return roll_up(inputs, document.title)


def test_the_worked_example_caps_the_story_whose_headline_rests_on_anonymous_officials():
    summary = sample_summary()
    assert summary["caps"] and "anonymous" in summary["caps"][0]
    assert summary["score"] <= 60
    assert summary["code"][0] == "F" and int(summary["code"][1]) <= 3
    assert summary["components"]["right_of_reply"]["score"] == 100  # Bout and the Kremlin deny
    assert "Bout" in summary["components"]["right_of_reply"]["reason"]
    assert "premise contested" in summary["flags"]
    assert summary["counts_by_stance"]["denies"] == 5
    reasons = [c["reason"] for c in summary["components"].values()]
    assert all(reason and reason[0].isalnum() for reason in reasons)
    assert set(summary["components"]) == {
        "on_record", "anonymous_reliance", "corroboration", "right_of_reply", "source_diversity",
    }  # fmt: skip


def claim(text, type_="named_official", source="Mayor Ana Ruiz", outlet="Harbour Times", **kw):
    return ClaimInput(text, type_, source=source, outlet=outlet, **kw)


def test_another_outlet_with_the_same_claim_corroborates_it():
    a = claim("The bridge will close for six weeks from April for cable repairs.")
    b = claim("The bridge will close for six weeks from April for cable repairs",
              type_="anonymous_official", source="city officials", outlet="Lakeshore Examiner")  # fmt: skip
    grades = grade_claims([a, b])
    assert grades[0].code == "B2" and "single source" not in grades[0].flags


def test_a_denial_of_the_same_words_is_no_corroboration_and_nor_is_a_refusal():
    a = claim("The minister took payments from the construction firm for two years.")
    denial = claim("The minister took no payments from the construction firm for two years.",
                   stance="denies", source="the minister", outlet="Lakeshore Examiner")  # fmt: skip
    refusal = claim("The minister took payments from the construction firm for two years",
                    stance="declines", source="the firm", outlet="Metro Daily")  # fmt: skip
    assert grade_claims([a, denial])[0].digit == 3
    assert grade_claims([a, refusal])[0].digit == 3
    other_denial = claim("The minister took no payments from the construction firm in two years.",
                         type_="spokesperson", stance="denies", source="the ministry",
                         outlet="Metro Daily")  # fmt: skip
    assert grade_claims([denial, other_denial])[0].digit == 2  # two denials agree


def test_two_copies_of_one_wire_story_do_not_corroborate_each_other():
    text = "The bridge will close for six weeks from April, the mayor said."
    a = claim(text, outlet="Harbour Times")
    b = claim(text, outlet="Lakeshore Examiner")
    assert [g.code for g in grade_claims([a, b])] == ["B3", "B3"]


def test_a_report_citing_the_first_outlet_does_not_corroborate_it():
    a = claim("The bridge will close for six weeks.", outlet="Harbour Times")
    b = claim("The bridge will close for six weeks.", type_="media_report",
              source="the Harbour Times", outlet="Lakeshore Examiner",
              cites_outlet="Harbour Times")  # fmt: skip
    assert grade_claims([a, b])[0].digit == 3


def test_a_story_without_attributed_claims_scores_low_and_explains_why():
    claims = [ClaimInput("The bridge opened in 1962.", "unattributed")]
    summary = roll_up(claims, "Bridge Opened in 1962")
    assert summary["components"]["on_record"]["score"] == 0
    assert summary["components"]["corroboration"]["reason"] == "no attributed claim to weigh"
    assert summary["claims"][0]["code"] == "F6"


def test_right_of_reply_does_not_apply_when_nobody_is_accused_and_carries_no_weight():
    bridge = [
        claim("The harbour bridge will close for six weeks from April, the city said.",
              premise=True),
        claim("Shops near the harbour bridge fear losing customers.", "named_person",
              "Ann Lee, a shop owner"),
    ]  # fmt: skip
    summary = roll_up(bridge, "Harbour Bridge Will Close for Repairs")
    reply = summary["components"]["right_of_reply"]
    assert reply == {
        "name": "Right of reply",
        "score": None,
        "weight": 0,
        "points": None,
        "reason": "does not apply: nobody is accused",
        "standard": STANDARDS["right_of_reply"],
    }
    counted = [c for c in summary["components"].values() if c["score"] is not None]
    assert summary["out_of"] == 90 == sum(c["weight"] for c in counted)
    mean = sum(c["score"] * c["weight"] for c in counted) / 90
    assert summary["score"] == round(mean)


def test_a_story_that_answers_nothing_is_not_accused_by_its_capitalised_headline():
    fire = [claim("The Kessler Fire has burned 12,000 acres since Sunday, crews said.",
                  premise=True)]  # fmt: skip
    summary = roll_up(fire, "Kessler Fire Forces 9,000 From Homes")
    assert summary["components"]["right_of_reply"]["score"] is None


def test_each_component_shows_weight_times_score_as_points_that_add_up_to_the_score():
    summary = sample_summary()
    for key, component in summary["components"].items():
        assert component["name"] == COMPONENT_NAMES[key]
        assert component["standard"] == STANDARDS[key]
        assert component["points"] == component["weight"] * component["score"] / 100
    assert summary["points"] == sum(c["points"] for c in summary["components"].values())
    assert summary["out_of"] == 100
    assert round(summary["points"]) == 66 and summary["score"] == 60  # then capped


def test_the_story_code_is_explained_in_words():
    summary = sample_summary()
    assert summary["code_meaning"] == "outlet not graded (F) · headline claims possibly true (3)"
    graded = roll_up([claim("The bridge will close.", premise=True)], "x", outlet_letter="B")
    assert graded["code_meaning"] == "outlet usually reliable (B) · headline claims possibly " \
        "true (3)"  # fmt: skip
    assert code_meaning("F1", graded=True) == (
        "outlet's reliability cannot be judged (F) · headline claims confirmed (1)"
    )


def test_right_of_reply_is_zero_when_the_accused_do_not_answer():
    claims = [claim("Meridian Terminals hid the spill for a week, inspectors said.",
                    type_="anonymous_official", source="inspectors", premise=True)]  # fmt: skip
    summary = roll_up(claims, "Meridian Terminals Hid Spill")
    assert summary["components"]["right_of_reply"]["score"] == 0
    assert summary["caps"]  # and the premise is anonymous


def test_weights_are_settings_and_travel_with_the_summary():
    settings = Settings()
    settings.weights["on_record"] = 0
    summary = roll_up([claim("A claim of the mayor.")], "x", settings=settings)
    assert summary["settings"]["weights"]["on_record"] == 0
    assert summary["components"]["on_record"]["weight"] == 0
