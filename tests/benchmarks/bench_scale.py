"""A newsroom archive (10,000 stories, 12,000 articles, 250,000 claims by default, made by
make_archive.py): how long the window takes to show it, how long the roll-up of every story
takes, and how much memory each needs, each against a floor measured in the same run.

    uv run python tests/benchmarks/bench_scale.py [--stories N] [--keep DIR] [--runs N]
        [--before REV]

With --before REV (a git revision, e.g. the commit before a change to scoring), the roll-up
is also timed with the code of that revision, in turns with today's, on a copy of the same
archive (its schema version set to the one that code knows: the tables it reads are the
same), and the ratio printed: a change's cost measured in one run.

Each measurement is a fresh process. Floors: a bare PySide6 window painted (for opening),
and a raw sqlite3 SELECT of the rows the roll-up reads (for the roll-up). The export is
measured by bench_export.py.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_startup import first_paint, installed_env

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

ROLLUP = r"""
import json, resource, sqlite3, sys, time
sys.path.insert(0, sys.argv[3])
from sourcemark.store import open_database
from sourcemark.store.rollups import refresh_scores
from sourcemark.store.stale import mark_stale
path = sys.argv[2]
open_database("sqlite:///" + path)
if sys.argv[1] == "raw":
    started = time.perf_counter()
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT c.id, a.story_id, c.text, c.type, c.stance, c.source_mention, c.source_resolved, "
        "c.premise, o.name, s.reliability, o.reliability, c.code, c.flags, c.also_reported "
        "FROM claim c JOIN article a ON a.id = c.article_id LEFT JOIN outlet o ON o.id = a.outlet_id "
        "LEFT JOIN source s ON s.id = c.source_id ORDER BY a.story_id, a.id, c.start"
    ).fetchall()
    links = db.execute("SELECT claim_id, other_id, similarity, status FROM corroboration").fetchall()
    count = len(rows)
else:
    if sys.argv[1] == "changed":  # a change of settings that moves every claim's letter
        from sourcemark.scoring.codes import DEFAULT_LETTERS
        from sourcemark.store.edits import save_settings
        from sourcemark.store.settings import load_settings
        settings = load_settings()
        moved = settings.letters == DEFAULT_LETTERS
        settings.letters = {type_: "E" for type_ in DEFAULT_LETTERS} if moved else dict(DEFAULT_LETTERS)
        save_settings(settings)
    mark_stale()
    started = time.perf_counter()
    count = refresh_scores()
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "count": count, "rss_mb": rss, "helper_mb": helpers}))
"""


# the claims table in All stories: each step timed where the user waits for it (the table
# shows its first page); the same page read with a raw sqlite3 query is the floor
TABLE = r"""
import json, resource, sqlite3, sys, time
sys.path.insert(0, sys.argv[3])
from PySide6.QtCore import QSettings
from sourcemark.store import open_database
from sourcemark.store.browse import ROW_SQL
from sourcemark.ui.app import make_application
from sourcemark.ui.main_window import MainWindow
url = "sqlite:///" + sys.argv[2]
app = make_application()
open_database(url)
window = MainWindow(url, QSettings(sys.argv[4], QSettings.Format.IniFormat))
window.resize(1400, 900)
window.show()
app.processEvents()
raw = sqlite3.connect(sys.argv[2])

def timed(step):
    started = time.perf_counter()
    step()
    app.processEvents()  # the view lays out and paints the page
    return time.perf_counter() - started

def floor(where="", params=()):
    order = "ORDER BY c.article_id, c.start, c.id"
    sql = (f"{ROW_SQL} WHERE c.id IN (SELECT c.id FROM claim c{where} {order} LIMIT 200) {order}"
           if where else f"{ROW_SQL} {order} LIMIT 200")  # as browse.claim_page reads a page
    started = time.perf_counter()
    raw.execute(sql, params).fetchall()
    return time.perf_counter() - started

def wait_for_count():
    started = time.perf_counter()
    while window.claims.match_count.text() in {"", "Counting…"}:
        app.processEvents()
        time.sleep(0.002)
    return time.perf_counter() - started

def choose(button, *values):
    return lambda: button.set_checked(values)

def search(text):
    return lambda: window.claims.search.setText(text)

results = {"open": timed(lambda: window.claims.all_stories.setChecked(True)), "open_floor": floor()}
results["open_count"] = wait_for_count()
steps = [
    ("type", choose(window.claims.type_filter, "anonymous_official", "anonymous_source"),
     " WHERE c.type IN ('anonymous_official', 'anonymous_source')"),
    ("stance", choose(window.claims.stance_filter, "denies"),
     " WHERE c.type IN ('anonymous_official', 'anonymous_source') AND c.stance = 'denies'"),
    ("reset", lambda: (window.claims.type_filter.set_checked(()),
                       window.claims.stance_filter.set_checked(())), ""),
    ("flag", choose(window.claims.flag_filter, "contested"),
     " WHERE ('; ' || c.flags || '; ') LIKE '%; contested; %'"),
    ("no flag", lambda: window.claims.flag_filter.set_checked(()), ""),
    ("search common", search("officials"), " WHERE +c.id IN (SELECT rowid FROM claim_search "
     "WHERE claim_search MATCH '\"officials\"*')"),
    ("search rare", search("zzqx"), " WHERE +c.id IN (SELECT rowid FROM claim_search "
     "WHERE claim_search MATCH '\"zzqx\"*')"),
    ("search letter", search("w"), " WHERE +c.id IN (SELECT rowid FROM claim_search "
     "WHERE claim_search MATCH '\"w\"*')"),
    ("search cleared", lambda: window.claims.search.clear(), ""),
]
for name, step, where in steps:
    results[name] = timed(step)
    results[name + "_floor"] = floor(where)
    results[name + "_count"] = wait_for_count()
