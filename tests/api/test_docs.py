"""Contract: every API route is in docs/api.md and every page in docs/web.md."""
from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _routes(client) -> list[tuple[str, str]]:
    return [(m.upper(), p) for p, ops in client.get("/openapi.json").json()["paths"].items() for m in ops]


def _doc_path(path: str) -> str:
    return re.sub(r"\{\w+\}", "{...}", path)


def test_docs_api_lists_every_route(client):
    text = re.sub(r"\{\w+\}", "{...}", (DOCS / "api.md").read_text(encoding="utf-8"))
    missing = [f"{m} {p}" for m, p in _routes(client) if f"`{m} {_doc_path(p)}`" not in text]
    assert [] == missing


def test_docs_web_lists_every_page():
    from claimscope.web.views import router

    text = re.sub(r"\{\w+\}", "{...}", (DOCS / "web.md").read_text(encoding="utf-8"))
    pages = {_doc_path(r.path) for r in router.routes}
    missing = [p for p in sorted(pages) if f"`{p}`" not in text and f"`{p}?" not in text]
    assert [] == missing
    assert {"/", "/articles/{...}", "/disputes", "/entities/{...}", "/search", "/claims"} <= pages
