"""Every format the import reads, from real files written by the test: title, outlet, date,
body; and every limit, each with a clear message."""

from datetime import date

import pytest

from sourcemark.ingest import IngestError, read_path
from tests.ingest import samples

PUBLISHED = date(2024, 3, 5)


def assert_body(text: str) -> None:
    for paragraph in samples.PARAGRAPHS:
        # quotation marks may come back straight from a PDF
        expected = " ".join(paragraph.split())
        got = text.replace('"', "“", 1).replace('"', "”", 1).replace("'", "’")
        assert expected in got or expected.replace("’", "'") in text, (paragraph, text)
    assert text.count("\n\n") == len(samples.PARAGRAPHS) - 1  # one paragraph a block


def test_a_saved_page_gives_the_article_without_navigation_share_or_footer(tmp_path):
    document = read_path(samples.write_html(tmp_path / "bridge.html"))
    assert document.title == samples.TITLE
    assert document.outlet == samples.OUTLET
    assert document.published == PUBLISHED
    assert document.byline == samples.AUTHOR
    assert_body(document.text)
    for furniture in ("Share this", "Related stories", "All rights reserved", "Ferry prices"):
        assert furniture not in document.text
    assert "tracking" not in document.text  # the script is neither run nor kept


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_copied_text_in_any_encoding_gives_title_outlet_date_and_body(tmp_path, encoding):
    document = read_path(samples.write_text(tmp_path / "bridge.txt", encoding))
    assert document.title == samples.TITLE
    assert document.outlet == samples.OUTLET
    assert document.published == PUBLISHED
    assert_body(document.text)
    assert "Share this" not in document.text and "Home »" not in document.text


def test_a_word_document_gives_its_heading_as_title_and_its_author(tmp_path):
    document = read_path(samples.write_docx(tmp_path / "bridge.docx"))
    assert document.title == samples.TITLE
    assert document.byline == samples.AUTHOR
    assert document.format == "docx"
    assert_body(document.text)


def test_a_pdf_is_reflowed_into_paragraphs_with_its_metadata(tmp_path):
    document = read_path(samples.write_pdf(tmp_path / "bridge.pdf"))
    assert document.title == samples.TITLE
    assert document.byline == samples.AUTHOR
    assert document.published == PUBLISHED
    assert document.format == "pdf"
    assert_body(document.text)


def test_an_email_gives_subject_sender_date_and_the_html_part(tmp_path):
    document = read_path(samples.write_eml(tmp_path / "bridge.eml"))
    assert document.title == samples.TITLE  # "Fwd:" dropped
    assert document.outlet == samples.OUTLET
    assert document.published == PUBLISHED
    assert document.format == "eml"
    assert_body(document.text)
    assert "Unsubscribe" not in document.text


def test_an_email_with_only_a_text_part_is_read_too(tmp_path):
    import email.policy
    from email.message import EmailMessage

    message = EmailMessage(policy=email.policy.default)
    message["Subject"] = samples.TITLE
    message["From"] = "Desk <desk@example.invalid>"
    message.set_content(samples.BODY)
    path = tmp_path / "plain.eml"
    path.write_bytes(message.as_bytes())
    document = read_path(path)
    assert document.title == samples.TITLE and document.outlet == "Desk"
    assert_body(document.text)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary data"),
        ("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(300), "binary data"),
        ("fake.pdf", b"<html>not a pdf</html>", "not a PDF"),
        ("truncated.pdf", samples.pdf_bytes(["Half a page"])[:120], "PDF"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "damaged"),
        ("notes.odt", b"whatever", "cannot be imported"),
        ("headers.eml", b"\x00\x01\x02", "e-mail"),
    ],
)
def test_bad_files_are_refused_with_a_clear_reason(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_path(path)


def test_an_encrypted_pdf_is_refused_as_protected(tmp_path):
    with pytest.raises(IngestError, match="password"):
        read_path(samples.write_encrypted_pdf(tmp_path / "locked.pdf"))


def test_a_pdf_without_text_asks_for_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(samples.pdf_bytes([]))
    with pytest.raises(IngestError, match="OCR"):
        read_path(path)


def test_a_zip_bomb_dressed_as_a_word_document_is_not_opened(tmp_path):
    path = samples.write_zip_bomb_docx(tmp_path / "bomb.docx")
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(IngestError, match="zip bomb"):
        read_path(path)


def test_an_xml_bomb_in_a_word_document_is_not_opened(tmp_path):
    with pytest.raises(IngestError, match="XML bomb"):
        read_path(samples.write_xml_bomb_docx(tmp_path / "lol.docx"))


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path, monkeypatch):
    from sourcemark.ingest import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(IngestError, match="larger than"):
        read_path(path)


def test_the_same_page_read_twice_keeps_all_its_text(tmp_path):
    """Wire copies share paragraphs; a reader that remembered text across pages would drop
    them from the second copy."""
    first = read_path(samples.write_html(tmp_path / "a.html"))
    second = read_path(samples.write_html(tmp_path / "b.html"))
    assert second.text == first.text and samples.PARAGRAPHS[0] in second.text


def test_markdown_loses_its_markup_and_keeps_title_byline_and_date(tmp_path):
    path = tmp_path / "bridge.md"
    path.write_text(
        f"# {samples.TITLE}\n\n*By {samples.AUTHOR} — March 5, 2024*\n\n"
        "The harbour bridge will close for **six weeks** from April, the city's "
        "[transport department](https://example.invalid/transport) said on Tuesday.\n\n"
        '> "We cannot take any risk," said _Mayor Ana Ruiz_.\n\n'
        "- Shop owners said they feared losing customers.\n\n"
        "```\nignored code\n```\n",
        encoding="utf-8",
    )
    document = read_path(path)
    assert (document.title, document.byline, document.published) == (
        samples.TITLE, samples.AUTHOR, PUBLISHED,
    )  # fmt: skip
    assert document.text.split("\n\n") == [
        "The harbour bridge will close for six weeks from April, the city's transport "
        "department said on Tuesday.",
        '"We cannot take any risk," said Mayor Ana Ruiz.',
        "Shop owners said they feared losing customers.",
    ]
    assert document.format == "markdown"


def test_a_saved_page_is_read_without_fetching_anything_it_points_to(tmp_path, site):
    page = (
        samples.html_page()
        .replace("https://tracker.invalid/pixel.gif", site.url("/pixel.gif"))
        .replace("<script>", f'<script src="{site.url("/app.js")}"></script><script>')
    )
    path = tmp_path / "bridge.html"
    path.write_text(page, encoding="utf-8")
    assert samples.PARAGRAPHS[0] in read_path(path).text
    assert site.requests == []
