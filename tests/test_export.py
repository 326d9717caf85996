"""CSV exports: every column of the sample story, read back with the csv module; formula
injection neutralised; the byte-order mark on request; the model settings written once."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import settings as examples  # the fixture "settings" is the window's
from hypothesis import strategies as st

from sourcemark.cli import main
from sourcemark.paths import sample_story_path
from sourcemark.report.export import CLAIM_COLUMNS, STORY_COLUMNS, safe
from sourcemark.store import close_database, models, open_database
from sourcemark.store.models import Claim
from tests.one_event import CONFIRMED, COPY, ORIGINAL, REWRITE, WIRE, store_event


@pytest.fixture
def sample_db(db_url):
    url = db_url
    assert main(["import", "--db", url, str(sample_story_path())]) == 0
    close_database()
    return url


def read(path, bom=False):
    with open(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_stories_csv_has_every_roll_up_field(tmp_path, sample_db, capsys):
    path = tmp_path / "stories.csv"
    assert main(["export", "--db", sample_db, "--stories", str(path)]) == 0
    assert "1 stories" in capsys.readouterr().out
    (row,) = read(path)
    assert list(row) == STORY_COLUMNS
    assert (row["score"], row["code"]) == ("60", "F3")
    assert row["right_of_reply"] == "100" and "score at most 60" in row["caps"]
    assert row["type_anonymous_official"] == "9" and row["stance_denies"] == "5"
    assert "premise contested" in row["flags"] and row["outlets"] == "Bangkok One News"
    assert row["articles"] == "1" and (row["claims"], row["claims_reviewed"]) == ("33", "0")


def test_the_stories_file_counts_the_claims_a_person_reviewed(tmp_path, sample_db):
    open_database(sample_db)
    first_three = [c.id for c in Claim.select().order_by(Claim.start).limit(3)]
    Claim.update(reviewed=True).where(Claim.id.in_(first_three)).execute()
    close_database()
    path = tmp_path / "stories.csv"
    assert main(["export", "--db", sample_db, "--stories", str(path)]) == 0
    (row,) = read(path)
    assert (row["claims"], row["claims_reviewed"]) == ("33", "3")


def test_the_model_settings_are_written_once_in_a_file_of_their_own(tmp_path, sample_db, capsys):
    stories, settings = tmp_path / "stories.csv", tmp_path / "settings.csv"
    code = main(["export", "--db", sample_db, "--stories", str(stories),
                 "--settings", str(settings)])  # fmt: skip
    assert code == 0 and f"the model settings to {settings}" in capsys.readouterr().out
    rows = read(settings)
    assert list(rows[0]) == ["setting", "value"]
    found = {row["setting"]: row["value"] for row in rows}
    assert found["weights.on_record"] == "30" and found["letters.named_person"] == "C"
    assert found["similarity"] == "80" and len(found) == len(rows) == 16
    assert "model_settings" not in read(stories)[0]
    assert "weights" not in stories.read_text(encoding="utf-8")


def test_the_claims_csv_has_one_row_per_claim_with_every_column(tmp_path, sample_db):
    path = tmp_path / "claims.csv"
    assert main(["export", "--db", sample_db, "--claims", str(path), "--bom"]) == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read(path, bom=True)
    assert list(rows[0]) == CLAIM_COLUMNS
    open_database(sample_db)
    assert len(rows) == Claim.select().count()
    first = Claim.select().order_by(Claim.start).first()
    row = next(r for r in rows if r["claim_id"] == str(first.id))
    assert (row["text"], row["start"], row["end"]) == (first.text, str(first.start), str(first.end))
    assert (row["type"], row["code"], row["reviewed"]) == ("anonymous_official", "F3", "no")
    assert row["type_label"] == "Anonymous official"
    assert {(r["type"], r["type_label"]) for r in rows} >= {
        ("named_person", "Named person"), ("unattributed", "Unattributed")}  # fmt: skip
    assert "anonymous" in row["flags"] and row["outlet"] == "Bangkok One News"
    assert all(row["story_title"].startswith("Viktor Bout") for row in rows)


@pytest.fixture
def event_db(db_url) -> tuple[str, dict[str, list[int]]]:
    """One event told by five outlets (tests/one_event.py); outlet -> its claims' ids."""
    open_database(db_url)
    ids = {outlet: [claim.id for claim in claims] for outlet, claims in store_event().items()}
    close_database()
    return db_url, ids


