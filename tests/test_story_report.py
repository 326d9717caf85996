"""The story report a person sends: a web page any browser opens and a PDF laid out for
paper, both saying what a person reviewed, made or changed, with the notes, the headline's
claims marked and a legend; named after the story."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sourcemark.cli import main
from sourcemark.colours import TYPE_COLOURS
from sourcemark.paths import sample_story_path
from sourcemark.report.story import report_file_name
from sourcemark.store import close_database, open_database
from sourcemark.store.edits import update_claim
from sourcemark.store.models import Article, Claim, Story
from tests.one_event import CONFIRMED, COPY, ORIGINAL, REWRITE, WIRE, store_event

NOTE = "<script>alert('note')</script> Checked against the court filing & the wire."


@pytest.fixture
def reviewed_db(db_url) -> str:
    """The sample story, three of its claims reviewed (one with a note with markup in it),
    one changed by a person and not reviewed, the others as the analyzer proposed them."""
    assert main(["import", "--db", db_url, str(sample_story_path())]) == 0
    open_database(db_url)
    claims = list(Claim.select().order_by(Claim.start))
    for claim in claims[:3]:
        update_claim(claim.id, {"reviewed": True})
    update_claim(claims[0].id, {"note": NOTE})
    update_claim(claims[3].id, {"stance": "denies"})
    close_database()
    return db_url


class Page(HTMLParser):
    """What a browser would read of a page: its declaration, elements and text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.declarations: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.text_of: dict[int, str] = {}  # element index -> its text (and its children's)
        self.open: list[int] = []
        self.feed(html)
        self.close()

    def handle_decl(self, decl):
        self.declarations.append(decl)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "br", "col", "link"}:
            self.open.append(len(self.elements) - 1)
            self.text_of[len(self.elements) - 1] = ""

    def handle_endtag(self, tag):
        while self.open:
            index = self.open.pop()
            if self.elements[index][0] == tag:
                break

    def handle_data(self, data):
        for index in self.open:
            self.text_of[index] += data

    def find(self, tag: str, cls: str | None = None) -> list[tuple[dict, str]]:
        return [(attrs, self.text_of.get(i, "")) for i, (name, attrs) in enumerate(self.elements)
                if name == tag and (cls is None or cls in attrs.get("class", "").split())]  # fmt: skip


