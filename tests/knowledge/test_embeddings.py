"""Sentence embeddings: the committed int8 MiniLM, run with ONNX Runtime (no torch)."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("onnxruntime", reason="sentence embeddings need onnxruntime (see docs/claims.md)")
pytest.importorskip("tokenizers", reason="sentence embeddings need tokenizers (see docs/claims.md)")

from claimscope.knowledge.embeddings import DIMENSIONS, embed  # noqa: E402

PARAPHRASE = ("The vaccine is safe for children", "The vaccine poses no danger to kids")
UNRELATED = "The striker signed a four-year contract with the club"


def test_embed_paraphrase_pair_is_closer_than_unrelated_pair():
    a, b, c = embed([*PARAPHRASE, UNRELATED])
    assert float(a @ b) > float(a @ c) + 0.3


def test_embed_rows_are_unit_length_one_per_text():
    vectors = embed(["Prices rose.", "", UNRELATED * 20])
    assert (3, DIMENSIONS) == vectors.shape
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_embed_keeps_input_order_whatever_the_lengths():
    short, long = "Taxes.", "The central bank will raise interest rates by half a point in March, analysts said."
    together = embed([long, short])
    assert float(together[0] @ embed([long])[0]) > 0.98
    assert float(together[1] @ embed([short])[0]) > 0.98


def test_embed_of_nothing_is_an_empty_matrix():
    assert (0, DIMENSIONS) == embed([]).shape


def test_embed_tokenizing_in_chunks_gives_the_same_rows(monkeypatch):
    from claimscope.knowledge import embeddings

    texts = ["Prices rose.", UNRELATED, *PARAPHRASE, "Taxes.", "The minister resigned on Friday."]
    whole = embed(texts)
    monkeypatch.setattr(embeddings, "TOKENIZE_CHUNK", 2)
    assert np.array_equal(whole, embed(texts))
