"""Time expressions in an article, normalised against its published date.

A small deterministic cascade, not a temporal tagger: each rule below is a regular expression
with a handler that turns a match and the reference date into an ISO 8601 value at the
expression's own granularity. The same rules both find expressions in the text (the finder
wants the month and weekday names capitalised, so "may" the verb is no date) and normalise a
given expression (case-insensitive). spaCy DATE entities add what the rules miss; those that
normalise to nothing are kept as durations or vague references with value None, except ages
("25-year-old") and bare small numbers, which are no time expressions at all.

Conventions (news usage):
- a bare weekday is the most recent such day on or before the published date;
  "last <weekday>" is strictly before it, "next <weekday>" strictly after;
- "last August" is the most recent August before the published month; a month with no year
  (with or without a day) is the one nearest the published date;
- "the end of 2023" is 2023-12, "the beginning of 2023" 2023-01; "early/mid/late 2023" stays 2023;
- "between 1996 and 2001" is the interval "1996/2001"; a decade "the 1990s" is "1990/1999";
  a quarter is the interval of its months ("2024-07/2024-09");
- durations ("four decades", "three-year war", "the past 10 years") and vague references
  ("in recent months") are not points in time: value None, granularity duration / vague.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Doc

from claimscope.model import DateRef, Granularity

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
ORDINAL_QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3,
                    "3rd": 3, "q3": 3, "fourth": 4, "4th": 4, "q4": 4}
# Prepositions stripped from the front of an expression; "between"/"from" stay when they open
# an interval ("between 1996 and 2001"), because the interval rule consumes them.
LEADING_PREPOSITIONS = ("on", "in", "at", "since", "by", "until", "till", "during", "of", "for",
                        "before", "after", "from", "through", "around")
# A bare number is a year only in this range: "137" or "2,000" are figures, not years.
MIN_YEAR, MAX_YEAR = 1000, 2199
# The finder only takes bare four-digit years from this narrower, news-plausible range.
FINDER_MIN_YEAR, FINDER_MAX_YEAR = 1800, 2099
# A month without a year is put within this many months of the published date.
NEAREST_MONTH_WINDOW = 6

_M = r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_W = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_Y = r"(?P<year>[12]\d{3})"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_N = r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|few|several|many|couple of)"
_UNIT = r"(?P<unit>day|week|month|year|decade|centur(?:y|ie))s?"
_REL = r"(?P<rel>last|this|next|previous|coming|past)"
_EDGE = r"(?P<edge>end|beginning|start|close|middle|turn)"

Value = tuple[str | None, Granularity]
Handler = Callable[[re.Match, "dt.date | None"], "Value | None"]


def _iso_day(d: dt.date) -> str:
    return d.isoformat()


def _ym(year: int, month: int) -> str:
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} outside ISO 8601's basic range")
    return f"{year:04d}-{month:02d}"


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _count(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _nearest_year(month: int, ref: dt.date) -> int:
    """The year that puts ``month`` within NEAREST_MONTH_WINDOW months of the reference."""
    delta = month - ref.month
    if delta > NEAREST_MONTH_WINDOW:
        return ref.year - 1
    if delta < -NEAREST_MONTH_WINDOW:
        return ref.year + 1
    return ref.year


def _year_of(text: str, ref: dt.date | None) -> int | None:
    """A year written as digits or as "last/this/next year"."""
    text = text.lower()
    if text.isdigit():
        return int(text)
    if ref is None:
        return None
    offsets = {"last year": -1, "previous year": -1, "this year": 0, "next year": 1}
    return ref.year + offsets[text] if text in offsets else None


# --- handlers -------------------------------------------------------------------------------

def _interval(m, ref):
    first, last = int(m["first"]), m["last"]
    last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if not (MIN_YEAR <= first <= last <= MAX_YEAR):
        return None
    return f"{first:04d}/{last:04d}", Granularity.YEAR


def _full_date(m, ref):
    return _iso_day(dt.date(int(m["year"]), _month_number(m["month"]), int(m["day"]))), Granularity.DAY


def _iso_date(m, ref):
    return _iso_day(dt.date(int(m["year"]), int(m["mon"]), int(m["day"]))), Granularity.DAY


def _month_day(m, ref):
    if ref is None:
        return None
    month, day = _month_number(m["month"]), int(m["day"])
    return _iso_day(dt.date(_nearest_year(month, ref), month, day)), Granularity.DAY


def _month_year(m, ref):
    return _ym(int(m["year"]), _month_number(m["month"])), Granularity.MONTH


def _relative_month(m, ref):
    if ref is None:
        return None
    month, rel = _month_number(m["month"]), (m["rel"] or "").lower()
    if rel in ("last", "previous", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year
    else:
        year = _nearest_year(month, ref)
    return _ym(year, month), Granularity.MONTH


def _weekday(m, ref):
    if ref is None:
        return None
    target, rel = WEEKDAYS[m["weekday"].lower()], (m["rel"] or "").lower()
    back = (ref.weekday() - target) % 7
    if rel in ("last", "previous", "past") and back == 0:
        back = 7
    if rel in ("next", "coming"):
        ahead = (target - ref.weekday()) % 7 or 7
        return _iso_day(ref + dt.timedelta(days=ahead)), Granularity.DAY
    return _iso_day(ref - dt.timedelta(days=back)), Granularity.DAY


def _deictic_day(m, ref):
    if ref is None:
        return None
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    return _iso_day(ref + dt.timedelta(days=offsets[m["word"].lower()])), Granularity.DAY


def _relative_unit(m, ref):
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if ref is None or rel == "past":  # "the past year" is a stretch of time up to now
        return None if ref is None else (None, Granularity.DURATION)
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "year":
        return f"{ref.year + step:04d}", Granularity.YEAR
    if unit == "month":
        return _ym(*_shift_months(ref.year, ref.month, step)), Granularity.MONTH
    if unit == "week":
        year, week, _ = (ref + dt.timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}", Granularity.WEEK
    return None


def _ago(m, ref):
    count, unit = _count(m["count"]), m["unit"].lower()
    if ref is None or count is None:
        return None
    if unit == "day":
        return _iso_day(ref - dt.timedelta(days=count)), Granularity.DAY
    if unit == "week":
        return _iso_day(ref - dt.timedelta(weeks=count)), Granularity.DAY
    if unit == "month":
        return _ym(*_shift_months(ref.year, ref.month, -count)), Granularity.MONTH
    if unit == "year":
        return f"{ref.year - count:04d}", Granularity.YEAR
    return None


def _edge_of(m, ref):
    """"the end of 2023" -> 2023-12; "the end of May 2023" keeps the month's own value."""
    inner = _normalize_plain(m["inner"], ref)
    if inner is None or inner[0] is None:
        return None
    value, granularity = inner
    if granularity is not Granularity.YEAR or "/" in value:
        return inner
    month = {"end": 12, "close": 12, "turn": 12, "beginning": 1, "start": 1, "middle": 6}
    return _ym(int(value), month[m["edge"].lower()]), Granularity.MONTH


