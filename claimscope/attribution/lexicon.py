"""Cue and content lexicons as data: which words carry a stance, which ones leave it to the content.

Kept apart from the logic (stance.py, rules.py) so a reviewer can read and extend them without
touching code. Entries are spaCy lemmas, lowercased. A cue mapped to ``None`` is *neutral*: the
content decides its stance (see stance.py).
"""
from __future__ import annotations

from claimscope.model import Stance

# Verbs that introduce what someone said, thought or did with a claim; value: the stance the verb
# itself carries, or None when it is neutral and the content decides.
VERB_CUES: dict[str, Stance | None] = {
    # neutral reporting verbs
    "say": None, "tell": None, "add": None, "state": None, "report": None, "write": None,
    "note": None, "explain": None, "announce": None, "declare": None, "reply": None,
    "respond": None, "answer": None, "recall": None, "testify": None,
    "tweet": None, "post": None, "repeat": None, "remark": None, "mention": None,
    "comment": None, "observe": None, "indicate": None, "suggest": None, "disclose": None,
    "reveal": None, "learn": None, "describe": None, "call": None, "characterize": None,
    "see": None, "view": None, "regard": None, "portray": None, "label": None, "brand": None,
    # assertive verbs: neutral too, as the stance rule reads them ("claimed X cheated" accuses)
    "claim": None, "insist": None, "argue": None, "maintain": None, "contend": None,
    "assert": None, "believe": None, "think": None, "stress": None, "emphasize": None,
    "assure": Stance.ASSERT, "vow": Stance.PREDICT,
    "promise": Stance.PREDICT, "pledge": Stance.PREDICT,
    # denial
    "deny": Stance.DENY, "reject": Stance.DENY, "dismiss": Stance.DENY, "refute": Stance.DENY,
    "dispute": Stance.DENY, "rebut": Stance.DENY, "contradict": Stance.DENY,
    # confirmation
    "confirm": Stance.CONFIRM, "acknowledge": Stance.CONFIRM, "admit": Stance.CONFIRM,
    "concede": Stance.CONFIRM, "verify": Stance.CONFIRM, "corroborate": Stance.CONFIRM,
    # prediction
    "predict": Stance.PREDICT, "warn": Stance.PREDICT, "forecast": Stance.PREDICT,
    "expect": Stance.PREDICT, "project": Stance.PREDICT, "anticipate": Stance.PREDICT,
    # accusation
    "accuse": Stance.ACCUSE, "blame": Stance.ACCUSE, "charge": Stance.ACCUSE,
    "allege": Stance.ACCUSE,
    # praise
    "praise": Stance.PRAISE, "hail": Stance.PRAISE, "laud": Stance.PRAISE,
    "commend": Stance.PRAISE, "applaud": Stance.PRAISE, "welcome": Stance.PRAISE,
    "celebrate": Stance.PRAISE, "congratulate": Stance.PRAISE, "thank": Stance.PRAISE,
    "endorse": Stance.PRAISE, "admire": Stance.PRAISE, "agree": Stance.CONFIRM,
    "echo": Stance.CONFIRM,
    # criticism
    "criticize": Stance.CRITICIZE, "criticise": Stance.CRITICIZE, "condemn": Stance.CRITICIZE,
    "denounce": Stance.CRITICIZE, "slam": Stance.CRITICIZE, "blast": Stance.CRITICIZE,
    "decry": Stance.CRITICIZE, "lambaste": Stance.CRITICIZE, "attack": Stance.CRITICIZE,
    "mock": Stance.CRITICIZE, "deride": Stance.CRITICIZE, "rebuke": Stance.CRITICIZE,
    "complain": Stance.CRITICIZE, "lament": Stance.CRITICIZE,
    # questioning
    "question": Stance.QUESTION, "doubt": Stance.QUESTION, "challenge": Stance.QUESTION,
    "wonder": Stance.QUESTION, "ask": Stance.QUESTION,
    # attitudes that commit to nothing
    "hope": Stance.OTHER, "want": Stance.OTHER, "wish": Stance.OTHER, "fear": Stance.OTHER,
    "urge": Stance.OTHER, "demand": Stance.OTHER,
}

# Verbs whose content is an "as"-phrase or a predicate that evaluates something ("described it as
# productive", "was seen as a setback"): the polarity of the content decides praise or criticism.
EVALUATIVE_CUES = frozenset({"describe", "see", "view", "regard", "call", "characterize",
                             "consider", "label", "brand", "portray"})

