"""Imports you did not mean: Ctrl+V makes new stories and Ctrl+Shift+V adds to the story
shown; what is dragged from the window's own panes is never imported; and every import is
one undo step (Ctrl+Z puts its articles in the Trash, Ctrl+Shift+Z brings them back)."""

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from sourcemark.store import open_database
from sourcemark.store.curation import edit_article, trash_rows
from sourcemark.store.models import Article, Story
from tests.ingest import samples
from tests.ui.test_import import IMPORT_TIMEOUT, files_mime, write_articles
from tests.ui.test_main_window import demo_window, drag_and_drop, make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def active(qtbot, window):
    window.activateWindow()  # shortcuts go to the active window only
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(qtbot, window, key, modifier=CTRL) -> None:
    """A key in the claims table, as a user at work presses it."""
    active(qtbot, window)
    qtbot.keyClick(window.claims.table, key, modifier)


def listed(window) -> list[str]:
    model = window.stories.tree_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def articles_in(story_id: int) -> int:
    return Article.select().where(Article.story == story_id).count()


# -- paste ---------------------------------------------------------------------------------------


def test_ctrl_v_with_a_story_shown_makes_a_new_story(qtbot, db_url, settings):
    window = active(qtbot, demo_window(qtbot, db_url, settings))
    demo = Story.get()
    assert window.stories.current_story_id() == demo.id
    QApplication.clipboard().setText(samples.copied_text())
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        press(qtbot, window, Qt.Key.Key_V)
    assert Story.select().count() == 2 and articles_in(demo.id) == 1
    assert len(listed(window)) == 2


def test_ctrl_shift_v_adds_to_the_story_shown(qtbot, db_url, settings):
    window = active(qtbot, demo_window(qtbot, db_url, settings))
    demo = Story.get()
    QApplication.clipboard().setText(samples.copied_text())
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        press(qtbot, window, Qt.Key.Key_V, CTRL | SHIFT)
    assert Story.select().count() == 1 and articles_in(demo.id) == 2
    assert window.stories.current_story_id() == demo.id


def test_ctrl_shift_v_without_a_story_says_what_it_needs(qtbot, db_url, settings):
    open_database(db_url)
    window = active(qtbot, make_window(qtbot, db_url, settings))
    QApplication.clipboard().setText(samples.copied_text())
    qtbot.keyClick(window.empty, Qt.Key.Key_V, CTRL | SHIFT)
    assert "Choose a story in the list first" in window.statusBar().currentMessage()
    assert window.imports.task is None and Article.select().count() == 0


# -- drags from the window itself ----------------------------------------------------------------


class InAppDragEnter(QDragEnterEvent):
    """A drag that began in one of the window's widgets (Qt gives it that source)."""

    def __init__(self, source, *args):
        super().__init__(*args)
        self._source = source

    def source(self):
        return self._source


class InAppDragMove(QDragMoveEvent):
    def __init__(self, source, *args):
        super().__init__(*args)
        self._source = source

    def source(self):
        return self._source


class InAppDrop(QDropEvent):
    def __init__(self, source, *args):
        super().__init__(*args)
        self._source = source

    def source(self):
        return self._source


def drag_from(source, target, mime: QMimeData, point: QPoint | None = None) -> bool:
    """Drag from ``source`` (a widget of the window) onto ``target`` and drop; whether the
    target took the drag."""
    point = point or target.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = InAppDragEnter(source, point, *args)
    QApplication.sendEvent(target, enter)
    move = InAppDragMove(source, point, *args)
    QApplication.sendEvent(target, move)
    QApplication.sendEvent(target, InAppDrop(source, QPointF(point), *args))
    return enter.isAccepted() or move.isAccepted()


def claim_text_mime(window) -> QMimeData:
    """What dragging the selected text of the article pane carries."""
    mime = QMimeData()
    mime.setText(window.article_pane.view.toPlainText()[:400])
    return mime


