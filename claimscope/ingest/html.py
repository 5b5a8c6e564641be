"""HTML pages to raw articles, through trafilatura's main-text extraction.

Trafilatura (2.3.1) finds the article body among navigation, related links, scripts and footers
and reads the metadata (title, date, author, site name, canonical URL) from meta tags, JSON-LD
and the page itself. We keep its block structure: each paragraph, heading, list item and block
quote it kept becomes one paragraph of ``RawArticle.text``, joined by a blank line.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator

import trafilatura
from lxml import etree

from claimscope.errors import InputError
from claimscope.model import PARAGRAPH_SEPARATOR, RawArticle

logger = logging.getLogger(__name__)

# Largest page we hand to the extractor, in characters. News pages run 50 KB - 2 MB with inline
# scripts; lxml and trafilatura need ~20x the page in memory, so 20 M characters keeps one page
# under ~0.5 GB while no real article page we have seen comes near it.
MAX_HTML_CHARS = 20_000_000

# Trafilatura body elements that hold text blocks; children of these are walked, not kept whole.
_CONTAINERS = {"list", "div", "table", "row"}
_LINE_BREAK = "lb"
# Fewest words an article body has: a one-sentence news brief runs 10+ words, while a page
# with no article leaves the extractor a menu item or link ("Home", "Read more") of 1-4 words.
MIN_MAIN_TEXT_WORDS = 8
# Longest opening block taken for a byline when it names the page's author: "By X and Y, Staff
# Writers | Updated March 4, 2024 10:15 GMT" is 12 words; a first paragraph is rarely under 20.
BYLINE_MAX_WORDS = 16


_BREAK = "\x00"  # marks a line break while inline text is gathered; never in decoded text


def _inline_text(element: etree._Element) -> Iterator[str]:
    """The text inside a block in document order, with a marker where a line break stood."""
    yield element.text or ""
    for sub in element:
        if isinstance(sub.tag, str):
            if sub.tag == _LINE_BREAK:
                yield _BREAK
            else:
                yield from _inline_text(sub)
        yield sub.tail or ""


def _block_texts(element: etree._Element) -> Iterator[str]:
    """Text blocks of an extracted body in reading order; a line break splits a block in two."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _CONTAINERS:
            yield from _block_texts(child)
            continue
        pieces = "".join(_inline_text(child)).split(_BREAK)
        for piece in pieces:
            block = " ".join(piece.split())
            if block:
                yield block


def _is_byline(block: str, author: str | None) -> bool:
    """A short block naming the author ("By Maria Lindqvist | March 4") is the byline, not body."""
    if not author:
        return False
    names = [n.strip() for n in author.replace(";", ",").split(",") if n.strip()]
    return len(block.split()) <= BYLINE_MAX_WORDS and any(n.casefold() in block.casefold() for n in names)


def _paragraphs(document, title: str | None, author: str | None) -> list[str]:
    body = getattr(document, "body", None)
    if body is not None and len(body):
        blocks = list(_block_texts(body))
    else:  # no tree came back: fall back on the plain text, one paragraph a line
        blocks = [" ".join(line.split()) for line in (document.text or "").splitlines()]
        blocks = [b for b in blocks if b]
    # The page's own <h1> usually repeats the title: drop it from the body, keep it as the title.
    if blocks and title and " ".join(title.split()).casefold() == blocks[0].casefold():
        blocks = blocks[1:]
    if blocks and _is_byline(blocks[0], author):
        blocks = blocks[1:]
    return blocks


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_html(text: str, path: str, *, url: str | None = None, published: str | None = None,
              notes: tuple[str, ...] = ()) -> Iterator[RawArticle]:
    """Yield the one article of an HTML page (a generator so all readers share a shape).

    ``url`` and ``published`` come from outside the page (a WARC record) and fill in only what
    the page lacks. Raises InputError naming ``path`` when the page is too big or has no main
    text (an index page, a paywall stub, a page that is all script).
    """
    if len(text) > MAX_HTML_CHARS:
        raise InputError(path, f"HTML page of {len(text):,} characters is over the "
                               f"{MAX_HTML_CHARS:,}-character cap (MAX_HTML_CHARS)")
    try:
        document = trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_tables=False, include_comments=False,
            include_images=False, include_links=False)
    except (ValueError, TypeError, etree.LxmlError) as err:  # lxml's complaints about the markup
        raise InputError(path, f"HTML could not be parsed ({err})") from err
    if document is None:
        raise InputError(path, "no main text found in the HTML page")
    title = _clean(document.title)
    byline = _clean(document.author)
    paragraphs = _paragraphs(document, title, byline)
    if sum(len(p.split()) for p in paragraphs) < MIN_MAIN_TEXT_WORDS:
        # what is left is a menu item or a link the extractor fell back on, not an article
        logger.info("%s: extracted text too short to be an article: %r", path, paragraphs)
        raise InputError(path, "no main text found in the HTML page")
    page_url = _clean(document.url) or url
    outlet = _clean(document.sitename) or _clean(document.hostname)
    logger.debug("%s: %d paragraphs, title %r", path, len(paragraphs), title)
    yield RawArticle(
        source_file=path,
        text=PARAGRAPH_SEPARATOR.join(paragraphs),
        raw_start=0,  # extracted text is not a verbatim slice of the page
        title=title,
        url=page_url,
        outlet=outlet,
        published=_clean(document.date) or published,
        byline=byline,
        notes=tuple(notes),
        is_structured=True,
    )


__all__ = ["MAX_HTML_CHARS", "read_html"]