def _year(m, ref):
    year = int(m["year"])
    return (f"{year:04d}", Granularity.YEAR) if MIN_YEAR <= year <= MAX_YEAR else None


def _decade(m, ref):
    start = int(m["decade"])
    return f"{start:04d}/{start + 9:04d}", Granularity.DECADE


def _quarter(m, ref):
    quarter = ORDINAL_QUARTERS[m["q"].lower()]
    year = _year_of(m["qyear"], ref) if m["qyear"] else (ref.year if ref else None)
    if year is None:
        return None
    first = (quarter - 1) * 3 + 1
    return f"{_ym(year, first)}/{_ym(year, first + 2)}", Granularity.QUARTER


def _duration(m, ref):
    return None, Granularity.DURATION


def _vague(m, ref):
    return None, Granularity.VAGUE


_YEARISH = rf"(?:{_Y}|(?:last|this|next|previous) year)"
# Order matters: longer, more specific rules first; the finder prefers the longest match anyway.
RULES: list[tuple[str, str, Handler]] = [
    ("interval", r"(?:between|from)\s+(?P<first>[12]\d{3})\s+(?:and|to|until|through)\s+(?P<last>[12]\d{3})", _interval),
    ("year_range", r"(?P<first>[12]\d{3})\s*[-–]\s*(?P<last>[12]\d{3}|\d{2})(?![\d-])", _interval),
    ("iso_date", r"(?P<year>[12]\d{3})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)", _iso_date),
    ("month_day_year", rf"{_M}\s+{_D},?\s+{_Y}", _full_date),
    ("day_month_year", rf"{_D}\s+(?:of\s+)?{_M},?\s+{_Y}", _full_date),
    ("edge_of", rf"(?:the\s+)?{_EDGE}\s+of\s+(?P<inner>(?:{_M.replace('?P<month>', '')}\s+)?[12]\d{{3}}|(?:last|this|next|previous) year)", _edge_of),
    ("quarter", rf"(?:the\s+)?(?P<q>(?:first|second|third|fourth|1st|2nd|3rd|4th)(?=\s+quarter)|q[1-4])(?:\s+quarter)?(?:\s+(?:of\s+)?(?P<qyear>[12]\d{{3}}|(?:last|this|next) year))?", _quarter),
    ("month_year", rf"{_M}\s+(?:of\s+)?{_Y}", _month_year),
    ("month_day", rf"{_M}\s+{_D}(?![\d,]*\s*[12]\d{{3}})", _month_day),
    ("day_month", rf"{_D}\s+(?:of\s+)?{_M}", _month_day),
    ("relative_month", rf"(?:(?P<rel>last|this|next|previous|coming|past|early|late|mid-?)\s*)?{_M}", _relative_month),
    ("weekday", rf"(?:(?P<rel>last|this|next|previous|coming|past)\s+)?{_W}(?:\s+(?:morning|afternoon|evening|night))?", _weekday),
    ("deictic_day", r"(?P<word>yesterday|today|tonight|tomorrow)", _deictic_day),
    ("ago", rf"{_N}\s+{_UNIT}\s+ago", _ago),
    ("relative_unit", rf"{_REL}\s+{_UNIT}", _relative_unit),
    ("decade", r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?P<decade>[12]\d{2}0)'?s", _decade),
    ("year", rf"(?:the\s+)?(?:(?:early|mid-?|late|spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?(?:year\s+)?{_Y}", _year),
    ("duration", rf"(?:the\s+)?(?:(?:past|last|next|previous|coming|first|nearly|almost|about|around|some|more than|over|less than|under)\s+)*{_N}[\s-]+{_UNIT}(?:[\s-](?:long|old))?", _duration),
    ("vague", rf"(?:(?:recent|coming|past|previous)\s+{_UNIT}|(?:decades|years|months|weeks|days)|recently|nowadays|these days)", _vague),
]
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE), handler) for name, pattern, handler in RULES]
_LEADING = re.compile(rf"^(?:{'|'.join(LEADING_PREPOSITIONS)})\s+", re.IGNORECASE)
_AGE = re.compile(r"^\d{1,3}(?:-| )years?(?:-| )old$|^\d{1,3}$|^aged? \d{1,3}$", re.IGNORECASE)


