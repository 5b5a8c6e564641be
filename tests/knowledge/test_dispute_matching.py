"""Who is a party and how well one claim covers another: the matching under find_disputes."""
from __future__ import annotations

import inspect

import pytest

from claimscope.knowledge import disputes
from claimscope.knowledge.dispute_matching import coverage, resolve_description, same_party, split_parties
from claimscope.model import Article, ArticleAnalysis, Entity, EntityKind


@pytest.mark.parametrize(("speaker", "parties"), [
    ("Russia and North Korea", ("Russia", "North Korea")),
    ("Prosecutors", ("Prosecutors",)),
    ("many of whom", ()),
    ("she", ()),
    ("Trump's plan", ()),
    ("people", ()),
])
def test_split_parties_names_parties_not_pronouns(speaker, parties):
    assert parties == split_parties(speaker)


def test_same_party_short_and_full_name():
    assert same_party(["Putin"], ["Vladimir Putin"])
    assert not same_party(["Putin"], ["Zelensky"])


def test_same_party_reads_a_description_by_its_head_not_the_place_in_its_clause():
    families = "families of three premature babies who died at Hadar Medical Center in Netanya"
    assert not same_party([families], ["Hadar Medical Center"])
    assert same_party(["The Ministry of Health"], ["Ministry of Health"])


def test_coverage_needs_two_shared_terms_of_a_long_denial():
    idf = {}
    denied = frozenset({"port", "retaken", "city", "sunday"})
    assert 0.0 == coverage(denied, frozenset({"port", "ships"}), idf)
    assert 0.75 == coverage(denied, frozenset({"port", "retaken", "city"}), idf)


def test_find_disputes_keeps_its_public_names_and_signature():
    """The store's incremental step calls find_disputes(analyses, links) from this module; what was
    added since (the linker's vectors) is optional."""
    parameters = list(inspect.signature(disputes.find_disputes).parameters.values())
    assert ["analyses", "links"] == [p.name for p in parameters[:2]]
    assert all(p.default is not inspect.Parameter.empty for p in parameters[1:])
    for name in ("DENIAL_CUES", "coverage", "find_disputes", "parse_nominal", "same_party", "split_parties"):
        assert hasattr(disputes, name), name


def _with_entities(*entities: Entity) -> ArticleAnalysis:
    return ArticleAnalysis(article=Article(id="a", headline=None, paragraphs=("x",)), entities=entities)


@pytest.mark.parametrize(("description", "expected"), [
    ("Another critic", "Laurence H. Tribe"),
    ("the president", "Barack Obama"),
    ("Democrats", None),
    ("the senator", None),
])
def test_resolve_description_names_the_one_entity_with_that_role(description, expected):
    an = _with_entities(Entity(id="t", name="Laurence H. Tribe", kind=EntityKind.PERSON, roles=("critic", "Mr.")),
                        Entity(id="o", name="Barack Obama", kind=EntityKind.PERSON, roles=("President",)))
    assert expected == resolve_description(description, an)


def test_resolve_description_two_entities_with_the_role_is_none():
    an = _with_entities(Entity(id="a", name="Ann Roe", kind=EntityKind.PERSON, roles=("critic",)),
                        Entity(id="b", name="Bo Li", kind=EntityKind.PERSON, roles=("critic",)))
    assert resolve_description("a critic", an) is None
