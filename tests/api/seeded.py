"""A real store built from examples/seed.txt by the real ingest, topped up where the pipeline is not there yet.

The seed goes through the real steps (read, clean, analyse, ``Store.save``): articles, attributions
and entities come from the pipeline. Claims, claim links and disputes are written by the pipeline
once the knowledge stage stores them; until then (an empty table) this fixture writes them with
plain SQL in the shapes of migration 0003, derived from the stored attributions: each attribution
becomes a claim by its resolved source, "Moscow said ... expelled" is linked to "Gerasimov told ...",
and the Kursk dispute is Russia's "expelled" against Kyiv's denial. ``ids["filled"]`` names what
was written here rather than by the pipeline.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from claimscope.model import Dispute, Evidence
from claimscope.runner.tasks import process_file
from claimscope.store import open_store
from claimscope.store.writer import write_results

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"
KURSK_DISPUTE_ID = "kursk-expelled"


def claim_id(article_id: str, index: int) -> str:
    return hashlib.sha1(f"{article_id}:{index}".encode()).hexdigest()[:16]


def _count(store, table: str) -> int:
    return int(store._execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _entity_ids(store) -> dict[str, str]:
    """name -> id, the most mentioned entity of a name winning."""
    rows = store._execute(
        "SELECT e.name, e.id FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id "
        "GROUP BY e.name, e.id ORDER BY coalesce(sum(ae.mention_count), 0), e.id").fetchall()
    return {name: eid for name, eid in rows}


def _claim_at(store, article_id: str, index: int) -> str | None:
    row = store._execute("SELECT id FROM claims WHERE article_id = ? AND attribution_index = ?",
                         (article_id, index)).fetchone()
    return row[0] if row else None


def build_seed_store(url: str) -> dict:
    """Ingest the seed into ``url`` (and top it up, see above); returns the ids tests look for."""
    with open_store(url) as store:
        summary = write_results(store, [process_file(str(SEED))])
        assert 2 == summary.new, summary
        ids: dict = {"filled": []}
        analyses = {}
        for item in store.list_articles(limit=10):
            key = "kursk" if "Kursk" in (item.headline or "") else "taliban"
            ids[key] = item.id
            analyses[key] = store.get_analysis(item.id)
        entities = _entity_ids(store)
        kursk = analyses["kursk"]
        moscow, kyiv = _find(kursk, "Moscow", "said"), _find(kursk, "Kyiv", "denied")
        gerasimov = _find(kursk, "Gerasimov", "told")
        with store._transaction():
            if _count(store, "claims") == 0:
                ids["filled"].append("claims")
                for analysis in analyses.values():
                    article = analysis.article
                    for index, a in enumerate(analysis.attributions):
                        store._execute(
                            "INSERT INTO claims (id, article_id, attribution_index, text, speaker, speaker_entity_id, "
                            "stance, is_negated, subjects, date, places, unverified) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (claim_id(article.id, index), article.id, index, " ".join(c.text for c in a.contents),
                             a.source_resolved, entities.get(a.source_resolved), a.stance.value, 0, "[]",
                             article.published, "[]", 0),
                        )
            if _count(store, "claim_links") == 0:
                ids["filled"].append("claim_links")
                store._execute("INSERT INTO claim_links (claim_a, claim_b, similarity) VALUES (?, ?, ?)",
                               (_claim_at(store, ids["kursk"], moscow), _claim_at(store, ids["kursk"], gerasimov), 0.71))
            dispute_id = _kursk_dispute(store)
            if dispute_id is None:
                ids["filled"].append("disputes")
                dispute_id = _insert_kursk_dispute(store, kursk, moscow, kyiv)
        link = store._execute("SELECT claim_a, claim_b FROM claim_links ORDER BY similarity DESC").fetchone()
        ids.update(dispute=dispute_id, link=tuple(link), ukraine=entities["Ukraine"], russia=entities["Russia"],
                   putin=entities["Vladimir Putin"], kyiv_claim=_claim_at(store, ids["kursk"], kyiv))
        return ids


def _kursk_dispute(store) -> str | None:
    """A stored dispute where Russia asserts and Ukraine denies (however the pipeline named it)."""
    for dispute_id, asserted, denied in store._execute(
        "SELECT id, asserted_by, denied_by FROM disputes ORDER BY confidence DESC, id"
    ).fetchall():
        if "Russia" in json.loads(asserted) and "Ukraine" in json.loads(denied):
            return dispute_id
    return None


def _insert_kursk_dispute(store, kursk, moscow: int, kyiv: int) -> str:
    article_id = kursk.article.id
    evidence = tuple(Evidence(article_id=article_id, start=c.start, end=c.end, text=c.text)
                     for i in (moscow, kyiv) for c in kursk.attributions[i].contents)
    d = Dispute(
        id=KURSK_DISPUTE_ID,
        proposition="Ukrainian forces have been expelled from Russia's Kursk region",
        asserted_by=("Russia",), denied_by=("Ukraine",),
        asserting_claims=(_claim_at(store, article_id, moscow),), denying_claims=(_claim_at(store, article_id, kyiv),),
        evidence=evidence, articles=(article_id,), confidence=0.9,
    ).to_json()
    store._execute(
        "INSERT INTO disputes (id, proposition, asserted_by, denied_by, asserting_claims, denying_claims, "
        "evidence, articles, confidence, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (d["id"], d["proposition"], *(json.dumps(d[k]) for k in (
            "asserted_by", "denied_by", "asserting_claims", "denying_claims", "evidence", "articles")),
         d["confidence"], d["kind"]),
    )
    store._execute("INSERT INTO dispute_articles (dispute_id, article_id) VALUES (?, ?)", (d["id"], article_id))
    return d["id"]


def _find(analysis, source: str, cue: str) -> int:
    for index, a in enumerate(analysis.attributions):
        if a.source and a.source.text == source and a.cue and a.cue.text == cue:
            return index
    raise AssertionError(f"the seed has no attribution {source!r} {cue!r}")
