"""Where Sourcemark keeps its files: the per-user data directory and the bundled resources."""

import os
from pathlib import Path

import platformdirs

from sourcemark import APP_NAME


def data_dir() -> Path:
    """The per-user data directory; ``SOURCEMARK_HOME`` overrides it (tests, portable installs)."""
    override = os.environ.get("SOURCEMARK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The bundled resources: inside the installed package, or beside ``app/`` in a checkout."""
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def sample_story_path() -> Path:
    return resources_dir() / "samples" / "bout-houthis.txt"
