"""The subject a level or a figure of level is said of: the noun phrase before the verb
("The company's revenue was $3.2 billion" -> revenue), past a clause's name numbers,
joined phrases and a plural before its preposition; or the nearest noun phrase before
the figure when the clause gives none. Read by ``entity.find_entity``."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.extract.context.change_target import moved_by
from factcheck.extract.context.entity_info import EntityInfo
from factcheck.extract.context.lemma import BASE_VERBS
from factcheck.extract.context.noun_phrase import NOT_COUNTED as _NOT_COUNTED
from factcheck.extract.context.noun_phrase import STOP, is_np_word
from factcheck.extract.context.tokens import (
    ADJ_PARTICIPLES,
    ADVERBS,
    AUXILIARIES,
    CONJUNCTIONS,
    COPULAS,
    DETERMINERS,
    MEASURE_VERBS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    REPORT_VERBS,
    Token,
    is_participle,
    is_verb_like,
)

# Verbs of level whose noun says how much ("an average of 37.8", "a total of"), unlike a
# noun of change ("An increase of 40 cents": no thing named).
AMOUNT_VERBS = frozenset({"average", "averages", "total", "totals"})


def name_number(tokens: list[Token], s: int, subject_end: int) -> bool:
    """Whether the token before ``s`` belongs to a proper name: the number of an index
    named after its size, last in the subject ("The FTSE 100 fell", "the CAC 40"), or
    the ampersand of "S&P"."""
    if s < 2 or not tokens[s - 2].is_capitalized:
        return False
    t = tokens[s - 1]
    if t.text == "&":
        return s < len(tokens) and tokens[s].is_capitalized
    return t.text.isdigit() and s == subject_end


def level_subject(
    tokens: list[Token], i0: int, is_place: Callable[[str], bool], text: str, role: str | None = None,
    *, level_only: bool = False,
) -> EntityInfo:
    """A figure with no noun of its own is a level ("rose to 3.2%", "hit 118 degrees",
    "stood at 32,000"): its entity is the subject of the verb before it, if any. With
    ``level_only`` (a duration) only after a verb of level, a copula or a noun's "of"."""
    info = EntityInfo()
    k = i0 - 1
    while k >= 0 and tokens[k].low in ADVERBS | {"a", "an", "the", "some", "about", "around", "nearly", "almost"}:
        k -= 1
    if k > 0 and role == "change" and tokens[k].low in ("up", "down"):
        k -= 1  # "edged up 0.3%", "is down 7%": the particle of the change
    prep = None
    if k >= 0 and tokens[k].low in ("to", "by", "at", "of", "from", "than"):
        prep = tokens[k].low
        k -= 1
        while k >= 0 and tokens[k].low in ADVERBS:
            k -= 1
    if k < 0:
        return info
    verb = tokens[k]
    level = verb.low in MEASURE_VERBS or verb.low in COPULAS
    if level and prep == "of" and verb.low in AMOUNT_VERBS and k > 0 and (tokens[k - 1].low in DETERMINERS or tokens[k - 1].is_possessive):
        level = False  # "an average of 37.8": after a determiner the noun of the amount
    # "pay damages of $75,000": before "of" a word is a noun, whatever its form
    noun_of = prep == "of" and k == i0 - 2 and not level and verb.is_word
    if level_only and not level and not noun_of:
        return info
    if not noun_of and (level or is_verb_like(verb, tokens[k - 1] if k else None)):
        subject_end = k
        while subject_end > 0 and tokens[subject_end - 1].low in ADVERBS | AUXILIARIES - COPULAS:
            subject_end -= 1
        # "The hospital is running at 95%": before an -ing form a copula is an auxiliary
        # (a passive, "was reduced from", is read by ``_subject``)
        if subject_end == k and k > 0 and tokens[k - 1].low in COPULAS and verb.low.endswith("ing") and is_participle(verb.low):
            subject_end -= 1
            while subject_end > 0 and tokens[subject_end - 1].low in ADVERBS:
                subject_end -= 1
    elif i0 > 0 and tokens[i0 - 1].low == "of":
        subject_end = i0 - 1  # "a death toll of 32,000": the noun before "of"
    else:
        return info
    # before a verb of level the last word of the subject is its noun ("The record is")
    if subject_end >= 2 and tokens[subject_end - 1].low == "to":
        # "Analysts expect prices to average $70": an infinitive's subject is the noun
        # before "to" (else as before: "Inflation is expected to rise to 3%")
        near = nearest_phrase(tokens, subject_end - 1, text)
        if near.entity is not None:
            return near
    if subject_end >= 2 and tokens[subject_end - 1].low in RELATIVES:
        # "The river, which rose to 5 metres", "a number which is": what the relative
        # pronoun stands for
        if tokens[subject_end - 2].text == ",":
            return subject_span(tokens, subject_end - 2, i0, is_place, text, role)
        return nearest_phrase(tokens, subject_end - 1, text)  # "a lake that averages"
    noun_first = (
        (noun_of or (level and subject_end == k)) and subject_end > 0
        and tokens[subject_end - 1].is_word and tokens[subject_end - 1].low not in STOP
    )
    return subject_span(tokens, subject_end, i0, is_place, text, role, noun_first=noun_first)


