"""Score link_claims on the hand-labelled PolNeAR dev claim pairs.

The pair file stores each claim's fields (text, speaker, stance, polarity, subjects), so the score
does not move when attribution indexes shift upstream. Every claim of the set goes into one
link_claims call (the set is the corpus: its IDF and its candidate index), and a pair counts as
predicted "same proposition" when link_claims linked it. ``--lexical`` scores the linker without
sentence embeddings (the score before they were added).

    python -m claimscope.eval.claims [--data data/claim-pairs/polnear-dev-pairs.jsonl] [--sweep] [--lexical]
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from claimscope.knowledge.linking import LINK_THRESHOLD, link_claims
from claimscope.model import Claim, Stance

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "data" / "claim-pairs" / "polnear-dev-pairs.jsonl"


def load_pairs(path: Path = DEFAULT_DATA) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _claim(side: dict) -> Claim:
    key = f"{side['file']}\x1f{side['speaker']}\x1f{side['text']}"
    return Claim(id=hashlib.sha1(key.encode()).hexdigest()[:16], article_id=side["file"], attribution_index=0,
                 text=side["text"], speaker=side["speaker"], stance=Stance(side["stance"]),
                 is_negated=side["is_negated"], subjects=tuple(side["subjects"]))


def score_pairs(pairs: Sequence[dict], threshold: float = LINK_THRESHOLD, *, use_embeddings: bool = True) -> dict:
    """Precision, recall and F1 of link_claims' decision on the labelled pairs."""
    claims: dict[str, Claim] = {}
    keyed = []
    for p in pairs:
        a, b = _claim(p["a"]), _claim(p["b"])
        claims.setdefault(a.id, a)
        claims.setdefault(b.id, b)
        keyed.append((a.id, b.id, bool(p["same"]), p.get("kind", "")))
    corpus = list(claims.values())
    embeddings = None
    if use_embeddings:
        from claimscope.knowledge.embeddings import embed
        embeddings = _embeddings_of(tuple(c.text for c in corpus), embed)
    links = link_claims(corpus, threshold=threshold, use_embeddings=use_embeddings, embeddings=embeddings)
    linked = {frozenset((link.claim_a, link.claim_b)) for link in links}
    tp = fp = fn = tn = 0
    by_kind: dict[str, list[int]] = {}
    for a, b, same, kind in keyed:
        predicted = frozenset((a, b)) in linked or a == b
        tp += predicted and same
        fp += predicted and not same
        fn += (not predicted) and same
        tn += (not predicted) and not same
        counts = by_kind.setdefault(kind, [0, 0])
        counts[0] += predicted == same
        counts[1] += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": len(keyed), "positives": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": precision, "recall": recall, "f1": f1, "threshold": threshold,
            "accuracy_by_kind": {k: v[0] / v[1] for k, v in by_kind.items()}}


_EMBEDDED: dict[tuple[str, ...], object] = {}


def _embeddings_of(texts: tuple[str, ...], embed):
    """Embed a corpus once per process: a --sweep scores the same texts at many thresholds."""
    if texts not in _EMBEDDED:
        _EMBEDDED.clear()
        _EMBEDDED[texts] = embed(texts)
    return _EMBEDDED[texts]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sweep", action="store_true", help="also print P/R/F1 over a range of thresholds")
    parser.add_argument("--lexical", action="store_true", help="link without sentence embeddings")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.data)
    thresholds = [round(0.2 + 0.05 * i, 2) for i in range(13)] if args.sweep else [LINK_THRESHOLD]
    for t in thresholds:
        r = score_pairs(pairs, t, use_embeddings=not args.lexical)
        print(f"threshold {t:.2f}: pairs {r['pairs']} (same {r['positives']}), precision {r['precision']:.3f}, "
              f"recall {r['recall']:.3f}, F1 {r['f1']:.3f}; accuracy by kind "
              + ", ".join(f"{k} {v:.2f}" for k, v in sorted(r["accuracy_by_kind"].items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
