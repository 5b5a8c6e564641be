"""Server-rendered HTML pages over the same queries as the API (claimscope.store.queries)."""
