"""read_textdump: where a dump is cut into articles, and that the cut loses no character."""
from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.errors import InputError
from claimscope.ingest import textdump
from claimscope.ingest.textdump import read_textdump
from claimscope.model import RawArticle

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "textdump"
SEED = ROOT / "examples" / "seed.txt"


def _read(path: Path) -> tuple[str, list]:
    with path.open(encoding="utf-8", newline="") as f:
        text = f.read()
    return text, list(read_textdump(io.StringIO(text, newline=""), str(path)))


def test_read_textdump_seed_gives_its_two_articles():
    text, articles = _read(SEED)
    assert 2 == len(articles)
    assert articles[0].text.startswith("Russia Says Last Ukrainian Troops Expelled")
    assert articles[1].text.startswith("Afghans Both Hopeful, Disappointed")


def test_read_textdump_stretches_are_verbatim_slices_of_the_file():
    text, articles = _read(SEED)
    for raw in articles:
        assert raw.text == text[raw.raw_start:raw.raw_start + len(raw.text)]
        assert str(SEED) == raw.source_file


def test_read_textdump_splits_articles_without_blank_lines_between():
    _, articles = _read(FIXTURES / "no_gap.txt")
    assert ["Council Approves", "Museum Returns B"] == [a.text[:16] for a in articles]


def test_read_textdump_splits_caption_less_articles_after_a_wide_gap():
    _, articles = _read(FIXTURES / "credit_formats.txt")
    assert 4 == len(articles)
    assert articles[3].text.startswith("Farmers Protest New Water Rules")


def test_read_textdump_keeps_one_article_with_byline_promos_and_related_links():
    _, articles = _read(FIXTURES / "single_wire.txt")
    assert 1 == len(articles)
    assert articles[0].text.startswith("Skip to content")


def test_read_textdump_short_paragraphs_do_not_start_articles():
    dump = (
        "Town Hall Meeting Turns Heated Over Taxes\n\nThe mayor spoke first.\n\n"
        "Residents Speak Out\n\nSeveral residents said the new tax was unfair and asked the council to reconsider.\n\n"
        "It did not.\n"
    )
    assert 1 == len(list(read_textdump(io.StringIO(dump), "t.txt")))


def test_read_textdump_crlf_offsets_stay_exact():
    text, articles = _read(FIXTURES / "crlf_nbsp.txt")
    assert 1 == len(articles)
    assert "\r\n" in articles[0].text
    assert text.rstrip("\r\n") == articles[0].text.rstrip("\r\n")


def test_read_textdump_oversized_article_yields_error_and_goes_on(monkeypatch):
    monkeypatch.setattr(textdump, "MAX_ARTICLE_CHARS", 300)
    long_body = "\n\n".join(["This paragraph is long enough to push the article over the limit, on purpose."] * 6)
    dump = (
        f"First Story Has a Very Long Body Indeed\n\n{long_body}\n\n\n"
        "Second Story Is Short and Sweet Today\n\n"
        "A short body paragraph that follows the second headline and is long enough to count.\n"
    )
    out = list(read_textdump(io.StringIO(dump), "big.txt"))
    assert isinstance(out[0], InputError)
    assert 1 == out[0].line
    assert "skipped" in out[0].problem
    assert isinstance(out[1], RawArticle)
    assert out[1].text.startswith("Second Story")


_LINE = st.one_of(
    st.sampled_from([
        "Russia Says Troops Expelled From Region", "TT", "20", "Share this article",
        "A man stands in Kyiv, 26 April 2025. (EPA/Jane Doe)", "By Jane Doe, Reuters",
        "KYIV (Reuters) - Ukraine denied the report on Saturday, officials said.",
        "The council voted on Tuesday to make the cycle lanes permanent, despite objections.",
        "NORTH KOREANS", "- Won't 'lead to anything' -", "Related:", "\u00a0", "  ",
    ]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=60),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\r\n", "\n\n", "\n\n\n"])), max_size=40))
def test_read_textdump_loses_and_duplicates_no_character(parts):
    text = "".join(line + end for line, end in parts)
    articles = list(read_textdump(io.StringIO(text, newline=""), "p.txt"))
    assert all(isinstance(a, RawArticle) for a in articles)
    covered = []
    pos = 0
    for raw in articles:
        assert raw.raw_start >= pos  # in order, no overlap
        assert raw.text == text[raw.raw_start:raw.raw_start + len(raw.text)]
        covered.append((raw.raw_start, raw.raw_start + len(raw.text)))
        pos = raw.raw_start + len(raw.text)
    offset = 0
    for line in io.StringIO(text, newline=""):
        if line.strip():
            assert any(s <= offset and offset + len(line) <= e for s, e in covered), line
        offset += len(line)
