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

# what each type means, in an editor's words (sourcing-taxonomy.md), for Help ▸ Glossary
TYPE_MEANINGS = {
    SourcingType.NAMED_OFFICIAL: "A named person speaking in an official capacity, on the "
    "record: “Defense Secretary Jane Roe told reporters”.",
    SourcingType.SPOKESPERSON: "An organisation's own voice: a spokesperson or press officer, "
    "named or not, or the institution itself: “the Kremlin said”, “the ministry said in a "
    "statement”.",
    SourcingType.NAMED_PERSON: "A named individual who does not speak for an institution: the "
    "subject of the story, an expert, a witness. Quoted through another outlet (“in an "
    "interview with RBC, Bout said”), the claim is still the person's.",
    SourcingType.ANONYMOUS_OFFICIAL: "Unnamed officials of a government, army, intelligence "
    "service or any organisation: “according to Western officials”, “a senior U.S. official "
    "said”. A detailed description without a name is still anonymous.",
    SourcingType.ANONYMOUS_SOURCE: "Unnamed sources not described as officials: “people "
    "familiar with the matter”, “critics say”, “analysts say”.",
    SourcingType.MEDIA_REPORT: "Another news outlet or publication: “according to Reuters”, "
    "“as previously reported by The Wall Street Journal”.",
    SourcingType.DOCUMENT: "A document, report, assessment, filing, dataset, study or poll: "
    "“court filings show”, “the assessment outlines”.",
    SourcingType.UNATTRIBUTED: "The story's own voice: no source is given, hedges such as "
    "“reportedly” and “allegedly” included.",
}

ANONYMOUS_TYPES = frozenset({SourcingType.ANONYMOUS_OFFICIAL, SourcingType.ANONYMOUS_SOURCE})


class Stance(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"
    DECLINES = "declines"

    @property
    def label(self) -> str:
        return self.value.capitalize()


STANCE_MEANINGS = {
    Stance.ASSERTS: "The source puts the claim forward as true, likely or believed: said, "
    "told, according to, believe, suggest.",
    Stance.DENIES: "The source rejects an allegation or a report: denied, dismissed, "
    "rejected, called it fake or a hoax.",
    Stance.DECLINES: "The source declined to comment or did not answer a request for comment.",
}


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
    # how sure the analyzer is of the source and type, from the evidence that produced them
    # (1: a named source cued right at a quotation; low: a speaker carried over paragraphs)
    confidence: float = 1.0

    def to_dict(self) -> dict:
        data = asdict(self)
        data["type"] = str(self.type)
        data["stance"] = str(self.stance)
        data["confidence"] = round(self.confidence, 2)
        return data
