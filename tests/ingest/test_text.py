"""Reading plain text files: encodings, and the site furniture around a copied article."""

import codecs

import pytest

from sourcemark.analysis import analyze
from sourcemark.ingest import IngestError, read_path, read_text
from sourcemark.paths import sample_story_path

ARTICLE = (
    "The Daily Example\n"
    "Home » Politics » Council Approves Budget\n"
    "News Politics Sport News\n"
    "Council Approves Budget\n"
    "By Jane Roe\n"
    "The city council approved the budget on Monday after a long debate, the mayor said.\n\n"
    "Critics say the plan cuts too deep into the library budget and café funding.\n\n"
    "Share this\n"
    "Translate »\n"
)


def test_the_sample_story_loses_its_site_furniture_and_keeps_title_and_outlet():
    document = read_path(sample_story_path())
    assert document.title == "Viktor Bout Allegedly Attempting to Sell Weapons to Houthis"
    assert document.outlet == "Bangkok One News"
    assert document.text.startswith("According to Western officials, Russian arms dealer")
    assert document.text.endswith("currently being prepared.")
    assert "Translate" not in document.text and "Home »" not in document.text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16", b""),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_text_in_common_encodings_reads_the_same(tmp_path, encoding, bom):
    path = tmp_path / "article.txt"
    path.write_bytes(bom + ARTICLE.encode(encoding))
    document = read_path(path)
    assert document.title == "Council Approves Budget"
    assert document.outlet == "The Daily Example"
    assert document.text.startswith("The city council approved")
    assert "café funding" in document.text
    assert "Share this" not in document.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03 not text \x00\xff", "binary"),
        (b"\n\n  \n", "no article text"),
    ],
)
def test_bad_files_give_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_path(path)


def test_missing_files_folders_and_unknown_types_give_a_clear_error(tmp_path):
    with pytest.raises(IngestError, match="does not exist"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(IngestError, match="folder"):
        read_path(tmp_path)
    odd = tmp_path / "picture.png"
    odd.write_bytes(b"\x89PNG")
    with pytest.raises(IngestError, match="cannot be imported"):
        read_path(odd)


def test_ascii_utf16_without_a_byte_order_mark_is_text_not_binary(tmp_path):
    path = tmp_path / "plain.txt"
    body = "Budget Passes\n\nThe council approved the budget after a debate, the mayor said.\n"
    path.write_bytes(body.encode("utf-16-le"))
    document = read_path(path)
    assert document.title == "Budget Passes"
    assert document.text.startswith("The council approved")


# A headline of 31 words, in title case and without a full stop
LONG_HEADLINE = (
    "Harbour Council Votes to Close Two Branch Libraries and Sell the Old Depot as the Budget "
    "Gap Widens for a Third Year and Unions Warn of Strikes Before the Spring Elections"
)
STORY = (
    "The council voted on Tuesday to close two libraries, officials said.\n\n"
    "The park reopened on Friday after repairs, and the depot will be sold in May."
)


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_long_first_line_is_the_headline(gap):
    document = read_text(LONG_HEADLINE + gap + STORY)
    assert document.title == LONG_HEADLINE
    assert document.outlet is None


def test_a_long_headline_after_the_outlets_name_is_the_title_and_the_name_the_outlet():
    document = read_text("The Lakeshore Examiner\n\n" + LONG_HEADLINE + "\n\n" + STORY)
    assert document.title == LONG_HEADLINE
    assert document.outlet == "The Lakeshore Examiner"


def test_a_short_headline_is_the_title():
    document = read_text("Council votes to close two libraries\n\n" + STORY)
    assert document.title == "Council votes to close two libraries"
    assert document.text.startswith("The council voted on Tuesday")


def test_a_first_line_that_is_a_sentence_of_the_story_is_no_title():
    first = (
        "The council voted on Tuesday night to close two of the city's branch libraries and "
        "to sell the old bus depot on Harbour Street, officials said."
    )
    document = read_text(first + "\n\n" + STORY)
    assert document.title == ""
    assert document.text.startswith(first)


def test_an_outlets_name_alone_before_the_story_is_the_outlet_not_the_title():
    document = read_text("The Lakeshore Examiner\n\n" + STORY)
    assert document.outlet == "The Lakeshore Examiner"
    assert document.title == ""
    assert document.text.startswith("The council voted")


def test_the_analyzer_reads_the_headline_ingest_found_as_the_headline():
    # the same rule: analysing the text with the title ingest read gives what analysing the
    # text alone gives, the headline's claims the premise
    document = read_text(LONG_HEADLINE + "\n\n" + STORY)
    with_title = analyze(document.text, document.title, document.outlet)
    alone = analyze(document.text)
    assert with_title == alone
    assert with_title[0].text == LONG_HEADLINE and with_title[0].premise


def test_a_text_file_whose_first_line_is_a_long_headline_is_titled_by_it(tmp_path):
    path = tmp_path / "council.txt"
    path.write_text(LONG_HEADLINE + "\n" + STORY, encoding="utf-8")
    assert read_path(path).title == LONG_HEADLINE


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_first_line_ending_in_a_quotation_mark_after_its_full_stop_is_read_whole(mark):
    # a straight closing quote ends a sentence as a curly one does: the line stays in the
    # text, and the claim it makes is found
    first = f"Harbour Chief Says Ferry Fleet Is {mark}Past Saving.{mark}"
    document = read_text(first + "\n\n" + STORY)
    assert document.title == first
    assert document.text.startswith(first)
    claims = analyze(document.text, document.title, document.outlet)
    assert claims[0].source == "Harbour Chief" and claims[0].cue == "Says"
    sentence = "Mayor Ines Lund says the ferry plan is 'dead in the water.'"
    document = read_text(sentence + "\n\n" + STORY)
    assert document.title == "" and document.text.startswith(sentence)
    assert analyze(document.text)[0].source == "Mayor Ines Lund"
