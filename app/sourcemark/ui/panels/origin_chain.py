"""The chain of a claim's independent origins, as the claim pane draws it: how many outlets
carry the claim and on how many independent origins it rests, then each origin (its
earliest report: outlet, date, source) with the copies and citations that hang from it,
indented and saying how each hangs, the claim's own origin first. Each entry opens its
article; a person sets an entry apart as an origin of its own, joins another origin to
the claim's, or lets the rules decide again (links, and the entry's context menu)."""

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QFrame, QMenu, QSizePolicy, QTextBrowser

from sourcemark.scoring.explain import origins_text
from sourcemark.scoring.origins import CITES, HOW, JOINED, ORIGIN, Origins, outlet_words
from sourcemark.store.origins import Place
from sourcemark.ui.theme import muted_text
from sourcemark.ui.wording import counted, short

# what each link does: "open:12" opens claim 12's article, and so on
OPEN, SPLIT, JOIN, RULES = "open", "split", "join", "rules"


@dataclass(slots=True)
class Chain:
    """A claim's origins and where each of their claims is."""

    claim_id: int
    origins: Origins
    places: dict[int, Place]


def read_chain(claim_id: int) -> Chain | None:
    """The stored claim's origins as its grade counts them (None: it is not there)."""
    from sourcemark.store.origins import claim_origins, places

    origins = claim_origins(claim_id)
    if origins is None:
        return None
    ids = [m.claim.id for o in origins.origins for m in o.members if m.claim.id is not None]
    return Chain(claim_id, origins, places(ids))


def origins_line(origins: Origins) -> str:
    """'Reported by 5 outlets · 2 independent origins'."""
    return origins_text(origins.reported_by, origins.independent).capitalize()


def what_it_counts(origins: Origins) -> str:
    """What the claim's digit makes of its origins, in a sentence."""
    others = origins.others
    if origins.reported_by > 1 and others == 0:
        return ("Every report of it goes back to one origin: nobody independent confirms "
                "it, whatever the number of outlets.")  # fmt: skip
    if others == 0:
        return "No other report says the same."
    return (
        f"Its digit counts the {counted(others, 'origin')} other than its own "
        "(independent: not a copy of it, not citing it, not the same outlet)."
    )


def day(published: date | None) -> str:
    return f"{published.day} {published:%b %Y}" if published else "no date"


