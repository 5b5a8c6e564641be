"""POST /api/ingest: read, analyse and store articles sent in the request, behind a bearer token.

The body is a text dump, an HTML page or JSON Lines, sent raw with its content type or as a
multipart file upload (field ``file``). It runs the same steps as ``claimscope ingest``
(``runner.tasks.process_file`` on a temporary file, ``Store.save`` per article, then, when anything
is new, ``runner.claimmap.update_claim_map`` for claim links and disputes across the store) and
answers one outcome per article: new, unchanged, near_duplicate or failed.
"""
from __future__ import annotations

import secrets
import tempfile
from dataclasses import replace
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from claimscope.errors import StoreError

router = APIRouter(tags=["ingest"])

# Content type -> the suffix the temporary file gets (readers sniff the bytes; the suffix is a hint).
SUFFIXES = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/jsonl": ".jsonl",
    "application/x-ndjson": ".jsonl",
    "application/x-jsonlines": ".jsonl",
    "application/json": ".jsonl",
}
UPLOAD_NAME = "upload"

_BODY_DOC = {
    "requestBody": {
        "required": True,
        "description": "A text dump, HTML page or JSON Lines as the raw body, or a multipart upload (field `file`).",
        "content": {
            **{t: {"schema": {"type": "string"}} for t in SUFFIXES},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "file": {"type": "string", "format": "binary"}}, "required": ["file"]}},
        },
    },
    "security": [{"bearer": []}],
}


def _check_token(request: Request) -> None:
    token = request.app.state.ingest_token
    if not token:
        raise HTTPException(status_code=403, detail="ingest is disabled: the server has no ingest token "
                            "(set CLAIMSCOPE_INGEST_TOKEN or pass a token)")
    scheme, _, sent = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not sent:
        raise HTTPException(status_code=401, detail="ingest needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(sent.strip().encode(), token.encode()):
        raise HTTPException(status_code=401, detail="wrong ingest token", headers={"WWW-Authenticate": "Bearer"})


async def _read_input(request: Request) -> tuple[bytes, str, str]:
    """(bytes, suffix, name shown as the articles' source file)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        form = await request.form(max_part_size=request.app.state.max_body_bytes)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(status_code=422, detail="multipart upload needs a file in the field 'file'")
        name = Path(upload.filename or UPLOAD_NAME).name
        return await upload.read(), Path(name).suffix or ".txt", name
    if content_type not in SUFFIXES:
        raise HTTPException(status_code=415, detail=f"unsupported content type {content_type or 'none'!r}: "
                            f"send one of {', '.join(SUFFIXES)} or multipart/form-data")
    suffix = SUFFIXES[content_type]
    return await request.body(), suffix, UPLOAD_NAME + suffix


def _ingest(request: Request, data: bytes, suffix: str, name: str) -> dict:
    from claimscope.runner.claimmap import update_claim_map
    from claimscope.runner.tasks import process_file

    access = request.app.state.access
    with access.borrow() as store:
        known = store.known_ids()
    with tempfile.TemporaryDirectory(prefix="claimscope-ingest-") as folder:
        path = Path(folder) / f"{UPLOAD_NAME}{suffix}"
        path.write_bytes(data)
        result = process_file(str(path), known_ids=known)  # analysis runs without holding the store
    articles = [{"article_id": i, "status": "unchanged", "headline": None} for i in result.known_ids]
    failures = [{"status": "failed", "problem": e.problem, "line": e.line} for e in result.errors]
    with access.borrow() as store:
        for analysis in result.analyses:
            analysis = replace(analysis, article=replace(analysis.article, source_file=name))
            entry = {"article_id": analysis.article.id, "headline": analysis.article.headline}
            try:
                outcome = store.save(analysis)
            except StoreError as exc:
                articles.append({**entry, "status": "failed", "problem": str(exc)})
                continue
            articles.append({**entry, "status": outcome.status.value, "canonical_id": outcome.canonical_id})
        claim_map = None
        if any(a["status"] == "new" for a in articles):
            claim_map = update_claim_map(store)
            totals = store.table_counts()
    counts = {s: sum(1 for a in articles + failures if a["status"] == s)
              for s in ("new", "unchanged", "near_duplicate", "failed")}
    summary = {"new_claim_links": len(claim_map.links), "disputes_updated": len(claim_map.disputes),
               "claim_links": totals["claim_links"], "disputes": totals["disputes"]} if claim_map else None
    return {"source": name, **counts, "claim_map": summary, "articles": articles, "failures": failures}


@router.post("/ingest", summary="Analyse and store articles sent in the body (bearer token)",
             openapi_extra=_BODY_DOC)
async def ingest(request: Request) -> dict:
    _check_token(request)
    data, suffix, name = await _read_input(request)
    if not data.strip():
        raise HTTPException(status_code=422, detail="the request body is empty")
    return await run_in_threadpool(_ingest, request, data, suffix, name)
