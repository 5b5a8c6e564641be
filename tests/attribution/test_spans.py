"""The span finder, run with the committed model on real parses."""
from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from claimscope.attribution.spans import SpanTriple, bio_chunks, find_attribution_spans
from claimscope.nlp.pipeline import build_nlp


def _texts(text: str, triple: SpanTriple) -> tuple[str, list[str], list[str]]:
    return (text[slice(*triple.cue)], [text[slice(*s)] for s in triple.sources],
            [text[slice(*c)] for c in triple.contents])


@pytest.mark.parametrize(("labels", "expected"), [
    (["O", "B-C", "I-C", "O"], [(1, 3)]),
    (["B-C", "B-C", "I-C"], [(0, 1), (1, 3)]),
    (["I-C", "I-C", "O", "I-C"], [(0, 2), (3, 4)]),
    (["B-S", "I-S", "B-C"], [(2, 3)]),
    (["O", "O"], []),
])
def test_bio_chunks_reads_chunks_of_one_kind(labels, expected):
    assert expected == bio_chunks(labels, "C")


def test_find_attribution_spans_said_after_quote():
    text = "Senators met on Monday.\n\n\"We will not back down on this bill,\" Senator Smith said on Tuesday."
    (triple,) = find_attribution_spans(build_nlp()(text))
    cue, sources, contents = _texts(text, triple)
    assert "said" == cue
    assert ["Senator Smith"] == sources
    assert 1 == len(contents)
    assert "We will not back down on this bill" in contents[0]


def test_find_attribution_spans_according_to():
    text = "The plant will close next year, according to a company spokeswoman."
    (triple,) = find_attribution_spans(build_nlp()(text))
    cue, sources, contents = _texts(text, triple)
    assert "according to" == cue
    assert ["a company spokeswoman"] == sources
    assert ["The plant will close next year"] == contents


def test_find_attribution_spans_offsets_cut_doc_text_in_order():
    text = ("Clinton said the economy was improving. Trump told reporters that it was not, "
            "and his aides warned that jobs were leaving.")
    triples = find_attribution_spans(build_nlp()(text))
    assert len(triples) >= 2
    assert sorted(t.cue for t in triples) == [t.cue for t in triples]
    for t in triples:
        assert 0 <= t.confidence <= 1
        for s, e in (t.cue, *t.sources, *t.contents):
            assert 0 <= s < e <= len(text)
            assert text[s:e].strip() == text[s:e]


def test_find_attribution_spans_none_in_plain_narrative():
    assert [] == find_attribution_spans(build_nlp()("The sun rose over the quiet harbour town."))


def test_span_triple_is_frozen():
    t = SpanTriple(cue=(0, 4), sources=(), contents=(), confidence=0.5)
    with pytest.raises(FrozenInstanceError):
        t.confidence = 1.0


def test_train_attribution_writes_a_model_that_finds_spans(tmp_path):
    import shutil
    from pathlib import Path

    from claimscope.attribution.spans import load_model
    from claimscope.attribution.train import train_attribution

    fixtures = Path(__file__).parent.parent / "fixtures" / "polnear"
    shutil.copytree(fixtures, tmp_path / "data" / "train", ignore=shutil.ignore_patterns("brat"))
    report = train_attribution(tmp_path / "data", tmp_path / "model", cache_dir=tmp_path / "cache",
                               evaluate_dev=False)
    assert 4 == report.train_articles
    assert report.model_bytes > 0
    text = "Secret Service protocol called for a hospital visit, sources said."
    triples = find_attribution_spans(build_nlp()(text), load_model(tmp_path / "model"))
    assert "said" in [text[slice(*t.cue)] for t in triples]


def test_nearest_source_keeps_the_chunk_next_to_the_cue():
    from claimscope.attribution.spans import nearest_source

    # "Donald Trump (0-2) ... he (10-11) said (11-12)": the pronoun next to the cue is its source
    assert [(10, 11)] == nearest_source([(0, 2), (10, 11)], (11, 12))
    assert [(14, 16)] == nearest_source([(0, 2), (14, 16)], (12, 13))  # "..., said (12) Mr. X (14-16)"
    assert [(3, 5)] == nearest_source([(3, 5)], (12, 13))