ORIGIN_COLUMNS = ("reported_by", "independent_origins", "origin_claim_id")


def origin_cells(path, claim_id: int) -> tuple[str, ...]:
    row = next(r for r in read(path) if r["claim_id"] == str(claim_id))
    return tuple(row[column] for column in ORIGIN_COLUMNS)


def test_the_claims_csv_says_how_many_outlets_and_independent_origins_carry_each_claim(
    tmp_path, event_db
):
    url, ids = event_db
    path = tmp_path / "claims.csv"
    assert main(["export", "--db", url, "--claims", str(path)]) == 0
    original, confirmed = ids[ORIGINAL][0], ids[CONFIRMED][0]
    # the wire copies and the rewrite cite the original: its origin, the earliest claim of it
    for outlet in (ORIGINAL, WIRE, COPY, REWRITE):
        assert origin_cells(path, ids[outlet][0]) == ("5", "2", str(original)), outlet
    # the operating chief on the record is an origin of its own
    assert origin_cells(path, confirmed) == ("5", "2", str(confirmed))
    union = ids[CONFIRMED][1]  # said by nobody else
    assert origin_cells(path, union) == ("1", "1", str(union))


def test_the_claims_csv_gives_the_origins_a_persons_split_makes(tmp_path, event_db):
    """The export rolls up the stories the split made stale before it reads the columns."""
    from sourcemark.store.origins import split_origin

    url, ids = event_db
    wire = ids[WIRE][0]
    open_database(url)
    split_origin([wire])  # the person knows the wire checked it itself
    close_database()
    path = tmp_path / "claims.csv"
    assert main(["export", "--db", url, "--claims", str(path)]) == 0
    assert origin_cells(path, wire) == ("5", "3", str(wire))
    assert origin_cells(path, ids[COPY][0]) == ("5", "3", str(ids[ORIGINAL][0]))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_neutralised(tmp_path, sample_db, start):
    open_database(sample_db)
    claim = Claim.select().first()
    Claim.update(text=f'{start}HYPERLINK("http://evil.invalid")', note=f"{start}1+1").where(
        Claim.id == claim.id
    ).execute()
    close_database()
    path = tmp_path / "claims.csv"
    assert main(["export", "--db", sample_db, "--claims", str(path)]) == 0
    row = next(r for r in read(path) if r["claim_id"] == str(claim.id))
    assert row["text"].startswith("'" + start) and row["note"] == f"'{start}1+1"


def test_safe_leaves_ordinary_text_alone():
    assert safe("Officials said") == "Officials said" and safe(None) == "" and safe(True) == "yes"


def test_export_without_a_target_explains_itself(sample_db, capsys):
    assert main(["export", "--db", sample_db]) == 2
    err = capsys.readouterr().err
    assert "--stories" in err and "--xlsx" in err


def test_the_window_exports_the_story_shown_on_the_worker(qtbot, tmp_path, settings):
    from sourcemark.demo import open_demo
    from tests.ui.test_main_window import make_window

    url = open_demo("sqlite:///" + str(tmp_path / "demo.sqlite"))
    window = make_window(qtbot, url, settings)
    targets = {part: tmp_path / f"bout-{part}.csv" for part in ("stories", "claims", "settings")}
    with qtbot.waitSignal(window.export_done, timeout=30_000) as done:
        window.output.write_export(targets, [window.stories.current_story_id()])
    assert done.args[0][0] == 1 and done.args[0][1] == Claim.select().count()
    assert len(read(tmp_path / "bout-claims.csv")) == Claim.select().count()
    assert read(tmp_path / "bout-stories.csv")[0]["code"] == "F3"
    assert read(tmp_path / "bout-settings.csv")[0]["setting"] == "weights.on_record"
    assert window.statusBar().currentMessage() == (
        f"Exported 1 story and 33 claims to 3 CSV files in {tmp_path.name}"
    )


