"""The article pane: the article's title and particulars over its text, the claims marked."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sourcemark.store.models import Article
from sourcemark.ui.article_view import ArticleView
from sourcemark.ui.models.stories import article_label


class ArticlePane(QWidget):
    """The article shown (``view``, an ArticleView) under its ``title`` and ``meta`` (outlet,
    date, byline); its context menu adds ``menu_actions`` to the text's own entries."""

    def __init__(self, menu_actions: list[QAction] | None = None):
        super().__init__()
        self.menu_actions = list(menu_actions or [])
        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.view = ArticleView()
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(2)
        for label in (self.title, self.meta):
            label.setContentsMargins(12, 0, 12, 0)
            layout.addWidget(label)
        layout.addWidget(self.view, 1)

    @property
    def article_id(self) -> int | None:
        return self.view.article_id

    def show_article(self, article: Article | None, rows) -> None:
        """This article with these claims marked (None: nothing)."""
        if article is None:
            self.view.show_article(None, "", "", [])
            self.title.setText("")
            self.meta.setText("")
            return
        self.view.show_article(article.id, article.title, article.text, rows)
        self.title.setText(article.title)
        meta = [article_label(article)]
        if article.published:
            meta.append(article.published.isoformat())
        if article.byline:
            meta.append(article.byline)
        self.meta.setText(" · ".join(meta))

    def _menu(self, position) -> None:
        menu = self.view.createStandardContextMenu(position)
        menu.addSeparator()
        for action in self.menu_actions:
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(position))
