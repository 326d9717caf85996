"""Build a newsroom archive for the scale benchmarks: by default 10,000 stories, 12,000
articles from 200 outlets and 250,000 claims, with a realistic mix of sourcing types and
stances, a registry of named and anonymous sources, media reports citing other outlets,
wire copies, and stories that other outlets report too (so corroboration is found).

    uv run python tests/benchmarks/make_archive.py ARCHIVE.sqlite [--stories N] [--claims N]

The text is made up from a small vocabulary of our own (topics, places, people): no real
article is used. Rows are written straight into SQLite in large batches, then the
corroboration index is built the way the app builds it, so the database is what the app
would hold after importing the same articles one by one.
"""

import argparse
import hashlib
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

TOPICS = {
    "port strike": "dockworkers cranes container terminal wages harbour cargo union shifts",
    "bridge repairs": "bridge cables corrosion inspectors lanes closure traffic engineers",
    "drought": "reservoir rainfall farmers irrigation wells rationing harvest cattle",
    "election": "ballots turnout candidates polling recount campaign coalition voters",
    "arms deal": "rifles shipment militia brokers sanctions ammunition missiles embargo",
    "hospital strike": "nurses wards surgeons waiting patients overtime clinics staffing",
    "flooding": "levees rivers evacuation sandbags villages rescue pumps rainfall",
    "cyber attack": "hackers servers ransomware outage passwords networks breach malware",
    "rail fares": "trains fares commuters timetable carriages signals tickets operators",
    "mining spill": "tailings copper mine river fish residents cleanup toxic",
    "school closures": "pupils teachers classrooms exams buses heating closures parents",
    "trade talks": "tariffs exports quotas negotiators steel grain customs agreement",
    "wildfire": "blaze hectares firefighters helicopters smoke evacuations forest embers",
    "pension reform": "pensions retirement contributions pensioners payments budget age",
    "ferry sinking": "ferry passengers lifeboats captain divers coastguard wreck survivors",
    "vaccine rollout": "vaccines doses clinics pharmacies appointments supplies booster",
    "housing crisis": "rents tenants landlords evictions mortgages housing construction",
    "corruption probe": "bribes contracts prosecutors auditors invoices kickbacks ministry",
    "border clashes": "troops border shelling artillery ceasefire positions patrols",
    "airport chaos": "flights runway baggage controllers delays terminal passengers",
}
PLACES = """Northport Eastvale Linden Marlow Kestrel Dunmore Alder Harwick Ostrava Belmont
Carrick Fenwick Galway Hollin Ivybridge Jarrow Keswick Lowther Merton Norwood""".split()
FIRST = """Ana Ben Clara David Elena Farid Grace Hiro Irene Jonas Karim Lena Marco Nadia
Oskar Priya Quinn Rosa Samir Tara Umar Vera Willem Yara Zofia""".split()
LAST = """Ruiz Okafor Lindqvist Moreau Petrov Haddad Nakamura Kowalski Brennan Achebe
Varga Santos Fischer Dubois Novak Mensah Ortega Larsen Costa Rahman""".split()
ROLES = "Mayor|Minister|Governor|Senator|Commissioner|Police Chief|Judge|Ambassador".split("|")
BODIES = """the Transport Ministry|the Interior Ministry|the city council|the port authority|the
health service|the defence ministry|the electoral commission|the water board""".replace(
    "\n", " "
).split("|")
ANONYMOUS = [
    ("anonymous_official", "Western officials"),
    ("anonymous_official", "a senior government official"),
    ("anonymous_official", "two officials familiar with the matter"),
    ("anonymous_official", "a diplomat who asked not to be named"),
    ("anonymous_source", "people familiar with the plans"),
    ("anonymous_source", "a person close to the company"),
    ("anonymous_source", "sources"),
]
DOCUMENTS = ["a court filing", "an internal memo", "the audit report", "a leaked letter"]
VERBS = "said|told reporters|said on Tuesday|said in a statement|told the paper".split("|")
DENIALS = "denied|rejected the claim|dismissed the report as false".split("|")
TYPE_MIX = [
    ("named_official", 24), ("named_person", 14), ("spokesperson", 11),
    ("anonymous_official", 14), ("anonymous_source", 8), ("media_report", 6),
    ("document", 5), ("unattributed", 18),
]  # fmt: skip


def _weighted(rng: random.Random, mix):
    total = sum(w for _, w in mix)
    pick = rng.uniform(0, total)
    for value, weight in mix:
        pick -= weight
        if pick <= 0:
            return value
    return mix[-1][0]


