"""The span finder: cue, source and content spans of every attribution in a parsed Doc.

Two CRFs trained on PolNeAR (see ``train.py`` and docs/attribution-model.md) run in turn:

1. the cue tagger marks cue tokens (BIO) paragraph by paragraph;
2. for each cue found, the role tagger reads that cue's paragraph with cue-relative features
   and marks the cue's own source and content tokens, so no separate linking step can pair a
   content with the wrong cue.

Spans come back as character offsets into ``doc.text``, in PolNeAR's conventions (what the
annotators include, e.g. a closing quote mark, is learned from the gold).
"""
from __future__ import annotations

import functools
import gzip
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from claimscope.attribution.features import (
    DocView,
    build_view,
    char_span,
    cue_features,
    role_features,
    role_window,
)

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).parent / "models"
CUE_MODEL = "cue.crfsuite"
ROLE_MODEL = "role.crfsuite"
LEXICON_FILE = "cue_lexicon.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class SpanTriple:
    """One attribution's spans as half-open character ranges into ``doc.text``.

    ``confidence`` is the role tagger's mean marginal probability over the cue tokens' labels
    times the cue tagger's, a rough score in [0, 1] for ranking, not a calibrated probability.
    """

    cue: tuple[int, int]
    sources: tuple[tuple[int, int], ...]
    contents: tuple[tuple[int, int], ...]
    confidence: float


@dataclass(slots=True)
class AttributionModel:
    """The two trained taggers and the cue lexicon they were trained with."""

    cue_tagger: pycrfsuite.Tagger
    role_tagger: pycrfsuite.Tagger
    lexicon: dict[str, float]
    buffers: list[bytes] = field(default_factory=list)  # in-memory model bytes the taggers read


def _open_tagger(path: Path, buffers: list[bytes]) -> pycrfsuite.Tagger:
    """A tagger from ``path``, or from ``path.gz`` (the committed form: 4x smaller) in memory."""
    tagger = pycrfsuite.Tagger()
    if path.exists():
        tagger.open(str(path))
        return tagger
    with gzip.open(f"{path}.gz", "rb") as f:
        data = f.read()
    buffers.append(data)  # crfsuite reads the model from this buffer: keep it alive
    tagger.open_inmemory(data)
    return tagger


def load_model(model_dir: str | os.PathLike = MODEL_DIR) -> AttributionModel:
    """Open a trained model folder (``cue.crfsuite[.gz]``, ``role.crfsuite[.gz]``, ``cue_lexicon.json``)."""
    model_dir = Path(model_dir)
    buffers: list[bytes] = []
    cue = _open_tagger(model_dir / CUE_MODEL, buffers)
    role = _open_tagger(model_dir / ROLE_MODEL, buffers)
    with open(model_dir / LEXICON_FILE, encoding="utf-8") as f:
        lexicon = json.load(f)
    return AttributionModel(cue_tagger=cue, role_tagger=role, lexicon=lexicon, buffers=buffers)


@functools.lru_cache(maxsize=1)
def default_model() -> AttributionModel:
    """The committed model, loaded once per process."""
    return load_model(MODEL_DIR)


def bio_chunks(labels: list[str], kind: str) -> list[tuple[int, int]]:
    """Positions ``[s, e)`` of the ``kind`` chunks in a BIO label list (an I without B starts one)."""
    out = []
    start = None
    for k, lab in enumerate(labels):
        if lab == "B-" + kind or (lab == "I-" + kind and start is None):
            if start is not None:
                out.append((start, k))
            start = k
        elif lab != "I-" + kind:
            if start is not None:
                out.append((start, k))
            start = None
    if start is not None:
        out.append((start, len(labels)))
    return out


