"""The window's actions, declared as data: one entry each (its id, text, icon, shortcuts,
menu, what it does, and when it can be used). The menus and the toolbar are built from
this table, and whether each action is enabled follows the window's situation from one
place (``update_enabled``), not from calls scattered through the window.

An action's id names the window's attribute (``import`` -> ``window.import_action``); its
``handler`` names the method it calls: the window's (``refresh``), or one of the window's
controllers' or panels' (``imports.paste``, ``claims.find``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from sourcemark import APP_NAME
from sourcemark.ui.editing import STANCE_KEYS, TYPE_KEYS, key_text
from sourcemark.ui.theme import themed, type_swatch

Keys = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class Situation:
    """What may be done in the window now, for the actions' ``when``. An action that only
    needs a selection stays enabled and, used without one, says what it needs (the menu
    shows what exists; a greyed entry would not say why)."""

    writable: bool  # the database takes changes (not read-only)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str
    icon: str
    menu: str  # the menu it appears in ("" for none), in the table's order
    handler: str  # the method called when triggered: "refresh", "imports.paste"
    shortcuts: tuple = ()
    tip: str = ""
    when: Callable[[Situation], bool] | None = None  # None: always enabled
    group: int = 0  # a separator comes between groups of one menu
    toolbar: bool = False
    widget_shortcut: bool = False  # its key works only in the widget that has the focus
    checkable: bool = False  # a toggle: its handler reads whether it is ticked now
    submenu: str = ""  # the submenu of its menu it appears in (SUBMENUS), if any


def _writable(s: Situation) -> bool:
    return s.writable


ACTIONS: list[ActionSpec] = [
    ActionSpec("import", "&Import Articles…", "mdi6.file-import-outline", "file",
               "imports.import_files", (Keys.Open,), "Import article files: web pages, PDF, "
               "Word, e-mail, plain text and Markdown", _writable, toolbar=True),
    ActionSpec("import_folder", "Import &Folder…", "mdi6.folder-open-outline", "file",
               "imports.import_folder", tip="Import every article file in a folder",
               when=_writable, toolbar=True),
    ActionSpec("paste", "&Paste Articles", "mdi6.content-paste", "file", "imports.paste",
               (Keys.Paste,), "Import what the clipboard holds: files, web addresses, or an "
               "article's text, as new stories", _writable),
    ActionSpec("paste_into_story", "Paste &into This Story", "mdi6.clipboard-arrow-down-outline",
               "file", "imports.paste_into_story", (QKeySequence("Ctrl+Shift+V"),),
               "Add what the clipboard holds to the story shown", _writable),
    ActionSpec("export", "&CSV Files…", "mdi6.file-delimited-outline", "file",
               "output.export_csv", tip="Write the stories, their claims and the model "
               "settings to three CSV files (the claims shown, a story, or all)",
               submenu="export"),
    ActionSpec("export_workbook", "E&xcel Workbook…", "mdi6.microsoft-excel", "file",
               "output.export_workbook", tip="Write the stories, their claims and the model "
               "settings to one Excel workbook (the claims shown, a story, or all)",
               submenu="export"),
    ActionSpec("report", "Story &Report…", "mdi6.file-pdf-box", "file", "output.export_report",
               tip="Write the story shown as a PDF or HTML report"),
    ActionSpec("sample", "Add the &Sample Story", "mdi6.newspaper-variant-outline", "file",
               "imports.import_sample", when=_writable),
    ActionSpec("connect", "&Connect to Database…", "mdi6.database-cog", "file",
               "database.connect_database", tip="Work in another database: a file on this "
               "computer or a server the desk shares", group=1),
    ActionSpec("restore", "&Restore from Backup…", "mdi6.backup-restore", "file",
               "database.restore_backup", tip="Put one of the database's automatic backups "
               "(daily, and before upgrades) in its place", group=1),
    ActionSpec("quit", "&Quit", "mdi6.exit-to-app", "file", "close", (Keys.Quit,), group=2),
    ActionSpec("reviewed", "Toggle &Reviewed", "mdi6.check-circle-outline", "edit",
               "editing.toggle_reviewed", (QKeySequence(Qt.Key.Key_Space),),
               when=_writable, group=1, widget_shortcut=True),
    ActionSpec("delete", "&Delete Claims", "mdi6.delete-outline", "edit", "editing.delete_selected",
               (Keys.Delete,), when=_writable, group=1,
               widget_shortcut=True),
    ActionSpec("add_claim", "&Add Claim from Selection…", "mdi6.plus-box-outline", "edit",
               "editing.add_claim_from_selection", (QKeySequence("Ctrl+E"),),
               "Mark the words selected in the article as a claim (without words selected, "
               "it says what to do)", _writable, group=2),
    ActionSpec("split", "S&plit Claim at the Cursor", "mdi6.call-split", "edit",
               "editing.split_claim", tip="Cut the claim under the article's cursor in two there",
               when=_writable, group=2),
    ActionSpec("merge", "&Merge Selected Claims", "mdi6.call-merge", "edit", "editing.merge_claims",
               (QKeySequence("Ctrl+M"),), "Join the claims selected in the table into one",
               _writable, group=2),
    ActionSpec("reanalyze", "Re-&analyse Article", "mdi6.refresh-auto", "edit",
               "editing.reanalyze_article", tip="Run the analyzer again on the article shown; "
               "claims you made or changed stay", when=_writable, group=2),
    ActionSpec("article_details", "Article De&tails…", "mdi6.file-document-edit-outline",
               "edit", "articles.edit_details", (QKeySequence("Ctrl+I"),),
               "Correct the title, outlet, byline, date and address of the article chosen",
               _writable, group=2),
    ActionSpec("corroboration", "&Corroboration of Claim…", "mdi6.link-variant", "edit",
               "dialogs.show_corroboration", (QKeySequence("Ctrl+K"),),
               "Other stories' claims that say the same: confirm or reject them",
               group=2),
    ActionSpec("split_origin", "An &Origin of Its Own", "mdi6.source-branch", "edit",
               "origins.split_selected", (QKeySequence("Ctrl+Shift+O"),), "Set each claim "
               "selected apart: an independent origin, not a copy of the others nor citing "
               "them", _writable, group=2, submenu="origin"),
    ActionSpec("join_origins", "&Same Origin as the Claim Shown", "mdi6.source-merge", "edit",
               "origins.join_selected", (QKeySequence("Ctrl+Shift+J"),), "The claims selected "
               "rest on the origin of the claim shown below the table: not independent of it",
               _writable, group=2, submenu="origin"),
    ActionSpec("rules_origin", "Let the &Rules Decide", "mdi6.restore", "edit",
               "origins.rules_selected", tip="Forget your decision on the origin of the claims "
               "selected: copies, citations and sources decide it again", when=_writable,
               group=2, submenu="origin"),
    # the story list's own (its context menu too); F2 and Delete are the list's keys, shown
    # here after a tab, not shortcuts: the claims table has its own F2 and Delete
    ActionSpec("rename_story", "Re&name Story…\tF2", "mdi6.rename-box", "edit",
               "curation.rename_story", tip="Give the story chosen in the list a new title",
               when=_writable, group=4),
    ActionSpec("move_articles", "Mo&ve to Story…", "mdi6.file-move-outline", "edit",
               "curation.move_to_story", tip="Move the articles chosen in the story list to "
               "another story or a new one (or drag them onto a story)", when=_writable, group=4),
    ActionSpec("merge_stories", "Merge St&ories…", "mdi6.set-merge", "edit",
               "curation.merge_stories", tip="Make the stories chosen in the list one story, "
               "with every article, claim, review and note", when=_writable, group=4),
    ActionSpec("trash", "Delete to the Tras&h\tDel", "mdi6.trash-can-outline", "edit",
               "curation.delete_selected", tip="Put the stories or articles chosen in the list "
               "in the Trash (Ctrl+Z takes them back)", when=_writable, group=4),
    ActionSpec("model_settings", "Credibility &Model Settings…", "mdi6.tune-variant", "edit",
               "dialogs.edit_model_settings", tip="Weights, default letters and thresholds of the "
               "credibility score", when=_writable, group=3),
    ActionSpec("find", "&Find Claims", "mdi6.magnify", "view", "claims.find", (Keys.Find,)),
    ActionSpec("find_story", "Find a Stor&y", "mdi6.text-search", "view", "curation.find_story",
               (QKeySequence("Ctrl+Shift+F"),), "Find stories by words of their titles and "
               "outlets"),
    ActionSpec("sources", "&Sources…", "mdi6.account-group-outline", "view", "dialogs.show_sources",
               (QKeySequence("Ctrl+Shift+S"),), "Every source across stories: merge their "
               "names, grade them, see their claims"),
    ActionSpec("outlets", "&Outlets…", "mdi6.newspaper-variant-multiple", "view",
               "dialogs.show_outlets",
               tip="Every outlet's track record; grade an outlet's reliability"),
    ActionSpec("show_trash", "Tr&ash…", "mdi6.trash-can-outline", "view", "curation.show_trash",
               tip="The stories and articles deleted: restore them, or empty the Trash"),
    ActionSpec("refresh", "&Reload", "mdi6.refresh", "view", "refresh", (Keys.Refresh,),
               toolbar=True),
    ActionSpec("show_story_list", "Show Story &List", "mdi6.page-layout-sidebar-left", "view",
               "panes.toggle_story_list", (QKeySequence("F9"),), "Show or hide the story list "
               "(or drag its edge)", group=1, checkable=True),
    ActionSpec("show_article", "Show Ar&ticle", "mdi6.page-layout-sidebar-right", "view",
               "panes.toggle_article", (QKeySequence("F8"),), "Show or hide the article "
               "(or drag its edge)", group=1, checkable=True),
    ActionSpec("show_claim_detail", "Show Claim &Details", "mdi6.page-layout-footer", "view",
               "panes.toggle_claim_detail", (QKeySequence("F7"),), "Show or hide the claim "
               "chosen, whole, under the table", group=1, checkable=True),
    ActionSpec("glossary", "&Glossary", "mdi6.book-alphabet", "help", "dialogs.show_glossary",
               (Keys.HelpContents,), "What the sourcing types, stances, flags and the codes "
               "A-F and 1-6 mean"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "mdi6.keyboard-outline", "help",
               "dialogs.show_shortcuts", (QKeySequence("Ctrl+/"),), "Every key of the window"),
    ActionSpec("about", f"&About {APP_NAME}", "mdi6.information-outline", "help",
               "dialogs.show_about", group=1),
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChoiceMenuSpec:
    """A submenu whose entries set one field of the claims selected in the table to one
    value each, showing the table's own key for it ("Named official  1"): the key is the
    table's (ui/editing.py), so the entry only shows it and no shortcut is made twice."""

    id: str  # the window's attribute: "set_type" -> window.set_type_menu
    text: str
    icon: str
    menu: str  # the menu it appears in
    before: str  # the id of the action of that menu it stands before
    field: str  # the claim's field its entries set
    when: Callable[[Situation], bool] | None = None


