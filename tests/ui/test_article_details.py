"""Edit ▸ Article Details: an article's title, outlet, byline, date and address corrected in a
form, saved at once as one undoable step, refused when someone else changed the article
first; driven by keys and clicks, the database checked after each."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sourcemark.store import open_database
from sourcemark.store.articles import outlet_named
from sourcemark.store.curation import edit_article
from sourcemark.store.models import Article
from sourcemark.store.registry import set_outlet_reliability
from tests.store.test_curation import SAID, store
from tests.ui.test_main_window import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def two_reports(qtbot, db_url, settings):
    """Two stories of one outlet saying the same thing, and a graded outlet in the registry;
    the window shows the second story, whose article is chosen in the list."""
    open_database(db_url)
    store(SAID, "The Lakeshore Examiner")
    _claim, article = store(
        SAID.replace("six weeks", "six full weeks"), "The Lakeshore Examiner", "the mayor"
    )
    set_outlet_reliability(outlet_named("The Harbour Post"), "A")
    window = make_window(qtbot, db_url, settings)
    window.activateWindow()  # shortcuts go to the active window only
    qtbot.waitUntil(window.isActiveWindow)
    window.stories.select_story(article.story_id)
    window.articles.choose_article(article.story_id, article.id)
    window.stories.setFocus()
    return window, article


def open_form(qtbot, window):
    """Ctrl+I, as a user opens the form; the form."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.stories, Qt.Key.Key_I, CTRL)
    dialog = window.articles.details_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # the keys typed next go to it
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)


def click_ok(qtbot, dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def press(qtbot, window, key, modifier=CTRL) -> None:
    """A key in the window, back from the form (the offscreen platform does not give the
    window back its activation by itself)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.claims.table, key, modifier)


def story_score(window, story_id: int) -> str:
    """The story's code in the list ("77 F3": F3)."""
    model = window.stories.tree_model
    return model.index(model.row_of(story_id), 2).data().split()[-1]


def test_a_new_outlet_from_the_registry_regrades_the_claims_and_ctrl_z_puts_it_back(
    qtbot, db_url, settings
):
    window, article = two_reports(qtbot, db_url, settings)
    (before,) = window.claims.model.rows()
    assert (before.outlet, before.also_reported_by) == ("The Lakeshore Examiner", ())
    score_before = story_score(window, article.story_id)
    assert score_before.startswith("F")  # an ungraded outlet
    dialog = open_form(qtbot, window)
    assert dialog.title.text() == article.title
    assert dialog.outlet.text() == "The Lakeshore Examiner"
    retype(qtbot, dialog.outlet, "harb")  # completed from the registry, whatever the case
    popup = dialog.outlet.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.outlet.text() == "The Harbour Post"
    click_ok(qtbot, dialog)

    assert not dialog.isVisible()
    stored = Article.get_by_id(article.id)
    assert stored.outlet.name == "The Harbour Post" and stored.title == article.title
    (after,) = window.claims.model.rows()  # the same article, still chosen
    assert after.outlet == "The Harbour Post"
    assert after.also_reported_by == ("The Lakeshore Examiner",)  # another outlet now
    assert story_score(window, article.story_id).startswith("A")  # the outlet's grade
    assert window.undo_action.text() == f"&Undo Change the outlet of “{article.title}”"
    told = window.statusBar().currentMessage()
    assert "Saved the outlet of" in told and "graded again" in told and "undoes it" in told

    press(qtbot, window, Qt.Key.Key_Z)
    assert Article.get_by_id(article.id).outlet.name == "The Lakeshore Examiner"
    (undone,) = window.claims.model.rows()
    assert (undone.outlet, undone.also_reported_by) == ("The Lakeshore Examiner", ())
    assert story_score(window, article.story_id) == score_before

    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert Article.get_by_id(article.id).outlet.name == "The Harbour Post"
    assert story_score(window, article.story_id).startswith("A")


def test_only_the_details_changed_are_saved_with_a_date_and_an_address(qtbot, db_url, settings):
    window, article = two_reports(qtbot, db_url, settings)
    dialog = open_form(qtbot, window)
    retype(qtbot, dialog.byline, "Jane  Roe ")
    retype(qtbot, dialog.published, "2024-03-05")
    retype(qtbot, dialog.url, "https://example.org/bridge")
    qtbot.keyClick(dialog.url, Qt.Key.Key_Return)  # Return in the form is OK
    stored = Article.get_by_id(article.id)
    assert (stored.byline, stored.published, stored.url) == (
        "Jane Roe", date(2024, 3, 5), "https://example.org/bridge")  # fmt: skip
    assert stored.outlet.name == "The Lakeshore Examiner"
    assert window.undo_action.text() == f"&Undo Change the details of “{article.title}”"
    press(qtbot, window, Qt.Key.Key_Z)
    stored = Article.get_by_id(article.id)
    assert (stored.byline, stored.published, stored.url) == (None, None, None)


def test_the_form_is_refused_when_someone_else_changed_the_article_first(qtbot, db_url, settings):
    window, article = two_reports(qtbot, db_url, settings)
    dialog = open_form(qtbot, window)
    retype(qtbot, dialog.title, "Bridge to close")
    # meanwhile, on another machine sharing the database
    edit_article(article.id, {"title": "Harbour bridge shut", "outlet": "The Daily Ledger"})
    click_ok(qtbot, dialog)

    box = window.articles.conflict_box
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "Changed by someone else"
    assert "not saved" in box.text()
    assert "it is now “Harbour bridge shut” (The Daily Ledger)" in box.informativeText()
    assert Article.get_by_id(article.id).title == "Harbour bridge shut"  # theirs stays
    assert window.undo_stack.count() == 0  # nothing to undo
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible()


def test_escape_and_cancel_close_the_form_without_saving(qtbot, db_url, settings):
    window, article = two_reports(qtbot, db_url, settings)
    dialog = open_form(qtbot, window)
    retype(qtbot, dialog.title, "Not this")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    dialog = open_form(qtbot, window)
    assert dialog.title.text() == article.title
    retype(qtbot, dialog.byline, "Nobody")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = Article.get_by_id(article.id)
    assert (stored.title, stored.byline, stored.version) == (article.title, None, article.version)
    assert window.undo_stack.count() == 0


def test_a_date_or_address_that_is_not_one_says_why_and_the_form_stays(qtbot, db_url, settings):
    window, article = two_reports(qtbot, db_url, settings)
    dialog = open_form(qtbot, window)
    retype(qtbot, dialog.published, "5/3/2024")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "“5/3/2024” is not a date written YYYY-MM-DD" in dialog.problem.text()
    assert dialog.problem.isVisible() and dialog.published.hasFocus()
    retype(qtbot, dialog.published, "2024-02-30")
    assert not dialog.problem.isVisible()  # typing again clears the complaint
    click_ok(qtbot, dialog)
    assert dialog.problem.text() == "2024-02-30 is not a day of the calendar."
    retype(qtbot, dialog.published, "")
    retype(qtbot, dialog.url, "example dot org")
    click_ok(qtbot, dialog)
    assert "web address beginning with https://" in dialog.problem.text()
    retype(qtbot, dialog.title, "")
    click_ok(qtbot, dialog)
    assert dialog.problem.text() == "An article needs a title."
    assert Article.get_by_id(article.id).version == article.version  # nothing saved
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_without_an_article_the_form_says_what_it_needs(qtbot, db_url, settings):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    window.article_details_action.trigger()  # from the menu
    assert window.articles.details_dialog is None
    assert "Choose an article" in window.statusBar().currentMessage()
