"""How ../shared/tools/check_claimmap.py matches names, contents and disputes, replicated so the
package needs nothing from ../shared (tests check the two agree where the scorer is present).

Lenient on boundaries (content Dice >= 0.5 on word sets), strict on meaning (a speaker must name
the gold entity; a dispute must have one asserting and one denying party right).
"""
from __future__ import annotations

import re

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}
TITLES = {"president", "minister", "prime", "mr", "mrs", "ms", "dr", "the", "chief", "general",
          "spokesman", "spokeswoman", "spokesperson", "us", "u.s.", "official", "officials"}
WORD = re.compile(r"[\w']+", re.UNICODE)


def words(s: str | None) -> list[str]:
    return [w.lower().strip("'") for w in WORD.findall(s or "") if w.strip("'")]


def dice(a, b) -> float:
    a, b = set(a), set(b)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def span_text(x) -> str:
    """A span given as JSON ({"text": ...}) or as a plain string."""
    if x is None:
        return ""
    return x if isinstance(x, str) else x.get("text", "")


def names_match(pred: str, gold: str) -> bool:
    """Same entity, leniently: one name's tokens contain the other's ('Putin' names 'Vladimir
    Putin'; 'Russia' does not name "Russia's Defense Ministry"); acronyms and parentheses count."""
    for p in _variants(pred):
        for g in _variants(gold):
            ps, gs = set(p), set(g)
            if gs <= ps:
                return True
            if ps <= gs and (p[-1] == g[-1] or (len(ps) >= 2 and len(ps) >= 0.6 * len(gs))):
                return True
    return False


def dispute_matches(pred: dict, gold: dict) -> bool:
    """One asserting and one denying party right, in either orientation (dispute JSON objects)."""
    pa = [span_text(x) for x in pred.get("asserted_by") or []]
    pd = [span_text(x) for x in pred.get("denied_by") or []]
    ga, gd = gold.get("asserted_by", []), gold.get("denied_by", [])

    def hit(ps, gs):
        return any(names_match(p, g) for p in ps for g in gs)
    return (hit(pa, ga) and hit(pd, gd)) or (hit(pa, gd) and hit(pd, ga))


def match_disputes(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs among matching disputes, closest wording first."""
    cands = []
    for gi, g in enumerate(golds):
        gw = words(g.get("proposition", "") + " " + " ".join(g.get("evidence") or []))
        for pi, p in enumerate(preds):
            if dispute_matches(p, g):
                pw = words(str(p.get("proposition") or "") + " "
                           + " ".join(span_text(e) for e in p.get("evidence") or []))
                cands.append((dice(gw, pw), gi, pi))
    return pair_best_first(cands)


def pair_best_first(cands: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs from scored candidates, the best score first (greedy, as
    the scorer pairs them)."""
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(cands, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _norm(w: str) -> str:
    w = w.lower().strip("'’")
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w  # Houthis ~ Houthi


def _variants(s: str) -> list[list[str]]:
    """Token lists a name can be written as: without parentheses, the parenthesised part alone,
    and acronyms of capitalised runs ('World Health Organization' -> WHO)."""
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