def test_a_pdf_report_of_the_sample_story_has_its_summary_and_claims(tmp_path, sample_db, capsys):
    from pypdf import PdfReader

    out = tmp_path / "report.pdf"
    assert main(["report", "--db", sample_db, "--story", "1", "--out", str(out)]) == 0
    reader = PdfReader(out)
    assert 2 <= len(reader.pages) <= 8
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Viktor Bout Allegedly Attempting" in text
    assert "Sourcing score 60 of 100" in text and "story code F3" in text
    assert "Named person (12)" in text and "Model settings used" in text
    assert "outlet not graded (F) · headline claims possibly true (3)" in text
    assert "On-record sourcing" in text and "66 of 100 points: score 66, capped at 60" in text


@pytest.fixture
def bridge_db(db_url, tmp_path):
    """A story that accuses nobody: a bridge closes for repairs."""
    from tests.ingest import samples

    assert main(["import", "--db", db_url, str(samples.write_html(tmp_path / "b.html"))]) == 0
    close_database()
    return db_url


APPLYING = ["on_record", "anonymous_reliance", "corroboration", "source_diversity"]


def test_a_rule_that_does_not_apply_is_exported_empty_and_its_weight_does_not_count(
    tmp_path, bridge_db
):
    path, settings = tmp_path / "stories.csv", tmp_path / "settings.csv"
    code = main(["export", "--db", bridge_db, "--stories", str(path), "--settings", str(settings)])
    assert code == 0
    (row,) = read(path)
    assert row["right_of_reply"] == ""  # not 0: nobody is accused
    weights = {r["setting"].removeprefix("weights."): int(r["value"]) for r in read(settings)
               if r["setting"].startswith("weights.")}  # fmt: skip
    mean = sum(int(row[n]) * weights[n] for n in APPLYING) / sum(weights[n] for n in APPLYING)
    assert row["score"] == str(round(mean))


