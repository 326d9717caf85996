"""File ▸ Export: the window says which files it writes, asks before replacing any, offers
Excel-compatible CSV and the Excel workbook, and remembers the folder and the choice."""

import csv

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sourcemark.store.models import Claim
from tests.ui.test_main_window import demo_window

TITLE = "Viktor Bout Allegedly Attempting to Sell Weapons to Houthis"


def open_export(qtbot, window, action, folder):
    action.trigger()
    dialog = window.output.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.folder.setText(str(folder))
    return dialog


def export(qtbot, window, dialog) -> tuple[int, int]:
    with qtbot.waitSignal(window.export_done, timeout=30_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_the_window_says_which_files_it_will_write(qtbot, db_url, settings, tmp_path):
    window = demo_window(qtbot, db_url, settings)
    dialog = open_export(qtbot, window, window.export_action, tmp_path)
    assert dialog.csv.isChecked() and dialog.name.text() == TITLE  # the story shown
    assert dialog.files.text() == (
        f"In {tmp_path}:\n"
        f"• {TITLE}-stories.csv (one row per story)\n"
        f"• {TITLE}-claims.csv (one row per claim)\n"
        f"• {TITLE}-settings.csv (the model settings)"
    )
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "bout-claims.csv")  # a file's name typed: the files of "bout"
    assert "\n• bout-stories.csv (one row per story)\n" in dialog.files.text()
    dialog.xlsx.click()
    assert (
        dialog.files.text() == f"In {tmp_path}:\n• bout.xlsx (sheets Stories, Claims and Settings)"
    )
    assert not dialog.bom.isEnabled()
    dialog.findChild(type(dialog.csv), "exportScope_all").click()
    assert dialog.name.text() == "bout-claims.csv"  # typed, so kept whatever is exported
    dialog.folder.setText(str(tmp_path / "nowhere"))
    assert dialog.files.text() == "Choose a folder that exists."
    assert not dialog.export_button.isEnabled()
    dialog.reject()


def test_the_name_follows_what_is_exported_until_one_is_typed(qtbot, db_url, settings, tmp_path):
    window = demo_window(qtbot, db_url, settings)
    dialog = open_export(qtbot, window, window.export_action, tmp_path)
    assert [b.text() for b in dialog.scopes.buttons()] == [f"This story: “{TITLE}”", "All stories"]
    dialog.findChild(type(dialog.csv), "exportScope_all").click()
    assert dialog.name.text() == "sourcemark"
    dialog.reject()


def test_existing_files_are_replaced_only_with_consent(qtbot, db_url, settings, tmp_path):
    window = demo_window(qtbot, db_url, settings)
    old = {part: tmp_path / f"news-{part}.csv" for part in ("stories", "claims")}
    for path in old.values():
        path.write_text("the old export\n")
    dialog = open_export(qtbot, window, window.export_action, tmp_path)
    dialog.name.setText("news")
    listed = dialog.files.text().splitlines()
    assert listed[1:] == [
        "• news-stories.csv (one row per story) — already there: asked before replacing it",
        "• news-claims.csv (one row per claim) — already there: asked before replacing it",
        "• news-settings.csv (the model settings)",
    ]
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    box = dialog.replace_box
    assert box.isVisible() and box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert "• news-stories.csv\n• news-claims.csv" in box.text() and str(tmp_path) in box.text()
    assert "news-settings.csv" not in box.text()  # not there: nothing to replace
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert all(path.read_text() == "the old export\n" for path in old.values())
    assert not (tmp_path / "news-settings.csv").exists()
    assert dialog.isVisible()  # to choose another name, or cancel
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.export_done, timeout=30_000):
        box = dialog.replace_box
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert old["stories"].read_text(encoding="utf-8").startswith("story_id,title,")
    with old["claims"].open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == Claim.select().count()
    assert not dialog.isVisible()


def test_escape_on_the_question_keeps_the_files(qtbot, db_url, settings, tmp_path):
    window = demo_window(qtbot, db_url, settings)
    (tmp_path / "news.xlsx").write_bytes(b"the old workbook")
    dialog = open_export(qtbot, window, window.export_workbook_action, tmp_path)
    dialog.name.setText("news")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.replace_box, Qt.Key.Key_Escape)
    qtbot.wait(200)
    assert (tmp_path / "news.xlsx").read_bytes() == b"the old workbook"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_excel_compatible_csv_starts_with_a_bom_and_is_remembered(
    qtbot, db_url, settings, tmp_path
):
    window = demo_window(qtbot, db_url, settings)
    dialog = open_export(qtbot, window, window.export_action, tmp_path)
    assert not dialog.bom.isChecked()
    dialog.bom.setChecked(True)
    dialog.name.setText("excel")
    export(qtbot, window, dialog)
    for part in ("stories", "claims", "settings"):
        assert (tmp_path / f"excel-{part}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), part
    window.export_action.trigger()
    again = window.output.export_dialog
    assert again is not dialog and again.bom.isChecked()
    assert again.folder.text() == str(tmp_path)
    again.bom.setChecked(False)
    again.name.setText("plain")
    export(qtbot, window, again)
    assert (tmp_path / "plain-claims.csv").read_bytes().startswith(b"claim_id,")
    window.export_action.trigger()
    assert not window.output.export_dialog.bom.isChecked()
    window.output.export_dialog.reject()


def test_file_export_excel_workbook_writes_one_workbook(qtbot, db_url, settings, tmp_path):
    window = demo_window(qtbot, db_url, settings)
    dialog = open_export(qtbot, window, window.export_workbook_action, tmp_path)
    assert dialog.xlsx.isChecked() and not dialog.bom.isEnabled()
    dialog.name.setText("bout")
    counts = export(qtbot, window, dialog)
    assert counts == (1, Claim.select().count())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("bout")] == ["bout.xlsx"]
    book = load_workbook(tmp_path / "bout.xlsx")
    assert book.sheetnames == ["Stories", "Claims", "Settings"]
    assert book["Claims"].max_row == counts[1] + 1
    message = window.statusBar().currentMessage()
    assert message == f"Exported 1 story and {counts[1]} claims to bout.xlsx in {tmp_path.name}"


def test_the_claims_a_filter_shows_are_offered_first(qtbot, db_url, settings, tmp_path):
    from tests.ui.test_review import tick

    window = demo_window(qtbot, db_url, settings)
    tick(qtbot, window.claims.stance_filter, "denies")
    dialog = open_export(qtbot, window, window.export_workbook_action, tmp_path)
    assert dialog.scope() == "shown" and dialog.name.text() == f"{TITLE} 5 claims"
    assert dialog.scopes.buttons()[0].text() == "The 5 claims the table shows"
    assert export(qtbot, window, dialog) == (1, 5)
    claims = load_workbook(tmp_path / f"{TITLE} 5 claims.xlsx")["Claims"]
    stances = {row[11] for row in claims.iter_rows(min_row=2, values_only=True)}
    assert stances == {"denies"}
