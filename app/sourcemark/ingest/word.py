"""Word documents (.docx): paragraphs, title and author, after checking the zip is safe.

A .docx is a zip of XML parts. Before python-docx opens one, the archive is
checked: its parts must not unpack to more than a few hundred megabytes nor
expand a thousandfold (a zip bomb), and its XML must not declare entities (the
"billion laughs" bomb); Word never writes either. Its text part must be of an
article's size, in bytes and in paragraphs, and reading it has a time limit: a 124 KB
file of 70,000 one-word paragraphs took minutes.
"""

import io
import zipfile
import zlib

from sourcemark.ingest.deadline import Deadline
from sourcemark.ingest.document import Document
from sourcemark.ingest.errors import IngestError

MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # all parts, pictures included
MAX_RATIO = 1000
# the text part: a long report's is a few megabytes and a few thousand paragraphs
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_PARAGRAPHS = 20_000
MAX_SECONDS = 30
_HEADING_STYLES = ("title", "heading 1", "heading1", "subtitle")


def read_docx(data: bytes, origin: str | None = None) -> Document:
    try:
        _check_archive(data)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError,
            NotImplementedError, RuntimeError) as error:  # fmt: skip
        # a damaged archive: zipfile raises any of these, as far as reading gets
        raise IngestError(f"the Word document is damaged ({type(error).__name__})") from None
    try:
        return _read(data, origin)
    except IngestError:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on broken files
        raise IngestError(f"the Word document is damaged ({type(error).__name__})") from None


def _read(data: bytes, origin: str | None) -> Document:
    import docx  # python-docx: loaded on the first document, not at start-up
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    count = len(document.element.body.findall(qn("w:p")))
    if count > MAX_PARAGRAPHS:
        raise IngestError(
            f"the Word document has {count:,} paragraphs, more than the {MAX_PARAGRAPHS:,} "
            "read of one; it is not an article"
        )
    deadline = Deadline(MAX_SECONDS)
    paragraphs: list[str] = []
    heading_style = None
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if text and not paragraphs:  # only the first one's style matters; it is slow to find
            heading_style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if text:
            paragraphs.append(text)
        if deadline.passed:
            raise IngestError(
                f"reading the Word document took more than {MAX_SECONDS:g} seconds; "
                "it is not an article"
            )
    properties = document.core_properties
    title = " ".join((properties.title or "").split())
    if paragraphs and heading_style and heading_style.startswith(_HEADING_STYLES):
        heading = paragraphs.pop(0)
        title = title or heading
    elif not title and paragraphs and len(paragraphs[0]) <= 200:
        first = paragraphs[0]
        if not first.endswith((".", "!", "?", "”", '"')):
            title = paragraphs.pop(0)  # a headline: short, no closing full stop
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise IngestError("the Word document holds no text")
    return Document(
        text=text,
        title=title,
        byline=" ".join((properties.author or "").split()) or None,
        origin=origin,
        format="docx",
    )


def _check_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise IngestError("the Word document is damaged (not a valid .docx archive)") from None
    with archive:
        entries = archive.infolist()
        if not any(entry.filename == "word/document.xml" for entry in entries):
            raise IngestError("the file is not a Word document (word/document.xml is missing)")
        unpacked = sum(entry.file_size for entry in entries)
        packed = max(1, sum(entry.compress_size for entry in entries))
        if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
            raise IngestError(
                "the Word document unpacks to far more than it holds (a zip bomb); not opened"
            )
        text_part = next(e.file_size for e in entries if e.filename == "word/document.xml")
        if text_part > MAX_DOCUMENT_BYTES:
            raise IngestError(
                f"the Word document's text unpacks to {text_part / (1024 * 1024):,.0f} MB, "
                f"more than the {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB read of one; "
                "it is not an article"
            )
        for entry in entries:
            if entry.filename.endswith(".xml") or entry.filename.endswith(".rels"):
                with archive.open(entry) as part:
                    if b"<!ENTITY" in part.read(4096):
                        raise IngestError(
                            "the Word document declares XML entities (an XML bomb); not opened"
                        )