def nearest_phrase(tokens: list[Token], end: int, text: str) -> EntityInfo:
    """The noun phrase right before ``end`` (a relative pronoun with no comma before it
    stands for the nearest noun: "a promise that is one year old" -> "promise")."""
    info = EntityInfo()
    b = end
    while (
        b > 0 and is_np_word(tokens[b - 1]) and not tokens[b - 1].is_possessive and end - b < 4
        and not is_verb_like(tokens[b - 1], tokens[b - 2] if b >= 2 else None)
        and not verb_after_subject(tokens, b - 1)
    ):
        b -= 1
    if b == end or tokens[end - 1].is_capitalized or any(t.low in _NOT_COUNTED for t in tokens[b:end]):
        return info  # ("a few years ago to drop 25 pounds": a time, no thing)
    if tokens[end - 1].low in BASE_VERBS and not (b > 0 and (tokens[b - 1].low in DETERMINERS or tokens[b - 1].is_possessive)):
        return info  # "I want to earn": a verb; "the plan to cut" is a noun
    info.entity = text[tokens[b].start : tokens[end - 1].end]
    info.first, info.end, info.head = b, end, end - 1
    info.entity_type = tokens[end - 1].low
    info.from_subject = True
    return info


def verb_after_subject(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]``, a base form of a known verb after a plural noun, is that
    noun's verb: "Analysts expect prices to average" (not a noun of a compound)."""
    low, prev = tokens[k].low, tokens[k - 1] if k else None
    return (
        prev is not None and prev.is_word and prev.low.endswith("s") and not prev.low.endswith("ss")
        and low in BASE_VERBS and not low.endswith("s")
    )


def joined(tokens: list[Token], s: int) -> bool:
    """Whether ``tokens[s - 1]`` is a hyphen inside a word ("10-year", "chip-making")."""
    return (
        s >= 2 and tokens[s - 1].text == "-" and tokens[s - 2].end == tokens[s - 1].start
        and s < len(tokens) and tokens[s - 1].end == tokens[s].start
    )


def plural_before_preposition(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]``, an -s form after a noun and before a preposition, is a
    plural noun of the subject: "Passenger numbers at the airport", "Job cuts in"."""
    low = tokens[k].low
    return (
        k >= 1 and k + 1 < len(tokens) and low.endswith("s") and not low.endswith("ss") and low not in AUXILIARIES
        and tokens[k - 1].is_word and tokens[k - 1].low not in STOP and tokens[k + 1].low in PREPOSITIONS
    )


def subject_span(
    tokens: list[Token], subject_end: int, i0: int, is_place: Callable[[str], bool], text: str, role: str | None,
    *, noun_first: bool = False,
) -> EntityInfo:
    """The subject noun phrase ending before ``subject_end``: back to a boundary, then
    cut at its first preposition (``noun_first``: the word before the end is a noun,
    whatever its form)."""
    info = EntityInfo()
    s = subject_end - 1 if noun_first else subject_end
    while s > 0:
        t = tokens[s - 1]
        if not t.is_word and name_number(tokens, s, subject_end):
            s -= 1
            continue
        if joined(tokens, s):
            s -= 2  # "the 10-year note": a compound word
            continue
        if not t.is_word or t.low in CONJUNCTIONS or t.low in REPORT_VERBS or t.low in AUXILIARIES:
            break
        if is_verb_like(t, tokens[s - 2] if s >= 2 else None) and t.low not in ADJ_PARTICIPLES and not plural_before_preposition(tokens, s - 1):
            break
        s -= 1
    span = list(range(max(s, 0), subject_end))
    while span and (tokens[span[0]].low in DETERMINERS or tokens[span[0]].low in POSSESSIVE_PRONOUNS):
        span.pop(0)
    cut = [n for n, idx in enumerate(span) if tokens[idx].low in PREPOSITIONS and tokens[idx].low != "of"]
    if cut:
        span = span[: cut[0]]
    if not span:
        return info
    # "Gaza's death toll": the possessive says where, not what.
    while len(span) > 1 and tokens[span[0]].is_possessive:
        span.pop(0)
    # The head is the noun before an of-phrase: "shares of Apple" -> "shares".
    of_at = [idx for idx in span if tokens[idx].low == "of"]
    head = of_at[0] - 1 if of_at and of_at[0] > span[0] else span[-1]
    head_tok = tokens[head]
    first_tok, last_tok = tokens[span[0]], tokens[span[-1]]
    if head_tok.low in PRONOUNS or is_place(text[first_tok.start : last_tok.end]):
        return info
    # A proper name ("Manchester City", "Erling Haaland", "Apple") is who, not what is
    # counted, unless a verb of change moves it ("The Nasdaq gained 1.2%"); a capital on
    # the first word of the sentence proves nothing ("Inflation").
    if head_tok.is_capitalized and head > 0 and not moved_by(tokens, subject_end, i0, role):
        return info
    info.entity = text[first_tok.start : last_tok.end]
    info.first, info.end, info.head = span[0], span[-1] + 1, head
    info.entity_type = head_tok.low
    info.from_subject = True
    return info
