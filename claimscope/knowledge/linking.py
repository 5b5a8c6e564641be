"""Claim linking: claims that state the same proposition, within and across articles.

Comparing every claim with every other is quadratic, so linking works in two passes:

1. **Candidates** by min-hashing each claim's *discriminating* content terms (light stems,
   synonyms folded; a term held by more than 1% of claims, a corpus-wide "said"-like word, takes
   no part) and pairing claims that share a min-hash within a sorted window. Work is
   ``O(n log n)`` and at most ``MINHASH_FUNCTIONS * WINDOW`` candidates per claim, however large
   a cluster of near-copies grows (bench/bench_linking.py measures it).
2. **Score** each candidate pair: TF-IDF cosine over all terms, plus a bonus for shared subjects
   and a penalty when both name subjects and share none. Negation words are not terms: "X will
   not happen" and "X will happen" are the same proposition with opposite polarity (disputes
   read the polarity from ``Claim.is_negated``).

Both passes also read sentence embeddings (all-MiniLM-L6-v2, int8 ONNX: ``knowledge/embeddings.py``),
which catch paraphrases with few shared words ("raise interest rates" / "lift borrowing costs"):
pass 1 adds the pairs that share a random-hyperplane LSH bucket (again a sorted window, again
bounded per claim) and whose cosine reaches the threshold, and pass 2 takes the larger of the
lexical score and the embedding cosine.
``link_claims(..., use_embeddings=False)`` is the lexical linker alone.
"""
from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from claimscope.model import Claim, ClaimLink

logger = logging.getLogger(__name__)

# Tuned on data/claim-pairs/polnear-dev-pairs.jsonl (claimscope/eval/claims.py --sweep): the best F1
# threshold there, rounded.
LINK_THRESHOLD = 0.70
# Embedding cosine counts as a score of its own (max with the lexical one, same threshold): on the
# claim-pair set a weighted blend did no better, and max(lexical, cosine) >= 0.70 moved F1 0.812 -> 0.838
# with the threshold unchanged (docs/claims.md). Same set as the threshold: optimistic.
LSH_BITS = 8  # hyperplanes per LSH band: an unrelated pair (cosine ~0.1) shares a band with p ~ 0.007
LSH_BANDS = 16  # a pair at cosine 0.7 shares at least one of 16 bands with p ~ 0.80, at 0.8 with p ~ 0.94
LSH_SEED = 20261126
SUBJECT_BONUS = 0.15  # shared subjects, scaled by their Jaccard overlap
SUBJECT_PENALTY = 0.10  # both name subjects and none is shared
CONTAINMENT_WEIGHT = 0.8  # a contained fragment scores this times its containment
MIN_CONTAINED_TERMS = 3  # "it was bad" is too short to be contained in anything meaningfully
MIN_POSTING_CAP = 50  # a term held by more than max(this, 1% of claims) makes no candidates:
MAX_POSTING_SHARE = 0.01  # like "said", it says nothing about which proposition a claim states
MINHASH_FUNCTIONS = 12  # a pair at Jaccard 0.3 shares at least one of 12 min-hashes with p = 0.986
WINDOW = 6  # rows of equal min-hash paired per row: bounds work on huge near-copy clusters
MINHASH_SEED = 20261125
_PRIME = np.uint64(2_147_483_647)

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:[.,]\d+)*")

