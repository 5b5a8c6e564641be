"""The SQLite engine: one file, FTS5 for search; the default store for one machine."""
from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from claimscope.errors import StoreError
from claimscope.model import Article
from claimscope.store.store import SNIPPET_ELLIPSIS, SNIPPET_END, SNIPPET_START, SNIPPET_WORDS, Store

logger = logging.getLogger(__name__)

# How long a write waits for another process's write lock before failing (ms). Ingest holds the
# lock for one article at a time, so a few seconds covers any one transaction.
BUSY_TIMEOUT_MS = 10_000

_CREATE_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
)


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        super().__init__(read_only=read_only, where=str(path))
        self.path = Path(path)
        try:
            if read_only:
                if not self.path.is_file():
                    raise StoreError(f"{path}: no claimscope store here (run claimscope ingest first)")
                uri = self.path.resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                # WAL: readers (web, search) keep reading while ingest writes.
                self._conn.execute("PRAGMA journal_mode = WAL")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open SQLite store: {exc}") from exc
        try:
            if not read_only:
                self._conn.execute(_CREATE_MIGRATIONS)
            self._migrate()
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"{path}: not a usable claimscope store: {exc}") from exc
        except StoreError:
            self._conn.close()
            raise

    def _execute(self, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def _execute_many(self, sql: str, rows) -> None:
        self._conn.executemany(sql, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _run_script(self, sql: str, version: int, name: str) -> None:
        # executescript commits any open transaction first, so the BEGIN goes inside the script.
        script = (
            f"BEGIN IMMEDIATE;\n{sql}\n"
            f"INSERT OR IGNORE INTO schema_migrations (version, name) VALUES ({int(version)}, '{name}');\n"
            "COMMIT;"
        )
        try:
            self._conn.executescript(script)
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def _is_engine_error(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.Error)

    def _save_search_row(self, article: Article) -> None:
        self._execute(
            "INSERT INTO articles_fts (article_id, headline, text) VALUES (?, ?, ?)",
            (article.id, article.headline or "", article.text),
        )

    def _search(self, query: str, limit: int) -> list[tuple]:
        match = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
        return self._execute(
            "SELECT a.id, a.headline, snippet(articles_fts, -1, ?, ?, ?, ?) "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (SNIPPET_START, SNIPPET_END, SNIPPET_ELLIPSIS, min(SNIPPET_WORDS, 64), match, limit),
        ).fetchall()

    def close(self) -> None:
        self._conn.close()
