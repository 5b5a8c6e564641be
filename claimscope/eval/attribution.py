"""Attribution eval on PolNeAR: Citron-format predictions and Citron's quote metrics.

The metrics are those of the reference scorer (``tools/attrib_score.py``, itself a re-statement
of citron/metrics.py), computed on spaCy tokens from ``build_nlp()``'s tokenizer:

* spans map to tokens as Citron's ``_get_span`` does (a token owns its trailing single space);
* exact match, per article, micro-summed: Cue (cue tokens equal), Source / Content (cues
  overlap, with Citron's ``a.start <= b.end`` and ``a.end > b.start``, and the sorted span lists
  are equal), All (cue equal and both lists equal); TP and FP are counted over predictions,
  FN over gold;
* Citron overlap: token overlap summed over ALL (pred, gold) pairs, over predicted / gold
  lengths; for All the three roles pool and P/R are swapped, as Citron prints them;
* bounded overlap: per quote, the token SET of a role, credited against its single best
  counterpart, so the figures stay in [0, 1].
"""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from claimscope.attribution.features import char_to_token, token_span
from claimscope.attribution.polnear import read_polnear, read_text
from claimscope.errors import InputError

logger = logging.getLogger(__name__)

KINDS = ("cue", "source", "content", "all")
ROLES = ("cue", "source", "content")
_ROLE_KEY = {"source": "sources", "content": "contents"}


# ---------------------------------------------------------------- metrics on token spans

def _match(a, b) -> bool:
    return a is not None and b is not None and a[0] == b[0] and a[1] == b[1]


def _overlapping(a, b) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and a[1] > b[0]


def _list_match(xs, ys) -> bool:
    return len(xs) == len(ys) and all((x is None and y is None) or _match(x, y) for x, y in zip(xs, ys))


def _ov(a, b) -> int:
    if a is None or b is None:
        return 0
    return max(a[0], min(a[1], b[1])) - min(a[1], max(a[0], b[0]))


def _spans(q, role):
    return [q["cue"]] if role == "cue" else q[_ROLE_KEY[role]]


def _tokens(q, role) -> set[int]:
    return {i for x in _spans(q, role) if x is not None for i in range(x[0], x[1])}


_EXACT = {
    "cue": lambda p, g: _match(p["cue"], g["cue"]),
    "source": lambda p, g: _overlapping(p["cue"], g["cue"]) and _list_match(p["sources"], g["sources"]),
    "content": lambda p, g: _overlapping(p["cue"], g["cue"]) and _list_match(p["contents"], g["contents"]),
    "all": lambda p, g: (_match(p["cue"], g["cue"]) and _list_match(p["sources"], g["sources"])
                         and _list_match(p["contents"], g["contents"])),
}


def new_counts() -> dict:
    c = {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS}
    for r in ROLES:
        c[r].update(ov=0, len_pred=0, len_gold=0, best_p=0, set_pred=0, best_r=0, set_gold=0)
    return c


def add_article(counts: dict, pred: list[dict], gold: list[dict]) -> None:
    """Add one article's predicted and gold quotes (token spans) to ``counts``."""
    for k in KINDS:
        test = _EXACT[k]
        for p in pred:
            counts[k]["tp" if any(test(p, g) for g in gold) else "fp"] += 1
        counts[k]["fn"] += sum(1 for g in gold if not any(test(p, g) for p in pred))
    for r in ROLES:
        c = counts[r]
        for p in pred:
            c["len_pred"] += sum(x[1] - x[0] for x in _spans(p, r) if x is not None)
            for g in gold:
                c["ov"] += sum(_ov(x, y) for x in _spans(p, r) for y in _spans(g, r))
        for g in gold:
            c["len_gold"] += sum(x[1] - x[0] for x in _spans(g, r) if x is not None)
        psets = [_tokens(p, r) for p in pred]
        gsets = [_tokens(g, r) for g in gold]
        for ps in psets:
            c["set_pred"] += len(ps)
            c["best_p"] += max((len(ps & gs) for gs in gsets), default=0)
        for gs in gsets:
            c["set_gold"] += len(gs)
            c["best_r"] += max((len(ps & gs) for ps in psets), default=0)


def _ratio_prf(num_p: int, den_p: int, num_r: int, den_r: int) -> dict:
    p = num_p / den_p if den_p else 0.0
    r = num_r / den_r if den_r else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def final_scores(c: dict) -> dict:
    """P/R/F1 for every kind under exact match, Citron overlap and bounded overlap."""
    out = {}
    for k in KINDS:
        x = c[k]
        out[k] = {"exact": dict(_ratio_prf(x["tp"], x["tp"] + x["fp"], x["tp"], x["tp"] + x["fn"]),
                                tp=x["tp"], fp=x["fp"], fn=x["fn"])}
    for r in ROLES:
        x = c[r]
        out[r]["overlap"] = _ratio_prf(x["ov"], x["len_pred"], x["ov"], x["len_gold"])
        out[r]["bounded"] = _ratio_prf(x["best_p"], x["set_pred"], x["best_r"], x["set_gold"])
    tot = {key: sum(c[r][key] for r in ROLES) for key in c["cue"] if key not in ("tp", "fp", "fn")}
    # Citron pools the roles and swaps predicted and gold lengths for "All Quote Spans".
    out["all"]["overlap"] = _ratio_prf(tot["ov"], tot["len_gold"], tot["ov"], tot["len_pred"])
    out["all"]["bounded"] = _ratio_prf(tot["best_p"], tot["set_pred"], tot["best_r"], tot["set_gold"])
    return out


