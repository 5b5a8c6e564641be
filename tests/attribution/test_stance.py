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
    ("The mayor said the roads were flooded and that if the rain stops, the bridge will reopen.", Stance.ASSERT),
    ("The analyst said other states were likely to file similar suits within months.", Stance.PREDICT),
    ("The ministry said Washington kept meddling in the dispute.", Stance.ACCUSE),
    ("The governor said he was innocent.", Stance.DENY),
    ("The chief executive said the company had nothing to hide.", Stance.DENY),
    ("The mayor said innocent residents had been evacuated from the valley.", Stance.ASSERT),
    ("The group said it was necessary to show that donors had nothing to hide.", Stance.ASSERT),
    ("The watchdog said the company had falsified its water reports.", Stance.ACCUSE),
    ("The analyst said Beijing was unlikely to escalate ahead of the summit.", Stance.PREDICT),
    ("The lecturer said he expected more clashes before the vote.", Stance.PREDICT),
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


# --- issue #3: cue and content mechanisms, read on given cue and content spans ------------------

from functools import cache  # noqa: E402

from claimscope.attribution.stance import content_stance, read_cue  # noqa: E402


@cache
def _nlp():
    from claimscope.nlp.pipeline import build_nlp
    return build_nlp()


def _stance_of(sentence: str, cue: str, content: str) -> Stance:
    """The stance of a given cue and content, as the stance set scores it."""
    doc = _nlp()(sentence)
    start = sentence.index(cue)
    reading = read_cue(doc, start, start + len(cue))
    begin = sentence.index(content)
    return reading.stance or content_stance(doc, ((begin, begin + len(content)),), evaluative=reading.evaluative)


@pytest.mark.parametrize("sentence, cue, content, stance", [
    ("The senator railed against the new tax on fuel.", "railed against", "the new tax on fuel", Stance.CRITICIZE),
    ("The governor has gone after his rival as a liar.", "has gone after", "his rival as a liar", Stance.CRITICIZE),
    ("The newspaper backed the mayor.", "backed", "the mayor", Stance.PRAISE),
    ("The agency plans to publish its report next week.", "plans", "to publish its report next week", Stance.PREDICT),
    ("The verdict is likely to be appealed by the defence.", "is likely to be appealed", "The verdict", Stance.PREDICT),
])
def test_stance_cues_beyond_the_finder_lexicon(sentence, cue, content, stance):
    assert stance == _stance_of(sentence, cue, content)


@pytest.mark.parametrize("sentence, cue, content, stance", [
    ("Nor is it clear that the sanctions would work.", "Nor is it clear", "that the sanctions would work", Stance.QUESTION),
    ("Analysts don't expect the rate to fall this year.", "don't expect", "the rate to fall this year", Stance.PREDICT),
    ("Asked about the merger, he doesn't think so.", "doesn't think", "so", Stance.DENY),
    ("The mayor did not deny that the budget was overspent.", "did not deny", "that the budget was overspent", Stance.OTHER),
])
def test_stance_negated_cues(sentence, cue, content, stance):
    assert stance == _stance_of(sentence, cue, content)


@pytest.mark.parametrize("sentence, cue, content", [
    ("A judge rejected a request to unseal the file.", "rejected", "a request to unseal the file"),
    ("The coach encouraged his players to ask why the match was moved.", "encouraged",
     "his players to ask why the match was moved"),
    ("The union calls on the minister to resign over the leak.", "calls on the minister", "to resign over the leak"),
])
def test_stance_acts_that_make_no_claim_are_other(sentence, cue, content):
    assert Stance.OTHER == _stance_of(sentence, cue, content)


@pytest.mark.parametrize("sentence, cue, content, stance", [
    ("The show featured a long discussion about the leaked files.", "featured a long discussion about",
     "the leaked files", Stance.OTHER),
    ("The two parties sparred over whether the law applies to them.", "sparred over",
     "whether the law applies to them", Stance.OTHER),
    ("Voters should know what those plans are.", "should know", "what those plans are", Stance.OTHER),
    ("The minister cited the figure in her speech.", "cited", "the figure", Stance.ASSERT),
    ("Police said that what he called a protest was a riot.", "said", "that what he called a protest was a riot", Stance.ASSERT),
])
def test_stance_content_form_decides_whether_there_is_a_claim(sentence, cue, content, stance):
    assert stance == _stance_of(sentence, cue, content)


