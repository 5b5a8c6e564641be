"""GET /api/attributions: who said what, filtered by source entity, stance, outlet and date."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query, Request

from claimscope.api.app import get_store
from claimscope.api.routes import LIMIT, OFFSET, paginated
from claimscope.model import Stance
from claimscope.store import Store, queries

router = APIRouter(tags=["attributions"])


@router.get("/attributions", summary="List attributions")
def list_attributions(
    request: Request,
    entity: str | None = Query(None, description="Entity id, or the source's resolved name."),
    stance: Stance | None = Query(None, description="Only this stance."),
    outlet: str | None = Query(None, description="Only articles from this outlet."),
    since: dt.date | None = Query(None, description="Articles published on or after (YYYY-MM-DD)."),
    until: dt.date | None = Query(None, description="Articles published on or before (YYYY-MM-DD)."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    store: Store = Depends(get_store),
) -> dict:
    result = queries.list_attributions(
        store, entity=entity, stance=stance, outlet=outlet, since=since.isoformat() if since else None,
        until=until.isoformat() if until else None, limit=limit, offset=offset,
    )
    return paginated(request, result)
