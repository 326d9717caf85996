"""The strip above the claims: what the selected story rests on, at a glance."""

from collections import Counter
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sourcemark.analysis.types import ANONYMOUS_TYPES, TYPE_LABELS, SourcingType, Stance
from sourcemark.scoring.explain import how_counted, origins_text, points_text
from sourcemark.ui.models.claim_rows import ClaimRow
from sourcemark.ui.theme import muted_text, type_colour
from sourcemark.ui.wording import counted, plain_tip


class TypeBar(QWidget):
    """A stacked bar of the attributed claims by sourcing type."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: Counter = Counter()
        self.setMinimumHeight(12)
        self.setMaximumHeight(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: Counter) -> None:
        self.counts = counts
        parts = [f"{TYPE_LABELS[SourcingType(t)]}: {n}" for t, n in counts.items() if n]
        self.setToolTip("\n".join(parts))
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(self.counts.values())
        rect = self.rect().adjusted(0, 1, 0, -1)
        if not total:
            painter.setBrush(QColor(128, 128, 128, 60))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 4, 4)
            return
        x = float(rect.left())
        for type_ in SourcingType:
            n = self.counts.get(type_.value, 0)
            if not n:
                continue
            width = rect.width() * n / total
            painter.fillRect(
                int(x),
                rect.top(),
                round(x + width) - int(x),
                rect.height(),
                type_colour(type_),
            )
            x += width


class SummaryStrip(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        self.title = QLabel()
        self.title.setObjectName("summaryTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a story's title comes from a page
        self.score = QLabel()
        self.score.setObjectName("storyScore")
        self.score.setTextFormat(Qt.TextFormat.RichText)
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.rollup: dict | None = None
        self.facts = QLabel()
        self.facts.setObjectName("summaryFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.headline = QLabel()  # on how many origins the headline's claims rest
        self.headline.setObjectName("summaryHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = TypeBar()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.score)
        layout.addLayout(heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.headline)
        row = QHBoxLayout()
        row.addWidget(self.bar)
        layout.addLayout(row)
        layout.addWidget(self.legend)
        self.why = QToolButton()
        self.why.setObjectName("whyScore")
        self.why.setText("Why this score")
        self.why.setCheckable(True)
        self.why.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why.setArrowType(Qt.ArrowType.RightArrow)
        self.why.setAutoRaise(True)
        self.why.toggled.connect(self._toggle_breakdown)
        self.breakdown = QLabel()
        self.breakdown.setObjectName("scoreBreakdown")
        self.breakdown.setTextFormat(Qt.TextFormat.RichText)
        self.breakdown.setWordWrap(True)
        self.breakdown.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # on a laptop the whole breakdown would push the claims out of the window: it
        # scrolls past a share of the window's height
        self.breakdown_area = QScrollArea()
        self.breakdown_area.setObjectName("scoreBreakdownArea")
        self.breakdown_area.setWidgetResizable(True)
        self.breakdown_area.setFrameShape(QFrame.Shape.NoFrame)
        self.breakdown_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.breakdown_area.setWidget(self.breakdown)
        self.breakdown_area.hide()
        layout.addWidget(self.why)
        layout.addWidget(self.breakdown_area)
        self.show_story(None, [], [])

    BREAKDOWN_SHARE = 0.4  # of the window's height, at most

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_breakdown()

    def _fit_breakdown(self) -> None:
        """The breakdown as tall as its text, up to a share of the window's height."""
        if self.breakdown_area.isHidden():
            return
        width = (
            self.breakdown_area.width() - self.breakdown_area.verticalScrollBar().sizeHint().width()
        )
        needed = self.breakdown.heightForWidth(max(width, 100)) + 2
        most = max(120, int(self.window().height() * self.BREAKDOWN_SHARE))
        self.breakdown_area.setFixedHeight(min(needed, most))

    def show_story(
        self, title: str | None, outlets: list[str], claims: list[ClaimRow], rollup: bool = True
    ) -> None:
        """The story's facts, type bar and legend; with ``rollup``, its credibility score
        and code (explained in the score's tooltip)."""
        self._show_score(title, claims if rollup and title is not None else None)
        self._show_headline(claims if title is not None else [])
        if title is None:
            self.title.setText("No story selected")
            self.facts.setText("Select a story on the left to see what its claims rest on.")
            self.bar.set_counts(Counter())
            self.legend.setText("")
            return
        counts = Counter((c.type, c.stance, c.premise) for c in claims)
        self._show_facts(title, outlets, [(*key, n) for key, n in counts.items()])

    def show_counts(self, title: str, counts: list[tuple[str, str, bool, int]] | None) -> None:
        """Facts, type bar and legend of many stories' claims, counted by the database as
        (type, stance, carries the headline, how many); None while they are counted."""
        self._show_score(title, None)
        self._show_headline([])
        if counts is None:
            self.title.setText(title)
            self.facts.setText("Counting the claims…")
            self.bar.set_counts(Counter())
            self.legend.setText("")
            return
        self._show_facts(title, [], counts)

    def _show_facts(self, title: str, outlets: list[str], counts) -> None:
        self.title.setText(title)
        by_type: Counter = Counter()
        total = denials = 0
        premise_types = set()
        for type_, stance, premise, n in counts:
            total += n
            if premise:
                premise_types.add(type_)
            if type_ != SourcingType.UNATTRIBUTED:
                by_type[type_] += n
                denials += n if stance == Stance.DENIES else 0
        attributed = sum(by_type.values())
        anonymous = sum(by_type[t] for t in ANONYMOUS_TYPES)
        facts = [
            f"{counted(total, 'claim')}, {attributed:,} attributed",
            f"{anonymous:,} of {attributed:,} attributed rest only on anonymous sources"
            if attributed
            else "no attributed claims",
            counted(denials, "denial"),
        ]
        if premise_types and premise_types <= set(ANONYMOUS_TYPES):
            facts.append("the headline rests only on anonymous sources")
        if outlets:
            facts.insert(0, ", ".join(outlets))
        self.facts.setText(" · ".join(facts))
        self.bar.set_counts(by_type)
        chips = []
        for type_ in SourcingType:
            if by_type.get(type_.value):
                colour = type_colour(type_).name()
                label, n = TYPE_LABELS[type_], by_type[type_.value]
                chips.append(f'<span style="color:{colour}">■</span>&nbsp;{label}&nbsp;{n:,}')
        self.legend.setText("&nbsp;&nbsp; ".join(chips))

    def _show_headline(self, claims: list[ClaimRow]) -> None:
        text = headline_origins(claims)
        self.headline.setText(text)
        self.headline.setToolTip(
            "An independent origin is a report that does not copy or cite another: wire "
            "copies of one text, rewrites “according to” an outlet and the same outlet "
            "again all rest on one origin. The story's digit counts origins, not outlets."
            if text
            else ""
        )
        self.headline.setVisible(bool(text))

    def _show_score(self, title: str | None, claims: list[ClaimRow] | None) -> None:
        if not claims:
            self.rollup = None
            self.score.setText("")
            self.score.setToolTip("")
            self.why.hide()
            self.breakdown_area.hide()
            return
        self.why.show()
        self.breakdown_area.setVisible(self.why.isChecked())
        from sourcemark.scoring import roll_up
        from sourcemark.scoring.rollup import corroborate_across
        from sourcemark.store.rollups import links_of_claims, outlet_letters
        from sourcemark.store.settings import load_settings

        cited = outlet_letters()
        settings = load_settings()
        inputs = [c.scoring_input(cited) for c in claims]
        stories = {c.story_id for c in claims}
        # the claims of other stories saying the same: their origins weigh in the digits
        corroborate_across(inputs, links_of_claims([c.id for c in claims], cited), settings,
                           stories.pop() if len(stories) == 1 else None)  # fmt: skip
        # the story's letter: its outlet's grade; of several outlets, the weakest graded
        letters = sorted({c.outlet_letter for c in claims if c.outlet_letter})
        self.rollup = summary = roll_up(
            inputs, title or "", letters[-1] if letters else None, settings=settings
        )
        self.score.setText(
            f'<span style="font-size:large; font-weight:600">{summary["score"]}</span>'
            f"&nbsp;/&nbsp;100 &nbsp;·&nbsp; <b>{summary['code']}</b>"
        )
        self.score.setToolTip(plain_tip(score_tip(summary)))
        self.breakdown.setText(breakdown_html(summary, self.palette()))
        self._fit_breakdown()

    def _toggle_breakdown(self, shown: bool) -> None:
        self.why.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.breakdown_area.setVisible(shown and self.rollup is not None)
        self._fit_breakdown()


