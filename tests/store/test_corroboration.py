"""Corroborations found when claims are stored, kept with the links people decide, and
found again when the similarity setting is lowered."""

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.analysis.types import SourcingType
from sourcemark.ingest import Document
from sourcemark.scoring import Settings
from sourcemark.store.articles import add_article
from sourcemark.store.corroboration import (
    PendingResult,
    defer_articles,
    forget_claims,
    index_pending,
    pending_articles,
    rebuild_index,
)
from sourcemark.store.curation import restore, trash_stories
from sourcemark.store.edits import delete_claims, restore_claims, save_settings
from sourcemark.store.links import set_link
from sourcemark.store.models import Claim, ClaimWord, Corroboration
from sourcemark.store.rollups import claim_grades

SAID = "the harbour bridge will close for six weeks from April after inspectors found corrosion"


def store(text: str, outlet: str, source: str = "the transport department", story=None):
    sentence = f"{source.capitalize()} said {text}."
    start = sentence.index(text)
    claim = FoundClaim(text, start, start + len(text), SourcingType.NAMED_OFFICIAL,
                       source=source, source_resolved=source)  # fmt: skip
    article = add_article(Document(sentence, title=text[:40], outlet=outlet), [claim], story=story)
    return Claim.get(Claim.article == article.id), article


def pairs() -> set[tuple[int, int, str, bool]]:
    return {(k.claim_id, k.other_id, k.status, k.found) for k in Corroboration.select()}


def test_another_storys_claim_saying_the_same_is_stored_as_found(db):
    first, _ = store(SAID, "The Lakeshore Examiner")
    second, _ = store(SAID.replace("six weeks", "six full weeks"), "The Harbour Post", "the mayor")
    store("ferry fares will rise by a tenth in May because of the price of fuel", "The Post")
    assert pairs() == {(first.id, second.id, "found", True)}
    assert Corroboration.get().similarity >= 80
    assert ClaimWord.select().where(ClaimWord.claim == first.id).count() >= 8
    grades = claim_grades()
    assert grades[first.id].code.endswith("2") and grades[first.id].also_reported_by == [
        "The Harbour Post"
    ]


def test_claims_of_one_story_saying_the_same_are_stored_and_weighed_in_the_story(db):
    first, article = store(SAID, "The Lakeshore Examiner")
    second, _ = store(SAID + " last week", "The Harbour Post", "the mayor", story=article.story)
    assert pairs() == {(first.id, second.id, "found", True)}
    grade = claim_grades()[first.id]
    assert grade.code.endswith("2")  # another outlet's article in the same story
    assert grade.also_reported_by == []  # which lists other stories' outlets


def test_a_deleted_claim_takes_its_pair_and_undo_finds_it_again(db):
    first, _ = store(SAID, "The Lakeshore Examiner")
    second, _ = store(SAID + " in the spring", "The Harbour Post", "the mayor")
    rows = delete_claims([second.id])
    assert pairs() == set()
    restore_claims(rows)
    assert pairs() == {(first.id, second.id, "found", True)}


def test_forgetting_a_persons_word_leaves_what_the_model_found(db):
    first, _ = store(SAID, "The Lakeshore Examiner")
    second, _ = store(SAID + " in the spring", "The Harbour Post", "the mayor")
    other, _ = store("ferry fares will rise by a tenth in May because of fuel", "The Post")
    assert set_link(first.id, second.id, "rejected") is None
    assert pairs() == {(first.id, second.id, "rejected", True)}
    assert claim_grades()[first.id].code.endswith("3")  # rejected: a single source again
    assert set_link(first.id, second.id, None) == "rejected"
    assert pairs() == {(first.id, second.id, "found", True)}
    set_link(other.id, first.id, "confirmed")
    set_link(other.id, first.id, None)  # the model never found this one: the row goes
    assert pairs() == {(first.id, second.id, "found", True)}


def test_lowering_the_similarity_finds_looser_pairs_and_raising_it_drops_them(db):
    first, _ = store(SAID, "The Lakeshore Examiner")
    looser = "a bridge across the harbour shuts in April for repairs because corrosion was found by inspectors"
    second, _ = store(looser, "The Harbour Post", "the mayor")
    assert pairs() == set()
    save_settings(Settings(similarity=70))
    assert pairs() == {(first.id, second.id, "found", True)}
    assert claim_grades()[first.id].code.endswith("2")
    save_settings(Settings(similarity=85))  # stored pairs are only weighed against it
    assert pairs() == {(first.id, second.id, "found", True)}
    assert claim_grades()[first.id].code.endswith("3")


def test_a_rebuild_finds_the_same_pairs_as_storing_one_by_one(db):
    store(SAID, "The Lakeshore Examiner")
    store(SAID + " in the spring", "The Harbour Post", "the mayor")
    store(SAID.replace("April", "May"), "The Courier", "an engineer")
    store("ferry fares will rise by a tenth in May because of the price of fuel", "The Post")
    one_by_one = pairs()
    assert len(one_by_one) == 3
    assert rebuild_index() == 3
    assert pairs() == one_by_one


