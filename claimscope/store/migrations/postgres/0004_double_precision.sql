-- claimscope store, PostgreSQL dialect, migration 4: scores as DOUBLE PRECISION.
-- In PostgreSQL REAL is 4-byte, so migration 3's REAL columns rounded a Python float (and refused
-- tiny ones with "underflow"); SQLite's REAL is already 8-byte, hence no SQLite counterpart.

ALTER TABLE disputes ALTER COLUMN confidence TYPE DOUBLE PRECISION;
ALTER TABLE claim_links ALTER COLUMN similarity TYPE DOUBLE PRECISION;
