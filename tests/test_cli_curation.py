"""Curating the archive from the command line (issue 20): sourcemark stories, story, article
and trash, run as a user runs them, their effect read back through `stories --json`."""

import json
import subprocess
import sys

import pytest

from sourcemark.cli import COMMANDS, main
from sourcemark.store import close_database, open_database
from sourcemark.store.models import Article, Claim, Story

ARTICLES = {
    "Harbour Bridge To Close": "The harbour bridge will close for six weeks from April after "
    "inspectors found corrosion, the transport department said on Monday.",
    "Ferry Fares Rise": "Ferry fares will rise by a tenth in May because of the price of fuel, "
    "the ferry company said on Tuesday.",
    "Council Approves Budget": "The council approved the budget on Monday, the mayor said, and "
    "the opposition said it would cut library hours.",
}


@pytest.fixture
def archive(tmp_path, db_url, capsys) -> dict[str, int]:
    """Three articles imported, each in a story of its own: title -> story id (each article
    has its story's title; its id is read from the listing too)."""
    paths = []
    for n, (title, text) in enumerate(ARTICLES.items()):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    assert main(["import", "--db", db_url, *paths]) == 0
    capsys.readouterr()
    return {s["title"]: s["id"] for s in listing(db_url, capsys)}


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listing(url: str, capsys, trash: bool = False) -> list[dict]:
    code, out, err = cli(capsys, "stories", "--db", url, "--json", *(["--trash"] if trash else []))
    assert code == 0, err
    return json.loads(out)["stories"]


def article_ids(url: str, capsys) -> dict[str, int]:
    """Every live article: title -> id."""
    return {a["title"]: a["id"] for s in listing(url, capsys) for a in s["articles"]}


def test_stories_json_lists_every_story_with_its_articles_scored_now(archive, db_url, capsys):
    stories = listing(db_url, capsys)
    assert [s["title"] for s in stories] == list(reversed(ARTICLES))  # newest first
    for story in stories:
        assert set(story) == {"id", "title", "score", "code", "claims", "articles"}
        assert isinstance(story["score"], int) and 0 <= story["score"] <= 100
        assert len(story["code"]) == 2 and story["claims"] >= 1
        (article,) = story["articles"]
        assert set(article) == {"id", "title", "outlet", "byline", "published", "url"}
        assert article["title"] == story["title"]
    # the scores printed are the ones stored by the roll-up the listing ran
    close_database()
    open_database(db_url)
    stored = {s.id: (s.score, s.code) for s in Story.select()}
    assert stored == {s["id"]: (s["score"], s["code"]) for s in stories}


def test_stories_as_text_shows_each_story_and_its_articles_indented(archive, db_url, capsys):
    bridge = archive["Harbour Bridge To Close"]
    article = article_ids(db_url, capsys)["Harbour Bridge To Close"]
    assert cli(capsys, "article", "edit", "--db", db_url, str(article), "--outlet",
               "The Daily Ledger", "--published", "2024-03-01")[0] == 0  # fmt: skip
    code, out, _err = cli(capsys, "stories", "--db", db_url)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["STORY", "SCORE", "CLAIMS", "TITLE"]
    row = next(i for i, line in enumerate(lines) if line.endswith("  Harbour Bridge To Close"))
    story = next(s for s in listing(db_url, capsys) if s["id"] == bridge)
    assert lines[row].split()[:4] == [str(bridge), str(story["score"]), story["code"],
                                      str(story["claims"])]  # fmt: skip
    under = lines[row + 1]
    assert under.startswith("      ") and under.split()[:2] == ["article", str(article)]
    assert "The Daily Ledger" in under and "2024-03-01" in under
    assert lines[-1].startswith("3 stories, 3 articles in ")