CHOICE_MENUS = [
    ChoiceMenuSpec("set_type", "Set T&ype", "mdi6.shape-outline", "edit", "reviewed", "type",
                   _writable),
    ChoiceMenuSpec("set_stance", "Set &Stance", "mdi6.comment-quote-outline", "edit", "reviewed",
                   "stance", _writable),
]  # fmt: skip


def choices_of(field: str) -> list[tuple[str, str, str]]:
    """(value, label, key) of each entry of a choice menu, in the keys' order."""
    if field == "type":
        return [(t.value, t.label, key_text(key)) for key, t in TYPE_KEYS.items()]
    return [(s.value, s.label, key_text(key)) for key, s in STANCE_KEYS.items()]


MENUS = {"file": "&File", "edit": "&Edit", "view": "&View", "help": "&Help"}
# submenus of the table's actions: id -> (text, icon); the window's ``ID_menu``
SUBMENUS = {
    "export": ("&Export", "mdi6.file-export-outline"),
    "origin": ("Or&igin", "mdi6.source-fork"),
}


def build_actions(window) -> dict[str, QAction]:
    """Every action of the table, made for ``window`` and set as its ``ID_action``."""
    made = {}
    for spec in ACTIONS:
        action = themed(QAction(spec.text, window), spec.icon)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.widget_shortcut:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        if spec.submenu and spec.shortcuts:  # its keys shown in the table's menu too
            action.setShortcutVisibleInContextMenu(True)
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(spec.tip)
        handler = handler_of(window, spec)
        action.triggered.connect(lambda _checked=False, handler=handler: handler())
        setattr(window, f"{spec.id}_action", action)
        made[spec.id] = action
    for choice in CHOICE_MENUS:
        setattr(window, f"{choice.id}_menu", _choice_menu(window, choice))
    return made


