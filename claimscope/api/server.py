"""Run the app with uvicorn: what ``claimscope serve --db URL --host H --port N`` calls."""
from __future__ import annotations

import logging

from claimscope.api.app import DEFAULT_MAX_BODY_BYTES, create_app

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"  # local only unless asked: ingest is behind a token, reading is open
DEFAULT_PORT = 8000


def serve(db_url: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, token: str | None = None, *,
          max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, log_level: str = "info") -> None:
    """Serve the API and pages over the store at ``db_url`` until interrupted.

    ``token`` enables POST /api/ingest (else env CLAIMSCOPE_INGEST_TOKEN; with neither it is off).
    Raises StoreError before listening when the store cannot be opened.
    """
    import uvicorn

    app = create_app(db_url, ingest_token=token, max_body_bytes=max_body_bytes)
    logger.info("serving %s on http://%s:%d/", db_url, host, port)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
