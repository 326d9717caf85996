"""Curating the story list from the window, by its keys, clicks and drags: stories renamed
in place (F2), articles dragged or moved to another story, stories merged, stories and
articles deleted to the Trash and restored, the Trash emptied, stories found by words.
Each change is saved at once, undone by Ctrl+Z and redone by Ctrl+Shift+Z, and refused
when someone else changed the same story first."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from sourcemark.pipeline import import_paths
from sourcemark.store import close_database, open_database
from sourcemark.store.curation import rename_story
from sourcemark.store.models import Article, Claim, Story
from sourcemark.ui.models.roles import ID_ROLE
from tests.disks import make_read_only, small_disk
from tests.ui.test_main_window import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

BRIDGE = "Bridge to close for six weeks of repairs"
BUDGET = "Council approves the library budget"
FERRY = "Ferry fares rise by a tenth in May"
ARTICLES = {
    "bridge.txt": ("Harbour Gazette", BRIDGE, "The harbour bridge will close for six weeks "
                   "from April after inspectors found corrosion, the transport department said "
                   "on Monday. \"We have no choice,\" said the city engineer, Tom Reid."),
    "budget.txt": ("Valley Times", BUDGET, "The council approved the library budget on "
                   "Tuesday, the mayor said. Critics said the plan cuts too deep, according to "
                   "a person familiar with the talks."),
    "ferry.txt": ("Mountain Courier", FERRY, "Ferry fares will rise by a tenth in May because "
                  "of the price of fuel, the ferry company said in a statement on Friday."),
}  # fmt: skip
SECOND_BUDGET = ("Lakeside Herald", "Library budget passes after a long night",
                 "The library budget passed after midnight, the council clerk said. Opponents "
                 "said they would appeal, a spokesperson for the group said.")  # fmt: skip


def write_article(path, outlet: str, title: str, body: str):
    path.write_text(f"{outlet}\n\n{title}\n\nBy Ann Lee\n\n{body}\n", encoding="utf-8")
    return str(path)


def curation_window(qtbot, db_url, settings, tmp_path, second_budget=False):
    """Three stories imported from files (newest first: ferry, budget, bridge), the budget
    story with a second article if asked; the window active, for its shortcuts."""
    open_database(db_url)
    paths = [write_article(tmp_path / name, *parts) for name, parts in ARTICLES.items()]
    report = import_paths(paths)
    assert len(report.imported) == 3
    if second_budget:
        budget = Article.get(Article.title == BUDGET).story_id
        import_paths([write_article(tmp_path / "budget-2.txt", *SECOND_BUDGET)], budget)
    window = make_window(qtbot, db_url, settings)
    window.changes.timer.stop()  # the list shows what the test says: no reload between
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def story_id(title: str) -> int:
    return Story.get(Story.title == title).id


def shown_titles(window) -> list[str]:
    model = window.stories.tree_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def story_index(window, title: str):
    """The row of the list showing this title."""
    model = window.stories.tree_model
    return model.index(shown_titles(window).index(title), 0)


def article_index(window, article_title: str):
    article = Article.get(Article.title == article_title)
    model = window.stories.tree_model
    parent = model.index(model.row_of(article.story_id), 0)
    return next(model.index(row, 0, parent) for row in range(model.rowCount(parent))
                if model.index(row, 0, parent).data(ID_ROLE) == article.id)  # fmt: skip


def click(qtbot, window, index, modifier=Qt.KeyboardModifier.NoModifier, button=None):
    """Click a row of the story list, as a user chooses it (Ctrl: one more)."""
    tree = window.stories
    tree.setFocus()
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), button or Qt.MouseButton.LeftButton, modifier,
                     tree.visualRect(index).center())  # fmt: skip


def context_menu(qtbot, window, index):
    """Right-click a row: it is chosen (unless it already is), then its menu opens."""
    tree = window.stories
    click(qtbot, window, index, button=Qt.MouseButton.RightButton)
    point = tree.visualRect(index).center()
    QApplication.sendEvent(tree.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, tree.viewport().mapToGlobal(point)))  # fmt: skip
    menu = window.curation.menu
    qtbot.waitUntil(menu.isVisible)
    return menu


def choose(qtbot, menu, text: str) -> None:
    """Click the entry of an open menu whose words are ``text``."""
    action = next(a for a in menu.actions() if a.text().split("\t")[0].replace("&", "") == text)
    assert action.isEnabled(), f"{text} is greyed"
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def open_from_menu_bar(qtbot, window, menu_title: str, text: str) -> None:
    """Open a menu of the menu bar and click one of its entries, as a user does."""
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(entry).center())
    qtbot.waitUntil(entry.menu().isVisible)
    choose(qtbot, entry.menu(), text)


def shown_box(qtbot, window) -> QMessageBox:
    """The message the window opened (window-modal, no nested event loop)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    return QApplication.activeModalWidget()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key in the story list, where the person is working."""
    window.stories.setFocus()
    qtbot.keyClick(window.stories, key, modifier)


def editor_of(window, index) -> QLineEdit:
    editor = window.stories.indexWidget(index)
    assert isinstance(editor, QLineEdit), "no title editor opened"
    return editor


def rename_by_keys(qtbot, window, title: str, new_title: str) -> None:
    """F2 on a story, its title replaced by typing, Return."""
    index = story_index(window, title)
    click(qtbot, window, index)
    press(qtbot, window, Qt.Key.Key_F2)
    editor = editor_of(window, index)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, new_title)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


# -- rename ---------------------------------------------------------------------------------------


def test_f2_renames_a_story_in_place_and_the_keys_undo_and_redo_it(
    qtbot, db_url, settings, tmp_path
):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    ferry = story_id(FERRY)
    rename_by_keys(qtbot, window, FERRY, "Ferry fares")
    qtbot.waitUntil(lambda: Story.get_by_id(ferry).title == "Ferry fares")
    assert "Ferry fares" in shown_titles(window) and FERRY not in shown_titles(window)
    assert window.summary.title.text() == "Ferry fares"  # the story shown, renamed
    assert window.undo_action.text() == "&Undo Rename Story"
    assert "Ctrl+Z to undo" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert Story.get_by_id(ferry).title == FERRY and FERRY in shown_titles(window)
    assert window.redo_action.text() == "&Redo Rename Story"
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert Story.get_by_id(ferry).title == "Ferry fares"
    assert window.stories.current_story_id() == ferry


def test_escape_leaves_the_title_as_it_was(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    index = story_index(window, BUDGET)
    click(qtbot, window, index)
    press(qtbot, window, Qt.Key.Key_F2)
    editor = editor_of(window, index)
    qtbot.keyClicks(editor, "Not this")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.wait(20)
    assert Story.get_by_id(story_id(BUDGET)).version == 1
    assert window.undo_stack.count() == 0 and BUDGET in shown_titles(window)


def test_an_empty_title_is_refused_with_a_message(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    rename_by_keys(qtbot, window, BRIDGE, "   ")
    box = shown_box(qtbot, window)
    assert "needs a title" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert BRIDGE in shown_titles(window) and window.undo_stack.count() == 0


def test_a_rename_is_refused_when_someone_else_renamed_the_story_first(
    qtbot, db_url, settings, tmp_path
):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    ferry = story_id(FERRY)
    rename_story(ferry, "Ferry fares soar", version=1)  # another person, on the same database
    rename_by_keys(qtbot, window, FERRY, "Mine")  # the list still shows version 1
    box = shown_box(qtbot, window)
    assert "it is now “Ferry fares soar”, with 1 article" in box.text()
    assert Story.get_by_id(ferry).title == "Ferry fares soar"  # theirs kept
    assert "Ferry fares soar" in shown_titles(window)  # the list shows theirs now
    assert window.undo_stack.count() == 0
    close = next(b for b in box.buttons() if b.text().replace("&", "") == "Close")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    rename_by_keys(qtbot, window, "Ferry fares soar", "Mine")  # read again: it goes through
    qtbot.waitUntil(lambda: Story.get_by_id(ferry).title == "Mine")


# -- move and merge -------------------------------------------------------------------------------


def drop_on(qtbot, window, mime, index) -> None:
    """What Qt's drag delivers to the list once the articles are dragged onto ``index``:
    enter, move and drop there, as a move. (QDrag.exec runs its own loop on the real
    mouse, which the offscreen tests have not; the data is the model's own mimeData of the
    rows chosen, as the view's startDrag makes it.)"""
    viewport = window.stories.viewport()
    point = QPointF(window.stories.visualRect(index).center())
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    for event in (QDragEnterEvent(point.toPoint(), *args), QDragMoveEvent(point.toPoint(), *args)):
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted()
    drop = QDropEvent(point, *args)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.MoveAction


def test_dragging_an_article_onto_another_story_moves_it_and_undo_brings_it_back(
    qtbot, db_url, settings, tmp_path
):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    bridge, budget = story_id(BRIDGE), story_id(BUDGET)
    article = Article.get(Article.title == BRIDGE)
    claims = Claim.select().where(Claim.article == article).count()
    click(qtbot, window, article_index(window, BRIDGE))
    tree = window.stories
    mime = tree.tree_model.mimeData(tree.selectedIndexes())
    drop_on(qtbot, window, mime, story_index(window, BUDGET))
    qtbot.waitUntil(lambda: Article.get_by_id(article.id).story_id == budget)
    assert Story.get_or_none(Story.id == bridge) is None  # left with no article
    assert shown_titles(window) == [FERRY, BUDGET]
    assert tree.tree_model.rowCount(story_index(window, BUDGET)) == 2
    assert window.stories.current_story_id() == budget  # where the article went
    assert Claim.select().where(Claim.article == article).count() == claims
    told = window.statusBar().currentMessage()
    assert told.startswith("Moved 1 article to “Council")
    assert "left with no article, is gone" in told  # the story that vanished is named
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert Article.get_by_id(article.id).story_id == bridge  # its story made again
    assert sorted(shown_titles(window)) == sorted([FERRY, BUDGET, BRIDGE])


def test_undo_walks_back_through_the_windows_own_steps(qtbot, db_url, settings, tmp_path):
    """Each step changes versions the next undo checks: the window's own changes are no
    one else's, and Ctrl+Z takes them back one by one."""
    window = curation_window(qtbot, db_url, settings, tmp_path)
    budget = story_id(BUDGET)
    ferry = Article.get(Article.title == FERRY)
    rename_by_keys(qtbot, window, BUDGET, "Library budget")
    qtbot.waitUntil(lambda: Story.get_by_id(budget).title == "Library budget")
    click(qtbot, window, article_index(window, FERRY))
    mime = window.stories.tree_model.mimeData(window.stories.selectedIndexes())
    drop_on(qtbot, window, mime, story_index(window, "Library budget"))
    qtbot.waitUntil(lambda: Article.get_by_id(ferry.id).story_id == budget)
    click(qtbot, window, story_index(window, "Library budget"))
    press(qtbot, window, Qt.Key.Key_Delete)  # the story, with the article moved into it
    assert Story.get_by_id(budget).trashed is not None
    for _step in range(3):  # the delete, the move, the rename
        press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert QApplication.activeModalWidget() is None  # nothing refused
    assert Story.get_by_id(budget).title == BUDGET and Story.get_by_id(budget).trashed is None
    assert Article.get_by_id(ferry.id).story.title == FERRY
    assert sorted(shown_titles(window)) == sorted([FERRY, BUDGET, BRIDGE])
    for _step in range(3):
        press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert Story.get_by_id(budget).trashed is not None
    assert shown_titles(window) == [BRIDGE]


def test_files_dropped_on_a_story_are_still_imported_into_it(qtbot, db_url, settings, tmp_path):
    from tests.ui.test_import import IMPORT_TIMEOUT, drop_at, files_mime

    window = curation_window(qtbot, db_url, settings, tmp_path)
    path = write_article(tmp_path / "more.txt", *SECOND_BUDGET)
    rect = window.stories.visualRect(story_index(window, BUDGET))
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drop_at(window.stories.viewport(), QPointF(rect.center()), files_mime(path))
    assert Article.get(Article.title == SECOND_BUDGET[1]).story_id == story_id(BUDGET)


def test_move_to_story_puts_an_article_in_a_new_story(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path, second_budget=True)
    budget = story_id(BUDGET)
    second = Article.get(Article.title == SECOND_BUDGET[1])
    menu = context_menu(qtbot, window, article_index(window, SECOND_BUDGET[1]))
    choose(qtbot, menu, "Move to Story…")
    dialog = window.curation.move_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.title.text() == SECOND_BUDGET[1]  # a new story is titled after the article
    qtbot.mouseClick(dialog.title, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.title, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.title, "Library appeal")
    assert dialog.to_new.isChecked()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Article.get_by_id(second.id).story.title == "Library appeal")
    assert Article.select().where(Article.story == budget).count() == 1  # the other stays
    assert shown_titles(window)[0] == "Library appeal"  # the newest story
    assert window.undo_action.text() == "&Undo Move Article to a New Story"


