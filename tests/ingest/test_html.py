"""HTML pages: the main text without page furniture, and the metadata a reader would expect."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.errors import InputError
from claimscope.ingest import read_path
from claimscope.ingest.html import read_html
from claimscope.model import RawArticle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _one(path: Path) -> RawArticle:
    (article,) = list(read_path(str(path)))
    return article


def test_read_html_keeps_the_story_and_drops_nav_related_and_footer():
    article = _one(FIXTURES / "html" / "wire_story.html")
    assert "The port authority denied that jobs would be lost" in article.text
    for furniture in ("Subscribe", "Robot cranes arrive in Antwerp", "All rights reserved", "Privacy policy"):
        assert furniture not in article.text


def test_read_html_reads_the_metadata():
    article = _one(FIXTURES / "html" / "wire_story.html")
    expected = ("Port workers strike over automation plan",
                "https://www.harbourgazette.example/business/2024/03/04/port-strike",
                "Harbour Gazette", "2024-03-04", "Maria Lindqvist", True)
    assert expected == (article.title, article.url, article.outlet, article.published,
                        article.byline, article.is_structured)


def test_read_html_separates_paragraphs_by_a_blank_line():
    paragraphs = _one(FIXTURES / "html" / "wire_story.html").text.split("\n\n")
    assert paragraphs[0].startswith("ROTTERDAM (Harbour Gazette) - Thousands of dock workers")
    assert "Ships wait offshore" in paragraphs  # the subheading is its own paragraph
    assert 6 == len(paragraphs)


def test_read_html_drops_the_repeated_headline_and_the_byline_from_the_body():
    text = _one(FIXTURES / "html" / "wire_story.html").text
    assert "Port workers strike over automation plan" not in text
    assert "By Maria Lindqvist" not in text


def test_read_html_leaves_script_and_ad_text_out_of_the_body():
    article = _one(FIXTURES / "html" / "script_in_body.html")
    assert "Councillor Ana Ruiz, who sponsored the measure" in article.text
    for noise in ("googletag", "ADVERTISEMENT SCRIPT TEXT", "loadAd", "cookies", "newsletter"):
        assert noise not in article.text


def test_read_html_reads_json_ld_metadata():
    article = _one(FIXTURES / "html" / "script_in_body.html")
    assert ("2023-11-17", "Tom Okafor", "Riverside Courier") == (article.published, article.byline, article.outlet)


def test_read_html_decodes_a_windows_1252_page_without_mojibake():
    article = _one(FIXTURES / "html" / "cp1252_story.html")
    assert "\u201cWe survived the pandemic, and now they want us to pay for the sidewalk,\u201d" in article.text
    assert "Caf\u00e9 owners in Montr\u00e9al protest new terrace fees" == article.title
    assert "Genevi\u00e8ve Tremblay" == article.byline
    assert "\u00c3" not in article.text and "\u00e2\u20ac" not in article.text  # the usual mojibake


def test_read_html_copes_with_unclosed_tags():
    article = _one(FIXTURES / "bad" / "malformed.html")
    assert "Residents of three river towns began returning home on Sunday" in article.text
    assert "no deaths had been reported" in article.text
    assert "Flood waters recede in river towns" == article.title


def test_read_html_splits_a_paragraph_at_line_breaks():
    page = ("<html><body><article><h1>Title here</h1><p>" + "First line of the story goes on. " * 4
            + "<br>" + "Second line, another paragraph really. " * 4 + "</p></article></body></html>")
    (article,) = read_html(page, "br.html")
    assert 2 == len(article.text.split("\n\n"))


def test_read_html_fills_url_and_date_only_where_the_page_lacks_them():
    page = (FIXTURES / "html" / "wire_story.html").read_text(encoding="utf-8")
    (article,) = read_html(page, "x.html", url="https://archive.example/x", published="2030-01-01")
    assert ("https://www.harbourgazette.example/business/2024/03/04/port-strike", "2024-03-04") == (
        article.url, article.published)


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Index</title></head><body><nav><a href=/a>A</a></nav></body></html>",
        "<html><body><script>var only = 'script';</script></body></html>",
        "<html></html>",
    ],
    ids=["nav-only", "script-only", "empty-html"],
)
def test_read_html_raises_naming_the_file_when_there_is_no_main_text(page):
    with pytest.raises(InputError) as caught:
        list(read_html(page, "empty-page.html"))
    assert ("empty-page.html", "no main text found in the HTML page") == (caught.value.path, caught.value.problem)


def test_read_html_refuses_a_page_over_the_size_cap():
    from claimscope.ingest.html import MAX_HTML_CHARS

    with pytest.raises(InputError, match="MAX_HTML_CHARS"):
        list(read_html("<p>" + "x" * MAX_HTML_CHARS + "</p>", "huge.html"))
