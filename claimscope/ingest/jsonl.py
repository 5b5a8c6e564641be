"""JSON Lines to raw articles: one JSON object per line, one article per object.

Field names differ between exporters (our own export, news APIs, scrapers), so each field is
looked up under the names listed in ``FIELD_NAMES``, first present wins. A line that fails is
reported as a yielded InputError carrying its line number, and the lines after it go on.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator

from claimscope.errors import InputError
from claimscope.model import PARAGRAPH_SEPARATOR, RawArticle

logger = logging.getLogger(__name__)

# Longest line we parse, in characters. The longest article in PolNeAR train is ~60 K characters
# and long-form features reach ~200 K; 5 M leaves room for HTML kept inside a field while
# bounding one line's memory (json.loads needs several times the line).
MAX_LINE_CHARS = 5_000_000

# Where each article field may be found, first match wins (data, not logic: extend freely).
FIELD_NAMES = {
    "title": ("title", "headline", "name"),
    "text": ("text", "body", "content", "article", "maintext", "paragraphs"),
    "url": ("url", "link", "uri", "canonical_url"),
    "published": ("published", "date", "published_at", "publishedAt", "date_publish",
                  "datePublished", "pubdate", "timestamp"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "source_domain"),
    "byline": ("byline", "author", "authors", "creator"),
}
# Keys of a nested object (``"source": {"id": "bbc", "name": "BBC News"}``) that hold its name.
NESTED_NAME_KEYS = ("name", "title", "@id", "id")


def _as_text(value, *, joiner: str) -> str | None:
    """A field value as text: strings as they are, lists joined, objects by their name."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        parts = [_as_text(v, joiner=joiner) for v in value]
        return joiner.join(p for p in parts if p) or None
    if isinstance(value, dict):
        for key in NESTED_NAME_KEYS:
            if key in value:
                return _as_text(value[key], joiner=joiner)
    return None


def _field(obj: dict, name: str, *, joiner: str = ", ") -> str | None:
    for key in FIELD_NAMES[name]:
        if key in obj:
            text = _as_text(obj[key], joiner=joiner)
            if text:
                return text
    return None


def _body(obj: dict) -> str | None:
    """The article text; a list of paragraphs keeps its paragraph breaks. A number is no text."""
    text = None
    for key in FIELD_NAMES["text"]:
        value = obj.get(key)
        if isinstance(value, (str, list)):
            text = _as_text(value, joiner=PARAGRAPH_SEPARATOR)
            if text:
                break
    if text is None:
        return None
    # Exporters write paragraph breaks as "\n" or "\n\n"; one newline is a break in news text.
    paragraphs = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p) or None


def _article(obj, path: str, line_no: int, offset: int) -> RawArticle | InputError:
    if not isinstance(obj, dict):
        return InputError(path, f"line is not a JSON object (got {type(obj).__name__})", line=line_no)
    text = _body(obj)
    if text is None:
        names = "/".join(FIELD_NAMES["text"][:3])
        return InputError(path, f"no article text (expected a non-empty {names} field)", line=line_no)
    return RawArticle(
        source_file=path,
        text=text,
        raw_start=offset,  # where the line starts; the text itself is JSON-decoded, not verbatim
        title=_field(obj, "title"),
        url=_field(obj, "url"),
        outlet=_field(obj, "outlet"),
        published=_field(obj, "published"),
        byline=_field(obj, "byline"),
        is_structured=True,
    )


def read_jsonl(lines: Iterable[str], path: str, *,
               max_line_chars: int = MAX_LINE_CHARS) -> Iterator[RawArticle | InputError]:
    """Yield one RawArticle per JSON line, or an InputError (with the line number) for a bad line.

    ``lines`` keep their line ends. A line may arrive in pieces (as ``sniff.read_lines`` gives an
    overlong line), so an oversized line is skipped without being held whole; blank lines are
    skipped silently.
    """
    line_no, offset = 0, 0
    pieces: list[str] = []
    size = 0
    for piece in lines:
        pieces.append(piece)
        size += len(piece)
        if size > max_line_chars:
            pieces = [pieces[-1][-1:]]  # keep only what tells us whether the line ended
        if not piece.endswith(("\n", "\r")):
            continue
        line_no += 1
        start, size_of_line = offset, size
        offset += size
        line, pieces, size = "".join(pieces), [], 0
        yield from _parse_line(line, path, line_no, start, size_of_line, max_line_chars)
    if pieces:  # last line without a newline
        line_no += 1
        yield from _parse_line("".join(pieces), path, line_no, offset, size, max_line_chars)


def _parse_line(line: str, path: str, line_no: int, offset: int, size: int,
                max_line_chars: int) -> Iterator[RawArticle | InputError]:
    if size > max_line_chars:
        logger.warning("%s:%d: line of %d characters skipped (cap %d)", path, line_no, size, max_line_chars)
        yield InputError(path, f"line of {size:,} characters is over the {max_line_chars:,}-character "
                               f"cap (MAX_LINE_CHARS); skipped", line=line_no)
        return
    if not line.strip():
        return
    try:
        obj = json.loads(line.rstrip("\r\n"))
    except ValueError as err:  # JSONDecodeError; deep nesting raises RecursionError below
        msg = getattr(err, "msg", str(err))
        col = getattr(err, "colno", None)
        where = f" at column {col}" if col else ""
        yield InputError(path, f"invalid JSON: {msg}{where}", line=line_no)
        return
    except RecursionError:
        yield InputError(path, "invalid JSON: nested too deeply", line=line_no)
        return
    yield _article(obj, path, line_no, offset)


__all__ = ["FIELD_NAMES", "MAX_LINE_CHARS", "read_jsonl"]
