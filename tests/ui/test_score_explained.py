"""'Why this score' explains a story's score in the window: each rule named for what scores
high, weight × score = points adding up to the total shown, a rule that does not apply
carrying no weight, the standard behind each rule, and the story code in words."""

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox

from sourcemark.scoring.explain import STANDARDS
from sourcemark.store.models import Outlet
from tests.ingest import samples
from tests.ui.test_main_window import make_window
from tests.ui.test_review import pick, window_with_claims


def shown_text(label) -> str:
    """What a rich-text label shows, as plain text (a table cell a line)."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def bridge_window(qtbot, db_url, settings, tmp_path):
    """A story that accuses nobody: a bridge closes for repairs."""
    from sourcemark.store import open_database

    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(samples.write_html(tmp_path / "bridge.html"))])
    assert window.summary.title.text() == samples.TITLE
    return window


def test_a_story_that_accuses_nobody_shows_right_of_reply_not_applying_and_points_adding_up(
    qtbot, db_url, settings, tmp_path
):
    window = bridge_window(qtbot, db_url, settings, tmp_path)
    summary = window.summary
    assert not summary.breakdown.isVisible()
    qtbot.mouseClick(summary.why, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(summary.breakdown.isVisible)
    text = shown_text(summary.breakdown)
    lines = text.splitlines()  # a table cell a line: score, ×, weight, =, points, rule
    reply = lines.index("Right of reply — does not apply: nobody is accused")
    assert lines[reply - 5 : reply] == ["—", "", "10", "", "—"]  # its weight struck through
    assert "<s>10</s>" in summary.breakdown.text()
    assert lines[reply + 1] == f"Standard: {STANDARDS['right_of_reply']}"  # shown, not a tip
    # the rules that apply: score% × weight = points, and the points add up to the total
    points, weights = [], []
    for name in ("On-record sourcing", "Independent of anonymous sources", "Corroboration",
                 "Source diversity"):  # fmt: skip
        row = next(n for n, line in enumerate(lines) if line.startswith(f"{name} — "))
        score, times, weight, equals, earned = lines[row - 5 : row]
        assert (times, equals) == ("×", "=")
        assert float(earned) == float(score.rstrip("%")) * float(weight) / 100
        points.append(float(earned))
        weights.append(float(weight))
    total = lines.index("Total")
    out_of, earned = float(lines[total - 3]), float(lines[total - 1])
    assert (sum(weights), round(sum(points), 2)) == (out_of, earned) == (90, earned)
    score = window.summary.rollup["score"]
    assert lines[0] == (
        f"{earned:g} of the 90 points that apply: score {score} ({earned:g} ÷ 90 = {score}%)"
    )
    assert score == round(100 * earned / out_of)
    assert re.match(rf"\s*{score}\s*/\s*100", shown_text(summary.score))  # the score shown
    assert lines[1] == "Code F3: outlet not graded (F) · headline claims possibly true (3)"
    assert "Right of reply — does not apply: nobody is accused" in summary.score.toolTip()


def test_the_grade_drop_downs_say_what_each_letter_means(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    window.outlets_action.trigger()
    dialog = window.dialogs.outlets_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.table.setCurrentIndex(dialog.proxy.index(0, dialog.GRADE))
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.focusWidget()
    assert isinstance(editor, QComboBox)
    choices = [editor.itemText(i) for i in range(editor.count())]
    assert choices == [
        "— not graded",
        "A — completely reliable",
        "B — usually reliable",
        "C — fairly reliable",
        "D — not usually reliable",
        "E — unreliable",
        "F — reliability cannot be judged",
    ]
    tip = dialog.proxy.index(0, dialog.GRADE).data(Qt.ItemDataRole.ToolTipRole)
    assert "F is not a fail" in tip
    pick(qtbot, editor, "F")
    qtbot.waitUntil(lambda: Outlet.get().reliability == "F")
    assert dialog.proxy.index(0, dialog.GRADE).data() == "F — reliability cannot be judged"
    assert window.summary.rollup["code_meaning"].startswith(
        "outlet's reliability cannot be judged (F) · "
    )
