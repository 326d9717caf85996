"""The result of reading one input: clean article text plus whatever metadata it carried."""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Document:
    text: str
    title: str = ""
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    byline: str | None = None
    origin: str | None = None  # the path or URL it was read from
    format: str = "text"
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """A hash of the text that ignores differences of white space, so re-saved copies match."""
    normal = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()
