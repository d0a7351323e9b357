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
    PREPOSITIONS,
    PRONOUNS,
    REPORT_VERBS,
    Token,
    is_verb_like,
)

__all__ = ["NOT_COUNTED", "RESULTATIVE", "STOP", "is_np_word", "noun_phrase", "plural_noun"]

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


def is_np_word(tok: Token) -> bool:
    return tok.is_word and tok.low not in STOP and (tok.low not in REPORT_VERBS or tok.low in _NOUN_REPORT_FORMS)


def noun_phrase(tokens: list[Token], j: int, limit: int) -> tuple[list[int], int, bool]:
    """Token indices of the noun phrase starting at ``j`` (before ``limit``), the index
    after it, and whether a resultative "hostage"/"captive" closed it."""
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
        if words and tok.low in NOT_COUNTED:
            break  # "3 times last year"
        verbish = is_verb_like(tok, None) and not tok.is_capitalized and not plural_noun(tokens, k, limit)
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
