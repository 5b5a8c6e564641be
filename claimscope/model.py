"""Frozen records every stage speaks.

Stages exchange these, never spaCy objects, so that the store, the runners and the API need no
NLP library and every record pickles (Dask) and serialises (JSON, SQL) as is. Records validate
once, in ``__post_init__``: readers convert raw values, records reject wrong ones.
"""
from __future__ import annotations

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




@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleAnalysis:
    """An article with everything the per-article stages found in it.

    Later stages add their records here; ``to_json`` is the documented ``analyze`` object.
    """

    article: Article
    attributions: tuple[Attribution, ...] = ()

    def to_json(self) -> dict:
        out = self.article.to_json()
        out["attributions"] = [a.to_json() for a in self.attributions]
        return out


__all__ = [
    "Article",
    "ArticleAnalysis",
    "Attribution",
    "PARAGRAPH_SEPARATOR",
    "PublishedFrom",
    "RawArticle",
    "SourceSegment",
    "Span",
    "Stance",
]
