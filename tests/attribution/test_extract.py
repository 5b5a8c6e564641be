"""extract_attributions end to end: the seed acceptance bar, records that cut the body, the eval."""
import json
import subprocess
import sys
from collections import Counter
from dataclasses import replace as dataclasses_replace
from pathlib import Path

import pytest

from claimscope.attribution import extract_attributions
from claimscope.eval.seed import gold_articles, load_gold, score
from claimscope.model import Article, ArticleAnalysis, Stance

REPO = Path(__file__).resolve().parents[2]
SEED_GOLD = REPO / "tests" / "fixtures" / "seed.gold.json"
SHARED = (REPO / ".." / "shared").resolve()
SCORER = SHARED / "tools" / "check_claimmap.py"
STANCE_SET = REPO / "data" / "stance" / "polnear-dev-stance.jsonl"


@pytest.fixture(scope="module")
def seed_predictions():
    golds = load_gold(SEED_GOLD)
    return golds, [ArticleAnalysis(article=a, attributions=tuple(extract_attributions(a))).to_json()
                   for a in gold_articles(golds)]


def test_extract_seed_reaches_acceptance_bar(seed_predictions):
    golds, preds = seed_predictions
    result = score(golds, preds)
    assert 38 == result.gold
    assert result.fully_right >= 35, result.misses


def test_extract_spans_cut_the_body(seed_predictions):
    _golds, preds = seed_predictions
    for art in preds:
        for att in art["attributions"]:
            for span in [att["source"], att["cue"], *att["contents"]]:
                if span:
                    assert span["text"] == art["text"][span["start"]:span["end"]]


def test_extract_carried_quote_has_no_cue_and_a_speaker(seed_predictions):
    _golds, preds = seed_predictions
    carried = [a for art in preds for a in art["attributions"] if a["cue"] is None]
    assert carried and all(a["source_resolved"] and a["direct"] for a in carried)


def test_extract_empty_article_has_no_attributions():
    assert [] == extract_attributions(Article(id="e", headline="x", paragraphs=()))


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/check_claimmap.py is not here")
def test_extract_seed_score_equals_check_claimmap(seed_predictions, tmp_path):
    golds, preds = seed_predictions
    out = tmp_path / "pred.jsonl"
    out.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCORER), "--gold", str(SEED_GOLD), "--pred", str(out),
                          "--json", "--quiet"], capture_output=True, text=True, check=True)
    theirs = json.loads(run.stdout.strip().splitlines()[-1])
    ours = score(golds, preds)
    assert (theirs["found"], theirs["speaker_ok"], theirs["stance_ok"], theirs["all_ok"]) == \
           (ours.found, ours.speaker_ok, ours.stance_ok, ours.fully_right)


def test_extract_survives_a_stray_page_word_parsed_as_the_subject():
    # "e-Paper" left above the lede: spaCy made its "-" the subject of "accused"
    article = Article(id="t", headline=None, paragraphs=(
        "e-Paper",
        "The Opposition Karnataka Praja Paksha (KPP) on Thursday accused the State government of inflating the "
        "number of beds added in government hospitals, alleging that 3,100 of the 8,400 beds announced last year "
        "\u201cexist only in press releases\u201d.",
    ))
    cues = [a.cue.text for a in extract_attributions(article) if a.cue is not None]
    assert "accused" in cues


def test_stance_set_is_labelled_and_stratified():
    items = [json.loads(line) for line in STANCE_SET.read_text(encoding="utf-8").splitlines() if line]
    assert 200 == len(items)
    assert all(Stance(i["stance"]) for i in items)
    cues = Counter(i["cue"].lower() for i in items)
    assert cues["said"] + cues["says"] + cues["say"] + cues["saying"] <= 0.25 * len(items)
    assert len(Counter(i["stance"] for i in items)) == len(Stance)


def test_extract_nested_think_inside_a_quote_is_not_a_separate_attribution():
    """PolNeAR leaves a speaker's own "I think" inside a quote unannotated (dev: none of 137 such rule cues)."""
    art = Article(id="q", headline="Vote", paragraphs=(
        "\u201cI think the vote will pass easily,\u201d the senator said on Tuesday.",))
    cues = [a.cue.text for a in extract_attributions(art) if a.cue]
    assert ["said"] == cues


def test_extract_narrative_belief_cue_stays_without_model_backing():
    art = Article(id="u", headline="Farmers", paragraphs=(
        "Gul Mohammad, a farmer in Kandahar, was unconvinced that the new trade deal would raise prices.",))
    (att,) = extract_attributions(art)
    assert "was unconvinced" == att.cue.text and "Gul Mohammad" in att.source.text