# Extra cue recall: a token the Viterbi path leaves outside every cue still starts one when its
# marginal P(B-CUE) reaches this; the cue then runs on while P(I-CUE) >= 0.5. Tuned on PolNeAR
# dev (docs/attribution-model.md); 1.0 turns it off.
CUE_START_MIN_P = 1.0
# A cue for which the role tagger finds no content is dropped: PolNeAR gold has content for
# all but 1 of 2,193 dev attributions.
DROP_CUES_WITHOUT_CONTENT = True
# Content pieces separated by at most this many tokens, none of them a cue or source, are joined
# (see _merge_contents); -1 turns it off. Tuned on PolNeAR dev.
MERGE_CONTENT_GAP_MAX = 1000
# When the role tagger's best path has no content, fall back to the likeliest content run if
# its tokens' marginal P(content) reach this; 1.0 turns it off. Tuned on PolNeAR dev.
CONTENT_FALLBACK_MIN_P = 0.2


def tag_cues(model: AttributionModel, view: DocView, start_min_p: float = CUE_START_MIN_P,
             cue_p: list[float] | None = None) -> list[tuple[tuple[int, int], float]]:
    """Cue token ranges with the tagger's mean marginal over their tokens.

    With ``cue_p`` (a list as long as the Doc), each tagged token's P(inside a cue) is written there.
    """
    cues = []
    tagger = model.cue_tagger
    for para in view.paragraphs:
        labels = tagger.tag(cue_features(view, para))
        if cue_p is not None:
            for k, i in enumerate(para):
                cue_p[i] = 1.0 - tagger.marginal("O", k)
        if start_min_p < 1.0:
            labels = _add_likely_cues(tagger, labels, start_min_p)
        for s, e in bio_chunks(labels, "CUE"):
            conf = sum(tagger.marginal(labels[k], k) for k in range(s, e)) / (e - s)
            cues.append(((para[s], para[e - 1] + 1), conf))
    return cues


def _add_likely_cues(tagger, labels: list[str], start_min_p: float) -> list[str]:
    labels = list(labels)
    k = 0
    while k < len(labels):
        if labels[k] == "O" and tagger.marginal("B-CUE", k) >= start_min_p:
            labels[k] = "B-CUE"
            k += 1
            while k < len(labels) and labels[k] == "O" and tagger.marginal("I-CUE", k) >= 0.5:
                labels[k] = "I-CUE"
                k += 1
            continue
        k += 1
    return labels


def tag_roles(model: AttributionModel, view: DocView, cue: tuple[int, int],
              other_cues: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]], float]:
    """Source and content token ranges of one cue, and the tagger's mean marginal over them."""
    window = role_window(view, *cue)
    tagger = model.role_tagger
    labels = tagger.tag(role_features(view, window, cue[0], cue[1], other_cues))
    found = []
    marg = []
    for kind in ("S", "C"):
        chunks = []
        for s, e in bio_chunks(labels, kind):
            if window[e - 1] - window[s] != e - 1 - s:
                # a chunk across a paragraph break: split it where the tokens jump
                cut = s
                for k in range(s + 1, e):
                    if window[k] != window[k - 1] + 1:
                        chunks.append((window[cut], window[k - 1] + 1))
                        cut = k
                chunks.append((window[cut], window[e - 1] + 1))
            else:
                chunks.append((window[s], window[e - 1] + 1))
            marg.extend(tagger.marginal(labels[k], k) for k in range(s, e))
        found.append(chunks)
    if not found[1] and CONTENT_FALLBACK_MIN_P < 1.0:
        found[1] = _likely_content(tagger, window, cue, CONTENT_FALLBACK_MIN_P)
    conf = sum(marg) / len(marg) if marg else 0.5
    return found[0], _merge_contents(found[1], cue, found[0], other_cues, view), conf


