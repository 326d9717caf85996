"""Backups from the window: today's taken on the worker, File > Restore from Backup puts
one in place (keeping the file it replaces), and a damaged database found at start-up is
offered a backup instead."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sourcemark.store import close_database, open_database
from sourcemark.store.backups import backups_of
from sourcemark.store.db import DamagedDatabase, sqlite_path
from sourcemark.store.models import Story
from tests.store.test_backups import damage_schema, digest, titles
from tests.ui.test_review import window_with_claims


def test_todays_backup_and_restoring_it_from_the_file_menu(qtbot, db_url, settings, tmp_path):
    window = window_with_claims(qtbot, db_url, settings)
    path = sqlite_path(db_url)
    with qtbot.waitSignal(window.backup_done, timeout=20_000) as done:
        window.database.start_daily_backup()
    backup = done.args[0]
    assert backup is not None and backup in [b.path for b in backups_of(path)]
    assert "backup" in window.statusBar().currentMessage()
    before = [s.title for s in Story.select()]
    short = tmp_path / "later.txt"
    short.write_text("Harbour Closed\n\nThe harbour was closed, officials said.", encoding="utf-8")
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(short)])
    assert window.stories.tree_model.rowCount() == len(before) + 1
    window.restore_action.trigger()
    dialog = window.database.restore_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.list.count() == 1 and dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stories.tree_model.rowCount() == len(before))
    assert [s.title for s in Story.select()] == before
    aside = next(b.path for b in backups_of(path) if b.label == "replaced")
    assert aside.name in window.database.restored_box.text()
    close_database()
    assert "Harbour Closed" in titles(aside)  # the replaced file, kept whole
    open_database(db_url)


def answer(qtbot, choose) -> None:
    """Once a modal window opens, let ``choose`` answer it (as the user would click)."""

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(50, check)
        else:
            choose(widget)

    QTimer.singleShot(50, check)


def click(text: str):
    def choose(box: QMessageBox) -> None:
        button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
        button.click()

    return choose


def test_a_damaged_database_at_start_is_offered_a_backup(qtbot, db_url, settings):
    from sourcemark.ui.app import _another_database

    path = sqlite_path(db_url)
    window = window_with_claims(qtbot, db_url, settings)
    with qtbot.waitSignal(window.backup_done, timeout=20_000):
        window.database.start_daily_backup()
    stories = [s.title for s in Story.select()]
    window.close()
    close_database()
    damage_schema(path)
    damaged = digest(path)
    try:
        open_database(db_url)
    except DamagedDatabase as error:
        problem = error
    shown = []

    def restore_box(box: QMessageBox) -> None:
        shown.append(box.text())
        answer(qtbot, choose_backup)
        click("Restore from Backup…")(box)

    def choose_backup(dialog: QDialog) -> None:
        assert dialog.list.count() == 1 and dialog.damaged
        answer(qtbot, click("OK"))  # "Restored the backup of …"
        dialog.restore_button.click()

    answer(qtbot, restore_box)
    assert _another_database(problem, db_url) == db_url  # to be opened again
    assert "is damaged" in shown[0]
    open_database(db_url)
    assert [s.title for s in Story.select()] == stories
    aside = next(b.path for b in backups_of(path) if b.label == "damaged")
    assert digest(aside) == damaged


def test_damage_found_by_the_daily_check_is_told_with_the_offer_to_restore(
    qtbot, db_url, settings, monkeypatch
):
    from sourcemark.store import backups

    window = window_with_claims(qtbot, db_url, settings)
    path = sqlite_path(db_url)
    monkeypatch.setattr(backups, "check", lambda _path: "row 7 missing from index claim_x")
    with qtbot.waitSignal(window.backup_done, timeout=20_000) as done:
        window.database.start_daily_backup()
    assert done.args[0] is None and backups_of(path) == []
    box = window.database.backup_box
    qtbot.waitUntil(box.isVisible)
    assert "is damaged (row 7 missing" in box.text() and "Restore" in box.informativeText()
    restore = next(b for b in box.buttons() if b.text().startswith("Restore from Backup"))
    restore.click()
    qtbot.waitUntil(lambda: getattr(window.database, "restore_dialog", None) is not None)
    assert window.database.restore_dialog.damaged


def test_another_failure_of_the_daily_backup_says_no_backup_was_taken(
    qtbot, db_url, settings, monkeypatch
):
    from sourcemark.store import backups

    window = window_with_claims(qtbot, db_url, settings)

    def full_disk(_path, _label):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "take_backup", full_disk)
    with qtbot.waitSignal(window.backup_done, timeout=20_000):
        window.database.start_daily_backup()
    box = window.database.backup_box
    qtbot.waitUntil(box.isVisible)
    assert box.text().startswith("No backup was taken:") and "No space left" in box.text()
    assert not any(b.text().startswith("Restore") for b in box.buttons())
