"""Help ▸ Keyboard Shortcuts: every key of the window, read from where the keys are made
(the actions table, the undo stack's two actions, the claims table's review keys and its own
actions), so that the list cannot drift from what the keys do."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from sourcemark.ui.actions import ACTIONS, MENUS, SUBMENUS
from sourcemark.ui.editing import table_keys

Keys = list[tuple[str, str]]  # (the keys, what they do)


def keys_text(keys) -> str:
    """Keys as the platform writes them, several joined: 'Ctrl+Shift+Z, Ctrl+Y'."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(QKeySequence(key).toString(native) for key in keys)


def action_keys(action) -> tuple[str, str] | None:
    """(keys, name) of a window's action: its shortcuts, or the keys its text shows after a
    tab (a key that another widget handles); None when it has none."""
    text, _tab, shown = action.text().partition("\t")
    keys = keys_text(action.shortcuts()) or shown
    return (keys, text.replace("&", "").removesuffix("…")) if keys else None


def window_keys(window) -> list[tuple[str, Keys]]:
    """Every key of the window, by where it works: (section, [(keys, what they do)])."""
    sections = []
    for menu_id, title in MENUS.items():
        found = []
        if menu_id == "edit":
            found += [(keys_text(window.undo_action.shortcuts()), "Undo"),
                      (keys_text(window.redo_action.shortcuts()), "Redo")]  # fmt: skip
        for spec in ACTIONS:
            if spec.menu == menu_id:
                keys = action_keys(getattr(window, f"{spec.id}_action"))
                if keys is not None and spec.submenu:  # 'Origin ▸ An Origin of Its Own'
                    keys = (keys[0], f"{SUBMENUS[spec.submenu][0].replace('&', '')} ▸ {keys[1]}")
                if keys is not None:
                    found.append(keys)
        if found:
            sections.append((f"{title.replace('&', '')} menu", found))
    table = window.claims.table
    in_table = table_keys()
    in_table += [keys for keys in map(action_keys, table.actions()) if keys is not None]
    if table.editTriggers() & QAbstractItemView.EditTrigger.EditKeyPressed:
        in_table.append((keys_text([Qt.Key.Key_F2]), "Edit the cell chosen (Escape: leave it)"))
    sections.append(("In the claims table (on every claim selected)", in_table))
    return sections


class ShortcutsDialog(QDialog):
    """The keys of ``window_keys`` in a list by section; Escape or Close closes it."""

    def __init__(self, sections: list[tuple[str, Keys]], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(560, 620)
        self.list = QTreeWidget()
        self.list.setObjectName("shortcutList")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels(["Keys", "What they do"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for title, keys in sections:
            section = QTreeWidgetItem([title])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            section.setFirstColumnSpanned(True)
            self.list.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)
            for key, what in keys:
                section.addChild(QTreeWidgetItem([key, what]))
        self.list.expandAll()
        self.list.setItemsExpandable(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def listed(self) -> list[tuple[str, str, str]]:
        """(section, keys, what they do) of every line shown."""
        return [
            (section.text(0), section.child(n).text(0), section.child(n).text(1))
            for section in map(self.list.topLevelItem, range(self.list.topLevelItemCount()))
            for n in range(section.childCount())
        ]
