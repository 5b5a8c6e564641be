"""How link_claims grows with the number of claims: time and peak memory at 1k, 10k, 100k.

Claims are real ones replicated with perturbation: the claim texts of the PolNeAR dev claim-pair
set (data/claim-pairs/polnear-dev-pairs.jsonl) and, unless --no-seed, the seed's claims from the
full pipeline. Each replica drops ~15% of its words, swaps ~10% for words of other claims, and
gets a random speaker and article, so the corpus holds clusters of near-paraphrases (what linking
must find) inside a growing vocabulary, not exact copies.

    .venv/bin/python bench/bench_linking.py [--sizes 1000 10000 100000] [--no-seed]
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimscope.knowledge.linking import link_claims  # noqa: E402
from claimscope.model import Claim, Stance  # noqa: E402

PAIRS = REPO / "data" / "claim-pairs" / "polnear-dev-pairs.jsonl"


def base_claims(with_seed: bool) -> list[tuple[str, str | None, tuple[str, ...]]]:
    out = {}
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        row = json.loads(line)
        for side in (row["a"], row["b"]):
            out[side["text"]] = (side["text"], side["speaker"], tuple(side["subjects"]))
    if with_seed:
        from claimscope.analysis import analyze_article
        from claimscope.ingest import read_articles
        from claimscope.knowledge.claims import extract_claims
        for article in read_articles(str(REPO / "examples" / "seed.txt")):
            an = analyze_article(article)
            for c in extract_claims(article, an.attributions):
                out[c.text] = (c.text, c.speaker, c.subjects)
    return list(out.values())


def replicate(base, n: int, rng: random.Random) -> list[Claim]:
    vocabulary = [w for text, _, _ in base for w in text.split()]
    speakers = [s for _, s, _ in base if s]
    claims = []
    for k in range(n):
        text, _, subjects = base[k % len(base)] if k < len(base) else rng.choice(base)
        words = []
        for w in text.split():
            r = rng.random()
            if r < 0.15 and k >= len(base):
                continue
            words.append(rng.choice(vocabulary) if r < 0.25 and k >= len(base) else w)
        claims.append(Claim(id=f"c{k}", article_id=f"a{k // 20}", attribution_index=k % 20,
                            text=" ".join(words) or text, speaker=rng.choice(speakers), stance=Stance.ASSERT,
                            subjects=subjects))
    return claims


def measure(claims: list[Claim]) -> tuple[float, float, int]:
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    links = link_claims(claims)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20, len(links)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--no-seed", action="store_true")
    args = parser.parse_args()
    rng = random.Random(13)
    base = base_claims(not args.no_seed)
    print(f"base claims: {len(base)}")
    print(f"{'claims':>8} {'seconds':>9} {'peak MiB':>9} {'links':>9} {'s per 1k':>9} {'growth vs previous':>20}")
    previous = None
    for n in args.sizes:
        seconds, peak, links = measure(replicate(base, n, rng))
        growth = "" if previous is None else f"x{seconds / previous[1]:.1f} time for x{n / previous[0]:.0f} claims"
        print(f"{n:>8} {seconds:>9.2f} {peak:>9.1f} {links:>9} {1000 * seconds / n:>9.3f} {growth:>20}")
        previous = (n, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
