"""Writing the files people ask for (CSV exports, reports): whole or not at all, and never
over the database.

Each output is written to a temporary file in its own folder and renamed over the old
one only once it is complete and on disk, so a failed, cancelled or killed export leaves
the previous file as it was. A path that names the open database, its journal files or
its backups is refused before anything is written.
"""

import errno
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

_SIDE_FILES = ("-wal", "-shm", "-journal")


class OutputRefused(ValueError):
    """An output path that must not be written; the message is written for the user."""


def check_outputs(*paths: str | Path | None) -> None:
    """Refuse outputs that would overwrite the database (or its journal files or backups),
    name one file twice, or name a folder."""
    from sourcemark.store.db import opened_url, sqlite_path

    given = [Path(p) for p in paths if p]
    url = opened_url()
    database = sqlite_path(url) if url else None
    seen: list[Path] = []
    for path in given:
        target = path.expanduser().resolve()
        if target.is_dir():
            raise OutputRefused(f"{path} is a folder: give a file name.")
        if database is not None and _belongs_to_database(target, database):
            raise OutputRefused(
                f"{path} is the database (or one of its journal files or backups): an export "
                "never writes over it. Choose another file."
            )
        if any(_same_file(target, other) for other in seen):
            raise OutputRefused(f"{path} is named twice: each output needs a file of its own.")
        seen.append(target)


def _belongs_to_database(target: Path, database: Path) -> bool:
    if _same_file(target, database):
        return True
    if target.parent != database.parent:
        return False
    if target.name in {database.name + side for side in _SIDE_FILES}:
        return True
    backup = re.compile(
        rf"^{re.escape(database.stem)}\.[a-z]+\d*-\d{{8}}-\d{{6}}(?:-\d+)?"
        rf"\.bak{re.escape(database.suffix)}({'|'.join(_SIDE_FILES)})?$"
    )
    return bool(backup.match(target.name))


def _same_file(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)  # hard links and other names of one file
    except OSError:
        return False


@contextmanager
def replacing(path: str | Path, mode: str = "w", **options) -> Iterator[IO]:
    """A file object for ``path`` that only takes its place when the block completes: the
    text goes to a temporary file beside it, flushed to disk, then renamed over it."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with open(handle, mode, **options) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _give_mode(temporary, path)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _give_mode(temporary: str, path: Path) -> None:
    """The permissions the file would have had if written in place (mkstemp makes it
    private): the old file's, or the ones the umask leaves a new file."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with suppress(OSError):
        os.chmod(temporary, mode)


def write_bytes(path: str | Path, data: bytes) -> None:
    with replacing(path, "wb") as out:
        out.write(data)


def why_not_written(error: OSError) -> str:
    """An operating system's refusal to write, as a person would put it."""
    name = error.filename or ""
    where = f" ({name})" if name else ""
    if error.errno == errno.ENOSPC or error.errno == getattr(errno, "EDQUOT", -1):
        return f"the disk is full{where}"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied{where}"
    if error.errno == errno.EROFS:
        return f"the disk is read-only{where}"
    if error.errno == errno.ENOENT:
        return error.strerror if error.strerror.startswith("the folder") else f"not found{where}"
    return f"{error.strerror or error}{where}"


def failure(error: BaseException) -> str:
    """Why an export or report was not written, as a person would put it: the output was
    refused, the disk, the database, or (an error of ours) its name and words."""
    from sourcemark.store.failures import store_failure

    if isinstance(error, OutputRefused):
        return str(error)
    if isinstance(error, OSError):
        return why_not_written(error)
    known = store_failure(error)
    if known is not None:
        return str(known)
    return f"{type(error).__name__}: {error}"
