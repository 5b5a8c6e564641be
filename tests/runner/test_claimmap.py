"""The incremental claim map: a store links only new claims, yet gets the links link_claims scores,
and ingesting article by article gives what one ingest gives (issue #4)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from claimscope.eval.disputes import match_disputes
from claimscope.knowledge.disputes import find_disputes
from claimscope.knowledge.embeddings import embed
from claimscope.knowledge.linking import LINK_THRESHOLD, TermIndex, link_claims, pair_cosine, score_pairs
from claimscope.runner import FileResult, process_file
from claimscope.runner.claimmap import update_claim_map
from claimscope.store import open_store
from claimscope.store.writer import write_results
from conftest import FIXTURES, REPO

SEED = REPO / "examples" / "seed.txt"
# The seed, then real PolNeAR dev stories: three on one campaign (Clinton's health, Trump), so claims
# link across articles as well as within them.
INPUTS = [SEED, *sorted((FIXTURES / "dask").glob("*.txt")), *sorted((FIXTURES / "polnear" / "text").glob("*.txt")),
          FIXTURES / "dedupe" / "clinton_speaks_huffpost.txt", FIXTURES / "dedupe" / "christie_calls_clinton_westjournal.txt"]


@pytest.fixture(scope="module")
def analyses():
    return [a for path in INPUTS for a in process_file(str(path)).analyses]


def _ingest_one_by_one(url, analyses):
    with open_store(url) as store:
        for analysis in analyses:
            store.save(analysis)
            update_claim_map(store)


def _links(url) -> dict[frozenset, float]:
    with open_store(url, read_only=True) as store:
        return {frozenset(r[:2]): float(r[2]) for r in store.read("SELECT claim_a, claim_b, similarity FROM claim_links")}


def _disputes(url) -> dict[str, tuple]:
    with open_store(url, read_only=True) as store:
        return {r[0]: (json.loads(r[1]), json.loads(r[2]), round(float(r[3]), 6)) for r in
                store.read("SELECT id, asserted_by, denied_by, confidence FROM disputes")}


def test_update_claim_map_links_each_new_article_as_link_claims_scores_it(store_url, analyses):
    """After each article, its links are those link_claims gives over everything stored so far, scored
    the same; the only extras are pairs link_claims's sampled candidates missed and scores >= 0.70 too."""
    _ingest_one_by_one(store_url, analyses)
    stored = _links(store_url)
    seen, vectors, expected, extra_ok = [], [], {}, True
    for analysis in analyses:
        seen += analysis.claims
        vectors += list(embed([c.text for c in analysis.claims]))  # the store embeds each article alone
        new = {c.id for c in analysis.claims}
        matrix = np.asarray(vectors, dtype=np.float32)
        for link in link_claims(seen, embeddings=matrix):
            if {link.claim_a, link.claim_b} & new:
                expected[frozenset((link.claim_a, link.claim_b))] = link.similarity
        index, row = TermIndex([c.text for c in seen]), {c.id: k for k, c in enumerate(seen)}
        for pair in set(stored) - set(expected):
            if pair & new and pair <= set(row):
                i, j = (np.asarray([row[x]]) for x in sorted(pair, key=row.get))
                score = max(score_pairs(seen, index, i, j)[0], pair_cosine(matrix, i, j)[0])
                extra_ok &= bool(score >= LINK_THRESHOLD)
    assert set() == set(expected) - set(stored)
    assert extra_ok
    assert len(set(stored) - set(expected)) <= 0.05 * len(expected)
    assert all(abs(expected[p] - stored[p]) < 1e-5 for p in expected)
    article_of = {c.id: a.article.id for a in analyses for c in a.claims}
    assert any(len({article_of[x] for x in pair}) == 2 for pair in expected)  # links across articles too


def test_update_claim_map_grouping_of_ingests_changes_nothing(tmp_path, analyses):
    together, apart = f"sqlite:///{tmp_path / 'together.db'}", f"sqlite:///{tmp_path / 'apart.db'}"
    with open_store(together) as store:
        for analysis in analyses:
            store.save(analysis)
        update_claim_map(store)
    _ingest_one_by_one(apart, analyses)
    assert (_links(together), _disputes(together)) == (_links(apart), _disputes(apart))


def test_update_claim_map_seed_in_two_ingests_gives_the_four_gold_disputes(store_url):
    results = process_file(str(SEED))
    for analysis in results.analyses:  # two separate ingests, one article each
        with open_store(store_url) as store:
            write_results(store, [FileResult(path=results.path, analyses=(analysis,))])
            update_claim_map(store)
    with open_store(store_url, read_only=True) as store:
        stored = [store.get_analysis(a) for a in store.article_ids()]
    disputes = {d.id: d for a in stored for d in a.disputes}
    one_go = find_disputes(results.analyses, link_claims([c for a in results.analyses for c in a.claims]))
    gold = [d for a in json.loads((FIXTURES / "seed.gold.json").read_text(encoding="utf-8"))["articles"]
            for d in a["disputes"]]
    assert 4 == len(disputes) == len(match_disputes(list(disputes.values()), gold))
    assert {(d.id, d.asserted_by, d.denied_by) for d in one_go} == \
        {(d.id, d.asserted_by, d.denied_by) for d in disputes.values()}


def test_update_claim_map_rerun_changes_nothing(store, analyses):
    for analysis in analyses[:4]:
        store.save(analysis)
    first = update_claim_map(store)
    before = store.table_counts()
    again = update_claim_map(store)
    assert (0, 0) == (len(again.links), len(again.disputes))
    assert before == store.table_counts()
    assert first.links and before["claim_links"] == len(first.links)


def test_update_claim_map_replaces_a_map_from_before_the_claim_index(store, analyses):
    """A store migrated from schema 4 holds a whole-store map and no index: the first update rebuilds it."""
    for analysis in analyses[:2]:
        store.save(analysis)
    from claimscope.model import ClaimLink

    a, b = analyses[0].claims[0].id, analyses[1].claims[0].id
    store.save_claim_map([ClaimLink(claim_a=a, claim_b=b, similarity=0.99)], [])
    update_claim_map(store)
    assert frozenset((a, b)) not in {frozenset(r) for r in store.read("SELECT claim_a, claim_b FROM claim_links")}
    assert 2 == store.count_mapped_articles()


def test_update_claim_map_embeds_each_claim_once(sqlite_url, analyses, monkeypatch):
    """The dispute rules read the stored embeddings of the affected articles' claims, not new ones."""
    from claimscope.knowledge import embeddings

    embedded, real = [], embeddings.embed
    monkeypatch.setattr(embeddings, "embed", lambda texts, **kw: (embedded.extend(texts), real(texts, **kw))[1])
    _ingest_one_by_one(sqlite_url, analyses)
    assert sorted(c.text for a in analyses for c in a.claims) == sorted(embedded)
