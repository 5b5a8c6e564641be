"""How well PolNeAR's annotators agree with each other, by the metrics the attribution bars use.

Some PolNeAR articles carry one .ann file per annotator. The scorer's gold is the file whose
suffix sorts first; this scores every other annotator's file against it, as if it were a system's
predictions, with the same exact-match and bounded-overlap metrics (claimscope.eval.attribution,
equal to tools/attrib_score.py). It tells what exact-boundary F1 people reach on the same text.

    .venv/bin/python scripts/polnear_agreement.py --data ../shared/data/polnear --split train
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from claimscope.attribution.polnear import parse_brat, quotes_from_brat, read_text
from claimscope.eval.attribution import KINDS, score_citron


def annotator_files(split_dir: Path) -> dict[str, list[Path]]:
    """Articles with two or more .ann files, each list sorted (the first is the scorer's gold)."""
    by_article: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        by_article[path.name.rsplit("_", 1)[0]].append(path)
    return {name: files for name, files in by_article.items() if len(files) > 1}


def citron_quotes(text: str, quotes) -> dict:
    """Gold quotes in Citron's prediction format."""
    def js(span):
        return {"start": span[0], "end": span[1], "text": text[span[0]:span[1]]}
    return {"text": text, "quotes": [{"cue": js(q.cue), "sources": [js(s) for s in q.sources],
                                      "contents": [js(c) for c in q.contents]} for q in quotes]}


def score_annotator(split_dir: Path, multi: dict[str, list[Path]], k: int, work: Path) -> tuple[int, dict]:
    """Scores of each article's k-th annotator (0-based) against its first, over articles that have one."""
    gold, pred = work / "gold", work / "pred"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    pred.mkdir()
    n = 0
    for name, files in multi.items():
        if len(files) <= k:
            continue
        n += 1
        shutil.copy(split_dir / "text" / f"{name}.txt", gold / "text")
        shutil.copy(files[0], gold / "attributions")
        text = read_text(split_dir / "text" / f"{name}.txt")
        quotes = quotes_from_brat(parse_brat(read_text(files[k]), path=str(files[k])), path=str(files[k]))
        (pred / f"{name}.json").write_text(json.dumps(citron_quotes(text, quotes)), encoding="utf-8")
    return n, score_citron(gold, pred)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR folder holding SPLIT/")
    parser.add_argument("--split", default="train")
    args = parser.parse_args()
    split_dir = args.data / args.split
    multi = annotator_files(split_dir)
    print(f"{len(multi)} articles of {args.split} have several annotators")
    print("annotator vs the first | articles | " + " | ".join(f"{k} exact F1" for k in KINDS) + " | content bounded F1")
    for k in range(1, max((len(f) for f in multi.values()), default=1)):
        with tempfile.TemporaryDirectory() as tmp:
            n, s = score_annotator(split_dir, multi, k, Path(tmp))
        row = " | ".join(f"{s[kind]['exact']['f1']:.3f}" for kind in KINDS)
        print(f"annotator {k + 1} | {n} | {row} | {s['content']['bounded']['f1']:.3f}")


if __name__ == "__main__":
    main()
