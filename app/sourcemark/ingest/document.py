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

    _hash: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        """The hash of the text (kept while the text stays the same)."""
        if self._hash is None or self._hash[0] is not self.text:
            self._hash = (self.text, content_hash(self.text))
        return self._hash[1]


def content_hash(text: str) -> str:
    """A hash of the text that ignores differences of white space, so re-saved copies match."""
    normal = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()
