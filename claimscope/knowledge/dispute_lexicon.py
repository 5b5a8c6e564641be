"""Dispute lexicons and patterns (data): denial cues, nominals for what a party said, verdicts of
falsity, antonyms, who is no party, and outcome words for opposed predictions.

Kept apart from the logic that uses them (``dispute_rules``, ``dispute_matching``) so a word can be
added without reading the cascade. All English.
"""
from __future__ import annotations

import re

DENIAL_CUES = frozenset("""deny denied denies denying denial denials reject rejected rejects rejecting
rejection dismiss dismissed dismisses dismissing refute refuted refutes refuting dispute disputed disputes
disputing contest contested contests rebut rebutted rebuts contradict contradicted contradicts repudiate
repudiated debunk debunked plead pleaded pleads pleading""".split())
# A plea that answers the charge before it: "pleaded not guilty", "pleads innocent".
PLEA = re.compile(r"^\W*(?:not\s+guilty|innocent)\b", re.I)
# Nouns for what one party put forward; their possessor (or "by"/"from" object) is the asserting party.
CLAIM_NOUNS = r"(?:assertions?|claims?|allegations?|accusations?|charges?|reports?|statements?|suggestions?|" \
              r"contentions?|insistence|assessment|characteri[sz]ation|account|arguments?|criticism|" \
              r"idea|notion|theory|theories|remarks?|comments?|figures?|numbers|version|testimony|findings)"
NAME = r"(?P<party>(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'’-]*)*)"
NOMINAL_POSSESSIVE = re.compile(r"(?:^|\b)" + NAME + r"['’]s?\s+(?:\w+\s+){0,2}?" + CLAIM_NOUNS +
                                 r"(?:\s+that\s+(?P<prop>.+))?", re.S)
NOMINAL_COMMON = re.compile(r"^(?:the\s+)?(?P<party>(?!(?:his|her|its|their|our|my|your|this|that)\b)[a-z]+)['’]s?\s+"
                             r"(?:\w+\s+){0,2}?" + CLAIM_NOUNS + r"(?:\s+that\s+(?P<prop>.+))?", re.S)
NOMINAL_BY = re.compile(r"\b" + CLAIM_NOUNS + r"\s+(?:made\s+)?(?:by|from)\s+(?:the\s+)?" + NAME +
                         r"(?:\s+that\s+(?P<prop>.+))?", re.S)
# What a bare nominal ("denied the allegations", "rejected the report", "dismissed the criticism")
# points back to: an earlier claim whose cue or speaker has the noun's stem, or whose stance fits.
NOMINAL_FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # noun stem: (cue or speaker stems, stances)
    "allegation": (("alleg", "accus", "charg"), ("accuse",)),
    "accusation": (("accus", "alleg", "charg"), ("accuse",)),
    "charge": (("charg", "accus", "alleg"), ("accuse",)),
    "criticism": (("critic", "attack", "blast", "slam", "liken"), ("criticize",)),
    "report": (("report",), ()),
    "claim": (("claim",), ()),
    "assertion": (("assert",), ()),
    # what was just said, whoever said it: "dismissed the remarks as propaganda"
    "remark": ((), ("assert", "accuse", "criticize", "predict", "confirm")),
    "comment": ((), ("assert", "accuse", "criticize", "predict", "confirm")),
    "statement": ((), ("assert", "accuse", "criticize", "predict", "confirm")),
    "version": ((), ("assert", "accuse", "criticize", "confirm")),
    "account": ((), ("assert", "accuse", "criticize", "confirm")),
    "suggestion": (("suggest",), ()),
    "characterization": (("characteri", "call", "describ", "liken"), ()),
    "characterisation": (("characteri", "call", "describ", "liken"), ()),
    "argument": (("argu",), ()),
    "contention": (("contend",), ()),
    "assessment": (("assess",), ()),
}
BARE_NOMINAL = re.compile(r"^\W*(?:the|those|these|such|any|all|his|her|their|its|that|this)?\s*(?:\w+\s+)?"
                          r"(?P<noun>" + CLAIM_NOUNS + r")\b", re.I)
# Determiners and the like before a described speaker ("Another critic", "the president").
DESCRIPTION_DETERMINERS = frozenset("a an the another one this that".split())
DEMONSTRATIVE = re.compile(r"\b(?:that|this|those|these|such)\s+(?:\w+\s+)?" + CLAIM_NOUNS + r"\b", re.I)
# A verdict of falsity on what another party said ("X's tweets are lies", "Trump exaggerates").
FALSITY = frozenset("""lie lies lying lied liar liars false falsely untrue wrong misleading mislead exaggerate
exaggerates exaggerated exaggerating baseless unfounded bogus fabricated fabrication debunked inaccurate
nonsense hoax""".split())
SPEECH_NOUNS = r"(?:claims?|tweets?|statements?|comments?|remarks?|assertions?|allegations?|accusations?|" \
                r"rationales?|arguments?|account|story|figures?|numbers?)"
