"""Read a raw text dump (one or many pasted or scraped articles) into one RawArticle per article.

The reader streams: it holds the current article and a few blocks of look-ahead, never the file,
so a 200 MB dump reads in constant memory. It only *splits*; every character of an article's
stretch is handed on verbatim (headline, captions, widget residue and all) for ``clean.py``.

Where a new article begins is the hard part. A dump is cut only where the text shows one:

1. a headline-like line (short, title-like, no final period, not a known widget line) that is
   not the current article's own headline repeated, **and**
2. one of these right after it (same block or the next blocks): the same headline repeated
   (scraped pages print headline + captions twice), a photo caption with a credit, a byline,
   or a dateline with an agency ("KYIV (Reuters) -"); or, only after a wide gap of
   ``WIDE_GAP_LINES`` blank lines, a dateline without agency or a title-cased headline followed
   by a long paragraph (articles that have no caption).

A short paragraph alone is never a headline, so a one-article file with bylines, promos,
section heads and related links stays one article.

Contract: ``read_textdump`` yields ``RawArticle``s in file order; an article whose stretch is over
``MAX_ARTICLE_CHARS`` is not yielded but replaced by an ``InputError`` naming its first line, and
reading goes on with the next article (a generator cannot raise and continue). Decoding, binary
and empty-file detection belong to ``sniff.py``.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from claimscope.errors import InputError
from claimscope.ingest import noise
from claimscope.model import RawArticle

logger = logging.getLogger(__name__)

# An article longer than this is not news copy but a concatenation the splitter could not cut
# (or a log file); 1M characters is ~25x the longest PolNeAR article.
MAX_ARTICLE_CHARS = 1_000_000
# Blank lines that count as a wide gap between articles (the seed dump uses 3; paragraphs use 1).
WIDE_GAP_LINES = 2
# Blocks read ahead of the one being judged: headline, caption block, repeated headline, captions.
LOOKAHEAD_BLOCKS = 4
# A headline has at most this many words and characters (longest seed/PolNeAR headline: 19 words).
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
# Share of significant words capitalised for a line to be title-cased (seed headlines: 1.0;
# sentence-case paragraphs of 4+ words: below 0.5).
TITLE_CASE_SHARE = 0.7
# A paragraph that follows a caption-less headline after a wide gap is at least this long.
LONG_PARAGRAPH_CHARS = 120


@dataclass(slots=True)
class _Block:
    """A run of non-blank lines, with the blank lines before it kept verbatim."""

    start: int  # offset of the first non-blank line in the decoded file
    line_no: int  # 1-based line number of that line
    gap: str = ""  # the blank lines before this block, verbatim
    gap_lines: int = 0
    lines: list[str] = field(default_factory=list)  # with their line ends
    chars: int = 0
    is_continuation: bool = False  # a piece of a block cut at MAX_ARTICLE_CHARS

    def stripped(self) -> list[str]:
        return [line.strip() for line in self.lines]


def read_textdump(lines: Iterable[str], path: str) -> Iterator[RawArticle | InputError]:
    """Yield one RawArticle per article in the dump (or an InputError for an oversized one)."""
    article: list[_Block] = []
    article_chars = 0
    headline_key: str | None = None
    ahead: deque[_Block] = deque()
    blocks = _read_blocks(lines)
    exhausted = False
    while True:
        while not exhausted and len(ahead) <= LOOKAHEAD_BLOCKS:
            block = next(blocks, None)
            if block is None:
                exhausted = True
            else:
                ahead.append(block)
        if not ahead:
            break
        block = ahead.popleft()
        if article and _starts_article(block, list(ahead), headline_key):
            yield _finish(article, article_chars, path)
            article, article_chars = [], 0
        if not article:
            first = block.stripped()[0]
            headline_key = _fold(first) if is_headline_like(first) else None
        article.append(block)
        article_chars += block.chars + (len(block.gap) if len(article) > 1 else 0)
        if article_chars > MAX_ARTICLE_CHARS:
            # too long to yield: free its text, keep the first block for the error's line number
            del article[1:]
            article[0].lines = []
    if article:
        yield _finish(article, article_chars, path)


def _finish(article: list[_Block], chars: int, path: str) -> RawArticle | InputError:
    first = article[0]
    if chars > MAX_ARTICLE_CHARS:
        logger.warning("%s: article at line %d has %d characters; skipped", path, first.line_no, chars)
        return InputError(
            path,
            f"article at line {first.line_no} is over {MAX_ARTICLE_CHARS} characters "
            f"({chars}); skipped",
            line=first.line_no,
        )
    parts = ["".join(first.lines)]
    for block in article[1:]:
        parts.append(block.gap)
        parts.append("".join(block.lines))
    return RawArticle(source_file=path, text="".join(parts), raw_start=first.start)


def _read_blocks(lines: Iterable[str]) -> Iterator[_Block]:
    """Group lines into blocks of non-blank lines, keeping each block's leading blank lines."""
    offset = 0
    gap: list[str] = []
    block: _Block | None = None
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            if block is not None:
                yield block
                block = None
            gap.append(line)
        else:
            if block is None:
                block = _Block(start=offset, line_no=line_no, gap="".join(gap), gap_lines=len(gap))
                gap = []
            elif block.chars + len(line) > MAX_ARTICLE_CHARS:
                yield block
                block = _Block(start=offset, line_no=line_no, is_continuation=True)
            block.lines.append(line)
            block.chars += len(line)
        offset += len(line)
    if block is not None:
        yield block


