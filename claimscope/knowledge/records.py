"""Records of the per-article knowledge stage: dates, places, figures and entities.

Plain frozen records with character offsets into ``Article.text``, like those in ``model.py``
(the lead may move them there), so the store and the API need no spaCy to use them.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from claimscope.model import Span


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


__all__ = ["DateRef", "Entity", "EntityKind", "Figure", "Granularity", "Place", "PlaceKind"]
