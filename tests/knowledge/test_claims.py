"""Claims: one standalone proposition per attribution with content."""
from __future__ import annotations

import pytest

from claimscope.knowledge.claims import claim_id, extract_claims
from claimscope.model import Article, Attribution, DateRef, Entity, EntityKind, Granularity, Span, Stance


def make_article(*paragraphs: str, published: str | None = "2024-03-08") -> Article:
    return Article(id="art-1", headline=None, paragraphs=tuple(paragraphs), published=published)


def make_attribution(article: Article, source: str, cue: str, content: str, stance: Stance,
                     resolved: str | None = None, direct: bool = False) -> Attribution:
    text = article.text
    c = text.index(content)
    s = text.index(source)
    k = text.index(cue, s)
    return Attribution(article_id=article.id, source=Span.of(text, s, s + len(source)),
                       cue=Span.of(text, k, k + len(cue)), contents=(Span.of(text, c, c + len(content)),),
                       stance=stance, direct=direct, confidence=0.9, source_resolved=resolved or source)


def entity(name: str, kind: EntityKind, article: Article, *forms: str) -> Entity:
    text = article.text
    mentions = []
    for form in (name, *forms):
        start = text.find(form)
        while start >= 0:
            mentions.append(Span.of(text, start, start + len(form)))
            start = text.find(form, start + 1)
    return Entity(id=name.lower(), name=name, kind=kind, aliases=tuple(forms), mentions=tuple(mentions))


def test_extract_claims_strips_that_and_resolves_its_to_the_speaker():
    art = make_article("Hamas denied that its fighters had fired the rocket at the hospital.")
    att = make_attribution(art, "Hamas", "denied", "that its fighters had fired the rocket at the hospital", Stance.DENY)
    ents = [entity("Hamas", EntityKind.ORGANIZATION, art)]
    [claim] = extract_claims(art, [att], ents)
    assert "Hamas's fighters had fired the rocket at the hospital" == claim.text


def test_extract_claims_he_resolves_to_a_person_speaker():
    art = make_article("Finance Minister Rachel Reeves said he would not raise income tax.")
    att = make_attribution(art, "Finance Minister Rachel Reeves", "said", "he would not raise income tax",
                           Stance.ASSERT, resolved="Rachel Reeves")
    ents = [entity("Rachel Reeves", EntityKind.PERSON, art)]
    [claim] = extract_claims(art, [att], ents)
    assert claim.text.startswith("Rachel Reeves would not raise income tax")
    assert claim.is_negated


def test_extract_claims_object_pronoun_is_left_alone():
    art = make_article("The senator accused her of hiding the emails.")
    att = make_attribution(art, "The senator", "accused", "her of hiding the emails", Stance.ACCUSE,
                           resolved="Mark Kelly")
    ents = [entity("Mark Kelly", EntityKind.PERSON, art)]
    [claim] = extract_claims(art, [att], ents)
    assert "Her of hiding the emails" == claim.text


def test_extract_claims_they_with_a_singular_speaker_takes_the_group_named_before():
    art = make_article("The offensive by Kurdish fighters stalled after Ankara said they had withdrawn from the town.")
    att = make_attribution(art, "Ankara", "said", "they had withdrawn from the town", Stance.ASSERT, resolved="Turkey")
    [claim] = extract_claims(art, [att], [entity("Turkey", EntityKind.PLACE, art, "Ankara")])
    assert "Kurdish fighters had withdrawn from the town" == claim.text


def test_extract_claims_direct_quote_keeps_its_wording():
    art = make_article('"We will win this case," the company\'s lawyer said.')
    att = make_attribution(art, "the company's lawyer", "said", '"We will win this case,"', Stance.PREDICT,
                           resolved="Acme Corp", direct=True)
    [claim] = extract_claims(art, [att])
    assert "We will win this case" == claim.text


def test_extract_claims_subjects_are_entities_inside_the_content():
    art = make_article("Kyiv says North Korea has supplied Russia with artillery shells.")
    att = make_attribution(art, "Kyiv", "says", "North Korea has supplied Russia with artillery shells",
                           Stance.ACCUSE, resolved="Ukraine")
    ents = [entity("North Korea", EntityKind.PLACE, art), entity("Russia", EntityKind.PLACE, art),
            entity("Ukraine", EntityKind.PLACE, art, "Kyiv")]
    [claim] = extract_claims(art, [att], ents)
    assert ("North Korea", "Russia") == claim.subjects


@pytest.mark.parametrize("dates, expected", [
    ((), "2024-03-08"),
    ((DateRef(text="Tuesday", start=42, end=49, value="2024-03-05", granularity=Granularity.DAY),), "2024-03-05"),
])
def test_extract_claims_date_is_the_sentence_date_else_published(dates, expected):
    art = make_article("The ministry said the strike was repelled Tuesday near the border.")
    att = make_attribution(art, "The ministry", "said", "the strike was repelled Tuesday near the border", Stance.ASSERT)
    assert "Tuesday" == art.text[42:49]
    [claim] = extract_claims(art, [att], dates=dates)
    assert expected == claim.date


def test_extract_claims_ids_are_stable_and_skip_empty_contents():
    art = make_article("Officials said nothing more.", "The court said the ruling stands.")
    empty = Attribution(article_id=art.id, source=None, cue=None, contents=(), stance=Stance.OTHER,
                        direct=False, confidence=0.5)
    att = make_attribution(art, "The court", "said", "the ruling stands", Stance.ASSERT)
    claims = extract_claims(art, [empty, att])
    assert [claim_id("art-1", 1)] == [c.id for c in claims]
    assert claims == extract_claims(art, [empty, att])


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(body=st.text(min_size=1, max_size=80), speaker=st.sampled_from(["Hamas", "officials", "Jane Doe", "it"]))
def test_extract_claims_any_content_gives_a_claim_or_nothing(body, speaker):
    art = make_article("Lead. " + body)
    start = len("Lead. ")
    att = Attribution(article_id=art.id, source=None, cue=None,
                      contents=(Span.of(art.text, start, len(art.text)),), stance=Stance.ASSERT,
                      direct=False, confidence=0.5, source_resolved=speaker)
    claims = extract_claims(art, [att])
    assert len(claims) == (1 if body.strip() else 0)
    assert all(c.text for c in claims)


def test_extract_claims_a_charge_quoted_in_a_denial_is_about_the_one_denying():
    art = make_article("Kinnaree Air rejected a consumer group's claim that it hid compulsory fees from passengers.")
    denial = make_attribution(art, "Kinnaree Air", "rejected",
                              "a consumer group's claim that it hid compulsory fees from passengers", Stance.DENY)
    charge = make_attribution(art, "a consumer group's", "claim", "that it hid compulsory fees from passengers",
                              Stance.ACCUSE, resolved="Thai Consumer Rights Network")
    ents = [entity("Kinnaree Air", EntityKind.ORGANIZATION, art), entity("Thai Consumer Rights Network",
                                                                         EntityKind.ORGANIZATION, art)]
    assert "Kinnaree Air hid compulsory fees from passengers" == extract_claims(art, [denial, charge], ents)[1].text
