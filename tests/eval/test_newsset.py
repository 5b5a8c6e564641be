"""The news set (data/newsset): hand-written stories in unseen house styles with hand-made gold.

Two checks per file, against floors in data/newsset/floors.json (the scores when they were set):
ingest's article fields, compared field by field to the gold without any NLP (fast), and the
analyze path's attributions fully right and disputes found/spurious (claimscope.eval.seed, as
`claimscope eval seed --gold ... --raw ...` runs it; about 10 s a file). A drop shows which file
and which field or count regressed.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimscope.eval.seed import evaluate_seed, load_gold
from claimscope.ingest import read_articles
from claimscope.model import Article

NEWSSET = Path(__file__).resolve().parents[2] / "data" / "newsset"
FLOORS = json.loads((NEWSSET / "floors.json").read_text(encoding="utf-8"))
FILES = sorted(FLOORS["files"])
GOLD_KEY = {"paragraphs": "body_paragraphs"}


def _fold(x):
    if isinstance(x, (list, tuple)):
        return [_fold(v) for v in x]
    return " ".join(x.split()) if isinstance(x, str) else x


def _pairs(name: str):
    """(gold article, clean article) paired by headline, as check_claimmap pairs them first."""
    golds = load_gold(NEWSSET / f"{name}.gold.json")
    articles = [a for a in read_articles(str(NEWSSET / f"{name}.txt")) if isinstance(a, Article)]
    by_headline = {_fold(a.headline or "").lower(): a for a in articles}
    return [(g, by_headline.get(_fold(g["headline"]).lower())) for g in golds]


def test_newsset_floors_cover_every_file():
    assert sorted(p.name.removesuffix(".gold.json") for p in NEWSSET.glob("*.gold.json")) == FILES


@pytest.mark.parametrize("name", FILES)
def test_newsset_ingest_fields_floor(name):
    equal, wrong = 0, []
    for gold, article in _pairs(name):
        for field in FLOORS["fields"]:
            got = getattr(article, field, None) if article is not None else None
            got = list(got) if isinstance(got, tuple) else got
            if article is not None and _fold(got) == _fold(gold[GOLD_KEY.get(field, field)]):
                equal += 1
            else:
                wrong.append(f"{gold['headline'][:40]!r}: {field}")
    assert equal >= FLOORS["files"][name]["fields_ok"], wrong


@pytest.mark.parametrize("name", FILES)
def test_newsset_claim_map_floor(name):
    floor = FLOORS["files"][name]
    score = evaluate_seed(NEWSSET / f"{name}.gold.json", NEWSSET / f"{name}.txt")
    assert score.fields_ok >= floor["fields_ok"], str(score)
    assert score.fully_right >= floor["fully_right"], str(score)
    assert score.disputes_found >= floor["disputes_found"], str(score)
    assert score.disputes_spurious <= floor["disputes_spurious_max"], str(score)