@pytest.mark.parametrize("sentence, content, stance", [
    ("The mayor said the council had taken the voters for granted.", "the council had taken the voters for granted", Stance.ACCUSE),
    ("The mayor said the new plan was vague about who would pay.", "the new plan was vague about who would pay", Stance.ACCUSE),
    ("The mayor said he wasn't satisfied with the builder's work.", "he wasn't satisfied with the builder's work", Stance.ACCUSE),
    ("The mayor said there was no chance the plant would close.", "there was no chance the plant would close", Stance.DENY),
    ("The mayor said the story was manufactured by his rivals.", "the story was manufactured by his rivals", Stance.DENY),
    ("The mayor said the toll would cost drivers more even if fuel got cheaper.",
     "the toll would cost drivers more even if fuel got cheaper", Stance.PREDICT),
    ("The mayor said the council would be wise to wait.", "the council would be wise to wait", Stance.ASSERT),
    ("The mayor said the money went to towns that would otherwise decline.",
     "the money went to towns that would otherwise decline", Stance.ASSERT),
    ("The mayor said: \"Did the council hide the losses?\"", "\"Did the council hide the losses?\"", Stance.QUESTION),
    ("The mayor said more families would have left had the bridge stayed shut.",
     "more families would have left had the bridge stayed shut", Stance.ASSERT),
])
def test_stance_neutral_cue_content_mechanisms(sentence, content, stance):
    assert stance == _stance_of(sentence, "said", content)


def test_stance_evaluative_cue_calling_charges_fabricated_is_deny():
    sentence = "The campaign called the charges fabricated."
    assert Stance.DENY == _stance_of(sentence, "called", "the charges fabricated")


@pytest.mark.parametrize("sentence, content, stance", [
    ('The candidate called the intimidation charge "absurd".', 'the intimidation charge "absurd"', Stance.DENY),
    ('The carrier called the claim "opportunistic".', 'the claim "opportunistic"', Stance.DENY),
    ('The minister called the report "a welcome step".', 'the report "a welcome step"', Stance.ASSERT),
])
def test_stance_calling_another_party_s_claim_a_bad_name_rejects_it(sentence, content, stance):
    assert stance == _stance_of(sentence, "called", content)


@pytest.mark.parametrize("sentence, stance", [
    ("The coast guard said a Chinese ship had deliberately rammed its patrol boat.", Stance.ACCUSE),
    ("The analyst said the company had built its growth on sham contracts.", Stance.ACCUSE),
    ("\u201cI don't think this is fraud. I think it's bad disclosure,\u201d the analyst said.", Stance.DENY),
])
def test_stance_wrongdoing_charged_or_denied(sentence, stance):
    assert [stance] == list(_stances(sentence).values())


@pytest.mark.parametrize("quote, stance", [
    ('"If nothing changes by Friday, no bus will leave the depot."', Stance.PREDICT),
    ('"Everyone is worried. If the council listens, we will be happy."', Stance.ASSERT),
])
def test_stance_a_will_future_the_content_opens_on_predicts_despite_its_if_clause(quote, stance):
    assert stance == _stance_of(f"{quote} the driver said.", "said", quote)


def test_stance_the_claim_another_party_rejects_stays_an_assertion():
    """The government answers with "playing politics", which makes the union a charged party; its
    own figure, the one rejected, is still what it asserts."""
    atts = extract_attributions(Article(id="t", headline=None, paragraphs=(
        "The union said on Wednesday that its strike had shut 90 percent of the ports, a figure the government "
        "rejected within hours.",
        "Spokesperson Javier Ocampo rejected the union's figures, calling the claim invented and accusing the union "
        "of playing politics with the ports.")))
    said, rejected = atts[0], atts[1]
    assert ("said", Stance.ASSERT) == (said.cue.text, said.stance)
    assert ("rejected", Stance.DENY) == (rejected.cue.text, rejected.stance)
    assert "90 percent of the ports" in rejected.contents[0].text and "figure" not in said.contents[-1].text
