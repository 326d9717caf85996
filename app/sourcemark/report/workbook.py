"""The Excel workbook export: the rows of the CSV files (report/export.py) as the sheets
Stories, Claims and Settings of one .xlsx file.

Cells are typed: ids, scores, counts and offsets are numbers, dates are dates, and text is
text whatever it starts with (a cell is never a formula: XlsxWriter's typed writes, with
its conversions of strings to formulas, numbers and links turned off). Each sheet has a
frozen header row with filters on it and column widths for what the columns hold.

It streams: XlsxWriter's constant_memory mode writes each row to a temporary file as the
next begins (in a folder of its own beside the output, removed whatever happens), so
memory stays flat however many claims there are. A sheet holds at most 1,048,575 rows
under its header: the claims past that go on to "Claims 2", and so on. A cell holds at
most 32,767 characters: longer text is cut there, ending with "…".
"""

import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sourcemark.report.export import (
    CLAIM_COLUMNS,
    SETTINGS_COLUMNS,
    STORY_COLUMNS,
    claim_batches,
    settings_rows,
    story_batches,
)

SHEET_ROWS = 1_048_576  # Excel's rows a sheet, the header's included
CELL_CHARACTERS = 32_767  # Excel's longest text in a cell, in UTF-16 code units

NUMBER, DATE, TEXT, ANY = "number", "date", "text", "any"
NUMBERS = frozenset({
    "story_id", "claim_id", "article_id", "score", "on_record", "anonymous_reliance",
    "corroboration", "right_of_reply", "source_diversity", "articles", "claims",
    "claims_reviewed", "start", "end", "reported_by", "independent_origins", "origin_claim_id",
    *(c for c in STORY_COLUMNS if c.startswith(("type_", "stance_"))),
})  # fmt: skip
DATES = frozenset({"published", "first_published", "last_published"})

# width in characters of the columns whose text runs long (others fit their header)
WIDTHS = {
    "title": 50, "story_title": 40, "article_title": 40, "text": 80, "note": 30,
    "outlet": 22, "outlets": 30, "source": 26, "source_resolved": 26, "flags": 30,
    "caps": 40, "corroborated_by": 18, "type": 18, "type_label": 18, "origin": 9,
    "setting": 30, "value": 12, "code": 7, "stance": 9, "reviewed": 10,
}  # fmt: skip


def kind_of(column: str) -> str:
    if column in NUMBERS:
        return NUMBER
    if column in DATES:
        return DATE
    return ANY if column == "value" else TEXT


def width_of(column: str) -> float:
    if column in DATES:
        return max(12, len(column) + 4)
    # the header's text and its filter button
    return WIDTHS.get(column, max(8, len(column) + 4))


class _Sheets:
    """The workbook's sheets and how each kind of cell is written in them."""

    def __init__(self, out: BinaryIO, scratch: str):
        import xlsxwriter

        self.book = xlsxwriter.Workbook(out, {
            "constant_memory": True, "tmpdir": scratch, "strings_to_formulas": False,
            "strings_to_numbers": False, "strings_to_urls": False,
        })  # fmt: skip
        self.header = self.book.add_format({"bold": True, "bottom": 1, "bg_color": "#EEEEEE"})
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.plain = self.book.add_format()

    def add(self, name: str, columns: list[str]):
        """A sheet with its header row (frozen, with filters) and column widths."""
        sheet = self.book.add_worksheet(name)
        for col, column in enumerate(columns):
            sheet.set_column(col, col, width_of(column))
            sheet.write_string(0, col, column, self.header)
        sheet.freeze_panes(1, 0)
        return sheet

    def let_go(self) -> None:
        """Close the sheets' temporary files, unfinished (an open file cannot be removed on
        Windows)."""
        for sheet in self.book.worksheets():
            with suppress(AttributeError, OSError):
                sheet.row_data_fh.close()

    def finish(self, sheet, columns: list[str], last_row: int) -> None:
        sheet.autofilter(0, 0, last_row, len(columns) - 1)

    def row(self, sheet, row: int, values: Iterable, kinds: list[str]) -> None:
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = kinds[col]
            if kind == ANY:
                kind = NUMBER if type(value) in (int, float) else TEXT
            if kind == NUMBER:
                sheet.write_number(row, col, value)
            elif kind == DATE:
                sheet.write_datetime(row, col, date.fromisoformat(str(value)[:10]), self.date)
            else:
                self.text(sheet, row, col, value if type(value) is str else str(value))

    def text(self, sheet, row: int, col: int, text: str) -> None:
        if len(text) > CELL_CHARACTERS // 2 and _utf16_units(text) > CELL_CHARACTERS:
            text = _cut(text, CELL_CHARACTERS - 1) + "…"
        if text.startswith("<r>") and text.endswith("</r>"):
            # in constant_memory mode XlsxWriter takes such a string for the XML of a rich
            # string and writes it unescaped: text written so could make a formula cell. As
            # a rich string of two runs it is escaped, and reads back as the same text.
            sheet.write_rich_string(row, col, text[0], self.plain, text[1:])
        else:
            sheet.write_string(row, col, text)


def _utf16_units(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _cut(text: str, units: int) -> str:
    """The beginning of ``text`` that fits in ``units`` UTF-16 code units."""
    return text.encode("utf-16-le")[: units * 2].decode("utf-16-le", errors="ignore")


def write_workbook(
    out: BinaryIO,
    story_ids: list[int] | None = None,
    claim_ids: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
    scratch: str | Path | None = None,
) -> tuple[int, int]:
    """Write the workbook to ``out`` (a binary file that can seek): the sheets Stories,
    Claims (and Claims 2… past a sheet's rows) and Settings. Its temporary files go to a
    folder made in ``scratch`` (the output's folder: a disk of its size) and removed after.
    Returns the numbers of stories and claims written."""
    with tempfile.TemporaryDirectory(
        prefix=".sourcemark-xlsx-", dir=scratch, ignore_cleanup_errors=True
    ) as folder:
        sheets = _Sheets(out, folder)
        try:
            n_stories = _write_sheet(sheets, "Stories", STORY_COLUMNS, story_batches(story_ids))
            n_claims = _write_sheet(sheets, "Claims", CLAIM_COLUMNS,
                                    claim_batches(story_ids, claim_ids), progress)  # fmt: skip
            _write_sheet(sheets, "Settings", SETTINGS_COLUMNS, [settings_rows()])
            sheets.book.close()
        except BaseException:
            sheets.let_go()
            raise
    return n_stories, n_claims


def _write_sheet(
    sheets: _Sheets,
    name: str,
    columns: list[str],
    batches: Iterable[list],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the rows of ``batches`` under a header, going on to "NAME 2"… when a sheet is
    full; returns the number of rows written."""
    kinds = [kind_of(column) for column in columns]
    sheet, part, row, count = sheets.add(name, columns), 1, 0, 0
    for batch in batches:
        for values in batch:
            if row == SHEET_ROWS - 1:
                sheets.finish(sheet, columns, row)
                part += 1
                sheet, row = sheets.add(f"{name} {part}", columns), 0
            row += 1
            sheets.row(sheet, row, values, kinds)
        count += len(batch)
        if progress:
            progress(count)
    sheets.finish(sheet, columns, row)
    return count
