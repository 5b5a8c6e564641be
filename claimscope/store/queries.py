"""Read-only queries over a Store: what the API routes and the web pages both show.

Every function takes an open ``Store`` and returns plain dicts (JSON-ready, template-ready), so a
route serialises what a page renders and the two cannot disagree. Lists come as a ``page`` dict:
``{"items", "total", "limit", "offset"}``; the caller adds links. SQL here uses ``?`` placeholders
and nothing engine-specific, so both engines answer the same (full-text search goes through
``Store.search``, the one place that differs).
"""
from __future__ import annotations

import json
from typing import Any

from claimscope.model import Dispute, Entity, EntityKind, Stance
from claimscope.store.store import Store

DEFAULT_LIMIT = 20
MAX_LIMIT = 200
# Full-text search ranks on the engine and has no count; a query's hits are fetched up to this many
# and paged in Python, so ``total`` is exact below it and capped at it.
MAX_SEARCH_HITS = 1000


def page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


# -- articles -----------------------------------------------------------------------------------


def list_articles(store: Store, *, q: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict:
    """Articles in ingest order, or those matching a full-text query (best first, with a snippet)."""
    if q and q.strip():
        hits = store.search(q, limit=MAX_SEARCH_HITS)
        meta = _article_meta(store, [h.id for h in hits[offset:offset + limit]])
        items = [{**meta.get(h.id, {"id": h.id, "headline": h.headline}), "snippet": h.snippet}
                 for h in hits[offset:offset + limit]]
        return page(items, len(hits), limit, offset)
    items = [{"id": a.id, "headline": a.headline, "published": a.published, "outlet": a.outlet,
              "source_file": a.source_file} for a in store.list_articles(limit=limit, offset=offset)]
    return page(items, store.count_articles(), limit, offset)


def _article_meta(store: Store, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = store.read(
        f"SELECT id, headline, published, outlet, source_file FROM articles WHERE id IN ({marks})", tuple(ids)
    )
    return {r[0]: {"id": r[0], "headline": r[1], "published": r[2], "outlet": r[3], "source_file": r[4]}
            for r in rows}


def get_article(store: Store, article_id: str) -> dict | None:
    """The ArticleAnalysis JSON with every span; claims also name their speaker's entity. None if absent."""
    try:
        analysis = store.get_analysis(article_id)
    except KeyError:
        return None
    out = analysis.to_json()
    out["claims"] = [_claim_row(r) for r in store.read(
        f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE article_id = ? ORDER BY attribution_index", (article_id,)
    )]
    out["disputes"] = [_dispute_row(r) for r in store.read(
        f"SELECT {_DISPUTE_COLUMNS} FROM disputes WHERE id IN "
        "(SELECT dispute_id FROM dispute_articles WHERE article_id = ?) ORDER BY confidence DESC, id",
        (article_id,),
    )]
    return out


# -- attributions -------------------------------------------------------------------------------


def list_attributions(
    store: Store,
    *,
    entity: str | None = None,
    stance: Stance | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> dict:
    """Attributions across articles, newest article first; filters combine (AND).

    ``entity`` is an entity id or a name (any of an entity's names, case-insensitive): it matches
    the entity shown (a short form merged across articles is shown as the entity it joined), or
    the source's resolved name, so it works before entities are merged across articles.
    ``since``/``until`` compare ISO dates with the article's published date (inclusive).
    """
    where, params = [], []
    if entity:
        ids, names = _entity_ids(store, entity)
        where.append(f"(t.source_entity_id IN ({_marks(ids)}) OR lower(t.source_resolved) IN ({_marks(names)}))")
        params += [*ids, *names]
    if stance:
        where.append("t.stance = ?")
        params.append(Stance(stance).value)
    if outlet:
        where.append("lower(a.outlet) = ?")
        params.append(outlet.lower())
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        # "2025-04-26" must keep "2025-04-26T10:00": compare the date part only.
        where.append("substr(a.published, 1, ?) <= ?")
        params += [len(until), until]
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    base = f"FROM attributions t JOIN articles a ON a.id = t.article_id {clause}"
    total = int(store.read_one(f"SELECT count(*) {base}", tuple(params))[0])
    rows = store.read(
        "SELECT t.article_id, t.ordinal, t.source_text, t.source_start, t.source_end, t.cue_text, t.cue_start, "
        "t.cue_end, t.contents, t.stance, t.direct, t.confidence, t.source_resolved, t.source_entity_id, "
        f"a.headline, a.published, a.outlet {base} "
        "ORDER BY a.published DESC, t.article_id, t.ordinal LIMIT ? OFFSET ?",
        (*params, int(limit), int(offset)),
    )
    items = []
    for r in rows:
        items.append({
            "article_id": r[0], "index": r[1],
            "source": None if r[3] is None else {"start": r[3], "end": r[4], "text": r[2]},
            "cue": None if r[6] is None else {"start": r[6], "end": r[7], "text": r[5]},
            "contents": _loads(r[8]), "stance": r[9], "direct": bool(r[10]), "confidence": round(float(r[11]), 4),
            "source_resolved": r[12], "source_entity_id": r[13],
            "article": {"id": r[0], "headline": r[14], "published": r[15], "outlet": r[16]},
        })
    return page(items, total, limit, offset)


# -- entities -----------------------------------------------------------------------------------


def _marks(values) -> str:
    return ", ".join("?" for _ in values)


def _entity_ids(store: Store, entity: str) -> tuple[list[str], list[str]]:
    """The ids of the entities shown for an id or a name (an entity merged across articles is
    shown as the one it joined), and the lower-cased names a resolved source may match."""
    rows = store.read("SELECT id, coalesce(canonical_id, id) FROM entities WHERE id = ? OR lower(name) = ?",
                      (entity, entity.lower()))
    ids = sorted({r[1] for r in rows}) or [entity]
    names = {entity.lower()} | {r[0].lower() for r in store.read(
        f"SELECT name FROM entities WHERE id IN ({_marks(ids)}) OR canonical_id IN ({_marks(ids)})", (*ids, *ids))}
    return ids, sorted(names)


def _with_merged_names(store: Store, entities: list[dict]) -> list[dict]:
    """Each shown entity's aliases and roles with those of the entities that joined it: "Umerov"
    (named alone in another article) is an alias of Rustem Umerov."""
    ids = [e["id"] for e in entities]
    if not ids:
        return entities
    joined: dict[str, list[tuple]] = {}
    for r in store.read(f"SELECT canonical_id, name, aliases, roles FROM entities WHERE canonical_id IN ({_marks(ids)}) "
                        "ORDER BY name, id", tuple(ids)):
        joined.setdefault(r[0], []).append(r)
    out = []
    for e in entities:
        aliases, roles = list(e["aliases"]), list(e["roles"])
        for _, name, more_aliases, more_roles in joined.get(e["id"], ()):
            aliases += [a for a in (name, *_loads(more_aliases)) if a not in aliases and a != e["name"]]
            roles += [r for r in _loads(more_roles) if r not in roles]
        out.append({**e, "aliases": aliases, "roles": roles})
    return out


def list_entities(store: Store, *, kind: EntityKind | None = None, limit: int = DEFAULT_LIMIT,
                  offset: int = 0) -> dict:
    """Entities with how often they are mentioned and in how many articles, most mentioned first.

    An entity merged across articles into a longer one is not listed: its mentions, and its
    names as aliases, count for the entity it joined."""
    clause, params = ("WHERE e.canonical_id IS NULL AND e.kind = ?", [EntityKind(kind).value]) if kind else \
        ("WHERE e.canonical_id IS NULL", [])
    total = int(store.read_one(f"SELECT count(*) FROM entities e {clause}", tuple(params))[0])
    rows = store.read(
        "SELECT e.id, e.name, e.kind, e.aliases, e.roles, coalesce(sum(ae.mention_count), 0) AS mentions, "
        "count(ae.article_id) AS articles FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id "
        f"{clause} GROUP BY e.id, e.name, e.kind, e.aliases, e.roles "
        "ORDER BY mentions DESC, e.name, e.id LIMIT ? OFFSET ?",
        (*params, int(limit), int(offset)),
    )
    items = [{"id": r[0], "name": r[1], "kind": r[2], "aliases": _loads(r[3]), "roles": _loads(r[4]),
              "mention_count": int(r[5]), "article_count": int(r[6])} for r in rows]
    return page(_with_merged_names(store, items), total, limit, offset)


def get_entity(store: Store, entity_id: str) -> dict | None:
    """One entity: aliases, roles, what it said over time (claims, oldest first) and who contradicted it.

    The id of an entity merged across articles gives the entity it joined."""
    row = store.read_one(
        "SELECT c.id, c.name, c.kind, c.aliases, c.roles FROM entities e "
        "JOIN entities c ON c.id = coalesce(e.canonical_id, e.id) WHERE e.id = ?", (entity_id,))
    if row is None:
        return None
    shown = _with_merged_names(store, [{"id": row[0], "name": row[1], "aliases": _loads(row[3]),
                                        "roles": _loads(row[4])}])[0]
    entity = Entity(id=row[0], name=row[1], kind=EntityKind(row[2]), aliases=tuple(shown["aliases"]),
                    roles=tuple(shown["roles"]))
    entity_id = entity.id
    names = {entity.name, *entity.aliases}
    articles = store.read(
        "SELECT ae.article_id, ae.mention_count, a.headline, a.published FROM article_entities ae "
        "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? ORDER BY a.published, a.id",
        (entity_id,),
    )
    claims = _claims_by(store, entity.id, entity.name)
    disputes = []
    for dispute in _disputes_naming(store, names):
        side = "asserted" if names & set(dispute["asserted_by"]) else "denied"
        opponents = dispute["denied_by"] if side == "asserted" else dispute["asserted_by"]
        disputes.append({**dispute, "side": side, "contradicted_by": opponents})
    return {
        **entity.to_json(),
        "mention_count": sum(int(r[1]) for r in articles),
        "articles": [{"id": r[0], "mention_count": int(r[1]), "headline": r[2], "published": r[3]} for r in articles],
        "claims": claims,
        "timeline": timeline(claims),
        "disputes": disputes,
        "contradicted_by": sorted({name for d in disputes for name in d["contradicted_by"]}),
    }


def _claims_by(store: Store, entity_id: str, name: str) -> list[dict]:
    rows = store.read(
        f"SELECT {_CLAIM_COLUMNS_C}, a.headline FROM claims c JOIN articles a ON a.id = c.article_id "
        "WHERE c.speaker_entity_id = ? OR (c.speaker_entity_id IS NULL AND c.speaker = ?) "
        "ORDER BY c.date, c.article_id, c.attribution_index",
        (entity_id, name),
    )
    return [{**_claim_row(r[:-1]), "headline": r[-1]} for r in rows]


def _disputes_naming(store: Store, names: set[str]) -> list[dict]:
    # The sides are JSON arrays of names: LIKE narrows the rows on either engine, Python decides.
    clauses = " OR ".join("asserted_by LIKE ? OR denied_by LIKE ?" for _ in names)
    params = [p for n in sorted(names) for p in (f"%{json.dumps(n)}%",) * 2]
    rows = store.read(
        f"SELECT {_DISPUTE_COLUMNS} FROM disputes WHERE {clauses} ORDER BY id", tuple(params)
    )
    out = [_dispute_row(r) for r in rows]
    return [d for d in out if names & (set(d["asserted_by"]) | set(d["denied_by"]))]


def timeline(claims: list[dict]) -> list[dict]:
    """Claims grouped by date (ISO day or coarser), oldest first; undated claims last."""
    groups: dict[str | None, list[dict]] = {}
    for claim in claims:
        groups.setdefault(claim.get("date"), []).append(claim)
    dated = sorted(k for k in groups if k is not None)
    return [{"date": d, "claims": groups[d]} for d in [*dated, *([None] if None in groups else [])]]


# -- claims -------------------------------------------------------------------------------------

_CLAIM_FIELDS = ("id", "article_id", "attribution_index", "text", "speaker", "speaker_entity_id", "stance",
                 "is_negated", "subjects", "date", "places", "unverified")
_CLAIM_COLUMNS = ", ".join(_CLAIM_FIELDS)
_CLAIM_COLUMNS_C = ", ".join(f"c.{f}" for f in _CLAIM_FIELDS)


def _claim_row(r) -> dict:
    v = dict(zip(_CLAIM_FIELDS, r))
    for name in ("subjects", "places"):
        v[name] = _loads(v[name])
    for name in ("is_negated", "unverified"):
        v[name] = bool(v[name])
    return v


def list_claims(store: Store, *, entity: str | None = None, q: str | None = None, limit: int = DEFAULT_LIMIT,
                offset: int = 0) -> dict:
    """Claims by date (undated last); ``entity`` (id or name, as ``list_attributions``) keeps its own,
    ``q`` needs every word."""
    where, params = [], []
    if entity:
        ids, names = _entity_ids(store, entity)
        where.append(f"(c.speaker_entity_id IN ({_marks(ids)}) OR lower(c.speaker) IN ({_marks(names)}))")
        params += [*ids, *names]
    for word in (q or "").split():
        where.append("lower(c.text) LIKE ?")
        params.append(f"%{word.lower()}%")
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    total = int(store.read_one(f"SELECT count(*) FROM claims c {clause}", tuple(params))[0])
    rows = store.read(
        f"SELECT {_CLAIM_COLUMNS_C}, a.headline FROM claims c JOIN articles a ON a.id = c.article_id {clause} "
        "ORDER BY CASE WHEN c.date IS NULL THEN 1 ELSE 0 END, c.date, c.article_id, c.attribution_index "
        "LIMIT ? OFFSET ?",
        (*params, int(limit), int(offset)),
    )
    return page([{**_claim_row(r[:-1]), "headline": r[-1]} for r in rows], total, limit, offset)


def get_claim(store: Store, claim_id: str) -> dict | None:
    """One claim with its article's headline and the claims linked to it (either direction)."""
    row = store.read_one(
        f"SELECT {_CLAIM_COLUMNS_C}, a.headline FROM claims c JOIN articles a ON a.id = c.article_id "
        "WHERE c.id = ?", (claim_id,)
    )
    if row is None:
        return None
    links = store.read(
        "SELECT claim_b, similarity FROM claim_links WHERE claim_a = ? "
        "UNION SELECT claim_a, similarity FROM claim_links WHERE claim_b = ?",
        (claim_id, claim_id),
    )
    linked = []
    for other_id, similarity in sorted(links, key=lambda r: (-float(r[1]), r[0])):
        other = store.read_one(
            f"SELECT {_CLAIM_COLUMNS_C}, a.headline FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE c.id = ?", (other_id,)
        )
        if other is not None:
            linked.append({**_claim_row(other[:-1]), "headline": other[-1], "similarity": round(float(similarity), 4)})
    return {**_claim_row(row[:-1]), "headline": row[-1], "linked": linked}


# -- disputes -----------------------------------------------------------------------------------

_DISPUTE_FIELDS = ("id", "proposition", "asserted_by", "denied_by", "asserting_claims", "denying_claims",
                   "evidence", "articles", "confidence", "kind")
_DISPUTE_COLUMNS = ", ".join(_DISPUTE_FIELDS)


def _dispute_row(r) -> dict:
    v = dict(zip(_DISPUTE_FIELDS, r))
    data = {k: (_loads(v[k]) if k not in ("id", "proposition", "confidence", "kind") else v[k]) for k in v}
    return Dispute.from_json({**data, "confidence": float(data["confidence"])}).to_json()


def list_disputes(store: Store, *, limit: int = DEFAULT_LIMIT, offset: int = 0, with_sides: bool = False) -> dict:
    """Disputes, most confident first; ``with_sides`` adds each side's claims and evidence (for pages)."""
    total = int(store.read_one("SELECT count(*) FROM disputes")[0])
    rows = store.read(
        f"SELECT {_DISPUTE_COLUMNS} FROM disputes ORDER BY confidence DESC, id LIMIT ? OFFSET ?",
        (int(limit), int(offset)),
    )
    items = [_dispute_row(r) for r in rows]
    if with_sides:
        items = [_with_sides(store, d) for d in items]
    return page(items, total, limit, offset)


def get_dispute(store: Store, dispute_id: str) -> dict | None:
    """One dispute with both sides: who, their claims, and the evidence, each linking to its article."""
    row = store.read_one(f"SELECT {_DISPUTE_COLUMNS} FROM disputes WHERE id = ?", (dispute_id,))
    return None if row is None else _with_sides(store, _dispute_row(row))


def _with_sides(store: Store, dispute: dict) -> dict:
    ids = [*dispute["asserting_claims"], *dispute["denying_claims"]]
    claims: dict[str, dict] = {}
    if ids:
        marks = ", ".join("?" for _ in ids)
        for r in store.read(
            f"SELECT {_CLAIM_COLUMNS_C}, a.headline FROM claims c JOIN articles a ON a.id = c.article_id "
            f"WHERE c.id IN ({marks})", tuple(ids)
        ):
            claims[r[0]] = {**_claim_row(r[:-1]), "headline": r[-1]}
    headlines = {a["id"]: a["headline"] for a in _article_meta(store, list(dispute["articles"])).values()}

    def side(names: list[str], claim_ids: list[str]) -> dict:
        side_claims = [claims[c] for c in claim_ids if c in claims]
        ranges = [r for c in side_claims for r in _attribution_ranges(store, c["article_id"], c["attribution_index"])]
        # Evidence records do not say which side they back: an evidence span goes to the side whose
        # claim's attribution (source, cue or content) it overlaps in the same article.
        evidence = [{**e, "headline": headlines.get(e["article_id"])} for e in dispute["evidence"]
                    if any(e["article_id"] == a and e["start"] < end and start < e["end"] for a, start, end in ranges)]
        return {"entities": names, "claims": side_claims, "evidence": evidence}

    return {
        **dispute,
        "assert_side": side(dispute["asserted_by"], dispute["asserting_claims"]),
        "deny_side": side(dispute["denied_by"], dispute["denying_claims"]),
        "article_links": [{"id": a, "headline": headlines.get(a)} for a in dispute["articles"]],
    }


def _attribution_ranges(store: Store, article_id: str, ordinal: int) -> list[tuple[str, int, int]]:
    row = store.read_one(
        "SELECT source_start, source_end, cue_start, cue_end, contents FROM attributions "
        "WHERE article_id = ? AND ordinal = ?", (article_id, ordinal),
    )
    if row is None:
        return []
    out = [(article_id, int(s), int(e)) for s, e in ((row[0], row[1]), (row[2], row[3])) if s is not None]
    return out + [(article_id, int(c["start"]), int(c["end"])) for c in _loads(row[4])]


# -- search across articles and claims ----------------------------------------------------------


def search_all(store: Store, q: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict:
    """Articles (full-text, with snippets) and claims (every word in the claim text) matching ``q``.

    ``offset`` pages both lists together (the search page has one pager).
    """
    return {
        "q": q,
        "articles": list_articles(store, q=q, limit=limit, offset=offset),
        "claims": list_claims(store, q=q, limit=limit, offset=offset),
    }


def clamp_limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIMIT))