def test_extract_coordinated_cue_shares_the_subject_and_participle_takes_the_speaker():
    art = Article(id="c", headline="Vote", paragraphs=(
        "The commission denied that any ballots had been double-counted and called the claim \u201cbaseless\u201d.",
        "German drugmaker Halvorsen Pharma said on Tuesday that its trial had been conducted properly, "
        "rejecting a report by the European Medicines Agency that found gaps in the safety data.",
    ))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert "The commission" == by_cue["called"].source.text
    assert "that any ballots had been double-counted" == by_cue["denied"].contents[0].text
    assert "Halvorsen Pharma" == by_cue["rejecting"].source_resolved
    assert Stance.DENY == by_cue["rejecting"].stance


def test_extract_source_starts_after_a_wire_dateline_and_a_plea_denies():
    art = Article(id="d", headline="Trial", paragraphs=(
        "WARSAW, Poland (AP) \u2014 Prosecutors on Thursday accused the former bank chief of hiding losses.",
        "Tomasz Nowak, 61, pleaded not guilty.",
    ))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert "Prosecutors" == by_cue["accused"].source.text
    assert Stance.DENY == by_cue["pleaded"].stance


def test_extract_quoted_evaluation_is_the_content_of_described_as():
    art = Article(id="e", headline="Talks", paragraphs=(
        "The minister held what the embassy described as a \u201cconstructive\u201d meeting with union leaders "
        "on Monday in Paris, where both sides were attending a conference on pensions.",))
    (att,) = [a for a in extract_attributions(art) if a.cue and a.cue.text == "described"]
    assert ["\u201cconstructive\u201d"] == [c.text for c in att.contents]
    assert "embassy" in att.source.text



def test_content_stopped_at_the_blamed_object_runs_through_the_reason():
    from claimscope.attribution import _with_reason
    from claimscope.attribution.spans import SpanTriple
    from claimscope.nlp.pipeline import build_nlp

    text = 'She blamed a "jealous" former adviser, whom she did not name, for leaking forged letters to reporters.'
    doc = build_nlp()(text)
    obj = (text.index("a "), text.index(",", text.index("adviser")))
    cue = (text.index("blamed"), text.index("blamed") + len("blamed"))
    triple = SpanTriple(cue=cue, sources=((0, 3),), contents=(obj,), confidence=0.9)
    [(start, end)] = _with_reason(doc, triple).contents
    assert 'a "jealous" former adviser, whom she did not name, for leaking forged letters to reporters' == text[start:end]
    whole = dataclasses_replace(triple, contents=((obj[0], len(text) - 1),))
    assert whole == _with_reason(doc, whole)  # a content that already runs on is left alone


def test_extract_cue_verb_is_never_taken_for_the_source_of_its_own_content():
    art = Article(id="h", headline=None, paragraphs=(
        "Harlow has denied wrongdoing in that case and said in a court filing that Monica Tessler, "
        "the former executive, was dismissed for poor performance.",))
    atts = extract_attributions(art)
    assert all(a.source is None or a.source.text != "said" for a in atts)
    assert ["Harlow", "Harlow"] == [a.source_resolved for a in atts]


def test_extract_source_the_model_read_as_content_leaves_the_content():
    art = Article(id="i", headline=None, paragraphs=(
        "Kamal Osman, a Sudan researcher at the Horn Policy Centre in Nairobi, questioned whether any strike "
        "on a depot beside a busy market could avoid civilian deaths.",))
    (att,) = [a for a in extract_attributions(art) if a.cue and a.cue.text == "questioned"]
    assert ["whether any strike on a depot beside a busy market could avoid civilian deaths"] == [
        c.text for c in att.contents]
    assert "Kamal Osman" == att.source_resolved


