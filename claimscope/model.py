"""Frozen records every stage speaks.

Stages exchange these, never spaCy objects, so that the store, the runners and the API need no
NLP library and every record pickles (Dask) and serialises (JSON, SQL) as is. Records validate
once, in ``__post_init__``: readers convert raw values, records reject wrong ones.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Stance(StrEnum):
    """The speech act a source performs on the content it is credited with."""

    ASSERT = "assert"
    DENY = "deny"
    CONFIRM = "confirm"
    PREDICT = "predict"
    ACCUSE = "accuse"
    PRAISE = "praise"
    CRITICIZE = "criticize"
    QUESTION = "question"
    OTHER = "other"


class PublishedFrom(StrEnum):
    """Where an article's published date was read from."""

    METADATA = "metadata"
    DATELINE = "dateline"
    CAPTION = "caption"


def _check_type(owner: str, name: str, value, expected: type | tuple[type, ...]) -> None:
    if not isinstance(value, expected):
        raise TypeError(f"{owner}.{name} must be {_type_name(expected)} (got {value!r})")


def _type_name(expected) -> str:
    if isinstance(expected, tuple):
        return " or ".join(t.__name__ for t in expected)
    return expected.__name__


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A half-open character range into ``Article.text`` with the text it covers.

    Build spans with :meth:`Span.of` so the text is cut from the article and cannot drift.
    """

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_type("Span", "start", self.start, int)
        _check_type("Span", "end", self.end, int)
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Span needs 0 <= start <= end (got {self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"Span.text has {len(self.text)} characters, the range {self.end - self.start}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceSegment:
    """``Article.text[start:end]`` is a verbatim copy of the raw input from ``raw_start`` on."""

    start: int
    end: int
    raw_start: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RawArticle:
    """One article's stretch of raw input as a reader found it, before cleaning.

    ``text`` is the raw stretch (for HTML and WARC: the main text the extractor found);
    ``raw_start`` is where it begins in the decoded input; the metadata fields are those the
    format carries (JSONL keys, HTML meta tags), or None.
    """

    source_file: str
    text: str
    raw_start: int = 0
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    byline: str | None = None
    notes: tuple[str, ...] = ()
    is_structured: bool = False  # metadata and paragraphs came from a structured format


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A clean article: body paragraphs and the page furniture around them, kept apart."""

    id: str
    headline: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    photo_credits: tuple[str, ...] = ()
    subheadings: tuple[str, ...] = ()
    published: str | None = None
    published_from: PublishedFrom | None = None
    agency: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    source_file: str | None = None
    source_map: tuple[SourceSegment, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_type("Article", "id", self.id, str)
        for name in ("paragraphs", "captions", "photo_credits", "subheadings", "source_map", "notes"):
            _check_type("Article", name, getattr(self, name), tuple)
        if self.published_from is not None:
            _check_type("Article", "published_from", self.published_from, PublishedFrom)

    @property
    def text(self) -> str:
        """The body paragraphs joined by one blank line: what every span points into."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for p in self.paragraphs:
            out.append((pos, pos + len(p)))
            pos += len(p) + len(PARAGRAPH_SEPARATOR)
        return out

    def raw_offset(self, offset: int) -> int | None:
        """Where character ``offset`` of ``text`` stands in the raw input, if it was copied verbatim."""
        for seg in self.source_map:
            if seg.start <= offset < seg.end:
                return seg.raw_start + offset - seg.start
        return None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "headline": self.headline,
            "published": self.published,
            "published_from": self.published_from.value if self.published_from else None,
            "agency": self.agency,
            "url": self.url,
            "outlet": self.outlet,
            "language": self.language,
            "captions": list(self.captions),
            "photo_credits": list(self.photo_credits),
            "subheadings": list(self.subheadings),
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "source_file": self.source_file,
        }


PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """Who said what: a source, its cue, the content it is credited with, and its stance."""

    article_id: str
    source: Span | None  # None: no source in the text, or a speaker carried from an earlier paragraph
    cue: Span | None  # None for a quote paragraph with no cue
    contents: tuple[Span, ...]  # a split quote has several parts
    stance: Stance
    direct: bool
    confidence: float
    source_resolved: str | None = None  # the entity's fullest name in the article
    source_entity_id: str | None = None  # filled when entities are merged

    def __post_init__(self) -> None:
        _check_type("Attribution", "stance", self.stance, Stance)
        _check_type("Attribution", "contents", self.contents, tuple)
        _check_type("Attribution", "direct", self.direct, bool)
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"Attribution.confidence must lie in [0, 1] (got {self.confidence!r})")

    def to_json(self) -> dict:
        return {
            "source": self.source.to_json() if self.source else None,
            "source_resolved": self.source_resolved,
            "cue": self.cue.to_json() if self.cue else None,
            "contents": [c.to_json() for c in self.contents],
            "direct": self.direct,
            "stance": self.stance.value,
            "confidence": round(self.confidence, 4),
        }




# --- knowledge: dates, places, figures, entities found in one article ---

class Granularity(StrEnum):
    """How precise a date is; ``DURATION`` marks a length of time, never a point (value None)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    DURATION = "duration"
    VAGUE = "vague"


class PlaceKind(StrEnum):
    """What a gazetteer entry is; ``UNRESOLVED`` is a place the gazetteer does not hold."""

    CONTINENT = "continent"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    UNRESOLVED = "unresolved"


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    GROUP = "group"


def _check_range(owner: str, start: int, end: int, text: str) -> None:
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
        raise ValueError(f"{owner} needs integer offsets 0 <= start <= end (got {start!r}, {end!r})")
    if len(text) != end - start:
        raise ValueError(f"{owner}.text has {len(text)} characters, the range {end - start}")


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRef:
    """A time expression as written (no leading preposition) and its ISO 8601 value.

    ``value`` is at the expression's own granularity ("2024-08", "1979"); an interval is
    "start/end" ("1996/2001"); None when the expression is not a point in time.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: Granularity

    def __post_init__(self) -> None:
        _check_range("DateRef", self.start, self.end, self.text)
        if not isinstance(self.granularity, Granularity):
            raise TypeError(f"DateRef.granularity must be a Granularity (got {self.granularity!r})")

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "granularity": self.granularity.value}

    @classmethod
    def from_json(cls, data: dict) -> DateRef:
        return cls(**{**data, "granularity": Granularity(data["granularity"])})


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place mention and the gazetteer entry it resolved to (all None when unresolved).

    ``gazetteer_id`` is "geonames:<geonameid>" or, for first-level regions outside the US,
    "iso3166-2:<code>" (the packaged data carries no geonameid for them).
    """

    text: str
    start: int
    end: int
    name: str | None
    kind: PlaceKind
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    gazetteer_id: str | None

    def __post_init__(self) -> None:
        _check_range("Place", self.start, self.end, self.text)
        if not isinstance(self.kind, PlaceKind):
            raise TypeError(f"Place.kind must be a PlaceKind (got {self.kind!r})")

    @property
    def is_resolved(self) -> bool:
        return self.kind is not PlaceKind.UNRESOLVED

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "kind": self.kind.value, "country": self.country, "lat": self.lat,
                "lon": self.lon, "gazetteer_id": self.gazetteer_id}

    @classmethod
    def from_json(cls, data: dict) -> Place:
        return cls(**{**data, "kind": PlaceKind(data["kind"])})


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number with the unit it counts: "14,000 troops" -> 14000.0 "troops"."""

    text: str
    start: int
    end: int
    value: float
    unit: str

    def __post_init__(self) -> None:
        _check_range("Figure", self.start, self.end, self.text)
        if not isinstance(self.value, float):
            raise TypeError(f"Figure.value must be a float (got {self.value!r})")

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "unit": self.unit}

    @classmethod
    def from_json(cls, data: dict) -> Figure:
        return cls(**data)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One person, organisation, place or group within an article, with every mention of it.

    ``id`` is a stable hash of kind and canonical name, so the same name in two articles
    gets the same id before cross-article linking.
    """

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.kind, EntityKind):
            raise TypeError(f"Entity.kind must be an EntityKind (got {self.kind!r})")
        for name in ("aliases", "roles", "mentions"):
            if not isinstance(getattr(self, name), tuple):
                raise TypeError(f"Entity.{name} must be a tuple (got {getattr(self, name)!r})")

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind.value,
                "aliases": list(self.aliases), "roles": list(self.roles),
                "mentions": [m.to_json() for m in self.mentions]}

    @classmethod
    def from_json(cls, data: dict) -> Entity:
        return cls(id=data["id"], name=data["name"], kind=EntityKind(data["kind"]),
                   aliases=tuple(data["aliases"]), roles=tuple(data["roles"]),
                   mentions=tuple(Span(**m) for m in data["mentions"]))


