"""The rules of the dispute cascade, each turning items into candidate groups (one side asserting,
one denying): explicit denials, verdicts of falsity, antonym contradictions, neutral-cue
contradictions and opposed predictions. ``find_disputes`` runs them in order; docs/claims.md
has the rules in prose.
"""
from __future__ import annotations

import re
from collections import defaultdict

from claimscope.knowledge.dispute_lexicon import (
    ANAPHORIC, ANTONYMS, BARE_NOMINAL, DEMONSTRATIVE, DENIAL_CUES, FALSITY, FUTURE, NEGATED_OUTCOME, NEGATIVE_OUTCOME,
    NOMINAL_BY, NOMINAL_COMMON, NOMINAL_FAMILIES, NOMINAL_POSSESSIVE, PLEA, POSITIVE_OUTCOME, VERDICT_DESCRIBED,
    VERDICT_NEGATED, VERDICT_POSSESSIVE, VERDICT_VERB)
from claimscope.knowledge.dispute_matching import (
    CONTRADICTION_MATCH, DENY_MATCH, LEDE_PARAGRAPHS, NEAREST_PARAGRAPHS, OPPOSED_FORECAST_TERMS, POLARITY_MATCH, STORY_DENY_MATCH, Group, Item, best_assertion, coverage,
    is_assertable, is_party_name, name_words, paraphrased_assertion, resolve_description, resolve_name, same_party, similarity)
from claimscope.knowledge.linking import content_terms
from claimscope.model import Stance

# What a bare denial denies ("denied any involvement", "rejected any wrongdoing"): terms (as
# linking.content_terms stems them) that name no proposition of their own.
BARE_DENIAL_TERMS = frozenset(t for w in ("involvement", "wrongdoing", "responsibility", "role", "knowledge",
                                          "link", "connection", "fabrications", "lies", "propaganda")
                               for t in content_terms(w))
# Stances that charge someone: the two sides of a counter-accusation.
BLAMING = frozenset({Stance.ACCUSE})


# --- explicit denials ---

def is_explicit(item: Item) -> bool:
    att = item.attribution
    if att is None or att.cue is None:
        return False
    return any(w.lower() in DENIAL_CUES for w in re.findall(r"[A-Za-z]+", att.cue.text))


def content_text(item: Item) -> str:
    att = item.attribution
    if att is None or not att.contents:
        return item.claim.text
    return " ".join(c.text for c in att.contents)


def parse_nominal(content: str) -> tuple[str, str | None] | None:
    """("Gerasimov", "all ... had been liquidated") for "Gerasimov's assertion that all ..."."""
    for pattern in (NOMINAL_POSSESSIVE, NOMINAL_COMMON, NOMINAL_BY):
        m = pattern.search(content)
        if m and m.start() <= 12:
            prop = m.group("prop")
            return m.group("party").strip(), (prop.strip(" \"“”,.") if prop else None)
    return None


