"""A rule-based span finder over spaCy's dependency parse.

It returns the same shape as the trained model in spans.py (cue, sources, contents as character
ranges into ``doc.text``), so the pipeline can run on it alone or merge it with the model where
the model is blind: rare cues ("was unconvinced", "made repeated assurances"), nominal cues
("Gerasimov's assertion that") and the evaluative "described as". Each rule is one small function
named for the construction it reads.
"""
from __future__ import annotations

import re
from collections.abc import Container, Iterable

from spacy.tokens import Doc, Token

from claimscope.attribution.lexicon import (
    ACCUSATION_NOUNS,
    ADJECTIVE_CUES,
    AS_ONLY_CUES,
    CLAUSE_ONLY_VERBS,
    EVALUATIVE_CUES,
    LIGHT_VERBS,
    NOUN_CUES,
    VERB_CUES,
)
from claimscope.attribution.spans import SpanTriple

# Confidence the rules report: a parse-rule hit with a named source is usually right; without a
# source (or found through a fallback) less so. Hand-set from the seed and a read of PolNeAR dev.
CONFIDENCE_SOURCED = 0.8
CONFIDENCE_UNSOURCED = 0.5

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "what", "whom"})
# Clause openers of a subordinate clause that frames, rather than belongs to, a content:
# "... was the failure after Moscow said ...".
EDGE_PUNCT = frozenset({",", ";", ":", "-", "—", "–", "(", ")", "."})


def find_rule_spans(doc: Doc) -> list[SpanTriple]:
    """Every attribution the parse rules find, in text order."""
    cue_heads = {t.i for t in doc if _is_cue_candidate(t)}
    out: list[SpanTriple] = []
    skip: set[int] = set()
    for tok in doc:
        if tok.i in skip:
            continue
        found = (_verb_cue(tok, cue_heads, skip) or _adjective_cue(tok, cue_heads)
                 or _noun_cue(tok, cue_heads) or _according_to(tok))
        if found is not None:
            out.append(found)
    out += find_layout_spans(doc.text)
    return sorted(out, key=lambda t: t.cue)


# --- layout: lines whose punctuation, not a verb, attributes them ------------------------------

_NAME_WORD = r"[A-Z][\w.'’-]*"
# "PENCE: Gennifer Flowers will not be attending ..." (a transcript), "Pat Caddell: Democrat
# Voters Worried ..." (a headline): a line that opens with a capitalised name and a colon.
_COLON_SPEAKER = re.compile(r"^(?P<source>" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,3})[ \t]*"
                            r"(?P<cue>:)[ \t]+(?P<content>\S[^\n]*?)[ \t\u00a0]*$", re.M)
# Labels that open a line with a colon but introduce no speaker.
NOT_SPEAKERS = frozenset("""note notes update updated related read watch photo photos video correction
editor editor’s editor's editors source sources see also more click subscribe sign file topics tags by
date dateline warning disclaimer caption credit listen image images share clarification the a an q
exclusive contributing paid breaking live opinion analysis continued name""".split())
# "“He represents our greatest shame.” ― Sonya Herridge": a quote signed after a dash.
_DASH_SIGNATURE = re.compile(r"(?P<content>[“”\"][^\n“”\"]{8,}[”\"])[ \t\u00a0]*(?P<cue>[―—–])[ \t\u00a0]*"
                             r"(?P<source>" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,4})[ \t\u00a0.]*$", re.M)
MIN_COLON_CONTENT_WORDS = 3


def find_layout_spans(text: str) -> list[SpanTriple]:
    """Attributions that layout makes: a colon after a speaker's name opening a line, a dash
    signing a quote at a line's end. PolNeAR annotates both (train: 145 colon cues)."""
    out = []
    for m in _COLON_SPEAKER.finditer(text):
        words = m["source"].split()
        if words[0].lower().strip(".'’") in NOT_SPEAKERS or len(m["content"].split()) < MIN_COLON_CONTENT_WORDS:
            continue
        out.append(_match_triple(m, text))
    out += [_match_triple(m, text) for m in _DASH_SIGNATURE.finditer(text)]
    return out


def _match_triple(m: re.Match, text: str) -> SpanTriple:
    """The match's spans, less the full stop that ends the line (PolNeAR leaves it out)."""
    def trimmed(group: str) -> tuple[int, int]:
        start, end = m.span(group)
        if text[end - 1] == "." and not text[start:end].endswith(".."):
            end -= 1
        return start, end
    return SpanTriple(cue=m.span("cue"), sources=(trimmed("source"),), contents=(trimmed("content"),),
                      confidence=CONFIDENCE_SOURCED)


