"""Edit ▸ Article Details: an article's title, outlet, byline, date and address, corrected
by hand. The form only reads and checks what is typed; the caller saves its ``changes()``."""

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from sourcemark.ingest import is_url
from sourcemark.ui.wording import short

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ArticleDetailsDialog(QDialog):
    """The details of one article (``details``: as store.curation.article_details gives
    them), with the outlet completed from the registry's ``outlets``. OK is refused, with the
    reason shown, while a field cannot be saved as typed."""

    def __init__(self, details: dict, outlets: list[str], story_title: str = "", parent=None):
        super().__init__(parent)
        self.details = details
        self.setWindowTitle("Article Details")
        self.setMinimumWidth(600)
        layout = QFormLayout(self)
        if story_title:
            where = QLabel(f"In the story “{short(story_title, 200)}”")
            where.setTextFormat(Qt.TextFormat.PlainText)
            where.setWordWrap(True)
            layout.addRow(where)
        self.title = self._field("articleTitle", details["title"])
        self.outlet = self._field("articleOutlet", details["outlet"], "the newspaper, site or "
                                  "broadcaster it appeared in")  # fmt: skip
        completer = QCompleter(outlets, self.outlet)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.outlet.setCompleter(completer)
        self.byline = self._field("articleByline", details["byline"], "who wrote it")
        published = details["published"]
        self.published = self._field("articleDate", published.isoformat() if published else "",
                                     "YYYY-MM-DD, or empty for no date")  # fmt: skip
        self.url = self._field("articleAddress", details["url"], "https://… (empty: none)")
        layout.addRow("&Title:", self.title)
        layout.addRow("&Outlet:", self.outlet)
        layout.addRow("&Byline:", self.byline)
        layout.addRow("&Date:", self.published)
        layout.addRow("&Address:", self.url)
        note = QLabel("A new outlet regrades every claim of the article.")
        note.setObjectName("hint")
        note.setWordWrap(True)
        note.setEnabled(False)  # the palette's quieter text
        layout.addRow(note)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        layout.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        for field in (self.title, self.outlet, self.byline, self.published, self.url):
            field.textEdited.connect(lambda _text: self.problem.hide())

    def _field(self, name: str, value: str | None, hint: str = "") -> QLineEdit:
        field = QLineEdit(value or "")
        field.setObjectName(name)
        field.setPlaceholderText(hint)
        field.setCursorPosition(0)  # a long title shows its beginning
        return field

    def accept(self) -> None:
        problem, field = self.problem_found()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            field.setFocus()
            field.selectAll()
            return
        super().accept()

    def problem_found(self) -> tuple[str, QLineEdit | None]:
        """Why the form cannot be saved as it is (and the field to mend), or ("", None)."""
        if not self.title.text().strip():
            return "An article needs a title.", self.title
        try:
            self.published_date()
        except ValueError as error:
            return str(error), self.published
        url = self.url.text().strip()
        if url and url != (self.details["url"] or "") and not is_url(url):
            return (
                "An address is a web address beginning with https:// or http://, "
                "with no spaces (empty: none).",
                self.url,
            )
        return "", None

    def published_date(self) -> date | None:
        """The date typed (None: no date); ValueError saying why when it is not one."""
        text = self.published.text().strip()
        if not text:
            return None
        if not ISO_DATE.fullmatch(text):
            raise ValueError(
                f"“{short(text, 20)}” is not a date written YYYY-MM-DD, such as "
                f"{date.today().isoformat()} (empty: no date)."
            )
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text} is not a day of the calendar.") from None

    def changes(self) -> dict:
        """The details changed in the form (only those), as edit_article takes them."""
        typed = {
            "title": self.title.text(),
            "outlet": self.outlet.text(),
            "byline": self.byline.text(),
            "url": self.url.text(),
        }
        changed = {
            name: " ".join(value.split()) or None
            for name, value in typed.items()
            if " ".join(value.split()) != " ".join((self.details[name] or "").split())
        }
        published = self.published_date()
        if published != self.details["published"]:
            changed["published"] = published
        return changed
