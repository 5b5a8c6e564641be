"""Places: every mention geocoded offline, never guessed."""
from __future__ import annotations

import pytest

from claimscope.knowledge.places import extract_places
from claimscope.model import Place, PlaceKind
from claimscope.nlp.pipeline import build_nlp


def _places(text: str) -> dict[str, Place]:
    return {p.text: p for p in extract_places(build_nlp()(text))}


@pytest.mark.parametrize(("text", "mention", "kind", "country"), [
    ("Talks were held in Paris on Monday.", "Paris", PlaceKind.CITY, "FR"),
    ("Troops crossed into the Donetsk region overnight.", "Donetsk region", PlaceKind.REGION, "UA"),
    ("Voters in Ohio went to the polls.", "Ohio", PlaceKind.REGION, "US"),
    ("Exports from Brazil rose sharply.", "Brazil", PlaceKind.COUNTRY, "BR"),
    ("The U.S. imposed new sanctions.", "U.S.", PlaceKind.COUNTRY, "US"),
])
def test_extract_places_resolves_kind_and_country(text, mention, kind, country):
    place = _places(text)[mention]
    assert (kind, country) == (place.kind, place.country)
    assert place.lat is not None and place.lon is not None and place.gazetteer_id


def test_extract_places_village_not_in_gazetteer_is_unresolved():
    place = _places("Soldiers retook the village of Zolotarivka after a week.")["Zolotarivka"]
    assert (None, PlaceKind.UNRESOLVED, None, None) == (place.name, place.kind, place.lat, place.gazetteer_id)


def test_extract_places_demonym_before_region_word_is_no_place():
    assert "Russian region" not in _places("Belgorod is another Russian region bordering Ukraine.")


def test_extract_places_city_abroad_beats_small_namesake_in_named_country():
    place = _places("US President Joe Biden flew to Rome, where he met the Pope.")["Rome"]
    assert "IT" == place.country


def test_extract_places_prefers_country_article_names():
    text = "In Alabama, officials in Birmingham said the United States must act."
    assert "US" == _places(text)["Birmingham"].country


def test_extract_places_spans_give_back_their_text():
    text = "Fighting spread from Kharkiv to the Belgorod region and on to Moscow."
    for place in extract_places(build_nlp()(text)):
        assert text[place.start:place.end] == place.text


def test_place_json_round_trip():
    place = _places("Fighting spread to Kabul.")["Kabul"]
    assert place == Place.from_json(place.to_json())
