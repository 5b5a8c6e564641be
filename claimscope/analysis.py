"""Per-article analysis: one clean Article in, an ArticleAnalysis with every per-article record out.

Pure and picklable (runners map it over processes or a Dask cluster); never touches the store.
The body is parsed once and the parse is shared by attribution and knowledge; records leave, the
spaCy Doc does not. Disputes are not found here: they need every claim of the corpus, so the
cross-article step (knowledge.claimmap) finds them once, within and across articles.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc
from spacy.util import minibatch

from claimscope.attribution import extract_attributions
from claimscope.knowledge import extract_dates, extract_entities, extract_figures, extract_places
from claimscope.knowledge.claims import extract_claims
from claimscope.knowledge.unverified import find_unverified, mark_unverified
from claimscope.model import Article, ArticleAnalysis, Attribution, Entity
from claimscope.nlp.pipeline import build_nlp

ENGLISH = "en"


# Articles parsed per nlp.pipe batch: batching parsed PolNeAR dev in 17 s against 28 s one by one
# (bench/bench_attribution.py); larger batches add memory for little more speed.
PARSE_BATCH = 16


def is_analysable(article: Article) -> bool:
    """English (or undetected) text with a body: the English models run on nothing else."""
    return article.language in (None, ENGLISH) and bool(article.text.strip())


def analyze_articles(articles: Iterable[Article]) -> Iterator[ArticleAnalysis]:
    """analyze_article over many articles, their bodies parsed in batches (nlp.pipe)."""
    for batch in minibatch(articles, size=PARSE_BATCH):
        parseable = [a for a in batch if is_analysable(a)]
        docs = dict(zip((a.id for a in parseable), build_nlp().pipe(a.text for a in parseable)))
        for article in batch:
            yield analyze_article(article, docs.get(article.id))


def analyze_article(article: Article, doc: Doc | None = None) -> ArticleAnalysis:
    """Run the English models only on English text: other languages keep their clean article alone.

    ``doc`` is the parse of ``article.text`` when the caller parsed it already (analyze_articles).
    """
    if not is_analysable(article):
        return ArticleAnalysis(article=article)
    if doc is None:
        doc = build_nlp()(article.text)
    attributions = tuple(extract_attributions(article, doc))
    entities = tuple(extract_entities(doc, attributions))
    attributions = link_sources(attributions, entities)
    places = tuple(extract_places(doc))
    dates = tuple(extract_dates(doc, article.published))
    claims = extract_claims(article, attributions, entities, dates, places)
    unverified = tuple(find_unverified(article, claims, attributions))
    return ArticleAnalysis(
        article=article,
        attributions=attributions,
        entities=entities,
        places=places,
        dates=dates,
        figures=tuple(extract_figures(doc)),
        claims=tuple(mark_unverified(claims, unverified)),
        unverified=unverified,
    )


def link_sources(attributions: Sequence[Attribution], entities: Sequence[Entity]) -> tuple[Attribution, ...]:
    """Fill ``source_entity_id`` where the resolved source names an entity (its name or an alias)."""
    by_name = {}
    for e in entities:
        for name in (e.name, *e.aliases):
            by_name.setdefault(name.lower(), e.id)
    return tuple(
        dataclasses.replace(a, source_entity_id=by_name.get(a.source_resolved.lower()))
        if a.source_resolved and a.source_resolved.lower() in by_name else a
        for a in attributions
    )
