-- claimscope store, SQLite dialect, migration 3: the claim map (entities, knowledge, claims, links, disputes).

-- Per-article records that are read back whole with the article (JSON arrays of the records' to_json()).
CREATE TABLE IF NOT EXISTS article_knowledge (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    entities   TEXT NOT NULL,                 -- JSON array of Entity
    places     TEXT NOT NULL,                 -- JSON array of Place
    dates      TEXT NOT NULL,                 -- JSON array of DateRef
    figures    TEXT NOT NULL,                 -- JSON array of Figure
    unverified TEXT NOT NULL                  -- JSON array of UnverifiedMarker
);

-- Canonical entities across articles: Entity.id is a hash of kind + canonical name, so one name
-- in many articles is one row; aliases and roles are the union seen so far.
CREATE TABLE IF NOT EXISTS entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    aliases TEXT NOT NULL,                    -- JSON array of strings
    roles   TEXT NOT NULL                     -- JSON array of strings
);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);

CREATE TABLE IF NOT EXISTS article_entities (
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id     TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX IF NOT EXISTS article_entities_entity ON article_entities (entity_id);

CREATE TABLE IF NOT EXISTS claims (
    id                TEXT PRIMARY KEY,       -- Claim.id, hash of article id and attribution index
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    attribution_index INTEGER NOT NULL,
    text              TEXT NOT NULL,
    speaker           TEXT,
    speaker_entity_id TEXT,                   -- the entity the speaker names, when known
    stance            TEXT NOT NULL,
    is_negated        INTEGER NOT NULL CHECK (is_negated IN (0, 1)),
    subjects          TEXT NOT NULL,          -- JSON array of entity names
    date              TEXT,
    places            TEXT NOT NULL,          -- JSON array of place names
    unverified        INTEGER NOT NULL CHECK (unverified IN (0, 1))
);
CREATE INDEX IF NOT EXISTS claims_article ON claims (article_id);
CREATE INDEX IF NOT EXISTS claims_speaker ON claims (speaker_entity_id);
CREATE INDEX IF NOT EXISTS claims_date ON claims (date);

CREATE TABLE IF NOT EXISTS claim_links (
    claim_a    TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    claim_b    TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (claim_a, claim_b)
);
CREATE INDEX IF NOT EXISTS claim_links_b ON claim_links (claim_b);

CREATE TABLE IF NOT EXISTS disputes (
    id                TEXT PRIMARY KEY,
    proposition       TEXT NOT NULL,
    asserted_by       TEXT NOT NULL,          -- JSON array of entity names
    denied_by         TEXT NOT NULL,
    asserting_claims  TEXT NOT NULL,          -- JSON array of claim ids
    denying_claims    TEXT NOT NULL,
    evidence          TEXT NOT NULL,          -- JSON array of Evidence
    articles          TEXT NOT NULL,          -- JSON array of article ids
    confidence        REAL NOT NULL,
    kind              TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS dispute_articles (
    dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (dispute_id, article_id)
);
CREATE INDEX IF NOT EXISTS dispute_articles_article ON dispute_articles (article_id);
