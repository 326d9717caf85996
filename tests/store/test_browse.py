"""The archive's claims a page at a time: what the database finds, in which order, and how
many, agree with the claims as stored (on SQLite and on PostgreSQL)."""

import pytest

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.analysis.types import SourcingType, Stance
from sourcemark.ingest import Document
from sourcemark.store import browse
from sourcemark.store.articles import add_article
from sourcemark.store.browse import ClaimQuery
from sourcemark.store.models import Article, Claim, Source
from sourcemark.store.rollups import claim_grades, refresh_scores

T, S = SourcingType, Stance

# (text, type, stance, source) of each claim of each article; a story per article
ARTICLES = [
    [
        ("Officials said the bridge over the river was closed on Monday.", T.ANONYMOUS_OFFICIAL,
         S.ASSERTS, "Officials"),
        ("The mayor denied that the bridge over the river was closed on Monday.",
         T.NAMED_OFFICIAL, S.DENIES, "The mayor"),
        ("Traffic was 50% lower_than usual.", T.UNATTRIBUTED, S.ASSERTS, None),
    ],
    [
        ("Western officials said the shipment of 4,000 rifles left the port of Odessa for Yemen.",
         T.ANONYMOUS_OFFICIAL, S.ASSERTS, "Western officials"),
        ("A spokesperson said the company sold no rifles.", T.SPOKESPERSON, S.DENIES,
         "A spokesperson"),
        ("Reuters reported the BRIDGE deal first.", T.MEDIA_REPORT, S.ASSERTS, "Reuters"),
    ],
    [
        ("A customs document shows the shipment of 4,000 rifles left the port of Odessa for Yemen.",
         T.DOCUMENT, S.ASSERTS, "A customs document"),
        ("The minister declined to comment on the talks.", T.NAMED_OFFICIAL, S.DECLINES, "The minister"),
    ],
]  # fmt: skip


@pytest.fixture
def archive(db):
    for number, claims in enumerate(ARTICLES):
        text, found, at = "", [], 0
        for claim_text, type_, stance, source in claims:
            found.append(FoundClaim(claim_text, at, at + len(claim_text), type_, stance, source,
                                    source, "said" if source else None))  # fmt: skip
            text += claim_text + " "
            at = len(text)
        add_article(Document(text=text, title=f"Story {number}", outlet=f"Outlet {number}"),
                    found)  # fmt: skip
    Claim.update(note="check the 50% figure").where(Claim.text.contains("Traffic")).execute()
    Claim.update(reviewed=True).where(Claim.type == "named_official").execute()
    refresh_scores()
    return db


def reading_order() -> list[Claim]:
    return list(Claim.select().join(Article).order_by(Claim.article, Claim.start, Claim.id))


def found(query: ClaimQuery) -> list[int]:
    """Every claim a query finds, read a page of two at a time as the table does."""
    ids, offset = [], 0
    while page := browse.claim_page(query, offset, 2):
        ids += [row[0] for row in page]
        offset += len(page)
    assert ids == browse.matching_ids(query)
    counted = browse.claim_counts(query)
    assert sum(n for *_, n in counted) == len(ids)
    return ids


def test_pages_follow_reading_order_and_hold_every_claim(archive):
    assert found(ClaimQuery()) == [c.id for c in reading_order()]
    assert browse.claim_total() == Claim.select().count() == 8


def test_each_filter_finds_what_the_claims_hold(archive):
    claims = reading_order()
    bout = Source.get(Source.name == "Western officials")
    cases = {
        ClaimQuery(type=("named_official",)): lambda c: c.type == "named_official",
        ClaimQuery(anonymous_only=True): lambda c: c.type in {"anonymous_official",
                                                            "anonymous_source"},
        ClaimQuery(stance=("denies",)): lambda c: c.stance == "denies",
        ClaimQuery(reviewed=True): lambda c: c.reviewed,
        ClaimQuery(reviewed=False): lambda c: not c.reviewed,
        ClaimQuery(source_id=bout.id): lambda c: c.source_id == bout.id,
        ClaimQuery(type=("named_official",), stance=("denies",)): lambda c: c.type == "named_official"
        and c.stance == "denies",
    }  # fmt: skip
    for query, wanted in cases.items():
        expected = [c.id for c in claims if wanted(c)]
        assert expected and found(query) == expected, query


