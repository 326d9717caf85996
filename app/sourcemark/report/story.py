"""A story report people can send: a web page (report.story_html) or a PDF (report.story_pdf).

Both show the same things, read here once as plain data: the summary (score, code in words,
the five components with their points, sentences and standards, caps, flags, how many
claims a person reviewed), a bar of the sourcing types, a legend of the codes, flags and
marks, the claims grouped by sourcing type with their sources, stances, codes, review
status and notes (the headline's claims marked), how many outlets and independent origins
carry each claim, where the headline's claims come from (each origin: outlet, source and
date, with the copies and citations that hang from it), and the model settings used. Every
piece of article text is escaped: nothing in a report is markup from an article.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sourcemark import __version__
from sourcemark.analysis.types import TYPE_LABELS, TYPE_MEANINGS, SourcingType, Stance
from sourcemark.scoring.explain import (
    COMPONENT_NAMES,
    DIGIT_MEANINGS,
    LETTER_MEANINGS,
    origins_text,
)
from sourcemark.scoring.origins import HOW, Origins
from sourcemark.scoring.rollup import REASONS, ClaimInput

# who stands behind a claim, as a report's Review column says it, and what that means
REVIEW_LABELS = {"reviewed": "Reviewed", "person": "By a person", "machine": "Not reviewed"}
REVIEW_MEANINGS = {
    "reviewed": "a person checked the claim and marked it reviewed",
    "person": "a person made or changed the claim but has not marked it reviewed",
    "machine": "the analyzer's suggestion: no person has checked it",
}
HEADLINE_LABEL = "Headline claim"
HEADLINE_MEANING = (
    "one of the claims the headline rests on (the premise): they count double for "
    "anonymous sourcing and the story code's digit is theirs"
)
PREMISE_CONTESTED = "a denial in the story answers one of the headline's claims"
STANCE_LABELS = {stance.value: stance.label for stance in Stance}


@dataclass(slots=True)
class ReportClaim:
    """One claim as a report shows it."""

    text: str  # its words, on one line
    type: str
    stance: str  # as the report writes it: "Asserts"
    source: str  # the source as the article names it, or "—"
    code: str
    flags: list[str]
    also_reported_by: list[str]
    premise: bool
    review: str  # a key of REVIEW_LABELS
    note: str
    reported_by: int = 1  # outlets carrying it, its own included
    independent_origins: int = 1  # its own included

    @property
    def origins_line(self) -> str:
        """'Reported by 5 outlets · 2 independent origins', or '' when nothing but the
        claim itself says it."""
        if self.reported_by <= 1 and self.independent_origins <= 1:
            return ""
        return origins_line(self.reported_by, self.independent_origins)


def origins_line(reported_by: int, independent: int) -> str:
    """'Reported by 5 outlets · 2 independent origins'."""
    return origins_text(reported_by, independent).capitalize()


@dataclass(slots=True, frozen=True)
class ChainEntry:
    """A claim in a chain of origins: its outlet, source and date, and how it hangs from
    its origin (scoring.origins.HOW)."""

    outlet: str
    source: str
    published: str  # ISO, or ""
    how: str
    here: bool  # the headline's claim itself

    def where(self) -> str:
        """'The Meridian Herald, 2026-03-02'."""
        return self.outlet + (f", {self.published}" if self.published else "")


@dataclass(slots=True)
class ChainOrigin:
    """One independent origin: its earliest claim, then the claims hanging from it."""

    first: ChainEntry
    hanging: list[ChainEntry]
    unlisted: int = 0  # hanging from it beyond those listed


@dataclass(slots=True)
class HeadlineOrigins:
    """Where a headline claim comes from: its origins, its own first."""

    text: str
    reported_by: int
    origins: list[ChainOrigin]

    @property
    def line(self) -> str:
        return origins_line(self.reported_by, len(self.origins))


HEADLINE_CHAINS = 8  # headline claims whose chain a report draws, at most
CHAIN_ENTRIES = 12  # claims listed under one origin, at most


@dataclass(slots=True)
class StoryReport:
    """What a story's report holds, read from the store once."""

    title: str
    articles: list[str]  # each article's outlet and date
    summary: dict | None  # the roll-up (scoring.roll_up); None for a story without claims
    claims: list[ReportClaim]  # in reading order
    settings: dict
    # where the headline's claims said by more than themselves come from, in reading order
    headline_origins: list[HeadlineOrigins] = field(default_factory=list)
    alone: int = 0  # headline claims that nothing else says: each its own only origin
    undrawn: int = 0  # headline claims said by others past the HEADLINE_CHAINS drawn
    made: date = field(default_factory=date.today)
    version: str = __version__

    def by_type(self) -> list[tuple[SourcingType, list[ReportClaim]]]:
        """The claims grouped by sourcing type, in the taxonomy's order."""
        groups: dict[str, list[ReportClaim]] = {}
        for claim in self.claims:
            groups.setdefault(claim.type, []).append(claim)
        return [(t, groups[t.value]) for t in SourcingType if t.value in groups]

    def review_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(REVIEW_LABELS, 0)
        for claim in self.claims:
            counts[claim.review] += 1
        return counts


