"""Turn one raw article stretch (from any reader) into a clean Article.

Every line of the stretch gets one role, in this cascade (first match wins):

1. headline: the first non-furniture line if it reads as a headline (text dumps only; a
   structured reader's ``raw.title`` is the headline and lines repeating it are dropped);
2. repeated headline, widget residue (``noise.NOISE_LINE``/``NOISE_PREFIX``), a related-links
   heading with its list of short link lines: dropped, each counted in ``notes``;
3. caption: a line ending in a photo credit (``noise.CREDIT_PATTERNS``): the credit goes to
   ``photo_credits``, the rest to ``captions``; later copies of a caption (with or without
   credit) are dropped;
4. byline ("By Jane Doe, Associated Press") and a line holding only a date: header furniture,
   read for agency and date, then dropped;
5. everything else is body. Consecutive body lines of a block join into one paragraph when the
   block is hard-wrapped or a line runs on into a lower-case next line; otherwise each line is
   its own paragraph. A short undecorated line with no closing punctuation between paragraphs,
   an all-caps line, or a decorated one ("- Won't 'lead to anything' -") is a subheading.
   A one-line paragraph repeating a sentence of another paragraph is a pull-quote and goes.

The dateline ("MOSCOW, April 26 (Reuters) -") stays in the first paragraph: wire copy quotes it
as part of the lede, and keeping paragraphs verbatim keeps every source offset exact. It is read
for the agency and the date. ``published`` comes from metadata, else the dateline (or a date
line), else a date in a caption. Characters are never normalised; ``source_map`` maps each
copied line back to the decoded input (only for unstructured stretches, whose text *is* the input).
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from itertools import groupby
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claimscope.ingest import noise
from claimscope.ingest.language import detect_language
from claimscope.ingest.textdump import (DATE_LINE_MAX_CHARS, PROSE_MIN_CHARS, is_bare_date, is_date_line,
                                        is_headline_like, is_noise_line, is_prose, is_title_case, strip_title,
                                        title_key)
from claimscope.model import PARAGRAPH_SEPARATOR, Article, PublishedFrom, RawArticle, SourceSegment

logger = logging.getLogger(__name__)

# Characters stripped around a line besides whitespace (BOM and zero-width residue of pasting).
_EDGE_CHARS = "\ufeff\u200b\u200c\u200d\u2060"
# A block whose lines (but its last) are all at most this long is hard-wrapped prose: joined.
# Hard-wrapped dumps use 60-80 columns; scraped one-paragraph-per-line dumps run 150+ a line.
WRAP_MAX_CHARS = 100
# A page's closing promo, a name and a tagline without a full stop, has at most this many words.
TAGLINE_MAX_WORDS = 14
# A subheading has at most this many words (seed: 2 and 4; PolNeAR section heads: 1-4).
SUBHEADING_MAX_WORDS = 10
# A related-links list item is a line of at most this many words.
LINK_MAX_WORDS = 20
# A related link may be a headline that asks, of at most this many words.
QUESTION_LINK_MAX_WORDS = 12
# A line that repeats a body sentence is a pull-quote only when at most this long.
PULL_QUOTE_MAX_CHARS = 300
# Lines a byline, date line or headline copy may come after a header line (section label, standfirst).
HEADER_REACH = 8
# A date line written "12/05/2025" is read as the day-month order that falls this many days or fewer
# after a date in the captions (France 24's "Issued on: 12/05/2025" above a photo of May 11).
AMBIGUOUS_DATE_DAYS = 7
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Lines from the top of a page searched for its byline or date line (a site menu runs 10-30 lines),
# up to the first line longer than PROSE_MIN_CHARS (a paragraph; standfirsts run 100-200 characters).
HEADLINE_ANCHOR_LINES = 60
# A breadcrumb ("Hong Kong/Law and Crime"): a section path, not a headline.
BREADCRUMB = re.compile(r"^\S.{0,40}\w/\w.{0,40}$")
# A block of two or more lines of at most this many words, none ending a sentence, is a menu, tag
# list or link list ("News / Opinion / Sport", "Moldova / Elections / Vote-buying"), not prose.
LIST_ITEM_MAX_WORDS = 6
LIST_MIN_LINES = 3
# The line under a newsletter sign-up that says what the newsletter holds is at most this long.
BLURB_MAX_WORDS = 25
# A whole line in quotation marks with no sentence punctuation inside, apostrophes in words allowed.
QUOTED_HEADING = re.compile(r"['‘\"“](?:[^.!?'‘’\"“”]|(?<=\w)['’](?=\w)){3,60}['’\"”]")
# A date line that dates an update: "Updated June 15, 2025 at 9:00 a.m. EDT".
UPDATE_LINE = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)
# What an author note says after the writer's name: " covers ...", " is a reporter ...".
AUTHOR_NOTE = re.compile(r"^\s+(?:covers|writes|reports|is (?:a|an|the)|has (?:covered|reported|written)|was (?:a|an))\b")
# A summary bullet: a round or square bullet, never a hyphen or a number (those open lists and dashes).
SUMMARY_BULLET = re.compile(r"^[•▪►]\s+\S")
# A short line between two paragraphs is a subheading even in sentence case when the next is at
# least this long and the previous as long or ending a sentence.
FRAMING_PARAGRAPH_CHARS = 120
# A promotion box ("skip past newsletter promotion" ... "after newsletter promotion") spans at most
# this many lines (the news set's: 6); an opening marker with no close that near drops only itself.
PROMO_MAX_LINES = 15
# Byline lines printed without "By" above a date line ("Dana Kessler" / "The Millbrook Ledger"):
# at most this many lines, each of at most BYLINE_NAME_MAX_WORDS words.
BYLINE_NAME_MAX_LINES = 2
BYLINE_NAME_MAX_WORDS = 5
# A first line ending in "." or ";" (PolNeAR titles, some CMS exports) is a headline only when it
# is at most this many words and shorter than one of the three lines after it (PolNeAR dev
# titles: 4-19 words; wire ledes that open a file without a title: 25-45 words).
PERIOD_HEADLINE_MAX_WORDS = 20


@dataclass(slots=True)
class _Line:
    text: str  # stripped content
    pos: int  # offset of ``text`` in raw.text
    block: int


def article_id(headline: str | None, paragraphs: Sequence[str]) -> str:
    """Content hash (case- and whitespace-folded), so re-ingesting the same story never duplicates."""
    folded = [_fold(headline or "")] + [_fold(p) for p in paragraphs]
    return hashlib.sha256("\n".join(folded).encode("utf-8")).hexdigest()[:16]


def clean_article(raw: RawArticle) -> Article | None:
    """Clean one raw stretch; None (logged) when nothing article-like remains."""
    where = f"{raw.source_file}@{raw.raw_start}"
    lines = _split_lines(raw.text)
    notes: list[str] = list(raw.notes)
    dropped: Counter[str] = Counter()
    roles: list[str] = ["body"] * len(lines)

    headline = ((raw.title or "").strip() or None) if raw.is_structured else None
    site: str | None = None
    outlet = raw.outlet
    if not raw.is_structured:
        first_content = _find_headline(lines)
        if first_content is not None:
            headline = _headline_text(lines, first_content)
            suffix = noise.SITE_SUFFIX.search(lines[first_content].text)
            site = suffix.group(0).strip(" |–—-").casefold() if suffix else None  # "The Globe and Mail"
            outlet = outlet or _outlet(lines[:first_content + 1], headline)
            roles[first_content] = "headline"
            for j in range(first_content):  # what the headline search passed over is page furniture
                roles[j] = "drop"
    headline_key = title_key(headline) if headline else None

    captions: list[str] = []
    credits: list[str] = []
    caption_keys: set[str] = set()
    agency: str | None = None
    date_line: date | None = None
    date_updated = False  # the date line read so far dates an update, not the story
    undecided: list[date] = []  # the readings of a date line written day and month both under 13
    in_related = False
    related_links = 0  # link lines taken since the related-links heading (an inline one counts)
    promo_end = _promo_ends(lines)

    def add_caption(caption: str, credit: str | None) -> bool:
        """Keep a caption once, with its credit (one per image: two photos by one photographer
        list the credit twice); a credit without a caption once. False for a caption seen before."""
        if caption and _fold(caption) in caption_keys:
            dropped["duplicate caption line"] += 1
            return False
        if caption:
            caption_keys.add(_fold(caption))
            captions.append(caption)
        if credit and (caption or credit not in credits):
            credits.append(credit)
        return True

    for i, line in enumerate(lines):
        if roles[i] == "headline":
            continue
        text, key = line.text, _fold(line.text)
        if i in promo_end:
            end = promo_end[i]
            for j in range(i, end + 1):
                roles[j] = "drop"
            dropped[f"promotion box line|promotion box lines"] += end - i + 1
        if roles[i] == "drop":
            continue
        if in_related:
            new_block = line.block != lines[i - 1].block
            if _is_link_line(text) and not (new_block and related_links) or new_block and _labelled_link(lines, i):
                roles[i] = "drop"
                dropped["related link"] += 1
                related_links += 1
                continue
            in_related = False
        if title_key(text) == headline_key:
            roles[i], dropped["repeated headline"] = "drop", dropped["repeated headline"] + 1
        elif site and text.casefold().rstrip(".") == site:  # "euronews." under "... | Euronews"
            roles[i], dropped["site name"] = "drop", dropped["site name"] + 1
        elif i > 0 and len(text.split()) <= BLURB_MAX_WORDS and (noise.NEWSLETTER_SIGNUP.match(lines[i - 1].text) or (
                noise.SIGNUP_LINE.match(lines[i - 1].text) and noise.READER_ADDRESS.search(text))):
            roles[i], dropped["newsletter blurb"] = "drop", dropped["newsletter blurb"] + 1
        elif i + 1 < len(lines) and noise.CALL_TO_ACTION.match(lines[i + 1].text) \
                and len(text.split()) <= BLURB_MAX_WORDS and noise.READER_ADDRESS.search(text):
            roles[i], dropped["promotion blurb"] = "drop", dropped["promotion blurb"] + 1
            if i > 0 and roles[i - 1] == "body" and (len(lines[i - 1].text.split()) <= LIST_ITEM_MAX_WORDS
                                                     and lines[i - 1].text[-1] not in noise.SENTENCE_END
                                                     or lines[i - 1].block == line.block
                                                     and len(lines[i - 1].text.split()) <= BLURB_MAX_WORDS
                                                     and noise.READER_ADDRESS.search(lines[i - 1].text)):
                # its name ("The Weather Desk") or its pitch ('Add some "good" to your morning and evening.')
                roles[i - 1], dropped["promotion blurb"] = "drop", dropped["promotion blurb"] + 1
        elif noise.MEDIA_BLOCK.match(text):  # "WATCH | ...:", the video's title, length and blurb under it
            for j in range(i, len(lines)):
                if lines[j].block != line.block:
                    break
                roles[j] = "drop"
                dropped["video block line"] += 1
        elif noise.DATELINE_ALONE.fullmatch(text) and i + 1 < len(lines) and is_prose(lines[i + 1].text) \
                and not any(roles[j] == "body" and is_prose(lines[j].text) for j in range(i)):
            roles[i] = "drop"  # "ISLAMABAD" on its own line above the first paragraph (Anadolu)
            notes.append(f"dateline: {text}")
        elif related := noise.RELATED_HEADING.match(text):
            roles[i], in_related, related_links = "drop", True, 0
            dropped["related links heading"] += 1
            if related.group("rest"):
                dropped["related link"] += 1
                related_links = 1
        elif (m := noise.BYLINE_DATE.match(text) or noise.BYLINE_POSTED.match(text)) and (d := parse_date(m.group("date"))):
            # "Name, Name |14.05.2025 - Update : 15.05.2025", "Name · CBC News · Posted: May 27, 2025 ...":
            # the byline and the date the story was first published
            roles[i] = "drop"
            date_line = date_line or d
            notes.append(f"byline: {m.group('names')}")
            dropped["date line"] += 1
        elif len(text) <= DATE_LINE_MAX_CHARS and (m := noise.DATE_LINE.match(text) or noise.TIME_DATE_LINE.match(text)) \
                and is_bare_date(m.group("date")) and (d := parse_date(m.group("date"))):
            # before the widget patterns: "Updated 5:47 PM MST, March 14, 2025" dates the story
            roles[i] = "drop"
            if date_line is None or (date_updated and UPDATE_LINE.match(text) is None):
                # "Updated June 15 ... | Published June 14": the story is dated when it was published
                date_line, date_updated = d, UPDATE_LINE.match(text) is not None
            dropped["date line"] += 1
        elif len(text) <= DATE_LINE_MAX_CHARS and (m := noise.DATE_LINE.match(text)) \
                and is_bare_date(m.group("date")) and (readings := _numeric_readings(m.group("date"))):
            roles[i] = "drop"  # "Issued on: 12/05/2025 - 16:20": 12 May or 5 December, decided below
            undecided = undecided or readings
            dropped["date line"] += 1
        elif is_noise_line(text):
            roles[i] = "drop"
            dropped[f"widget line|widget lines|{text[:20]!r}"] += 1
        elif noise.CAPTION_TOGGLE.match(text):
            roles[i] = "drop"
            dropped["caption toggle"] += 1
        elif (alone := noise.CREDIT_ONLY.match(text)) and (c := _caption_above(lines, i)) is not None \
                and roles[c] in ("body", "drop") and (alone.group("label") or lines[c].text[-1] in ".!?”\"") \
                and len(lines[c].text) > 40:
            # a caption line, then its credit alone on the next line (or after the viewer's toggles);
            # a labelled credit ("Copyright  Name/AP Photo") vouches for a caption without a full stop
            roles[i] = roles[c] = "drop"
            add_caption(lines[c].text, alone.group("credit").strip())
        elif (c := _caption_above(lines, i)) is not None and roles[c] == "body" \
                and noise.LABELLED_CAPTION.match(lines[c].text) and noise.CREDIT_NAME.match(text):
            # "WATER CANNON. A China Coast Guard ship fires ..." / "Philippine Coast Guard": a caption
            # opened by its label in capitals, then its credit alone, a name with no slash (Rappler)
            roles[i] = roles[c] = "drop"
            add_caption(lines[c].text, text)
        elif labelled := noise.SOURCE_LABEL.match(text):
            roles[i] = "drop"
            add_caption("", labelled.group("credit"))
        elif labelled := noise.CAPTION_LABEL.match(text):
            roles[i] = "drop"
            add_caption(labelled.group("caption"), None)
        elif text[:1] == "(" and text[-1:] == ")" and text[1:-1] in noise.NEWS_AGENCIES:
            roles[i] = "drop"  # the wire's name alone in parentheses under the date: "(AFP)"
            agency = agency or text[1:-1]
            notes.append(f"byline: {text}")
        elif (credit := _match_credit(text)) is not None:
            roles[i] = "drop"
            caption, credit_text = credit
            if not caption and i > 0 and lines[i - 1].block == line.block and roles[i - 1] == "body" \
                    and len(lines[i - 1].text.split()) >= 3:
                caption, roles[i - 1] = lines[i - 1].text, "drop"  # "Former Governor X" / "Photo: File"
            if not add_caption(caption, credit_text):
                continue
        elif key in caption_keys:
            roles[i] = "drop"
            dropped["duplicate caption line"] += 1
        elif byline := noise.BYLINE.match(text):
            roles[i] = "drop"
            org = (byline.group("org") or byline.group("org2") or "").strip()
            if agency is None and org in noise.NEWS_AGENCIES:
                agency = org
            notes.append(f"byline: {text}")
        elif text in noise.NEWS_AGENCIES:  # the wire's name alone under the headline: "PTI"
            roles[i] = "drop"
            agency = agency or text
            notes.append(f"byline: {text}")
        elif noise.STAFF_BYLINE.match(text) or noise.DESK_LINE.match(text):
            roles[i] = "drop"
            notes.append(f"byline: {text}")
        elif noise.TRAILER.match(text):
            roles[i] = "drop"
            dropped["credit trailer"] += 1
    _drop_header_names(lines, roles, notes)
    _drop_header_zone(lines, roles, notes, headline_key)
    _drop_summary_bullets(lines, roles, notes)
    _drop_author_bios(lines, roles, notes)

    paragraphs, subheadings, segments = _assemble_body(lines, roles, dropped, raw)
    notes.extend(_drop_notes(dropped))
    if not paragraphs:
        logger.info("%s: no body paragraphs left after cleaning; not an article", where)
        return None

    dateline = noise.DATELINE.match(paragraphs[0][0])
    if dateline and agency is None and dateline.group("agency"):
        agency = dateline.group("agency").strip()
    if date_line is None and undecided:
        date_line = _reading_near_captions(undecided, captions, notes) \
            or _reading_by_lede_weekday(undecided, paragraphs[0][0], notes)
    body_text = PARAGRAPH_SEPARATOR.join(p for p, _ in paragraphs)
    published, published_from = _published(raw, dateline, date_line, captions, body_text, notes)
    language = detect_language(" ".join(filter(None, [headline, body_text])))
    texts = tuple(p for p, _ in paragraphs)
    return Article(
        id=article_id(headline, texts),
        headline=headline,
        paragraphs=texts,
        captions=tuple(captions),
        photo_credits=tuple(credits),
        subheadings=tuple(subheadings),
        published=published,
        published_from=published_from,
        agency=agency,
        url=raw.url,
        outlet=outlet,
        language=language,
        source_file=raw.source_file,
        source_map=() if raw.is_structured else tuple(segments),
        notes=tuple(notes),
    )


def parse_date(text: str) -> date | None:
    """The first full date (day, month and year) written in ``text``, or None. A numeric date
    ("14/04/2025") counts only when one part is over 12: "04/05/2025" is April or May by site."""
    text = re.sub(r"(?<=\d)(?=[A-Z])", " ", text)  # "03/12/2025March 12, 2025": a glued date line
    for pattern in noise.DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("month")
            month_no = int(month) if month.isdigit() else noise.MONTHS.get(month[:3].lower())
            try:
                return date(int(m.group("year")), month_no or 0, int(m.group("day")))
            except ValueError:
                continue
    for m in noise.NUMERIC_DATE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if (a > 12) == (b > 12):
            continue
        day, month_no = (a, b) if a > 12 else (b, a)
        try:
            return date(int(m.group("year")), month_no, day)
        except ValueError:
            continue
    return None


def _numeric_readings(text: str) -> list[date]:
    """Both readings of an ambiguous numeric date ("12/05/2025": 12 May, 5 December), else []."""
    m = noise.NUMERIC_DATE.search(text)
    if m is None or parse_date(text) is not None:
        return []
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    out = []
    for day, month_no in ((a, b), (b, a)):
        try:
            out.append(date(year, month_no, day))
        except ValueError:
            pass
    return out


def _reading_by_lede_weekday(readings: list[date], lede: str, notes: list[str]) -> date | None:
    """The reading of an ambiguous date line on whose day, or the day before, falls the one weekday
    the lede names ("said on Wednesday" in a story of Wednesday night or Thursday); None when the
    lede names no weekday, or several, or both readings fit."""
    named = {WEEKDAYS.index(w.lower()) for w in re.findall(r"\b(" + "|".join(WEEKDAYS) + r")\b", lede, re.IGNORECASE)}
    if len(named) != 1:
        return None
    day = named.pop()
    fits = [r for r in readings if day in (r.weekday(), (r.weekday() - 1) % 7)]
    if len(fits) != 1:
        return None
    notes.append(f"date line read as {fits[0].isoformat()}: the reading the lede's weekday falls on")
    return fits[0]


def _reading_near_captions(readings: list[date], captions: list[str], notes: list[str]) -> date | None:
    """The reading of an ambiguous date line that falls within a week after a date the captions
    give (photos are dated the day of the story or the days before); None when no caption decides."""
    shot = [d for d in map(parse_date, captions) if d is not None]
    fits = sorted({r for r in readings for d in shot if 0 <= (r - d).days <= AMBIGUOUS_DATE_DAYS})
    if len(fits) != 1:
        return None
    notes.append(f"date line read as {fits[0].isoformat()}: the reading nearest the captions' dates")
    return fits[0]


def _split_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos, block, blank = 0, 0, False
    for raw_line in text.splitlines(keepends=True):
        content = raw_line.rstrip("\r\n")
        stripped = noise.WIRE_SLUG.sub("", content.strip().strip(_EDGE_CHARS).strip())
        if stripped:
            if blank and out:
                block += 1
            out.append(_Line(text=stripped, pos=pos + content.index(stripped), block=block))
            blank = False
        else:
            blank = True
        pos += len(raw_line)
    return out


def _find_headline(lines: list[_Line]) -> int | None:
    """Index of the headline: the first line that is not furniture, if it reads as one; but where
    the page's byline or date line stands further down than ``HEADER_REACH`` lines below that, the
    site's menu came first, and the headline is the first line of four words or more that reads as
    one within reach above the byline or date ("Home / News / Metro Plus / HEADLINE / By ...")."""
    first = _first_headline(lines)
    header = []  # the page above its first paragraph of prose
    for line in lines[:HEADLINE_ANCHOR_LINES]:
        if len(line.text) > PROSE_MIN_CHARS:
            break
        header.append(line)
    anchor = next((i for i, line in enumerate(header) if _is_byline_or_date(line.text)), None)
    if anchor is None or (first is not None and first >= anchor - HEADER_REACH):
        return first
    window = range(max(0, anchor - HEADER_REACH), anchor)
    if first is not None and len(lines[first].text.split()) >= 4 \
            and any(title_key(lines[i].text) == title_key(lines[first].text) for i in window):
        return first  # the page title on top, the headline printed again above the byline (a
        # section label printed in the menu and again above the headline is no title)
    near = next((i for i in window if len(lines[i].text.split()) >= 4 and is_headline_like(lines[i].text)
                 and not BREADCRUMB.match(lines[i].text)), None)
    return near if near is not None else first


def _headline_text(lines: list[_Line], k: int) -> str:
    """The headline line without the page title's site suffix; but a headline printed on the page
    that the page title repeats with the site's name after it keeps its own tail ("... near Ayungin
    – PCG" under the title "... near Ayungin – PCG | Rappler")."""
    printed = noise.VERSION_TAG.sub("", lines[k].text.strip())
    if any(j != k and strip_title(line.text) == printed for j, line in enumerate(lines[:HEADLINE_ANCHOR_LINES])):
        return printed
    return strip_title(lines[k].text)


