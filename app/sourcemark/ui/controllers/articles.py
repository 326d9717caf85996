"""Articles corrected and imports taken back: Edit ▸ Article Details, and the undo step of
each import; what someone else changed first said in words."""

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from sourcemark.store.curation import CurationConflict, article_details, outlet_names
from sourcemark.store.rows import articles_of
from sourcemark.ui.commands.curation_articles import EditArticle, ImportArticles
from sourcemark.ui.dialogs.article_details import ArticleDetailsDialog
from sourcemark.ui.models.roles import ID_ROLE, KIND_ROLE
from sourcemark.ui.models.stories import StoryTreeModel
from sourcemark.ui.wording import short


class ArticlesController(QObject):
    """Opens the details form over the window and pushes its change, and each import's
    step, on the window's ``undo_stack``; after each, the window shows the stored state."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.details_dialog: ArticleDetailsDialog | None = None
        self.conflict_box: QMessageBox | None = None

    def _say(self, text: str, timeout: int = 5000) -> None:
        self.window.statusBar().showMessage(text, timeout)

    # -- which article ----------------------------------------------------------------------------

    def current_article(self) -> int | None:
        """The article chosen in the story list; else the one the article pane shows; else
        the first of the story chosen."""
        window = self.window
        index = window.stories.currentIndex().siblingAtColumn(0)
        if index.isValid() and index.data(KIND_ROLE) == StoryTreeModel.ARTICLE:
            return index.data(ID_ROLE)
        if window.article_pane.article_id is not None:
            return window.article_pane.article_id
        story_id = window.stories.current_story_id()
        articles = articles_of(story_id) if story_id is not None else []
        return articles[0].id if articles else None

    # -- the details form -------------------------------------------------------------------------

    def edit_details(self) -> None:
        """Open the details form of the current article; OK saves what was changed as one
        undoable step, checked against the version read now."""
        article_id = self.current_article()
        if article_id is None:
            self._say("Choose an article in the story list first.")
            return
        try:
            details = article_details(article_id)
        except CurationConflict as conflict:
            self.show_conflict(conflict)
            return
        story_title = self.window.stories.title_of(details["story_id"]) or ""
        dialog = ArticleDetailsDialog(details, outlet_names(), story_title, self.window)
        if self.details_dialog is not None:
            self.details_dialog.deleteLater()  # the last one, closed
        self.details_dialog = dialog

        def save() -> None:
            changes = dialog.changes()
            if not changes:
                self._say("Nothing was changed.")
                return
            title = changes.get("title") or details["title"]
            command = EditArticle(article_id, title, changes, details["version"],
                                  self.article_changed, self.show_conflict)  # fmt: skip
            stack = self.window.undo_stack
            before = stack.index()
            stack.push(command)
            if stack.index() > before:  # kept: it was saved (a refused one is dropped)
                named = {"title": "title", "outlet": "outlet", "byline": "byline",
                         "published": "date", "url": "address"}  # fmt: skip
                fields = ", ".join(named[f] for f in named if f in changes)
                regraded = (" (its claims are graded again for the new outlet)"
                            if "outlet" in changes else "")  # fmt: skip
                self._say(f"Saved the {fields} of “{short(title, 50)}”{regraded}; "
                          f"{key_of(self.window.undo_action)} undoes it.", 10000)  # fmt: skip

        dialog.accepted.connect(save)
        dialog.open()  # window-modal, without a nested event loop

    def article_changed(self, article_id: int) -> None:
        """After a change of details, its undo or redo: the stories read again (a new outlet
        regrades the claims and rescores the stories they reach), the article still shown."""
        window = self.window
        chosen = window.stories.currentIndex().siblingAtColumn(0)
        article_chosen = chosen.isValid() and chosen.data(KIND_ROLE) == StoryTreeModel.ARTICLE
        window.refresh()
        try:
            details = article_details(article_id)
        except CurationConflict:
            return
        if article_chosen or window.claims.article_filter == article_id:
            self.choose_article(details["story_id"], article_id)
        elif not window.claims.archive() and details["story_id"] != (
            window.stories.current_story_id()
        ):
            window.stories.select_story(details["story_id"])

    def choose_article(self, story_id: int, article_id: int) -> None:
        """Make an article's row current in the story list (which shows it)."""
        stories = self.window.stories
        model = stories.tree_model
        row = model.row_of(story_id)
        if row < 0:
            return
        parent = model.index(row, 0)
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        stories.expand(parent)
        for n in range(model.rowCount(parent)):
            index = model.index(n, 0, parent)
            if index.data(ID_ROLE) == article_id:
                stories.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return

    # -- imports ----------------------------------------------------------------------------------

    def imported(self, article_ids: list[int]) -> None:
        """An import stored these articles: one undo step takes them all back."""
        if article_ids:
            command = ImportArticles(article_ids, self.import_changed, self.show_conflict)
            self.window.undo_stack.push(command)

    def import_changed(self, story_ids: list[int]) -> None:
        """After an import was undone (``story_ids`` empty) or redone (where it is again)."""
        window = self.window
        window.refresh()
        if story_ids:
            window.stories.select_story(story_ids[0])
            self._say("The import is back.")
        else:
            redo = key_of(window.redo_action)
            self._say(f"The import was put in the Trash (View ▸ Trash); {redo} brings it back.")

    # -- conflicts --------------------------------------------------------------------------------

    def show_conflict(self, conflict: CurationConflict) -> None:
        """Someone else changed (or deleted) the article or story first: say what they did,
        that nothing was overwritten, and offer to reload."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Changed by someone else",
                          "Your change was not saved (nothing was overwritten).",
                          parent=self.window)  # fmt: skip
        box.setInformativeText(f"{conflict.describe()}\n\nReload to see it, then try again.")
        reload_button = box.addButton("&Reload", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(reload_button)
        reload_button.clicked.connect(self.window.reload_story)
        self.conflict_box = box
        box.open()


def key_of(action) -> str:
    """An action's first key as this platform writes it ("Ctrl+Z")."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
