"""Sourcemark: find every claim in a news story and what it rests on."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sourcemark")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "Sourcemark"
