"""Stance: the cue decides when it carries one; otherwise the content does."""
import pytest

from claimscope.attribution import extract_attributions
from claimscope.model import Article, Stance


def _stances(*paragraphs):
    atts = extract_attributions(Article(id="t", headline=None, paragraphs=tuple(paragraphs)))
    return {a.cue.text if a.cue else None: a.stance for a in atts}


@pytest.mark.parametrize("sentence, cue, stance", [
    ("The company denied that it had hidden the losses.", "denied", Stance.DENY),
    ("The union praised the agreement.", "praised", Stance.PRAISE),
    ("Experts warned that the dam could fail.", "warned", Stance.PREDICT),
    ("The minister confirmed that talks had begun.", "confirmed", Stance.CONFIRM),
    ("The senator criticized the budget.", "criticized", Stance.CRITICIZE),
    ("The agency could not independently verify the report.", "could not independently verify", Stance.QUESTION),
    ("Residents were unconvinced the new road would help.", "were unconvinced", Stance.QUESTION),
    ("The ministry neither confirmed nor denied the report.", "neither confirmed nor denied", Stance.OTHER),
])
def test_stance_cue_decides(sentence, cue, stance):
    got = _stances(sentence)
    assert stance == next(v for k, v in got.items() if k and k.endswith(cue.split()[-1]))


def test_stance_did_not_deny_is_not_deny():
    got = _stances("The mayor did not deny that the budget was overspent.")
    assert Stance.DENY != got["did not deny"]


@pytest.mark.parametrize("sentence, stance", [
    ("The mayor said the bridge will reopen in May.", Stance.PREDICT),
    ("The mayor said the bridge reopened in May.", Stance.ASSERT),
    ("The mayor said the report was false.", Stance.DENY),
    ("The mayor said the rebels had launched strikes against the villages.", Stance.ACCUSE),
    ("The mayor said that if the rain stops, the bridge will reopen.", Stance.ASSERT),
])
def test_stance_neutral_cue_content_decides(sentence, stance):
    assert stance == _stances(sentence)["said"]


def test_stance_content_contradicting_another_party_is_deny():
    got = _stances(
        "The army said the rebels had been expelled from Valdora.",
        "The rebels said their fighters were still operating in Valdora.",
    )
    atts = extract_attributions(Article(id="t", headline=None, paragraphs=(
        "The army said the rebels had been expelled from Valdora.",
        "The rebels said their fighters were still operating in Valdora.")))
    assert [Stance.ASSERT, Stance.DENY] == [a.stance for a in atts]
    assert got


def test_stance_participle_inherits_praise():
    atts = extract_attributions(Article(id="t", headline=None, paragraphs=(
        "The coach praised the players, saying they had shown great courage.",)))
    assert {Stance.PRAISE} == {a.stance for a in atts}


def test_stance_evaluative_cue_takes_polarity():
    got = _stances("The talks were seen as a setback by the opposition.")
    assert Stance.CRITICIZE == got["were seen"]