model = window.claims.model
started = time.perf_counter()
for _ in range(50):  # a user scrolling through 10,000 claims
    window.claims.table.scrollToBottom()
    app.processEvents()
results["scroll_page"] = (time.perf_counter() - started) / 50
results["rows_read"] = model.rowCount()
results["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(results))
"""


def run(code: str, *args: str) -> dict:
    env = installed_env()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=900)  # fmt: skip
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def code_of(revision: str, directory: Path) -> str:
    """The app directory of a git revision, unpacked under ``directory``."""
    target = directory / f"code-{revision}"
    if not target.exists():
        target.mkdir(parents=True)
        tar = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "app"],
                             check=True, capture_output=True).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(target)], input=tar, check=True)
    return str(target / "app")


def copy_for(path: Path, app: str, directory: Path) -> Path:
    """A copy of the archive that the code in ``app`` opens: its schema version set to that
    code's (newer columns and tables it does not read are left as they are)."""
    import shutil
    import sqlite3

    version = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "from sourcemark.store.migrations import SCHEMA_VERSION; print(SCHEMA_VERSION)", app],
        check=True, capture_output=True, text=True, env=installed_env(),
    ).stdout.strip()  # fmt: skip
    copy = directory / f"before-{path.name}"
    shutil.copy(path, copy)
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE sourcemark_meta SET value = ? WHERE key = 'schema_version'", [version])
    db.close()
    return copy


def archive(directory: Path, stories: int) -> Path:
    path = directory / f"archive-{stories * 25}.sqlite"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_archive.py"), str(path),
                        "--stories", str(stories)], check=True)  # fmt: skip
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the archive here")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["table", "rollup"], help="measure this alone")
    parser.add_argument("--before", help="a git revision whose roll-up to time too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        path = archive(directory, args.stories)
        url = "sqlite:///" + str(path)
        app = str(ROOT / "app")
        run(ROLLUP, "app", str(path), app)  # upgrades the file if needed, scores every story
        ini = str(directory / "bench-settings.ini")
        if args.only in (None, "table"):
            tables = [run(TABLE, "table", str(path), app, ini) for _ in range(args.runs)]
        if args.only in (None, "rollup"):
            raw, rolls, changed, befores = [], [], [], []
            if args.before:
                old_app = code_of(args.before, Path(scratch))
                old_copy = copy_for(path, old_app, Path(scratch))
                run(ROLLUP, "app", str(old_copy), old_app)  # its grades stored once
            for _ in range(args.runs):  # in turns, so that the machine's moods fall on each
                raw.append(run(ROLLUP, "raw", str(path), app))
                rolls.append(run(ROLLUP, "app", str(path), app))
                if args.before:
                    befores.append(run(ROLLUP, "app", str(old_copy), old_app))
                changed.append(run(ROLLUP, "changed", str(path), app))
            if args.runs % 2:
                run(ROLLUP, "changed", str(path), app)  # the default letters back
        if args.only is None:
            bare = [first_paint("bare", url) for _ in range(args.runs)]
            opens = [first_paint("app", url) for _ in range(args.runs)]

    def median(items, key="seconds"):
        return statistics.median(item[key] for item in items)

    print(f"archive: {path.name}")
    if args.only is None:
        print(
            f"open to first paint: {median(opens):.2f} s, a bare window {median(bare):.2f} s "
            f"({median(opens) / median(bare):.1f}x); peak memory {median(opens, 'rss_mb'):.0f} MB"
        )
    if args.only in (None, "rollup"):
        print(f"roll-up of every story ({rolls[0]['count']:,}): {median(rolls):.2f} s, reading "
              f"its rows with sqlite3 {median(raw):.2f} s ({median(rolls) / median(raw):.1f}x); "
              f"peak memory {median(rolls, 'rss_mb'):.0f} MB, each helper process at most "
              f"{median(rolls, 'helper_mb'):.0f} MB")  # fmt: skip
        print(f"  the same when every claim's grade changes (each claim written): "
              f"{median(changed):.2f} s ({median(changed) / median(raw):.1f}x)")  # fmt: skip
        if befores:
            ratios = [r["seconds"] / b["seconds"] for r, b in zip(rolls, befores, strict=True)]
            print(f"  the roll-up with the code of {args.before}: {median(befores):.2f} s; "
                  f"today's takes {statistics.median(ratios):.2f}x that "
                  f"(runs: {', '.join(f'{r:.2f}' for r in ratios)})")  # fmt: skip
    if args.only == "rollup":
        return 0
    print("All stories (first page shown; the count follows from the worker), against the same "
          "page read with sqlite3:")  # fmt: skip
    for name in ("open", "type", "stance", "reset", "flag", "no flag", "search common",
                 "search rare", "search letter", "search cleared"):  # fmt: skip
        took, least = median(tables, name), median(tables, name + "_floor")
        print(f"  {name:15} {took * 1000:6.0f} ms (sqlite3 {least * 1000:5.0f} ms, "
              f"{took / least:4.1f}x); counted after {median(tables, name + '_count') * 1000:4.0f} ms")  # fmt: skip
    print(
        f"  scrolling: {median(tables, 'scroll_page') * 1000:.0f} ms a page of "
        f"{tables[0]['rows_read'] // 51} rows; peak memory after reading "
        f"{tables[0]['rows_read']:,} rows {median(tables, 'rss_mb'):.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
