"""Near-duplicates: the same story with page noise and one rewritten sentence matches; two stories
on the same topic (from PolNeAR dev) do not."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimscope.dedupe import (
    THRESHOLD,
    Fingerprint,
    NearDuplicateIndex,
    fingerprint_text,
    shingles,
)
from claimscope.model import Article
from conftest import FIXTURES

DEDUPE = FIXTURES / "dedupe"


def _text(name: str) -> str:
    return (DEDUPE / name).read_text(encoding="utf-8")


def _article(name: str) -> Article:
    return Article(id=name, headline=None, paragraphs=(_text(name),))


def test_fingerprint_noisy_copy_scores_above_threshold():
    original = fingerprint_text(_text("clinton_speaks_huffpost.txt"))
    copy = fingerprint_text(_text("clinton_speaks_copy_with_noise.txt"))
    assert original.similarity(copy) >= THRESHOLD


def test_fingerprint_same_topic_different_story_scores_low():
    one = fingerprint_text(_text("clinton_speaks_huffpost.txt"))
    other = fingerprint_text(_text("christie_calls_clinton_westjournal.txt"))
    assert one.similarity(other) < 0.2


def test_fingerprint_short_text_has_none():
    assert fingerprint_text("Kyiv denied the claim on Saturday.") is None


def test_fingerprint_ignores_case_and_punctuation():
    text = _text("clinton_speaks_huffpost.txt")
    assert fingerprint_text(text) == fingerprint_text(text.upper().replace(",", " "))


def test_fingerprint_signature_bytes_roundtrip():
    fingerprint = fingerprint_text(_text("christie_calls_clinton_westjournal.txt"))
    assert fingerprint == Fingerprint.from_signature_bytes(fingerprint.signature_bytes())


def test_index_links_copy_to_first_seen():
    index = NearDuplicateIndex()
    assert index.add(_article("clinton_speaks_huffpost.txt")) is None
    found = index.add(_article("clinton_speaks_copy_with_noise.txt"))
    assert ("clinton_speaks_copy_with_noise.txt", "clinton_speaks_huffpost.txt") == (found.article_id, found.canonical_id)


def test_index_keeps_different_stories_apart():
    index = NearDuplicateIndex()
    index.add(_article("clinton_speaks_huffpost.txt"))
    assert index.add(_article("christie_calls_clinton_westjournal.txt")) is None
    assert 2 == len(index)


@given(st.text())
def test_shingles_any_text_gives_windows_of_its_words(text):
    for shingle in shingles(text):
        assert 1 <= len(shingle.split()) <= 5
