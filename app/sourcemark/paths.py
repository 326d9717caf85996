"""Where Sourcemark keeps its files: the per-user data directory and the bundled resources."""

import os
from pathlib import Path

import platformdirs

from sourcemark import APP_NAME


class DataDirectoryError(Exception):
    """The data directory cannot be made or written; the message is written for the user."""


def data_dir() -> Path:
    """The per-user data directory; ``SOURCEMARK_HOME`` overrides it (tests, portable installs).
    DataDirectoryError when it cannot be made or written."""
    override = os.environ.get("SOURCEMARK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataDirectoryError(_why(path, error.strerror or str(error))) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataDirectoryError(_why(path, "it cannot be written"))
    return path


def _why(path: Path, reason: str) -> str:
    return (
        f"Sourcemark cannot use its data folder {path} ({reason}). Give a database with "
        "--db, or set SOURCEMARK_HOME to a folder you can write."
    )


def resources_dir() -> Path:
    """The bundled resources: inside the installed package, or beside ``app/`` in a checkout."""
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def sample_story_path() -> Path:
    return resources_dir() / "samples" / "bout-houthis.txt"
