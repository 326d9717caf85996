"""Independent origins in the window, driven as an editor drives it: five outlets report one
plant closure (an original on anonymous sources, a wire copy and a reprint citing it, a
rewrite "according to" it, a chief executive confirming on the record to another outlet).
The claim pane says how many outlets and origins stand behind the claim chosen and draws
their chain; an entry opens its article; separating and joining origins (links, the
table's menu, the keys) move the digit, and Ctrl+Z and Ctrl+Shift+Z take it back and
forth; the summary says it for the headline; the glossary explains it."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from sourcemark.ingest import Document
from sourcemark.pipeline import store_document
from sourcemark.store import close_database, open_database
from sourcemark.store.models import Claim
from sourcemark.ui.models.claims import ClaimTableModel
from tests.ui.test_keys import click_entry, open_submenu, right_click
from tests.ui.test_layout import window_at
from tests.ui.test_review import select_rows

EVENT = "Lakeside Mills will close its paper plant in Marrow Bay in June, cutting 230 jobs"
LOWER = EVENT[0].lower() + EVENT[1:]
TITLE = "Lakeside Mills to close Marrow Bay plant"
REPORTS = {  # outlet: (text, day of March 2026)
    "The Morning Gazette": (f"{EVENT}, people briefed on the plans said. The plant opened in "
                            "1961, the town council said.", 2),
    "Coastline Wire": (f"{EVENT}, the Morning Gazette reported on Monday. Union officials "
                       "will meet the company on Friday, a union spokeswoman said.", 3),
    "Bay Herald": (f"{EVENT}, the Morning Gazette reported on Tuesday.", 3),
    "City Post": (f"According to the Morning Gazette, {LOWER}. Shares in Lakeside Mills fell "
                  "4 per cent, exchange data showed.", 4),
    "Business Standard": (f"{EVENT}, the company's chief executive, Anna Holt, told Business "
                          "Standard. The closure will save 18 million euros a year, Holt "
                          "said.", 5),
}  # fmt: skip


@pytest.fixture
def closure(db_url):
    """The five reports, each its own story as an import makes them: outlet -> the claim
    that tells the closure."""
    open_database(db_url)
    claims = {}
    for outlet, (text, day) in REPORTS.items():
        document = Document(text, title=TITLE, outlet=outlet, published=date(2026, 3, day))
        article = store_document(document)
        claims[outlet] = next(c for c in Claim.select().where(Claim.article == article.id)
                              if c.text.lower().startswith("lakeside mills will"))  # fmt: skip
    close_database()
    return claims


@pytest.fixture
def window(qtbot, db_url, settings, closure):
    return window_at(qtbot, db_url, settings)


def choose_story(qtbot, window, claim) -> None:
    """Click the story holding this claim in the story list."""
    tree = window.stories
    index = tree.tree_model.index(tree.tree_model.row_of(claim.article.story_id), 0)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    assert tree.current_story_id() == claim.article.story_id


def choose_claim(qtbot, window, claim) -> None:
    """Click the claim's row in the claims table."""
    select_rows(qtbot, window, shown_row(window, claim))
    assert window.claim_detail.claim_id == claim.id


def shown_row(window, claim) -> int:
    """The table's row (as shown, sorted) of this claim."""
    model = window.claims.model
    return window.claims.proxy.mapFromSource(model.index(model.row_of(claim.id), 0)).row()


def click_link(qtbot, chain, href: str) -> None:
    """Click the link of the chain that leads to ``href``, where it is drawn."""
    document = chain.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                where = chain.cursorRect(cursor).center()
                assert chain.viewport().rect().contains(where), "the link is not drawn"
                qtbot.mouseClick(chain.viewport(), Qt.MouseButton.LeftButton, pos=where)
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the chain")


def code_shown(window, claim) -> str:
    model = window.claims.model
    return model.index(model.row_of(claim.id), ClaimTableModel.CODE).data()


def listed_score(window, claim) -> str:
    """The score and code the story list shows for the claim's story: '66 F2'."""
    tree = window.stories.tree_model
    return tree.index(tree.row_of(claim.article.story_id), 2).data()


def chain_lines(window) -> list[str]:
    return window.claim_detail.chain.toPlainText().splitlines()


