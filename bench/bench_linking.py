"""How link_claims grows with the number of claims: time, peak memory and pairs at 1k, 10k, 100k.

Each size runs in a fresh process, so its peak memory is its own. Embedding the claims (MiniLM,
ONNX Runtime: ``knowledge.embeddings.embed``) is timed on its own, then the real ``link_claims``
with those embeddings, its time split by wrapping the linking module's functions for the run:

- terms: building the TF-IDF term index (``TermIndex``);
- candidates: min-hash pairs (``TermIndex.candidates``), then the embedding LSH pairs
  (``embedding_candidates``, the cosine filter, the union with the min-hash pairs);
- scoring: lexical scores of the candidate pairs (``score_pairs``) and their cosines;
- rest: what is left of link_claims (making and sorting the ``ClaimLink`` records).

Peak memory is the process's peak resident set (VmHWM, which is what ``ru_maxrss`` reports for a
process that was not exec'd from a bigger one), model and data included, and its growth over the
resident set before embedding. Growth between sizes is the exponent k in
time ~ n^k (1: linear, 2: quadratic). The load average (1 minute) is read before and after each
size: the machine's 2 cores are shared, so quote it with any figure. ``--lexical`` links without
embeddings (the linker before they were added).

Claims are real ones replicated with perturbation: the claim texts of the PolNeAR dev claim-pair
set (data/claim-pairs/polnear-dev-pairs.jsonl) and, unless --no-seed, the seed's claims from the
full pipeline (run once, in this process). Each replica drops ~15% of its words, swaps ~10% for
words of other claims, and gets a random speaker and article, so the corpus holds clusters of
near-paraphrases (what linking must find) inside a growing vocabulary, not exact copies.

    nice -n 10 .venv/bin/python bench/bench_linking.py [--sizes 1000 10000 100000] [--no-seed] [--lexical]
"""
from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimscope.knowledge import linking  # noqa: E402
from claimscope.model import Claim, Stance  # noqa: E402

PAIRS = REPO / "data" / "claim-pairs" / "polnear-dev-pairs.jsonl"
STAGES = ("terms", "minhash", "lsh", "scoring", "rest")


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
                            subjects=tuple(subjects)))
    return claims


class _StageClock:
    """Times link_claims's steps by wrapping the linking module's functions for one run.

    link_claims looks its helpers up in the module when it runs, so replacing them there times the
    real code; a helper the module no longer has is left out (its time lands in "rest")."""

    def __init__(self):
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.pairs = {"minhash": 0, "lsh": 0, "lsh_kept": 0, "scored": 0}
        self.scoring = False  # pair_cosine filters LSH pairs before score_pairs, scores after it

    def install(self) -> None:
        clock = self

        class TimedTermIndex(linking.TermIndex):
            def __init__(self, *args, **kwargs):
                with clock.stage("terms"):
                    super().__init__(*args, **kwargs)

            def candidates(self, *args, **kwargs):
                with clock.stage("minhash"):
                    i, j = super().candidates(*args, **kwargs)
                clock.pairs["minhash"] += len(i)
                return i, j

        linking.TermIndex = TimedTermIndex
        self._wrap("embedding_candidates", lambda: "lsh", "lsh")
        self._wrap("pair_cosine", lambda: "scoring" if clock.scoring else "lsh")
        self._wrap("_union", lambda: "lsh")
        self._wrap("score_pairs", lambda: "scoring", "scored", starts_scoring=True)

    def _wrap(self, name: str, stage_of, count: str | None = None, starts_scoring: bool = False) -> None:
        inner = getattr(linking, name, None)
        if inner is None:
            print(f"bench: linking.{name} is gone; its time counts as rest", file=sys.stderr)
            return

        def timed(*args, **kwargs):
            if starts_scoring:
                self.scoring = True
            with self.stage(stage_of()):
                out = inner(*args, **kwargs)
            if count == "lsh":
                self.pairs["lsh"] += len(out[0])
            elif count == "scored":
                self.pairs["scored"] += len(out)
            if name == "_union" and len(args) > 1:
                self.pairs["lsh_kept"] += len(args[1][0])
            return out

        setattr(linking, name, timed)

    def stage(self, name: str):
        clock = self

        class _Timer:
            def __enter__(self):
                self.t0 = time.perf_counter()

            def __exit__(self, *exc):
                clock.seconds[name] += time.perf_counter() - self.t0

        return _Timer()


