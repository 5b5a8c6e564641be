"""Every JSON error has one shape: ``{"error": message, "status": code}``.

Handlers cover HTTP errors (404, 401, 403, 413 ...), request validation (422) and anything
unexpected (500, logged with its traceback). Web pages get the same message as an HTML page.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger(__name__)


class BodyTooLarge(Exception):
    """A request body passed the configured limit while it was being read."""

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(f"request body is larger than {limit_bytes} bytes")
        self.limit_bytes = limit_bytes


def error_body(message: str, status: int) -> dict:
    return {"error": message, "status": status}


def error_response(request: Request, message: str, status: int, headers: dict | None = None):
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse(error_body(message, status), status_code=status, headers=headers)
    from claimscope.web.views import render_error  # pages render errors as pages

    return render_error(request, message, status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "invalid request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return error_response(request, message, exc.status_code, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error_response(request, _validation_message(exc), 422)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge):
        return error_response(request, str(exc), 413)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        logger.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse(error_body("internal server error", 500), status_code=500) \
            if request.url.path.startswith("/api") else error_response(request, "internal server error", 500)


__all__ = ["BodyTooLarge", "error_body", "install_error_handlers"]
