"""Place mentions in an article, geocoded offline against the packaged gazetteer.

Which spans are places, as a cascade:
1. spaCy GPE and LOC entities, less one-word adjectives the small model tags GPE ("Ukrainian");
2. entities under another label (PERSON "Kyiv", PRODUCT "Kursk", ORG "Belgorod") that the
   gazetteer knows as a continent, country, region or a city of RELABEL_MIN_POPULATION or more,
   unless the same word is part of a longer person name in the article ("George Washington");
3. whatever follows "the village / town / city of" ("the village of Gornal");
4. "X region" forms: a place followed by a region word ("Kursk region", "Kursk border region",
   "Belgorod Oblast"), or a capitalised name the model missed before such a word. These resolve
   only to first-level regions: a city of the same name is never substituted.

Resolution prefers a country the article names, then big cities, primary names, population. A
name the gazetteer lacks (a village, a district) stays ``unresolved`` with no coordinates:
never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from claimscope.knowledge.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from claimscope.model import Place, PlaceKind

PLACE_LABELS = ("GPE", "LOC")
# Labels the small model puts on place names by mistake; checked against the gazetteer.
MISLABEL_CANDIDATES = ("PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "FAC", "EVENT")
# A mislabelled name is taken for a city only from this size up: smaller towns share names
# with people too often ("Jackson", "Lincoln"). Chosen by hand on the seed and PolNeAR dev.
RELABEL_MIN_POPULATION = 250_000
# Level words that turn the name before them into a first-level region ("Kursk region").
REGION_TRIGGERS = ("region", "regions", "oblast", "province", "governorate", "krai", "state")
# Words allowed between a name and its region word ("the Kursk border region").
REGION_MODIFIERS = ("border", "frontier", "frontline", "western", "eastern", "northern",
                    "southern", "central", "southwestern", "southeastern", "northwestern",
                    "northeastern")
# "the village of Gornal": nouns that announce a settlement name after "of".
SETTLEMENT_NOUNS = ("village", "town", "city", "hamlet", "settlement", "township", "port",
                    "capital")

_REGION_AFTER = re.compile(
    rf"^(?:\s+(?:{'|'.join(REGION_MODIFIERS)}))?\s+(?P<word>{'|'.join(REGION_TRIGGERS)})\b",
    re.IGNORECASE)
_BARE_REGION = re.compile(
    rf"\b(?P<name>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)?)(?:\s+(?:{'|'.join(REGION_MODIFIERS)}))?"
    rf"\s+(?:region|oblast|Oblast|Region|province|Province|governorate|Governorate|krai|Krai)\b")
_SETTLEMENT = re.compile(
    rf"\b(?:{'|'.join(SETTLEMENT_NOUNS)})\s+of\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """Where a place is named: ``start:end`` the whole mention, ``name`` the part to look up."""

    start: int
    end: int
    name: str
    is_region: bool


def _clean_name(text: str) -> tuple[str, int]:
    """Drop a leading 'the' and a trailing possessive; return the name and its offset shift."""
    shift = 0
    if text.lower().startswith("the "):
        shift, text = 4, text[4:]
    text = re.sub(r"['’]s?$", "", text)
    return text, shift


def _is_demonym(ent: SpacySpan) -> bool:
    return len(ent) == 1 and ent[0].tag_ in ("JJ", "NNPS")


def _is_adjective(doc: Doc, start: int, end: int) -> bool:
    """'another Russian region': a demonym before a region word names no region."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return all(tok.tag_ == "JJ" or tok.ent_type_ == "NORP" for tok in span)


def _person_words(doc: Doc) -> set[str]:
    """Words of multi-word person names: such a word is the person, not a town."""
    return {tok.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for tok in ent}


def _is_mislabelled_place(ent: SpacySpan, gaz: Gazetteer, person_words: set[str]) -> bool:
    if not ent.text[:1].isupper() or any(tok.text in person_words for tok in ent):
        return False
    name, _ = _clean_name(ent.text)
    entry = gaz.resolve(name)
    if entry is None:
        return False
    return entry.kind is not PlaceKind.CITY or entry.population >= RELABEL_MIN_POPULATION


def _with_region_word(text: str, start: int, end: int, name: str) -> PlaceMention:
    follow = _REGION_AFTER.match(text[end:])
    if follow and not (follow["word"].lower() == "state" and text[start:end].istitle() is False):
        return PlaceMention(start, end + follow.end(), name, True)
    return PlaceMention(start, end, name, False)


def find_place_mentions(doc: Doc) -> list[PlaceMention]:
    """Every span of ``doc`` that names a place, in text order (see the module's cascade)."""
    text, gaz = doc.text, load_gazetteer()
    person_words = _person_words(doc)
    found: list[PlaceMention] = []
    for ent in doc.ents:
        is_place = ent.label_ in PLACE_LABELS and not _is_demonym(ent)
        if not is_place and ent.label_ in MISLABEL_CANDIDATES:
            is_place = _is_mislabelled_place(ent, gaz, person_words)
        if not is_place:
            continue
        name, shift = _clean_name(ent.text)
        start = ent.start_char + shift
        found.append(_with_region_word(text, start, start + len(name), name))
    for pattern in (_SETTLEMENT, _BARE_REGION):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            if any(m.start < end and start < m.end for m in found) or _is_adjective(doc, start, end):
                continue
            if pattern is _BARE_REGION:
                found.append(PlaceMention(start, match.end(), match["name"], True))
            else:
                found.append(_with_region_word(text, start, end, match["name"]))
    return sorted(found, key=lambda m: m.start)


def _place(text: str, mention: PlaceMention, entry: GazetteerEntry | None) -> Place:
    span_text = text[mention.start:mention.end]
    if entry is None:
        return Place(text=span_text, start=mention.start, end=mention.end, name=None,
                     kind=PlaceKind.UNRESOLVED, country=None, lat=None, lon=None,
                     gazetteer_id=None)
    return Place(text=span_text, start=mention.start, end=mention.end, name=entry.name,
                 kind=entry.kind, country=entry.country, lat=entry.lat, lon=entry.lon,
                 gazetteer_id=entry.gazetteer_id)


def extract_places(doc: Doc) -> list[Place]:
    """Every place mention, geocoded; ambiguity goes to a country the article itself names."""
    gaz = load_gazetteer()
    mentions = find_place_mentions(doc)
    named_countries = frozenset(
        entry.country for m in mentions if not m.is_region
        for entry in [gaz.resolve(m.name)] if entry is not None and entry.kind is PlaceKind.COUNTRY)
    return [_place(doc.text, m, gaz.resolve(m.name, region=m.is_region,
                                            prefer_countries=named_countries))
            for m in mentions]


__all__ = ["PlaceMention", "extract_places", "find_place_mentions"]
