"""Independent origins over stored articles: one event told by several outlets (an original
on anonymous sources, copies and rewrites citing it, a named confirmation, anonymous
sources elsewhere), the digit each claim gets, and a person's split and join, undone."""

from datetime import date

from sourcemark.ingest import Document
from sourcemark.pipeline import store_document
from sourcemark.store.models import Claim
from sourcemark.store.origins import (
    claim_origins,
    places,
    restore_origins,
    set_origin,
    split_origin,
)
from sourcemark.store.rollups import claim_grades, refresh_scores

EVENT = "Harbour Freight will cut 400 jobs at its Port Ellis depot before the end of the year"
LOWER = EVENT[0].lower() + EVENT[1:]


def report(outlet: str, text: str, day: int, title: str = "Harbour Freight to cut 400 jobs"):
    """One outlet's article about the event, stored as an import stores it; its claim."""
    document = Document(text, title=title, outlet=outlet, published=date(2026, 3, day))
    article = store_document(document)
    (claim,) = Claim.select().where(Claim.article == article.id)
    return claim


def five_outlets():
    original = report("The Ledger", f"{EVENT}, people familiar with the matter said.", 2)
    wire = report("Northern Wire", f"{EVENT}, The Ledger reported on Monday.", 3)
    copy = report("Valley Courier", f"{EVENT}, The Ledger reported on Tuesday.", 3)
    rewrite = report("City Daily", f"According to The Ledger, {LOWER}.", 4)
    confirmed = report("Business Times", f"{EVENT}, the company's finance chief, Maria Lenz, "
                       "told Business Times.", 5)  # fmt: skip
    return original, wire, copy, rewrite, confirmed


def digits(*claims) -> list[int]:
    grades = claim_grades()
    return [int(grades[claim.id].code[1]) for claim in claims]


def test_copies_and_rewrites_citing_the_original_are_its_origin_and_share_its_grade(db):
    original, wire, copy, rewrite, confirmed = five_outlets()
    assert original.type == "anonymous_source" and confirmed.type == "named_official"
    origins = claim_origins(wire.id)
    assert (origins.reported_by, origins.independent) == (5, 2)
    mine, other = origins.origins
    assert [m.claim.id for m in mine.members] == [original.id, wire.id, copy.id, rewrite.id]
    assert origins.origin_claim.id == original.id  # the earliest: The Ledger's, on the 2nd
    assert [m.claim.id for m in other.members] == [confirmed.id]
    # one other origin, the finance chief on the record: each of them "probably true"
    assert digits(original, wire, copy, rewrite, confirmed) == [2, 2, 2, 2, 2]
    where = places([original.id, confirmed.id])
    assert where[confirmed.id].outlet == "Business Times"
    assert where[original.id].published == date(2026, 3, 2)


def test_without_an_independent_confirmation_fourteen_copies_are_one_origin(db):
    original = report("The Ledger", f"{EVENT}, people familiar with the matter said.", 2)
    copies = [report(f"Paper {n}", f"{EVENT}, The Ledger reported on day {n}.", 3)
              for n in range(4)]  # fmt: skip
    origins = claim_origins(copies[0].id)
    assert (origins.reported_by, origins.independent) == (5, 1)
    assert digits(original, *copies) == [3] * 5  # rests on one origin: possibly true at best


def test_anonymous_sources_in_two_outlets_are_two_origins_unless_one_cites_the_other(db):
    first = report("The Ledger", f"{EVENT}, people familiar with the matter said.", 2)
    second = report("Evening Post", f"{EVENT}, two people briefed on the plan said.", 3)
    assert claim_origins(first.id).independent == 2
    assert digits(first, second) == [2, 2]
    third = report("Morning Star", f"{EVENT}, people familiar with the matter told "
                   "The Ledger.", 4)  # fmt: skip
    origins = claim_origins(third.id)
    assert origins.independent == 2 and origins.reported_by == 3
    assert {m.claim.id for m in origins.origins[0].members} == {first.id, third.id}


def test_the_same_outlet_never_counts_twice(db):
    first = report("The Ledger", f"{EVENT}, people familiar with the matter said.", 2)
    again = report("The Ledger", f"{EVENT}, a person briefed on the plan said.", 3,
                   title="Depot cuts: what we know")  # fmt: skip
    origins = claim_origins(first.id)
    assert (origins.reported_by, origins.independent) == (1, 1)
    assert digits(first, again) == [3, 3]


def test_a_person_splits_and_joins_origins_and_undo_puts_them_back(db):
    original, wire, copy, _rewrite, confirmed = five_outlets()
    refresh_scores()
    # the person knows the wire checked it itself: an origin of its own
    before = split_origin([wire.id])
    assert before == {wire.id: None}
    assert refresh_scores() >= 5  # every story holding the claim is graded again
    origins = claim_origins(original.id)
    assert origins.independent == 3
    assert digits(original, wire, confirmed) == [1, 1, 1]
    assert Claim.get_by_id(wire.id).independent_origins == 3  # stored with the roll-up
    restore_origins(before)  # undo
    assert claim_origins(original.id).independent == 2
    assert digits(original, wire) == [2, 2]
    # the finance chief only repeated The Ledger's story: joined to its origin
    before = set_origin([confirmed.id], original.id)
    origins = claim_origins(confirmed.id)
    assert (origins.independent, origins.reported_by) == (1, 5)
    assert origins.origins[0].members[-1].how == "joined by a person"
    assert digits(original, confirmed) == [3, 3]
    restore_origins(before)
    assert digits(original, confirmed) == [2, 2]
    refresh_scores()
    stored = Claim.get_by_id(copy.id)
    assert (stored.reported_by, stored.independent_origins, stored.origin_claim_id) == (
        5, 2, original.id)  # fmt: skip
