"""Disputes: who asserts what another denies, merged per proposition; no dispute without two sides."""
from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from claimscope.analysis import analyze_article
from claimscope.eval.disputes import match_disputes
from claimscope.eval.matching import names_match
from claimscope.ingest import read_articles
from claimscope.knowledge.claimmap import build_claim_map
from claimscope.knowledge.claims import extract_claims
from claimscope.knowledge.embeddings import embed
from claimscope.knowledge.disputes import find_disputes, parse_nominal
from claimscope.model import Article, ArticleAnalysis, Entity, EntityKind, Stance
from tests.conftest import FIXTURES, REPO
from tests.knowledge.test_claims import make_article, make_attribution


def analysis(article: Article, *specs) -> ArticleAnalysis:
    """specs: (source, cue, content, stance, resolved)."""
    atts = tuple(make_attribution(article, s, c, x, st, resolved=r) for s, c, x, st, r in specs)
    return ArticleAnalysis(article=article, attributions=atts, claims=tuple(extract_claims(article, atts)))


def sides(disputes):
    return [(set(d.asserted_by), set(d.denied_by)) for d in disputes]


def test_find_disputes_denial_matches_the_other_sides_assertion():
    art = make_article("The army said its troops had retaken the port city on Sunday.",
                       "The rebels denied that the port city had been retaken and said fighting continued.")
    an = analysis(art, ("The army", "said", "its troops had retaken the port city on Sunday", Stance.ASSERT, "Sudanese army"),
                  ("The rebels", "denied", "that the port city had been retaken", Stance.DENY, "Rapid Support Forces"))
    [d] = find_disputes([an])
    assert ({"Sudanese army"}, {"Rapid Support Forces"}) == sides([d])[0]
    assert "contradiction" == d.kind and 2 == len(d.evidence)


def test_find_disputes_nominal_gives_the_asserting_party():
    art = make_article("The company rejected the regulator's claim that it had hidden losses from investors.")
    an = analysis(art, ("The company", "rejected", "the regulator's claim that it had hidden losses from investors",
                        Stance.DENY, "Wirecard"))
    [d] = find_disputes([an])
    assert ({"regulator"}, {"Wirecard"}) == sides([d])[0]
    assert "Wirecard had hidden losses from investors" == d.proposition


def test_find_disputes_nominal_of_a_claim_already_disputed_is_the_same_dispute():
    art = make_article("Harwell said hundreds of mail ballots were counted without valid signatures.",
                       "Election director Paula Greer denied that ballots without valid signatures were counted.",
                       "Greer dismissed Harwell's figure of 400 as not based on anything her office had seen.")
    an = analysis(art, ("Harwell", "said", "hundreds of mail ballots were counted without valid signatures",
                        Stance.ASSERT, "Denise Harwell"),
                  ("Election director Paula Greer", "denied", "that ballots without valid signatures were counted",
                   Stance.DENY, "Paula Greer"),
                  ("Greer", "dismissed", "Harwell's figure of 400", Stance.DENY, "Paula Greer"))
    [d] = find_disputes([an])
    assert ({"Denise Harwell"}, {"Paula Greer"}) == sides([d])[0]


def test_parse_nominal_possessive_and_by_forms():
    assert ("Gerasimov", "all groups had been liquidated") == parse_nominal("Gerasimov's assertion that all groups had been liquidated")
    assert ("Justice Department", "he lied") == parse_nominal("claims by the Justice Department that he lied")
    assert ("prosecutors", "he lied") == parse_nominal("the prosecutors' allegation that he lied")


def test_find_disputes_across_articles():
    a1 = make_article("Prosecutors said the senator had accepted bribes from a construction firm.")
    a1 = Article(id="a1", headline=None, paragraphs=a1.paragraphs, published="2024-05-01")
    a2 = Article(id="a2", headline=None, paragraphs=("The senator denied that he had accepted bribes.",),
                 published="2024-05-02")
    an1 = analysis(a1, ("Prosecutors", "said", "the senator had accepted bribes from a construction firm", Stance.ASSERT, "Prosecutors"))
    an2 = analysis(a2, ("The senator", "denied", "that he had accepted bribes", Stance.DENY, "Bob Menendez"))
    [d] = find_disputes([an1, an2])
    assert {"a1", "a2"} == set(d.articles)


