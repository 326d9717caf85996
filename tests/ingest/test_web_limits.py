"""Addresses from servers that misbehave: one that trickles forever, one that redirects to
ftp, ones that answer with something that is not HTTP; and addresses that are not web
addresses at all. Each is refused with a message, never a traceback or a hang.

The servers are raw sockets on 127.0.0.1 started by the test; every loop in them is
bounded, and a watchdog fails a fetch that is not over within HANG seconds."""

import socket
import struct
import threading

import pytest

from sourcemark.ingest import IngestError, read_item, read_path, read_url
from tests.ingest import samples

HANG = 60  # seconds: far beyond the limits given to the fetches below
LIMIT = 2  # seconds: the whole-fetch limit the tests give read_url
TRICKLES = 240  # lines at most, one every half second: two minutes, far past the limit


class RawServer:
    """Answers every connection on 127.0.0.1 by calling ``answer(connection)``."""

    def __init__(self, answer):
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self._answer = answer
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def url(self, path: str = "/article") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5)
                try:
                    connection.recv(65536)  # the request
                    self._answer(connection, self)
                except OSError:
                    pass  # the client gave up

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.listener.close()


@pytest.fixture
def serve():
    servers = []

    def start(answer) -> RawServer:
        servers.append(RawServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def fetch_watched(url: str, timeout: float = LIMIT) -> str:
    """read_url on a thread under the watchdog; the message it was refused with."""
    outcome = []

    def fetch():
        try:
            read_url(url, timeout=timeout)
        except IngestError as error:
            outcome.append(str(error))
        except BaseException as error:  # reported below, with its type
            outcome.append(error)
        else:
            outcome.append(None)

    worker = threading.Thread(target=fetch, daemon=True)
    worker.start()
    worker.join(HANG)
    assert not worker.is_alive(), f"fetching {url} hung"
    [message] = outcome
    assert isinstance(message, str), f"not refused with a message: {message!r}"
    assert "Traceback" not in message and len(message) < 300
    return message


def trickle(connection, server, head: bytes, line: bytes) -> None:
    connection.sendall(head)
    for _ in range(TRICKLES):
        if server.stop.wait(0.5):
            return
        connection.sendall(line)


@pytest.mark.parametrize(
    ("head", "line"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>\n", b"<p>more</p>\n"),
        (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", b"X-Slow: 1\r\n"),
    ],
    ids=["body", "headers"],
)
def test_a_server_trickling_a_line_every_half_second_meets_one_limit_for_the_fetch(
    serve, head, line
):
    server = serve(lambda connection, server: trickle(connection, server, head, line))
    message = fetch_watched(server.url())
    assert f"within {LIMIT} seconds" in message


def test_a_redirect_to_ftp_is_refused_without_following_it(serve):
    ftp = socket.create_server(("127.0.0.1", 0))  # where the redirect points: never reached
    ftp.settimeout(0.2)
    port = ftp.getsockname()[1]

    def redirect(connection, server):
        connection.sendall(
            f"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1:{port}/article.html\r\n"
            "Content-Length: 0\r\n\r\n".encode()
        )

    server = serve(redirect)
    with ftp:
        message = fetch_watched(server.url())
        with pytest.raises(TimeoutError):
            ftp.accept()
    assert "redirects to a ftp: address" in message
    assert "only http and https addresses can be imported" in message


def test_a_redirect_to_a_web_address_is_still_followed(serve, site):
    page = site.add("/bridge.html", samples.html_page())

    def redirect(connection, server):
        connection.sendall(f"HTTP/1.1 301 Moved\r\nLocation: {page}\r\n\r\n".encode())

    document = read_url(serve(redirect).url())
    assert document.title == samples.TITLE and document.url == page


@pytest.mark.parametrize(
    "address",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/article.html",
        "javascript:alert(1)",
        "data:text/html,<p>hello</p>",
        "gopher://127.0.0.1/1",
    ],
)
def test_addresses_of_other_schemes_are_refused_by_every_entry_point(address):
    message = "only http and https addresses can be imported"
    with pytest.raises(IngestError, match=message):
        read_url(address)
    with pytest.raises(IngestError, match=message):
        read_item(address)
    with pytest.raises(IngestError, match=message):
        read_path(address)


ANSWERS = {
    "garbage status line": (b"\x00\x17garbage\xff\r\n\r\n", "not valid HTTP"),
    "not HTTP at all": (b"SSH-2.0-OpenSSH_9.6\r\n", "not valid HTTP"),
    "bad header lines": (
        b"HTTP/1.1 200 OK\r\n" + b"X: y\r\n" * 150 + b"\r\n<html></html>",
        "not valid HTTP",
    ),
    "truncated chunked body": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"400\r\n<html><body><p>the start of a page",
        "cut off",
    ),
    "bad chunk size": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        "cut off",
    ),
    "truncated body": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>",
        "stopped after 6 of the 5,000 bytes",
    ),
    "nothing at all": (b"", "closed the connection without answering"),
}


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_an_answer_that_is_not_http_gives_a_message(serve, name):
    answer, expected = ANSWERS[name]
    server = serve(lambda connection, server: connection.sendall(answer))
    assert expected in fetch_watched(server.url())


@pytest.mark.parametrize("before", [b"", b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n<html>"])
def test_a_connection_reset_gives_a_message(serve, before):
    def reset(connection, server):
        connection.sendall(before)
        # closed with a zero linger time, the connection is reset, not closed
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    assert "the server broke off the connection" in fetch_watched(serve(reset).url())
