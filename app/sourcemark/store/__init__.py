"""peewee models, database selection by URL, schema versions and migrations, queries."""

from sourcemark.store.articles import DuplicateArticle, add_article
from sourcemark.store.db import StoreError, close_database, describe, open_database, resolve_url

__all__ = [
    "DuplicateArticle",
    "StoreError",
    "add_article",
    "close_database",
    "describe",
    "open_database",
    "resolve_url",
]
