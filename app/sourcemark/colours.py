"""The colours of the sourcing types, as plain data: the window and the reports draw with
them, and the reports need no Qt widgets for it.

The Okabe-Ito palette, which stays distinguishable for the common forms of colour
blindness (the window also gives each type its own underline, so that a highlight never
rests on colour alone).
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
