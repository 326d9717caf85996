"""A second Sourcemark on the same SQLite file: both write safely (WAL lets one write while
others read, the busy timeout makes writers wait their turn), each sees the other's
changes, and when the other holds the file too long an edit is refused with a message
saying so, the undo stack unchanged and nothing half-saved."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from sourcemark.store import open_database
from sourcemark.store.db import sqlite_path
from sourcemark.store.models import Claim
from tests.ui.test_main_window import make_window
from tests.ui.test_review import key, select_rows

ROOT = Path(__file__).resolve().parents[2]

# the other Sourcemark: edits notes of the claims it is given, one transaction each, as the
# window does, while this one edits their review state
OTHER = r"""
import sys
sys.path.insert(0, sys.argv[2])
from sourcemark.store import open_database
from sourcemark.store.edits import update_claim
open_database(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
for round in range(20):
    for claim_id in map(int, sys.argv[3:]):
        update_claim(claim_id, {"note": f"checked {round}"})
print("done", flush=True)
"""


def demo_on(qtbot, db_url, settings):
    from sourcemark.demo import open_demo

    open_demo(db_url)
    return make_window(qtbot, db_url, settings)


def test_two_instances_write_the_same_file_in_turn_and_see_each_other(qtbot, db_url, settings):
    window = demo_on(qtbot, db_url, settings)
    window.changes.timer.setInterval(100)
    ids = [c.id for c in Claim.select().order_by(Claim.id).limit(6)]
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER, db_url, str(ROOT / "app"), *map(str, ids[3:])],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=dict(os.environ),
    )  # fmt: skip
    try:
        assert other.stdout.readline().strip() == "ready"
        other.stdin.write("go\n")
        other.stdin.flush()
        mine = select_rows(qtbot, window, 0, 1, 2)
        for _ in range(10):  # this window edits while the other writes
            key(qtbot, window, Qt.Key.Key_Space)
        assert other.stdout.readline().strip() == "done"
        assert other.wait(60) == 0
    finally:
        other.kill()
    assert window.database.problem_box is None  # no edit was refused
    assert all(not Claim.get_by_id(i).reviewed for i in mine)  # ten toggles: as before
    assert all(Claim.get_by_id(i).note == "checked 19" for i in ids[3:])
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == "Updated with changes made elsewhere.", timeout=5000)  # fmt: skip
    rows = {row.id: row for row in window.claims.model.rows()}
    assert all(rows[i].note == "checked 19" for i in ids[3:])


def test_an_edit_while_the_other_holds_the_file_is_refused_with_a_message(qtbot, db_url, settings):
    window = demo_on(qtbot, db_url, settings)
    open_database(db_url, timeout=0.3)  # wait a moment, not five seconds, in this test
    (claim_id,) = select_rows(qtbot, window, 0)
    steps = window.undo_stack.count()
    holder = sqlite3.connect(sqlite_path(db_url))
    holder.execute("BEGIN IMMEDIATE")  # the other program starts writing and does not stop
    try:
        key(qtbot, window, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: window.database.problem_box is not None)
        assert "another program" in window.database.problem_box.text()
        assert "not saved" in window.database.problem_box.text()
        assert window.undo_stack.count() == steps  # nothing to undo: nothing happened
    finally:
        holder.rollback()
        holder.close()
    assert not Claim.get_by_id(claim_id).reviewed
    window.database.problem_box.close()
    key(qtbot, window, Qt.Key.Key_Space)  # the other is done: now it is saved
    assert Claim.get_by_id(claim_id).reviewed and window.undo_stack.count() == steps + 1
