-- claimscope store, SQLite dialect, migration 2: full-text search over headline + text (FTS5).
-- A standalone FTS table (not external-content): articles has a TEXT key, and VACUUM may renumber
-- the implicit rowids an external-content table would point at. The cost is a second copy of the text.

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    article_id UNINDEXED,
    headline,
    text,
    tokenize = 'porter unicode61'
);

INSERT INTO articles_fts (article_id, headline, text)
SELECT id, coalesce(headline, ''), text FROM articles
WHERE id NOT IN (SELECT article_id FROM articles_fts);