# Evaluative verbs that are cues only with an "as"-phrase ("was seen as a setback"): "I see that"
# or "they viewed the site" report nothing.
AS_ONLY_CUES = frozenset({"see", "view", "regard", "portray", "label", "brand"})

# Verbs that need a clause ("that ...") or a quote to be a cue, not a bare object: "told Putin"
# alone is no attribution, "told Putin that ..." is.
CLAUSE_ONLY_VERBS = frozenset({"tell", "add", "note", "explain", "write", "think", "believe",
                               "hope", "want", "wish", "fear", "learn", "recall", "expect",
                               "see", "view", "regard", "consider", "suggest", "indicate",
                               "answer", "reply", "respond", "post", "call", "insist",
                               "argue", "warn", "report", "announce", "state", "declare",
                               "observe", "remark", "charge", "project", "ask", "urge",
                               "demand", "challenge", "attack", "thank", "welcome",
                               "celebrate", "maintain", "stress", "emphasize"})

# Adjectives that report an attitude towards a claim: "was skeptical that ...".
ADJECTIVE_CUES: dict[str, Stance] = {
    "skeptical": Stance.QUESTION, "sceptical": Stance.QUESTION, "unconvinced": Stance.QUESTION,
    "doubtful": Stance.QUESTION, "dubious": Stance.QUESTION, "unsure": Stance.QUESTION,
    "confident": Stance.ASSERT, "convinced": Stance.ASSERT, "certain": Stance.ASSERT,
    "sure": Stance.ASSERT, "adamant": Stance.ASSERT,
    "optimistic": Stance.PREDICT, "pessimistic": Stance.PREDICT,
    "hopeful": Stance.OTHER, "worried": Stance.OTHER, "concerned": Stance.OTHER,
    "afraid": Stance.OTHER, "fearful": Stance.OTHER,
}

# Nouns that report a claim: "Gerasimov's assertion that ...", "made repeated assurances that ...".
NOUN_CUES: dict[str, Stance | None] = {
    "assertion": Stance.ASSERT, "claim": Stance.ASSERT, "statement": None,
    "assurance": Stance.ASSERT, "insistence": Stance.ASSERT, "argument": Stance.ASSERT,
    "belief": Stance.ASSERT, "contention": Stance.ASSERT, "view": Stance.ASSERT,
    "allegation": Stance.ACCUSE, "accusation": Stance.ACCUSE, "charge": Stance.ACCUSE,
    "denial": Stance.DENY, "confirmation": Stance.CONFIRM, "admission": Stance.CONFIRM,
    "warning": Stance.PREDICT, "prediction": Stance.PREDICT, "forecast": Stance.PREDICT,
    "promise": Stance.PREDICT, "pledge": Stance.PREDICT, "vow": Stance.PREDICT,
    "criticism": Stance.CRITICIZE, "praise": Stance.PRAISE, "hope": Stance.OTHER,
    "report": None, "suggestion": None, "remark": None, "comment": None,
}

# Light verbs that turn a cue noun into a speech act by their subject: "made assurances that".
LIGHT_VERBS = frozenset({"make", "give", "issue", "offer", "repeat", "voice", "express", "deliver"})

# Modal auxiliaries with which a negated confirmation verb means the source questions the content:
# "could not independently verify" (question) as against "did not confirm" (other).
INABILITY_MODALS = frozenset({"can", "could", "be able"})
VERIFY_LEMMAS = frozenset({"verify", "confirm", "corroborate"})

# --- content cues: read only when the cue is neutral ------------------------------------------

# Auxiliaries and phrases that put the content in the future.
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "wo", "shall", "would", "'d", "’d"})
FUTURE_PHRASES: tuple[tuple[str, ...], ...] = (
    ("be", "go", "to"), ("plan", "to"), ("open", "the", "way"), ("pave", "the", "way"), ("create", "condition"),
    ("set", "to"), ("poise", "to"), ("on", "track", "to"), ("be", "about", "to"),
    ("lay", "the", "groundwork"), ("likely", "to"), ("unlikely", "to"),
)
# Finite-verb tags: a content with none ("the deal", "to curb emissions") is a topic or an aim,
# not a claim, and a neutral cue over it reports no stance ("other").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A future under "if"/"unless" is a hypothesis, not a prediction.
CONDITIONAL_MARKERS = frozenset({"if", "unless"})

