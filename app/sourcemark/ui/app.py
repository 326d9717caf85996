"""Starting the window: the QApplication, settings, the database, the screenshot mode."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from sourcemark import APP_NAME, __version__
from sourcemark.paths import resources_dir
from sourcemark.store import StoreError, open_database
from sourcemark.store.credentials import with_password
from sourcemark.store.db import needs_upgrade
from sourcemark.ui.main_window import MainWindow
from sourcemark.ui.palette import apply_theme

SCREENSHOT_SIZE = (1400, 900)
DESKTOP_ID = "org.sourcemark.Sourcemark"  # the desktop entry's name, for the window icon


def make_application(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "sourcemark.svg")))
    return app


class FileOpener(QObject):
    """Files the system asks the running app to open (macOS FileOpen events) are imported."""

    def __init__(self, window: MainWindow, parent=None):
        super().__init__(parent)
        self.window = window

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            self.window.imports.start_import([event.file() or event.url().toString()])
            return True
        return False


def render_screenshot(
    window: MainWindow, path: str | Path, size: tuple[int, int] | None = None
) -> Path:
    """Lay the window out at ``size`` (else the screenshot size), paint it and save it as a
    PNG."""
    window.resize(*(size or SCREENSHOT_SIZE))
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def remembered_url(settings: QSettings, default: str) -> str:
    """The database chosen with File > Connect last time (else ``default``), with its password
    from the keyring or asked for; the default if the user cancels the question."""
    from sourcemark.store.credentials import is_server, saved_password, split_password
    from sourcemark.ui.dialogs.connect import ask_password

    address = str(settings.value("database/url", "") or "")
    if not address:
        return default
    if is_server(address) and split_password(address)[1] is None:
        password = saved_password(address)
        if password is None:
            password = ask_password(None, address)
            if password is None:
                return default
        return with_password(address, password)
    return address


def run_gui(
    url: str,
    screenshot: str | None = None,
    demo: bool = False,
    theme: str | None = None,
    chosen: bool = True,
    items: list[str] | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """The window on the database at ``url``; when the user did not choose one (``chosen``:
    --db, SOURCEMARK_DB or --demo), the one they connected to last time."""
    started = time.perf_counter()
    app = make_application()
    settings = QSettings()
    if not chosen and not screenshot:
        url = remembered_url(settings, url)
    apply_theme(app, theme or str(settings.value("view/theme", "system")))
    while True:
        try:
            if not screenshot and needs_upgrade(url):
                open_with_progress(url)
            else:
                open_database(url)
            window = _first_window(url, settings)
            break
        except StoreError as error:
            if screenshot:
                print(f"sourcemark: {error}", file=sys.stderr)
                return 2
            url = _another_database(error, url)
            if url is None:
                return 2
    if screenshot:
        render_screenshot(window, screenshot, size)
        print(f"screenshot written to {screenshot}")
        return 0
    from sourcemark.ui.errors import ErrorReporter

    reporter = ErrorReporter(window)  # unexpected errors: logged, shown once, the app goes on
    reporter.install()
    window.show()
    start_work(window, items or [], demo, theme)
    opener = FileOpener(window, app)  # macOS hands over files opened in the Finder this way
    app.installEventFilter(opener)
    QTimer.singleShot(
        0, lambda: window.setProperty("startup_seconds", time.perf_counter() - started)
    )
    try:
        return app.exec()
    finally:
        reporter.uninstall()


def start_work(window: MainWindow, items: list, demo: bool, theme: str | None = None) -> None:
    """What the window does once it is up: show the theme given for this run in the menu
    (not the remembered one), import what it was given, and take today's backup (not of a
    demo database: it is made anew on every start)."""
    if theme:
        window.theme_actions[theme].setChecked(True)
    if not demo:
        QTimer.singleShot(1500, window.database.start_daily_backup)
    if items:
        QTimer.singleShot(0, lambda: window.imports.start_import(list(items)))
    if demo:
        window.statusBar().showMessage("Demo database with the sample story", 8000)


def _first_window(url: str, settings: QSettings) -> MainWindow:
    """The window on the database opened; damage its first reads meet (pages the opening
    checks did not read) is a StoreError, so that start-up offers the backups."""
    from sourcemark.store import close_database
    from sourcemark.store.failures import store_failure

    try:
        return MainWindow(url, settings)
    except Exception as error:
        known = store_failure(error)
        if known is None:
            raise
        close_database()
        raise known from error


def tell(message: str) -> None:
    """A message before any window could open (the data folder cannot be used, ...)."""
    make_application()
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()


def open_with_progress(url: str, parent=None) -> None:
    """Open a database whose schema must be upgraded first, on a thread, with a window that
    says what is happening (indexing a large archive takes minutes). Raises StoreError."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(
        "Upgrading the database for this version of Sourcemark.\n"
        "This happens once; a large archive takes a few minutes.",
        "",
        0,
        0,
        parent,
    )
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)  # a half-done upgrade is rolled back; stopping it is no use
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    outcome: list = []

    def work() -> None:
        try:
            open_database(url, timeout=600)
        except Exception as error:  # handed to the caller on the main thread
            outcome.append(error)

    thread = threading.Thread(target=work, name="upgrade", daemon=True)
    thread.start()
    while thread.is_alive():
        QApplication.processEvents()
        thread.join(0.05)
    dialog.close()
    if outcome:
        error = outcome[0]
        raise error if isinstance(error, StoreError) else StoreError(str(error))


def _another_database(error: StoreError, url: str) -> str | None:
    """The database could not be opened: offer to restore one of its backups (then try it
    again) or to connect to another. The URL to try next, or None to give up."""
    from sourcemark.store.backups import backups_of
    from sourcemark.store.db import DamagedDatabase, resolve_url, sqlite_path
    from sourcemark.ui.dialogs.connect import ConnectDialog
    from sourcemark.ui.dialogs.restore import RestoreDialog, restore_chosen

    box = QMessageBox(
        QMessageBox.Icon.Critical, f"{APP_NAME}: cannot open the database", str(error)
    )
    path = sqlite_path(resolve_url(url))
    restore = None
    if path is not None and backups_of(path):
        restore = box.addButton("Restore from Backup…", QMessageBox.ButtonRole.AcceptRole)
        box.setInformativeText("A backup can be put in its place; this file will be kept.")
    other = box.addButton("Connect to Another…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        dialog = RestoreDialog(path, damaged=isinstance(error, DamagedDatabase))
        if dialog.exec() == RestoreDialog.DialogCode.Accepted:
            message = restore_chosen(dialog, None)
            if message:
                QMessageBox.information(None, APP_NAME, message)
        return url  # try it again (or offer the choice again)
    if box.clickedButton() is not other:
        return None
    dialog = ConnectDialog(url)
    if dialog.exec() != ConnectDialog.DialogCode.Accepted:
        return None
    QSettings().setValue("database/url", dialog.address())
    return dialog.url()
