"""A story's report as a web page of its own: one HTML5 file that any browser opens and
prints (its own CSS for the screen and for paper, the sourcing types' colours as CSS), with
no script, no image and nothing fetched. Every piece of text from an article, a person or
the archive (titles, claims, sources, notes, outlets) is escaped."""

from html import escape

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.colours import TYPE_COLOURS
from sourcemark.report.story import (
    HEADLINE_LABEL,
    ORIGINS_HEADING,
    ORIGINS_INTRO,
    REVIEW_LABELS,
    ReportClaim,
    StoryReport,
    entry_line,
    headline_origin_notes,
    legend,
    review_line,
    settings_lines,
    unlisted_line,
)
from sourcemark.scoring.explain import how_counted, points_text

_CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #595959; --rule: #d6d6d6;
  --headline: #fff3c4; --headline-ink: #7a4b00; }
%(types)s
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: var(--ink); background: #fff; max-width: 66rem; margin: 2rem auto;
  padding: 0 1.25rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .5rem 0; }
.small { color: var(--muted); font-size: .85em; }
table { border-collapse: collapse; width: 100%%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--rule); }
th { border-bottom: 2px solid #8c8c8c; font-size: .85em; }
.components td:nth-child(2), .components td:nth-child(3), .components td:nth-child(4) {
  white-space: nowrap; }
.claims td.text { overflow-wrap: break-word; }
.claims th:not(:first-child), .claims td.stance, .claims td.code, .claims td.review {
  white-space: nowrap; }
.claims col.source { width: 18%%; }
.claims tr.claim td:first-child { border-left: 4px solid var(--type); }
.claims tr.headline { background: var(--headline); }
.mark { display: inline-block; font-size: .75em; font-weight: 600; line-height: 1.3;
  padding: 0 .4em; border-radius: .25em; margin-right: .4em; vertical-align: .1em; }
.mark.headline { background: var(--headline-ink); color: #fff; }
.note { margin-top: .3rem; font-style: italic; }
.note b { font-style: normal; }
.review-reviewed { color: #17692c; font-weight: 600; }
.review-person { color: #0b57a4; font-weight: 600; }
.review-machine { color: #a13600; }
.bar { display: flex; height: 1.1rem; border-radius: 3px; overflow: hidden;
  margin: 1rem 0 .4rem; border: 1px solid #bbb; }
.bar span { background: var(--type); }
.swatch { display: inline-block; width: .85em; height: .85em; background: var(--type);
  border: 1px solid rgba(0, 0, 0, .3); vertical-align: -.08em; margin-right: .35em; }
.type-legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap;
  gap: .2rem 1.1rem; font-size: .9em; }
.chain ol { margin: .2rem 0 .8rem; padding-left: 1.6rem; }
.chain ul { margin: .1rem 0 .3rem; padding-left: 1.2rem; list-style: "↳ "; }
.chain .here { font-weight: 600; }
.legend dl { display: grid; grid-template-columns: 11.5rem 1fr; gap: .15rem .9rem;
  margin: 0; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; }
footer { margin-top: 2rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { font-size: 9pt; max-width: none; margin: 0; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12pt; margin-top: 14pt; break-after: avoid; }
  h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .legend dt, .legend dd, .bar { break-inside: avoid; }
}
"""


def _type_css() -> str:
    """Each sourcing type's colour as a CSS variable of its class: .t-named_official."""
    return "\n".join(f".t-{t.value} {{ --type: {TYPE_COLOURS[t]}; }}" for t in SourcingType)


def report_page(report: StoryReport) -> str:
    """The whole page."""
    title = escape(report.title)
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Sourcemark {escape(report.version)}">\n'
        f"<title>{title}</title>\n<style>{_CSS % {'types': _type_css()}}</style>\n"
        "</head>\n<body>\n<header>\n",
        f"<h1>{title}</h1>\n",
        f'<p class="articles">{escape(" · ".join(report.articles))}</p>\n</header>\n',
    ]
    summary = report.summary
    if summary:
        parts.append(_summary(report, summary))
    if report.headline_origins or report.alone:
        parts.append(_headline_origins(report))
    groups = report.by_type()
    if groups:
        parts.append(_legend(report))
    for type_, claims in groups:
        parts.append(
            f'<section class="type t-{type_.value}">\n<h2 id="{type_.value}">'
            f'<span class="swatch"></span>{TYPE_LABELS[type_]} ({len(claims)})</h2>\n'
            '<table class="claims">\n<colgroup><col><col class="source"><col class="stance">'
            '<col class="code"><col class="review"></colgroup>\n<thead><tr><th>Claim</th>'
            "<th>Source</th><th>Stance</th><th>Code</th><th>Review</th></tr></thead>\n<tbody>\n"
        )
        parts.extend(_claim_row(claim) for claim in claims)
        parts.append("</tbody>\n</table>\n</section>\n")
    parts.append('<footer>\n<h2>Model settings used</h2>\n<p class="small">')
    parts.append("<br>".join(escape(line) for line in settings_lines(report.settings)))
    parts.append(f"<br>Sourcemark {escape(report.version)}, {report.made.isoformat()}.</p>\n"
                 "</footer>\n</body>\n</html>\n")  # fmt: skip
    return "".join(parts)


def _summary(report: StoryReport, summary: dict) -> str:
    """The score and the code in words, how many claims a person reviewed, the components,
    caps and flags, and the bar of the sourcing types."""
    reviewed, _, rest = review_line(report).partition(";")
    parts = [
        f'<section class="summary">\n<p><b>Sourcing score {summary["score"]} of 100 · '
        f"story code {escape(summary['code'])}</b>: {escape(summary['code_meaning'])}"
        '<br><span class="small">This scores how the story is sourced, not whether it is '
        "true.</span></p>\n",
        f'<p class="review-count"><b>{escape(reviewed)}</b>'
        f"{escape(';' + rest) if rest else ''}.</p>\n",
        _components_table(summary),
    ]
    parts += [f"<p>⚠ Capped: {escape(cap)}</p>\n" for cap in summary["caps"]]
    if summary["flags"]:
        parts.append(f"<p>Flags: {escape(', '.join(summary['flags']))}</p>\n")
    parts.append(_type_bar(summary["counts_by_type"]))
    parts.append("</section>\n")
    return "".join(parts)


def _claim_row(claim: ReportClaim) -> str:
    classes = "claim headline" if claim.premise else "claim"
    mark = f'<span class="mark headline">{HEADLINE_LABEL}</span>' if claim.premise else ""
    note = f'<div class="note"><b>Note:</b> {escape(claim.note)}</div>' if claim.note else ""
    origins = (f'<div class="small origins">{escape(claim.origins_line)}</div>'
               if claim.origins_line else "")  # fmt: skip
    also = (f'<div class="small">also reported by {escape(", ".join(claim.also_reported_by))}'
            "</div>" if claim.also_reported_by else "")  # fmt: skip
    flags = "".join(f'<div class="small">{escape(flag)}</div>' for flag in claim.flags)
    return (
        f'<tr class="{classes}"><td class="text">{mark}{escape(claim.text)}{note}{origins}{also}'
        "</td>"
        f'<td class="source">{escape(claim.source)}</td>'
        f'<td class="stance">{escape(claim.stance)}</td>'
        f'<td class="code"><b>{escape(claim.code)}</b>{flags}</td>'
        f'<td class="review review-{claim.review}">{REVIEW_LABELS[claim.review]}</td></tr>\n'
    )


def _headline_origins(report: StoryReport) -> str:
    """Each headline claim that others say too: how many outlets and origins carry it, and
    each origin (outlet, source, date) with the reports hanging from it."""
    parts = [f'<section class="origins">\n<h2>{escape(ORIGINS_HEADING)}</h2>\n'
             f'<p class="small">{escape(ORIGINS_INTRO)}</p>\n']  # fmt: skip
    for chain in report.headline_origins:
        parts.append(f'<div class="chain">\n<p><b>“{escape(chain.text)}”</b><br>'
                     f"{escape(chain.line)}</p>\n<ol>\n")  # fmt: skip
        for origin in chain.origins:
            parts.append(f"<li>{_entry(origin.first)}")
            hanging = [_entry(entry) for entry in origin.hanging]
            if origin.unlisted:
                hanging.append(escape(unlisted_line(origin)))
            if hanging:
                parts.append("<ul>" + "".join(f"<li>{h}</li>" for h in hanging) + "</ul>")
            parts.append("</li>\n")
        parts.append("</ol>\n</div>\n")
    parts += [f"<p>{escape(note)}</p>\n" for note in headline_origin_notes(report)]
    parts.append("</section>\n")
    return "".join(parts)


def _entry(entry) -> str:
    text = escape(entry_line(entry))
    return f'<span class="here">{text}</span>' if entry.here else text


def _components_table(summary: dict) -> str:
    """Each component's score × weight = points, why, and the standard behind its rule (a
    rule that does not apply: no score and no weight); the total those points make."""
    rows = ['<table class="components">\n<thead><tr><th>Component</th><th>Score</th>'
            "<th>Weight</th><th>Points</th><th>Why</th></tr></thead>\n<tbody>\n"]  # fmt: skip
    weights = summary["settings"]["weights"]
    for key, component in summary["components"].items():
        if component["score"] is None:
            figures = f"<td>—</td><td><s>{points_text(weights[key])}</s></td><td>—</td>"
        else:
            figures = (f"<td>{component['score']}%</td><td>× {points_text(component['weight'])}"
                       f"</td><td>= {points_text(component['points'])}</td>")  # fmt: skip
        rows.append(
            f"<tr><td>{escape(component['name'])}</td>{figures}<td>"
            f'{escape(component["reason"])}<br><span class="small">Standard: '
            f"{escape(component['standard'])}</span></td></tr>\n"
        )
    rows.append(
        f"<tr><td><b>Total</b></td><td></td><td><b>{points_text(summary['out_of'])}</b></td>"
        f"<td><b>{points_text(summary['points'])}</b></td>"
        f"<td><b>{escape(how_counted(summary))}</b></td></tr>\n</tbody>\n</table>\n"
    )
    rows.append(
        '<p class="small">Each rule scores 0 to 100% and earns that share of its weight in '
        "points; a rule that does not apply carries no weight.</p>\n"
    )
    return "".join(rows)


def _type_bar(counts: dict[str, int]) -> str:
    """The share of each sourcing type as a bar of its colours, and a legend of swatches."""
    present = [(t, counts[t.value]) for t in SourcingType if counts.get(t.value)]
    words = ", ".join(f"{TYPE_LABELS[t]} {n}" for t, n in present)
    cells = "".join(f'<span class="t-{t.value}" style="flex: {n}" title="{TYPE_LABELS[t]} '
                    f'{n}"></span>' for t, n in present)  # fmt: skip
    items = "".join(f'<li class="t-{t.value}"><span class="swatch"></span>{TYPE_LABELS[t]} '
                    f"{n}</li>" for t, n in present)  # fmt: skip
    return (f'<div class="bar" role="img" aria-label="Claims by sourcing type: {words}">'
            f'{cells}</div>\n<ul class="type-legend">{items}</ul>\n')  # fmt: skip


def _legend(report: StoryReport) -> str:
    """What the codes, flags and marks mean (report.story.legend)."""
    parts = ['<section class="legend">\n<h2>How to read the claims</h2>\n']
    for section, entries in legend(report):
        parts.append(f"<h3>{escape(section)}</h3>\n<dl>\n")
        for term, meaning, kind in entries:
            swatch = f'<span class="swatch t-{kind}"></span>' if kind else ""
            parts.append(f"<dt>{swatch}{escape(term)}</dt><dd>{escape(meaning)}</dd>\n")
        parts.append("</dl>\n")
    parts.append("</section>\n")
    return "".join(parts)
