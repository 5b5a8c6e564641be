"""Entities within one article: people, organisations, places and groups, with their mentions.

Mentions come from spaCy's PERSON, ORG and NORP entities plus every place mention that
``places.find_place_mentions`` finds (which also rescues places the small model mislabels).
Repairs before merging, each a general rule:
- a capitalised word between a person's title and the tagged name is a given name the model
  left out ("Defense Minister Rustem Umerov", of which it tags "Umerov");
- an honorific that is part of a name joins it ("Pope Francis", "King Charles");
- a possessive country before an organisation joins it ("Russia's Defense Ministry");
- a non-PERSON entity that is the surname of a person named in full is that person
  ("Zelenskiy" tagged ORG after "Volodymyr Zelenskiy").
Merging, within one kind: a person's surname or shorter name joins the nearest preceding
fuller name that ends with it ("Putin" -> "Vladimir Putin"); an organisation joins a longer one
that ends with it, or one whose initials it spells ("UN" -> "United Nations"); places merge by
their gazetteer name ("US" -> "United States"). The canonical name is the fullest form.
Roles are titles written before a name ("US President Donald Trump" -> "US President") or an
apposition ("the head of Russia's general staff, Valery Gerasimov").
Attributions: a source span joins the entity its ``source_resolved`` names (by name, alias or
surname), its text becoming an alias ("The retired pilot", "she"); an unnamed resolution
("some Afghans") joins nothing.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from claimscope.knowledge.gazetteer import load_gazetteer
from claimscope.knowledge.places import find_place_mentions
from claimscope.nlp.entity_kinds import PERSON_TITLES
from claimscope.model import Entity, EntityKind
from claimscope.model import Attribution, Span

KIND_BY_LABEL = {"PERSON": EntityKind.PERSON, "ORG": EntityKind.ORGANIZATION,
                 "NORP": EntityKind.GROUP}
# Titles that are part of a name rather than a role: "Pope Francis" is how he is named.
HONORIFICS = ("Pope", "King", "Queen", "Prince", "Princess", "Sheikh", "Ayatollah", "Emir",
              "Sultan", "Cardinal", "Archbishop", "Saint", "Sir", "Dame", "Lord", "Lady")
# Labels the small model sometimes puts on a person's surname.
SURNAME_MISLABELS = ("ORG", "PRODUCT", "GPE", "NORP", "WORK_OF_ART", "FAC", "LOC")
# Parse relations that tie a title written before a name to that name.
TITLE_DEPS = ("compound", "amod", "nmod", "appos")
# Untagged given names a person's name may take in after a title ("Minister Rustem Umerov").
MAX_GIVEN_NAMES = 2
ID_CHARS = 16


def entity_id(kind: EntityKind, name: str) -> str:
    """Stable across runs and articles: the same kind and canonical name give the same id."""
    return hashlib.sha1(f"{kind.value}:{name}".encode()).hexdigest()[:ID_CHARS]


@dataclass
class _Mention:
    start: int
    end: int
    kind: EntityKind
    key: str  # the name it is grouped by before merging
    roles: list[str] = field(default_factory=list)


def _clean(text: str, start: int) -> tuple[str, int]:
    """Drop a leading 'the' and a trailing possessive, keeping offsets right."""
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    return re.sub(r"['’]s$", "", text).strip(), start


# --- roles ----------------------------------------------------------------------------------

def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].dep_ in ("det", "punct", "cc") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _title_before(ent: SpacySpan) -> str | None:
    """'US President Donald Trump' -> 'US President': the noun right before the name."""
    if ent.start == 0:
        return None
    title = ent.doc[ent.start - 1]
    if title.pos_ not in ("NOUN", "PROPN") or title.ent_type_ == "PERSON" or title.text in HONORIFICS:
        return None
    if not (title.head in ent and title.dep_ in TITLE_DEPS):
        return None
    tokens = _strip_det([t for t in ent.doc[title.left_edge.i:title.i + 1]])
    return "".join(t.text_with_ws for t in tokens).strip() or None


def _apposition_role(ent: SpacySpan) -> str | None:
    """'the head of Russia's general staff, Valery Gerasimov' -> 'head of Russia's general staff'."""
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        head = root.head
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "staff" in "the head of Russia's general staff" -> "head"
        tokens = [t for t in ent.doc[head.left_edge.i:ent.start] if t not in root.subtree]
    else:
        children = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                    and c.i > ent.end - 1 and c.ent_type_ != "PERSON"]
        if not children or any(t.dep_ == "neg" for t in children[0].subtree):
            return None
        tokens = list(children[0].subtree)
    tokens = _strip_det(tokens)
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text or None


# --- mentions -------------------------------------------------------------------------------

def _with_given_names(ent: SpacySpan) -> SpacySpan:
    """'Defense Minister Rustem Umerov' where the model tagged only 'Umerov': a capitalised word
    the parse attaches to the name, between a person's title and the name, is a given name."""
    doc, start = ent.doc, ent.start
    for _ in range(MAX_GIVEN_NAMES):
        word = doc[start - 1] if start >= 2 else None
        if (word is None or word.ent_type_ or word.pos_ != "PROPN" or not word.is_title
                or word.dep_ != "compound" or word.head.i not in range(start, ent.end)
                or word.lower_.rstrip(".") in PERSON_TITLES or word.text in HONORIFICS):
            break
        start -= 1
        if doc[start - 1].lower_.rstrip(".") in PERSON_TITLES:
            return doc[start:ent.end]
    return ent


