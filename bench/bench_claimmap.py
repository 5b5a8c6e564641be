"""The cost of one more article in a store that already holds N claims: incremental vs full relink.

Claims are bench_linking.py's replicas (PolNeAR claim-pair texts, perturbed), 20 per article, saved
to a fresh SQLite store and mapped (``update_claim_map``: the claim index filled article by
article, timed as "index build"). Then one more article of 20 claims is saved and mapped
("incremental": its embedding or terms, the indexed lookups, scoring, disputes over the affected
articles, one transaction), and the previous whole-store step is run on the same store ("full
relink": every analysis read back, ``link_claims`` and ``find_disputes`` over all, every link and
dispute replaced). ``--lexical`` leaves embeddings out of both (the index then has no vectors).

    .venv/bin/python bench/bench_claimmap.py [--claims 10000] [--lexical]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_linking import base_claims, replicate  # noqa: E402

from claimscope.knowledge.disputes import find_disputes  # noqa: E402
from claimscope.knowledge.linking import link_claims  # noqa: E402
from claimscope.model import Article, ArticleAnalysis  # noqa: E402
from claimscope.runner.claimmap import update_claim_map  # noqa: E402
from claimscope.store import open_store  # noqa: E402

CLAIMS_PER_ARTICLE = 20  # as bench_linking.replicate numbers them


def analyses(n: int) -> list[ArticleAnalysis]:
    claims = replicate(base_claims(with_seed=False), n, random.Random(13))
    out = []
    for start in range(0, n, CLAIMS_PER_ARTICLE):
        group = tuple(claims[start:start + CLAIMS_PER_ARTICLE])
        aid = group[0].article_id
        article = Article(id=aid, headline=aid, paragraphs=tuple(c.text for c in group))
        out.append(ArticleAnalysis(article=article, claims=group))
    return out


def full_relink(store, use_embeddings: bool) -> None:
    """What update_claim_map did before the claim index."""
    every = [store.get_analysis(a) for a in store.article_ids()]
    links = link_claims([c for a in every for c in a.claims], use_embeddings=use_embeddings)
    store.save_claim_map(links, find_disputes(every, links))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--lexical", action="store_true")
    args = parser.parse_args()
    use_embeddings = not args.lexical
    items = analyses(args.claims + CLAIMS_PER_ARTICLE)
    *stored, extra = items
    with tempfile.TemporaryDirectory() as folder, open_store(os.path.join(folder, "bench.db")) as store:
        for analysis in stored:
            store.save(analysis, check_near_duplicates=False)
        started = time.perf_counter()
        update_claim_map(store, use_embeddings=use_embeddings)
        build_s = time.perf_counter() - started
        store.save(extra, check_near_duplicates=False)
        started = time.perf_counter()
        update = update_claim_map(store, use_embeddings=use_embeddings)
        incremental_s = time.perf_counter() - started
        started = time.perf_counter()
        full_relink(store, use_embeddings)
        full_s = time.perf_counter() - started
        counts = store.table_counts()
    print(f"claims stored {len(stored) * CLAIMS_PER_ARTICLE}, embeddings {use_embeddings}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"index build (article by article) {build_s:.1f} s")
    print(f"one more article: incremental {incremental_s:.2f} s ({len(update.links)} new links), "
          f"full relink {full_s:.2f} s ({counts['claim_links']} links in all)")


if __name__ == "__main__":
    main()
