"""Reading plain text files: encodings, and the site furniture around a copied article."""

import codecs

import pytest

from sourcemark.ingest import IngestError, read_path
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
