"""Who said what: article text -> Attribution records (source, cue, contents, stance).

The pipeline: parse the body once; find span triples (cue, sources, contents) with the parse rules
(rules.py) and, where its model is installed, the trained span finder (spans.py); widen contents
to the quotes their cue frames (quotes.py); add quote paragraphs with no cue, which carry the last
speaker; resolve each source to the entity's fullest naming (sources.py); read the stance
(stance.py); and build the records.
"""
from __future__ import annotations

import dataclasses
import logging
import re

from spacy.tokens import Doc

from claimscope.attribution.lexicon import EVALUATIVE_CUES, INANIMATE_SOURCE_NOUNS
from claimscope.attribution.quotes import find_carried_quotes, find_quote_regions, is_direct, quotes_around
from claimscope.attribution.rules import A_CLAIM_NOUN, find_rule_spans
from claimscope.attribution.spans import SpanTriple, find_attribution_spans
from claimscope.attribution.sources import build_entity_index, named_outlet, note_speaker, resolve_source
from claimscope.attribution.sides import Said, side_stances
from claimscope.attribution.stance import content_stance, read_cue
from claimscope.model import Article, Attribution, Span, Stance
from claimscope.nlp.pipeline import build_nlp

logger = logging.getLogger(__name__)

# A quote paragraph with no cue is credited to the last speaker with this confidence: right in
# news style nearly always, but nothing in the paragraph itself confirms it.
CARRIED_CONFIDENCE = 0.7
# A cue only the parse rules found inside a quote or a model content is kept when the cue tagger
# gives one of its tokens at least this probability. Tuned on PolNeAR dev and the seed
# (docs/attribution-model.md, "Rules and model").
RULE_CUE_MIN_P = 0.05
# A cue right after one of these, in the sentence of an earlier cue, shares that cue's subject.
COORDINATORS = frozenset({"and", "but", "then", "or"})
# A dateline's city in capitals is at most this long ("KUALA LUMPUR", "RIO DE JANEIRO").
DATELINE_MAX_CHARS = 30


def extract_attributions(article: Article, doc: Doc | None = None) -> list[Attribution]:
    """Every attribution in the article's clean body, in text order.

    ``doc`` is the parse of ``article.text`` when the caller already has one (it is shared with the
    knowledge stage, so the body is parsed once).
    """
    text = article.text
    if not text.strip():
        return []
    if doc is None:
        doc = build_nlp()(text)
    triples = find_triples(doc)
    return build_attributions(article, doc, triples)


