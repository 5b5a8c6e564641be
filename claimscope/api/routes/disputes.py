"""GET /api/disputes and GET /api/disputes/{id} (both sides, their claims and evidence)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from claimscope.api.app import get_store
from claimscope.api.routes import LIMIT, OFFSET, found, paginated
from claimscope.store import Store, queries

router = APIRouter(tags=["disputes"])


@router.get("/disputes", summary="List disputes, most confident first")
def list_disputes(request: Request, limit: int = LIMIT, offset: int = OFFSET,
                  store: Store = Depends(get_store)) -> dict:
    return paginated(request, queries.list_disputes(store, limit=limit, offset=offset))


@router.get("/disputes/{dispute_id}", summary="One dispute with both sides and the evidence")
def get_dispute(dispute_id: str, store: Store = Depends(get_store)) -> dict:
    return found(queries.get_dispute(store, dispute_id), "dispute", dispute_id)