def test_move_to_story_finds_the_story_by_typing(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    article = Article.get(Article.title == FERRY)
    menu = context_menu(qtbot, window, article_index(window, FERRY))
    choose(qtbot, menu, "Move to Story…")
    dialog = window.curation.move_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.proxy.rowCount() == 2  # not the story it is in
    qtbot.keyClicks(dialog.filter, "libr budg")
    assert dialog.proxy.rowCount() == 1
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Article.get_by_id(article.id).story_id == story_id(BUDGET))


def test_move_to_story_waits_for_a_story_picked_and_a_click_picks_it(
    qtbot, db_url, settings, tmp_path
):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    article = Article.get(Article.title == FERRY)
    menu = context_menu(qtbot, window, article_index(window, FERRY))
    choose(qtbot, menu, "Move to Story…")
    dialog = window.curation.move_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.move_button.isEnabled()  # Return moves nothing into an unpicked story
    row = next(r for r in range(dialog.proxy.rowCount())
               if dialog.proxy.index(r, 0).data() == BUDGET)  # fmt: skip
    rect = dialog.list.visualRect(dialog.proxy.index(row, 0))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.move_button.isEnabled()  # a click made it current, then selected it
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Article.get_by_id(article.id).story_id == story_id(BUDGET))


def test_merging_two_stories_keeps_one_and_undo_separates_them(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    bridge, budget = story_id(BRIDGE), story_id(BUDGET)
    Claim.update(note="checked with the council").where(
        Claim.article == Article.get(Article.title == BUDGET)
    ).execute()
    claims = Claim.select().count()
    click(qtbot, window, story_index(window, BUDGET))
    click(qtbot, window, story_index(window, BRIDGE), CTRL)
    menu = context_menu(qtbot, window, story_index(window, BRIDGE))
    choose(qtbot, menu, "Merge Stories…")
    dialog = window.curation.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.textValue() == BUDGET  # the first chosen
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Story.get_or_none(Story.id == bridge) is None)
    assert shown_titles(window) == [FERRY, BUDGET]
    assert {a.story_id for a in Article.select().where(Article.title.in_([BRIDGE, BUDGET]))} == {
        budget
    }
    assert Claim.select().count() == claims
    assert Claim.select().where(Claim.note == "checked with the council").count() > 0
    assert window.undo_action.text() == "&Undo Merge 2 Stories"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert Article.get(Article.title == BRIDGE).story_id == bridge
    assert sorted(shown_titles(window)) == sorted([FERRY, BUDGET, BRIDGE])
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert shown_titles(window) == [FERRY, BUDGET]


