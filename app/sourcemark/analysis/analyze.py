"""The analyzer's entry point."""

from sourcemark.analysis.attribution import ArticleAnalyzer
from sourcemark.analysis.types import Claim

ANALYZER_VERSION = "0.2"


def analyze(text: str, title: str = "", outlet: str | None = None) -> list[Claim]:
    """The claims of an article's clean text, in reading order."""
    return ArticleAnalyzer(text, title, outlet).run()
