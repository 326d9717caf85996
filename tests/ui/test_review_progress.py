"""The story list shows how far each story's claims are reviewed ("12/30 reviewed"), and
follows each review made in the claims table."""

from PySide6.QtCore import Qt

from sourcemark.store.models import Claim
from sourcemark.ui.models.roles import REVIEW_ROLE
from tests.ui.test_review import key, select_rows, window_with_claims


def progress(index) -> tuple[tuple[int, int], str]:
    return index.data(REVIEW_ROLE), index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_story_list_shows_review_progress_and_follows_space(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    tree = window.stories.tree_model
    story = tree.index(0, 1)
    article = tree.index(0, 1, tree.index(0, 0))
    total = Claim.select().count()
    assert progress(story)[0] == (0, total)
    assert f"0/{total} reviewed" in progress(story)[1]
    assert f"0/{total} reviewed" in tree.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    select_rows(qtbot, window, 0, 1)
    key(qtbot, window, Qt.Key.Key_Space)
    assert progress(story)[0] == progress(article)[0] == (2, total)
    assert f"2/{total} reviewed" in progress(story)[1]
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert progress(story)[0] == (0, total)
    key(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    window.refresh()  # read again from the database
    assert progress(tree.index(0, 1))[0] == (2, total)


def test_a_story_all_reviewed_says_so(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    table = window.claims.table
    table.setFocus()
    table.selectAll()
    key(qtbot, window, Qt.Key.Key_Space)
    total = Claim.select().count()
    reviewed, tip = progress(window.stories.tree_model.index(0, 1))
    assert reviewed == (total, total) and f"{total}/{total} reviewed (all)" in tip
