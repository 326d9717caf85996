"""The article's marks read in either theme: each sourcing type's colour stands apart from
its neighbours' (also as the common colour blindnesses see them), underlines stand out from
the page, text stays readable on every highlight; unattributed claims are marked without
being selected; a claim the analyzer proposed and nobody reviewed looks lighter than one a
person reviewed, made or changed. The colours are measured here with formulas of our own
(WCAG's contrast, CIEDE2000, Machado et al.'s simulation), not the app's."""

import math
from contextlib import contextmanager
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from sourcemark.analysis.types import SourcingType
from sourcemark.store.models import Claim
from sourcemark.ui.article_view import claim_format
from sourcemark.ui.models.claim_rows import ClaimRow
from sourcemark.ui.palette import apply_theme
from sourcemark.ui.theme import type_colour, type_mark
from tests.ui.test_review import key, select_rows, window_with_claims

TYPES = list(SourcingType)
TINTED = [t for t in TYPES if t != SourcingType.UNATTRIBUTED]  # unattributed is hatched
NEIGHBOURS = list(pairwise(TINTED))

# -- colour measures --------------------------------------------------------------------------


def linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb) -> float:
    r, g, b = map(linear, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def lab(rgb):
    r, g, b = map(linear, rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(first, second) -> float:
    """CIEDE2000: about 2 is a difference just seen side by side, 10 plainly another colour."""
    (l1, a1, b1), (l2, a2, b2) = lab(first), lab(second)
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = (math.degrees(math.atan2(b, a)) % 360 for a, b in ((a1, b1), (a2, b2)))
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_l, d_c = l2 - l1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6))
         - 0.20 * math.cos(math.radians(4 * h_mean - 63)))  # fmt: skip
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2
                     + r_t * (d_c / s_c) * (d_h / s_h))  # fmt: skip


# Machado, Oliveira and Fernandes (2009), full severity, on linear RGB
COLOUR_BLIND = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
}  # fmt: skip


def seen_with(rgb, kind: str):
    values = [linear(c) for c in rgb]
    out = []
    for row in COLOUR_BLIND[kind]:
        c = min(max(sum(m * v for m, v in zip(row, values, strict=True)), 0.0), 1.0)
        out.append(12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)
    return tuple(out)


def rgb(colour) -> tuple[float, float, float]:
    return colour.redF(), colour.greenF(), colour.blueF()


# -- the theme's highlights -------------------------------------------------------------------


@contextmanager
def in_theme(qapp, name: str):
    """The application in a theme: (its name, the page's colour, the text's)."""
    apply_theme(qapp, name)
    palette = QApplication.palette()
    try:
        yield (
            name,
            rgb(palette.color(QPalette.ColorRole.Base)),
            rgb(palette.color(QPalette.ColorRole.Text)),
        )
    finally:
        apply_theme(qapp, "system")


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    with in_theme(qapp, request.param) as measures:
        yield measures


def row(type_: str, reviewed=False, origin="analyzer") -> ClaimRow:
    return ClaimRow(id=1, article_id=1, text="x", start=0, end=1, source="", source_resolved="",
                    cue="", type=type_, stance="asserts", code="F3", premise=False,
                    reviewed=reviewed, origin=origin)  # fmt: skip


def painted(claim: ClaimRow, page, dark: bool, selected=False):
    """The colour a claim's highlight puts on the page: its tint laid over the page."""
    brush = claim_format(claim, selected, dark).background()
    colour = brush.color()
    alpha = colour.alphaF()
    return tuple(c * alpha + p * (1 - alpha) for c, p in zip(rgb(colour), page, strict=True))


def test_each_types_colour_stands_apart_from_every_other_in_both_themes(theme):
    _name, _page, _text = theme
    colours = {t: rgb(type_colour(t)) for t in TYPES}
    for first, second in pairwise(TYPES):
        assert delta_e(colours[first], colours[second]) >= 20, (first, second)
    for first in TYPES:
        for second in TYPES:
            if first < second:
                assert delta_e(colours[first], colours[second]) >= 14, (first, second)


def test_every_underline_stands_out_from_the_page_in_both_themes(theme):
    _name, page, _text = theme
    for type_ in TYPES:
        assert contrast(rgb(type_mark(type_)), page) >= 3, type_  # WCAG 1.4.11


def test_text_stays_readable_on_every_highlight(theme):
    name, page, text = theme
    for type_ in TINTED:
        for claim, selected in ((row(type_), False), (row(type_, reviewed=True), False),
                                (row(type_), True)):  # fmt: skip
            assert contrast(text, painted(claim, page, name == "dark", selected)) >= 4.5, type_


