"""Per-claim Admiralty-style codes: a source-reliability letter and an information digit.

The defaults follow ``credibility-model.md``: the letter comes from the sourcing
type unless the user has graded the source (or, for media reports, the outlet);
the digit counts independent corroborations, and unattributed claims cannot be
judged.
"""

from sourcemark.analysis.types import SourcingType

DEFAULT_LETTERS: dict[str, str] = {
    SourcingType.NAMED_OFFICIAL.value: "B",
    SourcingType.DOCUMENT.value: "B",
    SourcingType.SPOKESPERSON.value: "B",
    SourcingType.NAMED_PERSON.value: "C",
    SourcingType.MEDIA_REPORT.value: "C",
    SourcingType.ANONYMOUS_OFFICIAL.value: "F",
    SourcingType.ANONYMOUS_SOURCE.value: "F",
    SourcingType.UNATTRIBUTED.value: "F",
}


def claim_letter(
    type_: str, source_letter: str | None = None, outlet_letter: str | None = None
) -> str:
    if source_letter:
        return source_letter
    if type_ == SourcingType.MEDIA_REPORT and outlet_letter:
        return outlet_letter
    return DEFAULT_LETTERS.get(type_, "F")


def claim_digit(
    type_: str, independent_corroborations: int = 0, user_digit: int | None = None
) -> int:
    if user_digit:
        return user_digit
    if type_ == SourcingType.UNATTRIBUTED:
        return 6
    if independent_corroborations >= 2:
        return 1
    if independent_corroborations == 1:
        return 2
    return 3


def claim_code(
    type_: str,
    independent_corroborations: int = 0,
    source_letter: str | None = None,
    outlet_letter: str | None = None,
) -> str:
    return claim_letter(type_, source_letter, outlet_letter) + str(
        claim_digit(type_, independent_corroborations)
    )
