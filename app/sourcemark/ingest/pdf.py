"""PDF files: the text of every page, re-flowed into paragraphs, with the file's metadata.

PDF text comes out as lines broken where the page was; the analyzer reads a line
break as a paragraph end. Lines are joined back into paragraphs: a paragraph ends
where a line ends a sentence and is clearly shorter than the lines around it, or
where the extraction left a blank line; words hyphenated at a line end are joined.
"""

import io
import re
from datetime import date

from sourcemark.ingest.deadline import Deadline
from sourcemark.ingest.document import Document
from sourcemark.ingest.errors import IngestError

# What reading one PDF may cost. A few kilobytes can unpack to tens of megabytes of page
# content that the text extraction walks byte by byte, once for each page showing it: a
# 73 KB file whose 500 pages share one 70 MB stream took minutes. An article's pages hold
# a few hundred kilobytes of content.
MAX_PAGES = 500
MAX_CONTENT_BYTES = 32 * 1024 * 1024  # unpacked, counted once for each page that shows it
MAX_SECONDS = 30
_SENTENCE_END = re.compile(r"[.!?…:\"”’)]\s*$")
_HYPHENATED = re.compile(r"(\w)-$")
_PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?\s*$", re.I)


def read_pdf(data: bytes, origin: str | None = None) -> Document:
    from pypdf import PdfReader  # loaded on the first PDF, not at start-up
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("the PDF is protected by a password")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise IngestError(f"the PDF has {len(pages)} pages; at most {MAX_PAGES} are read")
        texts = _page_texts(pages)
        info = reader.metadata
    except IngestError:
        raise
    except LimitReachedError as error:  # pypdf's own bounds on what one file may unpack
        raise IngestError(f"the PDF is too large inside to be an article ({error})") from None
    except Exception as error:  # pypdf raises many kinds on broken files; none may crash
        if "crypt" in str(error).lower():
            raise IngestError("the PDF is encrypted in a way that cannot be read") from None
        name = type(error).__name__
        raise IngestError(f"the PDF is damaged and cannot be read ({name})") from None
    text = reflow("\n\n".join(texts))
    if not text.strip():
        raise IngestError("the PDF holds no text (a scanned image needs OCR first)")
    title = _meta(info, "title")
    first = text.split("\n\n", 1)[0]
    if (
        not title
        or title.lower().endswith((".doc", ".docx", ".pdf"))
        or title.lower() == "untitled"
    ):
        title = first if len(first) <= 200 and not _SENTENCE_END.search(first) else ""
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    return Document(
        text=text,
        title=title,
        byline=_meta(info, "author") or None,
        published=_pdf_date(info),
        origin=origin,
        format="pdf",
    )


def _page_texts(pages) -> list[str]:
    """The text of each page, within the budget for content and time."""
    deadline = Deadline(MAX_SECONDS)
    content = 0
    texts = []
    for number, page in enumerate(pages, start=1):
        content += _content_bytes(page)
        if content > MAX_CONTENT_BYTES:
            raise IngestError(
                f"the PDF's pages hold more than {MAX_CONTENT_BYTES // (1024 * 1024)} MB of "
                "compressed content; it is not an article"
            )
        texts.append(page.extract_text() or "")
        if deadline.passed and number < len(pages):
            raise IngestError(
                f"reading the PDF took more than {MAX_SECONDS:g} seconds ({number} of its "
                f"{len(pages)} pages); it is not an article"
            )
    return texts


def _content_bytes(page) -> int:
    """The unpacked size of the page's content streams (unpacked once per stream: pypdf
    keeps the result, and the text extraction reads it from there)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    size = 0
    for stream in contents if isinstance(contents, list) else [contents]:
        stream = stream.get_object()
        if hasattr(stream, "get_data"):  # a damaged array may hold other objects: skipped
            size += len(stream.get_data())
    return size


def reflow(raw: str) -> str:
    """Lines of extracted text -> paragraphs separated by blank lines."""
    blocks = re.split(r"\n\s*\n", raw.replace("\r", "\n"))
    paragraphs: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
        if not lines:
            continue
        widths = sorted(len(line) for line in lines)
        typical = widths[len(widths) * 3 // 4]  # most lines of a column run to about this
        current = ""
        for line in lines:
            if current:
                hyphen = _HYPHENATED.search(current)
                if hyphen and line[:1].islower():
                    current = current[:-1] + line
                else:
                    current = f"{current} {line}"
            else:
                current = line
            if _SENTENCE_END.search(line) and len(line) < 0.8 * typical:
                paragraphs.append(current)
                current = ""
        if current:
            paragraphs.append(current)
    return "\n\n".join(re.sub(r"[ \t]+", " ", p) for p in paragraphs)


def _meta(info, key: str) -> str:
    if info is None:
        return ""
    try:
        value = getattr(info, key, None)
    except Exception:  # a damaged info dictionary
        return ""
    return " ".join(str(value).split()) if value else ""


def _pdf_date(info) -> date | None:
    if info is None:
        return None
    try:
        created = info.creation_date
    except Exception:  # an unreadable date string
        return None
    return created.date() if created else None
