"""Entities within one article: merged by name, with roles, kinds and attribution aliases."""
from __future__ import annotations

from claimscope.knowledge.entities import entity_id, extract_entities
from claimscope.model import Entity, EntityKind
from claimscope.model import Attribution, Span, Stance
from claimscope.nlp.pipeline import build_nlp

TEXT = ("German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday. "
        "Merkel said the European Union must act. Macron agreed, and the EU later confirmed it.")


def _by_name(text: str, attributions=()) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities(build_nlp()(text), attributions)}


def test_extract_entities_surname_joins_full_name():
    merkel = _by_name(TEXT)["Angela Merkel"]
    assert ("Merkel",) == merkel.aliases and 2 == len(merkel.mentions)


def test_extract_entities_title_before_name_is_a_role():
    assert ("French President",) == _by_name(TEXT)["Emmanuel Macron"].roles


def test_extract_entities_acronym_joins_organisation():
    entities = _by_name(TEXT)
    assert "EU" in entities["European Union"].aliases and "EU" not in entities


def test_extract_entities_kinds():
    entities = _by_name(TEXT)
    assert (EntityKind.PERSON, EntityKind.PLACE) == (entities["Angela Merkel"].kind, entities["Berlin"].kind)


def test_extract_entities_apposition_is_a_role():
    text = "The head of the central bank, Maria Keller, warned of inflation. Keller spoke in Vienna."
    assert "head of the central bank" in _by_name(text)["Maria Keller"].roles


def test_extract_entities_honorific_is_part_of_name():
    assert "Pope Leo" in _by_name("Crowds greeted Pope Leo in the square on Sunday.")


def test_extract_entities_attribution_source_joins_resolved_entity():
    text = "Robert Miller, 61, owns a bakery. The baker said prices had doubled."
    start = text.index("The baker")
    attribution = Attribution(article_id="a", source=Span.of(text, start, start + 9), cue=None,
                              contents=(), stance=Stance.ASSERT, direct=False, confidence=0.9,
                              source_resolved="Robert Miller")
    miller = _by_name(text, [attribution])["Robert Miller"]
    assert "The baker" in miller.aliases and any(m.text == "The baker" for m in miller.mentions)


def test_extract_entities_mentions_give_back_their_text():
    for entity in extract_entities(build_nlp()(TEXT)):
        for mention in entity.mentions:
            assert TEXT[mention.start:mention.end] == mention.text


def test_entity_id_is_stable_hash_of_kind_and_name():
    assert entity_id(EntityKind.PERSON, "Angela Merkel") == _by_name(TEXT)["Angela Merkel"].id
    assert entity_id(EntityKind.PERSON, "Angela Merkel") != entity_id(EntityKind.GROUP, "Angela Merkel")


def test_entity_json_round_trip():
    entity = _by_name(TEXT)["Angela Merkel"]
    assert entity == Entity.from_json(entity.to_json())


def test_alias_from_a_source_with_an_age_is_the_name_alone():
    from claimscope.analysis import analyze_article
    from claimscope.model import Article

    art = Article(id="b", headline="Drug", paragraphs=(
        "Chief executive Markus Brandt spoke in Frankfurt on Tuesday.",
        "Brandt, 54, said the drug would be on the market by the end of the year.",
    ))
    brandt = next(e for e in analyze_article(art).entities if e.name == "Markus Brandt")
    assert "Brandt" in brandt.aliases and not any("54" in a for a in brandt.aliases)


def test_extract_entities_given_name_after_title_joins_the_name():
    """The small model tags only "Umerov" in "Defense Minister Rustem Umerov" (issue #4)."""
    text = "Defense Minister Rustem Umerov said on Tuesday that Ukraine had received new air defence systems."
    umerov = _by_name(text)["Rustem Umerov"]
    assert (EntityKind.PERSON, ("Defense Minister",)) == (umerov.kind, umerov.roles)