def test_merge_keeps_the_title_picked(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    click(qtbot, window, story_index(window, FERRY))
    click(qtbot, window, story_index(window, BRIDGE), CTRL)
    open_from_menu_bar(qtbot, window, "Edit", "Merge Stories…")
    dialog = window.curation.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue(BRIDGE)  # (the drop-down of QInputDialog: its second entry)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_titles(window) == [BUDGET, BRIDGE])


# -- the Trash ------------------------------------------------------------------------------------


def open_trash(qtbot, window):
    open_from_menu_bar(qtbot, window, "View", "Trash…")
    dialog = window.curation.trash_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def trash_texts(dialog) -> list[str]:
    return [dialog.tree.topLevelItem(n).text(0) for n in range(dialog.tree.topLevelItemCount())]


def test_delete_puts_a_story_in_the_trash_which_restores_it(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    budget = story_id(BUDGET)
    click(qtbot, window, story_index(window, BUDGET))
    press(qtbot, window, Qt.Key.Key_Delete)
    assert shown_titles(window) == [FERRY, BRIDGE]
    assert Story.get_by_id(budget).trashed is not None
    assert window.statusBar().currentMessage() == (
        f"Moved to the Trash: “{BUDGET}” (Ctrl+Z to undo)."
    )
    assert window.stories.current_story_id() == story_id(BRIDGE)  # the next one
    dialog = open_trash(qtbot, window)
    assert trash_texts(dialog) == [BUDGET]
    item = dialog.tree.topLevelItem(0)
    assert (item.text(1), item.text(2)) == ("1", str(Claim.select().join(Article)
                                                     .where(Article.story == budget).count()))  # fmt: skip
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.tree.visualItemRect(item).center())  # fmt: skip
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert Story.get_by_id(budget).trashed is None
    assert sorted(shown_titles(window)) == sorted([FERRY, BUDGET, BRIDGE])
    assert window.stories.current_story_id() == budget  # what was restored is shown
    assert trash_texts(dialog) == [] and dialog.empty_label.isVisible()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the restore taken back
    assert Story.get_by_id(budget).trashed is not None and trash_texts(dialog) == [BUDGET]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # and the delete
    assert Story.get_by_id(budget).trashed is None and trash_texts(dialog) == []


def test_delete_on_an_article_puts_it_alone_in_the_trash(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path, second_budget=True)
    budget = story_id(BUDGET)
    second = Article.get(Article.title == SECOND_BUDGET[1])
    click(qtbot, window, article_index(window, SECOND_BUDGET[1]))
    press(qtbot, window, Qt.Key.Key_Delete)
    assert Article.select().where(Article.story == budget).count() == 1
    assert window.stories.tree_model.rowCount(story_index(window, BUDGET)) == 1
    assert window.stories.current_story_id() == budget  # its story stays shown
    assert "Moved to the Trash: the article" in window.statusBar().currentMessage()
    assert window.statusBar().currentMessage() != ""
    dialog = open_trash(qtbot, window)
    assert trash_texts(dialog) == [f"“{SECOND_BUDGET[1]}” from the story “{BUDGET}”"]
    item = dialog.tree.topLevelItem(0)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.tree.visualItemRect(item).center())  # fmt: skip
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert Article.get_by_id(second.id).story_id == budget  # back in the story it left


