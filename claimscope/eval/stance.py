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


@dataclass(slots=True, kw_only=True)
class StanceScore:
    total: int = 0
    correct: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> n

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def evaluate_stance_set(set_path: str | Path, split_dir: str | Path) -> StanceScore:
    """stance.py's accuracy on the hand-labelled set, given the gold cue and content spans (the
    cross-party contradiction test is left out: it needs every attribution of the article)."""
    from claimscope.attribution.polnear import read_text
    from claimscope.attribution.stance import content_stance, read_cue
    from claimscope.nlp.pipeline import build_nlp

    nlp = build_nlp()
    docs: dict[str, object] = {}
    result = StanceScore()
    for line in Path(set_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item["article"] not in docs:
            docs[item["article"]] = nlp(read_text(Path(split_dir) / "text" / f"{item['article']}.txt"))
        doc = docs[item["article"]]
        reading = read_cue(doc, *item["cue_span"])
        contents = tuple(tuple(c) for c in item["content_spans"])
        predicted = reading.stance or content_stance(doc, contents, evaluative=reading.evaluative)
        gold = item["stance"]
        result.total += 1
        result.correct += predicted.value == gold
        row = result.confusion.setdefault(gold, {})
        row[predicted.value] = row.get(predicted.value, 0) + 1
    return result