def find_triples(doc: Doc) -> list[SpanTriple]:
    """Span triples for a parsed body: the trained model's, completed by the parse rules.

    The model (spans.py, CRFs trained on PolNeAR) finds far more attributions on unseen news than
    the rules (PolNeAR dev, all spans exact F1 0.45 against 0.17); the rules add what it misses
    (quote paragraphs, nominal cues) where no model cue overlaps theirs, and give a source to a
    model attribution that has none, and widen a model cue to the rules' multiword cue around it. Measured on PolNeAR dev and the seed: docs/attribution.md.
    """
    text = doc.text  # spaCy rebuilds Doc.text on every read: once here
    cue_p = [0.0] * len(doc)
    # a cue is a word of saying, never part of a name ("The European Heat | Pump | Manufacturers' Alliance")
    found = [t for t in find_attribution_spans(doc, cue_p=cue_p)
             if not all(tok.pos_ == "PROPN" for tok in doc.char_span(*t.cue, alignment_mode="expand") or ())]
    by_rule = [r for r in find_rule_spans(doc) if not _is_colon_dateline(text, r)]
    acts = [t for t in found + by_rule if _thing_acts(doc, t)]  # "the CCG vessel blasted the boat"
    found, by_rule = [t for t in found if t not in acts], [r for r in by_rule if r not in acts]
    merged = []
    for triple in found:
        if any(_overlaps(s, r.cue) and _shares_content(triple, r) for r in by_rule for s in triple.sources):
            continue  # the model took the cue verb for the source: "said | in a court filing"
        twin = next((r for r in by_rule if _overlaps(triple.cue, r.cue)), None)
        if twin is not None and twin.sources and triple.sources and all(_is_dateline(text, s) for s in triple.sources):
            triple = dataclasses.replace(triple, sources=twin.sources)  # "BANGKOK: Thai budget carrier X rejected"
        if twin is not None and twin.sources and triple.sources and _inside_subjects_clause(doc, triple.sources[0], twin):
            # "The party, which came second with 31 percent of the vote, said": the model took a phrase
            # of the subject's relative clause for the speaker
            triple = dataclasses.replace(triple, sources=twin.sources)
        if twin is not None and not triple.sources and twin.sources:
            # the model read the source as a first content piece ("Hamid Elnour, a researcher, | questioned")
            kept = tuple(c for c in triple.contents if not any(s[0] <= c[0] and c[1] <= s[1] for s in twin.sources))
            triple = dataclasses.replace(triple, sources=twin.sources, contents=kept or triple.contents)
        if merged and (not triple.sources or all(_inside(src, merged[-1].contents) for src in triple.sources)):
            # no source, or one read inside the last attribution's content ("polluting a river that
            # thousands of families depend on, saying ..."): a coordinated verb or participle shares its source
            before = _frame_before(text, merged)
            shared = _coordinated_source(doc, text, before, triple) if before else ()
            if shared or not triple.sources:
                triple = dataclasses.replace(triple, sources=shared)
        if twin is not None and twin.contents and triple.contents and _before_sentence(doc, triple) \
                and not _before_sentence(doc, twin):
            # "... for “treating customers as an afterthought.” He said the suit sought ...": the
            # model's content ends a sentence before its cue's, the rule's is the cue's own clause
            triple = dataclasses.replace(triple, contents=twin.contents)
        if twin is not None and twin.contents and (_names_a_claim(text, triple.contents)
                                                   or _BARE_COMPLEMENTIZER.fullmatch(_joined(text, triple.contents))):
            # "..., a figure the government rejected": what the figure stands for, not the noun; a
            # content the model stopped after "that": the clause the rules read
            triple = dataclasses.replace(triple, contents=twin.contents)
        if twin is not None and _contains(twin.cue, triple.cue):  # "neither confirmed nor denied"
            triple = dataclasses.replace(triple, cue=twin.cue)
        if twin is not None and _is_quoted_evaluation(doc, text, twin, triple):
            triple = dataclasses.replace(triple, contents=twin.contents)
        elif twin is not None and twin.contents and _covers(twin.contents, triple.contents) \
                and (_ends_mid_clause(text, triple.contents) or _ends_on_a_thing(triple, acts)) \
                and not any(r.cue != twin.cue and r.sources == twin.sources and _inside(r.cue, twin.contents)
                            for r in by_rule):
            # the model stopped before the clause did, not at the same subject's next verb ("denied that ... and accused")
            triple = dataclasses.replace(triple, contents=twin.contents)
        merged.append(triple)
    merged += [r for r in by_rule if not any(_overlaps(r.cue, t.cue) for t in found)
               and _rule_stands(doc, text, r, found, cue_p)]
    merged.sort(key=lambda t: t.cue)
    for k in range(1, len(merged)):
        if not merged[k].sources:  # "X denied ... and called ...", where only the rules found "denied"
            before = _frame_before(text, merged[:k])
            merged[k] = dataclasses.replace(merged[k], sources=_coordinated_source(doc, text, before, merged[k]) if before else ())
    merged = _cut_at_echoes(text, merged)
    merged += _unparsed_echoes(text, merged)
    return _own_contents(text, sorted((_tidy(text, _with_reason(doc, t)) for t in merged), key=lambda t: t.cue))


# An echo the parse missed: "..., a figure the city disputes." (spaCy read "disputes" as a noun).
_UNPARSED_ECHO = re.compile(
    r"\s*,\s*" + A_CLAIM_NOUN + r"\s+(?P<source>(?:the|its|their)?\s*[\w'’ -]{1,50}?)"
    r"\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?P<cue>(?:disput|den[iy]|reject|dismiss|contest|question)\w*)\b"
    r"(?=[^,.;]{0,40}[.;]?\s*$)", re.IGNORECASE)


