"""Saved web pages: the article's text and metadata, by trafilatura. Nothing is fetched or run."""

import re
from datetime import date

from sourcemark.ingest.document import Document
from sourcemark.ingest.errors import IngestError

# How trafilatura reads a page (the import benchmark's baseline uses the same)
EXTRACTION_OPTIONS = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    # trafilatura's deduplication remembers text across calls: a second copy of a wire
    # story, or the same page imported again, would lose its paragraphs
    "deduplicate": False,
}
# libxml2 stops parsing at a text or an attribute over 10 MB (a data: image, a JSON <script>)
# unless told the tree may be huge, and the article after it was lost. Only a page that
# has room for such a node is parsed so: the others keep libxml2's limits (on nesting too).
_LIBXML_NODE_LIMIT = 10_000_000  # bytes of UTF-8


def read_html(html: str, origin: str | None = None, url: str | None = None) -> Document:
    import trafilatura  # heavy (lxml and friends): loaded on the first page, not at start-up

    try:
        page = _huge_tree(html) if _may_hold_huge_node(html) else html
        result = trafilatura.bare_extraction(page, url=url, **EXTRACTION_OPTIONS)
    except Exception as error:  # trafilatura and lxml raise many kinds on broken markup
        raise IngestError(f"the page could not be read ({type(error).__name__})") from None
    data = result.as_dict() if result is not None and hasattr(result, "as_dict") else result
    if not data or not (data.get("text") or "").strip():
        raise IngestError("no article text was found in the page")
    # trafilatura puts one paragraph a line; the rest of the app separates them by blank lines
    text = re.sub(r"\n+", "\n\n", data["text"].strip())
    title = (data.get("title") or "").strip()
    if title and text.startswith(title + "\n"):
        text = text[len(title) :].lstrip()  # the headline is metadata, not a claim of the body
    return Document(
        text=text,
        title=title,
        outlet=(data.get("sitename") or None),
        published=_date(data.get("date")),
        url=data.get("url") or url,
        byline=data.get("author") or None,
        origin=origin,
        format="html",
    )


def _may_hold_huge_node(html: str) -> bool:
    limit = _LIBXML_NODE_LIMIT * 9 // 10  # a margin: the limit is libxml2's, not ours
    return len(html) * 4 > limit and len(html.encode("utf-8", "surrogatepass")) > limit


def _huge_tree(html: str):
    """The page parsed as trafilatura parses it, but with no limit on a node's size."""
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(encoding="utf-8", huge_tree=True, collect_ids=False,
                        default_doctype=False, remove_comments=True, remove_pis=True)  # fmt: skip
    return document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
