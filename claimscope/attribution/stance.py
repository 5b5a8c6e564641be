"""Stance: the speech act a source performs on its content.

The rule (the seed gold's): the cue decides when it carries a stance (denied, praised, warned,
"could not verify", "was unconvinced"); for a neutral cue (said, told, added) the content decides:
it says a claim is false or contradicts another party's claim in the same article -> deny; it
blames -> accuse; it states a future outcome (will, would, going to, likely to, "expected more
clashes"; not under "if" unless the content opens on the "will" clause) -> predict; otherwise assert. Negation turns a stance cue into "other" ("did not deny"), and "could not verify"
into question. Evaluative cues ("described as", "seen as") take the polarity of the evaluation.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimscope.attribution.lexicon import (
    ADJECTIVE_CUES,
    ASSERTING_OBJECT_VERBS,
    BLAME_LEMMAS,
    CONDITIONAL_MARKERS,
    CRITICISM_LEMMAS,
    CRITICISM_PHRASES,
    DENIAL_PHRASES,
    DOUBT_WHEN_NEGATED,
    EMBEDDED_QUESTION_WORDS,
    EVALUATIVE_CUES,
    FALSITY_FORMS,
    FALSITY_LEMMAS,
    FINITE_TAGS,
    FORESEEING_VERBS,
    FUTURE_AUXILIARIES,
    FUTURE_PHRASES,
    FUTURE_VERBS,
    HARM_NOUNS,
    HARM_PREPOSITIONS,
    INNOCENCE_LEMMAS,
    INNOCENCE_PHRASES,
    INABILITY_MODALS,
    NEG_RAISING,
    NEGATIVE_LEMMAS,
    NON_CLAIM_NOUNS,
    NOUN_CUES,
    PHRASAL_CUES,
    POSITIVE_LEMMAS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_VERBS,
    TRUTH_LEMMAS,
    VERB_CUES,
    VERIFY_LEMMAS,
    WOULD_NON_FUTURE_VERBS,
    WOULD_NON_FUTURE_WORDS,
)
from claimscope.attribution.rules import cue_lemma
from claimscope.model import Stance

# Stances by which a participle ("..., saying they had shown heroism") inherits its head's act.
INHERITED = frozenset({Stance.PRAISE, Stance.CRITICIZE, Stance.ACCUSE, Stance.DENY})
NEGATION_WORDS = frozenset({"not", "n't", "never", "nor"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Every verb-cue lookup sees both lexicons: the cue finder's and the stance-only one.
_VERBS: dict[str, Stance | None] = {**STANCE_VERBS, **VERB_CUES}
_NOUNS: dict[str, Stance | None] = {**STANCE_NOUNS, **NOUN_CUES}
_ADJECTIVES: dict[str, Stance] = {**STANCE_ADJECTIVES, **ADJECTIVE_CUES}


@dataclass(frozen=True, slots=True, kw_only=True)
class CueReading:
    """What the cue says about stance: a fixed stance, or ``None`` when the content decides."""

    stance: Stance | None
    evaluative: bool = False


def read_cue(doc: Doc, start: int, end: int) -> CueReading:
    """Read the cue's words: its lexicon entry, negation and "neither ... nor", and the few
    constructions that change what the entry says: a directive ("urged X to", "calls on X to")
    makes no claim; "rejected a request" denies no claim; "does not expect" still predicts."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return CueReading(stance=None)
    words = {t.lower_ for t in span}
    if "neither" in words and "nor" in words:
        return CueReading(stance=Stance.OTHER)
    head = _cue_head(span)
    if head is None:
        return CueReading(stance=None)
    lemma = _lemma(head)
    negated = any(c.dep_ == "neg" and c.i < head.i for c in head.children) or bool(words & NEGATION_WORDS)
    stance = _phrasal(head, span)
    if stance is None:
        stance = _entry(head, lemma)
    if negated:
        return _negated(head, lemma, stance)
    if stance is Stance.DENY and any(c.dep_ == "dobj" and c.lemma_.lower() in NON_CLAIM_NOUNS for c in head.children):
        return CueReading(stance=Stance.OTHER)
    if stance is not Stance.PREDICT and _is_directive(head):
        return CueReading(stance=Stance.OTHER)
    if stance is None and head.dep_ in ("advcl", "xcomp", "conj") and head.tag_ == "VBG":
        parent = _VERBS.get(_lemma(head.head))
        if parent in INHERITED:
            return CueReading(stance=parent)
    return CueReading(stance=stance, evaluative=stance is None and lemma in EVALUATIVE_CUES)