def test_the_report_names_each_rule_with_its_points_standard_and_the_code_in_words(
    tmp_path, bridge_db
):
    from sourcemark.scoring.explain import STANDARDS

    out = tmp_path / "report.html"
    assert main(["report", "--db", bridge_db, "--story", "1", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Right of reply</td><td>—</td><td><s>10</s></td><td>—</td>" in html
    assert "does not apply: nobody is accused" in html and STANDARDS["right_of_reply"] in html
    assert "Independent of anonymous sources" in html and "Anonymous reliance" not in html
    assert "of the 90 points that apply: score" in html
    assert "story code F3</b>: outlet not graded (F) · headline claims possibly true (3)" in html


def test_an_html_report_escapes_the_articles_text(tmp_path, sample_db):
    open_database(sample_db)
    claim = Claim.select().first()
    Claim.update(text="<script>alert(1)</script> said the mayor").where(
        Claim.id == claim.id
    ).execute()
    close_database()
    out = tmp_path / "report.html"
    assert main(["report", "--db", sample_db, "--story", "1", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_report_of_a_missing_story_or_a_wrong_extension_is_refused(tmp_path, sample_db, capsys):
    assert (
        main(["report", "--db", sample_db, "--story", "9", "--out", str(tmp_path / "a.pdf")]) == 2
    )
    assert (
        main(["report", "--db", sample_db, "--story", "1", "--out", str(tmp_path / "a.doc")]) == 2
    )
    assert ".pdf or .html" in capsys.readouterr().err


def test_the_window_writes_the_story_report(qtbot, tmp_path, settings):
    from sourcemark.demo import open_demo
    from tests.ui.test_main_window import make_window

    window = make_window(qtbot, open_demo("sqlite:///" + str(tmp_path / "d.sqlite")), settings)
    window.output.write_report(window.stories.current_story_id(), str(tmp_path / "bout"))
    assert (tmp_path / "bout.pdf").read_bytes().startswith(b"%PDF")
    assert "bout.pdf" in window.statusBar().currentMessage()


def test_the_window_exports_only_the_claims_a_filter_shows(qtbot, tmp_path, settings):
    from sourcemark.demo import open_demo
    from tests.ui.test_main_window import make_window
    from tests.ui.test_review import tick

    window = make_window(qtbot, open_demo("sqlite:///" + str(tmp_path / "d.sqlite")), settings)
    tick(qtbot, window.claims.stance_filter, "denies")
    shown = window.claims.proxy.rowCount()
    ids = [window.claims.model.claim_at(window.claims.proxy.mapToSource(
        window.claims.proxy.index(r, 0)).row()).id for r in range(shown)]  # fmt: skip
    with qtbot.waitSignal(window.export_done, timeout=30_000):
        window.output.write_export(
            {"claims": tmp_path / "denials-claims.csv"}, [window.stories.current_story_id()], ids
        )
    rows = read(tmp_path / "denials-claims.csv")
    assert len(rows) == shown == 5 and {row["stance"] for row in rows} == {"denies"}


def test_stories_chosen_with_ctrl_click_are_exported_together(qtbot, tmp_path, settings):
    from PySide6.QtCore import Qt

    from sourcemark.ui.models.roles import ID_ROLE
    from tests.ingest import samples
    from tests.ui.test_main_window import demo_window

    window = demo_window(qtbot, "sqlite:///" + str(tmp_path / "d.sqlite"), settings)
    samples.write_html(tmp_path / "bridge.html")
    (tmp_path / "ferry.txt").write_text(
        "Ferry Fares Rise\n\nFerry fares will rise by a tenth in May, the operator said on "
        "Monday, blaming the price of fuel.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(tmp_path / "bridge.html"), str(tmp_path / "ferry.txt")])
    assert window.stories.tree_model.rowCount() == 3
    rects = [window.stories.visualRect(window.stories.tree_model.index(row, 0)) for row in (0, 2)]
    qtbot.mouseClick(window.stories.viewport(), Qt.MouseButton.LeftButton, pos=rects[0].center())
    qtbot.mouseClick(window.stories.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, rects[1].center())  # fmt: skip
    chosen = [window.stories.tree_model.index(row, 0).data(ID_ROLE) for row in (0, 2)]
    assert window.stories.selected_story_ids() == chosen
    window.export_action.trigger()
    dialog = window.output.export_dialog
    offered = [button.text() for button in dialog.scopes.buttons()]
    assert offered[-1] == "All stories" and offered[-2] == "The 2 stories selected in the list"
    assert any(text.startswith("This story: “") for text in offered)
    dialog.findChild(type(dialog.scopes.buttons()[0]), "exportScope_chosen").click()
    assert dialog.name.text() == "sourcemark 2 stories"
    dialog.folder.setText(str(tmp_path))
    dialog.name.setText("two")
    with qtbot.waitSignal(window.export_done, timeout=30_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    stories = read(tmp_path / "two-stories.csv")
    assert sorted(int(row["story_id"]) for row in stories) == sorted(chosen)
    claims = read(tmp_path / "two-claims.csv")
    assert {int(row["story_id"]) for row in claims} == set(chosen)
    assert done.args[0] == (2, len(claims))


# --- the stories file reads the stored roll-ups; one export reads one moment ---


def live_roll_up_cells() -> dict[str, dict[str, str]]:
    """Story id -> its roll-up columns as a roll-up computed now gives them (the stories
    without claims have none)."""
    from sourcemark.analysis.types import SourcingType, Stance
    from sourcemark.store import rollups
    from sourcemark.store.models import Story

    found = {}
    for story_id, summary in rollups.story_scores({s.id: s.title for s in Story.select()}).items():
        components = summary["components"]
        found[str(story_id)] = {
            "score": str(summary["score"]), "code": summary["code"],
            **{name: "" if components[name]["score"] is None else str(components[name]["score"])
               for name in STORY_COLUMNS[4:9]},
            **{f"type_{t.value}": str(summary["counts_by_type"].get(t.value, 0))
               for t in SourcingType},
            **{f"stance_{s.value}": str(summary["counts_by_stance"].get(s.value, 0))
               for s in Stance},
            "flags": "; ".join(summary["flags"]), "caps": "; ".join(summary["caps"]),
        }  # fmt: skip
    return found


def stories_csv() -> list[dict]:
    from sourcemark.report.export import write_stories

    out = io.StringIO()
    write_stories(out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def assert_as_live(rows: list[dict]) -> None:
    live = live_roll_up_cells()
    none = dict.fromkeys(STORY_COLUMNS[2:9], "") | {"flags": "", "caps": ""}
    for row in rows:
        expected = live.get(row["story_id"])
        if expected is None:  # no claims: nothing rolled up
            expected = none | {c: "0" for c in STORY_COLUMNS if c.startswith(("type_", "stance_"))}
        assert {column: row[column] for column in expected} == expected, row["story_id"]


def test_the_stories_file_of_an_archive_is_what_a_live_roll_up_gives(tmp_path):
    from sourcemark.store.edits import update_claim
    from sourcemark.store.models import Story
    from tests.store.test_archive import opened_archive

    with opened_archive(tmp_path, stories=40, articles=48, outlets=6, claims=1000, seed=5):
        Story.create(title="Nothing said yet")  # a story without claims: no roll-up
        rows = stories_csv()
        assert len(rows) == 41 and Story.select().where(Story.score.is_null()).count() == 0
        assert_as_live(rows)
        assert len({row["score"] for row in rows}) > 5  # the archive's stories differ
        # an edit makes its story stale: the export rolls it up again before reading it
        claim = Claim.select().where(Claim.type == "named_official").first()
        story = claim.article.story_id
        before = next(row for row in rows if row["story_id"] == str(story))
        update_claim(claim.id, {"type": "anonymous_source", "source_mention": "sources"})
        assert Story.get_by_id(story).score is None
        rows = stories_csv()
        after = next(row for row in rows if row["story_id"] == str(story))
        assert after["type_anonymous_source"] == str(int(before["type_anonymous_source"]) + 1)
        assert_as_live(rows)


def test_the_stories_file_is_what_a_live_roll_up_gives_on_both_databases(sample_db):
    open_database(sample_db)
    assert_as_live(stories_csv())


def test_an_upgrade_rolls_the_stories_up_again_for_the_stored_summary(tmp_path):
    import sqlite3

    from sourcemark.store.models import Story

    path = tmp_path / "v7.sqlite"
    url = f"sqlite:///{path}"
    assert main(["import", "--db", url, str(sample_story_path())]) == 0
    close_database()
    with sqlite3.connect(path) as old:  # as version 7 left it: rolled up, no summary column
        old.execute("ALTER TABLE story DROP COLUMN summary")
        old.execute("UPDATE story SET score = 60, code = 'F3'")
        old.execute("UPDATE sourcemark_meta SET value = '7' WHERE key = 'schema_version'")
    old.close()
    open_database(url)
    assert Story.get().score is None and Story.get().summary is None  # to be rolled up again
    assert_as_live(stories_csv())
    assert Story.get().summary is not None


def test_roll_ups_stored_under_earlier_rules_are_rolled_up_again_on_opening(tmp_path):
    import sqlite3

    from sourcemark.store.models import Story

    path = tmp_path / "rules-1.sqlite"
    url = f"sqlite:///{path}"
    assert main(["import", "--db", url, str(sample_story_path())]) == 0
    close_database()
    with sqlite3.connect(path) as old:  # as the first rules left it: no mark of its rules
        old.execute("DELETE FROM sourcemark_meta WHERE key = 'rollup_rules'")
        old.execute("UPDATE story SET score = 61")
    old.close()
    open_database(url)
    assert Story.get().score is None  # to be rolled up again
    assert_as_live(stories_csv())
    close_database()
    open_database(url)  # once only: the rules in force are marked
    assert Story.get().score == 60


cell_values = st.one_of(
    st.text(alphabet="=+-@\t\r\n\",;'\u202e\ufeff\uff1d\uff0b\uff0d\uff20 ab1", max_size=12),
    st.text(max_size=8),
    st.integers(),
    st.none(),
)


@examples(max_examples=400)
@given(st.lists(st.lists(cell_values, min_size=1, max_size=5), min_size=1, max_size=6))
def test_rows_are_written_as_safe_makes_each_cell(rows):
    from sourcemark.report.export import _write_rows

    fast, slow = io.StringIO(), io.StringIO()
    _write_rows(fast, rows)
    csv.writer(slow, lineterminator="\r\n").writerows([safe(v) for v in row] for row in rows)
    assert fast.getvalue() == slow.getvalue()


ANOTHER_ARTICLE = """Harbour cranes idle as strike enters second week

Dockworkers at the port of Eastvale stayed off the job on Monday, the union said.

"We will not go back until the offer improves," union leader Maria Okafor told reporters.

The port authority denied that ships had been turned away, according to a statement.
"""


def ids_in(text: str) -> tuple[set[str], int]:
    rows = list(csv.DictReader(io.StringIO(text)))
    return {row["story_id"] for row in rows}, len(rows)


def test_one_export_reads_one_moment_while_another_process_imports(tmp_path, sample_db):
    import subprocess
    import sys

    from sourcemark.report.export import snapshot, write_claims, write_stories

    article = tmp_path / "strike.txt"
    article.write_text(ANOTHER_ARTICLE, encoding="utf-8")
    open_database(sample_db)
    stories, claims = io.StringIO(), io.StringIO()
    with snapshot():
        write_stories(stories)
        imported = subprocess.run(  # another process stores a story between the two files
            [sys.executable, "-m", "sourcemark", "import", "--db", sample_db, str(article)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert imported.returncode == 0, imported.stderr
        write_claims(claims)
    story_ids, _n = ids_in(stories.getvalue())
    claim_story_ids, n_claims = ids_in(claims.getvalue())
    assert claim_story_ids == story_ids == {"1"}
    assert n_claims == Claim.select().join(models.Article).where(models.Article.story == 1).count()
    after_stories, after = io.StringIO(), io.StringIO()
    with snapshot():  # the next export sees the import, both files alike
        write_stories(after_stories)
        write_claims(after)
    assert ids_in(after.getvalue())[0] == ids_in(after_stories.getvalue())[0] == {"1", "2"}


def test_a_story_made_stale_before_the_snapshot_is_rolled_up_first(
    tmp_path, sample_db, monkeypatch
):
    from sourcemark.report import export
    from sourcemark.store.rollups import stale_stories
    from sourcemark.store.stale import mark_stale

    open_database(sample_db)
    rolled = export._roll_up_stale
    calls = []

    def racing_import(story_ids):  # an import marks the story stale just after its roll-up
        rolled(story_ids)
        calls.append(story_ids)
        if len(calls) == 1:
            mark_stale([1])

    monkeypatch.setattr(export, "_roll_up_stale", racing_import)
    with export.snapshot():
        assert stale_stories() == []  # taken again, after the story was rolled up again
    assert len(calls) == 2


def test_a_snapshot_that_keeps_finding_stale_stories_may_write_them(
    tmp_path, sample_db, monkeypatch
):
    from sourcemark.report import export
    from sourcemark.store.stale import mark_stale

    open_database(sample_db)
    rolled = export._roll_up_stale

    def always_racing(story_ids):
        rolled(story_ids)
        mark_stale([1])

    monkeypatch.setattr(export, "_roll_up_stale", always_racing)
    out = io.StringIO()
    with export.snapshot():
        monkeypatch.setattr(export, "_roll_up_stale", rolled)
        export.write_stories(out)  # rolls the stale story up inside the snapshot
    assert ids_in(out.getvalue()) == ({"1"}, 1)
    assert_as_live(list(csv.DictReader(io.StringIO(out.getvalue()))))


def test_an_export_says_when_an_interrupted_imports_corroboration_is_missing(
    tmp_path, sample_db, capsys
):
    from sourcemark.store.corroboration import defer_articles
    from sourcemark.store.models import Article, writing

    open_database(sample_db)
    with writing():  # as an import killed between storing the article and finding its pairs
        defer_articles([Article.get().id])
    close_database()
    capsys.readouterr()
    assert main(["export", "--db", sample_db, "--claims", str(tmp_path / "c.csv")]) == 0
    assert "the claims of 1 article an interrupted import stored" in capsys.readouterr().err
    assert (
        main(["report", "--db", sample_db, "--story", "1", "--out", str(tmp_path / "r.html")]) == 0
    )
    assert "their corroboration is missing here" in capsys.readouterr().err
    assert main(["import", "--db", sample_db, str(sample_story_path())]) == 1  # a duplicate
    assert "comparing the claims of 1 article with other stories'" in capsys.readouterr().out
    assert main(["export", "--db", sample_db, "--claims", str(tmp_path / "c.csv")]) == 0
    assert "interrupted" not in capsys.readouterr().err