def test_in_the_dark_theme_neighbouring_types_stay_apart_reviewed_or_not(qapp):
    with in_theme(qapp, "dark") as (_name, page, _text):
        fills_apart(page)


def fills_apart(page) -> None:
    for reviewed in (False, True):
        fills = {t: painted(row(t, reviewed), page, True) for t in TINTED}
        assert delta_e(fills[SourcingType.NAMED_OFFICIAL], fills[SourcingType.SPOKESPERSON]) >= 9.5
        for first, second in NEIGHBOURS:
            assert delta_e(fills[first], fills[second]) >= 9.5, (first, second, reviewed)
            for kind in COLOUR_BLIND:
                seen = delta_e(seen_with(fills[first], kind), seen_with(fills[second], kind))
                assert seen >= 7, (first, second, kind, reviewed)


def test_in_the_light_theme_close_tints_have_underlines_apart(qapp):
    """Okabe-Ito's blue and sky blue, tinted lightly over white, differ little: their
    underlines carry the difference there."""
    with in_theme(qapp, "light") as (_name, page, _text):
        underlines_apart(page)


def underlines_apart(page) -> None:
    for reviewed in (False, True):
        fills = {t: painted(row(t, reviewed), page, False) for t in TINTED}
        for first, second in NEIGHBOURS:
            apart = delta_e(fills[first], fills[second])
            assert apart >= 3, (first, second, reviewed)
            if apart < 10:
                marks = delta_e(rgb(type_mark(first)), rgb(type_mark(second)))
                assert marks >= 14, (first, second)


def test_a_claim_a_person_stands_behind_is_tinted_more_than_a_proposal(theme):
    name, page, _text = theme
    dark = name == "dark"
    for type_ in TINTED:
        proposal = painted(row(type_), page, dark)
        for by_a_person in (row(type_, reviewed=True), row(type_, origin="user")):
            assert delta_e(proposal, painted(by_a_person, page, dark)) >= 3.5, type_
            assert contrast(painted(by_a_person, page, dark), page) > contrast(proposal, page)


# -- in the window ----------------------------------------------------------------------------


def test_unattributed_claims_are_hatched_in_the_article_without_being_selected(
    qtbot, db_url, settings
):
    window = window_with_claims(qtbot, db_url, settings)
    view = window.article_pane.view
    window.claims.table.clearSelection()
    claims = list(Claim.select())
    unattributed = [c for c in claims if c.type == "unattributed"]
    assert unattributed and len(unattributed) < len(claims)
    for claim in claims:
        style = view.claim_format(claim.id).background().style()
        hatched = style == Qt.BrushStyle.BDiagPattern
        assert hatched == (claim.type == "unattributed"), claim.text
        if hatched:
            assert view.claim_format(claim.id).background().color().alpha() > 0
    first = unattributed[0]
    window.claims.select_claim(first.id)  # selected, it is tinted as every claim is then
    assert view.claim_format(first.id).background().style() == Qt.BrushStyle.SolidPattern
    assert view.claim_format(unattributed[1].id).background().style() == Qt.BrushStyle.BDiagPattern


def test_a_claim_reviewed_or_changed_by_a_person_looks_stronger_in_the_article(
    qtbot, db_url, settings
):
    window = window_with_claims(qtbot, db_url, settings)
    view = window.article_pane.view
    first, second, third = select_rows(qtbot, window, 0, 1, 2)
    kinds = {i: Claim.get_by_id(i).type for i in (first, second, third)}
    assert kinds[first] == kinds[second]  # the demo's first claims: two of one type

    def alpha(claim_id):
        return view.claim_format(claim_id).background().color().alpha()

    select_rows(qtbot, window, 5)  # the three are now neither selected nor reviewed
    proposed = alpha(first)
    assert alpha(second) == proposed
    assert "proposed by the analyzer" in view.claim_format(first).toolTip().lower()
    select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_Space)  # a person reviews it
    select_rows(qtbot, window, 1)
    key(qtbot, window, Qt.Key.Key_D)  # a person changes it: no longer the analyzer's alone
    select_rows(qtbot, window, 5)
    assert Claim.get_by_id(first).reviewed and Claim.get_by_id(second).origin == "user"
    assert alpha(first) > proposed and alpha(second) > proposed
    assert "Reviewed" in view.claim_format(first).toolTip()
    assert "made or changed by a person" in view.claim_format(second).toolTip().lower()
