"""Storing articles with their claims, all or nothing, and the reads the window uses."""

import pytest

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.analysis.types import SourcingType, Stance
from sourcemark.ingest import Document
from sourcemark.store.models import Article, Claim, Source, SourceAlias, Story
from sourcemark.store.repo import DuplicateArticle, add_article, claims_of_story, story_rows

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
