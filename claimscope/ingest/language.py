"""Which language an article is written in, so later stages run English models only on English.

py3langid is small, offline and deterministic. Short or mixed text is where it guesses wildly,
so an answer is given only when there are enough letters and the normalised probability is high;
otherwise ``None`` (unknown: the pipeline treats it like English and lets the models try).
"""
from __future__ import annotations

import logging

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

logger = logging.getLogger(__name__)

# Fewer letters than this and langid's guess is noise (tuned on one-line captions and headlines:
# below ~40 letters, English headlines came back as "la", "it" or "fr" about one time in five).
MIN_LETTERS = 40
# Normalised probability under which we say "unknown" rather than guess (langid gives > 0.99 on
# every PolNeAR dev article and on the German/French/Spanish/Russian fixtures; mixed text falls below).
MIN_PROBABILITY = 0.80
# Only the first characters are read: language does not change mid-article and langid is linear.
MAX_CHARS = 5_000

_identifier: LanguageIdentifier | None = None


def _get_identifier() -> LanguageIdentifier:
    global _identifier
    if _identifier is None:
        _identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` ("en", "de", ...), or None when too short or too unsure to tell."""
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, probability = _get_identifier().classify(sample)
    if probability < MIN_PROBABILITY:
        logger.debug("language unsure: %s at %.2f", code, probability)
        return None
    return code
