"""Schema versions and the steps between them.

Each step is a plain function that takes the database and changes it from the
version before to its own (returning, if it must, work to do once every step is
done: code of today reads the tables as today's models have them); the caller runs
all pending steps in one transaction. A new database is created at ``SCHEMA_VERSION``
directly from the models, so every step must leave the tables exactly as the models
define them.

History:
  1. stories, articles, outlets, sources with aliases, claims, corroborations.
  2. claims record whether they are a quotation and whether they carry the
     story's premise; sources and outlets carry a user-set reliability letter.
  3. the content words of each claim (claim_word), and corroborations the model
     found are stored (corroboration.found) instead of searched for on every view.
  4. stories keep their last roll-up (score, code, caps) for the story list; pairs of
     claims of the same story that say the same are stored too.
  5. claims keep their grade from the last roll-up (code, flags, also reported by).
  6. one index per filter of the claims table, in reading order.
  7. SQLite's full-text index of claims.
  8. stories keep the rest of their roll-up that the stories export writes (summary).
  9. the Trash (story.trashed, article.trashed_from) and versions of stories and articles,
     which people now rename, move, merge and correct.
  10. claims keep the analyzer's confidence in them (claim.confidence, 0-1; none for a
      claim a person made), which the claims table sorts by.
  11. articles an import stored whose corroboration is still to be found
      (unindexed_article): imports find it in batches after storing the articles.
  12. claims keep a person's decision on their origin (claim.origin_of) and, from the last
      roll-up, the outlets and independent origins behind them (reported_by,
      independent_origins, origin_claim_id).
  13. an unnamed description ("critics") is a source only in its outlet and story: source
      aliases have a place (source_alias.story_id, outlet_id; 0 for a name, known
      everywhere), and the unnamed sources known everywhere until now are split by place.
"""

from collections.abc import Callable

from peewee import BooleanField, CharField, Database
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

SCHEMA_VERSION = 13


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


def _to_v3(database: Database) -> None:
    from sourcemark.store.models import ClaimWord

    m = _migrator(database)
    migrate(m.add_column("corroboration", "found", BooleanField(default=False)))
    prepare_tables(database)
    database.create_tables([ClaimWord])
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS corroboration_other_id ON corroboration (other_id)"
    )  # the words and pairs are found by the v4 step, which always follows


def _to_v4(database: Database) -> Callable[[], object]:
    from peewee import IntegerField, TextField

    from sourcemark.store.corroboration import rebuild_index

    m = _migrator(database)
    migrate(
        m.add_column("story", "score", IntegerField(null=True)),
        m.add_column("story", "code", CharField(null=True, max_length=4)),
        m.add_column("story", "caps", TextField(null=True)),
        m.add_index("story", ("score",), False),
    )
    # the pairs within stories, and every story's roll-up computed afresh: once the last
    # step is done, since the index reads the tables as the code of today has them
    return rebuild_index


def _to_v5(database: Database) -> None:
    from peewee import TextField

    m = _migrator(database)
    migrate(
        m.add_column("claim", "code", CharField(null=True, max_length=4)),
        m.add_column("claim", "flags", CharField(null=True, max_length=200)),
        m.add_column("claim", "also_reported", TextField(null=True)),
    )
    database.execute_sql("UPDATE story SET score = NULL, code = NULL")  # rolled up again


def _to_v6(database: Database) -> None:
    """Each filter of the claims table in reading order: one index each, in place of the
    indexes of type, stance and review alone (which they begin with)."""
    for column in ("type", "stance", "reviewed"):
        database.execute_sql(f"DROP INDEX IF EXISTS claim_{column}")
        database.execute_sql(
            f"CREATE INDEX IF NOT EXISTS claim_{column}_article_id_start "
            f"ON claim ({column}, article_id, start)"
        )


def _to_v7(database: Database) -> None:
    create_search_index(database)


