"""A filter of several values: a button whose menu ticks the values wanted (none: any), each
with how many claims it would show, and which stays open while values are ticked."""

from collections.abc import Hashable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton

from sourcemark.ui.theme import themed

Choice = tuple[Hashable, str, QIcon | None]  # a value, its label, its icon


class StayingMenu(QMenu):
    """A menu that stays open when an entry that ticks is clicked or chosen by key, so that
    several values are ticked in one visit (Escape, or a click outside, closes it)."""

    def mouseReleaseEvent(self, event) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        action = self.activeAction()
        ticks = event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if ticks and action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().keyPressEvent(event)


class FilterButton(QToolButton):
    """The values ``choices`` ([(value, label, icon or None)]) to tick; ``changed`` when the
    values ticked change. ``groups`` ([(label, values)]) are entries that tick several
    values at once ("Either anonymous type"). Its text names what is ticked: 'Any type',
    'Document', 'Named official, Document', '3 types'."""

    changed = Signal()

    def __init__(self, any_text: str, plural: str, choices: list[Choice],
                 groups: list[tuple[str, tuple]] = (), hint: str = "", parent=None):  # fmt: skip
        super().__init__(parent)
        self.any_text, self.plural, self.hint = any_text, plural, hint
        self.labels = {value: label for value, label, _icon in choices}
        # the menu opens beside the button without a loop of its own (a menu of the button's
        # would run one until it closed); the arrow after the text says that it opens
        themed(self, "mdi6.chevron-down")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.clicked.connect(self.show_values)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        menu = self.values_menu = StayingMenu(self)
        self.any_action = menu.addAction(any_text)
        self.any_action.triggered.connect(lambda: self.set_checked(()))
        for label, values in groups:
            group = menu.addAction(label)
            group.triggered.connect(lambda _=False, values=values: self.set_checked(values))
        menu.addSeparator()
        self.entries: dict[Hashable, QAction] = {}
        for value, label, icon in choices:
            action = menu.addAction(label)
            if icon is not None:
                action.setIcon(icon)
            action.setCheckable(True)
            action.setData(value)
            action.toggled.connect(self._toggled)
            self.entries[value] = action
        menu.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._quiet = False
        self._name()

    def show_values(self) -> None:
        """Open the menu of values under the button."""
        self.values_menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def checked(self) -> tuple:
        """The values ticked, in the menu's order."""
        return tuple(value for value, action in self.entries.items() if action.isChecked())

    def set_checked(self, values) -> None:
        """Tick these values and no other (one change)."""
        wanted = set(values)
        if wanted == set(self.checked()):
            return
        self._quiet = True
        try:
            for value, action in self.entries.items():
                action.setChecked(value in wanted)
        finally:
            self._quiet = False
        self._name()
        self.changed.emit()

    def set_counts(self, counts: dict | None) -> None:
        """Each value's count beside it ("Named official (5)"); None: being counted ("…")."""
        for value, action in self.entries.items():
            count = "…" if counts is None else f"{counts.get(value, 0):,}"
            action.setText(f"{self.labels[value]} ({count})")

    def _toggled(self, _checked: bool) -> None:
        if not self._quiet:
            self._name()
            self.changed.emit()

    def _name(self) -> None:
        ticked = [self.labels[value] for value in self.checked()]
        if not ticked:
            text = self.any_text
        elif len(ticked) <= 2:
            text = ", ".join(ticked)
        else:
            text = f"{len(ticked)} {self.plural}"
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, 200))
        self.setToolTip("\n".join(filter(None, [self.hint, ", ".join(ticked)])))
        self.any_action.setEnabled(bool(ticked))
