"""Articles by address: fetched once, within one time limit and a size cap, then read like
files.

Only the page itself is fetched: nothing it links to, no scripts, no images.
Every way a fetch can fail (no network, a refused connection, a slow or huge
response, an error status, an answer that is not HTTP, a type we cannot read)
becomes an IngestError with a sentence a user can act on.
"""

import http.client
import re
import socket
import urllib.error
import urllib.request
from email.message import Message

from sourcemark import __version__
from sourcemark.ingest.deadline import Deadline
from sourcemark.ingest.decode import decode_text
from sourcemark.ingest.document import Document
from sourcemark.ingest.errors import IngestError
from sourcemark.ingest.fetch import ONLY_WEB, open_url

TIMEOUT_SECONDS = 20  # for the whole fetch: connecting, redirects and the page itself
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
USER_AGENT = f"Sourcemark/{__version__} (article import; +https://example.invalid/sourcemark)"
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def read_url(url: str, timeout: float = TIMEOUT_SECONDS) -> Document:
    url = url.strip()
    if not is_url(url):
        raise IngestError(ONLY_WEB)
    try:
        final_url, headers, data = _fetch(url, Deadline(timeout))
    except IngestError:
        raise
    except urllib.error.HTTPError as error:
        raise IngestError(f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise IngestError(_too_slow(timeout)) from None
        raise IngestError(f"the page could not be fetched: {_reason(error.reason)}") from None
    except TimeoutError:
        raise IngestError(_too_slow(timeout)) from None
    except http.client.HTTPException as error:
        raise IngestError(_not_http(error)) from None
    except (OSError, ValueError) as error:
        raise IngestError(f"the page could not be fetched: {_reason(error)}") from None
    if len(data) > MAX_DOWNLOAD_BYTES:
        raise IngestError(_too_big())
    if not data:
        raise IngestError("the server sent an empty page")
    kind = headers.get_content_type()
    if kind == "application/pdf" or data.startswith(b"%PDF-"):
        from sourcemark.ingest.pdf import read_pdf

        document = read_pdf(data, origin=url)
    elif kind in {"text/html", "application/xhtml+xml"} or _looks_like_html(data):
        from sourcemark.ingest.html import read_html

        document = read_html(_decode(data, headers), origin=url, url=final_url)
    elif kind.startswith("text/"):
        from sourcemark.ingest.readers import read_text

        document = read_text(_decode(data, headers), origin=url)
    else:
        raise IngestError(f"the address gives {kind}, not an article Sourcemark can read")
    document.url = document.url or final_url
    return document


def _fetch(url: str, deadline: Deadline) -> tuple[str, Message, bytes]:
    """The final address, the headers and the body, all within the deadline."""
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain,application/pdf"}
    )
    with open_url(request, deadline) as response:
        headers: Message = response.headers
        declared = headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > MAX_DOWNLOAD_BYTES:
            raise IngestError(_too_big())
        data = response.read(MAX_DOWNLOAD_BYTES + 1)
        if declared.isdigit() and len(data) < int(declared):
            raise IngestError(
                f"the server stopped after {len(data):,} of the {int(declared):,} bytes it "
                "announced; try again later"
            )
        return response.geturl(), headers, data


def _decode(data: bytes, headers: Message) -> str:
    charset = headers.get_content_charset()
    if charset:
        try:
            return data.decode(charset).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: detect instead
    return decode_text(data)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _too_big() -> str:
    return f"the page is larger than {MAX_DOWNLOAD_BYTES // (1024 * 1024)} MB"


def _too_slow(timeout: float) -> str:
    return f"the server did not answer with the whole page within {timeout:g} seconds"


def _not_http(error: http.client.HTTPException) -> str:
    if isinstance(error, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(error, http.client.IncompleteRead):
        return "the server's answer was cut off before the end of the page; try again later"
    return f"the server's answer is not valid HTTP ({type(error).__name__}); it cannot be read"


def _reason(reason) -> str:
    if isinstance(reason, TimeoutError):
        return "the server did not answer in time"
    if isinstance(reason, socket.gaierror):
        return "the address's server name is unknown, or there is no network"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(reason, ConnectionResetError):
        return "the server broke off the connection"
    text = getattr(reason, "strerror", None) or str(reason)
    return text[:200]
