"""Curating the story list: stories renamed (F2, in place), articles moved (dragged onto
another story, or Move to Story…), stories merged, stories and articles put in the Trash
(Delete) and restored (View ▸ Trash…), the Trash emptied. Each change but the last is a
step on the window's undo stack; a change someone else made first is said, and the list
then shows theirs."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QInputDialog, QMenu, QMessageBox

from sourcemark.store.curation import CurationConflict, TrashRow, empty_trash
from sourcemark.store.rows import article_rows
from sourcemark.ui.commands.curation import (
    MergeStories,
    MoveArticles,
    RenameStory,
    RestoreFromTrash,
    TrashStoriesOrArticles,
)
from sourcemark.ui.commands.store import storage_problem
from sourcemark.ui.dialogs.move_to_story import MoveToStoryDialog
from sourcemark.ui.dialogs.trash import TrashDialog, describe
from sourcemark.ui.models.roles import ID_ROLE, KIND_ROLE
from sourcemark.ui.models.stories import StoryTreeModel
from sourcemark.ui.wording import counted, short


class CurationController(QObject):
    """Pushes the story list's changes on the window's ``undo_stack``; after each (and its
    undo and redo) the list, the totals and the claims shown follow the database."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.refusal_box: QMessageBox | None = None
        self.move_dialog: MoveToStoryDialog | None = None
        self.merge_dialog: QInputDialog | None = None
        self.trash_dialog: TrashDialog | None = None
        self.empty_box: QMessageBox | None = None
        self.menu: QMenu | None = None
        self.emptied: set[tuple[str, int]] = set()  # ("story" or "article", id) emptied here

    def attach(self, stories) -> None:
        """Take the story list's keys, drops, edits and context menu (its actions are
        looked up when used: greyed, as on a read-only database, they do nothing)."""
        window = self.window
        queued = Qt.ConnectionType.QueuedConnection  # after the view has finished its event
        stories.tree_model.renameRequested.connect(self.rename_requested, queued)
        stories.tree_model.articlesDropped.connect(self.articles_dropped, queued)
        stories.rename_key.connect(lambda: window.rename_story_action.trigger())
        stories.delete_key.connect(lambda: window.trash_action.trigger())
        stories.customContextMenuRequested.connect(self.show_menu)

    # -- telling --------------------------------------------------------------------------------

    def _say(self, text: str, timeout: int = 8000) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def _undo_key(self) -> str:
        return self.window.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _push(self, command) -> bool:
        """Push a step; whether it was saved (a step refused leaves the stack at once)."""
        stack = self.window.undo_stack
        before = stack.index()
        stack.push(command)
        return stack.index() > before

    def refused(self, reason: Exception) -> None:
        """Someone else changed the story or article first (their change in words), or the
        change cannot be made as asked; nothing was saved."""
        if isinstance(reason, CurationConflict):
            text = reason.describe()
            if reason.theirs is None and (reason.kind, reason.row_id) in self.emptied:
                text = f"This {reason.kind} was deleted for good when the Trash was emptied."
            box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", text, parent=self.window)
            box.setInformativeText(
                "Nothing was changed. The story list now shows the database as it is; "
                "try again there if you still want the change."
            )
        else:
            box = QMessageBox(QMessageBox.Icon.Information, "Not saved", str(reason),
                              parent=self.window)  # fmt: skip
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.refusal_box = box
        box.open()

    def changed(self, fallback: int | None = None, show: int | None = None) -> None:
        """After a step, its undo or redo: the list, the totals and the claims read again,
        the story shown kept if it is still there (else ``fallback``), or ``show`` shown."""
        window = self.window
        window.refresh(prefer=fallback)
        if show is not None and window.stories.current_story_id() != show:
            window.stories.select_story(show)
        if self.trash_dialog is not None and self.trash_dialog.isVisible():
            self.trash_dialog.reload()

    # -- rename ---------------------------------------------------------------------------------

    def rename_story(self) -> None:
        """Edit the chosen story's title in place (Return saves it, Escape cancels)."""
        if not self.window.stories.rename_current():
            self._say("Choose a story in the list first, then rename it.")

    def rename_requested(self, story_id: int, title: str) -> None:
        story = self.window.stories.tree_model.story(story_id)
        title = " ".join(title.split())
        if story is None or title == story.title:
            return
        if not title:
            box = QMessageBox(QMessageBox.Icon.Information, "Not renamed",
                              "A story needs a title: it keeps the one it had.",
                              QMessageBox.StandardButton.Close, self.window)  # fmt: skip
            self.refusal_box = box
            box.open()
            return
        command = RenameStory(story_id, title, story.version, lambda shown: self.changed(shown),
                              self.refused, self.known)  # fmt: skip
        if self._push(command):
            self._say(f"Renamed {quoted(story.title, 40)} to {quoted(title, 40)} "
                      f"({self._undo_key()} to undo).")  # fmt: skip

    # -- move and merge -------------------------------------------------------------------------

    def articles_dropped(self, versions: dict[int, int | None], story_id: int | None) -> None:
        """Articles dragged onto a story (None: between stories, to a new one)."""
        if not self.window.move_articles_action.isEnabled():
            self._say("This database is read-only: articles cannot be moved in it.")
            return
        model = self.window.stories.tree_model
        if story_id is not None and all(model.story_of_article(a) == story_id for a in versions):
            return  # dropped on the story they are in
        self.move_articles(versions, story_id)

    def move_to_story(self) -> None:
        """Ask where the chosen articles (or every article of the chosen stories) go."""
        window = self.window
        model = window.stories.tree_model
        stories, articles = window.stories.selected_rows()
        versions = {a: self._article(a).version for a in articles}
        for story_id in stories:
            read = model.articles_of(story_id)
            if read is None:
                read = article_rows([story_id])[story_id]
            versions.update({a.id: a.version for a in read})
        if not versions:
            self._say("Choose articles (or stories) in the story list first, then move them.")
            return
        leaving = {model.story_of_article(a) for a in versions}
        first = self._article(next(iter(versions)))
        dialog = MoveToStoryDialog(len(versions), model.stories(),
                                   leaving if len(leaving) == 1 else set(),
                                   first.title if first is not None else "", window)  # fmt: skip
        self.move_dialog = dialog

        def move() -> None:
            story_id, title = dialog.chosen()
            self.move_articles(versions, story_id, title)

        dialog.accepted.connect(move)
        dialog.open()  # window-modal, without a nested event loop

    def _article(self, article_id: int):
        return self.window.stories.tree_model.article(article_id)

    def known(self, kind: str, row_id: int) -> int | None:
        """The version of a story or article the list shows now (None: not shown)."""
        model = self.window.stories.tree_model
        row = model.story(row_id) if kind == "story" else model.article(row_id)
        return row.version if row is not None else None

    def move_articles(self, versions: dict[int, int | None], story_id: int | None,
                      title: str | None = None) -> None:  # fmt: skip
        model = self.window.stories.tree_model
        target = model.story(story_id)
        n = len(versions)
        what = "Article" if n == 1 else f"{n} Articles"
        where = quoted(target.title, 40) if target is not None else "a New Story"
        story_versions = {story_id: target.version} if target is not None else {}
        command = MoveArticles(f"Move {what} to {where}", versions, story_id, story_versions,
                               lambda shown: self.changed(fallback=shown), self.refused,
                               title=title, known=self.known)  # fmt: skip
        if self._push(command):
            removed = command.moved.removed if command.moved is not None else []
            gone = "".join(f"; {quoted(row['title'], 40)}, left with no article, is gone"
                           for row in removed[:2])  # fmt: skip
            self._say(f"Moved {counted(n, 'article')} to "
                      f"{where.replace('a New Story', 'a new story')}{gone} "
                      f"({self._undo_key()} to undo).", 12000)  # fmt: skip

    def merge_stories(self) -> None:
        """Ask which title to keep (the first story chosen's, unless another is picked),
        then make the chosen stories one."""
        window = self.window
        model = window.stories.tree_model
        story_ids, _articles = window.stories.selected_rows()
        if len(story_ids) < 2:
            self._say("Choose two or more stories in the list (Ctrl+click), then merge them.")
            return
        stories = [model.story(s) for s in story_ids]
        dialog = QInputDialog(window)
        dialog.setWindowTitle("Merge Stories")
        dialog.setLabelText(f"Make these {len(stories)} stories one, with every article, claim, "
                            "review and note. Keep the title:")  # fmt: skip
        dialog.setComboBoxItems([story.title for story in stories])
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText("&Merge")
        dialog.resize(480, dialog.sizeHint().height())
        self.merge_dialog = dialog

        def merge() -> None:
            combo = dialog.findChild(QComboBox)
            into = stories[max(combo.currentIndex(), 0)]
            others = [s.id for s in stories if s.id != into.id]
            command = MergeStories(into.id, others, {s.id: s.version for s in stories},
                                   lambda shown: self.changed(fallback=shown),
                                   self.refused, self.known)  # fmt: skip
            if self._push(command):
                self._say(f"Merged {len(stories)} stories into {quoted(into.title, 40)} "
                          f"({self._undo_key()} to undo).")  # fmt: skip

        dialog.accepted.connect(merge)
        dialog.open()

    # -- the Trash ------------------------------------------------------------------------------

    def delete_selected(self) -> None:
        """Put the chosen stories, or articles chosen alone, in the Trash: no question asked
        (Ctrl+Z takes it back, and the Trash keeps them)."""
        window = self.window
        model = window.stories.tree_model
        story_ids, articles = window.stories.selected_rows()
        if not story_ids and not articles:
            self._say("Choose stories or articles in the story list first, then delete them.")
            return
        neighbour = self._neighbour(story_ids)
        if story_ids and not articles:
            stories = {s: model.story(s).version for s in story_ids}
            alone: dict[int, int | None] = {}
            first = model.story(story_ids[0]).title
            what = (quoted(first, 40) if len(stories) == 1
                    else counted(len(stories), "story", "stories"))  # fmt: skip
            text = (f"Delete Story {quoted(first, 40)}" if len(stories) == 1
                    else f"Delete {len(stories)} Stories")  # fmt: skip
        else:
            stories = {}
            alone = {a: self._article(a).version for a in articles}
            for story_id in story_ids:  # with articles of other stories: every article
                read = model.articles_of(story_id) or article_rows([story_id])[story_id]
                alone.update({a.id: None for a in read})
            article = self._article(next(iter(articles)))
            story = model.story(articles[article.id])
            what = (f"the article {quoted(article.title, 40)} of {quoted(story.title, 30)}"
                    if len(alone) == 1 else counted(len(alone), "article"))  # fmt: skip
            text = (f"Delete Article {quoted(article.title, 40)}" if len(alone) == 1
                    else f"Delete {len(alone)} Articles")  # fmt: skip
        command = TrashStoriesOrArticles(text, stories, alone,
                                         lambda shown: self.changed(neighbour, shown),
                                         self.refused)  # fmt: skip
        if self._push(command):
            self._say(f"Moved to the Trash: {what} ({self._undo_key()} to undo).", 15000)

    def _neighbour(self, story_ids: list[int]) -> int | None:
        """The story to show once these are gone: the one after them in the list, else the
        one before."""
        model = self.window.stories.tree_model
        rows = sorted(model.row_of(s) for s in story_ids)
        if not rows:
            return None
        gone = set(rows)
        for row in [*range(rows[-1] + 1, model.rowCount()), *range(rows[0] - 1, -1, -1)]:
            if row not in gone:
                return model.index(row, 0).data(ID_ROLE)
        return None

    def show_trash(self) -> None:
        if self.trash_dialog is None:
            dialog = TrashDialog(self.window)
            dialog.restore_requested.connect(self.restore)
            dialog.empty_requested.connect(self.ask_to_empty)
            self.trash_dialog = dialog
        else:
            self.trash_dialog.reload()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        self.trash_dialog.activateWindow()

    def restore(self, rows: list[TrashRow]) -> None:
        if not self.window.move_articles_action.isEnabled():
            self._say("This database is read-only: nothing can be restored in it.")
            return
        first = rows[0]
        name = first.title if first.left is None else first.articles[0][1]
        text = f"Restore {quoted(name, 40)}" if len(rows) == 1 else f"Restore {len(rows)} Items"
        command = RestoreFromTrash(text, [row.id for row in rows],
                                   lambda shown: self.changed(show=shown),
                                   self.refused)  # fmt: skip
        if self._push(command):
            what = quoted(name, 60) if len(rows) == 1 else counted(len(rows), "item")
            self._say(f"Restored {what} from the Trash ({self._undo_key()} to undo).")

    def ask_to_empty(self, rows: list[TrashRow]) -> None:
        """Empty Trash asks first, naming what goes for good; it cannot be undone."""
        if not rows:
            return
        if not self.window.move_articles_action.isEnabled():
            self._say("This database is read-only: the Trash cannot be emptied.")
            return
        whole = [row for row in rows if row.left is None]
        alone = sum(len(row.articles) for row in rows if row.left is not None)
        parts = []
        if whole:
            parts.append(counted(len(whole), "story", "stories"))
        if alone:
            parts.append(f"{counted(alone, 'article')} deleted from stories")
        articles = sum(len(row.articles) for row in rows)
        claims = sum(row.claims for row in rows)
        if len(rows) == 1:  # named
            row = rows[0]
            parts = [quoted(row.title, 60) if row.left is None
                     else describe(row).replace("“", "the article “", 1)
                     if len(row.articles) == 1 else describe(row)]  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Warning, "Empty Trash",
                          f"Delete {' and '.join(parts)} for good?",
                          parent=self.trash_dialog or self.window)  # fmt: skip
        box.setInformativeText(
            f"{counted(articles, 'article')} and {counted(claims, 'claim')}, with their "
            "reviews and notes, are deleted from the database. This cannot be undone."
        )
        empty = box.addButton("&Delete for Good", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        empty.clicked.connect(lambda: self.empty(rows))
        self.empty_box = box
        box.open()

    def empty(self, rows: list[TrashRow]) -> None:
        """Delete for good what the Trash showed (not what someone else put there since).
        The undo steps that would bring it back then say it is gone, and leave the stack."""
        window = self.window
        try:
            deleted = empty_trash([row.id for row in rows])
        except Exception as error:  # the database refused (busy, gone, full, read-only)
            window.database.store_problem(
                storage_problem(error, "The Trash was not emptied"), error
            )
            return
        for row in rows:
            self.emptied.add(("story", row.id))
            self.emptied.update(("article", article) for article, _title in row.articles)
        self.changed()
        self._say(f"Emptied the Trash: {counted(deleted, 'article')} deleted for good.", 15000)

    # -- finding and the menu -------------------------------------------------------------------

    def find_story(self) -> None:
        self.window.story_panel.find()

    def show_menu(self, position) -> None:
        """The story list's context menu: what can be done to the row clicked (and the
        rows chosen with it)."""
        window, tree = self.window, self.window.stories
        index = tree.indexAt(position)
        if index.isValid() and not tree.selectionModel().isSelected(index):
            tree.setCurrentIndex(index)  # a row clicked outside the selection: it alone
        menu = QMenu(tree)
        if index.isValid():
            article = index.siblingAtColumn(0).data(KIND_ROLE) == StoryTreeModel.ARTICLE
            if not article:
                menu.addAction(window.rename_story_action)
            menu.addAction(window.move_articles_action)
            if not article:
                menu.addAction(window.merge_stories_action)
            menu.addSeparator()
            menu.addAction(window.trash_action)
            details = getattr(window, "article_details_action", None)
            if article and details is not None:
                menu.addSeparator()
                menu.addAction(details)
            menu.addSeparator()
        menu.addAction(window.find_story_action)
        menu.addAction(window.show_trash_action)
        self.menu = menu
        menu.popup(tree.viewport().mapToGlobal(position))


def quoted(text: str, width: int) -> str:
    """A title in quotes, shortened to ``width`` (its last word cut, not a space left)."""
    return f"“{short(text, width).replace(' …', '…')}”"
