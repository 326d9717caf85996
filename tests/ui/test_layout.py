"""The window on a 13-inch laptop (1024 x 700) and on a large screen: the claim's text stays
readable while the other columns and panes give way, panes hide and come back with their
keys, the table says where claims come from when they come from several articles, and a
claim nobody has looked at reads differently from one a person has."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from sourcemark.demo import open_demo
from sourcemark.store.models import Article, Claim, Story
from sourcemark.ui.main_window import MainWindow
from sourcemark.ui.models.claims import ClaimTableModel
from tests.ui.test_review import key, select_rows

LAPTOP = (1024, 700)


def window_at(qtbot, url, settings, size=LAPTOP) -> MainWindow:
    """The window at this size, shown and active (its keys work)."""
    window = MainWindow(url, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert (window.width(), window.height()) == size
    return window


def press(qtbot, window, k) -> None:
    """A key pressed where the editor works: in the claims table."""
    window.claims.table.setFocus()
    qtbot.keyClick(window.claims.table, k)


def widths(window) -> dict[int, int]:
    """The width of each column the claims table shows."""
    table = window.claims.table
    return {c: table.columnWidth(c) for c in range(len(ClaimTableModel.COLUMNS))
            if not table.isColumnHidden(c)}  # fmt: skip


def claim_cell_fits(window, row: int = 0) -> int:
    """How many average characters a line of a claim's cell shows (its box aside), once
    the cell is checked to lie wholly in the table's view."""
    table = window.claims.table
    cell = table.visualRect(window.claims.proxy.index(row, ClaimTableModel.TEXT))
    assert table.viewport().rect().contains(cell), "the claim's cell is scrolled out of view"
    box = 24
    return (cell.width() - box) // table.fontMetrics().averageCharWidth()


def test_at_1024x700_the_claim_text_keeps_a_readable_width_on_two_lines(qtbot, db_url, settings):
    window = window_at(qtbot, open_demo(db_url), settings)
    table = window.claims.table
    assert table.columnWidth(ClaimTableModel.TEXT) >= 240
    assert claim_cell_fits(window) >= 30
    assert table.wordWrap()
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()
    # every column shown in full across the view: nothing to scroll sideways to
    assert sum(widths(window).values()) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    # the claim pane under the table shows the claim chosen whole
    select_rows(qtbot, window, 0)
    assert window.claim_detail.isVisible() and window.claim_detail.height() >= 150


def test_showing_the_article_at_1024x700_narrows_the_other_columns_not_the_claim(
    qtbot, db_url, settings
):
    window = window_at(qtbot, open_demo(db_url), settings)
    before = widths(window)
    assert not window.article_pane.isVisible() or window.article_pane.width() == 0
    press(qtbot, window, Qt.Key.Key_F8)  # View ▸ Show Article
    assert window.show_article_action.isChecked()
    assert window.article_pane.width() >= 180
    after = widths(window)
    assert after[ClaimTableModel.TEXT] >= 240 and claim_cell_fits(window) >= 30
    others = [c for c in after if c != ClaimTableModel.TEXT]
    assert all(after[c] <= before[c] for c in others)
    assert sum(after[c] for c in others) < sum(before[c] for c in others)  # they gave way
    assert window.claims.table.horizontalScrollBar().maximum() == 0


def test_at_1024x700_the_story_list_shows_titles_not_their_first_letters(qtbot, db_url, settings):
    window = window_at(qtbot, open_demo(db_url), settings)
    tree = window.stories
    title = tree.tree_model.index(0, 0).data()
    shown = tree.header().sectionSize(0) - tree.indentation() - 20  # its icon aside
    assert shown >= tree.fontMetrics().horizontalAdvance(title[:22])
    # and the claims table still has the room it needs
    assert window.claims.table.columnWidth(ClaimTableModel.TEXT) >= 240


def test_at_1600x1000_the_article_stands_beside_the_claims(qtbot, db_url, settings):
    window = window_at(qtbot, open_demo(db_url), settings, (1600, 1000))
    assert window.show_article_action.isChecked() and window.article_pane.width() >= 300
    assert window.claims.table.columnWidth(ClaimTableModel.TEXT) >= 300
    assert window.claims.table.horizontalScrollBar().maximum() == 0


def test_f9_f8_and_f7_hide_and_show_the_panes_and_the_next_start_remembers(qtbot, db_url, settings):
    url = open_demo(db_url)
    window = window_at(qtbot, url, settings, (1400, 900))
    assert [window.show_story_list_action.isChecked(), window.show_article_action.isChecked(),
            window.show_claim_detail_action.isChecked()] == [True, True, True]  # fmt: skip
    width = window.claims.table.columnWidth(ClaimTableModel.TEXT)
    press(qtbot, window, Qt.Key.Key_F9)
    assert window.splitter.sizes()[0] == 0 and not window.show_story_list_action.isChecked()
    assert window.claims.table.columnWidth(ClaimTableModel.TEXT) > width  # the claims took it
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.panes.center.sizes()[1] == 0 and not window.show_claim_detail_action.isChecked()
    press(qtbot, window, Qt.Key.Key_F9)  # back again
    assert window.splitter.sizes()[0] > 200 and window.show_story_list_action.isChecked()
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.splitter.sizes()[2] == 0
    sizes = window.splitter.sizes()
    window.close()
    again = window_at(qtbot, url, settings, (1400, 900))
    assert again.splitter.sizes() == sizes
    assert not again.show_article_action.isChecked()
    assert not again.show_claim_detail_action.isChecked() and again.panes.center.sizes()[1] == 0
    assert again.show_story_list_action.isChecked()


