"""Who said what: article text -> Attribution records (source, cue, contents, stance)."""
from __future__ import annotations

from claimscope.model import Article, Attribution


def extract_attributions(article: Article) -> list[Attribution]:
    """Every attribution in the article's clean body. (Being built: returns none yet.)"""
    return []
