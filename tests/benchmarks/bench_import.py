"""Import speed: saved web pages imported per second, against trafilatura's extraction alone.

Run: uv run python tests/benchmarks/bench_import.py [--pages 500] [--rounds 3]

Writes N saved pages (navigation, share box, related links and footer around an
article of about 5,000 characters built from the sample story and varied news
sentences) to a temporary folder. The baseline reads each file and runs
trafilatura.bare_extraction on it with the options the importer uses; the import
is the whole pipeline (read, decode, extract, analyse, store each article in its
own transaction) into a new SQLite database. They take turns for a few rounds;
the median of the rounds' ratios is reported, and the best time of each.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_analyze import make_articles

from sourcemark.pipeline import import_paths
from sourcemark.store import close_database, open_database

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Lakeshore Examiner</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Lakeshore Examiner">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-{day:02d}T09:30:00Z">
<script>window.dataLayer = [];</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/world">World</a> |
<a href="/sport">Sport</a> | <a href="/opinion">Opinion</a></nav>
<div class="share">Share this: Facebook Twitter Email</div>
<article><h1>{title}</h1><p class="byline">By Jane Roe</p>
{paragraphs}
</article>
<aside><h2>Related stories</h2><ul>{related}</ul></aside>
<footer>© 2024 The Lakeshore Examiner. All rights reserved.
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


def write_pages(folder: Path, count: int) -> list[Path]:
    paths = []
    for n, article in enumerate(make_articles(count, seed=11)):
        paragraphs = "\n".join(f"<p>{p}</p>" for p in article.split("\n\n") if p.strip())
        related = "".join(f'<li><a href="/s/{n}-{k}">Story {n}-{k}</a></li>' for k in range(6))
        page = PAGE.format(
            title=f"Report Number {n} on the Harbour Talks",
            day=n % 28 + 1,
            paragraphs=paragraphs,
            related=related,
        )
        path = folder / f"page-{n:04d}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


def extract_only(paths: list[Path]) -> int:
    import trafilatura

    found = 0
    for path in paths:
        result = trafilatura.bare_extraction(
            path.read_bytes().decode("utf-8"),
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
        found += bool(result)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        paths = write_pages(folder, args.pages)
        extract_only(paths[:5])  # imports and warms trafilatura for both sides
        baselines, imports, ratios = [], [], []
        for round_ in range(args.rounds):
            start = time.perf_counter()
            found = extract_only(paths)
            baselines.append(time.perf_counter() - start)
            open_database("sqlite:///" + str(Path(tmp) / f"round-{round_}.sqlite"))
            start = time.perf_counter()
            report = import_paths(paths)
            imports.append(time.perf_counter() - start)
            close_database()
            ratios.append(imports[-1] / baselines[-1])
            assert found == len(paths) and len(report.imported) == len(paths), report.failed[:3]
    baseline, elapsed = min(baselines), min(imports)
    print(f"{len(paths)} saved pages, {args.rounds} rounds")
    print(f"trafilatura extraction alone: {baseline:.2f} s ({len(paths) / baseline:,.0f} pages/s)")
    print(
        f"import (read, extract, analyse, store): {elapsed:.2f} s "
        f"({len(paths) / elapsed:,.0f} articles/s)"
    )
    print(
        f"ratio import / extraction: median {statistics.median(ratios):.2f}x "
        f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
    )


if __name__ == "__main__":
    main()