def content_stance(doc: Doc, contents: tuple[tuple[int, int], ...], *, evaluative: bool = False) -> Stance:
    """The stance a neutral cue's content decides (the contradiction test needs the whole article:
    see sides.py).

    First the content's form: a bare noun phrase, an infinitive, a gerund or an embedded question
    ("whether ...") makes no claim (other), unless the verb governing it puts a noun phrase
    forward as a claim ("cited the figure"). Then, for a claim, in order: false/baseless or an
    emphatic denial -> deny; true/correct at its top -> confirm; a question -> question; blame or
    fault -> accuse; a future outcome -> predict; otherwise assert."""
    tokens = _tokens(doc, contents)
    lemmas = [t.lemma_.lower() for t in tokens]
    if evaluative:
        return _evaluation(tokens, lemmas)
    plea = _plea(tokens)
    if plea is not None:
        return plea
    ids = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    form = _form(tokens, tops)
    if form != "clause":
        if form == "phrase" and _governor_asserts(tops, ids):
            return Stance.ASSERT
        return Stance.OTHER
    if any(lem in FALSITY_LEMMAS for lem in lemmas) or any(t.lower_ in FALSITY_FORMS for t in tokens) \
            or _has_phrase(lemmas, DENIAL_PHRASES) or _claims_innocence(tokens, tops):
        return Stance.DENY
    if any(t.lemma_.lower() in TRUTH_LEMMAS and (t in tops or t.head in tops) and t.dep_ in ("acomp", "attr", "ROOT", "ccomp")
           for t in tokens):
        return Stance.CONFIRM
    if _is_question(tokens):
        return Stance.QUESTION
    if _denies_blame(tokens):
        return Stance.DENY
    if _blames(tokens) or _faults(tokens, lemmas):
        return Stance.ACCUSE
    if _is_future(tokens, lemmas, tops):
        return Stance.PREDICT
    return Stance.ASSERT


def _claims_innocence(tokens: list[Token], tops: list[Token]) -> bool:
    """"he was innocent", "We have nothing to hide", "did nothing wrong", said in the content's main
    clause (INNOCENCE_PHRASES)."""
    top_ids = {t.i for t in tops}

    def in_main_clause(t: Token) -> bool:
        verb = t
        while verb.head.i != verb.i and verb.i not in top_ids and (
                verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("acl", "relcl", "xcomp")):
            verb = verb.head  # through "nothing to hide": an infinitive on a noun stays in its clause
        return verb.i in top_ids or (verb.dep_ == "conj" and verb.head.i in top_ids)

    main = [t for t in tokens if in_main_clause(t)]
    return any(t.lemma_.lower() in INNOCENCE_LEMMAS and t.dep_ in ("acomp", "attr") for t in main) \
        or _has_phrase([t.lemma_.lower() for t in main], INNOCENCE_PHRASES)


def _plea(tokens: list[Token]) -> Stance | None:
    """A plea in court: "pleaded not guilty" / "innocent" denies the charge, "pleaded guilty" admits it."""
    words = [t.lower_ for t in tokens if not t.is_punct][:3]
    if not words or not tokens[0].head.lemma_.lower() == "plead" and tokens[0].head.head.lemma_.lower() != "plead":
        return None
    if words[:2] == ["not", "guilty"] or words[0] == "innocent":
        return Stance.DENY
    return Stance.CONFIRM if words[0] == "guilty" else None


def _lemma(tok: Token) -> str:
    """The cue lemma, repaired as rules.cue_lemma does, also for the stance-only verbs ("rated")."""
    lemma = cue_lemma(tok)
    return lemma if lemma in _VERBS else cue_lemma(tok, _VERBS)


def _is_cue_word(t: Token) -> bool:
    lemma = _lemma(t)
    return (t.pos_ in ("VERB", "AUX") and lemma in _VERBS) or t.lower_ in _ADJECTIVES or \
        (t.pos_ == "ADJ" and lemma in _ADJECTIVES) or (t.pos_ == "NOUN" and lemma in _NOUNS)


def _cue_head(span) -> Token | None:
    """The cue word that carries the act: the last lexicon word ("made repeated assurances")."""
    for t in reversed(list(span)):
        if _is_cue_word(t):
            return t
    content_words = [t for t in span if t.pos_ in ("VERB", "NOUN", "ADJ")]
    return content_words[-1] if content_words else span.root


def _entry(head: Token, lemma: str) -> Stance | None:
    if head.lower_ in _ADJECTIVES or (head.pos_ == "ADJ" and lemma in _ADJECTIVES):
        return _ADJECTIVES.get(head.lower_, _ADJECTIVES.get(lemma))
    if head.pos_ == "NOUN" and (lemma in _NOUNS or head.tag_ != "NNS"):
        return _NOUNS.get(lemma)
    return _VERBS.get(lemma)  # a verb the tagger read as a plural noun: "a figure the city disputes"