def test_extract_participle_after_a_comma_shares_the_source_of_the_cue_before():
    art = Article(id="j", headline=None, paragraphs=(
        "Health Minister Kodjo Amenyo denied any link between the solution and the deaths, telling a press "
        "conference that tests on samples from the batch had found \"no contamination of any kind\".",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert "Kodjo Amenyo" == by_cue["telling"].source_resolved


def test_extract_coordinated_cue_takes_the_source_of_a_cue_only_the_rules_found():
    art = Article(id="k", headline=None, paragraphs=(
        "ScriptBridge, which is based in Nashville, Tennessee, denied the allegations and called the lawsuit "
        "\"political theater\" staged by an attorney general who is expected to run for governor.",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert "ScriptBridge" == by_cue["called"].source_resolved == by_cue["denied"].source_resolved


def test_extract_a_thing_that_blasts_is_no_speaker_and_the_report_of_it_runs_whole():
    art = Article(id="v", headline=None, paragraphs=(
        "Commodore Arnel Dela Paz, the coast guard spokesperson, said the CCG vessel, with bow number 5203, "
        "blasted the wooden-hulled boat with a water cannon for about eight minutes.",))
    atts = extract_attributions(art)
    assert [("said", "Arnel Dela Paz")] == [(a.cue.text, a.source_resolved) for a in atts]
    assert atts[0].contents[-1].text.endswith("for about eight minutes")


def test_extract_the_answer_appended_to_a_claim_stands_though_the_model_ran_the_claim_on():
    art = Article(id="f", headline=None, paragraphs=(
        "Castillo said the company kept roughly 60 cents of every insulin rebate dollar, a figure ScriptBridge "
        "disputed. The state is seeking at least $150 million in restitution and civil penalties, she said.",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert "ScriptBridge" == by_cue["disputed"].source_resolved
    assert by_cue["disputed"].contents[0].text.endswith("rebate dollar")
    assert not any("figure" in c.text for a in by_cue.values() for c in a.contents)


def test_extract_the_claim_a_denial_answers_is_its_owners_attribution_too():
    art = Article(id="c", headline=None, paragraphs=(
        "Takeshi Imaoka, the Komichi executive in charge of franchise operations, rejected the union's claim that "
        "owners had been forced to stay open 24 hours, saying 312 stores had switched to shorter hours.",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert "that owners had been forced to stay open 24 hours" == by_cue["claim"].contents[0].text
    assert Stance.DENY == by_cue["rejected"].stance


def test_extract_a_possessed_claim_inside_a_denials_content_stands_without_the_taggers_backing():
    """Nested rule-only cues are dropped unless the cue tagger backs them; "the union's claim that"
    inside "rejected ..." is the other side of the dispute and stays."""
    from claimscope.attribution import _rule_stands
    from claimscope.attribution.spans import SpanTriple
    from claimscope.nlp.pipeline import build_nlp

    text = "Imaoka rejected the union's claim that owners had been forced to stay open."
    at = lambda words: (text.index(words), text.index(words) + len(words))  # noqa: E731
    claimed = "that owners had been forced to stay open"
    claim = SpanTriple(cue=at("claim"), sources=(at("the union's"),), contents=(at(claimed),), confidence=0.5)
    rejected = SpanTriple(cue=at("rejected"), sources=(at("Imaoka"),), contents=(at(f"the union's claim {claimed}"),),
                          confidence=0.9)
    doc = build_nlp()(text)
    assert _rule_stands(doc, text, claim, [rejected], [0.0] * len(doc))


def test_extract_a_content_the_model_stopped_after_that_is_the_whole_clause():
    art = Article(id="t", headline=None, paragraphs=(
        "Saskatchewan's provincial health authority has denied that overnight emergency-room closures in two rural "
        "towns caused the deaths of two patients last month, rejecting a union's claim that the closures are costing "
        "lives.",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert by_cue["has denied"].contents[0].text.startswith("that overnight emergency-room closures")


def test_extract_an_answer_the_tagger_read_as_a_noun_still_denies_the_claim():
    """spaCy tags "disputes" here as a plural noun, so no parse rule sees a verb."""
    art = Article(id="d", headline=None, paragraphs=(
        "The union representing Winnipeg Transit drivers says fatigue-related incidents involving its members have "
        "nearly tripled since the city switched to new scheduling software in January, a figure the city disputes.",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert (Stance.ASSERT, Stance.DENY) == (by_cue["says"].stance, by_cue["disputes"].stance)
    assert by_cue["disputes"].contents[-1].text.endswith("in January") and "city" == by_cue["disputes"].source_resolved


def test_extract_participle_never_takes_the_source_of_the_claim_it_rejects():
    art = Article(id="p", headline=None, paragraphs=(
        "Darnell Fontaine dismissed the city's assertion that the rise was a paperwork effect, saying the new form "
        "had been in use for only three of the four months.",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert "Darnell Fontaine" == by_cue["saying"].source_resolved


def test_extract_a_phrase_of_the_subjects_relative_clause_is_not_the_speaker():
    sources = {}
    for paragraph in ("The party, which came second with 31 percent of the vote, said it would ask the courts to "
                      "order a recount.",
                      "The National Anti-Corruption Commission (NACC) has charged the governor of Nakhon Chaiyo over a "
                      "flood-wall contract that it says cost the state 182 million baht more than it should have, a "
                      "figure the contractor disputes."):
        art = Article(id="r", headline=None, paragraphs=(paragraph,))
        sources |= {a.cue.text: a.source.text for a in extract_attributions(art) if a.cue and a.source}
    assert ("The party", "it") == (sources["said"], sources["says"])


def test_extract_content_stops_at_the_same_subjects_next_cue():
    art = Article(id="k", headline=None, paragraphs=(
        "Venezuela denied that its navy had fired at the Guyanese boat and accused Guyana of sending it into "
        "Venezuelan waters to escort a foreign oil survey ship, calling the episode a \"staged provocation.\"",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    assert ["that its navy had fired at the Guyanese boat"] == [c.text for c in by_cue["denied"].contents]


def test_extract_each_content_keeps_to_its_own_cue():
    art = Article(id="m", headline=None, paragraphs=(
        "The winning candidate, Mr Suhaimi Jaafar of Gabungan Perpaduan, denied that his campaign had handed out "
        "cash and accused Insan of intimidating voters outside polling centres and of \u201cspreading fake news "
        "because it cannot accept defeat\u201d.",
        "Lau, a Zipmeal rider since 2021, told HKFP outside court that he was \u201cnot afraid.\u201d \u201cIf we go "
        "to jail for asking for HK$60 an hour while we wait, every rider will learn what that means,\u201d the "
        "29-year-old said.",))
    contents = {a.cue.text: [c.text for c in a.contents] for a in extract_attributions(art) if a.cue}
    assert ["that his campaign had handed out cash"] == contents["denied"]
    assert ["that he was \u201cnot afraid.\u201d"] == contents["told"]
    assert ["\u201cIf we go to jail for asking for HK$60 an hour while we wait, every rider will learn what that "
            "means,\u201d"] == contents["said"]


def test_extract_a_name_is_no_cue_and_a_source_closes_its_parenthesis():
    art = Article(id="n", headline=None, paragraphs=(
        "The European Heat Pump Manufacturers\u2019 Alliance (EHMA), which filed the complaint, argued that the "
        "duties were \u201cthe bare minimum\u201d.",))
    atts = [a for a in extract_attributions(art) if a.cue]
    assert [("argued", "The European Heat Pump Manufacturers\u2019 Alliance (EHMA)")] == [
        (a.cue.text, a.source.text) for a in atts]


def test_extract_the_quotation_after_an_inverted_quotes_sentence_is_the_same_speakers():
    art = Article(id="o", headline=None, paragraphs=(
        "\u201cThey lost fair and square,\u201d the 61-year-old former district officer said at a thanksgiving event "
        "on March 13. \u201cNow they want to blame the referee, the voters, even the rain.\u201d",
        "\u201cWe will appeal,\u201d the party said. \u201cThe count was wrong,\u201d its lawyer added.",))
    contents = [[c.text for c in a.contents] for a in extract_attributions(art) if a.cue]
    assert ["\u201cThey lost fair and square,\u201d",
            "\u201cNow they want to blame the referee, the voters, even the rain.\u201d"] == contents[0]
    assert [["\u201cWe will appeal,\u201d"], ["\u201cThe count was wrong,\u201d"]] == contents[1:]


def test_extract_a_content_a_sentence_before_its_cue_gives_way_to_the_cues_own_clause():
    art = Article(id="p", headline=None, paragraphs=(
        "Attorney Yoav Kremer, who filed a class action against Kesher in the Tel Aviv District Court on Monday, "
        "criticized the company for \u201ctreating customers as an afterthought.\u201d He said the suit sought NIS "
        "120 million in damages. Kesher said it would fight the suit.",))
    said = [a for a in extract_attributions(art) if a.cue and a.cue.text == "said" and a.source.text == "He"]
    assert [["the suit sought NIS 120 million in damages"]] == [[c.text for c in a.contents] for a in said]


def test_extract_an_aged_source_is_whole_and_its_content_ends_where_the_next_speakers_quote_opens():
    art = Article(id="q", headline=None, paragraphs=(
        "\u201cThey came with their bottles,\u201d said the group\u2019s convenor, Tang Siu-mei, 58.",
        "A department spokesperson told reporters the villagers\u2019 laboratory had tested unfiltered water.",
        "The 58-year-old questioned that explanation. \u201cWe took the water the way it comes out of the stream,"
        "\u201d she said.",))
    by_cue = {a.cue.text: a for a in extract_attributions(art) if a.cue}
    questioned = by_cue["questioned"]
    assert ("The 58-year-old", "Tang Siu-mei") == (questioned.source.text, questioned.source_resolved)
    assert ["that explanation."] == [c.text for c in questioned.contents]
