"""The query functions give the same answers on both engines (SQLite here, PostgreSQL when configured)."""
from __future__ import annotations

from claimscope.store import open_store, queries

from .seeded import build_seed_store


def test_queries_same_answers_on_each_engine(store_url):
    ids = build_seed_store(store_url)
    with open_store(store_url, read_only=True) as store:
        assert 2 == queries.list_articles(store)["total"]
        assert [ids["kursk"]] == [a["id"] for a in queries.list_articles(store, q="Belgorod")["items"]]
        denials = queries.list_attributions(store, entity="Ukraine", stance="deny", until="2025-04-26")
        assert 3 == denials["total"]
        assert 0 == queries.list_attributions(store, since="2025-05-01", until="2025-06-30")["total"]
        entity = queries.get_entity(store, ids["ukraine"])
        assert "Russia" in entity["contradicted_by"]
        dispute = queries.get_dispute(store, ids["dispute"])
        assert "Ukraine" in dispute["deny_side"]["entities"]
        a, b = ids["link"]
        assert b in [c["id"] for c in queries.get_claim(store, a)["linked"]]
        assert queries.list_claims(store, q="Belgorod")["total"] >= 1
        assert queries.get_article(store, "nope") is None
