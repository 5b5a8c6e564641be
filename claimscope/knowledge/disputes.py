"""Disputes: one party asserts what another denies or contradicts, within and across articles.

A cascade (docs/claims.md has the full rules): explicit denials matched to another party's
assertive claim, or to the party a nominal names ("denied Gerasimov's assertion that P");
verdicts of falsity ("X is lying about"); antonym contradictions; neutral-cue contradictions that
join the dispute they match; merging per proposition; opposed predictions per article. Matching
is lexical (IDF-weighted coverage of content terms, synonyms folded) plus ``links``. A party on
both sides is dropped from the denying side; a dispute left with an empty side is dropped; a
denial that matches nothing and names no asserting party is no dispute.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimscope.knowledge.claims import extract_claims, is_assertive, sentence_bounds
from claimscope.knowledge.linking import content_terms
from claimscope.model import ArticleAnalysis, Attribution, Claim, ClaimLink, Dispute, Evidence, Stance

# --- lexicons (data) ---

DENIAL_CUES = frozenset("""deny denied denies denying denial denials reject rejected rejects rejecting
rejection dismiss dismissed dismisses dismissing refute refuted refutes refuting dispute disputed disputes
disputing contest contested contests rebut rebutted rebuts contradict contradicted contradicts repudiate
repudiated debunk debunked""".split())
# Nouns for what one party put forward; their possessor (or "by"/"from" object) is the asserting party.
CLAIM_NOUNS = r"(?:assertions?|claims?|allegations?|accusations?|charges?|reports?|statements?|suggestions?|" \
              r"contentions?|insistence|assessment|characteri[sz]ation|account|arguments?|criticism|" \
              r"idea|notion|theory|theories|remarks?|comments?)"
_NAME = r"(?P<party>(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'’-]*)*)"
_NOMINAL_POSSESSIVE = re.compile(r"(?:^|\b)" + _NAME + r"['’]s?\s+(?:\w+\s+){0,2}?" + CLAIM_NOUNS +
                                 r"(?:\s+that\s+(?P<prop>.+))?", re.S)
_NOMINAL_COMMON = re.compile(r"^(?:the\s+)?(?P<party>(?!(?:his|her|its|their|our|my|your|this|that)\b)[a-z]+)['’]s?\s+"
                             r"(?:\w+\s+){0,2}?" + CLAIM_NOUNS + r"(?:\s+that\s+(?P<prop>.+))?", re.S)
_NOMINAL_BY = re.compile(r"\b" + CLAIM_NOUNS + r"\s+(?:made\s+)?(?:by|from)\s+(?:the\s+)?" + _NAME +
                         r"(?:\s+that\s+(?P<prop>.+))?", re.S)
_BARE_NOMINAL = re.compile(r"^\W*(?:the|those|these|such|any|all|his|her|their|its|that|this)?\s*(?:\w+\s+)?"
                           + CLAIM_NOUNS + r"\b", re.I)
_DEMONSTRATIVE = re.compile(r"\b(?:that|this|those|these|such)\s+(?:\w+\s+)?" + CLAIM_NOUNS + r"\b", re.I)
# A verdict of falsity on what another party said ("X's tweets are lies", "Trump exaggerates").
FALSITY = frozenset("""lie lies lying lied liar liars false falsely untrue wrong misleading mislead exaggerate
exaggerates exaggerated exaggerating baseless unfounded bogus fabricated fabrication debunked inaccurate
nonsense hoax""".split())
_SPEECH_NOUNS = r"(?:claims?|tweets?|statements?|comments?|remarks?|assertions?|allegations?|accusations?|" \
                r"rationales?|arguments?|account|story|figures?|numbers?)"
_VERDICT_WORDS = r"(?:lies|a lie|false|untrue|not true|wrong|misleading|baseless|unfounded|bogus|nonsense|a hoax|" \
                 r"fabricated|inaccurate|exaggerated|debunked)"
_VERDICT_POSSESSIVE = re.compile(_NAME + r"['’]s?\s+(?:[\w-]+\s+){0,3}?" + _SPEECH_NOUNS +
                                 r"\b[^.;]{0,160}?\b(?:is|are|was|were)\s+(?:\w+\s+)?" + _VERDICT_WORDS + r"\b")
_VERDICT_VERB = re.compile(_NAME + r"\s+(?:is\s+lying|was\s+lying|lied|exaggerates|exaggerated|is\s+exaggerating|"
                           r"misled|misleads|is\s+misleading|falsely\s+(?:claimed|claims|said|says))\b")
# Word pairs that cannot both hold of one thing; stems matched by prefix (data).
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("asleep", "awake"), ("support", "oppos"), ("guilty", "innocent"), ("alive", "dead"),
    ("legal", "illegal"), ("increas", "decreas"), ("accept", "reject"), ("approv", "reject"),
    ("agree", "disagree"), ("safe", "unsafe"), ("present", "absent"), ("win", "los"),
    ("won", "lost"), ("true", "false"), ("withdraw", "advanc"), ("continu", "stopp"),
)
# Speakers that name no party: relative and bare pronouns the source finder sometimes keeps.
_NO_PARTY = re.compile(r"^(?:that|this|which|who|whom|it|its|one|many|some|most|all|few|none|each|"
                       r"(?:many|some|most|all|few|none|each) of (?:whom|which|them|those))$", re.I)
_GROUP_NOUN = re.compile(r"\b(?:officials|authorities|government|ministry|police|prosecutors|lawmakers|"
                         r"military|army|rebels|militants|residents|activists|critics|protesters|"
                         r"investigators|regulators|doctors|scientists|experts|analysts|witnesses|"
                         r"families|victims|workers|unions?|company|campaign|spokesm[ae]n|"
                         r"spokeswom[ae]n|spokesperson)\b", re.I)
_NON_AGENT = re.compile(r"['’]s\s+(?:plan|policy|bill|law|proposal|idea|decision|move|ad|video|tweet|book)$", re.I)
POSITIVE_OUTCOME = frozenset("""blossom prosper prosperity flourish thrive improve improvement boost benefit
strengthen stronger better grow growth help revive recovery succeed success opening opportunity
gain gains win""".split())
NEGATIVE_OUTCOME = frozenset("""fail failure worsen worse collapse struggle trap traps hurt damage setback
harm decline deteriorate disaster nothing""".split())
# A negated prediction is a negative outlook only about an outcome ("will not lead to anything").
NEGATABLE_OUTCOME = POSITIVE_OUTCOME | frozenset("lead change work bring matter solve end".split())
# The negation must govern the outcome: "will not lead", "nothing that can help", not any "not".
_NEGATED_OUTCOME = re.compile(r"\b(?:not|never|no|nothing|cannot|won't|wouldn't|can't)\b(?:\W+\w+){0,3}?\W+(?:"
                              + "|".join(sorted(NEGATABLE_OUTCOME)) + r")\b", re.I)
# A prediction whose subject points back to the story's topic ("Therefore, these recognitions ...").
_ANAPHORIC = re.compile(r"^(?:\w+,\s+)?(?:these|this|that|those|it|such)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|won't|wouldn't|going to|can|could)\b", re.I)
_PARTY_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")

# --- thresholds (tuned on the seed and data/disputes/polnear-dev-disputes.jsonl) ---

DENY_MATCH = 0.5  # weighted share of a denial's terms an assertive claim must hold
# Weight of the asserted claim's own share of shared terms in matching a denial to it: set on the
# seed's Kursk denial (which a long claim mentioning Kursk and "drive out" otherwise took) and
# checked on the PolNeAR dev dispute set (unchanged: P 0.80, R 0.44).
FOCUS_WEIGHT = 0.3
CONTRADICTION_MATCH = 0.6  # a neutral-cue contradiction starting a dispute of its own
MERGE_MATCH = 0.6  # two disputes' claims stating the same proposition
NEAREST_PARAGRAPHS = 3  # how far back a bare "denied the allegations" looks
MIN_SHARED_TERMS = 2


@dataclass
class _Item:
    claim: Claim
    attribution: Attribution | None
    analysis: ArticleAnalysis
    parties: tuple[str, ...]
    terms: frozenset[str]
    name_terms: frozenset[str] = frozenset()  # terms that only name who is involved

    @property
    def predicate_terms(self) -> frozenset[str]:
        return self.terms - self.name_terms


@dataclass
class _Group:
    asserting: list[int] = field(default_factory=list)
    denying: list[int] = field(default_factory=list)
    extra_asserting: list[str] = field(default_factory=list)  # parties named only by a nominal
    proposition: str | None = None
    scores: list[float] = field(default_factory=list)
    kind: str = "contradiction"


def find_disputes(analyses: Sequence[ArticleAnalysis], links: Sequence[ClaimLink] = ()) -> list[Dispute]:
    """Every dispute in the analyses, merged per proposition, most confident first."""
    items = _collect(analyses)
    if not items:
        return []
    idf = _idf(items)
    by_id = {it.claim.id: k for k, it in enumerate(items)}
    linked: dict[int, dict[int, float]] = defaultdict(dict)
    for link in links:
        a, b = by_id.get(link.claim_a), by_id.get(link.claim_b)
        if a is not None and b is not None:
            linked[a][b] = linked[b][a] = link.similarity
    postings: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        if _assertable(it.claim.stance) and it.parties:
            for t in it.terms:
                postings[t].append(k)

    groups: list[_Group] = []
    denials = [k for k, it in enumerate(items) if it.claim.stance is Stance.DENY and it.parties]
    explicit = [k for k in denials if _is_explicit(items[k])]
    contradictions = [k for k in denials if k not in set(explicit)]
    for k in explicit:
        group = _explicit_dispute(items, k, idf, postings, linked)
        if group is not None:
            groups.append(group)
    groups += _falsity_verdicts(items, idf)
    groups += _antonym_contradictions(items)
    for k in contradictions:
        _place_contradiction(items, k, groups, idf, postings, linked)
    groups = _merge(items, groups, idf)
    for g in groups:
        _widen_asserting(items, g, idf, postings)
    groups += _opposed_predictions(items)
    disputes = [d for g in groups if (d := _to_dispute(items, g)) is not None]
    disputes.sort(key=lambda d: -d.confidence)
    return disputes


# --- collecting ---

def _collect(analyses: Sequence[ArticleAnalysis]) -> list[_Item]:
    items = []
    for an in analyses:
        claims = an.claims or tuple(extract_claims(an.article, an.attributions, an.entities, an.dates, an.places))
        for c in claims:
            att = an.attributions[c.attribution_index] if c.attribution_index < len(an.attributions) else None
            names = " ".join([*c.subjects, *c.places])
            items.append(_Item(claim=c, attribution=att, analysis=an, parties=split_parties(c.speaker),
                               terms=frozenset(content_terms(c.text)), name_terms=frozenset(content_terms(names))))
    return items


def split_parties(speaker: str | None) -> tuple[str, ...]:
    """"Russia and North Korea" is two parties; a pronoun or nothing is none."""
    if not speaker or speaker.lower() in {"i", "we", "he", "she", "they", "it", "you"}:
        return ()
    if _NO_PARTY.match(speaker.strip()):
        return ()
    return tuple(p.strip() for p in _PARTY_SPLIT.split(speaker) if _is_party(p.strip()))


def _is_party(name: str) -> bool:
    """A named party, or a group noun that stands for one ("officials"); not "people" or "that"."""
    if not name or _NO_PARTY.match(name):
        return False
    if _NON_AGENT.search(name):
        return False
    if any(w[:1].isupper() for w in name.split()):
        return True
    return bool(_GROUP_NOUN.search(name))


def _idf(items: list[_Item]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for it in items:
        for t in it.terms:
            df[t] += 1
    n = len(items)
    return {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}


def coverage(denied: frozenset[str], asserted: frozenset[str], idf: dict[str, float]) -> float:
    """IDF-weighted share of the denied terms the asserted claim holds (0 under two shared terms
    unless the denial has no more than two)."""
    if not denied or not asserted:
        return 0.0
    shared = denied & asserted
    if len(shared) < min(MIN_SHARED_TERMS, len(denied)):
        return 0.0
    return sum(idf.get(t, 1.0) for t in shared) / sum(idf.get(t, 1.0) for t in denied)


def same_party(a: Sequence[str], b: Sequence[str]) -> bool:
    """One party if either name's words contain the other's ("Putin" / "Vladimir Putin")."""
    for x in a:
        wx = set(_name_words(x))
        for y in b:
            wy = set(_name_words(y))
            if wx and wy and (wx <= wy or wy <= wx):
                return True
    return False


def _name_words(name: str) -> list[str]:
    name = re.sub(r"['’]s\b", "", name)
    return [w.lower() for w in re.findall(r"[\w-]+", name) if w.lower() not in {"the", "of"}]


# --- explicit denials ---

def _assertable(stance: Stance) -> bool:
    """Stances a denial can answer: assertive ones, and criticism ("dismissed the criticism")."""
    return is_assertive(stance) or stance is Stance.CRITICIZE


def _is_explicit(item: _Item) -> bool:
    att = item.attribution
    if att is None or att.cue is None:
        return False
    return any(w.lower() in DENIAL_CUES for w in re.findall(r"[A-Za-z]+", att.cue.text))


def _content_text(item: _Item) -> str:
    att = item.attribution
    if att is None or not att.contents:
        return item.claim.text
    return " ".join(c.text for c in att.contents)


def parse_nominal(content: str) -> tuple[str, str | None] | None:
    """("Gerasimov", "all ... had been liquidated") for "Gerasimov's assertion that all ..."."""
    for pattern in (_NOMINAL_POSSESSIVE, _NOMINAL_COMMON, _NOMINAL_BY):
        m = pattern.search(content)
        if m and m.start() <= 12:
            prop = m.group("prop")
            return m.group("party").strip(), (prop.strip(" \"“”,.") if prop else None)
    return None


def _resolve_name(name: str, item: _Item) -> str:
    """The fullest entity name the article gives a surname or short form."""
    words = set(_name_words(name))
    for e in item.analysis.entities:
        for form in (e.name, *e.aliases):
            if set(_name_words(form)) == words or (words and words <= set(_name_words(e.name))):
                return e.name
    return name


def _best_assertion(items, k, terms, idf, postings, linked, parties) -> tuple[int | None, float]:
    best, best_score = None, 0.0
    candidates = {a for t in terms for a in postings.get(t, ())} | set(linked.get(k, {}))
    for a in candidates:
        other = items[a]
        if a == k or not _assertable(other.claim.stance) or not other.parties:
            continue
        if same_party(other.parties, parties):
            continue
        if not terms & other.predicate_terms and a not in linked.get(k, {}):
            continue  # sharing only names ("Osama bin Laden") is no shared proposition
        # Coverage of the denied terms, discounted for asserted claims that say much else besides
        # (a long sentence covers any short denial by accident).
        focus = coverage(other.terms, terms, idf)
        score = max(coverage(terms, other.terms, idf) * (1 - FOCUS_WEIGHT + FOCUS_WEIGHT * focus),
                    linked.get(k, {}).get(a, 0.0))
        if other.analysis is items[k].analysis:
            score += 0.05  # the same story: a reporter's denial answers its own assertions first
        if score > best_score:
            best, best_score = a, score
    return best, best_score


def _explicit_dispute(items, k, idf, postings, linked) -> _Group | None:
    item = items[k]
    nominal = parse_nominal(_content_text(item))
    if nominal is not None:
        party, prop = nominal
        party = _resolve_name(party, item)
        if same_party([party], item.parties):
            return None
        terms = frozenset(content_terms(prop)) if prop else item.terms
        group = _Group(denying=[k], scores=[0.8])
        best, score = _best_assertion(items, k, terms, idf, postings, linked, item.parties)
        if best is not None and score >= DENY_MATCH and same_party(items[best].parties, [party]):
            group.asserting.append(best)
        else:
            group.extra_asserting.append(party)
        if prop and item.claim.speaker:
            # "denied the regulator's claim that it had hidden losses": "it" is the denier
            prop = re.sub(r"^(?:it|he|she|they)\b", item.claim.speaker, prop, count=1, flags=re.I)
        group.proposition = _sentence_case(prop) if prop else None
        return group
    if _BARE_NOMINAL.match(_content_text(item)) or _DEMONSTRATIVE.search(_framed_text(item)):
        a = _nearest_accusation(items, k, anaphoric=bool(_DEMONSTRATIVE.search(_framed_text(item))))
        if a is not None:
            return _Group(asserting=[a], denying=[k], scores=[0.6])
    best, score = _best_assertion(items, k, item.terms, idf, postings, linked, item.parties)
    if best is None or score < DENY_MATCH:
        return None
    return _Group(asserting=[best], denying=[k], scores=[min(1.0, score)])


def _framed_text(item: _Item) -> str:
    """From the cue to the end of the content: "rejected that argument" keeps its "that"."""
    att = item.attribution
    if att is None or att.cue is None or not att.contents:
        return _content_text(item)
    return item.analysis.article.text[att.cue.start:att.contents[-1].end]


def _nearest_accusation(items: list[_Item], k: int, anaphoric: bool = False) -> int | None:
    """For "denied the allegations": the latest earlier assertive claim naming the denier;
    for "rejected that argument" (a demonstrative points back) the latest earlier one at all."""
    item = items[k]
    text = item.analysis.article.text
    start = item.attribution.contents[0].start if item.attribution and item.attribution.contents else 0
    floor = _paragraph_floor(text, start, NEAREST_PARAGRAPHS)
    best = None
    lo = k
    while lo > 0 and items[lo - 1].analysis is item.analysis:  # an article's items are contiguous
        lo -= 1
    hi = k
    while hi + 1 < len(items) and items[hi + 1].analysis is item.analysis:
        hi += 1
    for a in range(lo, hi + 1):
        other = items[a]
        if not _assertable(other.claim.stance) or not other.parties:
            continue
        if same_party(other.parties, item.parties) or other.attribution is None or not other.attribution.contents:
            continue
        pos = other.attribution.contents[0].start
        names_denier = same_party(other.claim.subjects, item.parties) or any(
            p.lower() in other.claim.text.lower() for p in item.parties)
        if floor <= pos < start and (names_denier or anaphoric):
            best = a
    return best


def _paragraph_floor(text: str, offset: int, paragraphs: int) -> int:
    pos = offset
    for _ in range(paragraphs + 1):
        found = text.rfind("\n\n", 0, pos)
        if found < 0:
            return 0
        pos = found
    return pos


# --- verdicts of falsity and antonyms ---

def _falsity_verdicts(items: list[_Item], idf) -> list[_Group]:
    """"X's tweets are lies", "Trump exaggerates": the speaker denies what the named party says."""
    out = []
    for k, it in enumerate(items):
        if not it.parties or it.claim.is_negated or it.claim.stance is Stance.QUESTION:
            continue
        m = _VERDICT_POSSESSIVE.search(it.claim.text) or _VERDICT_VERB.search(it.claim.text)
        if m is None:
            continue
        target = _resolve_name(m.group("party"), it)
        if same_party([target], it.parties) or not _is_party_name(target, it):
            continue
        said = [a for a, other in enumerate(items) if other.analysis is it.analysis and a != k
                and _assertable(other.claim.stance) and same_party(other.parties, [target])]
        best = max(said, key=lambda a: coverage(items[a].terms, it.terms, idf), default=None)
        group = _Group(denying=[k], scores=[0.6])
        if best is not None and coverage(items[best].terms, it.terms, idf) > 0:
            group.asserting.append(best)
        else:
            group.extra_asserting.append(target)
            group.proposition = it.claim.text
        out.append(group)
    return out


def _is_party_name(name: str, item: _Item) -> bool:
    """People, organisations and groups speak; a place named in passing is no party to a verdict."""
    for e in item.analysis.entities:
        if e.name == name:
            if e.kind.value == "group":  # "Republicans" speak, the adjective "Republican" does not
                return name.endswith("s") or " " in name
            return e.kind.value in ("person", "organization")
    return True


def _antonym_contradictions(items: list[_Item]) -> list[_Group]:
    """Two parties' statements in one story with antonyms on a shared topic ("asleep" / "awake")."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        if it.parties and _assertable(it.claim.stance):
            by_article[it.claim.article_id].append(k)
    out = []
    for ks in by_article.values():
        words = {k: [w.lower() for w in re.findall(r"[A-Za-z]+", items[k].claim.text)] for k in ks}
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                a, b = ks[x], ks[y]
                if same_party(items[a].parties, items[b].parties):
                    continue
                pair = _antonym_pair(words[a], words[b])
                if pair is None:
                    continue
                shared = (items[a].predicate_terms & items[b].predicate_terms) - {
                    t for w in pair for t in content_terms(w)}
                if not shared:
                    continue
                first, second = sorted((a, b), key=lambda i: (_denies(items[i]), items[i].claim.attribution_index))
                out.append(_Group(asserting=[first], denying=[second], scores=[0.55]))
    return out


