"""Writes the nasty files beside this script (they are checked in; run it again only to
change them): inputs a newsroom meets or an attacker sends, each of which Sourcemark must
import or refuse with a message, within a time limit, losing nothing else.

    uv run python tests/data/nasty/make_nasty.py
"""

import gzip
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.ingest import samples  # noqa: E402

STORY = (
    "Officials said the harbour gate was closed on Monday after a storm. The mayor denied "
    "that the gate was closed, according to the port authority. "
)


def main() -> None:
    pdf = samples.pdf_bytes(samples.wrapped(samples.PARAGRAPHS[0]) * 3)
    (HERE / "truncated.pdf").write_bytes(pdf[: len(pdf) * 6 // 10])  # cut mid-stream
    (HERE / "pdf-header-then-garbage.pdf").write_bytes(
        b"%PDF-1.7\n" + bytes((i * 131 + 7) % 256 for i in range(20_000))
    )
    samples.write_xml_bomb_docx(HERE / "xml-bomb.docx")
    samples.write_pdf_of_pages_sharing_one_huge_stream(HERE / "pages-sharing-70mb.pdf")
    samples.write_docx_of_many_paragraphs(HERE / "70000-paragraphs.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")  # a zip without a document part
    (HERE / "docx-without-document.docx").write_bytes(buffer.getvalue())
    (HERE / "not-a-zip.docx").write_bytes(b"PK\x03\x04" + b"\xff" * 500)
    nested = "<div>" * 10_000 + STORY + "</div>" * 10_000
    (HERE / "nested-10000.html").write_text(
        f"<html><head><title>Nested</title></head><body>{nested}</body></html>", "utf-8"
    )
    unclosed = "<p><b><i><span>" * 5_000 + STORY
    (HERE / "unclosed-tags.html").write_text(f"<html><body>{unclosed}", "utf-8")
    line = (STORY * (20 * 1024 * 1024 // len(STORY) + 1))[: 20 * 1024 * 1024].replace("\n", " ")
    with gzip.open(HERE / "long-line-20mb.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(line)  # 20 MB on one line; gzip-compressed to keep the repository small
    (HERE / "nul-bytes.txt").write_bytes(
        b"Harbour closed\n\n" + STORY.encode().replace(b" ", b" \x00") + b"\x00" * 2000
    )
    (HERE / "mixed-encodings.txt").write_bytes(
        b"Caf\xc3\xa9 owners say\n\n"  # UTF-8
        + STORY.encode()
        + " Le maire a d\xe9menti, selon l'autorit\xe9.\n\n".encode("latin-1")
        + "\u201cWe are closed,\u201d the harbour master said.\n".encode("cp1252")
        + "Наш порт закрыт, сказал чиновник.\n".encode("koi8-r")
    )
    (HERE / "utf16-no-bom.txt").write_bytes(("Harbour closed\n\n" + STORY).encode("utf-16-le"))
    (HERE / "bom-only.txt").write_bytes(b"\xef\xbb\xbf")
    (HERE / "only-whitespace.md").write_text(" \n\t\n" * 1000, "utf-8")
    (HERE / "entities.html").write_text(
        "<html><body><p>" + "&amp;&lt;&#x1F600;&#0;&#xD800;&#99999999;" * 5000 + STORY
        + "</p></body></html>", "utf-8"
    )  # fmt: skip
    eml = (
        "From: desk@example.org\nSubject: =?utf-8?b?w6k=?= broken\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; '
        "charset=unknown-8bit\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!\n--b\n"
        "Content-Type: text/html\n\n<p>" + STORY + "</p>\n"  # the closing boundary is missing
    )
    (HERE / "broken-mime.eml").write_text(eml, "utf-8")


if __name__ == "__main__":
    main()
