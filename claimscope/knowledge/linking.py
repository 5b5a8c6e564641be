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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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

    def __init__(self, texts: Sequence[str], *, document_frequency: Mapping[str, int] | None = None,
                 documents: int | None = None):
        """``document_frequency`` and ``documents`` (claims holding each term, and all claims) give the
        IDF of a larger corpus than ``texts``: a store scores a new claim's candidates as if linking
        everything it holds, without reading everything back. Default: the IDF of ``texts``."""
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
        df = self.df
        if document_frequency is not None:
            n = len(texts) if documents is None else documents
            df = np.zeros(shape[1], dtype=np.int64)
            for term, j in vocab.items():
                df[j] = document_frequency.get(term, self.df[j])
        idf = np.log((1.0 + n) / (1.0 + df)).astype(np.float32) + 1.0
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
        cap = posting_cap(n)
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
    keys, positions = lsh_bands(vectors, bands, bits)
    rows = np.arange(n)
    out_i, out_j = [], []
    for band in range(bands):
        order = np.lexsort((positions[:, band], keys[:, band]))
        _window_pairs(rows[order], keys[order, band], window, out_i, out_j)
    return _unique_pairs(out_i, out_j)


def lsh_bands(vectors: np.ndarray, bands: int = LSH_BANDS, bits: int = LSH_BITS) -> tuple[np.ndarray, np.ndarray]:
    """Each row's key in each band (the sign pattern of ``bits`` projections) and its position there
    (one more projection, which orders a bucket so near rows sit side by side): two n x bands arrays.
    One function for the batch pass and the keys a store keeps, so both put a claim in one bucket."""
    rng = np.random.default_rng(LSH_SEED)
    planes = rng.standard_normal((vectors.shape[1], bands * (bits + 1))).astype(np.float32)
    projected = (vectors @ planes).reshape(vectors.shape[0], bands, bits + 1)
    powers = (1 << np.arange(bits, dtype=np.int64))
    keys = (projected[:, :, :bits] > 0).astype(np.int64) @ powers
    return keys, projected[:, :, bits]


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


def embed_or_none(texts: list[str]) -> np.ndarray | None:
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
        embeddings = embed_or_none([c.text for c in claims])
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


def posting_cap(documents: int) -> int:
    """How many claims may hold a term before it stops making candidates (see MAX_POSTING_SHARE)."""
    return max(MIN_POSTING_CAP, int(documents * MAX_POSTING_SHARE))


# --- incremental linking: a store links only its new claims ------------------------------------

# A new claim is looked up against at most this many stored claims through shared terms: the batch
# pass's own bound per claim (MINHASH_FUNCTIONS x WINDOW), the stored claims ranked by how many
# discriminating terms they share, so the work per new claim does not grow with the store.
LOOKUP_LIMIT = MINHASH_FUNCTIONS * WINDOW


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimKeys:
    """What a store keeps of a claim so a later claim finds it without re-reading every claim."""

    claim_id: str
    terms: tuple[str, ...]  # its distinct content terms, sorted: lookups and document frequencies
    bands: tuple[tuple[int, float], ...] = ()  # (band key, position) per LSH band; () without an embedding


def claim_keys(claims: Sequence[Claim], vectors: np.ndarray | None = None) -> list[ClaimKeys]:
    """The lookup keys of each claim: its content terms and, given its embedding, its LSH buckets
    (band number folded into the key, so one key space serves every band)."""
    bands: list[tuple] = [()] * len(claims)
    if vectors is not None and len(claims):
        keys, positions = lsh_bands(vectors)
        keys = keys + (np.arange(LSH_BANDS, dtype=np.int64) << LSH_BITS)
        bands = [tuple(zip(keys[r].tolist(), positions[r].astype(float).tolist())) for r in range(len(claims))]
    return [ClaimKeys(claim_id=c.id, terms=tuple(sorted(set(content_terms(c.text)))), bands=b)
            for c, b in zip(claims, bands)]


def discriminating_terms(terms: Iterable[str], document_frequency: Mapping[str, int], documents: int) -> list[str]:
    """The terms that make candidates in a corpus of ``documents`` claims: as ``TermIndex.candidates``,
    those held by at most ``posting_cap`` claims."""
    cap = posting_cap(documents)
    return [t for t in terms if document_frequency.get(t, 0) <= cap]