def _is_byline_or_date(text: str) -> bool:
    return bool(noise.BYLINE.match(text) or noise.STAFF_BYLINE.match(text)) or is_date_line(text)


def _first_headline(lines: list[_Line]) -> int | None:
    for i, line in enumerate(lines):
        text = line.text
        if is_noise_line(text) or noise.BYLINE.match(text) or _match_credit(text) is not None or len(text.split()) == 1:
            continue  # furniture, or a one-word section label ("U.S.", "Sports")
        alone = i + 1 == len(lines) or lines[i + 1].block != line.block
        has_more = i + 1 < len(lines)
        if is_headline_like(text) and has_more:
            return i
        words = text.split()
        longest_next = max((len(other.text) for other in lines[i + 1:i + 4]), default=0)
        if (has_more and text[-1] in ".;" and 3 <= len(words) <= PERIOD_HEADLINE_MAX_WORDS
                and text[0] not in "\"“'‘" and longest_next > len(text)
                and (alone or not lines[i + 1].text[0].islower())):
            return i  # "Stealth Over Health: Hillary Clinton Was Headed to ER." (titles with a period)
        return None
    return None


def _promo_ends(lines: list[_Line]) -> dict[int, int]:
    """{index of a promotion box's opening marker: index of its closing marker}."""
    out: dict[int, int] = {}
    for i, line in enumerate(lines):
        if noise.PROMO_START.match(line.text):
            for j in range(i + 1, min(len(lines), i + PROMO_MAX_LINES + 1)):
                if noise.PROMO_END.match(lines[j].text):
                    out[i] = j
                    break
    return out


