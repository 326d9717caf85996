"""The schema as version 1 of Sourcemark created it, frozen, to build real v1 databases."""

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

NOW = "2026-01-01 00:00:00"


class V1(Model):
    class Meta:
        legacy_table_names = False


class Meta(V1):
    key = CharField(primary_key=True, max_length=64)
    value = TextField()

    class Meta:
        table_name = "sourcemark_meta"


class Outlet(V1):
    name = CharField(unique=True, max_length=200)
    domain = CharField(null=True, max_length=200, index=True)
    created = DateTimeField(default=NOW)


class Source(V1):
    name = CharField(max_length=300, index=True)
    type = CharField(max_length=32)
    created = DateTimeField(default=NOW)


class SourceAlias(V1):
    source = ForeignKeyField(Source, on_delete="CASCADE")
    alias = CharField(max_length=300)
    key = CharField(max_length=300, unique=True)


class Story(V1):
    title = CharField(max_length=500)
    created = DateTimeField(default=NOW, index=True)
    updated = DateTimeField(default=NOW)


class Article(V1):
    story = ForeignKeyField(Story, on_delete="CASCADE", index=True)
    title = CharField(max_length=500)
    outlet = ForeignKeyField(Outlet, null=True, on_delete="SET NULL")
    url = CharField(null=True, max_length=2000, index=True)
    published = DateField(null=True)
    byline = CharField(null=True, max_length=500)
    text = TextField()
    content_hash = CharField(max_length=64, unique=True)
    origin = CharField(null=True, max_length=2000)
    format = CharField(max_length=16, default="text")
    imported = DateTimeField(default=NOW)
    analyzer_version = CharField(max_length=32, default="")


class Claim(V1):
    article = ForeignKeyField(Article, on_delete="CASCADE")
    start = IntegerField()
    end = IntegerField()
    text = TextField()
    source_mention = CharField(null=True, max_length=500)
    source_resolved = CharField(null=True, max_length=500)
    source = ForeignKeyField(Source, null=True, on_delete="SET NULL")
    cue = CharField(null=True, max_length=200)
    type = CharField(max_length=32, index=True)
    stance = CharField(max_length=16, index=True)
    origin = CharField(max_length=16, default="analyzer")
    reviewed = BooleanField(default=False, index=True)
    note = TextField(default="")
    version = IntegerField(default=1)
    updated = DateTimeField(default=NOW)

    class Meta:
        indexes = ((("article", "start"), False),)


class Corroboration(V1):
    claim = ForeignKeyField(Claim, on_delete="CASCADE")
    other = ForeignKeyField(Claim, on_delete="CASCADE")
    similarity = FloatField(default=0.0)
    status = CharField(max_length=16, default="found")
    created = DateTimeField(default=NOW)

    class Meta:
        indexes = ((("claim", "other"), True),)


MODELS = [Meta, Outlet, Source, SourceAlias, Story, Article, Claim, Corroboration]


def build_v1(database) -> None:
    """Create a v1 database with one story, article, source and claim in it."""
    with database.bind_ctx(MODELS):
        database.create_tables(MODELS)
        Meta.insert_many(
            [{"key": "app", "value": "sourcemark"}, {"key": "schema_version", "value": "1"}]
        ).execute()
        outlet = Outlet.create(name="Example Times")
        story = Story.create(title="A story from version 1")
        article = Article.create(
            story=story,
            title="An article",
            outlet=outlet,
            text="Officials said it rained.",
            content_hash="abc",
        )
        source = Source.create(name="Officials", type="anonymous_official")
        SourceAlias.create(source=source, alias="Officials", key="officials")
        Claim.create(
            article=article,
            start=0,
            end=25,
            text="it rained",
            source_mention="Officials",
            source=source,
            cue="said",
            type="anonymous_official",
            stance="asserts",
        )