def headline_origins(claims: list[ClaimRow]) -> str:
    """How many outlets carry the headline and on how many independent origins it rests,
    for its weakest attributed claim (the one the story's digit follows): "Headline:
    reported by 5 outlets · 1 independent origin"; "" without one."""
    known = [c for c in claims if c.premise and c.type != SourcingType.UNATTRIBUTED
             and c.independent_origins is not None and c.reported_by is not None]  # fmt: skip
    if not known:
        return ""
    weakest = min(known, key=lambda c: (c.independent_origins, -c.reported_by))
    outlets, origins = weakest.reported_by, weakest.independent_origins
    if outlets <= 1 and origins <= 1:
        return "Headline: no other outlet reports it"
    text = f"Headline: {origins_text(outlets, origins)}"
    if origins == 1:
        text += " (they all go back to one report)"
    return text


def score_tip(summary: dict) -> str:
    """The score's tooltip, in plain lines."""
    lines = [
        f"Sourcing score {summary['score']} of 100, story code {summary['code']}: "
        f"{summary['code_meaning']}",
        "",
    ]
    for component in summary["components"].values():
        name, score, reason = component["name"], component["score"], component["reason"]
        if score is None:
            lines.append(f"{name} — {reason} (no weight)")
        else:
            weight, points = points_text(component["weight"]), points_text(component["points"])
            lines.append(f"{name}: {score}% × weight {weight} = {points} points — {reason}")
    lines.append(how_counted(summary))
    lines += [f"Cap: {cap}" for cap in summary["caps"]]
    lines += ["", "This scores how the story is sourced, not whether it is true."]
    return "\n".join(lines)


