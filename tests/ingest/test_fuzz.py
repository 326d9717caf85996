"""Property tests for the readers: any bytes under any name a file may have, and real
files with bytes flipped or cut off, give a Document or an IngestError (a message for the
user), nothing else, and in bounded time (hypothesis's deadline fails an example that
takes 20 seconds: a hang; they take milliseconds)."""

import io
import zipfile
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcemark.ingest import Document, IngestError
from sourcemark.ingest.readers import SUFFIXES, read_bytes
from tests.ingest import samples

DEADLINE = 20_000  # ms for one example (they take milliseconds): a reader needing more is stuck


def read_or_refuse(data: bytes, suffix: str) -> None:
    try:
        document = read_bytes(data, suffix, origin="fuzz")
    except IngestError as error:
        assert str(error) and "Traceback" not in str(error)
        return
    assert isinstance(document, Document)
    assert isinstance(document.text, str) and document.text.strip()
    assert isinstance(document.title, str)


@settings(max_examples=300, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(sorted(SUFFIXES)))
def test_any_bytes_with_any_suffix_are_read_or_refused(data, suffix):
    read_or_refuse(data, suffix)


@settings(max_examples=150, deadline=DEADLINE)
@given(st.text(max_size=2000), st.sampled_from([".txt", ".md", ".html", ".eml"]))
def test_any_text_with_a_text_suffix_is_read_or_refused(text, suffix):
    read_or_refuse(text.encode("utf-8", "surrogatepass"), suffix)


@cache
def originals() -> dict[str, bytes]:
    """A well-formed file of each kind, as the tests' samples write them."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        return {
            ".pdf": samples.write_pdf(base / "a.pdf").read_bytes(),
            ".docx": samples.write_docx(base / "a.docx").read_bytes(),
            ".eml": samples.write_eml(base / "a.eml").read_bytes(),
            ".html": samples.write_html(base / "a.html").read_bytes(),
            ".txt": samples.write_text(base / "a.txt", "cp1252").read_bytes(),
        }


def mutated(data: bytes, draw) -> bytes:
    """The file with a few bytes changed, a part cut out, or its end cut off."""
    kind = draw(st.sampled_from(["flip", "cut", "truncate", "splice"]))
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "cut":
        start = draw(st.integers(0, len(data)))
        return data[:start] + data[start + draw(st.integers(1, 400)) :]
    if kind == "splice":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=200)) + data[at:]
    changed = bytearray(data)
    for _ in range(draw(st.integers(1, 20))):
        changed[draw(st.integers(0, len(changed) - 1))] = draw(st.integers(0, 255))
    return bytes(changed)


@settings(max_examples=250, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([".pdf", ".docx", ".eml", ".html", ".txt"]), st.data())
def test_real_files_damaged_anywhere_are_read_or_refused(suffix, data):
    read_or_refuse(mutated(originals()[suffix], data.draw), suffix)


@settings(max_examples=100, deadline=DEADLINE)
@given(st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml",
                                        "word/_rels/document.xml.rels", "docProps/core.xml"]),
                       st.binary(max_size=500), min_size=1))  # fmt: skip
def test_word_archives_with_any_parts_are_read_or_refused(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    read_or_refuse(buffer.getvalue(), ".docx")
