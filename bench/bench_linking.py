"""How link_claims grows with the number of claims: time and peak memory at 1k, 10k, 100k.

Each size runs in a fresh process. Embedding the claims (MiniLM, ONNX Runtime) is timed on its
own ("embed s"), then link_claims with those embeddings ("link s": term index, min-hash and LSH
candidates, scoring); memory is the growth of the process's peak resident set over both.
``--lexical`` links without embeddings (the linker before they were added).

Claims are real ones replicated with perturbation: the claim texts of the PolNeAR dev claim-pair
set (data/claim-pairs/polnear-dev-pairs.jsonl) and, unless --no-seed, the seed's claims from the
full pipeline. Each replica drops ~15% of its words, swaps ~10% for words of other claims, and
gets a random speaker and article, so the corpus holds clusters of near-paraphrases (what linking
must find) inside a growing vocabulary, not exact copies.

    .venv/bin/python bench/bench_linking.py [--sizes 1000 10000 100000] [--no-seed] [--lexical]
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import resource
import subprocess
import time
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


def measure(n: int, with_seed: bool, lexical: bool = False) -> dict:
    """Link n replicated claims; time without tracing, memory as the process's peak RSS growth."""
    base = base_claims(with_seed)
    claims = replicate(base, n, random.Random(13))
    embeddings = None
    if not lexical:
        from claimscope.knowledge.embeddings import embed
        embed(["warm up: load the model"])  # loading is once per process, not per claim
    gc.collect()
    before = _rss_mib()
    t0 = time.perf_counter()
    if not lexical:
        embeddings = embed([c.text for c in claims])
    t1 = time.perf_counter()
    links = link_claims(claims, use_embeddings=not lexical, embeddings=embeddings)
    t2 = time.perf_counter()
    return {"n": n, "embed_seconds": t1 - t0, "seconds": t2 - t1, "peak_mib": _peak_rss_mib() - before,
            "links": len(links), "base": len(base)}


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--no-seed", action="store_true")
    parser.add_argument("--lexical", action="store_true", help="link without sentence embeddings")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: measure one size, print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, not args.no_seed, args.lexical)))
        return 0
    print(f"{'claims':>8} {'embed s':>9} {'link s':>9} {'peak MiB':>9} {'links':>9} {'link s/1k':>9}  "
          "link growth vs previous")
    previous = None
    for n in args.sizes:
        # each size in a fresh process, so its peak memory is its own
        cmd = ([sys.executable, __file__, "--one", str(n)] + (["--no-seed"] if args.no_seed else [])
               + (["--lexical"] if args.lexical else []))
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        growth = "" if previous is None else f"x{r['seconds'] / previous[1]:.1f} time for x{n / previous[0]:.0f} claims"
        print(f"{n:>8} {r['embed_seconds']:>9.2f} {r['seconds']:>9.2f} {r['peak_mib']:>9.1f} {r['links']:>9} "
              f"{1000 * r['seconds'] / n:>9.3f}  {growth}", flush=True)
        previous = (n, r["seconds"])
    print(f"(claims replicated from {r['base']} real ones)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
