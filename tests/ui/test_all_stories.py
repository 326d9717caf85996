"""All stories: the claims of every story, read from the database a page at a time as the
table scrolls, searched, filtered, sorted and edited the way a story's claims are."""

import pytest
from PySide6.QtCore import QPoint, Qt

from sourcemark.store.models import Claim, revision
from sourcemark.ui.models.claims import ClaimTableModel
from sourcemark.ui.models.roles import ID_ROLE
from tests.store.test_repo import another_person
from tests.ui.test_review import ANY, key, select_rows, tick, window_with_claims

PAGE = 5


@pytest.fixture
def window(qtbot, db_url, settings, tmp_path, monkeypatch):
    """The demo story and a second one, in All stories, a page being five claims."""
    from tests.ingest import samples

    monkeypatch.setattr(ClaimTableModel, "PAGE", PAGE)
    window = window_with_claims(qtbot, db_url, settings)
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(samples.write_html(tmp_path / "bridge.html"))])
    qtbot.mouseClick(window.claims.all_stories, Qt.MouseButton.LeftButton)
    counted(qtbot, window)
    return window


def counted(qtbot, window) -> str:
    """The count beside the search box, once the worker has counted."""
    qtbot.waitUntil(lambda: window.claims.match_count.text() not in {"", "Counting…"})
    return window.claims.match_count.text()


def shown_ids(window) -> list[int]:
    proxy = window.claims.proxy
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def reading_order(*where) -> list[int]:
    query = Claim.select(Claim.id).order_by(Claim.article, Claim.start, Claim.id)
    return [c.id for c in (query.where(*where) if where else query)]


def scroll_to_the_end(qtbot, window) -> None:
    """Scroll down as a user does until the table has read every page."""
    for _ in range(100):
        window.claims.table.scrollToBottom()
        qtbot.wait(10)
        if not window.claims.model.canFetchMore():
            return
    raise AssertionError("the table kept finding more claims")


def test_the_table_reads_a_page_at_a_time_as_it_scrolls(qtbot, window):
    total = Claim.select().count()
    assert total > 6 * PAGE
    # what fits on screen (the view asks for pages until it is filled), not the archive
    on_screen = window.claims.table.viewport().height() // window.claims.table.rowHeight(0) + 1
    assert window.claims.model.rowCount() <= max(on_screen, 0) + PAGE < total
    assert window.claims.match_count.text() == f"{total} claims"
    assert window.summary.title.text() == "All stories"
    assert window.summary.facts.text().startswith(f"{total} claims")
    scroll_to_the_end(qtbot, window)
    assert shown_ids(window) == reading_order()
    codes = {window.claims.proxy.index(r, ClaimTableModel.CODE).data()
             for r in range(window.claims.proxy.rowCount())}  # fmt: skip
    assert "…" not in codes and codes == {c.code for c in Claim.select()}  # as stored


def test_filters_and_search_run_in_the_database(qtbot, window):
    total = Claim.select().count()
    tick(qtbot, window.claims.type_filter, "anonymous_official", "anonymous_source")
    anonymous = reading_order(Claim.type.in_(["anonymous_official", "anonymous_source"]))
    assert counted(qtbot, window) == f"{len(anonymous)} of {total} claims"
    scroll_to_the_end(qtbot, window)
    assert shown_ids(window) == anonymous
    assert window.summary.facts.text().startswith(f"{len(anonymous)} claim")
    qtbot.keyClicks(window.claims.search, "houthi")
    wanted = reading_order(Claim.type.in_(["anonymous_official", "anonymous_source"]),
                           Claim.text.contains("houthi"))  # fmt: skip
    assert 0 < len(wanted) < len(anonymous)
    assert counted(qtbot, window) == f"{len(wanted)} of {total} claims"
    scroll_to_the_end(qtbot, window)
    assert shown_ids(window) == wanted
    window.claims.search.clear()
    tick(qtbot, window.claims.type_filter, ANY)
    tick(qtbot, window.claims.flag_filter, "contested")
    contested = reading_order(Claim.flags.contains("contested"))
    assert contested and counted(qtbot, window) == f"{len(contested)} of {total} claims"


def test_a_header_click_sorts_the_whole_archive(qtbot, window):
    header = window.claims.table.horizontalHeader()
    x = header.sectionViewportPosition(ClaimTableModel.SOURCE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))  # fmt: skip
    first = window.claims.proxy.index(0, ClaimTableModel.SOURCE).data()
    sources = sorted(c.source_mention or "" for c in Claim.select())
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert first == (sources[0] if ascending else sources[-1])
    scroll_to_the_end(qtbot, window)
    shown = [window.claims.proxy.index(r, ClaimTableModel.SOURCE).data()
             for r in range(window.claims.proxy.rowCount())]  # fmt: skip
    assert shown == sorted(shown, reverse=not ascending) and len(shown) == len(sources)


def test_an_edit_keeps_all_stories_and_shows_the_stored_grade(qtbot, window):
    (claim_id,) = select_rows(qtbot, window, 1)
    before = Claim.get_by_id(claim_id)
    key(qtbot, window, Qt.Key.Key_3)  # 3: named person, on the record
    assert window.claims.all_stories.isChecked()
    assert Claim.get_by_id(claim_id).type == "named_person" != before.type
    row = window.claims.model.row_of(claim_id)
    assert window.claims.model.claim_at(row).type == "named_person"
    assert window.claims.model.claim_at(row).code == Claim.get_by_id(claim_id).code != "…"
    assert window.claims.selected_claim_ids() == [claim_id]
    window.undo_stack.undo()
    assert window.claims.model.claim_at(row).type == before.type
    assert Claim.get_by_id(claim_id).code == before.code


def test_a_claim_chosen_beyond_the_pages_read_is_read_and_selected(qtbot, window):
    last = reading_order()[-1]
    assert window.claims.model.row_of(last) < 0
    window.claims.select_claim(last)
    assert window.claims.selected_claim_ids() == [last]
    assert window.article_pane.view.article_id == Claim.get_by_id(last).article_id


def test_changes_made_elsewhere_keep_all_stories(qtbot, window, db_url):
    window.changes.timer.setInterval(100)
    claim_id = reading_order()[0]
    another_person(db_url, f"UPDATE claim SET stance = 'denies', version = version + 1 "
                           f"WHERE id = {claim_id}")  # fmt: skip
    another_person(db_url, f"UPDATE sourcemark_meta SET value = '{revision() + 1}' "
                           "WHERE key = 'revision'")  # fmt: skip
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == "Updated with changes made elsewhere.", timeout=5000)  # fmt: skip
    assert window.claims.all_stories.isChecked()
    assert window.claims.model.claim_at(window.claims.model.row_of(claim_id)).stance == "denies"
