"""Seed acceptance: score `claimscope analyze` output against a hand-made gold like the seed's,
counting as ../shared/tools/check_claimmap.py does: attributions found, speaker ok, stance ok,
fully right; disputes found and spurious; article fields equal.

The matching rules live in eval/matching.py (replicated from the scorer, which the package does
not import); a test checks the counts agree where the scorer is present.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimscope.eval.matching import (PRONOUNS, dice, match_disputes, names_match, pair_best_first, span_text,
                                      words)
from claimscope.model import Article

MIN_DICE = 0.5  # the scorer's threshold for a content match
MIN_ARTICLE_DICE = 0.3  # the scorer's threshold for pairing articles by body words
FIELDS = {"headline": "headline", "captions": "captions", "photo_credits": "photo_credits",
          "published": "published", "subheadings": "subheadings", "paragraphs": "body_paragraphs"}


@dataclass(slots=True, kw_only=True)
class SeedScore:
    """Counts as check_claimmap prints them; ``misses`` says what went wrong, one line each."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    speaker_ok: int = 0
    stance_ok: int = 0
    fully_right: int = 0
    disputes_gold: int = 0
    disputes_predicted: int = 0
    disputes_found: int = 0
    disputes_spurious: int = 0
    fields_ok: int = 0
    fields_total: int = 0
    misses: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"  {m}" for m in self.misses]
        lines.append(f"attributions: gold {self.gold}, predicted {self.predicted}, found {self.found}, "
                     f"speaker ok {self.speaker_ok}, stance ok {self.stance_ok}, fully right {self.fully_right}")
        lines.append(f"disputes: gold {self.disputes_gold}, predicted {self.disputes_predicted}, "
                     f"found {self.disputes_found}, spurious {self.disputes_spurious}")
        if self.fields_total:
            lines.append(f"article fields: {self.fields_ok}/{self.fields_total} equal to gold")
        return "\n".join(lines)


def evaluate_seed(gold_path: str | Path, raw_path: str | Path | None = None) -> SeedScore:
    """Analyse the raw input as `claimscope analyze` does (claims linked and disputes found across
    its articles) and score it. Without a raw file (default: the gold's path with .txt), the gold's
    own body paragraphs are analysed, which scores the claim map apart from ingest."""
    from claimscope.analysis import analyze_article
    from claimscope.knowledge.claimmap import attach_disputes, build_claim_map

    golds = load_gold(gold_path)
    raw = Path(raw_path) if raw_path else Path(gold_path).with_name(Path(gold_path).name.replace(".gold.json", ".txt"))
    if raw.is_file():
        from claimscope.ingest import read_articles
        articles = [a for a in read_articles(str(raw)) if isinstance(a, Article)]
    else:
        articles = gold_articles(golds)
    analyses = [analyze_article(a) for a in articles]
    analyses = attach_disputes(analyses, build_claim_map(analyses).disputes)
    return score(golds, [a.to_json() for a in analyses], check_fields=raw.is_file())


