"""Claims: the proposition each attribution puts forward, as a standalone statement.

An attribution's content is a fragment of its sentence ("that its forces had been expelled from
Kursk"); a claim is what a reader of the claim map needs without the sentence: the complementiser
and wrapping quotes stripped, pronouns inside the content replaced by what they refer to ("Ukraine's
forces had been expelled from Kursk"), the entities it is about, when and where, and its polarity.
Pure: records in, records out, no spaCy.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence

from claimscope.knowledge.linking import has_negation
from claimscope.model import Article, Attribution, Claim, DateRef, Entity, EntityKind, Place, Stance

# Pronouns resolved inside a content, by what they can refer to.
PERSON_PRONOUNS = {"he": "{}", "she": "{}", "his": "{}'s", "her": "{}'s", "him": "{}"}
THING_PRONOUNS = {"it": "{}", "its": "{}'s"}
PLURAL_PRONOUNS = {"they": "{}", "their": "{}'s", "them": "{}"}
FIRST_PERSON = {"we": "{}", "our": "{}'s", "us": "{}", "i": "{}", "my": "{}'s", "me": "{}"}

# Plural speakers ("officials", "Russia and North Korea") are what "they" in their own content means.
_PLURAL_SPEAKER = re.compile(r"(?:\band\b.*|\b[a-z]+s|\b[A-Z][a-z]+(?:ans|ats|ists|ers|ites))\s*$")
# The nearest plural group named before the content ("an offensive by Ukrainian forces ... after
# Moscow said they ...") is what "they" means when the speaker is singular.
_PLURAL_GROUP = re.compile(r"\b((?:[A-Z][\w'-]+\s+){1,3}(?:[a-z]+(?:ers|ists|ians|ces|ops|ers|ts|ds|ns|es)))\b")
_LEADING = re.compile(r"^[\s\"“”'‘’,:;—–-]*(?:that\s+|whether\s+|if\s+)?", re.I)
_TRAILING = re.compile(r"[\s\"“”'‘’,:;—–-]+$")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")


def claim_id(article_id: str, attribution_index: int) -> str:
    """Stable across re-analysis: the same article and attribution give the same id."""
    return hashlib.sha1(f"{article_id}\x1f{attribution_index}".encode()).hexdigest()[:16]


def extract_claims(article: Article, attributions: Sequence[Attribution], entities: Sequence[Entity] = (),
                   dates: Sequence[DateRef] = (), places: Sequence[Place] = ()) -> list[Claim]:
    """One claim per attribution that has content, in attribution order."""
    text = article.text
    out = []
    for index, att in enumerate(attributions):
        if not att.contents or not any(c.text.strip() for c in att.contents):
            continue
        start, end = att.contents[0].start, att.contents[-1].end
        sent_start, sent_end = sentence_bounds(text, min(start, _frame_start(att)), end)
        speaker = att.source_resolved
        proposition = standalone(text, _as_answered(att, attributions), entities)
        out.append(Claim(
            id=claim_id(article.id, index),
            article_id=article.id,
            attribution_index=index,
            text=proposition,
            speaker=speaker,
            stance=att.stance,
            is_negated=has_negation(proposition),
            subjects=_subjects(att, entities, proposition),
            date=_date(dates, sent_start, sent_end, article.published),
            places=_places(places, att),
        ))
    return out


def _as_answered(att: Attribution, attributions: Sequence[Attribution]) -> Attribution:
    """A claim quoted inside another party's denial ("Kinnaree Air rejected a consumer group's claim
    that it hid fees"): the charge is about the one denying, so its pronoun is that party, not the
    claim's own speaker."""
    if att.source is None:
        return att
    outer = next((o for o in attributions if o is not att and o.stance is Stance.DENY and o.source_resolved
                  and o.source_resolved != att.source_resolved
                  and any(c.start <= att.source.start and att.source.end <= c.end for c in o.contents)), None)
    return att if outer is None else dataclasses.replace(att, source_resolved=outer.source_resolved)


def standalone(text: str, att: Attribution, entities: Sequence[Entity] = ()) -> str:
    """The content as a statement: parts joined, "that" and wrapping quotes gone, pronouns resolved."""
    raw = " ".join(c.text.strip() for c in att.contents if c.text.strip())
    body = _TRAILING.sub("", _LEADING.sub("", raw))
    body = body.replace("\u201c", "").replace("\u201d", "").replace('"', "")
    if not body:
        return raw.strip()
    body = resolve_pronouns(text, att, body, entities)
    return body[0].upper() + body[1:] if body[0].islower() else body


