"""The only code with SQL: analysed articles in SQLite (default) or PostgreSQL. See docs/store.md."""
from claimscope.store.store import (
    DEFAULT_URL,
    ArticleSummary,
    SaveOutcome,
    SaveStatus,
    SearchHit,
    Store,
    open_store,
)

__all__ = ["DEFAULT_URL", "ArticleSummary", "SaveOutcome", "SaveStatus", "SearchHit", "Store", "open_store"]
