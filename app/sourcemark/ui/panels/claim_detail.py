"""The claim pane: the claim chosen in the claims table, whole, with what it rests on (the
source as written and as resolved, the cue), its type and stance (editable), its code with
the reasons the table's tooltip gives, its flags, how many outlets carry it and on how
many independent origins it rests (with the chain of those origins, ui/panels/origin_chain),
the claims of other stories linked to it but not counted, and a note (a memo, saved when
the editor leaves it or pauses). Its changes are asked of the window (``edit``), which
makes them undoable steps."""

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sourcemark.ui.editing import stance_choices, type_choices
from sourcemark.ui.models.claim_rows import ClaimRow, code_explanation
from sourcemark.ui.models.claims import review_state
from sourcemark.ui.panels.origin_chain import (
    Chain,
    OriginChain,
    origins_line,
    read_chain,
    what_it_counts,
)
from sourcemark.ui.theme import type_swatch
from sourcemark.ui.wording import short

NOTE_PAUSE = 1200  # ms: a note is saved once typing pauses this long
# px: from these widths the fields stand beside the claim, and the note beside the fields
TWO_COLUMNS, THREE_COLUMNS = 460, 640
STATUS_WORDS = {"confirmed": "confirmed by a person", "rejected": "rejected by a person"}


class ClaimDetailPane(QWidget):
    """Shows one claim (``show_claim``) and asks for changes to it through ``edit``
    (claim id, {field: value}); the window shows the stored claim again afterwards."""

    edit = Signal(int, dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("claimDetail")
        self.claim: ClaimRow | None = None
        self.read_links = _stored_links  # claim id -> [(claim id, outlet, text, status)]
        self.read_chain = read_chain  # claim id -> its origins (Chain), or None
        self._note_shown = ""  # the note as stored when last shown
        self._showing = False  # filling the fields in: their signals are not edits
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(NOTE_PAUSE)
        self.pause.timeout.connect(self.save_note)
        self._build()

    # -- the widgets ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.empty = QLabel(
            "Choose a claim in the table to read it whole here, with its source, its grade "
            "and your note. F8 shows or hides the article beside the claims, F7 this pane."
        )
        self.empty.setObjectName("claimDetailEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)  # the quiet colour of a hint

        self.state = _label("claimState")
        self.state.setEnabled(False)
        self.text = _label("claimText", selectable=True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text.setFont(font)
        self.source = _label("claimSource", selectable=True)
        self.where = _label("claimWhere", selectable=True)
        self.origins = _label("claimOrigins", selectable=True)
        bold = self.origins.font()
        bold.setBold(True)
        self.origins.setFont(bold)
        self.origins_why = _label("claimOriginsWhy")
        self.origins_why.setEnabled(False)  # the quiet colour of an explanation
        self.chain = OriginChain()
        self.links = _label("claimLinks", rich=True)
        self.corroboration_button = QToolButton()
        self.corroboration_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.corroboration_button.setAutoRaise(True)

        self.type_box = QComboBox()
        self.type_box.setObjectName("claimType")
        for value, label in type_choices():
            self.type_box.addItem(type_swatch(value), label, value)
        self.stance_box = QComboBox()
        self.stance_box.setObjectName("claimStance")
        for value, label in stance_choices():
            self.stance_box.addItem(label, value)
        for box, field in ((self.type_box, "type"), (self.stance_box, "stance")):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(15)
            box.activated.connect(lambda _i, box=box, field=field: self._chosen(box, field))
        self.code = _label("claimCode", selectable=True)
        self.flags = _label("claimFlags")
        self.note = QPlainTextEdit()
        self.note.setObjectName("claimNote")
        self.note.setPlaceholderText("A note on this claim: what to check, whom to call…")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.note.textChanged.connect(self._typed)
        self.note.installEventFilter(self)

        claim = QWidget()
        left = QVBoxLayout(claim)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(6)
        for widget in (self.state, self.text, self.source, self.where, self.origins,
                       self.origins_why):  # fmt: skip
            left.addWidget(widget)
        left.addStretch(1)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Type", self.type_box)
        form.addRow("&Stance", self.stance_box)
        form.addRow("Code", self.code)
        form.addRow("Flags", self.flags)
        form.addRow(self.corroboration_button)
        note = QWidget()
        note_layout = QVBoxLayout(note)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_label = QLabel("N&ote")
        note_label.setBuddy(self.note)
        note_layout.addWidget(note_label)
        note_layout.addWidget(self.note, 1)
        # the claim, then its fields, then the note: side by side as the pane widens
        self.rest = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.rest.setSpacing(16)
        self.rest.addWidget(fields, 3)
        self.rest.addWidget(note, 2)
        content = QWidget()
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(16)
        self.columns.addWidget(claim, 5)
        self.columns.addLayout(self.rest, 6)
        # the chain of origins under them, the pane's whole width: a line an entry
        whole = QVBoxLayout(content)
        whole.setContentsMargins(10, 8, 10, 8)
        whole.setSpacing(6)
        whole.addLayout(self.columns)
        whole.addWidget(self.chain)
        whole.addWidget(self.links)
        whole.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        for layout, least in ((self.columns, TWO_COLUMNS), (self.rest, THREE_COLUMNS)):
            layout.setDirection(
                QBoxLayout.Direction.LeftToRight
                if width >= least
                else QBoxLayout.Direction.TopToBottom
            )
        super().resizeEvent(event)

    # -- showing a claim -----------------------------------------------------------------------

    @property
    def claim_id(self) -> int | None:
        return self.claim.id if self.claim is not None else None

    def show_claim(
        self, row: ClaimRow | None, writable: bool = True, several: bool = False
    ) -> None:
        """Show this claim (None: none), and its outlet and story when the table holds the
        claims of ``several`` articles; a note typed for another claim and not saved yet is
        saved first."""
        previous = self.claim
        if previous is not None and (row is None or row.id != previous.id):
            text = self.note.toPlainText().strip()
            if not self.note.isReadOnly() and text != (previous.note or "").strip():
                # once the table's selection has settled: the save shows the claims again
                QTimer.singleShot(0, lambda: self.edit.emit(previous.id, {"note": text}))
        self.claim = row
        if row is None:
            self.stack.setCurrentWidget(self.empty)
            self._set_note("")
            return
        self._showing = True
        try:
            self._fill(row, writable, same=previous is not None and previous.id == row.id)
            self.where.setVisible(several and self.where.text() != "")
        finally:
            self._showing = False
        self.stack.setCurrentIndex(1)

    def _fill(self, row: ClaimRow, writable: bool, same: bool) -> None:
        premise = " · carries the headline" if row.premise else ""
        self.state.setText(review_state(row, keys=False) + premise)
        self.text.setText(" ".join(row.text.split()))
        font = self.text.font()
        font.setItalic(row.unreviewed_proposal)
        font.setBold(row.premise)
        self.text.setFont(font)
        self.source.setText(_source_words(row))
        where = [part for part in (row.outlet, row.story_title) if part]
        self.where.setText(" · ".join(where))
        chain = self._show_origins(row, writable)
        counted = {m.claim.id for o in chain.origins.origins for m in o.members} if chain else set()
        links = [link for link in self.read_links(row.id) if link[0] not in counted]
        self.links.setText(_links_html(links))
        self.links.setVisible(bool(links))
        for box, value in ((self.type_box, row.type), (self.stance_box, row.stance)):
            box.setCurrentIndex(box.findData(value))
            box.setEnabled(writable)
        self.code.setText("\n".join(code_explanation(row)))
        self.flags.setText(", ".join(row.flags) if row.flags else "none")
        self.note.setReadOnly(not writable)
        stored = row.note or ""
        typed = self.note.toPlainText()
        # the same claim shown again (after an edit, an undo, someone else's change): the
        # note follows what is stored unless the editor holds words not saved yet
        unsaved = same and writable and typed.strip() != self._note_shown.strip()
        if not unsaved and typed.strip() != stored.strip():
            self._set_note(stored)
        self._note_shown = stored

    def _show_origins(self, row: ClaimRow, writable: bool) -> Chain | None:
        """How many outlets carry the claim and on how many independent origins it rests,
        and the chain of those origins; an unattributed claim has none counted."""
        chain = self.read_chain(row.id) if row.type != "unattributed" else None
        if chain is None:
            self.origins.setText("No source given: no origin to count.")
        else:
            self.origins.setText(origins_line(chain.origins))
            self.origins_why.setText(what_it_counts(chain.origins))
        self.origins_why.setVisible(chain is not None)
        self.chain.show_chain(chain, writable)
        return chain

    def _set_note(self, text: str) -> None:
        self.pause.stop()
        self._showing, showing = True, self._showing
        try:
            self.note.setPlainText(text)
        finally:
            self._showing = showing
        self._note_shown = text

    # -- editing ------------------------------------------------------------------------------

    def _chosen(self, box: QComboBox, field: str) -> None:
        row = self.claim
        value = box.currentData()
        if row is not None and value != getattr(row, field):
            self.edit.emit(row.id, {field: value})

    def _typed(self) -> None:
        if not self._showing and not self.note.isReadOnly():
            self.pause.start()

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.note
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason  # its own context menu
        ):
            self.save_note()
        return super().eventFilter(watched, event)

    def save_note(self) -> None:
        """The note typed, saved (an undoable step) if it differs from the stored one."""
        self.pause.stop()
        row = self.claim
        text = self.note.toPlainText().strip()
        if row is not None and not self.note.isReadOnly() and text != (row.note or "").strip():
            self._note_shown = text
            self.edit.emit(row.id, {"note": text})


def _label(name: str, selectable: bool = False, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _source_words(row: ClaimRow) -> str:
    """'Source: “They”, that is Western officials · cue “noted”'."""
    if not row.source:
        source = "No source given (the story's own voice)"
    elif row.source_resolved and row.source_resolved != row.source:
        source = f"Source: “{row.source}”, that is {row.source_resolved}"
    else:
        source = f"Source: {row.source}"
    return source + (f" · cue “{row.cue}”" if row.cue else "")


def _stored_links(claim_id: int) -> list[tuple[int, str, str, str]]:
    """The claims stored as saying the same as this one: (claim id, outlet, text, what is
    known of the link), as the corroboration dialog lists them."""
    from sourcemark.store.rollups import links_of_claims

    links = links_of_claims([claim_id], {}).get(claim_id, [])
    return [(link.other.id, link.other.outlet or "another story", link.other.text,
             STATUS_WORDS.get(link.status, f"found, {link.similarity:.0f}% alike"))
            for link in links]  # fmt: skip


def _links_html(links: list[tuple[int, str, str, str]]) -> str:
    """The linked claims the origins do not count (rejected, less alike, saying the
    opposite)."""
    items = "".join(
        f"<li><b>{escape(outlet)}</b>: “{escape(short(text, 110))}” <i>({escape(status)})</i></li>"
        for _id, outlet, text, status in links
    )
    return f"Linked, not counted:<ul style='margin-left:-24px'>{items}</ul>"
