-- claimscope store, SQLite dialect, migration 5: the claim index, so claim linking is incremental.
-- A new article's claims find their candidates through these keys (claimscope.knowledge.linking
-- claim_keys) instead of a relink of every stored claim; claimscope.runner.claimmap fills them.

-- Articles whose claims are indexed and linked, and whose disputes are found. An article stored
-- but not listed here is pending: the next claim-map update maps it (a store from before this
-- migration has every article pending, so its first update rebuilds the map).
CREATE TABLE IF NOT EXISTS claim_map_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    mapped_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Each indexed claim's distinct content terms: the lookup of claims sharing a term, and the
-- document frequency (claims per term) that claim-pair scores weigh terms by.
CREATE TABLE IF NOT EXISTS claim_terms (
    term     TEXT NOT NULL,
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    PRIMARY KEY (term, claim_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_terms_claim ON claim_terms (claim_id);

-- Random-hyperplane LSH buckets of each claim's embedding: 16 rows per claim. A bucket's claims are
-- ordered by position, so a lookup reads the few nearest rows on either side of a new claim.
CREATE TABLE IF NOT EXISTS claim_bands (
    band_key INTEGER NOT NULL,                -- band number * 2**8 + the 8-bit sign pattern
    position REAL NOT NULL,                   -- one more projection: nearness inside the bucket
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, position, claim_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_bands_claim ON claim_bands (claim_id);

-- Each claim's sentence embedding, so a pair's cosine needs no model run for stored claims.
CREATE TABLE IF NOT EXISTS claim_vectors (
    claim_id TEXT PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    vector   BLOB NOT NULL                    -- 384 little-endian float32 (L2-normalised)
);
