"""Plain text copied out of a browser: find the article among the site furniture.

A page copied with Ctrl+A brings the site name, breadcrumbs ("Home » ..."),
section links, share and translate widgets, related links and cookie notices
along with the article. The rules here are about the shape of such lines,
never about one site: furniture is short, lacks sentence punctuation, is a run
of links, or is one of a small set of widget phrases.
"""

import re
from datetime import date

from sourcemark.analysis.entities import is_outlet_name
from sourcemark.analysis.segment import plain_headline
from sourcemark.ingest.document import Document

_BREADCRUMB = re.compile(r"^\s*(home|start|front page|accueil|inicio)\s*[»›>/|:-]+\s*(.+)$", re.I)
_WIDGET = re.compile(
    r"^(share( this( article| story| page)?)?|translate|print|email|tweet|follow us.*|subscribe.*|"
    r"sign (up|in).*|log ?in|advertisement|sponsored( content)?|skip to (main )?content|"
    r"menu|search|"
    r"comments?|click to share.*|listen to this article.*|copyright\b.*|all rights reserved.*|"
    r"accept( all)?( cookies)?|cookie (policy|settings).*|(last )?updated\b.*|"
    r"\d+ min(ute)?s? read)"
    r"\s*[»›:]?\s*$",
    re.I,
)
# The heading of a list of links to other stories ("Related", "Read more: ..."). Inside an
# article such lines are dropped one by one; only a list that runs to the end ends it.
_LINKS_HEADING = re.compile(
    r"^(related( articles| stories| content| coverage| links| news)?|(also )?read (more|next|also)|"
    r"see also|more (from|on|stories|news)\b[^.!?:»›|–—]*|most (read|popular|viewed)|"
    r"recommended( for you| reading)?|you (may|might) also like|trending( now)?|"
    r"latest( news| stories)?)\s*(?:[:»›|–—-]\s*(?P<link>.*))?$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!…][\"”’)]?$")
