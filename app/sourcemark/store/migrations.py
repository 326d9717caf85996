"""Schema versions and the steps between them.

Each step is a plain function that takes the database and changes it from the
version before to its own; the caller runs all pending steps in one
transaction. A new database is created at ``SCHEMA_VERSION`` directly from the
models, so every step must leave the tables exactly as the models define them.

History:
  1. stories, articles, outlets, sources with aliases, claims, corroborations.
  2. claims record whether they are a quotation and whether they carry the
     story's premise; sources and outlets carry a user-set reliability letter.
"""

from collections.abc import Callable

from peewee import BooleanField, CharField, Database
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

SCHEMA_VERSION = 2


def _migrator(database: Database) -> SchemaMigrator:
    if database.__class__.__name__.lower().startswith("sqlite"):
        return SqliteMigrator(database)
    if "postgres" in database.__class__.__name__.lower():
        return PostgresqlMigrator(database)
    return SchemaMigrator.from_database(database)


def _to_v2(database: Database) -> None:
    m = _migrator(database)
    migrate(
        m.add_column("claim", "quote", BooleanField(default=False)),
        m.add_column("claim", "premise", BooleanField(default=False)),
        m.add_column("source", "reliability", CharField(null=True, max_length=1)),
        m.add_column("outlet", "reliability", CharField(null=True, max_length=1)),
    )


MIGRATIONS: dict[int, Callable[[Database], None]] = {2: _to_v2}
