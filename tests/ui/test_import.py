"""Importing from the window: drops of files, addresses and selections, drops on a story,
paste, progress, cancel, and a window that keeps answering while it works."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from sourcemark.store import close_database, open_database
from sourcemark.store.corroboration import pending_articles
from sourcemark.store.models import Article, Claim, ClaimWord, Corroboration, Story
from sourcemark.ui.main_window import MainWindow
from tests.ingest import samples
from tests.ui.test_main_window import demo_window, drag_and_drop, make_window

IMPORT_TIMEOUT = 60_000


def drop_at(widget, point: QPointF, mime: QMimeData) -> None:
    """Enter, move to ``point`` (where the view works out its drop indicator), drop."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(point.toPoint(), *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point.toPoint(), *args)
    QApplication.sendEvent(widget, move)
    assert move.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(point, *args))


def files_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def write_articles(folder, count: int) -> list:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article-{n:03d}.txt"
        path.write_text(
            f"Budget Vote Number {n}\n\n"
            f"The council approved budget number {n} on Monday, the mayor said.\n\n"
            f"Critics said plan {n} cuts too deep into the library budget.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_dropping_a_web_address_imports_the_page(qtbot, db_url, settings, site):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    url = site.add("/bridge.html", samples.html_page())
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, mime)
    article = Article.get()
    assert (article.title, article.url) == (samples.TITLE, url)
    assert window.stories.tree_model.index(0, 0).data() == samples.TITLE
    assert site.requests == ["/bridge.html"]


def test_dropping_a_selection_from_a_browser_imports_its_text(qtbot, db_url, settings):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    mime = QMimeData()
    paragraphs = "".join(f"<p>{p}</p>" for p in samples.PARAGRAPHS)
    mime.setHtml(f"<meta charset='utf-8'><h1>{samples.TITLE}</h1>{paragraphs}")
    mime.setText(samples.TITLE + "\n\n" + samples.BODY)
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, mime)
    article = Article.get()
    assert samples.PARAGRAPHS[2] in article.text
    assert article.format == "snippet"
    assert Claim.select().where(Claim.article == article).count() >= 3


def test_dropping_a_file_on_a_story_adds_the_article_to_that_story(
    qtbot, db_url, settings, tmp_path
):
    window = demo_window(qtbot, db_url, settings)
    story = Story.get()
    tree = window.stories
    rect = tree.visualRect(window.stories.tree_model.index(0, 0))
    path = samples.write_docx(tmp_path / "bridge.docx")
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drop_at(tree.viewport(), QPointF(rect.center()), files_mime(path))
    assert Story.select().count() == 1
    assert [a.format for a in Article.select().where(Article.story == story)] == ["text", "docx"]
    assert window.stories.tree_model.rowCount(window.stories.tree_model.index(0, 0)) == 2


def test_dropping_below_the_stories_makes_a_new_story(qtbot, db_url, settings, tmp_path):
    window = demo_window(qtbot, db_url, settings)
    viewport = window.stories.viewport()
    below = QPointF(viewport.rect().center().x(), viewport.rect().bottom() - 5)
    path = samples.write_pdf(tmp_path / "bridge.pdf")
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drop_at(viewport, below, files_mime(path))
    assert Story.select().count() == 2
    assert window.stories.tree_model.rowCount() == 2
    # an article without an outlet is named by where it came from
    labels = [window.stories.tree_model.index(0, 0, window.stories.tree_model.index(row, 0)).data()
              for row in range(2)]  # fmt: skip
    assert "bridge.pdf" in labels


def test_pasting_copied_article_text_imports_it(qtbot, db_url, settings):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    QApplication.clipboard().setText(samples.copied_text())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.empty.setFocus()
    with qtbot.waitSignal(window.imports_done, timeout=10_000):
        qtbot.keyClick(window.empty, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    article = Article.get()
    assert (article.title, article.outlet.name) == (samples.TITLE, samples.OUTLET)


def test_pasting_nothing_useful_says_so(qtbot, db_url, settings):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    QApplication.clipboard().setText("hi")
    window.paste_action.trigger()
    assert "no files, web addresses or article text" in window.statusBar().currentMessage()
    assert window.imports.task is None


def test_the_window_keeps_answering_and_counts_while_200_files_import(
    qtbot, db_url, settings, tmp_path
):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    write_articles(tmp_path / "many", 200)
    ticks, seen = [], set()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: (ticks.append(1), seen.add(window.progress.text())))
    timer.start()
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT) as done:
        drag_and_drop(window, files_mime(tmp_path / "many"))
    timer.stop()
    report = done.args[0]
    assert len(report.imported) == 200 and not report.failed
    assert Article.select().count() == 200
    # the event loop ran all along, and the bar counted the files as they went
    assert len(ticks) >= 20
    assert any(text.endswith("of 200") for text in seen), seen
    assert not window.progress.isVisible() and window.imports.task is None