_SHARE_WORDS = {
    "facebook", "x", "twitter", "email", "e-mail", "print", "linkedin", "whatsapp", "reddit",
    "copy", "link", "share", "telegram", "pinterest", "bluesky", "threads", "mail",
}  # fmt: skip
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}  # fmt: skip
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_MDY = re.compile(_MONTH + r"\s+(\d{1,2}),?\s+(\d{4})", re.I)
_DATE_DMY = re.compile(r"\b(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_TERMINAL = re.compile(r"[.!?…\"”’':)]$")
_BYLINE = re.compile(r"^by\s+[A-Z]", re.I)


def _words(line: str) -> int:
    return len(line.split())


def _is_nav(line: str) -> bool:
    """A run of links: separators between short items, or items spaced apart."""
    if len(re.findall(r"\s[|•·»›]\s|\]\s*\[", line)) >= 2:
        return True
    if len(re.findall(r"\S\s{3,}\S", line)) >= 2:
        return True
    words = [w.strip("[]").lower() for w in line.split()]
    if words and all(w in _SHARE_WORDS for w in words):
        return True
    # Section names run together ("News World News Sport"): all capitalised, a word repeated
    capitalised = all(w[:1].isupper() or not w[:1].isalpha() for w in line.split())
    return len(words) >= 3 and capitalised and len(set(words)) < len(words)


def _is_widget(line: str) -> bool:
    stripped = line.strip()
    if (
        _WIDGET.match(stripped)
        or stripped.startswith("©")
        or ("©" in stripped and _words(stripped) < 12)
    ):
        return True
    lower = stripped.lower()
    return "cookie" in lower and ("use" in lower or "accept" in lower)


def _is_prose(line: str) -> bool:
    """A line of article body: long, or a complete sentence; never a run of links."""
    if _is_nav(line) or _is_widget(line):
        return False
    return _words(line) >= 14 or (_words(line) >= 6 and bool(_TERMINAL.search(line)))


def find_date(line: str) -> date | None:
    for pattern, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy"), (_DATE_ISO, "iso")):
        match = pattern.search(line)
        if not match:
            continue
        try:
            if order == "iso":
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if order == "mdy":
                month, day, year = _MONTHS[match.group(1).lower()], match.group(2), match.group(3)
            else:
                day, month, year = match.group(1), _MONTHS[match.group(2).lower()], match.group(3)
            return date(int(year), month, int(day))
        except ValueError:
            continue
    return None


def clean_pasted_text(raw: str, origin: str | None = None) -> Document:
    """Split copied page text into title, outlet, byline, date and the article body."""
    lines = [line.strip() for line in raw.split("\n")]
    indices = [i for i, line in enumerate(lines) if line]
    body_start = next((i for i in indices if _is_prose(lines[i])), None)
    if body_start is None:
        text = "\n\n".join(lines[i] for i in indices if not _is_widget(lines[i]))
        first = text.split("\n", 1)[0] if text else ""
        return Document(text=text, title=first[:200], origin=origin)

    header = [lines[i] for i in indices if i < body_start]
    body_lines = [lines[i] for i in indices if i >= body_start]
    body = _without_link_lists(body_lines)
    while body and not _is_prose(body[-1]) and _words(body[-1]) <= 3:
        body.pop()
    # a long headline reads as prose: the body's first line, when it is the headline the
    # analyzer reads (the same rule); it stays in the text, whose claims it heads
    headline = plain_headline("\n".join(body[:2])) if len(body) > 1 else ""
    document = _read_header(header, headline)
    if document.title and body and body[0] == document.title != headline:
        body.pop(0)
    document.text = "\n\n".join(body)
    document.origin = origin
    return document


def _is_link_like(line: str) -> bool:
    """A line a list of links is made of: furniture, or a headline (short, no full stop)."""
    return (
        _is_widget(line) or _is_nav(line) or (_words(line) <= 20 and not _SENTENCE_END.search(line))
    )


def _links_heading(line: str) -> re.Match | None:
    match = _LINKS_HEADING.match(line)
    return match if match and _is_link_like(line) else None


def _without_link_lists(lines: list[str]) -> list[str]:
    """The lines of the body without furniture and lists of links to other stories.

    A links heading followed by nothing but link-like lines is the page's trailing list:
    the article ends there. Inside the article, a bare heading and the links under it
    (up to the next line of prose) are dropped, and so is a "Read more: ..." line.
    """
    last_prose = max((n for n, line in enumerate(lines) if not _is_link_like(line)), default=-1)
    kept: list[str] = []
    in_list = False
    for n, line in enumerate(lines):
        heading = _links_heading(line)
        if heading:
            if n > last_prose:
                break
            in_list = not heading.group("link")  # "Read more: ..." is a list of one
            continue
        if in_list and not _is_prose(line):
            continue
        in_list = False
        if not (_is_widget(line) or _is_nav(line)):
            kept.append(line)
    return kept


def _read_header(header: list[str], headline: str = "") -> Document:
    """Title, outlet, byline and date from the lines before the body; ``headline`` is the
    body's first line when it reads as a headline, the title when the header holds none."""
    document = Document(text="")
    candidates = []
    for line in header:
        found = find_date(line)
        if _BYLINE.match(line) and not document.byline:
            # "By Jane Roe — March 5, 2024": the name, and the date when one follows
            byline = re.sub(r"^by\s+", "", line, flags=re.I)
            document.byline = re.split(r"\s+[—–|·-]\s+|,\s+(?=\w+\.?\s+\d)", byline)[0]
            document.published = document.published or found
            continue
        if found and (_words(line) <= 10 or re.match(r"(published|posted|updated)\b", line, re.I)):
            document.published = document.published or found
            continue
        if _BREADCRUMB.match(line) or _is_widget(line) or _is_nav(line):
            continue
        candidates.append(line)
    # A short first line before the headline is the site's name, and so is one that names
    # an outlet ("The Lakeshore Examiner") before the story.
    first = header[0] if header else ""
    if (
        candidates
        and candidates[0] == first
        and _words(first) <= 6
        and (len(candidates) > 1 or is_outlet_name(first.split()))
    ):
        document.outlet = None if _TERMINAL.search(first) else candidates.pop(0)
    # The headline is the longest heading-like line, else the body's first line when it
    # reads as one; a breadcrumb's last item names it only when nothing else does (it
    # usually names the section instead).
    if candidates:
        document.title = max(candidates, key=lambda c: (_words(c), -candidates.index(c)))
    elif headline:
        document.title = headline
    else:
        crumbs = [
            re.split(r"\s*[»›>|/]\s*", m.group(2))[-1].strip()
            for m in map(_BREADCRUMB.match, header)
            if m
        ]
        document.title = crumbs[-1] if crumbs else ""
    return document
