"""What a new user sees: how to bring in the first article."""

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sourcemark.ui.theme import icon, themed


class EmptyState(QWidget):
    """What a new user sees: how to bring in the first article (``import_files`` and
    ``import_sample`` are what its two buttons do)."""

    def __init__(self, import_files: Callable[[], object], import_sample: Callable[[], object]):
        super().__init__()
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.picture = picture = QLabel()
        self.set_picture()
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel("Drop a news article here")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(
            "Sourcemark finds every claim in it and what the claim rests on: named officials,\n"
            "anonymous sources, denials, other outlets' reports, documents, or nothing at all."
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.import_button = themed(QPushButton("Import articles…"), "mdi6.file-import-outline")
        self.import_button.clicked.connect(import_files)
        self.sample_button = themed(
            QPushButton("Try the sample story"), "mdi6.newspaper-variant-outline"
        )
        self.sample_button.clicked.connect(import_sample)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch()
        formats = QLabel(
            "Web pages, PDF, Word, e-mail, plain text and Markdown files, links dragged from\n"
            "a browser, or a selection of text; Ctrl+V pastes what you copied."
        )
        formats.setObjectName("formatsHint")
        formats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        small = formats.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        formats.setFont(small)
        for widget in (picture, heading, hint):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(formats)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def set_picture(self) -> None:
        self.picture.setPixmap(icon("mdi6.tray-arrow-down").pixmap(QSize(96, 96)))
