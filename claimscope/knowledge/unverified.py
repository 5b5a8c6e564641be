"""Unverified markers: where the reporter says a claim could not be checked, and which claims.

A wire story's "Reuters could not independently verify the battlefield assertions of either side"
is the one line that tells a reader the preceding claims are unchecked. The marker is the
sentence holding a verification phrase; what it covers depends on its object: a plural or
"either side"/"both sides" object covers every claim of the stretch before it (back to the
previous marker, at most ``STRETCH_PARAGRAPHS`` paragraphs), a singular one ("the report could
not be confirmed") the nearest claim before it.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from claimscope.knowledge.claims import sentence_bounds
from claimscope.model import Article, Attribution, Claim, Stance, UnverifiedMarker

# Verification phrases (data): each says the reporter could not check something.
UNVERIFIED_PATTERNS: tuple[str, ...] = (
    r"could not (?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed))",
    r"(?:can|could)not (?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)",
    r"(?:was|were|is|are|has|have) not (?:been )?(?:independently )?(?:verified|confirmed|corroborated)",
    r"unable to (?:independently )?(?:verify|confirm|corroborate)",
    r"(?:was|is) not (?:immediately )?(?:possible|able) to (?:independently )?(?:verify|confirm)",
    r"no independent (?:confirmation|verification)",
    r"not independently (?:verified|confirmed)",
    r"\bunverified\b",
    r"\bunconfirmed\b",
    r"did not (?:immediately )?(?:verify|confirm) (?:the|those|these|that)",
)
_PATTERN = re.compile("|".join(f"(?:{p})" for p in UNVERIFIED_PATTERNS), re.I)

# An object that spans several claims ("the battlefield assertions of either side").
_WIDE_OBJECT = re.compile(r"\b(?:either side|both sides|all sides|each side|the claims|these claims|those claims|"
                          r"the assertions|assertions|claims|reports|accounts|figures|statements|allegations|"
                          r"details|the tolls?|casualty figures)\b", re.I)
STRETCH_PARAGRAPHS = 6
# Stances whose content is a checkable statement of fact.
CHECKABLE = frozenset({Stance.ASSERT, Stance.DENY, Stance.CONFIRM, Stance.ACCUSE})


def find_unverified(article: Article, claims: Sequence[Claim],
                    attributions: Sequence[Attribution]) -> list[UnverifiedMarker]:
    """Every verification-disclaimer sentence, with the ids of the claims it leaves unchecked."""
    text = article.text
    paragraphs = article.paragraph_spans()
    positions = {c.id: _claim_span(c, attributions) for c in claims}
    out: list[UnverifiedMarker] = []
    previous_end = 0
    for m in _PATTERN.finditer(text):
        start, end = sentence_bounds(text, m.start(), m.end())
        if out and out[-1].start == start:
            continue
        para = next((i for i, (s, e) in enumerate(paragraphs) if s <= m.start() < e + 2), 0)
        floor = max(previous_end, paragraphs[max(0, para - STRETCH_PARAGRAPHS)][0])
        before = [c for c in claims
                  if floor <= positions[c.id][0] and positions[c.id][1] <= start and c.stance in CHECKABLE]
        if _WIDE_OBJECT.search(text[m.start():end]) or _WIDE_OBJECT.search(text[start:m.start()]):
            covers = tuple(c.id for c in before)
        else:
            covers = (before[-1].id,) if before else ()
        out.append(UnverifiedMarker(text=text[start:end], start=start, end=end, covers=covers))
        previous_end = end
    return out


def mark_unverified(claims: Sequence[Claim], markers: Sequence[UnverifiedMarker]) -> list[Claim]:
    """The claims with ``unverified=True`` on those a marker covers (records are replaced, not edited)."""
    covered = {cid for m in markers for cid in m.covers}
    return [dataclasses.replace(c, unverified=True) if c.id in covered else c for c in claims]


def _claim_span(claim: Claim, attributions: Sequence[Attribution]) -> tuple[int, int]:
    if 0 <= claim.attribution_index < len(attributions):
        att = attributions[claim.attribution_index]
        if att.contents:
            return att.contents[0].start, att.contents[-1].end
    return -1, -1


__all__ = ["UNVERIFIED_PATTERNS", "find_unverified", "mark_unverified"]
