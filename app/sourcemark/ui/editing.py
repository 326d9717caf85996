"""Correcting claims in the table: editors for its cells, undoable commands that save each
edit in its own transaction, and the review keys (Space, 1-8, D/A/X, Delete)."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from sourcemark.analysis.types import TYPE_LABELS, SourcingType, Stance
from sourcemark.store.articles import reanalyze_article
from sourcemark.store.edits import (
    EditConflict,
    add_user_claim,
    claims_of_article,
    delete_claims,
    replace_claims_of_article,
    restore_claim_fields,
    restore_claims,
    update_claim,
)
from sourcemark.store.models import Claim, Source
from sourcemark.ui.commands import StoreCommand

# The order of the taxonomy; the keys 1-8 pick a type in this order.
TYPE_ORDER = list(SourcingType)
STANCE_KEYS = {
    Qt.Key.Key_A: Stance.ASSERTS,
    Qt.Key.Key_D: Stance.DENIES,
    Qt.Key.Key_X: Stance.DECLINES,
}
FIELD_NAMES = {"type": "type", "stance": "stance", "source_mention": "source", "reviewed":
               "review mark", "note": "note"}  # fmt: skip


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
        names = [name for (name,) in Source.select(Source.name).distinct().tuples()]
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


class EditClaims(StoreCommand):
    """The same change to one or more claims; undo puts back what each had. Each claim is
    saved only if nobody else changed it since this window read it (``known_version``: the
    version the window last read of a claim); the others are left as they are and handed
    to ``conflicted``."""

    def __init__(
        self,
        claim_ids: list[int],
        changes: dict,
        done: Callable[[list[int]], None],
        known_version: Callable[[int], int | None] | None = None,
        conflicted: Callable[[list], None] | None = None,
    ):
        super().__init__(_describe(changes, len(claim_ids)))
        self.claim_ids, self.changes, self.done = claim_ids, changes, done
        self.known_version = known_version or (lambda claim_id: None)
        self.conflicted = conflicted or (lambda conflicts: None)
        self.before: dict[int, dict] = {}

    def redo(self) -> None:
        saved, conflicts = [], []
        for claim_id in self.claim_ids:
            try:
                old = update_claim(claim_id, self.changes, self.known_version(claim_id))
            except EditConflict as conflict:
                conflicts.append(conflict)
                continue
            self.before.setdefault(claim_id, old)  # what it was before the first redo
            saved.append(claim_id)
        if conflicts:
            self.claim_ids = saved  # undo and redo concern only what was saved
            if not saved:
                self.setObsolete(True)  # nothing to undo: the stack drops this step
            self.conflicted(conflicts)
        self.done(saved)

    def undo(self) -> None:
        restored, conflicts = [], []
        for claim_id in reversed(self.claim_ids):
            try:
                restore_claim_fields(claim_id, self.before[claim_id], self.known_version(claim_id))
            except EditConflict as conflict:
                conflicts.append(conflict)
                continue
            restored.append(claim_id)
        if conflicts:
            self.conflicted(conflicts)
        self.done(restored)


class DeleteClaims(StoreCommand):
    """Claims removed; undo brings them back as they were, with the same ids. Nothing is
    removed if someone else changed one of them since this window read it."""

    def __init__(
        self,
        claim_ids: list[int],
        done: Callable[[list[int]], None],
        known_version: Callable[[int], int | None] | None = None,
        conflicted: Callable[[list], None] | None = None,
    ):
        super().__init__(f"Delete {_count(len(claim_ids))}")
        self.claim_ids, self.done = claim_ids, done
        self.known_version = known_version or (lambda claim_id: None)
        self.conflicted = conflicted or (lambda conflicts: None)
        self.rows: list[dict] = []

    def redo(self) -> None:
        versions = {claim_id: self.known_version(claim_id) for claim_id in self.claim_ids}
        try:
            self.rows = delete_claims(self.claim_ids, versions)
        except EditConflict as conflict:
            self.setObsolete(True)
            self.conflicted([conflict])
            return
        self.done([])

    def undo(self) -> None:
        restore_claims(self.rows)
        self.done(self.claim_ids)


def _count(n: int) -> str:
    return "claim" if n == 1 else f"{n} claims"


def _describe(changes: dict, n: int) -> str:
    """The Edit menu's words for a change: 'Set type of claim to Document'."""
    if set(changes) == {"reviewed"}:
        return f"Mark {_count(n)} {'reviewed' if changes['reviewed'] else 'not reviewed'}"
    (field, value), *_ = changes.items()
    return f"Set {FIELD_NAMES[field]} of {_count(n)} to {shown_value(field, value)}"


def shown_value(field: str, value) -> str:
    """A claim field's value in words: 'Document', 'Denies', '“Peskov”', 'nothing'."""
    if field == "type":
        return TYPE_LABELS.get(SourcingType(value), value) if value in _TYPES else str(value)
    if field == "stance":
        return Stance(value).label if value in _STANCES else str(value)
    if field in {"source_mention", "note"}:
        return f"“{short(value)}”" if value else "nothing"
    if field == "reviewed":
        return "yes" if value else "no"
    return str(value)