def test_find_disputes_same_party_both_sides_is_none():
    art = make_article("The ministry said exports rose in May.", "The ministry later denied that exports rose in May.")
    an = analysis(art, ("The ministry", "said", "exports rose in May", Stance.ASSERT, "Trade Ministry"),
                  ("The ministry later", "denied", "that exports rose in May", Stance.DENY, "Trade Ministry"))
    assert [] == find_disputes([an])


def test_find_disputes_two_assertions_are_none():
    art = make_article("Officials said the vaccine was safe.", "Doctors said the vaccine was safe for children.")
    an = analysis(art, ("Officials", "said", "the vaccine was safe", Stance.ASSERT, "Health officials"),
                  ("Doctors", "said", "the vaccine was safe for children", Stance.ASSERT, "Doctors"))
    assert [] == find_disputes([an])


def test_find_disputes_denial_of_nothing_stated_is_none():
    art = make_article("The former minister denied that she mishandled classified documents.")
    an = analysis(art, ("The former minister", "denied", "that she mishandled classified documents", Stance.DENY, "Anna Lind"))
    assert [] == find_disputes([an])


def test_find_disputes_opposed_predictions():
    art = make_article('The mayor predicted that "the new stadium will help the local economy grow".',
                       'A shop owner was blunt. "This stadium will not help anyone here," she said.')
    an = analysis(art, ("The mayor", "predicted", "the new stadium will help the local economy grow", Stance.PREDICT, "Jane Ortiz"),
                  ("she", "said", "This stadium will not help anyone here", Stance.PREDICT, "Maria Lopez"))
    [d] = find_disputes([an])
    assert "opposed_prediction" == d.kind and ({"Jane Ortiz"}, {"Maria Lopez"}) == sides([d])[0]


def test_find_disputes_falsity_verdict_names_the_asserting_party():
    art = make_article("Senator Ruiz said Governor Blake is lying about the budget deficit.")
    an = analysis(art, ("Senator Ruiz", "said", "Governor Blake is lying about the budget deficit", Stance.ACCUSE, "Ana Ruiz"))
    [d] = find_disputes([an])
    assert "Ana Ruiz" in d.denied_by and any("Blake" in p for p in d.asserted_by)


def test_find_disputes_negated_restatement_with_a_neutral_cue_is_a_contradiction():
    art = make_article("The army said its troops had retaken the port city of Suakin on Sunday.",
                       "Rebel commanders said the port city of Suakin had not been retaken by the army.")
    an = analysis(art, ("The army", "said", "its troops had retaken the port city of Suakin on Sunday", Stance.ASSERT,
                        "Sudanese army"),
                  ("Rebel commanders", "said", "the port city of Suakin had not been retaken by the army", Stance.ASSERT,
                   "Rapid Support Forces"))
    [d] = find_disputes([an])
    assert ({"Sudanese army"}, {"Rapid Support Forces"}) == sides([d])[0]


def test_find_disputes_bare_allegations_point_back_to_the_accusation_paragraphs_before():
    art = make_article("Investigators alleged that city contracts had been rigged for a decade.",
                       "The inquiry began in 2021 after a whistleblower came forward.",
                       "Mayor Lee denied the allegations on Tuesday.")
    an = analysis(art, ("Investigators", "alleged", "that city contracts had been rigged for a decade", Stance.ASSERT,
                        "Investigators"),
                  ("Mayor Lee", "denied", "the allegations", Stance.DENY, "Mayor Lee"))
    [d] = find_disputes([an])
    assert ({"Investigators"}, {"Mayor Lee"}) == sides([d])[0]


def test_find_disputes_verdict_on_a_described_party_names_the_entity_with_that_role():
    art = make_article("Terry Strada said the president’s claims about retaliation are unfounded.")
    an = analysis(art, ("Terry Strada", "said", "the president’s claims about retaliation are unfounded", Stance.ASSERT,
                        "Terry Strada"))
    obama = Entity(id="e-obama", name="Barack Obama", kind=EntityKind.PERSON, roles=("President",))
    [d] = find_disputes([dataclasses.replace(an, entities=(obama,))])
    assert ({"Barack Obama"}, {"Terry Strada"}) == sides([d])[0]


