"""Stories and articles as people curate them: renamed, moved, merged, corrected, put in the
Trash and restored. Each change is one transaction, checked against the versions the person
saw (CurationConflict, changing nothing, when someone else changed the story or article
first), and returns what its undo needs. The window and the command line call these.

The Trash: a deleted story is marked ``trashed``; an article deleted alone is moved to a
story of its own in the Trash, remembering the story it left (``trashed_from``). What is in
the Trash counts nowhere (store.live) and its claims are taken out of the corroboration
index; Restore puts it back and indexes it again. Emptying the Trash is the one deletion
that cannot be undone."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sourcemark.store.articles import forget_places_of_story, outlet_named, places_of_articles
from sourcemark.store.corroboration import claims_of_articles, forget_claims, index_articles
from sourcemark.store.models import Article, Claim, Outlet, Story, utcnow, writing
from sourcemark.store.registry import follow_articles
from sourcemark.store.sql import chunks, insert_row, insert_rows_with_ids, marks, select
from sourcemark.store.stale import mark_stale, stories_touched

ARTICLE_FIELDS = ("title", "outlet", "byline", "published", "url")


class CurationConflict(Exception):
    """Someone else changed (or deleted) a story or article after this person read it; the
    change was refused. ``theirs``: what it holds now (None: it is gone)."""

    def __init__(self, kind: str, row_id: int, theirs: dict | None):
        self.kind, self.row_id, self.theirs = kind, row_id, theirs
        super().__init__(self.describe())

    def describe(self) -> str:
        """The other person's change, in words."""
        if self.theirs is None:
            return (
                f"This {self.kind} is no longer there: someone else merged it into another "
                "story or deleted it for good from the Trash."
            )
        title = self.theirs.get("title", "")
        if self.theirs.get("trashed"):
            return f"Someone else put the {self.kind} “{title}” in the Trash."
        if self.kind == "story":
            count = self.theirs.get("articles", 0)
            articles = f"{count} article" + ("" if count == 1 else "s")
            return (
                f"Someone else changed this story since you read it: it is now “{title}”, "
                f"with {articles}."
            )
        outlet = self.theirs.get("outlet") or "no outlet"
        where = self.theirs.get("story_title") or ""
        return (
            f"Someone else changed this article since you read it: it is now “{title}” "
            f"({outlet}), in the story “{where}”."
        )


class CurationError(ValueError):
    """A change that cannot be made as asked (an empty title, a story that is not there);
    the message says why."""


# ---- versions and conflicts -------------------------------------------------------------


def _story_state(story_id: int) -> dict | None:
    story = Story.get_or_none(Story.id == story_id)
    if story is None:
        return None
    articles = Article.select().where(Article.story == story_id).count()
    return {"title": story.title, "articles": articles, "trashed": story.trashed is not None,
            "version": story.version}  # fmt: skip


def _article_state(article_id: int) -> dict | None:
    rows = select(
        "SELECT a.title, o.name, a.byline, a.published, a.url, s.title, s.trashed, a.version, "
        "a.story_id FROM article a JOIN story s ON s.id = a.story_id "
        "LEFT JOIN outlet o ON o.id = a.outlet_id WHERE a.id = {p}",
        [article_id],
    )
    if not rows:
        return None
    title, outlet, byline, published, url, story_title, trashed, version, story_id = rows[0]
    return {"title": title, "outlet": outlet, "byline": byline, "published": published,
            "url": url, "story_title": story_title, "trashed": trashed is not None,
            "version": version, "story_id": story_id}  # fmt: skip


def check_stories(versions: dict[int, int | None], live: bool = True) -> None:
    """CurationConflict for the first story not at the version given (None: any version),
    gone, or (``live``) in the Trash. Run inside the transaction that changes them."""
    for story_id, version in versions.items():
        state = _story_state(story_id)
        if (
            state is None
            or (live and state["trashed"])
            or (version is not None and state["version"] != version)
        ):
            raise CurationConflict("story", story_id, state)


