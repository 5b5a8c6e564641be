"""Score find_disputes on the hand-annotated PolNeAR dev dispute set (and on the seed gold).

Each article runs through the full per-article pipeline (read_articles -> analyze_article, with
entities, dates, places and claims filled in here where the analysis lacks them), then
find_disputes over the article. A predicted dispute matches a gold one as
/work/shared/tools/check_claimmap.py judges it: one asserting and one denying party name gold
ones (names_match), in either orientation; matching is one-to-one.

Each article of the set is in one part: ``tuning`` (looked at while the detector was built, so
its score is optimistic) or ``held-out`` (annotated later and never used to develop it: the
honest figure). Scores are reported per part and over all.

    python -m claimscope.eval.disputes [--data data/disputes/polnear-dev-disputes.jsonl] [--part held-out]
"""
from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from claimscope.analysis import analyze_article
from claimscope.eval import matching
from claimscope.ingest import read_articles
from claimscope.knowledge.disputes import find_disputes
from claimscope.model import Dispute

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "data" / "disputes" / "polnear-dev-disputes.jsonl"
DEFAULT_TEXTS = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"
PARTS = ("tuning", "held-out")

def match_disputes(pred: Sequence[Dispute], gold: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, judged as check_claimmap judges them."""
    return matching.match_disputes([d.to_json() for d in pred], list(gold))


def load_dispute_set(path: Path = DEFAULT_DATA) -> list[dict]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(json.loads(line))
    return rows


def score_disputes(rows: Sequence[dict], texts: Path = DEFAULT_TEXTS) -> dict:
    """Precision, recall, F1 and the misses over every article of ``rows``."""
    result = {"articles": 0, "gold": 0, "predicted": 0, "found": 0, "spurious": 0, "misses": []}
    for row in rows:
        analyses = [analyze_article(a) for a in read_articles(str(Path(texts) / row["file"]))]
        pred = find_disputes(analyses)
        gold = row["disputes"]
        pairs = match_disputes(pred, gold)
        result["articles"] += 1
        result["gold"] += len(gold)
        result["predicted"] += len(pred)
        result["found"] += len(pairs)
        result["spurious"] += len(pred) - len(pairs)
        matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                result["misses"].append(f"{row['file']}: missed {g['asserted_by']} vs {g['denied_by']}: {g['proposition']}")
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                result["misses"].append(f"{row['file']}: spurious {list(p.asserted_by)} vs {list(p.denied_by)}: "
                                        f"{p.proposition[:80]}")
    result["precision"] = result["found"] / result["predicted"] if result["predicted"] else 1.0
    result["recall"] = result["found"] / result["gold"] if result["gold"] else 1.0
    p, r = result["precision"], result["recall"]
    result["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return result


def score_parts(rows: Sequence[dict], texts: Path = DEFAULT_TEXTS) -> dict[str, dict]:
    """``score_disputes`` for each part of the set (a row without ``part`` is tuning), and "all"."""
    out = {part: score_disputes([r for r in rows if r.get("part", "tuning") == part], texts)
           for part in PARTS if any(r.get("part", "tuning") == part for r in rows)}
    out["all"] = _sum_scores(list(out.values()))
    return out


def _sum_scores(results: Sequence[dict]) -> dict:
    total = {k: sum(r[k] for r in results) for k in ("articles", "gold", "predicted", "found", "spurious")}
    total["misses"] = [m for r in results for m in r["misses"]]
    total["precision"] = total["found"] / total["predicted"] if total["predicted"] else 1.0
    total["recall"] = total["found"] / total["gold"] if total["gold"] else 1.0
    p, r = total["precision"], total["recall"]
    total["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return total


def format_scores(name: str, r: dict) -> str:
    """One line per part; precision is "-" when nothing was predicted (not a perfect score)."""
    precision = f"{r['precision']:.3f}" if r["predicted"] else "-"
    return (f"disputes {name}: articles {r['articles']}, gold {r['gold']}, predicted {r['predicted']}, "
            f"found {r['found']}, spurious {r['spurious']}; precision {precision}, "
            f"recall {r['recall']:.3f}, F1 {r['f1']:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--part", choices=PARTS, help="Score only this part of the set.")
    args = parser.parse_args(argv)
    rows = load_dispute_set(args.data)
    if args.part:
        rows = [r for r in rows if r.get("part", "tuning") == args.part]
    parts = score_parts(rows, args.texts)
    for name, r in parts.items():
        if name == "all":
            continue
        for m in r["misses"]:
            print(f"  [{name}] {m}")
    for name, r in parts.items():
        print(format_scores(name, r))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
