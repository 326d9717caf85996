"""The strip above the claims: what the selected story rests on, at a glance."""

from collections import Counter
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sourcemark.analysis.types import ANONYMOUS_TYPES, TYPE_LABELS, SourcingType, Stance
from sourcemark.ui.models.claim_rows import ClaimRow
from sourcemark.ui.theme import type_colour
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
        self.breakdown.hide()
        layout.addWidget(self.why)
        layout.addWidget(self.breakdown)
        self.show_story(None, [], [])

    def show_story(
        self, title: str | None, outlets: list[str], claims: list[ClaimRow], rollup: bool = True
    ) -> None:
        """The story's facts, type bar and legend; with ``rollup``, its credibility score
        and code (explained in the score's tooltip)."""
        self._show_score(title, claims if rollup and title is not None else None)
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

    def _show_score(self, title: str | None, claims: list[ClaimRow] | None) -> None:
        if not claims:
            self.rollup = None
            self.score.setText("")
            self.score.setToolTip("")
            self.why.hide()
            self.breakdown.hide()
            return
        self.why.show()
        self.breakdown.setVisible(self.why.isChecked())
        from sourcemark.scoring import roll_up
        from sourcemark.store.rollups import outlet_letters
        from sourcemark.store.settings import load_settings

        cited = outlet_letters()
        inputs = [c.scoring_input(cited, corroborated_by=len(c.also_reported_by)) for c in claims]
        # the story's letter: its outlet's grade; of several outlets, the weakest graded
        letters = sorted({c.outlet_letter for c in claims if c.outlet_letter})
        self.rollup = summary = roll_up(
            inputs, title or "", letters[-1] if letters else None, settings=load_settings()
        )
        self.score.setText(
            f'<span style="font-size:large; font-weight:600">{summary["score"]}</span>'
            f"&nbsp;/&nbsp;100 &nbsp;·&nbsp; <b>{summary['code']}</b>"
        )
        lines = [f"Sourcing score {summary['score']} of 100, story code {summary['code']}", ""]
        names = {"on_record": "On the record", "anonymous_reliance": "Anonymous reliance",
                 "corroboration": "Corroboration", "right_of_reply": "Right of reply",
                 "source_diversity": "Source diversity"}  # fmt: skip
        for key, component in summary["components"].items():
            value = "not counted" if component["score"] is None else component["score"]
            lines.append(f"{names[key]}: {value} (weight {component['weight']}) — "
                         f"{component['reason']}")  # fmt: skip
        lines += [f"Cap: {cap}" for cap in summary["caps"]]
        lines += ["", "This scores how the story is sourced, not whether it is true."]
        self.score.setToolTip(plain_tip("\n".join(lines)))
        self.breakdown.setText(_breakdown_html(summary, names))
        self.breakdown.setToolTip("\n\n".join(f"{names[k]}: {STANDARDS[k]}" for k in names))

    def _toggle_breakdown(self, shown: bool) -> None:
        self.why.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.breakdown.setVisible(shown and self.rollup is not None)


# The standard behind each component (credibility-model.md), for the breakdown's tooltip
STANDARDS = {
    "on_record": "Reuters and the BBC prefer named sources and documents; a named source is "
    "accountable for what it says.",
    "anonymous_reliance": "Reuters: anonymous sources are the weakest; the New York Times "
    "(2016) asks the top editor to approve a story that hinges on one. The headline's "
    "claims count double.",
    "corroboration": "NATO/Admiralty grading (STANAG 2511): information confirmed by "
    "independent sources is more credible; digits 1, 2, 3 score 100, 75, 50 (MISP).",
    "right_of_reply": "Those accused get the chance to answer (BBC, AP): a denial or a "
    "refusal to comment on record.",
    "source_diversity": "More independent voices make a story harder to get wrong; five or "
    "more distinct sources score in full.",
}


def _breakdown_html(summary: dict, names: dict[str, str]) -> str:
    rows = []
    for key, component in summary["components"].items():
        score = component["score"]
        value = "—" if score is None else str(score)
        width = 0 if score is None else max(2, round(score * 0.6))
        bar = (f'<span style="background-color:palette(highlight)">'
               f'{"&nbsp;" * max(1, width // 6)}</span>')  # fmt: skip
        rows.append(
            f"<tr><td><b>{escape(names[key])}</b></td><td align=right>&nbsp;{value}&nbsp;</td>"
            f"<td>{bar if score is not None else ''}</td>"
            f"<td>&nbsp;{escape(component['reason'])}</td></tr>"
        )
    caps = "".join(f"<br>⚠ {escape(cap)}" for cap in summary["caps"])
    return f"<table cellspacing=2>{''.join(rows)}</table>{caps}"
