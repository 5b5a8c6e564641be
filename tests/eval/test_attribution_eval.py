"""The PolNeAR attribution eval: our scorer must give the reference scorer's figures exactly."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimscope.attribution.polnear import read_polnear
from claimscope.eval.attribution import evaluate_polnear, predict_citron, score_citron

FIXTURES = Path(__file__).parent.parent / "fixtures"
POLNEAR = FIXTURES / "polnear"
REFERENCE = FIXTURES / "attrib_score.py"


def _reference_scores(gold_dir: Path, pred_dir: Path) -> dict:
    out = subprocess.run([sys.executable, str(REFERENCE), "--gold", str(gold_dir), "--pred", str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["metrics"]


def _assert_same_figures(ours: dict, ref: dict) -> None:
    for kind in ("cue", "source", "content", "all"):
        for metric in ("exact", "overlap", "bounded"):
            for x in ("p", "r", "f1"):
                assert ref[kind][metric][x] == pytest.approx(ours[kind][metric][x], abs=1e-12), (kind, metric, x)
        for x in ("tp", "fp", "fn"):
            assert ref[kind]["exact"][x] == ours[kind]["exact"][x], (kind, x)


def _span(text, s, e):
    return {"start": s, "end": e, "text": text[s:e]}


def _perturbed_predictions(out_dir: Path) -> None:
    """Gold turned into imperfect predictions: shifted boundaries, dropped and merged spans,
    a spurious quote, so every branch of the metrics is exercised."""
    out_dir.mkdir()
    for art in read_polnear(POLNEAR):
        quotes = []
        for k, q in enumerate(art.quotes):
            if k % 5 == 4:
                continue  # missed quote
            cue = (q.cue[0], q.cue[1] + (3 if k % 3 == 1 else 0))
            sources = list(q.sources)[: 1 if k % 4 == 2 else None]
            contents = [(s + (1 if k % 2 else 0), e) for s, e in q.contents]
            if k % 7 == 3 and len(contents) > 1:
                contents = [(contents[0][0], contents[-1][1])]
            quotes.append({"cue": _span(art.text, *cue), "sources": [_span(art.text, *s) for s in sources],
                           "contents": [_span(art.text, *c) for c in contents]})
        quotes.append({"cue": _span(art.text, 0, 5), "sources": [], "contents": [_span(art.text, 6, 30)]})
        with open(out_dir / f"{art.name}.json", "w", encoding="utf-8") as f:
            json.dump({"text": art.text, "quotes": quotes}, f)


def test_score_citron_equals_reference_on_perturbed_gold(tmp_path):
    _perturbed_predictions(tmp_path / "pred")
    _assert_same_figures(score_citron(POLNEAR, tmp_path / "pred"), _reference_scores(POLNEAR, tmp_path / "pred"))


def test_score_citron_gold_against_itself_is_perfect(tmp_path):
    subprocess.run([sys.executable, str(REFERENCE), "--gold", str(POLNEAR), "--convert-gold", str(tmp_path / "g")],
                   capture_output=True, check=True)
    scores = score_citron(POLNEAR, tmp_path / "g")
    assert [1.0] * 4 == [scores[k]["exact"]["f1"] for k in ("cue", "source", "content", "all")]
    assert [1.0] * 4 == [scores[k]["bounded"]["f1"] for k in ("cue", "source", "content", "all")]


def test_predict_citron_writes_one_json_per_text_with_consistent_spans(tmp_path):
    report = predict_citron(POLNEAR / "text", tmp_path / "pred")
    assert 4 == report.files
    for path in sorted((tmp_path / "pred").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for q in data["quotes"]:
            for span in [q["cue"], *q["sources"], *q["contents"]]:
                assert span["text"] == data["text"][span["start"]:span["end"]]


def test_score_citron_equals_reference_on_model_predictions(tmp_path):
    predict_citron(POLNEAR / "text", tmp_path / "pred")
    ours = score_citron(POLNEAR, tmp_path / "pred")
    _assert_same_figures(ours, _reference_scores(POLNEAR, tmp_path / "pred"))
    assert ours["cue"]["exact"]["f1"] > 0.5  # the model finds most cues of these articles


def test_evaluate_polnear_scores_the_predictions_it_writes(tmp_path):
    res = evaluate_polnear(FIXTURES, "polnear", pred_dir=tmp_path / "pred")
    assert 4 == len(list((tmp_path / "pred").glob("*.json")))
    _assert_same_figures(res.scores, _reference_scores(POLNEAR, tmp_path / "pred"))
    assert "Cue" in res.table()


def test_evaluate_polnear_scores_the_shipped_finder_by_default(tmp_path):
    """What analyze ships (model completed by the rules) is what the eval scores, unless asked otherwise."""
    from claimscope.attribution import find_triples
    from claimscope.attribution.polnear import parse_texts

    shipped = evaluate_polnear(FIXTURES, "polnear", pred_dir=tmp_path / "shipped")
    model = evaluate_polnear(FIXTURES, "polnear", finder="model", pred_dir=tmp_path / "model")
    rules = evaluate_polnear(FIXTURES, "polnear", finder="rules", pred_dir=tmp_path / "rules")

    assert ("shipped", "model", "rules") == (shipped.finder, model.finder, rules.finder)
    articles = read_polnear(POLNEAR)
    expected = sum(len(find_triples(d)) for d in parse_texts([a.text for a in articles]))
    assert expected == shipped.scores["pred_quotes"]
    assert shipped.scores["pred_quotes"] >= model.scores["pred_quotes"]  # the rules only add cues the model missed
    _assert_same_figures(rules.scores, _reference_scores(POLNEAR, tmp_path / "rules"))
    assert "shipped finder" in shipped.table()


def test_predict_citron_uses_the_shipped_finder_like_the_eval(tmp_path):
    predict_citron(POLNEAR / "text", tmp_path / "pred")
    res = evaluate_polnear(FIXTURES, "polnear", pred_dir=tmp_path / "eval")
    assert res.scores == score_citron(POLNEAR, tmp_path / "pred")


def test_unknown_finder_is_refused(tmp_path):
    with pytest.raises(ValueError, match="finder must be one of shipped, model, rules"):
        evaluate_polnear(FIXTURES, "polnear", finder="crf", pred_dir=tmp_path / "pred")
