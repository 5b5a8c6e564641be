"""Highlighting from offsets: the text comes back whole, escaped, with balanced marks (no browser)."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from claimscope.web.views import highlight, highlight_paragraphs, marks_for

TAG = re.compile(r"<[^>]*>")


class _Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth, self.ok = 0, True

    def handle_starttag(self, tag, attrs):
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1
        self.ok = self.ok and self.depth >= 0


def _attribution(span_ranges, stance="deny"):
    (s0, s1), (c0, c1), (t0, t1) = span_ranges
    span = lambda a, b: {"start": a, "end": b, "text": "x" * (b - a)}  # noqa: E731
    return {"source": span(s0, s1), "cue": span(c0, c1), "contents": [span(t0, t1)], "stance": stance,
            "source_resolved": "Ukraine <b>"}


@st.composite
def texts_and_attributions(draw):
    text = draw(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60))
    ranges = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted).map(tuple)
    attributions = draw(st.lists(st.tuples(ranges, ranges, ranges).map(_attribution), max_size=4))
    return text, attributions


@given(texts_and_attributions())
def test_highlight_gives_back_the_text_with_balanced_marks(case):
    text, attributions = case
    out = str(highlight(text, 0, len(text), marks_for(attributions)))
    assert text == html.unescape(TAG.sub("", out))
    parser = _Nesting()
    parser.feed(out)
    assert parser.ok and 0 == parser.depth


def test_highlight_escapes_markup_in_text_and_speaker():
    text = 'Kyiv denied <script>alert("x")</script> it'
    out = str(highlight(text, 0, len(text), marks_for([_attribution(((0, 4), (5, 11), (12, 39)))])))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>" not in out and 'data-speaker="Ukraine &lt;b&gt;"' in out


def test_highlight_nests_a_source_inside_another_content():
    text = "Putin hailed what he said was a failure"
    outer = _attribution(((0, 5), (6, 12), (13, 39)), stance="praise")
    inner = _attribution(((18, 20), (21, 25), (26, 39)), stance="assert")
    out = str(highlight(text, 0, len(text), marks_for([outer, inner])))
    assert re.search(r'data-role="content" data-stance="praise"[^>]*>what <span[^>]*data-role="source"', out)


def test_highlight_paragraphs_count_the_separator():
    paragraphs = ["Kyiv denied it.", "Moscow said so."]
    attributions = [_attribution(((17, 23), (24, 28), (29, 31)), stance="assert")]  # offsets in "a\n\nb"
    first, second = highlight_paragraphs(paragraphs, attributions, "\n\n")
    assert "<span" not in str(first)
    assert re.search(r'data-role="source"[^>]*>Moscow</span>', str(second))