def _to_v8(database: Database) -> None:
    from peewee import TextField

    migrate(_migrator(database).add_column("story", "summary", TextField(null=True)))
    database.execute_sql("UPDATE story SET score = NULL, code = NULL")  # rolled up again


def _to_v9(database: Database) -> None:
    from peewee import DateTimeField, IntegerField

    m = _migrator(database)
    has = {table: {c.name for c in database.get_columns(table)} for table in ("story", "article")}
    steps = []
    if "trashed" not in has["story"]:
        steps += [m.add_column("story", "trashed", DateTimeField(null=True)),
                  m.add_index("story", ("trashed",), False)]  # fmt: skip
    if "trashed_from" not in has["article"]:
        steps.append(m.add_column("article", "trashed_from", IntegerField(null=True)))
    migrate(*steps)
    for table in ("story", "article"):  # both databases add these without copying the table
        if "version" not in has[table]:
            database.execute_sql(
                f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1"
            )


def _to_v10(database: Database) -> None:
    from peewee import FloatField

    if "confidence" not in {c.name for c in database.get_columns("claim")}:
        # nullable: both databases add it without copying the table
        migrate(_migrator(database).add_column("claim", "confidence", FloatField(null=True)))


def _to_v11(database: Database) -> None:
    from sourcemark.store.models import UnindexedArticle

    database.create_tables([UnindexedArticle])


def _to_v12(database: Database) -> None:
    from peewee import IntegerField

    have = {c.name for c in database.get_columns("claim")}
    m = _migrator(database)
    migrate(*[m.add_column("claim", name, IntegerField(null=True))
              for name in ("origin_of", "reported_by", "independent_origins", "origin_claim_id")
              if name not in have])  # fmt: skip


UNNAMED = ("anonymous_official", "anonymous_source")  # the sourcing types of 13


def _to_v13(database: Database) -> None:
    """Aliases gain their place, and each unnamed source is split by the places of its
    unnamed claims (an article waiting in the Trash alone counts in the story it left).
    The part with most claims keeps the source (unless claims of a named type rest on it
    too: they keep it, known everywhere); every part keeps its grade and all its names."""
    have = {c.name for c in database.get_columns("source_alias")}
    for column in ("story_id", "outlet_id"):  # both databases add these without copying
        if column not in have:
            database.execute_sql(
                f"ALTER TABLE source_alias ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0"
            )
    database.execute_sql("DROP INDEX IF EXISTS source_alias_key")
    database.execute_sql(
        "CREATE UNIQUE INDEX IF NOT EXISTS source_alias_story_id_outlet_id_key "
        "ON source_alias (story_id, outlet_id, key)"
    )
    p, types = database.param, ", ".join([database.param] * len(UNNAMED))

    def rows(sql: str, *params) -> list[tuple]:
        return list(database.execute_sql(sql, params))

    parts: dict[int, dict[tuple[int, int], list[int]]] = {}
    for claim_id, source_id, story_id, outlet_id in rows(
        "SELECT c.id, c.source_id, COALESCE(a.trashed_from, a.story_id), "
        "COALESCE(a.outlet_id, 0) FROM claim c JOIN article a ON a.id = c.article_id "
        f"WHERE c.source_id IS NOT NULL AND c.type IN ({types}) ORDER BY c.id",
        *UNNAMED,
    ):
        parts.setdefault(source_id, {}).setdefault((story_id, outlet_id), []).append(claim_id)
    if not parts:
        return
    named = {row[0] for row in rows(
        f"SELECT DISTINCT source_id FROM claim WHERE source_id IS NOT NULL AND type NOT IN "
        f"({types})", *UNNAMED)}  # fmt: skip
    sources = {row[0]: row[1:] for row in rows(
        "SELECT id, name, type, reliability, created FROM source")}  # fmt: skip
    aliases: dict[int, list[tuple[str, str]]] = {}
    for source_id, alias, key in rows("SELECT source_id, alias, key FROM source_alias"):
        aliases.setdefault(source_id, []).append((alias, key))
    returning = " RETURNING id" if "postgres" in database.__class__.__name__.lower() else ""
    new_source = (
        f"INSERT INTO source (name, type, reliability, created) VALUES ({p}, {p}, {p}, {p})"
    )
    new_alias = (
        "INSERT INTO source_alias (source_id, alias, key, story_id, outlet_id) "
        f"VALUES ({p}, {p}, {p}, {p}, {p})"
    )
    for source_id, places in parts.items():
        ordered = sorted(places.items(), key=lambda item: (-len(item[1]), item[1][0]))
        for number, ((story_id, outlet_id), claim_ids) in enumerate(ordered):
            if number == 0 and source_id not in named:
                database.execute_sql(
                    f"UPDATE source_alias SET story_id = {p}, outlet_id = {p} "
                    f"WHERE source_id = {p}",
                    (story_id, outlet_id, source_id),
                )
                continue
            cursor = database.execute_sql(new_source + returning, sources[source_id])
            part = cursor.fetchone()[0] if returning else cursor.lastrowid
            for alias, key in aliases.get(source_id, []):
                database.execute_sql(new_alias, (part, alias, key, story_id, outlet_id))
            for chunk in _chunks(claim_ids):
                marks = ", ".join([p] * len(chunk))
                database.execute_sql(
                    f"UPDATE claim SET source_id = {p} WHERE id IN ({marks})", (part, *chunk)
                )


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start : start + size]


