"""Corroboration a person confirmed or rejected between two claims."""

from sourcemark.store.models import Corroboration, writing
from sourcemark.store.sql import chunks
from sourcemark.store.stale import mark_stale, stories_touched


def set_link(claim_id: int, other_id: int, status: str | None, similarity: float = 0) -> str | None:
    """Record that ``other`` corroborates ``claim`` ("confirmed") or does not ("rejected");
    None (or "found") forgets the person's word, leaving what the model found. Returns the
    status it had (for undo)."""
    if status == "found":
        status = None
    if status not in {None, "confirmed", "rejected"}:
        raise ValueError(f"unknown corroboration status {status!r}")
    a, b = sorted((claim_id, other_id))  # one row per pair, whichever way it was asked
    with writing():
        row = Corroboration.get_or_none((Corroboration.claim == a) & (Corroboration.other == b))
        old = row.status if row is not None and row.status != "found" else None
        if status is None and row is not None and row.found:
            Corroboration.update(status="found").where(Corroboration.id == row.id).execute()
        elif status is None:
            Corroboration.delete().where(
                (Corroboration.claim == a) & (Corroboration.other == b)
            ).execute()
        elif row is None:
            Corroboration.create(claim=a, other=b, status=status, similarity=similarity)
        else:
            Corroboration.update(status=status).where(Corroboration.id == row.id).execute()
        mark_stale(stories_touched([a, b]))
    return old


def links_of(claim_ids: list[int]) -> dict[int, dict[int, str]]:
    """The confirmed and rejected links of these claims: claim -> {other claim: status}."""
    links: dict[int, dict[int, str]] = {}
    ids = list(claim_ids)
    for chunk in chunks(ids):
        query = Corroboration.select(
            Corroboration.claim, Corroboration.other, Corroboration.status
        ).where(
            (Corroboration.claim.in_(chunk) | Corroboration.other.in_(chunk))
            & (Corroboration.status != "found")
        )
        for link in query:
            for mine, theirs in ((link.claim_id, link.other_id), (link.other_id, link.claim_id)):
                links.setdefault(mine, {})[theirs] = link.status
    return links
