"""Score find_disputes on the hand-annotated PolNeAR dev dispute set (and on the seed gold).

Each article runs through the full per-article pipeline (read_articles -> analyze_article, with
entities, dates, places and claims filled in here where the analysis lacks them), then
find_disputes over the article. A predicted dispute matches a gold one as
/work/shared/tools/check_claimmap.py judges it: one asserting and one denying party name gold
ones (names_match), in either orientation; matching is one-to-one.

    python -m claimscope.eval.disputes [--data data/disputes/polnear-dev-disputes.jsonl]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path

from claimscope.analysis import analyze_article
from claimscope.ingest import read_articles
from claimscope.knowledge.claims import extract_claims
from claimscope.knowledge.disputes import find_disputes
from claimscope.model import ArticleAnalysis, Dispute

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "data" / "disputes" / "polnear-dev-disputes.jsonl"
DEFAULT_TEXTS = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"

_TITLES = {"president", "minister", "prime", "mr", "mrs", "ms", "dr", "the", "chief", "general",
           "spokesman", "spokeswoman", "spokesperson", "us", "u.s.", "official", "officials"}


def full_analysis(article) -> ArticleAnalysis:
    """analyze_article plus the knowledge records it may not carry yet (entities, dates, places, claims)."""
    an = analyze_article(article)
    if an.attributions and not an.entities:
        from claimscope.knowledge import extract_dates, extract_entities, extract_places
        from claimscope.nlp.pipeline import build_nlp
        doc = build_nlp()(article.text)
        an = dataclasses.replace(an, entities=tuple(extract_entities(doc, an.attributions)),
                                 dates=tuple(extract_dates(doc, article.published)),
                                 places=tuple(extract_places(doc)))
    if an.attributions and not an.claims:
        an = dataclasses.replace(an, claims=tuple(extract_claims(an.article, an.attributions, an.entities,
                                                                 an.dates, an.places)))
    return an


# --- check_claimmap's name matching, replicated so the package needs nothing from /work/shared ---

def _words(s: str) -> list[str]:
    return [w.lower().strip("'") for w in re.findall(r"[\w']+", s or "") if w.strip("'")]


def _norm(w: str) -> str:
    w = w.lower().strip("'’")
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _variants(s: str) -> list[list[str]]:
    s = re.sub(r"'s\b|’s\b", "", s or "")
    out = []
    bare = re.sub(r"\([^)]*\)", " ", s)
    for part in [bare] + re.findall(r"\(([^)]*)\)", s):
        toks = [_norm(w) for w in _words(part) if w not in _TITLES and not w.isdigit()]
        if toks:
            out.append(toks)
    for run in re.findall(r"(?:[A-Z][\w-]*\s+(?:of\s+|the\s+)?){1,5}[A-Z][\w-]*", bare):
        caps = [w for w in run.split() if w[0].isupper()]
        if len(caps) >= 2:
            out.append(["".join(w[0] for w in caps).lower()])
    return out


def names_match(pred: str, gold: str) -> bool:
    for p in _variants(pred):
        for g in _variants(gold):
            ps, gs = set(p), set(g)
            if gs <= ps:
                return True
            if ps <= gs and (p[-1] == g[-1] or (len(ps) >= 2 and len(ps) >= 0.6 * len(gs))):
                return True
    return False


def dispute_match(pred: Dispute, gold: dict) -> bool:
    def hit(ps, gs):
        return any(names_match(p, g) for p in ps for g in gs)
    ga, gd = gold.get("asserted_by", []), gold.get("denied_by", [])
    return (hit(pred.asserted_by, ga) and hit(pred.denied_by, gd)) or (hit(pred.asserted_by, gd) and hit(pred.denied_by, ga))


def match_disputes(pred: Sequence[Dispute], gold: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, the closest wording first."""
    cands = []
    for gi, g in enumerate(gold):
        gw = set(_words(g.get("proposition", "") + " " + " ".join(g.get("evidence") or [])))
        for pi, p in enumerate(pred):
            if dispute_match(p, g):
                pw = set(_words(p.proposition + " " + " ".join(e.text for e in p.evidence)))
                dice = 2 * len(gw & pw) / (len(gw) + len(pw)) if gw and pw else 0.0
                cands.append((dice, gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def load_dispute_set(path: Path = DEFAULT_DATA) -> list[dict]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(json.loads(line))
    return rows


def score_disputes(rows: Sequence[dict], texts: Path = DEFAULT_TEXTS) -> dict:
    """Precision, recall and the misses over every article of the set."""
    result = {"articles": 0, "gold": 0, "predicted": 0, "found": 0, "spurious": 0, "misses": []}
    for row in rows:
        analyses = [full_analysis(a) for a in read_articles(str(Path(texts) / row["file"]))]
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
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    args = parser.parse_args(argv)
    r = score_disputes(load_dispute_set(args.data), args.texts)
    for m in r["misses"]:
        print("  " + m)
    print(f"disputes: articles {r['articles']}, gold {r['gold']}, predicted {r['predicted']}, found {r['found']}, "
          f"spurious {r['spurious']}; precision {r['precision']:.3f}, recall {r['recall']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
