"""The benchmark archive generator makes what it says, and grading a chunk of stories at a
time gives the same codes and scores whatever the chunk size."""

import csv
import io
from contextlib import contextmanager

from sourcemark.report import export
from sourcemark.store import close_database, open_database, rollups
from sourcemark.store.models import Article, Claim, Corroboration, Outlet, Story
from tests.benchmarks.make_archive import build


@contextmanager
def opened_archive(tmp_path, **sizes):
    """A generated archive of these sizes, opened; yields what build() made."""
    path = tmp_path / "archive.sqlite"
    counts = build(path, **sizes)
    open_database(f"sqlite:///{path}")
    try:
        yield counts
    finally:
        close_database()


def test_the_archive_has_its_stories_articles_claims_and_corroborations(tmp_path):
    with opened_archive(
        tmp_path, stories=60, articles=72, outlets=12, claims=1500, seed=3
    ) as counts:
        assert Story.select().count() == 60 and Article.select().count() == 72
        assert Outlet.select().count() == 12
        assert abs(Claim.select().count() - 1500) < 150
        assert counts["pairs"] == Corroboration.select().count() > 0
        types = {c.type for c in Claim.select(Claim.type).distinct()}
        assert {"named_official", "anonymous_official", "media_report", "unattributed"} <= types


def claims_csv() -> list[dict]:
    out = io.StringIO()
    export.write_claims(out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_chunks_of_stories_grade_as_the_whole_archive_does(tmp_path, monkeypatch):
    with opened_archive(tmp_path, stories=40, articles=48, outlets=6, claims=1000, seed=5):
        whole = claims_csv()
        scores = rollups.story_scores({s.id: s.title for s in Story.select()})
        monkeypatch.setattr(rollups, "STORIES_PER_CHUNK", 3)
        monkeypatch.setattr(export, "CHUNK_STORIES", 3)
        assert claims_csv() == whole
        assert rollups.story_scores({s.id: s.title for s in Story.select()}) == scores
        assert any(row["corroborated_by"] for row in whole)
        assert len(whole) == Claim.select().count()


def test_roll_ups_shared_among_processes_are_those_of_one(tmp_path, monkeypatch):
    from sourcemark.store.stale import mark_stale

    with opened_archive(tmp_path, stories=30, articles=36, outlets=6, claims=750, seed=9):

        def stored():
            return list(Story.select(Story.id, Story.score, Story.code, Story.caps).tuples())

        monkeypatch.setattr(rollups, "PARALLEL_FROM", 10**9)
        assert rollups.refresh_scores() == 30
        alone = stored()
        assert all(score is not None for _id, score, _code, _caps in alone)
        mark_stale()
        assert all(score is None for _id, score, _code, _caps in stored())
        monkeypatch.setattr(rollups, "STORIES_PER_CHUNK", 4)
        seen = []
        ids = rollups.stale_stories()  # two helper processes, errors not hidden
        assert rollups._refresh_in_processes(ids, 2, lambda n, t: seen.append((n, t))) == 30
        assert stored() == alone
        assert seen[-1] == (30, 30)


def test_the_grades_stored_with_the_roll_up_are_the_ones_computed_live(tmp_path):
    with opened_archive(tmp_path, stories=25, articles=30, outlets=5, claims=600, seed=11):
        rollups.refresh_scores()
        live = rollups.claim_grades()
        stored = {c.id: (c.code, c.flags, c.also_reported) for c in Claim.select()}
        assert stored == {
            claim_id: (g.code, "; ".join(g.flags), "; ".join(g.also_reported_by))
            for claim_id, g in live.items()
        }
        assert any(also for _code, _flags, also in stored.values())


def test_a_roll_up_again_writes_only_the_grades_that_changed(tmp_path):
    from sourcemark.store.edits import save_settings
    from sourcemark.store.models import database_proxy
    from sourcemark.store.settings import load_settings
    from sourcemark.store.stale import mark_stale

    with opened_archive(tmp_path, stories=20, articles=24, outlets=4, claims=500, seed=13):
        rollups.refresh_scores()
        connection = database_proxy.obj.connection()
        before = connection.total_changes
        mark_stale()
        rollups.refresh_scores()  # nothing moved: the stories' rows alone are written
        assert connection.total_changes - before == 2 * Story.select().count()

        settings = load_settings()
        settings.letters["anonymous_official"] = "D"
        save_settings(settings)
        before = connection.total_changes
        rollups.refresh_scores()
        anonymous = Claim.select().where(Claim.type == "anonymous_official")
        assert anonymous.count() > 0
        assert {c.code[0] for c in anonymous} == {"D"}
        written = connection.total_changes - before - Story.select().count()
        assert written == anonymous.count()
        live = rollups.claim_grades()
        assert all(c.code == live[c.id].code for c in Claim.select())


def test_a_grade_has_only_the_stories_it_moves_rolled_up_again(tmp_path):
    from sourcemark.store.models import Source
    from sourcemark.store.registry import (
        merge_sources,
        set_outlet_reliability,
        set_reliability,
        unmerge_sources,
    )
    from sourcemark.store.stale import mark_stale

    with opened_archive(tmp_path, stories=40, articles=48, outlets=6, claims=1000, seed=17):

        def stored():
            stories = list(Story.select(Story.id, Story.score, Story.code, Story.caps).tuples())
            claims = list(Claim.select(Claim.id, Claim.code, Claim.flags).tuples())
            return stories, claims

        def as_if_all_were_stale():
            rollups.refresh_scores()
            targeted = stored()
            mark_stale()
            rollups.refresh_scores()
            assert stored() == targeted

        rollups.refresh_scores()
        source = Source.get_by_id(
            Claim.select(Claim.source).where(Claim.source.is_null(False)).first().source_id
        )
        set_reliability(source.id, "A")
        stale = set(rollups.stale_stories())
        with_claims = {c.article.story_id for c in Claim.select().where(Claim.source == source)}
        assert stale == with_claims and len(stale) < Story.select().count()
        as_if_all_were_stale()
        assert {c.code[0] for c in Claim.select().where(Claim.source == source)} == {"A"}

        set_reliability(source.id, "A")  # the same grade again moves nothing
        assert rollups.stale_stories() == []

        outlet = Outlet.select().first()
        set_outlet_reliability(outlet.id, "B")
        stale = set(rollups.stale_stories())
        carrying = {a.story_id for a in Article.select().where(Article.outlet == outlet)}
        citing = {c.article.story_id for c in Claim.select().where(
            (Claim.type == "media_report") & (Claim.source_mention ** outlet.name))}  # fmt: skip
        assert citing - carrying, "the archive has media reports citing the outlet elsewhere"
        assert stale == carrying | citing
        as_if_all_were_stale()

        other = Source.select().where(Source.id != source.id).first()
        snapshot = merge_sources(source.id, [other.id])
        assert set(rollups.stale_stories()) == {
            c.article.story_id for c in Claim.select().where(Claim.id.in_(
                [claim_id for claim_id, _ in snapshot["claims"]]))}  # fmt: skip
        as_if_all_were_stale()
        unmerge_sources(snapshot)
        assert rollups.stale_stories()
        as_if_all_were_stale()
