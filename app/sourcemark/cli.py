"""Command line: the window (default), analyze, import."""

import argparse
import json
import os
import sys

from sourcemark import APP_NAME, __version__

COMMANDS = ("gui", "analyze", "import", "export", "report")
LARGEST_ID = 2**63 - 1  # what a database integer holds


def story_id_arg(text: str) -> int:
    """A story's id as typed: a whole number a database can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a story id (a whole number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"there is no story {text}: ids run from 1 up")
    if value > LARGEST_ID:
        raise argparse.ArgumentTypeError(f"{text} is too large to be a story id")
    return value


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcemark",
        description=f"{APP_NAME}: find every claim in a news story and what it rests on.",
        epilog="Commands: sourcemark analyze --help, sourcemark import --help",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file (default: SOURCEMARK_DB, else the data directory)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a fresh demo database with the sample story"
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render the main window to a PNG and exit"
    )
    parser.add_argument(
        "--theme", choices=("system", "light", "dark"), help="colour theme (remembered otherwise)"
    )
    parser.add_argument(
        "items",
        nargs="*",
        metavar="FILE_OR_URL",
        help="articles to import once the window is open (as the desktop's Open With does)",
    )
    return parser


def _command_parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"sourcemark {command}")
    if command == "analyze":
        parser.description = "Analyse articles and print their claims; touches no database."
        parser.add_argument("--format", choices=("json", "text"), default="text")
        parser.add_argument(
            "--quotes",
            choices=("paragraph", "sentence"),
            default="paragraph",
            help="a quotation over several sentences gives one claim per paragraph (default) "
            "or one per sentence",
        )
        parser.add_argument("paths", nargs="+", metavar="PATH")
    elif command == "import":
        parser.description = (
            "Import articles into the database, analysed: files (.html, .txt, .md, .pdf, "
            ".docx, .eml), folders of them, and http(s) addresses."
        )
        parser.add_argument("--db", metavar="URL")
        parser.add_argument(
            "--story", type=story_id_arg, metavar="ID", help="add the articles to this story"
        )
        parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    elif command == "export":
        parser.description = (
            "Write CSV reports: one row per story (score, code, components, counts, flags, "
            "articles, outlets, dates, model settings) and one row per claim."
        )
        parser.add_argument("--db", metavar="URL")
        parser.add_argument(
            "--story",
            type=story_id_arg,
            action="append",
            metavar="ID",
            help="only this story (repeat)",
        )
        parser.add_argument("--stories", metavar="PATH", help="the stories CSV to write")
        parser.add_argument("--claims", metavar="PATH", help="the claims CSV to write")
        parser.add_argument("--bom", action="store_true", help="start with a BOM (for Excel)")
    elif command == "report":
        parser.description = "Write a story's report (summary, claims by type, settings)."
        parser.add_argument("--db", metavar="URL")
        parser.add_argument("--story", type=story_id_arg, required=True, metavar="ID")
        parser.add_argument("--out", required=True, metavar="FILE.pdf|FILE.html")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # a console in a legacy code page (cp1252) cannot show every name: show a stand-in
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("sourcemark: stopped (Ctrl+C)", file=sys.stderr)
        return 130
    except Exception as error:
        from sourcemark.store.failures import store_failure

        known = store_failure(error)  # a damaged, full or read-only database, however met
        if known is None:
            raise
        print(f"sourcemark: {known}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away ("sourcemark analyze ... | head"): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) >= 3 and argv[0] == "--db" and argv[2] in COMMANDS:
        argv = [argv[2], *argv[:2], *argv[3:]]  # "--db URL import ..." as "import --db URL ..."
    if argv and argv[0] in COMMANDS and argv[0] != "gui":
        command = argv.pop(0)
        args = _command_parser(command).parse_args(argv)
        commands = {"analyze": cmd_analyze, "import": cmd_import, "export": cmd_export,
                    "report": cmd_report}  # fmt: skip
        return commands[command](args)
    if argv and argv[0] == "gui":
        argv.pop(0)
    args = _gui_parser().parse_args(argv)
    return cmd_gui(args)


def cmd_gui(args: argparse.Namespace) -> int:
    if args.screenshot and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sourcemark.store import StoreError, resolve_url

    try:
        if args.demo:
            from sourcemark.demo import open_demo

            url = open_demo(args.db)
        else:
            url = resolve_url(args.db)
    except StoreError as error:
        print(f"sourcemark: {error}", file=sys.stderr)
        if not args.screenshot:  # started from a menu, there is no terminal to read it in
            from sourcemark.ui.app import tell

            tell(str(error))
        return 2
    from sourcemark.ui.app import run_gui

    chosen = bool(args.db or args.demo or os.environ.get("SOURCEMARK_DB"))
    return run_gui(url, screenshot=args.screenshot, demo=args.demo, theme=args.theme,
                   chosen=chosen, items=args.items)  # fmt: skip


def cmd_analyze(args: argparse.Namespace) -> int:
    from sourcemark.analysis import analyze
    from sourcemark.ingest import IngestError, read_item

    documents, failures = [], 0
    for path in args.paths:
        entry: dict = {"path": path, "title": None, "outlet": None, "published": None, "claims": []}
        try:
            document = read_item(path)
        except IngestError as error:
            print(f"sourcemark: {path}: {error}", file=sys.stderr)
            entry["error"] = str(error)
            failures += 1
        else:
            claims = analyze(document.text, document.title, document.outlet, quotes=args.quotes)
            entry.update(
                title=document.title,
                outlet=document.outlet,
                published=document.published.isoformat() if document.published else None,
                claims=[claim.to_dict() for claim in claims],
            )
        entry["summary"] = _summary(entry["claims"], entry["title"] or "", entry["outlet"])
        documents.append(entry)
    if args.format == "json":
        json.dump({"documents": documents}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for entry in documents:
            _print_text(entry)
    return 1 if failures else 0


def _summary(claims: list[dict], title: str, outlet: str | None) -> dict:
    """The credibility roll-up of one document; each claim gains its code and flags."""
    from sourcemark.scoring import ClaimInput, roll_up

    inputs = [
        ClaimInput(
            text=c["text"],
            type=c["type"],
            stance=c["stance"],
            source=c["source"],
            source_resolved=c["source_resolved"],
            premise=bool(c.get("premise")),
            outlet=outlet,
            cites_outlet=c["source"] if c["type"] == "media_report" else None,
        )
        for c in claims
    ]
    summary = roll_up(inputs, title)
    for claim, grade in zip(claims, summary.pop("claims"), strict=True):
        claim.update(grade)
    return summary


def _print_text(entry: dict) -> None:
    print(f"== {entry['path']}")
    if entry.get("error"):
        print(f"   error: {entry['error']}")
        return
    print(f"   {entry['title'] or 'Untitled'} ({entry['outlet'] or 'unknown outlet'})")
    print(f"   {'TYPE':<19} {'STANCE':<8} {'SOURCE':<28} CLAIM")
    for claim in entry["claims"]:
        marks = ("* " if claim.get("premise") else "") + ("“" if claim.get("quote") else "")
        text = marks + " ".join(claim["text"].split())
        source = claim["source"] or "—"
        print(
            f"   {claim['type']:<19} {claim['stance']:<8} {_fit(source, 28):<28} {_fit(text, 90)}"
        )
    counts = ", ".join(f"{t} {n}" for t, n in sorted(entry["summary"]["counts_by_type"].items()))
    print(f"   {len(entry['claims'])} claims: {counts}  (* carries the headline, “ quotation)")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _open_database(args: argparse.Namespace, existing: bool = False) -> str | None:
    """Open the database of --db (or the default); its URL, or None after saying why not.
    ``existing``: a database file that is not there is not made (an export or a report of
    a mistyped name would otherwise read a new, empty one)."""
    from sourcemark.store import StoreError, open_database, resolve_url
    from sourcemark.store.db import sqlite_path

    try:
        url = resolve_url(args.db)
        path = sqlite_path(url)
        if existing and path is not None and not path.exists():
            raise StoreError(f"there is no database at {path}")
        open_database(url)
    except StoreError as error:
        print(f"sourcemark: {error}", file=sys.stderr)
        return None
    return url


def _story_exists(story_id: int, url: str) -> bool:
    from sourcemark.store import describe
    from sourcemark.store.models import Story

    if Story.get_or_none(Story.id == story_id) is None:
        print(f"sourcemark: there is no story {story_id} in {describe(url)}", file=sys.stderr)
        return False
    return True


def cmd_import(args: argparse.Namespace) -> int:
    import signal

    from sourcemark.pipeline import import_paths
    from sourcemark.store import StoreError, describe

    url = _open_database(args)
    if url is None or (args.story is not None and not _story_exists(args.story, url)):
        return 2

    def progress(_done, _total, outcome):
        if outcome.ok:
            where = f"article {outcome.article_id}, story {outcome.story_id}"
            print(f"imported {outcome.origin} ({where})")
        else:
            print(f"sourcemark: {outcome.origin}: {outcome.error}", file=sys.stderr)

    stop = []

    def interrupted(_signal, _frame):
        if stop:  # a second Ctrl+C: stop now, the article being stored is not kept
            raise KeyboardInterrupt
        stop.append(True)
        print("sourcemark: stopping after this article (Ctrl+C again stops now)", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, interrupted)
    failure = None
    try:
        report = import_paths(
            args.paths, args.story, progress=progress, cancelled=lambda: bool(stop)
        )
    except StoreError as error:  # the database itself failed (damaged, disk full): stop
        print(f"sourcemark: {error}", file=sys.stderr)
        failure, report = error, error.report
    finally:
        signal.signal(signal.SIGINT, previous)
    left = report.total - len(report.outcomes)
    stopped = f", {left} not tried" if left else ""
    stopped += ", stopped by Ctrl+C" if report.cancelled else ""
    stopped += " (the database failed: see above)" if failure else ""
    print(
        f"{len(report.imported)} imported, {len(report.failed)} not imported{stopped}, "
        f"into {describe(url)}"
    )
    if report.cancelled:
        return 130
    return 1 if report.failed or failure else 0


def cmd_export(args: argparse.Namespace) -> int:
    from sourcemark.report.export import export_csv
    from sourcemark.report.outputs import OutputRefused, failure
    from sourcemark.store import describe

    if not args.stories and not args.claims:
        print("sourcemark: give --stories PATH, --claims PATH or both", file=sys.stderr)
        return 2
    url = _open_database(args, existing=True)
    if url is None or not all(_story_exists(story, url) for story in args.story or ()):
        return 2
    try:
        n_stories, n_claims = export_csv(args.stories, args.claims, args.story, args.bom)
    except OutputRefused as error:
        print(f"sourcemark: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        print(f"sourcemark: the export was not written: {failure(error)}", file=sys.stderr)
        return 1
    written = [f"{n_stories} stories to {args.stories}" if args.stories else "",
               f"{n_claims} claims to {args.claims}" if args.claims else ""]  # fmt: skip
    print(f"wrote {' and '.join(w for w in written if w)} from {describe(url)}")
    _say_unscored(args.story)
    return 0


def _say_unscored(story_ids: list[int] | None) -> None:
    from sourcemark.report.export import unscored_note, unscored_stories

    unscored = unscored_stories(story_ids)
    if unscored:
        print(f"sourcemark: {unscored_note(unscored)}", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    url = _open_database(args, existing=True)
    if url is None or not _story_exists(args.story, url):
        return 2
    from sourcemark.report import write_report
    from sourcemark.report.outputs import OutputRefused, failure

    try:
        out = write_report(args.story, args.out)
    except (OutputRefused, ValueError) as error:
        print(f"sourcemark: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        print(f"sourcemark: the report was not written: {failure(error)}", file=sys.stderr)
        return 1
    print(f"wrote the report of story {args.story} to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
