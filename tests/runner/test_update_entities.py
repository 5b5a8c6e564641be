"""Entities merged across the store as articles arrive (issue #4): "Umerov said" in one article is the
Rustem Umerov another names, whichever was ingested first; two Smiths leave a lone Smith alone."""
from __future__ import annotations

import itertools

import pytest

from claimscope.knowledge.entities import entity_id
from claimscope.knowledge.entity_merging import corpus_entities, merge_targets
from claimscope.model import EntityKind
from claimscope.runner import process_file
from claimscope.runner.claimmap import update_claim_map
from claimscope.store import open_store, queries
from claimscope.store.writer import write_results
from conftest import ENTITY_STORIES


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Each story analysed once, as the runner hands it to the writer: name -> FileResult."""
    folder = tmp_path_factory.mktemp("stories")
    out = {}
    for name, text in ENTITY_STORIES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        out[name] = process_file(str(folder / f"{name}.txt"))
    return out


def _ingest(store, results, names) -> None:
    """One ingest per story, as `claimscope ingest` does it: store, then the cross-article update."""
    for name in names:
        write_results(store, [results[name]])
        update_claim_map(store, use_embeddings=False)


def _people(store) -> dict[str, dict]:
    return {e["name"]: e for e in queries.list_entities(store, kind="person", limit=50)["items"]}


def _claim_articles(store, entity: str) -> set[str]:
    return {c["article_id"] for c in queries.list_claims(store, entity=entity, limit=50)["items"]}


UMEROV_ORDERS = [("umerov_full", "umerov_short"), ("umerov_short", "umerov_full")]


@pytest.mark.parametrize("order", UMEROV_ORDERS, ids="-then-".join)
def test_update_entities_surname_alone_joins_the_full_name(store, results, order):
    _ingest(store, results, order)
    people = _people(store)
    assert ["Rustem Umerov"] == sorted(people)
    umerov = people["Rustem Umerov"]
    assert ("Umerov" in umerov["aliases"], 2) == (True, umerov["article_count"])
    articles = {results[n].analyses[0].article.id for n in order}
    assert articles == _claim_articles(store, "Rustem Umerov") == _claim_articles(store, "Umerov")


@pytest.mark.parametrize("order", UMEROV_ORDERS, ids="-then-".join)
def test_update_entities_entity_page_lists_what_the_surname_said(store, results, order):
    _ingest(store, results, order)
    short = results["umerov_short"].analyses[0]
    page = queries.get_entity(store, _people(store)["Rustem Umerov"]["id"])
    said = {c["text"] for c in page["claims"]}
    assert {c.text for c in short.claims if c.speaker == "Umerov"} <= said
    assert 2 == len(page["articles"]) and "Umerov" in page["aliases"]
    assert page == queries.get_entity(store, entity_id(EntityKind.PERSON, "Umerov"))  # the old id's page too
    assert "Rustem Umerov" in {e.name for e in store.get_analysis(short.article.id).entities}


@pytest.mark.parametrize("order", UMEROV_ORDERS, ids="-then-".join)
def test_update_entities_repoints_sources_and_speakers(store, results, order):
    _ingest(store, results, order)
    umerov = _people(store)["Rustem Umerov"]["id"]
    short = results["umerov_short"].analyses[0].article.id
    sources = {r[0] for r in store.read("SELECT source_entity_id FROM attributions WHERE article_id = ? "
                                        "AND source_resolved = 'Umerov'", (short,))}
    speakers = {r[0] for r in store.read("SELECT speaker_entity_id FROM claims WHERE article_id = ? "
                                         "AND speaker = 'Umerov'", (short,))}
    assert ({umerov}, {umerov}) == (sources, speakers)


@pytest.mark.parametrize("order", list(itertools.permutations(["john_smith", "anna_smith", "smith_short"])),
                         ids="-then-".join)
def test_update_entities_two_smiths_merge_nothing(sqlite_url, results, order):
    """Whatever the order, even when "Smith" first joined John Smith and Anna Smith came after."""
    with open_store(sqlite_url) as store:
        _ingest(store, results, order)
        assert {"John Smith", "Anna Smith", "Smith"} == set(_people(store))
        assert [] == store.read("SELECT id FROM entities WHERE canonical_id IS NOT NULL")
        smith = results["smith_short"].analyses[0].article.id
        assert {("Smith",)} == set(store.read("SELECT e.name FROM claims c JOIN entities e ON e.id = c.speaker_entity_id "
                                              "WHERE c.article_id = ?", (smith,)))


def test_update_entities_second_candidate_undoes_a_merge(store, results):
    """"Smith" joins John Smith while he is the only Smith; Anna Smith's arrival makes it ambiguous again."""
    _ingest(store, results, ["john_smith", "smith_short"])
    assert ["John Smith"] == sorted(_people(store))
    assert 2 == len(_claim_articles(store, "John Smith"))
    _ingest(store, results, ["anna_smith"])
    assert {"John Smith", "Anna Smith", "Smith"} == set(_people(store))
    assert {results["john_smith"].analyses[0].article.id} == _claim_articles(store, "John Smith")


def test_update_entities_reingest_changes_nothing(store, results):
    names = ["umerov_short", "john_smith", "umerov_full", "smith_short", "anna_smith"]
    _ingest(store, results, names)
    before = store.table_counts()
    pointers = store.read("SELECT article_id, ordinal, source_entity_id FROM attributions ORDER BY article_id, ordinal")
    entities = store.read("SELECT id, canonical_id, aliases FROM entities ORDER BY id")
    _ingest(store, results, names)
    assert before == store.table_counts()
    assert pointers == store.read("SELECT article_id, ordinal, source_entity_id FROM attributions "
                                  "ORDER BY article_id, ordinal")
    assert entities == store.read("SELECT id, canonical_id, aliases FROM entities ORDER BY id")


def test_update_entities_store_merges_as_one_pass_over_everything(store, results):
    """Article by article, the store ends with the merges merge_targets gives over all the entities."""
    names = ["smith_short", "umerov_short", "anna_smith", "umerov_full", "john_smith"]
    _ingest(store, results, names)
    expected = merge_targets(corpus_entities([results[n].analyses[0] for n in names]))
    assert expected == {r[0]: r[1] for r in store.read("SELECT id, canonical_id FROM entities "
                                                       "WHERE canonical_id IS NOT NULL")}