def check_articles(versions: dict[int, int | None], live: bool = True) -> None:
    """The same for articles (``live``: not in the Trash)."""
    for article_id, version in versions.items():
        state = _article_state(article_id)
        if (
            state is None
            or (live and state["trashed"])
            or (version is not None and state["version"] != version)
        ):
            raise CurationConflict("article", article_id, state)


def _bump(model, ids) -> None:
    ids = sorted(set(ids))
    for chunk in chunks(ids):
        values = {model.version: model.version + 1}
        if model is Story:
            values[Story.updated] = utcnow()
        model.update(values).where(model.id.in_(chunk)).execute()


def versions_of(model, ids) -> dict[int, int]:
    """The stored versions of these stories or articles (``model``: Story or Article)."""
    found: dict[int, int] = {}
    for chunk in chunks(sorted(set(ids))):
        found.update(model.select(model.id, model.version).where(model.id.in_(chunk)).tuples())
    return found


# ---- rename ---------------------------------------------------------------------------------


def rename_story(story_id: int, title: str, version: int | None = None) -> tuple[str, int]:
    """Give a story a new title; returns its old title and its new version."""
    title = " ".join((title or "").split())[:500]
    if not title:
        raise CurationError("A story needs a title.")
    with writing():
        check_stories({story_id: version})
        old = Story.get_by_id(story_id).title
        Story.update(title=title).where(Story.id == story_id).execute()
        _bump(Story, [story_id])
        return old, Story.get_by_id(story_id).version


# ---- move and merge -------------------------------------------------------------------------


@dataclass
class Moved:
    """What a move (or merge) did, for its undo: each article's story before and after, the
    story made for them (None), the stories it emptied (their rows, deleted), and the
    versions the articles and the target story have after it."""

    moves: list[tuple[int, int, int]] = field(default_factory=list)  # article, from, to
    created: int | None = None
    removed: list[dict] = field(default_factory=list)
    article_versions: dict[int, int] = field(default_factory=dict)
    target: int | None = None

    @property
    def article_ids(self) -> list[int]:
        return [article for article, _from, _to in self.moves]


def move_articles(
    article_ids: list[int],
    to_story: int | None,
    article_versions: dict[int, int | None] | None = None,
    story_versions: dict[int, int | None] | None = None,
    title: str | None = None,
) -> Moved:
    """Move articles (with their claims, reviews, notes and links) to a story, or to a new
    one (``to_story`` None; titled ``title`` or after the first article). A story left with
    no article disappears. The versions the person saw are checked first (None: not)."""
    wanted = list(dict.fromkeys(article_ids))
    if not wanted:
        raise CurationError("No article was chosen to move.")
    with writing():
        check_articles({a: (article_versions or {}).get(a) for a in wanted})
        check_stories(dict(story_versions or {}))
        if to_story is not None:
            check_stories({to_story: (story_versions or {}).get(to_story)})
        return _move(wanted, to_story, title)


def _move(article_ids: list[int], to_story: int | None, title: str | None = None) -> Moved:
    """move_articles() inside its transaction, checks done."""
    moved = Moved()
    if to_story is None:
        first = Article.get_by_id(article_ids[0])
        name = " ".join((title or first.title or "Untitled story").split())[:500]
        to_story = moved.created = insert_row(Story, {"title": name})
        forget_places_of_story(to_story)
    moved.target = to_story
    origins = dict(Article.select(Article.id, Article.story).where(Article.id.in_(article_ids))
                   .tuples())  # fmt: skip
    moving = [a for a in article_ids if origins[a] != to_story]
    claims = claims_of_articles(moving)
    mark_stale(stories_touched(claims))  # the stories their links reached until now
    places = places_of_articles(moving)
    for article_id in moving:
        Article.update(story=to_story, trashed_from=None).where(Article.id == article_id).execute()
        moved.moves.append((article_id, origins[article_id], to_story))
    follow_articles(places)  # "critics" are a source of one story: the moved join the new
    _bump(Article, moving)
    left = sorted({origins[a] for a in moving})
    moved.removed = _remove_empty(left)
    if moving:  # a story nothing moved into is not changed (others would see a conflict)
        _bump(Story, [s for s in left if s not in {r["id"] for r in moved.removed}] + [to_story])
        index_articles(moving)  # same story or another: their pairs are found again
    mark_stale({to_story, *left} - {r["id"] for r in moved.removed})
    moved.article_versions = versions_of(Article, article_ids)
    return moved