# Words by which the content blames someone.
BLAME_LEMMAS = frozenset({
    "repressive", "oppressive", "aggression", "atrocity", "crime", "criminal", "corrupt",
    "corruption", "fraud", "genocide", "oppress", "oppression", "abuse", "violate", "violation",
    "blame", "fault", "rig", "rigged", "cheat", "steal", "cover-up", "terrorize", "massacre",
    "persecute", "persecution", "torture", "illegal", "illegally", "unlawful", "lie", "liar",
    # wrongdoing words of wire copy: an act charged to someone ("deliberately rammed", "sham contracts")
    "deliberately", "intentionally", "ram", "intrude", "intrusion", "provocation", "provocative", "sham",
    "embezzle", "embezzlement", "bribe", "bribery", "launder", "smuggle", "sabotage", "extort", "extortion",
    "intimidate", "intimidation", "harass", "harassment", "destabilize", "destabilise", "weaponize", "weaponise",
    "interfere", "interference", "meddle", "meddling", "falsify", "manipulate", "manipulation", "collude",
    "collusion", "defraud", "kickback",
})
# Harmful acts "against"/"on" someone: "strikes against Ukraine".
HARM_NOUNS = frozenset({"strike", "attack", "violence", "campaign", "war", "crime", "assault"})
HARM_PREPOSITIONS = frozenset({"against", "on"})

# Predicates by which the content itself rejects a claim: "said the report was false".
FALSITY_LEMMAS = frozenset({"false", "untrue", "baseless", "groundless", "fabricate",
                            "fabricated", "nonsense", "unfounded", "fake", "bogus", "hoax"})

# Predicates by which the content confirms a claim: "ruled that the statement is true".
TRUTH_LEMMAS = frozenset({"true", "correct", "accurate", "right"})

# Polarity of evaluations (for EVALUATIVE_CUES and the elaborations of praise/criticism).
POSITIVE_LEMMAS = frozenset({
    "productive", "constructive", "opening", "opportunity", "success", "successful",
    "breakthrough", "heroism", "hero", "heroic", "courage", "courageous", "professionalism",
    "fortitude", "positive", "good", "great", "excellent", "historic", "important", "valuable",
    "brave", "bravery", "honest", "strong", "fantastic", "wonderful", "outstanding", "helpful",
    "progress", "win", "victory", "boost", "encouraging", "promising", "fruitful",
})
NEGATIVE_LEMMAS = frozenset({
    "setback", "blow", "failure", "mistake", "disaster", "threat", "dangerous", "bad",
    "terrible", "catastrophe", "catastrophic", "outrage", "outrageous", "shameful", "legitimize",
    "problem", "disgrace", "disgraceful", "reckless", "weak", "wrong", "unacceptable",
    "betrayal", "insult", "horrible", "awful", "appalling", "embarrassment", "scandal",
    "ominous", "crazy", "absurd", "ridiculous", "opportunistic", "laughable", "preposterous", "malicious",
    "misleading", "irresponsible", "exaggerated", "motivated",
})

# --- contradiction between parties (stance.py) -------------------------------------------------

# Something still goes on ...
PERSISTENCE_LEMMAS = frozenset({"still", "continue", "remain", "ongoing", "keep", "persist"})
# ... where another party said it had ended.
TERMINATION_LEMMAS = frozenset({
    "expel", "liquidate", "defeat", "complete", "liberate", "end", "withdraw", "destroy",
    "eliminate", "oust", "drive", "retreat", "finish", "stop", "halt", "clear", "neutralize",
})

# --- read by stance.py only (rules.py finds cues with the dicts above; these never add a cue) ---

