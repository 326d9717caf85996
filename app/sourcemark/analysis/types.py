"""The analyzer's vocabulary: sourcing types, stances and the claim record."""

from dataclasses import asdict, dataclass
from enum import StrEnum


class SourcingType(StrEnum):
    NAMED_OFFICIAL = "named_official"
    SPOKESPERSON = "spokesperson"
    NAMED_PERSON = "named_person"
    ANONYMOUS_OFFICIAL = "anonymous_official"
    ANONYMOUS_SOURCE = "anonymous_source"
    MEDIA_REPORT = "media_report"
    DOCUMENT = "document"
    UNATTRIBUTED = "unattributed"

    @property
    def label(self) -> str:
        return TYPE_LABELS[self]


TYPE_LABELS = {
    SourcingType.NAMED_OFFICIAL: "Named official",
    SourcingType.SPOKESPERSON: "Spokesperson",
    SourcingType.NAMED_PERSON: "Named person",
    SourcingType.ANONYMOUS_OFFICIAL: "Anonymous official",
    SourcingType.ANONYMOUS_SOURCE: "Anonymous source",
    SourcingType.MEDIA_REPORT: "Media report",
    SourcingType.DOCUMENT: "Document",
    SourcingType.UNATTRIBUTED: "Unattributed",
}

ANONYMOUS_TYPES = frozenset({SourcingType.ANONYMOUS_OFFICIAL, SourcingType.ANONYMOUS_SOURCE})


class Stance(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"
    DECLINES = "declines"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(slots=True)
class Claim:
    """One assertion of a story, located by character offsets into the article's clean text."""

    text: str
    start: int
    end: int
    type: SourcingType = SourcingType.UNATTRIBUTED
    stance: Stance = Stance.ASSERTS
    source: str | None = None
    source_resolved: str | None = None
    cue: str | None = None
    quote: bool = False
    premise: bool = False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["type"] = str(self.type)
        data["stance"] = str(self.stance)
        return data
