-- claimscope store, SQLite dialect, migration 1: articles, attributions and the near-duplicate index.
-- List and record fields are JSON text; columns are named after the record fields they hold.

CREATE TABLE IF NOT EXISTS articles (
    id             TEXT PRIMARY KEY,          -- Article.id, a content hash
    headline       TEXT,
    paragraphs     TEXT NOT NULL,             -- JSON array of strings
    captions       TEXT NOT NULL,             -- JSON array of strings
    photo_credits  TEXT NOT NULL,             -- JSON array of strings
    subheadings    TEXT NOT NULL,             -- JSON array of strings
    published      TEXT,
    published_from TEXT,
    agency         TEXT,
    url            TEXT,
    outlet         TEXT,
    language       TEXT,
    source_file    TEXT,
    source_map     TEXT NOT NULL,             -- JSON array of {start, end, raw_start}
    notes          TEXT NOT NULL,             -- JSON array of strings
    text           TEXT NOT NULL,             -- Article.text, kept for search and snippets
    ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE IF NOT EXISTS attributions (
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,        -- position in ArticleAnalysis.attributions
    source_start     INTEGER,
    source_end       INTEGER,
    source_text      TEXT,
    cue_start        INTEGER,
    cue_end          INTEGER,
    cue_text         TEXT,
    contents         TEXT NOT NULL,           -- JSON array of {start, end, text}
    stance           TEXT NOT NULL,
    direct           INTEGER NOT NULL CHECK (direct IN (0, 1)),
    confidence       REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    source_resolved  TEXT,
    source_entity_id TEXT,
    PRIMARY KEY (article_id, ordinal)
);

-- A copy found to near-duplicate a stored article is linked here and not stored twice.
CREATE TABLE IF NOT EXISTS near_duplicates (
    article_id   TEXT PRIMARY KEY,            -- the copy's Article.id
    canonical_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    similarity   REAL NOT NULL,
    source_file  TEXT,
    linked_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX IF NOT EXISTS near_duplicates_canonical ON near_duplicates (canonical_id);

-- MinHash signature per stored article (claimscope.dedupe), to confirm an LSH candidate.
CREATE TABLE IF NOT EXISTS article_fingerprints (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature  BLOB NOT NULL                  -- NUM_PERM little-endian uint32 values
);

-- LSH band hashes: a candidate lookup is one indexed `band_hash IN (...)` query, no full scan.
CREATE TABLE IF NOT EXISTS article_bands (
    band_hash  INTEGER NOT NULL,              -- 64-bit hash of (band number, band values)
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band_hash, article_id)
) WITHOUT ROWID;