def parse_published(published: str | None) -> dt.date | None:
    """The article's reference date, or None when it is missing or not ISO 8601."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def strip_preposition(expression: str) -> str:
    """'on Saturday' -> 'Saturday'; 'from 2010 to 2014' keeps its 'from' (it opens an interval)."""
    if _COMPILED[0][1].fullmatch(expression.strip()):
        return expression.strip()
    return _LEADING.sub("", expression.strip(), count=1)


def _normalize_plain(expression: str, ref: dt.date | None) -> Value | None:
    whole = " ".join(expression.split())
    text = " ".join(strip_preposition(expression).split())
    for _name, pattern, handler in _COMPILED:
        match = pattern.fullmatch(whole) or pattern.fullmatch(text)  # "from 2010 to 2014"
        if match is None:
            continue
        try:
            return handler(match, ref)
        except (ValueError, OverflowError, KeyError):
            return None  # a rule matched the shape but the calendar has no such day
    return None


def normalize_expression(expression: str, published: str | None) -> Value | None:
    """(value, granularity) for one expression; None when no rule recognises it."""
    return _normalize_plain(expression, parse_published(published))


def normalize_date(expression: str, published: str | None) -> str | None:
    """The ISO 8601 value of one time expression at its own granularity, or None.

    >>> normalize_date("on Saturday", "2025-04-26")
    '2025-04-26'
    >>> normalize_date("last August", "2025-04-26")
    '2024-08'
    >>> normalize_date("four decades", "2025-04-26") is None
    True
    """
    result = normalize_expression(expression, published)
    return None if result is None else result[0]


# --- finding expressions in text ------------------------------------------------------------

_NAME_CASE = re.compile(rf"\b(?:{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)})\b\.?", re.IGNORECASE)


def _is_capitalised_names(text: str) -> bool:
    """Month and weekday names in running text are capitalised; 'may' the verb is not."""
    return all(word[0].isupper() for word in _NAME_CASE.findall(text))


def _find_rule_matches(text: str) -> list[tuple[int, int]]:
    candidates = []
    for name, pattern, _handler in _COMPILED:
        for match in re.finditer(rf"(?<![\w$£€.,-])(?:{pattern.pattern})(?![\w%-])", text, re.IGNORECASE):
            start, end = match.span()
            found = text[start:end]
            if not _is_capitalised_names(found):
                continue
            if name == "year" and not FINDER_MIN_YEAR <= int(re.search(r"\d{4}", found)[0]) <= FINDER_MAX_YEAR:
                continue
            if name in ("vague", "duration") and found.lower() in ("days", "weeks"):
                continue
            candidates.append((start, end))
    return _longest_first(candidates)


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)


def extract_dates(doc: Doc, published: str | None) -> list[DateRef]:
    """Every time expression in the article, in text order, normalised against ``published``."""
    text, ref = doc.text, parse_published(published)
    spans = _find_rule_matches(text)
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start, end = ent.start_char, ent.end_char
        if any(start < e and s < end for s, e in spans):
            continue
        spans.append((start, end))
    out = []
    for start, end in sorted(spans):
        raw = text[start:end]
        stripped = strip_preposition(raw)
        start += len(raw) - len(raw.lstrip()) + (len(raw.strip()) - len(stripped))
        end = start + len(stripped)
        if not stripped or _AGE.match(stripped):
            continue
        result = _normalize_plain(stripped, ref)
        if result is None:
            result = (None, Granularity.VAGUE)
        out.append(DateRef(text=text[start:end], start=start, end=end, value=result[0],
                           granularity=result[1]))
    return out


__all__ = ["extract_dates", "normalize_date", "normalize_expression", "parse_published"]
