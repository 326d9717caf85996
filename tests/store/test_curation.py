"""Stories and articles curated: renamed, moved, merged, corrected, put in the Trash and
restored, each checked against the version the person saw; what is in the Trash counts
nowhere (scores, exports, searches, corroboration, track records)."""

import io
from datetime import date

import pytest

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.analysis.types import SourcingType
from sourcemark.ingest import Document
from sourcemark.report.export import write_claims, write_stories
from sourcemark.store.articles import add_article
from sourcemark.store.browse import ClaimQuery, claim_total, matching_ids
from sourcemark.store.corroboration import rebuild_index
from sourcemark.store.curation import (
    CurationConflict,
    CurationError,
    article_details,
    edit_article,
    empty_trash,
    merge_stories,
    move_articles,
    rename_story,
    restore,
    stories_listing,
    trash_articles,
    trash_rows,
    trash_stories,
    undo_move,
    undo_restore,
)
from sourcemark.store.models import Article, Claim, ClaimWord, Corroboration, Story
from sourcemark.store.registry import outlet_rows, source_rows
from sourcemark.store.rollups import claim_grades, refresh_scores
from sourcemark.store.rows import story_rows

SAID = "the harbour bridge will close for six weeks from April after inspectors found corrosion"
OTHER = "ferry fares will rise by a tenth in May because of the price of fuel"


def store(text: str, outlet: str, source: str = "the transport department", story=None):
    sentence = f"{source.capitalize()} said {text}."
    start = sentence.index(text)
    claim = FoundClaim(text, start, start + len(text), SourcingType.NAMED_OFFICIAL,
                       source=source, source_resolved=source)  # fmt: skip
    article = add_article(Document(sentence, title=text[:40], outlet=outlet), [claim], story=story)
    return Claim.get(Claim.article == article.id), article


def titles() -> list[str]:
    return [row.title for row in story_rows()]


def test_a_story_is_renamed_and_a_stale_version_is_refused(db):
    _claim, article = store(SAID, "The Daily Ledger")
    story = Story.get_by_id(article.story_id)
    assert story.title == SAID[:40]  # the first article's title until someone renames it
    old, version = rename_story(story.id, "  Harbour   bridge closure ", story.version)
    assert old == SAID[:40] and titles() == ["Harbour bridge closure"]
    with pytest.raises(CurationConflict) as refused:
        rename_story(story.id, "Mine", story.version)  # the version this person read
    assert "it is now “Harbour bridge closure”, with 1 article" in str(refused.value)
    assert titles() == ["Harbour bridge closure"]
    with pytest.raises(CurationError):
        rename_story(story.id, "   ", version)
    rename_story(story.id, old, version)
    assert titles() == [SAID[:40]]


def test_moving_the_only_article_removes_its_story_and_undo_makes_it_again(db):
    _first, a = store(SAID, "The Lakeshore Examiner")
    second, b = store(OTHER, "The Harbour Post")
    rename_story(b.story_id, "Ferries")
    moved = move_articles([b.id], a.story_id, {b.id: 1})
    assert Article.get_by_id(b.id).story_id == a.story_id
    assert Story.get_or_none(Story.id == b.story_id) is None  # left with no article
    assert [r.articles for r in story_rows()] == [2]
    undo_move(moved)
    assert Article.get_by_id(b.id).story_id == b.story_id
    assert Story.get_by_id(b.story_id).title == "Ferries"  # made again, title and id kept
    assert sorted(titles()) == sorted(["Ferries", SAID[:40]])
    # the claims keep their reviews and notes wherever they go
    Claim.update(reviewed=True, note="checked").where(Claim.id == second.id).execute()
    again = move_articles([b.id], None, title="Ferry fares")
    assert Story.get_by_id(again.target).title == "Ferry fares"
    assert Claim.get_by_id(second.id).note == "checked"


def test_a_move_refused_when_someone_else_moved_the_article_first(db):
    _c, a = store(SAID, "The Lakeshore Examiner")
    _d, b = store(OTHER, "The Harbour Post")
    _e, c = store(SAID + " at night", "Metro", story=Story.get_by_id(a.story_id))
    move_articles([c.id], b.story_id)  # someone else, first
    with pytest.raises(CurationConflict) as refused:
        move_articles([c.id], None, {c.id: 1})
    assert "in the story “" + OTHER[:40] + "”" in str(refused.value)
    assert Article.get_by_id(c.id).story_id == b.story_id


def test_merging_keeps_every_article_claim_review_note_and_link(db):
    first, a = store(SAID, "The Lakeshore Examiner")
    second, b = store(SAID.replace("six weeks", "six full weeks"), "The Harbour Post", "the mayor")
    _third, c = store(OTHER, "The Post")
    Corroboration.update(status="confirmed").execute()
    Claim.update(note="called the mayor").where(Claim.id == second.id).execute()
    moved = merge_stories(a.story_id, [b.story_id, c.story_id])
    assert [r.articles for r in story_rows()] == [3]
    assert {x.story_id for x in Article.select()} == {a.story_id}
    assert Claim.get_by_id(second.id).note == "called the mayor"
    assert Corroboration.get().status == "confirmed"
    grade = claim_grades()[first.id]
    assert grade.also_reported_by == []  # one story now: the other outlet is within it
    undo_move(moved)
    assert len(story_rows()) == 3 and Corroboration.get().status == "confirmed"
    assert claim_grades()[first.id].also_reported_by == ["The Harbour Post"]
    with pytest.raises(CurationError):
        merge_stories(a.story_id, [a.story_id])