def test_a_pane_dragged_shut_unticks_its_toggle(qtbot, db_url, settings):
    window = window_at(qtbot, open_demo(db_url), settings, (1400, 900))
    handle = window.splitter.handle(1)  # between the story list and the claims
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(2, 100))
    qtbot.mouseMove(handle, QPoint(-window.splitter.sizes()[0] - 50, 100))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(-400, 100))
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] == 0)
    assert not window.show_story_list_action.isChecked()


def header_menu(qtbot, window, column: int):
    """Right-click a column's title: the header's menu."""
    header = window.claims.table.horizontalHeader()
    point = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    QApplication.sendEvent(header.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, header.viewport().mapToGlobal(point)))  # fmt: skip
    menu = window.claims.columns.menu
    qtbot.waitUntil(menu.isVisible)
    return menu


def click_entry(qtbot, menu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().startswith(text))
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_a_column_hidden_from_the_header_gives_the_claim_its_room_and_stays_hidden(
    qtbot, db_url, settings
):
    url = open_demo(db_url)
    window = window_at(qtbot, url, settings)
    claim = window.claims.table.columnWidth(ClaimTableModel.TEXT)
    click_entry(qtbot, header_menu(qtbot, window, ClaimTableModel.SOURCE), "Note")
    assert window.claims.table.isColumnHidden(ClaimTableModel.NOTE)
    assert window.claims.table.columnWidth(ClaimTableModel.TEXT) > claim
    window.close()
    again = window_at(qtbot, url, settings)
    assert again.claims.table.isColumnHidden(ClaimTableModel.NOTE)
    click_entry(qtbot, header_menu(qtbot, again, ClaimTableModel.SOURCE), "Show All Columns")
    assert not again.claims.table.isColumnHidden(ClaimTableModel.NOTE)


def origin_shown(window) -> bool:
    table = window.claims.table
    story, outlet = ClaimTableModel.STORY, ClaimTableModel.OUTLET
    assert table.isColumnHidden(story) == table.isColumnHidden(outlet)
    return not table.isColumnHidden(story)


def test_story_and_outlet_columns_show_only_with_claims_of_several_articles(
    qtbot, db_url, settings, tmp_path
):
    from tests.ingest import samples

    window = window_at(qtbot, open_demo(db_url), settings, (1400, 900))
    assert not origin_shown(window)  # the sample story: one article
    story = Story.get()
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(samples.write_html(tmp_path / "bridge.html"))], story.id)
    window.stories.select_story(story.id)
    assert Article.select().count() == 2 and origin_shown(window)
    proxy, model = window.claims.proxy, window.claims.model
    outlets = {proxy.index(r, ClaimTableModel.OUTLET).data() for r in range(proxy.rowCount())}
    assert outlets == {a.outlet.name for a in Article.select()}
    assert {proxy.index(r, ClaimTableModel.STORY).data()
            for r in range(proxy.rowCount())} == {story.title}  # fmt: skip
    # beside the claim, where the eye reads on to
    header = window.claims.table.horizontalHeader()
    assert header.visualIndex(ClaimTableModel.OUTLET) == 1
    assert header.visualIndex(ClaimTableModel.STORY) == 2
    # one article chosen in the list: its claims alone, from one place
    tree = window.stories
    article = tree.tree_model.index(0, 0, tree.tree_model.index(0, 0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(article).center())  # fmt: skip
    assert window.claims.article_filter is not None and not origin_shown(window)
    assert {model.claim_at(r).article_id for r in range(model.rowCount())} == {
        window.claims.article_filter
    }
    qtbot.mouseClick(window.claims.all_stories, Qt.MouseButton.LeftButton)
    assert origin_shown(window)


def test_a_claim_nobody_reviewed_reads_apart_from_those_a_person_reviewed_or_changed(
    qtbot, db_url, settings
):
    window = window_at(qtbot, open_demo(db_url), settings)
    proxy = window.claims.proxy

    def looks(row: int) -> tuple:
        index = proxy.index(row, ClaimTableModel.TEXT)
        font = index.data(Qt.ItemDataRole.FontRole)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        return bool(font and font.italic()), colour.name() if colour is not None else None

    assert all(c.origin == "analyzer" and not c.reviewed for c in Claim.select())
    machine = looks(0)
    assert machine[0] and machine[1] is not None  # italic, in a quieter colour
    text = window.claims.table.palette().color(window.claims.table.foregroundRole())
    assert machine[1] != text.name()
    reviewed, changed = select_rows(qtbot, window, 0)[0], select_rows(qtbot, window, 1)[0]
    window.claims.select_claim(reviewed)
    key(qtbot, window, Qt.Key.Key_Space)  # reviewed
    window.claims.select_claim(changed)
    key(qtbot, window, Qt.Key.Key_D)  # changed: denies
    model = window.claims.model
    for claim_id in (reviewed, changed):
        row = proxy.mapFromSource(model.index(model.row_of(claim_id), 0)).row()
        assert looks(row) == (False, None)
    assert "not reviewed" in proxy.index(2, ClaimTableModel.TEXT).data(Qt.ItemDataRole.ToolTipRole)


def test_the_dark_theme_keeps_the_quieter_colour_readable(qtbot, db_url, settings):
    from sourcemark.ui.models.claims import proposal_colour
    from sourcemark.ui.palette import apply_theme

    window_at(qtbot, open_demo(db_url), settings)
    try:
        for theme in ("light", "dark"):
            apply_theme(QApplication.instance(), theme)
            palette = QApplication.palette()
            text = palette.text().color()
            quiet = proposal_colour()
            assert quiet != text
            for base in (palette.base().color(), palette.alternateBase().color()):  # its rows
                assert contrast(quiet, base) >= 4.5  # WCAG AA for body text
    finally:
        apply_theme(QApplication.instance(), "system")


def contrast(a, b) -> float:
    def luminance(colour) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_, _ = colour.getRgbF()
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b_)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
