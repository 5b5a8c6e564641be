"""Read a raw text dump (one or many pasted or scraped articles) into one RawArticle per article.

The reader streams: it holds the current article and a few blocks of look-ahead, never the file,
so a 200 MB dump reads in constant memory. It only *splits*; every character of an article's
stretch is handed on verbatim (headline, captions, widget residue and all) for ``clean.py``.

Where a new article begins is the hard part. A dump is cut before a line only where the text
shows one, judged on that line and the ``LOOKAHEAD_LINES`` after it:

1. the line is headline-like (short, no final period, not widget residue, not a byline, date or
   caption) and is not the current article's own headline printed again; and
2. one of, strongest first: the same headline is printed again just below (scraped pages show
   headline + captions twice; this works with no blank lines at all); the next line is a byline;
   the next line is a dateline with an agency ("KYIV (Reuters) -") after a blank line; the next
   line is a credited photo caption and the headline is title-cased, after a blank line; or,
   after a wide gap of ``WIDE_GAP_LINES`` blank lines, any dateline or caption, or a title-cased
   headline followed by a long paragraph (articles without a caption); or, after a blank line once
   the current article holds two paragraphs of prose, a date line among the next ``HEADER_LINES``
   (the next page's header: summary bullets, a name, "13 Jun 2025 11:05AM").

Before those, the page's own opening lines (skip link, site name, menu: ``PAGE_OPENING_LINES``)
printed again after ``PAGE_MIN_LINES`` lines start the next page of the same site, whatever its
headline looks like.

Nothing is cut while the current article holds only widget residue ("Skip to content") or a site
menu (no line of ``CONTENT_MIN_WORDS`` words).
A short paragraph alone is never a headline, so a one-article file with bylines, promos,
section heads and related links stays one article.

Contract: ``read_textdump`` yields ``RawArticle``s in file order; an article whose stretch is over
``MAX_ARTICLE_CHARS`` is not yielded but replaced by an ``InputError`` naming its first line, and
reading goes on with the next article (a generator cannot raise and continue). Decoding, binary
and empty-file detection belong to ``sniff.py``.
"""
from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimscope.errors import InputError
from claimscope.ingest import noise
from claimscope.model import RawArticle

logger = logging.getLogger(__name__)

# An article longer than this is not news copy but a concatenation the splitter could not cut
# (or a log file); 1M characters is ~25x the longest PolNeAR article.
MAX_ARTICLE_CHARS = 1_000_000
# Blank lines that count as a wide gap between articles (the seed dump uses 3; paragraphs use 1).
WIDE_GAP_LINES = 2
# A stretch cannot be cut off as an article until it holds a line of this many words that is not
# widget residue: a site's menu ("Home", "News", "Metro Plus") is furniture of the page below it.
CONTENT_MIN_WORDS = 4
# Lines of a page's opening (skip link, site name, menu) that, printed again, begin the next page.
PAGE_OPENING_LINES = 3
# ... once the page holds this many lines (the seed prints its headline and captions again after 5).
PAGE_MIN_LINES = 12
# Words besides the date a date line's date part may hold ("on", a time zone); a sentence has more.
DATE_LINE_OTHER_WORDS = 2
# A date line is at most this long (clean.py drops such lines from the body).
DATE_LINE_MAX_CHARS = 140
# A page's header (standfirst, summary bullets, byline) between headline and date line runs this
# many lines at most, none of them a paragraph longer than PROSE_MIN_CHARS.
HEADER_LINES = 6
PROSE_MIN_CHARS = 250
# Lines read ahead of the one being judged: enough to see a headline repeated after two caption
# lines and two widget lines (the seed's scraped-page pattern needs 5).
LOOKAHEAD_LINES = 8
# A headline has at most this many words and characters (longest seed/PolNeAR headline: 19 words).
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
# Share of significant words capitalised for a line to be title-cased (seed headlines: 1.0;
# sentence-case paragraphs of 4+ words: below 0.5).
TITLE_CASE_SHARE = 0.7
# A paragraph that follows a caption-less headline after a wide gap is at least this long
# (a one-sentence wire lede is 80-250 characters; a related-link title under 80).
LONG_PARAGRAPH_CHARS = 80


@dataclass(slots=True)
class _Unit:
    """One non-blank line, with the blank lines before it kept verbatim."""

    start: int  # offset of the line in the decoded file
    line_no: int  # 1-based line number
    gap: str  # the blank lines before it, verbatim
    gap_lines: int
    line: str  # with its line end

    @property
    def text(self) -> str:
        return self.line.strip()


