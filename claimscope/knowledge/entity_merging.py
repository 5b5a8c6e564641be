"""Entities across articles: a short form named alone in one article joins the one fuller entity it shortens.

Within an article ``entities.py`` merges "Putin" into "Vladimir Putin". Across articles each
article's entity id is a hash of kind and name, so an article naming only "Putin" has an entity of
its own, and what it quotes Putin saying is missing from Vladimir Putin's page. Here a short form
joins a longer entity of the same kind when exactly one entity in the corpus can absorb it:

- a person's surname, or a shorter name that keeps the surname ("Umerov", "Vladimir Putin"), joins
  the person whose name holds those words in that order and ends with that surname ("Rustem
  Umerov", "Vladimir Vladimirovich Putin"); a generational suffix ("Jr.") is not a surname;
- an organisation's acronym joins the organisation whose initials it spells ("NATO"), and a shorter
  form joins the organisation whose own article gave it as an alias ("Defense Ministry" after
  "Russia's Defense Ministry"). A bare suffix does not ("Defense Ministry" alone may be any
  country's), and neither does a first name alone.

Two candidates ("Smith" with a John Smith and an Anna Smith in the corpus) merge nothing. Kinds
never mix, and a longer name never joins a shorter one (an absorber always has more words than what
it absorbs, so chains resolve longest first: "Putin" joins where "Vladimir Putin" went).

The result depends only on the set of entities, not on the order articles came in: the store
(``runner.entities``) applies it to the neighbourhood of each new entity and gets what one pass over
everything gives, and ``claimscope analyze`` applies it to the inputs of one call.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from claimscope.model import ARTICLE_BOUND_ALIASES, ArticleAnalysis, Entity, EntityKind, canonical_entities
from claimscope.nlp.entity_kinds import NAME_PARTICLES, is_name_word

MERGED_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION)
# Words after a surname that are not one: "Joseph R. Biden Jr." is shortened to "Biden", never "Jr.".
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# Names with more words than this give no shorter forms beyond the surname (2**n forms otherwise).
MAX_NAME_WORDS = 6


def _is_acronym(name: str) -> bool:
    return " " not in name and len(name) >= 2 and name.replace(".", "").isupper() and name.replace(".", "").isalpha()


def short_forms(entity: Entity) -> tuple[str, ...]:
    """The names of same-kind entities this entity absorbs (each with fewer words than its name).

    A person: the surname, and the first name with the surname and any of the middle names or
    initials ("Donald Trump" in "Donald J. Trump"); none when a word is not part of a name ("a John
    McCain"). An organisation: its articles' aliases that are acronyms or of two words or more ("EU",
    "Homeland Security"); a one-word alias ("House" of "White House", "Justice" of "American
    Association for Justice") is too often another organisation's name.
    """
    words = entity.name.split()
    if entity.kind is EntityKind.PERSON:
        while words and words[-1] in NAME_SUFFIXES:
            words = words[:-1]
        if len(words) < 2 or not all(is_name_word(w) for w in words):
            return ()
        particles = 0  # "von der Leyen" is the surname of "Ursula von der Leyen"
        while particles < len(words) - 2 and words[-2 - particles] in NAME_PARTICLES:
            particles += 1
        first, *middle = words[:len(words) - 1 - particles]
        surname = " ".join(words[len(words) - 1 - particles:])
        forms = [surname, " ".join(words)]  # the name without its suffix: "Joseph R. Biden"
        if len(words) <= MAX_NAME_WORDS:
            forms += [" ".join([first, *kept, surname]) for size in range(len(middle))
                      for kept in combinations(middle, size)]
        return tuple(dict.fromkeys(f for f in forms if f != entity.name))
    if entity.kind is EntityKind.ORGANIZATION:
        forms = [a for a in entity.aliases if a.lower() not in ARTICLE_BOUND_ALIASES and a != entity.name
                 and (_is_acronym(a) or 2 <= len(a.split()) < len(words))]
        return tuple(dict.fromkeys(forms))
    return ()


def first_name_form(entity: Entity) -> str | None:
    """A person's first name: one word that is this person's too makes a lone "James" ambiguous."""
    words = entity.name.split()
    return words[0] if entity.kind is EntityKind.PERSON and len(words) >= 2 and words[0][:1].isupper() else None


def merge_targets(entities: Iterable[Entity]) -> dict[str, str]:
    """Entity id -> the id of the one longer entity it joins, for every entity that joins one.

    ``entities`` must hold, for each entity, every entity that could absorb it or whose first name
    it is (and so on up): the whole corpus, or the store's neighbourhood of the entities decided.
    """
    unique = {e.id: e for e in entities if e.kind in MERGED_KINDS}
    absorbers: dict[tuple[EntityKind, str], list[str]] = defaultdict(list)
    first_names = set()
    for e in unique.values():
        for form in short_forms(e):
            absorbers[(e.kind, form)].append(e.id)
        first_names.add(first_name_form(e))
    root: dict[str, str] = {}
    targets: dict[str, str] = {}
    for e in sorted(unique.values(), key=lambda e: (-len(e.name.split()), e.id)):  # absorbers first
        roots = {root[a] for a in absorbers.get((e.kind, e.name), ()) if a != e.id and a in root}
        if len(roots) == 1 and not (e.kind is EntityKind.PERSON and e.name in first_names):
            targets[e.id] = root[e.id] = roots.pop()
        else:
            root[e.id] = e.id
    return targets


def corpus_entities(analyses: Sequence[ArticleAnalysis]) -> list[Entity]:
    """One record per entity id across the analyses, its aliases the union the articles gave."""
    found: dict[str, Entity] = {}
    for analysis in analyses:
        for e in analysis.entities:
            seen = found.get(e.id)
            aliases = e.aliases if seen is None else (*seen.aliases, *(a for a in e.aliases if a not in seen.aliases))
            found[e.id] = Entity(id=e.id, name=e.name, kind=e.kind, aliases=tuple(aliases))
    return list(found.values())


def merge_entities(analyses: Sequence[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """The analyses with each short-form entity relabelled as the one longer entity it joins across
    them (its id and name; the short name becomes an alias) and attributions' ``source_entity_id``
    pointing at it. Analyses with nothing to merge come back as they are."""
    targets = merge_targets(corpus_entities(analyses))
    if not targets:
        return list(analyses)
    names = {e.id: e.name for a in analyses for e in a.entities}
    canonical = {short: (target, names[target]) for short, target in targets.items()}
    out = []
    for analysis in analyses:
        if not any(e.id in canonical for e in analysis.entities):
            out.append(analysis)
            continue
        attributions = tuple(dataclasses.replace(a, source_entity_id=canonical[a.source_entity_id][0])
                             if a.source_entity_id in canonical else a for a in analysis.attributions)
        out.append(dataclasses.replace(analysis, entities=canonical_entities(analysis.entities, canonical),
                                       attributions=attributions))
    return out


__all__ = ["MERGED_KINDS", "corpus_entities", "merge_entities", "merge_targets", "short_forms"]
