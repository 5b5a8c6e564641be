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

from dataclasses import dataclass, field

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
    """Per-token facts about one Doc that both taggers read; built once per Doc.

    The per-token lists (``tags`` ... ``children``) hold what the features read from spaCy
    tokens, read once: a ``doc[i]`` or ``tok.head`` makes a new Token object each time, and the
    role tagger reads a paragraph's tokens again for every cue in it.
    """

    doc: Doc
    paragraphs: list[list[int]]  # token indices per paragraph, whitespace tokens dropped
    para_of: list[int]  # paragraph index per token (-1: whitespace token)
    sent_of: list[int]  # sentence index per token
    in_quote: list[bool]  # inside a quotation (state carried within a paragraph)
    base: list[list[str]]  # token-only features, shared by both taggers
    words: list[str]  # lowercased text
    lexicon: dict[str, float]
    tags: list[str] = field(default_factory=list)  # tag_
    deps: list[str] = field(default_factory=list)  # dep_
    pos: list[str] = field(default_factory=list)  # pos_
    lemmas: list[str] = field(default_factory=list)  # lemma_, lowercased
    lowers: list[str] = field(default_factory=list)  # lower_
    heads: list[int] = field(default_factory=list)  # head index (the root is its own head)
    children: list[list[int]] = field(default_factory=list)  # child indices, in order
    quote_str: list[str] = field(default_factory=list)  # str(in_quote[i])
    dep_hdep: list[str] = field(default_factory=list)  # "d|hd=" feature


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


