-- claimscope store, PostgreSQL dialect, migration 6: entities merged across articles.
-- claimscope.runner.entities decides (knowledge.entity_merging) which longer entity a short form
-- joins ("Umerov" -> "Rustem Umerov") and points the rows that named the short form at it.

-- The entity this one joined; NULL for an entity shown as itself. article_entities,
-- attributions.source_entity_id and claims.speaker_entity_id name the entity shown.
ALTER TABLE entities ADD COLUMN canonical_id TEXT REFERENCES entities (id);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities (canonical_id);

-- The source's entity id as its article's own analysis gave it. source_entity_id is repointed when
-- entities merge; this is what merging (and un-merging, when a second candidate arrives) starts from.
ALTER TABLE attributions ADD COLUMN source_article_entity_id TEXT;
UPDATE attributions SET source_article_entity_id = source_entity_id;
CREATE INDEX IF NOT EXISTS attributions_source_article_entity ON attributions (source_article_entity_id);

-- Names an indexed entity absorbs (absorbs = 1: "Umerov" for "Rustem Umerov") or only makes
-- ambiguous (absorbs = 0: a person's first name), by kind: how a new entity finds the entities it
-- may join, or make ambiguous.
CREATE TABLE IF NOT EXISTS entity_forms (
    kind      TEXT NOT NULL,
    form      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    absorbs   INTEGER NOT NULL CHECK (absorbs IN (0, 1)),
    PRIMARY KEY (kind, form, entity_id, absorbs)
);

-- Articles whose entities are indexed and merged. An article stored but not listed here is
-- pending: the next update merges it (a store from before this migration has every article
-- pending, so its first update merges the whole store).
CREATE TABLE IF NOT EXISTS entity_map_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    mapped_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
