"""Per-article analysis: one clean Article in, an ArticleAnalysis with every per-article record out.

Pure and picklable (runners map it over processes or a Dask cluster); never touches the store.
"""
from __future__ import annotations

from claimscope.attribution import extract_attributions
from claimscope.model import Article, ArticleAnalysis

ENGLISH = "en"


def analyze_article(article: Article) -> ArticleAnalysis:
    """Run the English models only on English text: other languages keep their clean article alone."""
    if article.language not in (None, ENGLISH):
        return ArticleAnalysis(article=article)
    return ArticleAnalysis(article=article, attributions=tuple(extract_attributions(article)))
