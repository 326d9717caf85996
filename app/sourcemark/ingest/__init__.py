"""File, URL or dropped text -> Document(text, title, outlet, published, url, ...)."""

from sourcemark.ingest.document import Document, content_hash
from sourcemark.ingest.errors import IngestError
from sourcemark.ingest.readers import read_path, read_text

__all__ = ["Document", "IngestError", "content_hash", "read_path", "read_text"]