def read_textdump(lines: Iterable[str], path: str) -> Iterator[RawArticle | InputError]:
    """Yield one RawArticle per article in the dump (or an InputError for an oversized one)."""
    article: list[_Unit] = []
    chars = 0
    headline_key: str | None = None
    has_content = False  # a line other than widget residue: only then may a new article start
    prose = 0
    ahead: deque[_Unit] = deque()
    units = _read_units(lines)
    exhausted = False
    while True:
        while not exhausted and len(ahead) <= LOOKAHEAD_LINES:
            unit = next(units, None)
            if unit is None:
                exhausted = True
            else:
                ahead.append(unit)
        if not ahead:
            break
        unit = ahead.popleft()
        # the line under the headline is its standfirst (an oversized article keeps only its first line)
        under_headline = bool(article) and chars <= MAX_ARTICLE_CHARS and title_key(article[-1].text) == headline_key
        if has_content and (_reopens_page(unit, list(ahead), article)
                            or not under_headline and _starts_article(unit, list(ahead), headline_key, prose)):
            yield _finish(article, chars, path)
            article, chars, headline_key, has_content, prose = [], 0, None, False, 0
        text = unit.text
        if headline_key is None and not has_content and is_headline_like(text):
            headline_key = title_key(text)
        has_content = has_content or (not is_noise_line(text) and len(text.split()) >= CONTENT_MIN_WORDS)
        prose += is_prose(text)
        chars += len(unit.line) + (len(unit.gap) if article else 0)
        if chars > MAX_ARTICLE_CHARS:
            # too long to yield: keep only the first line, for the error's line number
            del article[1:]
        else:
            article.append(unit)
    if article:
        yield _finish(article, chars, path)


def _finish(article: list[_Unit], chars: int, path: str) -> RawArticle | InputError:
    first = article[0]
    if chars > MAX_ARTICLE_CHARS:
        logger.warning("%s: article at line %d has %d characters; skipped", path, first.line_no, chars)
        return InputError(
            path,
            f"article at line {first.line_no} is over {MAX_ARTICLE_CHARS} characters ({chars}); skipped",
            line=first.line_no,
        )
    parts = [first.line]
    for unit in article[1:]:
        parts.append(unit.gap)
        parts.append(unit.line)
    return RawArticle(source_file=path, text="".join(parts), raw_start=first.start)


def _read_units(lines: Iterable[str]) -> Iterator[_Unit]:
    offset = 0
    gap: list[str] = []
    for line_no, line in enumerate(lines, start=1):
        if line.strip():
            yield _Unit(start=offset, line_no=line_no, gap="".join(gap), gap_lines=len(gap), line=line)
            gap = []
        else:
            gap.append(line)
        offset += len(line)


def _reopens_page(unit: _Unit, ahead: list[_Unit], article: list[_Unit]) -> bool:
    """The page's opening lines ("Skip to content", the site name, its menu) printed again: the
    next scraped page of the same site begins, whatever its headline looks like. Not within the
    page's first ``PAGE_MIN_LINES`` lines: a headline printed again with its captions is one page."""
    if len(article) < PAGE_MIN_LINES:
        return False
    opening = [u.text for u in article[:PAGE_OPENING_LINES]]
    if [unit.text] + [u.text for u in ahead[:PAGE_OPENING_LINES - 1]] == opening:
        return True
    # each page opens on its own title ("Headline - The Globe and Mail"), then the same skip link and site name
    titled = noise.SITE_SUFFIX.search(article[0].text) and noise.SITE_SUFFIX.search(unit.text)
    return bool(titled) and [u.text for u in ahead[:PAGE_OPENING_LINES - 1]] == opening[1:]


def _starts_article(unit: _Unit, ahead: list[_Unit], headline_key: str | None, prose: int) -> bool:
    """Does ``unit`` open a new article? See the module docstring for the rules. ``prose``: the
    paragraphs of prose the current article holds (a page's header holds at most a standfirst)."""
    first = unit.text
    if not is_headline_like(first) or title_key(first) == headline_key:
        return False
    key = title_key(first)
    wide = unit.gap_lines >= WIDE_GAP_LINES
    gapped = unit.gap_lines >= 1
    title = is_title_case(first)
    if any(title_key(u.text) == key for u in ahead) and not (ahead and is_bare_credit(ahead[0].text)) \
            and len(first.split()) >= CONTENT_MIN_WORDS:  # not a menu item printed again as the section label
        return True  # headline + captions printed twice: the scraped-page pattern (a caption has its credit below)
    following = [u.text for u in ahead if not is_noise_line(u.text)]
    nxt = following[0] if following else ""
    if noise.BYLINE.match(nxt):
        return True
    dateline = noise.DATELINE.match(nxt)
    if dateline and (wide or (gapped and dateline.group("agency"))):
        return True
    if is_caption_line(nxt) and (wide or (gapped and title)):
        return True
    if gapped and prose >= 2 and _dated_below(ahead):
        return True  # "HEADLINE / Bookmark / • summary / Name / 13 Jun 2025 11:05AM": the next page's header
    return wide and title and len(nxt) >= LONG_PARAGRAPH_CHARS and not is_headline_like(nxt)


