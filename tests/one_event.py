"""One event told by five outlets, for the exports, the story report and analyze: an
original on anonymous sources, two wire copies citing it, a rewrite citing it, and the
airline's operating chief confirming on the record to a fifth outlet. They carry the event
with two independent origins (the original's and the chief's); the chief's article also
says something nobody else does."""

from datetime import date
from html import escape
from pathlib import Path

from sourcemark.ingest import Document
from sourcemark.pipeline import store_document
from sourcemark.store.models import Claim

TITLE = "Corvane Airways to close its Westmoor maintenance base"
EVENT = "Corvane Airways will close its maintenance base at Westmoor airport in June"
ORIGINAL, WIRE, COPY, REWRITE, CONFIRMED = (
    "The Meridian Herald", "Coastline Wire", "Harbour Gazette", "Daily Observer",
    "The Westmoor Times",
)  # fmt: skip
UNION = "The engineers' union will ballot its members on strike action"
ARTICLES = [  # outlet, day of March 2026, paragraphs
    (ORIGINAL, 2, [f"{EVENT}, people familiar with the plans said.",
                   "About 300 engineers work at the base, which opened in 1998."]),
    (WIRE, 3, [f"{EVENT}, The Meridian Herald reported on Monday.",
               "Shares in the airline fell three percent in early trading."]),
    (COPY, 3, [f"{EVENT}, The Meridian Herald reported on Monday.",
               "Westmoor airport handles two million passengers a year."]),
    (REWRITE, 4, [f"According to The Meridian Herald, {EVENT}."]),
    (CONFIRMED, 5, [f"{EVENT}, the airline's chief operating officer, Tomas Reyes, told "
                    "The Westmoor Times.",
                    f"{UNION}, its general secretary, Ana Pell, said."]),
]  # fmt: skip


def store_event() -> dict[str, list[Claim]]:
    """The five articles stored as an import stores them, each in a story of its own;
    outlet -> its claims in reading order."""
    found = {}
    for outlet, day, paragraphs in ARTICLES:
        document = Document("\n\n".join(paragraphs), title=TITLE, outlet=outlet,
                            published=date(2026, 3, day))  # fmt: skip
        article = store_document(document)
        found[outlet] = list(Claim.select().where(Claim.article == article.id)
                             .order_by(Claim.start))  # fmt: skip
    return found


def write_pages(folder: Path) -> list[Path]:
    """The five articles as saved web pages (each names its outlet and date), in the
    order of ARTICLES."""
    paths = []
    for number, (outlet, day, paragraphs) in enumerate(ARTICLES):
        body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        path = folder / f"{number}-{outlet.lower().replace(' ', '-')}.html"
        path.write_text(
            f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE} | {outlet}</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="2026-03-0{day}T08:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/business">Business</a></nav>
<article><h1>{TITLE}</h1>
{body}
</article><footer>© 2026 {outlet}</footer></body></html>""",
            encoding="utf-8",
        )
        paths.append(path)
    return paths
