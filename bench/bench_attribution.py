"""Speed and peak memory of the attribution stage on PolNeAR dev, with 1 and N processes.

The stage is what ``analyze`` runs per article to get who-said-what: an article's clean text to
its ``Attribution`` records (parse with ``build_nlp()``, span model completed by the parse rules,
quotes, carried quotes, source resolution, stance): ``claimscope.attribution.extract_attributions``.
Next to it, in the same run: a bare spaCy parse of the same texts (``spacy.load`` of the same
package, nothing of claimscope), and, to show where the time goes, the stage on texts parsed
in batches with ``nlp.pipe`` and the time of each pipeline component.

Every process is started fresh (spawn), loads its models and runs one warm-up article before the
clock starts; articles are handed out from one queue. articles/s is wall-clock from the first
worker's start to the last one's end. Peak memory is each worker's peak resident set (VmHWM),
model included. The load average (1 minute) is printed before and after each row, since the
machine is shared; ``--repeat N`` runs every row N times.

The step times come from one process going through the articles one by one, each pipeline
component called in turn, then ``find_triples`` and ``build_attributions`` (our code after the
parse): wall and CPU seconds per step.

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
    rss_mib = _peak_rss_mib()
    results.put({"n": n, "records": records, "t0": t0, "t1": t1, "rss_mib": rss_mib})


def _peak_rss_mib() -> float:
    """This process's peak resident set: VmHWM (ru_maxrss can carry a parent's peak across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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


def component_times(articles) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds per pipeline component over all texts, and the attribution steps after
    the parse."""
    from claimscope.attribution import build_attributions, extract_attributions, find_triples
    from claimscope.nlp.pipeline import build_nlp

    nlp = build_nlp()
    extract_attributions(articles[0])
    names = ["make_doc", *nlp.pipe_names, "find_triples", "build_attributions"]
    wall = dict.fromkeys(names, 0.0)
    cpu = dict.fromkeys(names, 0.0)

    def timed(name, fn, *args):
        w, c = time.perf_counter(), time.process_time()
        out = fn(*args)
        wall[name] += time.perf_counter() - w
        cpu[name] += time.process_time() - c
        return out

    for art in articles:
        doc = timed("make_doc", nlp.make_doc, art.text)
        for name, proc in nlp.pipeline:
            doc = timed(name, proc, doc)
        triples = timed("find_triples", find_triples, doc)
        timed("build_attributions", build_attributions, art, doc, triples)
    times = {name: (wall[name], cpu[name]) for name in names}
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--procs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (a smoke run)")
    ap.add_argument("--repeat", type=int, default=1, help="run every row this many times")
    ap.add_argument("--no-components", action="store_true")
    args = ap.parse_args(argv)

    articles = load_articles(args.data)[:args.limit]
    chars = sum(len(a.text) for a in articles)
    print(f"PolNeAR dev: {len(articles)} articles, {chars / len(articles):.0f} characters each on average; "
          f"{os.cpu_count()} CPUs; load average at start {os.getloadavg()[0]:.2f}")
    print(f"{'mode':12} {'procs':>5} {'articles/s':>10} {'per proc':>9} {'seconds':>8} {'peak RSS MiB':>12} "
          f"{'records':>8} {'load before/after':>17}")
    for _ in range(args.repeat):
        for mode in args.modes:
            for procs in args.procs:
                load = os.getloadavg()[0]
                r = run(mode, articles, procs)
                print(f"{mode:12} {procs:>5} {r['articles_per_s']:>10.2f} {r['per_proc']:>9.2f} {r['seconds']:>8.1f} "
                      f"{r['peak_rss_mib']:>12.0f} {r['records']:>8} {load:>8.2f}/{os.getloadavg()[0]:<.2f}",
                      flush=True)
    if not args.no_components:
        load = os.getloadavg()[0]
        times = component_times(articles)
        total_wall = sum(w for w, _ in times.values())
        total_cpu = sum(c for _, c in times.values())
        print(f"one process, seconds per step over {len(articles)} articles (total {total_wall:.1f} s wall, "
              f"{total_cpu:.1f} s CPU; load {load:.2f}/{os.getloadavg()[0]:.2f}):")
        for name, (w, c) in times.items():
            print(f"  {name:24} {w:6.2f} s  {100 * w / total_wall:5.1f}%  CPU {c:6.2f} s  "
                  f"{1000 * c / len(articles):6.1f} ms an article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