def test_empty_trash_asks_first_and_deletes_for_good(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    bridge = story_id(BRIDGE)
    click(qtbot, window, story_index(window, BRIDGE))
    press(qtbot, window, Qt.Key.Key_Delete)
    dialog = open_trash(qtbot, window)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    box = window.curation.empty_box
    qtbot.waitUntil(box.isVisible)
    assert box.text() == f"Delete “{BRIDGE}” for good?"
    assert "cannot be undone" in box.informativeText()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert Story.get_by_id(bridge).trashed is not None and trash_texts(dialog) == [BRIDGE]
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    box = window.curation.empty_box
    qtbot.waitUntil(box.isVisible)
    for_good = next(b for b in box.buttons() if b.text().replace("&", "") == "Delete for Good")
    qtbot.mouseClick(for_good, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Story.get_or_none(Story.id == bridge) is None)
    assert Article.select().where(Article.title == BRIDGE).count() == 0
    assert trash_texts(dialog) == [] and shown_titles(window) == [FERRY, BUDGET]
    assert "deleted for good" in window.statusBar().currentMessage()
    # the delete's undo step can no longer bring it back: it says so and leaves the stack
    dialog.close()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    box = shown_box(qtbot, window)
    assert box.text() == "This story was deleted for good when the Trash was emptied."
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.undo_stack.count() == 0


# -- finding --------------------------------------------------------------------------------------


def test_the_find_field_filters_stories_by_title_and_outlet_words(
    qtbot, qtmodeltester, db_url, settings, tmp_path
):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    panel = window.story_panel
    press(qtbot, window, Qt.Key.Key_F, CTRL_SHIFT)
    assert panel.search.hasFocus()
    assert panel.search.placeholderText() == "Find a story"
    qtbot.keyClicks(panel.search, "harbour")  # an outlet's word, in no title
    assert shown_titles(window) == [BRIDGE]
    assert panel.count.text() == "1 of 3 stories"
    bridge = story_index(window, BRIDGE)
    assert window.stories.isExpanded(bridge)  # its articles stay in sight
    assert window.stories.tree_model.index(0, 0, bridge).data() == "Harbour Gazette"
    qtmodeltester.check(window.stories.tree_model)
    qtbot.keyClick(panel.search, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(panel.search, "LIBRARY council")  # words of a title, any case and order
    assert shown_titles(window) == [BUDGET]
    qtbot.keyClicks(panel.search, " zebra")
    assert shown_titles(window) == []
    assert panel.count.text() == "No story has “LIBRARY council zebra” in its title or outlets."
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == "" and len(shown_titles(window)) == 3
    assert panel.count.text() == "3 stories"
    assert window.statusBar().currentMessage().startswith("3 stories")  # the archive's


def test_a_story_found_is_chosen_from_the_field_and_edits_follow_it(
    qtbot, db_url, settings, tmp_path
):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    panel = window.story_panel
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "valley")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # into the stories found
    assert window.stories.hasFocus() and window.stories.current_story_id() == story_id(BUDGET)
    assert window.summary.title.text() == BUDGET
    press(qtbot, window, Qt.Key.Key_Delete)
    assert shown_titles(window) == [] and Story.get_by_id(story_id(BUDGET)).trashed
    assert panel.count.text().startswith("No story has “valley”")
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert shown_titles(window) == [BUDGET] and panel.count.text() == "1 of 3 stories"


def test_a_large_archive_finds_by_outlets_not_read_yet_and_unfolds_what_it_finds(
    qtbot, db_url, settings, tmp_path, monkeypatch
):
    from sourcemark.ui.models.stories import StoryTreeModel

    monkeypatch.setattr(StoryTreeModel, "LAZY_FROM", 0)  # as with thousands of stories
    window = curation_window(qtbot, db_url, settings, tmp_path)
    model = window.stories.tree_model
    assert model.lazy() and not window.stories.isExpanded(story_index(window, FERRY))
    window.story_panel.search.setFocus()
    qtbot.keyClicks(window.story_panel.search, "courier")
    qtbot.waitUntil(lambda: shown_titles(window) == [FERRY])  # once typing pauses
    ferry = story_index(window, FERRY)
    assert window.stories.isExpanded(ferry)
    qtbot.waitUntil(lambda: model.rowCount(ferry) == 1)  # read as the view lays it out
    assert model.index(0, 0, ferry).data() == "Mountain Courier"


# -- every dialog closes ----------------------------------------------------------------------------


def open_each_dialog(qtbot, window):
    """The dialogs of the story list, each opened as a user opens it: (name, dialog)."""
    menu = context_menu(qtbot, window, article_index(window, FERRY))
    choose(qtbot, menu, "Move to Story…")
    yield "move", window.curation.move_dialog
    click(qtbot, window, story_index(window, FERRY))
    click(qtbot, window, story_index(window, BRIDGE), CTRL)
    open_from_menu_bar(qtbot, window, "Edit", "Merge Stories…")
    yield "merge", window.curation.merge_dialog
    yield "trash", open_trash(qtbot, window)


def test_every_dialog_of_the_story_list_closes_with_escape(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    for _name, dialog in open_each_dialog(qtbot, window):
        qtbot.waitUntil(dialog.isVisible)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible(), timeout=3000)
    assert Story.select().count() == 3 and window.undo_stack.count() == 0


def test_every_dialog_of_the_story_list_closes_with_its_button(qtbot, db_url, settings, tmp_path):
    from PySide6.QtWidgets import QAbstractButton

    window = curation_window(qtbot, db_url, settings, tmp_path)
    for name, dialog in open_each_dialog(qtbot, window):
        qtbot.waitUntil(dialog.isVisible)
        buttons = [b for b in dialog.findChildren(QAbstractButton)
                   if b.text().replace("&", "") in {"Close", "Cancel"} and b.isVisible()]  # fmt: skip
        assert buttons, f"{name} has no Close or Cancel button"
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible(), timeout=3000)
    assert Story.select().count() == 3 and window.undo_stack.count() == 0
    assert isinstance(window.curation.merge_dialog, QInputDialog)


