"""The sources registry keeps unnamed descriptions apart by outlet and story: "critics" in
three unrelated stories are three sources, until a person merges them; a name is one source
everywhere. Moves, merges, corrections, edits and re-analysis keep each claim with the
source of its place."""

import pytest

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.analysis.types import SourcingType
from sourcemark.ingest import Document
from sourcemark.store.articles import add_article, reanalyze_article
from sourcemark.store.curation import (
    edit_article,
    merge_stories,
    move_articles,
    restore,
    trash_articles,
    trash_stories,
    undo_move,
)
from sourcemark.store.edits import restore_claim_fields, update_claim
from sourcemark.store.models import Claim, Source, Story
from sourcemark.store.registry import merge_sources, set_reliability, source_rows, unmerge_sources

LEDGER, HERALD = "The Ledger", "The Herald"
SAYINGS = iter(
    f"the {thing} will {verb} by {n} percent"
    for n in range(1, 40)
    for thing, verb in [("budget", "grow"), ("levy", "fall"), ("deficit", "shrink")]
)


def report(outlet: str, story=None, source: str = "critics", kind=SourcingType.ANONYMOUS_SOURCE):
    """An article of ``outlet`` (in ``story``, or a new one) with one claim resting on
    ``source``; the claim."""
    said = next(SAYINGS)
    sentence = f"{source.capitalize()} said {said}."
    start = sentence.index(said)
    claim = FoundClaim(said, start, start + len(said), kind, source=source, source_resolved=source)
    article = add_article(Document(sentence, title=said, outlet=outlet), [claim], story=story)
    return Claim.get(Claim.article == article.id)


def story_of(claim: Claim) -> Story:
    return Story.get_by_id(claim.article.story_id)


def labels() -> dict[int, str]:
    return {row.id: row.label for row in source_rows()}


def test_critics_in_three_stories_of_two_outlets_are_three_sources(db):
    budget = report(LEDGER)
    story = story_of(budget)
    story.title = "Budget vote"
    story.save()
    again = report(LEDGER, story)  # the same outlet, the same story: the same critics
    herald = report(HERALD, story)  # another outlet's critics
    stadium = report(LEDGER)  # another story's critics
    assert again.source_id == budget.source_id
    assert len({budget.source_id, herald.source_id, stadium.source_id}) == 3
    shown = labels()
    assert shown[budget.source_id] == "critics (The Ledger · Budget vote)"
    assert shown[herald.source_id] == "critics (The Herald · Budget vote)"
    assert shown[stadium.source_id] == f"critics (The Ledger · {story_of(stadium).title})"
    rows = {row.id: row for row in source_rows()}
    assert (rows[budget.source_id].claims, rows[budget.source_id].stories) == (2, 1)


def test_a_named_source_is_one_source_across_stories_and_outlets(db):
    claims = [
        report(outlet, source="Jane Roe", kind=SourcingType.NAMED_OFFICIAL)
        for outlet in (LEDGER, HERALD, LEDGER)
    ]
    assert len({c.source_id for c in claims}) == 1
    row = next(row for row in source_rows() if row.id == claims[0].source_id)
    assert (row.label, row.claims, row.stories, row.outlets) == ("Jane Roe", 3, 3, 2)


def test_a_persons_merge_is_kept_for_later_imports_and_undone(db):
    ledger = report(LEDGER)
    story = story_of(ledger)
    herald = report(HERALD, story)
    snapshot = merge_sources(ledger.source_id, [herald.source_id])
    assert labels()[ledger.source_id] == (
        f"critics (The Herald · {story.title}; The Ledger · {story.title})"
    )
    later = report(HERALD, story)  # the Herald's critics of this story: the merged source
    assert later.source_id == ledger.source_id
    elsewhere = report(HERALD)  # a new story: its critics are not known to be the same
    assert elsewhere.source_id != ledger.source_id
    unmerge_sources(snapshot)  # (SQLite gave the Herald's old id to the new story's critics)
    parted = Claim.get_by_id(herald.id).source_id
    assert parted not in {ledger.source_id, elsewhere.source_id}
    assert labels()[parted] == f"critics (The Herald · {story.title})"
    assert Claim.get_by_id(later.id).source_id == parted  # back with its name
    assert Claim.get_by_id(ledger.id).source_id == ledger.source_id
    assert Claim.get_by_id(elsewhere.id).source_id == elsewhere.source_id
    assert report(HERALD, story).source_id == parted


def test_an_article_moved_alone_takes_its_critics_and_their_grade_along(db):
    claim = report(LEDGER)
    stays = report(HERALD, story_of(claim))
    set_reliability(claim.source_id, "D")
    other = story_of(report(HERALD))
    moved = move_articles([claim.article_id], other.id)
    assert Claim.get_by_id(claim.id).source_id == claim.source_id
    assert labels()[claim.source_id] == f"critics (The Ledger · {other.title})"
    assert Source.get_by_id(claim.source_id).reliability == "D"
    undo_move(moved)
    assert Claim.get_by_id(claim.id).source_id == claim.source_id
    assert labels()[claim.source_id] == f"critics (The Ledger · {story_of(stays).title})"
    assert Claim.get_by_id(stays.id).source_id == stays.source_id


