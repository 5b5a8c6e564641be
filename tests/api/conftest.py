"""API fixtures: the seed ingested into a real SQLite store once per session, and clients over it."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from claimscope.api import create_app

from .seeded import build_seed_store

TOKEN = "test-token"


@pytest.fixture(scope="session")
def seeded(tmp_path_factory) -> tuple[str, dict]:
    """(store URL, ids) of a store holding the seed, its entities, claims and the Kursk dispute."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    return url, build_seed_store(url)


@pytest.fixture(scope="session")
def ids(seeded) -> dict:
    return seeded[1]


@pytest.fixture(scope="session")
def client(seeded):
    """A read-only app over the seeded store (no ingest token: ingest is off)."""
    with TestClient(create_app(seeded[0]), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def ingest_client(sqlite_url, monkeypatch):
    """A writable app over an empty store, ingest enabled with TOKEN and a 64 KiB body limit."""
    monkeypatch.delenv("CLAIMSCOPE_INGEST_TOKEN", raising=False)
    with TestClient(create_app(sqlite_url, ingest_token=TOKEN, max_body_bytes=64 * 1024),
                    raise_server_exceptions=False) as c:
        yield c
