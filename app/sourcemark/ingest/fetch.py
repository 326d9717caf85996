"""The transport under web.py: urllib with one deadline for the whole fetch, and redirects
followed only to http and https.

urllib's timeout bounds each socket operation, so a server sending a line every few
seconds is read for as long as it likes. Here every connect, send and read is given only
the time left until one deadline. Only the handlers for http and https are installed: no
ftp, file or data addresses, even when a server redirects to one.
"""

import http.client
import io
import socket
import ssl
import urllib.request
from urllib.parse import urljoin, urlsplit

from sourcemark.ingest.deadline import Deadline
from sourcemark.ingest.errors import IngestError

WEB_SCHEMES = ("http", "https")
ONLY_WEB = "only http and https addresses can be imported"


def open_url(request: urllib.request.Request, deadline: Deadline) -> http.client.HTTPResponse:
    """The response to the request, its redirects followed; reads from it keep the deadline."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # the system's proxy settings, as urllib has them
        _HTTPHandler(deadline),
        _HTTPSHandler(deadline),
        _WebOnlyRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener.open(request, timeout=deadline.remaining())


class _DeadlineReader(io.RawIOBase):
    """A socket's reading end that gives each read only the time left."""

    def __init__(self, sock: socket.socket, deadline: Deadline):
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # counted by the socket: it stays open
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._sock.settimeout(self._deadline.remaining())
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _DeadlineSocket:
    """The connected socket as http.client uses it (send, makefile, close), on the clock."""

    def __init__(self, sock: socket.socket, deadline: Deadline):
        self._sock = sock
        self._deadline = deadline

    def sendall(self, data) -> None:
        self._sock.settimeout(self._deadline.remaining())
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args, **kwargs) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def close(self) -> None:
        self._sock.close()

    def __getattr__(self, name: str):
        return getattr(self._sock, name)


class _DeadlineConnection:
    """Connects (and shakes hands, for https) within the time left, then keeps the clock."""

    def __init__(self, *args, deadline: Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        self.timeout = self._deadline.remaining()
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self._deadline)


class _HTTPConnection(_DeadlineConnection, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_DeadlineConnection, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline):
        super().__init__()
        self._deadline = deadline

    def http_open(self, req):
        return self.do_open(_HTTPConnection, req, deadline=self._deadline)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline):
        super().__init__(context=ssl.create_default_context())
        self._deadline = deadline

    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context, deadline=self._deadline)


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location.strip())
            scheme = urlsplit(target).scheme.lower()
            if scheme not in WEB_SCHEMES:
                fp.close()
                raise IngestError(f"the address redirects to a {scheme}: address; {ONLY_WEB}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302
