"""A story's report as a PDF on A4 pages (laid out by report.pages): the summary, the
type bar with its swatches, the legend, the claims by sourcing type in columns as wide as
their longest words, each claim's row whole on one page, and the model settings. The claims'
rows are laid out and drawn one at a time. The PDF's title is the story's title.
"""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPdfWriter

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.colours import TYPE_COLOURS
from sourcemark.report.pages import GAP, PAD, Block, Cell, Pages, column_widths, table
from sourcemark.report.story import (
    HEADLINE_LABEL,
    ORIGINS_HEADING,
    ORIGINS_INTRO,
    REVIEW_LABELS,
    ChainEntry,
    ReportClaim,
    StoryReport,
    entry_line,
    headline_origin_notes,
    legend,
    review_line,
    settings_lines,
    unlisted_line,
)
from sourcemark.scoring.explain import how_counted, points_text

# name: (size in points, bold, italic, colour, struck out): report.pages.Style
STYLES = {
    "title": (17, True, False, "#1a1a1a", False),
    "h2": (12, True, False, "#1a1a1a", False),
    "h3": (9.5, True, False, "#1a1a1a", False),
    "body": (9, False, False, "#1a1a1a", False),
    "bold": (9, True, False, "#1a1a1a", False),
    "struck": (9, False, False, "#1a1a1a", True),
    "th": (8, True, False, "#1a1a1a", False),
    "small": (7.5, False, False, "#555555", False),
    "note": (8.5, False, True, "#1a1a1a", False),
    "note_label": (8.5, True, False, "#1a1a1a", False),
    "headline": (7.5, True, False, "#7a4b00", False),
    "footer": (7, False, False, "#666666", False),
    "reviewed": (8.5, True, False, "#17692c", False),
    "person": (8.5, True, False, "#0b57a4", False),
    "machine": (8.5, False, False, "#a13600", False),
}
HEADLINE_FILL = "#fff3c4"


def report_pdf(report: StoryReport) -> bytes:
    """The report laid out on A4 pages, as the bytes of a PDF (written to memory: Qt's PDF
    writer says nothing when a file cannot be written)."""
    from sourcemark import __version__

    _application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    writer.setTitle(report.title)
    writer.setCreator(f"Sourcemark {__version__}")
    pages = Pages(writer, STYLES, f"{report.title} · Sourcemark story report")
    try:
        _write(pages, report)
    finally:
        pages.finish()
    del writer  # the PDF is finished when its writer goes
    buffer.close()
    return bytes(data.data())


def _write(pages: Pages, report: StoryReport) -> None:
    pages.place(pages.paragraph(((report.title, "title"),), after=4))
    pages.place(pages.paragraph(((" · ".join(report.articles), "small"),), after=8))
    summary = report.summary
    if summary:
        _summary(pages, report, summary)
    if report.headline_origins or report.alone:
        _headline_origins(pages, report)
    groups = report.by_type()
    if groups:
        _legend(pages, report)
        _claims(pages, groups)
    pages.place(pages.paragraph((("Model settings used", "h2"),), before=10, after=3),
                keep_with=pages.pt(30))  # fmt: skip
    for line in settings_lines(report.settings):
        pages.place(pages.paragraph(((line, "small"),), after=1))
    made = f"Sourcemark {report.version}, {report.made.isoformat()}."
    pages.place(pages.paragraph(((made, "small"),)))


def _summary(pages: Pages, report: StoryReport, summary: dict) -> None:
    score = f"Sourcing score {summary['score']} of 100 · story code {summary['code']}"
    pages.place(pages.paragraph(((score, "bold"), (f": {summary['code_meaning']}", "body")),
                                after=1))  # fmt: skip
    pages.place(pages.paragraph(
        (("This scores how the story is sourced, not whether it is true.", "small"),), after=4
    ))  # fmt: skip
    reviewed, _, rest = review_line(report).partition(";")
    runs = ((reviewed, "bold"), (f";{rest}." if rest else ".", "body"))
    pages.place(pages.paragraph(runs, after=6))
    _components(pages, summary)
    pages.place(pages.paragraph(((
        "Each rule scores 0 to 100% and earns that share of its weight in points; a rule "
        "that does not apply carries no weight.", "small"),), before=3, after=6))  # fmt: skip
    for cap in summary["caps"]:
        pages.place(pages.paragraph(((f"⚠ Capped: {cap}", "body"),)))
    if summary["flags"]:
        pages.place(pages.paragraph(((f"Flags: {', '.join(summary['flags'])}", "body"),)))
    pages.place(_type_bar(pages, summary["counts_by_type"]))


