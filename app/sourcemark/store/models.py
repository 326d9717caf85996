"""peewee models. The database is bound at run time through ``database_proxy``."""

from contextlib import contextmanager
from datetime import UTC, datetime

import peewee
from peewee import (
    SQL,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()
# the database driver's errors turned into peewee's (IntegrityError ...), for statements run
# on a cursor directly
driver_errors = peewee.__exception_wrapper__
REVISION_KEY = "revision"  # goes up with every write, so that other windows notice changes
_own_revisions: set[int] = set()  # the revisions this process wrote


@contextmanager
def writing():
    """A write transaction that raises the database's revision (see revision()); nested in
    another, it joins it. SQLite files are opened with BEGIN IMMEDIATE transactions, so that
    two writers wait for each other rather than fail half way (and the first of them checks
    the file: store.db.SqliteCheckedDatabase)."""
    outermost = not database_proxy.obj.in_transaction()
    with database_proxy.atomic():
        yield
        if outermost:
            Meta.insert(key=REVISION_KEY, value="1").on_conflict(
                conflict_target=[Meta.key],
                update={Meta.value: (Meta.value.cast("INTEGER") + 1).cast("TEXT")},
            ).execute()
            _own_revisions.add(revision())


def revision() -> int:
    """How many writes the database has seen (0 before the first)."""
    row = Meta.select(Meta.value).where(Meta.key == REVISION_KEY).tuples().first()
    return int(row[0]) if row else 0


def forget_own_revisions() -> None:
    _own_revisions.clear()


def written_here(first: int, last: int) -> bool:
    """Whether this process wrote every revision after ``first`` up to ``last``."""
    return all(r in _own_revisions for r in range(first + 1, last + 1))


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Meta(BaseModel):
    """Key-value facts about the database itself: the schema version, the settings in force."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField()

    class Meta:
        table_name = "sourcemark_meta"


class Outlet(BaseModel):
    name = CharField(unique=True, max_length=200)
    domain = CharField(null=True, max_length=200, index=True)
    reliability = CharField(null=True, max_length=1)  # Admiralty letter A-F set by the user
    created = DateTimeField(default=utcnow)


class Source(BaseModel):
    name = CharField(max_length=300, index=True)
    type = CharField(max_length=32)
    reliability = CharField(null=True, max_length=1)
    created = DateTimeField(default=utcnow)


class SourceAlias(BaseModel):
    """A name under which claims are linked to a source. A name is the same source
    everywhere (story and outlet 0); an unnamed description ("critics", "people familiar
    with the matter") is a source only in one outlet's articles of one story (outlet 0:
    articles with no outlet), unless a person merges it with others."""

    source = ForeignKeyField(Source, backref="aliases", on_delete="CASCADE")
    alias = CharField(max_length=300)
    key = CharField(max_length=300)  # normalised form used for lookups
    story_id = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
    outlet_id = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])

    class Meta:
        indexes = ((("story_id", "outlet_id", "key"), True),)


class Story(BaseModel):
    title = CharField(max_length=500)
    created = DateTimeField(default=utcnow, index=True)
    updated = DateTimeField(default=utcnow)
    # the roll-up as last computed (the story list shows it); NULL: to be computed again
    score = IntegerField(null=True, index=True)
    code = CharField(null=True, max_length=4)
    caps = TextField(null=True)  # null: SQLite adds it without rebuilding the table
    # the rest of the roll-up that the stories export writes (components' scores, counts by
    # type and stance, flags), JSON: an export reads it rather than grading every story again
    summary = TextField(null=True)
    # when it was put in the Trash (None: it is not): a story in the Trash counts nowhere
    trashed = DateTimeField(null=True, index=True)
    # optimistic concurrency for shared databases (a default in SQL too: bulk loads)
    version = IntegerField(default=1, constraints=[SQL("DEFAULT 1")])


class Article(BaseModel):
    story = ForeignKeyField(Story, backref="articles", on_delete="CASCADE", index=True)
    title = CharField(max_length=500)
    outlet = ForeignKeyField(Outlet, backref="articles", null=True, on_delete="SET NULL")
    url = CharField(null=True, max_length=2000, index=True)
    published = DateField(null=True)
    byline = CharField(null=True, max_length=500)
    text = TextField()
    content_hash = CharField(max_length=64, unique=True)
    origin = CharField(null=True, max_length=2000)
    format = CharField(max_length=16, default="text")
    imported = DateTimeField(default=utcnow)
    analyzer_version = CharField(max_length=32, default="")
    version = IntegerField(default=1, constraints=[SQL("DEFAULT 1")])  # as the story's
    # an article deleted alone waits in a story of the Trash; this is the story it left
    trashed_from = IntegerField(null=True)


class Claim(BaseModel):
    article = ForeignKeyField(Article, backref="claims", on_delete="CASCADE")
    start = IntegerField()
    end = IntegerField()
    text = TextField()
    source_mention = CharField(null=True, max_length=500)
    source_resolved = CharField(null=True, max_length=500)
    source = ForeignKeyField(Source, backref="claims", null=True, on_delete="SET NULL")
    cue = CharField(null=True, max_length=200)
    type = CharField(max_length=32)
    stance = CharField(max_length=16)
    quote = BooleanField(default=False)
    premise = BooleanField(default=False)
    origin = CharField(max_length=16, default="analyzer")  # "analyzer" or "user"
    reviewed = BooleanField(default=False)
    note = TextField(default="")
    version = IntegerField(default=1)  # optimistic concurrency for shared databases
    updated = DateTimeField(default=utcnow)
    # its grade when its story was last rolled up (exports read it): code, flags, and the
    # outlets of other stories that also report it, "; "-joined
    code = CharField(null=True, max_length=4)
    flags = CharField(null=True, max_length=200)
    also_reported = TextField(null=True)
    # how sure the analyzer was of its source and type (0-1); None for a claim a person made
    confidence = FloatField(null=True)
    # a person's decision on its origin (scoring.origins): the claim whose origin it joins,
    # its own id for an origin of its own; None: the rules decide
    origin_of = IntegerField(null=True)
    # from the last roll-up too: outlets carrying it and independent origins (its own
    # included), and the earliest claim of its origin
    reported_by = IntegerField(null=True)
    independent_origins = IntegerField(null=True)
    origin_claim_id = IntegerField(null=True)

    class Meta:
        # reading order, and each filter of the claims table in reading order (All stories
        # reads a page at a time: a filtered page is then one index range, not a sort)
        indexes = (
            (("article", "start"), False),
            (("type", "article", "start"), False),
            (("stance", "article", "start"), False),
            (("reviewed", "article", "start"), False),
        )


class ClaimWord(BaseModel):
    """The content words of each claim: where claims saying the same thing are looked up."""

    word = CharField(max_length=40)
    claim = ForeignKeyField(Claim, on_delete="CASCADE", index=True)

    class Meta:
        primary_key = CompositeKey("word", "claim")


class Corroboration(BaseModel):
    """Two claims of different stories that say the same thing: one row per pair, the lower
    claim id first. ``found``: the model found them alike (``similarity``, 0-100); ``status``
    is "found" until a person confirms or rejects the link."""

    claim = ForeignKeyField(Claim, backref="corroborations", on_delete="CASCADE")
    other = ForeignKeyField(Claim, backref="corroborated_by", on_delete="CASCADE", index=True)
    similarity = FloatField(default=0.0)
    status = CharField(max_length=16, default="found")  # found, confirmed, rejected
    found = BooleanField(default=False)
    created = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("claim", "other"), True),)


class UnindexedArticle(BaseModel):
    """An article stored by an import whose claims are not yet looked up among other
    stories' (store.corroboration.index_pending): written with the article, deleted in the
    transaction that finds its pairs, so an import cut short is finished next time."""

    article = ForeignKeyField(Article, primary_key=True, on_delete="CASCADE")


ALL_MODELS = [
    Meta,
    Outlet,
    Source,
    SourceAlias,
    Story,
    Article,
    Claim,
    ClaimWord,
    Corroboration,
    UnindexedArticle,
]