def _with_honorific(ent: SpacySpan) -> tuple[int, int]:
    start = ent.start
    if start > 0 and ent.doc[start - 1].text in HONORIFICS:
        start -= 1
    return start, ent.end


def _with_possessor(ent: SpacySpan) -> int:
    """Token index where an organisation's name starts, taking in "Russia's" before it."""
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].text in ("'s", "’s") and doc[ent.start - 2].ent_type_ == "GPE":
        first = ent.start - 2
        while first > 0 and doc[first - 1].ent_type_ == "GPE" and doc[first - 1].ent_iob_ != "B":
            first -= 1
        if doc[first].ent_iob_ == "I":
            first = next(i for i in range(first, -1, -1) if doc[i].ent_iob_ == "B")
        return first
    return ent.start


def _ner_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[_Mention]:
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    out = []
    for ent in doc.ents:
        if any(ent.start_char < e and s < ent.end_char for s, e in taken):
            continue
        kind = KIND_BY_LABEL.get(ent.label_)
        if ent.label_ in SURNAME_MISLABELS and len(ent) == 1 and ent.text in surnames:
            kind = EntityKind.PERSON
        if kind is None:
            continue
        roles: list[str] = []
        if kind is EntityKind.PERSON:
            ent = _with_given_names(ent)
            first, last = _with_honorific(ent)
            roles = [r for r in (_title_before(ent), _apposition_role(ent)) if r]
        elif kind is EntityKind.ORGANIZATION:
            first, last = _with_possessor(ent), ent.end
        else:
            first, last = ent.start, ent.end
        span = doc[first:last]
        name, start = _clean(span.text, span.start_char)
        if name:
            out.append(_Mention(start, start + len(name), kind, name, roles))
    return out


def _place_mentions(doc: Doc) -> list[_Mention]:
    gaz = load_gazetteer()
    out = []
    for mention in find_place_mentions(doc):
        entry = gaz.resolve(mention.name, region=mention.is_region)
        key = entry.name if entry is not None and not mention.is_region else mention.name
        end = mention.start + len(mention.name)
        out.append(_Mention(mention.start, end, EntityKind.PLACE, key))
    return out


# --- merging --------------------------------------------------------------------------------