def _phrasal(head: Token, span) -> Stance | None:
    """A verb and its particle or preposition ("went after", "is speaking out")."""
    for t in span:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        for c in t.children:
            if c.dep_ in ("prt", "prep") and (_lemma(t), c.lower_) in PHRASAL_CUES:
                return PHRASAL_CUES[(_lemma(t), c.lower_)]
    return None


def _negated(head: Token, lemma: str, stance: Stance | None) -> CueReading:
    """"did not deny" -> other; "could not verify", "it is not clear" -> question; "does not
    expect" -> predict; "does not think so" -> deny."""
    modals = {c.lemma_.lower() for c in head.children if c.dep_ == "aux"}
    if lemma in VERIFY_LEMMAS and modals & INABILITY_MODALS:
        return CueReading(stance=Stance.QUESTION)
    if lemma in DOUBT_WHEN_NEGATED or head.lower_ in DOUBT_WHEN_NEGATED:
        return CueReading(stance=Stance.QUESTION)
    if lemma in NEG_RAISING:
        if any(c.lower_ == "so" and c.i > head.i for c in head.children):
            return CueReading(stance=Stance.DENY)
        if stance is not None:
            return CueReading(stance=stance)
    return CueReading(stance=Stance.OTHER)


def _is_directive(head: Token) -> bool:
    """"urged residents to leave", "calls on Dean to apologize": an object (or "on" someone) and
    a "to"-infinitive: the source asks for an act and states no claim."""
    has_object = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on") for c in head.children)
    infinitive = any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
                     for c in head.children)
    return has_object and infinitive


def _form(tokens: list[Token], tops: list[Token]) -> str:
    """"clause" (a claim), "phrase" (a noun phrase), or "other" (an infinitive, a gerund, an
    embedded question)."""
    if not tokens:
        return "other"
    first = next((t for t in tokens if not t.is_punct), tokens[0])
    # "spar over whether ...", "know what those questions are"; not "if" opening a conditional,
    # nor a wh-word subject ("what [he said] was the failure of ..." claims the failure)
    if first.lower_ in EMBEDDED_QUESTION_WORDS and (first in tops or first.head in tops) \
            and first.head.dep_ != "advcl" and first.dep_ not in SUBJECT_DEPS:
        return "other"
    if any(t.dep_ in SUBJECT_DEPS for t in tops) and any(t.pos_ in ("VERB", "AUX") for t in tops):
        return "clause"  # "Melania ... to have vanished" (under "seems"): a raised subject
    for t in tops:
        if t.tag_ in FINITE_TAGS or any(c.dep_ in SUBJECT_DEPS for c in t.children):
            return "clause"
        if t.pos_ == "ADP" and t.lower_ == "as":  # "rated 22% of claims as true": a small clause
            return "clause"
        if t.dep_ in ("ccomp", "ROOT") and t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VB", "VBG"):
            return "clause"
    if all(t.pos_ in ("VERB", "AUX", "PART", "PUNCT", "ADP", "ADV") for t in tops):
        return "other"
    return "phrase"


def _governor_asserts(tops: list[Token], ids: set[int]) -> bool:
    for t in tops:
        gov = t.head
        if gov.i in ids or gov.i == t.i:
            continue
        if gov.pos_ == "ADP" and gov.head.i != gov.i:
            gov = gov.head
        if _lemma(gov) in ASSERTING_OBJECT_VERBS:
            return True
    return False


def _evaluation(tokens: list[Token], lemmas: list[str]) -> Stance:
    """An evaluative cue ("called", "described as"): what the evaluation says."""
    if any(lem in FALSITY_LEMMAS for lem in lemmas) or any(t.lower_ in FALSITY_FORMS for t in tokens):
        return Stance.DENY
    pos = sum(lem in POSITIVE_LEMMAS for lem in lemmas)
    neg = sum(lem in NEGATIVE_LEMMAS for lem in lemmas)
    evaluated = next((t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ not in ("compound", "amod")), None)
    if evaluated is not None and evaluated.lemma_.lower() in CONTESTED_NOUNS and neg > pos:
        return Stance.DENY  # "called the intimidation charge 'absurd'", "the claim 'opportunistic'"
    if _blames(tokens):
        return Stance.ACCUSE
    if pos > neg:
        return Stance.PRAISE
    if neg > pos:
        return Stance.CRITICIZE
    return Stance.ASSERT


# What an evaluative cue can call wrong without the word "false": a claim someone else made.
CONTESTED_NOUNS = frozenset({"claim", "charge", "allegation", "accusation", "suggestion", "assertion", "report",
                             "story", "account", "complaint", "lawsuit", "suit", "criticism"})


