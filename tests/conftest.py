"""Test configuration: headless Qt, and every test in its own data directory and settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings

from sourcemark.store import close_database, open_database


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """A private data directory; the user's database and environment are never touched."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SOURCEMARK_HOME", str(home))
    monkeypatch.delenv("SOURCEMARK_DB", raising=False)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield home
    close_database()


# the store, the command line and the exports run against both databases
BOTH_DATABASES = (
    "tests/store/",
    "tests/test_cli.py",
    "tests/test_cli_curation.py",
    "tests/test_export.py",
    "tests/test_workbook.py",
)


def pytest_generate_tests(metafunc):
    path = metafunc.definition.path.as_posix()
    if "db_url" in metafunc.fixturenames and any(part in path for part in BOTH_DATABASES):
        metafunc.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the run (tests/pg.py). Outside CI, a machine that cannot start
    one skips those tests and says why; in CI (CI set) that is a failure."""
    from tests.pg import Server, ServerUnavailable

    try:
        server = Server()
    except ServerUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    yield server
    server.stop()


@pytest.fixture
def db_url(request, tmp_path) -> str:
    """An empty database: an SQLite file, or the PostgreSQL test database emptied."""
    if getattr(request, "param", "sqlite") == "postgresql":
        return request.getfixturevalue("pg_server").empty()
    return "sqlite:///" + str(tmp_path / "test.sqlite")


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    close_database()


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


class _Site:
    """A web server on 127.0.0.1 for the tests: pages by path, and a count of requests."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        site = self
        self.pages: dict[str, tuple[int, str, bytes]] = {}  # path -> (status, type, body)
        self.delays: dict[str, float] = {}
        self.requests: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                import time

                site.requests.append(self.path)
                time.sleep(site.delays.get(self.path, 0))
                status, kind, body = site.pages.get(self.path, (404, "text/plain", b"not here"))
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time-limit test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def add(self, path: str, body: bytes | str, kind: str = "text/html; charset=utf-8", status=200):
        self.pages[path] = (status, kind, body.encode("utf-8") if isinstance(body, str) else body)
        return self.url(path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    server = _Site()
    yield server
    server.close()
