"""GET /api/articles (list, full-text search) and GET /api/articles/{id} (the analysis with every span)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from claimscope.api.app import get_store
from claimscope.api.routes import LIMIT, OFFSET, found, paginated
from claimscope.store import Store, queries

router = APIRouter(tags=["articles"])


@router.get("/articles", summary="List articles, or search them")
def list_articles(
    request: Request,
    q: str | None = Query(None, description="Full-text query: every word must match (stemmed)."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    store: Store = Depends(get_store),
) -> dict:
    return paginated(request, queries.list_articles(store, q=q, limit=limit, offset=offset))


@router.get("/articles/{article_id}", summary="One article with its attributions, claims and disputes")
def get_article(article_id: str, store: Store = Depends(get_store)) -> dict:
    return found(queries.get_article(store, article_id), "article", article_id)
