"""Pages of a PDF laid out line by line: Qt's text layout (QTextLayout) for the words,
QPainter on a QPdfWriter for the page, and the decisions here.

QTextDocument broke words in narrow table columns ("Stan/ce", "denie/s") and split a
table's row across two pages. Here a column is at least as wide as the longest word it
holds (column_widths), a block (a table's row, a heading with what must follow it) moves to
the next page whole when it does not fit, only a block taller than a page is cut, and only
between two lines; a table's header comes again at the top of each page it runs onto. Text
is wrapped between words, within a word only when the word alone is wider than its column
(an address in a claim).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPdfWriter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

Runs = tuple[tuple[str, str], ...]  # a paragraph: (text, style) runs
Cell = list[Runs]  # paragraphs, one under the other
Style = tuple[float, bool, bool, str, bool]  # size in points, bold, italic, colour, struck
PAD = 3.0  # points of room inside a cell, left and right
GAP = 2.5  # points of room above and below a row's text
RULE = "#d6d6d6"


@dataclass
class Block:
    """Something laid out, to be drawn at a place on a page: paragraphs (x, y, layout),
    filled rectangles (rect, colour), all relative to its top left, in device units."""

    height: float
    texts: list[tuple[float, float, QTextLayout]] = field(default_factory=list)
    fills: list[tuple[QRectF, QColor]] = field(default_factory=list)
    keep: bool = True  # moves to the next page whole when it does not fit


class Pages:
    """The pages of the PDF: a place to draw the next block, and a new page when it does
    not fit (with the header of the table running on, and the footer of the page left).
    ``styles``: the paragraphs' styles by name, "th" (a table's header) and "footer" among
    them; ``footer``: the words at the foot of each page, before its number."""

    def __init__(self, writer: QPdfWriter, styles: dict[str, Style], footer: str):
        self.writer = writer
        self.styles = styles
        self.painter = QPainter(writer)
        self.unit = writer.resolution() / 72  # device units per point
        self.width = writer.width()
        self.footer_text = footer
        self.bottom = writer.height() - self.pt(16)  # the footer below
        self.y = 0.0
        self.number = 1
        self.running_header: Callable[[], None] | None = None
        self._fonts = {name: self._font(*style[:3]) for name, style in styles.items()}
        self._formats = {name: self._format(name) for name in styles}
        self._measures: dict[tuple[str, str], tuple[float, float]] = {}
        self._laid: dict[tuple[Runs, float], tuple[QTextLayout, float]] = {}

    def pt(self, points: float) -> float:
        return points * self.unit

    def _font(self, size: float, bold: bool, italic: bool) -> QFont:
        from PySide6.QtWidgets import QApplication

        font = QFont(QApplication.font())
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setItalic(italic)
        # no ligatures: "ﬃ" would be one letter to a PDF reader's search and copy
        font.setFeature(QFont.Tag("liga"), 0)
        return font

    def _format(self, name: str) -> QTextCharFormat:
        *_font, colour, struck = self.styles[name]
        text_format = QTextCharFormat()
        text_format.setFont(self._fonts[name])
        text_format.setForeground(QColor(colour))
        text_format.setFontStrikeOut(struck)
        return text_format

    # ---- measuring and laying out text ---------------------------------------------------

    def measure(self, runs: Runs) -> tuple[float, float]:
        """(its longest word, the whole paragraph on one line), in device units: the least
        and the most room a paragraph asks of its column."""
        longest = whole = 0.0
        for text, style in runs:
            key = (text, style)
            if key not in self._measures:
                metrics = QFontMetricsF(self._fonts[style], self.writer)
                words = max((metrics.horizontalAdvance(w) for w in text.split()), default=0.0)
                self._measures[key] = (words, metrics.horizontalAdvance(text))
            words, line = self._measures[key]
            longest, whole = max(longest, words), whole + line
        return longest + self.pt(0.5), whole + self.pt(0.5)  # shaping may differ a little

    def layout(self, runs: Runs, width: float, cache: bool = False) -> tuple[QTextLayout, float]:
        """The paragraph in lines of ``width``, wrapped between words (within a word only
        when the word alone is wider than the column); its height. ``cache``: one that
        recurs (a stance, a code) is laid out once."""
        key = (runs, width)
        if cache and key in self._laid:
            return self._laid[key]
        text = "".join(part for part, _ in runs)
        layout = QTextLayout(text, self._fonts[runs[0][1]], self.writer)
        ranges, start = [], 0
        for part, style in runs:
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, len(part), self._formats[style]
            ranges.append(span)
            start += len(part)
        layout.setFormats(ranges)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        if cache:
            if len(self._laid) > 4000:  # a story of many sources
                self._laid.clear()
            self._laid[key] = (layout, height)
        return layout, height

    def paragraph(self, runs: Runs, before: float = 0, after: float = 3) -> Block:
        layout, height = self.layout(runs, self.width)
        return Block(self.pt(before) + height + self.pt(after),
                     [(0, self.pt(before), layout)], keep=False)  # fmt: skip

    def row(
        self, cells: list[Cell], widths: list[float], cache: list[bool], indent: float = 0
    ) -> Block:
        """A table's row: each cell's paragraphs one under the other (the first cell's
        ``indent`` further in), a rule below."""
        block, x = Block(0), 0.0
        for cell, width, recurring in zip(cells, widths, cache, strict=True):
            y, inside = self.pt(GAP), indent if x == 0 else 0
            for runs in cell:
                room = width - 2 * self.pt(PAD) - inside
                layout, height = self.layout(runs, room, recurring)
                block.texts.append((x + self.pt(PAD) + inside, y, layout))
                y += height
            block.height = max(block.height, y + self.pt(GAP))
            x += width
        block.fills.append((QRectF(0, block.height - self.pt(0.5), x, self.pt(0.5)),
                            QColor(RULE)))  # fmt: skip
        return block

    # ---- placing blocks on pages ---------------------------------------------------------

    def room(self) -> float:
        return self.bottom - self.y

    def place(self, block: Block, keep_with: float = 0) -> None:
        """Draw the block where the page has got to (``keep_with``: the height of what must
        follow it on the same page, as a heading's first row)."""
        moves = block.keep or keep_with or block.height <= self.pt(40)  # a short paragraph
        too_low = self.y > 0 and block.height + keep_with > self.room()
        if moves and too_low and block.height + keep_with <= self.bottom:
            self.new_page()
        start = 0.0
        while True:
            end = self._cut(block, start, self.room())
            if end is None or end >= block.height:
                self._draw(block, start, block.height)
                self.y += block.height - start
                return
            if end == start:  # nothing more fits on this page
                if self.y == 0:
                    end = start + self.room()  # a single line taller than a page
                else:
                    self.new_page()
                    continue
            self._draw(block, start, end)
            start = end
            self.new_page()

    def _cut(self, block: Block, start: float, room: float) -> float | None:
        """Where to end this page's part of a block that starts at ``start``: the lowest
        line end within ``room`` that cuts through no line (None: the rest fits)."""
        limit = start + room
        if block.height <= limit:
            return None
        spans = [(y + line.y(), y + line.y() + line.height()) for _x, y, layout in block.texts
                 for line in (layout.lineAt(i) for i in range(layout.lineCount()))]  # fmt: skip
        ends = sorted({bottom for top, bottom in spans if start < bottom <= limit}, reverse=True)
        for end in ends:
            if not any(top < end < bottom for top, bottom in spans):
                return end
        return start

    def _draw(self, block: Block, start: float, end: float) -> None:
        """The part of the block from ``start`` to ``end`` at the page's place."""
        painter, top = self.painter, self.y - start
        painter.save()
        painter.setClipRect(QRectF(0, self.y, self.width, end - start))
        for rect, colour in block.fills:
            painter.fillRect(rect.translated(0, top), colour)
        painter.restore()
        for x, y, layout in block.texts:
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_top = y + line.y()
                if line_top >= start - 0.01 and line_top + line.height() <= end + 0.01:
                    line.draw(painter, QPointF(x, y + top))

    def new_page(self) -> None:
        self._footer()
        self.writer.newPage()
        self.number += 1
        self.y = 0.0
        if self.running_header is not None:
            self.running_header()

    def _footer(self) -> None:
        painter = self.painter
        metrics = QFontMetricsF(self._fonts["footer"], self.writer)
        y = self.writer.height() - self.pt(9)
        painter.fillRect(QRectF(0, y - self.pt(4), self.width, self.pt(0.5)), QColor(RULE))
        page = f"page {self.number}"
        room = self.width - metrics.horizontalAdvance(page) - self.pt(12)
        painter.setFont(self._fonts["footer"])
        painter.setPen(QColor(self.styles["footer"][3]))
        title = metrics.elidedText(self.footer_text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QPointF(0, y + metrics.ascent()), title)
        painter.drawText(QPointF(self.width - metrics.horizontalAdvance(page),
                                 y + metrics.ascent()), page)  # fmt: skip

    def finish(self) -> None:
        self._footer()
        self.painter.end()


def column_widths(pages: Pages, columns: list[list[Cell]], most: list[float | None]) -> list[float]:
    """Each column's width: what its cells ask for on one line, but no more than ``most``
    (a share of the page) and never less than its longest word; a column whose ``most`` is
    None takes the rest of the page."""
    widths: list[float | None] = []
    for cells, share in zip(columns, most, strict=True):
        if share is None:
            widths.append(None)
            continue
        least = whole = 0.0
        for cell in cells:
            for runs in cell:
                word, line = pages.measure(runs)
                least, whole = max(least, word), max(whole, line)
        padding = 2 * pages.pt(PAD)
        widths.append(max(least, min(whole, share * pages.width)) + padding)
    fixed = sum(w for w in widths if w is not None)
    rest = max(pages.width - fixed, pages.width * 0.3)
    return [w if w is not None else rest for w in widths]


def table(
    pages: Pages,
    header: list[str],
    rows: Iterable[tuple[list[Cell], list[tuple[QRectF, QColor]]]],
    widths: list[float],
    cache: list[bool],
    title: Block | None = None,
    continued: Block | None = None,
    indent: float = 0,
) -> None:
    """A table: its title and header kept with its first row, each row whole on a page,
    the header again at the top of each page the table runs onto (under ``continued``).
    ``indent``: the first column's text that much further in."""
    labels = [[((label, "th"),)] for label in header]
    head = pages.row(labels, widths, [True] * len(widths), indent)
    head.fills.append((QRectF(0, head.height - pages.pt(1), sum(widths), pages.pt(1)),
                       QColor("#8c8c8c")))  # fmt: skip

    def running_header() -> None:
        if continued is not None:
            pages.place(continued)
        pages.place(head)

    first = True
    for cells, fills in rows:
        block = pages.row(cells, widths, cache, indent)
        block.fills[:0] = banded(fills, block.height)  # under the text and the rule
        if first:
            if title is not None:
                pages.place(title, keep_with=head.height + block.height)
            pages.place(head, keep_with=block.height)
            pages.running_header = running_header
            first = False
        pages.place(block)
    pages.running_header = None


def banded(fills: list[tuple[QRectF, QColor]], height: float) -> list[tuple[QRectF, QColor]]:
    """Fills of a row, those of no height (a band, a bar) as high as the row."""
    return [(QRectF(r.x(), r.y(), r.width(), r.height() or height), colour)
            for r, colour in fills]  # fmt: skip
