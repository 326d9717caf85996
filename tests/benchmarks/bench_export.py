"""Exporting every story and claim to CSV and to an Excel workbook: speed against a raw
SQLite SELECT of the same rows written with csv.writer, and memory as the archive grows (it
must stay flat; the workbook's peak under 300 MB on the 250,000-claim archive).

    uv run python tests/benchmarks/bench_export.py [--claims 100000] [--rounds N] [--keep DIR]

Two archives are made with make_archive.py, a quarter of the size and the full size (or
reused from --keep DIR), and their roll-ups brought up to date, as the app keeps them.
The claims file, the stories file, both, and the workbook (sheets Stories, Claims and
Settings; its raw read is that of both files) are measured, each export in a fresh process
beside a raw read of the same rows (the stored roll-ups of stories with their articles'
outlets and dates; the claims with their article, story and outlet), taking turns for
--rounds. Each process reports its time, its peak memory (ru_maxrss) and how far that rose
above what it held once the app was loaded: a streaming export rises by the same amount at
both sizes.
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
from sourcemark.report.export import export_files
from sourcemark.store import open_database
import sourcemark.store.rollups, sourcemark.scoring.rollup  # the app, loaded before measuring
path, which, part, stories_out, claims_out, workbook_out = sys.argv[1], sys.argv[2], *sys.argv[4:]
open_database("sqlite:///" + path)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
stories = claims = 0
if which == "raw":
    db = sqlite3.connect(path)
    if part in ("stories", "both", "xlsx"):  # the stored roll-ups, the articles' outlets, dates
        with open(stories_out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            for row in db.execute(
                "SELECT s.id, s.title, s.score, s.code, s.caps, s.summary, COUNT(a.id), "
                "group_concat(DISTINCT o.name), MIN(a.published), MAX(a.published) FROM story s "
                "LEFT JOIN article a ON a.story_id = s.id LEFT JOIN outlet o ON o.id = a.outlet_id "
                "GROUP BY s.id ORDER BY s.id"
            ):
                writer.writerow(row)
                stories += 1
    if part in ("claims", "both", "xlsx"):
        with open(claims_out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            for row in db.execute(
                "SELECT c.id, a.story_id, s.title, c.article_id, a.title, o.name, a.published, "
                "c.source_mention, c.source_resolved, c.type, c.stance, c.reviewed, c.origin, "
                'c.note, c.text, c.start, c."end" FROM claim c JOIN article a ON a.id = c.article_id '
                "JOIN story s ON s.id = a.story_id LEFT JOIN outlet o ON o.id = a.outlet_id "
                "ORDER BY a.story_id, a.id, c.start"
            ):
                writer.writerow(row)
                claims += 1
elif part == "xlsx":
    stories, claims = export_files(workbook_path=workbook_out)
else:
    stories, claims = export_files(stories_out if part != "claims" else None,
                                   claims_out if part != "stories" else None)
seconds = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"stories": stories, "claims": claims, "seconds": seconds,
                  "rise_mb": (after - before) / 1024, "peak_mb": after / 1024}))
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
from sourcemark.store.rollups import refresh_scores
if __name__ == "__main__":
    open_database("sqlite:///" + sys.argv[1], timeout=600)  # upgrades an older archive
    refresh_scores()  # the roll-ups (and claims' grades) an export reads, brought up to date
"""


def prepare(path: Path) -> None:
    subprocess.run([sys.executable, "-c", PREPARE, str(path), str(ROOT / "app")], check=True)


def measure(path: Path, which: str, part: str) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        outs = [str(Path(scratch) / name) for name in ("stories.csv", "claims.csv", "all.xlsx")]
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), which, str(ROOT / "app"), part, *outs],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sizes", type=int, default=2, help="archives of claims/4, claims, 4x..")
    parser.add_argument("--rounds", type=int, default=1, help="raw and export take turns")
    parser.add_argument("--keep", type=Path, help="make (or reuse) the archives here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        rises = []
        for claims in [args.claims * 4**k // 4 for k in range(args.sizes)]:
            path = archive(directory, claims)
            prepare(path)
            for part in ("claims", "stories", "both", "xlsx"):
                for _round in range(args.rounds):
                    raw, app = measure(path, "raw", part), measure(path, "app", part)
                    rows = app["stories"] + app["claims"]
                    what = "workbook" if part == "xlsx" else "export"
                    print(
                        f"{app['claims']:>8,} claims, {part:>7}: {rows:>8,} rows, {what} "
                        f"{app['seconds']:.2f} s ({rows / app['seconds']:>7,.0f} rows/s), raw "
                        f"SELECT + csv.writer {raw['seconds']:.2f} s; {what} takes "
                        f"{app['seconds'] / raw['seconds']:.2f}x the raw time; memory rose "
                        f"{app['rise_mb']:.0f} MB to a peak of {app['peak_mb']:.0f} MB (raw "
                        f"{raw['rise_mb']:.0f} MB)"
                    )
                    if part == "both":
                        rises.append(app["rise_mb"])
        print("memory rise of the whole export, each size against the smallest: "
              + ", ".join(f"{rise / max(rises[0], 1):.2f}x" for rise in rises))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