def explicit_dispute(items, k, idf, postings, linked, vectors: dict | None = None) -> Group | None:
    item = items[k]
    nominal = parse_nominal(content_text(item))
    if nominal is not None:
        party, prop = nominal
        party = resolve_name(party, item)
        if same_party([party], item.parties):
            return None
        terms = frozenset(content_terms(prop)) if prop else item.terms
        group = Group(denying=[k], scores=[0.8])
        best, score = best_assertion(items, k, terms, idf, postings, linked, item.parties)
        if best is not None and score >= DENY_MATCH and same_party(items[best].parties, [party]):
            group.asserting.append(best)
        else:
            group.extra_asserting.append(party)
        if prop and item.claim.speaker:
            # "denied the regulator's claim that it had hidden losses": "it" is the denier
            prop = re.sub(r"^(?:it|he|she|they)\b", item.claim.speaker, prop, count=1, flags=re.I)
        group.proposition = sentence_case(prop) if prop else None
        return group
    if PLEA.match(content_text(item)):  # "pleaded not guilty" answers the charge against the pleader
        a = _charge_against(items, k) or _nearest_accusation(items, k, anaphoric=True)
        return Group(asserting=[a], denying=[k], scores=[0.6]) if a is not None else None
    bare = BARE_NOMINAL.match(content_text(item))
    if bare or DEMONSTRATIVE.search(_framed_text(item)):
        a = _nearest_accusation(items, k, anaphoric=bool(DEMONSTRATIVE.search(_framed_text(item))),
                                noun=bare.group("noun") if bare else None)
        if a is None and bare:  # "Corran rejected the claims" paragraphs below the charge naming it
            a = _charge_against(items, k, accusing=True)
        if a is not None:
            return Group(asserting=[a], denying=[k], scores=[0.6])
    best, score = best_assertion(items, k, item.terms, idf, postings, linked, item.parties)
    if best is None or score < DENY_MATCH:
        best, score = paraphrased_assertion(items, k, vectors or {})
    if best is None:  # "denied that it had ignored the warnings" after "accused the company of playing down warnings"
        best, score = _answered_accusation(items, k), 0.5
    if best is None:  # the story's own claim it answers, in fewer shared words
        best, score = _earlier_in_story(items, k, idf, postings, linked)
    if best is None:  # a lede's denial, the charge told after it
        best, score = _later_charge(items, k), 0.45
    if best is None:
        return None
    return Group(asserting=[best], denying=[k], scores=[min(1.0, score)])


def _earlier_in_story(items, k, idf, postings, linked) -> tuple[int | None, float]:
    """An explicit denial's best match among the same story's earlier claims by other parties, at
    ``STORY_DENY_MATCH``: "denied that the depot had any military use" answers "the depot had been
    a legitimate military target" told above it, though they share two content words of three."""
    item = items[k]
    best, score = best_assertion(items, k, item.terms, idf, postings, linked, item.parties)
    if best is None or score < STORY_DENY_MATCH or items[best].analysis is not item.analysis or best > k:
        return None, 0.0
    return best, score


def _framed_text(item: Item) -> str:
    """From the cue to the end of the content: "rejected that argument" keeps its "that"."""
    att = item.attribution
    if att is None or att.cue is None or not att.contents:
        return content_text(item)
    return item.analysis.article.text[att.cue.start:att.contents[-1].end]


def _nearest_accusation(items: list[Item], k: int, anaphoric: bool = False, noun: str | None = None) -> int | None:
    """For "denied the allegations": the latest earlier assertive claim naming the denier, or one
    of the noun's kind (an accusation, a "critic"'s words, a report: ``NOMINAL_FAMILIES``); for
    "rejected that argument" (a demonstrative points back) the latest earlier one at all."""
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
        if not is_assertable(other.claim.stance) or not other.parties:
            continue
        if same_party(other.parties, item.parties) or other.attribution is None or not other.attribution.contents:
            continue
        pos = other.attribution.contents[0].start
        names_denier = same_party(other.claim.subjects, item.parties) or any(
            p.lower() in other.claim.text.lower() for p in item.parties)
        if floor <= pos < start and (names_denier or anaphoric or _of_kind(other, noun)):
            best = a
    return best


def _story_range(items: list[Item], k: int) -> range:
    """The indexes of the items of ``items[k]``'s own story (an article's items are contiguous)."""
    lo = hi = k
    while lo > 0 and items[lo - 1].analysis is items[k].analysis:
        lo -= 1
    while hi + 1 < len(items) and items[hi + 1].analysis is items[k].analysis:
        hi += 1
    return range(lo, hi + 1)


def _charge_against(items: list[Item], k: int, accusing: bool = False) -> int | None:
    """The first claim of another party in the story that names the denier (by a word of its name):
    "Prosecutors say Lusk moved county money ..." for Lusk's plea, wherever it stands; with
    ``accusing``, only an accusation."""
    item = items[k]
    names = {w for p in item.parties for w in name_words(p) if len(w) > 2}
    for a in _story_range(items, k):
        other = items[a]
        if a == k or not other.parties or same_party(other.parties, item.parties):
            continue
        wanted = (Stance.ACCUSE,) if accusing else (Stance.ACCUSE, Stance.ASSERT)
        if other.claim.stance in wanted and names & set(re.findall(r"[a-z]+", other.claim.text.lower())):
            return a
    return None


