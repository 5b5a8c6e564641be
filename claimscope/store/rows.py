"""Records <-> rows: how each record of an ArticleAnalysis is laid out in the store's tables.

Kept apart from ``store.py`` (which decides *when* rows are written) so the layout is one page:
columns are named after record fields, list fields are JSON text, booleans in the claim-map
tables are 0/1 integers (their migration declares INTEGER on both engines).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from claimscope.model import (
    ARTICLE_BOUND_ALIASES,
    Article,
    Attribution,
    Claim,
    DateRef,
    Dispute,
    Entity,
    Figure,
    Place,
    PublishedFrom,
    SourceSegment,
    Span,
    Stance,
    UnverifiedMarker,
)


def to_json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _insert(table: str, fields: tuple[str, ...], suffix: str = "") -> str:
    marks = ", ".join("?" for _ in fields)
    return f"INSERT INTO {table} ({', '.join(fields)}) VALUES ({marks}){suffix}"


# -- articles ---------------------------------------------------------------------------------

ARTICLE_FIELDS = (
    "id", "headline", "paragraphs", "captions", "photo_credits", "subheadings", "published",
    "published_from", "agency", "url", "outlet", "language", "source_file", "source_map", "notes", "text",
)
ARTICLE_COLUMNS = ", ".join(ARTICLE_FIELDS)
INSERT_ARTICLE = _insert("articles", ARTICLE_FIELDS, " ON CONFLICT (id) DO NOTHING")


def article_row(a: Article) -> tuple:
    return (
        a.id, a.headline, to_json_text(list(a.paragraphs)), to_json_text(list(a.captions)),
        to_json_text(list(a.photo_credits)), to_json_text(list(a.subheadings)), a.published,
        a.published_from.value if a.published_from else None, a.agency, a.url, a.outlet, a.language,
        a.source_file, to_json_text([{"start": s.start, "end": s.end, "raw_start": s.raw_start} for s in a.source_map]),
        to_json_text(list(a.notes)), a.text,
    )


def article_from_row(r: tuple) -> Article:
    values = dict(zip(ARTICLE_FIELDS, r))
    del values["text"]  # derived from the paragraphs
    for name in ("paragraphs", "captions", "photo_credits", "subheadings", "notes"):
        values[name] = tuple(json.loads(values[name]))
    values["source_map"] = tuple(SourceSegment(**s) for s in json.loads(values["source_map"]))
    if values["published_from"] is not None:
        values["published_from"] = PublishedFrom(values["published_from"])
    return Article(**values)


# -- attributions -----------------------------------------------------------------------------

ATTRIBUTION_FIELDS = (
    "article_id", "ordinal", "source_start", "source_end", "source_text", "cue_start", "cue_end",
    "cue_text", "contents", "stance", "direct", "confidence", "source_resolved", "source_entity_id",
)
ATTRIBUTION_COLUMNS = ", ".join(ATTRIBUTION_FIELDS)
# source_entity_id is repointed when entities merge across articles (migration 0006); the id the
# article's analysis gave is kept beside it, as merging (and un-merging) starts from it.
INSERT_ATTRIBUTION = _insert("attributions", (*ATTRIBUTION_FIELDS, "source_article_entity_id"))


def _span_columns(span: Span | None) -> tuple:
    return (span.start, span.end, span.text) if span is not None else (None, None, None)


def _span_from_columns(start, end, text) -> Span | None:
    return None if start is None else Span(start=int(start), end=int(end), text=text)


def attribution_row(a: Attribution, ordinal: int) -> tuple:
    return (
        a.article_id, ordinal, *_span_columns(a.source), *_span_columns(a.cue),
        to_json_text([c.to_json() for c in a.contents]), a.stance.value, a.direct, float(a.confidence),
        a.source_resolved, a.source_entity_id, a.source_entity_id,
    )


def attribution_from_row(r: tuple) -> Attribution:
    v = dict(zip(ATTRIBUTION_FIELDS, r))
    return Attribution(
        article_id=v["article_id"],
        source=_span_from_columns(v["source_start"], v["source_end"], v["source_text"]),
        cue=_span_from_columns(v["cue_start"], v["cue_end"], v["cue_text"]),
        contents=tuple(Span(**c) for c in json.loads(v["contents"])),
        stance=Stance(v["stance"]),
        direct=bool(v["direct"]),
        confidence=float(v["confidence"]),
        source_resolved=v["source_resolved"],
        source_entity_id=v["source_entity_id"],
    )


# -- per-article knowledge (migration 0003) ----------------------------------------------------

KNOWLEDGE_FIELDS = ("article_id", "entities", "places", "dates", "figures", "unverified")
INSERT_KNOWLEDGE = _insert("article_knowledge", KNOWLEDGE_FIELDS)
_KNOWLEDGE_RECORDS = {"entities": Entity, "places": Place, "dates": DateRef, "figures": Figure,
                      "unverified": UnverifiedMarker}


def knowledge_row(article_id: str, records: dict[str, tuple]) -> tuple:
    return (article_id, *(to_json_text([r.to_json() for r in records[name]]) for name in KNOWLEDGE_FIELDS[1:]))


def knowledge_from_row(r: tuple | None) -> dict[str, tuple]:
    if r is None:
        return {name: () for name in _KNOWLEDGE_RECORDS}
    return {name: tuple(_KNOWLEDGE_RECORDS[name].from_json(d) for d in json.loads(value))
            for name, value in zip(KNOWLEDGE_FIELDS[1:], r[1:])}


ENTITY_FIELDS = ("id", "name", "kind", "aliases", "roles")
INSERT_ENTITY = _insert("entities", ENTITY_FIELDS, " ON CONFLICT (id) DO NOTHING")
UPDATE_ENTITY_NAMES = "UPDATE entities SET aliases = ?, roles = ? WHERE id = ?"
INSERT_ARTICLE_ENTITY = _insert("article_entities", ("article_id", "entity_id", "mention_count"))


def entity_row(e: Entity) -> tuple:
    """The canonical entity's first row: its name, kind, and the aliases that hold beyond one article."""
    aliases = [a for a in e.aliases if a.lower() not in ARTICLE_BOUND_ALIASES]
    return (e.id, e.name, e.kind.value, to_json_text(aliases), to_json_text(list(e.roles)))


