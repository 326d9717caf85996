"""The credibility model's settings: edited in a dialog, saved with the database, applied
to every score and code."""

from PySide6.QtCore import Qt

from sourcemark.store import close_database, open_database
from sourcemark.store.settings import load_settings
from tests.ui.test_review import window_with_claims


def test_new_weights_and_letters_are_saved_with_the_database_and_rescore(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    before = window.summary.rollup["score"]
    window.model_settings_action.trigger()
    dialog = window.dialogs.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.weights["on_record"].setValue(0)
    dialog.weights["right_of_reply"].setValue(60)
    letter = dialog.letters["anonymous_official"]
    letter.setCurrentIndex(letter.findData("E"))
    dialog.cap.setValue(100)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    saved = load_settings()
    assert saved.weights["on_record"] == 0 and saved.letters["anonymous_official"] == "E"
    after = window.summary.rollup
    assert after["score"] != before and after["settings"]["weights"]["right_of_reply"] == 60
    codes = {row.code for row in window.claims.model.rows() if row.type == "anonymous_official"}
    assert codes and all(code.startswith("E") for code in codes)
    close_database()
    open_database(db_url)
    assert load_settings().anonymous_premise_cap == 100  # kept in the file


def test_restore_defaults_puts_back_the_model_documents_values(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    window.model_settings_action.trigger()
    dialog = window.dialogs.settings_dialog
    dialog.weights["corroboration"].setValue(3)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.RestoreDefaults),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert dialog.weights["corroboration"].value() == 25
    assert dialog.settings().letters["named_person"] == "C"
