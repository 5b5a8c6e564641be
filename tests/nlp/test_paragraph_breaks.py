"""Sentences end at paragraph breaks: an abbreviation closing one paragraph ("on X.", "in the U.S.")
must not run it into the next, or the next paragraph's verb gets the previous one's subject."""
import pytest

from claimscope.model import PARAGRAPH_SEPARATOR
from claimscope.nlp.pipeline import build_nlp


@pytest.mark.parametrize("first, second", [
    ("Governor Dana Whitfield announced the bridge funding in a post on X.",
     "Sen. Thomas Rourke, who chairs the transport committee, criticized the plan as wasteful."),
    ("The union said talks would resume in the U.S.", "Gov. Ana Ruiz called the strike illegal."),
])
def test_each_paragraph_starts_its_own_sentence(first, second):
    doc = build_nlp()(first + PARAGRAPH_SEPARATOR + second)
    assert second == [s.text for s in doc.sents][-1]
    verb = next(t for t in doc if t.pos_ == "VERB" and t.idx > len(first))
    assert all(t.idx > len(first) for t in verb.subtree)
