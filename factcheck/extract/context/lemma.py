"""Lemmas: the dictionary form of an English word, so that a rule's word matches every
form of it ("remain" matches remained, remaining, remains; "killed" matches kills,
killing; "hostage" matches hostages).

Rule files and claims are lemmatised by this one function, so a word matches its own
forms whatever the lemma's spelling. Verbs: the irregular table of ``tokens`` (took,
taken -> take), then the regular endings (-ies, -ied, -ing, -ed, -es, -s) with the
spelling rules of English (doubled final consonants, a silent e restored) checked
against a list of base forms common in news copy, so that "dragged" is "drag" and
"killed" "kill", "displaced" "displace" and "seized" "seize". Nouns: irregular plurals
(children, women, people stays people), then -ies, -ves, -es, -s.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.extract.context.tokens import _IRREGULAR_TABLE, IRREGULAR

# Every form of an irregular verb -> its base form (the first word of its table line).
_IRREGULAR_BASE: dict[str, str] = {}
for _line in _IRREGULAR_TABLE.strip().splitlines():
    _forms = _line.split(":")[0].split()
    for _form in _forms:
        _IRREGULAR_BASE.setdefault(_form, _forms[0])

# Base forms of regular verbs common in news copy (irregular ones come from the table of
# ``tokens``): the spelling rules below are checked against them first.
BASE_VERBS = frozenset(
    """
    abduct abuse accept account accuse add admit advance affect agree aid allow amount
    announce appear approve arrest arrive ask assault attack average back ban base beg
    believe bomb bury call capture carry cause cease change charge claim clash climb
    close collapse comprise confirm consider contain continue convert count cram cross
    crowd damage declare decline decrease deliver deny deport describe destroy detain
    die displace document double doubt drag drop ease edge employ end enter equal
    estimate evacuate exceed exchange execute exist expect expel face fail fear file
    fire flee force free gain gather handle happen head help hike hope host house hover
    huddle identify include increase infect injure jail jump kidnap kill land last leave
    list live locate lose maim manage mark massacre match miss move murder near need note
    number occupy offer open order outnumber own pack pass peak perish place plan
    plunge point pour prevent process pronounce propose prove provide publish pull push
    put raise reach receive record recover reduce refuse register reject release rely
    remain remove repatriate replace report represent request require rescue reside
    resolve rest result return reveal rise rocket rule save say score search seize sell
    send serve settle shell shelter shoot shrink slaughter slip slump soar stand starve
    stay stop strand strike suffer support surge surpass surrender survive suspect
    swell take target tell tie top total track trap treat triple try tumble turn uproot
    use vaccinate vote wait walk want warn welcome wound
    """.split()
)

# Irregular and invariable noun plurals ("people" and "remains" are their own lemma:
# "the remains of 30 others" counts remains, and "people" is what the counts say).
_NOUN_PLURALS = {
    "children": "child", "women": "woman", "men": "man", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "thieves": "thief", "leaves": "leaf", "shelves": "shelf",
    "criteria": "criterion", "phenomena": "phenomenon", "data": "data", "media": "media",
    "people": "people", "remains": "remains", "news": "news", "series": "series",
    "species": "species", "means": "means", "headquarters": "headquarters",
    "police": "police", "staff": "staff", "personnel": "personnel", "crossings": "crossing",
}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ics", "sis")


def _restore(stem: str) -> str:
    """The base form of a verb stem left by removing -ed or -ing."""
    if not stem:
        return stem
    candidates = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouy":
        candidates.append(stem[:-1])  # dragged -> drag
    for candidate in candidates:
        if candidate in BASE_VERBS or candidate in IRREGULAR:
            return candidate
    # Unknown verbs: the spelling rules alone.
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeioulsyz":
        return stem[:-1]
    if stem.endswith(("at", "iz", "ur", "ac", "ov", "iv", "uc", "ag", "ud", "ut", "ib", "ar", "ul")) and len(stem) > 3:
        return stem + "e"
    if stem[-1] in "cgvz" or (stem.endswith("s") and not stem.endswith("ss")):
        return stem + "e"
    return stem


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str:
    """The base form of a verb form ("remained" -> "remain", "fled" -> "flee")."""
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR_BASE:
        return _IRREGULAR_BASE[w]
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 4:
        return _restore(w[:-3])
    if w.endswith("ed") and len(w) > 3:
        stem = w[:-2]
        if stem + "e" in BASE_VERBS or stem in BASE_VERBS:
            return stem + "e" if stem + "e" in BASE_VERBS else stem
        if w.endswith("eed"):  # freed, agreed
            return w[:-1]
        return _restore(stem)
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 2:
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """The singular of a noun ("hostages" -> "hostage", "casualties" -> "casualty")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if w in _NOUN_PLURALS:
        return _NOUN_PLURALS[w]
    if len(w) <= 3 or w.endswith(_NOT_PLURAL_ENDINGS):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def lemma(word: str) -> str:
    """A word's lemma when its part of speech is unknown (rule files): a verb form's
    base when the word reads as a verb form, else the noun's singular. Both ways agree
    on most words ("hostages", "killed", "remain")."""
    w = word.lower().replace("’", "'")
    if w in IRREGULAR or w.endswith(("ed", "ing")) or verb_lemma(w) in BASE_VERBS:
        return verb_lemma(w)
    return noun_lemma(w)
