"""Disputes: one party asserts what another denies or contradicts, within and across articles.

A cascade (docs/claims.md has the full rules): explicit denials matched to another party's
assertive claim, or to the party a nominal names ("denied Gerasimov's assertion that P");
verdicts of falsity ("X is lying about", "the president's claims are unfounded"); antonym and
polarity contradictions (one party's statement negated by another's); neutral-cue contradictions
that join the dispute they match; merging per proposition; opposed predictions per article. Matching
is lexical (IDF-weighted coverage of content terms, synonyms folded) plus ``links``. A party on
both sides is dropped from the denying side; a dispute left with an empty side is dropped; a
denial that matches nothing and names no asserting party is no dispute.

The parts live beside this module: ``dispute_lexicon`` (word lists and patterns, data),
``dispute_matching`` (items, parties, term coverage, thresholds), ``dispute_rules`` (each rule of
the cascade) and ``dispute_groups`` (merging and the ``Dispute`` records). This module runs them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from claimscope.knowledge.dispute_groups import merge_groups, to_dispute, widen_asserting
from claimscope.knowledge.dispute_lexicon import DENIAL_CUES
from claimscope.knowledge.dispute_matching import (Group, collect_items, content_vectors, coverage, idf_weights, is_assertable,
                                                   same_party, split_parties)
from claimscope.knowledge.dispute_rules import (antonym_contradictions, counter_accusations, explicit_dispute, falsity_verdicts,
                                                is_explicit, opposed_predictions, opposite_forecasts, parse_nominal,
                                                place_contradiction, polarity_contradictions)
from claimscope.model import ArticleAnalysis, ClaimLink, Dispute, Stance


def find_disputes(analyses: Sequence[ArticleAnalysis], links: Sequence[ClaimLink] = (),
                  vectors: Mapping[str, np.ndarray] | None = None) -> list[Dispute]:
    """Every dispute in the analyses, merged per proposition, most confident first.

    ``vectors`` (claim id -> sentence embedding) are the embeddings the claim linker already made;
    claims without one are embedded here, where a rule needs them."""
    items = collect_items(analyses)
    if not items:
        return []
    idf = idf_weights(items)
    by_id = {it.claim.id: k for k, it in enumerate(items)}
    linked: dict[int, dict[int, float]] = defaultdict(dict)
    for link in links:
        a, b = by_id.get(link.claim_a), by_id.get(link.claim_b)
        if a is not None and b is not None:
            linked[a][b] = linked[b][a] = link.similarity
    postings: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        if is_assertable(it.claim.stance) and it.parties:
            for t in it.terms:
                postings[t].append(k)

    groups: list[Group] = []
    denials = [k for k, it in enumerate(items) if it.claim.stance is Stance.DENY and it.parties]
    explicit = [k for k in denials if is_explicit(items[k])]
    contradictions = [k for k in denials if k not in set(explicit)]
    embedded = content_vectors(items, explicit, vectors)
    for k in explicit:
        group = explicit_dispute(items, k, idf, postings, linked, embedded)
        if group is not None:
            groups.append(group)
    groups += falsity_verdicts(items, idf)
    groups += antonym_contradictions(items)
    groups += polarity_contradictions(items, idf)
    groups += counter_accusations(items)
    groups += opposite_forecasts(items)
    for k in contradictions:
        place_contradiction(items, k, groups, idf, postings, linked)
    groups = merge_groups(items, groups, idf)
    for g in groups:
        widen_asserting(items, g, idf, postings)
    groups += opposed_predictions(items)
    disputes = [d for g in groups if (d := to_dispute(items, g)) is not None]
    disputes.sort(key=lambda d: -d.confidence)
    return disputes


__all__ = ["DENIAL_CUES", "coverage", "find_disputes", "parse_nominal", "same_party", "split_parties"]
