"""Shared fixtures: a real store on both engines, each test isolated.

``store`` is parametrised over SQLite (a real file in tmp_path) and PostgreSQL (the real server in
``CLAIMSCOPE_TEST_POSTGRES``, e.g. ``postgresql://postgres@127.0.0.1:5432/test``; skipped with a
visible reason when unset). Each PostgreSQL test gets its own schema, dropped afterwards.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# The shared data folder sits beside the repository (../shared), in CI as on the dev machines.
SHARED = (REPO / ".." / "shared").resolve()
POSTGRES_ENV = "CLAIMSCOPE_TEST_POSTGRES"


def _with_search_path(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'claimscope.db'}"


@pytest.fixture
def postgres_url():
    """A URL whose search_path is a fresh schema on the test server; the schema is dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://... (unset here)")
    import psycopg

    schema = f"claimscope_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _with_search_path(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request) -> str:
    """The URL of an empty store on each engine."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return request.getfixturevalue(fixture)


@pytest.fixture
def store(store_url):
    from claimscope.store import open_store

    with open_store(store_url) as opened:
        yield opened


# Short news stories for cross-article entity merging (issue #4), written for the tests: the full
# name in one, the surname alone in another; and three Smiths, so a lone "Smith" stays ambiguous.
ENTITY_STORIES = {
    "umerov_full": "Ukraine receives new air defence systems before winter\n\n"
                   "KYIV, Nov 4 - Defense Minister Rustem Umerov said on Tuesday that Ukraine had received a new "
                   "batch of air defence systems from its European partners.\n\n"
                   "The systems will protect cities and power plants during the winter, Umerov told reporters in Kyiv.\n",
    "umerov_short": "Ukraine plans to build 30,000 long-range drones\n\n"
                    "Umerov said that Ukraine will build 30,000 long-range drones next year.\n\n"
                    "The plan was approved by the government last week, according to officials.\n",
    "john_smith": "Budget to be balanced next year, minister says\n\n"
                  "LONDON, March 3 - Finance Minister John Smith said on Monday that the budget would be balanced "
                  "next year.\n",
    "anna_smith": "Inflation has peaked, central bank says\n\n"
                  "LONDON, March 5 - Central bank governor Anna Smith said on Wednesday that inflation had peaked "
                  "in March.\n",
    "smith_short": "New tax to raise 3 billion pounds\n\n"
                   "The new tax will raise 3 billion pounds, Smith told parliament on Monday.\n",
}


@pytest.fixture
def entity_stories(tmp_path) -> dict[str, str]:
    """ENTITY_STORIES written to files: name -> path."""
    folder = tmp_path / "stories"
    folder.mkdir()
    paths = {}
    for name, text in ENTITY_STORIES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        paths[name] = str(folder / f"{name}.txt")
    return paths
