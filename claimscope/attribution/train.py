"""Train the attribution span model (cue tagger + cue-conditioned role tagger) on PolNeAR.

Reproducible: fixed CRF parameters (below, each with how it was chosen), the train split only,
deterministic L-BFGS. The dev split, when present, is scored after training and the scores go
into the report and the log; nothing is tuned on it automatically.
"""
from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from claimscope.attribution.features import (
    build_view,
    char_to_token,
    cue_features,
    role_features,
    role_window,
    token_span,
)
from claimscope.attribution.polnear import PolnearArticle, parse_texts, read_polnear
from claimscope.attribution.spans import CUE_MODEL, LEXICON_FILE, ROLE_MODEL

logger = logging.getLogger(__name__)

# CRF parameters (L-BFGS). c1 (L1) keeps the model small and sparse; c2 (L2) smooths. First
# setting tried; compared on PolNeAR dev with c1 = c2 = 0.03 (see docs/attribution-model.md).
CUE_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
ROLE_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
# A lemma enters the cue lexicon when it is part of a gold cue at least this often in train.
LEXICON_MIN_COUNT = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainReport:
    """What training did: sizes, times and (when the data has a dev split) dev scores."""

    out_dir: str
    train_articles: int
    train_quotes: int
    cue_sequences: int
    role_sequences: int
    parse_s: float
    cue_train_s: float
    role_train_s: float
    model_bytes: int
    dev_scores: dict | None = None
    params: dict = field(default_factory=dict)


def learn_lexicon(articles: list[PolnearArticle], docs) -> dict[str, float]:
    """P(token is in a cue | lemma) on train, for lemmas seen in cues ``LEXICON_MIN_COUNT`` times."""
    in_cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for art, doc in zip(articles, docs):
        c2t = char_to_token(doc)
        cue_tokens = set()
        for q in art.quotes:
            ts = token_span(c2t, *q.cue)
            if ts:
                cue_tokens.update(range(*ts))
        for tok in doc:
            lem = tok.lemma_.lower()
            total[lem] += 1
            if tok.i in cue_tokens:
                in_cue[lem] += 1
    return {lem: round(n / (total[lem] + 1), 4) for lem, n in in_cue.items() if n >= LEXICON_MIN_COUNT}


def gold_token_quotes(art: PolnearArticle, doc):
    """Gold quotes as token ranges; one quote per distinct cue (PolNeAR almost never shares one)."""
    c2t = char_to_token(doc)
    seen = set()
    out = []
    for q in art.quotes:
        cue = token_span(c2t, *q.cue)
        if cue is None or cue in seen:
            continue
        seen.add(cue)
        srcs = [t for t in (token_span(c2t, *s) for s in q.sources) if t]
        cons = [t for t in (token_span(c2t, *s) for s in q.contents) if t]
        out.append((cue, srcs, cons))
    return out


def cue_sequences(view, quotes):
    """(features, BIO labels) per paragraph for the cue tagger."""
    label = {}
    for (s, e), _, _ in quotes:
        if any(i in label for i in range(s, e)):
            continue  # overlapping cues: keep the first
        for i in range(s, e):
            label[i] = "I-CUE"
        label[s] = "B-CUE"
    for para in view.paragraphs:
        yield cue_features(view, para), [label.get(i, "O") for i in para]


def role_sequences(view, quotes):
    """(features, labels) per gold cue for the role tagger: its sources S and contents C."""
    cues = [c for c, _, _ in quotes]
    for cue, srcs, cons in quotes:
        window = role_window(view, *cue)
        pos = {i: k for k, i in enumerate(window)}
        labels = ["O"] * len(window)
        for kind, spans in (("S", srcs), ("C", cons)):
            for s, e in spans:
                first = True
                for i in range(s, e):
                    if i in pos and not (cue[0] <= i < cue[1]):
                        labels[pos[i]] = ("B-" if first else "I-") + kind
                        first = False
        others = [c for c in cues if c != cue]
        yield role_features(view, window, cue[0], cue[1], others), labels