# --- the constructions -------------------------------------------------------------------------


def _verb_cue(tok: Token, cue_heads: set[int], skip: set[int]) -> SpanTriple | None:
    """"X said (that) ...", "... , X said", "X denied Y", "X, praising Y", "what X described as Y"."""
    lemma = cue_lemma(tok)
    if tok.pos_ not in ("VERB", "AUX") or lemma not in VERB_CUES or tok.dep_ == "amod":
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if infinitive and not any(c.dep_ == "ccomp" for c in tok.children):
        return None  # "the first country to acknowledge the Taliban": an act, not a report
    cue_tokens = [tok] + [c for c in tok.children if c.dep_ in ("neg", "aux", "auxpass")
                          and c.i < tok.i]
    echoed = _echoed_claim(tok, cue_tokens)
    if echoed is not None:
        return echoed
    content_heads: list[Token] = []
    exclude: set[int] = set()
    preconj = [c for c in tok.children if c.dep_ == "preconj" and c.lower_ == "neither"]
    conj = [c for c in tok.children if c.dep_ == "conj" and cue_lemma(c) in VERB_CUES]
    if preconj and conj:  # "neither confirmed nor denied X": one cue, the object of the last verb
        cue_tokens += preconj + conj + [c for c in tok.children if c.dep_ == "cc"]
        skip.update(c.i for c in conj)
        content_heads = [c for c in conj[-1].children if c.dep_ in ("dobj", "ccomp")]
    else:
        content_heads = [c for c in tok.children if c.dep_ == "ccomp" and not _is_misparsed_relative(c)]
        if lemma in AS_ONLY_CUES:
            content_heads = []
        if lemma in EVALUATIVE_CUES:
            content_heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                              for p in c.children if p.dep_ == "pobj"]
        if not content_heads and lemma not in CLAUSE_ONLY_VERBS:
            # "denied signing off the scaffold": a gerund is the object too
            objects = [c for c in tok.children if c.dep_ == "dobj" or (c.dep_ == "xcomp" and c.tag_ == "VBG")]
            # "praised X as Y", "accused X of Y", "praising X in helping ...": the phrase is part of it
            content_heads = objects + [c for c in tok.children if objects and c.dep_ == "prep"
                                       and c.i > objects[0].i and c.lower_ != "by"]
        if not content_heads:
            content_heads = _that_clause_after(tok)
        if not content_heads and tok.dep_ == "parataxis" and lemma == "say":
            content_heads = [tok.head]
            exclude |= {t.i for t in tok.subtree}
    if not content_heads:
        return None
    content_heads = [_quoted_part(h) if h.dep_ == "pobj" else h for h in content_heads]
    source = _verb_source(tok)
    exclude |= {t.i for t in cue_tokens}
    if source is not None:
        exclude |= {t.i for t in source}
        root = next(t for t in source if t.head.i not in {x.i for x in source} or t.head.i == t.i)
        if root.dep_ == "pobj":
            exclude.add(root.head.i)  # the "by" of "by some Afghans"
    exclude |= {c.i for c in tok.children if c.dep_ == "dative"}
    contents = []
    for head in content_heads:
        if isinstance(head, list):  # the quoted words of "described as a "very productive" meeting"
            contents.append(head)
            continue
        tokens = [t for t in head.subtree if t.i not in exclude]
        if head.dep_ in ("dobj", "pobj"):
            tokens = _drop_nonrestrictive(tokens, head)
        contents += _runs(_drop_nested_frames(tokens, head, cue_heads, tok))
    if not contents:
        return None
    return _triple(tok.doc, cue_tokens, source, contents)


# Nouns that stand for what the clause before them said: "..., a charge Georgetown rejected".
CLAIM_NOUNS = ACCUSATION_NOUNS | {"figure", "assertion", "account", "estimate"}
# "a charge", "a figure" ...: the words that open such an answer, for the text-level patterns.
A_CLAIM_NOUN = r"(?:a|an)\s+(?:" + "|".join(sorted(CLAIM_NOUNS)) + r")"