def test_critics_of_an_article_moved_to_a_story_with_the_outlets_critics_join_them(db):
    claim = report(LEDGER)
    left = report(LEDGER, story_of(claim))  # its story keeps critics of the Ledger
    there = report(LEDGER)
    moved = move_articles([claim.article_id], story_of(there).id)
    assert Claim.get_by_id(claim.id).source_id == there.source_id
    assert Claim.get_by_id(left.id).source_id == left.source_id == claim.source_id
    undo_move(moved)
    assert Claim.get_by_id(claim.id).source_id == left.source_id


def test_moved_to_a_new_story_critics_left_behind_stay_apart(db):
    claim = report(LEDGER)
    left = report(LEDGER, story_of(claim))
    set_reliability(claim.source_id, "B")
    move_articles([claim.article_id], None, title="A story of its own")
    moved = Claim.get_by_id(claim.id)
    assert moved.source_id != left.source_id
    assert moved.source.reliability is None  # a person graded the critics of the other story
    assert labels()[moved.source_id] == "critics (The Ledger · A story of its own)"


def test_merged_stories_make_one_source_of_each_outlets_critics_and_undo_parts_them(db):
    first, second = report(LEDGER), report(LEDGER)
    herald = report(HERALD, story_of(second))
    set_reliability(second.source_id, "E")
    moved = merge_stories(story_of(first).id, [story_of(second).id])
    assert Claim.get_by_id(second.id).source_id == first.source_id
    assert Claim.get_by_id(herald.id).source_id == herald.source_id  # came along: alone there
    assert second.source_id not in labels()  # no claim rests on it: not listed
    undo_move(moved)
    assert Claim.get_by_id(second.id).source_id == second.source_id
    assert Source.get_by_id(second.source_id).reliability == "E"
    assert {second.source_id, first.source_id} <= set(labels())


def test_an_article_waiting_in_the_trash_keeps_its_critics_until_restored_apart(db):
    claim = report(LEDGER)
    stays = report(LEDGER, story_of(claim))
    (holder,) = trash_articles([claim.article_id]).stories
    assert Claim.get_by_id(claim.id).source_id == claim.source_id == stays.source_id
    trash_stories([stays.article.story_id])  # the story it left is gone too
    restore([holder])  # so it comes back as a story of its own, with critics of its own
    restored = Claim.get_by_id(claim.id)
    assert restored.source_id != stays.source_id
    assert labels()[restored.source_id] == f"critics (The Ledger · {Story.get_by_id(holder).title})"
    assert Claim.get_by_id(stays.id).source_id == stays.source_id


def test_an_outlet_corrected_moves_the_critics_to_that_outlets_and_back(db):
    claim = report(LEDGER)
    herald = report(HERALD, story_of(claim))
    report(LEDGER, story_of(claim))  # the Ledger's critics stay
    old, version = edit_article(claim.article_id, {"outlet": HERALD})
    assert Claim.get_by_id(claim.id).source_id == herald.source_id
    edit_article(claim.article_id, old, version)
    assert Claim.get_by_id(claim.id).source_id == claim.source_id


def test_a_named_source_stays_when_its_article_moves_or_changes_outlet(db):
    claim = report(LEDGER, source="Jane Roe", kind=SourcingType.NAMED_PERSON)
    move_articles([claim.article_id], story_of(report(HERALD)).id)
    edit_article(claim.article_id, {"outlet": HERALD})
    assert Claim.get_by_id(claim.id).source_id == claim.source_id
    assert labels()[claim.source_id] == "Jane Roe"


def test_a_type_made_named_links_the_claim_to_the_name_everywhere_and_undo_back(db):
    named = report(HERALD, source="critics", kind=SourcingType.NAMED_PERSON)  # "Critics", a band
    claim = report(LEDGER)
    old = update_claim(claim.id, {"type": "named_person"})
    assert Claim.get_by_id(claim.id).source_id == named.source_id
    restore_claim_fields(claim.id, old)
    assert Claim.get_by_id(claim.id).source_id == claim.source_id
    update_claim(claim.id, {"type": "anonymous_official"})  # unnamed still: the same place
    assert Claim.get_by_id(claim.id).source_id == claim.source_id


def test_a_description_a_person_writes_is_a_source_of_the_claims_place(db):
    claim = report(LEDGER)
    opponents = report(HERALD, story_of(claim), source="opponents")
    update_claim(claim.id, {"source_mention": "opponents"})
    edited = Claim.get_by_id(claim.id)
    assert edited.source_id != opponents.source_id  # the Herald's opponents are others
    assert labels()[edited.source_id] == f"opponents (The Ledger · {story_of(claim).title})"


