"""The HTML pages: server-rendered Jinja2 templates over the same queries as the API.

Pages: / (articles, search box), /articles/{id} (highlighted text), /disputes and /disputes/{id}
(two sides), /entities and /entities/{id} (what it said over time, who contradicted it), /claims
(timeline by date) and /claims/{id}, /search?q= (articles and claims). Templates autoescape; the
only HTML built in Python is the highlighted article text, from escaped segments (below).

Highlighting: spans come from stored offsets and may nest or cross (one attribution's content holds
another's source and cue), so the text is cut at every span boundary and each piece is wrapped in
the marks covering it, outermost first; a mark crossing another's edge is closed and re-opened.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from claimscope.api.app import get_store
from claimscope.model import PARAGRAPH_SEPARATOR, Stance
from claimscope.store import Store, queries

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 20

templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))
templates.env.globals["stances"] = [s.value for s in Stance]
router = APIRouter(include_in_schema=False)

ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    role: str  # source, cue or content
    index: int  # the attribution's position in the article
    stance: str
    speaker: str | None
    cue: str | None


def marks_for(attributions: list[dict]) -> list[Mark]:
    """The marks of an article's attributions (``ArticleAnalysis.to_json()["attributions"]``)."""
    out = []
    for index, a in enumerate(attributions):
        speaker = a.get("source_resolved") or (a["source"]["text"] if a.get("source") else None)
        cue = a["cue"]["text"] if a.get("cue") else None
        common = {"index": index, "stance": a["stance"], "speaker": speaker, "cue": cue}
        for role, span in (("source", a.get("source")), ("cue", a.get("cue"))):
            if span and span["end"] > span["start"]:
                out.append(Mark(start=span["start"], end=span["end"], role=role, **common))
        for span in a.get("contents", ()):
            if span["end"] > span["start"]:
                out.append(Mark(start=span["start"], end=span["end"], role="content", **common))
    return out


def tip(mark: Mark) -> str:
    who = mark.speaker or "unknown source"
    return f"{who} · {mark.stance}" + (f" · “{mark.cue}”" if mark.cue else "")


def _open(mark: Mark, first: bool) -> str:
    attrs = {
        "class": f"mark {mark.role} stance-{mark.stance}",
        "data-role": mark.role,
        "data-stance": mark.stance,
        "data-attribution": str(mark.index),
        "data-speaker": mark.speaker or "",
        "data-tip": tip(mark),
        "title": f"{mark.role} — speaker: {mark.speaker or 'unknown'}; stance: {mark.stance}",
    }
    if first:
        attrs["tabindex"] = "0"  # one tab stop per span, on its first piece
    return "<span " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">"


def highlight(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    """``text[start:end]`` as HTML, each mark overlapping it wrapped around its characters."""
    inside = [m for m in marks if m.start < end and start < m.end]
    cuts = sorted({start, end, *(max(start, min(end, p)) for m in inside for p in (m.start, m.end))})
    html: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    for a, b in zip(cuts, cuts[1:]):
        # Outermost first: earlier start, then longer; content wraps source and cue at equal ranges.
        covering = sorted((m for m in inside if m.start <= a and b <= m.end),
                          key=lambda m: (m.start, -m.end, -ROLES.index(m.role), m.index))
        keep = 0
        while keep < len(stack) and keep < len(covering) and stack[keep] == covering[keep]:
            keep += 1
        for _ in range(len(stack) - keep):
            html.append("</span>")
            stack.pop()
        for mark in covering[keep:]:
            html.append(_open(mark, mark not in opened))
            opened.add(mark)
            stack.append(mark)
        html.append(str(escape(text[a:b])))
    html.extend("</span>" for _ in stack)
    return Markup("".join(html))


def highlight_paragraphs(paragraphs: list[str], attributions: list[dict], separator: str) -> list[Markup]:
    """One highlighted HTML string per body paragraph; offsets count the separators between them."""
    marks = marks_for(attributions)
    text = separator.join(paragraphs)
    out, pos = [], 0
    for paragraph in paragraphs:
        out.append(highlight(text, pos, pos + len(paragraph), marks))
        pos += len(paragraph) + len(separator)
    return out


# -- pages --------------------------------------------------------------------------------------


def _page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, message: str, status: int) -> HTMLResponse:
    return _page(request, "error.html", status=status, message=message, status_code=status, title=f"{status}")


