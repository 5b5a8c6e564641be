"""Unverified markers: the disclaimer sentence and the claims it covers."""
from __future__ import annotations

import pytest

from claimscope.knowledge.claims import extract_claims
from claimscope.knowledge.unverified import find_unverified, mark_unverified
from claimscope.model import Stance
from tests.knowledge.test_claims import make_article, make_attribution

STORY = (
    "The army said its troops had captured the airport.",
    "Rebel commanders denied that the airport had fallen.",
    "The reporter could not independently verify the claims of either side.",
)


def _setup(paragraphs):
    art = make_article(*paragraphs)
    atts = [make_attribution(art, "The army", "said", "its troops had captured the airport", Stance.ASSERT),
            make_attribution(art, "Rebel commanders", "denied", "that the airport had fallen", Stance.DENY)]
    return art, atts, extract_claims(art, atts)


def test_find_unverified_either_side_covers_the_claims_before_it():
    art, atts, claims = _setup(STORY)
    [marker] = find_unverified(art, claims, atts)
    assert STORY[2] == marker.text
    assert tuple(c.id for c in claims) == marker.covers


def test_find_unverified_singular_object_covers_the_nearest_claim():
    art, atts, claims = _setup(STORY[:2] + ("The report could not be confirmed.",))
    [marker] = find_unverified(art, claims, atts)
    assert (claims[1].id,) == marker.covers


@pytest.mark.parametrize("sentence", [
    "There was no independent confirmation of the figures.",
    "The video is unverified.",
    "It was not possible to verify the account.",
])
def test_find_unverified_phrasings(sentence):
    art, atts, claims = _setup(STORY[:2] + (sentence,))
    assert [sentence] == [m.text for m in find_unverified(art, claims, atts)]


def test_find_unverified_none_in_a_plain_story():
    art, atts, claims = _setup(STORY[:2])
    assert [] == find_unverified(art, claims, atts)


def test_mark_unverified_replaces_covered_claims():
    art, atts, claims = _setup(STORY)
    marked = mark_unverified(claims, find_unverified(art, claims, atts))
    assert [True, True] == [c.unverified for c in marked] and [False, False] == [c.unverified for c in claims]
