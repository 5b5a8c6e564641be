"""WARC archives to raw articles: every HTML page a crawler saved, through the HTML reader.

warcio's ArchiveIterator streams the records (gzip per record or not), undoing chunked transfer
and gzip/deflate content encoding, so a crawl of any size is read one page at a time.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimscope.errors import InputError
from claimscope.ingest.html import MAX_HTML_CHARS, read_html
from claimscope.ingest.sniff import decode_bytes, open_binary
from claimscope.model import RawArticle

logger = logging.getLogger(__name__)

# Content types of pages we read; the rest (images, CSS, scripts, robots.txt) are skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Record types that hold a page: what a crawler fetched, or a page stored as a resource.
PAGE_RECORD_TYPES = ("response", "resource")
# Largest payload read, in bytes: the HTML reader's character cap (one byte per character is
# the worst case for its check, so a payload under this can still be refused there).
MAX_PAYLOAD_BYTES = MAX_HTML_CHARS
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _content_type(record) -> str:
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _status_ok(record) -> bool:
    if record.http_headers is None:
        return True
    status = (record.http_headers.get_statuscode() or "").strip()
    return status.startswith("2")


def read_warc(path: str, *, stream: BinaryIO | None = None) -> Iterator[RawArticle | InputError]:
    """Yield a RawArticle per HTML page in the archive, or an InputError for a page that failed.

    ``stream`` is the archive when it was opened already (stdin, or after sniffing); otherwise
    ``path`` is opened. The page's URL comes from WARC-Target-URI and its date from WARC-Date
    when the page itself has none. Raises InputError when the file is not a readable WARC at
    all; damage after the first record ends the reading with one yielded InputError.
    """
    opened = None
    if stream is None:
        opened = open_binary(path)
        stream = opened.stream
    pages = 0
    record_no = 0
    try:
        records = iter(ArchiveIterator(stream, ensure_http_headers=False))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as err:  # noqa: BLE001
                # warcio parses untrusted bytes and fails in many ways on damaged ones
                # (ArchiveLoadFailed, but also AttributeError, ValueError, zlib errors):
                # whatever it raises, the archive cannot be read on from here.
                reason = f"{type(err).__name__}: {err}" if not isinstance(err, ArchiveLoadFailed) else str(err)
                if record_no == 0:
                    raise InputError(path, f"not a readable WARC file ({reason})") from err
                yield InputError(path, f"WARC record {record_no + 1} is damaged ({reason}); reading stopped")
                return
            record_no += 1
            if not record.rec_headers.get_header("WARC-Type"):
                problem = f"WARC record {record_no} has no WARC-Type header"
                if record_no == 1:
                    raise InputError(path, f"not a readable WARC file ({problem})")
                yield InputError(path, f"{problem}; reading stopped")
                return
            if record.rec_type not in PAGE_RECORD_TYPES:
                continue
            content_type = _content_type(record)
            if not content_type.lower().split(";")[0].strip() in HTML_TYPES:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if not _status_ok(record):
                logger.debug("%s: record %d (%s) skipped: HTTP status not 2xx", path, record_no, uri)
                continue
            result = _page(record, path, record_no, uri, content_type)
            pages += isinstance(result, RawArticle)
            yield result
    finally:
        if opened is not None:
            opened.close()
    logger.info("%s: %d HTML pages read from %d WARC records", path, pages, record_no)
    if record_no == 0:
        raise InputError(path, "not a readable WARC file (no records)")


def _page(record, path: str, record_no: int, uri: str | None, content_type: str) -> RawArticle | InputError:
    where = f"WARC record {record_no} ({uri or 'no URI'})"
    try:
        payload = record.content_stream().read(MAX_PAYLOAD_BYTES + 1)
    except Exception as err:  # noqa: BLE001  (warcio on damaged bytes: see read_warc)
        return InputError(path, f"{where}: payload unreadable ({err})")
    if len(payload) > MAX_PAYLOAD_BYTES:
        return InputError(path, f"{where}: page is over the {MAX_PAYLOAD_BYTES:,}-byte cap (MAX_PAYLOAD_BYTES)")
    if not payload.strip():
        return InputError(path, f"{where}: empty page")
    declared = _CHARSET.search(content_type)
    text, notes = decode_bytes(path, payload, declared=declared.group(1) if declared else None)
    warc_date = record.rec_headers.get_header("WARC-Date")
    try:
        return next(read_html(text, path, url=uri, published=warc_date[:10] if warc_date else None,
                              notes=tuple(notes)))
    except InputError as err:
        return InputError(path, f"{where}: {err.problem}")


__all__ = ["HTML_TYPES", "read_warc"]