# Children whose label the base features name ("c=ccomp"): the arguments a cue verb takes.
_BASE_CHILD_DEPS = frozenset({"ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "prep", "agent", "advcl", "parataxis"})
# Children whose word the cue features name ("cw=prt|up"): parts of a multiword cue.
_CUE_CHILD_DEPS = frozenset({"prep", "aux", "auxpass", "prt", "neg", "xcomp", "dobj"})


def build_view(doc: Doc, lexicon: dict[str, float]) -> DocView:
    """Split the Doc into paragraphs, track quote state, and compute token features."""
    n = len(doc)
    texts: list[str] = []
    tags: list[str] = []
    deps: list[str] = []
    pos: list[str] = []
    lemmas: list[str] = []
    lowers: list[str] = []
    heads: list[int] = []
    children: list[list[int]] = []
    ents: list[str] = []
    sent_start: list[bool] = []
    paragraphs: list[list[int]] = []
    para_of = [-1] * n
    cur: list[int] = []
    # one pass over the tokens: everything the features read, and the paragraph split
    for tok in doc:
        i = tok.i
        text = tok.text
        texts.append(text)
        tags.append(tok.tag_)
        deps.append(tok.dep_)
        pos.append(tok.pos_)
        lemmas.append(tok.lemma_.lower())
        lowers.append(tok.lower_)
        heads.append(tok.head.i)
        children.append([c.i for c in tok.children])
        ent_type = tok.ent_type_
        ents.append("e=" + (tok.ent_iob_ + ent_type if ent_type else "O"))
        sent_start.append(bool(tok.is_sent_start))
        if tok.is_space or not text.strip():
            if "\n" in text and cur:
                paragraphs.append(cur)
                cur = []
            continue
        para_of[i] = len(paragraphs)
        cur.append(i)
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
            t = texts[i]
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
    quote_str = [str(q) for q in in_quote]

    words = [t.lower() for t in texts]
    lexbins = [_lexbin(lexicon.get(lem, 0.0)) for lem in lemmas]
    dep_hdep = [f"d|hd={deps[i]}|{deps[heads[i]]}" for i in range(n)]
    base = []
    for i in range(n):
        dep = deps[i]
        h = heads[i]
        lexbin = lexbins[i]
        hbin = lexbins[h]
        f = [
            "w=" + words[i],
            "l=" + lemmas[i],
            "p=" + tags[i],
            "d=" + dep,
            "s=" + _shape(texts[i]),
            ents[i],
            "hl=" + lemmas[h],
            "hd=" + dep + "|" + pos[h],
            "lex=" + lexbin,
            "lexp=" + lexbin + "|" + pos[i],
            "q=" + quote_str[i],
            "hlex=" + hbin,
            "hlexd=" + hbin + "|" + dep,
        ]
        best_child = "0"
        for c in children[i]:
            cdep = deps[c]
            if cdep in _BASE_CHILD_DEPS:
                f.append("c=" + cdep)
                f.append("lexc=" + lexbin + "|" + cdep)
            if _LEX_ORDER[lexbins[c]] > _LEX_ORDER[best_child]:
                best_child = lexbins[c]
        f.append("clex=" + best_child)
        if sent_start[i]:
            f.append("sstart")
        if i + 1 < n and sent_start[i + 1]:
            f.append("send")
        base.append(f)
    return DocView(doc=doc, paragraphs=paragraphs, para_of=para_of, sent_of=sent_of,
                   in_quote=in_quote, base=base, words=words, lexicon=lexicon, tags=tags, deps=deps,
                   pos=pos, lemmas=lemmas, lowers=lowers, heads=heads, children=children,
                   quote_str=quote_str, dep_hdep=dep_hdep)


def cue_features(view: DocView, para: list[int]) -> list[list[str]]:
    """Features for the cue tagger over one paragraph: the token's own plus a ±2 window."""
    words, tags, lemmas, deps, heads = view.words, view.tags, view.lemmas, view.deps, view.heads
    lowers, children, base = view.lowers, view.children, view.base
    para_of = view.para_of
    out = []
    m = len(para)
    for k, i in enumerate(para):
        f = base[i].copy()
        if k >= 2:
            j = para[k - 2]
            f.append("w-2=" + words[j])
            f.append("p-2=" + tags[j])
        else:
            f.append("w-2=<pad>")
        if k >= 1:
            j = para[k - 1]
            f.append("w-1=" + words[j])
            f.append("p-1=" + tags[j])
            f.append("l-1=" + lemmas[j])
            f.append("d-1=" + deps[j])
        else:
            f.append("w-1=<pad>")
        if k + 1 < m:
            j = para[k + 1]
            f.append("w1=" + words[j])
            f.append("p1=" + tags[j])
            f.append("l1=" + lemmas[j])
            f.append("d1=" + deps[j])
        else:
            f.append("w1=<pad>")
        if k + 2 < m:
            j = para[k + 2]
            f.append("w2=" + words[j])
            f.append("p2=" + tags[j])
        else:
            f.append("w2=<pad>")
        if k + 1 < m:
            f.append("bi=" + words[i] + "_" + words[para[k + 1]])
        if k > 0:
            f.append("bi-=" + words[para[k - 1]] + "_" + words[i])
        else:
            f.append("pstart")
        # multiword cues ("called for", "has said", "according to"): the words around the
        # token in the tree, not just in the line
        h = heads[i]
        f.append("w|hl=" + words[i] + "|" + lemmas[h])
        for c in children[i]:
            if deps[c] in _CUE_CHILD_DEPS:
                f.append("cw=" + deps[c] + "|" + lowers[c])
        f.append("gl=" + lemmas[heads[h]])
        f.append(view.dep_hdep[i])
        f.append("l|hl=" + lemmas[i] + "|" + lemmas[h])
        if para_of[i] == 0:
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


def _cue_root(heads: list[int], start: int, end: int) -> int:
    """:func:`cue_root` over a view's head indices."""
    for i in range(start, end):
        h = heads[i]
        if h == i or not start <= h < end:
            return i
    return start


def _branch(heads: list[int], deps: list[str], i: int, start: int, end: int, anc: dict[int, int],
            depth_limit: int = 40) -> tuple[str, int]:
    """How token ``i`` hangs from the cue: the dependency label of the child of a cue token that
    dominates ``i`` (and the path depth); for a token outside the cue's subtree, the label of
    the branch by which it hangs from the cue's nearest ancestor (``a1:ccomp``: a sibling clause
    of the cue's own clause), or ``none``."""
    cur = i
    prev = -1
    depth = 0
    while depth < depth_limit:
        if start <= cur < end:
            return (deps[prev] if prev >= 0 else "cue"), depth
        if prev >= 0 and cur in anc:
            return f"a{min(anc[cur], 3)}:{deps[prev]}", depth
        h = heads[cur]
        if h == cur:
            break
        prev = cur
        cur = h
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


# "dist=" + side + _bin(d), looked up: distances past the last bin are all "far".
_DIST_NAMES = {side: [f"dist={side}{_bin(d)}" for d in range(_DIST_BINS[-1] + 2)] for side in ("IN", "L", "R")}
_SD_NAMES = {sd: str(max(-2, min(2, sd))) for sd in range(-2, 3)}


def role_features(view: DocView, window: list[int], start: int, end: int,
                  other_cues: list[tuple[int, int]]) -> list[list[str]]:
    """Features for the role tagger: each window token described relative to the cue [start, end)."""
    words, tags, deps, pos, heads = view.words, view.tags, view.deps, view.pos, view.heads
    lowers, in_quote, quote_str, base = view.lowers, view.in_quote, view.quote_str, view.base
    sent_of, para_of, dep_hdep = view.sent_of, view.para_of, view.dep_hdep
    root = _cue_root(heads, start, end)
    cue_lem = view.lemmas[root]
    cue_text = " ".join(words[start:end])
    cue_p = para_of[root]
    cue_s = sent_of[root]
    # the cue's own attachment, e.g. "said" as parataxis inside the content clause
    cue_att = deps[root]
    anc: dict[int, int] = {}  # the cue root's ancestors -> how many levels up
    cur = root
    while heads[cur] != cur and len(anc) < 40:
        cur = heads[cur]
        anc[cur] = len(anc) + 1
    other_marks = sorted(other_cues)
    in_other = set()
    for s, e in other_marks:
        in_other.update(range(s, e))

    # quotations next to the cue: a quote closing just before it or opening just after it is
    # most likely its content
    near = set()
    runs: list[list[int]] = []
    for i in window:
        if in_quote[i] and not start <= i < end:
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            else:
                runs.append([i, i + 1])
    for s, e in runs:
        if 0 <= start - e <= 3 or 0 <= s - end <= 3:
            near.update(range(s, e))

    # "another cue between": whether some other cue starts in [lo, hi) or ends in (lo, hi], read
    # from running counts of the other cues' starts and ends over the window. A start or end
    # outside [w_lo, w_hi) can fall in no such range (lo >= w_lo, hi < w_hi), so it is not counted.
    w_lo, w_hi = min(window[0], start), max(window[-1], end) + 2
    starts = [0] * (w_hi - w_lo + 1)  # after the sums: starts[x - w_lo] = #starts < x
    ends = [0] * (w_hi - w_lo + 1)  # after the sums: ends[x - w_lo + 1] = #ends <= x
    for s, e in other_marks:
        if w_lo <= s < w_hi:
            starts[s - w_lo + 1] += 1
        if w_lo <= e < w_hi:
            ends[e - w_lo + 1] += 1
    for k in range(1, len(starts)):
        starts[k] += starts[k - 1]
        ends[k] += ends[k - 1]

    branches = {}
    for i in window:
        if i in anc:
            branches[i] = ("anc:" + cue_att, -1)
        else:
            branches[i] = _branch(heads, deps, i, start, end, anc)

    side_names = {side: (f"side={side}", f"cl|side={cue_lem}|{side}", f"ct|side={cue_text}|{side}",
                         f"catt|side={cue_att}|{side}", f"qnear|{side}", f"ocue_between|{side}")
                  for side in ("IN", "L", "R")}
    far = len(_DIST_NAMES["IN"]) - 1
    out = []
    m = len(window)
    for k, i in enumerate(window):
        if start <= i < end:
            side, dist = "IN", 0
            lo, hi = end, i
        elif i < start:
            side, dist = "L", start - i
            lo, hi = i, start
        else:
            side, dist = "R", i - end + 1
            lo, hi = end, i
        side_f, cl_side, ct_side, catt_side, qnear, ocue_between = side_names[side]
        br, depth = branches[i]
        sd = sent_of[i] - cue_s
        sd_s = _SD_NAMES[sd] if -2 <= sd <= 2 else str(max(-2, min(2, sd)))
        f = base[i].copy()
        f += [
            side_f,
            _DIST_NAMES[side][min(dist, far)],
            "sd=" + sd_s,
            "pd=" + str(para_of[i] - cue_p),
            "br=" + br,
            "br|side=" + br + "|" + side,
            "br|d=" + br + "|" + str(min(depth, 4)),
            "br|p=" + br + "|" + pos[i],
            cl_side,
            "cl|br=" + cue_lem + "|" + br,
            ct_side,
            "q|side=" + quote_str[i] + "|" + side + "|" + sd_s,
            catt_side,
            dep_hdep[i],
            "br|hw=" + br + "|" + lowers[heads[i]],
        ]
        if i in near:
            f.append(qnear)
        if i in in_other:
            f.append("ocue")
        # another cue between this token and ours: its content is probably not ours
        if lo < hi and (starts[hi - w_lo] - starts[lo - w_lo] or ends[hi - w_lo + 1] - ends[lo - w_lo + 1]):
            f.append(ocue_between)
        if k >= 2:
            j = window[k - 2]
            f.append("w-2=" + words[j])
            f.append("br-2=" + branches[j][0])
            if start <= j < end:
                f.append("cue-2")
        else:
            f.append("w-2=<pad>")
        if k >= 1:
            j = window[k - 1]
            f.append("w-1=" + words[j])
            f.append("br-1=" + branches[j][0])
            f.append("p-1=" + tags[j])
            f.append("q-1=" + quote_str[j] + "|" + quote_str[i])
            if start <= j < end:
                f.append("cue-1")
        else:
            f.append("w-1=<pad>")
        if k + 1 < m:
            j = window[k + 1]
            f.append("w1=" + words[j])
            f.append("br1=" + branches[j][0])
            f.append("p1=" + tags[j])
            f.append("q1=" + quote_str[j] + "|" + quote_str[i])
            if start <= j < end:
                f.append("cue1")
        else:
            f.append("w1=<pad>")
        if k + 2 < m:
            j = window[k + 2]
            f.append("w2=" + words[j])
            f.append("br2=" + branches[j][0])
            if start <= j < end:
                f.append("cue2")
        else:
            f.append("w2=<pad>")
        out.append(f)
    return out


__all__ = ["DocView", "build_view", "char_span", "char_to_token", "token_span", "cue_features", "cue_root", "role_features", "role_window"]
