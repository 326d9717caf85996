"""Undoable changes to the story list: a story renamed, articles moved, stories merged, put
in the Trash and restored. Each saves its change in its own transaction, checked against
the versions this window read: first those the list showed when the change was asked for,
then (undone or redone) those it shows now (``known``: the window reads the list again
after every step, its own included). When someone else changed the story or article first,
nothing is saved, the step leaves the stack and the CurationConflict goes to ``refused``
(so does a CurationError: a change that cannot be made as asked). ``done`` is called after
each change with the story to show (None: the one shown, if it is still there)."""

from collections.abc import Callable

from sourcemark.store.curation import (
    CurationConflict,
    CurationError,
    Moved,
    Restored,
    Trashed,
    merge_stories,
    move_articles,
    rename_story,
    restore,
    trash_articles,
    trash_stories,
    undo_move,
    undo_restore,
)
from sourcemark.ui.commands.store import StoreCommand

Done = Callable[[int | None], None]
Refused = Callable[[Exception], None]
Known = Callable[[str, int], int | None]  # ("story" or "article", id) -> version, or None


class CurationCommand(StoreCommand):
    """A change the store may refuse (CurationConflict: someone else changed it first;
    CurationError: it cannot be made as asked): the step is dropped and the refusal told."""

    def __init__(self, text: str, done: Done, refused: Refused, known: Known | None = None):
        super().__init__(text)
        self.done, self.refused = done, refused
        self.known = known or (lambda kind, row_id: None)

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.take_back)

    def _run(self, step: Callable[[], int | None]) -> None:
        try:
            shown = step()
        except (CurationConflict, CurationError) as reason:
            self.setObsolete(True)  # the stack forgets this step: it cannot be done again
            self.done(None)  # the list as it is now, theirs in it
            self.refused(reason)
            return
        self.done(shown)

    def do(self) -> int | None:
        raise NotImplementedError

    def take_back(self) -> int | None:
        raise NotImplementedError

    def versions(self, kind: str, recorded: dict[int, int | None]) -> dict[int, int | None]:
        """The versions the window shows now, else those recorded."""
        return {row_id: self.known(kind, row_id) or version for row_id, version in recorded.items()}


class RenameStory(CurationCommand):
    """A story's new title; undo gives it back the title it had."""

    def __init__(self, story_id: int, title: str, version: int | None, done, refused,
                 known: Known | None = None):  # fmt: skip
        super().__init__("Rename Story", done, refused, known)
        self.story_id, self.title, self.version = story_id, title, version
        self.old: str | None = None

    def do(self) -> int | None:
        version = self.version if self.old is None else self._version()
        old, self.version = rename_story(self.story_id, self.title, version)
        if self.old is None:
            self.old = old
        return self.story_id

    def take_back(self) -> int | None:
        _title, self.version = rename_story(self.story_id, self.old, self._version())
        return self.story_id

    def _version(self) -> int | None:
        return self.known("story", self.story_id) or self.version


class MoveArticles(CurationCommand):
    """Articles moved to a story (``to_story``), or to a new one titled ``title``; undo
    puts each back in the story it came from (made again if the move emptied it)."""

    def __init__(
        self,
        text: str,
        article_versions: dict[int, int | None],
        to_story: int | None,
        story_versions: dict[int, int | None],
        done,
        refused,
        title: str | None = None,
        known: Known | None = None,
    ):
        super().__init__(text, done, refused, known)
        self.article_versions = dict(article_versions)
        self.to_story, self.title = to_story, title
        self.story_versions = dict(story_versions)
        self.moved: Moved | None = None

    def do(self) -> int | None:
        self.moved = self.move()
        return self.moved.target

    def move(self) -> Moved:
        if self.moved is None:  # as the list showed them when the move was asked for
            return move_articles(list(self.article_versions), self.to_story,
                                 self.article_versions, self.story_versions,
                                 self.title)  # fmt: skip
        to_story = self.to_story
        if self.moved.created is not None:
            to_story = None  # the story made for them went with the undo: made again
        versions = self.versions("article", self.article_versions)
        stories = {} if to_story is None else {to_story: self.known("story", to_story)}
        return move_articles(list(versions), to_story, versions, stories, self.title)

    def take_back(self) -> int | None:
        self.moved.article_versions = self.versions("article", self.moved.article_versions)
        self.article_versions = undo_move(self.moved)
        origins = [before for _article, before, _after in self.moved.moves]
        return origins[0] if origins else None


class MergeStories(MoveArticles):
    """Every article of ``others`` moved into ``into``; the others disappear. Undo makes
    them again, each with its articles."""

    def __init__(self, into: int, others: list[int], versions: dict[int, int | None], done,
                 refused, known: Known | None = None):  # fmt: skip
        super().__init__(f"Merge {len(others) + 1} Stories", {}, into, versions, done, refused,
                         known=known)  # fmt: skip
        self.others = list(others)

    def move(self) -> Moved:
        if self.moved is None:
            return merge_stories(self.to_story, self.others, self.story_versions)
        if not self.article_versions:  # stories without articles: merged again
            return merge_stories(self.to_story, self.others)
        return super().move()

    def take_back(self) -> int | None:
        super().take_back()
        return self.to_story


class TrashStoriesOrArticles(CurationCommand):
    """Stories, or articles alone, put in the Trash; undo restores them, redo puts them
    back in the Trash."""

    def __init__(self, text: str, stories: dict[int, int | None],
                 articles: dict[int, int | None], done, refused):  # fmt: skip
        super().__init__(text, done, refused)
        self.stories, self.articles = dict(stories), dict(articles)
        self.trashed: Trashed | None = None
        self.restored: Restored | None = None

    def do(self) -> int | None:
        if self.restored is not None:
            self.trashed = _trash_again(self, self.restored)
        elif self.stories:
            self.trashed = trash_stories(list(self.stories), self.stories)
        else:
            self.trashed = trash_articles(list(self.articles), self.articles)
        return None

    def take_back(self) -> int | None:
        self.restored = restore(self.trashed.stories)
        shown = self.restored.shown
        return shown[0] if shown else None


class RestoreFromTrash(CurationCommand):
    """Stories of the Trash restored (articles deleted alone go back to the story they
    left); undo puts them back in the Trash."""

    def __init__(self, text: str, story_ids: list[int], done, refused):
        super().__init__(text, done, refused)
        self.story_ids = list(story_ids)
        self.restored: Restored | None = None

    def do(self) -> int | None:
        self.restored = restore(self.story_ids)
        shown = self.restored.shown
        return shown[0] if shown else None

    def take_back(self) -> int | None:
        self.story_ids = _trash_again(self, self.restored).stories
        return None


def _trash_again(command: CurationCommand, restored: Restored) -> Trashed:
    """What a restore brought back put in the Trash again, unless someone else changed it
    since (checked against the versions the window shows)."""
    stories = command.versions("story", dict.fromkeys(restored.stories))
    articles = command.versions("article", dict.fromkeys(restored.articles))
    return undo_restore(restored, stories, articles)