def test_analysed_again_the_claims_keep_the_source_of_their_place(db):
    claim = report(LEDGER)
    set_reliability(claim.source_id, "C")
    found = FoundClaim(claim.text, claim.start, claim.end, SourcingType.ANONYMOUS_SOURCE,
                       source="critics", source_resolved="critics")  # fmt: skip
    reanalyze_article(claim.article_id, [found], "test")
    assert Claim.get(Claim.article == claim.article_id).source_id == claim.source_id


def test_a_new_story_never_inherits_the_critics_of_a_deleted_one(db):
    first = report(LEDGER)
    gone = report(LEDGER)  # the newest story: SQLite gives its id to the next one
    set_reliability(gone.source_id, "F")
    merge_stories(story_of(first).id, [story_of(gone).id])
    new = report(LEDGER)  # (SQLite may give it the gone critics' id: they are deleted)
    assert new.source_id != first.source_id
    assert Source.get_by_id(new.source_id).reliability is None
    assert labels()[new.source_id] == f"critics (The Ledger · {story_of(new).title})"


@pytest.mark.parametrize("kind", [SourcingType.ANONYMOUS_OFFICIAL, SourcingType.ANONYMOUS_SOURCE])
def test_both_unnamed_types_are_kept_apart(db, kind):
    claims = [report(LEDGER, source="officials", kind=kind) for _ in range(2)]
    assert claims[0].source_id != claims[1].source_id


def as_schema_12(database) -> None:
    """The registry as schema 12 kept it: one source for each name or description across
    the archive (the first one made), its alias known everywhere."""
    p = database.param
    first: dict[str, int] = {}
    for alias_id, source_id, key in list(
        database.execute_sql("SELECT id, source_id, key FROM source_alias ORDER BY id")
    ):
        if key not in first:
            first[key] = source_id
            continue
        database.execute_sql(f"UPDATE claim SET source_id = {p} WHERE source_id = {p}",
                             (first[key], source_id))  # fmt: skip
        database.execute_sql(f"DELETE FROM source_alias WHERE id = {p}", (alias_id,))
        database.execute_sql(f"DELETE FROM source WHERE id = {p}", (source_id,))
    database.execute_sql("DROP INDEX source_alias_story_id_outlet_id_key")
    database.execute_sql("ALTER TABLE source_alias DROP COLUMN story_id")
    database.execute_sql("ALTER TABLE source_alias DROP COLUMN outlet_id")
    database.execute_sql("CREATE UNIQUE INDEX source_alias_key ON source_alias (key)")
    database.execute_sql("UPDATE sourcemark_meta SET value = '12' WHERE key = 'schema_version'")


def test_an_old_registry_is_split_by_outlet_and_story_keeping_a_persons_grades(db_url):
    from sourcemark.store import close_database, open_database
    from sourcemark.store.db import schema_version
    from sourcemark.store.migrations import SCHEMA_VERSION

    database = open_database(db_url)
    budget = report(LEDGER)
    story = story_of(budget)
    claims = {
        "budget": budget,
        "again": report(LEDGER, story),
        "herald": report(HERALD, story),
        "stadium": report(LEDGER),
        "band": report(HERALD, source="critics", kind=SourcingType.NAMED_PERSON),
        "roe": report(LEDGER, story, source="Jane Roe", kind=SourcingType.NAMED_PERSON),
        "roe elsewhere": report(HERALD, source="Jane Roe", kind=SourcingType.NAMED_PERSON),
    }
    with database.atomic():
        as_schema_12(database)
        assert [row[0] for row in database.execute_sql("SELECT name FROM source ORDER BY name")
                ] == ["Jane Roe", "critics"]  # fmt: skip
        database.execute_sql("UPDATE source SET reliability = 'D' WHERE name = 'critics'")
    close_database()

    database = open_database(db_url)
    assert schema_version() == SCHEMA_VERSION == 13
    indexes = {tuple(i.columns): i.unique for i in database.get_indexes("source_alias")}
    indexes.pop(("id",), None)  # PostgreSQL lists the primary key's
    assert indexes == {("source_id",): False, ("story_id", "outlet_id", "key"): True}
    now = {name: Claim.get_by_id(claim.id).source for name, claim in claims.items()}
    assert now["budget"] == now["again"]
    unnamed = [now[name] for name in ("budget", "herald", "stadium")]
    assert len({source.id for source in unnamed}) == 3
    assert {source.reliability for source in unnamed} == {"D"}  # the grade on every part
    shown = labels()
    assert shown[now["budget"].id] == f"critics (The Ledger · {story.title})"
    assert shown[now["herald"].id] == f"critics (The Herald · {story.title})"
    assert shown[now["stadium"].id] == f"critics (The Ledger · {story_of(claims['stadium']).title})"
    assert shown[now["band"].id] == "critics"  # a claim of a named type keeps the name
    assert now["band"].id not in {source.id for source in unnamed}
    assert now["roe"] == now["roe elsewhere"] and shown[now["roe"].id] == "Jane Roe"
    # imports after it link by the new layout
    assert report(HERALD, story).source_id == now["herald"].id
    assert report(LEDGER, story, source="Jane Roe",
                  kind=SourcingType.NAMED_OFFICIAL).source_id == now["roe"].id  # fmt: skip