def test_find_disputes_verdict_negated_next_to_it_is_none():
    art = make_article("Terry Strada said the president’s claims about retaliation are not unfounded.")
    an = analysis(art, ("Terry Strada", "said", "the president’s claims about retaliation are not unfounded",
                        Stance.ASSERT, "Terry Strada"))
    obama = Entity(id="e-obama", name="Barack Obama", kind=EntityKind.PERSON, roles=("President",))
    assert [] == find_disputes([dataclasses.replace(an, entities=(obama,))])


@pytest.fixture(scope="module")
def seed_analyses():
    return [analyze_article(a) for a in read_articles(str(REPO / "examples" / "seed.txt"))]


def test_find_disputes_seed_gives_the_four_gold_disputes_and_nothing_else(seed_analyses):
    gold = [d for a in json.loads((FIXTURES / "seed.gold.json").read_text(encoding="utf-8"))["articles"]
            for d in a["disputes"]]
    predicted = find_disputes(seed_analyses)
    assert 4 == len(match_disputes(predicted, gold)) and 4 == len(predicted)


def test_find_disputes_seed_nominal_assertion_is_gerasimov_against_ukraine(seed_analyses):
    disputes = find_disputes(seed_analyses)
    belgorod = [d for d in disputes if "Belgorod" in d.proposition]
    assert 1 == len(belgorod)
    assert any(names_match(p, "Valery Gerasimov") for p in belgorod[0].asserted_by)
    assert any(names_match(p, "Ukraine") for p in belgorod[0].denied_by)


def test_find_disputes_denial_in_other_words_matches_by_meaning():
    """A denial that shares one word with the claim it answers is matched by sentence embeddings."""
    art = make_article("Girard told supporters that thousands of ballots had been counted twice.",
                       "The commission denied that any ballots had been double-counted.")
    an = analysis(art, ("Girard", "told", "that thousands of ballots had been counted twice", Stance.ASSERT, "Paul Girard"),
                  ("The commission", "denied", "that any ballots had been double-counted", Stance.DENY,
                   "electoral commission"))
    assert [({"Paul Girard"}, {"electoral commission"})] == sides(find_disputes([an]))


def _paraphrased_denial() -> ArticleAnalysis:
    art = make_article("Girard told supporters that thousands of ballots had been counted twice.",
                       "The commission denied that any ballots had been double-counted.")
    return analysis(art, ("Girard", "told", "that thousands of ballots had been counted twice", Stance.ASSERT, "Paul Girard"),
                    ("The commission", "denied", "that any ballots had been double-counted", Stance.DENY,
                     "electoral commission"))


def test_find_disputes_reads_the_vectors_it_is_given():
    """The claim linker's embeddings decide a denial in other words; unrelated vectors match nothing."""
    an = _paraphrased_denial()
    real = embed([c.text for c in an.claims])
    unrelated = np.eye(len(an.claims), real.shape[1], dtype=np.float32)
    assert [({"Paul Girard"}, {"electoral commission"})] == \
        sides(find_disputes([an], (), {c.id: real[r] for r, c in enumerate(an.claims)}))
    assert [] == find_disputes([an], (), {c.id: unrelated[r] for r, c in enumerate(an.claims)})


def test_build_claim_map_embeds_each_claim_once(monkeypatch):
    """Linking embeds every claim; the dispute rules read those vectors instead of embedding again."""
    from claimscope.knowledge import embeddings

    embedded, real = [], embeddings.embed
    monkeypatch.setattr(embeddings, "embed", lambda texts, **kw: (embedded.extend(texts), real(texts, **kw))[1])
    an = _paraphrased_denial()
    claim_map = build_claim_map([an])
    assert sorted(c.text for c in an.claims) == sorted(embedded)
    assert [({"Paul Girard"}, {"electoral commission"})] == sides(claim_map.disputes)


def test_find_disputes_denial_of_an_unrelated_claim_is_none():
    art = make_article("Girard told supporters that thousands of ballots had been counted twice.",
                       "The commission denied that its chairman had resigned.")
    an = analysis(art, ("Girard", "told", "that thousands of ballots had been counted twice", Stance.ASSERT, "Paul Girard"),
                  ("The commission", "denied", "that its chairman had resigned", Stance.DENY, "electoral commission"))
    assert [] == find_disputes([an])


