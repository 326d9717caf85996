"""Startup: time from a fresh process to the first paint of the main window on the demo database,
as a ratio against a bare PySide6 window painted in the same run.

Run: uv run python tests/benchmarks/bench_startup.py [--runs N]
Each measurement is a new Python process (imports included); the median of N runs is reported.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import os, sys
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            os._exit(0)  # the parent's clock stops when the process ends
        return False

if sys.argv[1] == "bare":
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
else:
    from sourcemark.ui.app import make_application
    from sourcemark.store import open_database
    from sourcemark.ui.main_window import MainWindow
    app = make_application()
    open_database(sys.argv[2])
    window = MainWindow(sys.argv[2])
window.resize(1400, 900)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
window.repaint()
app.exec()
"""


def measure(kind: str, url: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind, url],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["SOURCEMARK_HOME"] = home
        from sourcemark.demo import open_demo
        from sourcemark.store import close_database

        url = open_demo("sqlite:///" + os.path.join(home, "demo.sqlite"))
        close_database()
        measure("bare", url)  # warm the file cache once
        bare = statistics.median(measure("bare", url) for _ in range(args.runs))
        app = statistics.median(measure("app", url) for _ in range(args.runs))
    print(f"bare PySide6 window, first paint: {bare * 1000:.0f} ms (median of {args.runs})")
    print(f"Sourcemark demo window, first paint: {app * 1000:.0f} ms (median of {args.runs})")
    print(f"ratio: {app / bare:.2f}x")


if __name__ == "__main__":
    main()
