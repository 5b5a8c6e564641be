-- claimscope store, SQLite dialect, migration 4: nothing to change.
-- PostgreSQL's migration 4 widens REAL scores to DOUBLE PRECISION; SQLite's REAL is already 8-byte.
-- This file keeps the version numbers of both dialects in step: version N is the same schema on both.
SELECT 1;
