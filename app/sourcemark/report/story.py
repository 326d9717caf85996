"""A story report people can send: HTML, or PDF through Qt's QTextDocument and QPdfWriter.

The summary (score, code in words, the five components with their points, sentences
and standards, caps, flags), a bar of the sourcing types, the claims grouped by
sourcing type with their sources, stances and codes, and the model settings used.
Every piece of article text is escaped: nothing in a report is markup from an article.
"""

from datetime import date
from html import escape
from pathlib import Path

from sourcemark import __version__
from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.colours import TYPE_COLOURS
from sourcemark.scoring.explain import COMPONENT_NAMES, how_counted, points_text


def story_report_html(story_id: int) -> str:
    """The report as HTML. The claims are read once, as the model reads them (plain rows, in
    reading order): read as model objects with their article, each carried a copy of the
    article's text, 6.3 GB for a 480 KB article of 12,928 claims."""
    from sourcemark.scoring import roll_up
    from sourcemark.store.models import Story
    from sourcemark.store.rollups import graded_stories
    from sourcemark.store.rows import article_rows
    from sourcemark.store.settings import load_settings

    story = Story.get_by_id(story_id)
    model = load_settings()
    summary, claims, grades = None, [], []
    for stored, graded in graded_stories([story.id], model):  # the model run once for both
        summary = roll_up(stored.claims, story.title, stored.outlet_letter,
                          settings=model, alike=stored.alike, grades=graded)  # fmt: skip
        claims, grades = stored.claims, graded
    articles = sorted(article_rows([story.id])[story.id], key=lambda article: article.id)
    settings = model.as_dict()
    parts = [
        "<html><head><meta charset='utf-8'><style>"
        "body{font-family:sans-serif;font-size:10pt} h1{font-size:16pt} h2{font-size:12pt;"
        "margin-top:14pt} td,th{padding:2pt 6pt;vertical-align:top} th{text-align:left}"
        ".small{color:#555;font-size:8pt}</style></head><body>",
        f"<h1>{escape(story.title)}</h1>",
        "<p>" + escape(" · ".join(_article_line(a) for a in articles)) + "</p>",
    ]
    if summary:
        parts.append(
            f"<p><b>Sourcing score {summary['score']} of 100 · story code "
            f"{escape(summary['code'])}</b>: {escape(summary['code_meaning'])}<br>"
            "<span class='small'>This scores how the story is sourced, not whether it is "
            "true.</span></p>"
        )
        parts.append(_components_table(summary))
        for cap in summary["caps"]:
            parts.append(f"<p>⚠ Capped: {escape(cap)}</p>")
        if summary["flags"]:
            parts.append(f"<p>Flags: {escape(', '.join(summary['flags']))}</p>")
        parts.append(_type_bar(summary["counts_by_type"]))
    by_type: dict[str, list] = {}
    for claim, grade in zip(claims, grades, strict=True):
        by_type.setdefault(claim.type, []).append((claim, grade))
    for type_ in SourcingType:
        group = by_type.get(type_.value)
        if not group:
            continue
        parts.append(f"<h2>{TYPE_LABELS[type_]} ({len(group)})</h2><table width='100%'>")
        parts.append("<tr><th width='58%'>Claim</th><th width='22%'>Source</th>"
                     "<th width='8%'>Stance</th><th width='12%'>Code</th></tr>")  # fmt: skip
        for claim, grade in group:
            flags = (f"<br><span class='small'>{escape(', '.join(grade.flags))}</span>"
                     if grade.flags else "")  # fmt: skip
            also = (f"<br><span class='small'>also reported by "
                    f"{escape(', '.join(grade.also_reported_by))}</span>"
                    if grade.also_reported_by else "")  # fmt: skip
            parts.append(
                f"<tr><td>{escape(' '.join(claim.text.split()))}{also}</td>"
                f"<td>{escape(claim.source or '—')}</td><td>{escape(claim.stance)}</td>"
                f"<td>{escape(grade.code)}{flags}</td></tr>"
            )
        parts.append("</table>")
    parts.append("<h2>Model settings used</h2><p class='small'>")
    weights = ", ".join(f"{COMPONENT_NAMES[k]} {v:g}" for k, v in settings["weights"].items())
    letters = ", ".join(
        f"{TYPE_LABELS[SourcingType(k)]} {v}" for k, v in settings["letters"].items()
    )
    parts.append(
        f"Weights: {escape(weights)}.<br>Default letters: {escape(letters)}.<br>"
        f"Same content from similarity {settings['similarity']:g}; full diversity from "
        f"{settings['diverse_sources']} sources; score cap {settings['anonymous_premise_cap']} "
        "when the headline rests only on anonymous sources.<br>"
        f"Sourcemark {escape(__version__)}, {date.today().isoformat()}.</p></body></html>"
    )
    return "".join(parts)


