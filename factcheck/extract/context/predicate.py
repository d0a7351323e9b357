"""What happened to what a figure counts: the predicate.

The predicate is the verb or state the figure is the object or subject of. Tried in this
order, the first that applies wins:

1. a verb right before the figure, whose object it is ("killed over 32,000",
   "took around 250 people", "still holding around 100 hostages", "evacuated over
   800,000"): reported in its past form, present and progressive forms as the past
   participle ("holding" -> "held", "kills" -> "killed"); a verb a level completes
   ("rose to 3.2%", "hit 118 degrees", "scored 40 points") as written;
2. a state word before the figure ("the remaining 128" -> "remaining");
3. a participle or relative clause right after the counted noun ("hostages held by
   Hamas", "civilians sheltering there", "people who fled"), as written;
4. the verb of which the figure is the subject, past auxiliaries and adverbs
   ("810,000 people had fled" -> "fled"; "40,000 residents ... have been unable to live
   in their homes, since ..." -> "unable to live in their homes");
5. a figure coordinated with the one before it and without a verb of its own takes that
   one's predicate ("holding around 100 hostages, and the remains of around 30 others",
   "killed 30 people, including 10 children") -- done by the caller, which knows the
   previous claim;
6. a reporting verb whose object the figure is ("the CDC reported 1,200 cases");
7. a nominal form of the entity ("death toll", "deaths", "fatalities" -> "killed";
   "injuries" -> "wounded"; "evacuees" -> "evacuated").

A verb that only reports a figure ("said", "estimated") is not its predicate while a
better one exists: "estimated 810,000 people had fled" is "fled".
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.context.entity import EntityInfo
from factcheck.extract.context.tokens import (
    ADJ_PARTICIPLES,
    ADVERBS,
    ARTICLES,
    AUXILIARIES,
    COPULAS,
    DETERMINERS,
    MEASURE_VERBS,
    PREPOSITIONS,
    RELATIVES,
    REPORT_VERBS,
    Token,
    is_participle,
    is_verb_like,
    past_form,
)

__all__ = ["NOMINAL_PREDICATES", "PredicateInfo", "coordinated", "find_predicate"]

NOMINAL_PREDICATES = {
    "toll": "killed", "deaths": "killed", "dead": "killed", "fatalities": "killed",
    "killed": "killed", "death": "killed",
    "injuries": "wounded", "injured": "wounded", "wounded": "wounded",
    "evacuees": "evacuated", "displaced": "displaced", "displacement": "displaced",
    "deliveries": "delivered",
}
_NOT_PREDICATES = frozenset({"including", "according", "excluding", "regarding", "following", "compared", "based", "totaling", "totalling", "amid"})
_LEVEL_PREPS = frozenset({"to", "by", "at", "from", "than"})
_SOFT_DETERMINERS = ARTICLES | frozenset({"some", "about", "around", "nearly", "almost", "roughly", "another"})
_PHRASE_STOP = frozenset({"since", "due", "until", "because", "after", "before", "and", "or", "but", "as", "while", "when", "who", "which", "that", "amid"})
_COORDINATORS = frozenset({"and", "or", "including", "plus", "of", "whom", "among", "them", "as", "well", "with"})


@dataclass(slots=True)
class PredicateInfo:
    predicate: str | None = None
    index: int | None = None  # token index of the predicate word
    how: str | None = None  # "object", "state", "participle", "subject", "report", "nominal", "level"


def _after_aux(tokens: list[Token], m: int, end: int) -> tuple[str | None, int | None]:
    """The content word after an auxiliary chain starting at ``m``."""
    while m < end and (tokens[m].low in AUXILIARIES or tokens[m].low in ADVERBS):
        m += 1
    if m >= end or not tokens[m].is_word:
        return None, None
    w = tokens[m].low
    if w in DETERMINERS or w in PREPOSITIONS:
        return None, None
    if w in ("unable", "able", "forced") and m + 2 < end and tokens[m + 1].low == "to":
        # "unable to live in their homes": the state with what it is about.
        words = [w, "to", tokens[m + 2].low]
        n = m + 3
        while n < end and len(words) < 7 and tokens[n].is_word and tokens[n].low not in _PHRASE_STOP:
            words.append(tokens[n].low)
            n += 1
        return " ".join(words), m
    return w, m


def find_predicate(tokens: list[Token], i0: int, i1: int, clause: tuple[int, int], ent: EntityInfo) -> PredicateInfo:
    a, b = clause
    report: PredicateInfo | None = None
    state: PredicateInfo | None = None

    # 1 and 2: what stands before the figure.
    k = i0 - 1
    while k >= a:
        t = tokens[k]
        if t.low in ADVERBS or t.low in _SOFT_DETERMINERS:
            k -= 1
            continue
        if t.low in ADJ_PARTICIPLES and state is None and k - 1 >= a and (tokens[k - 1].low in DETERMINERS or tokens[k - 1].is_possessive):
            state = PredicateInfo(t.low, k, "state")
            k -= 1
            continue
        break
    if k >= a:
        t = tokens[k]
        prev = tokens[k - 1] if k - 1 >= 0 else None
        if t.low in _LEVEL_PREPS and k - 1 >= a:
            v = k - 1
            while v >= a and tokens[v].low in ADVERBS:
                v -= 1
            if v >= a and (tokens[v].low in MEASURE_VERBS or tokens[v].low in COPULAS or is_verb_like(tokens[v], tokens[v - 1] if v else None)):
                if tokens[v].low not in COPULAS:
                    pred = PredicateInfo(tokens[v].low, v, "level")
                    return _nominal_first(ent, tokens, pred)
        elif is_verb_like(t, prev) and t.low not in _NOT_PREDICATES and state is None:
            if t.low in COPULAS:
                nominal = _nominal(ent, tokens)
                return nominal or PredicateInfo()
            if t.low in MEASURE_VERBS:
                return _nominal_first(ent, tokens, PredicateInfo(t.low, k, "level"))
            if t.low in REPORT_VERBS:
                report = PredicateInfo(past_form(t.low), k, "report")
            else:
                return PredicateInfo(past_form(t.low), k, "object")
    if state is not None:
        return state

    # 3: a participle or relative clause after the counted noun.
    start = ent.end if ent.end is not None and not ent.from_subject else i1
    if start < b:
        t = tokens[start]
        if t.low in RELATIVES and t.low != "where":
            word, idx = _after_aux(tokens, start + 1, b)
            if word is not None:
                return PredicateInfo(word, idx, "participle")
        elif (
            t.is_word
            and not t.is_capitalized
            and t.low not in _NOT_PREDICATES
            and t.low not in AUXILIARIES
            and is_participle(t.low)
        ):
            return PredicateInfo(t.low, start, "participle")

    # 4: the verb the figure is the subject of.
    if not ent.from_subject:
        for m in range(start, min(b, start + 16)):
            t = tokens[m]
            prev = tokens[m - 1] if m > 0 else None
            if t.low in RELATIVES or t.low in ("and", "or", "but"):
                break
            if t.low in AUXILIARIES and not (prev is not None and prev.low in DETERMINERS):
                word, idx = _after_aux(tokens, m, b)
                if word is not None:
                    return PredicateInfo(word, idx, "subject")
                break
            if prev is not None and prev.low in PREPOSITIONS:
                continue
            if is_verb_like(t, prev) and t.low not in _NOT_PREDICATES:
                if t.low in REPORT_VERBS and report is not None:
                    break
                return PredicateInfo(t.low, m, "subject")

    if report is not None:
        return _nominal(ent, tokens) or report
    return _nominal(ent, tokens) or PredicateInfo()


def _nominal(ent: EntityInfo, tokens: list[Token]) -> PredicateInfo | None:
    if ent.head is None:
        return None
    head = tokens[ent.head].low
    if head in NOMINAL_PREDICATES:
        return PredicateInfo(NOMINAL_PREDICATES[head], ent.head, "nominal")
    return None


def _nominal_first(ent: EntityInfo, tokens: list[Token], pred: PredicateInfo) -> PredicateInfo:
    return _nominal(ent, tokens) or pred


def coordinated(tokens: list[Token], prev_end: int, i0: int) -> bool:
    """Whether the tokens between a previous figure (ending at token ``prev_end``) and
    this one (starting at ``i0``) only coordinate them: nouns, commas, "and", "including",
    "the remains of" -- no verb of their own."""
    if prev_end > i0:
        return False
    for m in range(prev_end, i0):
        t = tokens[m]
        if not t.is_word:
            if t.text in ",;":
                continue
            return False
        if t.low in _COORDINATORS or t.low in DETERMINERS:
            continue
        if is_verb_like(t, tokens[m - 1] if m else None) and t.low not in ("remains",):
            return False
    return True
