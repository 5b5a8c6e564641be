"""Speed and peak memory of the attribution stage on PolNeAR dev, with 1 and N processes.

The stage is what ``analyze`` runs per article to get who-said-what: an article's clean text to
its ``Attribution`` records (parse with ``build_nlp()``, span model completed by the parse rules,
quotes, carried quotes, source resolution, stance): ``claimscope.attribution.extract_attributions``.
Next to it, in the same run: a bare spaCy parse of the same texts (``spacy.load`` of the same
package, nothing of claimscope), and, to show where the time goes, the stage on texts parsed
in batches with ``nlp.pipe`` and the time of each pipeline component.

Every process is started fresh (spawn), loads its models and runs one warm-up article before the
clock starts; articles are handed out from one queue. articles/s is wall-clock from the first
worker's start to the last one's end. Peak memory is each worker's peak resident set
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``), model included. The load average is printed,
since the machine is shared.

    .venv/bin/python bench/bench_attribution.py [--data ../shared/data/polnear] [--procs 1 2] [--repeat 1]
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear"
MODES = ("stage", "bare-parse", "stage-pipe")


def load_articles(data_dir: Path, split: str = "dev"):
    """PolNeAR texts as clean Articles: first line the headline, each further line a paragraph."""
    from claimscope.attribution.polnear import read_polnear
    from claimscope.model import Article

    out = []
    for art in read_polnear(data_dir / split):
        lines = [ln.strip() for ln in art.text.splitlines() if ln.strip()]
        out.append(Article(id=art.name, headline=lines[0], paragraphs=tuple(lines[1:])))
    return out


def _worker(mode: str, articles, queue, barrier, results) -> None:
    import spacy

    from claimscope.attribution import extract_attributions
    from claimscope.nlp.pipeline import MODEL_NAME, build_nlp

    if mode == "bare-parse":
        nlp = spacy.load(MODEL_NAME)
        nlp(articles[0].text)
    else:
        nlp = build_nlp()
        extract_attributions(articles[0])  # loads the span model, lexicons, gazetteer ...
    barrier.wait()
    t0 = time.perf_counter()
    n = records = 0
    if mode == "stage-pipe":
        batch = []
        while (i := queue.get()) is not None:
            batch.append(articles[i])
        for art, doc in zip(batch, nlp.pipe([a.text for a in batch], batch_size=16)):
            records += len(extract_attributions(art, doc))
            n += 1
    else:
        while (i := queue.get()) is not None:
            if mode == "bare-parse":
                nlp(articles[i].text)
            else:
                records += len(extract_attributions(articles[i]))
            n += 1
    t1 = time.perf_counter()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put({"n": n, "records": records, "t0": t0, "t1": t1, "rss_mib": rss_mib})


def run(mode: str, articles, procs: int) -> dict:
    ctx = mp.get_context("spawn")
    queue, results, barrier = ctx.Queue(), ctx.Queue(), ctx.Barrier(procs)
    # One queue; each worker takes articles until it meets a None (stage-pipe gathers its
    # articles first, then parses them in batches).
    for i in range(len(articles)):
        queue.put(i)
    for _ in range(procs):
        queue.put(None)
    workers = [ctx.Process(target=_worker, args=(mode, articles, queue, barrier, results)) for _ in range(procs)]
    for w in workers:
        w.start()
    outs = [results.get() for _ in workers]
    for w in workers:
        w.join()
    wall = max(o["t1"] for o in outs) - min(o["t0"] for o in outs)
    n = sum(o["n"] for o in outs)
    return {"mode": mode, "procs": procs, "articles": n, "records": sum(o["records"] for o in outs),
            "seconds": wall, "articles_per_s": n / wall, "per_proc": n / wall / procs,
            "peak_rss_mib": max(o["rss_mib"] for o in outs)}


def component_times(articles) -> dict[str, float]:
    """Seconds per pipeline component over all texts, and the attribution steps after the parse."""
    from claimscope.attribution import build_attributions, extract_attributions, find_triples
    from claimscope.nlp.pipeline import build_nlp

    nlp = build_nlp()
    extract_attributions(articles[0])
    times = {"make_doc": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "find_triples": 0.0,
             "build_attributions": 0.0}
    for art in articles:
        t = time.perf_counter()
        doc = nlp.make_doc(art.text)
        times["make_doc"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - t
        t = time.perf_counter()
        triples = find_triples(doc)
        times["find_triples"] += time.perf_counter() - t
        t = time.perf_counter()
        build_attributions(art, doc, triples)
        times["build_attributions"] += time.perf_counter() - t
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--procs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    ap.add_argument("--no-components", action="store_true")
    args = ap.parse_args(argv)

    articles = load_articles(args.data)
    chars = sum(len(a.text) for a in articles)
    print(f"PolNeAR dev: {len(articles)} articles, {chars / len(articles):.0f} characters each on average; "
          f"{os.cpu_count()} CPUs; load average at start {os.getloadavg()[0]:.2f}")
    print(f"{'mode':12} {'procs':>5} {'articles/s':>10} {'per proc':>9} {'seconds':>8} {'peak RSS MiB':>12} "
          f"{'records':>8} {'load':>5}")
    for mode in args.modes:
        for procs in args.procs:
            r = run(mode, articles, procs)
            print(f"{mode:12} {procs:>5} {r['articles_per_s']:>10.2f} {r['per_proc']:>9.2f} {r['seconds']:>8.1f} "
                  f"{r['peak_rss_mib']:>12.0f} {r['records']:>8} {os.getloadavg()[0]:>5.2f}", flush=True)
    if not args.no_components:
        times = component_times(articles)
        total = sum(times.values())
        print(f"one process, seconds per step over {len(articles)} articles (total {total:.1f} s, "
              f"load {os.getloadavg()[0]:.2f}):")
        for name, s in times.items():
            print(f"  {name:20} {s:6.2f} s  {100 * s / total:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