def is_prose(line: str) -> bool:
    """A paragraph of running text: long, many words, ending a sentence."""
    return len(line) >= LONG_PARAGRAPH_CHARS and len(line.split()) >= 12 and line[-1] in ".!?\"”’'"


def _dated_below(ahead: list[_Unit]) -> bool:
    """A date line within the next ``HEADER_LINES`` lines that are not widget residue, before any paragraph."""
    for unit in [u for u in ahead if not is_noise_line(u.text)][:HEADER_LINES]:
        if is_date_line(unit.text):
            return True
        if len(unit.text) > PROSE_MIN_CHARS:
            return False
    return False


def is_caption_line(line: str) -> bool:
    """A line ending in a photo credit, with caption text before it (or a bracketed credit)."""
    line = noise.LINK_RESIDUE.sub("", line)
    if noise.SOURCE_LABEL.match(line) or noise.CAPTION_LABEL.match(line):
        return True
    return any(p.match(line) for p in noise.CREDIT_PATTERNS[:1]) or any(
        (m := p.match(line)) and m.group("caption") for p in noise.CREDIT_PATTERNS[1:]
    )


def is_bare_credit(line: str) -> bool:
    """A photo credit alone on its line ("Photo: File", "Credit...Jane Doe"): the line above is a caption."""
    line = noise.LINK_RESIDUE.sub("", line)
    return any((m := p.match(line)) and not m.group("caption").strip() for p in noise.CREDIT_PATTERNS[1:2])


def is_noise_line(line: str) -> bool:
    return bool(noise.NOISE_LINE.match(line) or noise.NOISE_PREFIX.match(line))


def is_headline_like(line: str) -> bool:
    """Short, title-like, without sentence-final punctuation, and not a known widget line."""
    line = noise.VERSION_TAG.sub("", line)
    words = line.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if line[-1] in ".,;:" or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
        return False
    if is_noise_line(line) or noise.RELATED_HEADING.match(line) or noise.LIST_BULLET.match(line):
        return False
    if noise.DATE_LINE.match(line) and any(p.search(line) for p in noise.DATE_PATTERNS):
        return False
    if is_date_line(line) or re.search(r"(?:^|\s)@\w{2,}", line):  # "Issued on: 12/05/2025", "Name, reporter @handle"
        return False
    return not (noise.BYLINE.match(line) or noise.DATELINE.match(line) or is_caption_line(line) or is_bare_credit(line))


def is_bare_date(written: str) -> bool:
    """A date line's date part is a date and little else: "Sat 14 Jun 2025", not "Cruz dropped
    out of the race May 3, 2016" (a sentence that ends in a date)."""
    rest = written
    for pattern in (*noise.DATE_PATTERNS, noise.NUMERIC_DATE):
        rest = pattern.sub(" ", rest)
    return len(re.findall(r"[^\W\d]{2,}", rest)) <= DATE_LINE_OTHER_WORDS


def is_date_line(line: str) -> bool:
    """A line that only dates the page: "Tuesday 8 July 2025 14:21, UK", "Published: 6:45pm, 12 Jul 2025"."""
    m = len(line) <= DATE_LINE_MAX_CHARS and (noise.DATE_LINE.match(line) or noise.TIME_DATE_LINE.match(line))
    return bool(m) and is_bare_date(m.group("date")) and bool(
        noise.NUMERIC_DATE.search(m.group("date")) or any(p.search(m.group("date")) for p in noise.DATE_PATTERNS))


def is_title_case(line: str) -> bool:
    words = [w.strip("\"'“”‘’()") for w in line.split()]
    significant = [w for w in words if w and w[0].isalpha() and w.lower() not in noise.TITLE_SMALL_WORDS]
    if len(significant) < 2:
        return False
    return sum(w[0].isupper() for w in significant) >= TITLE_CASE_SHARE * len(significant)


def title_key(line: str) -> str:
    """A headline as compared with its repeats: without the page title's site name ("... | CNN")
    or a wire's version tag ("(LEAD) ..."), case and spacing folded."""
    return _fold(strip_title(line))


def strip_title(line: str) -> str:
    return noise.SITE_SUFFIX.sub("", noise.VERSION_TAG.sub("", line.strip()))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
