"""GET /api/entities (with mention counts) and GET /api/entities/{id} (what it said, who contradicted it)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from claimscope.api.app import get_store
from claimscope.api.routes import LIMIT, OFFSET, found, paginated
from claimscope.model import EntityKind
from claimscope.store import Store, queries

router = APIRouter(tags=["entities"])


@router.get("/entities", summary="List entities, most mentioned first")
def list_entities(
    request: Request,
    kind: EntityKind | None = Query(None, description="Only this kind of entity."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    store: Store = Depends(get_store),
) -> dict:
    return paginated(request, queries.list_entities(store, kind=kind, limit=limit, offset=offset))


@router.get("/entities/{entity_id}", summary="One entity: aliases, roles, claims over time, disputes")
def get_entity(entity_id: str, store: Store = Depends(get_store)) -> dict:
    return found(queries.get_entity(store, entity_id), "entity", entity_id)