def html_report(db_url, tmp_path) -> tuple[str, Page]:
    out = tmp_path / "report.html"
    assert main(["report", "--db", db_url, "--story", "1", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    return html, Page(html)


def test_the_html_report_is_a_page_any_browser_opens(reviewed_db, tmp_path):
    html, page = html_report(reviewed_db, tmp_path)
    assert html.startswith("<!DOCTYPE html>") and page.declarations == ["DOCTYPE html"]
    assert ("meta", {"charset": "utf-8"}) in page.elements
    ((_attrs, title),) = page.find("title")
    assert title == "Viktor Bout Allegedly Attempting to Sell Weapons to Houthis"
    ((_attrs, css),) = page.find("style")
    assert "@media print" in css and "@page" in css
    for type_, colour in TYPE_COLOURS.items():
        assert f".t-{type_} {{ --type: {colour}; }}" in css
    assert not any("bgcolor" in attrs or "width" in attrs for _tag, attrs in page.elements)
    assert not page.find("script") and not page.find("img")


def test_the_html_report_shows_who_reviewed_what_and_the_notes(reviewed_db, tmp_path):
    html, page = html_report(reviewed_db, tmp_path)
    rows = page.find("tr", "claim")
    open_database(reviewed_db)
    assert len(rows) == Claim.select().count() == 33
    statuses = [text for _attrs, text in page.find("td", "review")]
    assert statuses.count("Reviewed") == 3 and statuses.count("By a person") == 1
    assert statuses.count("Not reviewed") == 29
    ((_attrs, summary),) = page.find("p", "review-count")
    assert summary.startswith("3 of 33 claims reviewed; 1 more made or changed by a person")
    notes = [text for _attrs, text in page.find("div", "note")]
    assert notes == ["Note: " + NOTE]  # as text: the note's markup is escaped
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;note&#x27;)" in html
    headline = [text for attrs, text in rows if "headline" in attrs["class"].split()]
    premise = Claim.select().where(Claim.premise).count()
    assert premise and len(headline) == premise
    assert all(text.startswith("Headline claim") for text in headline)


def test_the_html_report_explains_its_codes_flags_and_marks(reviewed_db, tmp_path):
    from sourcemark.scoring.explain import DIGIT_MEANINGS, LETTER_MEANINGS
    from sourcemark.scoring.rollup import REASONS

    _html, page = html_report(reviewed_db, tmp_path)
    terms = [text for _attrs, text in page.find("dt")]
    meanings = " ".join(text for _attrs, text in page.find("dd"))
    assert {"Letter", "Digit", *REASONS, "Headline claim", "Reviewed", "By a person",
            "Not reviewed", "Anonymous official", "Named person"} <= set(terms)  # fmt: skip
    for letter, meaning in LETTER_MEANINGS.items():
        assert f"{letter} {meaning}" in meanings
    for digit, meaning in DIGIT_MEANINGS.items():
        assert f"{digit} {meaning}" in meanings
    assert "Named official" not in terms  # only the types the story has


def test_the_html_report_escapes_the_title_sources_and_outlets(reviewed_db, tmp_path):
    open_database(reviewed_db)
    Story.update(title='Bout <b>& the "Houthis"</b>').execute()
    Claim.update(source_mention="<i>officials</i>").where(
        Claim.type == "anonymous_official"
    ).execute()
    close_database()
    html, page = html_report(reviewed_db, tmp_path)
    ((_attrs, title),) = page.find("title")
    assert title == 'Bout <b>& the "Houthis"</b>'
    assert "<b>&" not in html and "<i>officials" not in html
    assert "&lt;i&gt;officials&lt;/i&gt;" in html


@pytest.fixture
def event_db(db_url) -> tuple[str, dict[str, int]]:
    """One event told by five outlets (tests/one_event.py), each article a story of its own;
    outlet -> its story."""
    open_database(db_url)
    stories = {outlet: claims[0].article.story_id for outlet, claims in store_event().items()}
    close_database()
    return db_url, stories


def event_report(url: str, story: int, out: Path) -> str:
    assert main(["report", "--db", url, "--story", str(story), "--out", str(out)]) == 0
    if out.suffix == ".html":
        return out.read_text(encoding="utf-8")
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)


def test_the_html_report_draws_where_the_headlines_claim_comes_from(event_db, tmp_path):
    url, stories = event_db  # the wire's story: its headline claim cites the original
    page = Page(event_report(url, stories[WIRE], tmp_path / "wire.html"))
    (claim,) = page.find("tr", "headline")  # its row says how many carry it
    assert "Reported by 5 outlets · 2 independent origins" in claim[1]
    ((_attrs, section),) = page.find("section", "origins")
    assert "Where the headline's claims come from" in section
    (chain,) = page.find("div", "chain")
    assert "Reported by 5 outlets · 2 independent origins" in chain[1]
    entries = [text for _attrs, text in page.find("li") if " — " in text]  # the chain's
    # the original's origin first (the wire's own), with the reports hanging from it
    assert entries[0].startswith("The Meridian Herald, 2026-03-02 · people familiar with the "
                                 "plans — the earliest report")  # fmt: skip
    assert entries[1:4] == [
        f"{WIRE}, 2026-03-03 · The Meridian Herald — cites an outlet of this origin (this "
        "story's claim)",
        f"{COPY}, 2026-03-03 · The Meridian Herald — a copy of the same text",
        f"{REWRITE}, 2026-03-04 · The Meridian Herald — cites an outlet of this origin",
    ]
    assert entries[4] == f"{CONFIRMED}, 2026-03-05 · Tomas Reyes — the earliest report"
    ((_attrs, here),) = page.find("span", "here")  # the story's own claim, marked
    assert here.startswith(WIRE)
    terms = dict(zip((t for _a, t in page.find("dt")), (m for _a, m in page.find("dd")),
                     strict=True))  # fmt: skip
    assert "independent origins behind it" in terms["Reported by · origins"]


def test_the_pdf_report_draws_where_the_headlines_claim_comes_from(event_db, tmp_path):
    url, stories = event_db
    text = event_report(url, stories[WIRE], tmp_path / "wire.pdf")
    assert "Where the headline's claims come from" in text
    assert text.count("Reported by 5 outlets · 2 independent origins") == 2  # chain and row
    assert "1. The Meridian Herald, 2026-03-02 · people familiar with the plans" in text
    assert f"↳ {REWRITE}, 2026-03-04 · The Meridian Herald — cites an outlet" in text
    assert f"2. {CONFIRMED}, 2026-03-05 · Tomas Reyes — the earliest report" in text


def test_a_claim_nothing_else_says_gets_no_origins_line(event_db, tmp_path):
    url, stories = event_db
    page = Page(event_report(url, stories[ORIGINAL], tmp_path / "original.html"))
    lines = [text for _attrs, text in page.find("div", "origins")]
    # the original's event claim is carried by five outlets; its unattributed line by none
    assert lines == ["Reported by 5 outlets · 2 independent origins"]


def test_the_report_says_when_the_headlines_claims_are_said_nowhere_else(reviewed_db, tmp_path):
    _html, page = html_report(reviewed_db, tmp_path)
    ((_attrs, section),) = page.find("section", "origins")
    open_database(reviewed_db)
    assert Claim.select().where(Claim.premise).count() == 1
    assert "1 headline claim is said by no other report: it is its own only origin." in section
    assert not page.find("div", "chain")


def pdf_report(db_url, out: Path):
    from pypdf import PdfReader

    assert main(["report", "--db", db_url, "--story", "1", "--out", str(out)]) == 0
    return PdfReader(out)


def test_the_pdf_report_is_titled_by_the_story_and_breaks_no_word(reviewed_db, tmp_path):
    reader = pdf_report(reviewed_db, tmp_path / "report.pdf")
    assert reader.metadata.title == "Viktor Bout Allegedly Attempting to Sell Weapons to Houthis"
    words = {word for page in reader.pages for word in page.extract_text().split()}
    # the narrow columns' words whole: "Stan/ce", "denie/s" were printed before
    assert {"Stance", "Asserts", "Denies", "Review", "Reviewed", "reviewed", "interested"} <= words
    assert not words & {"Stan", "ce", "Denie", "denie", "Assert", "s", "Revie", "w"}
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "3 of 33 claims reviewed" in text and "; 1 more made or changed by a person" in text
    assert NOTE in text and "Headline claim" in text
    assert "How to read the claims" in text and "F reliability cannot be judged" in text


def test_a_long_storys_claims_each_stay_on_one_page(db_url, tmp_path):
    """A story of some 400 claims over many pages: each claim's row on one page whole."""
    import random

    from tests.benchmarks.bench_long_article import _sentence

    rng = random.Random(5)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(160)]
    article = tmp_path / "long.txt"
    article.write_text("A long story\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    assert main(["import", "--db", db_url, str(article)]) == 0
    reader = pdf_report(db_url, tmp_path / "long.pdf")
    pages = ["".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) >= 10
    open_database(db_url)
    claims = [text for (text,) in Claim.select(Claim.text).tuples()]
    assert len(claims) >= 300
    for claim in claims:
        whole = "".join(claim.split())
        assert any(whole in page for page in pages), f"split across pages: {claim}"


def test_the_pdfs_type_bar_has_a_legend_of_swatches(reviewed_db, tmp_path):
    """The type bar and, under it, a swatch of each type's colour beside its label: on the
    summary's page each colour is filled at least twice."""
    reader = pdf_report(reviewed_db, tmp_path / "report.pdf")
    content = reader.pages[0].get_contents().get_data().decode("latin-1")
    fills = [tuple(round(float(v) * 255) for v in found)
             for found in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) scn", content)]  # fmt: skip
    assert "Named person 12" in " ".join(reader.pages[0].extract_text().split())
    for type_ in ("spokesperson", "named_person", "anonymous_official", "media_report",
                  "document", "unattributed"):  # fmt: skip
        colour = tuple(int(TYPE_COLOURS[type_][i : i + 2], 16) for i in (1, 3, 5))
        assert fills.count(colour) >= 2, type_


def test_the_default_file_name_comes_from_the_title():
    assert report_file_name("Bout: arms/Houthis") == "Bout - arms-Houthis.pdf"
    assert report_file_name("A / B \\ C | D", ".html") == "A - B - C - D.html"
    assert report_file_name('"Quoted" <b>?* tab\there') == "'Quoted' b tab here.pdf"
    assert report_file_name("  ..hidden. ") == "hidden.pdf"
    assert report_file_name("-rf") == "rf.pdf"
    assert report_file_name("CON") == "CON_.pdf" and report_file_name("lpt1.x") == "lpt1_.x.pdf"
    assert report_file_name("") == report_file_name("/:?") == "story-report.pdf"
    long = report_file_name("word " * 60)
    assert len(long) <= 80 + len(".pdf") and long.endswith("word.pdf")
    assert len(report_file_name("🦜" * 300).encode("utf-8")) <= 255
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', report_file_name("a\x00b\x1fc:d"))


def test_a_report_into_a_folder_is_named_after_the_story(reviewed_db, tmp_path, capsys):
    open_database(reviewed_db)
    Story.update(title="Bout: arms/Houthis?").execute()
    close_database()
    assert main(["report", "--db", reviewed_db, "--story", "1", "--out", str(tmp_path)]) == 0
    written = tmp_path / "Bout - arms-Houthis.pdf"
    assert written.read_bytes().startswith(b"%PDF") and str(written) in capsys.readouterr().out


def test_the_window_proposes_the_storys_title_as_the_reports_name(
    qtbot, tmp_path, settings, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from sourcemark.demo import open_demo
    from sourcemark.store.curation import rename_story
    from tests.ui.test_main_window import make_window

    url = open_demo("sqlite:///" + str(tmp_path / "d.sqlite"))
    story_id = Article.select().first().story_id
    rename_story(story_id, "Bout: arms/Houthis")
    window = make_window(qtbot, url, settings)
    proposed = []

    def cancelled(_parent, _caption, start, _filter):
        proposed.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancelled)
    window.report_action.trigger()
    assert [Path(p).name for p in proposed] == ["Bout - arms-Houthis.pdf"]
