"""The store: analysed articles in SQLite (default) or PostgreSQL (shared deployments).

One ``Store`` class holds everything both engines share: the records <-> rows mapping, the
per-article save (one transaction: the article's rows land whole or not at all), the near-duplicate
lookup and the read queries. ``sqlite.py`` and ``postgres.py`` add only connecting, transactions,
placeholders and full-text search, which differ between engines.

The schema is plain SQL in ``migrations/<dialect>/NNNN_name.sql``, applied in order and tracked in
``schema_migrations``. Keys are content hashes (``Article.id``) and a stored id is never written
again, so re-running an ingest changes nothing.
"""
from __future__ import annotations

import logging
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from collections.abc import Iterable
from typing import Any

from claimscope.dedupe import THRESHOLD, Fingerprint, fingerprint_article
from claimscope.errors import StoreError
from claimscope.model import Article, ArticleAnalysis, ClaimLink, Dispute, canonical_entities
from claimscope.store import rows
from claimscope.store.claim_index import ClaimIndex
from claimscope.store.entity_index import EntityIndex

logger = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///claimscope.db"

# Search snippets mark matched words with these, as plain text: the CLI prints them, the API and
# web pages may turn them into <mark>. The same on both engines.
SNIPPET_START = "["
SNIPPET_END = "]"
SNIPPET_ELLIPSIS = "…"
# Roughly how many words a snippet shows around the matches.
SNIPPET_WORDS = 24

# Every table the store writes, in the order an article's rows are written.
TABLES = ("articles", "attributions", "article_knowledge", "entities", "article_entities", "claims",
          "disputes", "dispute_articles", "article_fingerprints", "article_bands", "near_duplicates")
# The claim index and the links, written by the claim-map update (save_article_claim_map), not by save.
CLAIM_MAP_TABLES = ("claim_terms", "claim_bands", "claim_vectors", "claim_links", "claim_map_articles")
# The entity index, written by the entity merge (save_article_entity_merges), not by save.
ENTITY_MAP_TABLES = ("entity_forms", "entity_map_articles")

_MIGRATION_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")
_READ_QUERY = re.compile(r"^\s*(?:SELECT|WITH)\b", re.I)


class SaveStatus(StrEnum):
    """What ``Store.save`` did with an article."""

    NEW = "new"  # stored now
    UNCHANGED = "unchanged"  # the same id was already stored (or already linked as a copy)
    NEAR_DUPLICATE = "near_duplicate"  # linked to a stored canonical article, not stored twice


@dataclass(frozen=True, slots=True, kw_only=True)
class SaveOutcome:
    status: SaveStatus
    article_id: str
    canonical_id: str | None = None  # set for near-duplicates (and unchanged copies)
    similarity: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleSummary:
    """One line of an article listing: enough to show and link it, without the body."""

    id: str
    headline: str | None
    published: str | None
    outlet: str | None
    source_file: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    id: str
    headline: str | None
    snippet: str  # matched words wrapped in SNIPPET_START / SNIPPET_END


