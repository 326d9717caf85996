"""View ▸ Outlets: every outlet with its track record (claims by sourcing type, and by
month) and its reliability grade, which becomes the letter of its stories and of the media
reports that rest on it."""

from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout

from sourcemark.analysis.types import ANONYMOUS_TYPES, TYPE_LABELS, SourcingType
from sourcemark.scoring.rollup import ON_RECORD
from sourcemark.store.registry import outlet_rows, set_outlet_reliability
from sourcemark.store.rollups import claim_codes, record_text, track_record
from sourcemark.store.rows import claim_months
from sourcemark.ui.dialogs.registry import RegistryDialog


class OutletsDialog(RegistryDialog):
    COLUMNS = ("Outlet", "Grade", "Stories", "Articles", "Claims", "On record", "Anonymous")
    NAME, GRADE, STORIES, ARTICLES, CLAIMS, ON_RECORD_SHARE, ANONYMOUS_SHARE = range(7)
    NUMBERS = (STORIES, ARTICLES, CLAIMS, ON_RECORD_SHARE, ANONYMOUS_SHARE)

    def __init__(self, undo_stack, parent=None):
        super().__init__(undo_stack, "Outlets", "outletTable", parent)
        self.resize(900, 420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        codes = claim_codes()
        months = claim_months()
        rows = []
        for row in outlet_rows():
            record = track_record([(c, m) for c, o, _s, m in months if o == row.id], codes)
            on_record = sum(n for t, n in row.by_type.items() if t in ON_RECORD)
            anonymous = sum(n for t, n in row.by_type.items() if t in ANONYMOUS_TYPES)
            attributed = sum(n for t, n in row.by_type.items() if t != "unattributed")

            def share(n: int, total: int = attributed) -> tuple[str, float]:
                return (f"{round(100 * n / total)} %" if total else "—", n / total if total else -1)

            cells = [
                (row.name, row.name.casefold()),
                (row.reliability or "—", row.reliability or ""),
                (str(row.stories), row.stories),
                (str(row.articles), row.articles),
                (str(row.claims), row.claims),
                share(on_record),
                share(anonymous),
            ]
            rows.append((row.id, cells, _track_record(row) + "\n" + record_text(record)))
        self.fill(rows)

    def set_grade(self, row_id: int, letter: str | None) -> str | None:
        return set_outlet_reliability(row_id, letter)

    def grade_text(self, name: str, letter: str | None) -> str:
        return f"Grade outlet “{name}” {letter or 'not graded'}"


def _track_record(row) -> str:
    """What an outlet's claims rested on, by type and month by month."""
    lines = [f"{row.name}: {row.claims} claims in {row.articles} articles"]
    for type_ in SourcingType:
        if row.by_type.get(type_.value):
            lines.append(f"  {TYPE_LABELS[type_]}: {row.by_type[type_.value]}")
    lines.append("By month:")
    lines += [f"  {month}: {n}" for month, n in sorted(row.by_month.items())]
    return "\n".join(lines)
