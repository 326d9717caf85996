"""Property tests for the CSV writer: any text an article may hold (quotes, commas, line
breaks, control characters, right-to-left marks, formulas) is written so that a CSV
reader gives back exactly the cells, and none of them starts like a spreadsheet formula."""

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcemark.analysis.types import Claim as FoundClaim
from sourcemark.analysis.types import SourcingType, Stance
from sourcemark.ingest import Document
from sourcemark.report.export import CLAIM_COLUMNS, DANGEROUS_STARTS, _writer, export_files, safe
from sourcemark.store import close_database, open_database
from sourcemark.store.articles import add_article

cells = st.one_of(
    st.text(),
    st.text(alphabet="=+-@\t\r\n\",;'\x00\u202e\ufeff abc", max_size=30),
    st.integers(),
    st.booleans(),
    st.none(),
)


def written(rows: list[list], bom: bool) -> str:
    out = io.StringIO()
    writer = _writer(out, bom)
    for row in rows:
        writer.writerow([safe(value) for value in row])
    return out.getvalue()


@settings(max_examples=300)
@given(st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=5), st.booleans())
def test_any_cells_read_back_as_written_and_none_is_a_formula(rows, bom):
    text = written(rows, bom)
    assert text.startswith("\ufeff") == bom
    back = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert back == [[safe(value) for value in row] for row in rows]
    assert not any(cell.startswith(DANGEROUS_STARTS) for row in back for cell in row)


article_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200
).filter(lambda t: t.strip())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text, article_text, article_text, st.text(max_size=40))
def test_a_stored_article_of_any_text_exports_cell_for_cell(title, claim, source, outlet):
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        open_database(f"sqlite:///{base / 'fuzz.sqlite'}")
        try:
            text = f"{claim}\n\n{source} said so."
            found = FoundClaim(claim, 0, len(claim), SourcingType.NAMED_PERSON, Stance.ASSERTS,
                               source, source, "said")  # fmt: skip
            add_article(Document(text=text, title=title, outlet=outlet or None), [found])
            stories, claims = base / "s.csv", base / "c.csv"
            assert export_files(stories, claims) == (1, 1)
            with claims.open(encoding="utf-8", newline="") as handle:
                [row] = list(csv.DictReader(handle))
        finally:
            close_database()
    assert list(row) == CLAIM_COLUMNS
    stored = {"text": claim, "article_title": title, "source": source}
    for column, value in stored.items():
        assert row[column] == safe(value), column
    assert not any(cell.startswith(DANGEROUS_STARTS) for cell in row.values())
