"""The filters above the claims table take several values at once (two types: the claims
of either) and count each value for what is shown, in one story and in All stories."""

from collections import Counter

from PySide6.QtCore import Qt

from sourcemark.analysis.types import TYPE_LABELS, SourcingType
from sourcemark.store.models import Claim
from tests.ui.test_all_stories import counted, reading_order, scroll_to_the_end, shown_ids
from tests.ui.test_all_stories import window as archive_window  # noqa: F401 (a fixture)
from tests.ui.test_review import ANY, key, select_rows, tick, window_with_claims

TWO = ("named_person", "document")


def entries(button) -> dict:
    """What each entry of a filter's menu says, by its value."""
    return {value: action.text() for value, action in button.entries.items()}


def shown_types(window) -> Counter:
    proxy, model = window.claims.proxy, window.claims.model
    return Counter(model.claim_at(proxy.mapToSource(proxy.index(r, 0)).row()).type
                   for r in range(proxy.rowCount()))  # fmt: skip


def open_menu(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(button.values_menu.isVisible)
    return button.values_menu


def test_two_types_show_the_claims_of_both_with_counts_in_one_story(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    types = Counter(c.type for c in Claim.select())
    assert all(types[t] for t in TWO)
    menu = open_menu(qtbot, window.claims.type_filter)
    for type_ in SourcingType:
        assert entries(window.claims.type_filter)[type_.value] == (
            f"{TYPE_LABELS[type_]} ({types[type_.value]})"
        )
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    tick(qtbot, window.claims.type_filter, *TWO)
    assert window.claims.type_filter.checked() == TWO
    assert window.claims.type_filter.text() == "Named person, Document"
    assert shown_types(window) == Counter({t: types[t] for t in TWO})
    total = sum(types.values())
    assert (
        window.claims.match_count.text()
        == f"{types['named_person'] + types['document']} of {total} claims"
    )
    # the stances are counted among the claims of the two types now
    stances = Counter(c.stance for c in Claim.select() if c.type in TWO)
    open_menu(qtbot, window.claims.stance_filter)
    assert entries(window.claims.stance_filter)["asserts"] == f"Asserts ({stances['asserts']})"
    assert entries(window.claims.stance_filter)["declines"] == f"Declines ({stances['declines']})"
    qtbot.keyClick(window.claims.stance_filter.values_menu, Qt.Key.Key_Escape)
    tick(qtbot, window.claims.type_filter, ANY)
    assert (
        window.claims.proxy.rowCount() == total and window.claims.type_filter.text() == "Any type"
    )


def test_the_menu_stays_open_while_values_are_ticked_by_key(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    button = window.claims.stance_filter
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # opens the menu
    qtbot.waitUntil(button.values_menu.isVisible)
    menu = button.values_menu
    menu.setActiveAction(button.entries["denies"])
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    menu.setActiveAction(button.entries["declines"])
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert menu.isVisible() and button.checked() == ("denies", "declines")
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    wanted = Claim.select().where(Claim.stance.in_(["denies", "declines"])).count()
    assert window.claims.proxy.rowCount() == wanted > 0


def test_counts_follow_a_review_while_the_menu_is_open(qtbot, db_url, settings):
    window = window_with_claims(qtbot, db_url, settings)
    total = Claim.select().count()
    select_rows(qtbot, window, 0)
    key(qtbot, window, Qt.Key.Key_Space)
    open_menu(qtbot, window.claims.reviewed_filter)
    assert entries(window.claims.reviewed_filter) == {
        False: f"Not reviewed ({total - 1})", True: "Reviewed (1)"}  # fmt: skip
    qtbot.keyClick(window.claims.reviewed_filter.values_menu, Qt.Key.Key_Escape)


def test_two_types_and_two_flags_in_all_stories_with_counts(qtbot, archive_window):  # noqa: F811
    window = archive_window
    types = Counter(c.type for c in Claim.select())
    open_menu(qtbot, window.claims.type_filter)  # counted on the worker with the table's count
    qtbot.waitUntil(lambda: "…" not in entries(window.claims.type_filter)["document"])
    for type_ in SourcingType:
        assert entries(window.claims.type_filter)[type_.value].endswith(f"({types[type_.value]})")
    qtbot.keyClick(window.claims.type_filter.values_menu, Qt.Key.Key_Escape)
    tick(qtbot, window.claims.type_filter, *TWO)
    total = Claim.select().count()
    wanted = reading_order(Claim.type.in_(TWO))
    assert counted(qtbot, window) == f"{len(wanted)} of {total} claims"
    scroll_to_the_end(qtbot, window)
    assert shown_ids(window) == wanted
    assert set(shown_types(window)) == set(TWO)
    flags = ("contested", "interested party")
    tick(qtbot, window.claims.type_filter, ANY)
    tick(qtbot, window.claims.flag_filter, *flags)
    either = [c.id for c in Claim.select() if {"contested", "interested party"}
              & set((c.flags or "").split("; "))]  # fmt: skip
    assert either and counted(qtbot, window) == f"{len(either)} of {total} claims"
    scroll_to_the_end(qtbot, window)
    assert sorted(shown_ids(window)) == sorted(either)
    open_menu(qtbot, window.claims.flag_filter)
    stored = Counter(f for c in Claim.select() for f in (c.flags or "").split("; ") if f)
    assert entries(window.claims.flag_filter)["contested"] == f"Contested ({stored['contested']})"
    qtbot.keyClick(window.claims.flag_filter.values_menu, Qt.Key.Key_Escape)
