"""Ingest: bytes in, articles out, whatever the format.

``read_path`` sniffs an input (``sniff.detect_format``), decodes it once (``sniff.open_text``)
and hands it to the reader for its format: a text dump, an HTML page, JSON Lines or a WARC
archive. ``read_articles`` then cleans each raw article.

Error contract, the same for every format:

- an ``InputError`` **raised** means the whole input failed (missing, unreadable, empty, binary,
  an HTML page with no main text, a file that is not a WARC after all): nothing was read;
- an ``InputError`` **yielded** means one article (one JSON line, one WARC record, one oversized
  stretch of a dump) failed, and the rest of the input went on.

A caller reports both the same way (``err.path``, ``err.line``, ``err.problem``) and counts the
input as failed in the first case only.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from dataclasses import replace

from claimscope.errors import InputError
from claimscope.ingest.clean import clean_article
from claimscope.ingest.html import MAX_HTML_CHARS, read_html
from claimscope.ingest.jsonl import MAX_LINE_CHARS, read_jsonl
from claimscope.ingest.sniff import detect_format, open_binary, read_lines, text_stream
from claimscope.ingest.textdump import read_textdump
from claimscope.ingest.warc import read_warc
from claimscope.model import Article, RawArticle

logger = logging.getLogger(__name__)

# A text-dump line longer than this reaches the splitter in pieces, so a file that is one huge
# line (a minified export, a log) is read in bounded memory; no news paragraph comes near it.
MAX_TEXT_LINE_CHARS = 1_000_000

STDIN = "-"


def read_path(path: str) -> Iterator[RawArticle | InputError]:
    """Yield the raw articles of one input (a file path, or "-" for stdin), whatever its format.

    Raises InputError when the input as a whole cannot be read; yields one for an article that
    failed while the rest went on (see the module docstring).
    """
    opened = open_binary(path)
    try:
        fmt = detect_format(path, opened.head)
        logger.info("%s: read as %s", path, fmt)
        if fmt == "warc":
            yield from read_warc(path, stream=opened.stream)
            return
        stream, notes = text_stream(opened)
        if fmt == "html":
            text = stream.read(MAX_HTML_CHARS + 1)
            yield from read_html(text, path, notes=tuple(notes))
            return
        if fmt == "jsonl":
            articles = read_jsonl(read_lines(stream, max_line_chars=MAX_LINE_CHARS), path)
        else:
            articles = read_textdump(read_lines(stream, max_line_chars=MAX_TEXT_LINE_CHARS), path)
        for item in articles:
            if notes and isinstance(item, RawArticle):
                item = replace(item, notes=tuple(notes) + item.notes)
            yield item
    except (OSError, EOFError, zlib.error) as err:
        # a gzip stream or a device that breaks after the head was read: what came before stands
        raise InputError(path, f"reading stopped: {err}") from err
    finally:
        opened.close()


def read_articles(path: str) -> Iterator[Article | InputError]:
    """Yield the clean articles of one input; raw articles the cleaner rejects are dropped."""
    for item in read_path(path):
        if isinstance(item, InputError):
            yield item
            continue
        article = clean_article(item)
        if article is None:
            logger.info("%s: an article at offset %d was dropped by the cleaner", path, item.raw_start)
            continue
        yield article


__all__ = ["STDIN", "read_articles", "read_path"]
