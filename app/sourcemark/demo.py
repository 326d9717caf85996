"""The demo database: a fresh file holding the bundled sample story, analysed."""

from pathlib import Path

from sourcemark.ingest import read_path
from sourcemark.paths import DataDirectoryError, data_dir, sample_story_path
from sourcemark.pipeline import store_document
from sourcemark.store import StoreError, open_database
from sourcemark.store.models import Article


def demo_url(url: str | None) -> str:
    """The demo database: the given URL, else a new file in the data directory."""
    if url:
        return url
    try:
        path = data_dir() / "demo.sqlite"
    except DataDirectoryError as error:
        raise StoreError(str(error)) from None
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return "sqlite:///" + str(path)


def open_demo(url: str | None = None) -> str:
    """Open the demo database with the sample story in it; returns its URL."""
    url = demo_url(url)
    open_database(url)
    document = read_path(sample_story_path())
    if not Article.select().where(Article.content_hash == document.content_hash).exists():
        store_document(document)
    return url