def _remove_empty(story_ids: list[int]) -> list[dict]:
    """Delete those of these stories left without an article; returns their rows."""
    removed = []
    for story_id in story_ids:
        if not Article.select().where(Article.story == story_id).exists():
            removed.append(Story.select().where(Story.id == story_id).dicts().get())
            Story.delete().where(Story.id == story_id).execute()
    return removed


def undo_move(moved: Moved) -> dict[int, int]:
    """Put the articles of a move back where they were (the stories it emptied made again,
    the story made for them gone once empty), unless someone else changed them since.
    Returns the articles' versions after it (a redo moves them again, checking those)."""
    with writing():
        check_articles(dict(moved.article_versions))
        made = {row["id"]: _story_again(row) for row in moved.removed}
        ids = moved.article_ids
        places = places_of_articles(ids)
        for article_id, before, _after in reversed(moved.moves):
            Article.update(story=made.get(before, before)).where(Article.id == article_id).execute()
        follow_articles(places)  # back to the sources of the stories they left
        _bump(Article, ids)
        left = sorted({after for _a, _b, after in moved.moves})
        gone = {row["id"] for row in _remove_empty(left)}
        back = {made.get(before, before) for _a, before, _b in moved.moves}
        _bump(Story, (set(left) - gone) | back)
        if ids:
            index_articles(ids)
        mark_stale((set(left) - gone) | back)
        return versions_of(Article, ids)


def _story_again(row: dict) -> int:
    """A deleted story made again from its row, with its id if that is still free."""
    if Story.get_or_none(Story.id == row["id"]) is None:
        insert_rows_with_ids(Story, [{**row, "score": None, "code": None}])
        return row["id"]
    values = {k: v for k, v in row.items() if k != "id"}
    return insert_row(Story, {**values, "score": None, "code": None})


def merge_stories(
    into: int, others: list[int], story_versions: dict[int, int | None] | None = None
) -> Moved:
    """Move every article of ``others`` into the story ``into``; the others disappear.
    Every claim, review, note and corroboration link stays with its article."""
    others = [s for s in dict.fromkeys(others) if s != into]
    if not others:
        raise CurationError("Choose at least two stories to merge.")
    versions = dict(story_versions or {})
    with writing():
        check_stories({s: versions.get(s) for s in [into, *others]})
        article_ids = []
        for chunk in chunks(others):
            query = Article.select(Article.id).where(Article.story.in_(chunk))
            article_ids += [row[0] for row in query.order_by(Article.id).tuples()]
        if not article_ids:  # stories with no article: nothing to carry over, they just go
            moved = Moved(target=into)
            moved.removed = _remove_empty(others)
            return moved
        return _move(article_ids, into)


# ---- the Trash ------------------------------------------------------------------------------


@dataclass
class Trashed:
    """What a deletion put in the Trash: the stories now in the Trash (whole stories, and
    the stories holding articles deleted alone), for restore() to undo it."""

    stories: list[int] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)


def trash_stories(story_ids: list[int], versions: dict[int, int | None] | None = None) -> Trashed:
    """Put stories in the Trash: they count nowhere until restored."""
    ids = list(dict.fromkeys(story_ids))
    with writing():
        check_stories({s: (versions or {}).get(s) for s in ids})
        return _trash_stories(ids)