# ---------------------------------------------------------------- Citron JSON in and out

def _tokenizer():
    from claimscope.nlp.pipeline import build_nlp

    return build_nlp().tokenizer


def quote_to_tokens(c2t, cue, sources, contents) -> dict:
    """Character spans as sorted token spans (None where a span maps to no token)."""
    return {"cue": token_span(c2t, *cue) if cue is not None else None,
            "sources": sorted((t for t in (token_span(c2t, *s) for s in sources) if t is not None)),
            "contents": sorted((t for t in (token_span(c2t, *s) for s in contents) if t is not None))}


def _read_pred(path: Path, text: str, c2t) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("text", text) != text:
        logger.warning("%s: 'text' differs from the gold text; offsets read against the gold", path)
    out = []
    for q in data.get("quotes") or []:
        if q.get("cue") is None:
            logger.warning("%s: predicted quote without cue skipped", path)
            continue
        as_span = lambda x: (int(x["start"]), int(x["end"])) if isinstance(x, dict) else (int(x[0]), int(x[1]))
        out.append(quote_to_tokens(c2t, as_span(q["cue"]), [as_span(s) for s in q.get("sources") or []],
                                   [as_span(s) for s in q.get("contents") or []]))
    return out


def score_citron(gold_split_dir: str | os.PathLike, pred_dir: str | os.PathLike) -> dict:
    """Score a folder of ``<article>.json`` Citron predictions against a PolNeAR split folder.

    A missing prediction file counts as an article with no quotes, as in the reference.
    """
    tok = _tokenizer()
    counts = new_counts()
    n_pred = n_gold = 0
    articles = read_polnear(gold_split_dir)
    for art in articles:
        c2t = char_to_token(tok(art.text))
        gold = [quote_to_tokens(c2t, q.cue, q.sources, q.contents) for q in art.quotes]
        path = Path(pred_dir) / f"{art.name}.json"
        pred = _read_pred(path, art.text, c2t) if path.exists() else []
        n_pred += len(pred)
        n_gold += len(gold)
        add_article(counts, pred, gold)
    scores = final_scores(counts)
    scores["articles"] = len(articles)
    scores["gold_quotes"] = n_gold
    scores["pred_quotes"] = n_pred
    return scores


def citron_json(text: str, spans) -> dict:
    """Citron's annotation format for one text and its ``SpanTriple``s."""
    def js(s, e):
        return {"start": s, "end": e, "text": text[s:e]}

    return {"text": text, "quotes": [{
        "cue": js(*t.cue),
        "sources": [js(*s) for s in t.sources],
        "contents": [js(*s) for s in t.contents],
        "confidence": round(t.confidence, 4),
    } for t in spans]}