def test_roll_ups_in_helper_processes_match_on_this_database(db):
    from sourcemark.store import rollups
    from sourcemark.store.models import Story

    store(SAID, "The Lakeshore Examiner")
    store(SAID + " in the spring", "The Harbour Post", "the mayor")
    store("ferry fares will rise by a tenth in May because of the price of fuel", "The Post")
    assert rollups.refresh_scores() == 3  # in this process
    alone = list(Story.select(Story.id, Story.score, Story.code).order_by(Story.id).tuples())
    codes = {c.id: c.code for c in Claim.select()}
    from sourcemark.store.stale import mark_stale

    mark_stale()
    assert rollups._refresh_in_processes(rollups.stale_stories(), 2, None) == 3
    assert (
        list(Story.select(Story.id, Story.score, Story.code).order_by(Story.id).tuples()) == alone
    )
    assert {c.id: c.code for c in Claim.select()} == codes and all(codes.values())


def test_text_repeated_in_many_stories_keeps_each_claims_most_alike_pairs(db, monkeypatch):
    from sourcemark.store import corroboration

    monkeypatch.setattr(corroboration, "MOST_PAIRS", 4)
    claims = []
    for n in range(12):  # a template: the same sentence, a word changed, in twelve stories
        text = SAID.replace("six", ["six", "seven", "eight", "nine"][n % 4])
        claims.append(store(text, f"Outlet {n}", f"an official number {n}")[0])
    found = {}
    for k in Corroboration.select():
        found.setdefault(k.claim_id, []).append(k.other_id)
        found.setdefault(k.other_id, []).append(k.claim_id)
    assert len(pairs()) <= 4 * len(claims) < len(claims) * (len(claims) - 1) // 2
    # each claim found its four most alike: the copies word for word come first
    last = claims[-1]
    same = [c.id for c in claims[:-1] if c.text == last.text]
    assert set(same) <= set(found[last.id]) and len(found[last.id]) >= 4
    assert all(claim_grades()[c.id].code.endswith("1") for c in claims)  # still corroborated

    rebuilt = rebuild_index()  # the same bound when every pair is found anew
    assert rebuilt == len(pairs()) <= 4 * len(claims)
    assert all(claim_grades()[c.id].code.endswith("1") for c in claims)


PLACES = ["ferry terminal", "rail depot", "fish market", "old lighthouse", "town hall", "marina"]


def near_miss(n: int) -> str:
    """A claim sharing the repeated claim's rarer words without saying the same (similarity
    68, under the default 80)."""
    return (f"inspectors who found corrosion on the {PLACES[n % 6]} roof last year said the "
            f"harbour bridge is sound, council minutes number {n} show")  # fmt: skip


def bound_lookup(monkeypatch, recent: int, candidates: int):
    """The look-up's bounds made small, so that a few dozen claims go past them."""
    from sourcemark.store import corroboration

    monkeypatch.setattr(corroboration, "RECENT", recent)
    monkeypatch.setattr(corroboration, "CANDIDATES", candidates)
    corroboration.searches.reset()
    return corroboration.searches


def test_a_claim_repeated_among_many_near_misses_is_linked_to_its_copies(db, monkeypatch):
    bound_lookup(monkeypatch, recent=20, candidates=6)
    copies = [store(SAID, f"Outlet {n}", f"an official number {n}")[0].id for n in range(5)]
    misses = [store(near_miss(n), f"Paper {n}", f"a councillor number {n}")[0].id
              for n in range(40)]  # fmt: skip
    last = store(SAID, "The Last Outlet", "the mayor")[0].id
    linked = {k.claim_id for k in Corroboration.select().where(Corroboration.other == last)}
    # the 40 stored since share its commoner words; the copies share its rarest ones
    assert linked == set(copies)
    mine = set(copies) | {last}
    assert not [(k.claim_id, k.other_id) for k in Corroboration.select()
                if {k.claim_id, k.other_id} & mine and {k.claim_id, k.other_id} & set(misses)]  # fmt: skip


def test_the_comparisons_a_claim_makes_stay_bounded_as_copies_pile_up(db, monkeypatch):
    searches = bound_lookup(monkeypatch, recent=20, candidates=6)
    compared = []
    for n in range(30):  # the same claim told by thirty outlets, each in its own story
        searches.reset()
        store(SAID, f"Outlet {n}", f"an official number {n}")
        compared.append(searches.compared)
    assert searches.claims == 1 and compared[:7] == [0, 1, 2, 3, 4, 5, 6]
    assert compared[7:] == [6] * 23  # flat once there are more copies than candidates
    first = Claim.select().order_by(Claim.id).first()
    assert Corroboration.select().where(Corroboration.claim == first.id).count() >= 6

    searches.reset()
    rebuild_index()  # the same bound when every pair is found anew
    assert searches.claims == 30 and searches.most_compared == 6