def _tokens(doc: Doc, contents) -> list[Token]:
    return [t for start, end in contents for t in (doc.char_span(start, end, alignment_mode="expand") or [])]


def _has_phrase(lemmas: list[str], phrases) -> bool:
    joined = " " + " ".join(lemmas) + " "
    return any(" " + " ".join(p) + " " in joined for p in phrases)


def _denies_blame(tokens: list[Token]) -> bool:
    """A charge named to be denied: "I don't think this is fraud", "there was no cover-up"."""
    for t in tokens:
        if t.lemma_.lower() not in BLAME_LEMMAS and t.lower_ not in BLAME_LEMMAS:
            continue
        if any(c.lower_ == "no" for c in t.children):
            return True
        verb = t
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if any(c.dep_ == "neg" for c in verb.children) or \
                (verb.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "neg" for c in verb.head.children)
                 and verb.head.lemma_.lower() in NEG_RAISING):
            return True
    return False


def _blames(tokens: list[Token]) -> bool:
    for t in tokens:
        lemma = t.lemma_.lower()
        if lemma in BLAME_LEMMAS or t.lower_ in BLAME_LEMMAS:
            return True
        if lemma in HARM_NOUNS and any(c.lower_ in HARM_PREPOSITIONS for c in t.children):
            return True
    return False


def _faults(tokens: list[Token], lemmas: list[str]) -> bool:
    """Criticism of someone in the content: fault words ("vague", "misleading"), "took them for
    granted", or a good word negated ("didn't do a good job", "wasn't satisfied")."""
    if any(lem in CRITICISM_LEMMAS for lem in lemmas) or _has_phrase(lemmas, CRITICISM_PHRASES) \
            or _has_phrase([t.lower_ for t in tokens], CRITICISM_PHRASES):
        return True
    for t in tokens:
        if t.lemma_.lower() in POSITIVE_LEMMAS | {"satisfied", "satisfy"}:
            verb = t
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if any(c.dep_ == "neg" for c in verb.children):
                return True
    return False


def _is_question(tokens: list[Token]) -> bool:
    """A content that only asks: every sentence in it ends with a question mark."""
    sents = {}
    for t in tokens:
        sent = t.sent  # built anew on each read
        sents.setdefault(sent.start, sent)
    ends = [next((t for t in reversed(list(s)) if t.text not in ('"', "'", "''", "”", "’", "“")), None)
            for s in sents.values()]
    return bool(ends) and all(e is not None and e.text == "?" for e in ends)


def _is_future(tokens: list[Token], lemmas: list[str], tops: list[Token]) -> bool:
    for t in tokens:
        if t.dep_ == "aux" and t.lower_ in FUTURE_AUXILIARIES:
            verb = t.head
            if _conditional(verb) and not (t.lower_ in ("will", "'ll", "’ll", "wo") and tops and verb.i == tops[0].i):
                continue  # a hypothesis, unless the content opens on it: "If nothing changes, no plane will fly"
            if t.lower_ in ("would", "'d", "’d") and not _would_is_future(verb, tops):
                continue
            if t.lower_ not in ("will", "'ll", "’ll", "wo", "shall") and verb.tag_ == "VBN" \
                    and any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children):
                continue  # "would have asked for a transfer": what did not happen, not a forecast
            return True
        if t.lemma_.lower() in FUTURE_VERBS and t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl") and \
                any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in t.children):
            return True
        if t.lemma_.lower() in FORESEEING_VERBS and t.pos_ == "VERB" and any(t.i == top.i for top in tops) and \
                any(c.dep_ == "dobj" for c in t.children) and not any(c.dep_ == "neg" for c in t.children):
            return True  # "he expected more clashes before the vote"
    return _has_phrase(lemmas, FUTURE_PHRASES)


def _conditional(verb: Token) -> bool:
    """A future under "if"/"unless" is a hypothesis; "even if" concedes and stays a prediction."""
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        for m in c.children:
            if m.lower_ in CONDITIONAL_MARKERS and not (m.i > 0 and m.doc[m.i - 1].lower_ == "even"):
                return True
    return False


def _would_is_future(verb: Token, tops: list[Token]) -> bool:
    """"said he would leave" looks ahead; "I would say", "would be wise", "would never",
    "areas that would otherwise ..." (a relative clause) do not."""
    if verb.dep_ in ("relcl", "acl") or verb.lemma_.lower() in WOULD_NON_FUTURE_VERBS:
        return False
    near = {c.lower_ for c in verb.children} | {g.lower_ for c in verb.children for g in c.children}
    return not near & WOULD_NON_FUTURE_WORDS
