"""Outlets: their track records, and the grade that becomes their stories' letter."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from sourcemark.store.models import Outlet
from tests.ui.test_review import pick, window_with_claims


def test_an_outlets_grade_becomes_its_storys_letter_and_can_be_undone(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    assert window.summary.rollup["code"].startswith("F")  # ungraded outlet: F
    window.outlets_action.trigger()
    dialog = window.dialogs.outlets_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.proxy.rowCount() == Outlet.select().count() == 1
    record = dialog.proxy.index(0, dialog.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "Anonymous official: 9" in record and "By month:" in record
    assert "Track record (claims by code, month by month)" in record and "F3" in record
    assert dialog.proxy.index(0, dialog.ANONYMOUS_SHARE).data().endswith("%")
    index = dialog.proxy.index(0, dialog.GRADE)
    dialog.table.setCurrentIndex(index)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.focusWidget()
    assert isinstance(editor, QComboBox)
    pick(qtbot, editor, "B")
    qtbot.waitUntil(lambda: Outlet.get().reliability == "B")
    assert window.summary.rollup["code"].startswith("B")
    assert window.stories.tree_model.index(0, 2).data().split()[1].startswith("B")
    window.undo_stack.undo()
    assert Outlet.get().reliability is None
    assert window.summary.rollup["code"].startswith("F")


def test_a_media_report_takes_the_grade_of_the_outlet_it_cites(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    report = next(r for r in window.claims.model.rows() if r.type == "media_report")
    assert report.code.startswith("C")  # an ungraded outlet: the type's default
    Outlet.create(name="The Wall Street Journal", reliability="A")  # graded in Outlets
    window.refresh()
    report = next(r for r in window.claims.model.rows() if r.type == "media_report")
    assert "Wall Street Journal" in report.source and report.code.startswith("A")
    # the story's own letter stays its own outlet's
    assert window.summary.rollup["code"].startswith("F")
