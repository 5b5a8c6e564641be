"""The news set (data/newsset) and the blind sets (data/blindset .. data/blindset9): hand-written stories in house
styles with hand-made gold.

Two checks per file, against floors in each set's floors.json (the scores when they were set):
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

DATA = Path(__file__).resolve().parents[2] / "data"
SETS = ("newsset", "blindset", "blindset2", "blindset3", "blindset4", "blindset5", "blindset6", "blindset7",
        "blindset8", "blindset9")
FLOORS = {name: json.loads((DATA / name / "floors.json").read_text(encoding="utf-8")) for name in SETS}
FILES = [(name, f) for name in SETS for f in sorted(FLOORS[name]["files"])]
GOLD_KEY = {"paragraphs": "body_paragraphs"}


def _fold(x):
    if isinstance(x, (list, tuple)):
        return [_fold(v) for v in x]
    return " ".join(x.split()) if isinstance(x, str) else x


def _pairs(folder: str, name: str):
    """(gold article, clean article) paired by headline, as check_claimmap pairs them first."""
    golds = load_gold(DATA / folder / f"{name}.gold.json")
    articles = [a for a in read_articles(str(DATA / folder / f"{name}.txt")) if isinstance(a, Article)]
    by_headline = {_fold(a.headline or "").lower(): a for a in articles}
    return [(g, by_headline.get(_fold(g["headline"]).lower())) for g in golds]


@pytest.mark.parametrize("folder", SETS)
def test_floors_cover_every_file(folder):
    assert sorted(p.name.removesuffix(".gold.json") for p in (DATA / folder).glob("*.gold.json")) == \
        sorted(FLOORS[folder]["files"])


@pytest.mark.parametrize("folder,name", FILES)
def test_ingest_fields_floor(folder, name):
    equal, wrong = 0, []
    for gold, article in _pairs(folder, name):
        for field in FLOORS[folder]["fields"]:
            got = getattr(article, field, None) if article is not None else None
            got = list(got) if isinstance(got, tuple) else got
            if article is not None and _fold(got) == _fold(gold[GOLD_KEY.get(field, field)]):
                equal += 1
            else:
                wrong.append(f"{gold['headline'][:40]!r}: {field}")
    assert equal >= FLOORS[folder]["files"][name]["fields_ok"], wrong


@pytest.mark.parametrize("folder,name", FILES)
def test_claim_map_floor(folder, name):
    floor = FLOORS[folder]["files"][name]
    score = evaluate_seed(DATA / folder / f"{name}.gold.json", DATA / folder / f"{name}.txt")
    assert score.fields_ok >= floor["fields_ok"], str(score)
    assert score.fully_right >= floor["fully_right"], str(score)
    assert score.disputes_found >= floor["disputes_found"], str(score)
    assert score.disputes_spurious <= floor["disputes_spurious_max"], str(score)
