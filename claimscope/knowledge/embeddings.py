"""Sentence embeddings for claim linking: all-MiniLM-L6-v2, int8 ONNX, run with ONNX Runtime.

The model and its tokenizer are committed under ``knowledge/models/minilm/`` (made by
scripts/export_minilm.py; docs/claims.md says how), so embedding needs no torch, no transformers
and no network: ``tokenizers`` reads tokenizer.json, ONNX Runtime runs the graph, whose one output
is already the mean-pooled, L2-normalised sentence embedding. The session is built once per
process, on first use.

Speed (docs/claims.md, "Speed"): on the 2-core development machine, which has no AVX2, the int8
graph costs ~2.4 ms of CPU per claim, the float32 one ~5.6 ms. ONNX Runtime's default thread pool
(one spinning thread per core) costs 2-3x that in wall time whenever another job shares the cores,
so the session runs one thread, without spinning, unless ``CLAIMSCOPE_EMBED_THREADS`` asks for more.
"""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "models" / "minilm"
DIMENSIONS = 384
MAX_TOKENS = 128  # claims are a sentence; the model was trained on 128-token inputs
# Texts per ONNX Runtime call, sorted by length first so padding stays small. CPU ms per claim on the
# claim-pair texts (~20 word-pieces): 1: 4.1, 4: 2.6, 8: 2.3, 16: 2.4, 32: 2.6, 64: 2.7-3.2; a batch of
# 256 ran ~3x slower (its activations leave the cache).
BATCH_SIZE = 16
# Intra-op threads: 1 ran 3.3-3.6 ms per claim at load 3-4 on the 2 shared cores; 2 without spinning
# 3.7-4.8; ONNX Runtime's default (2, spinning) 6.8-7.9. Set CLAIMSCOPE_EMBED_THREADS on a quiet machine
# (0: ONNX Runtime's default, one per core).
THREADS = 1
TOKENIZE_CHUNK = 2048  # texts per tokenizer call (it runs them in parallel)


@functools.cache
def _load():
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model, vocab = MODEL_DIR / "model.onnx", MODEL_DIR / "tokenizer.json"
    for path in (model, vocab):
        if not path.is_file():
            raise FileNotFoundError(f"embedding model file missing: {path} (made by scripts/export_minilm.py)")
    tokenizer = Tokenizer.from_file(str(vocab))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()  # tokenizer.json pads to 128; embed() pads each batch to its longest text
    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("CLAIMSCOPE_EMBED_THREADS", THREADS))
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # idle threads yield the core
    options.log_severity_level = 3
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    logger.info("loaded embedding model %s (%.1f MiB)", model, model.stat().st_size / 2**20)
    return tokenizer, session


def embed(texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """L2-normalised sentence embeddings, one 384-float row per text (float32), in input order.

    The cosine of two texts is the dot product of their rows.
    """
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    if not texts:
        return out
    tokenizer, session = _load()
    # tokenized a chunk at a time, keeping only the ids: 100,000 claims' Encoding objects at once
    # peaked at ~400 MiB, their ids alone take ~30
    ids: list[np.ndarray] = []
    for start in range(0, len(texts), TOKENIZE_CHUNK):
        chunk = list(texts[start:start + TOKENIZE_CHUNK])
        ids += [np.asarray(e.ids, dtype=np.int32) for e in tokenizer.encode_batch(chunk)]  # [CLS] ... [SEP]
    lengths = np.asarray([len(x) for x in ids])
    order = np.argsort(lengths, kind="stable")
    for start in range(0, len(texts), batch_size):
        rows = order[start:start + batch_size].tolist()
        width = int(lengths[rows].max())
        input_ids = np.zeros((len(rows), width), dtype=np.int64)  # [PAD] is id 0
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for k, r in enumerate(rows):
            input_ids[k, : lengths[r]] = ids[r]
            mask[k, : lengths[r]] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
        out[rows] = session.run(None, feeds)[0]
    return out


__all__ = ["DIMENSIONS", "embed"]
