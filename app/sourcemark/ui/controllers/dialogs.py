"""The window's dialogs that are not about one job: the credibility model's settings, a
claim's corroboration, the source and outlet registries, the glossary, the keyboard
shortcuts, and About."""

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from sourcemark import APP_NAME, __version__
from sourcemark.store import describe


class DialogsController(QObject):
    """Opens the dialogs over the window (one registry dialog of each kind, kept), and says
    in its status bar what they did; the window's undo stack takes their changes."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings_dialog = None
        self.corroboration_dialog = None
        self.sources_dialog = None
        self.outlets_dialog = None
        self.glossary_dialog = None
        self.shortcuts_dialog = None

    def close_registries(self) -> None:
        """After a switch to another database: the registries' dialogs of the one left go."""
        for name in ("sources_dialog", "outlets_dialog"):
            dialog = getattr(self, name)
            if dialog is not None:
                dialog.close()
                setattr(self, name, None)

    def edit_model_settings(self) -> None:
        from sourcemark.store.edits import save_settings
        from sourcemark.store.settings import load_settings
        from sourcemark.ui.dialogs.model_settings import ModelSettingsDialog

        window = self.window
        dialog = ModelSettingsDialog(load_settings(), window)
        self.settings_dialog = dialog

        def save() -> None:
            save_settings(dialog.settings())
            window.refresh()  # every score and code follows the new settings
            window.statusBar().showMessage(
                "Credibility model settings saved with the database.", 5000
            )

        dialog.accepted.connect(save)
        dialog.open()

    def show_corroboration(self) -> None:
        from sourcemark.ui.dialogs.corroboration import CorroborationDialog

        window = self.window
        rows = window.claims.rows_of(window.claims.selected_claim_ids()[:1])
        if not rows:
            window.statusBar().showMessage("Select a claim first.", 5000)
            return
        dialog = CorroborationDialog(
            rows[0], window.undo_stack, window.editing.claims_changed, window
        )
        self.corroboration_dialog = dialog
        dialog.show()

    def show_outlets(self) -> None:
        from sourcemark.ui.dialogs.outlets import OutletsDialog

        if self.outlets_dialog is None:
            self.outlets_dialog = OutletsDialog(self.window.undo_stack, self.window)
            self.outlets_dialog.changed.connect(self.window.refresh)  # codes and scores follow
        else:
            self.outlets_dialog.reload()
        self.outlets_dialog.show()
        self.outlets_dialog.raise_()

    def show_sources(self) -> None:
        from sourcemark.ui.dialogs.sources import SourcesDialog

        if self.sources_dialog is None:
            self.sources_dialog = SourcesDialog(self.window.undo_stack, self.window)
            # a grade or a merge changes the codes of the claims shown
            self.sources_dialog.changed.connect(self.window.reload_claims)
            self.sources_dialog.showClaims.connect(self.window.show_source_claims)
        else:
            self.sources_dialog.reload()
        self.sources_dialog.show()
        self.sources_dialog.raise_()

    def show_glossary(self) -> None:
        from sourcemark.store.settings import load_settings
        from sourcemark.ui.dialogs.glossary import GlossaryDialog

        if self.glossary_dialog is not None:  # made anew: the default letters may have changed
            self.glossary_dialog.deleteLater()
        self.glossary_dialog = GlossaryDialog(load_settings(), self.window)
        self.glossary_dialog.show()

    def show_shortcuts(self) -> None:
        from sourcemark.ui.dialogs.shortcuts import ShortcutsDialog, window_keys

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(window_keys(self.window), self.window)
        self.shortcuts_dialog.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self.window,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Find every claim in a news story and what it rests on.</p>"
            f"<p>Database: {escape(describe(self.window.database.url))}</p>",
        )