def load_gold(path: str | Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["articles"] if "articles" in data else [data]


def gold_articles(golds: Iterable[dict]) -> list[Article]:
    """Articles built from the gold's clean fields: scores the analysis apart from ingest."""
    return [Article(id=f"gold-{i}", headline=g.get("headline"), paragraphs=tuple(g["body_paragraphs"]),
                    published=g.get("published"))
            for i, g in enumerate(golds)]


def score(golds: list[dict], preds: list[dict], *, check_fields: bool = False) -> SeedScore:
    """Pair articles; match attributions one-to-one by content and count speaker and stance;
    match disputes one-to-one by parties; compare article fields."""
    result = SeedScore()
    for gold, pred in _pair_articles(golds, preds):
        gatts = gold.get("attributions") or []
        result.gold += len(gatts)
        result.disputes_gold += len(gold.get("disputes") or [])
        if pred is None:
            result.misses.append(f"article not found: {gold.get('headline')!r}")
            continue
        _score_attributions(result, gatts, pred.get("attributions") or [])
        _score_disputes(result, gold.get("disputes") or [], pred.get("disputes") or [])
        if check_fields:
            for pred_key, gold_key in FIELDS.items():
                result.fields_total += 1
                if _fold(pred.get(pred_key)) == _fold(gold.get(gold_key)):
                    result.fields_ok += 1
                else:
                    result.misses.append(f"field {pred_key} differs")
    return result


def _score_attributions(result: SeedScore, gatts: list[dict], patts: list[dict]) -> None:
    result.predicted += len(patts)
    pairs = match_attributions(gatts, patts)
    for gi, pi in pairs:
        ga, pa = gatts[gi], patts[pi]
        sp, st = speaker_ok(pa, ga), pa.get("stance") == ga.get("stance")
        result.found += 1
        result.speaker_ok += sp
        result.stance_ok += st
        result.fully_right += sp and st
        if not (sp and st):
            result.misses.append(
                f"wrong {'speaker ' if not sp else ''}{'stance' if not st else ''}: "
                f"{(ga.get('content') or '')[:60]!r} gold=({ga.get('source_resolved')},{ga.get('stance')}) "
                f"pred=({pa.get('source_resolved')},{pa.get('stance')})")
    matched = {gi for gi, _ in pairs}
    for gi, ga in enumerate(gatts):
        if gi not in matched:
            result.misses.append(f"missed: {ga.get('source')} / {ga.get('cue')} / {(ga.get('content') or '')[:60]!r}")


def _score_disputes(result: SeedScore, gdis: list[dict], pdis: list[dict]) -> None:
    result.disputes_predicted += len(pdis)
    pairs = match_disputes(pdis, gdis)
    result.disputes_found += len(pairs)
    result.disputes_spurious += len(pdis) - len(pairs)
    found = {gi for gi, _ in pairs}
    result.misses += [f"dispute missed: {g.get('proposition')}" for gi, g in enumerate(gdis) if gi not in found]
    used = {pi for _, pi in pairs}
    result.misses += [f"dispute spurious: {p.get('proposition')!r}" for pi, p in enumerate(pdis) if pi not in used]


def speaker_ok(pred_att: dict, gold_att: dict) -> bool:
    pr = pred_att.get("source_resolved") or span_text(pred_att.get("source"))
    if not pr:
        return False
    if gold_att.get("source_resolved") and names_match(pr, gold_att["source_resolved"]):
        return True
    mention = gold_att.get("source") or ""
    if not gold_att.get("source_resolved"):
        return bool(mention) and names_match(pr, mention)
    return bool(mention) and mention.strip().lower() not in PRONOUNS \
        and names_match(mention, gold_att.get("source_resolved") or "") and names_match(pr, mention)


def match_attributions(gold_atts: list[dict], pred_atts: list[dict]) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(gold_atts):
        gw = words(g.get("content"))
        for pi, p in enumerate(pred_atts):
            pw = words(" ".join(span_text(c) for c in p.get("contents") or [] if c))
            s = dice(gw, pw)
            inter = len(set(gw) & set(pw))
            if s < MIN_DICE and gw and inter / len(set(gw)) >= 0.8 and len(set(pw)) <= 3 * len(set(gw)) + 3:
                s = MIN_DICE  # gold content wholly inside a somewhat longer predicted span
            if s >= MIN_DICE:
                cands.append((s, gi, pi))
    return pair_best_first(cands)


def _pair_articles(golds: list[dict], preds: list[dict]) -> list[tuple[dict, dict | None]]:
    pairs, used = [], set()
    for g in golds:
        best, best_s = None, 0.0
        gw = words(" ".join(g.get("body_paragraphs") or []))
        for i, p in enumerate(preds):
            if i in used:
                continue
            if g.get("headline") and p.get("headline") and words(g["headline"]) == words(p["headline"]):
                best, best_s = i, 2.0
                break
            s = dice(gw, words(p.get("text") or " ".join(p.get("paragraphs") or [])))
            if s > best_s:
                best, best_s = i, s
        if best is not None and best_s >= MIN_ARTICLE_DICE:
            used.add(best)
            pairs.append((g, preds[best]))
        else:
            pairs.append((g, None))
    return pairs


def _fold(x):
    if isinstance(x, list):
        return [_fold(v) for v in x]
    return " ".join(x.split()) if isinstance(x, str) else x


def main(argv: list[str] | None = None) -> int:
    """python -m claimscope.eval.seed GOLD [RAW]: print the counts and the misses."""
    import sys
    args = sys.argv[1:] if argv is None else argv
    print(evaluate_seed(args[0], args[1] if len(args) > 1 else None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