def test_several_values_of_a_filter_find_the_claims_of_any_of_them(archive):
    claims = reading_order()
    grades = claim_grades()
    cases = {
        ClaimQuery(type=("named_official", "document")): lambda c: c.type in {"named_official",
                                                                             "document"},
        ClaimQuery(stance=("denies", "declines")): lambda c: c.stance != "asserts",
        ClaimQuery(type=("named_official", "spokesperson"), stance=("denies", "declines")):
            lambda c: c.type in {"named_official", "spokesperson"} and c.stance != "asserts",
        ClaimQuery(flag=("contested", "interested party")): lambda c: {"contested",
            "interested party"} & set(grades[c.id].flags),
    }  # fmt: skip
    for query, wanted in cases.items():
        expected = [c.id for c in claims if wanted(c)]
        assert len(expected) >= 2 and found(query) == expected, query


def test_the_values_are_bound_parameters_never_written_into_the_sql(archive):
    query = ClaimQuery(type=("named_official", "x' OR 1=1 --"), stance=("denies",),
                       flag=("contested",))  # fmt: skip
    where, params = query.where()
    assert "named_official" not in where and "denies" not in where and "contested" not in where
    assert sorted(params[:2]) == ["named_official", "x' OR 1=1 --"]
    assert found(query) == [
        c.id
        for c in reading_order()
        if c.type == "named_official"
        and c.stance == "denies"
        and "contested" in claim_grades()[c.id].flags
    ]


def test_a_filter_of_several_types_reads_the_types_index(archive):
    if "sqlite" not in type(archive).__name__.lower():
        return  # the plan asked of SQLite; PostgreSQL plans by its statistics
    from sourcemark.store.sql import select

    where, params = ClaimQuery(type=("named_official", "document")).where()
    plan = " ".join(str(row[-1]) for row in select(
        f"EXPLAIN QUERY PLAN SELECT c.id FROM claim c{where} ORDER BY {browse.READING_ORDER}",
        params))  # fmt: skip
    assert "SEARCH c USING COVERING INDEX claim_type_article_id_start (type=?)" in plan


def test_each_filters_values_are_counted_with_the_other_filters_applied(archive):
    claims = reading_order()
    grades = claim_grades()
    query = ClaimQuery(type=("named_official", "anonymous_official"), stance=("asserts",))
    counts = browse.facet_counts(browse.claim_cube(query), query)
    asserting = [c for c in claims if c.stance == "asserts"]
    chosen = [c for c in claims if c.type in {"named_official", "anonymous_official"}]
    assert counts["type"] == {
        t: sum(c.type == t for c in asserting) for t in {c.type for c in asserting}
    }
    assert counts["stance"] == {
        s: sum(c.stance == s for c in chosen) for s in {c.stance for c in chosen}
    }
    both = [c for c in chosen if c.stance == "asserts"]
    assert counts["reviewed"] == {
        r: sum(c.reviewed == r for c in both) for r in {c.reviewed for c in both}
    }
    flags = [f for c in both for f in grades[c.id].flags]
    assert counts["flag"] == {f: flags.count(f) for f in set(flags)}
    assert sum(counts["type"].values()) == len(asserting)  # a type each, every claim counted
    searched = ClaimQuery(search="bridge")
    assert browse.facet_counts(browse.claim_cube(searched), searched)["type"] == {
        "anonymous_official": 1, "named_official": 1, "media_report": 1}  # fmt: skip


