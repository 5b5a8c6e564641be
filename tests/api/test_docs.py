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


def test_swagger_ui_loads_from_this_server_only(client):
    """/docs works offline: every script, stylesheet and icon it references is served here."""
    page = client.get("/docs")
    assert 200 == page.status_code
    refs = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", page.text)
    assert [] == [r for r in refs if re.match(r"(?:https?:)?//", r)]
    assets = [r for r in refs if r.startswith("/docs-assets/")]
    assert {"/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"} <= set(assets)
    assert all(200 == client.get(a).status_code for a in assets)
    assert "/openapi.json" in page.text
    assert 404 == client.get("/redoc").status_code  # ReDoc would need a CDN, so it is off