def breakdown_html(summary: dict, palette) -> str:
    """'Why this score': how the points make the score and the code in words first; then
    each component's score × weight = points (figures on the left, in columns that add up),
    its name, why, and the standard behind its rule; the total of the points under them."""
    muted = muted_text(palette)
    weights = summary["settings"]["weights"]
    number = "align=right valign=top style='white-space:nowrap'"
    sign = "valign=top align=center"
    caps = "".join(f"<br>⚠ Capped: {escape(cap)}" for cap in summary["caps"])
    rows = [f"<tr><th {number}>Score</th><th></th><th {number}>Weight</th><th></th>"
            f"<th {number}>Points</th><th align=left>&nbsp;&nbsp;Rule</th></tr>"]  # fmt: skip
    for key, component in summary["components"].items():
        if component["score"] is None:
            weight = points_text(weights[key])
            figures = (f"<td {number}>—</td><td></td><td {number}><s>{weight}</s></td>"
                       f"<td></td><td {number}>—</td>")  # fmt: skip
        else:
            figures = (f"<td {number}>{component['score']}%</td><td {sign}>×</td>"
                       f"<td {number}>{points_text(component['weight'])}</td>"
                       f"<td {sign}>=</td>"
                       f"<td {number}><b>{points_text(component['points'])}</b></td>")  # fmt: skip
        rows.append(
            f"<tr>{figures}<td style='padding-left:8px; padding-bottom:5px'>"
            f"<b>{escape(component['name'])}</b> — {escape(component['reason'])}<br>"
            f"<span style='color:{muted}; font-size:small'>Standard: "
            f"{escape(component['standard'])}</span></td></tr>"
        )
    rows.append(
        f"<tr><td></td><td></td><td {number} style='border-top:1px solid {muted}'>"
        f"<b>{points_text(summary['out_of'])}</b></td><td></td>"
        f"<td {number} style='border-top:1px solid {muted}'>"
        f"<b>{points_text(summary['points'])}</b></td>"
        f"<td style='padding-left:8px'><b>Total</b></td></tr>"
    )
    return (
        f"<p><b>{escape(how_counted(summary))}</b>{caps}<br>"
        f"Code <b>{escape(summary['code'])}</b>: {escape(summary['code_meaning'])}</p>"
        f"<table cellspacing=0 cellpadding=2>{''.join(rows)}</table>"
        f"<p style='color:{muted}; font-size:small'>Each rule scores 0 to 100% and earns that "
        "share of its weight in points; a rule that does not apply carries no weight. This "
        "scores how the story is sourced, not whether it is true.</p>"
    )