def short(text: str, width: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


_TYPES = {t.value for t in SourcingType}
_STANCES = {s.value for s in Stance}


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
        if key == Qt.Key.Key_Space:
            self.toggle_reviewed()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_8:
            self.edit(ids, {"type": TYPE_ORDER[key - Qt.Key.Key_1].value})
        elif key in STANCE_KEYS:
            self.edit(ids, {"stance": STANCE_KEYS[Qt.Key(key)].value})
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete(ids)
        else:
            return False
        return True


def rerun_analyzer(article_id: int) -> list[int]:
    """Run the analyzer again on a stored article; the claims a person made or changed
    stay (a change for ChangeArticleClaims: it selects nothing)."""
    from sourcemark.analysis import ANALYZER_VERSION, analyze
    from sourcemark.store.models import Article

    article = Article.get_by_id(article_id)
    outlet = article.outlet.name if article.outlet else None
    reanalyze_article(article_id, analyze(article.text, article.title, outlet), ANALYZER_VERSION)
    return []


class AddClaim(StoreCommand):
    """A claim a person marked in the text."""

    def __init__(self, article_id: int, start: int, end: int, fields: dict, done):
        super().__init__("Add claim")
        self.article_id, self.start, self.end, self.fields, self.done = (
            article_id, start, end, fields, done,
        )  # fmt: skip
        self.row: dict | None = None

    def redo(self) -> None:
        if self.row is None:
            claim_id = add_user_claim(self.article_id, self.start, self.end, self.fields)
            self.row = Claim.select().where(Claim.id == claim_id).dicts().get()
        else:
            restore_claims([self.row])
        self.done([self.row["id"]])

    def undo(self) -> None:
        delete_claims([self.row["id"]])
        self.done([])


class NewClaimDialog(QDialog):
    """What a marked passage rests on: its source (from the text or the registry), its
    sourcing type and stance."""

    def __init__(self, passage: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("New Claim")
        self.setMinimumWidth(460)
        layout = QFormLayout(self)
        quoted = QLabel(f"“{short(passage, 220)}”")
        quoted.setWordWrap(True)
        quoted.setTextFormat(Qt.TextFormat.PlainText)
        layout.addRow(quoted)
        self.source = QLineEdit()
        self.source.setObjectName("newClaimSource")
        self.source.setPlaceholderText("who it rests on, as written (empty: unattributed)")
        names = [name for (name,) in Source.select(Source.name).distinct().tuples()]
        completer = QCompleter(sorted(names, key=str.casefold), self.source)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source.setCompleter(completer)
        self.type = QComboBox()
        self.type.setObjectName("newClaimType")
        for value, label in type_choices():
            self.type.addItem(label, value)
        self.type.setCurrentIndex(self.type.findData(SourcingType.UNATTRIBUTED.value))
        self.stance = QComboBox()
        for value, label in stance_choices():
            self.stance.addItem(label, value)
        # a source typed in makes an unattributed claim attributed: guess a named person
        self.source.textEdited.connect(self._guess_type)
        layout.addRow("&Source:", self.source)
        layout.addRow("&Type:", self.type)
        layout.addRow("S&tance:", self.stance)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _guess_type(self, text: str) -> None:
        unattributed = self.type.currentData() == SourcingType.UNATTRIBUTED.value
        if text.strip() and unattributed:
            self.type.setCurrentIndex(self.type.findData(SourcingType.NAMED_PERSON.value))
        elif not text.strip():
            self.type.setCurrentIndex(self.type.findData(SourcingType.UNATTRIBUTED.value))

    def fields(self) -> dict:
        return {
            "source_mention": self.source.text().strip(),
            "type": self.type.currentData(),
            "stance": self.stance.currentData(),
        }


class ChangeArticleClaims(StoreCommand):
    """A change to several claims of one article at once (split, merge); undo puts the
    article's claims back exactly as they were, unless someone else changed them since."""

    def __init__(
        self,
        text: str,
        article_id: int,
        change: Callable[[], list[int]],
        done,
        known_version: Callable[[int], int | None] | None = None,
        conflicted: Callable[[list], None] | None = None,
    ):
        super().__init__(text)
        self.article_id, self.change, self.done = article_id, change, done
        self.known_version = known_version or (lambda claim_id: None)
        self.conflicted = conflicted or (lambda conflicts: None)
        self.before: list[dict] | None = None
        self.after: list[dict] | None = None
        self.selected: list[int] = []
        self.error = ""

    def redo(self) -> None:
        if self.after is None:
            self.before = claims_of_article(self.article_id)
            try:
                self.selected = self.change()
            except ValueError as error:  # nothing changed: the stack drops the command
                self.error = str(error)
                self.setObsolete(True)
                return
            except EditConflict as conflict:
                self.setObsolete(True)
                self.conflicted([conflict])
                return
            self.after = claims_of_article(self.article_id)
        elif not self._replace(self.after, self.before):
            return
        self.done(self.selected)

    def undo(self) -> None:
        if self._replace(self.before or [], self.after):
            self.done([])

    def _replace(self, rows: list[dict], expected: list[dict] | None) -> bool:
        """Put ``rows`` in place of the article's claims if they are still ``expected`` (in
        the versions this window last read)."""
        believed = [{"id": row["id"], "version": self.known_version(row["id"]) or row["version"]}
                    for row in expected or []]  # fmt: skip
        try:
            replace_claims_of_article(self.article_id, rows, believed)
        except EditConflict as conflict:
            self.conflicted([conflict])
            return False
        return True
