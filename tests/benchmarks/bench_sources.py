"""View ▸ Sources on a big archive: the time from asking for the dialog to its table shown
filled, and to it shown again after a grade, its undo, a merge and its undo, each against a
raw sqlite3 read of the same rows (every source, its names and places, what rests on it)
measured in the same run.

    uv run python tests/benchmarks/bench_sources.py [--db PATH | --stories N] [--runs N]
        [--before REV] [--keep DIR]

--db: a copy of an archive is made and measured (the file given is only read); else an
archive of N stories is made by make_archive.py (10,000 by default: 250,000 claims, 40,226
sources: its unnamed descriptions are one source per outlet and story, as the app keeps
them).
--before REV (a git revision): the same steps with that revision's code too, in turns.
Each run is a fresh process, off screen; the figures are medians.
"""

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from bench_scale import ROLLUP, archive, code_of, run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

DIALOG = r"""
import json, sqlite3, sys, time
sys.path.insert(0, sys.argv[3])
path = sys.argv[2]
if sys.argv[1] == "raw":  # the rows the dialog shows, read with nothing else
    started = time.perf_counter()
    db = sqlite3.connect(path)
    counts = db.execute(
        "SELECT claim.source_id, COUNT(*), COUNT(DISTINCT article.story_id), "
        "COUNT(DISTINCT article.outlet_id) FROM claim JOIN article ON article.id = "
        "claim.article_id JOIN story ON story.id = article.story_id WHERE "
        "claim.source_id IS NOT NULL AND story.trashed IS NULL GROUP BY claim.source_id"
    ).fetchall()
    aliases = db.execute("SELECT source_id, alias, story_id, outlet_id FROM source_alias").fetchall()
    sources = db.execute("SELECT id, name, type, reliability FROM source").fetchall()
    titles = db.execute("SELECT id, title FROM story").fetchall()
    outlets = db.execute("SELECT id, name FROM outlet").fetchall()
    print(json.dumps({"open": time.perf_counter() - started, "rows": len(sources)}))
    raise SystemExit
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from sourcemark.store import open_database
from sourcemark.ui.app import make_application
app = make_application()
open_database("sqlite:///" + path)
from sourcemark.ui.dialogs.sources import SourcesDialog
stack = QUndoStack()

def timed(step):
    started = time.perf_counter()
    step()
    app.processEvents()  # the table lays out and paints
    return time.perf_counter() - started

dialog = None
def show():
    global dialog
    dialog = SourcesDialog(stack)
    dialog.show()
    dialog.repaint()

results = {"open": timed(show), "rows": dialog.proxy.rowCount()}
results["reopen"] = timed(lambda: (dialog.reload(), dialog.repaint()))
grade = dialog.proxy.index(0, dialog.GRADE)  # the source most claims rest on
letter = "B" if grade.data(Qt.ItemDataRole.EditRole) != "B" else "C"
results["grade"] = timed(lambda: dialog.proxy.setData(grade, letter, Qt.ItemDataRole.EditRole))
results["grade_undo"] = timed(stack.undo)
last = dialog.proxy.rowCount() - 1  # two sources few claims rest on
flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
for row in (last - 1, last):
    dialog.table.selectionModel().select(dialog.proxy.index(row, 0), flags)
results["merge"] = timed(dialog.merge_selected)
results["merged_rows"] = dialog.proxy.rowCount()
results["merge_undo"] = timed(stack.undo)
from sourcemark.store.rollups import refresh_scores
refresh_scores()  # the archive left scored, as the next process (either code) finds it
print(json.dumps(results))
"""

STEPS = ("open", "reopen", "grade", "grade_undo", "merge", "merge_undo")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an archive to copy and measure")
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", help="a git revision to measure in turns with today's")
    parser.add_argument("--keep", type=Path, help="a directory for the archive, kept")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        if args.db:
            path = directory / f"sources-{args.db.name}"
            source = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
            with sqlite3.connect(path) as copy:
                source.backup(copy)
            source.close()
        else:
            path = archive(directory, args.stories)
        app = str(ROOT / "app")
        run(ROLLUP, "app", str(path), app)  # upgrades the file if needed, scores every story
        # (the dialog's first write in each process checks the file: part of "grade")
        codes = {"today": app}
        if args.before:
            codes["before"] = code_of(args.before, Path(scratch))
        raws, results = [], {name: [] for name in codes}
        for _ in range(args.runs):
            raws.append(run(DIALOG, "raw", str(path), app)["open"])
            for name, code in codes.items():
                results[name].append(run(DIALOG, "dialog", str(path), code))
    raw = statistics.median(raws)
    print(f"raw sqlite3 read of the rows: {raw * 1000:.0f} ms (median of {args.runs})")
    for name, runs in results.items():
        print(f"{name}: {runs[0]['rows']} sources (code {codes[name]})")
        for step in STEPS:
            seconds = [r[step] for r in runs]
            median = statistics.median(seconds)
            print(f"  {step:10} {median * 1000:6.0f} ms (runs {min(seconds) * 1000:.0f} to "
                  f"{max(seconds) * 1000:.0f}), {median / raw:.1f}x the raw read")  # fmt: skip
        opened = statistics.median(r["open"] for r in runs)
        print(f"ratio {name} dialog shown / raw read: median {opened / raw:.1f}x")
    if "before" in results:
        shutil.rmtree(Path(codes["before"]).parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
