"""The analyzer's entry point."""

from sourcemark.analysis.attribution import ArticleAnalyzer
from sourcemark.analysis.types import Claim

ANALYZER_VERSION = "0.2"


def analyze(
    text: str, title: str = "", outlet: str | None = None, quotes: str = "paragraph"
) -> list[Claim]:
    """The claims of an article's clean text, in reading order.

    ``quotes`` decides how a quotation over several sentences becomes claims:
    "paragraph" (one claim per quotation in each paragraph, as the annotated
    corpora count them) or "sentence" (one claim per sentence, same source).
    """
    return ArticleAnalyzer(text, title, outlet, quotes).run()