def _likely_content(tagger, window: list[int], cue: tuple[int, int], min_p: float) -> list[tuple[int, int]]:
    """When the best path has no content, the run of tokens around the most likely content token
    whose marginal P(content) stays >= ``min_p`` (outside the cue)."""
    p = [tagger.marginal("B-C", k) + tagger.marginal("I-C", k) for k in range(len(window))]
    best = max(range(len(p)), key=p.__getitem__, default=None)
    if best is None or p[best] < min_p:
        return []
    s = e = best
    inside = lambda k: p[k] >= min_p and not cue[0] <= window[k] < cue[1]
    while s > 0 and inside(s - 1) and window[s - 1] == window[s] - 1:
        s -= 1
    while e + 1 < len(p) and inside(e + 1) and window[e + 1] == window[e] + 1:
        e += 1
    return [(window[s], window[e] + 1)]


def _merge_contents(contents, cue, sources, other_cues, view: DocView, max_gap: int | None = None):
    """Join content pieces split by a gap that holds no cue and no source.

    In PolNeAR a content in several fragments is nearly always a quote split around its cue
    (271 of 323 gaps on dev hold the cue, 222 a source too); a gap with neither is usually
    the tagger losing a few tokens in the middle of one content.
    """
    max_gap = MERGE_CONTENT_GAP_MAX if max_gap is None else max_gap
    if len(contents) < 2 or max_gap < 0:
        return contents
    blocked = set(range(*cue))
    for s, e in list(sources) + list(other_cues):
        blocked.update(range(s, e))
    out = [contents[0]]
    for s, e in contents[1:]:
        ps, pe = out[-1]
        gap = range(pe, s)
        if (len(gap) <= max_gap and not any(i in blocked for i in gap)
                and view.para_of[ps] == view.para_of[s]):
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def find_token_spans(doc: Doc, model: AttributionModel | None = None, *,
                     start_min_p: float = CUE_START_MIN_P, drop_contentless: bool = DROP_CUES_WITHOUT_CONTENT,
                     cue_p: list[float] | None = None):
    """Like :func:`find_attribution_spans` but in token ranges: ``(cue, sources, contents, conf)``."""
    model = model or default_model()
    view = build_view(doc, model.lexicon)
    cues = tag_cues(model, view, start_min_p, cue_p)
    cue_ranges = [c for c, _ in cues]
    out = []
    for cue, cue_conf in cues:
        others = [c for c in cue_ranges if c != cue]
        sources, contents, role_conf = tag_roles(model, view, cue, others)
        if drop_contentless and not contents:
            continue
        out.append((cue, nearest_source(sources, cue), contents, cue_conf * role_conf))
    return out


def nearest_source(sources: list[tuple[int, int]], cue: tuple[int, int]) -> list[tuple[int, int]]:
    """The one source chunk nearest the cue.

    PolNeAR gives an attribution one source span (dev: none of 2,193 has two); when the role tagger
    marks two chunks ("Donald Trump ... he said"), the one next to the cue is the gold one in 33 of
    42 dev cases.
    """
    if len(sources) < 2:
        return sources
    return [min(sources, key=lambda s: max(cue[0] - s[1], s[0] - cue[1], 0))]


def find_attribution_spans(doc: Doc, model: AttributionModel | None = None, *,
                           cue_p: list[float] | None = None) -> list[SpanTriple]:
    """Every attribution the model finds in ``doc``, in document order of cues.

    ``doc`` should come from ``build_nlp()`` (the features read its tags and parse). With
    ``cue_p`` (a list as long as the Doc), the cue tagger's P(token inside a cue) is written there:
    the parse rules use it to ask the model about a cue it did not choose.
    """
    out = []
    for cue, sources, contents, conf in find_token_spans(doc, model, cue_p=cue_p):
        out.append(SpanTriple(
            cue=char_span(doc, *cue),
            sources=tuple(char_span(doc, s, e) for s, e in sources),
            contents=tuple(char_span(doc, s, e) for s, e in contents),
            confidence=max(0.0, min(1.0, conf)),
        ))
    return out


__all__ = ["AttributionModel", "SpanTriple", "default_model", "find_attribution_spans", "load_model"]
