"""The command line, run as a user runs it."""

import json
import re
import subprocess
import sys

from sourcemark import __version__
from sourcemark.cli import main
from sourcemark.paths import sample_story_path
from sourcemark.store import close_database, open_database
from sourcemark.store.models import Article
from tests.one_event import (
    ARTICLES,
    CONFIRMED,
    COPY,
    ORIGINAL,
    REWRITE,
    UNION,
    WIRE,
    write_pages,
)
from tests.pngsize import png_size


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sourcemark", *args], capture_output=True, text=True, timeout=120
    )


def test_version_is_printed_by_python_dash_m():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"Sourcemark {__version__}"


def test_analyze_json_prints_one_document_per_input_in_order(tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("Short Note\n\nThe council approved the budget on Monday, the mayor said.\n")
    assert main(["analyze", "--format", "json", str(sample_story_path()), str(other)]) == 0
    out = json.loads(capsys.readouterr().out)
    paths = [d["path"] for d in out["documents"]]
    assert paths == [str(sample_story_path()), str(other)]
    sample = out["documents"][0]
    assert sample["title"] == "Viktor Bout Allegedly Attempting to Sell Weapons to Houthis"
    assert sample["outlet"] == "Bangkok One News"
    for claim in sample["claims"]:
        assert set(claim) >= {
            "text",
            "start",
            "end",
            "source",
            "source_resolved",
            "cue",
            "type",
            "stance",
            "quote",
            "premise",
        }
        assert 0 <= claim["start"] < claim["end"]
    assert "summary" in sample and "counts_by_type" in sample["summary"]


def test_analyze_reports_an_unreadable_file_and_still_prints_the_others(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["analyze", "--format", "json", str(missing), str(sample_story_path())]) == 1
    captured = capsys.readouterr()
    documents = json.loads(captured.out)["documents"]
    assert documents[0]["error"] == "the file does not exist" and documents[0]["claims"] == []
    assert documents[1]["claims"]
    assert "missing.txt" in captured.err


def test_import_stores_the_good_files_and_exits_non_zero_for_the_bad(tmp_path, capsys, db_url):
    url = db_url
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 binary \x00")
    assert main(["import", "--db", url, str(sample_story_path()), str(broken)]) == 1
    captured = capsys.readouterr()
    assert "broken.txt" in captured.err and "1 imported, 1 not imported" in captured.out
    close_database()
    open_database(url)
    assert Article.select().count() == 1


def test_screenshot_renders_the_demo_window_to_a_png(tmp_path, db_url):
    shot = tmp_path / "shot.png"
    done = run("--demo", "--db", db_url, "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert png_size(shot) == (1400, 900)


def test_screenshot_takes_the_window_size_a_laptop_has(tmp_path, db_url):
    shot = tmp_path / "laptop.png"
    done = run("--demo", "--db", db_url, "--screenshot", str(shot), "--size", "1024x700")
    assert done.returncode == 0, done.stderr
    assert png_size(shot) == (1024, 700)
    wrong = run("--demo", "--db", db_url, "--screenshot", str(shot), "--size", "big")
    assert wrong.returncode == 2 and "not a size: big (write it as 1024x700)" in wrong.stderr


def test_analyze_quotes_option_chooses_claims_per_quotation_or_per_sentence(tmp_path, capsys):
    article = tmp_path / "quote.txt"
    article.write_text(
        "Harbour Closes\n\n“We waited for hours. Nobody came. We are furious,” said Ewa Marsh, a resident.\n",
        encoding="utf-8",
    )

    def attributed(*options: str) -> list[str]:
        assert main(["analyze", "--format", "json", *options, str(article)]) == 0
        claims = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
        return [c["text"] for c in claims if c["type"] != "unattributed"]

    assert attributed() == ["We waited for hours. Nobody came. We are furious"]
    assert attributed("--quotes", "sentence") == [
        "We waited for hours.",
        "Nobody came.",
        "We are furious",
    ]


def test_import_takes_files_folders_and_addresses_and_reports_each_failure(
    tmp_path, capsys, site, db_url
):
    from tests.ingest import samples

    folder = tmp_path / "drop"
    folder.mkdir()
    samples.write_docx(folder / "bridge.docx")
    samples.write_pdf(folder / "bridge-print.pdf")
    (folder / "empty.txt").write_bytes(b"")
    page = (
        samples.html_page()
        .replace(samples.TITLE, "Ferry Fares Rise Again")
        .replace("harbour bridge will close", "ferry will cost more")
    )
    url = site.add("/ferry.html", page)
    missing = site.url("/gone.html")
    db = db_url
    assert main(["import", "--db", db, str(folder), url, missing]) == 1
    captured = capsys.readouterr()
    assert "empty.txt: the file is empty" in captured.err
    assert "gone.html: the server answered 404" in captured.err
    assert "3 imported, 2 not imported" in captured.out
    close_database()
    open_database(db)
    assert {a.format for a in Article.select()} == {"docx", "pdf", "html"}
    assert Article.get(Article.format == "html").url == url


def test_import_into_a_story_that_does_not_exist_is_refused(tmp_path, capsys, db_url):
    db = db_url
    assert main(["import", "--db", db, "--story", "42", str(sample_story_path())]) == 2
    assert "no story 42" in capsys.readouterr().err


def test_the_same_article_twice_is_stored_once_and_the_user_is_told(tmp_path, capsys, db_url):
    db = db_url
    copy = tmp_path / "copy.txt"
    copy.write_text(sample_story_path().read_text(encoding="utf-8") + "\n\n\n")
    assert main(["import", "--db", db, str(sample_story_path()), str(copy)]) == 1
    captured = capsys.readouterr()
    assert "copy.txt: already imported as" in captured.err
    close_database()
    open_database(db)
    assert Article.select().count() == 1


def test_analyze_json_carries_the_credibility_summary_and_each_claims_code(capsys):
    assert main(["analyze", "--format", "json", str(sample_story_path())]) == 0
    document = json.loads(capsys.readouterr().out)["documents"][0]
    summary = document["summary"]
    assert {"score", "code", "components", "counts_by_type", "counts_by_stance", "flags",
            "caps"} <= set(summary)  # fmt: skip
    for component in summary["components"].values():
        assert {"score", "weight", "reason"} <= set(component)
    assert 0 <= summary["score"] <= 100 and len(summary["code"]) == 2
    assert all(claim["code"] and isinstance(claim["flags"], list) for claim in document["claims"])


def test_analyze_json_gives_each_claim_its_confidence(tmp_path, capsys):
    story = tmp_path / "pier.txt"
    story.write_text(
        "Pier Rebuilt\n\n“We will rebuild the pier by spring,” said Harbour Commissioner Lena "
        "Okafor.\n\n“Nobody should doubt that.”\n"
    )
    assert main(["analyze", "--format", "json", str(story)]) == 0
    claims = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
    confidence = {claim["text"]: claim["confidence"] for claim in claims}
    assert all(isinstance(value, float) and 0 <= value <= 1 for value in confidence.values())
    assert (
        confidence["Nobody should doubt that."] < confidence["We will rebuild the pier by spring"]
    )


def test_analyze_json_on_several_files_gives_each_claim_its_origins_among_them(tmp_path, capsys):
    """One event told by five outlets (tests/one_event.py): an original on anonymous sources,
    two wire copies and a rewrite citing it, and the airline's operating chief on the record
    to a fifth outlet."""
    pages = write_pages(tmp_path)
    assert main(["analyze", "--format", "json", *map(str, pages)]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert [d["outlet"] for d in documents] == [outlet for outlet, _day, _text in ARTICLES]
    event = {d["outlet"]: d["claims"][0] for d in documents}

    def origins(claim):
        return claim["reported_by"], claim["independent_origins"], claim["origin_claim"]

    # the copies and the rewrite join the original's origin: its claim, the first file's
    for outlet in (ORIGINAL, WIRE, COPY, REWRITE):
        assert origins(event[outlet]) == (5, 2, {"file": 0, "claim": 0}), outlet
    assert origins(event[CONFIRMED]) == (5, 2, {"file": 4, "claim": 0})
    union = documents[4]["claims"][1]
    assert UNION in union["text"] and origins(union) == (1, 1, {"file": 4, "claim": 1})
    # one origin other than its own behind each: probably true, a copy as its original
    assert [event[outlet]["code"] for outlet in event] == ["F2", "C2", "C2", "C2", "B2"]
    assert "origin_claim_id" not in event[WIRE]  # no claim here is stored


def test_analyze_json_on_one_file_gives_its_claims_only_their_own_origins(tmp_path, capsys):
    wire = write_pages(tmp_path)[1]
    assert main(["analyze", "--format", "json", str(wire)]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    claims = document["claims"]
    assert [(c["reported_by"], c["independent_origins"], c["origin_claim"]) for c in claims] == [
        (1, 1, {"file": 0, "claim": 0}), (1, 1, {"file": 0, "claim": 1})]  # fmt: skip
    assert claims[0]["code"] == "C3"  # the wire alone: nothing corroborates it


def test_analyze_json_says_a_rule_does_not_apply_and_gives_it_no_weight(tmp_path, capsys):
    from tests.ingest import samples

    bridge = samples.write_html(tmp_path / "bridge.html")  # a closure that accuses nobody
    assert main(["analyze", "--format", "json", str(bridge)]) == 0
    summary = json.loads(capsys.readouterr().out)["documents"][0]["summary"]
    components = summary["components"]
    assert components["right_of_reply"] == {
        "name": "Right of reply", "score": None, "weight": 0, "points": None,
        "reason": "does not apply: nobody is accused",
        "standard": components["right_of_reply"]["standard"],
    }  # fmt: skip
    assert components["anonymous_reliance"]["name"] == "Independent of anonymous sources"
    applying = [c for c in components.values() if c["score"] is not None]
    assert summary["out_of"] == sum(c["weight"] for c in applying) == 90
    assert summary["points"] == sum(c["weight"] * c["score"] / 100 for c in applying)
    assert summary["score"] == round(100 * summary["points"] / 90)
    assert summary["code_meaning"] == "outlet not graded (F) · headline claims possibly true (3)"


def test_two_machines_importing_the_same_50_files_at_once_store_each_once(tmp_path, db_url):
    folder = tmp_path / "wire"
    folder.mkdir()
    for n in range(50):
        (folder / f"story-{n:02}.txt").write_text(
            f"Harbour Report {n}\n\nThe harbour authority said on Monday that berth {n} would "
            f"close for {n + 2} weeks of repairs, and the union said {n * 7} workers would be "
            "moved to other berths.\n",
            encoding="utf-8",
        )
    command = [sys.executable, "-m", "sourcemark", "import", "--db", db_url, str(folder)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = [process.communicate(timeout=180) for process in (first, second)]
    open_database(db_url)
    assert Article.select().count() == 50
    imported = [int(re.search(r"(\d+) imported, \d+ not imported", out)[1]) for out, _ in outputs]
    assert sum(imported) == 50, outputs
    # each file the other process stored first was reported as a duplicate, nothing else failed
    told = sum(err.count("already imported as") for _out, err in outputs)
    assert told == 50 and all(err.count("\n") == err.count("already imported as")
                              for _out, err in outputs), outputs  # fmt: skip


def test_the_database_may_be_named_before_the_command(tmp_path, capsys, db_url):
    assert main(["--db", db_url, "import", str(sample_story_path())]) == 0
    assert "1 imported, 0 not imported" in capsys.readouterr().out
    close_database()
    open_database(db_url)
    assert Article.select().count() == 1
