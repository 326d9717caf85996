"""The window on a database that cannot be written: damaged pages found at the first edit
(said once, with the offer to restore a backup), and a read-only file (browsed, edits
refused with the reason)."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sourcemark.demo import open_demo
from sourcemark.store import close_database, open_database
from sourcemark.store.db import sqlite_path
from sourcemark.store.models import Claim
from tests.disks import make_read_only, small_disk
from tests.store.test_backups import digest
from tests.ui.test_main_window import make_window
from tests.ui.test_review import key, select_rows


def damage_the_word_index(path) -> None:
    """Garbage in the pages of the claims' word index, which browsing never reads: the
    window opens and shows everything; SQLite's check finds the damage."""
    connection = sqlite3.connect(path)
    pages = [row[0] for row in connection.execute(
        "SELECT pageno FROM dbstat WHERE name = 'claim_word' AND pagetype = 'leaf'")]  # fmt: skip
    connection.close()
    assert pages, "the word index has pages of its own"
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * 4096 + 8)
            handle.write(b"\xff" * 200)


def shown_box(window) -> QMessageBox:
    box = window.database.problem_box
    assert box is not None and box.isVisible()
    return box


def test_a_damaged_database_is_not_written_and_said_once_with_the_offer_to_restore(
    qtbot, tmp_path, settings
):
    url = open_demo("sqlite:///" + str(tmp_path / "news.sqlite"))
    path = sqlite_path(url)
    close_database()
    damage_the_word_index(path)
    before = digest(path)
    open_database(url)  # as the app opens it at start
    window = make_window(qtbot, url, settings)  # its first write: the demo's scores
    box = shown_box(window)
    assert "damaged" in box.text()
    assert "Restore from Backup…" in [b.text() for b in box.buttons()]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    (claim_id,) = select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_Space)  # an edit: the status bar says why, no second box
    assert not Claim.get_by_id(claim_id).reviewed and window.undo_stack.count() == 0
    with qtbot.waitSignal(window.backup_done, timeout=20_000):
        window.database.start_daily_backup()  # its check finds the damage too: told already
    assert getattr(window.database, "backup_box", None) is None
    assert "damaged" in window.statusBar().currentMessage()
    assert not window.database.problem_box.isVisible()
    assert "damaged" in window.statusBar().currentMessage()
    close_database()
    assert digest(path) == before


def test_a_read_only_database_is_browsed_and_edits_say_why(qtbot, tmp_path, settings):
    with small_disk(tmp_path / "disk", "4m") as disk:
        url = open_demo("sqlite:///" + str(disk / "news.sqlite"))
        close_database()
        make_read_only(disk)
        open_database(url)
        window = make_window(qtbot, url, settings)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert "(read-only)" in window.windowTitle() and "read-only" in window.db_label.text()
        assert window.claims.model.rowCount() > 10
        # what would change it is greyed from the actions table; reading and output are not
        for name in ("import", "paste", "sample", "merge", "reanalyze", "model_settings"):
            assert not getattr(window, f"{name}_action").isEnabled(), name
        for name in ("export", "report", "sources", "find", "corroboration"):
            assert getattr(window, f"{name}_action").isEnabled(), name
        (claim_id,) = select_rows(qtbot, window, 0)
        key(qtbot, window, Qt.Key.Key_Space)
        box = shown_box(window)
        assert "read-only" in box.text()
        assert not Claim.get_by_id(claim_id).reviewed
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        assert not box.isVisible()
        window.close()
        close_database()


def close_the_warning(seen: list[str]) -> None:
    """Once a warning opens (it may run its own event loop), note its text and close it
    with Escape, as a user would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Warning:
            seen.append(box.text())
            QTest.keyClick(box, Qt.Key.Key_Escape)
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)


def test_an_export_to_a_full_disk_says_so_and_leaves_the_old_files(
    qtbot, db_url, settings, tmp_path
):
    from tests.disks import fill
    from tests.ui.test_main_window import demo_window

    window = demo_window(qtbot, db_url, settings)
    with small_disk(tmp_path / "disk", "256k") as disk:
        old = disk / "news-claims.csv"
        old.write_text("the old export\n")
        fill(disk)
        window.export_action.trigger()
        dialog = window.output.export_dialog
        dialog.folder.setText(str(disk))
        dialog.name.setText("news")
        dialog.accept()
        dialog.replace_box.button(dialog.replace_box.StandardButton.Yes).click()
        seen: list[str] = []
        close_the_warning(seen)
        qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
        assert "the disk is full" in seen[0] and "Error" not in seen[0]
        assert old.read_text() == "the old export\n"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "news-claims.csv"]


def test_a_report_into_a_missing_folder_says_so(qtbot, db_url, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.test_main_window import demo_window

    window = demo_window(qtbot, db_url, settings)
    target = str(tmp_path / "gone" / "report.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target, "PDF"))
    seen: list[str] = []
    close_the_warning(seen)
    window.report_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "was not written" in seen[0] and "does not exist" in seen[0]
    assert not (tmp_path / "gone").exists()


def test_damage_the_window_meets_first_is_offered_the_backups_at_start(qtbot, tmp_path, settings):
    import pytest

    from sourcemark.store.db import DamagedDatabase
    from sourcemark.ui.app import _first_window

    url = open_demo("sqlite:///" + str(tmp_path / "news.sqlite"))
    path = sqlite_path(url)
    close_database()
    connection = sqlite3.connect(path)
    (story_page,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'story'")
    connection.close()
    with path.open("r+b") as handle:  # the story list's own page: opening does not read it
        handle.seek((story_page[0] - 1) * 4096)
        handle.write(b"\xff" * 4096)
    open_database(url)
    with pytest.raises(DamagedDatabase, match="is damaged"):  # start-up's offer follows
        _first_window(url, settings)


def test_a_background_roll_up_that_fails_says_so_in_the_window(qtbot, tmp_path, settings):
    with small_disk(tmp_path / "disk", "8m") as disk:
        url = open_demo("sqlite:///" + str(disk / "news.sqlite"))
        close_database()
        connection = sqlite3.connect(sqlite_path(url))
        with connection:  # more stale stories than the window scores itself
            connection.executemany(
                "INSERT INTO story (title, created, updated) VALUES (?, '2026-01-01', "
                "'2026-01-01')",
                [(f"Story {n}",) for n in range(400)],
            )
        connection.close()
        make_read_only(disk)
        open_database(url)
        window = make_window(qtbot, url, settings)
        qtbot.waitUntil(lambda: window.scoring.task is None, timeout=30_000)
        message = window.statusBar().currentMessage()
        assert "scores could not be brought up to date" in message and "read-only" in message
        window.close()
        close_database()
