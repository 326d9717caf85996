"""Words shown to the user."""

from sourcemark.analysis.types import TYPE_LABELS, SourcingType, Stance

FIELD_NAMES = {"type": "type", "stance": "stance", "source_mention": "source", "reviewed":
               "review mark", "note": "note"}  # fmt: skip


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the right number: "1 story", "3 stories", "12,000 articles"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def plain_tip(text: str | None) -> str | None:
    """Text from an article (a title, a claim, a source's name) made safe to show as a
    tooltip: Qt takes a tooltip that looks like HTML for rich text, and would then render
    whatever markup an imported page smuggled into its words. Shown as written."""
    if not text:
        return text
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<p style="white-space:pre-wrap">{escaped}</p>'


def shown_value(field: str, value) -> str:
    """A claim field's value in words: 'Document', 'Denies', '“Peskov”', 'nothing'."""
    if field == "type":
        return TYPE_LABELS.get(SourcingType(value), value) if value in _TYPES else str(value)
    if field == "stance":
        return Stance(value).label if value in _STANCES else str(value)
    if field in {"source_mention", "note"}:
        return f"“{short(value)}”" if value else "nothing"
    if field == "reviewed":
        return "yes" if value else "no"
    return str(value)


def short(text: str, width: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


_TYPES = {t.value for t in SourcingType}
_STANCES = {s.value for s in Stance}
