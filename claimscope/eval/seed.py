"""Seed acceptance: score attributions against the seed's hand-made gold, counting as
tools/check_claimmap.py does (found, speaker ok, stance ok, fully right).

The matching rules are copied from the scorer, not imported, so the package needs nothing from
../shared; a test checks the two agree where the scorer is present. Lenient on boundaries (content
Dice >= 0.5 on word sets), strict on meaning (speaker names the gold entity, stance equal).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimscope.model import Article, ArticleAnalysis

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}
TITLES = {"president", "minister", "prime", "mr", "mrs", "ms", "dr", "the", "chief", "general",
          "spokesman", "spokeswoman", "spokesperson", "us", "u.s.", "official", "officials"}
WORD = re.compile(r"[\w']+", re.UNICODE)
MIN_DICE = 0.5  # the scorer's threshold for a content match
MIN_ARTICLE_DICE = 0.3  # the scorer's threshold for pairing articles by body words


@dataclass(slots=True, kw_only=True)
class SeedScore:
    """Counts as check_claimmap prints them; ``misses`` says what went wrong, one line each."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    speaker_ok: int = 0
    stance_ok: int = 0
    fully_right: int = 0
    misses: list[str] = field(default_factory=list)


def evaluate_seed(gold_path: str | Path, raw_path: str | Path | None = None) -> SeedScore:
    """Run extract_attributions over the raw dump's articles (or, without one, over the gold's own
    body paragraphs) and score them against the gold."""
    from claimscope.attribution import extract_attributions

    golds = load_gold(gold_path)
    if raw_path is not None:
        from claimscope.ingest import read_articles
        articles = [a for a in read_articles(str(raw_path)) if isinstance(a, Article)]
    else:
        articles = gold_articles(golds)
    preds = [ArticleAnalysis(article=a, attributions=tuple(extract_attributions(a))).to_json()
             for a in articles]
    return score(golds, preds)