def test_a_story_is_renamed(archive, db_url, capsys):
    story = archive["Ferry Fares Rise"]
    code, out, _err = cli(capsys, "story", "rename", "--db", db_url, str(story), "Ferry", "fares")
    assert code == 0
    assert out.strip() == f"renamed story {story} to “Ferry fares” (it was “Ferry Fares Rise”)"
    assert {s["id"]: s["title"] for s in listing(db_url, capsys)}[story] == "Ferry fares"
    # an empty title is refused, and the title stays
    code, out, err = cli(capsys, "story", "rename", "--db", db_url, str(story), " ")
    assert (code, out) == (1, "") and "needs a title" in err and "Traceback" not in err
    assert {s["id"]: s["title"] for s in listing(db_url, capsys)}[story] == "Ferry fares"


def test_the_database_may_be_named_before_the_command_or_the_action(archive, db_url, capsys):
    story = archive["Ferry Fares Rise"]
    assert cli(capsys, "--db", db_url, "story", "rename", str(story), "Fares")[0] == 0
    assert cli(capsys, "story", "--db", db_url, "rename", str(story), "Fuel")[0] == 0
    assert {s["id"]: s["title"] for s in listing(db_url, capsys)}[story] == "Fuel"


def test_stories_are_merged_with_every_article_and_claim_and_scored_again(archive, db_url, capsys):
    into, ferry, council = (archive[t] for t in ARTICLES)
    before = {s["id"]: s for s in listing(db_url, capsys)}
    code, out, _err = cli(capsys, "story", "merge", "--db", db_url, str(into), str(ferry),
                          str(council))  # fmt: skip
    assert code == 0
    assert out.strip() == (
        f"merged stories {ferry}, {council} into story {into} (“Harbour Bridge To Close”): "
        "2 articles moved"
    )
    (merged,) = listing(db_url, capsys)
    assert merged["id"] == into and merged["title"] == "Harbour Bridge To Close"
    assert {a["title"] for a in merged["articles"]} == set(ARTICLES)
    assert merged["claims"] == sum(s["claims"] for s in before.values())
    assert isinstance(merged["score"], int) and merged["code"]  # rolled up again, not stale


def test_articles_move_to_a_story_and_to_a_new_one(archive, db_url, capsys):
    bridge, ferry, council = (archive[t] for t in ARTICLES)
    ids = article_ids(db_url, capsys)
    code, out, _err = cli(capsys, "article", "move", "--db", db_url, str(ids["Ferry Fares Rise"]),
                          "--to", str(bridge))  # fmt: skip
    assert code == 0
    assert out.strip() == (
        f"moved 1 article to story {bridge} (“Harbour Bridge To Close”); story {ferry}, left "
        "with no article, is gone"
    )
    stories = {s["id"]: [a["title"] for a in s["articles"]] for s in listing(db_url, capsys)}
    assert stories == {bridge: ["Harbour Bridge To Close", "Ferry Fares Rise"],
                       council: ["Council Approves Budget"]}  # fmt: skip
    # both articles of the story to a new one
    moving = [str(ids["Harbour Bridge To Close"]), str(ids["Ferry Fares Rise"])]
    code, out, _err = cli(capsys, "article", "move", "--db", db_url, *moving, "--new")
    assert code == 0 and out.startswith("moved 2 articles to a new story ")
    new = int(out.split("a new story ")[1].split()[0])
    stories = {s["id"]: sorted(a["title"] for a in s["articles"]) for s in listing(db_url, capsys)}
    assert stories == {new: ["Ferry Fares Rise", "Harbour Bridge To Close"],
                       council: ["Council Approves Budget"]}  # fmt: skip
    # --to and --new are one or the other, and one of them is needed
    with pytest.raises(SystemExit) as refused:
        main(["article", "move", "--db", db_url, moving[0]])
    assert refused.value.code == 2
    capsys.readouterr()


