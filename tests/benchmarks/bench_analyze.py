"""Analyzer speed: articles per second on one core, against a plain word scan of the same texts.

Run: uv run python tests/benchmarks/bench_analyze.py [--articles 1000] [--corpus DIR]

The baseline and the analyzer take turns for a few rounds; the median of the rounds'
ratios is reported, and the best time of each. The baseline is `re.findall(r"\\w+", text)`
over the same texts in the same run, so the ratio is comparable across machines. It runs in
a child process of its own each round: next to the analyzer's heap the same pass ran up to
10% faster or slower with what the analyzer's code left there (113 to 127 ms), which moved
the ratio by as much; `--same-process` times it the old way, for comparison.

The default articles are not varied news: each is a reshuffling (fixed seed) of the same 32
paragraphs, the 22 of one article of the annotated dev corpus (the bundled sample story,
bout-houthis) and ten sentences in other styles (VARIED), about 5,000 characters each. They
time the analyzer on the kind of text it was tuned on; --corpus DIR measures real news.
"""

import argparse
import gc
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sourcemark.analysis import analyze
from sourcemark.ingest import read_path
from sourcemark.paths import sample_story_path

VARIED = [
    "“We will not accept this,” said Union leader Maria Okafor, speaking outside the plant.",
    "The ministry denied that any data had been lost, according to a statement on its website.",
    "Two people familiar with the talks said a deal could come as soon as Friday.",
    "The company declined to comment on the report, which was first published by The Harbour Times.",
    "Recent intelligence assessments suggest the group is rearming, officials said on Monday.",
    "Prices rose 3.2 percent in March, the fastest pace since 2019, data released on Tuesday showed.",
    "Critics say the plan does little for renters, while supporters argue it will unlock building.",
    "The bridge, which opened in 1962, carries about 40,000 vehicles a day.",
    "In an interview with the Evening Courier, Dr. Lena Brandt said the clinic had run out of beds.",
    "He added that the review would be completed by the end of the year.",
]


def make_articles(count: int, size: int = 5000, seed: int = 7) -> list[str]:
    """``count`` texts of about ``size`` characters, each the sample story's paragraphs and
    VARIED drawn at random (with repeats): one article's material reshuffled, not new text."""
    sample = read_path(sample_story_path()).text
    pool = [p for p in sample.split("\n\n") if p.strip()] + VARIED
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < size:
            parts.append(rng.choice(pool))
        articles.append("\n\n".join(parts)[: size + 400])
    return articles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--corpus",
        type=Path,
        help="a folder of .txt articles to measure instead of the generated ones "
        "(real news, e.g. a PolNeAR split converted outside the repository)",
    )
    parser.add_argument(
        "--same-process",
        action="store_true",
        help="time the baseline in this process, beside the analyzer (the old way)",
    )
    parser.add_argument("--baseline-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.corpus:
        articles = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
        if not articles:
            parser.error(f"no .txt files in {args.corpus}")
    else:
        articles = make_articles(args.articles)
    mean = sum(map(len, articles)) / len(articles)
    # per 5,000 characters, so that a corpus of other lengths compares with the target
    units = sum(map(len, articles)) / 5000

    def timed(fn) -> tuple[float, int]:
        gc.collect()
        start = time.perf_counter()
        result = fn()
        return time.perf_counter() - start, result

    def word_pass() -> int:
        return sum(len(re.findall(r"\w+", t)) for t in articles)

    if args.baseline_only:  # the child: one timed pass, nothing else in its heap
        elapsed, words = timed(word_pass)
        print(f"{elapsed!r} {words}")
        return

    def baseline_round() -> tuple[float, int]:
        if args.same_process:
            return timed(word_pass)
        child = [sys.executable, __file__, "--baseline-only", *sys.argv[1:]]
        out = subprocess.run(child, capture_output=True, text=True, check=True).stdout.split()
        return float(out[0]), int(out[1])

    # Baseline and analyzer take turns, so that both see the same machine; each round's
    # ratio is kept and the median reported, with the best (least disturbed) times.
    baselines, analyses, ratios = [], [], []
    words = claims = 0
    for _ in range(args.rounds):
        baseline, words = baseline_round()
        elapsed, claims = timed(lambda: sum(len(analyze(t)) for t in articles))
        baselines.append(baseline)
        analyses.append(elapsed)
        ratios.append(elapsed / baseline)
    baseline, elapsed = min(baselines), min(analyses)

    print(
        f"{len(articles)} articles, {mean:,.0f} characters on average, {words:,} words, "
        f"{claims:,} claims; {args.rounds} rounds"
    )
    print(
        f"baseline re.findall(r'\\w+'): {baseline * 1000:.1f} ms "
        f"({units / baseline:,.0f} articles of 5,000 characters/s)"
    )
    print(
        f"analyzer: {elapsed:.2f} s, {len(articles) / elapsed:,.0f} articles/s, "
        f"{units / elapsed:,.0f} articles of 5,000 characters/s, "
        f"{elapsed / units * 1000:.2f} ms per 5,000 characters"
    )
    print(
        f"ratio analyzer / baseline: median {statistics.median(ratios):.1f}x "
        f"(rounds: {', '.join(f'{r:.1f}' for r in ratios)})"
    )


if __name__ == "__main__":
    main()