def undo(qtbot, window) -> None:
    window.claims.table.setFocus()
    qtbot.keyClick(window.claims.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window) -> None:
    window.claims.table.setFocus()
    qtbot.keyClick(window.claims.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip


def test_a_wire_copy_shows_five_outlets_two_origins_and_the_chain_they_hang_in(
    qtbot, window, closure
):
    wire = closure["Coastline Wire"]
    choose_story(qtbot, window, wire)
    choose_claim(qtbot, window, wire)
    pane = window.claim_detail
    assert pane.origins.text() == "Reported by 5 outlets · 2 independent origins"
    assert pane.origins.isVisible() and pane.chain.isVisible()
    assert "the 1 origin other than its own" in pane.origins_why.text()
    assert chain_lines(window) == [
        "Its own origin · 4 outlets",
        "The Morning Gazette · 2 Mar 2026 · source: people briefed on the plans [mark independent]",
        "↳ Coastline Wire · 3 Mar 2026 · cites The Morning Gazette · this claim [mark independent]",
        "↳ Bay Herald · 3 Mar 2026 · cites The Morning Gazette [mark independent]",
        "↳ City Post · 4 Mar 2026 · cites The Morning Gazette [mark independent]",
        "An independent origin · 1 outlet [not independent: same origin as this claim]",
        "Business Standard · 5 Mar 2026 · source: Anna Holt",
    ]
    # one independent origin besides its own: probably true, as the original
    assert code_shown(window, wire).endswith("2")
    assert pane.code.text().endswith(
        "the digit counts origins, not outlets: 1 independent origin besides its own"
    )
    # the chain is as tall as it is: nothing of it cut off inside the pane
    chain = pane.chain
    assert chain.height() >= chain.document().size().height()


def test_a_claim_nobody_else_reports_has_no_chain(qtbot, window, closure):
    wire = closure["Coastline Wire"]
    choose_story(qtbot, window, wire)
    union = next(c for c in Claim.select() if c.text.startswith("Union officials"))
    choose_claim(qtbot, window, union)
    pane = window.claim_detail
    assert pane.origins.text() == "Reported by 1 outlet · 1 independent origin"
    assert pane.origins_why.text() == "No other report says the same."
    assert not pane.chain.isVisible()


def test_an_entry_of_the_chain_opens_its_article_with_the_claim_chosen(qtbot, window, closure):
    wire, chief = closure["Coastline Wire"], closure["Business Standard"]
    choose_story(qtbot, window, wire)
    choose_claim(qtbot, window, wire)
    click_link(qtbot, window.claim_detail.chain, f"open:{chief.id}")
    assert window.stories.current_story_id() == chief.article.story_id
    assert window.claims.selected_claim_ids() == [chief.id]
    assert window.claim_detail.claim_id == chief.id
    assert window.article_pane.article_id == chief.article_id
    view = window.article_pane.view
    assert view.textCursor().position() == chief.start  # the claim, in its article
    assert window.claim_detail.origins.text() == "Reported by 5 outlets · 2 independent origins"
    assert window.statusBar().currentMessage().startswith("Business Standard, 5 Mar 2026")


def test_separating_an_origin_raises_the_digit_and_ctrl_z_puts_it_back(qtbot, window, closure):
    wire, original = closure["Coastline Wire"], closure["The Morning Gazette"]
    choose_story(qtbot, window, wire)
    choose_claim(qtbot, window, wire)
    score = window.summary.rollup["score"]
    listed = listed_score(window, original)
    # the editor knows the wire checked it with the company itself: an origin of its own
    click_link(qtbot, window.claim_detail.chain, f"split:{wire.id}")
    assert Claim.get_by_id(wire.id).origin_of == wire.id
    pane = window.claim_detail
    assert pane.claim_id == wire.id
    assert pane.origins.text() == "Reported by 5 outlets · 3 independent origins"
    assert chain_lines(window)[0] == "Its own origin, set apart by a person · 1 outlet"
    assert code_shown(window, wire).endswith("1")  # two others confirm it: confirmed
    assert window.summary.rollup["score"] > score  # the story's score follows
    # the other stories' in the list: the Gazette's is higher, capped at 3 (its headline
    # rests on anonymous sources alone)
    now = listed_score(window, original)
    assert int(now.split()[0]) > int(listed.split()[0]) and now.endswith("F3")
    assert listed_score(window, wire) == f"{window.summary.rollup['score']} F1"
    assert window.undo_action.text() == "&Undo Set claim apart as an origin of its own"
    undo(qtbot, window)
    assert Claim.get_by_id(wire.id).origin_of is None
    assert pane.origins.text() == "Reported by 5 outlets · 2 independent origins"
    assert code_shown(window, wire).endswith("2")
    assert window.summary.rollup["score"] == score
    assert listed_score(window, original) == listed
    redo(qtbot, window)
    assert pane.origins.text() == "Reported by 5 outlets · 3 independent origins"
    assert code_shown(window, wire).endswith("1")
    # the original's story, graded again with it: the wire is an origin apart there too
    choose_story(qtbot, window, original)
    choose_claim(qtbot, window, original)
    assert pane.origins.text() == "Reported by 5 outlets · 3 independent origins"
    assert code_shown(window, original).endswith("1")
    # the person's word is forgotten with its link: the rules decide again
    choose_story(qtbot, window, wire)
    choose_claim(qtbot, window, wire)
    click_link(qtbot, pane.chain, f"rules:{wire.id}")
    assert Claim.get_by_id(wire.id).origin_of is None
    assert pane.origins.text() == "Reported by 5 outlets · 2 independent origins"


def test_joining_an_origin_to_the_claims_lowers_the_digit_and_ctrl_z_puts_it_back(
    qtbot, window, closure
):
    wire, chief = closure["Coastline Wire"], closure["Business Standard"]
    choose_story(qtbot, window, wire)
    choose_claim(qtbot, window, wire)
    # the chief executive only repeated the Gazette's story: the same origin
    click_link(qtbot, window.claim_detail.chain, f"join:{chief.id}")
    assert Claim.get_by_id(chief.id).origin_of == wire.id
    pane = window.claim_detail
    assert pane.origins.text() == "Reported by 5 outlets · 1 independent origin"
    assert chain_lines(window)[0] == "Its own origin · 5 outlets"
    assert chain_lines(window)[-1] == (
        "↳ Business Standard · 5 Mar 2026 · joined by a person [mark independent · let the rules decide]"
    )
    assert window.statusBar().currentMessage() == (
        "Business Standard’s claim joined to the origin of the claim shown: reported by 5 "
        "outlets · 1 independent origin. Ctrl+Z undoes it."
    )
    assert code_shown(window, wire).endswith("3")
    assert pane.code.text().endswith("no independent origins besides its own")
    assert window.summary.headline.text() == (
        "Headline: reported by 5 outlets · 1 independent origin (they all go back to one report)"
    )
    assert window.undo_action.text() == "&Undo Join claim to another claim's origin"
    undo(qtbot, window)
    assert Claim.get_by_id(chief.id).origin_of is None
    assert pane.origins.text() == "Reported by 5 outlets · 2 independent origins"
    assert code_shown(window, wire).endswith("2")
    redo(qtbot, window)
    assert pane.origins.text() == "Reported by 5 outlets · 1 independent origin"


def test_the_keys_and_the_tables_menu_set_claims_apart_and_join_them(qtbot, window, closure):
    wire, original, chief = (closure["Coastline Wire"], closure["The Morning Gazette"],
                             closure["Business Standard"])  # fmt: skip
    choose_story(qtbot, window, wire)
    choose_claim(qtbot, window, wire)
    window.claims.table.setFocus()
    qtbot.keyClick(window.claims.table, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert Claim.get_by_id(wire.id).origin_of == wire.id
    assert window.claim_detail.origins.text() == "Reported by 5 outlets · 3 independent origins"
    undo(qtbot, window)
    assert Claim.get_by_id(wire.id).origin_of is None
    # the table's context menu: Origin ▸ An Origin of Its Own
    menu = right_click(qtbot, window, shown_row(window, wire))
    click_entry(qtbot, open_submenu(qtbot, menu, "Origin"), "An Origin of Its Own")
    assert Claim.get_by_id(wire.id).origin_of == wire.id
    menu = right_click(qtbot, window, shown_row(window, wire))
    click_entry(qtbot, open_submenu(qtbot, menu, "Origin"), "Let the Rules Decide")
    assert Claim.get_by_id(wire.id).origin_of is None
    assert window.claim_detail.origins.text() == "Reported by 5 outlets · 2 independent origins"
    # in All stories, the claims found by their words: two chosen, joined with the keys to
    # the origin of the claim shown (the one chosen last)
    window.claims.all_stories.setChecked(True)
    qtbot.keyClicks(window.claims.search, "Marrow Bay")
    qtbot.waitUntil(lambda: window.claims.proxy.rowCount() == 5)
    select_rows(qtbot, window, shown_row(window, chief), shown_row(window, original))
    assert window.claim_detail.claim_id == original.id
    qtbot.keyClick(window.claims.table, Qt.Key.Key_J,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert Claim.get_by_id(chief.id).origin_of == original.id
    assert window.claim_detail.origins.text() == "Reported by 5 outlets · 1 independent origin"
    assert code_shown(window, chief).endswith("3")  # as stored by the roll-up again
    undo(qtbot, window)
    assert code_shown(window, chief).endswith("2")


def test_the_summary_says_on_how_many_origins_the_headline_rests(qtbot, window, closure):
    wire = closure["Coastline Wire"]
    choose_story(qtbot, window, wire)
    headline = window.summary.headline
    assert headline.isVisible()
    assert headline.text() == "Headline: reported by 5 outlets · 2 independent origins"
    assert "copies" in headline.toolTip()


def test_the_glossary_explains_an_independent_origin(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.dialogs.glossary_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.keyClicks(dialog.search, "origin")
    found = dialog.plain_text()
    assert "Independent origin" in found and "wire copies of one text" in found
    assert "Ctrl+Shift+O sets the claims selected apart" in found  # the Edit menu's keys


def test_the_keyboard_shortcuts_name_the_origin_keys_with_their_menu(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialogs.shortcuts_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    listed = {(keys, what) for _section, keys, what in dialog.listed()}
    assert ("Ctrl+Shift+O", "Origin ▸ An Origin of Its Own") in listed
    assert ("Ctrl+Shift+J", "Origin ▸ Same Origin as the Claim Shown") in listed
