"""Startup: time from a fresh process to the first paint of the main window on the demo database,
as a ratio against a bare PySide6 window painted in the same run.

Run: uv run python tests/benchmarks/bench_startup.py [--runs N]
Each measurement is a new Python process (imports included); the median of N runs is reported.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

FIRST_PAINT = r"""
import json, os, resource, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:  # the clock started when the parent spawned us
            seconds = time.time() - float(sys.argv[3])
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps({"seconds": seconds, "rss_mb": rss}), flush=True)
            os._exit(0)
        return False

if sys.argv[1] == "bare":
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
else:
    from sourcemark.store import open_database
    from sourcemark.ui.app import make_application
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


def installed_env() -> dict:
    """The environment of a benchmark's process: off screen, and with its modules compiled
    once and kept, as an installed app has them (some sandboxes set
    PYTHONDONTWRITEBYTECODE, so that each start compiles every module again: 0.4 s more
    for each process)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def first_paint(kind: str, url: str) -> dict:
    """A fresh process showing a bare window ("bare") or Sourcemark's on ``url`` ("app"):
    seconds from its start to the first paint, and its peak memory (MB)."""
    env = installed_env()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "app")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, kind, url, repr(time.time())],
                          capture_output=True, text=True, env=env, timeout=300)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(kind: str, url: str) -> float:
    return first_paint(kind, url)["seconds"]


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
