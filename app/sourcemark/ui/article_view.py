"""The article's text with every claim highlighted in its sourcing type's colour: hatched
when unattributed, lighter while only the analyzer proposes it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.colours import FILL_OPACITY, HATCH_OPACITY
from sourcemark.ui.models.claim_rows import ClaimRow
from sourcemark.ui.theme import TYPE_UNDERLINES, dark_page, tint, type_colour, type_mark
from sourcemark.ui.wording import plain_tip


class ArticleView(QPlainTextEdit):
    """Read-only plain text: imported content is never interpreted as markup."""

    claim_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        # selectable by keyboard as well as mouse: a claim can be marked without a mouse
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("articleView")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(16)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.article_id: int | None = None
        self._claims: list[ClaimRow] = []
        self._selected: int | None = None
        self._formats: dict[int, QTextCharFormat] = {}
        self._title = ""

    def show_article(self, article_id: int | None, title: str, text: str, claims: list[ClaimRow]):
        self.article_id = article_id
        self._title = title
        self._claims = [c for c in claims if c.article_id == article_id]
        self._selected = None
        self.setPlainText(text)
        self._highlight()

    def update_claims(self, claims: list[ClaimRow]) -> None:
        """New colours for the same text (after an edit): the scroll position stays."""
        self._claims = [c for c in claims if c.article_id == self.article_id]
        self._highlight()

    def highlighted_claims(self) -> list[tuple[int, int, str]]:
        """(start, end, type) of each highlight currently shown, for tests and the legend."""
        return [(c.start, c.end, c.type) for c in self._claims]

    def select_claim(self, claim_id: int | None) -> None:
        self._selected = claim_id
        self._highlight()
        claim = next((c for c in self._claims if c.id == claim_id), None)
        if claim is not None:
            cursor = self.textCursor()
            cursor.setPosition(min(claim.end, len(self.toPlainText())))
            self.setTextCursor(cursor)
            cursor.setPosition(min(claim.start, len(self.toPlainText())))
            self.setTextCursor(cursor)
            self.centerCursor()

    def claim_format(self, claim_id: int) -> QTextCharFormat | None:
        """How a claim is marked now (None: it is not), for tests."""
        return self._formats.get(claim_id)

    def _highlight(self) -> None:
        length = len(self.toPlainText())
        dark = dark_page()
        selections = []
        self._formats = {}
        for claim in self._claims:
            if not 0 <= claim.start < claim.end <= length:
                continue
            selected = claim.id == self._selected
            fmt = self._formats[claim.id] = claim_format(claim, selected, dark)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(claim.start)
            cursor.setPosition(claim.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            if selected:
                selections.extend(self._source_and_cue(claim, type_mark(claim.type)))
        self.setExtraSelections(selections)

    def marked_words(self) -> list[tuple[str, str]]:
        """(role, words) of the source mention and cue marked for the selected claim."""
        text = self.toPlainText()
        return [
            (s.format.property(_ROLE), text[s.cursor.selectionStart() : s.cursor.selectionEnd()])
            for s in self.extraSelections()
            if s.format.property(_ROLE)
        ]

    def _source_and_cue(self, claim: ClaimRow, colour) -> list:
        """The selected claim's source mention (bold, underlined) and cue (italic), found
        where they stand nearest the claim."""
        text = self.toPlainText()
        marks = []
        for role, words in (("source", claim.source), ("cue", claim.cue)):
            span = _nearest(text, words, claim.start, claim.end) if words else None
            if span is None:
                continue
            fmt = QTextCharFormat()
            fmt.setProperty(_ROLE, role)
            if role == "source":
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colour)
                fmt.setToolTip(plain_tip(f"the source: {claim.source_resolved or claim.source}"))
            else:
                fmt.setFontItalic(True)
                fmt.setToolTip("the cue")
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor, selection.format = cursor, fmt
            marks.append(selection)
        return marks

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        for claim in self._claims:
            if claim.start <= position < claim.end:
                self.claim_clicked.emit(claim.id)
                return


_ROLE = QTextCharFormat.Property.UserProperty + 1  # "source" or "cue" on a mark


def proposed(claim: ClaimRow) -> bool:
    """Proposed by the analyzer and not reviewed: nobody has looked at it yet."""
    return claim.origin == "analyzer" and not claim.reviewed


def claim_format(claim: ClaimRow, selected: bool, dark: bool) -> QTextCharFormat:
    """A claim's mark in the article: tinted in its type's colour (hatched when it is
    unattributed: the story's own voice), more lightly while only the analyzer proposes
    it, most when selected; underlined in its type's style."""
    colour = type_colour(claim.type)
    state = "selected" if selected else "proposed" if proposed(claim) else "reviewed"
    fmt = QTextCharFormat()
    if claim.type == SourcingType.UNATTRIBUTED and not selected:
        hatch = tint(colour, round(255 * HATCH_OPACITY[dark][state]))
        fmt.setBackground(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
    else:
        fmt.setBackground(tint(colour, round(255 * FILL_OPACITY[dark][state])))
    fmt.setUnderlineStyle(
        TYPE_UNDERLINES.get(claim.type, QTextCharFormat.UnderlineStyle.NoUnderline)
    )
    fmt.setUnderlineColor(type_mark(claim.type))
    if selected:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    label = TYPE_LABELS.get(claim.type, claim.type)
    who = {"proposed": "proposed by the analyzer, not reviewed yet"}.get(
        state, "reviewed" if claim.reviewed else "made or changed by a person"
    )
    fmt.setToolTip(plain_tip(f"{label}: {claim.source or 'no source'}\n{who.capitalize()}"))
    return fmt


def _nearest(text: str, words: str, start: int, end: int, reach: int = 400):
    """Where ``words`` stand closest to the span start..end, within ``reach`` characters."""
    low, high = max(0, start - reach), min(len(text), end + reach)
    window = text[low:high].lower()  # "According to" is the cue "according to"
    words = words.lower()
    if len(window) != high - low:
        return None  # a character whose lower case is longer: offsets would drift
    best, position = None, window.find(words)
    while position >= 0:
        at = low + position
        distance = max(start - (at + len(words)), at - end, 0)
        if best is None or distance < best[0]:
            best = (distance, at)
        position = window.find(words, position + 1)
    return (best[1], best[1] + len(words)) if best else None