# Cue words the cue finder does not look for, but whose stance a cue found by the span model (or a
# gold cue) carries: "railed against", "backed", "plans to", "is likely to".
STANCE_VERBS: dict[str, Stance | None] = {
    "rail": Stance.CRITICIZE, "scold": Stance.CRITICIZE, "chide": Stance.CRITICIZE,
    "berate": Stance.CRITICIZE, "assail": Stance.CRITICIZE, "bash": Stance.CRITICIZE,
    "ridicule": Stance.CRITICIZE, "excoriate": Stance.CRITICIZE, "castigate": Stance.CRITICIZE,
    "back": Stance.PRAISE, "champion": Stance.PRAISE, "tout": Stance.PRAISE,
    "plan": Stance.PREDICT, "intend": Stance.PREDICT, "threaten": Stance.PREDICT,
    "encourage": Stance.OTHER, "propose": Stance.OTHER, "decline": Stance.OTHER,
    "refuse": Stance.OTHER, "seek": Stance.OTHER, "request": Stance.OTHER,
    "second": Stance.CONFIRM, "rate": None, "cite": None,
}
STANCE_NOUNS: dict[str, Stance | None] = {
    "acknowledgment": Stance.CONFIRM, "acknowledgement": Stance.CONFIRM,
    "concern": Stance.OTHER, "worry": Stance.OTHER, "fear": Stance.OTHER, "desire": Stance.OTHER,
    "wish": Stance.OTHER, "demand": Stance.OTHER, "call": Stance.OTHER, "decision": Stance.OTHER,
    "determination": Stance.OTHER, "intention": Stance.OTHER,
    "attack": Stance.CRITICIZE, "outrage": Stance.CRITICIZE, "protest": Stance.CRITICIZE,
    "condemnation": Stance.CRITICIZE, "rebuke": Stance.CRITICIZE, "endorsement": Stance.PRAISE,
    "doubt": Stance.QUESTION, "question": Stance.QUESTION, "rejection": Stance.DENY,
}
STANCE_ADJECTIVES: dict[str, Stance] = {
    "likely": Stance.PREDICT, "unlikely": Stance.PREDICT, "clear": Stance.ASSERT,
}
# A verb with a particle or preposition that together carry a stance: "went after", "lashed out".
PHRASAL_CUES: dict[tuple[str, str], Stance] = {
    ("go", "after"): Stance.CRITICIZE, ("lash", "out"): Stance.CRITICIZE,
    ("speak", "out"): Stance.CRITICIZE, ("rail", "against"): Stance.CRITICIZE,
    ("push", "back"): Stance.DENY, ("call", "on"): Stance.OTHER, ("call", "for"): Stance.OTHER,
    ("sign", "on"): Stance.PRAISE,
}
# Cues that, negated, leave the content in doubt rather than unsaid: "it is not clear that",
# "was not sure", "could not verify" (with INABILITY_MODALS).
DOUBT_WHEN_NEGATED = frozenset({"clear", "certain", "sure", "convinced"})
# Verbs whose negation moves into the content ("does not expect X" = expects not-X): they keep
# their stance; "does not think so" / "does not believe so" rejects what was said before.
NEG_RAISING = frozenset({"expect", "anticipate", "think", "believe", "suppose"})
# Objects that make a denial or a confirmation verb an act on a request, not on a claim: "rejected a
# media request" is no denial.
NON_CLAIM_NOUNS = frozenset({"request", "offer", "proposal", "bid", "invitation", "plea", "appeal",
                             "application", "motion", "nomination", "deal", "settlement"})
# Verbs whose bare noun-phrase object is still a claim put forward: "cited the figure", "noted the
# rule", "put the figure at $498 billion", "says everything" (any other cue over a bare noun
# phrase reports a topic: "other").
ASSERTING_OBJECT_VERBS = frozenset({"say", "cite", "note", "point", "put", "show", "promote",
                                    "defend", "find", "rate", "estimate", "announce"})
# Openings by which a content is an embedded question, not a claim: "spar over whether ...".
EMBEDDED_QUESTION_WORDS = frozenset({"whether", "if", "what", "who", "whom"})
# Verbs that put their "to"-complement in the future: "plans to release", "promises to make".
FUTURE_VERBS = frozenset({"plan", "intend", "promise", "pledge", "vow", "expect", "threaten", "aim"})
# Verbs whose object is what is foreseen: "he expected more clashes before the vote".
FORESEEING_VERBS = frozenset({"expect", "anticipate", "foresee", "forecast", "predict"})
# "would" is the past of "will" ("said he would leave"), but not in "I would say", "would be wise",
# "would never", "would otherwise".
WOULD_NON_FUTURE_VERBS = frozenset({"say", "like", "love", "prefer", "add", "argue", "suggest"})
WOULD_NON_FUTURE_WORDS = frozenset({"never", "otherwise", "wise", "better", "best", "prudent", "unwise"})
# Content words by which a neutral cue's content faults someone (accuse), beyond BLAME_LEMMAS.
CRITICISM_LEMMAS = frozenset({
    "vague", "disparage", "disparaging", "disrespect", "disqualify", "disqualifying", "overstep",
    "exaggerate", "misleading", "mislead", "incompetent", "incompetence", "hypocrisy",
    "hypocritical", "irresponsible", "negligence", "negligent", "mismanage", "mismanagement",
    "deceive", "deceptive", "smear", "pander", "sabotage",
})
CRITICISM_PHRASES: tuple[tuple[str, ...], ...] = (
    ("lash", "out"), ("for", "granted"), ("must", "stop"), ("should", "stop"),
)
# Content by which a neutral cue rejects a claim, beyond FALSITY_LEMMAS: "no chance she will
# withdraw", "no more biased than", "neither she nor her campaign helped".
DENIAL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("no", "chance"), ("no", "more"), ("neither",), ("nor",), ("no", "truth"), ("no", "basis"),
)
# A claim of innocence in the content's own main clause denies the charge ("We have nothing to
# hide"); deeper down it does not ("it is necessary to show that they have nothing to hide").
INNOCENCE_PHRASES: tuple[tuple[str, ...], ...] = (("nothing", "to", "hide"), ("do", "nothing", "wrong"), ("no", "wrongdoing"))
# Predicates by which a speaker claims innocence ("he was innocent"); as modifiers ("innocent
# civilians") they deny nothing.
INNOCENCE_LEMMAS = frozenset({"innocent", "blameless", "guiltless"})
# Word forms (not lemmas: "manufacture" is no denial) that call a claim false.
FALSITY_FORMS = frozenset({"manufactured", "unsubstantiated", "debunked", "discredited",
                           "made-up", "trumped-up"})

