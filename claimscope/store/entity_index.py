"""The entity index: what a store keeps so entities merge across articles as articles arrive.

Each stored entity keeps its own row (its id is a hash of kind and name). When a short form joins a
longer entity ("Umerov" -> "Rustem Umerov") its ``canonical_id`` names that entity, and every row
that named the short form is pointed at it: ``article_entities`` (mention counts combined),
``attributions.source_entity_id`` and ``claims.speaker_entity_id``. The ids each article's own
analysis gave stay in ``article_knowledge`` and ``attributions.source_article_entity_id``, so a
merge can be undone when a second candidate makes a short form ambiguous.

``entity_forms`` lists the names each indexed entity absorbs or makes ambiguous, the lookup a new
entity finds its neighbours by. Which entity joins which is decided in ``knowledge.entity_merging``,
orchestrated in ``runner.entities``; here is only the SQL. ``Store`` inherits these methods.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from claimscope.errors import StoreError
from claimscope.model import Entity, EntityKind


class EntityIndex:
    """Entity-index reads and the one-transaction merge of an article's entities. A base of ``Store``:
    ``_execute``, ``_execute_many``, ``_transaction``, ``_is_engine_error`` and ``_select_in`` are
    its hooks."""

    where: str
    read_only: bool

    def unmerged_article_ids(self) -> list[str]:
        """Stored articles whose entities are not yet indexed and merged, in ingest order (then id)."""
        return [r[0] for r in self._execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM entity_map_articles) "
            "ORDER BY ingested_at, id").fetchall()]

    def article_entity_ids(self, article_id: str) -> list[str]:
        """The ids of the article's entities as its analysis gave them, in its order."""
        row = self._execute("SELECT entities FROM article_knowledge WHERE article_id = ?", (article_id,)).fetchone()
        return [] if row is None else list(dict.fromkeys(e["id"] for e in json.loads(row[0])))

    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, tuple[Entity, str | None]]:
        """Stored entities by id: each record (name, kind, aliases, roles) and the id it joined, or None."""
        return self._entity_rows("WHERE id IN ({})", entity_ids)

    def entities_named(self, kind: EntityKind, names: Iterable[str]) -> dict[str, tuple[Entity, str | None]]:
        """Stored entities of this kind with any of these names (as ``get_entities``)."""
        return self._entity_rows("WHERE kind = ? AND name IN ({})", names, (EntityKind(kind).value,))

    def entities_with_forms(self, kind: EntityKind, forms: Iterable[str]) -> dict[str, tuple[Entity, str | None]]:
        """Indexed entities of this kind that absorb, or make ambiguous, any of these names."""
        return self._entity_rows("WHERE id IN (SELECT entity_id FROM entity_forms WHERE kind = ? AND form IN ({}))",
                                 forms, (EntityKind(kind).value,))

    def _entity_rows(self, clause: str, values: Iterable[str], params: tuple = ()) -> dict[str, tuple[Entity, str | None]]:
        found = self._select_in(f"SELECT id, name, kind, aliases, roles, canonical_id FROM entities {clause}",
                                values, params=params)
        return {r[0]: (Entity(id=r[0], name=r[1], kind=EntityKind(r[2]), aliases=tuple(json.loads(r[3])),
                              roles=tuple(json.loads(r[4]))), r[5]) for r in found}

    def canonical_names(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """For each of these entities that joined another: (that entity's id, its name)."""
        found = self._select_in("SELECT e.id, c.id, c.name FROM entities e JOIN entities c ON c.id = e.canonical_id "
                                "WHERE e.id IN ({})", entity_ids)
        return {r[0]: (r[1], r[2]) for r in found}

    def save_article_entity_merges(
        self,
        article_id: str,
        *,
        forms: Iterable[tuple[EntityKind, str, str, bool]],
        canonical: Mapping[str, str | None],
    ) -> int:
        """Merge one article's entities in one transaction: index its entities' ``(kind, form, entity
        id, absorbs)``, set each entity in ``canonical`` to join the id given (None: shown as itself),
        and point the rows of every article naming an entity that moved, this one's included.

        Returns how many entities moved; -1, writing nothing, when the article is already merged.
        """
        if self.read_only:
            raise StoreError(f"{self.where}: opened read-only; cannot merge the entities of {article_id}")
        try:
            with self._transaction():
                if self._execute("SELECT 1 FROM entity_map_articles WHERE article_id = ?", (article_id,)).fetchone():
                    return -1
                self._execute_many("INSERT INTO entity_forms (kind, form, entity_id, absorbs) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT (kind, form, entity_id, absorbs) DO NOTHING",
                                   [(EntityKind(k).value, f, e, int(a)) for k, f, e, a in forms])
                stored = {r[0]: r[1] for r in self._select_in(
                    "SELECT id, canonical_id FROM entities WHERE id IN ({})", canonical)}
                moved = {i: target for i, target in canonical.items() if i in stored and stored[i] != target}
                articles = {article_id}
                if moved:
                    shown_before = {stored[i] or i for i in moved}
                    articles |= {r[0] for r in self._select_in(
                        "SELECT article_id FROM article_entities WHERE entity_id IN ({})", shown_before)}
                    articles |= {r[0] for r in self._select_in(
                        "SELECT article_id FROM attributions WHERE source_article_entity_id IN ({})", moved)}
                    self._execute_many("UPDATE entities SET canonical_id = ? WHERE id = ?",
                                       [(target, i) for i, target in sorted(moved.items())])
                for article in sorted(articles):
                    self._point_article_rows(article)
                self._execute("INSERT INTO entity_map_articles (article_id) VALUES (?)", (article_id,))
        except StoreError:
            raise
        except Exception as exc:
            if not self._is_engine_error(exc):
                raise
            raise StoreError(f"{self.where}: entities of article {article_id} not merged: "
                             f"{' '.join(str(exc).split())}") from exc
        return len(moved)

    def _point_article_rows(self, article_id: str) -> None:
        """The article's entity rows, sources and speakers, pointed at the entities shown (inside the
        caller's transaction): recomputed from the ids its analysis gave, so repeating changes nothing."""
        row = self._execute("SELECT entities FROM article_knowledge WHERE article_id = ?", (article_id,)).fetchone()
        mentions: dict[str, int] = {}
        for e in json.loads(row[0]) if row else ():
            mentions[e["id"]] = mentions.get(e["id"], 0) + len(e["mentions"])
        shown = {r[0]: r[1] or r[0] for r in self._select_in(
            "SELECT id, canonical_id FROM entities WHERE id IN ({})", mentions)}
        counts: dict[str, int] = {}
        for entity_id, count in mentions.items():
            if entity_id in shown:
                counts[shown[entity_id]] = counts.get(shown[entity_id], 0) + count
        self._execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
        self._execute_many("INSERT INTO article_entities (article_id, entity_id, mention_count) VALUES (?, ?, ?)",
                           [(article_id, entity_id, count) for entity_id, count in counts.items()])
        self._execute(
            "UPDATE attributions SET source_entity_id = coalesce((SELECT e.canonical_id FROM entities e "
            "WHERE e.id = attributions.source_article_entity_id), source_article_entity_id) WHERE article_id = ?",
            (article_id,))
        self._execute(
            "UPDATE claims SET speaker_entity_id = (SELECT t.source_entity_id FROM attributions t "
            "WHERE t.article_id = claims.article_id AND t.ordinal = claims.attribution_index) WHERE article_id = ?",
            (article_id,))


__all__ = ["EntityIndex"]
