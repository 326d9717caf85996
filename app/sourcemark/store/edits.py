"""Edits by a person: claims changed, added, split, merged, deleted and put back, each
checked against the version the person saw (EditConflict otherwise); and the model settings
saved."""

import json

from sourcemark.scoring import Settings
from sourcemark.store.articles import (
    UNNAMED_TYPES,
    linked_mention,
    places_of_articles,
    source_of,
)
from sourcemark.store.corroboration import floor, index_articles, index_claims, rebuild_index
from sourcemark.store.models import Article, Claim, Meta, utcnow, writing
from sourcemark.store.settings import SETTINGS_KEY
from sourcemark.store.sql import insert_row, insert_rows_with_ids
from sourcemark.store.stale import mark_stale, stale_article, stories_touched

EDITABLE_FIELDS = ("type", "stance", "source_mention", "reviewed", "note")


class EditConflict(Exception):
    """Someone else changed (or deleted) the claim after it was read: the edit was refused.
    ``theirs``: the stored values of the editable fields (None: the claim is gone)."""

    def __init__(self, claim_id: int, yours: dict, theirs: dict | None, text: str = ""):
        super().__init__(f"claim {claim_id} was changed by someone else")
        self.claim_id, self.yours, self.theirs, self.text = claim_id, yours, theirs, text


def _saved(claim_id: int, expected: int | None, values: dict) -> None:
    """Write a person's values to a claim if it still has the version they saw (None: any);
    the version goes up. Raises EditConflict otherwise, writing nothing."""
    condition = Claim.id == claim_id
    if expected is not None:
        condition &= Claim.version == expected
    values = {**values, "version": Claim.version + 1, "updated": utcnow()}
    if not Claim.update(**values).where(condition).execute():
        current = Claim.get_or_none(Claim.id == claim_id)
        theirs = None if current is None else {f: getattr(current, f) for f in EDITABLE_FIELDS}
        raise EditConflict(claim_id, values, theirs, current.text if current else "")


def update_claim(claim_id: int, changes: dict, version: int | None = None) -> dict:
    """Apply a person's edit to one claim in its own transaction and return the values it
    replaced (for undo). The claim becomes the person's ("user"), so a re-analysis keeps
    it; its version goes up. A changed source mention is linked to its registry source.
    With ``version`` (the one the person saw), a claim someone else has changed since is
    left alone and EditConflict says what it holds now."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    with writing():
        claim = Claim.get_or_none(Claim.id == claim_id)
        if claim is None:
            raise EditConflict(claim_id, changes, None)
        old = {name: getattr(claim, name) for name in changes}
        old["origin"] = claim.origin
        values = dict(changes)
        type_ = changes.get("type", claim.type)
        if "source_mention" in changes:
            mention = (changes["source_mention"] or "").strip() or None
            values["source_mention"] = mention
            values["source"] = _source_of(claim, mention, type_)
            old["source"] = claim.source_id
        elif (type_ in UNNAMED_TYPES) != (claim.type in UNNAMED_TYPES) and claim.source_mention:
            # named, the source is one everywhere; unnamed, one in its outlet and story
            keys = {alias.key for alias in claim.source.aliases} if claim.source_id else set()
            mention = linked_mention(claim.source_mention, claim.source_resolved, keys)
            values["source"] = _source_of(claim, mention, type_)
            old["source"] = claim.source_id
        values["origin"] = changes.get("origin", "user")
        _saved(claim_id, version, values)
        mark_stale(stories_touched([claim_id]))
    return old


def _source_of(claim: Claim, mention: str | None, type_: str) -> int | None:
    """The registry source of a mention a person gave a claim, where its article is."""
    return source_of(mention, type_, places_of_articles([claim.article_id])[claim.article_id])


def restore_claim_fields(claim_id: int, old: dict, version: int | None = None) -> None:
    """Put back the values update_claim() returned (undo); with ``version``, only if nobody
    changed the claim since (else EditConflict)."""
    with writing():
        _saved(claim_id, version, dict(old))
        mark_stale(stories_touched([claim_id]))


def check_versions(versions: dict[int, int | None]) -> None:
    """Raise EditConflict for the first claim whose stored version is not the one given
    (None: not checked), or which is gone. Run inside the transaction that changes them."""
    wanted = {claim_id: v for claim_id, v in versions.items() if v is not None}
    if not wanted:
        return
    stored = {c.id: c for c in Claim.select().where(Claim.id.in_(list(wanted)))}
    for claim_id, version in wanted.items():
        claim = stored.get(claim_id)
        if claim is None or claim.version != version:
            theirs = None if claim is None else {f: getattr(claim, f) for f in EDITABLE_FIELDS}
            raise EditConflict(claim_id, {}, theirs, claim.text if claim else "")


def delete_claims(
    claim_ids: list[int], versions: dict[int, int | None] | None = None
) -> list[dict]:
    """Remove claims in one transaction; returns their rows, so that undo can put them back
    as they were (same ids). With ``versions``, nothing is removed if someone changed one of
    them since (EditConflict)."""
    with writing():
        check_versions(versions or {})
        rows = list(Claim.select().where(Claim.id.in_(claim_ids)).dicts())
        mark_stale(stories_touched(claim_ids))
        Claim.delete().where(Claim.id.in_(claim_ids)).execute()
    return rows


def restore_claims(rows: list[dict]) -> None:
    """Put deleted claims back, ids included (undo of delete_claims)."""
    with writing():
        insert_rows_with_ids(Claim, rows)
        index_claims([row["id"] for row in rows])


def claims_of_article(article_id: int) -> list[dict]:
    """Every stored claim of an article as rows (for undo of a bulk change)."""
    return list(Claim.select().where(Claim.article == article_id).dicts())


def replace_claims_of_article(
    article_id: int, rows: list[dict], expected: list[dict] | None = None
) -> None:
    """Put an article's claims back exactly as ``rows`` (undo of a re-analysis). With
    ``expected`` (the claims the caller believes are stored), nothing changes if the stored
    ones differ in any claim or version: someone else changed the article's claims."""
    with writing():
        if expected is not None:
            stored = dict(Claim.select(Claim.id, Claim.version)
                          .where(Claim.article == article_id).tuples())  # fmt: skip
            believed = {row["id"]: row["version"] for row in expected}
            changed = set(stored.items()) ^ set(believed.items())
            if changed:
                claim_id = min(claim_id for claim_id, _v in changed)
                claim = Claim.get_or_none(Claim.id == claim_id)
                theirs = None if claim is None else {f: getattr(claim, f) for f in EDITABLE_FIELDS}
                raise EditConflict(claim_id, {}, theirs, claim.text if claim else "")
        stale_article(article_id)
        Claim.delete().where(Claim.article == article_id).execute()
        insert_rows_with_ids(Claim, rows)
        index_articles([article_id])