def read_story_report(story_id: int) -> StoryReport:
    """The story's report as plain data. The claims are read once, as the model reads them
    (plain rows, in reading order): read as model objects with their article, each carried
    a copy of the article's text, 6.3 GB for a 480 KB article of 12,928 claims."""
    from sourcemark.scoring import roll_up
    from sourcemark.store.models import Story
    from sourcemark.store.rollups import graded_stories
    from sourcemark.store.rows import article_rows, review_marks
    from sourcemark.store.settings import load_settings

    story = Story.get_by_id(story_id)
    model = load_settings()
    summary, claims, chains, alone, undrawn = None, [], [], 0, 0
    for stored, graded in graded_stories([story.id], model):  # the model run once for both
        summary = roll_up(stored.claims, story.title, stored.outlet_letter,
                          settings=model, alike=stored.alike, grades=graded)  # fmt: skip
        marks = review_marks([claim.id for claim in stored.claims])
        drawn: set[frozenset] = set()
        for claim, grade in zip(stored.claims, graded, strict=True):
            reviewed, origin, note = marks.get(claim.id, (False, "analyzer", ""))
            review = "reviewed" if reviewed else "person" if origin == "user" else "machine"
            origins = grade.origins
            claims.append(ReportClaim(
                " ".join(claim.text.split()), claim.type,
                STANCE_LABELS.get(claim.stance, claim.stance), claim.source or "—",
                grade.code, list(grade.flags), list(grade.also_reported_by),
                bool(claim.premise), review, note.strip(),
                origins.reported_by if origins else 1, origins.independent if origins else 1,
            ))  # fmt: skip
            if claim.premise and origins:
                members = frozenset(m.claim.id for o in origins.origins for m in o.members)
                if len(members) == 1:
                    alone += 1
                elif members not in drawn:  # two headline claims saying the same: one chain
                    drawn.add(members)
                    if len(chains) < HEADLINE_CHAINS:
                        chains.append(_headline_origins(claim, origins))
                    else:
                        undrawn += 1
    articles = sorted(article_rows([story.id])[story.id], key=lambda article: article.id)
    return StoryReport(story.title, [_article_line(a) for a in articles], summary, claims,
                       model.as_dict(), chains, alone, undrawn)  # fmt: skip


def _headline_origins(claim: ClaimInput, origins: Origins) -> HeadlineOrigins:
    """A headline claim's chain of origins as the report draws it."""

    def entry(member) -> ChainEntry:
        other = member.claim
        published = str(other.published)[:10] if other.published else ""
        return ChainEntry(other.outlet or "unknown outlet", other.source or "no source given",
                          published, HOW.get(member.how, member.how),
                          other.id == claim.id)  # fmt: skip

    drawn = []
    for origin in origins.origins:
        hanging = origin.members[1:]
        drawn.append(ChainOrigin(entry(origin.members[0]),
                                 [entry(m) for m in hanging[:CHAIN_ENTRIES]],
                                 max(0, len(hanging) - CHAIN_ENTRIES)))  # fmt: skip
    return HeadlineOrigins(" ".join(claim.text.split()), origins.reported_by, drawn)