# Function words and reporting words: they say nothing about which proposition a claim states.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say saying told tell according added also still even already
mr mrs ms dr would may might must shall 's '
""".split())
NEGATIONS = frozenset("not no never nothing none neither nor nobody n't cannot without".split())

# Words that name one idea in several ways; folded to one term so "supplied shells" meets
# "weapons transfers". Kept small and general: reporting on wars, courts, elections, health and
# business. Lexicon as data; the folding logic is _term().
SYNONYMS: dict[str, str] = {
    # transfer of goods
    "supply": "transfer", "supplied": "transfer", "supplie": "transfer", "deliver": "transfer",
    "delivery": "transfer", "ship": "transfer", "shipment": "transfer", "provide": "transfer",
    "provid": "transfer", "send": "transfer", "sent": "transfer", "transfer": "transfer", "give": "transfer",
    "gave": "transfer", "given": "transfer", "export": "transfer", "sell": "transfer", "sold": "transfer",
    # arms
    "weapon": "weapon", "arm": "weapon", "arms": "weapon", "shell": "weapon", "missile": "weapon",
    "rocket": "weapon", "missil": "weapon", "munition": "weapon", "ammunition": "weapon", "artillery": "weapon",
    "drone": "weapon", "bomb": "weapon",
    # removal / defeat
    "expel": "expel", "expulsion": "expel", "oust": "expel", "drive": "expel", "drove": "expel",
    "liberate": "expel", "liberat": "expel", "retake": "expel", "recapture": "expel",
    "liquidate": "destroy", "liquidat": "destroy", "eliminate": "destroy", "eliminat": "destroy",
    "destroy": "destroy", "wipe": "destroy", "defeat": "destroy",
    # killing
    "kill": "kill", "killed": "kill", "dead": "kill", "death": "kill", "die": "kill", "died": "kill",
    # troops
    "troop": "force", "force": "force", "soldier": "force", "unit": "force", "fighter": "force",
    "formation": "force", "army": "force", "military": "force",
    # speech about wrongdoing
    "lie": "lie", "lying": "lie", "lied": "lie", "false": "lie", "falsehood": "lie", "untrue": "lie",
    "fraud": "fraud", "rigged": "fraud", "rig": "fraud", "fraudulent": "fraud",
    "win": "win", "won": "win", "victory": "win", "lose": "lose", "lost": "lose", "loss": "lose",
    "increase": "rise", "rise": "rise", "rose": "rise", "grow": "rise", "grew": "rise", "growth": "rise",
    "decrease": "fall", "fall": "fall", "fell": "fall", "decline": "fall", "drop": "fall",
    "attack": "attack", "strike": "attack", "assault": "attack", "raid": "attack",
    "email": "email", "e-mail": "email",
}

_SUFFIXES = ("ions", "ion", "ings", "ing", "ments", "ment", "edly", "ies", "ied", "ed", "es", "s", "ly")
_ES_AFTER = ("s", "x", "z", "ch", "sh")


def _stem(word: str) -> str:
    """A light suffix stripper: enough for "expelled"/"expel", "forces"/"force", no dependency."""
    for suffix in _SUFFIXES:
        if suffix == "es" and word.endswith("es") and not word[:-2].endswith(_ES_AFTER):
            continue  # "forces" is force+s, "taxes" is tax+es
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    elif len(word) > 4 and word[-1] == word[-2] == "l":
        word = word[:-1]
    return word


def _term(word: str) -> str | None:
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if not w or w in STOPWORDS or w in NEGATIONS or len(w) < 2:
        return None
    for form in (w, w[:-1] if w.endswith("s") else w):
        if form in SYNONYMS:
            return SYNONYMS[form]
    s = _stem(w)
    if s in SYNONYMS:
        return SYNONYMS[s]
    # demonyms and their countries meet on a six-letter prefix: ukrainian/ukraine, russian/russia
    return s[:6] if len(s) > 6 else s


def content_terms(text: str) -> list[str]:
    """The content terms of a text, in order: stems with synonyms folded, no function words."""
    out = []
    for m in WORD.finditer(text):
        t = _term(m.group(0))
        if t is not None:
            out.append(t)
    return out


def has_negation(text: str) -> bool:
    words = {w.lower() for w in WORD.findall(text)}
    return bool(words & NEGATIONS) or "n't" in text.lower()


class TermIndex:
    """TF-IDF rows for a fixed list of texts: the shared machinery of linking and disputes."""

    def __init__(self, texts: Sequence[str]):
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, text in enumerate(texts):
            counts: dict[int, int] = {}
            for t in content_terms(text):
                j = vocab.setdefault(t, len(vocab))
                counts[j] = counts.get(j, 0) + 1
            for j, c in counts.items():
                rows.append(i)
                cols.append(j)
                vals.append(1.0 + math.log(c))
        n = len(texts)
        shape = (n, max(len(vocab), 1))
        tf = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)), shape=shape)
        self.df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=shape[1])
        idf = np.log((1.0 + n) / (1.0 + self.df)).astype(np.float32) + 1.0
        x = tf.multiply(idf.reshape(1, -1)).tocsr()
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix = sparse.diags(1.0 / norms.astype(np.float32)) @ x
        self.matrix = self.matrix.tocsr()
        self.vocab = vocab
        presence = tf.copy()
        presence.data[:] = 1.0
        self.presence = presence.tocsr()
        self.weights = presence.multiply(idf.reshape(1, -1)).tocsr()  # IDF of each term a row holds
        self.weight_sums = np.asarray(self.weights.sum(axis=1)).ravel()
        self.sizes = np.diff(self.presence.indptr)

    def cosine(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Cosine of rows i[k] and j[k] for every k, without forming an n-by-n matrix."""
        if len(i) == 0:
            return np.zeros(0, dtype=np.float32)
        return np.asarray(self.matrix[i].multiply(self.matrix[j]).sum(axis=1)).ravel()

    def containment(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """IDF share of the smaller row's terms the other holds: a fragment inside a fuller wording
        ("affected the sound level" in "there were issues ... that affected the sound level")."""
        if len(i) == 0:
            return np.zeros(0, dtype=np.float32)
        shared = np.asarray(self.weights[i].multiply(self.presence[j]).sum(axis=1)).ravel()
        small = np.where(self.sizes[i] <= self.sizes[j], self.weight_sums[i], self.weight_sums[j])
        out = np.divide(shared, small, out=np.zeros_like(shared), where=small > 0)
        out[np.minimum(self.sizes[i], self.sizes[j]) < MIN_CONTAINED_TERMS] = 0.0
        return out

    def candidates(self, hashes: int = MINHASH_FUNCTIONS, window: int = WINDOW) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (i < j) that are likely the same proposition, in O(n log n) for n rows.

        Min-hashing over each row's discriminating terms (those held by at most ``max(MIN_POSTING_CAP,
        n * MAX_POSTING_SHARE)`` rows): two rows share a min-hash with probability equal to their
        Jaccard similarity. Rows are sorted by each min-hash, and each row is paired with the next
        ``window`` rows of the same value, so a cluster of a thousand near-copies costs
        ``window`` pairs per row, not a million: the links stay connected, the work linear.
        """
        n = self.presence.shape[0]
        cap = max(MIN_POSTING_CAP, int(n * MAX_POSTING_SHARE))
        keep = (self.df <= cap) & (self.df >= 2)
        rare = self.presence[:, np.flatnonzero(keep)].tocsr() if keep.any() else None
        if rare is None or rare.nnz == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        term_ids = np.flatnonzero(keep)[rare.indices].astype(np.uint64)
        nonempty = np.flatnonzero(np.diff(rare.indptr) > 0)
        starts = rare.indptr[nonempty]
        rng = np.random.default_rng(MINHASH_SEED)
        out_i, out_j = [], []
        for _ in range(hashes):
            a, b = rng.integers(1, _PRIME, size=2, dtype=np.uint64)
            hashed = (a * term_ids + b) % _PRIME
            mins = np.minimum.reduceat(hashed, starts)
            order = np.lexsort((nonempty, mins))
            _window_pairs(nonempty[order], mins[order], window, out_i, out_j)
        return _unique_pairs(out_i, out_j)


def subject_adjustment(a: Sequence[str], b: Sequence[str]) -> float:
    """Shared subjects raise a pair's score; two disjoint non-empty subject lists lower it."""
    sa, sb = {s.lower() for s in a}, {s.lower() for s in b}
    if not sa or not sb:
        return 0.0
    shared = len(sa & sb)
    if shared == 0:
        return -SUBJECT_PENALTY
    return SUBJECT_BONUS * shared / len(sa | sb)


