"""The FastAPI app: JSON under /api/, HTML pages at /, OpenAPI at /docs.

/docs is Swagger UI from the assets of the ``swagger-ui-py`` package (Swagger UI 5, which reads
FastAPI's OpenAPI 3.1), served from /docs-assets/ so the page works offline; FastAPI's default loads
them from a CDN. Without that package /docs is not served (the schema stays at /openapi.json).

``create_app(store_url)`` opens one store for the app's lifetime. Requests share it one at a time
(a lock): SQLite connections are not for concurrent use, and the queries are short. The store opens
read-only unless ingest is enabled by a token (readers never write).
"""
from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from claimscope import __version__
from claimscope.api.errors import BodyTooLarge, error_body, install_error_handlers
from claimscope.store import Store, open_store

TOKEN_ENV = "CLAIMSCOPE_INGEST_TOKEN"
# Largest request body accepted (POST /api/ingest): a big dump goes through `claimscope ingest`.
DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
DOCS_ASSETS = "/docs-assets"

logger = logging.getLogger(__name__)


class StoreAccess:
    """The app's one store, lent to one request at a time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        with self._lock:
            yield self.store


def get_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: the store, held for this request only."""
    with request.app.state.access.borrow() as store:
        yield store


class BodyLimit:
    """ASGI middleware: refuse bodies over ``max_bytes`` (413), by Content-Length or while streaming."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            from starlette.responses import JSONResponse

            response = JSONResponse(error_body(str(BodyTooLarge(self.max_bytes)), 413), status_code=413)
            return await response(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        return await self.app(scope, counted, send)


def swagger_ui_dir() -> Path | None:
    """The folder of Swagger UI's JS and CSS shipped by ``swagger-ui-py``, or None without it."""
    spec = importlib.util.find_spec("swagger_ui")  # found, not imported: only its files are used
    for location in (spec.submodule_search_locations or []) if spec else []:
        static = Path(location) / "static"
        if (static / "swagger-ui-bundle.js").is_file() and (static / "swagger-ui.css").is_file():
            return static
    return None


def install_docs(app: FastAPI) -> None:
    """Serve /docs with Swagger UI's assets from this server, never a CDN."""
    static = swagger_ui_dir()
    if static is None:
        logger.warning("swagger-ui-py is not installed: /docs is off; the schema is at /openapi.json")
        return
    app.mount(DOCS_ASSETS, StaticFiles(directory=static), name="docs-assets")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title=f"{app.title} API",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon-32x32.png",
        )


def create_app(
    store_url: str,
    *,
    ingest_token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> FastAPI:
    """The API and pages over the store at ``store_url``.

    ``ingest_token`` (else env CLAIMSCOPE_INGEST_TOKEN) enables POST /api/ingest for requests that
    send it as a bearer token; with neither set, ingest answers 403 and the store opens read-only.
    """
    from claimscope.api.routes import articles, attributions, claims, disputes, entities, ingest
    from claimscope.web import views

    token = ingest_token if ingest_token is not None else (os.environ.get(TOKEN_ENV) or None)
    store = open_store(store_url, read_only=token is None)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="claimscope",
        version=__version__,
        description="Claim map of the news: articles, who said what, entities, claims and disputes. "
        'Every error is {"error": message, "status": code}.',
        lifespan=lifespan,
        docs_url=None,  # install_docs serves it with local assets
        redoc_url=None,  # ReDoc would load its script from a CDN
    )
    app.state.access = StoreAccess(store)
    app.state.ingest_token = token
    app.state.max_body_bytes = max_body_bytes
    install_error_handlers(app)
    install_docs(app)
    for module in (articles, attributions, entities, claims, disputes, ingest):
        app.include_router(module.router, prefix="/api")
    views.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app
