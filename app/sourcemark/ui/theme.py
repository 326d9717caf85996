"""Colours and marks for sourcing types in the window.

The colours themselves are plain data in sourcemark.colours (the reports use them too),
one set for a light page and one for a dark one; each type also has its own underline
style here, so that the highlight never rests on colour alone.
"""

import qtawesome as qta
from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextCharFormat,
)

from sourcemark.analysis.types import SourcingType
from sourcemark.colours import mark_colour, type_colours

TYPE_UNDERLINES: dict[str, QTextCharFormat.UnderlineStyle] = {
    SourcingType.NAMED_OFFICIAL: QTextCharFormat.UnderlineStyle.SingleUnderline,
    SourcingType.SPOKESPERSON: QTextCharFormat.UnderlineStyle.SingleUnderline,
    SourcingType.NAMED_PERSON: QTextCharFormat.UnderlineStyle.SingleUnderline,
    SourcingType.ANONYMOUS_OFFICIAL: QTextCharFormat.UnderlineStyle.WaveUnderline,
    SourcingType.ANONYMOUS_SOURCE: QTextCharFormat.UnderlineStyle.WaveUnderline,
    SourcingType.MEDIA_REPORT: QTextCharFormat.UnderlineStyle.DashUnderline,
    SourcingType.DOCUMENT: QTextCharFormat.UnderlineStyle.DotLine,
    SourcingType.UNATTRIBUTED: QTextCharFormat.UnderlineStyle.NoUnderline,
}


def dark_page() -> bool:
    """Whether the window's theme draws text on a dark page."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def type_colour(type_: str) -> QColor:
    """A type's colour for the theme shown."""
    return QColor(type_colours(dark_page()).get(type_, "#999999"))


def type_mark(type_: str) -> QColor:
    """The colour of a type's underline, standing out from the theme's page."""
    page = QGuiApplication.palette().color(QPalette.ColorRole.Base).name()
    return QColor(mark_colour(type_, dark_page(), page))


def tint(colour: QColor, alpha: int) -> QColor:
    """The colour made translucent, so it reads on light and dark backgrounds alike."""
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted


_swatches: dict[tuple[str, bool], QIcon] = {}


def type_swatch(type_: str) -> QIcon:
    """A small rounded square in the type's colour, for tables and legends."""
    key = (type_, dark_page())
    if key not in _swatches:
        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(type_colour(type_))
        painter.setPen(type_colour(type_).darker(130))
        painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
        painter.end()
        _swatches[key] = QIcon(pixmap)
    return _swatches[key]


def type_tick(type_: str) -> QIcon:
    """A type's swatch for an entry that ticks: with a check mark on it when ticked (an
    entry with an icon shows no box of its own to tick)."""
    ticked = type_swatch(type_).pixmap(12, 12)
    painter = QPainter(ticked)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    light = type_colour(type_).lightness() > 150
    pen = QPen(QColor("#000000" if light else "#ffffff"), 1.8)
    painter.setPen(pen)
    painter.drawPolyline([QPointF(3.2, 6.2), QPointF(5.2, 8.4), QPointF(8.8, 3.6)])
    painter.end()
    icon = QIcon(type_swatch(type_))
    icon.addPixmap(ticked, QIcon.Mode.Normal, QIcon.State.On)
    icon.addPixmap(ticked, QIcon.Mode.Active, QIcon.State.On)
    return icon


_ICON_PROPERTY = "sourcemarkIcon"


def themed(target, name: str):
    """Give an action or button a qtawesome icon that follows later theme changes."""
    target.setIcon(icon(name))
    target.setProperty(_ICON_PROPERTY, name)
    return target


def refresh_icons(root) -> None:
    """Repaint every themed icon below ``root`` in the palette's current colours."""
    from PySide6.QtCore import QObject

    for child in root.findChildren(QObject):
        name = child.property(_ICON_PROPERTY)
        if name:
            child.setIcon(icon(name))


def icon(name: str) -> QIcon:
    """A qtawesome icon that follows the palette's text colour (light and dark themes)."""
    from PySide6.QtWidgets import QApplication

    colour = QApplication.palette().windowText().color()
    return qta.icon(name, color=colour, color_disabled=tint(colour, 90))


def muted_text(palette: QPalette) -> str:
    """A colour between the text's and the background's (for what is said in passing: the
    standards under the score, the chain's counts), as #rrggbb."""
    text, back = (
        palette.color(QPalette.ColorRole.WindowText),
        palette.color(QPalette.ColorRole.Window),
    )
    mix = [
        round(0.6 * a + 0.4 * b) for a, b in zip(text.getRgb()[:3], back.getRgb()[:3], strict=True)
    ]
    return "#{:02x}{:02x}{:02x}".format(*mix)
