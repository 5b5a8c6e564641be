"""The claim index: what a store keeps so claim linking and disputes are incremental.

Each mapped article's claims leave lookup keys (``claim_terms``, ``claim_bands``) and embeddings
(``claim_vectors``): a new claim finds its candidates with a few indexed queries instead of a relink
of every stored claim. The keys are made, and candidates scored, in ``knowledge.linking``; the
orchestration is ``runner.claimmap``; here is only the SQL. ``Store`` inherits these methods.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimscope.errors import StoreError
from claimscope.model import Claim, ClaimLink, Dispute
from claimscope.store import rows

# Ids per `IN (...)` list: far under SQLite's 32,766 bound variables and PostgreSQL's 65,535.
IN_LIST_CHUNK = 500


class ClaimIndex:
    """Claim-index reads and the one-transaction save of an article's claim map. A base of ``Store``:
    ``_execute``, ``_execute_many``, ``_transaction`` and ``_is_engine_error`` are its engine hooks."""

    where: str
    read_only: bool

    def unmapped_article_ids(self) -> list[str]:
        """Stored articles whose claims are not yet indexed and linked, in ingest order (then id)."""
        return [r[0] for r in self._execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM claim_map_articles) "
            "ORDER BY ingested_at, id").fetchall()]

    def count_mapped_articles(self) -> int:
        return int(self._execute("SELECT count(*) FROM claim_map_articles").fetchone()[0])

    def count_indexed_claims(self) -> int:
        """Claims of the mapped articles: the corpus size claim-pair scores are weighed against."""
        return int(self._execute("SELECT count(*) FROM claims c JOIN claim_map_articles m "
                                 "ON m.article_id = c.article_id").fetchone()[0])

    def claim_term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """How many indexed claims hold each term (terms held by none are left out)."""
        counts = self._select_in("SELECT term, count(*) FROM claim_terms WHERE term IN ({}) GROUP BY term", terms)
        return {term: int(count) for term, count in counts}

    def claims_sharing_terms(self, terms: Sequence[str], *, limit: int) -> list[str]:
        """Indexed claims holding any of the terms, those holding the most first (then by id), at most ``limit``."""
        if not terms:
            return []
        marks = ", ".join("?" for _ in terms)
        return [r[0] for r in self._execute(
            f"SELECT claim_id FROM claim_terms WHERE term IN ({marks}) GROUP BY claim_id "
            "ORDER BY count(*) DESC, claim_id LIMIT ?", (*terms, int(limit))).fetchall()]

    def claims_near(self, bands: Sequence[tuple[int, float]], *, window: int) -> list[str]:
        """Indexed claims among the ``window`` nearest on either side of each (band key, position)."""
        if not bands:
            return []
        parts, params = [], []
        for key, position in bands:
            for cmp, order in ((">=", "ASC"), ("<", "DESC")):
                parts.append(f"SELECT claim_id FROM (SELECT claim_id FROM claim_bands WHERE band_key = ? AND "
                             f"position {cmp} ? ORDER BY position {order}, claim_id LIMIT ?) AS near")
                params += [int(key), float(position), int(window)]
        return sorted({r[0] for r in self._execute(" UNION ".join(parts), params).fetchall()})

    def get_claims(self, claim_ids: Iterable[str]) -> list[Claim]:
        """The stored claims of these ids (unknown ids left out), ordered by id."""
        found = self._select_in(f"SELECT {rows.CLAIM_COLUMNS} FROM claims WHERE id IN ({{}})", claim_ids)
        return sorted((rows.claim_from_row(r) for r in found), key=lambda c: c.id)

    def claim_vectors(self, claim_ids: Iterable[str]) -> dict[str, bytes]:
        """The stored embedding bytes of these claims (claims indexed without one are left out)."""
        found = self._select_in("SELECT claim_id, vector FROM claim_vectors WHERE claim_id IN ({})", claim_ids)
        return {claim_id: bytes(vector) for claim_id, vector in found}

    def links_within(self, article_ids: Iterable[str]) -> list[ClaimLink]:
        """Stored links whose two claims both lie in these articles."""
        ids = sorted(set(article_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        found = self._execute(
            "SELECT l.claim_a, l.claim_b, l.similarity FROM claim_links l "
            "JOIN claims a ON a.id = l.claim_a JOIN claims b ON b.id = l.claim_b "
            f"WHERE a.article_id IN ({marks}) AND b.article_id IN ({marks}) ORDER BY l.claim_a, l.claim_b",
            (*ids, *ids)).fetchall()
        return [ClaimLink(claim_a=a, claim_b=b, similarity=float(sim)) for a, b, sim in found]

    def articles_of_claims(self, claim_ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._select_in("SELECT DISTINCT article_id FROM claims WHERE id IN ({})", claim_ids)}

    def dispute_partner_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Articles that share a stored dispute with any of these articles (themselves included)."""
        return {r[0] for r in self._select_in(
            "SELECT DISTINCT article_id FROM dispute_articles WHERE dispute_id IN "
            "(SELECT dispute_id FROM dispute_articles WHERE article_id IN ({}))", article_ids)}

    def in_ingest_order(self, article_ids: Iterable[str]) -> list[str]:
        """These stored article ids, ordered as they were stored (then by id)."""
        found = self._select_in("SELECT ingested_at, id FROM articles WHERE id IN ({})", article_ids)
        return [r[1] for r in sorted(found, key=lambda r: (str(r[0]), r[1]))]

    def _select_in(self, sql: str, values: Iterable, *, params: tuple = ()) -> list[tuple]:
        """The rows of ``sql`` with its ``{}`` filled by placeholders for ``values`` (deduplicated,
        sorted), run in chunks of ``IN_LIST_CHUNK`` so no engine meets too long a list. ``params``
        fill the placeholders written before the ``{}``."""
        out: list[tuple] = []
        for chunk in _chunks(sorted(set(values))):
            out += self._execute(sql.format(", ".join("?" for _ in chunk)), (*params, *chunk)).fetchall()
        return out

    def save_article_claim_map(
        self,
        article_id: str,
        *,
        terms: Iterable[tuple[str, str]],
        bands: Iterable[tuple[int, float, str]],
        vectors: Iterable[tuple[str, bytes]],
        links: Iterable[ClaimLink],
        disputes: Iterable[Dispute],
        affected_article_ids: Iterable[str],
        reset: bool = False,
    ) -> bool:
        """Map one article in one transaction: its claims' index rows (``(term, claim id)``,
        ``(band key, position, claim id)``, ``(claim id, vector bytes)``), its new links, and the
        disputes of the affected articles, which replace every stored dispute touching them.

        ``reset`` first drops every stored link and dispute (a store's first incremental update, where
        a map from before the claim index may be stored). Returns False, writing nothing, when the
        article is already mapped: re-running an update duplicates nothing.
        """
        if self.read_only:
            raise StoreError(f"{self.where}: opened read-only; cannot save the claim map of {article_id}")
        try:
            with self._transaction():
                if self._execute("SELECT 1 FROM claim_map_articles WHERE article_id = ?", (article_id,)).fetchone():
                    return False
                if reset:
                    for table in ("dispute_articles", "disputes", "claim_links"):
                        self._execute(f"DELETE FROM {table}")
                self._execute_many("INSERT INTO claim_terms (term, claim_id) VALUES (?, ?) "
                                   "ON CONFLICT (term, claim_id) DO NOTHING", list(terms))
                self._execute_many("INSERT INTO claim_bands (band_key, position, claim_id) VALUES (?, ?, ?) "
                                   "ON CONFLICT (band_key, position, claim_id) DO NOTHING", list(bands))
                self._execute_many("INSERT INTO claim_vectors (claim_id, vector) VALUES (?, ?) "
                                   "ON CONFLICT (claim_id) DO NOTHING", list(vectors))
                self._execute_many("INSERT INTO claim_links (claim_a, claim_b, similarity) VALUES (?, ?, ?) "
                                   "ON CONFLICT (claim_a, claim_b) DO NOTHING",
                                   [(x.claim_a, x.claim_b, float(x.similarity)) for x in links])
                for chunk in _chunks(sorted(set(affected_article_ids))):
                    marks = ", ".join("?" for _ in chunk)
                    self._execute("DELETE FROM disputes WHERE id IN (SELECT dispute_id FROM dispute_articles "
                                  f"WHERE article_id IN ({marks}))", chunk)
                self._insert_disputes(disputes)
                self._execute("INSERT INTO claim_map_articles (article_id) VALUES (?)", (article_id,))
        except StoreError:
            raise
        except Exception as exc:
            if not self._is_engine_error(exc):
                raise
            raise StoreError(f"{self.where}: claim map of article {article_id} not stored: {' '.join(str(exc).split())}") from exc
        return True


def _chunks(values: Sequence, size: int = IN_LIST_CHUNK) -> Iterable[tuple]:
    for start in range(0, len(values), size):
        yield tuple(values[start:start + size])
