"""Saved e-mails (.eml): newsletters and forwarded articles.

The HTML part is read like a web page (scripts and remote images are never
run or fetched), else the plain-text part like pasted text. The subject is the
title, the sender's name the outlet, the Date header the publication date.
"""

import email
import email.policy
import email.utils
import re
from email.message import EmailMessage

from sourcemark.ingest.decode import decode_text
from sourcemark.ingest.document import Document
from sourcemark.ingest.errors import IngestError
from sourcemark.ingest.html import read_html
from sourcemark.ingest.text import clean_pasted_text


def read_eml(data: bytes, origin: str | None = None) -> Document:
    try:
        return _read(data, origin)
    except IngestError:
        raise
    except Exception as error:  # the parser is lenient and parses headers late, when they
        # are read; anything it raises then (a header that breaks its own rules) is damage
        raise IngestError(f"the e-mail is damaged ({type(error).__name__})") from None


def _read(data: bytes, origin: str | None) -> Document:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise IngestError("the file is not an e-mail (it has no headers)")
    subject = " ".join(str(message.get("subject", "")).split())
    for prefix in ("fwd:", "fw:", "re:"):
        while subject.lower().startswith(prefix):
            subject = subject[len(prefix) :].strip()
    sender_name, _address = email.utils.parseaddr(str(message.get("from", "")))
    published = None
    try:
        when = email.utils.parsedate_to_datetime(str(message.get("date", "")))
        published = when.date()
    except (TypeError, ValueError, IndexError):
        pass
    document = _body(message, origin)
    document.text = _without_mailing_furniture(document.text)
    if not document.text.strip():
        raise IngestError("the e-mail holds nothing but its mailing list's links")
    document.title = subject or document.title
    document.outlet = document.outlet or (sender_name or None)
    document.published = document.published or published
    document.origin = origin
    document.format = "eml"
    return document


# A newsletter's own furniture: short paragraphs about the mailing, not the article
_MAILING = re.compile(
    r"^(unsubscribe|view (this (e-?mail|newsletter) )?(in|on) (your |a )?(browser|web)|"
    r"manage (your )?(preferences|subscriptions?|e-?mail settings)|update (your )?preferences|"
    r"forward (this |it )?to a friend|you (are|were) receiving this|"
    r"(was this|this) (e-?mail|newsletter) (was )?forwarded|sent from my)\b",
    re.I,
)


def _without_mailing_furniture(text: str) -> str:
    kept = [
        p for p in text.split("\n\n") if not (_MAILING.match(p.strip()) and len(p.split()) <= 25)
    ]
    return "\n\n".join(kept)


def _body(message: EmailMessage, origin: str | None) -> Document:
    html_part = message.get_body(preferencelist=("html",))
    plain_part = message.get_body(preferencelist=("plain",))
    problems = []
    if html_part is not None:
        try:
            document = read_html(_content(html_part), origin=origin)
        except IngestError as error:
            problems.append(str(error))
        else:
            document.title = ""  # the subject names a newsletter better than its <title>
            return document
    if plain_part is not None:
        document = clean_pasted_text(_content(plain_part), origin=origin)
        if document.text.strip():
            return document
    if problems:
        raise IngestError(f"the e-mail's text could not be read: {problems[0]}")
    raise IngestError("the e-mail has no text part")


def _content(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding
        payload = part.get_payload(decode=True) or b""
        return decode_text(payload)
    return content if isinstance(content, str) else decode_text(content)