def _trash_stories(ids: list[int]) -> Trashed:
    article_ids = []
    for chunk in chunks(ids):
        article_ids += [row[0] for row in Article.select(Article.id)
                        .where(Article.story.in_(chunk)).tuples()]  # fmt: skip
    _unindex(article_ids)
    for chunk in chunks(ids):
        Story.update(trashed=utcnow()).where(Story.id.in_(chunk)).execute()
    _bump(Story, ids)
    return Trashed(stories=ids, articles=article_ids)


def _unindex(article_ids: list[int]) -> None:
    """Take claims out of the corroboration index (the links people decided stay, unread
    while in the Trash); the stories they corroborated are rolled up again."""
    claims = claims_of_articles(article_ids)
    mark_stale(stories_touched(claims))
    forget_claims(claims)


def trash_articles(
    article_ids: list[int], versions: dict[int, int | None] | None = None
) -> Trashed:
    """Put articles in the Trash. Those deleted from a story that keeps others wait in a
    story of the Trash (titled as the story they left); a story losing all its articles goes
    to the Trash whole."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        raise CurationError("No article was chosen to delete.")
    with writing():
        check_articles({a: (versions or {}).get(a) for a in ids})
        by_story: dict[int, list[int]] = {}
        for article_id, story_id in (
            Article.select(Article.id, Article.story).where(Article.id.in_(ids)).tuples()
        ):
            by_story.setdefault(story_id, []).append(article_id)
        trashed = Trashed()
        whole = []
        for story_id, chosen in sorted(by_story.items()):
            every = Article.select().where(Article.story == story_id).count()
            if every == len(chosen):
                whole.append(story_id)
                continue
            story = Story.get_by_id(story_id)
            holder = insert_row(Story, {"title": story.title, "trashed": utcnow()})
            forget_places_of_story(holder)
            _unindex(chosen)
            for chunk in chunks(sorted(chosen)):
                Article.update(story=holder, trashed_from=story_id).where(
                    Article.id.in_(chunk)
                ).execute()
            _bump(Article, chosen)
            _bump(Story, [story_id])
            mark_stale([story_id])
            trashed.stories.append(holder)
            trashed.articles += chosen
        if whole:
            done = _trash_stories(whole)
            trashed.stories += done.stories
            trashed.articles += done.articles
        return trashed


@dataclass
class Restored:
    """What a restore brought back: the stories taken out of the Trash whole, and the
    articles put back in the stories they had left (article -> story)."""

    stories: list[int] = field(default_factory=list)
    articles: dict[int, int] = field(default_factory=dict)

    @property
    def shown(self) -> list[int]:
        """The stories where what was restored now is."""
        return list(dict.fromkeys([*self.stories, *self.articles.values()]))


def restore(story_ids: list[int]) -> Restored:
    """Take stories out of the Trash. Articles deleted alone go back to the story they left
    if it is still there (and not in the Trash itself); otherwise they stay together as a
    story of their own. Their claims are indexed again."""
    restored = Restored()
    with writing():
        for story_id in dict.fromkeys(story_ids):
            story = Story.get_or_none(Story.id == story_id)
            if story is None:
                raise CurationConflict("story", story_id, None)
            if story.trashed is None:
                raise CurationError(f"“{story.title}” is not in the Trash (someone restored it).")
            articles = list(Article.select(Article.id, Article.trashed_from)
                            .where(Article.story == story_id).tuples())  # fmt: skip
            home = {origin for _a, origin in articles if origin is not None}
            target = home.pop() if len(home) == 1 else None
            if target is not None:
                target_story = Story.get_or_none(Story.id == target)
                if target_story is None or target_story.trashed is not None:
                    target = None
            ids = [a for a, _o in articles]
            places = places_of_articles(ids)
            if target is None:
                Story.update(trashed=None).where(Story.id == story_id).execute()
                Article.update(trashed_from=None).where(Article.story == story_id).execute()
                _bump(Story, [story_id])
                restored.stories.append(story_id)
            else:
                Article.update(story=target, trashed_from=None).where(
                    Article.story == story_id
                ).execute()
                Story.delete().where(Story.id == story_id).execute()
                _bump(Story, [target])
                restored.articles.update({a: target for a in ids})
            _bump(Article, ids)
            follow_articles(places)  # restored as a story of their own: its unnamed sources
            if ids:
                index_articles(ids)
            mark_stale([target if target is not None else story_id])
    return restored


def undo_restore(
    restored: Restored,
    story_versions: dict[int, int | None] | None = None,
    article_versions: dict[int, int | None] | None = None,
) -> Trashed:
    """Put back in the Trash what a restore brought back, in one transaction; with the
    versions the person sees, nothing changes if someone else changed one since."""
    trashed = Trashed()
    with writing():
        check_stories(dict(story_versions or {}))
        check_articles(dict(article_versions or {}))
        if restored.stories:
            done = _trash_stories(restored.stories)
            trashed.stories += done.stories
            trashed.articles += done.articles
        if restored.articles:
            done = trash_articles(list(restored.articles))
            trashed.stories += done.stories
            trashed.articles += done.articles
    return trashed


def empty_trash(story_ids: list[int] | None = None) -> int:
    """Delete for good what is in the Trash (or these stories of it), with their articles,
    claims and links; returns the number of articles deleted. Cannot be undone."""
    with writing():
        query = Story.select(Story.id).where(Story.trashed.is_null(False))
        if story_ids is not None:
            query = query.where(Story.id.in_(story_ids))
        ids = [row[0] for row in query.tuples()]
        articles = 0
        for chunk in chunks(ids):
            articles += Article.select().where(Article.story.in_(chunk)).count()
            # the claims first (their links and words with them), then articles and stories:
            # a database without foreign keys turned on keeps nothing behind
            Claim.delete().where(
                Claim.article.in_(Article.select(Article.id).where(Article.story.in_(chunk)))
            ).execute()
            Article.delete().where(Article.story.in_(chunk)).execute()
            Story.delete().where(Story.id.in_(chunk)).execute()
    return articles


@dataclass(slots=True)
class TrashRow:
    """A story in the Trash as the Trash window and ``sourcemark stories --trash`` show it."""

    id: int
    title: str
    trashed: datetime
    articles: list[tuple[int, str]]  # id, title
    claims: int
    left: str | None  # articles deleted alone: the title of the story they left
    left_id: int | None


def trash_rows() -> list[TrashRow]:
    """What is in the Trash, the last deleted first."""
    rows = []
    for story in (
        Story.select()
        .where(Story.trashed.is_null(False))
        .order_by(Story.trashed.desc(), Story.id.desc())
    ):
        query = Article.select(Article.id, Article.title, Article.trashed_from)
        articles = list(query.where(Article.story == story.id).order_by(Article.id).tuples())
        claims = Claim.select().join(Article).where(Article.story == story.id).count()
        origins = {origin for _a, _t, origin in articles if origin is not None}
        left_id = origins.pop() if len(origins) == 1 else None
        left = Story.get_or_none(Story.id == left_id) if left_id is not None else None
        rows.append(TrashRow(story.id, story.title, story.trashed,
                             [(a, t) for a, t, _o in articles], claims,
                             left.title if left is not None else None,
                             left_id if left is not None else None))  # fmt: skip
    return rows


# ---- article details ------------------------------------------------------------------------


def article_details(article_id: int) -> dict:
    """An article's details as the form shows them (title, outlet name, byline, date,
    address) and its version."""
    state = _article_state(article_id)
    if state is None:
        raise CurationConflict("article", article_id, None)
    published = state["published"]
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    return {"title": state["title"], "outlet": state["outlet"], "byline": state["byline"],
            "published": published, "url": state["url"], "version": state["version"],
            "story_id": state["story_id"]}  # fmt: skip


def edit_article(article_id: int, changes: dict, version: int | None = None) -> tuple[dict, int]:
    """Correct an article's details (``changes``: any of title, outlet (a name), byline,
    published (a date or None), url). A changed outlet changes the outlet of every claim of
    the article, and the grades and corroborations that depend on it. Returns the values
    replaced (for undo) and the article's new version."""
    unknown = set(changes) - set(ARTICLE_FIELDS)
    if unknown:
        raise CurationError(f"not an article detail: {', '.join(sorted(unknown))}")
    values = {}
    for name, value in changes.items():
        if name == "published":
            if value is not None and not isinstance(value, date):
                raise CurationError("A date is written YYYY-MM-DD.")
            values[name] = value
            continue
        value = " ".join(str(value).split()) if value is not None else ""
        if name == "title":
            if not value:
                raise CurationError("An article needs a title.")
            values[name] = value[:500]
        elif name == "url":
            values[name] = value[:2000] or None
        elif name == "byline":
            values[name] = value[:500] or None
        else:
            values[name] = value[:200] or None
    with writing():
        check_articles({article_id: version}, live=False)
        before = article_details(article_id)
        old = {name: before[name] for name in values}
        stored = dict(values)
        if "outlet" in stored:
            stored["outlet"] = outlet_named(stored["outlet"])
        places = places_of_articles([article_id])
        Article.update(stored).where(Article.id == article_id).execute()
        _bump(Article, [article_id])
        if "outlet" in values and (old["outlet"] or None) != (values["outlet"] or None):
            follow_articles(places)  # an unnamed source is one in its outlet's articles
            # the outlet is every claim's: their grades, and whether they corroborate others
            mark_stale(stories_touched(claims_of_articles([article_id])))
        elif "published" in values:
            mark_stale([before["story_id"]])  # the story's dates
        return old, Article.get_by_id(article_id).version


