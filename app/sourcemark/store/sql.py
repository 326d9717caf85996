"""Raw SQL, for the reads where peewee's query builder would take longer to write a query
than the database takes to run it. ``{p}`` marks a parameter in the text; marks() writes
the parameters of an ``IN (...)`` list, and chunks() keeps such lists short enough for
every database. insert_rows() and insert_row() write rows with prepared statements, for
the same reason."""

from collections.abc import Iterable, Iterator

from peewee import PostgresqlDatabase

from sourcemark.store.models import database_proxy, driver_errors

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


def select_rows(sql: str, *params) -> list[tuple]:
    """A small SELECT written out ({p} marks a parameter): the lookups each import makes."""
    return select(sql, params)


def _insert_sql(model) -> tuple[str, list]:
    """INSERT for every column but the key, with the database's parameter marks."""
    database = model._meta.database
    fields = [f for f in model._meta.sorted_fields if f is not model._meta.primary_key]
    open_quote, close_quote = database.quote[0], database.quote[1]
    columns = ", ".join(f"{open_quote}{f.column_name}{close_quote}" for f in fields)
    marks = ", ".join([database.param] * len(fields))
    table = f"{open_quote}{model._meta.table_name}{close_quote}"
    return f"INSERT INTO {table} ({columns}) VALUES ({marks})", fields


def _values(fields, row: dict) -> tuple:
    values = []
    for column in fields:
        if column.name in row:
            values.append(column.db_value(row[column.name]))
        else:
            default = column.default
            values.append(column.db_value(default() if callable(default) else default))
    return tuple(values)


def insert_rows(model, rows: list[dict]) -> None:
    """Insert many rows with one prepared statement (executemany). peewee builds the SQL
    of every query value by value, which costs more than the database's own work when an
    article brings dozens of claims; fields a row leaves out take their defaults."""
    if not rows:
        return
    sql, fields = _insert_sql(model)
    database = database_proxy.obj
    with driver_errors:
        database.cursor().executemany(sql, [_values(fields, row) for row in rows])


def insert_row(model, row: dict) -> int:
    """Insert one row the same way, and return its new key."""
    sql, fields = _insert_sql(model)
    database = database_proxy.obj
    with driver_errors:
        cursor = database.cursor()
        if isinstance(database, PostgresqlDatabase):
            cursor.execute(sql + " RETURNING id", _values(fields, row))
            return cursor.fetchone()[0]
        cursor.execute(sql, _values(fields, row))
        return cursor.lastrowid


def insert_rows_with_ids(model, rows: list[dict]) -> None:
    if rows:
        model.insert_many(rows).execute()
