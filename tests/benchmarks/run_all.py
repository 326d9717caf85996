"""Every benchmark, each in its own process, with each figure printed beside the one the
README states, so that a regression shows the day it happens.

    flock /tmp/sourcemark-cpu.lock uv run python tests/benchmarks/run_all.py [--full]
        [--only NAME ...] [--show]

By default the benchmarks run at small sizes (a few minutes in all); figures that depend on
the archive's size are then printed but compared only with --full, which runs the sizes of
the README's table. The stated ranges are kept in CLAIMS below, each with the README's own
words for it: when the README no longer says them, the figure prints STALE until both
agree again. A figure worse than its range (by more than the machine's noise, TOLERANCE)
prints REGRESSION; one better than its range prints STALE (the README undersells it).
The exit status is 1 when any figure is out of its range or missing, or a benchmark failed.
"""

import argparse
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE.parents[1] / "README.md"
TOLERANCE = 0.15  # ratios taken in one run still move this much on the shared machine

# benchmark: (arguments for a small run, arguments for the README's sizes)
RUNS = {
    "bench_analyze.py": (["--articles", "300", "--rounds", "3"], []),
    "bench_import.py": (
        ["--pages", "100", "--rounds", "2", "--preload", "300"],
        ["--preload", "2000"],
    ),
    "bench_startup.py": (["--runs", "5"], []),
    "bench_scale.py": (
        ["--stories", "1000", "--runs", "1", "--before", "130a4e4"],
        ["--before", "130a4e4"],
    ),
    "bench_export.py": (["--claims", "20000", "--sizes", "1"], ["--sizes", "2"]),
    "bench_long_article.py": ([], []),
    "bench_sources.py": (["--stories", "1000", "--runs", "1"], []),
}


@dataclass(frozen=True)
class Claim:
    """A figure a benchmark prints, and the range stated for it."""

    bench: str
    what: str
    pattern: str  # finds the figure (its first group) in the benchmark's output
    low: float
    high: float
    readme: str | None  # the README's words for the range (None: the benchmark's own bar)
    sized: bool = False  # depends on the archive's size: compared only with --full
    worst: bool = False  # of several matches, the highest counts (else the last)


CLAIMS = [
    Claim("bench_analyze.py", "analyzer / re.findall, median ratio",
          r"ratio analyzer / baseline: median ([\d.]+)x", 19.9, 20.2,
          "median ratio 19.9x to 20.2x"),
    Claim("bench_import.py", "import (articles stored) / trafilatura, median ratio",
          r"ratio import / extraction: median ([\d.]+)x", 1.77, 1.87,
          "1.83x again (rounds 1.80 to 1.87", sized=True),
    Claim("bench_import.py", "import with corroboration / trafilatura, median ratio",
          r"ratio import with corroboration / extraction: median ([\d.]+)x", 2.88, 3.05,
          "takes 3.02x (rounds 2.94 to 3.05", sized=True),
    Claim("bench_import.py", "import per article, full archive / empty",
          r"per article ([\d.]+)x the empty archive's", 1.09, 1.17,
          "1.10x with the third round's rules", sized=True),
    Claim("bench_startup.py", "startup / bare window", r"^ratio: ([\d.]+)x", 3.6, 6.6,
          "3.6x to 6.6x a bare PySide6 window"),
    Claim("bench_scale.py", "open archive / bare window",
          r"open to first paint: .*\(([\d.]+)x\)", 5.8, 6.3,
          "5.8x to 6.3x a bare PySide6 window (0.10 to 0.11 s)", sized=True),
    Claim("bench_scale.py", "roll-up / sqlite3 read", r"roll-up of every story .*\(([\d.]+)x\);",
          4.7, 4.9, "4.7x to 4.9x reading the same rows", sized=True),
    Claim("bench_scale.py", "roll-up / the code before origins (with --before 130a4e4)",
          r"today's takes ([\d.]+)x that", 1.12, 1.2, "today's roll-up takes 1.17x that",
          sized=True),
    Claim("bench_scale.py", "All stories first page / sqlite3",
          r"^\s+open\s+\d+ ms \(sqlite3\s+\d+ ms,\s+([\d.]+)x\)", 4.8, 45,
          "(4.8x to 45x the 1 to 3 ms query", sized=True),
    Claim("bench_export.py", "CSV export / raw SELECT + csv.writer",
          r"claims,\s+both: .*export takes ([\d.]+)x the raw time", 1.61, 1.63,
          "both files 1.61x to 1.63x raw at both sizes", sized=True, worst=True),
    Claim("bench_export.py", "Excel workbook / raw SELECT + csv.writer",
          r"claims,\s+xlsx: .*workbook takes ([\d.]+)x the raw time", 13.7, 14.3,
          "the workbook 13.7x to 14.3x raw at both sizes", sized=True, worst=True),
    Claim("bench_export.py", "Excel workbook, peak memory in MB",
          r"claims,\s+xlsx: .*to a peak of (\d+) MB", 0, 300, None, worst=True),
    Claim("bench_sources.py", "View ▸ Sources shown / sqlite3 read",
          r"ratio today dialog shown / raw read: median ([\d.]+)x", 2.4, 2.6,
          "2.6x a raw `sqlite3` read (0.26 s) on a new archive", sized=True),
    Claim("bench_long_article.py", "500,000-character import, seconds",
          r"^\s+import: ([\d.]+) s", 0, 30, None, worst=True),
    Claim("bench_long_article.py", "500,000-character report, seconds",
          r"^\s+(?:html|pdf): ([\d.]+) s", 0, 10, None, worst=True),
]  # fmt: skip