VERDICT_WORDS = r"(?:lies|a lie|false|untrue|not true|wrong|misleading|baseless|unfounded|bogus|nonsense|a hoax|" \
                 r"fabricated|inaccurate|exaggerated|debunked)"
# The verdict may follow in the next sentence when that sentence points back ("X's rationales
# don't hold weight. They are 100 percent wrong"); a negation next to the verdict ("is not false")
# cancels it.
_VERDICT_TAIL = r"\b(?:[^.;]|\.\s+(?=(?:They|It|That|This|These|Those)\b)){0,160}?\b(?P<verdict>(?:is|are|was|were)\s+" \
                r"(?:\w+\s+){0,2}?" + VERDICT_WORDS + r")\b"  # "are 100 percent wrong"
VERDICT_POSSESSIVE = re.compile(NAME + r"['’]s?\s+(?:[\w-]+\s+){0,3}?" + SPEECH_NOUNS + _VERDICT_TAIL)
# The same with a described possessor ("the president's claims ... are unfounded"): the description
# is resolved to the one entity in the article with that role (dispute_matching.resolve_description).
VERDICT_DESCRIBED = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<party>[a-z]+(?:\s+[a-z]+)?)['’]s?\s+"
                               r"(?:[\w-]+\s+){0,3}?" + SPEECH_NOUNS + _VERDICT_TAIL)
VERDICT_NEGATED = re.compile(r"^(?:is|are|was|were)\s+(?:not|never|hardly)\b(?!\s+true\b)", re.I)
VERDICT_VERB = re.compile(NAME + r"\s+(?:is\s+lying|was\s+lying|lied|exaggerates|exaggerated|is\s+exaggerating|"
                           r"misled|misleads|is\s+misleading|falsely\s+(?:claimed|claims|said|says))\b")
# Word pairs that cannot both hold of one thing; stems matched by prefix (data).
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("asleep", "awake"), ("support", "oppos"), ("guilty", "innocent"), ("alive", "dead"),
    ("legal", "illegal"), ("increas", "decreas"), ("accept", "reject"), ("approv", "reject"),
    ("agree", "disagree"), ("safe", "unsafe"), ("present", "absent"), ("win", "los"),
    ("won", "lost"), ("true", "false"), ("withdraw", "advanc"), ("continu", "stopp"),
)
# Speakers that name no party: relative and bare pronouns the source finder sometimes keeps.
NO_PARTY = re.compile(r"^(?:that|this|which|who|whom|it|its|one|many|some|most|all|few|none|each|"
                       r"(?:many|some|most|all|few|none|each) of (?:whom|which|them|those))$", re.I)
GROUP_NOUN = re.compile(r"\b(?:officials|authorities|government|ministry|police|prosecutors|lawmakers|"
                         r"military|army|rebels|militants|residents|activists|critics|protesters|"
                         r"investigators|regulators|doctors|scientists|experts|analysts|witnesses|"
                         r"families|victims|workers|unions?|company|campaign|spokesm[ae]n|commission|agency|"
                         r"court|committee|council|board|regulator|administration|department|embassy|party|"
                         r"firm|bank|drugmaker|carmaker|insurer|lawyers|attorneys|prosecutor|"
                         r"spokeswom[ae]n|spokesperson)\b", re.I)
NON_AGENT = re.compile(r"['’]s\s+(?:plan|policy|bill|law|proposal|idea|decision|move|ad|video|tweet|book|brief|filing|"
                       r"motion|lawsuit|complaint|letter|memo)$", re.I)
POSITIVE_OUTCOME = frozenset("""blossom prosper prosperity flourish thrive improve improvement boost benefit
strengthen stronger better grow growth help revive recovery succeed success opening opportunity
gain gains win""".split())
NEGATIVE_OUTCOME = frozenset("""fail failure worsen worse collapse struggle trap traps hurt damage setback
harm decline deteriorate disaster nothing""".split())
# A negated prediction is a negative outlook only about an outcome ("will not lead to anything").
NEGATABLE_OUTCOME = POSITIVE_OUTCOME | frozenset("lead change work bring matter solve end".split())
# The negation must govern the outcome: "will not lead", "nothing that can help", not any "not".
NEGATED_OUTCOME = re.compile(r"\b(?:not|never|no|nothing|cannot|won't|wouldn't|can't)\b(?:\W+\w+){0,3}?\W+(?:"
                              + "|".join(sorted(NEGATABLE_OUTCOME)) + r")\b", re.I)
# A prediction whose subject points back to the story's topic ("Therefore, these recognitions ...").
ANAPHORIC = re.compile(r"^(?:\w+,\s+)?(?:these|this|that|those|it|such)\b", re.I)
FUTURE = re.compile(r"\b(?:will|would|won't|wouldn't|going to|can|could)\b", re.I)
PARTY_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
