"""The main window, driven the way a user drives it."""

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from sourcemark.demo import open_demo
from sourcemark.store import open_database
from sourcemark.store.models import Article, Claim
from sourcemark.ui.main_window import MainWindow
from sourcemark.ui.models.claims import ClaimTableModel
from sourcemark.ui.models.roles import ID_ROLE


def drag_and_drop(widget, mime: QMimeData) -> None:
    """What a drag from a file manager delivers: enter (which must be accepted), then drop."""
    point = QPointF(widget.rect().center())
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(point.toPoint(), *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(point, *args))


def make_window(qtbot, url, settings) -> MainWindow:
    window = MainWindow(url, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def demo_window(qtbot, db_url, settings) -> MainWindow:
    return make_window(qtbot, open_demo(db_url), settings)


def test_a_new_database_shows_the_drop_hint(qtbot, db_url, settings):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    assert window.stack.currentWidget() is window.empty
    assert window.empty.isVisible()


def test_the_demo_shows_the_sample_story_with_its_article_and_claims(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    assert window.stack.currentWidget() is window.splitter
    tree = window.stories.tree_model
    assert tree.rowCount() == 1
    story = tree.index(0, 0)
    assert "Viktor Bout" in story.data()
    assert tree.rowCount(story) == 1
    assert tree.index(0, 0, story).data() == "Bangkok One News"
    n_claims = Claim.select().count()
    assert n_claims > 0
    assert tree.index(0, 1).data() == str(n_claims)
    assert tree.index(0, 1, story).data() == str(n_claims)  # the only article holds them all
    assert window.claims.proxy.rowCount() == n_claims
    assert window.claims.match_count.text() == f"{n_claims} claims"
    assert window.statusBar().currentMessage() == f"1 story, 1 article, {n_claims} claims"
    assert window.article_pane.title.text() == Article.get().title


def test_every_claim_is_highlighted_in_the_article_text(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    text = window.article_pane.view.toPlainText()
    assert text == Article.get().text
    expected = sorted((c.start, c.end, c.type) for c in Claim.select())
    assert sorted(window.article_pane.view.highlighted_claims()) == expected
    selections = window.article_pane.view.extraSelections()
    assert len(selections) == len(expected)
    first = selections[0]
    assert first.cursor.selectedText() == text[expected[0][0] : expected[0][1]].replace(
        "\n", "\u2029"
    )


def test_clicking_a_claim_row_moves_the_article_to_that_claim(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    table = window.claims.table
    row = window.claims.proxy.rowCount() - 1
    rect = table.visualRect(window.claims.proxy.index(row, 0))
    table.scrollTo(window.claims.proxy.index(row, 0))
    rect = table.visualRect(window.claims.proxy.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    claim = Claim.get_by_id(window.claims.proxy.index(row, 0).data(ID_ROLE))
    assert window.article_pane.view.textCursor().position() == claim.start
    assert window.article_pane.view._selected == claim.id


def test_clicking_a_highlight_selects_its_claim_in_the_table(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    claim = Claim.select().order_by(Claim.start).first()
    cursor = window.article_pane.view.textCursor()
    cursor.setPosition(claim.start + 3)
    point = window.article_pane.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.article_pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    current = window.claims.table.currentIndex()
    assert current.isValid() and current.data(ID_ROLE) == claim.id


def test_typing_in_the_search_box_filters_the_claims_and_counts_them(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    total = window.claims.proxy.rowCount()
    qtbot.keyClicks(window.claims.search, "Houthis")
    shown = window.claims.proxy.rowCount()
    assert 0 < shown < total
    for row in range(shown):
        assert "houthis" in window.claims.proxy.index(row, ClaimTableModel.TEXT).data().lower()
    assert window.claims.match_count.text() == f"{shown} of {total} claims"
    window.claims.search.clear()
    assert window.claims.proxy.rowCount() == total


def test_sorting_by_type_groups_the_claims(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    header = window.claims.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(2) + 5, 5),
    )
    types = [
        window.claims.proxy.index(r, ClaimTableModel.TYPE).data()
        for r in range(window.claims.proxy.rowCount())
    ]
    assert types == sorted(types) or types == sorted(types, reverse=True)


def test_sorting_by_certainty_puts_the_least_certain_claims_first(qtbot, db_url, settings):
    url = open_demo(db_url)
    person = Claim.select().order_by(Claim.id).first()  # as if a person had marked it
    Claim.update(confidence=None).where(Claim.id == person.id).execute()
    window = make_window(qtbot, url, settings)
    header = window.claims.table.horizontalHeader()
    x = header.sectionViewportPosition(ClaimTableModel.CERTAINTY) + 5
    assert not header.isSectionHidden(ClaimTableModel.CERTAINTY) and x >= 0
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    proxy = window.claims.proxy
    ids = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
    confidences = [Claim.get_by_id(i).confidence for i in ids]
    assert ids[-1] == person.id  # a person's claim has no certainty: last
    assert len(set(confidences[:-1])) > 1 and confidences[:-1] == sorted(confidences[:-1])
    shown = [proxy.index(r, ClaimTableModel.CERTAINTY).data() for r in range(len(ids))]
    assert shown[0] == f"{round(confidences[0] * 100)}%" and shown[-1] == ""
    assert "least certain" in header.model().headerData(
        ClaimTableModel.CERTAINTY, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )


def test_item_models_pass_the_model_tester(qtbot, qtmodeltester, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    qtmodeltester.check(window.stories.tree_model)
    qtmodeltester.check(window.claims.model)
    qtmodeltester.check(window.claims.proxy)


def test_window_geometry_and_splitter_sizes_are_remembered(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    window.resize(760, 560)  # fits the offscreen test screen, which is 800 x 800
    window.splitter.setSizes([150, 350, 250])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(qtbot, db_url, settings)
    assert again.splitter.sizes() == sizes
    assert (again.width(), again.height()) == (760, 560)


def test_dropping_article_files_imports_them_and_reports_the_bad_one(
    qtbot, db_url, settings, tmp_path
):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    good = tmp_path / "storm.txt"
    good.write_text(
        "Storm Closes Harbour\n\nThe harbour was closed on Tuesday after a storm damaged "
        "two piers, the port authority said in a statement.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(empty))])
    with qtbot.waitSignal(window.imports_done, timeout=10_000):
        drag_and_drop(window, mime)
    assert Article.select().count() == 1
    assert window.stories.tree_model.rowCount() == 1
    assert window.stories.tree_model.index(0, 0).data() == "Storm Closes Harbour"
    assert window.stack.currentWidget() is window.splitter
    assert [p.origin for p in window.imports.last_import_problems] == [str(empty)]
    assert window.imports.problem_box.text() == "1 article imported; 1 item not imported."
    assert "empty" in window.imports.problem_box.detailedText()
    window.imports.problem_box.close()


def test_the_sample_story_button_on_the_empty_state_imports_it(qtbot, db_url, settings):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    with qtbot.waitSignal(window.imports_done, timeout=10_000):
        qtbot.mouseClick(window.empty.sample_button, Qt.MouseButton.LeftButton)
    assert Article.select().count() == 1
    assert window.claims.proxy.rowCount() == Claim.select().count() > 0


def test_choosing_the_dark_theme_switches_the_palette_and_is_remembered(qtbot, db_url, settings):
    from sourcemark.ui.palette import apply_theme, is_dark

    window = demo_window(qtbot, db_url, settings)
    app = QApplication.instance()
    try:
        before = window.import_action.icon().cacheKey()
        window.theme_actions["dark"].trigger()
        assert is_dark(app)
        assert settings.value("view/theme") == "dark"
        assert window.import_action.icon().cacheKey() != before  # repainted for the dark palette
        window.theme_actions["light"].trigger()
        assert not is_dark(app)
        assert settings.value("view/theme") == "light"
    finally:
        apply_theme(app, "system")


def test_a_large_archive_reads_a_storys_articles_when_it_is_expanded(
    qtbot, qtmodeltester, db_url, settings, monkeypatch
):
    from sourcemark.ui.models.roles import ID_ROLE
    from sourcemark.ui.models.stories import StoryTreeModel

    monkeypatch.setattr(StoryTreeModel, "LAZY_FROM", 0)  # as with thousands of stories
    window = demo_window(qtbot, db_url, settings)
    model, story = window.stories.tree_model, window.stories.tree_model.index(0, 0)
    assert model.lazy() and not window.stories.isExpanded(story)
    assert model.hasChildren(story) and model.rowCount(story) == 0  # not read yet
    window.stories.setFocus()
    qtbot.keyClick(window.stories, Qt.Key.Key_Right)  # unfold the current story
    qtbot.waitUntil(lambda: model.rowCount(story) == 1)
    article = model.index(0, 0, story)
    assert article.data() == "Bangkok One News"
    assert model.index(0, 1, story).data() == str(Claim.select().count())
    window.stories.setCurrentIndex(article)
    assert (
        window.article_pane.title.text()
        and window.claims.model.rowCount() == Claim.select().count()
    )
    assert article.data(ID_ROLE) == window.article_pane.view.article_id
    qtmodeltester.check(model)


def test_an_old_database_is_upgraded_behind_a_progress_window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from sourcemark.store.db import schema_version
    from sourcemark.store.migrations import SCHEMA_VERSION
    from sourcemark.ui.app import open_with_progress
    from tests.store.test_db import make_v1

    path = tmp_path / "old.sqlite"
    make_v1(path)
    shown = []
    original = QProgressDialog.show
    monkeypatch.setattr(QProgressDialog, "show",
                        lambda self: (shown.append(self.labelText()), original(self)))  # fmt: skip
    open_with_progress("sqlite:///" + str(path))
    assert shown and "Upgrading the database" in shown[0]
    assert schema_version() == SCHEMA_VERSION and Claim.get().text == "it rained"


def test_a_header_click_sorts_the_story_list_and_the_chosen_story_stays_chosen(
    qtbot, qtmodeltester, db_url, settings, tmp_path
):
    from tests.ingest import samples

    window = demo_window(qtbot, db_url, settings)
    short = tmp_path / "short.txt"
    short.write_text("Harbour Closed\n\nThe harbour was closed, officials said.", encoding="utf-8")
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(samples.write_html(tmp_path / "bridge.html")), str(short)])
    model, header = window.stories.tree_model, window.stories.header()
    bout = next(model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())
                if "Bout" in model.index(r, 0).data())  # fmt: skip
    window.stories.select_story(bout)

    def column(n: int) -> list:
        return [model.index(r, n).data() for r in range(model.rowCount())]

    for _ in range(2):  # ascending, then descending
        x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))  # fmt: skip
        counts = [int(n) for n in column(1)]
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert counts == sorted(counts, reverse=descending) and len(set(counts)) == 3
        assert window.stories.selected_story_ids() == [bout] == [window.stories.current_story_id()]
        assert window.summary.title.text() == model.index(model.row_of(bout), 0).data()
    qtmodeltester.check(model)


def test_the_window_opens_no_larger_than_its_screen(qtbot, db_url, settings):
    window = make_window(qtbot, open_demo(db_url), settings)  # a first start: no size saved
    screen = window.screen().availableGeometry()
    assert screen.width() < 1400  # the first start's size would not fit this screen
    assert window.width() <= screen.width() and window.height() <= screen.height()


def test_a_demo_database_takes_no_daily_backup(qtbot, db_url, settings):
    from sourcemark.store.backups import backups_of
    from sourcemark.store.db import sqlite_path
    from sourcemark.ui.app import start_work

    window = make_window(qtbot, open_demo(db_url), settings)
    start_work(window, [], demo=True)
    qtbot.wait(2000)  # the daily backup would start 1.5 s after the window
    assert backups_of(sqlite_path(db_url)) == []
    assert "Demo database" in window.statusBar().currentMessage()


def test_the_theme_given_for_one_run_is_the_one_the_view_menu_ticks(qtbot, db_url, settings):
    from sourcemark.ui.app import start_work

    settings.setValue("view/theme", "system")  # remembered
    window = make_window(qtbot, open_demo(db_url), settings)
    start_work(window, [], demo=True, theme="dark")  # as --theme dark starts it
    ticked = [name for name, action in window.theme_actions.items() if action.isChecked()]
    assert ticked == ["dark"]
    assert settings.value("view/theme") == "system"  # for this run only