ORIGINS_LABEL = "Reported by · origins"
ORIGINS_MEANING = (
    "the outlets carrying the claim and the independent origins behind it, its own included "
    "in both: wire copies, the same outlet and a report citing an outlet of an origin are "
    "not independent of it, and the digit counts the origins other than its own"
)
ORIGINS_HEADING = "Where the headline's claims come from"
ORIGINS_INTRO = (
    "Each independent origin with its outlet, source and date, and the reports that hang "
    "from it: wire copies of one text, the same outlet, and a report citing an outlet of "
    "the origin are not independent of it. A claim's digit counts the origins other than "
    "its own."
)


def entry_line(entry: ChainEntry) -> str:
    """'Coastline Wire, 2026-03-03 · The Meridian Herald — cites an outlet of this origin'."""
    here = " (this story's claim)" if entry.here else ""
    return f"{entry.where()} · {entry.source} — {entry.how}{here}"


def unlisted_line(origin: ChainOrigin) -> str:
    return f"… and {origin.unlisted} more" if origin.unlisted else ""


def headline_origin_notes(report: StoryReport) -> list[str]:
    """What the chains drawn leave out: the headline claims nothing else says, and those
    past the chains a report draws."""
    notes = []
    if report.undrawn:
        n = report.undrawn
        notes.append(f"{n} more headline claim{_s(n)} {'is' if n == 1 else 'are'} carried by "
                     "other reports too: see the claims below.")  # fmt: skip
    if report.alone:
        n = report.alone
        each = "it is" if n == 1 else "each is"
        notes.append(f"{n} headline claim{_s(n)} {'is' if n == 1 else 'are'} said by no other "
                     f"report: {each} its own only origin.")  # fmt: skip
    return notes


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _article_line(article) -> str:
    """An article's outlet and date (from an ArticleRow)."""
    outlet = article.outlet_name or "unknown outlet"
    when = f", {article.published.isoformat()}" if article.published else ""
    return f"{outlet}{when}"


def review_line(report: StoryReport) -> str:
    """How many claims a person reviewed: '12 of 30 claims reviewed; 3 more made or changed
    by a person; 15 suggested by the analyzer and not reviewed'."""
    counts, total = report.review_counts(), len(report.claims)
    line = f"{counts['reviewed']} of {total} claim{'' if total == 1 else 's'} reviewed"
    if counts["person"]:
        line += f"; {counts['person']} more made or changed by a person"
    if counts["machine"]:
        line += f"; {counts['machine']} suggested by the analyzer and not reviewed"
    return line


def settings_lines(settings: dict) -> list[str]:
    """The model settings in force, in sentences."""
    weights = ", ".join(f"{COMPONENT_NAMES[k]} {v:g}" for k, v in settings["weights"].items())
    letters = ", ".join(
        f"{TYPE_LABELS[SourcingType(k)]} {v}" for k, v in settings["letters"].items()
    )
    return [
        f"Weights: {weights}.",
        f"Default letters: {letters}.",
        f"Same content from similarity {settings['similarity']:g}; full diversity from "
        f"{settings['diverse_sources']} sources; score cap {settings['anonymous_premise_cap']} "
        "when the headline rests only on anonymous sources.",
    ]


Entry = tuple[str, str, str | None]  # (term, what it means, the sourcing type of its swatch)


