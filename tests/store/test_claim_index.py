"""The claim index on both engines: lookups through stored keys, and an article's map saved whole or not at all."""
from __future__ import annotations

import pytest

from claimscope.errors import StoreError
from claimscope.model import Article, ArticleAnalysis, Claim, ClaimLink, Dispute, Stance
from claimscope.store.store import list_migrations


def _stored(store, article_id: str, texts: list[str]) -> list[Claim]:
    article = Article(id=article_id, headline=article_id, paragraphs=tuple(texts))
    claims = tuple(Claim(id=f"{article_id}-{k}", article_id=article_id, attribution_index=k, text=t, speaker="X",
                         stance=Stance.ASSERT) for k, t in enumerate(texts))
    store.save(ArticleAnalysis(article=article, claims=claims), check_near_duplicates=False)
    return list(claims)


def _map(store, article_id, claims, **extra):
    terms = [(w, c.id) for c in claims for w in sorted(set(c.text.lower().split()))]
    return store.save_article_claim_map(article_id, terms=terms, bands=[(7, float(k), c.id) for k, c in enumerate(claims)],
                                        vectors=[(c.id, b"\0" * 8) for c in claims], affected_article_ids=[article_id],
                                        **{"links": [], "disputes": [], **extra})


def test_claim_index_lookup_ranks_claims_by_shared_terms_and_stops_at_the_limit(store):
    claims = _stored(store, "a", ["grain ports reopen", "grain ports", "ports strike", "bank rates"])
    _map(store, "a", claims)
    assert ["a-0", "a-1"] == store.claims_sharing_terms(["grain", "ports", "reopen"], limit=2)
    assert {"grain": 2, "ports": 3} == store.claim_term_counts(["grain", "ports", "absent"])


def test_claim_index_near_takes_the_window_on_either_side_of_a_position(store):
    claims = _stored(store, "a", [f"claim {k}" for k in range(6)])
    _map(store, "a", claims)  # positions 0..5 in bucket 7
    assert ["a-1", "a-2", "a-3", "a-4"] == store.claims_near([(7, 2.5)], window=2)
    assert [] == store.claims_near([(8, 2.5)], window=2)


def test_claim_index_failed_map_leaves_nothing_and_the_article_pending(store):
    """A dispute naming an article that is not stored: the foreign key refuses it mid-transaction."""
    claims = _stored(store, "a", ["grain ports reopen", "grain ports stay shut"])
    before = store.table_counts()
    bad = Dispute(id="d1", proposition="p", asserted_by=("X",), denied_by=("Y",), asserting_claims=("a-0",),
                  denying_claims=("a-1",), evidence=(), articles=("a", "not-stored"), confidence=0.5)
    with pytest.raises(StoreError, match="claim map of article a"):
        _map(store, "a", claims, links=[ClaimLink(claim_a="a-0", claim_b="a-1", similarity=0.8)], disputes=[bad])
    assert before == store.table_counts()
    assert ["a"] == store.unmapped_article_ids()


def test_claim_index_mapping_twice_writes_once(store):
    claims = _stored(store, "a", ["grain ports reopen", "grain ports stay shut"])
    link = ClaimLink(claim_a="a-0", claim_b="a-1", similarity=0.8)
    assert _map(store, "a", claims, links=[link])
    counts = store.table_counts()
    assert not _map(store, "a", claims, links=[link])
    assert counts == store.table_counts()


def test_store_read_runs_select_only(store):
    assert [(0,)] == store.read("SELECT count(*) FROM articles")
    with pytest.raises(StoreError, match="SELECT queries only"):
        store.read("DELETE FROM articles")


def test_migrations_are_numbered_alike_on_both_engines():
    """Version N is the same schema step on SQLite and PostgreSQL (a step one engine needs not is a no-op file)."""
    assert [v for v, _, _ in list_migrations("sqlite")] == [v for v, _, _ in list_migrations("postgres")]