def _answered_accusation(items: list[Item], k: int) -> int | None:
    """The latest accusation by another party within ``NEAREST_PARAGRAPHS`` before a denial that
    shares one of its predicate terms, stands in the denial's paragraph ("accused Belarus of ...,
    charges Minsk rejected as fabrications") or is answered by a bare denial ("denied any
    involvement"): the charge the denial answers."""
    item = items[k]
    text = item.analysis.article.text
    start = item.attribution.contents[0].start if item.attribution and item.attribution.contents else 0
    floor = _paragraph_floor(text, start, NEAREST_PARAGRAPHS)
    best = None
    for a in _story_range(items, k):
        other = items[a]
        if a == k or other.claim.stance is not Stance.ACCUSE or not other.parties or other.attribution is None \
                or not other.attribution.contents or same_party(other.parties, item.parties):
            continue
        if not floor <= other.attribution.contents[0].start < start:
            continue
        same_paragraph = "\n" not in text[other.attribution.contents[0].start:start]
        bare = bool(item.predicate_terms) and item.predicate_terms <= BARE_DENIAL_TERMS
        if other.predicate_terms & item.predicate_terms or same_paragraph or bare:
            best = a
    return best


def _later_charge(items: list[Item], k: int) -> int | None:
    """For a denial in a story's first ``LEDE_PARAGRAPHS`` paragraphs (wire copy puts the denial in
    the lede and the charge after it): the first later claim by another party within
    ``NEAREST_PARAGRAPHS`` paragraphs that accuses, or asserts something naming the denier."""
    item = items[k]
    text = item.analysis.article.text
    if item.attribution is None or not item.attribution.contents:
        return None
    start = item.attribution.contents[0].start
    if text.count("\n\n", 0, start) >= LEDE_PARAGRAPHS:
        return None
    end = item.attribution.contents[-1].end
    ceiling = end
    for _ in range(NEAREST_PARAGRAPHS + 1):
        found = text.find("\n\n", ceiling + 2)
        ceiling = len(text) if found < 0 else found
    for a in _story_range(items, k):
        other = items[a]
        if a == k or not other.parties or other.attribution is None or not other.attribution.contents \
                or same_party(other.parties, item.parties) or not end <= other.attribution.contents[0].start < ceiling:
            continue
        names_denier = same_party(other.claim.subjects, item.parties) or any(
            p.lower() in other.claim.text.lower() for p in item.parties)
        if other.claim.stance is Stance.ACCUSE or (is_assertable(other.claim.stance) and names_denier):
            return a
    return None


def _of_kind(item: Item, noun: str | None) -> bool:
    """Whether a claim is what a bare nominal calls it: "the allegations" an accusation, "the
    criticism" a critic's words, "the report" something reported."""
    if not noun:
        return False
    family = next((v for stem, v in NOMINAL_FAMILIES.items() if noun.lower().startswith(stem)), None)
    if family is None:
        return False
    stems, stances = family
    att = item.attribution
    words = [w.lower() for part in ((att.cue.text if att and att.cue else ""), item.claim.speaker or "")
             for w in re.findall(r"[A-Za-z]+", part)]
    return item.claim.stance.value in stances or any(w.startswith(stems) for w in words)


def _paragraph_floor(text: str, offset: int, paragraphs: int) -> int:
    pos = offset
    for _ in range(paragraphs + 1):
        found = text.rfind("\n\n", 0, pos)
        if found < 0:
            return 0
        pos = found
    return pos


# --- verdicts of falsity and antonyms ---

