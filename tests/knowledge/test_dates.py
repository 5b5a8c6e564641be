"""Dates: normalised against the published date, at their own granularity."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings, strategies as st

from claimscope.knowledge.dates import extract_dates, normalize_date
from claimscope.model import DateRef, Granularity
from claimscope.nlp.pipeline import build_nlp

ISO_VALUE = re.compile(
    r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


@pytest.mark.parametrize(("expression", "published", "expected"), [
    ("on Saturday", "2025-04-26", "2025-04-26"),
    ("on Thursday", "2025-07-04", "2025-07-03"),
    ("last Tuesday", "2019-03-12", "2019-03-05"),
    ("next Monday", "2019-03-12", "2019-03-18"),
    ("last August", "2025-04-26", "2024-08"),
    ("last March", "2025-10-01", "2025-03"),
    ("last month", "2025-01-15", "2024-12"),
    ("at the end of 2023", "2025-04-26", "2023-12"),
    ("the beginning of 2019", None, "2019-01"),
    ("the end of last year", "2020-06-01", "2019-12"),
    ("February 2022", None, "2022-02"),
    ("in 1979", None, "1979"),
    ("last year", "2025-07-04", "2024"),
    ("between 1996 and 2001", None, "1996/2001"),
    ("from 2010 to 2014", None, "2010/2014"),
    ("March 3, 2018", None, "2018-03-03"),
    ("3 March 2018", None, "2018-03-03"),
    ("Dec. 24", "2019-01-05", "2018-12-24"),
    ("yesterday", "2020-03-01", "2020-02-29"),
    ("three days ago", "2020-03-02", "2020-02-28"),
    ("two years ago", "2016-09-12", "2014"),
    ("the 1990s", None, "1990/1999"),
    ("the third quarter of 2024", None, "2024-07/2024-09"),
    ("this week", "2025-04-26", "2025-W17"),
])
def test_normalize_date_gives_iso_value_at_own_granularity(expression, published, expected):
    assert expected == normalize_date(expression, published)


@pytest.mark.parametrize("expression", [
    "four decades", "three-year", "the past 10 years", "in recent months", "nearly four years"])
def test_normalize_date_durations_are_no_point_in_time(expression):
    assert normalize_date(expression, "2025-04-26") is None


def test_normalize_date_relative_expression_needs_published_date():
    assert normalize_date("last month", None) is None


def test_normalize_date_impossible_calendar_day_is_none():
    assert normalize_date("February 30, 2021", None) is None


@settings(max_examples=300, deadline=None)
@given(expression=st.text(max_size=40),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1)).map(str), st.text(max_size=12)))
def test_normalize_date_any_text_gives_iso_or_none(expression, published):
    value = normalize_date(expression, published)
    assert value is None or ISO_VALUE.match(value)


@settings(max_examples=200, deadline=None)
@given(year=st.integers(1000, 2199), month=st.integers(1, 12), words=st.sampled_from(
    ["{m} {y}", "the end of {y}", "last {m}", "between {y} and {y2}", "{m} 1, {y}"]))
def test_normalize_date_generated_expressions_are_valid_iso(year, month, words):
    name = dt.date(2000, month, 1).strftime("%B")
    value = normalize_date(words.format(m=name, y=year, y2=min(year + 3, 2199)), "2025-04-26")
    assert value is not None and ISO_VALUE.match(value)


def _dates(text: str, published: str | None) -> dict[str, str | None]:
    return {d.text: d.value for d in extract_dates(build_nlp()(text), published)}


def test_extract_dates_drops_leading_preposition():
    found = _dates("The ministry said on Friday that talks resumed in March 2019.", "2019-06-07")
    assert {"Friday": "2019-06-07", "March 2019": "2019-03"}.items() <= found.items()


def test_extract_dates_spans_give_back_their_text():
    text = "Officials met last week and again on Tuesday, weeks after the end of 2018."
    for date in extract_dates(build_nlp()(text), "2019-01-10"):
        assert text[date.start:date.end] == date.text


def test_extract_dates_ages_are_not_dates():
    found = _dates("Maria Lopez, 34, and a 25-year-old student spoke on Monday.", "2020-05-06")
    assert "34" not in found and "25-year-old" not in found


def test_extract_dates_may_the_verb_is_no_month():
    found = _dates("The senator may vote against it.", "2020-05-06")
    assert {} == found


def test_extract_dates_duration_kept_without_value():
    dates = extract_dates(build_nlp()("The country suffered four decades of conflict."), "2025-01-01")
    assert [(None, Granularity.DURATION)] == [(d.value, d.granularity) for d in dates]


def test_date_ref_json_round_trip():
    date = DateRef(text="last month", start=3, end=13, value="2025-03", granularity=Granularity.MONTH)
    assert date == DateRef.from_json(date.to_json())


def test_extract_dates_interval_keeps_its_opening_word():
    found = _dates("He served as mayor from 2010 to 2014 before running again.", "2016-09-12")
    assert "2010/2014" == found.get("from 2010 to 2014")
