"""Stance: the speech act a source performs on its content.

The rule (the seed gold's): the cue decides when it carries a stance (denied, praised, warned,
"could not verify", "was unconvinced"); for a neutral cue (said, told, added) the content decides:
it says a claim is false or contradicts another party's claim in the same article -> deny; it
blames -> accuse; it states a future outcome (will, would, going to; not under "if") -> predict;
otherwise assert. Negation turns a stance cue into "other" ("did not deny"), and "could not verify"
into question. Evaluative cues ("described as", "seen as") take the polarity of the evaluation.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimscope.attribution.lexicon import (
    ADJECTIVE_CUES,
    BLAME_LEMMAS,
    CONDITIONAL_MARKERS,
    EVALUATIVE_CUES,
    FALSITY_LEMMAS,
    FINITE_TAGS,
    FUTURE_AUXILIARIES,
    FUTURE_PHRASES,
    HARM_NOUNS,
    HARM_PREPOSITIONS,
    INABILITY_MODALS,
    NEGATIVE_LEMMAS,
    NOUN_CUES,
    PERSISTENCE_LEMMAS,
    POSITIVE_LEMMAS,
    TERMINATION_LEMMAS,
    TRUTH_LEMMAS,
    VERB_CUES,
    VERIFY_LEMMAS,
)
from claimscope.attribution.rules import cue_lemma
from claimscope.model import Stance

# Stances by which a participle ("..., saying they had shown heroism") inherits its head's act.
INHERITED = frozenset({Stance.PRAISE, Stance.CRITICIZE, Stance.ACCUSE, Stance.DENY})
# Stances a content must carry to be contradicted: what a party put forward as fact.
CLAIMING = frozenset({Stance.ASSERT, Stance.CONFIRM, Stance.PREDICT})


@dataclass(frozen=True, slots=True, kw_only=True)
class CueReading:
    """What the cue says about stance: a fixed stance, or ``None`` when the content decides."""

    stance: Stance | None
    evaluative: bool = False


def read_cue(doc: Doc, start: int, end: int) -> CueReading:
    """Read the cue's words: its lexicon entry, negation and "neither ... nor"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return CueReading(stance=None)
    words = {t.lower_ for t in span}
    if "neither" in words and "nor" in words:
        return CueReading(stance=Stance.OTHER)
    head = _cue_head(span)
    if head is None:
        return CueReading(stance=None)
    lemma = cue_lemma(head)
    negated = any(c.dep_ == "neg" for c in head.children) or bool(words & {"not", "n't", "never"})
    if head.lower_ in ADJECTIVE_CUES or (head.pos_ == "ADJ" and lemma in ADJECTIVE_CUES):
        stance = ADJECTIVE_CUES.get(head.lower_, ADJECTIVE_CUES.get(lemma))
    elif head.pos_ == "NOUN":
        stance = NOUN_CUES.get(lemma)
    else:
        stance = VERB_CUES.get(lemma)
    if negated:
        modals = {c.lemma_.lower() for c in head.children if c.dep_ == "aux"}
        if lemma in VERIFY_LEMMAS and modals & INABILITY_MODALS:
            return CueReading(stance=Stance.QUESTION)
        return CueReading(stance=Stance.OTHER)
    if stance is None and head.dep_ in ("advcl", "xcomp", "conj") and head.tag_ == "VBG":
        parent = VERB_CUES.get(cue_lemma(head.head))
        if parent in INHERITED:
            return CueReading(stance=parent)
    return CueReading(stance=stance, evaluative=stance is None and lemma in EVALUATIVE_CUES)


def content_stance(doc: Doc, contents: tuple[tuple[int, int], ...], *, evaluative: bool = False) -> Stance:
    """The stance a neutral cue's content decides (the contradiction test needs the whole article:
    see :func:`find_contradictions`)."""
    tokens = [t for start, end in contents
              for t in (doc.char_span(start, end, alignment_mode="expand") or [])]
    lemmas = [t.lemma_.lower() for t in tokens]
    if evaluative:
        pos = sum(lem in POSITIVE_LEMMAS for lem in lemmas)
        neg = sum(lem in NEGATIVE_LEMMAS for lem in lemmas)
        if pos > neg:
            return Stance.PRAISE
        if neg > pos:
            return Stance.CRITICIZE
        return Stance.ASSERT
    if not any(t.tag_ in FINITE_TAGS or t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tokens):
        return Stance.OTHER
    if any(lem in FALSITY_LEMMAS for lem in lemmas):
        return Stance.DENY
    if any(t.lemma_.lower() in TRUTH_LEMMAS and t.dep_ in ("acomp", "attr", "ROOT", "ccomp") for t in tokens):
        return Stance.CONFIRM
    if _blames(tokens):
        return Stance.ACCUSE
    if _is_future(tokens, lemmas):
        return Stance.PREDICT
    return Stance.ASSERT


def find_contradictions(doc: Doc, items: list[tuple[str | None, Stance, tuple[tuple[int, int], ...]]],
                        neutral: list[bool]) -> set[int]:
    """Indexes of neutral-cue items whose content contradicts another party's claim: something goes
    on "still" or "continuing" in a place where another source said it had ended ("expelled",
    "liquidated", "completed")."""
    facts = []
    for source, stance, contents in items:
        tokens = _tokens(doc, contents)
        places = {t.lemma_.lower() for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC")}
        lemmas = {t.lemma_.lower() for t in tokens}
        facts.append((source, stance, places, lemmas))
    out: set[int] = set()
    for i, (source, _stance, places, lemmas) in enumerate(facts):
        if not neutral[i] or not lemmas & PERSISTENCE_LEMMAS or not places:
            continue
        for j, (other, other_stance, other_places, other_lemmas) in enumerate(facts):
            if j == i or other == source or other is None or other_stance not in CLAIMING:
                continue
            if places & other_places and other_lemmas & TERMINATION_LEMMAS:
                out.add(i)
                break
    return out


def _cue_head(span) -> Token | None:
    """The cue word that carries the act: the last lexicon word ("made repeated assurances")."""
    for t in reversed(list(span)):
        lemma = cue_lemma(t)
        if (t.pos_ in ("VERB", "AUX") and lemma in VERB_CUES) or t.lower_ in ADJECTIVE_CUES or \
                (t.pos_ == "ADJ" and lemma in ADJECTIVE_CUES) or \
                (t.pos_ == "NOUN" and lemma in NOUN_CUES):
            return t
    content_words = [t for t in span if t.pos_ in ("VERB", "NOUN", "ADJ")]
    return content_words[-1] if content_words else span.root


def _tokens(doc: Doc, contents) -> list[Token]:
    return [t for start, end in contents for t in (doc.char_span(start, end, alignment_mode="expand") or [])]


def _blames(tokens: list[Token]) -> bool:
    for t in tokens:
        lemma = t.lemma_.lower()
        if lemma in BLAME_LEMMAS or t.lower_ in BLAME_LEMMAS:
            return True
        if lemma in HARM_NOUNS and any(c.lower_ in HARM_PREPOSITIONS for c in t.children):
            return True
    return False


def _is_future(tokens: list[Token], lemmas: list[str]) -> bool:
    for t in tokens:
        if t.dep_ == "aux" and t.lower_ in FUTURE_AUXILIARIES:
            verb = t.head
            conditional = any(c.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKERS for m in c.children)
                              for c in verb.children)
            if not conditional:
                return True
    joined = " ".join(lemmas)
    return any(" ".join(p) in joined for p in FUTURE_PHRASES)
