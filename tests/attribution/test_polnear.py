"""The PolNeAR reader: BRAT standoff parsing and the reference scorer's gold rules."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.attribution.polnear import (
    BratDocument,
    BratEntity,
    BratEvent,
    parse_brat,
    quotes_from_brat,
    read_polnear,
    read_text,
    select_ann_files,
)
from claimscope.errors import InputError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "polnear"


def test_parse_brat_discontinuous_fragments():
    doc = parse_brat("T1\tContent 10 20;25 40\tsome text\n")
    assert ((10, 20), (25, 40)) == doc.entities[0].fragments


def test_parse_brat_entity_text_across_lines():
    ann = FIXTURES / "brat" / "wash-post_2016-06-27_byline-amber-phillips_4e07.ann"
    doc = parse_brat(read_text(ann), path=str(ann))
    t38 = next(e for e in doc.entities if e.id == "T38")
    assert ((1866, 1890), (1921, 1979)) == t38.fragments
    assert t38.text.startswith("3.\n\nThe number of people")


def test_parse_brat_malformed_entity_raises_input_error():
    with pytest.raises(InputError) as err:
        parse_brat("T1\tContent ten 20\tx\n", path="bad.ann")
    assert "bad.ann" == err.value.path
    assert 1 == err.value.line


def test_quotes_from_brat_role_digits_and_cue_cover():
    doc = parse_brat(
        "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tCue 20 22\tto\nT4\tContent 30 35;40 45\tx\n"
        "T5\tContent 50 55\ty\nE1\tAttribution:T2 Source:T1 Cue:T2 Cue2:T3 Content:T4 Content2:T5\n"
    )
    (q,) = quotes_from_brat(doc)
    assert (4, 22) == q.cue
    assert ((0, 3),) == q.sources
    assert ((30, 35), (40, 45), (50, 55)) == q.contents


def test_quotes_from_brat_no_cue_role_uses_trigger():
    doc = parse_brat("T1\tAttribution 5 9\tsays\nT2\tContent 10 20\tx\nE1\tAttribution-no-source:T1 Content:T2\n")
    (q,) = quotes_from_brat(doc)
    assert (5, 9) == q.cue
    assert () == q.sources


def test_select_ann_files_first_annotator_suffix():
    chosen = select_ann_files(FIXTURES)
    assert "politico_2016-09-08_flynn-says-trump-absolutely-righ_4b22.ann" == \
        chosen["politico_2016-09-08_flynn-says-trump-absolutely-righ"].name


def test_read_polnear_gold_offsets_cut_the_annotated_text():
    arts = {a.name: a for a in read_polnear(FIXTURES)}
    art = arts["breitbart_2016-09-12_stealth-over-health-hillary-clin"]
    assert 6 == len(art.quotes)
    first = art.quotes[0]
    assert "reports" == art.text[slice(*first.cue)]
    assert "The New York Post" == art.text[slice(*first.sources[0])]


def test_read_polnear_missing_layout_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        read_polnear(tmp_path)


_ids = st.integers(min_value=1, max_value=999)
_frag = st.tuples(st.integers(0, 5000), st.integers(0, 300)).map(lambda t: (t[0], t[0] + t[1]))
_label = st.sampled_from(["Source", "Cue", "Content", "Attribution"])
_text = st.text(alphabet=st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)), max_size=40)


@st.composite
def _brat_documents(draw):
    n = draw(st.integers(1, 8))
    ents = tuple(BratEntity(id=f"T{i + 1}", label=draw(_label),
                            fragments=tuple(draw(st.lists(_frag, min_size=1, max_size=3))),
                            text=draw(_text)) for i in range(n))
    roles = st.sampled_from(["Source", "Cue", "Content", "Content2", "Source3"])
    events = tuple(BratEvent(id=f"E{k + 1}", type=draw(st.sampled_from(["Attribution", "Attribution-no-source"])),
                             trigger=f"T{draw(st.integers(1, n))}",
                             args=tuple((draw(roles), f"T{draw(st.integers(1, n))}")
                                        for _ in range(draw(st.integers(0, 4)))))
                   for k in range(draw(st.integers(0, 4))))
    return BratDocument(entities=ents, events=events)


@given(_brat_documents())
def test_parse_brat_round_trip(doc):
    assert doc == parse_brat(doc.to_text())


@given(st.text(max_size=200))
def test_parse_brat_arbitrary_text_raises_only_input_error(source):
    try:
        parse_brat(source)
    except InputError:
        pass
