"""What a drag or the clipboard carries, as things to import: files, web addresses, or the
text or HTML of a selection in a browser or another program."""

from PySide6.QtCore import QMimeData

from sourcemark.ingest import is_url
from sourcemark.pipeline import Item, Snippet

# The smallest selection worth importing as an article: a sentence or two.
MIN_SNIPPET_CHARS = 40


def items_from_mime(mime: QMimeData | None) -> list[Item]:
    """Files and addresses when the data names any; else the HTML of a selection; else its
    plain text (an address alone in the text counts as an address)."""
    if mime is None:
        return []
    items: list[Item] = []
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                items.append(url.toLocalFile())
            elif url.scheme() in {"http", "https"}:
                items.append(url.toString())
        if items:
            return items
    text = mime.text().strip() if mime.hasText() else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(is_url(line) for line in lines):
        return list(lines)  # addresses copied as text, one a line
    if mime.hasHtml() and len(mime.html()) >= MIN_SNIPPET_CHARS:
        origin = _origin(text, "dropped selection")
        return [Snippet(mime.html(), html=True, origin=origin, text=text)]
    if len(text) >= MIN_SNIPPET_CHARS:
        return [Snippet(text, origin=_origin(text, "dropped text"))]
    return []


def _origin(text: str, kind: str) -> str:
    """A name for a snippet in messages: its kind and first words."""
    first = " ".join(text.split()[:8])
    return f"{kind} “{first}…”" if first else kind