def _denies(item: _Item) -> bool:
    """Whether a claim reads as the denying side: a denial, or a verdict of falsity."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", item.claim.text)}
    return item.claim.stance is Stance.DENY or bool(words & FALSITY)


def _antonym_pair(a: list[str], b: list[str]) -> tuple[str, str] | None:
    for left, right in ANTONYMS:
        for x, y in ((left, right), (right, left)):
            wa = next((w for w in a if w.startswith(x) and not w.startswith(y)), None)
            wb = next((w for w in b if w.startswith(y) and not w.startswith(x)), None)
            if wa and wb:
                return wa, wb
    return None


# --- contradictions and merging ---

def _place_contradiction(items, k, groups, idf, postings, linked) -> None:
    item = items[k]
    scored = [(_similar(item, items[m], idf), n) for n, g in enumerate(groups) if g.kind == "contradiction"
              for m in g.asserting + g.denying
              if not (m in g.asserting and same_party(items[m].parties, item.parties))]
    best_score, best = max(scored, default=(0.0, None))
    best_group = groups[best] if best is not None else None
    if best_group is not None and best_score >= DENY_MATCH:
        if not any(same_party(items[a].parties, item.parties) for a in best_group.asserting):
            best_group.denying.append(k)
            best_group.scores.append(best_score)
        return
    best, score = _best_assertion(items, k, item.terms, idf, postings, linked, item.parties)
    if best is not None and score >= CONTRADICTION_MATCH:
        groups.append(_Group(asserting=[best], denying=[k], scores=[min(1.0, score) * 0.8]))


def _similar(a: _Item, b: _Item, idf: dict[str, float]) -> float:
    """Coverage of either claim by the other (one proposition may be worded at two lengths);
    0 when they share only names."""
    if not a.predicate_terms & b.predicate_terms:
        return 0.0
    return max(coverage(a.terms, b.terms, idf), coverage(b.terms, a.terms, idf))


def _merge(items, groups: list[_Group], idf) -> list[_Group]:
    """Union disputes that share a claim or state the same proposition."""
    parent = list(range(len(groups)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            gi, gj = groups[i], groups[j]
            if set(gi.asserting + gi.denying) & set(gj.asserting + gj.denying) or _same_proposition(items, gi, gj, idf):
                parent[find(i)] = find(j)
    merged: dict[int, _Group] = {}
    for i, g in enumerate(groups):
        root = merged.setdefault(find(i), _Group())
        root.asserting, root.denying = _unique(root.asserting + g.asserting), _unique(root.denying + g.denying)
        root.extra_asserting = _unique(root.extra_asserting + g.extra_asserting)
        root.scores += g.scores
        root.proposition = root.proposition or g.proposition
    for g in merged.values():
        g.asserting = [a for a in g.asserting if a not in g.denying]
    return list(merged.values())


def _same_proposition(items, gi: _Group, gj: _Group, idf) -> bool:
    for a in gi.asserting + gi.denying:
        for b in gj.asserting + gj.denying:
            if min(len(items[a].terms), len(items[b].terms)) >= 3 and \
                    _similar(items[a], items[b], idf) >= MERGE_MATCH:
                return True
    return False


def _widen_asserting(items, g: _Group, idf, postings) -> None:
    """Other parties' assertive claims of the same proposition join its asserting side."""
    if not g.asserting:
        return
    deniers = [p for d in g.denying for p in items[d].parties]
    seeds = list(g.asserting)
    candidates = {a for s in seeds for t in items[s].terms for a in postings.get(t, ())}
    for a in sorted(candidates):
        if a in g.asserting or same_party(items[a].parties, deniers):
            continue
        if any(len(items[a].terms) >= 3 and _similar(items[a], items[s], idf) >= MERGE_MATCH
               for s in seeds):
            g.asserting.append(a)


