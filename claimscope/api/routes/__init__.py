"""One route module per resource; each calls claimscope.store.queries, as the web pages do."""
from __future__ import annotations

from fastapi import HTTPException, Query, Request

from claimscope.store.queries import DEFAULT_LIMIT, MAX_LIMIT

LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")
OFFSET = Query(0, ge=0, description="Items to skip.")


def paginated(request: Request, result: dict) -> dict:
    """The pagination envelope: items, total, limit, offset and the URL of the next page (or null)."""
    end = result["offset"] + len(result["items"])
    next_url = None
    if end < result["total"]:
        next_url = str(request.url.include_query_params(offset=end, limit=result["limit"]))
    return {**result, "next": next_url}


def found(value, what: str, key: str):
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} {key!r}")
    return value
