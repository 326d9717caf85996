"""Bytes of unknown encoding -> text."""

import codecs
import re

from sourcemark.ingest.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    """Decode text bytes: a byte-order mark decides, then UTF-8, then charset detection.

    Bytes with NULs are binary, unless they have the shape of UTF-16 text written
    without a byte-order mark (every other byte zero, on one side only).
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data:
            text = _utf16_without_bom(data)
            if text is None:
                raise IngestError("the file holds binary data, not text")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                from charset_normalizer import from_bytes  # loaded only for non-UTF-8 files

                best = from_bytes(data).best()
                text = str(best) if best is not None else None
    if text is None or len(_CONTROL.findall(text[:20_000])) > 0.01 * min(len(text), 20_000):
        raise IngestError("the file is not text in any encoding we recognise")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    half = len(data) // 2
    even_zeros, odd_zeros = data[0::2].count(0), data[1::2].count(0)
    if odd_zeros > 0.3 * half and even_zeros == 0:
        encoding = "utf-16-le"
    elif even_zeros > 0.3 * half and odd_zeros == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else text
