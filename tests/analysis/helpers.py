"""What the analysis tests ask of the analyzer's claims, in one place."""

from sourcemark.analysis import Claim, analyze


def attributed(text: str, title: str = "") -> list[Claim]:
    """The claims that rest on a source (not the story's own)."""
    return [c for c in analyze(text, title) if c.type != "unattributed"]


def only(text: str, title: str = "") -> Claim:
    """The one attributed claim of ``text`` (fails when there are none or several)."""
    claims = attributed(text, title)
    assert len(claims) == 1, [(c.source, c.text) for c in claims]
    return claims[0]


def claims_of(text: str) -> list[tuple[str | None, str]]:
    """Every claim as (source, text), the story's own with no source."""
    return [(c.source, c.text) for c in analyze(text)]
