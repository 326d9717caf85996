"""Articles by address, against a real HTTP server on 127.0.0.1 started by the test."""

import socket

import pytest

from sourcemark.ingest import IngestError, read_item, read_url
from sourcemark.ingest import web as web_module
from tests.ingest import samples


def test_a_page_by_address_is_read_like_a_saved_page_and_keeps_its_address(site):
    url = site.add("/news/bridge.html", samples.html_page())
    document = read_item(url)
    assert document.title == samples.TITLE and document.outlet == samples.OUTLET
    assert samples.PARAGRAPHS[2] in document.text
    assert document.url == url and document.origin == url
    assert site.requests == ["/news/bridge.html"]  # the page only: no script, no image


def test_text_and_pdf_addresses_are_read_by_their_content_type(site):
    text_url = site.add("/bridge.txt", samples.copied_text(), "text/plain; charset=utf-8")
    pdf = samples.pdf_bytes(samples.wrapped(samples.PARAGRAPHS[2]), {"Title": samples.TITLE})
    pdf_url = site.add("/bridge", pdf, "application/pdf")
    assert read_url(text_url).title == samples.TITLE
    assert samples.PARAGRAPHS[2] in read_url(pdf_url).text


def test_a_page_in_windows_1252_is_decoded_by_its_declared_charset(site):
    url = site.add("/cafe.html", samples.html_page().replace("harbour", "café").encode("cp1252"),
                   "text/html; charset=windows-1252")  # fmt: skip
    assert "café bridge" in read_url(url).text


@pytest.mark.parametrize(
    ("status", "kind", "body", "message"),
    [
        (404, "text/html", b"gone", "404"),
        (500, "text/html", b"oops", "500"),
        (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png"),
        (200, "text/html", b"", "empty"),
    ],
)
def test_a_failing_address_gives_a_reason(site, status, kind, body, message):
    url = site.add("/x", body, kind, status=status)
    with pytest.raises(IngestError, match=message):
        read_url(url)


def test_a_slow_server_meets_the_time_limit(site):
    url = site.add("/slow", samples.html_page())
    site.delays["/slow"] = 2
    with pytest.raises(IngestError, match="did not answer"):
        read_url(url, timeout=0.3)


def test_a_page_over_the_size_cap_is_refused(site, monkeypatch):
    monkeypatch.setattr(web_module, "MAX_DOWNLOAD_BYTES", 1000)
    url = site.add("/big", samples.html_page())
    with pytest.raises(IngestError, match="larger than"):
        read_url(url)


def test_no_server_at_the_address_is_a_clear_error():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IngestError, match=r"refused|could not be fetched"):
        read_url(f"http://127.0.0.1:{port}/article")


def test_only_web_addresses_are_fetched():
    with pytest.raises(IngestError, match="http"):
        read_url("file:///etc/passwd")
