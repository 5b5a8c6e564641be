"""Every error a client can meet, each as {"error": message, "status": code}."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from claimscope.api import create_app

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def assert_error(response, status: int, words: str) -> None:
    assert status == response.status_code
    body = response.json()
    assert ["error", "status"] == sorted(body)
    assert status == body["status"]
    assert words in body["error"]


@pytest.mark.parametrize("path", ["/api/articles/nope", "/api/entities/nope", "/api/claims/nope",
                                  "/api/disputes/nope", "/api/nowhere"])
def test_errors_unknown_id_is_404(client, path):
    assert_error(client.get(path), 404, "" if path == "/api/nowhere" else "'nope'")


@pytest.mark.parametrize(("path", "words"), [
    ("/api/articles?limit=0", "limit"),
    ("/api/articles?limit=1000", "limit"),
    ("/api/articles?offset=-1", "offset"),
    ("/api/attributions?stance=denies", "stance"),
    ("/api/attributions?since=yesterday", "since"),
    ("/api/entities?kind=planet", "kind"),
])
def test_errors_bad_parameter_is_422_naming_it(client, path, words):
    assert_error(client.get(path), 422, words)


def test_errors_wrong_method_is_405(client):
    assert_error(client.delete("/api/articles"), 405, "Method Not Allowed")


def test_errors_ingest_without_configured_token_is_403(client):
    assert_error(client.post("/api/ingest", content=b"text", headers={"Content-Type": "text/plain", **AUTH}),
                 403, "ingest is disabled")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}])
def test_errors_ingest_without_the_token_is_401(ingest_client, headers):
    response = ingest_client.post("/api/ingest", content=b"text", headers={"Content-Type": "text/plain", **headers})
    assert_error(response, 401, "token" if "wrong" in str(headers) else "Bearer")
    assert "Bearer" == response.headers["WWW-Authenticate"]


def test_errors_body_over_the_limit_is_413(ingest_client):
    big = b"word " * (20 * 1024)  # 100 KiB, over the fixture's 64 KiB
    assert_error(ingest_client.post("/api/ingest", content=big, headers={"Content-Type": "text/plain", **AUTH}),
                 413, "larger than 65536 bytes")


def test_errors_streamed_body_over_the_limit_is_413(ingest_client):
    chunks = (b"word " * 1024 for _ in range(20))  # no Content-Length: counted while read
    assert_error(ingest_client.post("/api/ingest", content=chunks, headers={"Content-Type": "text/plain", **AUTH}),
                 413, "larger than")


def test_errors_unsupported_content_type_is_415(ingest_client):
    assert_error(ingest_client.post("/api/ingest", content=b"%PDF", headers={"Content-Type": "application/pdf", **AUTH}),
                 415, "application/pdf")


def test_errors_empty_body_is_422(ingest_client):
    assert_error(ingest_client.post("/api/ingest", content=b"  ", headers={"Content-Type": "text/plain", **AUTH}),
                 422, "empty")


def test_errors_store_failure_is_500_without_details(seeded):
    app = create_app(seeded[0])
    with TestClient(app, raise_server_exceptions=False) as broken:
        app.state.access.store.close()  # a real failure: the database connection is gone
        assert_error(broken.get("/api/articles"), 500, "internal server error")
