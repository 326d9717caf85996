"""Exporting every claim to CSV: speed against a raw SQLite SELECT written with
csv.writer, and memory as the archive grows (it must stay flat).

    uv run python tests/benchmarks/bench_export.py [--claims 100000] [--keep DIR]

Two archives are made with make_archive.py, a quarter of the size and the full size (or
reused from --keep DIR). Each export runs in a fresh process, which reports its time and
how far its peak memory (ru_maxrss) rose above what it held once the app was loaded: a
streaming export rises by the same amount at both sizes.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

CHILD = r"""
import csv, json, resource, sqlite3, sys, time
sys.path.insert(0, sys.argv[3])
from sourcemark.export import export_csv
from sourcemark.store import open_database
import sourcemark.rollups, sourcemark.scoring.rollup  # the app, loaded before measuring
path, which, out = sys.argv[1], sys.argv[2], sys.argv[4]
open_database("sqlite:///" + path)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
if which == "raw":
    db = sqlite3.connect(path)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        rows = 0
        for row in db.execute(
            "SELECT c.id, a.story_id, s.title, c.article_id, a.title, o.name, a.published, "
            "c.source_mention, c.source_resolved, c.type, c.stance, c.reviewed, c.origin, "
            'c.note, c.text, c.start, c."end" FROM claim c JOIN article a ON a.id = c.article_id '
            "JOIN story s ON s.id = a.story_id LEFT JOIN outlet o ON o.id = a.outlet_id "
            "ORDER BY a.story_id, a.id, c.start"
        ):
            writer.writerow(row)
            rows += 1
else:
    _stories, rows = export_csv(None, out)
seconds = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": rows, "seconds": seconds, "rise_mb": (after - before) / 1024}))
"""


def archive(directory: Path, claims: int) -> Path:
    path = directory / f"archive-{claims}.sqlite"
    if not path.exists():
        stories = max(1, claims // 25)
        subprocess.run([sys.executable, str(HERE / "make_archive.py"), str(path),
                        "--stories", str(stories), "--claims", str(claims)], check=True)  # fmt: skip
    return path


PREPARE = r"""
import sys
sys.path.insert(0, sys.argv[2])
from sourcemark.store import open_database
from sourcemark.rollups import refresh_scores
if __name__ == "__main__":
    open_database("sqlite:///" + sys.argv[1], timeout=600)  # upgrades an older archive
    refresh_scores()  # the roll-ups (and claims' grades) an export reads, brought up to date
"""


def prepare(path: Path) -> None:
    subprocess.run([sys.executable, "-c", PREPARE, str(path), str(ROOT / "app")], check=True)


def measure(path: Path, which: str) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        out = str(Path(scratch) / "claims.csv")
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), which, str(ROOT / "app"), out],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sizes", type=int, default=2, help="archives of claims/4, claims, 4x..")
    parser.add_argument("--keep", type=Path, help="make (or reuse) the archives here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        rises = []
        for claims in [args.claims * 4**k // 4 for k in range(args.sizes)]:
            path = archive(directory, claims)
            prepare(path)
            raw, app = measure(path, "raw"), measure(path, "app")
            rises.append(app["rise_mb"])
            print(
                f"{app['rows']:>8,} claims: export {app['rows'] / app['seconds']:>9,.0f} rows/s "
                f"({app['seconds']:.1f} s), raw SELECT + csv.writer "
                f"{raw['rows'] / raw['seconds']:>9,.0f} rows/s; export takes "
                f"{app['seconds'] / raw['seconds']:.1f}x the raw time; memory rose "
                f"{app['rise_mb']:.0f} MB (raw {raw['rise_mb']:.0f} MB)"
            )
        print("memory rise, each size against the smallest: "
              + ", ".join(f"{rise / max(rises[0], 1):.2f}x" for rise in rises))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