def test_find_disputes_not_guilty_plea_answers_the_charge_before_it():
    art = make_article("Prosecutors accused the former bank chief of hiding losses from regulators.",
                       "Tomasz Nowak pleaded not guilty.")
    an = analysis(art, ("Prosecutors", "accused", "the former bank chief of hiding losses from regulators", Stance.ACCUSE,
                        "Prosecutors"),
                  ("Tomasz Nowak", "pleaded", "not guilty", Stance.DENY, "Tomasz Nowak"))
    assert [({"Prosecutors"}, {"Tomasz Nowak"})] == sides(find_disputes([an]))


def test_find_disputes_counter_accusation_turns_the_charge_back():
    art = make_article("Russia accused Ukraine of shelling the nuclear plant overnight.",
                       "Ukraine accused Russia of staging the attack to discredit Kyiv.")
    an = analysis(art, ("Russia", "accused", "Ukraine of shelling the nuclear plant overnight", Stance.ACCUSE, "Russia"),
                  ("Ukraine", "accused", "Russia of staging the attack to discredit Kyiv", Stance.ACCUSE, "Ukraine"))
    [d] = find_disputes([an])
    assert ({"Russia"}, {"Ukraine"}) == sides([d])[0]


def test_find_disputes_accusations_against_third_parties_are_none():
    art = make_article("Russia accused Ukraine of shelling the nuclear plant overnight.",
                       "Poland accused Belarus of pushing migrants across the border.")
    an = analysis(art, ("Russia", "accused", "Ukraine of shelling the nuclear plant overnight", Stance.ACCUSE, "Russia"),
                  ("Poland", "accused", "Belarus of pushing migrants across the border", Stance.ACCUSE, "Poland"))
    assert [] == find_disputes([an])


def test_find_disputes_plea_answers_the_charge_named_after_it():
    art = make_article("Gregory Lusk pleaded not guilty to 19 counts including theft.",
                       "Prosecutors say Lusk moved county money through a dormant escrow account.")
    an = analysis(art, ("Gregory Lusk", "pleaded", "not guilty to 19 counts including theft", Stance.DENY, "Gregory Lusk"),
                  ("Prosecutors", "say", "Lusk moved county money through a dormant escrow account", Stance.ASSERT,
                   "Prosecutors"))
    assert [({"Prosecutors"}, {"Gregory Lusk"})] == sides(find_disputes([an]))


def test_find_disputes_denial_answers_the_accusation_before_it():
    art = make_article("Dr Priya Natarajan accused the company of playing down early warnings.",
                       "The company denied that it had ignored the warnings.")
    an = analysis(art, ("Dr Priya Natarajan", "accused", "the company of playing down early warnings", Stance.ACCUSE,
                        "Priya Natarajan"),
                  ("The company", "denied", "that it had ignored the warnings", Stance.DENY, "Corvane Pharma"))
    assert [({"Priya Natarajan"}, {"Corvane Pharma"})] == sides(find_disputes([an]))


def test_find_disputes_dismissing_the_remarks_answers_what_was_just_said():
    art = make_article("Andrei Lavrenko accused Kyiv of using the talks to rearm.",
                       "Andriy Sobol dismissed the remarks as cynical propaganda.")
    an = analysis(art, ("Andrei Lavrenko", "accused", "Kyiv of using the talks to rearm", Stance.ACCUSE, "Andrei Lavrenko"),
                  ("Andriy Sobol", "dismissed", "the remarks as cynical propaganda", Stance.DENY, "Andriy Sobol"))
    assert [({"Andrei Lavrenko"}, {"Andriy Sobol"})] == sides(find_disputes([an]))


def test_find_disputes_bare_denial_answers_the_accusation_in_its_paragraph():
    art = make_article("Poland accused Belarus of pushing hundreds of migrants towards its border, "
                       "charges Minsk rejected as fabrications.")
    an = analysis(art, ("Poland", "accused", "Belarus of pushing hundreds of migrants towards its border", Stance.ACCUSE,
                        "Poland"),
                  ("Minsk", "rejected", "as fabrications", Stance.DENY, "Belarus"))
    assert [({"Poland"}, {"Belarus"})] == sides(find_disputes([an]))


