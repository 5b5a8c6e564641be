-- claimscope store, PostgreSQL dialect, migration 1: articles, attributions and the near-duplicate index.
-- List and record fields are JSON text (as in SQLite, so both engines read back the same records).

CREATE TABLE IF NOT EXISTS articles (
    id             TEXT PRIMARY KEY,          -- Article.id, a content hash
    headline       TEXT,
    paragraphs     TEXT NOT NULL,             -- JSON array of strings
    captions       TEXT NOT NULL,
    photo_credits  TEXT NOT NULL,
    subheadings    TEXT NOT NULL,
    published      TEXT,
    published_from TEXT,
    agency         TEXT,
    url            TEXT,
    outlet         TEXT,
    language       TEXT,
    source_file    TEXT,
    source_map     TEXT NOT NULL,             -- JSON array of {start, end, raw_start}
    notes          TEXT NOT NULL,
    text           TEXT NOT NULL,             -- Article.text, kept for search and snippets
    ingested_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS attributions (
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    source_start     INTEGER,
    source_end       INTEGER,
    source_text      TEXT,
    cue_start        INTEGER,
    cue_end          INTEGER,
    cue_text         TEXT,
    contents         TEXT NOT NULL,           -- JSON array of {start, end, text}
    stance           TEXT NOT NULL,
    direct           BOOLEAN NOT NULL,
    confidence       DOUBLE PRECISION NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    source_resolved  TEXT,
    source_entity_id TEXT,
    PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE IF NOT EXISTS near_duplicates (
    article_id   TEXT PRIMARY KEY,
    canonical_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    similarity   DOUBLE PRECISION NOT NULL,
    source_file  TEXT,
    linked_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS near_duplicates_canonical ON near_duplicates (canonical_id);

CREATE TABLE IF NOT EXISTS article_fingerprints (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature  BYTEA NOT NULL
);

CREATE TABLE IF NOT EXISTS article_bands (
    band_hash  BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band_hash, article_id)
);
