"""Starting the window: the QApplication, settings, the database, the screenshot mode."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sourcemark import APP_NAME, __version__
from sourcemark.store import StoreError, open_database
from sourcemark.ui.main_window import MainWindow
from sourcemark.ui.palette import apply_theme

SCREENSHOT_SIZE = (1400, 900)


def make_application(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setDesktopFileName("sourcemark")
    return app


def render_screenshot(window: MainWindow, path: str | Path) -> Path:
    """Lay the window out at the screenshot size, paint it and save it as a PNG."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def run_gui(
    url: str, screenshot: str | None = None, demo: bool = False, theme: str | None = None
) -> int:
    started = time.perf_counter()
    app = make_application()
    try:
        open_database(url)
    except StoreError as error:
        if screenshot:
            print(f"sourcemark: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, f"{APP_NAME}: cannot open the database", str(error))
        return 2
    settings = QSettings()
    apply_theme(app, theme or str(settings.value("view/theme", "system")))
    window = MainWindow(url, settings)
    if screenshot:
        render_screenshot(window, screenshot)
        print(f"screenshot written to {screenshot}")
        return 0
    window.show()
    if demo:
        window.statusBar().showMessage("Demo database with the sample story", 8000)
    QTimer.singleShot(
        0, lambda: window.setProperty("startup_seconds", time.perf_counter() - started)
    )
    return app.exec()
