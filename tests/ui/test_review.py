"""Correcting claims the way an editor works: keys, cell editors, undo and redo; the
database checked after every step."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from sourcemark.store.models import Claim, Source
from sourcemark.ui.models.claims import ClaimTableModel
from sourcemark.ui.models.roles import ID_ROLE, SORT_ROLE
from tests.ui.test_main_window import demo_window


def select_rows(qtbot, window, *rows: int) -> list[int]:
    """Click the first row, ctrl-click the others, as a user selects; the claim ids."""
    table = window.claims.table
    table.setFocus()
    ids = []
    for n, row in enumerate(rows):
        index = window.claims.proxy.index(row, ClaimTableModel.CODE)
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier,
                         table.visualRect(index).center())  # fmt: skip
        ids.append(index.data(ID_ROLE))
    return ids


def pick(qtbot, combo, value) -> None:
    """Open a drop-down and click the entry holding ``value``, as a user chooses."""
    combo.showPopup()
    view = combo.view()
    item = view.visualRect(view.model().index(combo.findData(value), 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=item.center())


def tick(qtbot, button, *values) -> None:
    """Open a filter's menu and click these values (ticking or unticking each), as a user
    does; then Escape closes it."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    menu = button.values_menu
    qtbot.waitUntil(menu.isVisible)
    for value in values:
        action = button.any_action if value is ANY else button.entries[value]
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())


ANY = object()  # tick(…, ANY): the filter's "Any …" entry, which unticks every value


def window_with_claims(qtbot, db_url, settings):
    window = demo_window(qtbot, db_url, settings)
    window.activateWindow()  # shortcuts (Ctrl+Z) go to the active window only
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_editor(qtbot, window, row: int, column: int):
    """F2 on a cell, as a user starts editing it; the cell's editor."""
    index = window.claims.proxy.index(row, column)
    window.claims.table.setFocus()
    window.claims.table.setCurrentIndex(index)
    qtbot.keyClick(window.claims.table, Qt.Key.Key_F2)
    editor = window.claims.table.indexWidget(index) or window.claims.table.focusWidget()
    assert editor is not window.claims.table, "no editor opened"
    return editor


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.claims.table, k, modifier)