def load_gold(path: str | Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["articles"] if "articles" in data else [data]


def gold_articles(golds: Iterable[dict]) -> list[Article]:
    """Articles built from the gold's clean fields: scores attribution apart from ingest."""
    return [Article(id=f"gold-{i}", headline=g.get("headline"), paragraphs=tuple(g["body_paragraphs"]))
            for i, g in enumerate(golds)]


def score(golds: list[dict], preds: list[dict]) -> SeedScore:
    """Pair articles, match attributions one-to-one by content, count speaker and stance."""
    result = SeedScore()
    for gold, pred in _pair_articles(golds, preds):
        gatts = gold.get("attributions") or []
        result.gold += len(gatts)
        if pred is None:
            result.misses.append(f"article not found: {gold.get('headline')!r}")
            continue
        patts = pred.get("attributions") or []
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
    return result


def words(s: str | None) -> list[str]:
    return [w.lower().strip("'") for w in WORD.findall(s or "") if w.strip("'")]


def dice(a, b) -> float:
    a, b = set(a), set(b)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def names_match(pred: str, gold: str) -> bool:
    """Same entity, leniently: one name's tokens contain the other's ('Putin' names 'Vladimir
    Putin'; 'Russia' does not name "Russia's Defense Ministry")."""
    for p in _variants(pred):
        for g in _variants(gold):
            ps, gs = set(p), set(g)
            if gs <= ps:
                return True
            if ps <= gs and (p[-1] == g[-1] or (len(ps) >= 2 and len(ps) >= 0.6 * len(gs))):
                return True
    return False


def speaker_ok(pred_att: dict, gold_att: dict) -> bool:
    pr = pred_att.get("source_resolved") or _text(pred_att.get("source"))
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
            pw = words(" ".join(_text(c) for c in p.get("contents") or [] if c))
            s = dice(gw, pw)
            inter = len(set(gw) & set(pw))
            if s < MIN_DICE and gw and inter / len(set(gw)) >= 0.8 and len(set(pw)) <= 3 * len(set(gw)) + 3:
                s = MIN_DICE  # gold content wholly inside a somewhat longer predicted span
            if s >= MIN_DICE:
                cands.append((s, gi, pi))
    cands.sort(reverse=True)
    gm, pm, pairs = set(), set(), []
    for _s, gi, pi in cands:
        if gi not in gm and pi not in pm:
            gm.add(gi)
            pm.add(pi)
            pairs.append((gi, pi))
    return pairs


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


def _norm(w: str) -> str:
    w = w.lower().strip("'’")
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def _variants(s: str) -> list[list[str]]:
    s = re.sub(r"'s\b|’s\b", "", s or "")
    out = []
    bare = re.sub(r"\([^)]*\)", " ", s)
    for part in [bare] + re.findall(r"\(([^)]*)\)", s):
        toks = [_norm(w) for w in words(part) if w not in TITLES and not w.isdigit()]
        if toks:
            out.append(toks)
    for run in re.findall(r"(?:[A-Z][\w-]*\s+(?:of\s+|the\s+)?){1,5}[A-Z][\w-]*", bare):
        caps = [w for w in run.split() if w[0].isupper()]
        if len(caps) >= 2:
            out.append(["".join(w[0] for w in caps).lower()])
    return out


def _text(x) -> str:
    if x is None:
        return ""
    return x if isinstance(x, str) else x.get("text", "")


def main(argv: list[str] | None = None) -> int:
    """python -m claimscope.eval.seed GOLD [RAW]: print the counts and the misses."""
    import sys
    args = sys.argv[1:] if argv is None else argv
    result = evaluate_seed(args[0], args[1] if len(args) > 1 else None)
    for m in result.misses:
        print("  " + m)
    print(f"attributions: gold {result.gold}, predicted {result.predicted}, found {result.found}, "
          f"speaker ok {result.speaker_ok}, stance ok {result.stance_ok}, fully right {result.fully_right}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# --- the stance set: PolNeAR dev attributions labelled by hand (data/stance/) ---------------------

STANCE_SAMPLE_SEED = 20250426  # fixed so the sample can be drawn again
STANCE_SAMPLE_SIZE = 200
SAY_SHARE = 0.25  # at most this share of the sample has a form of "say" as its cue


def sample_stance_items(split_dir: str | Path, *, size: int = STANCE_SAMPLE_SIZE,
                        seed: int = STANCE_SAMPLE_SEED) -> list[dict]:
    """Draw gold attributions from PolNeAR, stratified over cue words: a quarter "say", the rest
    round-robin over the other cue words, so rare cues (denied, praised, warned) are in it. The
    items come unlabelled; the set in data/stance/ adds a stance and a note to each by hand."""
    import random
    from collections import defaultdict

    from claimscope.attribution.polnear import read_polnear

    groups: dict[str, list[dict]] = defaultdict(list)
    for art in read_polnear(split_dir):
        for q in art.quotes:
            if not q.contents:
                continue
            cue = art.text[q.cue[0]:q.cue[1]]
            item = {"article": art.name, "cue": cue, "cue_span": list(q.cue),
                    "source": " ... ".join(art.text[s:e] for s, e in q.sources) or None,
                    "content": " ... ".join(art.text[s:e] for s, e in q.contents),
                    "content_spans": [list(c) for c in q.contents]}
            groups[cue.lower().split()[-1] if cue.split() else cue].append(item)
    rng = random.Random(seed)
    for key in sorted(groups):
        rng.shuffle(groups[key])
    say = [k for k in ("said", "says", "say", "saying") if k in groups]
    picked: list[dict] = []
    quota = int(size * SAY_SHARE)
    while len(picked) < quota and any(groups[k] for k in say):
        for k in say:
            if groups[k] and len(picked) < quota:
                picked.append(groups[k].pop())
    others = sorted((k for k in groups if k not in say), key=lambda k: (-len(groups[k]), k))
    while len(picked) < size and any(groups[k] for k in others):
        for k in others:
            if groups[k] and len(picked) < size:
                picked.append(groups[k].pop())
    return picked


@dataclass(slots=True, kw_only=True)
class StanceScore:
    total: int = 0
    correct: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> n

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def evaluate_stance_set(set_path: str | Path, split_dir: str | Path) -> StanceScore:
    """stance.py's accuracy on the hand-labelled set, given the gold cue and content spans (the
    cross-party contradiction test is left out: it needs every attribution of the article)."""
    from claimscope.attribution.polnear import read_text
    from claimscope.attribution.stance import content_stance, read_cue
    from claimscope.nlp.pipeline import build_nlp

    nlp = build_nlp()
    docs: dict[str, object] = {}
    result = StanceScore()
    for line in Path(set_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item["article"] not in docs:
            docs[item["article"]] = nlp(read_text(Path(split_dir) / "text" / f"{item['article']}.txt"))
        doc = docs[item["article"]]
        reading = read_cue(doc, *item["cue_span"])
        contents = tuple(tuple(c) for c in item["content_spans"])
        predicted = reading.stance or content_stance(doc, contents, evaluative=reading.evaluative)
        gold = item["stance"]
        result.total += 1
        result.correct += predicted.value == gold
        row = result.confusion.setdefault(gold, {})
        row[predicted.value] = row.get(predicted.value, 0) + 1
    return result