def _choice_menu(window, spec: ChoiceMenuSpec) -> QMenu:
    menu = QMenu(spec.text, window)
    themed(menu.menuAction(), spec.icon)
    for value, label, key in choices_of(spec.field):
        action = menu.addAction(f"{label}\t{key}")
        action.setData(value)
        action.triggered.connect(lambda _checked=False, value=value: window.editing.set_selected(
            {spec.field: value}))  # fmt: skip
    if spec.field == "type":
        menu.aboutToShow.connect(lambda: _swatches(menu))
    return menu


def _swatches(menu: QMenu) -> None:
    """A swatch of each type's colour beside it, drawn for the theme shown."""
    for action in menu.actions():
        action.setIcon(type_swatch(action.data()))


def handler_of(window, spec: ActionSpec) -> Callable[[], object]:
    """The method an action calls: the window's, or its controller's or panel's (dotted)."""
    return attrgetter(spec.handler)(window)


def build_menu(window, menu_id: str, before: list[QAction] | None = None):
    """A menu of the window from the table (``before``: actions made elsewhere, such as the
    undo stack's, that lead it); returns the menu for what follows in it."""
    menu = window.menuBar().addMenu(MENUS[menu_id])
    if before:
        menu.addActions(before)
        menu.addSeparator()
    group = None
    for spec in ACTIONS:
        if spec.menu != menu_id:
            continue
        if group is not None and spec.group != group:
            menu.addSeparator()
        group = spec.group
        action = getattr(window, f"{spec.id}_action")
        if spec.submenu:
            _submenu(window, menu, spec.submenu).addAction(action)
        else:
            menu.addAction(action)
    for choice in CHOICE_MENUS:
        if choice.menu == menu_id:
            menu.insertMenu(getattr(window, f"{choice.before}_action"),
                            getattr(window, f"{choice.id}_menu"))  # fmt: skip
    return menu


def _submenu(window, menu: QMenu, submenu_id: str) -> QMenu:
    """The window's submenu ``submenu_id``, added to ``menu`` where it is first met."""
    made = getattr(window, f"{submenu_id}_menu", None)
    if made is None:
        text, icon = SUBMENUS[submenu_id]
        made = menu.addMenu(text)
        themed(made.menuAction(), icon)
        setattr(window, f"{submenu_id}_menu", made)
    return made


def build_toolbar(window, toolbar) -> None:
    """The table's toolbar actions, a separator between those of different menus."""
    menu = None
    for spec in ACTIONS:
        if not spec.toolbar:
            continue
        if menu is not None and spec.menu != menu:
            toolbar.addSeparator()
        menu = spec.menu
        toolbar.addAction(getattr(window, f"{spec.id}_action"))


def update_enabled(window, situation: Situation) -> None:
    """Enable each action that can be used in this situation, and no other."""
    for spec in ACTIONS:
        if spec.when is not None:
            getattr(window, f"{spec.id}_action").setEnabled(spec.when(situation))
    for choice in CHOICE_MENUS:
        if choice.when is not None:
            getattr(window, f"{choice.id}_menu").setEnabled(choice.when(situation))
