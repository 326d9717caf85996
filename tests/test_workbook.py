"""The Excel workbook export, read back with openpyxl: the rows of the CSV files, typed
cells, a frozen header row with filters, and never a formula, whatever the text."""

import csv
import io
import re
import tempfile
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import settings as examples  # the fixture "settings" is the window's
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sourcemark.cli import main
from sourcemark.paths import sample_story_path
from sourcemark.report.export import CLAIM_COLUMNS, SETTINGS_COLUMNS, STORY_COLUMNS, safe
from sourcemark.store import close_database, open_database
from sourcemark.store.models import Article, Claim
from tests.disks import fill, small_disk
from tests.one_event import CONFIRMED, ORIGINAL, REWRITE, WIRE, store_event

SHEETS = {"Stories": STORY_COLUMNS, "Claims": CLAIM_COLUMNS, "Settings": SETTINGS_COLUMNS}


@pytest.fixture
def sample_db(db_url):
    assert main(["import", "--db", db_url, str(sample_story_path())]) == 0
    open_database(db_url)
    Article.update(published=date(2024, 3, 5)).execute()  # a date to read back
    close_database()
    return db_url


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def sheet_rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def as_csv_cell(value) -> str:
    """A workbook cell as the CSV file writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    return safe(value) if isinstance(value, str) else str(value)


def export(db_url, tmp_path, *more: str) -> object:
    out = tmp_path / "sourcemark.xlsx"
    assert main(["export", "--db", db_url, "--xlsx", str(out), *more]) == 0
    return load_workbook(out)


def test_the_workbook_holds_the_rows_of_the_csv_files(tmp_path, sample_db, capsys):
    paths = {name: tmp_path / f"{name.lower()}.csv" for name in SHEETS}
    book = export(sample_db, tmp_path, "--stories", str(paths["Stories"]), "--claims",
                  str(paths["Claims"]), "--settings", str(paths["Settings"]))  # fmt: skip
    said = capsys.readouterr().out
    assert "1 stories and 33 claims to " in said and "sourcemark.xlsx" in said
    assert book.sheetnames == list(SHEETS)
    for name, columns in SHEETS.items():
        rows = sheet_rows(book[name])
        assert rows[0] == columns
        written = read_csv(paths[name])
        assert [[as_csv_cell(v) for v in row] for row in rows] == written, name
    assert len(sheet_rows(book["Claims"])) == 34


def test_the_workbook_alone_needs_no_csv_file(tmp_path, sample_db, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "sourcemark.xlsx"
    assert main(["export", "--db", sample_db, "--xlsx", str(out)]) == 0
    assert f"wrote 1 stories and 33 claims to {out} from" in capsys.readouterr().out
    assert [p.name for p in folder.iterdir()] == ["sourcemark.xlsx"]  # nothing else left
    assert load_workbook(out)["Claims"].max_row == 34


def test_numbers_are_numbers_and_dates_are_dates(tmp_path, sample_db):
    book = export(sample_db, tmp_path)
    stories, claims, settings = book["Stories"], book["Claims"], book["Settings"]
    story = dict(zip(STORY_COLUMNS, next(stories.iter_rows(min_row=2)), strict=True))
    assert story["score"].value == 60 and story["score"].data_type == "n"
    assert story["type_anonymous_official"].value == 9 and story["claims"].value == 33
    assert story["first_published"].is_date
    assert story["first_published"].value.date() == date(2024, 3, 5)
    assert story["first_published"].number_format == "yyyy-mm-dd"
    assert story["code"].value == "F3" and story["code"].data_type == "s"
    claim = dict(zip(CLAIM_COLUMNS, next(claims.iter_rows(min_row=2)), strict=True))
    assert claim["published"].is_date and claim["published"].value.date() == date(2024, 3, 5)
    assert all(claim[c].data_type == "n" for c in ("claim_id", "story_id", "start", "end"))
    assert claim["type_label"].value == "Anonymous official"
    assert claim["reviewed"].value == "no" and claim["note"].value is None
    found = {row[0].value: row[1] for row in settings.iter_rows(min_row=2)}
    assert found["weights.on_record"].value == 30 and found["weights.on_record"].data_type == "n"
    assert found["letters.document"].value == "B"


def test_the_claims_sheet_counts_outlets_and_independent_origins_in_numbers(tmp_path, db_url):
    """One event told by five outlets (tests/one_event.py): two origins behind it."""
    open_database(db_url)
    event = {outlet: [claim.id for claim in claims] for outlet, claims in store_event().items()}
    close_database()
    claims = book_claims(export(db_url, tmp_path))
    original, confirmed = event[ORIGINAL][0], event[CONFIRMED][0]
    columns = ("reported_by", "independent_origins", "origin_claim_id")
    for claim_id, expected in [(event[WIRE][0], (5, 2, original)),
                               (event[REWRITE][0], (5, 2, original)),
                               (confirmed, (5, 2, confirmed)),
                               (event[CONFIRMED][1], (1, 1, event[CONFIRMED][1]))]:  # fmt: skip
        cells = claims[claim_id]
        assert tuple(cells[c].value for c in columns) == expected
        assert all(cells[c].data_type == "n" for c in columns)


def book_claims(book) -> dict[int, dict]:
    """The Claims sheet's rows by claim id: column -> cell."""
    rows = (
        dict(zip(CLAIM_COLUMNS, row, strict=True)) for row in book["Claims"].iter_rows(min_row=2)
    )
    return {row["claim_id"].value: row for row in rows}


