"""File, URL or dropped text -> Document(text, title, outlet, published, url, ...)."""

from sourcemark.ingest.document import Document, content_hash
from sourcemark.ingest.errors import IngestError
from sourcemark.ingest.readers import (
    SUFFIXES,
    printable_path,
    read_bytes,
    read_item,
    read_path,
    read_text,
)
from sourcemark.ingest.web import is_url, read_url

__all__ = [
    "SUFFIXES",
    "Document",
    "IngestError",
    "content_hash",
    "is_url",
    "printable_path",
    "read_bytes",
    "read_item",
    "read_path",
    "read_text",
    "read_url",
]
