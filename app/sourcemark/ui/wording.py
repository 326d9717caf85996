"""Words shown to the user."""


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