def merged_names(stored: tuple[str, str], e: Entity) -> tuple[str, str]:
    """The stored canonical entity's aliases and roles (JSON text) with this article's added."""
    aliases = json.loads(stored[0])
    roles = json.loads(stored[1])
    aliases += [a for a in e.aliases if a not in aliases and a.lower() not in ARTICLE_BOUND_ALIASES and a != e.name]
    roles += [r for r in e.roles if r not in roles]
    return to_json_text(aliases), to_json_text(roles)


def article_entity_rows(article_id: str, entities: tuple[Entity, ...]) -> list[tuple]:
    counts = Counter()
    for entity in entities:
        counts[entity.id] += len(entity.mentions)
    return [(article_id, entity_id, count) for entity_id, count in counts.items()]


# -- claims and disputes (migration 0003) ------------------------------------------------------

CLAIM_FIELDS = ("id", "article_id", "attribution_index", "text", "speaker", "speaker_entity_id", "stance",
                "is_negated", "subjects", "date", "places", "unverified")
CLAIM_COLUMNS = ", ".join(CLAIM_FIELDS)
INSERT_CLAIM = _insert("claims", CLAIM_FIELDS)


def claim_row(c: Claim, speaker_entity_id: str | None) -> tuple:
    return (c.id, c.article_id, c.attribution_index, c.text, c.speaker, speaker_entity_id, c.stance.value,
            int(c.is_negated), to_json_text(list(c.subjects)), c.date, to_json_text(list(c.places)),
            int(c.unverified))


def claim_from_row(r: tuple) -> Claim:
    v = dict(zip(CLAIM_FIELDS, r))
    del v["speaker_entity_id"]  # not a Claim field: the store derives it from the attribution
    return Claim(**{**v, "stance": Stance(v["stance"]), "is_negated": bool(v["is_negated"]),
                    "unverified": bool(v["unverified"]), "subjects": tuple(json.loads(v["subjects"])),
                    "places": tuple(json.loads(v["places"])), "attribution_index": int(v["attribution_index"])})


DISPUTE_FIELDS = ("id", "proposition", "asserted_by", "denied_by", "asserting_claims", "denying_claims",
                  "evidence", "articles", "confidence", "kind")
DISPUTE_COLUMNS = ", ".join(DISPUTE_FIELDS)
INSERT_DISPUTE = _insert("disputes", DISPUTE_FIELDS, " ON CONFLICT (id) DO NOTHING")
INSERT_DISPUTE_ARTICLE = _insert("dispute_articles", ("dispute_id", "article_id"),
                                 " ON CONFLICT (dispute_id, article_id) DO NOTHING")
_DISPUTE_JSON = ("asserted_by", "denied_by", "asserting_claims", "denying_claims", "evidence", "articles")


def dispute_row(d: Dispute) -> tuple:
    data = d.to_json()
    return tuple(
        to_json_text(data[f]) if f in _DISPUTE_JSON else float(d.confidence) if f == "confidence" else data[f]
        for f in DISPUTE_FIELDS
    )


def dispute_from_row(r: tuple) -> Dispute:
    v = dict(zip(DISPUTE_FIELDS, r))
    data = {k: json.loads(v[k]) if k in _DISPUTE_JSON else v[k] for k in v}
    return Dispute.from_json({**data, "confidence": float(data["confidence"])})