def test_cancel_stops_the_import_and_leaves_only_whole_articles(qtbot, db_url, settings, tmp_path):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    paths = write_articles(tmp_path / "many", 200)
    first = []

    def cancel_on_first(done, total):
        if not first:
            first.append(done)
            qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)

    window.import_progressed.connect(cancel_on_first)
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT) as done:
        drag_and_drop(window, files_mime(*paths))
    report = done.args[0]
    assert report.cancelled
    stored = Article.select().count()
    assert 1 <= stored < 200 and stored == len(report.imported)
    for article in Article.select():
        assert Claim.select().where(Claim.article == article).count() >= 2
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_second_drop_during_an_import_waits_its_turn(qtbot, db_url, settings, tmp_path):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    batch_a = write_articles(tmp_path / "a", 30)
    extra = samples.write_html(tmp_path / "bridge.html")
    reports = []
    window.imports_done.connect(reports.append)
    drag_and_drop(window, files_mime(*batch_a))
    drag_and_drop(window, files_mime(extra))
    assert window.imports.pending
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=IMPORT_TIMEOUT)
    assert Article.select().count() == 31


def test_dropping_the_same_article_again_tells_the_user(qtbot, db_url, settings, tmp_path):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    path = samples.write_html(tmp_path / "bridge.html")
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(path))
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(path))
    assert Article.select().count() == 1
    assert window.imports.problem_box.windowTitle() == "Already imported"
    assert "already imported as" in window.imports.problem_box.informativeText()
    assert "already in the database" in window.statusBar().currentMessage()


def test_a_file_the_system_asks_the_app_to_open_is_imported(qtbot, db_url, settings, tmp_path):
    from PySide6.QtGui import QFileOpenEvent

    from sourcemark.ui.app import FileOpener

    window = demo_window(qtbot, db_url, settings)
    opener = FileOpener(window)
    QApplication.instance().installEventFilter(opener)
    try:
        path = samples.write_html(tmp_path / "bridge.html")
        with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT) as done:
            QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))
        assert len(done.args[0].imported) == 1
        assert window.stories.tree_model.rowCount() == 2
    finally:
        QApplication.instance().removeEventFilter(opener)


def test_a_refused_copy_names_its_story_and_offers_to_show_it(qtbot, db_url, settings, tmp_path):
    from PySide6.QtCore import Qt

    from sourcemark.store.models import Story

    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    path = samples.write_html(tmp_path / "bridge.html")
    other = tmp_path / "other.txt"
    other.write_text("Ferry Strike\n\nThe ferry crews stopped work, the union said.\n")
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(path))
    first = Story.select().order_by(Story.id).first()
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(other, path))  # a new story shown, and the copy
    box = window.imports.problem_box
    assert f"in the story “{first.title}”" in box.informativeText()
    assert window.stories.current_story_id() != first.id
    show = next(b for b in box.buttons() if b.text() == "Show the Story")
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert window.stories.current_story_id() == first.id


def test_the_bar_counts_the_articles_then_their_corroboration(qtbot, db_url, settings, tmp_path):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    write_articles(tmp_path / "many", 60)
    shown = []
    window.progress.valueChanged.connect(lambda value: shown.append(window.progress.format()))
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT):
        drag_and_drop(window, files_mime(tmp_path / "many"))
    assert shown.index("60 of 60") < shown.index("Corroboration 60 of 60"), shown
    assert "Corroboration 25 of 60" in shown  # a batch of articles at a time
    assert pending_articles() == 0 and Corroboration.select().count() > 0


def test_a_cancelled_imports_corroboration_is_found_when_the_window_opens_again(
    qtbot, db_url, settings, tmp_path
):
    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    paths = write_articles(tmp_path / "many", 100)
    window.import_progressed.connect(
        lambda done, _total: (
            done == 10 and qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        )
    )
    with qtbot.waitSignal(window.imports_done, timeout=IMPORT_TIMEOUT) as done:
        drag_and_drop(window, files_mime(*paths))
    report = done.args[0]
    stored = len(report.imported)
    assert report.cancelled and report.corroboration.left == stored == pending_articles() >= 10
    message = window.statusBar().currentMessage()
    assert "cancelled" in message and "found the next time" in message, message
    assert ClaimWord.select().count() == 0  # their claims not yet looked up
    window.close()
    close_database()
    again = MainWindow(db_url, settings)  # as when Sourcemark starts on this database
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.imports.done, timeout=IMPORT_TIMEOUT):
        again.show()
    assert pending_articles() == 0 and ClaimWord.select().count() > 0
    assert Corroboration.select().count() > 0  # "council approved budget" in many stories
    assert again.statusBar().currentMessage() == (
        f"Found the corroboration of {stored} articles an earlier import left unfinished"
    )
    assert Article.select().count() == stored  # nothing imported again
