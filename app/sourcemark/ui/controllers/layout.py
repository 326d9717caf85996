"""The window's panes: the story list, the claims with the claim pane under their table, and
the article, in splitters whose panes collapse. Until the user sizes or hides a pane, the
proportions follow the window's width: the claims table first (its claim column at a
readable width), the story list wide enough for titles, the article with what is left, or
hidden when too little is (View ▸ Show Article brings it back). What the user chooses is
remembered."""

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QSplitter, QStyle, QWidget

STORY_TITLE = "Ministers deny reports of"  # the story list shows this much of a title
ARTICLE_LEAST = 300  # px: an article narrower than this is hidden at first
SIDE_LEAST = 180  # px: a side pane shown again is at least this wide
CLAIM_COMFORT = 1.6  # the claim column's width at ease, times its least
DETAIL_SHARE = 0.4  # of the claims' height, for the claim pane (at least DETAIL_LEAST px)
DETAIL_LEAST = 180
PANES = ("stories", "article", "detail")


class LayoutController(QObject):
    """Builds the splitters (``main``: stories | claims | article; ``center``: the claims
    over the claim pane), shows and hides their panes (the View menu's toggles, which it
    keeps ticked as they are), and saves and restores them."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.setObjectName("mainSplitter")
        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.setObjectName("claimSplitter")
        self.chosen = False  # the user sized or hid a pane (else the width decides)
        self._fitted: tuple[list[int], list[int]] | None = None  # the sizes fitted last
        self._before: dict[str, int] = {}  # a pane's size before it was hidden

    def build(self, stories: QWidget, claims: QWidget, detail: QWidget, article: QWidget):
        self.center.addWidget(claims)
        self.center.addWidget(detail)
        self.center.setStretchFactor(0, 1)
        self.center.setStretchFactor(1, 0)
        for widget in (stories, self.center, article):
            self.main.addWidget(widget)
        self.main.setStretchFactor(0, 0)
        self.main.setStretchFactor(1, 3)
        self.main.setStretchFactor(2, 2)
        self._collapsible()
        for splitter in (self.main, self.center):
            splitter.splitterMoved.connect(self._moved)
        self.main.installEventFilter(self)
        return self.main

    def _collapsible(self) -> None:
        # a restored state brings its own setting back (older versions saved False)
        for splitter in (self.main, self.center):
            splitter.setChildrenCollapsible(True)
            for index in range(splitter.count()):
                splitter.setCollapsible(index, True)

    def _where(self, pane: str) -> tuple[QSplitter, int]:
        return {"stories": (self.main, 0), "article": (self.main, 2),
                "detail": (self.center, 1)}[pane]  # fmt: skip

    def _action(self, pane: str):
        return getattr(self.window, {"stories": "show_story_list_action",
                                     "article": "show_article_action",
                                     "detail": "show_claim_detail_action"}[pane])  # fmt: skip

    # -- showing and hiding --------------------------------------------------------------------

    def shown(self, pane: str) -> bool:
        splitter, index = self._where(pane)
        return splitter.sizes()[index] > 0

    def set_shown(self, pane: str, shown: bool) -> None:
        """Show a pane (at its size before it was hidden) or hide it; the claims take or
        give the room."""
        splitter, index = self._where(pane)
        sizes = splitter.sizes()
        middle = 1 if splitter is self.main else 0  # the pane that gives or takes
        if shown and sizes[index] == 0 and splitter is self.main:
            self._make_room(sizes, index)
        elif shown and sizes[index] == 0:
            total = sum(sizes)
            sizes[index] = min(self._before.get(pane) or total // 3, total // 2)
            sizes[middle] = max(sizes[middle] - sizes[index], 1)
        elif not shown and sizes[index] > 0:
            self._before[pane] = sizes[index]
            sizes[middle] += sizes[index]
            sizes[index] = 0
        else:
            return
        splitter.setSizes(sizes)
        self.chosen = True
        self.update_actions()

    def _make_room(self, sizes: list[int], index: int) -> None:
        """Room for a side pane shown again: its size before, from what the claims have
        beyond their least, then from the other side pane (a narrow window cannot show
        everything at ease)."""
        pane = "stories" if index == 0 else "article"
        total, other = sum(sizes), 2 - index
        wanted = min(self._before.get(pane) or max(ARTICLE_LEAST, total // 4), total // 2)
        least = max(self.center.minimumSizeHint().width(), self.window.claims.columns.least())
        given = min(wanted, max(sizes[1] - least, 0))
        keep = self.story_list_width(STORY_TITLE[:12]) if other == 0 else ARTICLE_LEAST
        taken = min(wanted - given, max(sizes[other] - keep, 0))
        sizes[1] -= given
        sizes[other] -= taken
        sizes[index] = given + taken
        if sizes[index] < SIDE_LEAST:  # the claims give more than they would like
            sizes[1] = max(sizes[1] - (SIDE_LEAST - sizes[index]), 1)
            sizes[index] = SIDE_LEAST

    def toggle(self, pane: str) -> None:
        """The View menu's toggle of a pane: as it is ticked now."""
        self.set_shown(pane, self._action(pane).isChecked())

    def toggle_story_list(self) -> None:
        self.toggle("stories")

    def toggle_article(self) -> None:
        self.toggle("article")

    def toggle_claim_detail(self) -> None:
        self.toggle("detail")

    def update_actions(self) -> None:
        for pane in PANES:
            self._action(pane).setChecked(self.shown(pane))

    def _moved(self, *_args) -> None:
        self.chosen = True
        self.update_actions()

    # -- proportions ---------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is self.main and event.type() == QEvent.Type.Resize and not self.chosen:
            self.fit(event.size().width(), self.center.height() or event.size().height())
        return False

    def fit(self, width: int, height: int) -> None:
        """The panes' proportions for a window this wide: the story list wide enough for
        titles, the claims table's preferred width (the claim column at ease, or else at
        least at its readable least), and the article with the rest, unless too little."""
        handles = 2 * self.main.handleWidth()
        stories = min(self.story_list_width(), int(width * 0.34))
        columns = self.window.claims.columns
        at_ease = columns.width_wanted(int(columns.claim_min * CLAIM_COMFORT))
        rest = width - handles - stories
        if rest - columns.width_wanted(columns.claim_min) >= ARTICLE_LEAST:
            article = max(ARTICLE_LEAST, rest - at_ease)
        else:
            article = 0
        main = [stories, max(width - handles - stories - article, 1), article]
        detail = max(int(height * DETAIL_SHARE), min(DETAIL_LEAST, height // 2))
        center = [max(height - detail - self.center.handleWidth(), 1), detail]
        self.main.setSizes(main)
        self.center.setSizes(center)
        self._fitted = (self.main.sizes(), self.center.sizes())
        self.update_actions()

    def story_list_width(self, title: str = STORY_TITLE) -> int:
        """Room for this much of a story's title beside the list's other columns."""
        tree = self.window.stories
        header = tree.header()
        others = sum(header.sectionSize(c) for c in range(1, header.count())
                     if not header.isSectionHidden(c))  # fmt: skip
        scrollbar = tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = tree.fontMetrics().horizontalAdvance(title) + 16
        return room + tree.indentation() + others + scrollbar + 2 * tree.frameWidth() + 4

    # -- remembered ----------------------------------------------------------------------------

    def restore(self, settings: QSettings) -> None:
        """The sizes chosen last time (else they follow the window's width)."""
        main, center = settings.value("window/splitter"), settings.value("window/claimSplitter")
        chosen = str(settings.value("window/panesChosen", "")).lower() in {"true", "1"}
        # sizes saved by a version without the claim pane were always the user's to keep
        if main is not None and (chosen or center is None):
            self.main.restoreState(main)
            self.chosen = True
        if center is not None and chosen:
            self.center.restoreState(center)
        self._collapsible()
        self.update_actions()

    def save(self, settings: QSettings) -> None:
        chosen = self.chosen or (
            self._fitted is not None and self._fitted != (self.main.sizes(), self.center.sizes())
        )
        settings.setValue("window/splitter", self.main.saveState())
        settings.setValue("window/claimSplitter", self.center.saveState())
        settings.setValue("window/panesChosen", chosen)
