"""Claim linking: same proposition across wording, articles and polarity; not same topic alone."""
from __future__ import annotations

import random

import numpy as np
import pytest

from claimscope.knowledge.linking import TermIndex, content_terms, embedding_candidates, link_claims
from claimscope.model import Claim, Stance


def make_claim(cid: str, text: str, article: str = "a1", speaker: str | None = "X",
               subjects: tuple[str, ...] = ()) -> Claim:
    return Claim(id=cid, article_id=article, attribution_index=0, text=text, speaker=speaker,
                 stance=Stance.ASSERT, subjects=subjects)


CORPUS = [
    make_claim("c1", "The central bank will raise interest rates by half a point in March", "a1", "Analysts"),
    make_claim("c2", "The central bank would raise interest rates by half a point in March", "a2", "Reuters poll"),
    make_claim("c3", "The central bank will not raise interest rates in March", "a3", "The governor"),
    make_claim("c4", "Unemployment fell to its lowest level in a decade", "a1", "Analysts"),
    make_claim("c5", "The striker signed a four-year contract with the club", "a4", "The club"),
    make_claim("c6", "Floods destroyed thousands of homes along the river", "a5", "Officials"),
    make_claim("c7", "Wildfires destroyed hundreds of homes in the hills", "a6", "Firefighters"),
]


def _pairs(links):
    return {frozenset((link.claim_a, link.claim_b)) for link in links}


def test_link_claims_links_one_proposition_across_articles():
    assert frozenset(("c1", "c2")) in _pairs(link_claims(CORPUS))


def test_link_claims_links_opposite_polarity_of_one_proposition():
    assert frozenset(("c1", "c3")) in _pairs(link_claims(CORPUS))


def test_link_claims_same_speaker_other_proposition_is_not_linked():
    assert frozenset(("c1", "c4")) not in _pairs(link_claims(CORPUS))


def test_link_claims_same_topic_other_proposition_is_not_linked():
    assert frozenset(("c6", "c7")) not in _pairs(link_claims(CORPUS))


def test_link_claims_similarity_is_in_unit_range_and_sorted():
    links = link_claims(CORPUS)
    sims = [link.similarity for link in links]
    assert sims == sorted(sims, reverse=True) and all(0.0 < s <= 1.0 for s in sims)


def test_link_claims_needs_two_claims():
    assert [] == link_claims(CORPUS[:1])


def test_content_terms_fold_synonyms_and_demonyms():
    assert {"weapon", "transfer"} == set(content_terms("weapons transfers"))
    assert set(content_terms("Ukrainian forces were expelled")) == set(content_terms("Ukraine's force expulsion"))


def test_candidates_per_claim_are_bounded_in_a_cluster_of_copies():
    rng = random.Random(3)
    words = "the ministry said rebels shelled the northern town overnight killing civilians".split()
    texts = [" ".join(w for w in words if rng.random() > 0.1) for _ in range(600)]
    i, j = TermIndex(texts).candidates()
    per_row = max(max((i == r).sum() + (j == r).sum() for r in range(0, 600, 50)), 1)
    assert len(i) < 600 * 599 / 2 / 10 and per_row <= 2 * 12 * 6


# Few shared words: "vaccine" only. Lexical evidence alone scores it below the threshold.
PARAPHRASE = [make_claim("p1", "The vaccine is safe for children", "a7", "The health agency"),
              make_claim("p2", "The vaccine poses no danger to kids", "a8", "Doctors")]


def test_link_claims_lexical_alone_misses_a_paraphrase_with_few_shared_words():
    assert frozenset(("p1", "p2")) not in _pairs(link_claims(CORPUS + PARAPHRASE, use_embeddings=False))


def test_link_claims_links_a_paraphrase_with_few_shared_words_by_embeddings():
    pytest.importorskip("onnxruntime", reason="sentence embeddings need onnxruntime (see docs/claims.md)")
    assert frozenset(("p1", "p2")) in _pairs(link_claims(CORPUS + PARAPHRASE))


def test_link_claims_with_embeddings_still_keeps_other_propositions_apart():
    pytest.importorskip("onnxruntime", reason="sentence embeddings need onnxruntime (see docs/claims.md)")
    pairs = _pairs(link_claims(CORPUS + PARAPHRASE))
    assert frozenset(("c1", "c4")) not in pairs and frozenset(("c6", "c7")) not in pairs


def test_embedding_candidates_pair_near_vectors_and_stay_bounded():
    rng = np.random.default_rng(5)
    centre = rng.standard_normal(384)
    cluster = centre + 0.3 * rng.standard_normal((600, 384))  # 600 near-copies of one vector
    vectors = np.vstack([cluster, rng.standard_normal((400, 384))]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    i, j = embedding_candidates(vectors)
    in_cluster = (i < 600) & (j < 600)
    assert in_cluster.sum() > 600  # the cluster is found
    assert len(i) <= 1000 * 16 * 6  # at most bands x window pairs per row, not 1000 x 999 / 2
