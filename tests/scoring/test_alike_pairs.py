"""Claims of one story are compared through an index of their telling words: the pairs
found are those the comparison of every pair finds, on generated stories and on sentences
of the dev corpus with near copies; the comparisons a claim makes stay bounded; and denials
searched through the index contest the claims a full search finds."""

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcemark.scoring import rollup
from sourcemark.scoring.rollup import alike_pairs, content_words, share_words, similarity

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


def every_pair(texts: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """The pairs that say the same, each pair of texts compared: what the index must find."""
    words = [content_words(text) for text in texts]
    return [
        (x, y, score)
        for x in range(len(texts))
        for y in range(x + 1, len(texts))
        if share_words(words[x], words[y])
        and (score := similarity(texts[x], texts[y])) >= threshold
    ]


WORDS = """officials said the port strike would end on monday after talks with the union over
wages cranes harbour cargo ministry denied reports that ships were turned away police
confirmed two arrests near the bridge council budget rose percent""".split()


@st.composite
def stories(draw) -> list[str]:
    """Claims sharing a small vocabulary, some of them near copies of others."""
    texts: list[str] = []
    for _ in range(draw(st.integers(2, rollup.MOST_ALIKE + 1))):  # none has more alike
        if texts and draw(st.booleans()):
            words = draw(st.sampled_from(texts)).split()
            at = draw(st.integers(0, len(words) - 1))
            words[at] = draw(st.sampled_from(WORDS))  # a near copy: one word changed
        else:
            words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=14))
        texts.append(" ".join(words))
    return texts


@settings(max_examples=200, deadline=None)
@given(stories(), st.sampled_from([60, 80, 90]))
def test_the_index_finds_the_pairs_every_comparison_finds(texts, threshold):
    assert alike_pairs(texts, threshold) == every_pair(texts, threshold)


def corpus_sentences() -> list[str]:
    from sourcemark.ingest import read_path
    from sourcemark.paths import sample_story_path

    paths = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.html")) + [sample_story_path()]
    sentences = []
    for path in paths:
        text = read_path(path).text
        sentences += [s for s in re.split(r"(?<=[.!?”\"])\s+", text) if len(s.split()) >= 5]
    return sentences


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the dev corpus (../shared/corpus/dev) is absent")
def test_on_the_dev_corpus_with_near_copies_the_index_loses_no_pair():
    rng = random.Random(5)
    sentences = corpus_sentences()
    copies = []
    for sentence in sentences:  # another outlet's wording: a word dropped, one added
        words = sentence.split()
        del words[rng.randrange(len(words))]
        words.insert(rng.randrange(len(words)), rng.choice(["also", "reportedly", "then"]))
        copies.append(" ".join(words))
    texts = sentences + copies
    rng.shuffle(texts)
    assert len(texts) > rollup.COMMON_WITHIN  # common words are skipped here
    found = alike_pairs(texts, 80)
    assert len(found) >= len(sentences) * 0.9  # the near copies are found
    assert found == every_pair(texts, 80)


def test_a_long_text_of_alike_lines_makes_a_bounded_number_of_comparisons(monkeypatch):
    rng = random.Random(3)
    pool = [f"{word}{k}" for word in ("harbour", "ledger", "quarry", "tariff") for k in range(12)]
    # each word in about 250 of the lines (under COMMON_WITHIN), each line sharing two of
    # its four with more than MOST_COMPARED others: alike lines by the hundred
    texts = [f"Officials said {' '.join(rng.sample(pool, 4))} rose sharply" for _ in range(3000)]
    compared = []

    def counted(a: str, b: str) -> float:
        compared.append(1)
        return similarity(a, b)

    monkeypatch.setattr(rollup, "similarity", counted)
    pairs = alike_pairs(texts, 80)
    assert len(compared) <= len(texts) * rollup.MOST_COMPARED
    assert len(pairs) <= len(texts) * rollup.MOST_ALIKE
    per_text: dict[int, int] = {}
    for x, y, _score in pairs:
        per_text[x] = per_text.get(x, 0) + 1
        per_text[y] = per_text.get(y, 0) + 1
    assert len(per_text) > len(texts) * 0.9  # alike lines are still linked


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the dev corpus (../shared/corpus/dev) is absent")
def test_denials_searched_through_the_index_contest_what_a_full_search_does(monkeypatch):
    from sourcemark.analysis import analyze
    from sourcemark.ingest import read_path
    from sourcemark.scoring import ClaimInput

    claims = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.html")):
        document = read_path(path)
        claims += [ClaimInput(c.text, str(c.type), str(c.stance), c.source, premise=c.premise)
                   for c in analyze(document.text, document.title, document.outlet)]  # fmt: skip
    denials = sum(1 for c in claims if c.stance == "denies")
    assert denials >= 5 and denials * len(claims) <= rollup.CONTESTED_IN_FULL
    full = rollup._contested(claims)
    monkeypatch.setattr(rollup, "CONTESTED_IN_FULL", 0)  # as a long text is searched
    assert rollup._contested(claims) == full and len(full) >= 5