def test_a_story_goes_to_the_trash_and_comes_back(archive, db_url, capsys):
    story = archive["Council Approves Budget"]
    code, out, _err = cli(capsys, "story", "delete", "--db", db_url, str(story))
    assert code == 0
    assert out.strip() == (
        f"put story {story} in the Trash (sourcemark story restore {story} brings it back)"
    )
    assert story not in {s["id"] for s in listing(db_url, capsys)}
    (trashed,) = listing(db_url, capsys, trash=True)
    assert trashed["id"] == story and trashed["title"] == "Council Approves Budget"
    assert trashed["trashed"] and trashed["left"] is None
    code, out, _err = cli(capsys, "stories", "--db", db_url, "--trash")
    assert f"{story}  " in out and "Council Approves Budget" in out
    assert "1 story, 1 article in the Trash" in out
    code, out, _err = cli(capsys, "story", "restore", "--db", db_url, str(story))
    assert code == 0 and out.strip() == f"restored story {story} (“Council Approves Budget”)"
    assert story in {s["id"] for s in listing(db_url, capsys)}
    assert listing(db_url, capsys, trash=True) == []
    assert cli(capsys, "stories", "--db", db_url, "--trash")[1].strip() == "the Trash is empty"


def test_an_article_deleted_alone_waits_in_the_trash_and_goes_back_to_its_story(
    archive, db_url, capsys
):
    bridge, ferry = archive["Harbour Bridge To Close"], archive["Ferry Fares Rise"]
    assert cli(capsys, "story", "merge", "--db", db_url, str(bridge), str(ferry))[0] == 0
    article = article_ids(db_url, capsys)["Ferry Fares Rise"]
    code, out, _err = cli(capsys, "article", "delete", "--db", db_url, str(article))
    assert code == 0 and out.startswith(f"put article {article} in the Trash (sourcemark story ")
    holder = int(out.split("story restore ")[1].split()[0])
    assert holder != bridge
    live = {s["id"]: [a["id"] for a in s["articles"]] for s in listing(db_url, capsys)}
    assert article not in live[bridge]
    (waiting,) = listing(db_url, capsys, trash=True)
    assert waiting["id"] == holder and [a["id"] for a in waiting["articles"]] == [article]
    assert waiting["left"] == {"id": bridge, "title": "Harbour Bridge To Close"}
    out = cli(capsys, "stories", "--db", db_url, "--trash")[1]
    assert f"deleted alone from story {bridge}, “Harbour Bridge To Close”" in out
    assert f"article {article}" in out
    code, out, _err = cli(capsys, "story", "restore", "--db", db_url, str(holder))
    assert code == 0
    assert (
        out.strip()
        == f"restored article {article} back in story {bridge} (“Harbour Bridge To Close”)"
    )
    live = {s["id"]: [a["id"] for a in s["articles"]] for s in listing(db_url, capsys)}
    assert article in live[bridge] and listing(db_url, capsys, trash=True) == []


def test_an_articles_details_are_corrected_and_cleared(archive, db_url, capsys):
    article = article_ids(db_url, capsys)["Ferry Fares Rise"]

    def details() -> dict:
        return next(a for s in listing(db_url, capsys) for a in s["articles"]
                    if a["id"] == article)  # fmt: skip

    code, out, _err = cli(
        capsys, "article", "edit", "--db", db_url, str(article), "--title", "Fares up a tenth",
        "--outlet", "The Harbour Post", "--byline", "Ewa Marsh", "--published", "2024-05-02",
        "--url", "https://example.org/fares",
    )  # fmt: skip
    assert code == 0
    assert out.strip() == (
        f"edited article {article}: title “Fares up a tenth”, outlet “The Harbour Post”, "
        "byline “Ewa Marsh”, published “2024-05-02”, url “https://example.org/fares”"
    )
    assert details() == {"id": article, "title": "Fares up a tenth", "outlet": "The Harbour Post",
                         "byline": "Ewa Marsh", "published": "2024-05-02",
                         "url": "https://example.org/fares"}  # fmt: skip
    code, out, _err = cli(capsys, "article", "edit", "--db", db_url, str(article),
                          "--published", "", "--outlet", "")  # fmt: skip
    assert (
        code == 0 and out.strip() == f"edited article {article}: outlet cleared, published cleared"
    )
    assert details()["published"] is None and details()["outlet"] is None
    assert details()["byline"] == "Ewa Marsh"
    # a malformed date is argparse's error; an empty title and no detail at all are refused
    for date in ("2024-13-01", "2 May 2024", "20240502"):
        with pytest.raises(SystemExit) as refused:
            main(["article", "edit", "--db", db_url, str(article), "--published", date])
        assert refused.value.code == 2
        assert "is not a date (YYYY-MM-DD)" in capsys.readouterr().err
    code, _out, err = cli(capsys, "article", "edit", "--db", db_url, str(article), "--title", "")
    assert code == 1 and "needs a title" in err
    code, _out, err = cli(capsys, "article", "edit", "--db", db_url, str(article))
    assert code == 2 and "--title" in err
    assert details()["title"] == "Fares up a tenth"