def _echoed_claim(tok: Token, cue_tokens: list[Token]) -> SpanTriple | None:
    """"X accused Guyana of acting on foreign orders, a charge Georgetown has repeatedly rejected",
    "X said the company kept 60 cents of every dollar, a figure ScriptBridge disputed": the party
    named in the appended "a charge/figure ..." answers what the cue before it reported, up to the comma."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.dep_ == "relcl" and subject is not None and subject.pos_ in ("PROPN", "NOUN"):
        noun, name = tok.head, subject  # "..., a figure ScriptBridge disputed"
    else:
        noun = subject
        name = next((c for c in subject.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"
                     and c.i > subject.i), None) if subject is not None else None
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return None
    doc = tok.doc
    comma = noun.left_edge.i - 1
    if name is None or comma < 1 or doc[comma].text != ",":
        return None
    before = next((t for t in reversed(doc[tok.sent.start:comma]) if t.pos_ == "VERB" and cue_lemma(t) in VERB_CUES), None)
    if before is None or before.i + 1 >= comma:
        return None
    claim = list(doc[before.i + 1:comma])
    accused = next((c for c in before.children if c.dep_ == "dobj"), None)
    charge = next((c for c in before.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                   and accused is not None and c.i > accused.i), None)
    clause = next((c for c in before.children if c.dep_ == "ccomp" and c.left_edge.i < comma), None)
    if charge is not None and charge.i + 1 < comma:  # "accused Guyana of acting ...": the act charged
        claim = list(doc[charge.i + 1:comma])
    elif clause is not None:  # "said on Wednesday that its strike had shut ...": the clause reported
        claim = list(doc[clause.left_edge.i:comma])
    if claim[0].lower_ == "that" and len(claim) > 1:
        claim = claim[1:]
    return _triple(doc, cue_tokens, sorted(name.subtree, key=lambda t: t.i), [claim])


def _adjective_cue(tok: Token, cue_heads: set[int]) -> SpanTriple | None:
    """"others were skeptical that ...", "Atef was unconvinced better relations would ..."."""
    if not _is_adjective_cue(tok):
        return None
    clause = [c for c in tok.children if c.dep_ in ("ccomp", "advcl") and c.pos_ in ("VERB", "AUX")]
    # "was sceptical of the company's explanation", "was unconvinced by the company's claim that ...":
    # the doubted claim as a noun phrase, the preposition part of the cue
    prep = next((c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by", "about")
                 and any(p.dep_ == "pobj" for p in c.children)), None) if not clause else None
    if not clause and prep is None:
        return None
    holder = tok.head if tok.dep_ == "acomp" else tok
    subjects = [c for c in holder.children if c.dep_ in SUBJECT_DEPS] or \
               [c for c in tok.children if c.dep_ in SUBJECT_DEPS] or \
               [s for c in tok.children if c.dep_ in ("aux", "auxpass") for s in c.children
                if s.dep_ in SUBJECT_DEPS]
    cue_tokens = [tok] + [c for c in tok.children if c.dep_ in ("auxpass", "aux", "neg") and c.i < tok.i]
    if holder is not tok:
        cue_tokens.append(holder)
    source = _np_tokens(subjects[0]) if subjects else None
    if prep is not None:
        cue_tokens.append(prep)
        claim = next(p for p in prep.children if p.dep_ == "pobj")
        return _triple(tok.doc, cue_tokens, source, [sorted(claim.subtree, key=lambda t: t.i)])
    contents = _runs(_drop_nested_frames(list(clause[0].subtree), clause[0], cue_heads, tok))
    return _triple(tok.doc, cue_tokens, source, contents)


def _noun_cue(tok: Token, cue_heads: set[int]) -> SpanTriple | None:
    """"Gerasimov's assertion that ...", "made repeated assurances that ..."."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in NOUN_CUES:
        return None
    clause = [c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
              and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
    if not clause:
        return None
    cue_tokens = [tok]
    source: list[Token] | None = None
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if owners:
        source = _np_tokens(owners[0])
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        cue_tokens = [tok.head] + [c for c in tok.children if c.dep_ == "amod"] + [tok]
        source = _verb_source(tok.head)
    if source is None:
        return None
    tokens = _drop_nonrestrictive(list(clause[0].subtree), clause[0])
    contents = _runs(_drop_nested_frames(tokens, clause[0], cue_heads, tok))
    return _triple(tok.doc, cue_tokens, source, contents)


def _according_to(tok: Token) -> SpanTriple | None:
    """"..., according to X": the clause it attaches to is the content, X the source."""
    if tok.lower_ != "according":
        return None
    to = [c for c in tok.children if c.lower_ == "to"]
    objs = [p for c in to for p in c.children if p.dep_ == "pobj"]
    if not objs:
        return None
    clause = tok.head
    while clause.dep_ not in ("ROOT", "ccomp") and clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head
    source = _np_tokens(objs[0])
    phrase = {t.i for t in tok.subtree}
    tokens = [t for t in clause.subtree if t.i not in phrase]
    cue_tokens = [tok] + to
    return _triple(tok.doc, cue_tokens, source, _runs(tokens))


# --- helpers -----------------------------------------------------------------------------------


def cue_lemma(tok: Token, known: Container[str] = VERB_CUES) -> str:
    """The token's lemma, repaired where the small model's lemmatizer slips on a cue verb
    ("hoped" -> "hop"): the inflected form stripped of -d/-ed/-s/-ing, if that is a ``known`` cue."""
    lemma = tok.lemma_.lower()
    if lemma in known or tok.pos_ not in ("VERB", "AUX"):
        return lemma
    form = tok.lower_
    for suffix, repl in (("d", ""), ("ed", ""), ("s", ""), ("ing", "e"), ("ing", "")):
        if form.endswith(suffix) and form[: len(form) - len(suffix)] + repl in known:
            return form[: len(form) - len(suffix)] + repl
    return lemma


def _is_adjective_cue(tok: Token) -> bool:
    """"skeptical", and "unconvinced" even where the tagger reads it as a passive verb."""
    return (tok.pos_ == "ADJ" and tok.lemma_.lower() in ADJECTIVE_CUES) or \
        (tok.pos_ in ("ADJ", "VERB") and tok.lower_ in ADJECTIVE_CUES)


def _is_cue_candidate(tok: Token) -> bool:
    lemma = cue_lemma(tok)
    return (tok.pos_ in ("VERB", "AUX") and lemma in VERB_CUES) or _is_adjective_cue(tok) or \
           (tok.pos_ == "NOUN" and lemma in NOUN_CUES)


def _verb_source(verb: Token) -> list[Token] | None:
    """Who performs the speech act: the subject, the passive agent ("seen ... by some Afghans"),
    a fronted "For X," of an evaluative passive, or the subject inherited from the verb a
    participle or a coordinated verb hangs on ("Gerasimov praised ..., saying ...")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    evaluative = cue_lemma(verb) in EVALUATIVE_CUES
    if passive:
        for t in verb.subtree:
            is_by = t.dep_ == "agent" or (evaluative and t.dep_ == "prep" and t.lower_ == "by")
            objs = [p for p in t.children if p.dep_ == "pobj"]
            if is_by and objs:
                return _np_tokens(objs[0])
        for c in verb.children:
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if evaluative and c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i and objs:
                return _np_tokens(objs[0])
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")] or \
               [s for c in verb.children if c.dep_ in ("aux", "auxpass") for s in c.children
                if s.dep_ in ("nsubj", "csubj")]
    if subjects:
        subj = subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return _np_tokens(verb.head)
        if subj.lower_ in ("what", "which"):
            return None
        return _np_tokens(subj)
    clause = verb.head
    if verb.dep_ in ("advcl", "conj") and clause.dep_ == "relcl" and clause.head.dep_ == "ROOT" \
            and clause.head.pos_ in ("PROPN", "NOUN") and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "Partido Bagong Bayan (PBB), whose candidate lost by 1,812 votes, alleged that ...": the parse
        # found no main verb and hung the cue on the relative clause; its noun is the speaker
        return _np_tokens(clause.head)
    participle = verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VBN")
    if verb.dep_ == "conj" or participle:
        head = verb.head
        if head.dep_ == "ccomp" and cue_lemma(head) not in VERB_CUES and cue_lemma(head.head) in VERB_CUES \
                and ((participle and verb.doc[verb.i - 1].text == ",") or verb.dep_ == "conj"):
            # "X said the trial was sound, rejecting ...", "She said her lawyers were preparing a suit
            # and accused ...": the parse hangs the second act on the content, not on the speech verb
            head = head.head
        elif head.dep_ in ("ccomp", "acl") and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in NOUN_CUES \
                and cue_lemma(head.head.head) in VERB_CUES and participle and verb.doc[verb.i - 1].text == ",":
            # "Fontaine dismissed the city's assertion that the rise was ..., saying ...": Fontaine says
            head = head.head.head
        return _verb_source(head)
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return _name_before(verb)
    return None


def before_abbreviation(doc: Doc, i: int) -> int:
    """The token a bracketed abbreviation ending at ``i`` follows ("... Armed Forces (FANB)": "Forces");
    ``i`` itself where no bracket closes there."""
    if i > 0 and doc[i].text == ")":
        while i > 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    return i


def _name_before(verb: Token) -> list[Token] | None:
    """A named speaker right before a finite cue the parse left without a subject ("In a message on
    Telegram, the Bolivarian National Armed Forces (FANB) said": the name hung on "Telegram")."""
    doc = verb.doc
    i = before_abbreviation(doc, verb.i - 1)
    ent = next((e for e in doc.ents if e.start <= i < e.end <= verb.i), None) if i >= 0 else None
    if ent is None or ent.label_ not in ("ORG", "PERSON", "GPE", "NORP"):
        return None
    return list(doc[ent.start:verb.i])


def _np_tokens(head: Token) -> list[Token] | None:
    """A mention: the head's subtree without clauses hung on it ("Putin, speaking amid ..., ");
    None when nothing but punctuation is left (a stray "-" parsed as the subject)."""
    drop: set[int] = set()
    for c in head.children:
        if c.dep_ in ("acl", "relcl", "advcl") or (c.dep_ == "prep" and c.lower_ != "of") or \
                (c.dep_ == "appos" and any(x.dep_ in ("relcl", "acl") for x in c.subtree)):
            drop |= {t.i for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in drop]
    return _strip_edges(tokens) or None


def _is_misparsed_relative(clause: Token) -> bool:
    """"said in video footage ... that showed him": a ccomp whose subject is "that" is a relative
    clause on a noun that spaCy hung on the verb."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children)


def _quoted_part(head: Token) -> Token | list[Token]:
    """The quoted words inside an evaluative "as"-phrase, else the phrase's head."""
    marks = [t for t in head.subtree if t.is_quote]
    if len(marks) >= 2 and marks[1].i < head.i:
        return list(head.doc[marks[0].i: marks[1].i + 1])
    return head


def _that_clause_after(verb: Token) -> list[Token]:
    """"confirmed for the first time that X": spaCy hangs the clause on "time"; find it anyway."""
    for t in verb.doc[verb.i + 1: min(verb.i + 8, verb.sent.end)]:
        if t.lower_ == "that" and t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i:
            return [t.head]
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return []
    return []


def _drop_nested_frames(tokens: list[Token], head: Token, cue_heads: set[int], cue: Token) -> list[Token]:
    """Cut, from a content, the clauses that frame another attribution rather than carry this one's
    words: "... after Moscow said X", ", with the chief ... praising Y"."""
    drop: set[int] = set()
    for t in tokens:
        if t.i not in cue_heads or t.i == cue.i or t.i == head.i:
            continue
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in t.children)
        if t.dep_ == "advcl" and has_subject and any(c.dep_ == "mark" for c in t.children):
            drop |= {x.i for x in t.subtree}
        elif t.dep_ == "pcomp" and has_subject and t.head.lower_ == "with":
            drop |= {x.i for x in t.head.subtree}
    # a leading "what" of a free relative ("what he said was ...") is the frame, not the content
    kept = [t for t in tokens if t.i not in drop]
    while kept and kept[0].lower_ in ("what", "which"):
        kept = kept[1:]
    return kept


def _drop_nonrestrictive(tokens: list[Token], head: Token) -> list[Token]:
    """A noun-phrase content ends before ", which ..."/", where ...": the writer's gloss, not the claim."""
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ == "relcl" and t.i > 0:
            first = min(x.i for x in t.subtree)
            if first > 0 and t.doc[first - 1].text == ",":
                drop |= {x.i for x in t.subtree} | {first - 1}
    return [t for t in tokens if t.i not in drop]


def _strip_edges(tokens: list[Token]) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].text in EDGE_PUNCT or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in EDGE_PUNCT or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _runs(tokens: Iterable[Token]) -> list[list[Token]]:
    """Contiguous runs of tokens (a content cut by its cue and source becomes several parts)."""
    runs: list[list[Token]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    runs = [_strip_edges(r) for r in runs]
    return [r for r in runs if r and any(t.is_alpha or t.is_digit for t in r)]


def _triple(doc: Doc, cue_tokens: list[Token], source: list[Token] | None,
            contents: list[list[Token]]) -> SpanTriple | None:
    if not contents:
        return None
    cue_tokens = sorted(cue_tokens, key=lambda t: t.i)
    cue = (cue_tokens[0].idx, cue_tokens[-1].idx + len(cue_tokens[-1]))
    sources = ()
    if source:
        sources = ((source[0].idx, source[-1].idx + len(source[-1])),)
    spans = tuple((r[0].idx, r[-1].idx + len(r[-1])) for r in contents)
    return SpanTriple(cue=cue, sources=sources, contents=spans,
                      confidence=CONFIDENCE_SOURCED if sources else CONFIDENCE_UNSOURCED)