# --- opposed predictions ---

def _opposed_predictions(items: list[_Item]) -> list[_Group]:
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        by_article[it.claim.article_id].append(k)
    out = []
    for ks in by_article.values():
        positive = [k for k in ks if _outlook(items[k]) == 1]
        negative = [k for k in ks if _outlook(items[k]) == -1]
        pos_parties = [p for k in positive for p in items[k].parties]
        negative = [k for k in negative if not same_party(items[k].parties, pos_parties)]
        negative = [k for k in negative
                    if _ANAPHORIC.match(items[k].claim.text) or any(items[k].predicate_terms & items[p].predicate_terms
                                                                   for p in positive)]
        if positive and negative:
            out.append(_Group(asserting=positive, denying=negative, scores=[0.5], kind="opposed_prediction"))
    return out


def _outlook(item: _Item) -> int:
    """+1 a prediction of a good outcome, -1 of none or a bad one (or a doubt of a good one), 0 else."""
    words = {w.lower() for w in re.findall(r"[A-Za-z']+", item.claim.text)}
    if not item.parties or not _FUTURE.search(item.claim.text) and item.claim.stance is not Stance.PREDICT:
        return 0
    good, bad = bool(words & POSITIVE_OUTCOME), bool(words & NEGATIVE_OUTCOME)
    if item.claim.stance is Stance.QUESTION:
        return -1 if good and _FUTURE.search(item.claim.text) else 0
    if item.claim.stance is not Stance.PREDICT:
        return 0
    if _NEGATED_OUTCOME.search(item.claim.text) or (bad and not good):
        return -1
    return 1 if good and not bad else 0


