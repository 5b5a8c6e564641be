"""Per-article analysis: one clean Article in, an ArticleAnalysis with every per-article record out.

Pure and picklable (runners map it over processes or a Dask cluster); never touches the store.
The body is parsed once and the parse is shared by attribution and knowledge; records leave, the
spaCy Doc does not.
"""
from __future__ import annotations

from claimscope.attribution import extract_attributions
from claimscope.knowledge import extract_dates, extract_entities, extract_figures, extract_places
from claimscope.model import Article, ArticleAnalysis
from claimscope.nlp.pipeline import build_nlp

ENGLISH = "en"


def analyze_article(article: Article) -> ArticleAnalysis:
    """Run the English models only on English text: other languages keep their clean article alone."""
    if article.language not in (None, ENGLISH) or not article.text.strip():
        return ArticleAnalysis(article=article)
    doc = build_nlp()(article.text)
    attributions = tuple(extract_attributions(article, doc))
    return ArticleAnalysis(
        article=article,
        attributions=attributions,
        entities=tuple(extract_entities(doc, attributions)),
        places=tuple(extract_places(doc)),
        dates=tuple(extract_dates(doc, article.published)),
        figures=tuple(extract_figures(doc)),
    )
