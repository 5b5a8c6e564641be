"""CRF features for the two attribution taggers, computed from a parsed spaCy Doc.

Two sequence taggers share one view of the Doc:

* the cue tagger reads each paragraph and marks cue tokens (BIO);
* the role tagger reads a window around ONE cue (the cue's paragraph and its neighbours) and
  marks that cue's source and content tokens (BIO over ``S``/``C``), with features that say how
  each token relates to the cue: which dependency branch of the cue it hangs from, which side,
  how far, whether quote marks enclose it, whether another cue stands in between.

Conditioning on the cue is what removes the linking step: the tagger learns "the ccomp of
*said* is content, its nsubj is source" instead of pairing free-floating spans afterwards.
Features are plain strings (``"w=said"``), the cheapest form python-crfsuite takes.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

# Opening/closing quote marks; a straight '"' toggles.
_OPEN_QUOTES = frozenset({"“", "‘", "«"})
_CLOSE_QUOTES = frozenset({"”", "’", "»"})
_TOGGLE_QUOTES = frozenset({'"', "''", "``"})

# Distance bins (tokens): finer close to the cue, where boundaries are decided.
_DIST_BINS = (0, 1, 2, 3, 5, 8, 12, 20, 35, 60)


def _bin(d: int) -> str:
    for b in _DIST_BINS:
        if d <= b:
            return str(b)
    return "far"


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "AA"
    if text[:1].isupper():
        return "Aa"
    if text.isdigit():
        return "d"
    if text.isalpha():
        return "a"
    return "p" if not any(c.isalnum() for c in text) else "x"


@dataclass(slots=True)
class DocView:
    """Per-token facts about one Doc that both taggers read; built once per Doc."""

    doc: Doc
    paragraphs: list[list[int]]  # token indices per paragraph, whitespace tokens dropped
    para_of: list[int]  # paragraph index per token (-1: whitespace token)
    sent_of: list[int]  # sentence index per token
    in_quote: list[bool]  # inside a quotation (state carried within a paragraph)
    base: list[list[str]]  # token-only features, shared by both taggers
    words: list[str]  # lowercased text
    lexicon: dict[str, float]


def char_to_token(doc: Doc) -> list[int | None]:
    """Citron's character->token map: each character of a token, and its single trailing space,
    belongs to that token; other whitespace belongs to none (it is its own spaCy token)."""
    c2t: list[int | None] = [None] * len(doc.text)
    for tok in doc:
        end = tok.idx + len(tok.text) + (1 if tok.whitespace_ == " " else 0)
        for k in range(tok.idx, end):
            c2t[k] = tok.i
    return c2t


def token_span(c2t: list[int | None], start: int, end: int) -> tuple[int, int] | None:
    """Citron's ``_get_span``: a character range as a token range ``[s, e)``, or None."""
    if not 0 <= start < end <= len(c2t):
        return None
    s, e = c2t[start], c2t[end - 1]
    if s is None or e is None or e + 1 <= s:
        return None
    return s, e + 1


def char_span(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """A token range ``[s, e)`` as the character range it covers (no trailing space)."""
    last = doc[e - 1]
    return doc[s].idx, last.idx + len(last.text)


# Lexicon probability bins: P(in a cue | lemma) on train is very skewed (said ~0.9, most < 0.05).
_LEX_EDGES = ((0.02, "1"), (0.05, "2"), (0.15, "3"), (0.3, "4"), (0.6, "5"))
_LEX_ORDER = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}


def _lexbin(p: float) -> str:
    if p <= 0:
        return "0"
    for edge, name in _LEX_EDGES:
        if p < edge:
            return name
    return "6"


def _is_space(tok) -> bool:
    return tok.is_space or not tok.text.strip()


