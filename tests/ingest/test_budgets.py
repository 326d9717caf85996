"""What reading one PDF or Word document may cost: unpacked content, pages or paragraphs,
seconds. A small file beyond any of them is refused with a message saying which, and
soon (a watchdog fails a read still going after HANG seconds); real articles are read.

The files are written by the generators in samples.py (make_nasty.py writes the
checked-in copies in tests/data/nasty with the same ones)."""

import threading

import pytest

from sourcemark.ingest import IngestError, read_path
from sourcemark.ingest import pdf as pdf_reader
from sourcemark.ingest import word as word_reader
from tests.ingest import samples
from tests.ingest.test_formats import assert_body

HANG = 60  # seconds; each of these reads takes well under one


def refusal(path) -> str:
    """The message read_path refuses the file with, read on a thread under the watchdog."""
    outcome = []

    def read():
        try:
            outcome.append(read_path(path))
        except IngestError as error:
            outcome.append(str(error))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(HANG)
    assert not worker.is_alive(), f"reading {path.name} hung"
    [message] = outcome
    assert isinstance(message, str), f"{path.name} was read, not refused"
    return message


def test_pdf_pages_sharing_one_stream_of_70_mb_are_refused(tmp_path):
    path = samples.write_pdf_of_pages_sharing_one_huge_stream(tmp_path / "shared.pdf")
    assert path.stat().st_size < 200_000
    message = refusal(path)
    assert "the PDF's pages hold more than 32 MB of compressed content" in message
    assert "it is not an article" in message


def test_the_pdf_content_budget_counts_a_shared_stream_once_for_each_page(tmp_path):
    few = samples.write_pdf_of_pages_sharing_one_huge_stream(tmp_path / "few.pdf", 2, 10**6)
    assert "A page of nothing" in read_path(few).text
    many = tmp_path / "many.pdf"
    samples.write_pdf_of_pages_sharing_one_huge_stream(many, 4, 10 * 1024 * 1024)
    assert "MB of compressed content" in refusal(many)


def test_a_pdf_stream_beyond_what_pypdf_unpacks_is_refused_as_too_large(tmp_path):
    path = tmp_path / "one-huge-stream.pdf"
    samples.write_pdf_of_pages_sharing_one_huge_stream(path, 1, 80_000_000)
    message = refusal(path)
    assert "too large inside to be an article" in message or "MB of compressed content" in message


def test_a_pdf_of_more_pages_than_an_article_is_refused(tmp_path):
    path = samples.write_pdf_of_pages_sharing_one_huge_stream(tmp_path / "pages.pdf", 501, 10)
    assert "the PDF has 501 pages; at most 500 are read" in refusal(path)


def test_a_pdf_read_beyond_its_time_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_SECONDS", 0)
    path = samples.write_pdf_of_pages_sharing_one_huge_stream(tmp_path / "slow.pdf", 3, 10)
    assert "reading the PDF took more than 0 seconds (1 of its 3 pages)" in refusal(path)


def test_a_word_document_of_70000_paragraphs_is_refused(tmp_path):
    path = samples.write_docx_of_many_paragraphs(tmp_path / "many.docx")
    assert path.stat().st_size < 200_000
    message = refusal(path)
    assert "the Word document has 70,000 paragraphs, more than the 20,000" in message


def test_a_word_document_whose_text_unpacks_beyond_the_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(word_reader, "MAX_DOCUMENT_BYTES", 1024)
    path = samples.write_docx(tmp_path / "bridge.docx")
    assert "the Word document's text unpacks to" in refusal(path)


def test_a_word_document_read_beyond_its_time_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(word_reader, "MAX_SECONDS", 0)
    path = samples.write_docx(tmp_path / "bridge.docx")
    assert "reading the Word document took more than 0 seconds" in refusal(path)


@pytest.mark.parametrize(
    ("writer", "name"), [(samples.write_pdf, "bridge.pdf"), (samples.write_docx, "bridge.docx")]
)
def test_real_articles_are_within_the_budgets(tmp_path, writer, name):
    document = read_path(writer(tmp_path / name))
    assert document.title == samples.TITLE
    assert_body(document.text)
