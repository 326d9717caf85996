"""A newsroom archive (10,000 stories, 12,000 articles, 250,000 claims by default, made by
make_archive.py): how long the window takes to show it, how long the roll-up of every story
takes, and how much memory each needs, each against a floor measured in the same run.

    uv run python tests/benchmarks/bench_scale.py [--stories N] [--keep DIR] [--runs N]

Each measurement is a fresh process. Floors: a bare PySide6 window painted (for opening),
and a raw sqlite3 SELECT of the rows the roll-up reads (for the roll-up). The export is
measured by bench_export.py.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_startup import first_paint

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

ROLLUP = r"""
import json, resource, sqlite3, sys, time
sys.path.insert(0, sys.argv[3])
from sourcemark.store import open_database
from sourcemark.rollups import refresh_scores
from sourcemark.store.repo import mark_stale
path = sys.argv[2]
open_database("sqlite:///" + path)
if sys.argv[1] == "raw":
    started = time.perf_counter()
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT c.id, a.story_id, c.text, c.type, c.stance, c.source_mention, c.source_resolved, "
        "c.premise, o.name, s.reliability, o.reliability FROM claim c "
        "JOIN article a ON a.id = c.article_id LEFT JOIN outlet o ON o.id = a.outlet_id "
        "LEFT JOIN source s ON s.id = c.source_id ORDER BY a.story_id, a.id, c.start"
    ).fetchall()
    links = db.execute("SELECT claim_id, other_id, similarity, status FROM corroboration").fetchall()
    count = len(rows)
else:
    mark_stale()
    started = time.perf_counter()
    count = refresh_scores()
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "count": count, "rss_mb": rss, "helper_mb": helpers}))
"""


def run(code: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=900)  # fmt: skip
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


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
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        path = archive(directory, args.stories)
        url = "sqlite:///" + str(path)
        app = str(ROOT / "app")
        run(ROLLUP, "app", str(path), app)  # upgrades the file if needed, scores every story
        raw = [run(ROLLUP, "raw", str(path), app) for _ in range(args.runs)]
        rolls = [run(ROLLUP, "app", str(path), app) for _ in range(args.runs)]
        bare = [first_paint("bare", url) for _ in range(args.runs)]
        opens = [first_paint("app", url) for _ in range(args.runs)]

    def median(items, key="seconds"):
        return statistics.median(item[key] for item in items)

    print(f"archive: {rolls[0]['count']:,} stories ({path.name})")
    print(
        f"open to first paint: {median(opens):.2f} s, a bare window {median(bare):.2f} s "
        f"({median(opens) / median(bare):.1f}x); peak memory {median(opens, 'rss_mb'):.0f} MB"
    )
    print(f"roll-up of every story: {median(rolls):.2f} s, reading its rows with sqlite3 "
          f"{median(raw):.2f} s ({median(rolls) / median(raw):.1f}x); peak memory "
          f"{median(rolls, 'rss_mb'):.0f} MB, each helper process at most "
          f"{median(rolls, 'helper_mb'):.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
