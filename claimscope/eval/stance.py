"""The stance set: PolNeAR dev attributions labelled by hand (data/stance/), and stance.py's
accuracy on it given the gold cue and content.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

STANCE_SAMPLE_SEED = 20250426  # fixed so the sample can be drawn again
STANCE_SAMPLE_SIZE = 200
SAY_SHARE = 0.25  # at most this share of the sample has a form of "say" as its cue


def sample_stance_items(split_dir: str | Path, *, size: int = STANCE_SAMPLE_SIZE,
                        seed: int = STANCE_SAMPLE_SEED, exclude: Iterable[dict] = ()) -> list[dict]:
    """Draw gold attributions from PolNeAR, stratified over cue words: a quarter "say", the rest
    round-robin over the other cue words, so rare cues (denied, praised, warned) are in it. The
    items come unlabelled; the set in data/stance/ adds a stance and a note to each by hand.
    Items of ``exclude`` (same article and cue span) are never drawn: a held-out set is drawn
    with another seed, excluding the tuning set."""
    import random
    from collections import defaultdict

    from claimscope.attribution.polnear import read_polnear

    taken = {_item_key(item) for item in exclude}
    groups: dict[str, list[dict]] = defaultdict(list)
    for art in read_polnear(split_dir):
        for q in art.quotes:
            if not q.contents or (art.name, tuple(q.cue)) in taken:
                continue
            cue = art.text[q.cue[0]:q.cue[1]]
            item = {"article": art.name, "cue": cue, "cue_span": list(q.cue),
                    "source": " ... ".join(art.text[s:e] for s, e in q.sources) or None,
                    "content": " ... ".join(art.text[s:e] for s, e in q.contents),
                    "content_spans": [list(c) for c in q.contents]}
            groups[cue.lower().split()[-1] if cue.split() else cue].append(item)
    rng = random.Random(seed)
    for key in sorted(groups):
        rng.shuffle(groups[key])
    say = [k for k in ("said", "says", "say", "saying") if k in groups]
    picked: list[dict] = []
    quota = int(size * SAY_SHARE)
    while len(picked) < quota and any(groups[k] for k in say):
        for k in say:
            if groups[k] and len(picked) < quota:
                picked.append(groups[k].pop())
    others = sorted((k for k in groups if k not in say), key=lambda k: (-len(groups[k]), k))
    while len(picked) < size and any(groups[k] for k in others):
        for k in others:
            if groups[k] and len(picked) < size:
                picked.append(groups[k].pop())
    return picked


def _item_key(item: dict) -> tuple[str, tuple[int, ...]]:
    return item["article"], tuple(item["cue_span"])


# The committed sets: the tuning set (read while writing the rules) and the held-out one (never).
STANCE_SETS_DIR = Path(__file__).resolve().parents[2] / "data" / "stance"
DEFAULT_STANCE_SETS = (STANCE_SETS_DIR / "polnear-dev-stance.jsonl",
                       STANCE_SETS_DIR / "polnear-dev-stance-heldout.jsonl")


@dataclass(slots=True, kw_only=True)
class StanceScore:
    total: int = 0
    correct: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> n

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def labels(self) -> list[str]:
        return sorted({*self.confusion, *(p for row in self.confusion.values() for p in row)})

    def precision_recall(self) -> dict[str, tuple[float, float, int]]:
        """Per stance: precision, recall and the number of gold items (support)."""
        out = {}
        for label in self.labels():
            hit = self.confusion.get(label, {}).get(label, 0)
            predicted = sum(row.get(label, 0) for row in self.confusion.values())
            gold = sum(self.confusion.get(label, {}).values())
            out[label] = (hit / predicted if predicted else 0.0, hit / gold if gold else 0.0, gold)
        return out

    def table(self) -> str:
        """Accuracy, per-stance precision/recall, and the confusion matrix (gold rows)."""
        labels = self.labels()
        lines = [f"accuracy {self.accuracy:.3f} ({self.correct}/{self.total})", "",
                 f"{'stance':<10} {'precision':>9} {'recall':>7} {'gold':>5}"]
        for label, (p, r, n) in self.precision_recall().items():
            lines.append(f"{label:<10} {p:>9.3f} {r:>7.3f} {n:>5}")
        lines += ["", "gold \\ pred " + " ".join(f"{l[:6]:>6}" for l in labels)]
        for gold in labels:
            row = self.confusion.get(gold, {})
            lines.append(f"{gold:<11} " + " ".join(f"{row.get(p, 0):>6}" for p in labels))
        return "\n".join(lines)


def evaluate_stance_set(set_path: str | Path, split_dir: str | Path) -> StanceScore:
    """The stance stage's accuracy on the hand-labelled set, given the gold spans: each item is
    read with every gold attribution of its article around it (sources resolved as the pipeline
    does), so the article-level reading of sides.py counts too. ``split_dir`` is the PolNeAR split
    the set was drawn from (its ``text/`` and ``.ann`` files).

    Raises InputError when the set or an article is missing."""
    from claimscope.attribution.polnear import quotes_from_brat, parse_brat, read_text, select_ann_files
    from claimscope.errors import InputError
    from claimscope.nlp.pipeline import build_nlp

    try:
        lines = Path(set_path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(set_path), f"cannot read the stance set: {exc.strerror}") from exc
    items = [json.loads(line) for line in lines if line.strip()]
    anns = select_ann_files(split_dir) if Path(split_dir, "text").is_dir() else {}
    nlp = build_nlp()
    read: dict[str, dict] = {}
    result = StanceScore()
    for item in items:
        name = item["article"]
        if name not in read:
            text_path = Path(split_dir) / "text" / f"{name}.txt"
            if not text_path.is_file() or name not in anns:
                raise InputError(str(text_path), "article of the stance set not found (is --data the PolNeAR dev folder?)")
            doc = nlp(read_text(text_path))
            quotes = quotes_from_brat(parse_brat(read_text(anns[name]), path=str(anns[name])), path=str(anns[name]))
            read[name] = article_stances(doc, quotes)
        contents = tuple(tuple(c) for c in item["content_spans"])
        predicted = read[name].get((tuple(item["cue_span"]), contents))
        if predicted is None:
            raise InputError(str(set_path), f"{name}: no gold attribution with cue {item['cue_span']}")
        gold = item["stance"]
        result.total += 1
        result.correct += predicted.value == gold
        row = result.confusion.setdefault(gold, {})
        row[predicted.value] = row.get(predicted.value, 0) + 1
    return result


def article_stances(doc, quotes) -> dict:
    """(cue, contents) -> stance for every gold quote of one article, read as build_attributions
    reads them: the cue, else the content, then the article's sides."""
    from claimscope.attribution.sides import Said, side_stances
    from claimscope.attribution.sources import build_entity_index, note_speaker, resolve_source
    from claimscope.attribution.stance import content_stance, read_cue

    index = build_entity_index(doc)
    said = []
    for q in sorted(quotes, key=lambda q: q.cue):
        source = q.sources[0] if q.sources else None
        speaker = resolve_source(doc, index, *source, said=tuple(q.contents)) if source else None
        if source:
            note_speaker(index, source[0], speaker, end=source[1])
        reading = read_cue(doc, *q.cue)
        stance = reading.stance or content_stance(doc, tuple(q.contents), evaluative=reading.evaluative)
        said.append(Said(speaker=speaker, source=source, cue=tuple(q.cue), contents=tuple(q.contents),
                         stance=stance, neutral=reading.stance is None))
    stances = side_stances(doc, index, said)
    return {(s.cue, s.contents): st for s, st in zip(said, stances)}
