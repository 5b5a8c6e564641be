"""After an ingest: link the new articles' claims and find the disputes they can change.

Relinking every stored claim after each ingest costs time linear in the store. Instead each stored
article that is not yet mapped (``Store.unmapped_article_ids``, in ingest order) is mapped on its
own, in one transaction:

1. its claims are embedded and keyed (``knowledge.linking.claim_keys``: content terms, LSH buckets);
2. the store looks up candidates among the claims already indexed (shared discriminating terms,
   the nearest claims in each shared bucket), and ``knowledge.linking.link_new_claims`` scores them
   as ``link_claims`` would, with the store's document frequencies;
3. disputes are found again over the *affected* articles: this one, the stored articles a new link
   reaches where either claim denies or the article holds disputes (``_dispute_reach``), and every
   article sharing a stored dispute with those (so replacing their disputes loses none); the result
   replaces every stored dispute touching them. The dispute rules read the new claims' embeddings and
   the stored ones (``claim_vectors``): a claim is embedded once, when its article is mapped.

Mapping one article at a time makes the map depend only on the order articles were stored, not on
how they were grouped into ingests. What differs from one ``build_claim_map`` over everything is
measured in docs/store.md: a pair scored when its later claim arrived keeps that score, though
later claims move the IDF, and ``find_disputes`` weighs terms over the affected articles only.
"""
from __future__ import annotations

import logging
from collections import Counter

import numpy as np

from claimscope.knowledge.claimmap import ClaimMap
from claimscope.knowledge.disputes import find_disputes
from claimscope.knowledge.linking import (
    LOOKUP_LIMIT,
    WINDOW,
    claim_keys,
    content_terms,
    discriminating_terms,
    embed_or_none,
    link_new_claims,
)
from claimscope.model import ArticleAnalysis, Claim, ClaimLink, Dispute, Stance
from claimscope.runner.entities import update_entities
from claimscope.store.store import Store

logger = logging.getLogger(__name__)

VECTOR_DTYPE = np.dtype("<f4")  # stored embeddings: little-endian float32, as embed() gives them


def update_claim_map(store: Store, *, use_embeddings: bool = True) -> ClaimMap:
    """Merge new entities across the store (``runner.entities``), then map every stored article not
    mapped yet; returns the links and disputes this update stored.

    Safe to repeat: an article already mapped is skipped, and one whose transaction fails stays
    unmapped (nothing of it written) for the next update to retry.
    """
    update_entities(store)
    links: list[ClaimLink] = []
    disputes: dict[str, Dispute] = {}
    reset = store.count_mapped_articles() == 0
    for article_id in store.unmapped_article_ids():
        new_links, new_disputes = map_article(store, store.get_analysis(article_id),
                                              use_embeddings=use_embeddings, reset=reset)
        reset = False
        links += new_links
        for dispute in new_disputes:
            disputes[dispute.id] = dispute
    ranked = sorted(disputes.values(), key=lambda d: (-d.confidence, d.id))
    return ClaimMap(links=tuple(links), disputes=tuple(ranked))


def map_article(store: Store, analysis: ArticleAnalysis, *, use_embeddings: bool = True,
                reset: bool = False) -> tuple[list[ClaimLink], list[Dispute]]:
    """Index, link and find the disputes of one stored article (see the module docstring)."""
    article_id = analysis.article.id
    claims = list(analysis.claims)
    vectors = embed_or_none([c.text for c in claims]) if use_embeddings and claims else None
    keys = claim_keys(claims, vectors)

    new_counts = Counter(t for k in keys for t in k.terms)
    document_frequency = {t: n + new_counts.get(t, 0) for t, n in store.claim_term_counts(new_counts).items()}
    for term, n in new_counts.items():
        document_frequency.setdefault(term, n)
    documents = store.count_indexed_claims() + len(claims)
    lexical, nearby = [], []
    for k in keys:
        terms = discriminating_terms(k.terms, document_frequency, documents)
        lexical += [(k.claim_id, other) for other in store.claims_sharing_terms(terms, limit=LOOKUP_LIMIT)]
        nearby += [(k.claim_id, other) for other in store.claims_near(k.bands, window=WINDOW)]
    stored_claims = store.get_claims({other for _, other in lexical + nearby})
    # A candidate's own terms weigh in its score too: their counts, where the new claims add none.
    extra = {t for c in stored_claims for t in content_terms(c.text)} - set(new_counts)
    document_frequency.update(store.claim_term_counts(extra))
    vector_of = None
    if vectors is not None:
        vector_of = {c.id: vectors[r] for r, c in enumerate(claims)}
        vector_of.update({cid: np.frombuffer(blob, dtype=VECTOR_DTYPE)
                          for cid, blob in store.claim_vectors(c.id for c in stored_claims).items()})
    links = link_new_claims(claims, keys, stored_claims, lexical=lexical, nearby=nearby,
                            document_frequency=document_frequency, documents=documents, vectors=vector_of)

    affected = {article_id} | _dispute_reach(store, claims, stored_claims, links)
    while True:  # replacing the disputes of an article must not drop a dispute it shares with another
        grown = affected | store.dispute_partner_articles(affected)
        if grown == affected:
            break
        affected = grown
    order = store.in_ingest_order(affected - {article_id}) + [article_id]
    analyses = [analysis if a == article_id else store.get_analysis(a) for a in order]
    if vector_of is not None:  # the dispute rules read stored embeddings too: no claim is embedded twice
        vector_of.update({cid: np.frombuffer(blob, dtype=VECTOR_DTYPE) for cid, blob in store.claim_vectors(
            c.id for a in analyses for c in a.claims if c.id not in vector_of).items()})
    disputes = find_disputes(analyses, store.links_within(affected - {article_id}) + links, vector_of)

    saved = store.save_article_claim_map(
        article_id,
        terms=[(t, k.claim_id) for k in keys for t in k.terms],
        bands=[(key, position, k.claim_id) for k in keys for key, position in k.bands],
        vectors=[] if vectors is None else [(c.id, vectors[r].astype(VECTOR_DTYPE).tobytes())
                                            for r, c in enumerate(claims)],
        links=links, disputes=disputes, affected_article_ids=affected, reset=reset)
    if not saved:  # another updater mapped it meanwhile
        return [], []
    logger.info("%s: article %s mapped: %d claims, %d links, %d disputes over %d affected articles",
                store.where, article_id, len(claims), len(links), len(disputes), len(affected))
    return links, disputes


def _dispute_reach(store: Store, claims: list[Claim], stored_claims: list[Claim], links: list[ClaimLink]) -> set[str]:
    """Stored articles whose disputes a new article's links can change.

    find_disputes joins articles only through denials (a DENY claim answering another party's
    assertion) and through disputes already found (merging, widening the asserting side); so a
    stored article counts when a link joins it to the new article and either claim denies, or it
    holds disputes. Links between two assertions elsewhere change no dispute, and leaving them out
    keeps the affected set small where a story is echoed in many articles.
    """
    by_id = {c.id: c for c in [*claims, *stored_claims]}
    new_ids = {c.id for c in claims}
    reach: dict[str, bool] = {}
    for link in links:
        for new, other in ((link.claim_a, link.claim_b), (link.claim_b, link.claim_a)):
            if new in new_ids and other not in new_ids and other in by_id:
                denies = Stance.DENY in (by_id[new].stance, by_id[other].stance)
                article = by_id[other].article_id
                reach[article] = reach.get(article, False) or denies
    with_disputes = store.dispute_partner_articles(reach)
    return {a for a, denies in reach.items() if denies or a in with_disputes}