def _drop_header_names(lines: list[_Line], roles: list[str], notes: list[str]) -> None:
    """Byline lines without "By": short name-like lines (no closing punctuation, capitalised) in the
    same block as, and directly above, a dropped date line or byline before the first body line;
    or directly below a "By" byline (a second writer: "By Hollis Grayden" / "Teodora Marsh") or a
    radio programme line ("Heard on Morning Edition" / its presenter)."""
    first_body = next((i for i, r in enumerate(roles) if r == "body" and len(lines[i].text) > 120), len(lines))
    for i in range(first_body):
        text = lines[i].text
        if roles[i] != "drop":
            continue
        below = noise.BYLINE.match(text) or noise.HEARD_ON.match(text)
        if below:
            _drop_names(lines, roles, notes, i, range(i + 1, min(len(lines), i + 1 + BYLINE_NAME_MAX_LINES)))
        if below or noise.DATE_LINE.match(text) or noise.DESK_LINE.match(text):
            _drop_names(lines, roles, notes, i, range(i - 1, max(-1, i - 1 - BYLINE_NAME_MAX_LINES), -1))


def _drop_names(lines: list[_Line], roles: list[str], notes: list[str], marker: int, order: range) -> None:
    """Drop the name-like lines of ``order``, in the marker's block, until one is not."""
    for j in order:
        text = lines[j].text
        if (roles[j] != "body" or lines[j].block != lines[marker].block or len(text.split()) > BYLINE_NAME_MAX_WORDS
                or len(text.split()) < 2 or text[-1] in noise.SENTENCE_END or not is_title_case(text)):
            break
        roles[j] = "drop"
        notes.append(f"byline: {text}")