def legend(report: StoryReport) -> list[tuple[str, list[Entry]]]:
    """What the codes, flags and marks of the claims mean, as (section, entries): the
    Admiralty meanings of the letters and digits, the flags' reasons, the review marks, the
    headline's mark, the outlets and origins line (when a claim has one), and the sourcing
    types the story has, with their colours."""
    letters = ", ".join(f"{letter} {meaning}" for letter, meaning in LETTER_MEANINGS.items())
    digits = ", ".join(f"{digit} {meaning}" for digit, meaning in DIGIT_MEANINGS.items())
    codes = [
        ("Code", "a letter and a digit (NATO/Admiralty grading, STANAG 2511), each graded on "
         "its own", None),
        ("Letter", f"how reliable the source is: {letters} (not a fail: nobody can vouch "
         "for the source)", None),
        ("Digit", f"how credible the information is: {digits}", None),
    ]  # fmt: skip
    flags = [(flag, reason, None) for flag, reason in REASONS.items()]
    if report.summary and "premise contested" in report.summary["flags"]:
        flags.append(("premise contested", PREMISE_CONTESTED, None))
    marks = [(HEADLINE_LABEL, HEADLINE_MEANING, None)]
    marks += [(REVIEW_LABELS[key], meaning, None) for key, meaning in REVIEW_MEANINGS.items()]
    if any(claim.origins_line for claim in report.claims):
        marks.append((ORIGINS_LABEL, ORIGINS_MEANING, None))
    types = [(TYPE_LABELS[t], TYPE_MEANINGS[t], t.value) for t, _ in report.by_type()]
    return [("Codes", codes), ("Flags", flags), ("Marks", marks), ("Sourcing types", types)]


def story_report_html(story_id: int) -> str:
    """The report as a web page of its own (report.story_html)."""
    from sourcemark.report.story_html import report_page

    return report_page(read_story_report(story_id))


# characters no file name may hold on Windows (the strictest of the three), and its names
# of devices, which no file may take whatever its extension
_DASHED = re.compile(r"\s*[/\\|]\s*")
_DROPPED = re.compile(r"[<>?*\x00-\x1f\x7f]")
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10))}
NAME_LENGTH = 80  # characters of the title kept
NAME_BYTES = 200  # and at most this many bytes of UTF-8 (a file name: 255 on most disks)


def report_file_name(title: str, suffix: str = ".pdf") -> str:
    """A file name for a story's report, from its title, that Windows, macOS and Linux all
    accept: 'Bout: arms/Houthis' gives 'Bout - arms-Houthis.pdf'. Reserved and control
    characters go (a colon or slash becomes a dash, a double quote a single one), as do
    the spaces and dots a name may not end with and a leading dot or dash; a long title is
    cut at a word, a device's name (CON, LPT1) gets a '_'; an empty one gives
    'story-report'."""
    name = unicodedata.normalize("NFC", title)
    name = re.sub(r"\s*:\s*", " - ", name).replace('"', "'")
    name = _DROPPED.sub(" ", _DASHED.sub(_dash, name))
    name = " ".join(name.split())
    if len(name) > NAME_LENGTH:
        cut = name[:NAME_LENGTH]
        name = cut.rsplit(" ", 1)[0] if " " in cut[NAME_LENGTH // 2 :] else cut
    while len(name.encode("utf-8")) > NAME_BYTES:
        name = name[:-1]
    name = name.strip(" .-")
    stem, dot, rest = name.partition(".")
    if stem.rstrip().upper() in _DEVICES:  # Windows: "CON.txt" is the console too
        name = f"{stem.rstrip()}_{dot}{rest}"
    return (name or "story-report") + suffix


def _dash(slash: re.Match) -> str:
    """A slash or bar as a dash: 'A/B' gives 'A-B', 'A / B' gives 'A - B'."""
    return "-" if slash.group() == slash.group().strip() else " - "


def write_report(story_id: int, out: str | Path) -> Path:
    """The story's report as HTML or PDF, by the file's extension; a folder takes it under
    a name from the story's title, as a PDF (report_file_name). It takes the place of the
    file only once it is complete (sourcemark.report.outputs); a report that cannot be
    written raises OSError or ValueError, never a success over nothing."""
    from sourcemark.report.outputs import check_outputs, replacing, write_bytes

    out = Path(out)
    if out.is_dir():
        report = read_story_report(story_id)
        out = out / report_file_name(report.title)
    else:
        report = None
    suffix = out.suffix.lower()
    if suffix not in {".html", ".htm", ".pdf"}:
        raise ValueError("the report is written as .pdf or .html")
    check_outputs(out)
    report = report or read_story_report(story_id)
    if suffix == ".pdf":
        from sourcemark.report.story_pdf import report_pdf

        write_bytes(out, report_pdf(report))
        return out
    from sourcemark.report.story_html import report_page

    with replacing(out, "w", encoding="utf-8") as handle:
        handle.write(report_page(report))
    return out