def _pager(result: dict, base: str) -> dict:
    """Previous/next links for a page dict (offset-based, like the API)."""
    sep = "&" if "?" in base else "?"
    offset, limit, total = result["offset"], result["limit"], result["total"]
    prev_url = f"{base}{sep}offset={max(0, offset - limit)}" if offset > 0 else None
    next_url = f"{base}{sep}offset={offset + limit}" if offset + limit < total else None
    return {"prev": prev_url, "next": next_url, "first": offset + 1 if total else 0,
            "last": min(offset + limit, total), "total": total}


def _missing(what: str, key: str):
    from fastapi import HTTPException

    raise HTTPException(status_code=404, detail=f"no {what} {key!r}")


@router.get("/", response_class=HTMLResponse)
def index(request: Request, offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
    result = queries.list_articles(store, limit=PAGE_SIZE, offset=offset)
    return _page(request, "index.html", title="Articles", articles=result, pager=_pager(result, "/"))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: Store = Depends(get_store)):
    data = queries.get_article(store, article_id)
    if data is None:
        _missing("article", article_id)
    body = highlight_paragraphs(data["paragraphs"], data["attributions"], PARAGRAPH_SEPARATOR)
    return _page(request, "article.html", title=data["headline"] or data["id"], article=data, body=body)


@router.get("/disputes", response_class=HTMLResponse)
def disputes(request: Request, offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
    result = queries.list_disputes(store, limit=PAGE_SIZE, offset=offset, with_sides=True)
    return _page(request, "disputes.html", title="Disputes", disputes=result, pager=_pager(result, "/disputes"))


@router.get("/disputes/{dispute_id}", response_class=HTMLResponse)
def dispute(request: Request, dispute_id: str, store: Store = Depends(get_store)):
    data = queries.get_dispute(store, dispute_id)
    if data is None:
        _missing("dispute", dispute_id)
    result = queries.page([data], 1, 1, 0)
    return _page(request, "disputes.html", title=data["proposition"], disputes=result, pager=None, single=True)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
    result = queries.list_entities(store, limit=PAGE_SIZE * 5, offset=offset)
    return _page(request, "entities.html", title="Entities", entities=result, pager=_pager(result, "/entities"))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, store: Store = Depends(get_store)):
    data = queries.get_entity(store, entity_id)
    if data is None:
        _missing("entity", entity_id)
    return _page(request, "entity.html", title=data["name"], entity=data)


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, entity: str | None = None, offset: int = Query(0, ge=0),
           store: Store = Depends(get_store)):
    result = queries.list_claims(store, entity=entity, limit=PAGE_SIZE * 5, offset=offset)
    base = f"/claims?{urlencode({'entity': entity})}" if entity else "/claims"
    return _page(request, "claims.html", title="Claims", claims=result, timeline=queries.timeline(result["items"]),
                 entity=entity, pager=_pager(result, base))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: str, store: Store = Depends(get_store)):
    data = queries.get_claim(store, claim_id)
    if data is None:
        _missing("claim", claim_id)
    return _page(request, "claim.html", title=data["text"][:80], claim=data)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
    results = queries.search_all(store, q, limit=PAGE_SIZE, offset=offset) if q.strip() else None
    pager = None
    if results:  # one pager for both lists: it runs until the longer one ends
        longer = max(results["articles"], results["claims"], key=lambda r: r["total"])
        pager = _pager(longer, f"/search?{urlencode({'q': q})}")
    return _page(request, "search.html", title=f"Search: {q}" if q else "Search", q=q, results=results,
                 pager=pager)


def snippet_html(snippet: str) -> Markup:
    """A search snippet (matches in [brackets], plain text) with the matches in <mark>, escaped."""
    from claimscope.store.store import SNIPPET_END, SNIPPET_START

    out, rest = [], snippet
    while SNIPPET_START in rest and SNIPPET_END in rest.split(SNIPPET_START, 1)[1]:
        before, rest = rest.split(SNIPPET_START, 1)
        word, rest = rest.split(SNIPPET_END, 1)
        out.append(f"{escape(before)}<mark>{escape(word)}</mark>")
    out.append(str(escape(rest)))
    return Markup("".join(out))


templates.env.filters["snippet"] = snippet_html


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