def test_find_disputes_lede_denial_answers_the_charge_told_after_it():
    art = make_article("The president of the Rowing Federation on Wednesday denied receiving any money over the vote.",
                       "The board met in Oslo on Tuesday.",
                       "Nordpost reported that a sponsor paid 300,000 euros to a firm owned by Erik Berg's brother.")
    an = analysis(art, ("The president of the Rowing Federation", "denied", "receiving any money over the vote", Stance.DENY, "Erik Berg"),
                  ("Nordpost", "reported",
                   "a sponsor paid 300,000 euros to a firm owned by Erik Berg's brother", Stance.ASSERT, "Nordpost"))
    assert [({"Nordpost"}, {"Erik Berg"})] == sides(find_disputes([an]))


def test_find_disputes_denial_deep_in_a_story_does_not_reach_forward():
    art = make_article("The board met in Oslo on Tuesday.", "Members voted on the budget.", "The vote was close.",
                       "The president on Wednesday denied receiving any money over the vote.",
                       "Nordpost reported that a sponsor paid 300,000 euros to a firm owned by Erik Berg's brother.")
    an = analysis(art, ("The president", "denied", "receiving any money over the vote", Stance.DENY, "Erik Berg"),
                  ("Nordpost", "reported",
                   "a sponsor paid 300,000 euros to a firm owned by Erik Berg's brother", Stance.ASSERT, "Nordpost"))
    assert [] == sides(find_disputes([an]))


def test_find_disputes_explicit_denial_answers_its_storys_earlier_claim_in_fewer_shared_words():
    art = make_article(
        "The army said the warehouse had been a legitimate military target that refuelled rebel trucks "
        "and stored fuel for the group's drones.",
        "The rebel-appointed governor denied that the warehouse had any military use.")
    an = analysis(art, ("The army", "said", "the warehouse had been a legitimate military target that refuelled "
                        "rebel trucks and stored fuel for the group's drones", Stance.ASSERT, "Malian army"),
                  ("The rebel-appointed governor", "denied", "that the warehouse had any military use",
                   Stance.DENY, "Issa Maiga"))
    assert [({"Malian army"}, {"Issa Maiga"})] == sides(find_disputes([an]))


def test_find_disputes_bare_denial_far_below_answers_the_accusation_naming_the_denier():
    art = make_article("The dockers' union said Corran Port Services had cut night crews from six to four.",
                       "The terminal handles 300,000 containers a year.", "It opened in 2009.",
                       "Ships have waited up to 36 hours to berth.", "Talks resume next week.",
                       "Corran Port Services rejected the claims.")
    an = analysis(art, ("The dockers' union", "said", "Corran Port Services had cut night crews from six to four",
                        Stance.ACCUSE, "Dockers' Union"),
                  ("Corran Port Services", "rejected", "the claims", Stance.DENY, "Corran Port Services"))
    assert [({"Dockers' Union"}, {"Corran Port Services"})] == sides(find_disputes([an]))


def test_find_disputes_two_parties_forecasting_one_event_with_opposite_polarity():
    art = make_article("Economist Anand Vale predicted the authority would cut weekend bus service this year.",
                       "Chief executive Graham Leid denied that drivers had been forced to work overtime.",
                       "Leid said the authority expected to hire 150 new drivers by September "
                       "and would not cut \"a single route, weekday or weekend,\" this year.")
    forecasts = (("Economist Anand Vale", "predicted", "the authority would cut weekend bus service this year",
                  Stance.PREDICT, "Anand Vale"),
                 ("Leid", "said", "the authority expected to hire 150 new drivers by September "
                  "and would not cut \"a single route, weekday or weekend,\" this year", Stance.PREDICT, "Graham Leid"))
    denial = ("Chief executive Graham Leid", "denied", "that drivers had been forced to work overtime", Stance.DENY,
              "Graham Leid")
    assert [({"Anand Vale"}, {"Graham Leid"})] == sides(find_disputes([analysis(art, forecasts[0], denial, forecasts[1])]))
    # without a quarrel in the story, two forecasts are just two forecasts
    assert [] == sides(find_disputes([analysis(art, *forecasts)]))
