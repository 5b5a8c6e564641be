"""JSON Lines: one article per line; a bad line is reported with its number and the rest go on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimscope.errors import InputError
from claimscope.ingest import read_path
from claimscope.ingest.jsonl import read_jsonl
from claimscope.model import RawArticle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXT = "The minister said the plan would go ahead despite protests."


def _line(**fields) -> str:
    return json.dumps(fields) + "\n"


def test_read_jsonl_reads_the_good_lines_and_reports_the_broken_ones():
    items = list(read_path(str(FIXTURES / "jsonl" / "articles.jsonl")))
    titles = [i.title for i in items if isinstance(i, RawArticle)]
    errors = [(i.line, i.problem.split(":")[0]) for i in items if isinstance(i, InputError)]
    assert ["Grain exports resume from southern ports", "Central bank holds rates steady",
            "Museum returns looted bronzes"] == titles
    assert [(3, "invalid JSON"), (4, "no article text (expected a non-empty text/body/content field)"),
            (5, "line is not a JSON object (got list)")] == errors


def test_read_jsonl_names_file_line_and_column_of_invalid_json():
    (error,) = read_jsonl(['{"title": "x", "text": "y"\n'], "feed.jsonl")
    assert "feed.jsonl:1: invalid JSON: Expecting ',' delimiter at column 27" == str(error)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": "T", "text": TEXT, "url": "https://a.example/1", "published": "2024-05-14",
          "source": "Wire", "author": "Lena Park"},
         ("T", "https://a.example/1", "2024-05-14", "Wire", "Lena Park")),
        ({"headline": "T", "body": TEXT, "link": "https://a.example/2", "date": "2024-05-16",
          "publisher": "Daily"}, ("T", "https://a.example/2", "2024-05-16", "Daily", None)),
        ({"title": "T", "content": TEXT, "publishedAt": "2024-05-16T13:00:00Z",
          "source": {"id": "bbc-news", "name": "BBC News"}, "authors": ["A. One", "B. Two"]},
         ("T", None, "2024-05-16T13:00:00Z", "BBC News", "A. One, B. Two")),
    ],
    ids=["our-names", "synonyms", "news-api-shape"],
)
def test_read_jsonl_maps_the_field_names_exporters_use(fields, expected):
    (article,) = read_jsonl([_line(**fields)], "feed.jsonl")
    assert expected == (article.title, article.url, article.published, article.outlet, article.byline)
    assert (TEXT, True) == (article.text, article.is_structured)


@pytest.mark.parametrize(
    "body",
    [["First paragraph.", "Second paragraph."], "First paragraph.\nSecond paragraph.",
     "First paragraph.\r\n\r\n  Second paragraph.  "],
    ids=["list", "single-newline", "crlf-blank-line"],
)
def test_read_jsonl_turns_every_paragraph_break_into_a_blank_line(body):
    (article,) = read_jsonl([_line(title="T", text=body)], "feed.jsonl")
    assert "First paragraph.\n\nSecond paragraph." == article.text


@pytest.mark.parametrize("text", [None, "", "   ", [], 42.0], ids=["null", "empty", "blank", "empty-list", "number"])
def test_read_jsonl_reports_a_line_without_usable_text(text):
    (error,) = read_jsonl([_line(title="T", text=text)], "feed.jsonl")
    assert (1, "no article text (expected a non-empty text/body/content field)") == (error.line, error.problem)


def test_read_jsonl_skips_blank_lines_but_counts_them():
    items = list(read_jsonl(["\n", "  \n", "{oops\n", _line(title="T", text=TEXT)], "feed.jsonl"))
    assert [3] == [i.line for i in items if isinstance(i, InputError)]
    assert 1 == sum(isinstance(i, RawArticle) for i in items)


def test_read_jsonl_reads_a_last_line_without_a_newline():
    (article,) = read_jsonl([json.dumps({"title": "T", "text": TEXT})], "feed.jsonl")
    assert TEXT == article.text


def test_read_jsonl_records_where_each_line_starts():
    first, second = _line(title="A", text=TEXT), _line(title="B", text=TEXT)
    articles = list(read_jsonl([first, second], "feed.jsonl"))
    assert [0, len(first)] == [a.raw_start for a in articles]


def test_read_jsonl_skips_an_oversized_line_and_goes_on(tmp_path):
    path = tmp_path / "big.jsonl"
    huge = _line(title="Huge", text="word " * 3000)
    path.write_text(_line(title="A", text=TEXT) + huge + _line(title="B", text=TEXT), encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as stream:
        items = list(read_jsonl(iter(lambda: stream.readline(1000), ""), str(path), max_line_chars=1000))
    assert ["A", "B"] == [i.title for i in items if isinstance(i, RawArticle)]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert 2 == error.line
    assert f"line of {len(huge):,} characters is over the 1,000-character cap (MAX_LINE_CHARS); skipped" == error.problem
