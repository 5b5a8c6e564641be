"""Near-duplicate articles: the same story scraped twice, with different page noise or an edited line.

Exact copies share an ``Article.id`` (a content hash) and never reach this module's question. A
near-duplicate has a different id but the same body give or take a few sentences; we keep the
first one seen (the *canonical* article) and link the copy to it instead of storing it twice.

How: the body is cut into word shingles (``SHINGLE_WORDS`` consecutive words, lower-cased), the
shingle set is summarised by a MinHash signature (datasketch), and the signature is cut into
``BANDS`` bands of ``ROWS`` values each (LSH). Two articles that share any band hash are
*candidates*; a candidate is a near-duplicate only when the signatures' estimated Jaccard
similarity reaches ``THRESHOLD``. The band hashes are plain 64-bit integers so the store can keep
them in an indexed table and a lookup is one SQL query, incremental, with no full scan;
:class:`NearDuplicateIndex` is the same lookup in memory, for one ``analyze`` call.

This module imports only ``claimscope.model`` (and datasketch), so both the store and the CLI use it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from claimscope.model import Article

# Words per shingle. 5 is the usual choice for news text: long enough that two different stories
# on one topic share almost none (PolNeAR dev: highest cross-article Jaccard 0.03, see
# docs/store.md), short enough that one edited sentence touches only ~sentence-length shingles.
SHINGLE_WORDS = 5

# MinHash permutations. 128 gives a Jaccard estimate with standard error sqrt(J(1-J)/128), about
# 0.035 at J = 0.8, small against the gap between near-duplicates (>= 0.75) and different stories (< 0.1).
NUM_PERM = 128

# Estimated Jaccard similarity of shingle sets at or above which two bodies are near-duplicates.
# Measured on the 84 PolNeAR dev texts (docs/store.md): each body with ~50 words of page noise
# added and one sentence rewritten scores median 0.92 against its original, 83 of 84 at >= 0.62
# (the short ones lowest; a 53-word brief drops to 0.37); the most similar two *different*
# articles reach 0.06. 0.6 keeps the short articles in and stays ten times above different stories,
# yet below 0.5, where a story and its doubled-in-length update would start to merge.
THRESHOLD = 0.6

# LSH banding: BANDS * ROWS <= NUM_PERM values are used. With 32 bands of 4 rows a pair at
# J = 0.6 becomes a candidate with probability 1 - (1 - 0.6**4)**32 = 0.99 (at 0.8: ~1), a pair at
# J = 0.06 (the closest different stories) with 0.0004: high recall at the threshold, and almost
# no wasted signature comparisons between different stories.
BANDS = 32
ROWS = 4

# Bodies with fewer words than this get no fingerprint: a few words say too little to call two
# articles the same story (two one-line briefs can share most of their shingles by chance).
MIN_WORDS = 20

# A fixed seed so signatures computed in different processes, runs and versions agree; the store
# keeps them, so changing it (or NUM_PERM, BANDS, ROWS) needs a store migration that recomputes them.
SEED = 1

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Fingerprint:
    """An article body's MinHash signature and the LSH band hashes derived from it."""

    signature: tuple[int, ...]  # NUM_PERM unsigned 32-bit values
    bands: tuple[int, ...]  # BANDS signed 64-bit hashes of (band number, band values)

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two shingle sets (share of equal signature values)."""
        if len(self.signature) != len(other.signature):
            raise ValueError(
                f"Fingerprints of different lengths ({len(self.signature)} and {len(other.signature)})"
            )
        same = sum(1 for a, b in zip(self.signature, other.signature) if a == b)
        return same / len(self.signature)

    def signature_bytes(self) -> bytes:
        """The signature packed as little-endian uint32 values: how the store keeps it."""
        return np.asarray(self.signature, dtype="<u4").tobytes()

    @classmethod
    def from_signature_bytes(cls, data: bytes) -> Fingerprint:
        values = tuple(int(v) for v in np.frombuffer(data, dtype="<u4"))
        return cls(signature=values, bands=_band_hashes(values))


def shingles(text: str) -> set[str]:
    """The set of SHINGLE_WORDS-word windows of the lower-cased words (one window if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint_text(text: str) -> Fingerprint | None:
    """The body's fingerprint, or None when it has fewer than MIN_WORDS words."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    values = tuple(int(v) for v in minhash.hashvalues)
    return Fingerprint(signature=values, bands=_band_hashes(values))


def fingerprint_article(article: Article) -> Fingerprint | None:
    """Fingerprint of the body only: headlines and captions differ between outlets running one story."""
    return fingerprint_text(article.text)


def _band_hashes(values: tuple[int, ...]) -> tuple[int, ...]:
    packed = np.asarray(values, dtype="<u4").tobytes()
    width = ROWS * 4
    out = []
    for band in range(BANDS):
        # The band number goes into the hash so one indexed column serves every band.
        chunk = band.to_bytes(2, "little") + packed[band * width : (band + 1) * width]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))  # fits SQL BIGINT on both engines
    return tuple(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class NearDuplicate:
    """``article_id`` is a near-duplicate of the earlier ``canonical_id``."""

    article_id: str
    canonical_id: str
    similarity: float


class NearDuplicateIndex:
    """The LSH lookup in memory: add articles one by one, each checked against those before it.

    Used by ``claimscope analyze`` so a story that appears twice in one call is reported once;
    the store keeps the same band hashes in a table for the persistent case.
    """

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._buckets: dict[tuple[int, int], list[str]] = {}
        self._fingerprints: dict[str, Fingerprint] = {}

    def __len__(self) -> int:
        return len(self._fingerprints)

    def find(self, fingerprint: Fingerprint) -> NearDuplicate | None:
        """The most similar indexed article at or above the threshold (ties: the earliest), or None."""
        seen: list[str] = []
        for band, value in enumerate(fingerprint.bands):
            for article_id in self._buckets.get((band, value), ()):
                if article_id not in seen:
                    seen.append(article_id)
        best: NearDuplicate | None = None
        for article_id in seen:
            score = fingerprint.similarity(self._fingerprints[article_id])
            if score >= self.threshold and (best is None or score > best.similarity):
                best = NearDuplicate(article_id="", canonical_id=article_id, similarity=score)
        return best

    def add(self, article: Article) -> NearDuplicate | None:
        """Index the article unless it near-duplicates one already indexed; then return that link."""
        if article.id in self._fingerprints:
            return None
        fingerprint = fingerprint_article(article)
        if fingerprint is None:
            return None
        match = self.find(fingerprint)
        if match is not None:
            return NearDuplicate(article_id=article.id, canonical_id=match.canonical_id, similarity=match.similarity)
        self._fingerprints[article.id] = fingerprint
        for band, value in enumerate(fingerprint.bands):
            self._buckets.setdefault((band, value), []).append(article.id)
        return None


__all__ = [
    "BANDS",
    "Fingerprint",
    "MIN_WORDS",
    "NUM_PERM",
    "NearDuplicate",
    "NearDuplicateIndex",
    "ROWS",
    "SHINGLE_WORDS",
    "THRESHOLD",
    "fingerprint_article",
    "fingerprint_text",
    "shingles",
]