def _drop_author_bios(lines: list[_Line], roles: list[str], notes: list[str]) -> None:
    """A line that opens with a bylined writer's name and says what they do ("Corinne Aldous covers
    extreme weather for The Washington Post.") is the page's author note, not the story."""
    bylines = [note.removeprefix("byline: ") for note in notes if note.startswith("byline: ")]
    bylines += [note.removeprefix("header line: ") for note in notes if note.startswith("header line: and ")]
    names = {name for byline in bylines  # "By Corinne Aldous" / "and Tobias Renfrew"
             for name in (part.strip() for part in re.split(r",|\band\b|\bBy\b", byline))
             if is_title_case(name) and 2 <= len(name.split()) <= 4}
    for i, line in enumerate(lines):
        above = {lines[i - 1].text} if i and is_title_case(lines[i - 1].text) else set()  # an author box: name, then note
        if roles[i] == "body" and any(line.text.startswith(name + " ") and AUTHOR_NOTE.match(line.text[len(name):])
                                      for name in names | above):
            roles[i] = "drop"
            notes.append(f"author note: {line.text[:80]}")
            if above and line.text.startswith(lines[i - 1].text + " "):
                roles[i - 1] = "drop"


def _drop_summary_bullets(lines: list[_Line], roles: list[str], notes: list[str]) -> None:
    """Bullet lines ("• Defence terms approval notes forged") before the first prose paragraph are the
    page's summary of the story, printed above it (Dawn, CNA), not its body."""
    for i, line in enumerate(lines):
        if roles[i] != "body":
            continue
        if not SUMMARY_BULLET.match(line.text):
            return
        roles[i] = "drop"
        notes.append(f"summary bullet: {line.text[:80]}")