# SQLite's full-text index of claims' words (text, source as written, note), for the search
# of All stories: a word found nowhere answers at once, where reading every claim takes a
# tenth of a second on 250,000 of them. Kept by triggers; its own copy of nothing (the
# claim table is its content). PostgreSQL searches the columns themselves.
SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_search USING fts5(text, source_mention, note, "
    "content='claim', content_rowid='id', tokenize='unicode61 remove_diacritics 2', "
    "prefix='2 3', detail='column')",
    "CREATE TRIGGER IF NOT EXISTS claim_search_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_search (rowid, text, source_mention, note) "
    "VALUES (new.id, new.text, new.source_mention, new.note); END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_search (claim_search, rowid, text, source_mention, note) "
    "VALUES ('delete', old.id, old.text, old.source_mention, old.note); END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_update AFTER UPDATE OF text, source_mention, "
    "note ON claim BEGIN "
    "INSERT INTO claim_search (claim_search, rowid, text, source_mention, note) "
    "VALUES ('delete', old.id, old.text, old.source_mention, old.note); "
    "INSERT INTO claim_search (rowid, text, source_mention, note) "
    "VALUES (new.id, new.text, new.source_mention, new.note); END",
)


def create_search_index(database: Database) -> bool:
    """The claims' full-text index on SQLite (filled from the claims there are); whether it
    exists. An SQLite without FTS5 goes without: the search then reads the claims."""
    if not database.__class__.__name__.lower().startswith("sqlite"):
        return False
    try:
        with database.atomic():  # a savepoint: a missing FTS5 leaves nothing half made
            for statement in SEARCH_INDEX:
                database.execute_sql(statement)
            database.execute_sql("INSERT INTO claim_search (claim_search) VALUES ('rebuild')")
    except Exception as error:
        if "fts5" not in str(error).lower():
            raise
        return False
    return True


def prepare_tables(database: Database) -> None:
    """The word index is a table without row ids in SQLite (half the size); other databases
    keep their own layout."""
    from sourcemark.store.models import ClaimWord

    ClaimWord._meta.without_rowid = database.__class__.__name__.lower().startswith("sqlite")


MIGRATIONS: dict[int, Callable[[Database], Callable[[], object] | None]] = {
    2: _to_v2,
    3: _to_v3,
    4: _to_v4,
    5: _to_v5,
    6: _to_v6,
    7: _to_v7,
    8: _to_v8,
    9: _to_v9,
    10: _to_v10,
    11: _to_v11,
    12: _to_v12,
    13: _to_v13,
}