# Words that name an entity only inside one article ("he said"): kept on the article's Entity, never
# added to the canonical entity many articles share, and never a short form matched across articles.
ARTICLE_BOUND_ALIASES = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"})


def canonical_entities(entities: Sequence[Entity], canonical: Mapping[str, tuple[str, str]]) -> tuple[Entity, ...]:
    """An article's entities as the cross-article entities they merged into.

    ``canonical`` maps a merged entity's id to the (id, name) of the entity it joined: the id and
    name change, the article's own name becomes an alias, its roles and mentions stay. Two of the
    article's entities that joined one become one, where the first of them stood.
    """
    out: dict[str, Entity] = {}
    for e in entities:
        if e.id in canonical:
            target, name = canonical[e.id]
            aliases = tuple(a for a in dict.fromkeys((*e.aliases, e.name)) if a != name)
            e = Entity(id=target, name=name, kind=e.kind, aliases=aliases, roles=e.roles, mentions=e.mentions)
        seen = out.get(e.id)
        if seen is not None:
            e = Entity(id=e.id, name=e.name, kind=e.kind,
                       aliases=tuple(a for a in dict.fromkeys((*seen.aliases, *e.aliases)) if a != e.name),
                       roles=tuple(dict.fromkeys((*seen.roles, *e.roles))),
                       mentions=tuple(sorted({*seen.mentions, *e.mentions}, key=lambda m: (m.start, m.end))))
        out[e.id] = e
    return tuple(out.values())