def resolve_pronouns(text: str, att: Attribution, body: str, entities: Sequence[Entity] = ()) -> str:
    """Replace pronouns in a content with the speaker (or the group before it) where that is safe.

    Only indirect speech is rewritten: in a direct quote "we" and "our" are the speaker's but the
    quote's wording is kept verbatim, so quotes get first-person resolution only.
    """
    speaker = att.source_resolved
    kind = _speaker_kind(speaker, entities)
    plural_group = None
    if att.contents:
        sent_start, _ = sentence_bounds(text, att.contents[0].start, att.contents[0].start)
        before = text[max(sent_start, att.contents[0].start - 300):att.contents[0].start]
        groups = _PLURAL_GROUP.findall(before)
        plural_group = groups[-1].strip() if groups else None
    table: dict[str, str] = {}
    if speaker and not att.direct:
        if kind is EntityKind.PERSON:
            table.update({k: v.format(speaker) for k, v in PERSON_PRONOUNS.items()})
        elif kind is not None and not _PLURAL_SPEAKER.search(speaker):
            table.update({k: v.format(speaker) for k, v in THING_PRONOUNS.items()})
        if _PLURAL_SPEAKER.search(speaker) or kind is EntityKind.GROUP:
            table.update({k: _possessive(v, speaker) for k, v in PLURAL_PRONOUNS.items()})
        elif plural_group and re.match(r"they\b", body, re.I):
            # a subject "they" only: a later "their" may point anywhere in the sentence
            table["they"] = plural_group
    if not table:
        return body

    def swap(m: re.Match) -> str:
        word = m.group(0)
        return table.get(word.lower(), word)

    # only a pronoun opening the content (its subject, or the subject's possessor) is rewritten:
    # further in, "her" or "him" is as likely someone the speaker talks about ("accusing her of")
    pattern = re.compile(r"^(" + "|".join(sorted(table, key=len, reverse=True)) + r")\b(?!\s+(?:of|to|for)\b)", re.I)
    return pattern.sub(swap, body, count=1)


def _possessive(template: str, name: str) -> str:
    if template.endswith("'s") and name.endswith("s"):
        return name + "'"
    return template.format(name)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (within its paragraph) around ``start``..``end``."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    s, e = para_start, para_end
    for m in _SENTENCE_END.finditer(text, para_start, para_end):
        if m.start() < start:
            s = m.end()
        elif m.start() >= end:
            e = m.start()
            break
    return s, e


def _frame_start(att: Attribution) -> int:
    starts = [s.start for s in (att.source, att.cue) if s is not None]
    return min(starts) if starts else att.contents[0].start


def _speaker_kind(speaker: str | None, entities: Sequence[Entity]) -> EntityKind | None:
    if not speaker:
        return None
    low = speaker.lower()
    for e in entities:
        if e.name.lower() == low or low in (a.lower() for a in e.aliases):
            return e.kind
    words = speaker.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return None  # a capitalised name the entities don't know: could be a person or an org
    return EntityKind.ORGANIZATION if speaker[:1].isupper() else None


def _subjects(att: Attribution, entities: Sequence[Entity], proposition: str) -> tuple[str, ...]:
    """Entities mentioned inside the content, plus any the pronoun resolution wrote in."""
    found: list[str] = []
    for e in entities:
        inside = any(c.start <= m.start and m.end <= c.end for m in e.mentions for c in att.contents)
        written = e.name in proposition and not any(e.name in c.text for c in att.contents)
        if not inside and not written:
            # the parser may miss a name inside quotes: its fullest form or a person's surname still counts
            forms = [e.name, *e.aliases] + ([e.name.split()[-1]] if e.kind is EntityKind.PERSON else [])
            inside = any(re.search(rf"\b{re.escape(f)}\b", proposition) for f in forms if len(f) > 2)
        if (inside or written) and e.name not in found:
            found.append(e.name)
    return tuple(found)


def _date(dates: Sequence[DateRef], start: int, end: int, published: str | None) -> str | None:
    for d in dates:
        if start <= d.start and d.end <= end and d.value:
            return d.value
    return published


def _places(places: Sequence[Place], att: Attribution) -> tuple[str, ...]:
    out: list[str] = []
    for p in places:
        if any(c.start <= p.start and p.end <= c.end for c in att.contents):
            name = p.name or p.text
            if name not in out:
                out.append(name)
    return tuple(out)


def is_assertive(stance: Stance) -> bool:
    """Stances that put a proposition forward as true (or as what will be)."""
    return stance in (Stance.ASSERT, Stance.CONFIRM, Stance.PREDICT, Stance.ACCUSE)


__all__ = ["claim_id", "extract_claims", "is_assertive", "resolve_pronouns", "sentence_bounds", "standalone"]
