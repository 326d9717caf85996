"""File > Connect to Database: from the demo file to a shared PostgreSQL server and back,
remembered for the next start without the password, which goes to the keyring."""

from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sourcemark.store.models import Story
from sourcemark.ui.app import remembered_url
from tests.store.test_credentials import memory_keyring  # noqa: F401 (a fixture)
from tests.ui.test_main_window import demo_window


def fill_server(qtbot, dialog, url: str, password: str) -> None:
    parts = urlsplit(url)
    qtbot.mouseClick(dialog.server, Qt.MouseButton.LeftButton)
    for field, text in ((dialog.host, parts.hostname), (dialog.database, parts.path[1:]),
                        (dialog.user, parts.username), (dialog.password, password)):  # fmt: skip
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.port.setValue(parts.port)


def connect(qtbot, dialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_connecting_to_a_server_switches_the_window_and_is_remembered(
    qtbot,
    tmp_path,
    settings,
    pg_server,
    memory_keyring,  # noqa: F811
):
    window = demo_window(qtbot, "sqlite:///" + str(tmp_path / "demo.sqlite"), settings)
    assert window.stories.tree_model.rowCount() == 1
    server = pg_server.empty()
    window.connect_action.trigger()
    dialog = window.database.connect_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.local.isChecked() and dialog.path.text().endswith("demo.sqlite")
    fill_server(qtbot, dialog, server, "desk-secret")
    qtbot.mouseClick(dialog.remember, Qt.MouseButton.LeftButton)
    connect(qtbot, dialog)
    assert window.stack.currentWidget() is window.empty  # the server's new, empty database
    assert urlsplit(server).hostname in window.windowTitle()
    assert Story.select().count() == 0
    remembered = settings.value("database/url")
    assert "desk-secret" not in remembered and remembered.startswith("postgresql://sourcemark@")
    assert list(memory_keyring.passwords.values()) == ["desk-secret"]
    # the next start opens the server again, with the password from the keyring
    assert remembered_url(settings, "sqlite:///default") == remembered.replace(
        "sourcemark@", "sourcemark:desk-secret@"
    )
    # and back to the file
    window.connect_action.trigger()
    dialog = window.database.connect_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.server.isChecked() and dialog.password.text() == "desk-secret"
    qtbot.mouseClick(dialog.local, Qt.MouseButton.LeftButton)
    dialog.path.setText(str(tmp_path / "demo.sqlite"))
    connect(qtbot, dialog)
    assert window.stories.tree_model.rowCount() == 1 and Story.select().count() == 1


def test_a_server_that_cannot_be_reached_leaves_the_current_database_open(
    qtbot, tmp_path, settings, monkeypatch
):
    window = demo_window(qtbot, "sqlite:///" + str(tmp_path / "demo.sqlite"), settings)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window.connect_action.trigger()
    dialog = window.database.connect_dialog
    fill_server(qtbot, dialog, "postgresql://nobody@127.0.0.1:9/none", "x")
    connect(qtbot, dialog)
    assert warnings and "Cannot connect to postgresql://nobody@127.0.0.1:9/none" in warnings[0]
    assert "x@" not in warnings[0]
    assert Story.select().count() == 1 and window.stories.tree_model.rowCount() == 1
    assert settings.value("database/url") is None


def test_without_a_keyring_the_password_is_asked_for_at_start(settings, monkeypatch):
    import keyring
    from keyring.backends import fail
    from PySide6.QtWidgets import QInputDialog

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        settings.setValue("database/url", "postgresql://desk@db.example:5432/sourcemark")
        asked = []
        monkeypatch.setattr(QInputDialog, "getText",
                            lambda *args: (asked.append(args[2]) or "typed", True))  # fmt: skip
        url = remembered_url(settings, "sqlite:///default")
        assert url == "postgresql://desk:typed@db.example:5432/sourcemark"
        assert "desk on db.example/sourcemark" in asked[0]
        monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", False))
        assert remembered_url(settings, "sqlite:///default") == "sqlite:///default"
    finally:
        keyring.set_keyring(before)