def _write_json(path: Path, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


@dataclass(frozen=True, slots=True, kw_only=True)
class PredictReport:
    """What ``predict_citron`` wrote, and how fast (model load excluded)."""

    out_dir: str
    files: int
    quotes: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0


def predict_citron(text_dir: str | os.PathLike, out_dir: str | os.PathLike, *, finder: str | None = None,
                   model=None) -> PredictReport:
    """Write ``<name>.json`` in Citron's format for every ``<name>.txt`` in ``text_dir``.

    Each file is one plain article (its first line is the title, annotated like the body);
    no noise cleaning, so offsets point into the raw file text. ``finder`` as in
    :func:`evaluate_polnear` (default: the shipped finder).
    """
    from claimscope.nlp.pipeline import build_nlp

    text_dir, out_dir = Path(text_dir), Path(out_dir)
    if not text_dir.is_dir():
        raise InputError(str(text_dir), "not a folder of .txt files")
    out_dir.mkdir(parents=True, exist_ok=True)
    find = span_finder(finder, model)
    nlp = build_nlp()
    names = sorted(fn for fn in os.listdir(text_dir) if fn.endswith(".txt"))
    t0 = time.perf_counter()
    n_quotes = 0
    for fn in names:
        text = read_text(text_dir / fn)
        spans = find(nlp(text))
        n_quotes += len(spans)
        _write_json(out_dir / (fn[:-4] + ".json"), citron_json(text, spans))
    return PredictReport(out_dir=str(out_dir), files=len(names), quotes=n_quotes,
                         seconds=time.perf_counter() - t0)


FINDERS = ("shipped", "model", "rules")


def span_finder(finder: str | None = None, model=None):
    """``Doc -> list[SpanTriple]`` for one of :data:`FINDERS`.

    * ``shipped``: :func:`claimscope.attribution.find_triples`, the installed span model completed
      by the parse rules: what ``claimscope analyze`` uses (it cannot take another model);
    * ``model``: the CRF span finder alone (``model``, or the installed one);
    * ``rules``: the parse rules alone.

    ``None`` means ``shipped``, or ``model`` when a ``model`` is passed (training scores the model
    it has just written).
    """
    if finder is None:
        finder = "model" if model is not None else "shipped"
    if finder not in FINDERS:
        raise ValueError(f"finder must be one of {', '.join(FINDERS)} (got {finder!r})")
    if finder == "shipped":
        if model is not None:
            raise ValueError("the shipped finder uses the installed model; pass finder='model' to score another")
        from claimscope.attribution import find_triples

        return find_triples
    if finder == "rules":
        from claimscope.attribution.rules import find_rule_spans

        return find_rule_spans
    from claimscope.attribution.spans import default_model, find_attribution_spans

    model = model or default_model()
    return lambda doc: find_attribution_spans(doc, model)


@dataclass(frozen=True, slots=True, kw_only=True)
class PolnearEval:
    """Scores of one model on one PolNeAR split, and where its predictions were written."""

    split: str
    finder: str
    pred_dir: str
    scores: dict
    predict_s: float

    def summary(self) -> str:
        s = self.scores
        ex = " ".join(f"{k} {s[k]['exact']['f1']:.4f}" for k in KINDS)
        return f"exact F1: {ex}; content bounded F1 {s['content']['bounded']['f1']:.4f}"

    def table(self) -> str:
        """The scores as the reference scorer lays them out."""
        lines = [f"PolNeAR {self.split}, {self.finder} finder: {self.scores['articles']} articles, gold quotes "
                 f"{self.scores['gold_quotes']}, predicted quotes {self.scores['pred_quotes']}",
                 f"{'':17} | {'exact match':20} | {'overlap (Citron)':20} | {'bounded overlap':20}",
                 f"{'span':17} | " + " | ".join(f"{'P':>6} {'R':>6} {'F1':>6}" for _ in range(3))]
        names = {"cue": "Cue", "source": "Source", "content": "Content", "all": "All Quote Spans"}
        for k in KINDS:
            row = " | ".join(" ".join(f"{self.scores[k][m][x]:6.4f}" for x in ("p", "r", "f1"))
                             for m in ("exact", "overlap", "bounded"))
            lines.append(f"{names[k]:17} | {row}")
        lines.append("exact counts (tp/fp/fn): " + ", ".join(
            f"{k} {self.scores[k]['exact']['tp']}/{self.scores[k]['exact']['fp']}/{self.scores[k]['exact']['fn']}"
            for k in KINDS))
        return "\n".join(lines)


def evaluate_polnear(data_dir: str | os.PathLike, split: str = "dev", *, finder: str | None = None,
                     model=None, pred_dir: str | os.PathLike | None = None,
                     cache_dir: str | os.PathLike | None = None) -> PolnearEval:
    """Predict every text of ``data_dir/split`` into ``pred_dir`` (Citron JSON) and score it.

    ``finder`` picks what finds the spans (see :func:`span_finder`): by default ``shipped``, the
    model completed by the parse rules, as ``claimscope analyze`` runs it. ``pred_dir`` defaults
    to ``runs/polnear-<split>`` under the current folder. With ``cache_dir``, parsed Docs are
    reused from (or saved to) that cache; otherwise each text is parsed here, as
    ``predict_citron`` would.
    """
    from claimscope.attribution.polnear import parse_texts

    if finder is None:
        finder = "model" if model is not None else "shipped"
    find = span_finder(finder, model)
    split_dir = Path(data_dir) / split
    pred_dir = Path(pred_dir) if pred_dir else Path("runs") / f"polnear-{split}"
    pred_dir.mkdir(parents=True, exist_ok=True)
    articles = read_polnear(split_dir)
    t0 = time.perf_counter()
    docs = parse_texts([a.text for a in articles], cache_dir=cache_dir, tag=split)
    for art, doc in zip(articles, docs):
        _write_json(pred_dir / f"{art.name}.json", citron_json(art.text, find(doc)))
    predict_s = time.perf_counter() - t0
    res = PolnearEval(split=split, finder=finder, pred_dir=str(pred_dir),
                      scores=score_citron(split_dir, pred_dir), predict_s=round(predict_s, 2))
    logger.info("PolNeAR %s (%s finder): %s", split, finder, res.summary())
    return res


__all__ = ["FINDERS", "PolnearEval", "PredictReport", "evaluate_polnear", "predict_citron", "score_citron",
           "span_finder"]
