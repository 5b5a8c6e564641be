"""The PostgreSQL engine: for a store shared by several machines; tsvector + GIN for search.

Connects with psycopg 3 in autocommit mode; each article and each migration runs in an explicit
transaction. The URL is any libpq URL, e.g. ``postgresql://user@host:5432/db``; a schema is chosen
with libpq's options, ``?options=-csearch_path%3Dmyschema``.
"""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from typing import Iterator

import psycopg

from claimscope.errors import StoreError
from claimscope.store.store import SNIPPET_ELLIPSIS, SNIPPET_END, SNIPPET_START, SNIPPET_WORDS, Store

logger = logging.getLogger(__name__)

# Seconds to wait for the server before reporting it unreachable.
CONNECT_TIMEOUT_S = 10

# Text-search configuration: English stemming, like the porter tokenizer on SQLite.
TS_CONFIG = "english"

# Any fixed number: the advisory lock that keeps two processes from migrating at once.
_MIGRATION_LOCK = 0x636C_6D73  # "clms"

_CREATE_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
)


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        super().__init__(read_only=read_only, where=redact(url))
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreError(f"{self.where}: cannot connect to PostgreSQL: {' '.join(str(exc).split())}") from exc
        try:
            if read_only:
                self._conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            else:
                self._conn.execute(_CREATE_MIGRATIONS)
            self._migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"{self.where}: not a usable claimscope store: {exc}") from exc
        except StoreError:
            self._conn.close()
            raise

    def _execute(self, sql: str, params: tuple | list = ()) -> psycopg.Cursor:
        return self._conn.execute(sql.replace("?", "%s"), params)

    def _execute_many(self, sql: str, rows) -> None:
        rows = list(rows)
        if rows:
            with self._conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def _run_script(self, sql: str, version: int, name: str) -> None:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            done = self._conn.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (version,)).fetchone()
            if done:  # another process migrated while we waited for the lock
                return
            self._conn.execute(sql)  # no parameters: psycopg sends it as one multi-statement script
            self._conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name)
            )

    def _is_engine_error(self, exc: BaseException) -> bool:
        return isinstance(exc, psycopg.Error)

    def _search(self, query: str, limit: int) -> list[tuple]:
        options = (
            f"StartSel={SNIPPET_START}, StopSel={SNIPPET_END}, FragmentDelimiter={SNIPPET_ELLIPSIS}, "
            f"MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, MaxFragments=1"
        )
        return self._execute(
            "SELECT id, headline, ts_headline(?::regconfig, text, q, ?) FROM ("
            "  SELECT id, headline, text, q, ts_rank_cd(search_vector, q) AS rank"
            "  FROM articles, plainto_tsquery(?::regconfig, ?) AS q"
            "  WHERE search_vector @@ q ORDER BY rank DESC, id LIMIT ?"
            ") AS best ORDER BY rank DESC, id",
            (TS_CONFIG, options, TS_CONFIG, query, limit),
        ).fetchall()

    def close(self) -> None:
        self._conn.close()
