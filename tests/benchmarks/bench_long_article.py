"""Long articles: importing a text near the size limit (500,000 characters) and writing its
story report, in time and peak memory, against reading the file and running the analyzer
alone on it in the same run.

    uv run python tests/benchmarks/bench_long_article.py [--keep DIR]

Two texts of about 480 KB are generated: 12,928 one-line paragraphs of varied short
sentences with attributions (the shape that was quadratic: 244 s and 2 GB to import,
98 s and 6.3 GB for its HTML report), and a realistic long report of varied paragraphs.
Each step runs in a fresh process: the baseline, the import into a new SQLite database,
the HTML report and the PDF report; each prints its time and its peak memory (ru_maxrss).
The requirement: under 30 s and 500 MB to import, under 10 s and 500 MB for a report.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINES = 12_928

NAMES = """Ana Ruiz|Ben Okafor|Clara Lindqvist|David Moreau|Elena Petrov|Farid Haddad|Grace
Nakamura|Hiro Kowalski|Irene Brennan|Jonas Achebe|Karim Varga|Lena Santos|Marco Fischer|Nadia
Dubois|Oskar Novak|Priya Mensah|Quinn Ortega|Rosa Larsen|Samir Costa|Tara Rahman""".replace(
    "\n", " "
).split("|")
ROLES = "Mayor|Minister|Governor|Senator|Commissioner|Judge|Ambassador|Inspector".split("|")
BODIES = """the ministry|the council|the port authority|the health service|the water board|the
police|the union|the company|the regulator|the airline""".replace("\n", " ").split("|")
ANONYMOUS = """Officials|Two officials|A diplomat|Sources|People familiar with the talks|A senior
aide|Residents|Witnesses|Analysts|A person close to the firm""".replace("\n", " ").split("|")
DOCUMENTS = "A memo|The audit|A court filing|The report|A leaked letter|The budget".split("|")
SUBJECTS = """wages|rents|fares|prices|tariffs|exports|pensions|budgets|repairs|flights|classes
|clinics|ferries|wells|levees|cranes|trains|permits|audits|contracts|vaccines|harvests|patrols
|shelters|beds|loans|salaries|subsidies|quotas|inspections""".replace("\n", "").split("|")
CHANGES = """rose|fell|doubled|stalled|halved|collapsed|recovered|slipped|soared|dropped|were cut
|were frozen|were delayed|were cancelled|were approved|were blocked""".replace("\n", " ").split("|")
PLACES = """Northport|Eastvale|Linden|Marlow|Kestrel|Dunmore|Alder|Harwick|Belmont|Carrick
|Fenwick|Galway|Hollin|Jarrow|Keswick|Lowther|Merton|Norwood""".replace("\n", "").split("|")
WHEN = "on Monday|on Friday|last week|in March|this year|overnight|in May|since 2019".split("|")


def _fact(rng: random.Random, place: bool = True) -> str:
    fact = f"{rng.choice(SUBJECTS)} {rng.choice(CHANGES).strip()}"
    return f"{fact} in {rng.choice(PLACES).strip()}" if place else fact


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _line(rng: random.Random) -> str:
    """A short sentence, most of them attributed (about 37 characters on average)."""
    fact = _fact(rng, rng.random() < 0.2)
    kind = rng.randrange(8)
    if kind == 0:
        return f"{rng.choice(NAMES).split()[1]} said {fact}."
    if kind == 1:
        return f"{rng.choice(ANONYMOUS).strip()} said {fact}."
    if kind == 2:
        return f"{rng.choice(BODIES).strip().capitalize()} denied {fact}."
    if kind == 3:
        return f"{rng.choice(DOCUMENTS)} shows {fact}."
    if kind == 4:
        return f"“{_capital(fact)},” {rng.choice(NAMES).split()[1]} said."
    if kind == 5:
        return f"{_capital(fact)} {rng.choice(WHEN)}, {rng.choice(ANONYMOUS).lower()} said."
    return f"{_capital(fact)} {rng.choice(WHEN)}."


def many_lines_text(seed: int = 11) -> str:
    """12,928 one-line paragraphs of varied sentences with attributions, about 480 KB."""
    rng = random.Random(seed)
    return "Long article\n\n" + "\n".join(_line(rng) for _ in range(LINES)) + "\n"


def _sentence(rng: random.Random) -> str:
    name, role = rng.choice(NAMES), rng.choice(ROLES)
    fact = f"{_fact(rng)} {rng.choice(WHEN)}"
    amount = f"{rng.randint(2, 95)} per cent"
    choices = [
        f"{role} {name} said {fact}, and that {rng.choice(SUBJECTS)} would follow by {amount}.",
        f"“We will not accept that {fact},” said {name}, speaking outside {rng.choice(BODIES)}.",
        f"{rng.choice(ANONYMOUS).strip()} said {fact}, according to a statement from "
        f"{rng.choice(BODIES)}.",
        f"{rng.choice(BODIES).strip().capitalize()} denied that {fact}, calling the report "
        "misleading.",
        f"{rng.choice(DOCUMENTS)} seen by this newspaper shows that {fact} by {amount}.",
        f"{name.split()[0]} declined to comment on whether {fact}.",
        f"In {rng.choice(PLACES).strip()}, {rng.choice(SUBJECTS)} {rng.choice(CHANGES).strip()} "
        f"by {amount} {rng.choice(WHEN)}, the largest change in a decade.",
        f"{name}, a spokesperson for {rng.choice(BODIES)}, said {fact} and no one was hurt.",
    ]
    return rng.choice(choices)


def long_report_text(seed: int = 13, size: int = 480_000) -> str:
    """A long investigative report of varied paragraphs (two to five sentences), ~480 KB."""
    rng = random.Random(seed)
    parts, total = ["A long report"], 0
    while total < size:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)[:size] + "\n"


CHILD = r"""
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[1])
step, text_path, db_path, out = sys.argv[2:6]
started = time.perf_counter()
if step == "baseline":
    from sourcemark.analysis import analyze
    from sourcemark.ingest import read_path
    claims = len(analyze(read_path(text_path).text))
    result = {"claims": claims}
