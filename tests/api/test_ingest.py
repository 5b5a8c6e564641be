"""POST /api/ingest runs the same pipeline as `claimscope ingest` and reports each article."""
from __future__ import annotations

import json

from .conftest import TOKEN
from .seeded import SEED

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_ingest_raw_text_dump_stores_each_article(ingest_client):
    response = ingest_client.post("/api/ingest", content=SEED.read_bytes(),
                                  headers={"Content-Type": "text/plain; charset=utf-8", **AUTH})
    assert 200 == response.status_code, response.text
    body = response.json()
    assert (2, 0, 0) == (body["new"], body["unchanged"], body["failed"])
    assert any("Kursk" in (a["headline"] or "") for a in body["articles"])
    listed = ingest_client.get("/api/articles").json()
    assert 2 == listed["total"]
    kursk = next(a for a in body["articles"] if "Kursk" in a["headline"])
    article = ingest_client.get(f"/api/articles/{kursk['article_id']}").json()
    assert "deny" in [a["stance"] for a in article["attributions"]]
    assert "upload.txt" == article["source_file"]
    assert body["claim_map"]["disputes"] >= 1
    assert body["claim_map"]["disputes"] == ingest_client.get("/api/disputes").json()["total"]


def test_ingest_again_changes_nothing(ingest_client):
    send = lambda: ingest_client.post("/api/ingest", content=SEED.read_bytes(),  # noqa: E731
                                      headers={"Content-Type": "text/plain", **AUTH}).json()
    send()
    again = send()
    assert (0, 2, None) == (again["new"], again["unchanged"], again["claim_map"])


def test_ingest_multipart_upload(ingest_client):
    files = {"file": ("seed.txt", SEED.read_bytes(), "text/plain")}
    body = ingest_client.post("/api/ingest", files=files, headers=AUTH).json()
    assert 2 == body["new"]
    assert "seed.txt" == body["source"]


def test_ingest_jsonl_and_html(ingest_client):
    line = {"title": "Ministry denies report", "text": "The ministry denied that the bridge had been closed.\n\n"
            "Officials said traffic was moving normally on Tuesday.", "published": "2025-05-02"}
    body = ingest_client.post("/api/ingest", content=json.dumps(line).encode() + b"\n",
                              headers={"Content-Type": "application/jsonl", **AUTH}).json()
    assert 1 == body["new"], body
    html = (b"<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
            b"<p>The port authority said the harbour reopened on Monday after the storm.</p>"
            b"<p>Fishermen said they were relieved to be back at sea after a week ashore.</p>"
            b"</article></body></html>")
    body = ingest_client.post("/api/ingest", content=html, headers={"Content-Type": "text/html", **AUTH}).json()
    assert 1 == body["new"], body



def test_ingest_claim_map_reports_what_it_added_and_the_store_totals(ingest_client):
    first = ingest_client.post("/api/ingest", content=SEED.read_bytes(),
                               headers={"Content-Type": "text/plain", **AUTH}).json()["claim_map"]
    other = (SEED.parents[1] / "tests" / "fixtures" / "textdump" / "single_wire.txt").read_bytes()
    second = ingest_client.post("/api/ingest", content=other, headers={"Content-Type": "text/plain", **AUTH}).json()
    assert 1 == second["new"]
    totals = second["claim_map"]
    assert totals["disputes"] == ingest_client.get("/api/disputes").json()["total"]  # the store's, not this request's
    assert totals["claim_links"] >= first["claim_links"] and totals["new_claim_links"] <= totals["claim_links"]