class OriginChain(QTextBrowser):
    """The chain as rich text, as tall as its text (the pane scrolls, not the chain).
    ``open_claim`` (claim id), ``split`` (claim ids), ``join`` (claim ids, the claim whose
    origin they join) and ``rules`` (claim ids) ask the window to act."""

    open_claim = Signal(int)
    split = Signal(list)
    join = Signal(list, int)
    rules = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("originChain")
        self.chain: Chain | None = None
        self.writable = True
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)  # on the pane's own background
        self.document().setDocumentMargin(0)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.anchorClicked.connect(self._clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.context_menu: QMenu | None = None

    # -- showing ------------------------------------------------------------------------------

    def show_chain(self, chain: Chain | None, writable: bool = True) -> None:
        self.chain, self.writable = chain, writable
        self.setHtml(chain_html(chain, self.palette(), writable) if chain else "")
        # a claim nobody else reports has no chain to draw
        self.setVisible(chain is not None and chain_length(chain) > 1)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        document = self.document().clone()
        document.setTextWidth(max(width - 2 * self.frameWidth(), 50))
        return int(document.size().height()) + 2 * self.frameWidth() + 2

    def sizeHint(self) -> QSize:
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(max(self.width(), 120)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    # -- acting -------------------------------------------------------------------------------

    def _clicked(self, url: QUrl) -> None:
        what, _, number = url.toString().partition(":")
        chain = self.chain
        if chain is None or not number.isdigit():
            return
        claim_id = int(number)
        if what == OPEN:
            self.open_claim.emit(claim_id)
        elif what == SPLIT:
            self.split.emit([claim_id])
        elif what == JOIN:
            self.join.emit(origin_members(chain, claim_id), chain.claim_id)
        elif what == RULES:
            self.rules.emit([claim_id])

    def entry_at(self, position) -> int | None:
        """The claim of the entry at this point of the chain (a point of the viewport)."""
        block = self.cursorForPosition(position).block()
        iterator = block.begin()
        while not iterator.atEnd():
            href = iterator.fragment().charFormat().anchorHref()
            if href.startswith(OPEN + ":"):
                return int(href.partition(":")[2])
            iterator += 1
        return None

    def _menu(self, position) -> None:
        chain = self.chain
        claim_id = self.entry_at(position)
        if chain is None or claim_id is None:
            return
        menu = QMenu(self)
        for text, href in entry_actions(chain, claim_id, self.writable):
            action = QAction(text, menu)
            action.triggered.connect(lambda _=False, href=href: self._clicked(QUrl(href)))
            menu.addAction(action)
        self.context_menu = menu
        menu.popup(self.viewport().mapToGlobal(position))


def chain_length(chain: Chain) -> int:
    """How many claims the chain holds, the claim's own included."""
    return sum(len(origin.members) for origin in chain.origins.origins)


def origin_members(chain: Chain, claim_id: int) -> list[int]:
    """The claims of the origin holding this claim."""
    for origin in chain.origins.origins:
        ids = [m.claim.id for m in origin.members]
        if claim_id in ids:
            return ids
    return [claim_id]


def entry_actions(chain: Chain, claim_id: int, writable: bool) -> list[tuple[str, str]]:
    """(menu text, link) of what can be done with one entry of the chain."""
    actions = [("&Open Its Article", f"{OPEN}:{claim_id}")]
    if not writable:
        return actions
    for k, origin in enumerate(chain.origins.origins):
        member = next((m for m in origin.members if m.claim.id == claim_id), None)
        if member is None:
            continue
        if len(origin.members) > 1:
            actions.append(("Mark &Independent (an Origin of Its Own)", f"{SPLIT}:{claim_id}"))
        if k > 0:
            actions.append(("Same Origin as the &Claim Shown", f"{JOIN}:{claim_id}"))
        if member.claim.origin_of is not None:
            actions.append(("Let the &Rules Decide", f"{RULES}:{claim_id}"))
    return actions


def chain_html(chain: Chain, palette: QPalette, writable: bool = True) -> str:
    """The chain as HTML: a heading for each origin, its earliest report, then the claims
    that hang from it, indented; links to open each and to decide."""
    muted = muted_text(palette)
    origins, where = chain.origins, chain.places
    names = {outlet_words(p.outlet): p.outlet for p in where.values() if p.outlet}
    parts = []
    for k, origin in enumerate(origins.origins):
        outlets = {outlet_words(where[m.claim.id].outlet) if m.claim.id in where else ""
                   for m in origin.members}  # fmt: skip
        heading = "Its own origin" if k == 0 else "An independent origin"
        if origin.first.origin_of == origin.first.id and origin.first.id is not None:
            heading += ", set apart by a person"
        parts.append(
            f"<p style='margin-top:{8 if k else 2}px; margin-bottom:2px'><b>{heading}</b> "
            f"<span style='color:{muted}'>· {counted(len(outlets), 'outlet')}</span>"
            + (f" <span style='color:{muted}'>[<a href='{JOIN}:{origin.first.id}'>not "
               "independent: same origin as this claim</a>]</span>" if k and writable else "")
            + "</p>"
        )  # fmt: skip
        several = len(origin.members) > 1
        for member in origin.members:
            claim = member.claim
            place = where.get(claim.id)
            outlet = (place.outlet or short(place.article_title, 40)) if place else "—"
            this = claim.id == chain.claim_id
            name = f"<b>{escape(outlet)}</b>" if this else escape(outlet)
            bits = [f"<a href='{OPEN}:{claim.id}'>{name}</a>",
                    escape(day(place.published if place else None))]  # fmt: skip
            if member.how == ORIGIN:
                source = claim.source_resolved or claim.source
                bits.append(f"source: {escape(short(source, 48))}" if source else "no source given")
            else:
                bits.append(f"<i>{escape(_how(member.how, claim, names, outlets))}</i>")
            if this:
                bits.append("<b>this claim</b>")
            links = []
            if writable and several:
                links.append(f"<a href='{SPLIT}:{claim.id}'>mark independent</a>")
            if writable and claim.origin_of is not None:
                links.append(f"<a href='{RULES}:{claim.id}'>let the rules decide</a>")
            tail = (f" <span style='color:{muted}'>[{' · '.join(links)}]</span>"
                    if links else "")  # fmt: skip
            indent = 12 if member.how == ORIGIN else 30
            arrow = "" if member.how == ORIGIN else "↳ "
            parts.append(
                f"<p style='margin-left:{indent}px; margin-top:1px; margin-bottom:1px; "
                f"text-indent:{-14 if arrow else 0}px'>{arrow}{' · '.join(bits)}{tail}</p>"
            )
    return "".join(parts)


def _how(how: str, claim, names: dict[str, str], outlets: set[str]) -> str:
    """How a claim hangs from its origin: joined by a person, or 'cites The Ledger' when it
    cites an outlet of the origin (whatever tied it first), else 'a copy of the same text'
    and so on."""
    if how == JOINED:
        return "joined by a person"
    cited = outlet_words(claim.cites_outlet or claim.source_resolved or claim.source)
    if cited and (cited in outlets or how == CITES):
        return f"cites {names.get(cited) or claim.cites_outlet or claim.source_resolved}"
    return HOW.get(how, how)
