"""After an ingest: merge each new article's entities with the store's, as one pass over everything would.

``knowledge.entity_merging.merge_targets`` decides which longer entity a short form joins from the
set of entities alone, so the store need not re-decide every entity per article. Each stored
article not yet merged (``Store.unmerged_article_ids``, in ingest order) is merged on its own, in
one transaction:

1. its entities (person and organisation) and every stored entity whose decision they can change:
   those named by a short form or first name of theirs, and on down (a new "Rustem Umerov" pulls
   in an "Umerov" stored earlier; a new "Anna Smith" makes a merged "Smith" ambiguous again);
2. every stored entity that may absorb any of those, and on up, found through ``entity_forms``:
   with these the decisions are the ones the whole store would give;
3. the entities whose decision changed are pointed at their new entity, and the rows of every
   article naming them are pointed again (``Store.save_article_entity_merges``).

Re-running changes nothing: a merged article is skipped, and pointing an article's rows again gives
the same rows.
"""
from __future__ import annotations

import logging

from claimscope.knowledge.entity_merging import MERGED_KINDS, first_name_form, merge_targets, short_forms
from claimscope.model import Entity
from claimscope.store.store import Store

logger = logging.getLogger(__name__)


def update_entities(store: Store) -> int:
    """Merge the entities of every stored article not merged yet; returns how many entities moved."""
    moved = 0
    for article_id in store.unmerged_article_ids():
        moved += max(0, merge_article_entities(store, article_id))
    return moved


def merge_article_entities(store: Store, article_id: str) -> int:
    """Index and merge one stored article's entities (see the module docstring); returns how many
    entities moved, or -1 when another updater merged the article meanwhile."""
    known = {i: record for i, record in store.get_entities(store.article_entity_ids(article_id)).items()
             if record[0].kind in MERGED_KINDS}
    own = [entity for entity, _ in known.values()]
    frontier = own
    while frontier:  # down: entities these absorb or make ambiguous
        found = {}
        for kind in MERGED_KINDS:
            names = {f for e in frontier if e.kind is kind for f in (*short_forms(e), first_name_form(e)) if f}
            found.update(store.entities_named(kind, names) if names else {})
        frontier = [entity for i, (entity, _) in found.items() if i not in known]
        known.update(found)
    frontier = [entity for entity, _ in known.values()]
    while frontier:  # up: entities that may absorb these, or make them ambiguous
        found = {}
        for kind in MERGED_KINDS:
            names = {e.name for e in frontier if e.kind is kind}
            found.update(store.entities_with_forms(kind, names) if names else {})
        frontier = [entity for i, (entity, _) in found.items() if i not in known]
        known.update(found)
    targets = merge_targets(entity for entity, _ in known.values())
    moved = store.save_article_entity_merges(
        article_id, forms=_forms(own), canonical={i: targets.get(i) for i in known})
    if moved > 0:
        logger.info("%s: article %s merged: %d entities moved over %d looked at", store.where, article_id,
                    moved, len(known))
    return moved


def _forms(entities: list[Entity]) -> list[tuple]:
    """(kind, form, entity id, absorbs) index rows: the names each entity absorbs, and its first name."""
    out = [(e.kind, form, e.id, True) for e in entities for form in short_forms(e)]
    return out + [(e.kind, first, e.id, False) for e in entities if (first := first_name_form(e))]