class Store(ClaimIndex, EntityIndex, AbstractContextManager):
    """Analysed articles, their attributions and near-duplicate links, behind the same methods on
    both engines. Use ``open_store``; close it (or use it as a context manager) when done."""

    dialect: str = ""

    def __init__(self, *, read_only: bool, where: str) -> None:
        self.read_only = read_only
        self.where = where  # for messages: a path or a URL without its password

    # -- engine hooks (sqlite.py, postgres.py) -------------------------------------------------

    def _execute(self, sql: str, params: tuple | list = ()) -> Any:
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: Iterable[tuple]) -> None:
        """One statement over many parameter rows (engines batch it)."""
        for row in rows:
            self._execute(sql, row)

    def _transaction(self) -> AbstractContextManager:
        raise NotImplementedError

    def _run_script(self, sql: str, version: int, name: str) -> None:
        raise NotImplementedError

    def _save_search_row(self, article: Article) -> None:
        """Index the article for full-text search (PostgreSQL does it with a generated column)."""

    def _search(self, query: str, limit: int) -> list[tuple]:
        raise NotImplementedError

    def _is_engine_error(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Apply every migration newer than the database's version; read-only stores only check."""
        migrations = list_migrations(self.dialect)
        latest = migrations[-1][0] if migrations else 0
        current = self.schema_version()
        if current > latest:
            raise StoreError(
                f"{self.where}: database schema version {current} is newer than this claimscope "
                f"knows ({latest}); upgrade claimscope"
            )
        if current == latest:
            return
        if self.read_only:
            raise StoreError(
                f"{self.where}: schema version {current}, needs {latest}; open it once for writing "
                "(e.g. claimscope ingest) to migrate"
            )
        for version, name, sql in migrations:
            if version > current:
                logger.info("%s: applying migration %04d_%s", self.where, version, name)
                try:
                    self._run_script(sql, version, name)
                except Exception as exc:
                    if not self._is_engine_error(exc):
                        raise
                    raise StoreError(f"{self.where}: migration {version:04d}_{name} failed: {exc}") from exc

    def schema_version(self) -> int:
        """The highest migration applied (0 for an empty database)."""
        try:
            row = self._execute("SELECT max(version) FROM schema_migrations").fetchone()
        except Exception as exc:
            if not self._is_engine_error(exc):
                raise
            self._after_failed_read()
            return 0
        return int(row[0] or 0)

    def _after_failed_read(self) -> None:
        """Engines that abort the session on an error (PostgreSQL outside a transaction) recover here."""

    # -- writing ------------------------------------------------------------------------------

    def save(self, analysis: ArticleAnalysis, *, check_near_duplicates: bool = True) -> SaveOutcome:
        """Store one analysed article in one transaction, unless it is stored or near-duplicates one.

        Raises StoreError (after rolling back everything this article wrote) when the database
        refuses a row, e.g. an attribution naming an article id that is not stored.
        """
        if self.read_only:
            raise StoreError(f"{self.where}: opened read-only; cannot save article {analysis.article.id}")
        article = analysis.article
        fingerprint = fingerprint_article(article) if check_near_duplicates else None
        try:
            with self._transaction():
                return self._save_in_transaction(analysis, fingerprint)
        except StoreError:
            raise
        except Exception as exc:
            if not self._is_engine_error(exc):
                raise
            logger.info("%s: article %s not stored: %s", self.where, article.id, exc)
            raise StoreError(f"article {article.id} not stored: {_one_line(exc)}") from exc

    def _save_in_transaction(self, analysis: ArticleAnalysis, fingerprint: Fingerprint | None) -> SaveOutcome:
        article = analysis.article
        if self._execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            return SaveOutcome(status=SaveStatus.UNCHANGED, article_id=article.id)
        linked = self._execute(
            "SELECT canonical_id, similarity FROM near_duplicates WHERE article_id = ?", (article.id,)
        ).fetchone()
        if linked:
            return SaveOutcome(
                status=SaveStatus.UNCHANGED, article_id=article.id, canonical_id=linked[0], similarity=linked[1]
            )
        if fingerprint is not None:
            match = self._find_near_duplicate(fingerprint)
            if match is not None:
                canonical_id, similarity = match
                self._execute(
                    "INSERT INTO near_duplicates (article_id, canonical_id, similarity, source_file) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                    (article.id, canonical_id, similarity, article.source_file),
                )
                logger.info("%s: article %s near-duplicates %s (%.2f)", article.source_file, article.id,
                            canonical_id, similarity)
                return SaveOutcome(status=SaveStatus.NEAR_DUPLICATE, article_id=article.id,
                                   canonical_id=canonical_id, similarity=similarity)
        if self._execute(rows.INSERT_ARTICLE, rows.article_row(article)).rowcount == 0:
            # Another writer stored the same id since our check (PostgreSQL shared by several ingests).
            return SaveOutcome(status=SaveStatus.UNCHANGED, article_id=article.id)
        self._save_search_row(article)
        self._save_records(analysis)
        if fingerprint is not None:
            self._execute(
                "INSERT INTO article_fingerprints (article_id, signature) VALUES (?, ?)",
                (article.id, fingerprint.signature_bytes()),
            )
            for band_hash in sorted(set(fingerprint.bands)):
                self._execute("INSERT INTO article_bands (band_hash, article_id) VALUES (?, ?)",
                              (band_hash, article.id))
        return SaveOutcome(status=SaveStatus.NEW, article_id=article.id)

    def _save_records(self, analysis: ArticleAnalysis) -> None:
        """Everything the analysis found in the article, in the same transaction as the article."""
        article_id = analysis.article.id
        for ordinal, attribution in enumerate(analysis.attributions):
            self._execute(rows.INSERT_ATTRIBUTION, rows.attribution_row(attribution, ordinal))
        self._execute(rows.INSERT_KNOWLEDGE, rows.knowledge_row(article_id, {
            "entities": analysis.entities, "places": analysis.places, "dates": analysis.dates,
            "figures": analysis.figures, "unverified": analysis.unverified}))
        for entity in analysis.entities:
            stored = self._execute("SELECT aliases, roles FROM entities WHERE id = ?", (entity.id,)).fetchone()
            if stored is None:
                self._execute(rows.INSERT_ENTITY, rows.entity_row(entity))
            else:  # one entity across articles: its aliases and roles are the union seen so far
                self._execute(rows.UPDATE_ENTITY_NAMES, (*rows.merged_names(tuple(stored), entity), entity.id))
        for row in rows.article_entity_rows(article_id, analysis.entities):
            self._execute(rows.INSERT_ARTICLE_ENTITY, row)
        for claim in analysis.claims:
            speaker = None
            if 0 <= claim.attribution_index < len(analysis.attributions):
                speaker = analysis.attributions[claim.attribution_index].source_entity_id
            self._execute(rows.INSERT_CLAIM, rows.claim_row(claim, speaker))
        for dispute in analysis.disputes:
            self._execute(rows.INSERT_DISPUTE, rows.dispute_row(dispute))
            self._execute(rows.INSERT_DISPUTE_ARTICLE, (dispute.id, article_id))

    def _find_near_duplicate(self, fingerprint: Fingerprint) -> tuple[str, float] | None:
        """The most similar stored article at or above THRESHOLD, found through the band index."""
        marks = ", ".join("?" for _ in fingerprint.bands)
        candidates = self._execute(
            "SELECT f.article_id, f.signature FROM article_fingerprints f WHERE f.article_id IN "
            f"(SELECT DISTINCT article_id FROM article_bands WHERE band_hash IN ({marks})) "
            "ORDER BY f.article_id",
            tuple(fingerprint.bands),
        ).fetchall()
        best: tuple[str, float] | None = None
        for article_id, signature in candidates:
            score = fingerprint.similarity(Fingerprint.from_signature_bytes(bytes(signature)))
            if score >= THRESHOLD and (best is None or score > best[1]):
                best = (article_id, score)
        return best

    # -- reading ------------------------------------------------------------------------------

    def get_analysis(self, article_id: str) -> ArticleAnalysis:
        """The stored article with its attributions; KeyError when the id is not stored.

        Entities merged across articles come back as the entity they joined (its id and name, the
        article's own name an alias), as attributions' ``source_entity_id`` point at it."""
        row = self._execute(f"SELECT {rows.ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id!r} in {self.where}")
        attributions = self._execute(
            f"SELECT {rows.ATTRIBUTION_COLUMNS} FROM attributions WHERE article_id = ? ORDER BY ordinal",
            (article_id,),
        ).fetchall()
        knowledge = self._execute(
            f"SELECT {', '.join(rows.KNOWLEDGE_FIELDS)} FROM article_knowledge WHERE article_id = ?", (article_id,)
        ).fetchone()
        claims = self._execute(
            f"SELECT {rows.CLAIM_COLUMNS} FROM claims WHERE article_id = ? ORDER BY attribution_index, id",
            (article_id,),
        ).fetchall()
        disputes = self._execute(
            f"SELECT {rows.DISPUTE_COLUMNS} FROM disputes WHERE id IN "
            "(SELECT dispute_id FROM dispute_articles WHERE article_id = ?) ORDER BY confidence DESC, id",
            (article_id,),
        ).fetchall()
        records = rows.knowledge_from_row(knowledge)
        canonical = self.canonical_names(e.id for e in records["entities"])
        if canonical:  # entities merged across articles are shown as the entity they joined
            records["entities"] = canonical_entities(records["entities"], canonical)
        return ArticleAnalysis(
            article=rows.article_from_row(row),
            attributions=tuple(map(rows.attribution_from_row, attributions)),
            **records,
            claims=tuple(map(rows.claim_from_row, claims)),
            disputes=tuple(map(rows.dispute_from_row, disputes)),
        )

    def canonical_id(self, article_id: str) -> str | None:
        """The stored article a near-duplicate copy was linked to, or None if it is not a known copy."""
        row = self._execute("SELECT canonical_id FROM near_duplicates WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
        """Articles in ingest order (then by id, so pages are stable)."""
        found = self._execute(
            "SELECT id, headline, published, outlet, source_file FROM articles "
            "ORDER BY ingested_at, id LIMIT ? OFFSET ?",
            (int(limit), int(offset)),
        ).fetchall()
        return [ArticleSummary(id=r[0], headline=r[1], published=r[2], outlet=r[3], source_file=r[4]) for r in found]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles whose headline or text holds every word of the query (stemmed), best first."""
        words = search_words(query)
        if not words:
            return []
        return [SearchHit(id=r[0], headline=r[1], snippet=r[2]) for r in self._search(" ".join(words), int(limit))]

    def known_ids(self) -> frozenset[str]:
        """Every id stored or linked as a near-duplicate: what a re-run ingest need not analyse again."""
        found = self._execute("SELECT id FROM articles UNION SELECT article_id FROM near_duplicates").fetchall()
        return frozenset(r[0] for r in found)

    def article_ids(self) -> list[str]:
        """Every stored article's id, sorted (near-duplicate copies are not articles)."""
        return [r[0] for r in self._execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def save_claim_map(self, links: Iterable[ClaimLink], disputes: Iterable[Dispute]) -> None:
        """Replace the stored claim links and disputes with a map computed over the whole store.

        One transaction: readers see the old map or the new one, never a mix.
        """
        if self.read_only:
            raise StoreError(f"{self.where}: opened read-only; cannot save the claim map")
        try:
            with self._transaction():
                self._execute("DELETE FROM dispute_articles")
                self._execute("DELETE FROM disputes")
                self._execute("DELETE FROM claim_links")
                for link in links:
                    self._execute("INSERT INTO claim_links (claim_a, claim_b, similarity) VALUES (?, ?, ?) "
                                  "ON CONFLICT (claim_a, claim_b) DO NOTHING",
                                  (link.claim_a, link.claim_b, float(link.similarity)))
                self._insert_disputes(disputes)
        except StoreError:
            raise
        except Exception as exc:
            if not self._is_engine_error(exc):
                raise
            raise StoreError(f"{self.where}: claim map not stored: {_one_line(exc)}") from exc

    def _insert_disputes(self, disputes: Iterable[Dispute]) -> None:
        """Write disputes and the articles each spans (inside the caller's transaction)."""
        for dispute in disputes:
            self._execute(rows.INSERT_DISPUTE, rows.dispute_row(dispute))
            for article_id in dispute.articles:
                self._execute(rows.INSERT_DISPUTE_ARTICLE, (dispute.id, article_id))

    # -- read queries for query modules ---------------------------------------------------------

    def read(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        """The rows of one read query (``?`` placeholders on both engines), for modules that query
        the store (store/queries.py: the API and web pages) without reaching into the engine."""
        if not _READ_QUERY.match(sql):
            raise StoreError(f"{self.where}: Store.read runs SELECT queries only (got {sql.split()[0]!r})")
        return list(self._execute(sql, params).fetchall())

    def read_one(self, sql: str, params: tuple | list = ()) -> tuple | None:
        """The first row of one read query, or None."""
        found = self.read(sql, params)
        return found[0] if found else None

    def count_articles(self) -> int:
        return int(self._execute("SELECT count(*) FROM articles").fetchone()[0])

    def count_near_duplicates(self) -> int:
        return int(self._execute("SELECT count(*) FROM near_duplicates").fetchone()[0])

    def table_counts(self) -> dict[str, int]:
        """Rows per table: what an ingest added, at a glance (and how tests see a rollback)."""
        return {t: int(self._execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in TABLES + CLAIM_MAP_TABLES + ENTITY_MAP_TABLES}


def search_words(query: str) -> list[str]:
    """The query's words: search syntax differs between engines, so both get plain words, ANDed."""
    return re.findall(r"\w+", query)


def list_migrations(dialect: str) -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration file for the dialect, in order."""
    folder = resources.files("claimscope.store") / "migrations" / dialect
    out = []
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            out.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    out.sort()
    versions = [v for v, _, _ in out]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two {dialect} migrations share a number: {versions}")
    return out


def open_store(url: str | None = None, *, read_only: bool = False) -> Store:
    """A Store for ``sqlite:///path.db``, a bare path, or ``postgresql://...`` (default: ./claimscope.db).

    Opening for writing creates the database (SQLite) and applies pending migrations; read-only
    opening never writes and fails if the store does not exist yet. Raises StoreError when the
    database cannot be reached or migrated.
    """
    url = url or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        from claimscope.store.postgres import PostgresStore

        return PostgresStore(url, read_only=read_only)
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://")
        path = path[1:] if path.startswith("/") else path  # sqlite:///rel.db -> rel.db; sqlite:////abs.db
    elif "://" in url:
        raise StoreError(f"unknown store URL {url!r}: use sqlite:///path.db, a path, or postgresql://...")
    else:
        path = url
    if not path:
        raise StoreError(f"store URL {url!r} names no file")
    from claimscope.store.sqlite import SQLiteStore

    return SQLiteStore(path, read_only=read_only)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