def test_a_number_key_sets_the_sourcing_type_and_undo_puts_it_back(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    (claim_id,) = select_rows(qtbot, window, 0)
    before = Claim.get_by_id(claim_id)
    key(qtbot, window, Qt.Key.Key_7)  # 7: document
    after = Claim.get_by_id(claim_id)
    assert (after.type, after.origin, after.version) == ("document", "user", before.version + 1)
    row = window.claims.model.row_of(claim_id)
    assert window.claims.model.index(row, ClaimTableModel.TYPE).data() == "Document"
    assert window.undo_action.text() == "&Undo Set type of claim to Document"
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = Claim.get_by_id(claim_id)
    assert (undone.type, undone.origin) == (before.type, before.origin)
    key(qtbot, window, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert Claim.get_by_id(claim_id).type == "document"


def test_space_marks_every_selected_claim_reviewed_as_one_step(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    ids = select_rows(qtbot, window, 0, 2, 3)
    key(qtbot, window, Qt.Key.Key_Space)
    assert all(Claim.get_by_id(i).reviewed for i in ids)
    assert window.claims.selected_claim_ids() == sorted(ids, key=window.claims.model.row_of)
    key(qtbot, window, Qt.Key.Key_Space)  # all reviewed: the key clears them
    assert not any(Claim.get_by_id(i).reviewed for i in ids)
    window.undo_stack.undo()
    assert all(Claim.get_by_id(i).reviewed for i in ids)
    window.undo_stack.undo()
    assert not any(Claim.get_by_id(i).reviewed for i in ids)
    assert window.undo_stack.count() == 2


def test_d_a_and_x_set_the_stance(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    (claim_id,) = select_rows(qtbot, window, 1)
    for k, stance in ((Qt.Key.Key_D, "denies"), (Qt.Key.Key_X, "declines"),
                      (Qt.Key.Key_A, "asserts")):  # fmt: skip
        key(qtbot, window, k)
        assert Claim.get_by_id(claim_id).stance == stance
    original = Claim.get_by_id(claim_id)
    for stance in ("declines", "denies"):  # undo walks back through each change
        window.undo_stack.undo()
        assert Claim.get_by_id(claim_id).stance == stance
    assert original.origin == "user"


def test_delete_removes_claims_and_undo_brings_them_back_with_their_ids(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    total = Claim.select().count()
    ids = select_rows(qtbot, window, 0, 1)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert Claim.select().where(Claim.id.in_(ids)).count() == 0
    assert window.claims.model.rowCount() == total - 2
    assert window.stories.tree_model.index(0, 1).data() == str(total - 2)
    assert f"{total - 2} claims" in window.summary.facts.text()
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(c.id for c in Claim.select().where(Claim.id.in_(ids))) == sorted(ids)
    assert window.stories.tree_model.index(0, 1).data() == str(total)
    assert sorted(window.claims.selected_claim_ids()) == sorted(ids)


def test_the_type_cell_offers_a_drop_down_and_saves_the_choice(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    (claim_id,) = select_rows(qtbot, window, 0)
    index = window.claims.proxy.index(0, ClaimTableModel.TYPE)
    center = window.claims.table.visualRect(index).center()
    qtbot.mouseClick(window.claims.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(window.claims.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    editor = window.claims.table.focusWidget()
    assert isinstance(editor, QComboBox) and editor.count() == 8
    pick(qtbot, editor, "media_report")
    qtbot.waitUntil(lambda: Claim.get_by_id(claim_id).type == "media_report")
    assert Claim.get_by_id(claim_id).origin == "user"


def test_the_source_cell_completes_from_the_registry_and_links_the_source(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    (claim_id,) = select_rows(qtbot, window, 0)
    editor = open_editor(qtbot, window, 0, ClaimTableModel.SOURCE)
    assert isinstance(editor, QLineEdit) and editor.completer().model().rowCount() > 3
    editor.selectAll()
    qtbot.keyClicks(editor, "Kremlin spokesman Dmitry Peskov")
    editor.completer().popup().hide()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Claim.get_by_id(claim_id).source_mention.startswith("Kremlin"))
    claim = Claim.get_by_id(claim_id)
    assert claim.source_mention == "Kremlin spokesman Dmitry Peskov"
    assert Source.get_by_id(claim.source_id).name == "Kremlin spokesman Dmitry Peskov"
    window.undo_stack.undo()
    assert Claim.get_by_id(claim_id).source_mention != "Kremlin spokesman Dmitry Peskov"


def test_the_reviewed_box_and_the_note_cell_are_edits_too(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    (claim_id,) = select_rows(qtbot, window, 0)
    box = window.claims.table.visualRect(window.claims.proxy.index(0, ClaimTableModel.REVIEWED))
    check = box.adjusted(2, 0, 0, 0)  # the check box sits at the cell's left
    qtbot.mouseClick(window.claims.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=check.topLeft() + check.bottomLeft() / 2 - check.topLeft() / 2
                     + type(check.topLeft())(8, 0))  # fmt: skip
    qtbot.waitUntil(lambda: Claim.get_by_id(claim_id).reviewed)
    editor = open_editor(qtbot, window, 0, ClaimTableModel.NOTE)
    qtbot.keyClicks(editor, "check with the ministry")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Claim.get_by_id(claim_id).note == "check with the ministry")
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    assert Claim.get_by_id(claim_id).note == ""
    window.undo_stack.undo()
    assert not Claim.get_by_id(claim_id).reviewed


def select_words(qtbot, view, words: int) -> str:
    """Put the caret at the start of the article and shift-select whole words, as a user
    selects with the keyboard."""
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(words):
        qtbot.keyClick(view, Qt.Key.Key_Right,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    return view.textCursor().selectedText()


def test_words_selected_in_the_article_become_a_claim_with_ctrl_e(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    before = Claim.select().count()
    selected = select_words(qtbot, window.article_pane.view, 3)
    assert selected.strip() == "According to Western"
    qtbot.keyClick(window.article_pane.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.editing.claim_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.source, "Western officials")
    assert dialog.type.currentData() == "named_person"  # guessed; the user corrects it
    dialog.type.setCurrentIndex(dialog.type.findData("anonymous_official"))
    qtbot.keyClick(dialog.source, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Claim.select().count() == before + 1)
    claim = Claim.select().order_by(Claim.id.desc()).get()
    assert (claim.text, claim.start, claim.origin) == ("According to Western", 0, "user")
    assert (claim.source_mention, claim.type) == ("Western officials", "anonymous_official")
    assert claim.id in window.claims.selected_claim_ids()
    window.undo_stack.undo()
    assert Claim.select().count() == before


def test_ctrl_e_without_a_selection_says_what_to_do(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    window.add_claim_action.trigger()
    assert "Select the words" in window.statusBar().currentMessage()


def test_re_analysis_keeps_the_claims_a_person_changed_or_made(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    total = Claim.select().count()
    (edited,) = select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_7)  # the person says: a document
    other_id = window.claims.proxy.index(1, 0).data(ID_ROLE)
    Claim.update(reviewed=False, note="").where(Claim.id == other_id).execute()
    window.reanalyze_action.trigger()
    assert Claim.select().count() == total  # no second copy of the edited claim
    kept = Claim.get_by_id(edited)
    assert (kept.type, kept.origin) == ("document", "user")
    assert Claim.select().where(Claim.origin == "analyzer").count() == total - 1
    assert window.claims.model.rowCount() == total
    window.undo_stack.undo()  # the re-analysis
    assert Claim.get_by_id(edited).type == "document"
    assert Claim.get_by_id(other_id) is not None  # the analyzer's claims as they were


def test_a_claim_is_split_where_the_article_cursor_stands(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    total = Claim.select().count()
    first = min(Claim.select(), key=lambda c: c.start if c.type != "unattributed" else 10**9)
    view = window.article_pane.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    cut = first.text.index(" is ") + 1  # "Russian arms dealer Viktor Bout | is attempting ..."
    for _ in range(first.start + cut):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    window.split_action.trigger()
    assert Claim.select().count() == total + 1
    left, right = sorted(Claim.select().where(Claim.source_mention == first.source_mention)
                         .where(Claim.start.between(first.start, first.end)), key=lambda c: c.start)  # fmt: skip
    assert left.text == first.text[:cut].rstrip() and right.text.startswith("is attempting")
    assert (left.origin, right.origin, right.type) == ("user", "user", first.type)
    window.undo_stack.undo()
    assert Claim.select().count() == total
    assert Claim.get_by_id(first.id).text == first.text


def test_selected_claims_merge_into_one_with_ctrl_m(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    total = Claim.select().count()
    ids = select_rows(qtbot, window, 0, 1)
    first, second = sorted((Claim.get_by_id(i) for i in ids), key=lambda c: c.start)
    key(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert Claim.select().count() == total - 1
    merged = Claim.get_by_id(first.id)
    assert (merged.start, merged.end, merged.origin) == (first.start, second.end, "user")
    assert window.claims.selected_claim_ids() == [first.id]
    window.undo_stack.undo()
    assert Claim.get_by_id(second.id).text == second.text


def test_merge_and_split_explain_what_they_need(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    select_rows(qtbot, window, 0)
    window.merge_action.trigger()
    assert "two or more claims" in window.statusBar().currentMessage()
    window.article_pane.view.setFocus()
    qtbot.keyClick(window.article_pane.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    window.split_action.trigger()
    assert "inside a highlighted claim" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_filters_narrow_the_table_and_count_what_they_show(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    total = window.claims.model.rowCount()
    anonymous = Claim.select().where(Claim.type == "anonymous_official").count()
    tick(qtbot, window.claims.type_filter, "anonymous_official")
    assert window.claims.proxy.rowCount() == anonymous
    assert window.claims.match_count.text() == f"{anonymous} of {total} claims"
    tick(qtbot, window.claims.type_filter, ANY)
    denials = Claim.select().where(Claim.stance == "denies").count()
    tick(qtbot, window.claims.stance_filter, "denies")
    assert window.claims.proxy.rowCount() == denials
    tick(qtbot, window.claims.stance_filter, "denies")  # unticked: any stance again
    assert window.claims.proxy.rowCount() == total
    select_rows(qtbot, window, 0, 1)
    key(qtbot, window, Qt.Key.Key_Space)
    tick(qtbot, window.claims.reviewed_filter, False)
    assert window.claims.proxy.rowCount() == total - 2
    tick(qtbot, window.claims.type_filter, "anonymous_official", "anonymous_source")
    assert all(
        window.claims.proxy.index(r, ClaimTableModel.TYPE).data().startswith("Anonymous")
        for r in range(window.claims.proxy.rowCount())
    )


def test_all_stories_searches_every_story(qtbot, db_url, settings, tmp_path):
    from tests.ingest import samples

    window = window_with_claims(qtbot, db_url, settings)
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(samples.write_html(tmp_path / "bridge.html"))])
    window.stories.select_story(
        window.stories.tree_model.index(1, 0).data(ID_ROLE)
    )  # the Bout story
    qtbot.keyClicks(window.claims.search, "bridge")
    assert window.claims.proxy.rowCount() == 0  # not in this story
    qtbot.mouseClick(window.claims.all_stories, Qt.MouseButton.LeftButton)
    found = [c for c in Claim.select() if "bridge" in (c.text + (c.source_mention or "")).lower()]
    assert found and window.claims.proxy.rowCount() == len(found)
    assert all("bridge" in window.claims.proxy.index(r, 0).data().lower()
               or "bridge" in window.claims.proxy.index(r, 1).data().lower()
               for r in range(len(found)))  # fmt: skip
    qtbot.waitUntil(lambda: window.claims.match_count.text() != "Counting…")
    assert window.claims.match_count.text() == f"{len(found)} of {Claim.select().count()} claims"
    assert window.summary.title.text() == "All stories"
    assert window.summary.facts.text().startswith(f"{len(found)} claim")


def test_the_selected_claim_shows_its_source_and_cue_in_the_article(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    claim = Claim.get((Claim.source_mention == "Western officials") & (Claim.cue.is_null(False)))
    window.claims.select_claim(claim.id)
    marks = dict(window.article_pane.view.marked_words())
    assert marks["source"] == "Western officials"
    assert marks["cue"].lower() == claim.cue.lower()


def test_the_flag_filter_shows_contested_claims_and_the_code_explains_itself(
    qtbot, db_url, settings
):
    window = window_with_claims(qtbot, db_url, settings)
    tick(qtbot, window.claims.flag_filter, "contested")
    shown = window.claims.proxy.rowCount()
    assert 0 < shown < window.claims.model.rowCount()
    tip = window.claims.proxy.index(0, ClaimTableModel.CODE).data(Qt.ItemDataRole.ToolTipRole)
    assert "contested: a denial in the story answers it" in tip
    key(qtbot, window, Qt.Key.Key_Down)  # the table still works as before


def test_the_story_shows_its_score_and_code_and_edits_move_it(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    summary = window.summary.rollup
    assert summary["score"] <= 60 and summary["code"] == "F3"  # the capped worked example
    assert (
        "60" in window.summary.score.text() or str(summary["score"]) in window.summary.score.text()
    )
    assert "not whether it is true" in window.summary.score.toolTip()
    assert window.stories.tree_model.index(0, 2).data() == f"{summary['score']} {summary['code']}"
    before = summary["components"]["on_record"]["score"]
    select_rows(qtbot, window, *range(6))
    key(qtbot, window, Qt.Key.Key_7)  # six claims rest on documents after all
    after = window.summary.rollup
    assert after["components"]["on_record"]["score"] > before
    assert window.stories.tree_model.index(0, 2).data() == f"{after['score']} {after['code']}"


def test_stories_sort_by_score(qtbot, db_url, settings, tmp_path):
    from tests.ingest import samples

    window = window_with_claims(qtbot, db_url, settings)
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(samples.write_html(tmp_path / "bridge.html"))])
    header = window.stories.header()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + type(header.rect().topLeft())(
                         header.sectionViewportPosition(2) + 5, 5))  # fmt: skip
    scores = [window.stories.tree_model.index(r, 2).data(SORT_ROLE) for r in range(2)]
    order = [window.stories.model().index(r, 2).data(SORT_ROLE) for r in range(2)]
    assert sorted(scores) == sorted(order) and order in (sorted(order), sorted(order)[::-1])
    assert order[0] != order[1]


def test_another_outlets_story_with_the_same_claim_corroborates_it(
    qtbot, db_url, settings, tmp_path
):
    from sourcemark.store import open_database
    from tests.ingest import samples
    from tests.ui.test_main_window import make_window

    open_database(db_url)
    first = samples.html_page()
    # another outlet, its own reporter and sources, the same fact
    second = (samples.html_page().replace(samples.OUTLET, "The Harbour Times")
              .replace(samples.PARAGRAPHS[0], "The harbour bridge will close for six weeks "
                       "from April after inspectors found corrosion in two of its cables, "
                       "city engineers said on Tuesday.")
              .replace(samples.PARAGRAPHS[1], "Traffic will be diverted over the old ferry "
                       "road, police said.")
              .replace(samples.PARAGRAPHS[2], "Bus companies said they would add services."))  # fmt: skip
    wire = samples.html_page().replace(samples.OUTLET, "The Valley Courier")
    window = make_window(qtbot, db_url, settings)
    for name, page in (("first.html", first), ("second.html", second)):
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        with qtbot.waitSignal(window.imports_done, timeout=60_000):
            window.imports.start_import([str(path)])
    # the window shows the last story imported: The Harbour Times's
    assert {row.outlet for row in window.claims.model.rows()} == {"The Harbour Times"}
    bridge = next(row for row in window.claims.model.rows() if "harbour bridge" in row.text.lower())
    assert bridge.also_reported_by == ("The Lakeshore Examiner",)
    assert bridge.code.endswith("2")  # corroborated once
    # the story's corroboration component counts it, in the summary and the story list alike
    summary = window.summary.rollup
    assert summary["components"]["corroboration"]["score"] > 50
    row = window.stories.tree_model.row_of(window.stories.current_story_id())
    assert window.stories.tree_model.index(row, 2).data() == f"{summary['score']} {summary['code']}"
    # the person knows better: the two reports are not independent
    window.claims.select_claim(bridge.id)
    window.corroboration_action.trigger()
    dialog = window.dialogs.corroboration_dialog
    found = next(r for r in range(dialog.model.rowCount())
                 if dialog.model.index(r, 3).data() == "corroborates")  # fmt: skip
    dialog.table.selectRow(found)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    bridge = next(r for r in window.claims.model.rows() if r.id == bridge.id)
    assert not bridge.also_reported_by and bridge.code.endswith("3")
    window.undo_stack.undo()
    bridge = next(r for r in window.claims.model.rows() if r.id == bridge.id)
    assert bridge.also_reported_by == ("The Lakeshore Examiner",)
    tip = window.claims.proxy.index(
        window.claims.proxy.mapFromSource(window.claims.model.index(
            window.claims.model.row_of(bridge.id), 0)).row(), ClaimTableModel.CODE
    ).data(Qt.ItemDataRole.ToolTipRole)  # fmt: skip
    assert "also reported by" in tip
    # a wire copy in a third paper is the same report, not a corroboration
    path = tmp_path / "wire.html"
    path.write_text(wire.replace("six weeks", "six full weeks"), encoding="utf-8")
    with qtbot.waitSignal(window.imports_done, timeout=60_000):
        window.imports.start_import([str(path)])
    wire_bridge = next(row for row in window.claims.model.rows()
                       if "six full weeks" in row.text)  # fmt: skip
    # it carries the claim too, but with the paper it copies it is one origin: the wire copy
    # and its original share one grade, corroborated by The Harbour Times's engineers alone
    assert set(wire_bridge.also_reported_by) == {"The Lakeshore Examiner", "The Harbour Times"}
    assert (wire_bridge.reported_by, wire_bridge.independent_origins) == (3, 2)
    assert wire_bridge.code.endswith("2")


def test_why_this_score_lists_each_component_and_the_standard_behind_it(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    assert not window.summary.breakdown.isVisible()
    qtbot.mouseClick(window.summary.why, Qt.MouseButton.LeftButton)
    text = window.summary.breakdown.text()
    for name in ("On-record sourcing", "Independent of anonymous sources", "Corroboration",
                 "Right of reply", "Source diversity"):  # fmt: skip
        assert name in text
    assert "score at most 60" in text
    assert "STANAG 2511" in text  # the standard is in the breakdown itself
    assert window.summary.breakdown.isVisible()


def test_a_person_confirms_a_corroboration_the_model_missed(qtbot, db_url, settings, tmp_path):
    from sourcemark.store import open_database
    from tests.ingest import samples
    from tests.ui.test_main_window import make_window

    open_database(db_url)
    window = make_window(qtbot, db_url, settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    other = (
        samples.html_page()
        .replace(samples.OUTLET, "The Harbour Times")
        .replace(
            samples.PARAGRAPHS[0],
            "Engineers found corrosion in two cables of the harbour "
            "bridge, which will shut in April for about six weeks, the city said on Tuesday.",
        )
    )
    for name, page in (("a.html", samples.html_page()), ("b.html", other)):
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        with qtbot.waitSignal(window.imports_done, timeout=60_000):
            window.imports.start_import([str(path)])
    bridge = next(r for r in window.claims.model.rows() if "corrosion in two cables" in r.text)
    assert not bridge.also_reported_by  # worded too differently for the model
    window.claims.select_claim(bridge.id)
    qtbot.keyClick(window.claims.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialogs.corroboration_dialog
    qtbot.waitUntil(dialog.isVisible)
    target = next(r for r in range(dialog.model.rowCount())
                  if "harbour bridge will close" in dialog.model.index(r, 1).data().lower())  # fmt: skip
    dialog.table.selectRow(target)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    bridge = next(r for r in window.claims.model.rows() if r.id == bridge.id)
    assert bridge.also_reported_by == ("The Lakeshore Examiner",) and bridge.code.endswith("2")
    assert "Confirmed" in [dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())]
    window.undo_stack.undo()
    bridge = next(r for r in window.claims.model.rows() if r.id == bridge.id)
    assert not bridge.also_reported_by


def test_a_claim_someone_else_changed_is_not_overwritten_and_reload_shows_theirs(
    qtbot, db_url, settings
):
    from tests.store.test_repo import another_person

    window = window_with_claims(qtbot, db_url, settings)
    first, second = select_rows(qtbot, window, 0, 1)
    # meanwhile, a colleague marks the first claim a document and adds a note
    another_person(db_url, "UPDATE claim SET type = 'document', note = 'see the court filing', "
                           f"version = version + 1 WHERE id = {first}")  # fmt: skip
    key(qtbot, window, Qt.Key.Key_3)  # 3: named person, for both selected claims
    box = window.editing.conflict_box
    qtbot.waitUntil(box.isVisible)
    assert "1 claim changed by someone else" in box.text()
    details = box.informativeText()
    assert "now has type Document" in details and "“see the court filing”" in details
    assert Claim.get_by_id(first).type == "document"  # theirs, untouched
    assert Claim.get_by_id(second).type == "named_person"  # the other claim was saved
    assert window.undo_stack.count() == 1
    reload_button = next(b for b in box.buttons() if b.text() == "&Reload")
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    row = window.claims.model.row_of(first)
    assert window.claims.model.claim_at(row).type == "document"
    assert window.claims.model.claim_at(row).note == "see the court filing"
    # now that the window has read their change, the user may change it again
    select_rows(qtbot, window, window.claims.proxy.mapFromSource(
        window.claims.model.index(row, 0)).row())  # fmt: skip
    key(qtbot, window, Qt.Key.Key_3)
    assert Claim.get_by_id(first).type == "named_person"


def test_changes_made_elsewhere_appear_without_a_restart(qtbot, db_url, settings):
    from sourcemark.store.models import revision
    from tests.store.test_repo import another_person

    window = window_with_claims(qtbot, db_url, settings)
    window.changes.timer.setInterval(100)
    (claim_id,) = select_rows(qtbot, window, 4)
    key(qtbot, window, Qt.Key.Key_Space)  # this window's own edit: no reload for it
    qtbot.wait(300)
    assert window.statusBar().currentMessage() != "Updated with changes made elsewhere."
    # another editor's Sourcemark changes a claim and notes the change
    another_person(db_url, f"UPDATE claim SET stance = 'denies', version = version + 1 "
                           f"WHERE id = {claim_id}")  # fmt: skip
    another_person(db_url, f"UPDATE sourcemark_meta SET value = '{revision() + 1}' "
                           "WHERE key = 'revision'")  # fmt: skip
    row = window.claims.model.row_of(claim_id)
    qtbot.waitUntil(lambda: window.claims.model.claim_at(row).stance == "denies", timeout=5000)
    assert window.statusBar().currentMessage() == "Updated with changes made elsewhere."
    assert window.claims.selected_claim_ids() == [claim_id]  # the selection stays


def test_undo_of_a_merge_over_a_colleagues_change_is_refused_but_own_edits_undo(
    qtbot, db_url, settings
):
    from tests.store.test_repo import another_person

    window = window_with_claims(qtbot, db_url, settings)
    total = Claim.select().count()
    ids = select_rows(qtbot, window, 0, 1)
    first, second = sorted((Claim.get_by_id(i) for i in ids), key=lambda c: c.start)
    key(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # merge
    key(qtbot, window, Qt.Key.Key_D)  # then mark the merged claim a denial
    window.undo_stack.undo()  # this window's own steps undo one after the other
    window.undo_stack.undo()
    assert Claim.select().count() == total and Claim.get_by_id(second.id).text == second.text
    window.undo_stack.redo()  # merged again
    assert Claim.get_or_none(Claim.id == second.id) is None
    # a colleague adds a note to the merged claim; undoing the merge would lose it
    another_person(db_url, f"UPDATE claim SET note = 'source confirmed', version = version + 1 "
                           f"WHERE id = {first.id}")  # fmt: skip
    window.undo_stack.undo()
    qtbot.waitUntil(window.editing.conflict_box.isVisible)
    assert "“source confirmed”" in window.editing.conflict_box.informativeText()
    assert Claim.get_by_id(first.id).note == "source confirmed"
    assert Claim.get_or_none(Claim.id == second.id) is None  # still merged, nothing lost


def test_deleting_a_claim_a_colleague_changed_is_refused(qtbot, db_url, settings):
    from tests.store.test_repo import another_person

    window = window_with_claims(qtbot, db_url, settings)
    total = Claim.select().count()
    (claim_id,) = select_rows(qtbot, window, 2)
    another_person(db_url, f"UPDATE claim SET reviewed = TRUE, version = version + 1 "
                           f"WHERE id = {claim_id}")  # fmt: skip
    key(qtbot, window, Qt.Key.Key_Delete)
    qtbot.waitUntil(window.editing.conflict_box.isVisible)
    assert "now has a review mark" in window.editing.conflict_box.informativeText()
    assert Claim.select().count() == total and window.undo_stack.count() == 0


def test_after_delete_the_next_claim_is_selected_and_the_next_key_acts_on_it(
    qtbot, db_url, settings
):
    window = window_with_claims(qtbot, db_url, settings)
    first, second = (window.claims.proxy.index(r, 0).data(ID_ROLE) for r in (0, 1))
    select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert Claim.get_or_none(Claim.id == first) is None
    assert window.claims.selected_claim_ids() == [second]
    key(qtbot, window, Qt.Key.Key_Space)  # acts on the claim now selected
    assert Claim.get_by_id(second).reviewed


def test_space_in_a_not_reviewed_filter_moves_on_to_the_next_claim(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    tick(qtbot, window.claims.reviewed_filter, False)  # Not reviewed
    first, second = (window.claims.proxy.index(r, 0).data(ID_ROLE) for r in (0, 1))
    select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_Space)
    assert Claim.get_by_id(first).reviewed
    assert window.claims.selected_claim_ids() == [second]
    key(qtbot, window, Qt.Key.Key_Space)
    assert Claim.get_by_id(second).reviewed


def test_counts_follow_a_review_in_a_filter_and_a_delete(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    total = window.claims.model.rowCount()
    assert window.statusBar().currentMessage().endswith(f"{total} claims")
    tick(qtbot, window.claims.reviewed_filter, False)  # Not reviewed: all of them
    select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_Space)  # reviewed: it leaves the filter
    assert window.claims.match_count.text() == f"{total - 1:,} of {total} claims"
    key(qtbot, window, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage().endswith(f"{total - 1} claims")
