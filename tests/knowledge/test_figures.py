"""Figures: numbers with their unit, never years or ages."""
from __future__ import annotations

import pytest

from claimscope.knowledge.figures import extract_figures, parse_number
from claimscope.model import Figure
from claimscope.nlp.pipeline import build_nlp


def _figures(text: str) -> dict[str, tuple[float, str]]:
    return {f.text: (f.value, f.unit) for f in extract_figures(build_nlp()(text))}


@pytest.mark.parametrize(("text", "figure", "value", "unit"), [
    ("The floods forced 2,500 families from their homes.", "2,500 families", 2500.0, "families"),
    ("The package is worth $2 billion, officials said.", "$2 billion", 2e9, "USD"),
    ("Turnout reached 40 percent in the capital.", "40 percent", 40.0, "percent"),
    ("Unemployment fell to 7.5% in June.", "7.5%", 7.5, "percent"),
    ("Police arrested 12 protesters outside parliament.", "12 protesters", 12.0, "protesters"),
])
def test_extract_figures_finds_number_and_unit(text, figure, value, unit):
    assert (value, unit) == _figures(text)[figure]


def test_extract_figures_age_in_apposition_is_no_figure():
    found = _figures("Maria Lopez, 34, said the town had lost 300 jobs.")
    assert ["300 jobs"] == list(found)


def test_extract_figures_years_and_durations_are_no_figures():
    found = _figures("In 2019 the war entered its fifth year after four decades of unrest.")
    assert {} == found


def test_extract_figures_vague_count_has_no_figure():
    assert {} == _figures("Thousands of troops arrived at the border.")


@pytest.mark.parametrize(("text", "value"), [
    ("14,000", 14000.0), ("2.5 million", 2.5e6), ("5bn", 5e9), ("three", 3.0), ("a lot", None)])
def test_parse_number_reads_digits_words_and_scales(text, value):
    assert value == parse_number(text)


def test_figure_json_round_trip():
    figure = Figure(text="137 people", start=0, end=10, value=137.0, unit="people")
    assert figure == Figure.from_json(figure.to_json())
