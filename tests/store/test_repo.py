"""Storing articles with their claims, all or nothing, and the reads the window uses."""

import pytest

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.analysis.types import SourcingType, Stance
from sourcemark.ingest import Document
from sourcemark.store.articles import DuplicateArticle, add_article
from sourcemark.store.models import Article, Claim, Source, SourceAlias, Story
from sourcemark.store.rows import claims_of_story, story_rows

TEXT = "Officials said the bridge was closed. The mayor denied it."


def found_claims():
    return [
        FoundClaim(
            "the bridge was closed",
            15,
            36,
            SourcingType.ANONYMOUS_OFFICIAL,
            Stance.ASSERTS,
            "Officials",
            "Officials",
            "said",
        ),
        FoundClaim(
            "The mayor denied it.",
            38,
            58,
            SourcingType.NAMED_OFFICIAL,
            Stance.DENIES,
            "The mayor",
            "The mayor",
            "denied",
        ),
    ]


def test_an_article_is_stored_with_its_claims_outlet_and_sources(db):
    article = add_article(
        Document(text=TEXT, title="Bridge", outlet="Daily Example"), found_claims()
    )
    assert article.outlet.name == "Daily Example"
    stored = claims_of_story(article.story_id)
    assert [(c.start, c.end, c.type, c.stance) for c in stored] == [
        (15, 36, "anonymous_official", "asserts"),
        (38, 58, "named_official", "denies"),
    ]
    assert stored[0].source.name == "Officials"
    assert SourceAlias.get(SourceAlias.key == "officials").source == stored[0].source


def test_the_same_text_twice_is_refused_as_a_duplicate(db):
    add_article(Document(text=TEXT, title="Bridge"), [])
    with pytest.raises(DuplicateArticle):
        add_article(
            Document(
                text="  Officials said the bridge was closed.\n The mayor denied it. ", title="Copy"
            ),
            [],
        )
    assert Article.select().count() == 1


def test_an_article_whose_claims_fail_is_not_stored_at_all(db):
    def broken_claims():
        yield found_claims()[0]
        raise RuntimeError("analysis crashed half way")

    with pytest.raises(RuntimeError):
        add_article(Document(text=TEXT, title="Bridge"), broken_claims())
    assert Article.select().count() == 0
    assert Story.select().count() == 0
    assert Claim.select().count() == 0 and Source.select().count() == 0


def test_story_rows_count_articles_and_claims(db):
    first = add_article(Document(text=TEXT, title="Bridge"), found_claims())
    add_article(Document(text="Another text entirely.", title="Follow-up"), [], story=first.story)
    add_article(Document(text="A third.", title="Other"), [])
    rows = {r.title: r for r in story_rows()}
    assert (rows["Bridge"].articles, rows["Bridge"].claims) == (2, 2)
    assert (rows["Other"].articles, rows["Other"].claims) == (1, 0)


def another_person(db_url: str, sql: str) -> None:
    """A second connection to the same database, as another editor's machine has."""
    if db_url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as connection:
            connection.execute(sql)
        connection.close()
    else:
        import psycopg2

        with psycopg2.connect(db_url) as connection, connection.cursor() as cursor:
            cursor.execute(sql)
        connection.close()


def test_an_edit_of_a_claim_someone_else_changed_is_refused_and_theirs_kept(db, db_url):
    from sourcemark.store.edits import EditConflict, restore_claim_fields, update_claim

    article = add_article(Document(text=TEXT, title="Bridge"), found_claims())
    claim = Claim.get(Claim.article == article.id)
    seen = claim.version
    another_person(db_url, f"UPDATE claim SET type = 'document', version = version + 1 "
                           f"WHERE id = {claim.id}")  # fmt: skip
    with pytest.raises(EditConflict) as refused:
        update_claim(claim.id, {"type": "spokesperson", "note": "mine"}, version=seen)
    theirs = refused.value.theirs
    assert theirs["type"] == "document" and theirs["note"] == "" and theirs["stance"] == "asserts"
    assert refused.value.text == "the bridge was closed"
    stored = Claim.get_by_id(claim.id)
    assert (stored.type, stored.note, stored.version) == ("document", "", seen + 1)
    # with the version now stored, the edit goes through, and so does its undo
    old = update_claim(claim.id, {"type": "spokesperson"}, version=seen + 1)
    assert Claim.get_by_id(claim.id).version == seen + 2
    another_person(db_url, f"UPDATE claim SET note = 'theirs', version = version + 1 "
                           f"WHERE id = {claim.id}")  # fmt: skip
    with pytest.raises(EditConflict):
        restore_claim_fields(claim.id, old, version=seen + 2)  # an undo would overwrite theirs
    assert Claim.get_by_id(claim.id).type == "spokesperson"


def test_an_edit_of_a_claim_someone_else_deleted_is_refused(db, db_url):
    from sourcemark.store.edits import EditConflict, update_claim

    article = add_article(Document(text=TEXT, title="Bridge"), found_claims())
    claim = Claim.get(Claim.article == article.id)
    another_person(db_url, f"DELETE FROM claim WHERE id = {claim.id}")
    with pytest.raises(EditConflict) as refused:
        update_claim(claim.id, {"reviewed": True}, version=claim.version)
    assert refused.value.theirs is None


def test_delete_split_and_merge_leave_claims_someone_else_changed_alone(db, db_url):
    from sourcemark.store.edits import (
        EditConflict,
        claims_of_article,
        delete_claims,
        merge_claims,
        replace_claims_of_article,
        split_claim,
    )

    article = add_article(Document(text=TEXT, title="Bridge"), found_claims())
    first, second = Claim.select().where(Claim.article == article.id).order_by(Claim.start)
    seen = {first.id: first.version, second.id: second.version}
    rows = claims_of_article(article.id)
    another_person(db_url, f"UPDATE claim SET note = 'checked', version = version + 1 "
                           f"WHERE id = {first.id}")  # fmt: skip
    with pytest.raises(EditConflict) as refused:
        delete_claims([first.id, second.id], seen)
    assert refused.value.claim_id == first.id and refused.value.theirs["note"] == "checked"
    with pytest.raises(EditConflict):
        split_claim(first.id, first.start + 5, seen[first.id])
    with pytest.raises(EditConflict):
        merge_claims([first.id, second.id], seen)
    with pytest.raises(EditConflict):
        replace_claims_of_article(article.id, [], rows)  # an undo over their change
    stored = Claim.select().where(Claim.article == article.id).order_by(Claim.start)
    assert [(c.id, c.note, c.end) for c in stored] == [
        (first.id, "checked", first.end),
        (second.id, "", second.end),
    ]
    # with the versions stored now, each goes through
    seen[first.id] += 1
    assert merge_claims([first.id, second.id], seen) == first.id
