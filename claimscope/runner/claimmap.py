"""After an ingest: recompute claim links and disputes over everything the store holds.

The cross-article step needs every article's claims; it reads them back from the store (records,
no re-parsing), runs knowledge.claimmap once, and replaces the stored links and disputes in one
transaction, so a re-run gives the same map. Linking is sub-quadratic; reading back is linear in
the corpus, which is what a later incremental version (only the new articles' candidates) saves.
"""
from __future__ import annotations

from claimscope.knowledge.claimmap import ClaimMap, build_claim_map
from claimscope.store.store import Store


def update_claim_map(store: Store) -> ClaimMap:
    analyses = [store.get_analysis(article_id) for article_id in store.article_ids()]
    claim_map = build_claim_map(analyses)
    store.save_claim_map(claim_map.links, claim_map.disputes)
    return claim_map