class Archive:
    def __init__(self, seed: int, n_outlets: int):
        self.rng = random.Random(seed)
        self.outlets = [self._outlet_name(i) for i in range(n_outlets)]
        self.people = [
            (f"{ROLES[i % len(ROLES)]} {FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}",
             "named_official") if i % 3 == 0 else
            (f"{FIRST[(i * 3) % len(FIRST)]} {LAST[(i * 11) % len(LAST)]}", "named_person")
            for i in range(400)
        ]  # fmt: skip
        self.spokespeople = [f"a spokesperson for {body}" for body in BODIES]
        syllables = "ka lo mi ra ten vel dor an sun bri gal hem ost rik pel mar".split()
        self.places = sorted({
            (self.rng.choice(syllables) + self.rng.choice(syllables) + self.rng.choice(syllables)
             ).capitalize() for _ in range(4000)
        })  # fmt: skip
        # 30,000 made-up words; the n-th commonest is used in proportion to 1/n
        self.vocabulary = sorted({
            "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(2, 4)))
            for _ in range(40_000)
        })[:30_000]  # fmt: skip
        self.rng.shuffle(self.vocabulary)
        total, self.weights = 0.0, []
        for rank in range(1, len(self.vocabulary) + 1):
            total += 1 / rank
            self.weights.append(total)

    def place(self) -> str:
        """A town: the specific words (with numbers and names) that set one story apart."""
        return self.rng.choice(self.places)

    def _outlet_name(self, i: int) -> str:
        kinds = ["Herald", "Courier", "Times", "Post", "Examiner", "Gazette", "Observer", "Wire"]
        return f"The {PLACES[i % len(PLACES)]} {kinds[(i // len(PLACES)) % len(kinds)]}" + (
            f" {i // (len(PLACES) * len(kinds)) + 1}" if i >= len(PLACES) * len(kinds) else ""
        )

    def source(self, type_: str) -> str | None:
        rng = self.rng
        if type_ in {"named_official", "named_person"}:
            return rng.choice([p for p in rng.sample(self.people, 6) if p[1] == type_] or
                              [rng.choice(self.people)])[0]  # fmt: skip
        if type_ == "spokesperson":
            return rng.choice(self.spokespeople)
        if type_.startswith("anonymous"):
            return rng.choice([name for kind, name in ANONYMOUS if kind == type_])
        if type_ == "media_report":
            return rng.choice(self.outlets)
        if type_ == "document":
            return rng.choice(DOCUMENTS)
        return None

    def statement(self, topic: str, place: str) -> str:
        """A claim's content, 10-22 words: a topic word or two, the town, and words drawn
        from a large vocabulary with news-like (Zipf) frequencies."""
        rng = self.rng
        words = rng.sample(TOPICS[topic].split(), rng.randint(1, 2))
        words += rng.choices(self.vocabulary, cum_weights=self.weights, k=rng.randint(5, 9))
        rng.shuffle(words)
        glue = ["the", "of", "and", "in", "to", "for", "with", "after", "as"]
        parts = [rng.choice(["two", "forty", "several", f"{rng.randrange(1000, 99999):,}"])]
        for i, word in enumerate(words):
            parts.append(word)
            if i == 1:
                parts.append(f"in {place}")
            elif rng.random() < 0.6:
                parts.append(rng.choice(glue))
        return " ".join(parts)

    def paraphrase(self, text: str) -> str:
        """The same content as another outlet writes it."""
        rng = self.rng
        words = text.split()
        if len(words) > 8 and rng.random() < 0.5:
            i = rng.randrange(1, len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
        return " ".join(words) + rng.choice(["", " officials warned", " by the end of the year"])

    def claim(self, topic: str, place: str, content: str | None = None):
        """(sentence, claim text offset in it, claim text, type, stance, source)."""
        rng = self.rng
        type_ = _weighted(rng, TYPE_MIX)
        stance = "asserts"
        if type_ != "unattributed" and rng.random() < 0.08:
            stance = "denies" if rng.random() < 0.75 else "declines"
        text = content or self.statement(topic, place)
        source = self.source(type_)
        if type_ == "unattributed":
            sentence = text[0].upper() + text[1:] + "."
            return sentence, 0, sentence, type_, stance, None
        if stance == "denies":
            text = "the reports that " + text + " were false"
            verb = rng.choice(DENIALS)
        elif stance == "declines":
            text = "whether " + text
            verb = "declined to say"
        else:
            verb = rng.choice(VERBS)
        if type_ == "media_report":
            sentence = f"{text[0].upper() + text[1:]}, {source} reported."
            return sentence, 0, text[0].upper() + text[1:], type_, stance, source
        opening = (
            f"{source[0].upper() + source[1:]} {verb} that "
            if stance != "declines"
            else (f"{source[0].upper() + source[1:]} {verb} ")
        )
        sentence = opening + text + "."
        return sentence, len(opening), text, type_, stance, source


def build(path: Path, stories: int, articles: int, outlets: int, claims: int, seed: int) -> dict:
    """Write the archive into ``path`` (a new file); returns counts and timings."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app"))
    from sourcemark.store import close_database, open_database

    if path.exists():
        raise SystemExit(f"{path} exists: give a new file")
    started = time.perf_counter()
    open_database(f"sqlite:///{path}")
    close_database()
    archive = Archive(seed, outlets)
    rng = archive.rng
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    now = datetime(2026, 1, 1).isoformat(" ")
    db.executemany("INSERT INTO outlet (id, name, created) VALUES (?, ?, ?)",
                   [(i + 1, name, now) for i, name in enumerate(archive.outlets)])  # fmt: skip
    sources: dict[tuple[str, int, int], int] = {}  # (name, story, outlet) -> id
    per_article = claims / articles
    story_rows, article_rows, claim_rows = [], [], []
    article_id = claim_id = 0
    day0 = date(2023, 1, 1)
    extra = articles - stories  # stories with a second article (another outlet, same story)
    # what recent stories said: another outlet's story of the same events echoes it
    contents: list[tuple[str, str, list[str]]] = []
    for story_id in range(1, stories + 1):
        topic = rng.choice(list(TOPICS))
        place = archive.place()
        echo = rng.choice(contents) if contents and rng.random() < 0.15 else None
        if echo:
            topic, place = echo[0], echo[1]
        title = f"{place} {topic}: {rng.choice(['what we know', 'officials warn', 'talks stall', 'fears grow'])}"
        published = day0 + timedelta(days=rng.randrange(0, 1000))
        story_rows.append((story_id, title[:500], now, now))
        said: list[str] = []
        for copy in range(2 if story_id <= extra else 1):
            article_id += 1
            outlet = rng.randrange(1, outlets + 1)
            n = max(1, round(rng.gauss(per_article, per_article / 3)))
            sentences, offset = [], 0
            for k in range(n):
                content = None
                if copy and k < len(said):
                    content = archive.paraphrase(said[k])  # the second outlet's version
                elif echo and k < len(echo[2]) and rng.random() < 0.6:
                    content = archive.paraphrase(echo[2][k])
                sentence, at, text, type_, stance, source = archive.claim(topic, place, content)
                if not copy:
                    said.append(text)
                start = offset + at
                source_id = None
                if source:
                    key = " ".join(source.lower().split())
                    # a name is one source everywhere; an unnamed description one in each
                    # outlet's articles of each story, as the app keeps them (schema 13)
                    place_key = ((key, story_id, outlet) if type_.startswith("anonymous")
                                 else (key, 0, 0))  # fmt: skip
                    if place_key not in sources:
                        sources[place_key] = len(sources) + 1
                    source_id = sources[place_key]
                claim_id += 1
                claim_rows.append((claim_id, article_id, start, start + len(text), text, source,
                                   source, source_id, None, type_, stance, 0, int(k == 0),
                                   "analyzer", 0, "", 1, now))  # fmt: skip
                sentences.append(sentence)
                offset += len(sentence) + 2
            body = "\n\n".join(sentences)
            digest = hashlib.sha256(f"{article_id}\n{body}".encode()).hexdigest()
            article_rows.append((article_id, story_id, title[:500], outlet, None,
                                 published.isoformat(), None, body, digest, None, "text", now,
                                 "generated"))  # fmt: skip
        contents.append((topic, place, said))
        del contents[:-2000]
        if len(claim_rows) > 50_000:
            _flush(db, story_rows, article_rows, claim_rows)
    _flush(db, story_rows, article_rows, claim_rows)
    db.executemany(
        "INSERT INTO source (id, name, type, created) VALUES (?, ?, ?, ?)",
        [
            (i, key, "anonymous_source" if story else "named_person", now)
            for (key, story, _outlet), i in sources.items()
        ],
    )
    db.executemany(
        "INSERT INTO source_alias (source_id, alias, key, story_id, outlet_id) "
        "VALUES (?, ?, ?, ?, ?)",
        [(i, key, key, story, outlet) for (key, story, outlet), i in sources.items()],
    )
    db.commit()
    db.close()
    written = time.perf_counter() - started
    from sourcemark.store import open_database
    from sourcemark.store.corroboration import rebuild_index

    open_database(f"sqlite:///{path}")
    pairs = rebuild_index()
    close_database()
    return {
        "stories": stories, "articles": article_id, "claims": claim_id,
        "outlets": outlets, "sources": len(sources), "pairs": pairs,
        "seconds_rows": round(written, 1),
        "seconds_index": round(time.perf_counter() - started - written, 1),
    }  # fmt: skip


def _flush(db, stories, articles, claims) -> None:
    db.executemany(
        "INSERT INTO story (id, title, created, updated, caps) VALUES (?, ?, ?, ?, '')", stories
    )
    db.executemany(
        "INSERT INTO article (id, story_id, title, outlet_id, url, published, byline, text, "
        "content_hash, origin, format, imported, analyzer_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        articles,
    )
    db.executemany(
        "INSERT INTO claim (id, article_id, start, end, text, source_mention, source_resolved, "
        "source_id, cue, type, stance, quote, premise, origin, reviewed, note, version, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claims,
    )
    stories.clear()
    articles.clear()
    claims.clear()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=None, help="default: 1.2 per story")
    parser.add_argument("--outlets", type=int, default=200)
    parser.add_argument("--claims", type=int, default=None, help="default: 25 per story")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    articles = args.articles or round(args.stories * 1.2)
    claims = args.claims or args.stories * 25
    print(build(args.path, args.stories, articles, args.outlets, claims, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
