"""Exports of a store: articles, attributions, claims and disputes as JSONL, CSV or Parquet.

Rows are flat dicts (lists and nested records as JSON text in CSV and Parquet), streamed page by
page from the store's read queries, so an export holds one page in memory, not the corpus.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from claimscope.errors import ConfigError
from claimscope.store import queries
from claimscope.store.store import Store

TABLES = ("articles", "attributions", "claims", "disputes")
FORMATS = ("jsonl", "csv", "parquet")
PAGE_ROWS = 500  # rows fetched per query while exporting

ARTICLE_FIELDS = ("id", "headline", "published", "published_from", "agency", "url", "outlet", "language",
                  "captions", "photo_credits", "subheadings", "text", "source_file")


def _pages(fetch) -> Iterator[dict]:
    offset = 0
    while True:
        page = fetch(limit=PAGE_ROWS, offset=offset)
        yield from page["items"]
        offset += PAGE_ROWS
        if offset >= page["total"]:
            return


def iter_rows(store: Store, table: str) -> Iterator[dict]:
    """Every row of one exported table, in a stable order."""
    if table == "articles":
        for summary in _pages(lambda **kw: _article_page(store, **kw)):
            analysis = store.get_analysis(summary)
            data = analysis.article.to_json()
            yield {k: data[k] for k in ARTICLE_FIELDS}
    elif table == "attributions":
        yield from _pages(lambda **kw: queries.list_attributions(store, **kw))
    elif table == "claims":
        yield from _pages(lambda **kw: queries.list_claims(store, **kw))
    elif table == "disputes":
        yield from _pages(lambda **kw: queries.list_disputes(store, **kw))
    else:
        raise ConfigError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")


def _article_page(store: Store, *, limit: int, offset: int) -> dict:
    return {"items": [a.id for a in store.list_articles(limit=limit, offset=offset)],
            "total": store.count_articles()}


def _flat(row: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}


def export_table(store: Store, table: str, fmt: str, out: Path | IO[str]) -> int:
    """Write one table to ``out`` (a path, or a text stream for jsonl/csv); returns the row count."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    rows = iter_rows(store, table)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("parquet is binary: give --out FILE")
        import pyarrow as pa
        import pyarrow.parquet as pq

        batch = [_flat(r) for r in rows]
        pq.write_table(pa.Table.from_pylist(batch), out)
        return len(batch)
    stream = open(out, "w", encoding="utf-8", newline="") if isinstance(out, Path) else out
    try:
        count = 0
        writer = None
        for row in rows:
            if fmt == "jsonl":
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                flat = _flat(row)
                if writer is None:
                    writer = csv.DictWriter(stream, fieldnames=list(flat), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow(flat)
            count += 1
        return count
    finally:
        if isinstance(out, Path):
            stream.close()