def _unparsed_echoes(text: str, triples: list[SpanTriple]) -> list[SpanTriple]:
    """The answer appended to a reported claim where the parse found no verb in it: the named
    party disputes what the attribution before the comma reported."""
    out = []
    for t in triples:
        if not t.contents:
            continue
        end = t.contents[-1][1]
        line_end = text.find("\n", end)
        m = _UNPARSED_ECHO.match(text[end:len(text) if line_end < 0 else line_end])
        if m is None or any(_overlaps((end + m.start("cue"), end + m.end("cue")), o.cue) for o in triples):
            continue
        out.append(SpanTriple(cue=(end + m.start("cue"), end + m.end("cue")), sources=((end + m.start("source"),
                              end + m.end("source")),), contents=t.contents, confidence=t.confidence))
    return out


def _cut_at_echoes(text: str, triples: list[SpanTriple]) -> list[SpanTriple]:
    """A content ends where ", a figure the government rejected" echoes it: that is another party's
    answer, not more of what was reported."""
    echoes = [(t.contents[-1][1], t.sources[0][0]) for t in triples if _is_echo(text, t)]
    out = []
    for t in triples:
        for end, source in echoes:
            if t.contents and t.contents[-1][0] < end < t.contents[-1][1] and t.contents[-1][1] > source:
                t = dataclasses.replace(t, contents=t.contents[:-1] + ((t.contents[-1][0], end),))
        out.append(t)
    return out


# Where one quotation ends a sentence and the next opens (".” “If we go to jail ..."), or a sentence
# ends before one opens ("questioned that explanation. “We took the water ...").
_QUOTE_BOUNDARY = re.compile(r"[.!?,]\u201d\s+(?=\u201c)|[.!?,]\"\s+(?=\")|(?<=\w)[.!?]\s+(?=[\u201c\"])")


# The rest of a cue's sentence before the speaker's next quotation: "... said at a thanksgiving
# event in Sri Muara on March 13. “Now they want ..." is at most this long.
SENTENCE_TAIL_CHARS = 120


def _quote_after_sentence(text: str, regions, frame: tuple[int, int], contents, triples) -> tuple:
    """The quotation that follows an inverted quote's cue sentence in the same paragraph ('"They lost
    fair and square," the 61-year-old said at an event on March 13. "Now they want to blame the
    referee."'): the speaker's next words, where no other cue claims them."""
    if not contents or contents[-1][1] > frame[0]:
        return ()  # only for a quote before its cue ('"...," X said ...')
    ahead = next((r for r in regions if r.start >= frame[1]), None)
    if ahead is None:
        return ()
    tail = text[frame[1]:ahead.start]
    if len(tail) > SENTENCE_TAIL_CHARS or not re.search(r"[.!?]\s+$", tail) or '"' in tail or "\u201c" in tail:
        return ()
    if any(_overlaps((frame[1], ahead.end), t.cue) or any(_overlaps((ahead.start, ahead.end), c) for c in t.contents)
           for t in triples if t.cue[1] <= frame[0] or t.cue[0] >= frame[1]):
        return ()
    return ((ahead.start, ahead.end),)


def _own_contents(text: str, triples: list[SpanTriple]) -> list[SpanTriple]:
    """Each content with its own cue: a part that another cue stands between ("denied that ... and
    accused Insan of ...": "Insan of ..." is the accusation's) and a quotation that another cue
    after it introduces ("told HKFP that he was “not afraid.” “If we go to jail ...,” the
    29-year-old said"). Not yet the clause of the same speaker's next verb ("argued that X and
    accused Y of Z"): the sides pass still leans on those longer contents (docs/evaluation.md)."""
    out = []
    for triple in triples:
        others = [t for t in triples if t is not triple]
        parts = [p for p in triple.contents if not any(
            (triple.cue[1] <= o.cue[0] and o.cue[1] <= p[0] or p[1] <= o.cue[0] and o.cue[1] <= triple.cue[0])
            and any(_overlaps(p, c) for c in o.contents) for o in others)]  # another cue stands between
        parts = parts or list(triple.contents)
        trimmed = []
        for start, end in parts:
            if triple.cue[1] <= start:  # the content follows its cue: it ends where a later cue's quotation opens
                for m in _QUOTE_BOUNDARY.finditer(text, start, end):
                    if any(o.cue[0] >= m.end() and any(_overlaps((m.end(), end), c) for c in o.contents)
                           and not any(_inside(o.cue, [p]) for p in parts) for o in others):
                        end = m.start() + len(m.group().rstrip())
                        break
            elif end <= triple.cue[0]:  # the content precedes its cue: it starts after an earlier cue's quotation
                for m in reversed(list(_QUOTE_BOUNDARY.finditer(text, start, end))):
                    if any(o.cue[1] <= start and any(_overlaps((start, m.start() + len(m.group().rstrip())), c)
                                                     for c in o.contents)
                           for o in others):
                        start = m.end()
                        break
            trimmed.append((start, end))
        contents = tuple(trimmed)
        out.append(triple if contents == triple.contents else dataclasses.replace(triple, contents=contents))
    return out


