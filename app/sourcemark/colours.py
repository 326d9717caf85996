"""The colours of the sourcing types, as plain data: the window and the reports draw with
them, and the reports need no Qt widgets for it.

The Okabe-Ito palette, which stays distinguishable for the common forms of colour
blindness (the window also gives each type its own underline, so that a highlight never
rests on colour alone). On a dark background the same hues, lighter and spread further
apart in lightness: Okabe-Ito's blue and sky blue tinted over a dark page were two near
blacks of one blue (tests/ui/test_article_colours.py measures every pair of neighbours,
also as the common colour blindnesses see them).
"""

from sourcemark.analysis.types import SourcingType

TYPE_COLOURS: dict[str, str] = {
    SourcingType.NAMED_OFFICIAL: "#0072B2",
    SourcingType.SPOKESPERSON: "#56B4E9",
    SourcingType.NAMED_PERSON: "#009E73",
    SourcingType.ANONYMOUS_OFFICIAL: "#D55E00",
    SourcingType.ANONYMOUS_SOURCE: "#E69F00",
    SourcingType.MEDIA_REPORT: "#CC79A7",
    SourcingType.DOCUMENT: "#F0E442",
    SourcingType.UNATTRIBUTED: "#999999",
}

DARK_TYPE_COLOURS: dict[str, str] = {
    SourcingType.NAMED_OFFICIAL: "#298CFD",
    SourcingType.SPOKESPERSON: "#68D6FF",
    SourcingType.NAMED_PERSON: "#54EEC4",
    SourcingType.ANONYMOUS_OFFICIAL: "#D37745",
    SourcingType.ANONYMOUS_SOURCE: "#E1AD04",
    SourcingType.MEDIA_REPORT: "#EFADE1",
    SourcingType.DOCUMENT: "#D4D158",
    SourcingType.UNATTRIBUTED: "#959595",
}

# How strongly a claim in the article is tinted with its type's colour (the opacity of the
# colour over the page): a claim a person reviewed, made or changed fully; one the analyzer
# proposed and nobody reviewed more lightly; the claim selected most.
FILL_OPACITY: dict[bool, dict[str, float]] = {  # dark theme or not -> state -> opacity
    False: {"reviewed": 0.36, "proposed": 0.20, "selected": 0.55},
    True: {"reviewed": 0.32, "proposed": 0.22, "selected": 0.40},
}
# an unattributed claim is hatched in its colour rather than tinted: the story's own voice,
# which an editor most needs to see, marked as no other type is
HATCH_OPACITY: dict[bool, dict[str, float]] = {
    False: {"reviewed": 0.80, "proposed": 0.50},
    True: {"reviewed": 0.75, "proposed": 0.45},
}


def type_colours(dark: bool = False) -> dict[str, str]:
    """The types' colours for a light page (the reports' too) or a dark one."""
    return DARK_TYPE_COLOURS if dark else TYPE_COLOURS


def mark_colour(type_: str, dark: bool = False, background: str | None = None) -> str:
    """The colour of a type's underline: its own, darkened on a light page until it stands
    out from the page by 3:1 (WCAG's measure for marks that are not text; Okabe-Ito's
    yellow and sky blue on white fall short of it)."""
    colour = type_colours(dark).get(type_, "#999999")
    page = background or ("#1d1f21" if dark else "#ffffff")
    rgb = _rgb(colour)
    darker = contrast(colour, page) < 3 and _luminance(_rgb(page)) > 0.5
    while darker and contrast(_hex(rgb), page) < 3:
        rgb = tuple(c * 0.95 for c in rgb)
    return _hex(rgb)


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two colours (#rrggbb): 1 (none) to 21."""
    light, dark = sorted((_luminance(_rgb(first)), _luminance(_rgb(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(min(max(c, 0), 1) * 255):02x}" for c in rgb)


def _luminance(rgb) -> float:
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
