"""Acceptance on the seed gold: the two wire stories' dates, entities, places and figures."""
from __future__ import annotations

import json
from functools import cache

import pytest

from claimscope.knowledge import (extract_dates, extract_entities, extract_figures,
                                  extract_places)
from claimscope.model import Article, Attribution, Span, Stance
from claimscope.nlp.pipeline import build_nlp
from tests.conftest import FIXTURES

GOLD = FIXTURES / "seed.gold.json"
GEOCODED = {"Kursk": "RU", "Belgorod": "RU", "Moscow": "RU", "Kabul": "AF", "Rome": "IT"}


@cache
def _seed() -> list[tuple[dict, Article]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return [(a, Article(id=f"seed-{i}", headline=a["headline"], paragraphs=tuple(a["body_paragraphs"]),
                        published=a["published"])) for i, a in enumerate(gold["articles"])]


@cache
def _doc(index: int):
    return build_nlp()(_seed()[index][1].text)


def _attributions(gold: dict, article: Article) -> list[Attribution]:
    """Gold attributions as records: each source span found nearest its content."""
    text, out = article.text, []
    for item in gold["attributions"]:
        if not item["source"]:
            continue
        content_at = text.find(item["content"][:40])
        starts = [i for i in range(len(text)) if text.startswith(item["source"], i)]
        start = min(starts, key=lambda i: abs(i - content_at))
        out.append(Attribution(article_id=article.id, source=Span.of(text, start, start + len(item["source"])),
                               cue=None, contents=(), stance=Stance(item["stance"]),
                               direct=item["direct"], confidence=1.0,
                               source_resolved=item["source_resolved"]))
    return out


@pytest.mark.parametrize("index", [0, 1])
def test_seed_every_gold_date_found_and_normalized(index):
    gold, article = _seed()[index]
    found = {d.text: d.value for d in extract_dates(_doc(index), article.published)}
    assert gold["dates"] == {text: found.get(text) for text in gold["dates"]}


@pytest.mark.parametrize("index", [0, 1])
def test_seed_gold_entities_found(index):
    gold, article = _seed()[index]
    entities = extract_entities(_doc(index), _attributions(gold, article))
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    wanted = {name for names_ in gold["entities"].values() for name in names_}
    assert set() == wanted - names


@pytest.mark.parametrize("index", [0, 1])
def test_seed_gold_aliases_merged_into_their_entity(index):
    gold, article = _seed()[index]
    entities = {e.name: e for e in extract_entities(_doc(index), _attributions(gold, article))}
    for name, aliases in gold["entity_aliases"].items():
        assert set(aliases) <= set(entities[name].aliases), name


def test_seed_roles_as_stated():
    entities = {e.name: e for e in extract_entities(_doc(0))}
    assert "Russian President" in entities["Vladimir Putin"].roles
    assert "US President" in entities["Donald Trump"].roles


def test_seed_named_places_geocoded():
    places = [p for i in (0, 1) for p in extract_places(_doc(i))]
    resolved = {p.name: p.country for p in places if p.is_resolved}
    assert GEOCODED == {name: resolved.get(name) for name in GEOCODED}


def test_seed_kursk_region_is_the_oblast():
    region = next(p for p in extract_places(_doc(0)) if p.text == "Kursk region")
    assert ("region", "iso3166-2:RU-KRS") == (region.kind.value, region.gazetteer_id)


def test_seed_village_unresolved_not_guessed():
    gornal = next(p for p in extract_places(_doc(0)) if p.text == "Gornal")
    assert (None, None) == (gornal.name, gornal.lat)


@pytest.mark.parametrize("index", [0, 1])
def test_seed_gold_figures_found_without_years_or_ages(index):
    gold, _article = _seed()[index]
    assert gold["figures"] == [f.text for f in extract_figures(_doc(index))]