# --- claims and disputes ---


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A span of one article's text that supports one side of a dispute."""

    article_id: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_range("Evidence", self.start, self.end, self.text)

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: dict) -> Evidence:
        return cls(**data)


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """The proposition one attribution puts forward, as a standalone statement where possible.

    ``attribution_index`` points into its article's ``ArticleAnalysis.attributions``; ``id`` is a
    hash of article id and that index, so re-analysing an article gives the same ids.
    """

    id: str
    article_id: str
    attribution_index: int
    text: str  # the proposition, pronouns inside the content resolved where possible
    speaker: str | None  # the attribution's source_resolved
    stance: Stance
    is_negated: bool = False  # polarity: the proposition itself is negative ("will not lead to anything")
    subjects: tuple[str, ...] = ()  # entity names the proposition is about
    date: str | None = None  # ISO value: when it was said (the text's date, else the article's)
    places: tuple[str, ...] = ()
    unverified: bool = False

    def __post_init__(self) -> None:
        _check_type("Claim", "stance", self.stance, Stance)
        _check_type("Claim", "subjects", self.subjects, tuple)
        _check_type("Claim", "places", self.places, tuple)

    def to_json(self) -> dict:
        return {"id": self.id, "article_id": self.article_id, "attribution_index": self.attribution_index,
                "text": self.text, "speaker": self.speaker, "stance": self.stance.value,
                "is_negated": self.is_negated, "subjects": list(self.subjects), "date": self.date,
                "places": list(self.places), "unverified": self.unverified}

    @classmethod
    def from_json(cls, data: dict) -> Claim:
        return cls(**{**data, "stance": Stance(data["stance"]), "subjects": tuple(data["subjects"]),
                      "places": tuple(data["places"])})


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimLink:
    """Two claims that state the same proposition (in one article or across articles)."""

    claim_a: str
    claim_b: str
    similarity: float

    def to_json(self) -> dict:
        return {"claim_a": self.claim_a, "claim_b": self.claim_b, "similarity": round(self.similarity, 4)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Dispute:
    """One party asserts what another denies or contradicts (or opposed predictions)."""

    id: str
    proposition: str
    asserted_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    asserting_claims: tuple[str, ...]
    denying_claims: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    articles: tuple[str, ...]
    confidence: float
    kind: str = "contradiction"  # or "opposed_prediction"

    def __post_init__(self) -> None:
        for name in ("asserted_by", "denied_by", "asserting_claims", "denying_claims", "evidence", "articles"):
            _check_type("Dispute", name, getattr(self, name), tuple)

    def to_json(self) -> dict:
        return {"id": self.id, "proposition": self.proposition, "asserted_by": list(self.asserted_by),
                "denied_by": list(self.denied_by), "asserting_claims": list(self.asserting_claims),
                "denying_claims": list(self.denying_claims), "evidence": [e.to_json() for e in self.evidence],
                "articles": list(self.articles), "confidence": round(self.confidence, 4), "kind": self.kind}

    @classmethod
    def from_json(cls, data: dict) -> Dispute:
        return cls(**{**data, **{k: tuple(data[k]) for k in ("asserted_by", "denied_by", "asserting_claims",
                                                             "denying_claims", "articles")},
                      "evidence": tuple(Evidence.from_json(e) for e in data["evidence"])})


@dataclass(frozen=True, slots=True, kw_only=True)
class UnverifiedMarker:
    """"could not independently verify ...": a span and the claims it leaves unconfirmed."""

    text: str
    start: int
    end: int
    covers: tuple[str, ...] = ()  # claim ids

    def __post_init__(self) -> None:
        _check_range("UnverifiedMarker", self.start, self.end, self.text)

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "covers": list(self.covers)}

    @classmethod
    def from_json(cls, data: dict) -> UnverifiedMarker:
        return cls(**{**data, "covers": tuple(data["covers"])})


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleAnalysis:
    """An article with everything the analysis found in it; ``to_json`` is the ``analyze`` object.

    ``disputes`` are those whose evidence lies (at least partly) in this article's text.
    """

    article: Article
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    unverified: tuple[UnverifiedMarker, ...] = ()

    def to_json(self) -> dict:
        out = self.article.to_json()
        out["attributions"] = [a.to_json() for a in self.attributions]
        for name in ("entities", "places", "dates", "figures", "claims", "disputes", "unverified"):
            out[name] = [r.to_json() for r in getattr(self, name)]
        return out


__all__ = [
    "ARTICLE_BOUND_ALIASES",
    "Article",
    "ArticleAnalysis",
    "Attribution",
    "Claim",
    "ClaimLink",
    "canonical_entities",
    "DateRef",
    "Dispute",
    "Evidence",
    "Entity",
    "EntityKind",
    "Figure",
    "Granularity",
    "Place",
    "PlaceKind",
    "PARAGRAPH_SEPARATOR",
    "PublishedFrom",
    "RawArticle",
    "SourceSegment",
    "Span",
    "Stance",
    "UnverifiedMarker",
]