# --- records ---

def _to_dispute(items: list[_Item], g: _Group) -> Dispute | None:
    asserted = _unique([p for a in g.asserting for p in items[a].parties] + g.extra_asserting)
    denied = _unique([p for d in g.denying for p in items[d].parties])
    denied = [p for p in denied if not same_party([p], asserted)]
    if not asserted or not denied:
        return None
    claims = g.asserting + g.denying
    evidence = tuple(_evidence(items[k]) for k in claims)
    if not g.asserting:  # only a nominal named the asserting side: the denial's sentence is the evidence
        evidence = tuple(_evidence(items[k], sentence=True) for k in g.denying)
    proposition = g.proposition or (items[g.asserting[0]].claim.text if g.asserting else items[g.denying[0]].claim.text)
    ids = tuple(items[k].claim.id for k in claims)
    confidence = sum(g.scores) / len(g.scores) if g.scores else 0.5
    confidence *= min((items[k].attribution.confidence if items[k].attribution else 0.5) for k in claims) ** 0.5
    return Dispute(
        id=hashlib.sha1("\x1f".join(sorted(ids)).encode()).hexdigest()[:16],
        proposition=proposition,
        asserted_by=tuple(asserted),
        denied_by=tuple(denied),
        asserting_claims=tuple(items[k].claim.id for k in g.asserting),
        denying_claims=tuple(items[k].claim.id for k in g.denying),
        evidence=tuple(e for e in evidence if e is not None),
        articles=tuple(_unique([items[k].claim.article_id for k in claims])),
        confidence=round(min(1.0, confidence), 4),
        kind=g.kind,
    )


def _evidence(item: _Item, sentence: bool = False) -> Evidence | None:
    att, text = item.attribution, item.analysis.article.text
    if att is None or not att.contents:
        return None
    starts = [s.start for s in (att.source, att.cue, *att.contents) if s is not None]
    ends = [s.end for s in (att.source, att.cue, *att.contents) if s is not None]
    start, end = min(starts), max(ends)
    if sentence:
        start, end = sentence_bounds(text, start, end)
    return Evidence(article_id=item.claim.article_id, start=start, end=end, text=text[start:end])


def _unique(values):
    return list(dict.fromkeys(values))


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = ["DENIAL_CUES", "coverage", "find_disputes", "parse_nominal", "same_party", "split_parties"]