def add_user_claim(article_id: int, start: int, end: int, fields: dict) -> int:
    """A claim a person marked in the article's text; its id."""
    with writing():
        article = Article.get_by_id(article_id)
        text = article.text[start:end].strip()
        if not text:
            raise ValueError("a claim needs some words of the article")
        offset = article.text.index(text, start)
        mention = (fields.get("source_mention") or "").strip() or None
        type_ = fields.get("type") or "unattributed"
        source = source_of(mention, type_, places_of_articles([article_id])[article_id])
        claim_id = insert_row(
            Claim,
            {
                "article": article_id,
                "start": offset,
                "end": offset + len(text),
                "text": text,
                "source_mention": mention,
                "source": source,
                "type": type_,
                "stance": fields.get("stance") or "asserts",
                "origin": "user",
                "note": fields.get("note", ""),
            },
        )
        index_claims([claim_id])
        return claim_id


def split_claim(claim_id: int, at: int, version: int | None = None) -> list[int]:
    """Cut a claim in two at a character offset of its article; both halves keep its
    source, type and stance and become the person's. Returns the two ids. With
    ``version``, a claim someone changed since is left alone (EditConflict)."""
    with writing():
        check_versions({claim_id: version})
        claim = Claim.get_by_id(claim_id)
        if not claim.start < at < claim.end:
            raise ValueError("the cut must fall inside the claim")
        text = claim.article.text
        left_end = len(text[claim.start : at].rstrip()) + claim.start
        right_start = at + len(text[at : claim.end]) - len(text[at : claim.end].lstrip())
        if left_end <= claim.start or right_start >= claim.end:
            raise ValueError("both parts of a split need words")
        Claim.update(
            end=left_end,
            text=text[claim.start : left_end],
            origin="user",
            version=Claim.version + 1,
            updated=utcnow(),
        ).where(Claim.id == claim_id).execute()
        row = Claim.select().where(Claim.id == claim_id).dicts().get()
        del row["id"]
        row.update(start=right_start, text=text[right_start : claim.end], premise=False,
                   version=1, updated=utcnow())  # fmt: skip
        halves = [claim_id, insert_row(Claim, row)]
        index_claims(halves)
        return halves


def merge_claims(claim_ids: list[int], versions: dict[int, int | None] | None = None) -> int:
    """Join claims of one article into the first of them, reaching over all their words;
    the others go. Returns the id of the merged claim. With ``versions``, nothing changes
    if someone changed one of them since (EditConflict)."""
    with writing():
        check_versions(versions or {})
        claims = sorted(Claim.select().where(Claim.id.in_(claim_ids)), key=lambda c: c.start)
        if len(claims) < 2 or len({c.article_id for c in claims}) > 1:
            raise ValueError("merging needs two or more claims of the same article")
        first = claims[0]
        start, end = first.start, max(c.end for c in claims)
        text = first.article.text[start:end]
        Claim.update(end=end, text=text, origin="user", premise=any(c.premise for c in claims),
                     reviewed=False, version=Claim.version + 1, updated=utcnow()).where(
            Claim.id == first.id
        ).execute()  # fmt: skip
        mark_stale(stories_touched([c.id for c in claims]))
        Claim.delete().where(Claim.id.in_([c.id for c in claims[1:]])).execute()
        index_claims([first.id])
        return first.id


def save_settings(settings: Settings) -> None:
    """Store the settings; a similarity lowered below the one the stored corroborations were
    found with has the archive searched again (the pairs above it are stored already)."""
    value = json.dumps(settings.as_dict(), sort_keys=True)
    with writing():
        Meta.insert(key=SETTINGS_KEY, value=value).on_conflict(
            conflict_target=[Meta.key], update={Meta.value: value}
        ).execute()
        mark_stale()
        if settings.similarity < floor():
            rebuild_index(settings.similarity)