def score_pairs(claims: Sequence[Claim], index: TermIndex, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The link score of each candidate pair: the larger of cosine and weighted containment, plus
    the subject adjustment."""
    scores = np.maximum(index.cosine(i, j), CONTAINMENT_WEIGHT * index.containment(i, j))
    return np.asarray([s + subject_adjustment(claims[a].subjects, claims[b].subjects)
                       for s, a, b in zip(scores.tolist(), i.tolist(), j.tolist())], dtype=np.float32)


def embedding_candidates(vectors: np.ndarray, bands: int = LSH_BANDS, bits: int = LSH_BITS,
                         window: int = WINDOW) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of rows whose vectors point the same way, in O(n log n) for n rows.

    Random-hyperplane LSH: each band is the sign pattern of ``bits`` random projections, so two
    unit vectors at angle theta agree on a band with probability (1 - theta/pi)**bits. Rows are
    sorted by band key, then by one more random projection (near rows sit next to each other in a
    large bucket), and paired with the next ``window`` rows of the same key, as the min-hash pass.
    """
    n = vectors.shape[0]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rng = np.random.default_rng(LSH_SEED)
    planes = rng.standard_normal((vectors.shape[1], bands * (bits + 1))).astype(np.float32)
    projected = vectors @ planes
    powers = (1 << np.arange(bits, dtype=np.int64))
    rows = np.arange(n)
    out_i, out_j = [], []
    for band in range(bands):
        block = projected[:, band * (bits + 1): (band + 1) * (bits + 1)]
        keys = (block[:, :bits] > 0).astype(np.int64) @ powers
        order = np.lexsort((block[:, bits], keys))
        _window_pairs(rows[order], keys[order], window, out_i, out_j)
    return _unique_pairs(out_i, out_j)


def _window_pairs(sorted_rows: np.ndarray, sorted_keys: np.ndarray, window: int, out_i: list, out_j: list) -> None:
    """Pair each row with the next ``window`` rows that share its key (rows sorted by key)."""
    for d in range(1, window + 1):
        same = sorted_keys[d:] == sorted_keys[:-d]
        if not same.any():
            break
        x, y = sorted_rows[:-d][same], sorted_rows[d:][same]
        out_i.append(np.minimum(x, y))
        out_j.append(np.maximum(x, y))


def _unique_pairs(out_i: list, out_j: list) -> tuple[np.ndarray, np.ndarray]:
    if not out_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.unique(np.stack([np.concatenate(out_i), np.concatenate(out_j)], axis=1), axis=0)
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


def pair_cosine(vectors: np.ndarray, i: np.ndarray, j: np.ndarray, chunk: int = 65536) -> np.ndarray:
    """Dot product of rows i[k] and j[k] (cosine for unit rows), a chunk at a time to bound memory."""
    out = np.zeros(len(i), dtype=np.float32)
    for start in range(0, len(i), chunk):
        a, b = vectors[i[start:start + chunk]], vectors[j[start:start + chunk]]
        out[start:start + chunk] = np.einsum("kd,kd->k", a, b)
    return out


def _union(*pairs: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    stacked = np.concatenate([np.stack([i, j], axis=1) for i, j in pairs], axis=0)
    if len(stacked) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    stacked = np.unique(stacked, axis=0)
    return stacked[:, 0], stacked[:, 1]


def _embed_or_none(texts: list[str]) -> np.ndarray | None:
    """Embeddings of the texts, or None (logged) where onnxruntime or tokenizers is not installed."""
    try:
        from claimscope.knowledge.embeddings import embed
        return embed(texts)
    except ImportError as exc:
        logger.warning("claim linking without sentence embeddings: %s (pip install onnxruntime tokenizers)", exc)
        return None


def link_claims(claims: Sequence[Claim], *, threshold: float = LINK_THRESHOLD, use_embeddings: bool = True,
                embeddings: np.ndarray | None = None) -> list[ClaimLink]:
    """Links between claims that state the same proposition (either polarity), best first.

    ``embeddings`` (one L2-normalised row per claim, as ``knowledge.embeddings.embed`` gives) saves
    embedding the texts again; ``use_embeddings=False`` links on lexical evidence alone.
    """
    if len(claims) < 2:
        return []
    index = TermIndex([c.text for c in claims])
    i, j = index.candidates()
    if use_embeddings and embeddings is None:
        embeddings = _embed_or_none([c.text for c in claims])
    use_embeddings = embeddings is not None
    if use_embeddings:
        # an LSH pair links only on its cosine (its lexical evidence is the min-hash pass's to find),
        # so only those at the threshold join: the lexical scoring below stays as cheap as before
        ei, ej = embedding_candidates(embeddings)
        near = pair_cosine(embeddings, ei, ej) >= threshold
        i, j = _union((i, j), (ei[near], ej[near]))
    scores = score_pairs(claims, index, i, j)
    if use_embeddings:
        scores = np.maximum(scores, pair_cosine(embeddings, i, j))
    keep = np.flatnonzero(scores >= threshold)
    links = [ClaimLink(claim_a=claims[i[k]].id, claim_b=claims[j[k]].id,
                       similarity=float(min(1.0, scores[k]))) for k in keep.tolist()
             if claims[i[k]].id != claims[j[k]].id]
    links.sort(key=lambda link: -link.similarity)
    return links


__all__ = ["LINK_THRESHOLD", "TermIndex", "content_terms", "embedding_candidates", "has_negation", "link_claims",
           "score_pairs"]
