"""Command line: the window (default), analyze, import, export, report, and curating the
archive (stories, story, article, trash)."""

import argparse
import json
import os
import re
import sys
from datetime import date

from sourcemark import APP_NAME, __version__

# every command with its line in `sourcemark --help` (the one list of them: the epilog and
# the commands recognised are made from it)
COMMAND_LINES = {
    "gui": "the window (the default)",
    "analyze": "print the claims of files and addresses; touches no database",
    "import": "import files, folders and http(s) addresses, analysed",
    "export": "write the stories, their claims and the model settings: CSV or Excel",
    "report": "write a story's report (PDF or HTML)",
    "stories": "list the stories and their articles (--trash: what is in the Trash)",
    "story": "rename, merge, delete (to the Trash) or restore stories",
    "article": "move, edit or delete (to the Trash) articles",
    "trash": "empty the Trash (deletes what is in it for good)",
}
COMMANDS = tuple(COMMAND_LINES)
NESTED = ("story", "article", "trash")  # commands of actions: sourcemark story rename ...
LARGEST_ID = 2**63 - 1  # what a database integer holds


def _id_value(text: str, kind: str = "story") -> int:
    """An id as typed: a whole number a database can hold (ArgumentTypeError otherwise)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not {_a(kind)} id (a whole number)"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"there is no {kind} {text}: ids run from 1 up")
    if value > LARGEST_ID:
        raise argparse.ArgumentTypeError(f"{text} is too large to be {_a(kind)} id")
    return value


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def story_id_arg(text: str) -> int:
    """A story's id as typed: a whole number a database can hold."""
    return _id_value(text, "story")


def date_arg(text: str) -> date | str:
    """A date as typed, YYYY-MM-DD; an empty one ("") clears the date."""
    text = text.strip()
    if not text:
        return ""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _epilog() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name:<{width}}  {line}" for name, line in COMMAND_LINES.items()]
    return "commands (sourcemark COMMAND --help for each):\n" + "\n".join(lines)


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcemark",
        description=f"{APP_NAME}: find every claim in a news story and what it rests on.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        "--size",
        metavar="WxH",
        type=_window_size,
        help="the window's size for --screenshot (default: 1400x900)",
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


def _window_size(text: str) -> tuple[int, int]:
    """'1024x700' -> (1024, 700)."""
    width, _, height = text.lower().partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text} (write it as 1024x700)") from None
    if min(size) < 200 or max(size) > 10_000:
        raise argparse.ArgumentTypeError(f"{text}: from 200 to 10000 pixels a side")
    return size


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
            "Write CSV reports (one row per story: score, code, components, counts, flags, "
            "articles, outlets, dates, claims reviewed; one row per claim; the model "
            "settings), an Excel workbook with the three as sheets, or both."
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
        parser.add_argument(
            "--settings", metavar="PATH", help="the CSV of the model settings to write"
        )
        parser.add_argument(
            "--xlsx", metavar="PATH", help="the Excel workbook to write (Stories, Claims, Settings)"
        )
        parser.add_argument(
            "--bom", action="store_true", help="start each CSV file with a BOM (for Excel)"
        )
    elif command == "report":
        parser.description = (
            "Write a story's report (summary, review, claims by type with their review status "
            "and notes, legend, settings)."
        )
        parser.add_argument("--db", metavar="URL")
        parser.add_argument("--story", type=story_id_arg, required=True, metavar="ID")
        parser.add_argument(
            "--out",
            required=True,
            metavar="FILE.pdf|FILE.html|FOLDER",
            help="the file to write; a folder takes a PDF named after the story's title",
        )
    elif command == "stories":
        parser.description = (
            "List the stories (newest first) with their score and code, claims and articles; "
            "their roll-ups are brought up to date first."
        )
        parser.add_argument("--db", metavar="URL")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--trash", action="store_true", help="list what is in the Trash")
    elif command in NESTED:
        _action_parsers(parser, command)
    return parser


