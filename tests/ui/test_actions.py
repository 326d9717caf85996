"""The window's actions come from one table (ui/actions.py): every entry is in its menu, in
the table's order, with its keys, and does what it names."""

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar

from sourcemark.ui.actions import ACTIONS, MENUS, SUBMENUS, handler_of
from tests.ui.test_main_window import demo_window


def menu_actions(window, title: str) -> list:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]


def test_every_menu_is_built_from_the_table_in_its_order(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    assert [a.text() for a in window.menuBar().actions()] == list(MENUS.values())
    for menu_id, title in MENUS.items():
        listed = [getattr(window, f"{s.id}_action") for s in ACTIONS
                  if s.menu == menu_id and not s.submenu]  # fmt: skip
        shown = menu_actions(window, title)
        if menu_id == "edit":  # the undo stack's own two lead it
            assert shown[:2] == [window.undo_action, window.redo_action]
            shown = shown[2:]
        assert shown == listed
    for submenu_id, (text, _icon) in SUBMENUS.items():
        submenu = getattr(window, f"{submenu_id}_menu")
        assert submenu.title() == text
        listed = [getattr(window, f"{s.id}_action") for s in ACTIONS if s.submenu == submenu_id]
        assert submenu.actions() == listed


def test_file_export_offers_csv_files_and_an_excel_workbook(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    (export,) = [a.menu() for a in file_menu.actions() if a.menu() is not None]
    assert export.title() == "&Export"
    assert [a.text() for a in export.actions()] == ["&CSV Files…", "E&xcel Workbook…"]


def test_each_action_has_its_keys_and_a_handler(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    for spec in ACTIONS:
        action = getattr(window, f"{spec.id}_action")
        assert callable(handler_of(window, spec)), spec.handler
        assert action.shortcuts() == [QKeySequence(k) for k in spec.shortcuts], spec.id
        assert action.isEnabled(), f"{spec.id} is disabled on a database that can be written"


def test_the_toolbar_holds_the_tables_toolbar_actions(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    shown = [a for a in toolbar.actions() if not a.isSeparator()]
    assert shown == [getattr(window, f"{s.id}_action") for s in ACTIONS if s.toolbar]


def open_each_window(window, qtbot):
    """Each window the menus open, opened from its action: (name, the window)."""
    from tests.ui.test_review import select_rows

    select_rows(qtbot, window, 0)  # the corroboration window is of the selected claim
    opened = {
        "corroboration": lambda: window.dialogs.corroboration_dialog,
        "sources": lambda: window.dialogs.sources_dialog,
        "outlets": lambda: window.dialogs.outlets_dialog,
        "model_settings": lambda: window.dialogs.settings_dialog,
        "export": lambda: window.output.export_dialog,
        "export_workbook": lambda: window.output.export_dialog,
        "connect": lambda: window.database.connect_dialog,
        "restore": lambda: window.database.restore_dialog,
    }
    for action_id, found in opened.items():
        getattr(window, f"{action_id}_action").trigger()
        dialog = found()
        qtbot.waitUntil(dialog.isVisible)
        yield action_id, dialog


def test_every_window_the_menus_open_closes_with_escape(qtbot, db_url, settings):
    from PySide6.QtCore import Qt

    window = demo_window(qtbot, db_url, settings)
    for _name, dialog in open_each_window(window, qtbot):
        dialog.activateWindow()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible(), timeout=3000)


def test_every_window_the_menus_open_closes_with_its_button(qtbot, db_url, settings):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton

    window = demo_window(qtbot, db_url, settings)
    for name, dialog in open_each_window(window, qtbot):
        buttons = [b for b in dialog.findChildren(QAbstractButton)
                   if b.text().replace("&", "") in {"Close", "Cancel"} and b.isVisible()]  # fmt: skip
        assert buttons, f"{name} has no Close or Cancel button"
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible(), timeout=3000)


def test_no_key_is_given_to_two_actions(qtbot, db_url, settings):
    from PySide6.QtGui import QAction

    window = demo_window(qtbot, db_url, settings)
    keys = [
        key.toString()
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
        if not key.isEmpty()
    ]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []  # Qt would ignore them


def test_redo_by_its_keys_redoes(qtbot, db_url, settings):
    from PySide6.QtCore import Qt

    from sourcemark.store.models import Claim
    from tests.ui.test_review import key, select_rows, window_with_claims

    window = window_with_claims(qtbot, db_url, settings)
    (claim_id,) = select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_7)  # document
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Claim.get_by_id(claim_id).type != "document"
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    key(qtbot, window, Qt.Key.Key_Z, shift)
    assert Claim.get_by_id(claim_id).type == "document"
