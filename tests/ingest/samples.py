"""Real files of every format the import reads, written by the tests themselves.

Each writer puts the same small article in a file of one format, with the
metadata that format can carry, so that the readers can be checked against one
expectation. The PDF is written byte by byte (a one-page document with an
information dictionary); the others with the libraries that write them for real.
"""

import email.policy
import zipfile
from email.message import EmailMessage
from pathlib import Path

TITLE = "Harbour Bridge Will Close for Repairs"
OUTLET = "The Lakeshore Examiner"
AUTHOR = "Jane Roe"
DATE = "2024-03-05"
PARAGRAPHS = [
    "The harbour bridge will close for six weeks from April, the city's transport "
    "department said on Tuesday, after inspectors found corrosion in two of its cables.",
    "“We cannot take any risk with a crossing that carries forty thousand cars a day,” "
    "said Mayor Ana Ruiz, who called the repairs overdue.",
    "Shop owners near the bridge said they feared losing customers during the works.",
]
BODY = "\n\n".join(PARAGRAPHS)


def html_page() -> str:
    """A saved page: navigation, share boxes, related links and footer around the article."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | {OUTLET}</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="{OUTLET}">
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{DATE}T09:30:00Z">
<script>document.write("tracking");</script>
<img src="https://tracker.invalid/pixel.gif">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<div class="share">Share this: Facebook Twitter Email</div>
<article><h1>{TITLE}</h1><p class="byline">By {AUTHOR}</p>
{paragraphs}
</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Ferry prices rise</a></li>
<li><a href="/b">Council meets</a></li></ul></aside>
<footer>© 2024 {OUTLET}. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def copied_text() -> str:
    """Text copied out of a browser, with the site's furniture around it."""
    return (
        f"{OUTLET}\nHome » News » {TITLE}\n{TITLE}\nBy {AUTHOR}\nMarch 5, 2024\n"
        + BODY
        + "\n\nShare this\nRelated stories\nFerry prices rise\n"
    )


def write_html(path: Path) -> Path:
    path.write_text(html_page(), encoding="utf-8")
    return path


def write_text(path: Path, encoding: str) -> Path:
    path.write_bytes(copied_text().encode(encoding))
    return path


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = AUTHOR
    document.add_heading(TITLE, level=1)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def write_eml(path: Path) -> Path:
    message = EmailMessage(policy=email.policy.default)
    message["Subject"] = f"Fwd: {TITLE}"
    message["From"] = f"{OUTLET} <news@lakeshore.invalid>"
    message["To"] = "desk@newsroom.invalid"
    message["Date"] = "Tue, 05 Mar 2024 09:30:00 +0000"
    message.set_content(BODY)
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    message.add_alternative(
        f"<html><body><table><tr><td><h1>{TITLE}</h1>{paragraphs}"
        "<p><a href='https://lakeshore.invalid/unsubscribe'>Unsubscribe</a></p>"
        "</td></tr></table></body></html>",
        subtype="html",
    )
    path.write_bytes(message.as_bytes())
    return path


def pdf_bytes(lines: list[str], info: dict[str, str] | None = None) -> bytes:
    """A one-page PDF showing ``lines`` in Helvetica, one per line, with an information
    dictionary (Title, Author, CreationDate ...)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 10 Tf 14 TL 50 800 Td\n" + "".join(
        f"({escape(line)}) Tj T*\n" for line in lines
    )
    stream += "ET"
    content = stream.encode("cp1252")
    info_entries = "".join(f"/{k} ({escape(v)}) " for k, v in (info or {}).items())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        f"<< {info_entries}>>".encode("cp1252"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def wrapped(paragraph: str, width: int = 80) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def write_pdf(path: Path) -> Path:
    lines = [TITLE, ""]
    for paragraph in PARAGRAPHS:
        lines += wrapped(paragraph.replace("“", '"').replace("”", '"').replace("’", "'"))
    info = {"Title": TITLE, "Author": AUTHOR, "CreationDate": "D:20240305093000Z"}
    path.write_bytes(pdf_bytes(lines, info))
    return path


def write_encrypted_pdf(path: Path) -> Path:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_bytes(wrapped(PARAGRAPHS[0])))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_zip_bomb_docx(path: Path) -> Path:
    """A .docx whose document part unpacks to 400 MB of zeros (compressed to under 1 MB)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(400):
                part.write(block)
    return path


def write_xml_bomb_docx(path: Path) -> Path:
    """A .docx whose XML declares nested entities ("billion laughs")."""
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).replace("&lol0;", "&lol;")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", lol)
    return path


def write_pdf_of_pages_sharing_one_huge_stream(
    path: Path, pages: int = 500, unpacked: int = 70_000_000
) -> Path:
    """A PDF of ``pages`` pages that all show one content stream unpacking to ``unpacked``
    bytes: a line of text, then a comment running on for the rest. Packed, under 100 KB."""
    import zlib

    content = b"BT /F1 12 Tf 50 800 Td (A page of nothing) Tj ET\n%" + b"x" * unpacked + b"\n"
    packed = zlib.compress(content, 9)
    page = b"<< /Type /Page /Parent 2 0 R /Resources 4 0 R /Contents 3 0 R >>"
    kids = " ".join(f"{5 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} /MediaBox [0 0 595 842] >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>",
        *[page] * pages,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def write_docx_of_many_paragraphs(path: Path, paragraphs: int = 70_000) -> Path:
    """A Word document of ``paragraphs`` one-word paragraphs (packed, some 50 KB): one
    written by python-docx, its paragraph repeated in the XML (python-docx would take a
    minute to add them one by one)."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("word")
    written = io.BytesIO()
    document.save(written)
    with (
        zipfile.ZipFile(written) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                start = data.index(b"<w:p>")
                end = data.index(b"</w:p>", start) + len(b"</w:p>")
                data = data[:start] + data[start:end] * paragraphs + data[end:]
            out.writestr(entry.filename, data)
    return path