def test_a_story_without_a_rule_that_applies_leaves_its_cell_empty(tmp_path, db_url):
    from tests.ingest import samples

    assert main(["import", "--db", db_url, str(samples.write_html(tmp_path / "b.html"))]) == 0
    book = export(db_url, tmp_path)
    story = dict(zip(STORY_COLUMNS, sheet_rows(book["Stories"])[1], strict=True))
    assert story["right_of_reply"] is None and isinstance(story["score"], int)
    assert story["first_published"] is None or isinstance(story["first_published"], datetime)


def test_each_sheet_has_a_frozen_header_with_filters_and_widths(tmp_path, sample_db):
    book = export(sample_db, tmp_path)
    for name, columns in SHEETS.items():
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        last = sheet.cell(row=1, column=len(columns)).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", name
        assert all(cell.font.b for cell in sheet[1]), name
    widths = dict(zip(CLAIM_COLUMNS, column_widths(book["Claims"], len(CLAIM_COLUMNS)),
                      strict=True))  # fmt: skip
    assert widths["text"] > 60 and widths["claim_id"] < 15 and widths["published"] >= 10
    assert widths["type_label"] >= len("Anonymous official")
    assert all(width >= len(name) for name, width in widths.items())  # each header shows


def column_widths(sheet, count: int) -> list[float]:
    """Each column's width (openpyxl keys a run of columns of one width by its first)."""
    widths = [0.0] * count
    for dimension in sheet.column_dimensions.values():
        for index in range(dimension.min, dimension.max + 1):
            widths[index - 1] = dimension.width
    return widths


FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20A1",
            '=HYPERLINK("http://evil.invalid","click")', "\t=1", "=cmd|' /C calc'!A0",
            '<r></r></is><f>HYPERLINK("http://evil.invalid")</f><is><r></r>']  # fmt: skip


@pytest.mark.parametrize("text", FORMULAS)
def test_no_cell_is_a_formula_whatever_its_text_starts_with(tmp_path, sample_db, text):
    open_database(sample_db)
    claim = Claim.select().first()
    Claim.update(text=text, note=text, source_mention=text).where(Claim.id == claim.id).execute()
    Article.update(title=text).execute()
    close_database()
    book = export(sample_db, tmp_path)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    row = next(r for r in book["Claims"].iter_rows(min_row=2) if r[0].value == claim.id)
    claim_cells = dict(zip(CLAIM_COLUMNS, row, strict=True))
    for column in ("text", "note", "source", "article_title"):
        cell = claim_cells[column]
        assert (cell.data_type, cell.value) == ("s", text), column


EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def as_excel_reads(text: str) -> str:
    """Text of a cell as Excel reads it: openpyxl leaves the _xHHHH_ escapes XlsxWriter
    writes for control characters (and for a literal "_x0041_", as _x005F_x0041_)."""
    return EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(alphabet="<>/r=+-@\t\r\n&\"'_x0D\ufeff\uff1d ", max_size=20),
    st.sampled_from(["<r>", "</r>", "<r>a</r>", "_x0041_", "&amp;"]).flatmap(
        lambda core: st.tuples(st.text(max_size=5), st.text(max_size=5)).map(
            lambda ends: ends[0] + core + ends[1]
        )
    ),
)


