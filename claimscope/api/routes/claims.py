"""GET /api/claims (by date; ?entity=, ?q=) and GET /api/claims/{id} (with linked claims)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from claimscope.api.app import get_store
from claimscope.api.routes import LIMIT, OFFSET, found, paginated
from claimscope.store import Store, queries

router = APIRouter(tags=["claims"])


@router.get("/claims", summary="List claims by date")
def list_claims(
    request: Request,
    entity: str | None = Query(None, description="Entity id or speaker name: only its claims."),
    q: str | None = Query(None, description="Every word must appear in the claim text."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    store: Store = Depends(get_store),
) -> dict:
    return paginated(request, queries.list_claims(store, entity=entity, q=q, limit=limit, offset=offset))


@router.get("/claims/{claim_id}", summary="One claim with the claims linked to it")
def get_claim(claim_id: str, store: Store = Depends(get_store)) -> dict:
    return found(queries.get_claim(store, claim_id), "claim", claim_id)