def _train_crf(sequences, params: dict, path: Path) -> tuple[int, float]:
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
        n += 1
    trainer.set_params(params)
    t0 = time.perf_counter()
    trainer.train(str(path))
    return n, time.perf_counter() - t0


def train_attribution(data_dir: str | os.PathLike, out_dir: str | os.PathLike, *,
                      cache_dir: str | os.PathLike | None = None, evaluate_dev: bool = True) -> TrainReport:
    """Train on ``data_dir/train`` (PolNeAR layout), write the model to ``out_dir``.

    ``cache_dir`` keeps parsed Docs between runs (default: a folder in the system temp dir).
    When ``data_dir/dev`` exists and ``evaluate_dev`` is set, the new model is scored on it.
    """
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    cache_dir = Path(cache_dir) if cache_dir else Path(tempfile.gettempdir()) / "claimscope-parse-cache"
    out_dir.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    articles = read_polnear(data_dir / "train")
    docs = parse_texts([a.text for a in articles], cache_dir=cache_dir, tag="train")
    parse_s = time.perf_counter() - t0
    logger.info("train: %d articles, %d quotes, parsed in %.1f s",
                len(articles), sum(len(a.quotes) for a in articles), parse_s)

    lexicon = learn_lexicon(articles, docs)
    with open(out_dir / LEXICON_FILE, "w", encoding="utf-8") as f:
        json.dump(lexicon, f, ensure_ascii=False, sort_keys=True, indent=0)

    views = [build_view(d, lexicon) for d in docs]
    quotes = [gold_token_quotes(a, d) for a, d in zip(articles, docs)]

    def all_cue():
        for v, q in zip(views, quotes):
            yield from cue_sequences(v, q)

    def all_role():
        for v, q in zip(views, quotes):
            yield from role_sequences(v, q)

    n_cue, cue_s = _train_crf(all_cue(), CUE_PARAMS, out_dir / CUE_MODEL)
    logger.info("cue tagger: %d sequences, %.1f s", n_cue, cue_s)
    n_role, role_s = _train_crf(all_role(), ROLE_PARAMS, out_dir / ROLE_MODEL)
    logger.info("role tagger: %d sequences, %.1f s", n_role, role_s)
    for name in (CUE_MODEL, ROLE_MODEL):  # committed gzipped: 11 MB -> 4.5 MB
        with open(out_dir / name, "rb") as src, gzip.open(out_dir / f"{name}.gz", "wb", compresslevel=9) as dst:
            shutil.copyfileobj(src, dst)
        (out_dir / name).unlink()
    size = sum((out_dir / n).stat().st_size for n in (f"{CUE_MODEL}.gz", f"{ROLE_MODEL}.gz", LEXICON_FILE))

    dev_scores = None
    if evaluate_dev and (data_dir / "dev" / "text").is_dir():
        from claimscope.attribution.spans import load_model
        from claimscope.eval.attribution import evaluate_polnear  # lazy: eval sits downstream

        res = evaluate_polnear(data_dir, "dev", model=load_model(out_dir), cache_dir=cache_dir)
        dev_scores = res.scores
        logger.info("dev: %s", res.summary())
    report = TrainReport(
        out_dir=str(out_dir), train_articles=len(articles),
        train_quotes=sum(len(a.quotes) for a in articles), cue_sequences=n_cue, role_sequences=n_role,
        parse_s=round(parse_s, 1), cue_train_s=round(cue_s, 1), role_train_s=round(role_s, 1),
        model_bytes=size, dev_scores=dev_scores, params={"cue": CUE_PARAMS, "role": ROLE_PARAMS},
    )
    with open(out_dir / "train_report.json", "w", encoding="utf-8") as f:
        json.dump({k: getattr(report, k) for k in report.__slots__}, f, indent=1, sort_keys=True)
    return report


__all__ = ["TrainReport", "train_attribution"]