# -- a database that cannot be written ------------------------------------------------------------


def test_a_read_only_database_keeps_its_stories_as_they_are(qtbot, db_url, settings, tmp_path):
    with small_disk(tmp_path / "disk", "8m") as disk:
        url = "sqlite:///" + str(disk / "news.sqlite")
        window = curation_window(qtbot, url, settings, tmp_path)
        window.close()
        close_database()
        make_read_only(disk)
        open_database(url)
        window = make_window(qtbot, url, settings)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        for name in ("rename_story", "move_articles", "merge_stories", "trash"):
            assert not getattr(window, f"{name}_action").isEnabled(), name
        assert window.show_trash_action.isEnabled() and window.find_story_action.isEnabled()
        index = story_index(window, BUDGET)
        click(qtbot, window, index)
        press(qtbot, window, Qt.Key.Key_F2)
        assert window.stories.indexWidget(index) is None  # no editor
        press(qtbot, window, Qt.Key.Key_Delete)
        assert len(shown_titles(window)) == 3 and window.undo_stack.count() == 0
        menu = context_menu(qtbot, window, index)
        assert [a.isEnabled() for a in menu.actions() if a.text()] == [False] * 4 + [True] * 2
        menu.close()
        window.close()
        close_database()


def test_the_context_menu_offers_article_details_on_an_article(qtbot, db_url, settings, tmp_path):
    window = curation_window(qtbot, db_url, settings, tmp_path)
    menu = context_menu(qtbot, window, article_index(window, FERRY))
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    details = getattr(window, "article_details_action", None)
    assert ("Article Details…" in texts) == (details is not None)
    assert "Rename Story…" not in texts and "Move to Story…" in texts
    menu.close()
    menu = context_menu(qtbot, window, story_index(window, FERRY))
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert texts[:4] == ["Rename Story…", "Move to Story…", "Merge Stories…",
                         "Delete to the Trash"]  # fmt: skip
    menu.close()
