"""A real store built from examples/seed.txt, with the claim-map rows the analysis does not write yet.

The seed goes through the real ingest (read, clean, analyse, save). Entities, claims, one claim link
and the Kursk dispute are then written with plain SQL in the shapes of migration 0003, derived from
the stored attributions (until the knowledge stage stores them itself): each attribution becomes a
claim by its resolved source; the Kursk dispute is Russia's "expelled" against Kyiv's denial.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from claimscope.knowledge.entities import entity_id
from claimscope.model import Dispute, EntityKind, Evidence
from claimscope.runner.tasks import process_file
from claimscope.store import open_store
from claimscope.store.writer import write_results

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"
PEOPLE = {"Vladimir Putin", "Valery Gerasimov", "Volodymyr Zelenskiy", "Gul Mohammad", "Jamaluddin Sayar",
          "Atef", "Hoda Khamosh"}
KURSK_DISPUTE_ID = "kursk-expelled"


def claim_id(article_id: str, index: int) -> str:
    return hashlib.sha1(f"{article_id}:{index}".encode()).hexdigest()[:16]


def _kind(name: str) -> EntityKind:
    return EntityKind.PERSON if name in PEOPLE else EntityKind.ORGANIZATION


def build_seed_store(url: str) -> dict:
    """Ingest the seed into ``url`` and add entities, claims, a link and the Kursk dispute; returns ids."""
    with open_store(url) as store:
        summary = write_results(store, [process_file(str(SEED))])
        assert 2 == summary.new, summary
        ids = {}
        with store._transaction():
            for item in store.list_articles(limit=10):
                analysis = store.get_analysis(item.id)
                key = "kursk" if "Kursk" in (item.headline or "") else "taliban"
                ids[key] = item.id
                counts: dict[str, int] = {}
                for index, a in enumerate(analysis.attributions):
                    name = a.source_resolved
                    eid = None
                    if name:
                        eid = entity_id(_kind(name), name)
                        counts[eid] = counts.get(eid, 0) + 1
                        alias = a.source.text if a.source and a.source.text != name else None
                        row = store._execute("SELECT aliases FROM entities WHERE id = ?", (eid,)).fetchone()
                        aliases = set(json.loads(row[0])) if row else set()
                        if alias and alias.lower() not in ("he", "she", "i", "they"):
                            aliases.add(alias)
                        store._execute(
                            "INSERT INTO entities (id, name, kind, aliases, roles) VALUES (?, ?, ?, ?, ?) "
                            "ON CONFLICT (id) DO UPDATE SET aliases = excluded.aliases",
                            (eid, name, _kind(name).value, json.dumps(sorted(aliases)), json.dumps([])),
                        )
                    store._execute(
                        "INSERT INTO claims (id, article_id, attribution_index, text, speaker, speaker_entity_id, "
                        "stance, is_negated, subjects, date, places, unverified) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (claim_id(item.id, index), item.id, index, " ".join(c.text for c in a.contents), name, eid,
                         a.stance.value, False, "[]", analysis.article.published, "[]", False),
                    )
                for eid, count in counts.items():
                    store._execute("INSERT INTO article_entities (article_id, entity_id, mention_count) "
                                   "VALUES (?, ?, ?)", (item.id, eid, count))
            kursk = store.get_analysis(ids["kursk"])
            moscow, kyiv = _find(kursk, "Moscow", "said"), _find(kursk, "Kyiv", "denied")
            gerasimov = _find(kursk, "Gerasimov", "told")
            store._execute("INSERT INTO claim_links (claim_a, claim_b, similarity) VALUES (?, ?, ?)",
                           (claim_id(ids["kursk"], moscow), claim_id(ids["kursk"], gerasimov), 0.71))
            evidence = tuple(Evidence(article_id=ids["kursk"], start=c.start, end=c.end, text=c.text)
                             for i in (moscow, kyiv) for c in kursk.attributions[i].contents)
            dispute = Dispute(
                id=KURSK_DISPUTE_ID,
                proposition="Ukrainian forces have been expelled from Russia's Kursk region",
                asserted_by=("Russia",), denied_by=("Ukraine",),
                asserting_claims=(claim_id(ids["kursk"], moscow),), denying_claims=(claim_id(ids["kursk"], kyiv),),
                evidence=evidence, articles=(ids["kursk"],), confidence=0.9,
            )
            d = dispute.to_json()
            store._execute(
                "INSERT INTO disputes (id, proposition, asserted_by, denied_by, asserting_claims, denying_claims, "
                "evidence, articles, confidence, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (d["id"], d["proposition"], *(json.dumps(d[k]) for k in (
                    "asserted_by", "denied_by", "asserting_claims", "denying_claims", "evidence", "articles")),
                 d["confidence"], d["kind"]),
            )
            store._execute("INSERT INTO dispute_articles (dispute_id, article_id) VALUES (?, ?)",
                           (KURSK_DISPUTE_ID, ids["kursk"]))
        ids.update(moscow_claim=claim_id(ids["kursk"], moscow), kyiv_claim=claim_id(ids["kursk"], kyiv),
                   gerasimov_claim=claim_id(ids["kursk"], gerasimov), dispute=KURSK_DISPUTE_ID,
                   ukraine=entity_id(EntityKind.ORGANIZATION, "Ukraine"),
                   russia=entity_id(EntityKind.ORGANIZATION, "Russia"),
                   putin=entity_id(EntityKind.PERSON, "Vladimir Putin"))
        return ids


def _find(analysis, source: str, cue: str) -> int:
    for index, a in enumerate(analysis.attributions):
        if a.source and a.source.text == source and a.cue and a.cue.text == cue:
            return index
    raise AssertionError(f"the seed has no attribution {source!r} {cue!r}")