def test_bad_ids_are_named_and_change_nothing(archive, db_url, capsys):
    bridge, ferry, council = (archive[t] for t in ARTICLES)
    ids = article_ids(db_url, capsys)
    bridge_article, council_article = ids["Harbour Bridge To Close"], ids["Council Approves Budget"]
    assert cli(capsys, "story", "delete", "--db", db_url, str(council))[0] == 0
    b, f, c, ba, ca = map(str, (bridge, ferry, council, bridge_article, council_article))
    before = (listing(db_url, capsys), listing(db_url, capsys, trash=True))
    cases = [
        (["story", "rename", "x", "T"], "'x' is not a story id"),
        (["story", "rename", "0", "T"], "there is no story 0"),
        (["story", "rename", "999", "T"], "there is no story 999"),
        (["story", "rename", c, "T"], f"story {c} is in the Trash"),
        (["story", "merge", b, f, "999"], "there is no story 999"),
        (["story", "merge", b, f, c], f"story {c} is in the Trash"),
        (["story", "merge", "999", f], "there is no story 999"),
        (["story", "merge", b, b], f"besides {b}"),
        (["story", "delete", b, "999"], "there is no story 999"),
        (["story", "delete", f, "1.5"], "'1.5' is not a story id"),
        (["story", "restore", b], f"story {b} is not in the Trash"),
        (["story", "restore", c, b], f"story {b} is not in the Trash"),
        (["article", "move", ba, "999", "--to", f], "there is no article 999"),
        (["article", "move", ba, "--to", "999"], "there is no story 999"),
        (["article", "move", ba, "--to", c], f"story {c} is in the Trash"),
        (["article", "move", ca, "--to", b], f"article {ca} is in the Trash"),
        (["article", "move", "abc", "--new"], "'abc' is not an article id"),
        (["article", "delete", ba, "999"], "there is no article 999"),
        (["article", "delete", ca], f"article {ca} is in the Trash"),
        (["article", "edit", "999", "--title", "T"], "there is no article 999"),
        (["article", "edit", "-3", "--title", "T"], "there is no article -3"),
    ]
    for args, said in cases:
        code, out, err = cli(capsys, *args[:2], "--db", db_url, *args[2:])
        assert code == 1, (args, err)
        assert said in err and err.count("\n") == 1 and "Traceback" not in err, (args, err)
        assert out == "", args
    assert (listing(db_url, capsys), listing(db_url, capsys, trash=True)) == before


def test_a_change_refused_by_the_store_is_a_message_not_a_traceback(
    archive, db_url, capsys, monkeypatch
):
    import sourcemark.cli as cli_module

    story = archive["Ferry Fares Rise"]
    monkeypatch.setattr(cli_module, "_stories_are", lambda *_args, **_kw: True)  # skip the check
    code, out, err = cli(capsys, "story", "restore", "--db", db_url, str(story))
    assert (code, out) == (1, "") and "Traceback" not in err
    assert "“Ferry Fares Rise” is not in the Trash" in err and "Nothing was changed." in err
    code, out, err = cli(capsys, "story", "delete", "--db", db_url, "999")
    assert (code, out) == (1, "") and err.startswith("sourcemark: story 999: ")