def falsity_verdicts(items: list[Item], idf) -> list[Group]:
    """"X's tweets are lies", "Trump exaggerates": the speaker denies what the named party says."""
    out = []
    for k, it in enumerate(items):
        if not it.parties or it.claim.stance is Stance.QUESTION:
            continue
        m = VERDICT_POSSESSIVE.search(it.claim.text) or VERDICT_VERB.search(it.claim.text)
        target = resolve_name(m.group("party"), it) if m else None
        if m is None and (m := VERDICT_DESCRIBED.search(it.claim.text)) is not None:
            target = resolve_description(m.group("party"), it.analysis)  # "the president's claims"
        if m is None or target is None:
            continue
        verdict = m.groupdict().get("verdict")
        if (VERDICT_NEGATED.match(verdict) if verdict else it.claim.is_negated):
            continue
        if same_party([target], it.parties) or not is_party_name(target, it):
            continue
        said = [a for a, other in enumerate(items) if other.analysis is it.analysis and a != k
                and is_assertable(other.claim.stance) and same_party(other.parties, [target])]
        best = max(said, key=lambda a: coverage(items[a].terms, it.terms, idf), default=None)
        group = Group(denying=[k], scores=[0.6])
        if best is not None and coverage(items[best].terms, it.terms, idf) > 0:
            group.asserting.append(best)
        else:
            group.extra_asserting.append(target)
            group.proposition = it.claim.text
        out.append(group)
    return out


def antonym_contradictions(items: list[Item]) -> list[Group]:
    """Two parties' statements in one story with antonyms on a shared topic ("asleep" / "awake")."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        if it.parties and _states(it):
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
                out.append(Group(asserting=[first], denying=[second], scores=[0.55]))
    return out


def _states(item: Item) -> bool:
    """A statement two parties can contradict each other with: an assertive claim, or one that a
    neutral cue's content made a denial by contradicting another party (attribution/sides.py)."""
    return is_assertable(item.claim.stance) or (item.claim.stance is Stance.DENY and not is_explicit(item))


def _denies(item: Item) -> bool:
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


# --- neutral-cue contradictions ---

def place_contradiction(items, k, groups, idf, postings, linked) -> None:
    item = items[k]
    scored = [(similarity(item, items[m], idf), n) for n, g in enumerate(groups) if g.kind == "contradiction"
              for m in g.asserting + g.denying
              if not (m in g.asserting and same_party(items[m].parties, item.parties))]
    best_score, best = max(scored, default=(0.0, None))
    best_group = groups[best] if best is not None else None
    if best_group is not None and best_score >= DENY_MATCH:
        if not any(same_party(items[a].parties, item.parties) for a in best_group.asserting):
            best_group.denying.append(k)
            best_group.scores.append(best_score)
        return
    best, score = best_assertion(items, k, item.terms, idf, postings, linked, item.parties)
    if best is not None and score >= CONTRADICTION_MATCH:
        groups.append(Group(asserting=[best], denying=[k], scores=[min(1.0, score) * 0.8]))


# --- polarity contradictions ---

def polarity_contradictions(items: list[Item], idf) -> list[Group]:
    """Two parties in one story state one proposition, one of them negated, with neutral cues:
    "the army said its troops had retaken the port" / "the rebels said the port had not been
    retaken". The negated statement is the denying side."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        if it.parties and _states(it) and len(it.predicate_terms) >= 2:
            by_article[it.claim.article_id].append(k)
    out = []
    for ks in by_article.values():
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                a, b = ks[x], ks[y]
                if items[a].claim.is_negated == items[b].claim.is_negated:
                    continue
                if same_party(items[a].parties, items[b].parties) or _overlap(items[a], items[b]):
                    continue  # one quote read twice (a nested cue) is not two parties
                score = similarity(items[a], items[b], idf)
                if score >= POLARITY_MATCH:
                    asserting, denying = (b, a) if items[a].claim.is_negated else (a, b)
                    out.append(Group(asserting=[asserting], denying=[denying], scores=[min(1.0, score) * 0.7]))
    return out


def _overlap(a: Item, b: Item) -> bool:
    """Whether two claims' contents share characters of the article."""
    if a.attribution is None or b.attribution is None:
        return a.claim.text in b.claim.text or b.claim.text in a.claim.text
    return any(x.start < y.end and y.start < x.end for x in a.attribution.contents for y in b.attribution.contents)


