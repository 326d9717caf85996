"""Words shown to the user."""


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the right number: "1 story", "3 stories", "12,000 articles"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
