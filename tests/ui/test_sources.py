"""The source registry window: merge the names of one source, grade it, see its claims;
unnamed sources of different stories and outlets listed apart."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from sourcemark.store import open_database
from sourcemark.store.curation import rename_story
from sourcemark.store.models import Claim, Source, SourceAlias
from sourcemark.ui.models.roles import ID_ROLE
from tests.store.test_unnamed_sources import HERALD, LEDGER, report, story_of
from tests.ui.test_main_window import make_window
from tests.ui.test_review import pick, window_with_claims


def open_sources(qtbot, window):
    qtbot.keyClick(window.claims.table, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = window.dialogs.sources_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def names(dialog) -> list[str]:
    return [dialog.proxy.index(row, dialog.NAME).data() for row in range(dialog.proxy.rowCount())]


def row_of(dialog, name: str) -> int:
    """The row of a source shown as ``name``, or as ``name`` and where it is one."""
    for row, shown in enumerate(names(dialog)):
        if shown == name or shown.startswith(f"{name} ("):
            return row
    raise AssertionError(name)


def click_row(qtbot, dialog, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = dialog.table.visualRect(dialog.proxy.index(row, dialog.CLAIMS))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_the_registry_lists_every_source_with_what_rests_on_it(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    assert dialog.proxy.rowCount() == Source.select().count()
    top = dialog.proxy.index(0, dialog.NAME)
    claims = Claim.select().where(Claim.source == top.data(ID_ROLE)).count()
    assert dialog.proxy.index(0, dialog.CLAIMS).data() == str(claims)
    bout = dialog.proxy.index(row_of(dialog, "Viktor Bout"), dialog.NAME)
    assert "C3 12" in bout.data(Qt.ItemDataRole.ToolTipRole)  # his track record by code
    qtbot.keyClicks(dialog.search, "officials")
    assert 1 <= dialog.proxy.rowCount() < Source.select().count()


def test_merging_sources_moves_their_names_and_claims_and_undo_splits_them(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    western = Source.get(Source.name == "Western officials")
    plain = Source.get(Source.name == "officials")
    moved = Claim.select().where(Claim.source == plain).count()
    before = Claim.select().where(Claim.source == western).count()
    click_row(qtbot, dialog, row_of(dialog, "Western officials"))
    click_row(qtbot, dialog, row_of(dialog, "officials"), Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert Source.get_or_none(Source.id == plain.id) is None
    assert Claim.select().where(Claim.source == western).count() == before + moved
    assert {a.alias for a in SourceAlias.select().where(SourceAlias.source == western)} >= {
        "Western officials", "officials",
    }  # fmt: skip
    assert (
        "officials"
        in dialog.proxy.index(row_of(dialog, "Western officials"), dialog.ALIASES).data()
    )
    window.undo_stack.undo()
    assert Claim.select().where(Claim.source == plain.id).count() == moved
    assert Source.get_by_id(plain.id).name == "officials"


def test_grading_a_source_is_saved_and_undone(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    row = row_of(dialog, "Viktor Bout")
    index = dialog.proxy.index(row, dialog.GRADE)
    dialog.table.setCurrentIndex(index)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.focusWidget()
    assert isinstance(editor, QComboBox)
    pick(qtbot, editor, "D")
    qtbot.waitUntil(lambda: Source.get(Source.name == "Viktor Bout").reliability == "D")
    assert window.undo_action.text().startswith("&Undo Grade “Viktor Bout” D")
    # the grade flows into the code of every claim of that source
    bout = Source.get(Source.name == "Viktor Bout")
    codes = {
        window.claims.proxy.index(r, 4).data()
        for r in range(window.claims.proxy.rowCount())
        if window.claims.model.claim_at(window.claims.proxy.mapToSource(
            window.claims.proxy.index(r, 0)).row()).source_id == bout.id
    }  # fmt: skip
    assert codes and all(code.startswith("D") for code in codes)
    window.undo_stack.undo()
    assert Source.get(Source.name == "Viktor Bout").reliability is None


def test_show_claims_lists_the_claims_of_a_source_across_stories(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    click_row(qtbot, dialog, row_of(dialog, "Viktor Bout"))
    qtbot.mouseClick(dialog.claims_button, Qt.MouseButton.LeftButton)
    bout = Source.get(Source.name == "Viktor Bout")
    assert window.claims.all_stories.isChecked()
    assert window.claims.proxy.rowCount() == Claim.select().where(Claim.source == bout).count()
    assert window.summary.title.text() == "Claims of “Viktor Bout”"


def test_critics_of_other_stories_and_outlets_are_listed_apart_until_merged(
    qtbot, db_url, settings
):
    open_database(db_url)
    budget = report(LEDGER)
    rename_story(budget.article.story_id, "Budget vote")
    report(HERALD, story_of(budget))
    stadium = story_of(report(LEDGER))
    window = make_window(qtbot, db_url, settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = open_sources(qtbot, window)
    assert sorted(names(dialog)) == sorted([
        "critics (The Ledger · Budget vote)", "critics (The Herald · Budget vote)",
        f"critics (The Ledger · {stadium.title})",
    ])  # fmt: skip
    click_row(qtbot, dialog, row_of(dialog, "critics (The Ledger · Budget vote)"))
    click_row(qtbot, dialog, row_of(dialog, "critics (The Herald · Budget vote)"),
              Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert len(names(dialog)) == 2
    assert "critics (The Herald · Budget vote; The Ledger · Budget vote)" in names(dialog)
    assert window.undo_action.text().startswith("&Undo Merge 1 source into “critics (The ")
    assert report(HERALD, story_of(budget)).source_id == budget.source_id  # the merge is kept
    window.undo_stack.undo()
    assert "critics (The Herald · Budget vote)" in names(dialog) and len(names(dialog)) == 3


def test_the_table_is_a_model_that_passes_the_model_tester(qtbot, qtmodeltester, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)


def test_a_grade_moves_the_sources_row_and_its_track_record_only(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    rows = dialog.proxy.rowCount()
    bout = Source.get(Source.name == "Viktor Bout")
    index = dialog.proxy.index(row_of(dialog, "Viktor Bout"), dialog.GRADE)
    assert index.data() == "—" and "C3 12" in index.data(Qt.ItemDataRole.ToolTipRole)
    dialog.proxy.setData(index, "B", Qt.ItemDataRole.EditRole)
    assert Source.get_by_id(bout.id).reliability == "B"
    index = dialog.proxy.index(row_of(dialog, "Viktor Bout"), dialog.GRADE)
    assert index.data().startswith("B")
    name = dialog.proxy.index(index.row(), dialog.NAME)
    assert "B3 12" in name.data(Qt.ItemDataRole.ToolTipRole)  # his claims' codes follow
    assert dialog.proxy.rowCount() == rows
    window.undo_stack.undo()
    index = dialog.proxy.index(row_of(dialog, "Viktor Bout"), dialog.GRADE)
    assert index.data() == "—" and "C3 12" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_sorting_by_a_column_keeps_the_selection_and_finding_reads_every_cell(
    qtbot, db_url, settings
):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    click_row(qtbot, dialog, row_of(dialog, "Viktor Bout"))
    header = dialog.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_center(header, dialog.NAME))  # fmt: skip
    shown = names(dialog)
    assert shown == sorted(shown, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_center(header, dialog.NAME))  # fmt: skip
    assert names(dialog) == shown[::-1]
    bout = Source.get(Source.name == "Viktor Bout").id
    assert [i.data(ID_ROLE) for i in dialog.table.selectionModel().selectedRows()] == [bout]
    assert dialog.table.currentIndex().data(ID_ROLE) == bout
    row = dialog.table.currentIndex().row()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.currentIndex().row() == row + 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert dialog.table.currentIndex().row() == 0
    qtbot.keyClicks(dialog.search, "PERSON")  # in the Type column ("Named person"), case aside
    assert 1 <= dialog.proxy.rowCount() < Source.select().count()
    for row in range(dialog.proxy.rowCount()):
        cells = [dialog.proxy.index(row, column).data() for column in range(7)]
        assert "person" in " ".join(cells).casefold()


def test_escape_closes_the_registry(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    dialog = open_sources(qtbot, window)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _section_center(header, column: int):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                  header.height() // 2)  # fmt: skip
