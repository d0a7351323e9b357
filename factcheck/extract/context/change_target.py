"""What a change moves, when the sentence names it around the figure.

"The Dow climbed 210 points", "a 12% rise in rents", "raised the price cap by 10%": a
figure of change (``role`` "change", read by ``factcheck.extract.quantities.changes``)
measures how much something moved, and that something is

* the subject of a verb of change, a proper name too ("The Nasdaq gained 1.2%", "Apple
  rose 2.4% to $189"), where before any other verb a proper name is who acts, not what
  is counted ("Ford sold 50,000 trucks"): ``moved_by``;
* after a noun of change, its in-phrase ("a 0.5% contraction in the economy", "a rise
  of 2% in house prices"), else the nouns before it ("a 5% fare rise" -> "fare"); with
  neither ("Revenue posted a 5% gain") the noun of change names no thing and the
  subject is read instead: ``moved_span``, ``names_no_thing``;
* the object of a verb of change before "by" ("cut rates by 0.25 points", "lowered its
  growth forecast by 0.4 percentage points"): ``moved_span``.

Only a few tokens either side of the figure are read (the cost is a constant per
figure), with the vocabulary of change of ``changes`` (its verbs and nouns).
"""

from __future__ import annotations

from factcheck.extract.context.noun_phrase import NOT_COUNTED, is_np_word, plural_noun
from factcheck.extract.context.tokens import (
    DETERMINERS,
    POSSESSIVE_PRONOUNS,
    Token,
    is_verb_like,
)
from factcheck.extract.quantities.changes import (
    INTRANSITIVE,
    NEUTRAL,
    NOUNS,
    TRANSITIVE,
)

__all__ = ["moved_by", "moved_span", "names_no_thing"]

# Every form of a verb of change ("climbed", "edged", "lowered"): its subject, or its
# object before "by", is what the change moves.
_CHANGE_VERBS = frozenset(INTRANSITIVE) | frozenset(NEUTRAL) | frozenset(TRANSITIVE)
_ROLES_OF_CHANGE = frozenset({"change", "before", "after"})
# The unit word of "a 4-point decline", glued to the figure by a hyphen (the figure's
# span ends at the digits).
_HYPHEN_UNITS = frozenset({"point", "points", "percent", "cent", "cents", "pence", "percentage"})
# At most this many words in the in-phrase or the object ("in consumer confidence").
_MAX_WORDS = 4

Span = tuple[list[int], int]  # token indices of the noun phrase, the index after it


def moved_by(tokens: list[Token], lo: int, i0: int, role: str | None) -> bool:
    """Whether a figure of change (or a level it reaches) follows a verb of change in
    tokens [lo, i0): then a proper-name subject is what moved ("The Dow climbed 312
    points", "Apple rose 2.4% to $189"), not who acts ("Ford sold 50,000 trucks")."""
    return role in _ROLES_OF_CHANGE and any(t.low in _CHANGE_VERBS for t in tokens[lo:i0])


def names_no_thing(tokens: list[Token], j: int, limit: int) -> bool:
    """Whether the words after the figure (from ``j``) are a noun of change: they say
    how it moved, not what ("Revenue posted a 5% gain")."""
    return _change_noun_at(tokens, _past_hyphen_unit(tokens, j, limit), limit) is not None


def moved_span(tokens: list[Token], i0: int, j: int, limit: int) -> Span | None:
    """The noun phrase a figure of change at ``i0`` (its words end before ``j``) says
    moved, or None when it names none here (the caller reads the subject)."""
    k = _past_hyphen_unit(tokens, j, limit)
    noun = _change_noun_at(tokens, k, limit)
    if noun is not None:
        thing = _in_phrase(tokens, noun + 1, limit)
        if thing is not None:
            return thing
        return (list(range(k, noun)), noun) if noun > k else None
    if i0 >= 2 and tokens[i0 - 1].low == "of" and tokens[i0 - 2].low in NOUNS:
        return _in_phrase(tokens, j, limit)  # "a fall of 30% in the harvest"
    if i0 >= 2 and tokens[i0 - 1].low == "by":
        return _object_of_change(tokens, i0 - 1)
    return None


def _past_hyphen_unit(tokens: list[Token], j: int, limit: int) -> int:
    """The token after "-point" in "a 4-point decline"."""
    if j + 1 < limit and tokens[j].text == "-" and tokens[j + 1].low in _HYPHEN_UNITS:
        return j + 2
    return j


def _change_noun_at(tokens: list[Token], j: int, limit: int) -> int | None:
    """The index of a noun of change at most two noun words after ``j``: "a 12% rise",
    "a 5% fare rise" (the grammar of ``changes``: FIG [word word] NOUN)."""
    for m in range(j, min(limit, j + 3)):
        if not is_np_word(tokens[m]):
            return None
        if tokens[m].low in NOUNS:
            return m  # "a 20% fall": the noun, even though "fall" is also a season
        if tokens[m].low in NOT_COUNTED:
            return None  # "will increase by $1,200 next fall": a time, no noun of change
    return None


def _in_phrase(tokens: list[Token], k: int, limit: int) -> Span | None:
    """The noun phrase of "in ..." at ``k`` ("in the economy", "in its poll ratings",
    "in house prices"). After "in" and its determiner the first word is a noun even
    when it could be a verb ("house"); a capitalised one is a place or a month ("a 6%
    drop in January"), a word of time is when ("in rents this year" ends at "this")."""
    if k >= limit or tokens[k].low != "in":
        return None
    k += 1
    while k < limit and (tokens[k].low in DETERMINERS or tokens[k].low in POSSESSIVE_PRONOUNS or tokens[k].is_possessive):
        k += 1
    words: list[int] = []
    while (
        k < limit and len(words) < _MAX_WORDS and is_np_word(tokens[k])
        and tokens[k].low not in NOT_COUNTED and not tokens[k].is_capitalized
    ):
        if words and is_verb_like(tokens[k], None) and not plural_noun(tokens, k, limit):
            break
        words.append(k)
        k += 1
    return (words, k) if words else None


def _object_of_change(tokens: list[Token], by: int) -> Span | None:
    """ "raised the price cap by 10%", "cut rates by 0.25 points": the noun phrase
    between a verb of change and "by", after its determiner."""
    k = by
    while (
        k > 0 and by - k < _MAX_WORDS and is_np_word(tokens[k - 1])
        and tokens[k - 1].low not in _CHANGE_VERBS and not tokens[k - 1].is_possessive
    ):
        k -= 1
    if k == by:
        return None
    first = k
    while k > 0 and (tokens[k - 1].low in DETERMINERS or tokens[k - 1].low in POSSESSIVE_PRONOUNS):
        k -= 1
    if k == 0 or tokens[k - 1].low not in _CHANGE_VERBS:
        return None
    return list(range(first, by)), by