elif step == "import":
    from sourcemark.cli import main
    assert main(["import", "--db", "sqlite:///" + db_path, text_path]) == 0
    result = {}
else:
    from sourcemark.cli import main
    assert main(["report", "--db", "sqlite:///" + db_path, "--story", "1", "--out", out]) == 0
    result = {"bytes": os.path.getsize(out)}
result["seconds"] = time.perf_counter() - started
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def run(step: str, text: Path, db: Path, out: Path) -> dict:
    """One step in a fresh process: its time and peak memory."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT / "app"), step, str(text), str(db), str(out)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(name: str, text: str, directory: Path) -> None:
    path = directory / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    db = directory / f"{name}.sqlite"
    db.unlink(missing_ok=True)
    paragraphs = sum(1 for p in text.split("\n") if p.strip())
    print(f"{name}: {len(text):,} characters, {paragraphs:,} non-empty lines")
    base = run("baseline", path, db, directory / "none")
    print(f"  baseline (read + analyze): {base['seconds']:.1f} s, {base['peak_mb']:.0f} MB, "
          f"{base['claims']:,} claims")  # fmt: skip
    for step, out in (("import", None), ("html", "report.html"), ("pdf", "report.pdf")):
        result = run(step if out is None else "report", path, db, directory / (out or "none"))
        print(f"  {step}: {result['seconds']:.1f} s ({result['seconds'] / base['seconds']:.1f}x), "
              f"peak {result['peak_mb']:.0f} MB ({result['peak_mb'] / base['peak_mb']:.1f}x)")  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="write the texts and databases here")
    parser.add_argument("--only", choices=["lines", "report"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        if args.only in (None, "lines"):
            measure("lines", many_lines_text(), directory)
        if args.only in (None, "report"):
            measure("report", long_report_text(), directory)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
