"""The read API against the seed: what a client would see."""
from __future__ import annotations

import pytest


def test_articles_list_is_paginated(client):
    page = client.get("/api/articles?limit=1").json()
    assert ["items", "limit", "next", "offset", "total"] == sorted(page)
    assert (2, 1, 0) == (page["total"], len(page["items"]), page["offset"])
    assert "offset=1" in page["next"]
    second = client.get(page["next"]).json()
    assert 1 == len(second["items"]) and second["next"] is None
    assert page["items"][0]["id"] != second["items"][0]["id"]


def test_articles_search_finds_the_kursk_denial(client, ids):
    page = client.get("/api/articles", params={"q": "Kyiv denied"}).json()
    assert [ids["kursk"]] == [a["id"] for a in page["items"]]
    assert "[denied]" in page["items"][0]["snippet"]


def test_article_detail_has_every_span(client, ids):
    article = client.get(f"/api/articles/{ids['kursk']}").json()
    denial = next(a for a in article["attributions"] if a["cue"] and a["cue"]["text"] == "denied"
                  and a["source"]["text"] == "Kyiv")
    assert "deny" == denial["stance"]
    assert "Ukraine" == denial["source_resolved"]
    assert "that its forces had been expelled from Kursk" == denial["contents"][0]["text"]
    for a in article["attributions"]:
        for span in [a["source"], a["cue"], *a["contents"]]:
            if span:
                assert span["text"] == article["text"][span["start"]:span["end"]]
    assert ids["dispute"] in [d["id"] for d in article["disputes"]]
    assert "EPA/Alexander Kazakov/Sputnik/Kremlin" in article["photo_credits"]


@pytest.mark.parametrize(("params", "expected_total"), [
    ({"stance": "deny", "entity": "Ukraine"}, 3),  # Kyiv denied, Kyiv said (denial), Ukraine denied
    ({"entity": "ukraine"}, 4),  # ... and Kyiv says (accuse)
    ({"since": "2025-07-01"}, "taliban"),  # the Taliban story's, all of them
    ({"until": "2025-04-26"}, "kursk"),  # the Kursk story's, all of them
    ({"since": "2025-05-01", "until": "2025-06-30"}, 0),
    ({"outlet": "Nobody Times"}, 0),
])
def test_attributions_filters_combine(client, ids, params, expected_total):
    if isinstance(expected_total, str):  # a date filter keeps exactly one article's attributions
        expected_total = len(client.get(f"/api/articles/{ids[expected_total]}").json()["attributions"])
    assert expected_total == client.get("/api/attributions", params=params).json()["total"]


def test_attributions_filter_by_entity_id(client, ids):
    page = client.get("/api/attributions", params={"entity": ids["ukraine"], "stance": "deny"}).json()
    assert {"Ukraine"} == {a["source_resolved"] for a in page["items"]}
    assert all(a["article"]["id"] == ids["kursk"] for a in page["items"])


def test_entities_list_counts_mentions(client, ids):
    page = client.get("/api/entities", params={"limit": 200}).json()
    by_id = {e["id"]: e for e in page["items"]}
    assert "Ukraine" == by_id[ids["ukraine"]]["name"]
    assert by_id[ids["ukraine"]]["mention_count"] >= 4  # Kyiv denied, Kyiv said, Ukraine denied, Kyiv says
    assert 1 == by_id[ids["ukraine"]]["article_count"]
    counts = [e["mention_count"] for e in page["items"]]
    assert sorted(counts, reverse=True) == counts


def test_entity_shows_what_it_said_and_who_contradicted_it(client, ids):
    entity = client.get(f"/api/entities/{ids['ukraine']}").json()
    assert "Kyiv" in entity["aliases"]
    assert "Russia" in entity["contradicted_by"]
    assert any("forces had been expelled from Kursk" in c["text"] for c in entity["claims"])
    assert "2025-04-26" in [g["date"] for g in entity["timeline"]]


def test_claims_filter_by_entity(client, ids):
    page = client.get("/api/claims", params={"entity": ids["putin"], "limit": 200}).json()
    assert page["total"] >= 4  # hailed, said x2, added (the seed's Putin attributions)
    assert {"Vladimir Putin"} == {c["speaker"] for c in page["items"]}


def test_claim_lists_linked_claims_both_ways(client, ids):
    a, b = ids["link"]
    assert b in [c["id"] for c in client.get(f"/api/claims/{a}").json()["linked"]]
    assert a in [c["id"] for c in client.get(f"/api/claims/{b}").json()["linked"]]


def test_disputes_list_and_detail_show_both_sides(client, ids):
    page = client.get("/api/disputes", params={"limit": 200}).json()
    assert ids["dispute"] in [d["id"] for d in page["items"]]
    dispute = client.get(f"/api/disputes/{ids['dispute']}").json()
    assert "Russia" in dispute["assert_side"]["entities"] and "Ukraine" in dispute["deny_side"]["entities"]
    assert any("expelled from Kursk" in e["text"] for e in dispute["deny_side"]["evidence"])
    assert ids["kursk"] in [a["id"] for a in dispute["article_links"]]


def test_openapi_lists_every_route(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/attributions", "/api/entities",
            "/api/entities/{entity_id}", "/api/claims", "/api/claims/{claim_id}", "/api/disputes",
            "/api/disputes/{dispute_id}", "/api/ingest"} == paths
    assert 200 == client.get("/docs").status_code
