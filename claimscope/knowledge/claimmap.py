"""The cross-article step: link claims about one proposition and find disputes across articles.

Per-article records come from ``analysis.analyze_article``; this runs once over a set of analyses
(the inputs of one ``analyze`` call, or everything in a store after an ingest).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from claimscope.knowledge.disputes import find_disputes
from claimscope.knowledge.linking import embed_or_none, link_claims
from claimscope.model import ArticleAnalysis, ClaimLink, Dispute


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimMap:
    links: tuple[ClaimLink, ...]
    disputes: tuple[Dispute, ...]


def build_claim_map(analyses: Sequence[ArticleAnalysis]) -> ClaimMap:
    """Claim links (sub-quadratic index) and every dispute within and across the analyses.

    Each claim is embedded once, here: the linker and the dispute rules read the same vectors."""
    claims = [c for a in analyses for c in a.claims]
    embeddings = embed_or_none([c.text for c in claims]) if len(claims) >= 2 else None
    links = link_claims(claims, embeddings=embeddings, use_embeddings=embeddings is not None)
    vectors = None if embeddings is None else {c.id: embeddings[r] for r, c in enumerate(claims)}
    return ClaimMap(links=tuple(links), disputes=tuple(find_disputes(analyses, links, vectors)))


def attach_disputes(analyses: Sequence[ArticleAnalysis], disputes: Sequence[Dispute]) -> list[ArticleAnalysis]:
    """Each analysis with the disputes whose evidence lies (at least partly) in its own article."""
    return [dataclasses.replace(a, disputes=tuple(d for d in disputes if a.article.id in d.articles))
            for a in analyses]