def link_new_claims(new_claims: Sequence[Claim], new_keys: Sequence[ClaimKeys], stored_claims: Sequence[Claim], *,
                    lexical: Iterable[tuple[str, str]] = (), nearby: Iterable[tuple[str, str]] = (),
                    document_frequency: Mapping[str, int], documents: int,
                    vectors: Mapping[str, np.ndarray] | None = None,
                    threshold: float = LINK_THRESHOLD) -> list[ClaimLink]:
    """The links ``link_claims`` over the whole corpus makes for the new claims, from their candidates.

    ``lexical`` and ``nearby`` are (new claim id, stored claim id) pairs a store found through shared
    terms and shared LSH buckets; pairs among the new claims are found here the same way. Each pair
    is scored as ``link_claims`` scores it, with the corpus's document frequencies (new claims
    counted), so a claim links as it would had everything been linked in one go. ``vectors`` maps
    claim ids to embeddings; a pair missing one is scored on lexical evidence alone. A link's
    ``claim_a`` is the stored claim, or the earlier new one, as in ``link_claims``'s input order.
    """
    stored_ids = {c.id for c in stored_claims}
    claims = list(stored_claims) + [c for c in new_claims if c.id not in stored_ids]
    if len(claims) < 2 or not new_claims:
        return []
    row = {c.id: k for k, c in enumerate(claims)}
    pairs: set[tuple[int, int]] = set()
    near: set[tuple[int, int]] = set()
    for target, found in ((pairs, lexical), (near, nearby)):
        for a, b in found:
            if a in row and b in row and a != b:
                target.add((min(row[a], row[b]), max(row[a], row[b])))
    by_term: dict[str, list[int]] = {}
    by_band: dict[int, list[int]] = {}
    for k in new_keys:
        if k.claim_id not in row:
            continue
        for t in discriminating_terms(k.terms, document_frequency, documents):
            by_term.setdefault(t, []).append(row[k.claim_id])
        for key, _ in k.bands:
            by_band.setdefault(key, []).append(row[k.claim_id])
    for groups, target in ((by_term, pairs), (by_band, near)):
        for members in groups.values():
            target.update((a, b) for x, a in enumerate(members) for b in members[x + 1:] if a != b)
    matrix = None
    if vectors is not None:
        dims = next((len(v) for v in vectors.values()), 0)
        matrix = np.zeros((len(claims), dims), dtype=np.float32)
        for c in claims:
            if c.id in vectors:
                matrix[row[c.id]] = vectors[c.id]
        # an LSH pair links only on its cosine, as in link_claims: its lexical evidence is the term pass's
        ni = np.asarray([p[0] for p in sorted(near)], dtype=np.int64)
        nj = np.asarray([p[1] for p in sorted(near)], dtype=np.int64)
        keep = pair_cosine(matrix, ni, nj) >= threshold
        pairs.update(zip(ni[keep].tolist(), nj[keep].tolist()))
    if not pairs:
        return []
    ordered = sorted(pairs)
    i = np.asarray([p[0] for p in ordered], dtype=np.int64)
    j = np.asarray([p[1] for p in ordered], dtype=np.int64)
    index = TermIndex([c.text for c in claims], document_frequency=document_frequency, documents=documents)
    scores = score_pairs(claims, index, i, j)
    if matrix is not None:
        scores = np.maximum(scores, pair_cosine(matrix, i, j))
    keep = np.flatnonzero(scores >= threshold)
    links = [ClaimLink(claim_a=claims[i[k]].id, claim_b=claims[j[k]].id, similarity=float(min(1.0, scores[k])))
             for k in keep.tolist() if claims[i[k]].id != claims[j[k]].id]
    links.sort(key=lambda link: (-link.similarity, link.claim_a, link.claim_b))
    return links


__all__ = ["LINK_THRESHOLD", "LOOKUP_LIMIT", "ClaimKeys", "TermIndex", "claim_keys", "content_terms",
           "discriminating_terms", "embed_or_none", "embedding_candidates", "has_negation", "link_claims",
           "link_new_claims", "lsh_bands", "score_pairs"]