def _drop_header_zone(lines: list[_Line], roles: list[str], notes: list[str], headline_key: str | None) -> None:
    """Lines between the headline and the page's byline or date line are header, not body: a
    section label ("Sports"), a standfirst ("The police say ... Three witnesses say ..."). Taken
    only while a byline, date line or headline copy still follows within ``HEADER_REACH`` lines,
    and never a line that opens with a dateline ("KYIV (Reuters) -")."""
    markers = [i for i, line in enumerate(lines) if roles[i] in ("drop", "headline") and (
        noise.DATE_LINE.match(line.text) or noise.TIME_DATE_LINE.match(line.text) or noise.BYLINE.match(line.text)
        or noise.BYLINE_DATE.match(line.text) or noise.BYLINE_POSTED.match(line.text) or noise.DESK_LINE.match(line.text) or (headline_key and title_key(line.text) == headline_key))]
    if not markers:
        return
    for i in range(markers[0] + 1, len(lines)):
        if roles[i] != "body":
            continue
        if noise.DATELINE.match(lines[i].text):
            break
        if not any(i < m <= i + HEADER_REACH for m in markers):
            if is_prose(lines[i].text) or i > markers[-1]:
                break  # the body begins
            continue  # a menu line far above the byline: left to the list rule
        roles[i] = "drop"
        notes.append(f"header line: {lines[i].text[:80]}")
    for i in range(markers[0] + 1, min(markers[-1], len(lines) - 1)):
        # a menu line left alone between dropped furniture ("Sign In" / "News" / "Sport")
        if roles[i] == "body" and roles[i - 1] == roles[i + 1] == "drop" and not is_prose(lines[i].text) \
                and len(lines[i].text.split()) <= LIST_ITEM_MAX_WORDS:
            roles[i] = "drop"
            notes.append(f"header line: {lines[i].text[:80]}")
    for i in range(1, len(lines)):  # a video's title above its length ("01:58 - Source: CNN")
        if roles[i - 1] == "body" and roles[i] == "drop" and re.fullmatch(noise.VIDEO_LENGTH, lines[i].text, re.I):
            roles[i - 1] = "drop"
            notes.append(f"video title: {lines[i - 1].text[:80]}")