def outlet_names() -> list[str]:
    """Every outlet's name (to complete the outlet of an article's details)."""
    return sorted((o.name for o in Outlet.select(Outlet.name)), key=str.casefold)


# ---- listings -------------------------------------------------------------------------------


def stories_listing(trash: bool = False) -> list[dict]:
    """Every story (or every story in the Trash) with its articles, newest first (``sourcemark
    stories --json`` prints them, a story without claims with no score); ``trashed`` is UTC."""
    condition = Story.trashed.is_null(False) if trash else Story.trashed.is_null()
    stories = list(Story.select().where(condition).order_by(Story.created.desc(), Story.id.desc()))
    listed = []
    ids = [s.id for s in stories]
    articles: dict[int, list[dict]] = {i: [] for i in ids}
    claims: dict[int, int] = {}
    for chunk in chunks(ids):
        for row in select(
            "SELECT a.story_id, a.id, a.title, o.name, a.byline, a.published, a.url, "
            "(SELECT COUNT(*) FROM claim c WHERE c.article_id = a.id) FROM article a "
            f"LEFT JOIN outlet o ON o.id = a.outlet_id WHERE a.story_id IN ({marks(chunk)}) "
            "ORDER BY a.story_id, a.published IS NULL, a.published, a.id",
            chunk,
        ):
            story_id, article_id, title, outlet, byline, published, url, count = row
            articles[story_id].append({
                "id": article_id, "title": title, "outlet": outlet, "byline": byline,
                "published": str(published)[:10] if published else None, "url": url})  # fmt: skip
            claims[story_id] = claims.get(story_id, 0) + count
    for story in stories:
        entry = {"id": story.id, "title": story.title, "score": story.score,
                 "code": story.code, "claims": claims.get(story.id, 0),
                 "articles": articles[story.id]}  # fmt: skip
        if trash:
            entry["trashed"] = story.trashed.isoformat(timespec="seconds")
        listed.append(entry)
    return listed
