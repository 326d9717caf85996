"""Correcting claims in the table: editors for its cells (a drop-down of fixed choices, the
source with completion, the reviewed box) and the review keys (Space, 1-8, D/A/X, Delete),
declared once here: the table acts on them, and the menus and the shortcuts window show
them. The changes they ask for are the undoable commands of sourcemark.ui.commands.claims."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from sourcemark.analysis.types import TYPE_LABELS, SourcingType, Stance
from sourcemark.store.rows import source_names

# The order of the taxonomy; the keys 1-8 pick a type in this order.
TYPE_ORDER = list(SourcingType)
TYPE_KEYS = {Qt.Key(Qt.Key.Key_1 + n): type_ for n, type_ in enumerate(TYPE_ORDER)}
STANCE_KEYS = {
    Qt.Key.Key_A: Stance.ASSERTS,
    Qt.Key.Key_D: Stance.DENIES,
    Qt.Key.Key_X: Stance.DECLINES,
}
REVIEW_KEY = Qt.Key.Key_Space
DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def key_text(key: Qt.Key) -> str:
    """A key as menus show it: '1', 'A', 'Space', 'Del'."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def key_change(key: Qt.Key) -> dict | None:
    """The change a review key asks of the selected claims ({field: value}), or None."""
    if key in TYPE_KEYS:
        return {"type": TYPE_KEYS[key].value}
    if key in STANCE_KEYS:
        return {"stance": STANCE_KEYS[key].value}
    return None


def table_keys() -> list[tuple[str, str]]:
    """(key, what it does) of every review key of the claims table, in the order above."""
    keys = [(key_text(REVIEW_KEY), "Mark the selected claims reviewed (again: not reviewed)")]
    keys += [(key_text(key), f"Set the type to {TYPE_LABELS[type_]}")
             for key, type_ in TYPE_KEYS.items()]  # fmt: skip
    keys += [(key_text(key), f"Set the stance to {stance.label}")
             for key, stance in STANCE_KEYS.items()]  # fmt: skip
    keys.append((", ".join(map(key_text, DELETE_KEYS)), "Delete the selected claims"))
    return keys


class ReviewBoxDelegate(QStyledItemDelegate):
    """The claim's text with its reviewed box, drawn with an outline that shows on any row
    in either theme (the Fusion style outlines boxes in a darker window colour, which
    vanishes on a dark table)."""

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.palette.setColor(
            QPalette.ColorRole.Window, opt.palette.color(QPalette.ColorRole.PlaceholderText)
        )
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of fixed choices (value, label) for a cell."""

    def __init__(self, choices: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        for value, label in self.choices:
            editor.addItem(label, value)
        # a choice made is a choice committed: no need to leave the cell first
        editor.activated.connect(lambda _i, e=editor: self._commit(e))
        return editor

    def _commit(self, editor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index):
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SourceDelegate(QStyledItemDelegate):
    """The source as written, with completion from every source in the registry."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        names = source_names()
        completer = QCompleter(sorted(names, key=str.casefold), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        editor.setPlaceholderText("who the claim rests on (empty: unattributed)")
        return editor


def type_choices() -> list[tuple[str, str]]:
    return [(t.value, f"{n}  {TYPE_LABELS[t]}") for n, t in enumerate(TYPE_ORDER, start=1)]


def stance_choices() -> list[tuple[str, str]]:
    return [(s.value, s.label) for s in Stance]


class ReviewKeys(QObject):
    """The review keys on the claims table: Space toggles reviewed, 1-8 set the sourcing
    type, A/D/X the stance (asserts, denies, declines), Delete removes; each acts on every
    selected claim at once, as one step to undo."""

    def __init__(self, selected: Callable[[], list[int]], edit, delete, toggle_reviewed):
        super().__init__()
        self.selected, self.edit, self.delete = selected, edit, delete
        self.toggle_reviewed = toggle_reviewed

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        key = event.key()
        ids = self.selected()
        if not ids:
            return False
        change = key_change(key)
        if key == REVIEW_KEY:
            self.toggle_reviewed()
        elif change is not None:
            self.edit(ids, change)
        elif key in DELETE_KEYS:
            self.delete(ids)
        else:
            return False
        return True
