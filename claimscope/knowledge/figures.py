"""Figures: numbers with the unit they count ("14,000 troops", "$2 billion", "40 percent").

Three sources, earliest wins on overlap:
1. money and percentages by pattern ("$2 billion", "€5m", "40%", "40 per cent"), since the
   small model's MONEY and PERCENT entities often stop short of "billion";
2. spaCy QUANTITY entities ("10 kilometers"): the unit is the last word;
3. counts: a number (digits, a CARDINAL entity, or a number word) that the parser attaches
   to a common noun as its numeric modifier ("137 people"); the unit is that noun.

Not figures: numbers inside DATE, TIME or ORDINAL entities; four-digit numbers that read as
years (FIGURE_YEAR_RANGE, no thousands separator); ages ("Gul Mohammad, 58,", "a 25-year-old"),
which hang off a name as an apposition rather than count a noun; time units ("four decades",
durations belong to dates); and vague counts without a value ("thousands of troops").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimscope.knowledge.dates import NUMBER_WORDS
from claimscope.model import Figure

MULTIPLIERS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
               "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
              "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
              "pounds": "GBP", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY",
              "hryvnias": "UAH", "rupees": "INR"}
# Nouns that make a number a duration or an age, which dates (or nothing) report instead.
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
              "year-old", "years-old"}
# Bare four-digit numbers in this range read as years, not counts ("in 1979"): never figures.
FIGURE_YEAR_RANGE = (1800, 2099)
# Entity labels whose numbers are time, rank or order, never a figure.
NON_FIGURE_LABELS = ("DATE", "TIME", "ORDINAL")

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|[mkb])\b)?"
_MONEY = re.compile(
    rf"(?P<cur>US\$|[$€£¥])\s?(?P<num>{_NUMBER}){_SCALE}"
    rf"|(?P<num2>{_NUMBER}){_SCALE}\s(?P<cur2>dollars|euros|pounds|rubles|roubles|yuan|hryvnias|rupees)\b",
    re.IGNORECASE)
_PERCENT = re.compile(rf"(?P<num>{_NUMBER})\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """'14,000' -> 14000.0; '2.5 million' -> 2.5e6; 'three' -> 3.0; None when no value."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    glued = re.fullmatch(r"(\d+(?:\.\d+)?)([a-z]+)", words[0])
    if glued:  # "5m", "2bn"
        words = [glued[1], glued[2]] + words[1:]
    head, scale = words[0], 1.0
    for word in words[1:]:
        if word not in MULTIPLIERS:
            return None
        scale *= MULTIPLIERS[word]
    if re.fullmatch(r"\d+(?:\.\d+)?", head):
        return float(head) * scale
    if head in NUMBER_WORDS and head not in ("a", "an"):
        return float(NUMBER_WORDS[head]) * scale
    return None


def _currency_unit(match: re.Match) -> str:
    symbol = match["cur"] or match["cur2"]
    return CURRENCIES.get(symbol, CURRENCIES.get(symbol.lower(), symbol))


def _pattern_figures(text: str) -> list[Figure]:
    out = []
    for match in _MONEY.finditer(text):
        number_text = text[match.start("num") if match["num"] else match.start("num2"):match.end()]
        number_text = re.sub(r"\s(?:dollars|euros|pounds|rubles|roubles|yuan|hryvnias|rupees)$", "",
                             number_text, flags=re.IGNORECASE)
        value = parse_number(number_text)
        if value is not None:
            out.append(Figure(text=match[0], start=match.start(), end=match.end(), value=value,
                              unit=_currency_unit(match)))
    for match in _PERCENT.finditer(text):
        value = parse_number(match["num"])
        if value is not None:
            out.append(Figure(text=match[0], start=match.start(), end=match.end(), value=value,
                              unit="percent"))
    return out


def _is_year_like(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", text)) and FIGURE_YEAR_RANGE[0] <= int(text) <= FIGURE_YEAR_RANGE[1]


def _number_tokens(doc: Doc) -> list[list[Token]]:
    """Runs of tokens that spell one number: a CARDINAL entity, or a lone numeric token."""
    runs, seen = [], set()
    for ent in doc.ents:
        if ent.label_ == "CARDINAL":
            runs.append(list(ent))
            seen.update(tok.i for tok in ent)
    for tok in doc:
        if tok.i not in seen and tok.like_num and not tok.ent_type_:
            runs.append([tok])
    return sorted(runs, key=lambda run: run[0].i)


def _counted_noun(run: list[Token]) -> Token | None:
    """The common noun this number counts: the head it modifies, after it."""
    last = run[-1]
    for tok in run:
        if tok.dep_ == "nummod" and tok.head.i > last.i and tok.head.pos_ == "NOUN":
            return tok.head
    return None


def _is_age(run: list[Token]) -> bool:
    """'Gul Mohammad, 58,': a number set off by commas right after a name."""
    first, last = run[0], run[-1]
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    after_name = (before is not None and before.text == "," and before.i > 0
                  and doc[before.i - 1].ent_type_ == "PERSON")
    return after_name and (after is None or after.is_punct) or last.dep_ == "appos"


def _count_figures(doc: Doc) -> list[Figure]:
    out = []
    for run in _number_tokens(doc):
        if any(tok.ent_type_ in NON_FIGURE_LABELS for tok in run) or _is_age(run):
            continue
        number_text = doc[run[0].i:run[-1].i + 1].text
        noun = _counted_noun(run)
        value = parse_number(number_text)
        if noun is None or value is None or _is_year_like(number_text):
            continue
        if noun.lemma_.lower() in TIME_UNITS or noun.text.lower() in TIME_UNITS:
            continue
        start, end = run[0].idx, noun.idx + len(noun.text)
        out.append(Figure(text=doc.text[start:end], start=start, end=end, value=value,
                          unit=noun.text.lower()))
    return out


def _quantity_figures(doc: Doc) -> list[Figure]:
    out = []
    for ent in doc.ents:
        if ent.label_ != "QUANTITY" or len(ent) < 2:
            continue
        value = parse_number(doc[ent.start:ent.end - 1].text)
        if value is not None:
            out.append(Figure(text=ent.text, start=ent.start_char, end=ent.end_char, value=value,
                              unit=ent[-1].text.lower()))
    return out


def extract_figures(doc: Doc) -> list[Figure]:
    """Every figure in the article, in text order (see the module's cascade)."""
    chosen: list[Figure] = []
    for figure in _pattern_figures(doc.text) + _quantity_figures(doc) + _count_figures(doc):
        if all(figure.end <= f.start or figure.start >= f.end for f in chosen):
            chosen.append(figure)
    return sorted(chosen, key=lambda f: f.start)


__all__ = ["extract_figures", "parse_number"]