# -- found after an import stored its articles ------------------------------------------------


def store_later(text: str, outlet: str, source: str = "the transport department"):
    """An article stored as an import stores it: its pairs left for index_pending()."""
    sentence = f"{source.capitalize()} said {text}."
    start = sentence.index(text)
    claim = FoundClaim(text, start, start + len(text), SourcingType.NAMED_OFFICIAL,
                       source=source, source_resolved=source)  # fmt: skip
    document = Document(sentence, title=text[:40], outlet=outlet)
    article = add_article(document, [claim], defer_pairs=True)
    return Claim.get(Claim.article == article.id), article


def test_pairs_left_by_an_import_are_found_by_the_pass_after_it_in_batches(db):
    first, _ = store(SAID, "The Lakeshore Examiner")  # stored before, indexed at once
    later = [store_later(SAID.replace("six", word), f"Outlet {n}", f"source {n}")[0]
             for n, word in enumerate(["six", "six full", "some six", "about six", "six long"])]  # fmt: skip
    assert pairs() == set() and pending_articles() == 5
    assert ClaimWord.select().where(ClaimWord.claim.in_(later)).count() == 0
    steps = []
    result = index_pending(progress=lambda done, total: steps.append((done, total)), batch=2)
    assert steps == [(2, 5), (4, 5), (5, 5)] and pending_articles() == 0
    assert (result.articles, result.left) == (5, 0) and result.pairs == len(pairs())
    found = {(a, b) for a, b, status, is_found in pairs() if status == "found" and is_found}
    every = sorted([first.id] + [claim.id for claim in later])
    assert found == {(a, b) for k, a in enumerate(every) for b in every[k + 1 :]}
    assert index_pending() == PendingResult()  # nothing left: nothing done


def test_the_pass_finds_what_storing_one_by_one_finds(db):
    texts = [SAID, SAID + " last week", "ferry fares will rise by a tenth in May because of fuel",
             "fares on the ferries will rise by a tenth in May because of the price of fuel",
             SAID.replace("April", "March")]  # fmt: skip
    for n, text in enumerate(texts):
        store(text, f"Outlet {n}", f"source {n}")
    at_once = {(a, b) for a, b, _s, _f in pairs()}
    assert at_once  # the fixture has pairs to find
    forget_claims([claim.id for claim in Claim.select()])  # found again through the pass
    assert pairs() == set()
    defer_articles([claim.article_id for claim in Claim.select()])
    index_pending(batch=2)
    assert {(a, b) for a, b, _s, _f in pairs()} == at_once


def test_a_cancelled_pass_leaves_the_rest_waiting_and_the_trash_is_not_indexed(db):
    first, _ = store(SAID, "The Lakeshore Examiner")
    second, kept = store_later(SAID + " in the spring", "The Harbour Post", "the mayor")
    third, thrown = store_later(SAID + " this year", "The Ferry News", "a ferry captain")
    asked = []
    result = index_pending(cancelled=lambda: asked.append(1) or len(asked) > 1, batch=1)
    assert (result.articles, result.left) == (1, 1) and pending_articles() == 1
    assert pairs() == {(first.id, second.id, "found", True)}
    trash_stories([thrown.story_id])
    assert index_pending().articles == 1 and pending_articles() == 0
    assert ClaimWord.select().where(ClaimWord.claim == third.id).count() == 0
    assert pairs() == {(first.id, second.id, "found", True)}
    restore([thrown.story_id])  # back from the Trash: looked up at once
    assert {(a, b) for a, b, _s, _f in pairs()} == {
        (first.id, second.id), (first.id, third.id), (second.id, third.id)}  # fmt: skip
    assert kept.story_id != thrown.story_id


def test_a_failing_pass_loses_no_article_and_the_next_import_finishes_it(db, tmp_path, monkeypatch):
    from sourcemark import pipeline

    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(3):
        (folder / f"report-{n}.txt").write_text(
            f"Harbour Report {n}\n\nOn day {n}, the transport department said {SAID}.\n",
            encoding="utf-8",
        )

    def broken(*_args):
        raise RuntimeError("a bug in the pass")

    monkeypatch.setattr(pipeline, "index_pending", broken)
    report = pipeline.import_paths([folder])
    assert len(report.imported) == 3 and report.corroboration.left == 3
    assert pending_articles() == 3 and pairs() == set()
    monkeypatch.undo()
    again = pipeline.import_paths([])  # the next import, of nothing new
    assert again.corroboration.articles == 3 and pending_articles() == 0
    assert len(pairs()) == 3  # each report's claim with the two others'