def _action_parsers(parser: argparse.ArgumentParser, command: str) -> None:
    """The actions of ``sourcemark story``, ``article`` and ``trash``."""
    parser.description = COMMAND_LINES[command][0].upper() + COMMAND_LINES[command][1:] + "."
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION",
                                    title="actions")  # fmt: skip

    def action(name: str, summary: str, handler) -> argparse.ArgumentParser:
        described = summary[0].upper() + summary[1:] + "."
        sub = actions.add_parser(name, help=summary, description=described)
        sub.add_argument(
            "--db",
            metavar="URL",
            help="database URL or SQLite file (default: SOURCEMARK_DB, else the data directory)",
        )
        sub.set_defaults(handler=handler)
        return sub

    if command == "story":
        sub = action("rename", "give a story a new title", cmd_story_rename)
        sub.add_argument("story", metavar="ID")
        sub.add_argument("title", nargs="+", metavar="TITLE")
        sub = action(
            "merge",
            "move every article of the stories ID... into the story INTO_ID; they disappear",
            cmd_story_merge,
        )
        sub.add_argument("into", metavar="INTO_ID")
        sub.add_argument("stories", nargs="+", metavar="ID")
        sub = action("delete", "put stories in the Trash (restore brings them back)",
                     cmd_story_delete)  # fmt: skip
        sub.add_argument("stories", nargs="+", metavar="ID")
        sub = action(
            "restore",
            "take stories out of the Trash (articles deleted alone go back to their story)",
            cmd_story_restore,
        )
        sub.add_argument("stories", nargs="+", metavar="ID")
    elif command == "article":
        sub = action("move", "move articles to another story or to a new one", cmd_article_move)
        sub.add_argument("articles", nargs="+", metavar="ID")
        where = sub.add_mutually_exclusive_group(required=True)
        where.add_argument("--to", metavar="STORY_ID", help="the story to move them to")
        where.add_argument("--new", action="store_true", help="to a new story of their own")
        sub = action("edit", "correct an article's details ('' clears one)", cmd_article_edit)
        sub.add_argument("article", metavar="ID")
        sub.add_argument("--title", metavar="T")
        sub.add_argument("--outlet", metavar="O", help="the outlet's name")
        sub.add_argument("--byline", metavar="B")
        sub.add_argument("--published", type=date_arg, metavar="YYYY-MM-DD")
        sub.add_argument("--url", metavar="U")
        sub = action("delete", "put articles in the Trash (sourcemark story restore brings "
                     "them back)", cmd_article_delete)  # fmt: skip
        sub.add_argument("articles", nargs="+", metavar="ID")
    else:
        sub = action(
            "empty",
            "delete what is in the Trash for good (cannot be undone: give --yes)",
            cmd_trash_empty,
        )
        sub.add_argument("--yes", action="store_true", help="yes, delete it for good")


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
    except BrokenPipeError:  # before Exception, which would catch it first
        # the reader went away ("sourcemark analyze ... | head"): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:
        from sourcemark.store.failures import store_failure

        known = store_failure(error)  # a damaged, full or read-only database, however met
        if known is None:
            raise
        print(f"sourcemark: {known}", file=sys.stderr)
        return 1


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) >= 3 and argv[0] == "--db" and argv[2] in COMMANDS:
        argv = [argv[2], *argv[:2], *argv[3:]]  # "--db URL import ..." as "import --db URL ..."
    if argv and argv[0] in COMMANDS and argv[0] != "gui":
        command = argv.pop(0)
        if command in NESTED and len(argv) >= 3 and argv[0] == "--db":
            argv = [
                argv[2],
                *argv[:2],
                *argv[3:],
            ]  # "story --db URL rename" as "story rename --db URL"
        args = _command_parser(command).parse_args(argv)
        commands = {"analyze": cmd_analyze, "import": cmd_import, "export": cmd_export,
                    "report": cmd_report, "stories": cmd_stories}  # fmt: skip
        handler = getattr(args, "handler", None) or commands[command]
        return handler(args)
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
                   chosen=chosen, items=args.items, size=args.size)  # fmt: skip


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
        documents.append(entry)
    _summaries(documents)
    if args.format == "json":
        json.dump({"documents": documents}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for entry in documents:
            _print_text(entry)
    return 1 if failures else 0


def _summaries(documents: list[dict]) -> None:
    """Each document's credibility roll-up (its "summary"); each claim gains its code and
    flags, and its origins among all the documents: ``reported_by`` (the outlets carrying
    it) and ``independent_origins`` (both its own included), and ``origin_claim``, the
    earliest claim of its origin ({"file": index, "claim": index}). The claims of the other
    documents saying the same thing weigh as other stories' do in the archive: a copy of
    another file's report, or one citing it, is no corroboration of it."""
    from sourcemark.scoring import roll_up

    inputs = [_inputs(entry) for entry in documents]
    where = {}
    for file, claims in enumerate(inputs):
        for index, claim in enumerate(claims):
            claim.id = len(where) + 1  # for find_origins: the earlier given, the earlier
            where[claim.id] = {"file": file, "claim": index}
    _alike_across(inputs)
    for entry, claims in zip(documents, inputs, strict=True):
        summary = roll_up(claims, entry["title"] or "")
        for claim, grade in zip(entry["claims"], summary.pop("claims"), strict=True):
            origin = where[grade.pop("origin_claim_id")]
            claim.update(grade, origin_claim=origin)
        entry["summary"] = summary


def _inputs(entry: dict) -> list:
    """A document's claims as the scoring model reads them."""
    from sourcemark.scoring import ClaimInput

    return [
        ClaimInput(
            text=c["text"],
            type=c["type"],
            stance=c["stance"],
            source=c["source"],
            source_resolved=c["source_resolved"],
            premise=bool(c.get("premise")),
            outlet=entry["outlet"],
            cites_outlet=c["source"] if c["type"] == "media_report" else None,
            published=entry["published"],
        )
        for c in entry["claims"]
    ]


def _alike_across(inputs: list[list]) -> None:
    """Give each claim the claims of the other documents that say the same thing on the
    same side (``elsewhere``, as scoring.rollup.corroborate_across gives those of other
    stories): compared as a story's own claims are (alike_pairs, the model's similarity),
    unattributed claims never."""
    from sourcemark.scoring.origins import same_side
    from sourcemark.scoring.rollup import Settings, alike_pairs

    if len(inputs) < 2:
        return
    compared = [(file, claim) for file, claims in enumerate(inputs) for claim in claims
                if claim.type != "unattributed"]  # fmt: skip
    texts = [claim.text for _file, claim in compared]
    for x, y, _score in alike_pairs(texts, Settings().similarity):
        (file_x, a), (file_y, b) = compared[x], compared[y]
        if file_x != file_y and same_side(a, b):  # a file's own: weighed by its roll-up
            a.elsewhere.append(b)
            b.elsewhere.append(a)


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


def _articles(n: int) -> str:
    return f"{n:,} article{'' if n == 1 else 's'}"


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

    told = []

    def finding(_done, total):
        if not told:
            told.append(total)
            print(f"comparing the claims of {_articles(total)} with other stories'")

    previous = signal.signal(signal.SIGINT, interrupted)
    failure = None
    try:
        report = import_paths(
            args.paths, args.story, progress=progress, cancelled=lambda: bool(stop),
            finding=finding,
        )  # fmt: skip
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
    found = report.corroboration
    if found is not None and found.left:
        print(f"the claims of {_articles(found.left)} are still to be looked for in other "
              "stories: the next import (or the window) does it")  # fmt: skip
    if report.cancelled:
        return 130
    return 1 if report.failed or failure else 0


def cmd_export(args: argparse.Namespace) -> int:
    from sourcemark.report.export import export_files
    from sourcemark.report.outputs import OutputRefused, failure
    from sourcemark.store import describe

    if not (args.stories or args.claims or args.settings or args.xlsx):
        print("sourcemark: give --stories PATH, --claims PATH, --settings PATH or --xlsx PATH "
              "(any of them)", file=sys.stderr)  # fmt: skip
        return 2
    url = _open_database(args, existing=True)
    if url is None or not all(_story_exists(story, url) for story in args.story or ()):
        return 2
    try:
        n_stories, n_claims = export_files(args.stories, args.claims, args.settings, args.xlsx,
                                           args.story, args.bom)  # fmt: skip
    except OutputRefused as error:
        print(f"sourcemark: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        print(f"sourcemark: the export was not written: {failure(error)}", file=sys.stderr)
        return 1
    written = [f"{n_stories} stories to {args.stories}" if args.stories else "",
               f"{n_claims} claims to {args.claims}" if args.claims else "",
               f"the model settings to {args.settings}" if args.settings else "",
               f"{n_stories} stories and {n_claims} claims to {args.xlsx}"
               if args.xlsx else ""]  # fmt: skip
    written = [w for w in written if w]
    listed = " and ".join([", ".join(written[:-1]), written[-1]] if len(written) > 1 else written)
    print(f"wrote {listed} from {describe(url)}")
    _say_unscored(args.story)
    return 0


def _say_unscored(story_ids: list[int] | None) -> None:
    from sourcemark.report.export import unscored_note, unscored_stories

    unscored = unscored_stories(story_ids)
    if unscored:
        print(f"sourcemark: {unscored_note(unscored)}", file=sys.stderr)
    _say_pending()


def _say_pending() -> None:
    """Corroboration an interrupted import left to find is missing from what was written."""
    from sourcemark.store.corroboration import pending_articles

    waiting = pending_articles()
    if waiting:
        print(f"sourcemark: the claims of {_articles(waiting)} an interrupted import stored "
              "are not yet looked for in other stories (the next import, or the window, does "
              "it); their corroboration is missing here", file=sys.stderr)  # fmt: skip


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
    _say_pending()
    return 0


# ---- curating the archive: stories, story, article, trash -----------------------------------


def _ids(texts: list[str], kind: str) -> list[int] | None:
    """The ids typed (each once, in order), or None after saying which are not ids."""
    ids, bad = [], False
    for text in texts:
        try:
            ids.append(_id_value(text, kind))
        except argparse.ArgumentTypeError as error:
            print(f"sourcemark: {error}", file=sys.stderr)
            bad = True
    return None if bad else list(dict.fromkeys(ids))


def _stories_are(story_ids: list[int], url: str, in_trash: bool = False) -> bool:
    """Whether every one of these stories is there, live (``in_trash``: in the Trash);
    says which are not. Checked before the first change, so that a bad id changes nothing."""
    from sourcemark.store import describe
    from sourcemark.store.models import Story

    ok = True
    for story_id in story_ids:
        story = Story.get_or_none(Story.id == story_id)
        if story is None:
            problem = f"there is no story {story_id} in {describe(url)}"
        elif in_trash and story.trashed is None:
            problem = f"story {story_id} is not in the Trash"
        elif not in_trash and story.trashed is not None:
            problem = (
                f"story {story_id} is in the Trash "
                f"(sourcemark story restore {story_id} brings it back)"
            )
        else:
            continue
        print(f"sourcemark: {problem}", file=sys.stderr)
        ok = False
    return ok


def _articles_are(article_ids: list[int], url: str, live: bool = True) -> bool:
    """Whether every one of these articles is there (``live``: not in the Trash); says
    which are not."""
    from sourcemark.store import describe
    from sourcemark.store.models import Article, Story

    ok = True
    for article_id in article_ids:
        article = Article.get_or_none(Article.id == article_id)
        if article is None:
            problem = f"there is no article {article_id} in {describe(url)}"
        elif live and Story.get_by_id(article.story_id).trashed is not None:
            problem = (
                f"article {article_id} is in the Trash, in story {article.story_id} "
                f"(sourcemark story restore {article.story_id} brings it back)"
            )
        else:
            continue
        print(f"sourcemark: {problem}", file=sys.stderr)
        ok = False
    return ok


def _checked(
    args: argparse.Namespace,
    stories: list[int] = (),
    articles: list[int] = (),
    in_trash: bool = False,
    live: bool = True,
) -> int:
    """Open the database the command names and check every id before the first change:
    0 when all is well, else the exit status (2: no database; 1: an id that is not there as
    needed, each said)."""
    url = _open_database(args, existing=True)
    if url is None:
        return 2
    ok = _articles_are(list(articles), url, live) & _stories_are(list(stories), url, in_trash)
    return 0 if ok else 1


def _change(work) -> int:
    """Run one change (``work`` returns the line saying what was done): its refusals and a
    database that cannot be written become messages, and nothing is changed."""
    from sourcemark.store import StoreError
    from sourcemark.store.curation import CurationConflict, CurationError

    try:
        done = work()
    except CurationConflict as error:  # changed by someone else since the ids were checked
        print(f"sourcemark: {error.kind} {error.row_id}: {error} Nothing was changed.",
              file=sys.stderr)  # fmt: skip
        return 1
    except CurationError as error:
        print(f"sourcemark: {error} Nothing was changed.", file=sys.stderr)
        return 1
    except StoreError as error:  # read-only, damaged, full
        print(f"sourcemark: {error}", file=sys.stderr)
        return 1
    print(done)
    return 0


def _listed(kind: str, ids: list[int]) -> str:
    """'story 4' or 'stories 4, 7'."""
    plural = {"story": "stories", "article": "articles"}[kind]
    return f"{kind if len(ids) == 1 else plural} {', '.join(map(str, ids))}"


def _count(n: int, kind: str) -> str:
    return f"{n} {kind}" if n == 1 else f"{n} {'stories' if kind == 'story' else kind + 's'}"


def _title_of(story_id: int) -> str:
    from sourcemark.store.models import Story

    return Story.get_by_id(story_id).title


def cmd_story_rename(args: argparse.Namespace) -> int:
    ids = _ids([args.story], "story")
    if ids is None:
        return 1
    if status := _checked(args, stories=ids):
        return status
    from sourcemark.store.curation import rename_story

    def work() -> str:
        old, _version = rename_story(ids[0], " ".join(args.title))
        return f"renamed story {ids[0]} to “{_title_of(ids[0])}” (it was “{old}”)"

    return _change(work)


def cmd_story_merge(args: argparse.Namespace) -> int:
    into, others = _ids([args.into], "story"), _ids(args.stories, "story")
    if into is None or others is None:
        return 1
    if status := _checked(args, stories=list(dict.fromkeys(into + others))):
        return status
    others = [s for s in others if s != into[0]]
    if not others:
        print(f"sourcemark: give a story besides {into[0]} to merge into it", file=sys.stderr)
        return 1
    from sourcemark.store.curation import merge_stories

    def work() -> str:
        moved = merge_stories(into[0], others)
        return (
            f"merged {_listed('story', others)} into story {into[0]} (“{_title_of(into[0])}”): "
            f"{_count(len(moved.moves), 'article')} moved"
        )

    return _change(work)


def cmd_story_delete(args: argparse.Namespace) -> int:
    ids = _ids(args.stories, "story")
    if ids is None:
        return 1
    if status := _checked(args, stories=ids):
        return status
    from sourcemark.store.curation import trash_stories

    def work() -> str:
        trashed = trash_stories(ids)
        again = " ".join(map(str, trashed.stories))
        them = "it" if len(trashed.stories) == 1 else "them"
        return (
            f"put {_listed('story', trashed.stories)} in the Trash "
            f"(sourcemark story restore {again} brings {them} back)"
        )

    return _change(work)


def cmd_story_restore(args: argparse.Namespace) -> int:
    ids = _ids(args.stories, "story")
    if ids is None:
        return 1
    if status := _checked(args, stories=ids, in_trash=True):
        return status
    from sourcemark.store.curation import restore

    def work() -> str:
        restored = restore(ids)
        said = []
        if restored.stories:
            titles = ", ".join(f"{s} (“{_title_of(s)}”)" for s in restored.stories)
            said.append(f"{'story' if len(restored.stories) == 1 else 'stories'} {titles}")
        back: dict[int, list[int]] = {}
        for article, story in restored.articles.items():
            back.setdefault(story, []).append(article)
        said += [f"{_listed('article', sorted(articles))} back in story {story} "
                 f"(“{_title_of(story)}”)" for story, articles in back.items()]  # fmt: skip
        return "restored " + "; ".join(said)

    return _change(work)


def cmd_article_move(args: argparse.Namespace) -> int:
    ids = _ids(args.articles, "article")
    target = _ids([args.to], "story") if args.to is not None else []
    if ids is None or target is None:
        return 1
    if status := _checked(args, stories=target, articles=ids):
        return status
    from sourcemark.store.curation import move_articles

    def work() -> str:
        moved = move_articles(ids, target[0] if target else None)
        story = moved.target
        where = f"a new story {story}" if moved.created else f"story {story}"
        done = f"moved {_count(len(moved.moves), 'article')} to {where} (“{_title_of(story)}”)"
        there = [a for a in ids if a not in moved.article_ids]
        if there:
            were = "was" if len(there) == 1 else "were"
            done += f"; {_listed('article', there)} {were} in it already"
        gone = [row["id"] for row in moved.removed]
        if gone:
            are = "is" if len(gone) == 1 else "are"
            done += f"; {_listed('story', gone)}, left with no article, {are} gone"
        return done

    return _change(work)


def cmd_article_edit(args: argparse.Namespace) -> int:
    from sourcemark.store.curation import ARTICLE_FIELDS

    ids = _ids([args.article], "article")
    if ids is None:
        return 1
    changes = {name: getattr(args, name) for name in ARTICLE_FIELDS}
    changes = {name: (value if value != "" else None) for name, value in changes.items()
               if value is not None}  # fmt: skip
    if not changes:
        print("sourcemark: give at least one of --title, --outlet, --byline, --published, --url",
              file=sys.stderr)  # fmt: skip
        return 2
    if status := _checked(args, articles=ids, live=False):
        return status
    from sourcemark.store.curation import article_details, edit_article

    def work() -> str:
        edit_article(ids[0], changes)
        now = article_details(ids[0])
        said = [f"{name} “{now[name]}”" if now[name] is not None else f"{name} cleared"
                for name in changes]  # fmt: skip
        return f"edited article {ids[0]}: {', '.join(said)}"

    return _change(work)


def cmd_article_delete(args: argparse.Namespace) -> int:
    ids = _ids(args.articles, "article")
    if ids is None:
        return 1
    if status := _checked(args, articles=ids):
        return status
    from sourcemark.store.curation import trash_articles

    def work() -> str:
        trashed = trash_articles(ids)
        again = " ".join(map(str, trashed.stories))
        them = "it" if len(ids) == 1 else "them"
        return (
            f"put {_listed('article', ids)} in the Trash "
            f"(sourcemark story restore {again} brings {them} back)"
        )

    return _change(work)


def cmd_trash_empty(args: argparse.Namespace) -> int:
    url = _open_database(args, existing=True)
    if url is None:
        return 2
    from sourcemark.store.curation import empty_trash
    from sourcemark.store.models import Article, Story

    if not args.yes:
        held = Article.select().join(Story).where(Story.trashed.is_null(False)).count()
        print(
            f"sourcemark: emptying the Trash deletes its {_count(held, 'article')} for good and "
            "cannot be undone; add --yes to do it (sourcemark trash empty --yes)",
            file=sys.stderr,
        )
        return 2
    return _change(
        lambda: f"emptied the Trash: {_count(empty_trash(), 'article')} deleted for good"
    )


def cmd_stories(args: argparse.Namespace) -> int:
    url = _open_database(args, existing=True)
    if url is None:
        return 2
    from sourcemark.store import describe
    from sourcemark.store.curation import stories_listing, trash_rows
    from sourcemark.store.db import is_read_only
    from sourcemark.store.rollups import refresh_scores, stale_stories

    if args.trash:
        rows = trash_rows()
        listed = stories_listing(trash=True)
        left = {row.id: row for row in rows}
        for entry in listed:
            row = left.get(entry["id"])
            entry["left"] = (None if row is None or row.left_id is None
                             else {"id": row.left_id, "title": row.left})  # fmt: skip
    else:
        if is_read_only():  # listed with the roll-ups last stored
            stale = stale_stories()
            if stale:
                print(f"sourcemark: the database is read-only, so {_count(len(stale), 'story')} "
                      "changed since they were last scored are listed with the score last "
                      "stored (or none)", file=sys.stderr)  # fmt: skip
        else:
            refresh_scores()
        listed = stories_listing()
    for entry in listed:  # a story without claims is stored with the score -1 and no code
        if entry["score"] is not None and entry["score"] < 0:
            entry["score"] = None
        entry["code"] = entry["code"] or None
    if args.json:
        json.dump({"stories": listed}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.trash:
        _print_trash(rows, listed)
    else:
        _print_stories(listed, describe(url))
    return 0


def _print_stories(listed: list[dict], where: str) -> None:
    width = max([len("STORY")] + [len(str(e["id"])) for e in listed])
    print(f"{'STORY':>{width}}  SCORE   CLAIMS  TITLE")
    articles = 0
    for entry in listed:
        score = (
            f"{entry['score']} {entry['code'] or ''}".strip() if entry["score"] is not None else "—"
        )
        print(f"{entry['id']:>{width}}  {score:<6} {entry['claims']:>7}  {entry['title']}")
        for article in entry["articles"]:
            outlet = _fit(article["outlet"] or "unknown outlet", 24)
            print(f"{'':>{width}}    article {article['id']:<6} {outlet:<24}  "
                  f"{article['published'] or '—':<10}  {article['title']}")  # fmt: skip
        articles += len(entry["articles"])
    print(f"{_count(len(listed), 'story')}, {_count(articles, 'article')} in {where}")


def _print_trash(rows: list, listed: list[dict]) -> None:
    from datetime import UTC

    if not rows:
        print("the Trash is empty")
        return
    width = max([len("STORY")] + [len(str(row.id)) for row in rows])
    print(f"{'STORY':>{width}}  DELETED           CLAIMS  TITLE")
    for row in rows:
        when = row.trashed.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        left = (f"  (deleted alone from story {row.left_id}, “{row.left}”)"
                if row.left_id is not None else "")  # fmt: skip
        print(f"{row.id:>{width}}  {when}  {row.claims:>6}  {row.title}{left}")
        for article_id, title in row.articles:
            print(f"{'':>{width}}    article {article_id:<6} {title}")
    articles = sum(len(row.articles) for row in rows)
    print(
        f"{_count(len(rows), 'story')}, {_count(articles, 'article')} in the Trash "
        "(sourcemark story restore ID brings one back; sourcemark trash empty --yes deletes "
        "them for good)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
