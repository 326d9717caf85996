"""The claim pane under the claims table: it follows the claim chosen, shows it whole with
what it rests on and how it is graded, and edits its type, stance and note as the table
does, each change a step that Ctrl+Z takes back. In All stories, the claim chosen chooses
its story in the list."""

import pytest
from PySide6.QtCore import Qt

from sourcemark.store.models import Claim, Story
from sourcemark.ui.models.claim_rows import code_explanation
from sourcemark.ui.models.claims import ClaimTableModel
from tests.ui.test_all_stories import counted
from tests.ui.test_layout import window_at
from tests.ui.test_review import pick, select_rows


@pytest.fixture
def window(qtbot, db_url, settings):
    from sourcemark.demo import open_demo

    return window_at(qtbot, open_demo(db_url), settings)


def undo_key(qtbot, window) -> None:
    """Ctrl+Z, pressed in the claims table."""
    window.claims.table.setFocus()
    qtbot.keyClick(window.claims.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_the_pane_follows_the_claim_chosen_and_shows_it_whole(qtbot, window):
    pane = window.claim_detail
    assert pane.claim is None and pane.empty.isVisible()
    (first,) = select_rows(qtbot, window, 0)
    assert pane.claim_id == first
    (claim_id,) = select_rows(qtbot, window, 3)
    claim = Claim.get_by_id(claim_id)
    assert pane.claim_id == claim_id
    assert pane.text.text() == " ".join(claim.text.split())  # whole, where the cell elides
    assert pane.type_box.currentData() == claim.type
    assert pane.stance_box.currentData() == claim.stance
    row = window.claims.model.claim_at(window.claims.model.row_of(claim_id))
    assert pane.code.text() == "\n".join(code_explanation(row))  # as the Code tooltip says
    assert pane.code.text() == window.claims.proxy.index(3, ClaimTableModel.CODE).data(
        Qt.ItemDataRole.ToolTipRole
    ).removeprefix('<p style="white-space:pre-wrap">').removesuffix("</p>")
    assert pane.flags.text() == (", ".join(row.flags) or "none")
    assert "not reviewed" in pane.state.text()
    # the source as written and what it refers to, and the cue
    mentioned = Claim.select().where(Claim.source_resolved.is_null(False),
                                     Claim.source_resolved != Claim.source_mention).first()  # fmt: skip
    window.claims.select_claim(mentioned.id)
    assert mentioned.source_mention in pane.source.text()
    assert mentioned.source_resolved in pane.source.text()
    assert mentioned.cue in pane.source.text()
    qtbot.keyClick(window.claims.table, Qt.Key.Key_Down)  # the keys move it on too
    assert pane.claim_id != mentioned.id
    assert [pane.claim_id] == window.claims.selected_claim_ids()


def test_type_and_stance_chosen_in_the_pane_are_steps_ctrl_z_takes_back(qtbot, window):
    (claim_id,) = select_rows(qtbot, window, 1)
    before = Claim.get_by_id(claim_id)
    pane = window.claim_detail
    pick(qtbot, pane.type_box, "document")
    assert Claim.get_by_id(claim_id).type == "document"
    row = window.claims.model.row_of(claim_id)
    assert window.claims.model.index(row, ClaimTableModel.TYPE).data() == "Document"
    pick(qtbot, pane.stance_box, "denies")
    assert Claim.get_by_id(claim_id).stance == "denies"
    assert pane.stance_box.currentData() == "denies"
    assert window.undo_action.text() == "&Undo Set stance of claim to Denies"
    undo_key(qtbot, window)
    assert Claim.get_by_id(claim_id).stance == before.stance
    assert pane.stance_box.currentData() == before.stance
    undo_key(qtbot, window)
    assert Claim.get_by_id(claim_id).type == before.type
    assert pane.type_box.currentData() == before.type and pane.claim_id == claim_id


def test_a_note_typed_in_the_pane_is_saved_on_leaving_it_and_ctrl_z_takes_it_back(qtbot, window):
    (claim_id,) = select_rows(qtbot, window, 2)
    note = window.claim_detail.note
    note.setFocus()
    qtbot.keyClicks(note, "Call the ministry")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.keyClicks(note, "before noon")
    assert Claim.get_by_id(claim_id).note in (None, "")  # not yet: still typing
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # on to the next field
    assert Claim.get_by_id(claim_id).note == "Call the ministry\nbefore noon"
    assert window.undo_action.text().startswith("&Undo Set note of claim")
    row = window.claims.model.row_of(claim_id)
    assert window.claims.model.index(row, ClaimTableModel.NOTE).data() == (
        "Call the ministry before noon"
    )
    undo_key(qtbot, window)
    assert Claim.get_by_id(claim_id).note in (None, "")
    assert note.toPlainText() == ""
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 0


def test_a_note_is_saved_when_typing_pauses(qtbot, window):
    (claim_id,) = select_rows(qtbot, window, 0)
    note = window.claim_detail.note
    note.setFocus()
    qtbot.keyClicks(note, "Check the date")
    qtbot.waitUntil(lambda: Claim.get_by_id(claim_id).note == "Check the date", timeout=5000)
    assert note.hasFocus() and note.toPlainText() == "Check the date"  # typing goes on
    qtbot.keyClicks(note, " with the court")
    select_rows(qtbot, window, 1)  # leaving the pane saves the rest
    assert Claim.get_by_id(claim_id).note == "Check the date with the court"


def test_the_pane_edits_nothing_on_a_read_only_database(qtbot, settings, tmp_path):
    from sourcemark.demo import open_demo
    from sourcemark.store import close_database, open_database
    from tests.disks import make_read_only, small_disk

    with small_disk(tmp_path / "disk", "8m") as disk:
        url = open_demo("sqlite:///" + str(disk / "news.sqlite"))
        close_database()
        make_read_only(disk)
        open_database(url)
        window = window_at(qtbot, url, settings)
        (claim_id,) = select_rows(qtbot, window, 0)
        pane = window.claim_detail
        assert pane.claim_id == claim_id
        assert not pane.type_box.isEnabled() and not pane.stance_box.isEnabled()
        assert pane.note.isReadOnly()
        window.close()
        close_database()


def test_choosing_a_claim_of_another_story_in_all_stories_chooses_that_story(
    qtbot, db_url, settings, tmp_path
):
    from sourcemark.demo import open_demo
    from tests.ingest import samples

    window = window_at(qtbot, open_demo(db_url), settings, (1400, 900))
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(samples.write_html(tmp_path / "bridge.html"))])
    stories = {s.id: s.title for s in Story.select()}
    assert len(stories) == 2
    qtbot.mouseClick(window.claims.all_stories, Qt.MouseButton.LeftButton)
    counted(qtbot, window)
    model = window.claims.model
    first_story = model.claim_at(0).story_id
    other = next(r for r in range(model.rowCount()) if model.claim_at(r).story_id != first_story)
    (claim_id,) = select_rows(qtbot, window, 0)
    assert window.stories.current_story_id() == first_story
    (claim_id,) = select_rows(qtbot, window, other)
    theirs = Claim.get_by_id(claim_id).article.story_id
    assert theirs != first_story
    assert window.stories.current_story_id() == theirs
    assert window.stories.selected_story_ids() == [theirs]
    # the table still shows every story's claims, with where each comes from
    assert window.claims.all_stories.isChecked() and window.claims.archive()
    assert window.summary.title.text() == "All stories"
    assert not window.claims.table.isColumnHidden(ClaimTableModel.STORY)
    assert window.claims.proxy.index(other, ClaimTableModel.STORY).data() == stories[theirs]
    assert window.claim_detail.where.isVisible()
    assert stories[theirs] in window.claim_detail.where.text()
    # a click on that story in the list then shows its claims alone
    tree = window.stories
    index = tree.tree_model.index(tree.tree_model.row_of(theirs), 0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())  # fmt: skip
    assert not window.claims.all_stories.isChecked()
    assert {model.claim_at(r).story_id for r in range(model.rowCount())} == {theirs}