def test_search_finds_claims_with_words_beginning_with_each_word_typed(archive):
    claims = reading_order()
    bridge = [c.id for c in claims if "bridge" in c.text.lower()]
    assert len(bridge) == 3 and found(ClaimQuery(search="  Bridge ")) == bridge
    assert found(ClaimQuery(search="brid")) == bridge  # the start of a word
    assert found(ClaimQuery(search="ridge")) == []  # not the middle of one
    assert found(ClaimQuery(search="reuters")) == [c.id for c in claims if c.source_mention ==
                                                   "Reuters"]  # fmt: skip
    both = [c.id for c in claims if "bridge" in c.text.lower() and "mayor" in c.text.lower()]
    assert len(both) == 1 and found(ClaimQuery(search="mayor, bridge")) == both  # every word
    traffic = [c.id for c in claims if c.text.startswith("Traffic")]
    assert found(ClaimQuery(search="50%")) == traffic  # the signs between words are not searched
    assert found(ClaimQuery(search="lower than")) == traffic  # "lower_than" is two words
    assert found(ClaimQuery(search="figure")) == traffic  # in its note
    if "sqlite" in type(archive).__name__.lower():  # accents aside: SQLite's index only
        assert found(ClaimQuery(search="Ödessa")) == found(ClaimQuery(search="odessa")) != []


def test_a_search_of_signs_alone_is_found_as_written(archive):
    traffic = [c.id for c in reading_order() if c.text.startswith("Traffic")]
    assert found(ClaimQuery(search="%")) == traffic  # in the text and the note: one claim
    assert found(ClaimQuery(search="_")) == traffic  # "lower_than": not a wildcard
    assert found(ClaimQuery(search="%%")) == []


def test_the_search_index_follows_edits_and_deletions(archive):
    from sourcemark.store.edits import update_claim

    claim = next(c for c in reading_order() if c.text.startswith("Traffic"))
    assert found(ClaimQuery(search="gridlock")) == []
    update_claim(claim.id, {"note": "gridlock all day", "source_mention": "Traffic police"})
    assert found(ClaimQuery(search="gridlock")) == [claim.id]
    assert found(ClaimQuery(search="police")) == [claim.id]
    assert found(ClaimQuery(search="figure")) == []  # the old note is gone from it
    Claim.delete_by_id(claim.id)
    assert found(ClaimQuery(search="gridlock")) == []


def test_the_flag_filter_reads_the_stored_grades_whole_flags_only(archive):
    grades = claim_grades()
    for flag in ("contested", "anonymous", "single source", "interested party"):
        expected = [c.id for c in reading_order() if flag in grades[c.id].flags]
        assert found(ClaimQuery(flag=(flag,))) == expected, flag
    assert found(ClaimQuery(flag=("single",))) == []  # a part of a flag finds nothing


def test_stored_rows_carry_the_grades_the_model_gives(archive):
    grades = claim_grades()
    rows = browse.claim_rows([c.id for c in reading_order()])
    for claim_id, row in rows.items():
        code, flags, also = row[21:24]
        assert code == grades[claim_id].code
        assert flags == "; ".join(grades[claim_id].flags)
        assert also == "; ".join(grades[claim_id].also_reported_by)
    assert any(row[23] for row in rows.values())  # the rifles shipment, told by two stories


def test_columns_sort_with_ties_in_reading_order_either_way(archive):
    claims = reading_order()
    by_type = sorted(claims, key=lambda c: c.type)  # stable: ties stay in reading order
    assert found(ClaimQuery(order="type")) == [c.id for c in by_type]
    assert found(ClaimQuery(order=None, descending=True)) == [c.id for c in reversed(claims)]
    by_source = [c.id for c in claims if c.source_mention]
    by_source.sort(key=lambda i: Claim.get_by_id(i).source_mention, reverse=True)
    ids = found(ClaimQuery(order="source", descending=True))
    assert [i for i in ids if Claim.get_by_id(i).source_mention] == by_source


