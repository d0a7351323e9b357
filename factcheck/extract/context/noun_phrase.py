"""The noun phrase after a figure, read on tokens: where it starts and ends.

A noun phrase ends at punctuation, a function word, a word that says when ("3 times
last year"), a verb or a participle after its first word ("civilians sheltering",
"hostages held"), a capitalised word after a lower-case one, a possessive, or after five
words; a plural -s form before a preposition, a conjunction or punctuation is a noun,
not a verb ("14 arrests, half of them", "4 home runs and 9 doubles"). ``entity`` (what
a figure counts) and ``change_target`` (what a change moves) read with it.
"""

from __future__ import annotations

from factcheck.extract.context.tokens import (
    ADJ_PARTICIPLES,
    ADVERBS,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    REPORT_VERBS,
    Token,
    is_ly_adverb,
    is_verb_like,
)

__all__ = ["NOT_COUNTED", "RESULTATIVE", "STOP", "TIME_NOUNS", "is_np_word", "noun_phrase", "plural_noun", "predicate_adjective"]

STOP = PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | PRONOUNS | DETERMINERS | ADVERBS | frozenset(
    {"there", "here", "more", "less", "fewer", "per", "than", "including", "according", "nearly", "about"}
)
RESULTATIVE = frozenset({"hostage", "captive"})
# Words after a figure that say when, how or per what, never what is counted: "$3.2
# billion last year", "rose 4 feet overnight", "closed 1.8% higher", "$12 apiece".
TIME_NOUNS = frozenset(
    """
    year years month months week weeks day days quarter quarters season seasons decade
    decades century night nights morning evening weekend weekends summer winter spring
    autumn fall today yesterday tomorrow overnight
    """.split()
)
NOT_COUNTED = TIME_NOUNS | frozenset(
    "last next this apiece each higher lower ago earlier later year-on-year".split()
)
_NOUN_REPORT_FORMS = frozenset({"counts", "reports", "estimates", "claims", "records", "notes", "tallies"})
# Adverbs of frequency between a subject and its verb: "80 teachers often work".
_FREQUENCY = frozenset("often usually sometimes always rarely seldom".split())
# Plurals without -s that a verb may follow: "1,500 staff work remotely".
_PLURALS = frozenset("people children men women staff police cattle".split())
# What follows a verb and never a noun inside a noun phrase: its object's opener.
_OBJECT_OPENERS = DETERMINERS | POSSESSIVE_PRONOUNS | frozenset({"him", "them", "us", "me"})
# Adjectives of measure that follow a figure to say what it measures of the subject:
# "1.6 kilometres long", "3 points clear", "12 years old".
_MEASURE_ADJECTIVES = frozenset("long high tall wide deep thick old clear short away ahead behind full".split())
# Endings of adjectives that rarely end a noun: "91% effective", "40% cheaper" is read elsewhere.
_ADJECTIVE_ENDINGS = ("ive", "ous", "ful", "able", "ible", "less")


def is_np_word(tok: Token) -> bool:
    return tok.is_word and tok.low not in STOP and (tok.low not in REPORT_VERBS or tok.low in _NOUN_REPORT_FORMS)


def _verb_after_plural(tokens: list[Token], prev: int, k: int, limit: int) -> bool:
    """Whether ``tokens[k]``, after the plural noun ``tokens[prev]``, is its verb: a
    lower-case word followed by an adverb in -ly or by the opener of an object
    ("employees work remotely", "nurses quit the hospital", "staff run their own")."""
    low = tokens[prev].low
    if not ((low.endswith("s") and not low.endswith("ss")) or low in _PLURALS) or tokens[k].is_capitalized:
        return False
    if k + 1 >= limit:
        return False
    nxt = tokens[k + 1]
    return nxt.is_word and (is_ly_adverb(nxt.low) or nxt.low in _OBJECT_OPENERS)


def predicate_adjective(tokens: list[Token], k: int, limit: int) -> bool:
    """Whether ``tokens[k]``, a word alone after a figure, is an adjective said of the
    subject ("is 1.6 kilometres long", "was 91% effective against"), not a noun counted:
    an adjective of measure or of an adjective's ending, with no noun after it."""
    low = tokens[k].low
    if low not in _MEASURE_ADJECTIVES and not (len(low) > 5 and low.endswith(_ADJECTIVE_ENDINGS)):
        return False
    return k + 1 >= limit or not is_np_word(tokens[k + 1])


def noun_phrase(tokens: list[Token], j: int, limit: int, *, nominal_first: bool = False) -> tuple[list[int], int, bool]:
    """Token indices of the noun phrase starting at ``j`` (before ``limit``), the index
    after it, and whether a resultative "hostage"/"captive" closed it. With
    ``nominal_first`` the first word is a noun even in a verb's form ("a 7% raise")."""
    words: list[int] = []
    premodified = False
    k = j
    while k < limit and len(words) < 5:
        tok = tokens[k]
        if not is_np_word(tok):
            break
        if words and tok.low in RESULTATIVE:
            return words, k, True
        if words and tok.is_capitalized and not tokens[words[-1]].is_capitalized and not premodified:
            break
        if words and tok.is_possessive:
            break
        if words and (is_ly_adverb(tok.low) or tok.low in _FREQUENCY):
            break  # "people seriously injured", "teachers often work"
        if words and _verb_after_plural(tokens, words[-1], k, limit):
            break  # "employees work remotely", "nurses quit the hospital"
        if words and tok.low in NOT_COUNTED:
            break  # "3 times last year"
        verbish = is_verb_like(tok, None) and not tok.is_capitalized and not plural_noun(tokens, k, limit)
        if verbish and nominal_first and not words and not tok.low.endswith(("ed", "ing")):
            verbish = False
        if verbish:
            following = tokens[k + 1] if k + 1 < limit else None
            premodifier = (
                not words
                and following is not None
                and following.is_word
                and following.low not in STOP
                and not is_verb_like(following, None)
                and (tok.low in ADJ_PARTICIPLES or (tok.low.endswith("ed") and not following.is_capitalized))
            )
            if not premodifier:
                break
            premodified = True
        else:
            premodified = False
        words.append(k)
        k += 1
    return words, k, False


def plural_noun(tokens: list[Token], k: int, limit: int) -> bool:
    """A plural -s form right after a figure or a noun, closing the phrase before a
    preposition, a conjunction or punctuation, is a noun: "14 arrests, half of them",
    "4 home runs and 9 doubles" (not "120 remain held")."""
    low = tokens[k].low
    if not low.endswith("s") or low.endswith("ss") or low in AUXILIARIES:
        return False
    nxt = tokens[k + 1] if k + 1 < limit else None
    return nxt is None or not nxt.is_word or nxt.low in PREPOSITIONS or nxt.low in CONJUNCTIONS