@examples(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=10))
def test_any_text_reads_back_as_written_and_never_as_a_formula(values):
    from sourcemark.report.workbook import _Sheets

    values = [v for v in values if v]
    out = io.BytesIO()
    with tempfile.TemporaryDirectory() as scratch:
        sheets = _Sheets(out, scratch)
        sheet = sheets.add("Texts", ["text"])
        for row, value in enumerate(values, start=1):
            sheets.text(sheet, row, 0, value)
        sheets.book.close()
    cells = [row[0] for row in load_workbook(out)["Texts"].iter_rows(min_row=2)]
    assert [c.data_type for c in cells] == ["s"] * len(values)
    assert [as_excel_reads(c.value) for c in cells] == values


def test_text_longer_than_a_cell_holds_is_cut_with_an_ellipsis(tmp_path, sample_db):
    from sourcemark.report.workbook import CELL_CHARACTERS

    open_database(sample_db)
    claim = Claim.select().first()
    Claim.update(note="word " * 10_000).where(Claim.id == claim.id).execute()
    close_database()
    book = export(sample_db, tmp_path)
    row = next(r for r in book["Claims"].iter_rows(min_row=2) if r[0].value == claim.id)
    note = dict(zip(CLAIM_COLUMNS, row, strict=True))["note"].value
    assert len(note) == CELL_CHARACTERS and note.endswith("…")
    assert note.startswith("word word")


def test_claims_past_a_sheets_rows_go_on_to_the_next_sheet(tmp_path, sample_db, monkeypatch):
    from sourcemark.report import workbook

    monkeypatch.setattr(workbook, "SHEET_ROWS", 11)  # a header and 10 rows a sheet
    book = export(sample_db, tmp_path)
    assert book.sheetnames == ["Stories", "Claims", "Claims 2", "Claims 3", "Claims 4",
                               "Settings", "Settings 2"]  # fmt: skip
    parts = [sheet_rows(book[name]) for name in book.sheetnames[1:5]]
    assert all(part[0] == CLAIM_COLUMNS for part in parts)
    assert [len(part) - 1 for part in parts] == [10, 10, 10, 3]
    ids = [row[0] for part in parts for row in part[1:]]
    assert len(set(ids)) == 33
    last = get_column_letter(len(CLAIM_COLUMNS))
    assert book["Claims 4"].auto_filter.ref == f"A1:{last}4"


def test_the_trash_counts_nowhere_in_the_workbook(tmp_path, sample_db):
    from tests.ingest import samples

    assert main(["import", "--db", sample_db, str(samples.write_html(tmp_path / "b.html"))]) == 0
    assert main(["story", "delete", "--db", sample_db, "1"]) == 0
    book = export(sample_db, tmp_path)
    stories = sheet_rows(book["Stories"])[1:]
    assert [row[0] for row in stories] == [2]
    assert {row[1] for row in sheet_rows(book["Claims"])[1:]} == {2}


def test_a_workbook_needs_its_xlsx_name_and_never_writes_over_the_database(
    tmp_path, sample_db, capsys
):
    assert main(["export", "--db", sample_db, "--xlsx", str(tmp_path / "out.csv")]) == 2
    assert "ends in .xlsx" in capsys.readouterr().err
    if sample_db.startswith("sqlite"):
        database = sample_db.removeprefix("sqlite:///")
        assert main(["export", "--db", sample_db, "--xlsx", database]) == 2
        assert "never writes over it" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()


def test_a_workbook_on_a_full_disk_leaves_the_old_one_and_no_temporary_files(
    tmp_path, sample_db, capsys
):
    with small_disk(tmp_path / "disk", "256k") as disk:
        old = disk / "news.xlsx"
        old.write_bytes(b"the old workbook")
        fill(disk)
        code = main(["export", "--db", sample_db, "--xlsx", str(old)])
        err = capsys.readouterr().err
        assert code == 1 and "the disk is full" in err and "Traceback" not in err
        assert old.read_bytes() == b"the old workbook"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "news.xlsx"]
