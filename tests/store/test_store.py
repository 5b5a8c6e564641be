"""The store on both engines: idempotent saves, near-duplicate links, atomic articles, search."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from claimscope.errors import StoreError
from claimscope.ingest import read_articles
from claimscope.model import Article, ArticleAnalysis, Attribution, Span, Stance
from claimscope.store import SaveStatus, open_store
from claimscope.store.store import list_migrations
from conftest import FIXTURES, REPO

SEED = REPO / "examples" / "seed.txt"
DEDUPE = FIXTURES / "dedupe"


def _article(name: str, article_id: str | None = None) -> Article:
    text = (DEDUPE / name).read_text(encoding="utf-8")
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    return Article(id=article_id or name, headline=paragraphs[0], paragraphs=paragraphs[1:], source_file=name)


def _seed_analyses() -> list[ArticleAnalysis]:
    return [ArticleAnalysis(article=a) for a in read_articles(str(SEED)) if isinstance(a, Article)]


def _attribution(article: Article, *, article_id: str | None = None) -> Attribution:
    text = article.text
    return Attribution(
        article_id=article_id or article.id,
        source=Span.of(text, 0, 7),
        cue=Span.of(text, 8, 13),
        contents=(Span.of(text, 14, 40), Span.of(text, 50, 60)),
        stance=Stance.DENY,
        direct=True,
        confidence=0.75,
        source_resolved="Hillary Clinton",
    )


def test_store_seed_saved_twice_second_time_unchanged(store):
    analyses = _seed_analyses()
    first = [store.save(a).status for a in analyses]
    second = [store.save(a).status for a in analyses]
    assert [SaveStatus.NEW, SaveStatus.NEW] == first
    assert [SaveStatus.UNCHANGED, SaveStatus.UNCHANGED] == second
    assert 2 == store.count_articles()


def test_store_saved_analysis_comes_back_equal(store):
    article = _article("clinton_speaks_huffpost.txt")
    analysis = ArticleAnalysis(article=article, attributions=(_attribution(article),))
    store.save(analysis)
    assert analysis == store.get_analysis(article.id)


def test_store_near_duplicate_is_linked_not_stored(store):
    original = _article("clinton_speaks_huffpost.txt")
    copy = _article("clinton_speaks_copy_with_noise.txt")
    store.save(ArticleAnalysis(article=original))
    outcome = store.save(ArticleAnalysis(article=copy))
    assert (SaveStatus.NEAR_DUPLICATE, original.id) == (outcome.status, outcome.canonical_id)
    assert 1 == store.count_articles()
    assert original.id == store.canonical_id(copy.id)


def test_store_near_duplicate_saved_again_is_unchanged(store):
    store.save(ArticleAnalysis(article=_article("clinton_speaks_huffpost.txt")))
    copy = ArticleAnalysis(article=_article("clinton_speaks_copy_with_noise.txt"))
    store.save(copy)
    assert SaveStatus.UNCHANGED == store.save(copy).status
    assert 1 == store.count_near_duplicates()


def test_store_two_stories_on_one_topic_are_both_stored(store):
    store.save(ArticleAnalysis(article=_article("clinton_speaks_huffpost.txt")))
    outcome = store.save(ArticleAnalysis(article=_article("christie_calls_clinton_westjournal.txt")))
    assert SaveStatus.NEW == outcome.status
    assert 2 == store.count_articles()


def test_store_failed_article_leaves_no_rows_and_others_go_on(store):
    """The attribution names an article that is not stored: the foreign key refuses it mid-transaction."""
    broken = _article("clinton_speaks_huffpost.txt")
    bad = ArticleAnalysis(article=broken, attributions=(_attribution(broken, article_id="not-stored"),))
    before = store.table_counts()
    with pytest.raises(StoreError, match=broken.id):
        store.save(bad)
    assert before == store.table_counts()
    fine = _article("christie_calls_clinton_westjournal.txt")
    assert SaveStatus.NEW == store.save(ArticleAnalysis(article=fine, attributions=(_attribution(fine),))).status
    assert [fine.id] == [s.id for s in store.list_articles()]


def test_store_search_finds_gerasimov_in_kursk_article(store):
    for analysis in _seed_analyses():
        store.save(analysis)
    hits = store.search("Gerasimov")
    assert ["Kursk" in (h.headline or "") for h in hits] == [True]
    assert "[Gerasimov]" in hits[0].snippet


def test_store_search_needs_every_word(store):
    for analysis in _seed_analyses():
        store.save(analysis)
    assert [] == store.search("Gerasimov Taliban")
    assert [] == store.search("?!")


def test_store_search_survives_query_syntax(store):
    for analysis in _seed_analyses():
        store.save(analysis)
    assert 1 == len(store.search('"Kursk" (-Gerasimov* ^'))


def test_store_list_articles_pages_in_ingest_order(store):
    ids = []
    for n in range(5):
        article = replace(_article("christie_calls_clinton_westjournal.txt"), id=f"a{n}")
        store.save(ArticleAnalysis(article=article), check_near_duplicates=False)
        ids.append(article.id)
    pages = [[s.id for s in store.list_articles(limit=2, offset=o)] for o in (0, 2, 4)]
    assert [ids[0:2], ids[2:4], ids[4:5]] == pages


def test_store_read_only_refuses_writes(store_url):
    article = _article("clinton_speaks_huffpost.txt")
    with open_store(store_url) as writer:
        writer.save(ArticleAnalysis(article=article))
    with open_store(store_url, read_only=True) as reader:
        assert article.id == reader.get_analysis(article.id).article.id
        with pytest.raises(StoreError, match="read-only"):
            reader.save(ArticleAnalysis(article=replace(article, id="other")))


def test_store_reopen_applies_no_migration_twice(store_url):
    latest = list_migrations("sqlite" if store_url.startswith("sqlite") else "postgres")[-1][0]
    with open_store(store_url) as first:
        first.save(ArticleAnalysis(article=_article("clinton_speaks_huffpost.txt")))
    with open_store(store_url) as second:
        assert (latest, 1) == (second.schema_version(), second.count_articles())


def test_store_get_missing_article_raises_key_error(store):
    with pytest.raises(KeyError, match="nope"):
        store.get_analysis("nope")


def test_open_store_read_only_missing_file_says_so(tmp_path):
    with pytest.raises(StoreError, match="no claimscope store"):
        open_store(str(tmp_path / "missing.db"), read_only=True)


def test_open_store_bare_path_and_sqlite_url_are_one_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("here.db") as by_path:
        by_path.save(ArticleAnalysis(article=_article("clinton_speaks_huffpost.txt")))
    with open_store("sqlite:///here.db") as by_url:
        assert 1 == by_url.count_articles()
    with open_store(f"sqlite:///{tmp_path / 'here.db'}") as absolute:
        assert 1 == absolute.count_articles()


def test_open_store_unreachable_postgres_says_so():
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")


def test_open_store_unreachable_postgres_hides_password():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(caught.value)


def test_open_store_not_a_database_says_so(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(str(junk))


def test_open_store_newer_schema_refused(sqlite_url):
    open_store(sqlite_url).close()
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")
    with pytest.raises(StoreError, match="newer than this claimscope"):
        open_store(sqlite_url)


def test_open_store_unknown_scheme_says_so():
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://localhost/db")


def test_open_store_failed_migration_names_it_and_keeps_earlier(sqlite_url):
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as raw:  # a stray table where migration 2 expects its FTS table
        raw.execute("CREATE TABLE articles_fts (unrelated TEXT)")
    with pytest.raises(StoreError, match="migration 0002_search failed"):
        open_store(sqlite_url)
    with sqlite3.connect(path) as raw:
        assert [(1,)] == raw.execute("SELECT version FROM schema_migrations").fetchall()


def test_store_postgres_refuses_nul_and_stores_the_rest(postgres_url):
    """PostgreSQL text cannot hold NUL: that article fails whole, the next one is stored."""
    with open_store(postgres_url) as store:
        bad = replace(_article("clinton_speaks_huffpost.txt"), headline="null\x00byte")
        with pytest.raises(StoreError, match="NUL"):
            store.save(ArticleAnalysis(article=bad))
        assert SaveStatus.NEW == store.save(ArticleAnalysis(article=_article("clinton_speaks_huffpost.txt"))).status
        assert 1 == store.count_articles()


def test_store_known_ids_hold_stored_and_linked_copies(store):
    original, copy = _article("clinton_speaks_huffpost.txt"), _article("clinton_speaks_copy_with_noise.txt")
    store.save(ArticleAnalysis(article=original))
    store.save(ArticleAnalysis(article=copy))
    assert frozenset({original.id, copy.id}) == store.known_ids()


def test_store_entity_across_articles_gathers_aliases_without_pronouns(store):
    """One entity in two articles: its page lists the names both used, not each article's "he"."""
    from claimscope.model import Entity, EntityKind

    def analysis(article_id: str, aliases: tuple[str, ...], roles: tuple[str, ...]) -> ArticleAnalysis:
        text = f"Story {article_id} about Vladimir Putin, told by several sources at length."
        article = Article(id=article_id, headline=f"Story {article_id}", paragraphs=(text,))
        entity = Entity(id="putin", name="Vladimir Putin", kind=EntityKind.PERSON, aliases=aliases, roles=roles)
        return ArticleAnalysis(article=article, entities=(entity,))

    store.save(analysis("a1", ("Putin", "he"), ("Russian President",)), check_near_duplicates=False)
    store.save(analysis("a2", ("the Russian leader", "He"), ("President",)), check_near_duplicates=False)
    row = store._execute("SELECT aliases, roles FROM entities WHERE id = ?", ("putin",)).fetchone()
    assert (["Putin", "the Russian leader"], ["Russian President", "President"]) == (json.loads(row[0]), json.loads(row[1]))
