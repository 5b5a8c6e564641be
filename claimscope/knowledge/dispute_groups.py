"""From candidate groups to ``Dispute`` records: merge groups about one proposition, widen the
asserting side, then build each record (parties, evidence spans, confidence, a stable id).
"""
from __future__ import annotations

import hashlib

from claimscope.knowledge.claims import sentence_bounds
from claimscope.knowledge.dispute_matching import MERGE_MATCH, Group, Item, same_party, similarity
from claimscope.model import Dispute, Evidence


def merge_groups(items, groups: list[Group], idf) -> list[Group]:
    """Union disputes that share a claim or state the same proposition."""
    parent = list(range(len(groups)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            gi, gj = groups[i], groups[j]
            if set(gi.asserting + gi.denying) & set(gj.asserting + gj.denying) or _same_proposition(items, gi, gj, idf) \
                    or _names_the_claim_of(items, gi, gj) or _names_the_claim_of(items, gj, gi):
                parent[find(i)] = find(j)
    merged: dict[int, Group] = {}
    for i, g in enumerate(groups):
        root = merged.setdefault(find(i), Group())
        root.asserting, root.denying = unique(root.asserting + g.asserting), unique(root.denying + g.denying)
        root.extra_asserting = unique(root.extra_asserting + g.extra_asserting)
        root.scores += g.scores
        root.proposition = root.proposition or g.proposition
    for g in merged.values():
        g.asserting = [a for a in g.asserting if a not in g.denying]
    return list(merged.values())


def _same_proposition(items, gi: Group, gj: Group, idf) -> bool:
    for a in gi.asserting + gi.denying:
        for b in gj.asserting + gj.denying:
            if min(len(items[a].terms), len(items[b].terms)) >= 3 and \
                    similarity(items[a], items[b], idf) >= MERGE_MATCH:
                return True
    return False


def _names_the_claim_of(items, nominal: Group, g: Group) -> bool:
    """"Greer dismissed Harwell's figure ..." (its asserting side only the nominal's owner) is the
    dispute in which Harwell's own claim already stands against Greer, however differently worded."""
    if nominal.asserting or not nominal.extra_asserting or not g.asserting:
        return False
    asserting = [p for a in g.asserting for p in items[a].parties]
    deniers = [p for d in g.denying for p in items[d].parties]
    return same_party(nominal.extra_asserting, asserting) and \
        same_party([p for d in nominal.denying for p in items[d].parties], deniers)


def widen_asserting(items, g: Group, idf, postings) -> None:
    """Other parties' assertive claims of the same proposition join its asserting side."""
    if not g.asserting:
        return
    deniers = [p for d in g.denying for p in items[d].parties]
    seeds = list(g.asserting)
    candidates = {a for s in seeds for t in items[s].terms for a in postings.get(t, ())}
    for a in sorted(candidates):
        if a in g.asserting or same_party(items[a].parties, deniers):
            continue
        if any(len(items[a].terms) >= 3 and similarity(items[a], items[s], idf) >= MERGE_MATCH
               for s in seeds):
            g.asserting.append(a)


def to_dispute(items: list[Item], g: Group) -> Dispute | None:
    asserted = unique([p for a in g.asserting for p in items[a].parties])
    asserted += [p for p in unique(g.extra_asserting) if not same_party([p], asserted)]  # not "Harwell" beside "Denise Harwell"
    denied = unique([p for d in g.denying for p in items[d].parties])
    denied = [p for p in denied if not same_party([p], asserted)]
    if not asserted or not denied:
        return None
    claims = g.asserting + g.denying
    evidence = tuple(_evidence(items[k]) for k in claims)
    if not g.asserting:  # only a nominal named the asserting side: the denial's sentence is the evidence
        evidence = tuple(_evidence(items[k], sentence=True) for k in g.denying)
    proposition = g.proposition or (items[g.asserting[0]].claim.text if g.asserting else items[g.denying[0]].claim.text)
    ids = tuple(items[k].claim.id for k in claims)
    confidence = sum(g.scores) / len(g.scores) if g.scores else 0.5
    confidence *= min((items[k].attribution.confidence if items[k].attribution else 0.5) for k in claims) ** 0.5
    return Dispute(
        id=hashlib.sha1("\x1f".join(sorted(ids)).encode()).hexdigest()[:16],
        proposition=proposition,
        asserted_by=tuple(asserted),
        denied_by=tuple(denied),
        asserting_claims=tuple(items[k].claim.id for k in g.asserting),
        denying_claims=tuple(items[k].claim.id for k in g.denying),
        evidence=tuple(e for e in evidence if e is not None),
        articles=tuple(unique([items[k].claim.article_id for k in claims])),
        confidence=round(min(1.0, confidence), 4),
        kind=g.kind,
    )


def _evidence(item: Item, sentence: bool = False) -> Evidence | None:
    att, text = item.attribution, item.analysis.article.text
    if att is None or not att.contents:
        return None
    starts = [s.start for s in (att.source, att.cue, *att.contents) if s is not None]
    ends = [s.end for s in (att.source, att.cue, *att.contents) if s is not None]
    start, end = min(starts), max(ends)
    if sentence:
        start, end = sentence_bounds(text, start, end)
    return Evidence(article_id=item.claim.article_id, start=start, end=end, text=text[start:end])


def unique(values):
    return list(dict.fromkeys(values))


__all__ = ["merge_groups", "to_dispute", "unique", "widen_asserting"]
