"""Entities across articles: a short form joins the one longer entity it shortens (issue #4)."""
from __future__ import annotations

import itertools

import pytest

from claimscope.knowledge.entities import entity_id
from claimscope.knowledge.entity_merging import merge_entities, merge_targets, short_forms
from claimscope.model import Article, ArticleAnalysis, Attribution, Entity, EntityKind, Span, Stance

PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANIZATION


def _entity(name: str, kind: EntityKind = PERSON, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(id=entity_id(kind, name), name=name, kind=kind, aliases=aliases)


def _merged(*entities: Entity) -> dict[str, str]:
    """Short name -> the name it joins."""
    names = {e.id: e.name for e in entities}
    return {names[s]: names[t] for s, t in merge_targets(entities).items()}


@pytest.mark.parametrize(("name", "forms"), [
    ("Rustem Umerov", {"Umerov"}),
    ("Donald J. Trump", {"Trump", "Donald Trump"}),
    ("Joseph R. Biden Jr.", {"Biden", "Joseph R. Biden", "Joseph Biden"}),
    ("Ursula von der Leyen", {"von der Leyen"}),
    ("a John McCain", set()),
    ("Umerov", set()),
])
def test_short_forms_of_a_person(name, forms):
    assert forms == set(short_forms(_entity(name)))


def test_short_forms_of_an_organisation_are_acronym_and_longer_aliases():
    org = _entity("Russia's Defense Ministry", ORG, ("RDM", "Defense Ministry", "Ministry", "it"))
    assert {"RDM", "Defense Ministry"} == set(short_forms(org))


def test_merge_targets_surname_joins_the_one_full_name():
    assert {"Umerov": "Rustem Umerov"} == _merged(_entity("Umerov"), _entity("Rustem Umerov"))


def test_merge_targets_two_smiths_merge_nothing():
    assert {} == _merged(_entity("Smith"), _entity("John Smith"), _entity("Anna Smith"))


def test_merge_targets_never_across_kinds():
    assert {} == _merged(_entity("Umerov", ORG), _entity("Rustem Umerov"))


def test_merge_targets_a_first_name_alone_is_ambiguous():
    assert {} == _merged(_entity("James"), _entity("LeBron James"), _entity("James Comey"))


def test_merge_targets_chains_resolve_to_the_longest():
    assert {"Putin": "Vladimir Vladimirovich Putin", "Vladimir Putin": "Vladimir Vladimirovich Putin"} == \
        _merged(_entity("Putin"), _entity("Vladimir Putin"), _entity("Vladimir Vladimirovich Putin"))


def test_merge_targets_acronym_joins_the_organisation_that_had_it_as_alias():
    assert {"EU": "European Union"} == _merged(_entity("EU", ORG), _entity("European Union", ORG, ("EU",)))


def test_merge_targets_organisation_suffix_without_alias_stays():
    assert {} == _merged(_entity("Defense Ministry", ORG), _entity("Russia's Defense Ministry", ORG))


def test_merge_targets_do_not_depend_on_order():
    entities = [_entity("Umerov"), _entity("Rustem Umerov"), _entity("Smith"), _entity("John Smith"),
                _entity("Putin"), _entity("Vladimir Putin"), _entity("EU", ORG), _entity("European Union", ORG, ("EU",))]
    results = {tuple(sorted(merge_targets(list(p)).items())) for p in itertools.permutations(entities, len(entities))
               if p[0].name in ("Umerov", "EU", "Smith")}
    assert 1 == len(results)


def _analysis(article_id: str, text: str, name: str) -> ArticleAnalysis:
    article = Article(id=article_id, headline=None, paragraphs=(text,))
    start = text.index(name)
    entity = Entity(id=entity_id(PERSON, name), name=name, kind=PERSON,
                    mentions=(Span.of(text, start, start + len(name)),))
    said = Attribution(article_id=article_id, source=Span.of(text, start, start + len(name)), cue=None,
                       contents=(Span.of(text, start + len(name) + 6, len(text)),), stance=Stance.ASSERT,
                       direct=False, confidence=0.9, source_resolved=name, source_entity_id=entity.id)
    return ArticleAnalysis(article=article, attributions=(said,), entities=(entity,))


def test_merge_entities_relabels_the_short_entity_and_its_source():
    full = _analysis("a", "Rustem Umerov said the systems had arrived.", "Rustem Umerov")
    short = _analysis("b", "Umerov said the army would grow.", "Umerov")
    _, merged = merge_entities([full, short])
    umerov = merged.entities[0]
    assert (entity_id(PERSON, "Rustem Umerov"), "Rustem Umerov", ("Umerov",), "Umerov") == \
        (umerov.id, umerov.name, umerov.aliases, umerov.mentions[0].text)
    assert umerov.id == merged.attributions[0].source_entity_id


def test_merge_entities_nothing_to_merge_returns_the_analyses_as_they_are():
    analyses = [_analysis("a", "John Smith said taxes would rise.", "John Smith"),
                _analysis("b", "Anna Smith said taxes would fall.", "Anna Smith")]
    assert analyses == merge_entities(analyses)