def _before_sentence(doc: Doc, triple: SpanTriple) -> bool:
    """Every content part ends before the sentence its cue stands in begins."""
    cue = doc.char_span(*triple.cue, alignment_mode="expand")
    return cue is not None and all(end <= cue.sent.start_char for _, end in triple.contents)


def _is_colon_dateline(text: str, triple: SpanTriple) -> bool:
    """"LAHORE: A former minister on Tuesday denied ...": a city in capitals and a colon opening the
    paragraph is a dateline (Dawn, CNA), not a source and its cue."""
    return text[triple.cue[0]:triple.cue[1]].strip() == ":" and len(triple.sources) == 1 \
        and _is_dateline(text, triple.sources[0])


def _is_dateline(text: str, span: tuple[int, int]) -> bool:
    """A city in capitals opening the paragraph, a colon after it."""
    start, end = span
    name = text[start:end]
    return (start == 0 or text[start - 1] == "\n") and name.isupper() and len(name) <= DATELINE_MAX_CHARS \
        and text[end:end + 1] == ":"


def _with_reason(doc: Doc, triple: SpanTriple) -> SpanTriple:
    """"blamed a former board member for leaking the emails": a content that stops at the verb's
    object runs on through the "for" phrase that says what the object is blamed (or praised) for."""
    cue = doc.char_span(*triple.cue, alignment_mode="expand")
    if cue is None or not triple.contents:
        return triple
    verb = next((t for t in cue if t.pos_ == "VERB" and t.lemma_.lower() in REASON_CUES), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
    reason = next((c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "for"),
                  None) if obj is not None else None  # the parse hangs "for" on the verb or on its object
    if reason is None or reason.i < obj.i:
        return triple
    start, end = triple.contents[-1]
    if not (start <= obj.idx and obj.idx + len(obj) <= end < reason.idx):
        return triple
    last = max(reason.subtree, key=lambda t: t.i)
    while last.is_punct and last.i > reason.i and last.text not in ('"', "”", "'", "’"):
        last = doc[last.i - 1]
    return dataclasses.replace(triple, contents=triple.contents[:-1] + ((start, last.idx + len(last)),))


# Cues whose object is followed by what it is blamed or praised for ("blamed X for Y").
REASON_CUES = frozenset({"blame", "praise", "criticize", "criticise", "thank", "condemn", "credit", "fault",
                         "commend", "applaud", "slam", "fault", "laud", "rebuke"})
# A dash that ends a wire dateline ("WARSAW, Poland (AP) — Prosecutors said") or a city in capitals
# and a colon opening the paragraph ("BANGKOK: Thai budget carrier ..."): no source spans it.
_DATELINE_DASH = re.compile(r"\s+(?:—|–|--?)\s+|(?:^|(?<=\n))[A-Z][A-Z .'-]{1,%d}:\s+" % DATELINE_MAX_CHARS)


def _tidy(text: str, triple: SpanTriple) -> SpanTriple:
    """Contents that stop inside a hyphenated word ("had been double" of "double-counted"), where
    the tokenizer split it, run to the word's end; a source starts after a dateline's dash or colon,
    takes back the age the tokenizer cut from it ("old" -> "The 58-year-old"), closes the
    parenthesis it opened and drops a relative pronoun before a pronoun ("that it says")."""
    def widen(span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        while 0 < end < len(text) - 1 and text[end] == "-" and text[end - 1].isalnum() and text[end + 1].isalnum():
            end += 1
            while end < len(text) and text[end].isalnum():
                end += 1
        return start, end

    def after_dash(span: tuple[int, int]) -> tuple[int, int]:
        cuts = list(_DATELINE_DASH.finditer(text, span[0], span[1]))
        if cuts and cuts[-1].end() < span[1]:
            return cuts[-1].end(), span[1]
        aged = _AGED_BEFORE.search(text, max(0, span[0] - 20), span[0]) if span[0] > 0 and text[span[0] - 1] == "-" else None
        return (aged.start(), span[1]) if aged else span  # "old" of "The 58-year-old"
    def closed(span: tuple[int, int]) -> tuple[int, int]:  # "... Alliance (EHMA" -> "... Alliance (EHMA)"
        start, end = span
        inside = text[start:end]
        return (start, end + 1) if inside.count("(") > inside.count(")") and text[end:end + 1] == ")" else span
    def pronoun_only(span: tuple[int, int]) -> tuple[int, int]:  # "that it" of "a contract that it says ..."
        m = _RELATIVE_BEFORE_PRONOUN.fullmatch(text, span[0], span[1])
        return (m.start("pronoun"), span[1]) if m else span
    contents = tuple(widen(c) for c in triple.contents)
    sources = tuple(pronoun_only(closed(after_dash(s))) for s in triple.sources)
    if contents == triple.contents and sources == triple.sources:
        return triple
    return dataclasses.replace(triple, contents=contents, sources=sources)


_RELATIVE_BEFORE_PRONOUN = re.compile(r"(?:that|which|who)\s+(?P<pronoun>it|he|she|they)", re.IGNORECASE)
# What a source cut at the tokenizer's hyphen left before it: "The 58-year-" of "The 58-year-old".
_AGED_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?\b\d{1,3}-year-$")


def _is_quoted_evaluation(doc: Doc, text: str, twin: SpanTriple, triple: SpanTriple) -> bool:
    """"what the White House described as a "very productive" meeting": the evaluation the source
    put in quotation marks is what it said, not the whole noun phrase the model took."""
    cue = doc.char_span(*triple.cue, alignment_mode="expand")
    if cue is None or not any(t.lemma_.lower() in EVALUATIVE_CUES for t in cue):
        return False
    if len(twin.contents) != 1 or not all(_inside(c, triple.contents) for c in twin.contents):
        return False
    start, end = twin.contents[0]
    return text[start] in "\"\u201c" and text[end - 1] in "\"\u201d" and twin.contents != triple.contents


def _coordinated_source(doc: Doc, text: str, before: SpanTriple, triple: SpanTriple) -> tuple:
    """The source of the cue before, when this cue's verb is coordinated with it and has no subject
    of its own ("The commission denied that ... and called the claim baseless"), or is a participle
    after a comma in the same sentence ("X denied any link ..., telling a press conference that ...")."""
    prefix = text[before.cue[1]:triple.cue[0]]
    words = prefix.rstrip().rsplit(None, 1)
    cue = doc.char_span(*triple.cue, alignment_mode="expand")
    if not before.sources or "\n" in prefix or cue is None or cue.sent.start_char > before.cue[0]:
        return ()
    participle = prefix.rstrip().endswith(",") and cue[0].tag_ == "VBG"
    if not participle and (len(words) < 2 or words[-1].lower() not in COORDINATORS):
        return ()
    return before.sources


def _rule_stands(doc: Doc, text: str, triple: SpanTriple, found: list[SpanTriple], cue_p: list[float]) -> bool:
    """Whether a cue only the rules found is kept.

    It needs a named source, and then either stands in the narrative (outside every quotation
    mark and every content the model found: "Gul Mohammad was unconvinced that ...") or has the
    cue tagger's backing (``RULE_CUE_MIN_P``). Inside a quote or a content, a rule-only "think" or
    "say" is nearly always a nested remark PolNeAR does not annotate (PolNeAR dev: 137 of 137).
    """
    if not triple.sources:
        return False
    if _is_echo(text, triple):
        return True  # inside the claim's content only because the model ran that content on
    if _owns_the_cue(text, triple):
        return True  # "rejected the union's claim that ...": the claim answered names its owner
    start, end = triple.cue
    tokens = [t.i for t in doc.char_span(start, end, alignment_mode="expand") or ()]
    if tokens and max(cue_p[i] for i in tokens) >= RULE_CUE_MIN_P:
        return True
    nested = any(_inside(triple.cue, t.contents) for t in found)
    return not nested and not _inside_quote(text, start)


def _inside_quote(text: str, offset: int) -> bool:
    """Whether ``offset`` lies between an opening and a closing quotation mark in its paragraph."""
    before = text[text.rfind("\n", 0, offset) + 1:offset]
    if "\u201c" in before or "\u201d" in before:
        return before.count("\u201c") > before.count("\u201d")
    return before.count('"') % 2 == 1


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside_subjects_clause(doc: Doc, source: tuple[int, int], twin: SpanTriple) -> bool:
    """The model's source lies in a clause hung on the rules' source, the cue's subject."""
    subject = doc.char_span(*twin.sources[0], alignment_mode="expand")
    mention = doc.char_span(*source, alignment_mode="expand")
    if subject is None or mention is None or subject.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clauses = {t.i for c in subject.root.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    return mention.start > subject.root.i and all(t.i in clauses or t.is_punct for t in mention)


def _frame_before(text: str, triples: list[SpanTriple]) -> SpanTriple | None:
    """The last attribution a coordinated verb or participle can share a source with: not a claim
    nested in it ("Fontaine dismissed the city's assertion that ..., saying": Fontaine says)."""
    return next((t for t in reversed(triples) if not (t.sources and _owns_the_cue(text, t))), None)


def _owns_the_cue(text: str, triple: SpanTriple) -> bool:
    """A possessive source right before a nominal cue: "the union's claim", "Insan’s claim"."""
    source = text[triple.sources[0][0]:triple.sources[0][1]]
    return bool(re.search(r"['’]s?$", source)) and not text[triple.sources[0][1]:triple.cue[0]].strip()


_BARE_COMPLEMENTIZER = re.compile(r"(?i)\s*(?:that|which|whether|if)?\s*")


def _joined(text: str, contents) -> str:
    return " ".join(text[slice(*c)] for c in contents)


def _is_echo(text: str, triple: SpanTriple) -> bool:
    """An answer appended to the claim it answers: "<claim>, a figure ScriptBridge disputed"."""
    return bool(triple.contents and triple.sources
                and _ECHO.fullmatch(text[triple.contents[-1][1]:triple.sources[0][0]]))


def _names_a_claim(text: str, contents) -> bool:
    return len(contents) == 1 and bool(_CLAIM_NOUN_PHRASE.fullmatch(text[slice(*contents[0])].strip()))


_CLAIM_NOUN_PHRASE = re.compile(r"(?i)" + A_CLAIM_NOUN)
_ECHO = re.compile(r"(?i)[\u201d\"’']?\s*,\s*" + A_CLAIM_NOUN + r"\s+")


def _thing_acts(doc: Doc, triple: SpanTriple) -> bool:
    """The "source" is a thing (INANIMATE_SOURCE_NOUNS): the cue is a literal act, not speech."""
    if not triple.sources:
        return False
    span = doc.char_span(*triple.sources[0], alignment_mode="expand")
    return span is not None and span.root.pos_ == "NOUN" and span.root.lemma_.lower() in INANIMATE_SOURCE_NOUNS


def _ends_on_a_thing(triple: SpanTriple, acts: list[SpanTriple]) -> bool:
    """The model ended the content on the thing whose act it took for a cue ("said the CCG vessel |
    , with bow number 5203, blasted ..."): the clause goes on."""
    end = max(e for _, e in triple.contents)
    return any(s <= end <= e for t in acts for s, e in t.sources)


def _ends_mid_clause(text: str, contents) -> bool:
    """The content stops where the sentence goes on: no punctuation, no line end follows it."""
    rest = text[max(e for _, e in contents):].lstrip(" \"\u201d'")
    return bool(rest) and rest[0] not in ".,;:!?\n)\u2014-"


def _shares_content(a: SpanTriple, b: SpanTriple) -> bool:
    return any(_overlaps(x, y) for x in a.contents for y in b.contents)


def _covers(outer, inner) -> bool:
    return bool(inner) and min(s for s, _ in outer) <= min(s for s, _ in inner) \
        and max(e for _, e in outer) > max(e for _, e in inner)


def _inside(span: tuple[int, int], parts) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in parts)


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


def build_attributions(article: Article, doc: Doc, triples) -> list[Attribution]:
    """Turn span triples into records: quotes, carried quote paragraphs, sources, stances."""
    text = article.text
    paragraphs = article.paragraph_spans()
    regions = [find_quote_regions(text, *p) for p in paragraphs]
    index = build_entity_index(doc)

    drafts: list[dict] = []
    for triple in triples:
        para = _paragraph_of(paragraphs, triple.cue[0])
        frame = (min([triple.cue[0]] + [s[0] for s in triple.sources]),
                 max([triple.cue[1]] + [s[1] for s in triple.sources]))
        contents = quotes_around(text, paragraphs[para], frame, triple.contents) or triple.contents
        contents = contents + _quote_after_sentence(text, regions[para], frame, contents, triples)
        source = triple.sources[0] if triple.sources else None
        shared = next((d for d in drafts if source and d["source"] and d["source"][0] == source[0]
                       and d["source"][1] > source[1]), None)
        if shared is not None:  # "Counsel to the defendant, Chief X, dismissed ... and accused ...": one subject
            resolved = shared["resolved"]
        else:
            said = tuple(contents)
            if source and text[source[0]:source[1]].lower() in ("he", "she") and drafts and drafts[-1]["resolved"] \
                    and drafts[-1]["contents"] and drafts[-1]["contents"][-1][1] <= source[0]:
                # "Oprea predicted that Dobrescu's career was over ... He was unconvinced": not Dobrescu,
                # a name inside what the last speaker said
                said += tuple(c for d in drafts if d["para"] == drafts[-1]["para"]
                              and d["resolved"] == drafts[-1]["resolved"] for c in d["contents"])
            resolved = resolve_source(doc, index, *source, said=said) if source else None
            resolved = named_outlet(resolved, article.outlet)
        if source:
            note_speaker(index, source[0], resolved, end=source[1])
        drafts.append({"para": para, "cue": triple.cue, "source": source, "resolved": resolved,
                       "contents": tuple(contents), "confidence": triple.confidence})

    has = [False] * len(paragraphs)
    for d in drafts:
        has[d["para"]] = True
    last_speaker: dict[int, dict] = {}
    for d in sorted(drafts, key=lambda d: d["cue"]):
        last_speaker[d["para"]] = d
    for para, content, speaker_para in find_carried_quotes(text, paragraphs, has):
        speaker = last_speaker.get(speaker_para)
        if speaker is None:
            continue
        carried = {"para": para, "cue": None, "source": None, "resolved": speaker["resolved"],
                   "contents": (content,), "confidence": CARRIED_CONFIDENCE}
        drafts.append(carried)
        last_speaker[para] = speaker

    readings = [read_cue(doc, *d["cue"]) if d["cue"] else None for d in drafts]
    stances = []
    for d, reading in zip(drafts, readings):
        if reading is not None and reading.stance is not None:
            stances.append(reading.stance)
        else:
            stances.append(content_stance(doc, d["contents"],
                                          evaluative=bool(reading and reading.evaluative)))
    stances = side_stances(doc, index, [
        Said(speaker=d["resolved"], source=d["source"], cue=d["cue"], contents=d["contents"], stance=s,
             neutral=r is None or r.stance is None)
        for d, s, r in zip(drafts, stances, readings)])

    out = []
    for d, stance in zip(drafts, stances):
        out.append(Attribution(
            article_id=article.id,
            source=Span.of(text, *d["source"]) if d["source"] else None,
            cue=Span.of(text, *d["cue"]) if d["cue"] else None,
            contents=tuple(Span.of(text, s, e) for s, e in d["contents"]),
            stance=stance,
            direct=is_direct(text, regions[d["para"]], d["contents"]),
            confidence=d["confidence"],
            source_resolved=d["resolved"],
        ))
    return sorted(out, key=lambda a: a.contents[0].start if a.contents else 0)


def _paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> int:
    for i, (start, end) in enumerate(paragraphs):
        if offset < end + 2:
            return i
    return len(paragraphs) - 1


__all__ = ["extract_attributions", "build_attributions", "find_triples"]