def figure(claim: Claim, output: str) -> float | None:
    found = [float(m) for m in re.findall(claim.pattern, output, re.MULTILINE)]
    if not found:
        return None
    return max(found) if claim.worst else found[-1]


def verdict(claim: Claim, value: float | None, readme: str, full: bool) -> str:
    if value is None:
        return "MISSING (the benchmark's output changed?)"
    if claim.readme is not None and claim.readme not in readme:
        return f"STALE: the README no longer says {claim.readme!r} (update CLAIMS or README)"
    if claim.sized and not full:
        return "(compared at full size only)"
    if value > claim.high * (1 + TOLERANCE):
        return "REGRESSION"
    if value < claim.low * (1 - TOLERANCE):
        return "STALE: better than the README says"
    return "ok"


def run(bench: str, arguments: list[str]) -> tuple[str, bool, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE / bench), *arguments], cwd=HERE.parents[1],
                          capture_output=True, text=True)  # fmt: skip
    output = done.stdout + ("" if done.returncode == 0 else done.stderr[-3000:])
    return output, done.returncode == 0, time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="the README's sizes (hours)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="e.g. import scale")
    parser.add_argument("--show", action="store_true", help="print each benchmark's output")
    args = parser.parse_args(argv)
    readme = " ".join(README.read_text(encoding="utf-8").split())
    failed = False
    for bench, (small, full_size) in RUNS.items():
        if args.only and not any(name in bench for name in args.only):
            continue
        arguments = full_size if args.full else small
        output, ran, seconds = run(bench, arguments)
        print(f"{bench} {' '.join(arguments)} ({seconds:.0f} s)")
        if args.show or not ran:
            print("".join(f"    | {line}\n" for line in output.splitlines()), end="")
        failed |= not ran
        for claim in (c for c in CLAIMS if c.bench == bench):
            value = figure(claim, output)
            said = (
                f"{claim.low:g} to {claim.high:g}" if claim.low != claim.high else f"{claim.low:g}"
            )
            source = "README" if claim.readme else "bar"
            shown = "-" if value is None else f"{value:g}"
            outcome = verdict(claim, value, readme, args.full)
            failed |= outcome.startswith(("REGRESSION", "STALE", "MISSING"))
            print(f"  {claim.what:45} {shown:>8}   {source} {said:14} {outcome}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
