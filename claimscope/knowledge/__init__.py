"""Per-article knowledge: dates, places, figures and entities found in one article's Doc."""
from claimscope.knowledge.dates import extract_dates, normalize_date
from claimscope.knowledge.entities import extract_entities
from claimscope.knowledge.figures import extract_figures
from claimscope.knowledge.places import extract_places
from claimscope.model import DateRef, Entity, EntityKind, Figure, Granularity, Place, PlaceKind

__all__ = ["DateRef", "Entity", "EntityKind", "Figure", "Granularity", "Place", "PlaceKind",
           "extract_dates", "extract_entities", "extract_figures", "extract_places",
           "normalize_date"]
