"""Quotation marks: quote regions, direct vs mixed quotes, quote paragraphs that carry a speaker."""
from hypothesis import given, strategies as st

from claimscope.attribution import extract_attributions
from claimscope.attribution.quotes import find_quote_regions, is_direct, is_quote_paragraph
from claimscope.model import Article


def _article(*paragraphs):
    return Article(id="t", headline=None, paragraphs=tuple(paragraphs))


def test_quote_regions_pair_straight_and_curly_marks():
    text = 'He said "yes" and then “no”.'
    assert ['"yes"', "“no”"] == [text[r.start:r.end] for r in find_quote_regions(text)]


def test_quote_regions_flag_a_quote_running_on():
    regions = find_quote_regions('"This goes on into the next paragraph.')
    assert regions[-1].is_open


def test_quotes_mixed_quote_is_not_direct():
    text = 'She said that "prices will fall".'
    regions = find_quote_regions(text)
    assert not is_direct(text, regions, ((9, 32),))
    assert is_direct(text, regions, ((14, 32),))


def test_quotes_quote_paragraph_is_recognised():
    text = '"We will stay here."'
    assert is_quote_paragraph(text, (0, len(text)))
    assert not is_quote_paragraph('We will "stay" here.', (0, 20))


def test_quotes_paragraph_without_cue_carries_previous_speaker():
    atts = extract_attributions(_article(
        "Maria Lopez, a teacher in the town, was worried about the plan.",
        '"The school will close and nobody will help the children," she said.',
        '"We have asked the council twice already."',
    ))
    carried = [a for a in atts if a.cue is None]
    assert 1 == len(carried)
    assert "Maria Lopez" == carried[0].source_resolved
    assert carried[0].direct


def test_quotes_multi_sentence_quote_is_taken_whole():
    atts = extract_attributions(_article(
        '"The road is closed. Nobody can pass until the snow melts," the police chief said.'))
    said = [a for a in atts if a.cue and a.cue.text == "said"]
    assert said and said[0].contents[0].text.startswith('"The road is closed.')
    assert said[0].direct


@given(st.text(alphabet='ab "“”\n', max_size=40))
def test_quote_regions_stay_inside_text(text):
    for r in find_quote_regions(text):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start] in '"“'
