"""A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder,
listening on 127.0.0.1 on a free port, stopped and removed at the end of the run.

SOURCEMARK_TEST_PG (a postgresql:// URL of a database the tests may empty) uses a server
that runs already. Otherwise Debian's (or any) PostgreSQL binaries are looked for; as root,
the cluster is run by the ``postgres`` user, which PostgreSQL requires.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class ServerUnavailable(Exception):
    pass


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A running server and the URL of an empty database on it."""

    def __init__(self):
        self.folder: Path | None = None
        self.url = os.environ.get("SOURCEMARK_TEST_PG", "")
        self._as: list[str] = []
        self._pg_ctl = None
        if not self.url:
            self._start()

    def _start(self) -> None:
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not initdb or not pg_ctl:
            raise ServerUnavailable(
                "no PostgreSQL server programs (initdb, pg_ctl) on this machine"
            )
        self.folder = Path(tempfile.mkdtemp(prefix="sourcemark-pg-"))
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            runuser = shutil.which("runuser")
            try:
                shutil.chown(self.folder, user="postgres")
            except (LookupError, PermissionError) as error:
                raise ServerUnavailable(f"no postgres user to run the server as: {error}") from None
            if not runuser:
                raise ServerUnavailable("running as root without runuser to drop to postgres")
            self._as = [runuser, "-u", "postgres", "--"]
        data, port = self.folder / "data", _free_port()
        self._pg_ctl, self._data = pg_ctl, data
        self._run([initdb, "-D", str(data), "-U", "sourcemark", "--auth=trust", "-E", "UTF8",
                   "--no-sync"])  # fmt: skip
        options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run([pg_ctl, "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                   "-w", "-t", "30", "start"])  # fmt: skip
        self.url = f"postgresql://sourcemark@127.0.0.1:{port}/postgres"
        self.admin("CREATE DATABASE sourcemark_test")
        self.url = f"postgresql://sourcemark@127.0.0.1:{port}/sourcemark_test"

    def _run(self, command: list[str]) -> None:
        result = subprocess.run([*self._as, *command], capture_output=True, text=True, timeout=120)
        if result.returncode:
            log = self.folder / "log" if self.folder else None
            detail = result.stderr.strip() or (log.read_text() if log and log.exists() else "")
            raise ServerUnavailable(f"{Path(command[0]).name} failed: {detail[-500:]}")

    def admin(self, sql: str) -> None:
        import psycopg2

        connection = psycopg2.connect(self.url)
        connection.autocommit = True
        try:
            connection.cursor().execute(sql)
        finally:
            connection.close()

    def empty(self) -> str:
        """Empty the test database; its URL."""
        self.admin("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        return self.url

    def stop(self) -> None:
        if self._pg_ctl and self.folder:
            command = [*self._as, self._pg_ctl, "-D", str(self._data), "-m", "immediate", "stop"]
            subprocess.run(command, capture_output=True, timeout=60)
            time.sleep(0.1)
            shutil.rmtree(self.folder, ignore_errors=True)
