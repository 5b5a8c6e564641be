"""Quotation marks: what a quote covers, whether a content is direct, and who speaks a quote
paragraph that has no cue of its own.

News writing has three habits the parse alone misses: a quote of several sentences before
"X said" (the parse links only the last sentence), a quote paragraph with no cue that continues
the previous paragraph's speaker, and a quote running over several paragraphs (each opens with a
mark, only the last closes).
"""
from __future__ import annotations

from dataclasses import dataclass

OPENING = frozenset({'"', "“", "«"})
CLOSING = frozenset({'"', "”", "»"})
# Between a quote and its "X said" only punctuation and spaces stand: '"...," Putin said'.
JOINERS = frozenset({",", ":", " ", "\u00a0", "\n", "—", "–", "-"})
# How far a quote's edge may sit from the source/cue phrase and still belong to it (characters).
MAX_GAP = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteRegion:
    """A stretch between quotation marks, marks included; ``is_open`` when the paragraph ends
    before the quote closes (a quote that runs on into the next paragraph)."""

    start: int
    end: int
    is_open: bool = False


def find_quote_regions(text: str, start: int = 0, end: int | None = None) -> list[QuoteRegion]:
    """Quote regions of ``text[start:end]`` (one paragraph), pairing marks left to right."""
    end = len(text) if end is None else end
    regions: list[QuoteRegion] = []
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        if opened is None and ch in OPENING:
            opened = i
        elif opened is not None and ch in CLOSING:
            regions.append(QuoteRegion(start=opened, end=i + 1))
            opened = None
    if opened is not None:
        regions.append(QuoteRegion(start=opened, end=end, is_open=True))
    return regions


def quotes_around(text: str, paragraph: tuple[int, int], frame: tuple[int, int],
                  contents: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...] | None:
    """The quote regions a source-and-cue phrase (``frame``) introduces, if it is the quote's frame:
    a quote ending just before it ('"...," X said') and a split quote's second part starting just
    after it ('"A," X said, "B."'), or one starting after it ('X said: "..."'). Only when the parse's
    contents already reach into those quotes, so a cue beside an unrelated quote keeps its own."""
    regions = find_quote_regions(text, *paragraph)
    before = [r for r in regions if r.end <= frame[0] and _only_joiners(text, r.end, frame[0])]
    after = [r for r in regions if r.start >= frame[1] and _only_joiners(text, frame[1], r.start)
             and r.start - frame[1] <= MAX_GAP]
    chosen = before[-1:] + after[:1]
    if not chosen:
        return None
    if not any(_overlaps(c, (r.start, r.end)) for c in contents for r in chosen):
        return None
    return tuple((r.start, r.end) for r in chosen)


def is_direct(text: str, paragraph_regions: list[QuoteRegion], contents: tuple[tuple[int, int], ...]) -> bool:
    """True when every part of the content stands inside quotation marks (a mixed quote, words of
    the writer's around quoted ones, is not direct)."""
    if not contents:
        return False
    for start, end in contents:
        s, e = _core(text, start, end)
        if s >= e:
            continue
        if not any(r.start <= s and e <= r.end for r in paragraph_regions):
            return False
    return True


def is_quote_paragraph(text: str, paragraph: tuple[int, int]) -> bool:
    """A paragraph that opens with a quotation mark and is quote to its end (bar a full stop)."""
    start, end = paragraph
    body = text[start:end].strip()
    if not body or body[0] not in OPENING:
        return False
    regions = find_quote_regions(text, start, end)
    return bool(regions) and regions[0].start == start + (len(text[start:end]) - len(text[start:end].lstrip())) \
        and _core(text, regions[0].end, end)[0] >= _core(text, regions[0].end, end)[1]


def _only_joiners(text: str, a: int, b: int) -> bool:
    return a <= b and b - a <= MAX_GAP + 2 and all(ch in JOINERS for ch in text[a:b])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, punctuation and quote marks."""
    strip = set(" \n\t.,;:!?") | OPENING | CLOSING
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def find_carried_quotes(text: str, paragraphs: list[tuple[int, int]],
                        has_attribution: list[bool]) -> list[tuple[int, tuple[int, int], int]]:
    """Quote paragraphs with no cue, each as (its paragraph, its content, the paragraph whose
    speaker it carries). The speaker is the previous paragraph's (through a run of carried
    paragraphs); a quote that runs on into a cued paragraph with no speaker before it takes that
    paragraph's speaker instead."""
    out: list[tuple[int, tuple[int, int], int]] = []
    speaker: int | None = None
    for i, span in enumerate(paragraphs):
        if has_attribution[i]:
            speaker = i
            continue
        body = text[span[0]:span[1]].lstrip()
        regions = find_quote_regions(text, *span)
        runs_on = bool(regions) and regions[0].is_open and body[:1] in OPENING
        if not (is_quote_paragraph(text, span) or runs_on):
            speaker = None
            continue
        lead = span[0] + len(text[span[0]:span[1]]) - len(body)
        content = (lead, span[1])
        if speaker is not None:
            out.append((i, content, speaker))
        elif runs_on and i + 1 < len(paragraphs) and has_attribution[i + 1]:
            out.append((i, content, i + 1))
    return out
