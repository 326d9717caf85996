"""An imported page is untrusted: its scripts never run and nothing it points to is
fetched when its article is shown, its claims listed, their tooltips shown or its report
written. A local server counts every request: only the page itself is asked for."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolTip

from sourcemark.store.models import Article
from sourcemark.ui.models.claims import ClaimTableModel
from sourcemark.ui.models.roles import ID_ROLE
from tests.ui.test_main_window import make_window


def hostile_page(site) -> str:
    base = site.url("")
    body = f"""<!doctype html><html><head>
<title>Harbour &lt;b&gt;closed&lt;/b&gt; &lt;img src="{base}/title.png"&gt;</title>
<script src="{base}/script.js"></script>
<script>fetch("{base}/inline-fetch"); document.write('<img src="{base}/written.png">');</script>
<link rel="stylesheet" href="{base}/style.css">
<link rel="prefetch" href="{base}/prefetch">
<style>@import url("{base}/imported.css"); body {{ background: url("{base}/bg.png") }}</style>
<meta http-equiv="refresh" content="0; url={base}/refresh">
</head><body onload="fetch('{base}/onload')">
<article>
<h1>Harbour &lt;b&gt;closed&lt;/b&gt;</h1>
<p>Officials said the harbour gate was closed &lt;img src="{base}/in-text.png"&gt; on
Monday after a storm damaged the sea wall, according to the port authority.</p>
<img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x" alt="the harbour">
<iframe src="{base}/frame.html"></iframe>
<object data="{base}/object.swf"></object>
<video poster="{base}/poster.png" src="{base}/video.mp4"></video>
<p>The mayor denied that the gate was closed &lt;script src="{base}/text-script.js"&gt;&lt;/script&gt;
and said ferries would sail on Tuesday as planned, the newspaper reported.</p>
<p style="background:url({base}/inline-style.png)">Western diplomats said the storm had
also damaged two ships moored in the outer harbour, the Reuters news agency reported.</p>
</article></body></html>"""
    return site.add("/story.html", body)


def test_an_imported_page_fetches_nothing_and_runs_nothing_when_shown(
    qtbot, db_url, settings, site, tmp_path
):
    from sourcemark.store import open_database

    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    url = hostile_page(site)
    with qtbot.waitSignal(window.imports_done, timeout=30_000):
        window.imports.start_import([url])
    assert site.requests == ["/story.html"]
    article = Article.get()
    window.stories.select_story(article.story_id)
    shown = window.article_pane.view.toPlainText()
    assert "Officials said the harbour gate was closed" in shown
    assert f'<img src="{site.url("")}/in-text.png">' in shown  # its markup, shown as words
    assert window.summary.title.textFormat() == Qt.TextFormat.PlainText
    assert window.article_pane.title.textFormat() == Qt.TextFormat.PlainText
    table, proxy = window.claims.table, window.claims.proxy
    assert proxy.rowCount() >= 3
    escaped = 0
    for row in range(proxy.rowCount()):
        window.claims.select_claim(proxy.index(row, 0).data(ID_ROLE))
        for column in range(ClaimTableModel.NOTE + 1):
            tip = proxy.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                assert "<img" not in tip and "<script" not in tip  # escaped, shown as words
                escaped += "&lt;img" in tip
                QToolTip.showText(table.viewport().mapToGlobal(QPoint(20, 20)), tip, table)
                qtbot.wait(20)
    assert escaped  # the claim carrying the page's markup, shown as its words
    for row in range(window.stories.tree_model.rowCount()):
        tip = window.stories.tree_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip
        QToolTip.showText(QPoint(30, 30), tip, window.stories)
    QToolTip.hideText()
    report = tmp_path / "report.html"
    window.output.write_report(article.story_id, str(report))  # and as a PDF, laid out by Qt
    window.output.write_report(article.story_id, str(tmp_path / "report.pdf"))
    assert "<img" not in report.read_text(encoding="utf-8").split("<body", 1)[-1]
    assert (tmp_path / "report.pdf").stat().st_size > 1000
    qtbot.wait(300)  # anything asked for late would have arrived by now
    assert site.requests == ["/story.html"]
