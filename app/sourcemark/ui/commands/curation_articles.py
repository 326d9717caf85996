"""Undoable changes to articles: their details corrected, and an import taken back (its
articles put in the Trash, and restored by redo). Each is one transaction checked against
the version this window last knew; a step someone else's change made impossible is
refused, said through ``conflicted``, and dropped from the undo stack."""

from collections.abc import Callable

from sourcemark.store.curation import (
    CurationConflict,
    Trashed,
    edit_article,
    restore,
    trash_articles,
    versions_of,
)
from sourcemark.store.models import Article
from sourcemark.ui.commands.store import StoreCommand
from sourcemark.ui.wording import counted, short

DETAIL_NAMES = {"title": "title", "outlet": "outlet", "byline": "byline",
                "published": "date", "url": "address"}  # fmt: skip


class EditArticle(StoreCommand):
    """An article's details changed (``changes``: only those changed); undo puts the old
    values back. ``version``: the article's version when the form read it."""

    def __init__(
        self,
        article_id: int,
        title: str,
        changes: dict,
        version: int | None,
        done: Callable[[int], None],
        conflicted: Callable[[CurationConflict], None],
    ):
        names = [DETAIL_NAMES[name] for name in changes]
        what = f"the {names[0]}" if len(names) == 1 else "the details"
        super().__init__(f"Change {what} of “{short(title, 40)}”")
        self.article_id, self.changes, self.version = article_id, changes, version
        self.done, self.conflicted = done, conflicted
        self.old: dict | None = None

    def redo(self) -> None:
        self._write(self.changes, first=self.old is None)

    def undo(self) -> None:
        self._write(self.old or {}, first=False)

    def _write(self, values: dict, first: bool) -> None:
        try:
            old, self.version = edit_article(self.article_id, values, self.version)
        except CurationConflict as conflict:
            self.setObsolete(True)  # nothing changed; the step cannot be taken any more
            self.conflicted(conflict)
            return
        if first:
            self.old = old
        self.done(self.article_id)


class ImportArticles(StoreCommand):
    """Articles an import stored. The first redo does nothing (they are stored already);
    undo puts them in the Trash, redo takes them out again."""

    def __init__(
        self,
        article_ids: list[int],
        done: Callable[[list[int]], None],
        conflicted: Callable[[CurationConflict], None],
    ):
        super().__init__(import_step_name(article_ids))
        self.article_ids = list(article_ids)
        self.done, self.conflicted = done, conflicted
        self.versions: dict[int, int | None] = dict(versions_of(Article, self.article_ids))
        self.trashed: Trashed | None = None
        self.stored = True  # as the import left them

    def redo(self) -> None:
        if self.stored:
            return  # the first push: the import itself stored them
        try:
            restored = restore(self.trashed.stories)
        except CurationConflict as conflict:
            self.setObsolete(True)
            self.conflicted(conflict)
            return
        self.versions = dict(versions_of(Article, self.article_ids))
        self.stored = True
        self.done(restored.shown)

    def undo(self) -> None:
        try:
            self.trashed = trash_articles(self.article_ids, self.versions)
        except CurationConflict as conflict:
            self.setObsolete(True)
            self.conflicted(conflict)
            return
        self.stored = False
        self.done([])


def import_step_name(article_ids: list[int]) -> str:
    """The Edit menu's name for an import: 'Import “Title”', 'Import 12 Articles'."""
    if len(article_ids) == 1:
        article = Article.get_or_none(Article.id == article_ids[0])
        if article is not None:
            return f"Import “{short(article.title, 40)}”"
    return f"Import {counted(len(article_ids), 'Article')}"
