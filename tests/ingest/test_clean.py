"""clean_article: what a reader of the clean article notices (headline, captions, credits, dates, body)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.ingest import noise
from claimscope.ingest.clean import article_id, clean_article
from claimscope.ingest.textdump import is_noise_line, read_textdump
from claimscope.model import PublishedFrom, RawArticle

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
POLNEAR_DEV = Path("/work/shared/data/polnear/dev/text")


def _fold(x):
    return [" ".join(v.split()) for v in x] if isinstance(x, (list, tuple)) else " ".join((x or "").split()) or x


def _clean_file(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        text = f.read()
    raws = list(read_textdump(io.StringIO(text, newline=""), str(path)))
    return text, [a for a in (clean_article(r) for r in raws) if a is not None]


SEED_TEXT, SEED_ARTICLES = _clean_file(ROOT / "examples" / "seed.txt")
GOLD = json.loads((FIXTURES / "seed.gold.json").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("n", [0, 1])
@pytest.mark.parametrize("field,gold_key", [
    ("headline", "headline"), ("captions", "captions"), ("photo_credits", "photo_credits"),
    ("published", "published"), ("subheadings", "subheadings"), ("paragraphs", "body_paragraphs"),
])
def test_clean_article_seed_fields_equal_gold(n, field, gold_key):
    assert 2 == len(SEED_ARTICLES)
    assert _fold(GOLD[n][gold_key]) == _fold(getattr(SEED_ARTICLES[n], field))


def test_clean_article_seed_widget_residue_is_gone():
    for article in SEED_ARTICLES:
        assert "TT" not in article.paragraphs and "20" not in article.paragraphs
        assert article.headline not in article.text
        assert all(c not in article.text for c in article.captions)
        assert any("duplicate caption" in n for n in article.notes)


def test_clean_article_seed_dates_come_from_captions_and_no_agency_is_guessed():
    assert [PublishedFrom.CAPTION] * 2 == [a.published_from for a in SEED_ARTICLES]
    assert [None, None] == [a.agency for a in SEED_ARTICLES]


def test_clean_article_source_map_points_back_into_the_file():
    for article in SEED_ARTICLES:
        assert article.source_map
        for seg in article.source_map:
            assert article.text[seg.start:seg.end] == SEED_TEXT[seg.raw_start:seg.raw_start + seg.end - seg.start]


@pytest.mark.parametrize("n,credit,published", [
    (0, "Jana Berg/AFP", "2021-07-16"),
    (1, "Chip Somodevilla/Getty Images", None),
    (2, "REUTERS/Igor Tkachenko", "2022-08-01"),
])
def test_clean_article_reads_other_credit_formats(n, credit, published):
    _, articles = _clean_file(FIXTURES / "textdump" / "credit_formats.txt")
    assert [credit] == list(articles[n].photo_credits)
    assert credit not in articles[n].captions[0]
    assert published == articles[n].published


def test_clean_article_without_caption_keeps_headline_and_body():
    _, articles = _clean_file(FIXTURES / "textdump" / "credit_formats.txt")
    farmers = articles[3]
    assert ("Farmers Protest New Water Rules", (), ()) == (farmers.headline, farmers.captions, farmers.photo_credits)
    assert 2 == len(farmers.paragraphs)


def test_clean_article_single_wire_story_drops_promos_and_keeps_body():
    _, [article] = _clean_file(FIXTURES / "textdump" / "single_wire.txt")
    assert "Ministers Clash Over Harbour Expansion Plan" == article.headline
    assert ("Reuters", "2024-03-03", PublishedFrom.DATELINE) == (article.agency, article.published, article.published_from)
    assert article.paragraphs[0].startswith("LISBON, March 3 (Reuters) - Portugal's")  # dateline kept
    for residue in ("Advertisement", "Share this", "Follow us", "Sign up", "Loading", "cookies", "Related", "Read more", "Lisbon port strike"):
        assert residue not in article.text
    assert 4 == len(article.paragraphs)  # the pull-quote repeating paragraph 2 is gone


def test_clean_article_joins_a_paragraph_wrapped_over_lines_with_single_spaces():
    _, [article] = _clean_file(FIXTURES / "textdump" / "single_wire.txt")
    assert "since the plan was first presented in 2021, and warned that the state could not guarantee the loans." in article.text


def test_clean_article_ap_byline_and_dateline_give_agency_and_subheading():
    _, [article] = _clean_file(FIXTURES / "textdump" / "ap_dateline.txt")
    assert "AP" == article.agency
    assert ("What happens next",) == article.subheadings
    assert not any(p.startswith("By Jane Doe") for p in article.paragraphs)


def test_clean_article_keeps_curly_quotes_and_nbsp_and_maps_crlf():
    text, [article] = _clean_file(FIXTURES / "textdump" / "crlf_nbsp.txt")
    assert "Minister\u2019s \u201cPlan\u201d Draws Fire From Unions" == article.headline
    assert "cut\u00a0pensions" in article.paragraphs[0]
    assert not article.paragraphs[0].endswith("\u00a0")
    for seg in article.source_map:
        assert article.text[seg.start:seg.end] == text[seg.raw_start:seg.raw_start + seg.end - seg.start]


def test_clean_article_flags_non_english_language():
    _, [article] = _clean_file(FIXTURES / "textdump" / "german.txt")
    assert "de" == article.language
    assert "en" == SEED_ARTICLES[0].language


def test_clean_article_structured_uses_title_and_metadata():
    raw = RawArticle(
        source_file="x.jsonl", is_structured=True, title="Port Deal Signed", published="2024-05-01T10:00:00Z",
        url="https://example.org/a", outlet="Example News",
        text="Port Deal Signed\nThe deal was signed on Wednesday.\nShare\nOfficials said it would create jobs.",
    )
    article = clean_article(raw)
    assert "Port Deal Signed" == article.headline
    assert ("The deal was signed on Wednesday.", "Officials said it would create jobs.") == article.paragraphs
    assert ("2024-05-01", PublishedFrom.METADATA) == (article.published, article.published_from)
    assert ("https://example.org/a", "Example News") == (article.url, article.outlet)


def test_clean_article_nothing_article_like_gives_none():
    assert clean_article(RawArticle(source_file="n.txt", text="TT\n20\nShare this article\n")) is None


def test_article_id_ignores_case_and_whitespace():
    assert article_id("Big News", ["One  para.", "Two"]) == article_id("big news", ["one para.", " Two "])
    assert article_id("Big News", ["One"]) != article_id("Big News", ["Two"])
    assert 16 == len(article_id(None, []))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=0, max_value=10_000))
def test_clean_article_never_raises_and_maps_back(text, raw_start):
    article = clean_article(RawArticle(source_file="h.txt", text=text, raw_start=raw_start))
    if article is not None:
        for seg in article.source_map:
            at = seg.raw_start - raw_start
            assert article.text[seg.start:seg.end] == text[at:at + seg.end - seg.start]


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev texts live in /work/shared, absent here")
@pytest.mark.parametrize("path", sorted(POLNEAR_DEV.glob("*.txt"))[::4][:20] if POLNEAR_DEV.is_dir() else [])
def test_clean_article_polnear_file_is_one_article_keeping_its_body(path):
    _, articles = _clean_file(path)
    assert 1 == len(articles)
    [article] = articles
    lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0] == article.headline
    kept = " ".join(" ".join(article.paragraphs + article.subheadings + article.captions + article.photo_credits).split())
    missing = [line for line in lines[1:] if line not in kept and not is_noise_line(line)
               and not noise.TRAILER.match(line)]  # a wire trailer credits the story, it is no part of it
    assert [] == missing