# A label inside a bracketed credit: "(Photo: Radu Ceban/Ungheni Today)".
CREDIT_LABEL = re.compile(r"^(?:(?:file )?photo(?:graph)?|image|picture|credit)\s*:\s*", re.IGNORECASE)


def _match_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit) when the line ends in a photo credit; caption may be empty."""
    text = noise.BRACKETED_CREDIT.sub(r" \g<credit>", noise.LINK_RESIDUE.sub("", text))
    for pattern in noise.CREDIT_PATTERNS:
        m = pattern.match(text)
        if m:
            credit = CREDIT_LABEL.sub("", m.group("credit").strip()).rstrip(".").strip()
            if credit:
                return noise.CAPTION_MARKER.sub("", m.group("caption").strip()), credit
    return None


def _outlet(lines: list[_Line], headline: str | None) -> str | None:
    """The site named after the headline in the page title ("... | Anadolu Agency"); never the
    tail of the printed headline itself ("... near Ayungin – PCG")."""
    key = title_key(headline) if headline else None
    for line in lines:
        named = noise.SITE_NAME.search(line.text)
        if named and key and title_key(line.text[:named.start()]) == key and line.text.strip() != (headline or "").strip():
            return named.group("site")
    return None


def _caption_above(lines: list[_Line], i: int) -> int | None:
    """The line a credit alone on line i is the credit of: the one above it in its block, past
    any "hide caption" / "toggle caption" lines."""
    k = i - 1
    while k > 0 and lines[k].block == lines[i].block and noise.CAPTION_TOGGLE.match(lines[k].text):
        k -= 1
    return k if k >= 0 and lines[k].block == lines[i].block else None


def _labelled_link(lines: list[_Line], i: int) -> bool:
    """A block of two lines, a section label and a link under it ("Politics" / "Senate panel
    advances ..."): one item of a related-stories list laid out block by block (NPR)."""
    block = [line for line in lines[i:i + 3] if line.block == lines[i].block]
    return len(block) == 2 and len(block[0].text.split()) <= 2 and block[0].text[-1] not in noise.SENTENCE_END \
        and block[0].text[0].isupper() and _is_link_line(block[1].text)


def _is_link_line(text: str) -> bool:
    if noise.LIST_BULLET.match(text):
        return True
    if text[-1] == "?" and len(text.split()) <= QUESTION_LINK_MAX_WORDS:
        return True  # a headline that asks: "What is the provisional arrangement on ... missions?"
    return len(text.split()) <= LINK_MAX_WORDS and text[-1] not in ".!?\"”"


def _assemble_body(lines, roles, dropped, raw):
    """Join body lines into paragraphs, set subheadings apart, drop pull-quotes and duplicates."""
    runs: list[list[_Line]] = []
    prev = None
    for i, line in enumerate(lines):
        if roles[i] != "body":
            prev = None
            continue
        if prev is not None and lines[prev].block == line.block:
            runs[-1].append(line)
        else:
            runs.append([line])
        prev = i
    pieces: list[list[_Line]] = []  # each piece is one paragraph's lines
    for run in _without_lists(runs, dropped):
        # hard-wrapped prose: every line but the last at most the wrap width, and the last no longer
        # than the first ("'Our tests comply'" above an unbroken paragraph is a subheading, not a wrap)
        wrapped = len(run) >= 2 and all(len(line.text) <= WRAP_MAX_CHARS for line in run[:-1]) \
            and len(run[-1].text) <= max(len(run[0].text), WRAP_MAX_CHARS)
        current = [run[0]]
        for line in run[1:]:
            last = current[-1].text
            joins = wrapped and not _is_subheading_text(current[0].text, len(current))
            if joins or (last[-1] not in noise.SENTENCE_END and line.text[0].islower()):
                current.append(line)
            else:
                pieces.append(current)
                current = [line]
        pieces.append(current)

    while pieces and len(pieces[-1]) == 1 and len(pieces[-1][0].text.split()) == 1:
        pieces.pop()  # a section label closing the page ("Business"): the next page's, not this story's
        dropped["trailing section label"] += 1
    while pieces and len(pieces[-1]) >= 2 and sum(len(line.text.split()) for line in pieces[-1]) <= TAGLINE_MAX_WORDS \
            and all(line.text[-1] not in noise.SENTENCE_END for line in pieces[-1]):
        pieces.pop()  # a promo closing the page, name and tagline: "ABC News Live" / "24/7 coverage of ..."
        dropped["trailing promo"] += 1
    paragraphs: list[tuple[str, list[_Line]]] = []
    headings: list[tuple[str, int]] = []  # each subheading with the number of paragraphs above it
    texts = [" ".join(line.text for line in piece) for piece in pieces]
    for n, (piece, text) in enumerate(zip(pieces, texts)):
        between = 0 < n < len(pieces) - 1 and bool(paragraphs)
        framed = between and len(texts[n + 1]) >= FRAMING_PARAGRAPH_CHARS and (
            len(texts[n - 1]) >= FRAMING_PARAGRAPH_CHARS or texts[n - 1][-1] in ".!?\"”")
        heading = _subheading(text, between, framed) if len(piece) == 1 else None
        if heading is not None:
            headings.append((heading, len(paragraphs)))
            continue
        key = _fold(text)
        if any(key == _fold(p) for p, _ in paragraphs):
            dropped["duplicate paragraph"] += 1
            continue
        if len(text) <= PULL_QUOTE_MAX_CHARS and _repeats_other(key, texts, n):
            dropped["pull-quote"] += 1
            continue
        paragraphs.append((text, piece))

    # a heading with no paragraph under it heads the page's footer ("READ & LISTEN"), not a section
    subheadings = [heading for heading, above in headings if above < len(paragraphs)]
    if len(subheadings) < len(headings):
        dropped["trailing heading"] += len(headings) - len(subheadings)
    segments: list[SourceSegment] = []
    start = 0
    for text, piece in paragraphs:
        at = start
        for line in piece:
            segments.append(SourceSegment(start=at, end=at + len(line.text), raw_start=raw.raw_start + line.pos))
            at += len(line.text) + 1
        start += len(text) + len(PARAGRAPH_SEPARATOR)
    return paragraphs, subheadings, segments


def _without_lists(runs: list[list[_Line]], dropped: Counter[str]) -> list[list[_Line]]:
    """The runs with their menus, tag lists and link lists taken out: a whole block of 2+ short
    unpunctuated lines, or 3+ such lines in a row inside a block (pages pasted without blank lines)."""
    out = []
    for run in runs:
        short = [len(line.text.split()) <= LIST_ITEM_MAX_WORDS and line.text[-1] not in noise.SENTENCE_END
                 for line in run]
        if len(run) >= 2 and all(short):
            dropped["menu or tag list line|menu or tag list lines"] += len(run)
            continue
        kept: list[_Line] = []
        for is_short, group in groupby(zip(run, short), key=lambda pair: pair[1]):
            group_lines = [line for line, _ in group]
            if is_short and len(group_lines) >= LIST_MIN_LINES:
                dropped["menu or tag list line|menu or tag list lines"] += len(group_lines)
                if kept:  # the list splits the block: what stood above it is a run of its own
                    out.append(kept)
                kept = []
            else:
                kept.extend(group_lines)
        if kept:
            out.append(kept)
    return out


def _is_subheading_text(text: str, lines_so_far: int) -> bool:
    return lines_so_far == 1 and _subheading(text, True) is not None and text.isupper()


def _subheading(text: str, between: bool, framed: bool = False) -> str | None:
    """The subheading a one-line paragraph is (decoration stripped), or None for body text.
    ``framed``: long paragraphs stand on both sides, so a short line without a full stop that is
    no title case ("A dispute over the video") or a quoted phrase ("'Baseless and defamatory'")
    heads a section too."""
    words = text.split()
    if len(words) > SUBHEADING_MAX_WORDS or is_noise_line(text):
        return None
    decorated = re.match(r"^(?:#+\s+|[-–—*=•]+\s+)(?P<inner>.*?\S)(?:\s+[-–—*=•#]+)?$", text)
    if decorated and (text.startswith("#") or re.search(r"\s[-–—*=•#]+$", text)):
        return decorated.group("inner")
    if noise.LIST_BULLET.match(text):
        return None  # "* Deposit rate: 3.75%": a list item of the body, not a heading
    letters = [ch for ch in text if ch.isalpha()]
    if (len(letters) >= 3 and all(ch.isupper() for ch in letters) and text[-1] not in noise.SENTENCE_END
            and text[0] not in "\"“'‘("):
        return text
    if between and text[-1] not in noise.SENTENCE_END and text[0] not in "\"“'‘(" and len(words) <= 8:
        return text if is_title_case(text) or len(words) <= 4 or framed else None
    if between and len(words) <= 8 and QUOTED_HEADING.fullmatch(text):
        return text  # "‘Don’t tell me that was the rain’": a quoted phrase without a full stop
    return None


def _repeats_other(key: str, texts: list[str], n: int) -> bool:
    inner = key.strip("\"“”'‘’ ")
    if len(inner) < 20:
        return False
    return any(m != n and len(t) > len(texts[n]) and inner in _fold(t) for m, t in enumerate(texts))


def _published(raw, dateline, date_line, captions, body_text, notes):
    if raw.published:
        d = _parse_iso_or_text(raw.published)
        if d:
            return d.isoformat(), PublishedFrom.METADATA
        notes.append(f"published metadata not a date: {raw.published!r}")
    if dateline and dateline.group("date"):
        written = dateline.group("date")
        d = parse_date(written)
        if d is None:
            year = _year_for(date_line, captions)
            d = parse_date(f"{written} {year}") if year else None
            if d is None:
                notes.append(f"dateline {written!r} has no year and nothing dated gives one")
            else:
                notes.append(f"dateline {written!r} has no year; took {year} from a dated line or caption")
        if d is not None:
            return d.isoformat(), PublishedFrom.DATELINE
    if date_line is not None:
        return date_line.isoformat(), PublishedFrom.DATELINE
    for caption in captions:
        d = parse_date(caption)
        if d is not None:
            return d.isoformat(), PublishedFrom.CAPTION
    return None, None


def _parse_iso_or_text(text: str) -> date | None:
    m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return parse_date(text)


def _year_for(date_line, captions) -> int | None:
    """The year a year-less dateline means, from a dated line or caption. Years named in the body
    are not used: PolNeAR dev showed the latest one is often a past event's (2012 for 2016 copy)."""
    if date_line is not None:
        return date_line.year
    for caption in captions:
        d = parse_date(caption)
        if d is not None:
            return d.year
    return None


def _drop_notes(dropped: Counter[str]) -> list[str]:
    """'dropped 2 duplicate caption lines': keys are 'singular|plural|detail' or a bare singular."""
    out = []
    for key, count in dropped.items():
        singular, plural, detail = (key.split("|") + ["", ""])[:3] if "|" in key else (key, key + "s", "")
        out.append(f"dropped {count} {singular if count == 1 else plural}{' ' + detail if detail else ''}")
    return out


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
