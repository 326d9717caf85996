"""The item data roles the window's models share beyond Qt's own, and the index type their
methods take."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
REVIEW_ROLE = Qt.ItemDataRole.UserRole + 4  # (claims reviewed, claims) of a story or article

Index = QModelIndex | QPersistentModelIndex