def measure(n: int, base, lexical: bool = False) -> dict:
    """Embed and link n replicated claims in this process; times, pairs, links and peak memory."""
    claims = replicate(base, n, random.Random(13))
    load_before = os.getloadavg()[0]
    embeddings = None
    if not lexical:
        from claimscope.knowledge.embeddings import embed
        embed(["warm up: load the model"])  # loading is once per process, not per claim
    gc.collect()
    rss_before = _rss_mib()
    t0 = time.perf_counter()
    if not lexical:
        embeddings = embed([c.text for c in claims])
    t1 = time.perf_counter()
    peak_embed = _peak_rss_mib()
    clock = _StageClock()
    clock.install()
    links = linking.link_claims(claims, use_embeddings=not lexical, embeddings=embeddings)
    t2 = time.perf_counter()
    seconds = dict(clock.seconds)
    seconds["rest"] = max(0.0, (t2 - t1) - sum(v for k, v in seconds.items() if k != "rest"))
    return {"n": n, "embed_s": t1 - t0, "link_s": t2 - t1, "stages_s": seconds, "pairs": clock.pairs,
            "links": len(links), "peak_mib": _peak_rss_mib(), "peak_after_embed_mib": peak_embed,
            "rss_before_mib": rss_before, "load_before": load_before, "load_after": os.getloadavg()[0]}


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_rss_mib() -> float:
    """This process's peak resident set: VmHWM, not ru_maxrss, which Linux carries across exec, so a
    child started from a parent that ran the pipeline (seed claims) would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _exponent(t_small: float, t_big: float, n_small: int, n_big: int) -> str:
    if t_small <= 0 or t_big <= 0:
        return "-"
    return f"{math.log(t_big / t_small) / math.log(n_big / n_small):.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--no-seed", action="store_true")
    parser.add_argument("--lexical", action="store_true", help="link without sentence embeddings")
    parser.add_argument("--json", type=Path, help="also append each size's measures to this JSON-lines file")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: measure one size, print JSON
    parser.add_argument("--base", type=Path, help=argparse.SUPPRESS)  # child: the base claims, as JSON
    args = parser.parse_args()
    if args.one:
        base = [(t, s, tuple(subj)) for t, s, subj in json.loads(args.base.read_text(encoding="utf-8"))]
        print(json.dumps(measure(args.one, base, args.lexical)))
        return 0
    base = base_claims(not args.no_seed)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(base, f)
    print(f"{len(base)} real claims replicated; {'lexical only' if args.lexical else 'with embeddings'}; "
          f"{os.cpu_count()} CPUs")
    print(f"{'claims':>8} {'embed s':>8} {'terms s':>8} {'minhash s':>9} {'lsh s':>7} {'score s':>8} {'rest s':>7} "
          f"{'link s':>8} {'total s':>8} {'peak MiB':>9} {'+MiB':>7} {'minhash':>9} {'lsh':>9} {'lsh kept':>9} {'scored':>9} "
          f"{'links':>9} {'load':>9}")
    rows = []
    try:
        for n in args.sizes:
            # each size in a fresh process, so its peak memory is its own
            cmd = ([sys.executable, __file__, "--one", str(n), "--base", f.name]
                   + (["--lexical"] if args.lexical else []))
            r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
            rows.append(r)
            s, p = r["stages_s"], r["pairs"]
            print(f"{n:>8} {r['embed_s']:>8.2f} {s['terms']:>8.2f} {s['minhash']:>9.2f} {s['lsh']:>7.2f} "
                  f"{s['scoring']:>8.2f} {s['rest']:>7.2f} {r['link_s']:>8.2f} {r['embed_s'] + r['link_s']:>8.2f} {r['peak_mib']:>9.0f} "
                  f"{r['peak_mib'] - r['rss_before_mib']:>+7.0f} {p['minhash']:>9} {p['lsh']:>9} {p['lsh_kept']:>9} "
                  f"{p['scored']:>9} {r['links']:>9} {r['load_before']:>4.1f}-{r['load_after']:<4.1f}", flush=True)
            if args.json:
                with args.json.open("a", encoding="utf-8") as out:
                    out.write(json.dumps({**r, "lexical": args.lexical, "base": len(base)}) + "\n")
    finally:
        os.unlink(f.name)
    for small, big in zip(rows, rows[1:]):
        ns, nb = small["n"], big["n"]
        print(f"{ns} -> {nb} claims (x{nb / ns:g}): time ~ n^k with k = embed "
              f"{_exponent(small['embed_s'], big['embed_s'], ns, nb)}, link "
              f"{_exponent(small['link_s'], big['link_s'], ns, nb)} (min-hash "
              f"{_exponent(small['stages_s']['minhash'], big['stages_s']['minhash'], ns, nb)}, lsh "
              f"{_exponent(small['stages_s']['lsh'], big['stages_s']['lsh'], ns, nb)}, scoring "
              f"{_exponent(small['stages_s']['scoring'], big['stages_s']['scoring'], ns, nb)}), total "
              f"{_exponent(small['embed_s'] + small['link_s'], big['embed_s'] + big['link_s'], ns, nb)}; "
              f"peak memory x{big['peak_mib'] / small['peak_mib']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
