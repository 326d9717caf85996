"""Keys a new user can find: Edit ▸ Set Type and Set Stance show the table's keys and do
what they do, the claims table has a context menu, Help ▸ Keyboard Shortcuts lists every
key and Help ▸ Glossary explains the words; driven by keys and clicks."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.scoring.explain import DIGIT_MEANINGS, LETTER_MEANINGS
from sourcemark.store.models import Claim
from sourcemark.ui.models.claims import ClaimTableModel
from tests.ui.test_review import key, select_rows, window_with_claims


def entry(menu, text: str) -> QAction:
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))


def click_entry(qtbot, menu, text: str) -> None:
    """Click an entry of an open menu (a submenu's entry opens it)."""
    action = entry(menu, text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def open_menu(qtbot, menu) -> None:
    menu.popup(QPoint(100, 100))
    qtbot.waitUntil(menu.isVisible)


def open_submenu(qtbot, menu, text: str):
    click_entry(qtbot, menu, text)
    submenu = entry(menu, text).menu()
    qtbot.waitUntil(submenu.isVisible)
    return submenu


def test_set_type_shows_the_keys_1_to_8_and_sets_the_type_of_the_claims_selected(
    qtbot, db_url, settings
):
    window = window_with_claims(qtbot, db_url, settings)
    menu = window.set_type_menu
    shown = [a.text().split("\t") for a in menu.actions()]
    assert shown == [[TYPE_LABELS[t], str(n)] for n, t in enumerate(SourcingType, start=1)]
    assert all(a.shortcuts() == [] for a in menu.actions())  # shown only: the table's keys
    ids = select_rows(qtbot, window, 0, 2)
    before = {i: Claim.get_by_id(i).type for i in ids}
    open_menu(qtbot, menu)
    click_entry(qtbot, menu, "Document")
    assert {Claim.get_by_id(i).type for i in ids} == {"document"}
    assert window.undo_stack.count() == 1  # both claims, one step
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {i: Claim.get_by_id(i).type for i in ids} == before


def test_set_stance_shows_a_d_and_x_and_sets_the_stance(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    menu = window.set_stance_menu
    assert [a.text().split("\t") for a in menu.actions()] == [
        ["Asserts", "A"], ["Denies", "D"], ["Declines", "X"]]  # fmt: skip
    (claim_id,) = select_rows(qtbot, window, 1)
    open_menu(qtbot, menu)
    click_entry(qtbot, menu, "Declines")
    assert Claim.get_by_id(claim_id).stance == "declines"


def test_both_submenus_stand_in_the_edit_menu(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    submenus = [a.menu() for a in edit.actions() if a.menu() is not None]
    assert submenus[:2] == [window.set_type_menu, window.set_stance_menu]


def test_the_set_type_entry_without_a_selection_says_what_it_needs(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    window.claims.table.clearSelection()
    open_menu(qtbot, window.set_type_menu)
    click_entry(qtbot, window.set_type_menu, "Document")
    assert window.statusBar().currentMessage() == "Select claims in the table first."
    assert window.undo_stack.count() == 0


def test_pressing_1_in_the_table_changes_the_type_once(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    (claim_id,) = select_rows(qtbot, window, 0)
    before = Claim.get_by_id(claim_id)
    key(qtbot, window, Qt.Key.Key_1)
    after = Claim.get_by_id(claim_id)
    assert (after.type, after.version) == ("named_official", before.version + 1)  # saved once
    assert window.undo_stack.count() == 1


def right_click(qtbot, window, row: int):
    """Press the right button on a row (which selects it) and ask for its context menu, as a
    right-click does; the menu shown."""
    table = window.claims.table
    table.setFocus()
    where = table.visualRect(window.claims.proxy.index(row, ClaimTableModel.CODE)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.RightButton, pos=where)
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.RightButton, pos=where)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                              table.viewport().mapToGlobal(where))  # fmt: skip
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(lambda: window.claims.context_menu is not None
                    and window.claims.context_menu.isVisible())  # fmt: skip
    return window.claims.context_menu


def test_the_claims_table_has_a_context_menu_of_what_can_be_done_to_claims(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    menu = right_click(qtbot, window, 0)
    names = [
        a.text().split("\t")[0].replace("&", "") for a in menu.actions() if not a.isSeparator()
    ]
    assert names == ["Set Type", "Set Stance", "Toggle Reviewed", "Add Note…",
                     "Corroboration of Claim…", "Origin", "Delete Claims",
                     "Copy Claim Text"]  # fmt: skip
    menu.close()


def test_the_context_menu_sets_type_stance_and_review(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    menu = right_click(qtbot, window, 2)
    (claim_id,) = window.claims.selected_claim_ids()
    click_entry(qtbot, open_submenu(qtbot, menu, "Set Type"), "Media report")
    assert Claim.get_by_id(claim_id).type == "media_report"
    menu = right_click(qtbot, window, window.claims.model.row_of(claim_id))
    click_entry(qtbot, open_submenu(qtbot, menu, "Set Stance"), "Denies")
    assert Claim.get_by_id(claim_id).stance == "denies"
    menu = right_click(qtbot, window, window.claims.model.row_of(claim_id))
    click_entry(qtbot, menu, "Toggle Reviewed")
    assert Claim.get_by_id(claim_id).reviewed


def test_the_context_menu_adds_a_note_and_then_edits_it(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    menu = right_click(qtbot, window, 0)
    (claim_id,) = window.claims.selected_claim_ids()
    click_entry(qtbot, menu, "Add Note")
    editor = window.claims.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "check with the ministry")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Claim.get_by_id(claim_id).note == "check with the ministry")
    menu = right_click(qtbot, window, window.claims.proxy.mapFromSource(
        window.claims.model.index(window.claims.model.row_of(claim_id), 0)).row())  # fmt: skip
    assert entry(menu, "Edit Note").isVisible()
    menu.close()


def test_the_context_menu_copies_the_text_and_deletes(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    ids = select_rows(qtbot, window, 0, 1)
    texts = [" ".join(Claim.get_by_id(i).text.split()) for i in ids]
    key(qtbot, window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # the same, by its key
    assert QApplication.clipboard().text() == "\n".join(texts)
    QApplication.clipboard().clear()
    menu = right_click(qtbot, window, 3)  # a row not selected: it alone is then
    (claim_id,) = window.claims.selected_claim_ids()
    click_entry(qtbot, menu, "Copy Claim Text")
    assert QApplication.clipboard().text() == " ".join(Claim.get_by_id(claim_id).text.split())
    menu = right_click(qtbot, window, 3)
    click_entry(qtbot, menu, "Delete Claims")
    assert Claim.get_or_none(Claim.id == claim_id) is None


def test_the_context_menu_opens_the_claims_corroboration(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    menu = right_click(qtbot, window, 0)
    click_entry(qtbot, menu, "Corroboration")
    qtbot.waitUntil(lambda: window.dialogs.corroboration_dialog is not None
                    and window.dialogs.corroboration_dialog.isVisible())  # fmt: skip
    window.dialogs.corroboration_dialog.close()


def test_keyboard_shortcuts_lists_every_key_and_closes_with_escape(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialogs.shortcuts_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    listed = {(keys, what) for _section, keys, what in dialog.listed()}
    listed_keys = {k.strip() for keys, _ in listed for k in keys.split(",")}
    for action in window.findChildren(QAction):
        for shortcut in filter(lambda k: not k.isEmpty(), action.shortcuts()):
            assert shortcut.toString(shortcut.SequenceFormat.NativeText) in listed_keys, (
                action.text()
            )
    for n, type_ in enumerate(SourcingType, start=1):
        assert (str(n), f"Set the type to {TYPE_LABELS[type_]}") in listed
    for letter in "ADX":
        assert letter in listed_keys
    assert {"Space", "F2", "Del", "Ctrl+C", "Ctrl+Z"} <= listed_keys
    assert ("F2", "Rename Story") in listed  # the story list's own key
    dialog.activateWindow()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_glossary_explains_types_codes_and_closes_with_escape_and_close(
    qtbot, db_url, settings
):
    window = window_with_claims(qtbot, db_url, settings)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.dialogs.glossary_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    text = dialog.plain_text()
    for label in TYPE_LABELS.values():
        assert label in text
    for word in ("Asserts", "Denies", "Declines", "Contested", "Single source", "Anonymous",
                 "Interested party"):  # fmt: skip
        assert word in text
    assert "A — completely reliable" in text and "F — reliability cannot be judged" in text
    for letter, meaning in LETTER_MEANINGS.items():
        assert f"{letter} — {meaning}" in text
    for digit, meaning in DIGIT_MEANINGS.items():
        assert f"{digit} — {meaning}" in text
    assert "The letter of named official, spokesperson and document claims" in text
    assert dialog.focusWidget() is dialog.search  # typing finds entries at once
    qtbot.keyClicks(dialog.search, "judged")  # the search keeps what holds the word
    found = dialog.plain_text()
    assert "F — reliability cannot be judged" in found and "Named official" not in found
    assert dialog.found.text().endswith("entries") and " of " in dialog.found.text()
    dialog.activateWindow()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.dialogs.glossary_dialog
    qtbot.waitUntil(dialog.isVisible)
    close = next(b for b in dialog.findChildren(QAbstractButton)
                 if b.text().replace("&", "") == "Close")  # fmt: skip
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
