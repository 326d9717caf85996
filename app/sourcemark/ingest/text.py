"""Plain text copied out of a browser: find the article among the site furniture.

A page copied with Ctrl+A brings the site name, breadcrumbs ("Home » ..."),
section links, share and translate widgets and cookie notices along with the
article. The rules here are about the shape of such lines, never about one
site: furniture is short, lacks sentence punctuation, repeats, or is one of a
small set of widget phrases.
"""

import re

from sourcemark.ingest.document import Document

_BREADCRUMB = re.compile(r"^\s*(home|start|front page|accueil|inicio)\s*[»›>/|:-]+\s*(.+)$", re.I)
_SEPARATORS = re.compile(r"\s[»›>|/•·]\s|[»›]")
_WIDGET = re.compile(
    r"^(share( this( article| story)?)?|translate|print|email|tweet|follow us|subscribe|"
    r"sign (up|in)|log ?in|advertisement|sponsored|related( articles| stories)?|read more|"
    r"more from .{0,40}|skip to (main )?content|menu|search|comments?|"
    r"click to share.*|listen to this article.*|copyright\b.*|©.*|all rights reserved.*|"
    r"(this site|we) uses? cookies.*|accept( all)?( cookies)?|cookie (policy|settings).*)"
    r"\s*[»›:]?\s*$",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…\"”’:)]$")


def _words(line: str) -> int:
    return len(line.split())


def _is_prose(line: str) -> bool:
    """A line of article body: long, or a complete sentence."""
    return _words(line) >= 14 or (_words(line) >= 6 and bool(_TERMINAL.search(line)))


def _is_widget(line: str) -> bool:
    return bool(_WIDGET.match(line.strip()))


def _is_nav(line: str) -> bool:
    """Section links run together: several capitalised words, no verbs' punctuation."""
    if _SEPARATORS.search(line):
        return True
    words = line.split()
    return (
        len(words) >= 3
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        and (len(set(w.lower() for w in words)) < len(words))
    )


def clean_pasted_text(raw: str, origin: str | None = None) -> Document:
    """Split copied page text into title, outlet and the article body."""
    lines = [line.strip() for line in raw.split("\n")]
    indices = [i for i, line in enumerate(lines) if line]
    body_start = next((i for i in indices if _is_prose(lines[i])), None)
    if body_start is None:
        text = "\n\n".join(lines[i] for i in indices if not _is_widget(lines[i]))
        first = text.split("\n", 1)[0] if text else ""
        return Document(text=text, title=first[:200], origin=origin)

    header = [lines[i] for i in indices if i < body_start]
    title, outlet = _title_and_outlet(header)

    body_lines = [lines[i] for i in indices if i >= body_start]
    while (
        body_lines
        and not _is_prose(body_lines[-1])
        and (_is_widget(body_lines[-1]) or _words(body_lines[-1]) <= 3)
    ):
        body_lines.pop()
    body_lines = [line for line in body_lines if not _is_widget(line)]
    if title and body_lines and body_lines[0] == title:
        body_lines.pop(0)
    return Document(text="\n\n".join(body_lines), title=title, outlet=outlet, origin=origin)


def _title_and_outlet(header: list[str]) -> tuple[str, str | None]:
    crumbs = [
        re.split(r"\s*[»›>|/]\s*", m.group(2))[-1].strip()
        for line in header
        if (m := _BREADCRUMB.match(line))
    ]
    crumbs = [c for c in crumbs if c]
    candidates = [
        line
        for line in header
        if not _BREADCRUMB.match(line) and not _is_widget(line) and not _is_nav(line)
    ]
    title = ""
    if crumbs:
        title = crumbs[-1]
    elif candidates:
        # The headline is the last heading-like line before the body, or the longest when
        # a dateline or byline comes last.
        tail = [
            c
            for c in candidates
            if _words(c) >= 3 and not re.match(r"(by|updated|published)\b", c, re.I)
        ]
        title = tail[-1] if tail else candidates[-1]
    outlet = None
    if header:
        first = header[0]
        if (
            first != title
            and not _BREADCRUMB.match(first)
            and not _is_widget(first)
            and _words(first) <= 6
            and not _TERMINAL.search(first)
        ):
            outlet = first
    return title, outlet