def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _merge_target(mention: _Mention, fuller: Iterable[_Mention]) -> str | None:
    """The key of the nearest preceding (else first) fuller name this mention shortens."""
    words = mention.key.split()
    matches = []
    for other in fuller:
        other_words = other.key.split()
        if other.kind is not mention.kind or len(other_words) <= len(words):
            continue
        ends_with = other_words[-len(words):] == words
        spells = mention.kind is EntityKind.ORGANIZATION and mention.key.isupper() and \
            _initials(other.key) == mention.key
        if ends_with or spells:
            matches.append(other)
    if not matches:
        return None
    before = [m for m in matches if m.start < mention.start]
    return (max(before, key=lambda m: m.start) if before else min(matches, key=lambda m: m.start)).key


def _merge_keys(mentions: list[_Mention]) -> None:
    for mention in mentions:
        if mention.kind in (EntityKind.PERSON, EntityKind.ORGANIZATION):
            target = _merge_target(mention, mentions)
            if target is not None:
                mention.key = target
    # plural groups join their singular: "Afghans" -> "Afghan"
    groups = {m.key for m in mentions if m.kind is EntityKind.GROUP}
    for mention in mentions:
        if mention.kind is EntityKind.GROUP and mention.key.endswith("s") and mention.key[:-1] in groups:
            mention.key = mention.key[:-1]


def _find_entity(entities: dict, resolved: str) -> tuple | None:
    wanted = resolved.strip().lower()
    for key, data in entities.items():
        names = {key[1].lower()} | {a.lower() for a in data["aliases"]}
        if wanted in names:
            return key
    last = wanted.split()[-1] if wanted.split() else ""
    people = [key for key in entities if key[0] is EntityKind.PERSON
              and key[1].lower().split()[-1] == last and len(wanted.split()) <= len(key[1].split())]
    return people[0] if len(people) == 1 else None


def _join_attributions(entities: dict, text: str, attributions: Iterable[Attribution]) -> None:
    for attribution in attributions:
        source, resolved = attribution.source, attribution.source_resolved
        if source is None or not resolved:
            continue
        target = _find_entity(entities, resolved)
        if target is None:
            continue
        for key, data in entities.items():  # "Moscow said" resolved to Russia: the span moves
            if key != target:
                data["spans"] = [s for s in data["spans"] if (s.start, s.end) != (source.start, source.end)]
        spans = entities[target]["spans"]
        if not any(s.start < source.end and source.start < s.end for s in spans):
            spans.append(Span.of(text, source.start, source.end))
        alias = source.text.strip(" ,;:").split(",")[0].strip()  # "Brandt, 54," is the alias "Brandt"
        if alias and target[1].lower() not in alias.lower() and alias != target[1]:
            entities[target]["aliases"].add(alias)


def extract_entities(doc: Doc, attributions: Iterable[Attribution] = ()) -> list[Entity]:
    """Every entity of the article, merged by name, in order of first mention."""
    text = doc.text
    places = _place_mentions(doc)
    mentions = places + _ner_mentions(doc, [(m.start, m.end) for m in places])
    _merge_keys(mentions)
    entities: dict[tuple[EntityKind, str], dict] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        data = entities.setdefault((mention.kind, mention.key),
                                   {"spans": [], "aliases": set(), "roles": []})
        data["spans"].append(Span.of(text, mention.start, mention.end))
        surface = text[mention.start:mention.end]
        if surface != mention.key:
            data["aliases"].add(surface)
        data["roles"].extend(r for r in mention.roles if r not in data["roles"])
    _join_attributions(entities, text, attributions)
    out = []
    for (kind, name), data in entities.items():
        if not data["spans"]:
            continue
        spans = tuple(sorted(data["spans"], key=lambda s: s.start))
        out.append(Entity(id=entity_id(kind, name), name=name, kind=kind,
                          aliases=tuple(sorted(data["aliases"])), roles=tuple(data["roles"]),
                          mentions=spans))
    return sorted(out, key=lambda e: e.mentions[0].start)


__all__ = ["entity_id", "extract_entities"]
