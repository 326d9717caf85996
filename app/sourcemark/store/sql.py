"""Raw SQL, for the reads where peewee's query builder would take longer to write a query
than the database takes to run it. ``{p}`` marks a parameter in the text; marks() writes
the parameters of an ``IN (...)`` list, and chunks() keeps such lists short enough for
every database."""

from collections.abc import Iterable, Iterator

from sourcemark.store.models import database_proxy

IN_LIMIT = 500  # values per IN (...) list


def select(sql: str, params: Iterable = ()) -> list[tuple]:
    database = database_proxy.obj
    return list(database.execute_sql(sql.replace("{p}", database.param), tuple(params)))


def marks(values) -> str:
    """The parameter marks for these values: "?, ?, ?" (or "%s, ..." on PostgreSQL)."""
    return ", ".join([database_proxy.obj.param] * len(values))


def chunks(values: list, size: int = IN_LIMIT) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
