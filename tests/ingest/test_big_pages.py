"""Saved pages carrying a blob of over 10 MB before the article (an image inlined as a data:
address, the site's state as JSON in a <script>): the article after it is imported, with
its metadata. libxml2 stopped reading at such a blob, and the article was lost."""

import base64
import json

import pytest

from sourcemark.ingest import read_path, read_url
from tests.ingest import samples

BLOB_BYTES = 12 * 1024 * 1024


def inline_image() -> str:
    pixels = bytes(range(256)) * (BLOB_BYTES * 3 // 4 // 256)  # base64 grows it by a third
    return f'<img alt="" src="data:image/png;base64,{base64.b64encode(pixels).decode()}">'


def json_state(text: str) -> str:
    state = {"stories": [{"id": n, "teaser": text} for n in range(BLOB_BYTES // len(text))]}
    return f'<script type="application/json" id="state">{json.dumps(state, ensure_ascii=False)}</script>'


BLOBS = {
    "data image": inline_image,
    "JSON script": lambda: json_state("a teaser for another story " * 4),
    # 12 MB of UTF-8 in 6 million characters: the limit is counted in bytes
    "JSON script, accented": lambda: json_state("é" * 200),
}


def page_with(blob: str) -> str:
    return samples.html_page().replace("<body>", "<body>" + blob, 1)


def assert_the_article(document) -> None:
    assert document.title == samples.TITLE and document.outlet == samples.OUTLET
    assert document.byline == samples.AUTHOR and document.published.isoformat() == samples.DATE
    for paragraph in samples.PARAGRAPHS:
        assert paragraph in document.text
    assert "teaser" not in document.text and "base64" not in document.text


@pytest.mark.parametrize("blob", sorted(BLOBS))
def test_a_saved_page_with_a_blob_over_10_mb_before_the_article_imports_it(tmp_path, blob):
    html = page_with(BLOBS[blob]())
    assert len(html.encode("utf-8")) > BLOB_BYTES
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert_the_article(read_path(path))


def test_a_page_by_address_with_an_inline_image_over_10_mb_imports_the_article(site):
    url = site.add("/bridge.html", page_with(inline_image()))
    assert_the_article(read_url(url))