def test_claims_sort_by_their_story_and_outlet_and_carry_the_story_title(archive):
    claims = reading_order()
    by_story = sorted(claims, key=lambda c: c.article.story.title, reverse=True)  # ties: in order
    assert found(ClaimQuery(order="story", descending=True)) == [c.id for c in by_story]
    by_outlet = sorted(claims, key=lambda c: c.article.outlet.name, reverse=True)
    assert found(ClaimQuery(order="outlet", descending=True)) == [c.id for c in by_outlet]
    assert found(ClaimQuery(order="outlet")) == [c.id for c in claims]
    rows = browse.claim_rows([c.id for c in claims])
    assert {row[0]: row[16] for row in rows.values()} == {
        c.id: c.article.story.title for c in claims
    }


def test_where_a_claim_stands_among_those_found(archive):
    claims = reading_order()
    query = ClaimQuery(search="said")
    ids = found(query)
    for place, claim_id in enumerate(ids):
        assert browse.position(query, claim_id) == place
    missing = next(c.id for c in claims if c.id not in ids)
    assert browse.position(query, missing) is None and not browse.finds(query, missing)
    assert browse.stories_of_claims(ids) == sorted({c.article.story_id for c in claims
                                                    if c.id in ids})  # fmt: skip


def test_the_story_rows_count_the_claims_reviewed(archive):
    from sourcemark.store.rows import story_rows

    rows = {row.title: row for row in story_rows()}
    assert {title: (row.reviewed, row.claims) for title, row in rows.items()} == {
        "Story 0": (1, 3), "Story 1": (0, 3), "Story 2": (1, 2)}  # fmt: skip


def test_add_article_stores_each_claim_s_confidence_and_a_person_s_claim_has_none(db):
    text = "The mayor said the pier reopens. It did, he said. Nobody doubts it."
    found = [FoundClaim("The mayor said the pier reopens.", 0, 32, T.NAMED_OFFICIAL, S.ASSERTS,
                        "The mayor", "The mayor", "said", confidence=0.98),
             FoundClaim("It did, he said.", 33, 49, T.NAMED_OFFICIAL, S.ASSERTS, "he",
                        "The mayor", "said", confidence=0.61)]  # fmt: skip
    article = add_article(Document(text=text, title="Pier", outlet="Herald"), found)
    stored = {c.text: c.confidence for c in Claim.select().where(Claim.article == article.id)}
    assert stored == {"The mayor said the pier reopens.": pytest.approx(0.98),
                      "It did, he said.": pytest.approx(0.61)}  # fmt: skip
    from sourcemark.store.edits import add_user_claim

    mine = add_user_claim(article.id, 50, len(text), {})
    assert Claim.get_by_id(mine).confidence is None
    assert browse.claim_rows([mine])[mine][-1] is None  # ROW_SQL's last column


def test_all_stories_sort_by_certainty_least_certain_first_a_person_s_claims_last(archive):
    claims = reading_order()
    for number, claim in enumerate(claims):  # a spread of confidences, one claim without
        confidence = None if number == 2 else round(0.9 - 0.13 * ((number * 5) % 7), 2)
        Claim.update(confidence=confidence).where(Claim.id == claim.id).execute()
    claims = reading_order()
    analyzer = sorted((c for c in claims if c.confidence is not None), key=lambda c: c.confidence)
    person = [c for c in claims if c.confidence is None]
    assert found(ClaimQuery(order="confidence")) == [c.id for c in analyzer + person]
    backwards = sorted(analyzer, key=lambda c: c.confidence, reverse=True)
    assert found(ClaimQuery(order="confidence", descending=True)) == [
        c.id for c in person + backwards
    ]
    rows = browse.claim_rows([c.id for c in claims])
    assert {row[0]: row[24] for row in rows.values()} == {c.id: c.confidence for c in claims}