def test_text_dragged_from_the_article_or_the_claims_is_not_imported(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    mime = claim_text_mime(window)
    assert len(mime.text()) > 100  # enough to be imported as an article, from elsewhere
    article_view = window.article_pane.view.viewport()
    claims_table = window.claims.table.viewport()
    stories = window.stories.viewport()
    story_row = window.stories.visualRect(window.stories.tree_model.index(0, 0)).center()
    for source in (article_view, claims_table):
        assert not drag_from(source, window, mime)
        assert not drag_from(source, stories, mime, story_row)  # on a story
        assert not drag_from(source, stories, mime)  # below the stories
    assert "not imported again" in window.statusBar().currentMessage()
    assert window.imports.task is None and not window.imports.pending
    assert Article.select().count() == 1


def test_the_same_text_from_another_program_is_imported(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, claim_text_mime(window))  # no source: another program's
    assert Article.select().count() == 2


# -- an import undone ----------------------------------------------------------------------------


def test_an_import_undone_by_ctrl_z_goes_to_the_trash_and_ctrl_shift_z_brings_it_back(
    qtbot, db_url, settings, tmp_path
):
    window = demo_window(qtbot, db_url, settings)
    demo_title = listed(window)[0]
    paths = write_articles(tmp_path / "two", 2)
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(*paths))
    assert len(listed(window)) == 3
    assert "Ctrl+Z takes the import back" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "&Undo Import 2 Articles"

    press(qtbot, window, Qt.Key.Key_Z)
    assert listed(window) == [demo_title]
    trashed = trash_rows()
    assert sorted(title for row in trashed for _id, title in row.articles) == [
        "Budget Vote Number 0", "Budget Vote Number 1"]  # fmt: skip
    assert "View ▸ Trash" in window.statusBar().currentMessage()
    assert window.redo_action.text() == "&Redo Import 2 Articles"

    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(listed(window)) == 3 and trash_rows() == []
    press(qtbot, window, Qt.Key.Key_Z)  # and again: the step stays on the stack
    assert listed(window) == [demo_title]


def test_an_article_pasted_into_a_story_is_undone_out_of_it(qtbot, db_url, settings):
    window = active(qtbot, demo_window(qtbot, db_url, settings))
    demo = Story.get()
    QApplication.clipboard().setText(samples.copied_text())
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        press(qtbot, window, Qt.Key.Key_V, CTRL | SHIFT)
    assert window.undo_action.text() == f"&Undo Import “{samples.TITLE}”"
    press(qtbot, window, Qt.Key.Key_Z)
    assert articles_in(demo.id) == 1 and len(listed(window)) == 1
    (row,) = trash_rows()
    assert row.left == demo.title and [title for _id, title in row.articles] == [samples.TITLE]
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert articles_in(demo.id) == 2 and trash_rows() == []  # back in the story it joined


def test_undoing_an_import_someone_else_changed_since_is_refused(qtbot, db_url, settings, tmp_path):
    window = demo_window(qtbot, db_url, settings)
    (path,) = write_articles(tmp_path / "one", 1)
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT) as done:
        drag_and_drop(window, files_mime(path))
    article_id = done.args[0].imported[0].article_id
    edit_article(article_id, {"title": "Budget vote, corrected"})  # on another machine
    press(qtbot, window, Qt.Key.Key_Z)
    box = window.articles.conflict_box
    qtbot.waitUntil(box.isVisible)
    assert "it is now “Budget vote, corrected”" in box.informativeText()
    assert trash_rows() == [] and len(listed(window)) == 2
    assert window.undo_stack.count() == 0  # the step could not be taken: it is gone
    qtbot.keyClick(box, Qt.Key.Key_Escape)


def test_a_cancelled_import_can_be_undone_for_what_it_stored(qtbot, db_url, settings, tmp_path):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    paths = write_articles(tmp_path / "many", 40)
    first = []

    def cancel_on_first(done, total):
        if not first:
            first.append(done)
            qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)

    window.import_progressed.connect(cancel_on_first)
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT) as done:
        drag_and_drop(window, files_mime(*paths))
    report = done.args[0]
    assert report.cancelled and 1 <= len(report.imported) < 40
    press(qtbot, window, Qt.Key.Key_Z)
    assert listed(window) == [] and window.stack.currentWidget() is window.empty
    assert sum(len(row.articles) for row in trash_rows()) == len(report.imported)


def test_a_copy_of_an_article_in_the_trash_offers_no_story_to_show(
    qtbot, db_url, settings, tmp_path
):
    window = demo_window(qtbot, db_url, settings)
    path = samples.write_html(tmp_path / "bridge.html")
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(path))
    press(qtbot, window, Qt.Key.Key_Z)  # into the Trash
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(path))
    box = window.imports.problem_box
    assert "which is in the Trash" in box.informativeText()
    assert "View ▸ Trash" in box.informativeText()
    assert [b.text() for b in box.buttons() if b.text() == "Show the Story"] == []
    qtbot.keyClick(box, Qt.Key.Key_Escape)