# --- opposed predictions ---

def counter_accusations(items: list[Item]) -> list[Group]:
    """One party accuses or criticizes another, and that other turns the charge back on the first
    in the same story ("Moscow accused Kyiv of shelling the plant" / "Kyiv said Russia itself was
    shelling it"): the first charge is the proposition, its target the denying side."""
    blaming = [k for k, it in enumerate(items) if it.claim.stance in BLAMING and it.parties]
    out = []
    for n, i in enumerate(blaming):
        for j in blaming[n + 1:]:
            a, b = items[i], items[j]
            if a.analysis is not b.analysis or same_party(a.parties, b.parties):
                continue
            if _targets(a, b.parties) and _targets(b, a.parties):
                out.append(Group(asserting=[i], denying=[j], scores=[0.6], kind="counter_accusation"))
    return out


def _targets(item: Item, parties) -> bool:
    """Whether the item's claim is about one of ``parties`` (a subject it names, or its words)."""
    text = item.claim.text.lower()
    return same_party(item.claim.subjects, parties) or any(
        w and re.search(r"\b" + re.escape(w) + r"\b", text) for p in parties for w in [p.split()[-1].lower()])


def opposed_predictions(items: list[Item]) -> list[Group]:
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
                    if ANAPHORIC.match(items[k].claim.text) or any(items[k].predicate_terms & items[p].predicate_terms
                                                                   for p in positive)]
        if positive and negative:
            out.append(Group(asserting=positive, denying=negative, scores=[0.5], kind="opposed_prediction"))
    return out


def opposite_forecasts(items: list[Item]) -> list[Group]:
    """Two parties' predictions of one event in one article, one negated: "predicted the authority
    would cut weekend service" / "would not cut a single route, weekday or weekend, this year"
    (sharing OPPOSED_FORECAST_TERMS predicate terms), the negative one by a party that explicitly
    denies something in the same story: one side of the story's quarrel says it will not happen."""
    forecasts = [k for k, it in enumerate(items) if it.claim.stance is Stance.PREDICT and it.parties]
    deniers = {(it.claim.article_id, p) for it in items if it.claim.stance is Stance.DENY and is_explicit(it)
               for p in it.parties}
    out = []
    for a in forecasts:
        for b in forecasts:
            pa, pb = items[a], items[b]
            if pa.claim.is_negated or not pb.claim.is_negated or same_party(pa.parties, pb.parties) \
                    or pa.claim.article_id != pb.claim.article_id or _outlook(pa) * _outlook(pb) == -1 \
                    or not same_party(pb.parties, [p for art, p in deniers if art == pb.claim.article_id]):
                continue  # (a good outcome against none is opposed_predictions' own pair)
            if len(pa.predicate_terms & pb.predicate_terms) >= OPPOSED_FORECAST_TERMS:
                out.append(Group(asserting=[a], denying=[b], scores=[0.5], kind="opposed_prediction"))
    return out


def _outlook(item: Item) -> int:
    """+1 a prediction of a good outcome, -1 of none or a bad one (or a doubt of a good one), 0 else."""
    words = {w.lower() for w in re.findall(r"[A-Za-z']+", item.claim.text)}
    if not item.parties or not FUTURE.search(item.claim.text) and item.claim.stance is not Stance.PREDICT:
        return 0
    good, bad = bool(words & POSITIVE_OUTCOME), bool(words & NEGATIVE_OUTCOME)
    if item.claim.stance is Stance.QUESTION:
        return -1 if good and FUTURE.search(item.claim.text) else 0
    if item.claim.stance is not Stance.PREDICT:
        return 0
    if NEGATED_OUTCOME.search(item.claim.text) or (bad and not good):
        return -1
    return 1 if good and not bad else 0


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = ["antonym_contradictions", "explicit_dispute", "falsity_verdicts", "is_explicit", "opposed_predictions",
           "parse_nominal", "place_contradiction", "polarity_contradictions"]