def _starts_article(block: _Block, ahead: list[_Block], headline_key: str | None) -> bool:
    """Does ``block`` open a new article? See the module docstring for the rules."""
    if block.is_continuation or not block.lines:
        return False
    lines = block.stripped()
    first = lines[0]
    if not is_headline_like(first) or _fold(first) == headline_key:
        return False
    key = _fold(first)
    following = lines[1:] + [line for b in ahead[:LOOKAHEAD_BLOCKS - 1] for line in b.stripped()]
    wide = block.gap_lines >= WIDE_GAP_LINES
    for line in following[:8]:
        if _fold(line) == key or _is_caption(line) or noise.BYLINE.match(line):
            return True
        dateline = noise.DATELINE.match(line)
        if dateline and (dateline.group("agency") or wide):
            return True
        if is_noise_line(line):
            continue
        break  # the first ordinary line ends the search for the article's furniture
    if not wide or not is_title_case(first):
        return False
    body = following[0] if following else ""
    return len(body) >= LONG_PARAGRAPH_CHARS and not is_headline_like(body)


def is_noise_line(line: str) -> bool:
    return bool(noise.NOISE_LINE.match(line) or noise.NOISE_PREFIX.match(line))


def _is_caption(line: str) -> bool:
    return any(p.match(line) for p in noise.CREDIT_PATTERNS[:1]) or any(
        (m := p.match(line)) and m.group("caption") for p in noise.CREDIT_PATTERNS[1:]
    )


def is_headline_like(line: str) -> bool:
    """Short, title-like, without sentence-final punctuation, and not a known widget line."""
    words = line.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if line[-1] in ".,;:" or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
        return False
    if is_noise_line(line) or noise.RELATED_HEADING.match(line) or noise.LIST_BULLET.match(line):
        return False
    return not (noise.BYLINE.match(line) or noise.DATELINE.match(line) or _is_caption(line))


def is_title_case(line: str) -> bool:
    words = [w.strip("\"'“”‘’()") for w in line.split()]
    significant = [w for w in words if w and w[0].isalpha() and w.lower() not in noise.TITLE_SMALL_WORDS]
    if len(significant) < 2:
        return False
    return sum(w[0].isupper() for w in significant) >= TITLE_CASE_SHARE * len(significant)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