# --- sides: who accuses and who stands accused in an article (sides.py) ----------------------

# Verbs of the narration that put one party against another: "X was charged with", "sued X".
CHARGE_VERBS = frozenset({"charge", "accuse", "indict", "sue", "prosecute", "blame", "convict", "fine",
                          "sanction"})
# Nouns that aim at someone with "against": "allegations against Harlow", "the case against Lusk".
ACCUSATION_NOUNS = frozenset({"allegation", "accusation", "charge", "claim", "lawsuit", "suit",
                              "complaint", "case", "indictment"})
# Source words that state a side: "prosecutors said", "the defence argued".
ACCUSER_ROLES = frozenset({"prosecutor", "prosecutors", "prosecution", "plaintiff", "plaintiffs",
                           "complainant", "accuser", "accusers", "whistleblower"})
DEFENDER_ROLES = frozenset({"defence", "defense", "defendant", "defendants"})
# Demonyms whose country does not share their first five letters ("Chinese" ~ "China").
DEMONYMS = {
    "chinese": "china", "polish": "poland", "french": "france", "british": "britain", "dutch": "netherlands",
    "turkish": "turkey", "spanish": "spain", "danish": "denmark", "swedish": "sweden", "finnish": "finland",
    "irish": "ireland", "greek": "greece", "swiss": "switzerland", "thai": "thailand", "filipino": "philippines",
    "italian": "italy", "iranian": "iran", "iraqi": "iraq", "cuban": "cuba", "peruvian": "peru",
    "norwegian": "norway", "welsh": "wales", "scottish": "scotland", "english": "england", "uk": "britain",
    "u.k.": "britain", "us": "america", "u.s.": "america", "usa": "america", "american": "america",
    "emirati": "emirates", "saudi": "saudi", "israeli": "israel",
}
# Things that never speak: a cue verb with one of these as its subject is a literal act ("the CCG
# vessel blasted the boat with a water cannon"), not a speech act.
INANIMATE_SOURCE_NOUNS = frozenset({
    "vessel", "ship", "boat", "warship", "plane", "aircraft", "jet", "drone", "helicopter", "missile",
    "rocket", "shell", "bomb", "cannon", "gun", "tank", "car", "truck", "vehicle", "train", "bus",
    "storm", "typhoon", "hurricane", "flood", "fire", "blaze", "wind", "wave", "explosion", "blast",
})
# Words of a name that identify no one party: titles, institution kinds, legal endings.
GENERIC_NAME_WORDS = frozenset({
    "the", "of", "and", "for", "mr", "mrs", "ms", "dr", "president", "minister", "prime", "chief",
    "general", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "former", "new",
    "news", "agency", "health", "service", "services", "council", "commission", "committee", "board",
    "authority", "party", "army", "forces", "military", "foreign", "affairs", "interior",
    "secretary", "senator", "governor", "mayor", "judge", "lawyer", "attorney", "district",
    "assistant", "people", "residents", "sources", "local", "city", "republic", "democratic",
    "kingdom", "state", "states", "united", "national", "federal", "county", "department",
    "ministry", "office", "police", "court", "government", "company", "group", "inc", "inc.",
    "corp", "corp.", "ltd", "ltd.", "llc", "plc", "co", "co.", "its", "his", "her", "their",
    "spokesmen", "defence", "defense", "representative", "representatives", "deputy", "director", "executive",
})