def _components_table(summary: dict) -> str:
    """Each component's score × weight = points, why, and the standard behind its rule (a
    rule that does not apply: no score and no weight); the total those points make."""
    rows = ["<table width='100%'><tr><th width='20%'>Component</th><th width='10%'>Score</th>"
            "<th width='11%'>Weight</th><th width='11%'>Points</th><th>Why</th></tr>"]  # fmt: skip
    weights = summary["settings"]["weights"]
    for key, component in summary["components"].items():
        if component["score"] is None:
            figures = f"<td>—</td><td><s>{points_text(weights[key])}</s></td><td>—</td>"
        else:
            figures = (f"<td>{component['score']}%</td><td>× {points_text(component['weight'])}"
                       f"</td><td>= {points_text(component['points'])}</td>")  # fmt: skip
        rows.append(
            f"<tr><td>{escape(component['name'])}</td>{figures}<td>"
            f"{escape(component['reason'])}<br><span class='small'>Standard: "
            f"{escape(component['standard'])}</span></td></tr>"
        )
    rows.append(
        f"<tr><td><b>Total</b></td><td></td><td><b>{points_text(summary['out_of'])}</b></td>"
        f"<td><b>{points_text(summary['points'])}</b></td>"
        f"<td><b>{escape(how_counted(summary))}</b></td></tr></table>"
    )
    rows.append("<p class='small'>Each rule scores 0 to 100% and earns that share of its "
                "weight in points; a rule that does not apply carries no weight.</p>")  # fmt: skip
    return "".join(rows)


def _article_line(article) -> str:
    """An article's outlet and date (from an ArticleRow)."""
    outlet = article.outlet_name or "unknown outlet"
    when = f", {article.published.isoformat()}" if article.published else ""
    return f"{outlet}{when}"


def _type_bar(counts: dict[str, int]) -> str:
    total = sum(counts.values()) or 1
    cells = []
    for type_ in SourcingType:
        n = counts.get(type_.value, 0)
        if n:
            width = max(1, round(100 * n / total))
            colour = TYPE_COLOURS[type_]
            cells.append(f"<td width='{width}%' bgcolor='{colour}'>&nbsp;</td>")
    legend = " · ".join(f"{TYPE_LABELS[t]} {counts[t.value]}" for t in SourcingType
                        if counts.get(t.value))  # fmt: skip
    return (f"<table width='100%' cellspacing=0 cellpadding=0><tr>{''.join(cells)}</tr></table>"
            f"<p class='small'>{escape(legend)}</p>")  # fmt: skip


def write_report(story_id: int, out: str | Path) -> Path:
    """The story's report as HTML or PDF, by the file's extension. It takes the place of
    the file only once it is complete (sourcemark.report.outputs); a report that cannot be written
    raises OSError or ValueError, never a success over nothing."""
    from sourcemark.report.outputs import check_outputs, replacing, write_bytes

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in {".html", ".htm", ".pdf"}:
        raise ValueError("the report is written as .pdf or .html")
    check_outputs(out)
    html = story_report_html(story_id)
    if suffix != ".pdf":
        with replacing(out, "w", encoding="utf-8") as handle:
            handle.write(html)
        return out
    write_bytes(out, _pdf(html))
    return out


def _pdf(html: str) -> bytes:
    """The report laid out on A4 pages, as the bytes of a PDF (written to memory: Qt's
    PDF writer says nothing when a file cannot be written)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:  # from the command line: no window needed
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # a QApplication, not a bare QGuiApplication: windows may follow in this process
        _keep.append(QApplication([]))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle("Sourcemark story report")
    writer.setCreator(f"Sourcemark {__version__}")
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # the PDF is finished when its writer goes
    buffer.close()
    return bytes(data.data())


_keep: list = []  # the application object made for a command-line report