def _headline_origins(pages: Pages, report: StoryReport) -> None:
    """Each headline claim that others say too: how many outlets and origins carry it, and
    each origin (outlet, source, date) with the reports hanging from it, indented."""
    heading = pages.paragraph(((ORIGINS_HEADING, "h2"),), before=8, after=2)
    pages.place(heading, keep_with=pages.pt(60))
    pages.place(pages.paragraph(((ORIGINS_INTRO, "small"),), after=4))
    for chain in report.headline_origins:
        claim = pages.paragraph(((f"“{chain.text}”", "bold"),), before=2, after=0)
        pages.place(claim, keep_with=pages.pt(40))
        pages.place(pages.paragraph(((chain.line, "body"),), after=2), keep_with=pages.pt(20))
        for number, origin in enumerate(chain.origins, 1):
            pages.place(_indented(pages, ((f"{number}. ", "body"), *_entry(origin.first)), 6))
            for entry in origin.hanging:
                pages.place(_indented(pages, (("↳ ", "body"), *_entry(entry)), 18))
            if origin.unlisted:
                pages.place(_indented(pages, ((unlisted_line(origin), "small"),), 18))
        pages.place(Block(pages.pt(4)))
    for note in headline_origin_notes(report):
        pages.place(pages.paragraph(((note, "body"),)))


def _entry(entry: ChainEntry) -> tuple[tuple[str, str], ...]:
    return ((entry_line(entry), "bold" if entry.here else "body"),)


def _indented(pages: Pages, runs, indent: float, after: float = 1) -> Block:
    """A paragraph ``indent`` points in from the left."""
    layout, height = pages.layout(runs, pages.width - pages.pt(indent))
    return Block(height + pages.pt(after), [(pages.pt(indent), 0, layout)], keep=True)


def _components(pages: Pages, summary: dict) -> None:
    weights = summary["settings"]["weights"]
    rows: list[list[Cell]] = []
    for key, component in summary["components"].items():
        why = [((component["reason"], "body"),), ((f"Standard: {component['standard']}",
                                                   "small"),)]  # fmt: skip
        if component["score"] is None:
            figures = [[(("—", "body"),)], [((points_text(weights[key]), "struck"),)],
                       [(("—", "body"),)]]  # fmt: skip
        else:
            figures = [[((f"{component['score']}%", "body"),)],
                       [((f"× {points_text(component['weight'])}", "body"),)],
                       [((f"= {points_text(component['points'])}", "body"),)]]  # fmt: skip
        rows.append([[((component["name"], "body"),)], *figures, why])
    rows.append([[(("Total", "bold"),)], [], [((points_text(summary["out_of"]), "bold"),)],
                 [((points_text(summary["points"]), "bold"),)],
                 [((how_counted(summary), "bold"),)]])  # fmt: skip
    header = ["Component", "Score", "Weight", "Points", "Why"]
    columns = [[[((label, "th"),)], *(row[i] for row in rows)] for i, label in enumerate(header)]
    widths = column_widths(pages, columns, [0.2, 0.1, 0.1, 0.1, None])
    table(pages, header, ((row, []) for row in rows), widths, [False] * 5)


def _type_bar(pages: Pages, counts: dict[str, int]) -> Block:
    """A bar of the sourcing types' colours, as long as their shares, and under it a legend
    of swatches in the same colours with each type's count."""
    present = [(t, counts[t.value]) for t in SourcingType if counts.get(t.value)]
    total = sum(n for _, n in present) or 1
    block, x, bar = Block(0), 0.0, pages.pt(9)
    for type_, n in present:
        width = pages.width * n / total
        block.fills.append((QRectF(x, pages.pt(4), width, bar), QColor(TYPE_COLOURS[type_])))
        x += width
    y, x, line = pages.pt(4) + bar + pages.pt(5), 0.0, 0.0
    swatch = pages.pt(7)
    for type_, n in present:
        layout, height = pages.layout(((f"{TYPE_LABELS[type_]} {n}", "small"),), pages.width)
        width = swatch + pages.pt(3) + layout.lineAt(0).naturalTextWidth() + pages.pt(12)
        if x and x + width > pages.width:
            x, y = 0.0, y + line
        block.fills.append((QRectF(x, y + (height - swatch) / 2, swatch, swatch), QColor("#666")))
        block.fills.append((QRectF(x + pages.pt(0.4), y + (height - swatch) / 2 + pages.pt(0.4),
                                   swatch - pages.pt(0.8), swatch - pages.pt(0.8)),
                            QColor(TYPE_COLOURS[type_])))  # fmt: skip
        block.texts.append((x + swatch + pages.pt(3), y, layout))
        x, line = x + width, max(line, height)
    block.height = y + line + pages.pt(6)
    return block


