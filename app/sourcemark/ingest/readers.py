"""One entry point per kind of input; each returns a Document or raises IngestError."""

import os
import re
from pathlib import Path

from sourcemark.ingest.decode import decode_text
from sourcemark.ingest.document import Document
from sourcemark.ingest.errors import IngestError
from sourcemark.ingest.fetch import ONLY_WEB
from sourcemark.ingest.html import read_html
from sourcemark.ingest.mail import read_eml
from sourcemark.ingest.markdown import markdown_to_text
from sourcemark.ingest.pdf import read_pdf
from sourcemark.ingest.text import clean_pasted_text
from sourcemark.ingest.web import is_url, read_url
from sourcemark.ingest.word import read_docx

MAX_FILE_BYTES = 50 * 1024 * 1024
# an article's text at most: a long report is 200,000 characters, a book a million; more is
# not an article, and would take minutes to analyse and compare claim by claim
MAX_TEXT_CHARS = 500_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx", ".eml"}
# "file:", "ftp:", "javascript:"...; one letter before the colon is a Windows drive
_OTHER_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]+:", re.I)


def read_text(text: str, origin: str | None = None) -> Document:
    """Text pasted or dropped by the user."""
    document = clean_pasted_text(text, origin=origin)
    if not document.text.strip():
        raise IngestError("there is no article text in it")
    return document


def within_limits(document: Document) -> Document:
    """The document, unless its text is too long to be an article (IngestError)."""
    if len(document.text) > MAX_TEXT_CHARS:
        raise IngestError(
            f"its text is {len(document.text):,} characters long, more than an article's "
            f"{MAX_TEXT_CHARS:,}; import the part you need (paste it, or save it as text)"
        )
    return document


def printable_path(path: str | os.PathLike) -> str:
    """The path as text that can be shown, printed and stored. Python keeps the bytes of a
    file name that are not UTF-8 as lone surrogates, which no UTF-8 output or database
    takes; they become \\xNN escapes (b"caf\\xe9.txt" reads "caf\\xe9.txt")."""
    text = os.fspath(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte (a name on Windows)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def read_path(path: str | Path) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        if _OTHER_ADDRESS.match(str(path)):
            raise IngestError(ONLY_WEB) from None
        raise IngestError("the file does not exist") from None
    except OSError as error:
        raise IngestError(f"the file cannot be read ({error.strerror})") from None
    if path.is_dir():
        raise IngestError("this is a folder, not a file")
    if size == 0:
        raise IngestError("the file is empty")
    if size > MAX_FILE_BYTES:
        raise IngestError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(s for s in SUFFIXES if s))
        raise IngestError(f"files of type {suffix} cannot be imported (these can: {known})")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"the file cannot be read ({error.strerror})") from None
    return read_bytes(data, suffix, origin=printable_path(path))


def read_bytes(data: bytes, suffix: str, origin: str | None = None) -> Document:
    """The contents of a file of the given type (".pdf", ".html", ...)."""
    if not data:
        raise IngestError("the file is empty")
    if suffix == ".pdf":
        if not data.lstrip()[:5] == b"%PDF-":
            raise IngestError("the file is not a PDF, whatever its name says")
        return read_pdf(data, origin=origin)
    if suffix == ".docx":
        return read_docx(data, origin=origin)
    if suffix == ".eml":
        return read_eml(data, origin=origin)
    if suffix in HTML_SUFFIXES:  # a page's markup and scripts may be megabytes: no cap here
        return read_html(decode_text(data), origin=origin)
    if len(data) > 4 * MAX_TEXT_CHARS:  # more characters than an article, whatever encoding
        raise IngestError(
            f"it is {len(data) / 1_000_000:.0f} MB of text, more than an article's "
            f"{MAX_TEXT_CHARS:,} characters; import the part you need"
        )
    text = decode_text(data)
    markdown = suffix in {".md", ".markdown"}
    document = read_text(markdown_to_text(text) if markdown else text, origin=origin)
    document.format = "markdown" if markdown else "text"
    return document


def read_item(item: str | Path) -> Document:
    """A path or an http(s) address."""
    if isinstance(item, str) and is_url(item):
        return read_url(item)
    return read_path(item)