def test_the_trash_counts_nowhere_until_restored(db):
    first, _a = store(SAID, "The Lakeshore Examiner")
    second, b = store(SAID.replace("six weeks", "six full weeks"), "The Harbour Post", "the mayor")
    assert claim_grades()[first.id].also_reported_by == ["The Harbour Post"]
    trashed = trash_stories([b.story_id], {b.story_id: 1})
    refresh_scores()
    assert titles() == [SAID[:40]]
    assert claim_grades()[first.id].also_reported_by == []  # corroborates nothing
    assert Corroboration.select().count() == 0
    assert ClaimWord.select().where(ClaimWord.claim == second.id).count() == 0
    assert claim_total() == 1 and matching_ids(ClaimQuery(search="harbour")) == [first.id]
    stories, claims = io.StringIO(), io.StringIO()
    assert write_stories(stories) == 1 and write_claims(claims) == 1
    assert write_claims(io.StringIO(), story_ids=[b.story_id]) == 0
    assert "The Harbour Post" not in claims.getvalue()
    assert [o.name for o in outlet_rows() if o.articles] == ["The Lakeshore Examiner"]
    assert {s.name: s.claims for s in source_rows()}["the mayor"] == 0
    assert [row.title for row in trash_rows()] == [SAID.replace("six weeks", "six full weeks")[:40]]
    assert [s["id"] for s in stories_listing(trash=True)] == [b.story_id]
    rebuild_index()  # a rebuild leaves the Trash out too
    assert Corroboration.select().count() == 0
    restored = restore(trashed.stories)
    assert restored.stories == [b.story_id] and trash_rows() == []
    assert claim_grades()[first.id].also_reported_by == ["The Harbour Post"]
    undo_restore(restored)
    assert len(story_rows()) == 1


def test_an_article_deleted_alone_waits_in_the_trash_and_goes_back_to_its_story(db):
    _first, a = store(SAID, "The Lakeshore Examiner")
    story = Story.get_by_id(a.story_id)
    _second, b = store(OTHER, "The Harbour Post", story=story)
    trashed = trash_articles([b.id], {b.id: 1})
    assert [r.articles for r in story_rows()] == [1]
    row = trash_rows()[0]
    assert row.left == story.title and row.articles == [(b.id, OTHER[:40])]
    assert restore(trashed.stories).articles == {b.id: story.id}
    assert [r.articles for r in story_rows()] == [2] and trash_rows() == []
    # a story losing every article goes to the Trash whole; Empty Trash is for good
    trashed = trash_articles([a.id, b.id])
    assert trashed.stories == [story.id] and story_rows() == []
    assert empty_trash() == 2
    assert Article.select().count() == 0 and Claim.select().count() == 0
    assert Story.select().count() == 0


def test_restoring_when_the_story_left_is_gone_makes_the_articles_a_story(db):
    _c, a = store(SAID, "The Lakeshore Examiner")
    story = Story.get_by_id(a.story_id)
    _d, b = store(OTHER, "The Harbour Post", story=story)
    held = trash_articles([b.id])
    trash_stories([story.id])
    empty_trash([story.id])
    restore(held.stories)
    assert titles() == [story.title] and story_rows()[0].articles == 1


def test_article_details_are_corrected_and_a_new_outlet_regrades_its_claims(db):
    first, _a = store(SAID, "The Lakeshore Examiner")
    _second, b = store(
        SAID.replace("six weeks", "six full weeks"), "The Lakeshore Examiner", "the mayor"
    )
    assert claim_grades()[first.id].also_reported_by == []  # the same outlet: no support
    old, version = edit_article(
        b.id,
        {"outlet": "The Harbour Post", "byline": "Jane Roe", "published": date(2024, 3, 5),
         "title": "Bridge to close", "url": "https://example.org/b"},
        version=1,
    )  # fmt: skip
    assert old["outlet"] == "The Lakeshore Examiner" and old["published"] is None
    details = article_details(b.id)
    assert details["outlet"] == "The Harbour Post" and details["byline"] == "Jane Roe"
    assert details["published"] == date(2024, 3, 5) and details["version"] == version
    assert claim_grades()[first.id].also_reported_by == ["The Harbour Post"]
    with pytest.raises(CurationConflict):
        edit_article(b.id, {"title": "Mine"}, version=1)
    with pytest.raises(CurationError):
        edit_article(b.id, {"title": " "}, version=version)
    edit_article(b.id, old, version=version)  # undo
    assert claim_grades()[first.id].also_reported_by == []


def test_stories_listing_gives_each_story_with_its_articles(db):
    _c, a = store(SAID, "The Lakeshore Examiner")
    edit_article(a.id, {"byline": "Jane Roe", "published": date(2024, 3, 5)})
    refresh_scores()
    [story] = stories_listing()
    assert story["id"] == a.story_id and story["claims"] == 1
    assert isinstance(story["score"], int) and story["code"]
    assert story["articles"] == [
        {"id": a.id, "title": SAID[:40], "outlet": "The Lakeshore Examiner",
         "byline": "Jane Roe", "published": "2024-03-05", "url": None}
    ]  # fmt: skip