def _legend(pages: Pages, report: StoryReport) -> None:
    """What the codes, flags and marks mean, as a two-column table per section (a sourcing
    type with its swatch)."""
    heading = pages.paragraph((("How to read the claims", "h2"),), before=8, after=2)
    sections = legend(report)
    terms = [[[((term, "bold"),)] for _section, entries in sections for term, _m, _k in entries]]
    swatch, side = pages.pt(10), pages.pt(7)
    (width,) = column_widths(pages, terms, [0.24])
    widths = [width + swatch, pages.width - width - swatch]
    pages.place(heading, keep_with=pages.pt(40))
    for section, entries in sections:
        title = pages.paragraph(((section, "h3"),), before=4, after=0)
        for index, (term, meaning, kind) in enumerate(entries):
            cells = [[((term, "bold"),)], [((meaning, "body"),)]]
            block = pages.row(cells, widths, [False, False], swatch if kind else 0)
            if kind:
                middle = pages.pt(GAP) + (block.texts[0][2].lineAt(0).height() - side) / 2
                block.fills.insert(0, (QRectF(pages.pt(PAD), middle, side, side),
                                       QColor(TYPE_COLOURS[kind])))  # fmt: skip
            if index == 0:
                pages.place(title, keep_with=block.height)
            pages.place(block)


def _claims(pages: Pages, groups: list[tuple[SourcingType, list[ReportClaim]]]) -> None:
    """The claims by sourcing type, each group a table; the columns as wide for every
    group, measured once over every claim."""
    header = ["Claim", "Source", "Stance", "Code", "Review"]
    columns: list[list[Cell]] = [[[((label, "th"),)]] for label in header]
    seen: set[tuple] = set()
    for _type, claims in groups:
        for claim in claims:
            narrow = (claim.source, claim.stance, claim.code, tuple(claim.flags), claim.review)
            if narrow in seen:
                continue
            seen.add(narrow)
            cells = _cells(claim)
            for column, cell in zip(columns[1:], cells[1:], strict=True):
                column.append(cell)
    widths = column_widths(pages, columns, [None, 0.17, 0.1, 0.12, 0.13])
    cache = [False, True, True, True, True]
    bar = pages.pt(2.5)
    for type_, claims in groups:
        colour = QColor(TYPE_COLOURS[type_])
        title = Block(0)
        label = f"{TYPE_LABELS[type_]} ({len(claims)})"
        layout, height = pages.layout(((label, "h2"),), pages.width)
        side = pages.pt(9)
        title.texts.append((side + pages.pt(5), pages.pt(10), layout))
        title.fills.append((QRectF(0, pages.pt(10) + (height - side) / 2, side, side), colour))
        title.height = pages.pt(10) + height + pages.pt(3)

        def rows(claims=claims, colour=colour):
            for claim in claims:
                fills = []
                if claim.premise:
                    fills.append((QRectF(0, 0, sum(widths), 0), QColor(HEADLINE_FILL)))
                fills.append((QRectF(0, 0, bar, 0), colour))
                yield _cells(claim), fills

        more = pages.paragraph(((f"{TYPE_LABELS[type_]}, continued", "small"),), after=1)
        table(pages, header, rows(), widths, cache, title, more, bar + pages.pt(1.5))


def _cells(claim: ReportClaim) -> list[Cell]:
    text: Cell = []
    if claim.premise:
        text.append(((HEADLINE_LABEL, "headline"),))
    text.append(((claim.text, "body"),))
    if claim.note:
        text.append((("Note: ", "note_label"), (claim.note, "note")))
    if claim.origins_line:
        text.append(((claim.origins_line, "small"),))
    if claim.also_reported_by:
        text.append(((f"also reported by {', '.join(claim.also_reported_by)}", "small"),))
    code: Cell = [((claim.code, "bold"),), *(((flag, "small"),) for flag in claim.flags)]
    return [
        text,
        [((claim.source, "body"),)],
        [((claim.stance, "body"),)],
        code,
        [((REVIEW_LABELS[claim.review], claim.review),)],
    ]


def _application() -> None:
    """Qt's fonts need an application: from the command line, one without windows."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # a QApplication, not a bare QGuiApplication: windows may follow in this process
        _keep.append(QApplication([]))


_keep: list = []  # the application object made for a command-line report
