"""Import speed: saved web pages imported per second, against trafilatura's extraction alone.

Run: uv run python tests/benchmarks/bench_import.py [--pages 500] [--rounds 3] [--preload N]

Writes N saved pages of about 150 KB, as browsers save news pages (metadata,
scripts holding the site's state, a large menu, ads and boxes between paragraphs,
related and most-read lists, comments, a footer) around an article of about
5,000 characters. The articles are one story told many ways: the paragraphs of the
bundled sample story and ten varied news sentences, reshuffled (bench_analyze's
make_articles), so every claim has many copies in other articles, the hardest case for
finding corroboration. The baseline reads each file and runs
trafilatura.bare_extraction on it with the options the importer uses; the import
is the whole pipeline (read, decode, extract, analyse, store each article in its
own transaction) into a new SQLite database, timed to the last article stored (shown and
graded) and again to the end of the pass after it that finds their corroboration, a batch
of articles at a time. They take turns for a few rounds; the median of the rounds' ratios
is reported, and the best time of each.

With --preload N, N more pages of the same story are imported first (not timed) into
an archive that each round copies, and the import of the measured pages is timed both
into that archive and into an empty one: the cost per article must stay flat.
"""

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_analyze import make_articles

from sourcemark.ingest.html import EXTRACTION_OPTIONS
from sourcemark.pipeline import import_paths
from sourcemark.store import close_database, corroboration, open_database

SECTIONS = ["News", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport",
            "Culture", "Opinion", "Travel", "Video"]  # fmt: skip


def _links(prefix: str, count: int, label: str) -> str:
    return "".join(f'<li><a href="/{prefix}/{k}">{label} {k}</a></li>' for k in range(count))


