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


@pytest.fixture
def db_url(tmp_path) -> str:
    return "sqlite:///" + str(tmp_path / "test.sqlite")


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    close_database()


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