def build_view(doc: Doc, lexicon: dict[str, float]) -> DocView:
    """Split the Doc into paragraphs, track quote state, and compute token features."""
    n = len(doc)
    paragraphs: list[list[int]] = []
    para_of = [-1] * n
    cur: list[int] = []
    for tok in doc:
        if _is_space(tok):
            if "\n" in tok.text and cur:
                paragraphs.append(cur)
                cur = []
            continue
        para_of[tok.i] = len(paragraphs)
        cur.append(tok.i)
        if "\n" in tok.whitespace_:
            paragraphs.append(cur)
            cur = []
    if cur:
        paragraphs.append(cur)

    sent_of = [0] * n
    for si, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = si

    in_quote = [False] * n
    for para in paragraphs:
        state = False
        for i in para:
            t = doc[i].text
            if t in _OPEN_QUOTES:
                state = True
                in_quote[i] = True
                continue
            if t in _CLOSE_QUOTES:
                in_quote[i] = state
                state = False
                continue
            if t in _TOGGLE_QUOTES:
                in_quote[i] = True if not state else state
                state = not state
                continue
            in_quote[i] = state

    words = [t.text.lower() for t in doc]
    lexbins = [_lexbin(lexicon.get(t.lemma_.lower(), 0.0)) for t in doc]
    base = []
    for tok in doc:
        lem = tok.lemma_.lower()
        lexbin = lexbins[tok.i]
        hbin = lexbins[tok.head.i]
        f = [
            "w=" + words[tok.i],
            "l=" + lem,
            "p=" + tok.tag_,
            "d=" + tok.dep_,
            "s=" + _shape(tok.text),
            "e=" + (tok.ent_iob_ + tok.ent_type_ if tok.ent_type_ else "O"),
            "hl=" + tok.head.lemma_.lower(),
            "hd=" + tok.dep_ + "|" + tok.head.pos_,
            "lex=" + lexbin,
            "lexp=" + lexbin + "|" + tok.pos_,
            "q=" + str(in_quote[tok.i]),
            "hlex=" + hbin,
            "hlexd=" + hbin + "|" + tok.dep_,
        ]
        best_child = "0"
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "prep", "agent", "advcl", "parataxis"):
                f.append("c=" + c.dep_)
                f.append("lexc=" + lexbin + "|" + c.dep_)
            if _LEX_ORDER[lexbins[c.i]] > _LEX_ORDER[best_child]:
                best_child = lexbins[c.i]
        f.append("clex=" + best_child)
        if tok.is_sent_start:
            f.append("sstart")
        if tok.i + 1 < n and doc[tok.i + 1].is_sent_start:
            f.append("send")
        base.append(f)
    return DocView(doc=doc, paragraphs=paragraphs, para_of=para_of, sent_of=sent_of,
                   in_quote=in_quote, base=base, words=words, lexicon=lexicon)


def cue_features(view: DocView, para: list[int]) -> list[list[str]]:
    """Features for the cue tagger over one paragraph: the token's own plus a ±2 window."""
    doc = view.doc
    out = []
    m = len(para)
    for k, i in enumerate(para):
        f = list(view.base[i])
        for off in (-2, -1, 1, 2):
            kk = k + off
            if 0 <= kk < m:
                j = para[kk]
                f.append(f"w{off}=" + view.words[j])
                f.append(f"p{off}=" + doc[j].tag_)
                if off in (-1, 1):
                    f.append(f"l{off}=" + doc[j].lemma_.lower())
                    f.append(f"d{off}=" + doc[j].dep_)
            else:
                f.append(f"w{off}=<pad>")
        if k + 1 < m:
            f.append("bi=" + view.words[i] + "_" + view.words[para[k + 1]])
        if k > 0:
            f.append("bi-=" + view.words[para[k - 1]] + "_" + view.words[i])
        if k == 0:
            f.append("pstart")
        tok = doc[i]
        # multiword cues ("called for", "has said", "according to"): the words around the
        # token in the tree, not just in the line
        f.append("w|hl=" + view.words[i] + "|" + tok.head.lemma_.lower())
        for c in tok.children:
            if c.dep_ in ("prep", "aux", "auxpass", "prt", "neg", "xcomp", "dobj"):
                f.append("cw=" + c.dep_ + "|" + c.lower_)
        f.append("gl=" + tok.head.head.lemma_.lower())
        f.append("d|hd=" + tok.dep_ + "|" + tok.head.dep_)
        f.append("l|hl=" + tok.lemma_.lower() + "|" + tok.head.lemma_.lower())
        if view.para_of[i] == 0:
            f.append("title")
        out.append(f)
    return out


def cue_root(doc: Doc, start: int, end: int) -> int:
    """The cue token whose head lies outside the cue (the first such; the cue's syntactic head)."""
    for i in range(start, end):
        h = doc[i].head.i
        if h == i or not start <= h < end:
            return i
    return start


def _branch(doc: Doc, i: int, start: int, end: int, anc: dict[int, int],
            depth_limit: int = 40) -> tuple[str, int]:
    """How token ``i`` hangs from the cue: the dependency label of the child of a cue token that
    dominates ``i`` (and the path depth); for a token outside the cue's subtree, the label of
    the branch by which it hangs from the cue's nearest ancestor (``a1:ccomp``: a sibling clause
    of the cue's own clause), or ``none``."""
    cur = doc[i]
    prev = None
    depth = 0
    while depth < depth_limit:
        if start <= cur.i < end:
            return (prev.dep_ if prev is not None else "cue"), depth
        if cur.i in anc and prev is not None:
            return f"a{min(anc[cur.i], 3)}:{prev.dep_}", depth
        if cur.head.i == cur.i:
            break
        prev = cur
        cur = cur.head
        depth += 1
    return "none", -1


