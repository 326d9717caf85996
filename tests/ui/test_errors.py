"""An unexpected error in the window is logged with its traceback, shown once with the
log's path, and the window goes on working."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sourcemark.paths import data_dir
from sourcemark.store.models import Claim
from sourcemark.ui.errors import ErrorReporter
from tests.ui.test_review import key, select_rows, window_with_claims


class Trigger(QObject):
    fire = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_shown_once_and_the_window_goes_on(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    reporter = ErrorReporter(window)
    reporter.install()
    try:
        trigger = Trigger()

        def broken() -> None:
            raise ValueError("a row that is not there")

        trigger.fire.connect(broken)
        with qtbot.waitSignal(reporter.reported, timeout=5000) as reported:
            QTimer.singleShot(0, trigger.fire.emit)  # raised inside Qt's event loop
        assert reported.args == ["ValueError: a row that is not there"]
        log = data_dir() / "logs" / "sourcemark.log"
        assert reporter.path == log
        text = log.read_text(encoding="utf-8")
        assert "Traceback" in text and "a row that is not there" in text and "broken" in text
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
        assert str(log) in reporter.box.informativeText()
        first_box = reporter.box
        first_box.close()
        # a second one, from a worker thread: logged, told in the status bar, no second box
        worker = threading.Thread(target=lambda: (_ for _ in ()).throw(OSError("disk gone")))
        with qtbot.waitSignal(reporter.reported, timeout=5000):
            worker.start()
        worker.join()
        assert "disk gone" in log.read_text(encoding="utf-8")
        assert reporter.box is first_box and not first_box.isVisible()
        assert str(log) in window.statusBar().currentMessage()
        # the window still works: review a claim with the keyboard
        (claim_id,) = select_rows(qtbot, window, 0)
        before = Claim.get_by_id(claim_id).reviewed
        key(qtbot, window, Qt.Key.Key_Space)
        assert Claim.get_by_id(claim_id).reviewed is not before
    finally:
        reporter.uninstall()


@pytest.mark.qt_no_exception_capture
def test_a_background_task_that_fails_is_never_silent(qtbot, db_url, settings):
    from PySide6.QtCore import QThreadPool

    from sourcemark.ui.worker import Task

    window = window_with_claims(qtbot, db_url, settings)
    reporter = ErrorReporter(window)
    reporter.install()
    log = Path(reporter.path)  # the app's log, wherever this process keeps it
    try:

        def broken(progress, cancelled):
            raise KeyError("a story that went away")

        # a caller that handles the error hears it, and the traceback is in the log
        heard = Task(broken)
        with qtbot.waitSignal(heard.signals.failed, timeout=5000) as failed:
            heard.signals.failed.connect(lambda error: None)
            QThreadPool.globalInstance().start(heard)
        assert isinstance(failed.args[0], KeyError)
        text = log.read_text(encoding="utf-8")
        assert "Traceback" in text and "a story that went away" in text and "broken" in text
        # nobody listens: the error reporter tells it, as any unexpected error
        unheard = Task(broken)
        with qtbot.waitSignal(reporter.reported, timeout=5000) as reported:
            QThreadPool.globalInstance().start(unheard)
        assert reported.args == ["KeyError: 'a story that went away'"]
    finally:
        reporter.uninstall()