def _page(n: int, title: str, paragraphs: list[str], rng: random.Random) -> str:
    """A page as a browser saves it: metadata, scripts with the site's state, a large
    menu, ads, boxes between paragraphs, related and most-read lists, comments, footer
    (about 150 KB, in the range of real news pages)."""
    words = " ".join(paragraphs).split()
    state = json.dumps(
        {"articles": [{"id": k, "headline": " ".join(rng.sample(words, 12)),
                       "teaser": " ".join(rng.sample(words, 40))} for k in range(240)]}
    )  # fmt: skip
    meta = "".join(f'<meta name="x-tag-{k}" content="value {k}">' for k in range(40))
    menu = "".join(
        f'<li class="menu"><a href="/{s.lower()}">{s}</a><ul>{_links(s.lower(), 15, s)}</ul></li>'
        for s in SECTIONS
    )
    body = []
    for k, paragraph in enumerate(paragraphs):
        body.append(f"<p>{paragraph}</p>")
        if k % 3 == 2:
            body.append(
                '<div class="inline-related"><span>Read more:</span> '
                f'<a href="/r/{n}-{k}">{" ".join(rng.sample(words, 8))}</a></div>'
                f'<div class="ad-slot" id="ad-{k}" data-size="300x250"></div>'
            )
    cards = "".join(
        f'<div class="card"><a href="/c/{n}-{k}"><h3>{" ".join(rng.sample(words, 9))}</h3>'
        f"<p>{' '.join(rng.sample(words, 30))}</p></a></div>"
        for k in range(12)
    )
    comments = "".join(
        f'<div class="comment"><b>reader{k}</b><p>{" ".join(rng.sample(words, 50))}</p></div>'
        for k in range(30)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Lakeshore Examiner</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Lakeshore Examiner">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-{n % 28 + 1:02d}T09:30:00Z">
{meta}
<script>window.__STATE__ = {state};</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}"}}</script>
<style>{".card{margin:0}" * 200}</style>
</head><body>
<header><div class="ticker">Breaking: {" ".join(rng.sample(words, 15))}</div>
<nav><ul>{menu}</ul></nav></header>
<div class="share">Share this: Facebook Twitter Email</div>
<main><article><h1>{title}</h1><p class="byline">By Jane Roe</p>
<figure><img src="/img/{n}.jpg" alt=""><figcaption>{" ".join(rng.sample(words, 12))}
</figcaption></figure>
{"".join(body)}
</article>
<section class="related"><h2>Related stories</h2>{cards}</section>
<section class="most-read"><h2>Most read</h2><ol>{_links("m", 10, "Most read story")}</ol></section>
<section class="comments"><h2>Comments</h2>{comments}</section>
<form class="newsletter"><label>Sign up for our newsletter</label><input type="email">
<button>Subscribe</button></form></main>
<footer><ul>{_links("f", 80, "Footer link")}</ul>
© 2024 The Lakeshore Examiner. All rights reserved.</footer>
</body></html>"""


def write_pages(folder: Path, count: int) -> list[Path]:
    rng = random.Random(5)
    paths = []
    for n, article in enumerate(make_articles(count, seed=11)):
        paragraphs = [p for p in article.split("\n\n") if p.strip()]
        page = _page(n, f"Report Number {n} on the Harbour Talks", paragraphs, rng)
        path = folder / f"page-{n:04d}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


def extract_only(paths: list[Path]) -> int:
    import trafilatura

    found = 0
    for path in paths:
        result = trafilatura.bare_extraction(
            path.read_bytes().decode("utf-8"), **EXTRACTION_OPTIONS
        )
        found += bool(result)
    return found


def timed_import(paths: list[Path], database: Path) -> tuple[float, float, int]:
    """Seconds to import these pages into this database until the last article is stored
    (shown, graded), and until the pass after it found their corroboration too; and the
    comparisons made."""
    open_database("sqlite:///" + str(database))
    corroboration.searches.reset()
    stored = []
    start = time.perf_counter()
    report = import_paths(paths, progress=lambda *_: stored.append(time.perf_counter()))
    elapsed = time.perf_counter() - start
    close_database()
    assert len(report.imported) == len(paths), report.failed[:3]
    assert report.corroboration.articles == len(paths)
    return stored[-1] - start, elapsed, corroboration.searches.compared


def preloaded(paths: list[Path], database: Path) -> Path:
    open_database("sqlite:///" + str(database))
    report = import_paths(paths)
    close_database()
    assert len(report.imported) == len(paths), report.failed[:3]
    return database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--preload", type=int, default=0, help="pages in the archive first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        every = write_pages(folder, args.preload + args.pages)
        paths = every[args.preload :]
        extract_only(paths[:5])  # imports and warms trafilatura for both sides
        archive = preloaded(every[: args.preload], Path(tmp) / "archive.sqlite")
        baselines, imports, wholes, fulls, ratios, whole_ratios = [], [], [], [], [], []
        compared = full_compared = 0
        for round_ in range(args.rounds):
            start = time.perf_counter()
            found = extract_only(paths)
            baselines.append(time.perf_counter() - start)
            assert found == len(paths)
            stored, whole, compared = timed_import(paths, Path(tmp) / f"round-{round_}.sqlite")
            imports.append(stored)
            wholes.append(whole)
            ratios.append(stored / baselines[-1])
            whole_ratios.append(whole / baselines[-1])
            if args.preload:
                copy = Path(tmp) / f"full-{round_}.sqlite"
                shutil.copy(archive, copy)
                _stored, whole, full_compared = timed_import(paths, copy)
                fulls.append(whole)
    baseline, elapsed, whole = min(baselines), min(imports), min(wholes)
    n = len(paths)
    print(f"{n} saved pages, {args.rounds} rounds")
    print(f"trafilatura extraction alone: {baseline:.2f} s ({n / baseline:,.0f} pages/s)")
    print(
        f"import (read, extract, analyse, store; shown and graded): {elapsed:.2f} s "
        f"({n / elapsed:,.0f} articles/s, {elapsed / n * 1000:.1f} ms each)"
    )
    print(
        f"then their corroboration found: {whole - elapsed:.2f} s more, {whole:.2f} s in all "
        f"({whole / n * 1000:.1f} ms an article; {compared / n:.0f} comparisons an article)"
    )
    print(
        f"ratio import / extraction: median {statistics.median(ratios):.2f}x "
        f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
    )
    print(
        f"ratio import with corroboration / extraction: median "
        f"{statistics.median(whole_ratios):.2f}x "
        f"(rounds: {', '.join(f'{r:.2f}' for r in whole_ratios)})"
    )
    if args.preload:
        full = min(fulls)
        print(
            f"import with corroboration, {args.preload} pages already in the archive: "
            f"{full:.2f} s ({full / n * 1000:.1f} ms an article, {full_compared / n:.0f} "
            f"comparisons); per article {full / whole:.2f}x the empty archive's"
        )


if __name__ == "__main__":
    main()
