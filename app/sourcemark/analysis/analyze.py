"""The analyzer's entry point."""

from sourcemark.analysis.segment import sentences
from sourcemark.analysis.types import Claim

ANALYZER_VERSION = "0.1"


def analyze(text: str, title: str = "") -> list[Claim]:
    """The claims of an article's clean text, in reading order."""
    claims = []
    for span in sentences(text):
        claims.append(Claim(text=span.of(text), start=span.start, end=span.end))
    return claims