# Paragraphs either side of the cue's that the role tagger reads. 0: on PolNeAR dev, 99% of
# gold content fragments (2,490 of 2,515) and all but one source lie in the cue's paragraph.
ROLE_WINDOW_PARAGRAPHS = 0


def role_window(view: DocView, start: int, end: int, radius: int = ROLE_WINDOW_PARAGRAPHS) -> list[int]:
    """Tokens the role tagger reads for a cue: its paragraph and ``radius`` paragraphs either side."""
    p = view.para_of[start]
    if p < 0:
        p = next((view.para_of[i] for i in range(start, end) if view.para_of[i] >= 0), 0)
    lo, hi = max(0, p - radius), min(len(view.paragraphs), p + radius + 1)
    return [i for q in range(lo, hi) for i in view.paragraphs[q]]


def role_features(view: DocView, window: list[int], start: int, end: int,
                  other_cues: list[tuple[int, int]]) -> list[list[str]]:
    """Features for the role tagger: each window token described relative to the cue [start, end)."""
    doc = view.doc
    root = cue_root(doc, start, end)
    rtok = doc[root]
    cue_lem = rtok.lemma_.lower()
    cue_text = " ".join(view.words[start:end])
    cue_p = view.para_of[root]
    cue_s = view.sent_of[root]
    # the cue's own attachment, e.g. "said" as parataxis inside the content clause
    cue_att = rtok.dep_
    anc: dict[int, int] = {}  # the cue root's ancestors -> how many levels up
    cur = rtok
    while cur.head.i != cur.i and len(anc) < 40:
        cur = cur.head
        anc[cur.i] = len(anc) + 1
    other_marks = sorted(other_cues)
    in_other = set()
    for s, e in other_marks:
        in_other.update(range(s, e))

    # quotations next to the cue: a quote closing just before it or opening just after it is
    # most likely its content
    q_adj = set()
    for k, i in enumerate(window):
        if view.in_quote[i] and not start <= i < end:
            q_adj.add(i)
    near = set()
    runs = []
    for i in window:
        if i in q_adj and runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        elif i in q_adj:
            runs.append([i, i + 1])
    for s, e in runs:
        if 0 <= start - e <= 3 or 0 <= s - end <= 3:
            near.update(range(s, e))

    branches = {}
    for i in window:
        if i in anc:
            branches[i] = ("anc:" + cue_att, -1)
        else:
            branches[i] = _branch(doc, i, start, end, anc)

    out = []
    m = len(window)
    for k, i in enumerate(window):
        if start <= i < end:
            side, dist = "IN", 0
        elif i < start:
            side, dist = "L", start - i
        else:
            side, dist = "R", i - end + 1
        br, depth = branches[i]
        sd = view.sent_of[i] - cue_s
        sd_s = str(max(-2, min(2, sd)))
        pd = str(view.para_of[i] - cue_p)
        f = list(view.base[i])
        f += [
            "side=" + side,
            "dist=" + side + _bin(dist),
            "sd=" + sd_s,
            "pd=" + pd,
            "br=" + br,
            "br|side=" + br + "|" + side,
            "br|d=" + br + "|" + str(min(depth, 4)),
            "br|p=" + br + "|" + doc[i].pos_,
            "cl|side=" + cue_lem + "|" + side,
            "cl|br=" + cue_lem + "|" + br,
            "ct|side=" + cue_text + "|" + side,
            "q|side=" + str(view.in_quote[i]) + "|" + side + "|" + sd_s,
            "catt|side=" + cue_att + "|" + side,
        ]
        tok = doc[i]
        f.append("d|hd=" + tok.dep_ + "|" + tok.head.dep_)
        f.append("br|hw=" + br + "|" + tok.head.lower_)
        if i in near:
            f.append("qnear|" + side)
        if i in in_other:
            f.append("ocue")
        # another cue between this token and ours: its content is probably not ours
        lo, hi = (i, start) if i < start else (end, i)
        if any(lo <= s < hi or lo < e <= hi for s, e in other_marks):
            f.append("ocue_between|" + side)
        for off in (-2, -1, 1, 2):
            kk = k + off
            if 0 <= kk < m:
                j = window[kk]
                f.append(f"w{off}=" + view.words[j])
                f.append(f"br{off}=" + branches[j][0])
                if off in (-1, 1):
                    f.append(f"p{off}=" + doc[j].tag_)
                    f.append(f"q{off}=" + str(view.in_quote[j]) + "|" + str(view.in_quote[i]))
                if start <= j < end:
                    f.append(f"cue{off}")
            else:
                f.append(f"w{off}=<pad>")
        out.append(f)
    return out


__all__ = ["DocView", "build_view", "char_span", "char_to_token", "token_span", "cue_features", "cue_root", "role_features", "role_window"]
