"""A real store built from examples/seed.txt by the same steps as `claimscope ingest`.

Read, clean, analyse, ``Store.save``, then the cross-article claim map (links and disputes): no row
is written by hand. ``build_seed_store`` returns the ids the tests look for, found by what a reader
would look for (the Kursk article, Ukraine, the dispute where Russia asserts and Ukraine denies).
"""
from __future__ import annotations

import json
from pathlib import Path

from claimscope.runner.claimmap import update_claim_map
from claimscope.runner.tasks import process_file
from claimscope.store import open_store
from claimscope.store.writer import write_results

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"


def _entity_ids(store) -> dict[str, str]:
    """name -> id, the most mentioned entity of a name winning."""
    rows = store.read(
        "SELECT e.name, e.id FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id "
        "GROUP BY e.name, e.id ORDER BY coalesce(sum(ae.mention_count), 0), e.id")
    return {name: eid for name, eid in rows}


def _kursk_dispute(store) -> str:
    """The dispute where Russia asserts and Ukraine denies (however the pipeline worded it)."""
    for dispute_id, asserted, denied in store.read(
        "SELECT id, asserted_by, denied_by FROM disputes ORDER BY confidence DESC, id"
    ):
        if "Russia" in json.loads(asserted) and "Ukraine" in json.loads(denied):
            return dispute_id
    raise AssertionError("the claim map of the seed has no dispute with Russia asserting and Ukraine denying")


def build_seed_store(url: str) -> dict:
    """Ingest the seed into ``url``; returns the ids tests look for."""
    with open_store(url) as store:
        summary = write_results(store, [process_file(str(SEED))])
        assert 2 == summary.new, summary
        update_claim_map(store)
        ids: dict = {}
        for item in store.list_articles(limit=10):
            ids["kursk" if "Kursk" in (item.headline or "") else "taliban"] = item.id
        entities = _entity_ids(store)
        link = store.read_one("SELECT claim_a, claim_b FROM claim_links ORDER BY similarity DESC, claim_a")
        assert link is not None, "the claim map of the seed links no claims"
        ids.update(dispute=_kursk_dispute(store), link=tuple(link), ukraine=entities["Ukraine"],
                   russia=entities["Russia"], putin=entities["Vladimir Putin"])
        return ids