def test_emptying_the_trash_needs_yes_and_deletes_for_good(archive, db_url, capsys):
    bridge, ferry = archive["Harbour Bridge To Close"], archive["Ferry Fares Rise"]
    assert cli(capsys, "story", "merge", "--db", db_url, str(bridge), str(ferry))[0] == 0
    assert cli(capsys, "story", "delete", "--db", db_url, str(bridge))[0] == 0
    code, out, err = cli(capsys, "trash", "empty", "--db", db_url)
    assert code == 2 and out == ""
    assert "--yes" in err and "2 articles" in err
    assert [s["id"] for s in listing(db_url, capsys, trash=True)] == [bridge]
    code, out, _err = cli(capsys, "trash", "empty", "--db", db_url, "--yes")
    assert code == 0 and out.strip() == "emptied the Trash: 2 articles deleted for good"
    assert listing(db_url, capsys, trash=True) == []
    assert [s["title"] for s in listing(db_url, capsys)] == ["Council Approves Budget"]
    close_database()
    open_database(db_url)
    assert Article.select().count() == 1
    assert (
        Claim.select()
        .join(Article)
        .where(Article.story != archive["Council Approves Budget"])
        .count()
        == 0
    )
    assert cli(capsys, "trash", "empty", "--db", db_url, "--yes")[1].strip() == (
        "emptied the Trash: 0 articles deleted for good"
    )


def test_a_database_that_is_not_there_is_not_made(tmp_path, capsys):
    missing = tmp_path / "typo.sqlite"
    for args in (["stories"], ["story", "rename", "1", "T"], ["trash", "empty", "--yes"]):
        code, _out, err = cli(capsys, *args[:2], "--db", str(missing), *args[2:])
        assert code == 2 and "there is no database at" in err
    assert not missing.exists()


def test_a_read_only_database_lists_its_stories_but_refuses_changes(tmp_path, capsys):
    from tests.disks import make_read_only, small_disk

    with small_disk(tmp_path / "disk", "4m") as disk:
        path = disk / "news.sqlite"
        text = tmp_path / "bridge.txt"
        text.write_text("Harbour Bridge To Close\n\n" + ARTICLES["Harbour Bridge To Close"])
        assert main(["import", "--db", str(path), str(text)]) == 0
        close_database()
        make_read_only(disk)  # its roll-up not stored yet: listed without a score
        capsys.readouterr()
        (story,) = listing(str(path), capsys)
        assert story["title"] == "Harbour Bridge To Close" and story["score"] is None
        code, out, err = cli(capsys, "story", "rename", "--db", str(path), str(story["id"]), "T")
        assert code == 1 and out == "" and "read-only" in err and "Traceback" not in err
        assert listing(str(path), capsys)[0]["title"] == "Harbour Bridge To Close"


def test_help_lists_every_command_and_each_command_has_its_own(capsys):
    done = subprocess.run([sys.executable, "-m", "sourcemark", "--help"], capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    epilog = done.stdout.split("commands (sourcemark COMMAND --help for each):")[1]
    listed = [line.split()[0] for line in epilog.strip().splitlines()]
    assert listed == list(COMMANDS)
    assert {"stories", "story", "article", "trash", "export", "report"} <= set(listed)
    actions = {"story": ["rename", "merge", "delete", "restore"],
               "article": ["move", "edit", "delete"], "trash": ["empty"]}  # fmt: skip
    for command in COMMANDS[1:]:
        with pytest.raises(SystemExit) as shown:
            main([command, "--help"])
        assert shown.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: sourcemark {command}")
        for action in actions.get(command, []):
            assert f"    {action} " in out
            with pytest.raises(SystemExit) as shown:
                main([command, action, "--help"])
            assert shown.value.code == 0
            assert capsys.readouterr().out.startswith(f"usage: sourcemark {command} {action}")


def test_a_reader_that_stops_early_ends_the_command_quietly():
    # "sourcemark ... | head": the broken pipe ends the command, without a traceback
    from sourcemark.paths import sample_story_path

    paths = [str(sample_story_path())] * 40  # far more than a pipe holds
    command = [sys.executable, "-m", "sourcemark", "analyze", "--format", "json", *paths]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100).startswith(b"{")
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()
