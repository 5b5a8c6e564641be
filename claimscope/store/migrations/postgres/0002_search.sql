-- claimscope store, PostgreSQL dialect, migration 2: full-text search over headline + text.
-- A generated tsvector column (English stemming, like SQLite's porter tokenizer) and a GIN index.

ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(headline, '') || ' ' || text)) STORED;

CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search_vector);
