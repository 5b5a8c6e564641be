"""Property: any ArticleAnalysis saved to the store comes back equal, on both engines."""
from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope.model import (
    PARAGRAPH_SEPARATOR,
    Article,
    ArticleAnalysis,
    Attribution,
    PublishedFrom,
    SourceSegment,
    Span,
    Stance,
)
from claimscope.store import SaveStatus

# PostgreSQL text cannot hold NUL; ingest's decoder never produces it, so the property skips it.
TEXT = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=40)
OPTIONAL = st.none() | TEXT


@st.composite
def analyses(draw) -> ArticleAnalysis:
    article_id = uuid.uuid4().hex  # each example a fresh id, so none is "unchanged"
    paragraphs = tuple(draw(st.lists(TEXT, min_size=1, max_size=4)))
    text = PARAGRAPH_SEPARATOR.join(paragraphs)

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        return Span.of(text, start, draw(st.integers(start, len(text))))

    article = Article(
        id=article_id,
        headline=draw(OPTIONAL),
        paragraphs=paragraphs,
        captions=tuple(draw(st.lists(TEXT, max_size=2))),
        photo_credits=tuple(draw(st.lists(TEXT, max_size=2))),
        subheadings=tuple(draw(st.lists(TEXT, max_size=2))),
        published=draw(OPTIONAL),
        published_from=draw(st.none() | st.sampled_from(PublishedFrom)),
        agency=draw(OPTIONAL),
        url=draw(OPTIONAL),
        outlet=draw(OPTIONAL),
        language=draw(st.none() | st.sampled_from(["en", "de", "ru"])),
        source_file=draw(OPTIONAL),
        source_map=tuple(
            SourceSegment(start=s, end=s + n, raw_start=r)
            for s, n, r in draw(st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 10**9)), max_size=3))
        ),
        notes=tuple(draw(st.lists(TEXT, max_size=2))),
    )
    attributions = tuple(
        Attribution(
            article_id=article_id,
            source=span() if draw(st.booleans()) else None,
            cue=span() if draw(st.booleans()) else None,
            contents=tuple(span() for _ in range(draw(st.integers(0, 3)))),
            stance=draw(st.sampled_from(Stance)),
            direct=draw(st.booleans()),
            confidence=draw(st.floats(0.0, 1.0)),
            source_resolved=draw(OPTIONAL),
            source_entity_id=draw(OPTIONAL),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    return ArticleAnalysis(article=article, attributions=attributions)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(analysis=analyses())
def test_store_roundtrip_analysis_equal(store, analysis):
    assert SaveStatus.NEW == store.save(analysis, check_near_duplicates=False).status
    assert analysis == store.get_analysis(analysis.article.id)
