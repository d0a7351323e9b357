"""The shapes of the words around a figure that decide what it counts, each a test on a
sentence's tokens: a score before its noun ("a 3-0 win"), a compound modifier ("a
15-member panel"), a verb of paying, of lasting or of level before it, an apposition's
clause, and a figure that goes on from the one before ("from $1,980 to $1,740", "... and
60 injured"). Read by ``entity.find_entity``."""

from __future__ import annotations

from factcheck.extract.context.noun_phrase import NOT_COUNTED as _NOT_COUNTED
from factcheck.extract.context.noun_phrase import (
    STOP,
    is_np_word,
)
from factcheck.extract.context.noun_phrase import noun_phrase as _noun_phrase
from factcheck.extract.context.tokens import (
    ADVERBS,
    CLAUSE_PUNCT,
    CONJUNCTIONS,
    COPULAS,
    DETERMINERS,
    MEASURE_VERBS,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    Token,
    is_participle,
    is_verb_like,
)

# Verbs whose money buys the thing after "for"/"on": "paid $2 million for the land".
PAYING = frozenset("pay pays paid paying spend spends spent spending".split())


# Words between a figure and the verb of level before it: "is now at", "hit nearly".
LEVEL_GAP = ADVERBS | frozenset({"a", "an", "the", "some", "about", "around"})


LASTING = frozenset(
    "last lasts lasted lasting take takes took taken taking run runs ran span spans spanned wait waits waited "
    "stretch stretches stretched stretching extend extends extended extending".split()
)


DURATION_GAP = LEVEL_GAP | frozenset({"for", "between", "under", "over", "up", "to", "just", "more", "less", "than"})


# Before the old value or the close of a change, the figure counts what the one before
# it counts: "fell to €310 million from €402 million", "closed down 412 points at 38,610".
SAME_RUN = frozenset({"from", "at"})


def level_verb_before(tokens: list[Token], i0: int) -> bool:
    """Whether a copula or a verb of level comes right before the figure, past a hedge:
    "is 1.6 kilometres long", "was 91% effective" (not "gets a $500 incentive")."""
    k = i0 - 1
    while k >= 0 and tokens[k].low in LEVEL_GAP:
        k -= 1
    return k >= 0 and (tokens[k].low in COPULAS or tokens[k].low in MEASURE_VERBS)


def lasting_before(tokens: list[Token], i0: int, start: int) -> bool:
    """Whether a verb of lasting comes before the figure, past a preposition and a hedge:
    "lasted six weeks", "runs for 25 years", "takes between 40 and 50 minutes"."""
    k = i0 - 1
    while k > start and tokens[k].low in DURATION_GAP:
        k -= 1
    return k >= start and tokens[k].low in LASTING


def same_run(tokens: list[Token], previous_end: int, i0: int, role: str | None, unit: str | None) -> bool:
    """Whether the figure at ``i0`` is the old value ("from", role before) or the close
    ("at") of the figure ending at ``previous_end``, at most two words that are not verbs
    between them: "fell to €310 million from €402 million", "down 412 points at 38,610"."""
    if i0 < 1 or tokens[i0 - 1].low not in SAME_RUN or not 0 <= i0 - 1 - previous_end <= 2:
        return False
    if tokens[i0 - 1].low == "from" and not (role == "before" or (role is None and unit is not None)):
        return False  # "fell 19% from 1987": a bare number after "from" is a time
    return all(t.is_word and not is_verb_like(t, None) for t in tokens[previous_end : i0 - 1])


def elided(tokens: list[Token], previous_end: int, i0: int, i1: int, limit: int) -> bool:
    """A figure after "and"/"or" with a participle and no noun of its own shares the
    noun of the figure before it when that one has a participle too: "12 people were
    killed and 60 injured" (not "326 children are dead and 300,000 displaced")."""
    return (
        i0 > 0 and tokens[i0 - 1].low in ("and", "or") and i1 < limit
        and is_participle(tokens[i1].low) and not tokens[i1].is_capitalized
        and any(is_participle(t.low) for t in tokens[previous_end : i0 - 1] if t.is_word)
    )


def opens_clause(tokens: list[Token], first: int) -> bool:
    """Whether the noun phrase at ``first`` (past its determiners) opens its clause: at
    the start, after punctuation that is not a figure's, or after a conjunction."""
    b = first
    while b > 0 and (tokens[b - 1].low in DETERMINERS or tokens[b - 1].is_possessive or tokens[b - 1].low in POSSESSIVE_PRONOUNS):
        b -= 1
    if b == 0:
        return True
    before = tokens[b - 1]
    return before.low in CONJUNCTIONS or before.text in CLAUSE_PUNCT or before.text in (".", "!", "?")


def is_score(tokens: list[Token], i0: int, i1: int, limit: int) -> bool:
    """Whether tokens [i0, i1) are a score written with a dash that modifies the noun of
    a result after it, with its article: "a 3-0 win", "the 2–1 defeat". A tally with no
    noun keeps its subject ("The resolution passed 14-0": a vote on the resolution), one
    read from words ("won 48,312 votes to 41,007") what it counts."""
    return (
        i1 - i0 >= 3 and i0 > 0 and i1 < limit and tokens[i0].text[:1].isdigit() and tokens[i0 + 1].text in ("-", "–")
        and tokens[i0 - 1].low in ("a", "an", "the") and is_np_word(tokens[i1]) and not tokens[i1].is_capitalized
    )


def compound_end(tokens: list[Token], i1: int, limit: int) -> int | None:
    """The token after a compound modifier the figure opens ("15-member", "300-strong",
    "40-page" written without spaces), when a noun phrase follows it; else None."""
    if i1 + 2 >= limit:
        return None
    dash, word, after = tokens[i1], tokens[i1 + 1], tokens[i1 + 2]
    if dash.text != "-" or dash.start != tokens[i1 - 1].end or word.start != dash.end:
        return None
    if not word.is_word or word.is_capitalized or not after.is_word or after.low in _NOT_COUNTED:
        return None
    return i1 + 2


def compound_phrase(tokens: list[Token], first: int, limit: int) -> tuple[list[int], int, bool]:
    """The noun phrase after a compound modifier, from ``first`` (as ``noun_phrase``
    gives it). Its first word is a noun or its modifier, whatever its form ("a 40-page
    report"); after a participle the next word is the noun it modifies ("a 12-game
    winning streak", "an 18-match unbeaten run"); an -s word after a singular noun is
    that noun's verb ("A 9-member board oversees")."""
    if tokens[first].low in STOP:
        return [], first, False
    after = first + 1
    low = tokens[first].low
    if (is_participle(low) or low.endswith("en")) and after < limit and is_np_word(tokens[after]):
        after += 1
    rest, end, resultative = _noun_phrase(tokens, after, limit)
    cut = next((n for n, k in enumerate(rest) if verb_agreeing(tokens, k)), None)
    if cut is not None:
        end = rest[cut]
        rest = rest[:cut]
    if not rest:
        end = after
    return [*range(first, after), *rest], end, resultative


def verb_agreeing(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]``, an -s form after a singular noun, is that noun's verb."""
    low, prev = tokens[k].low, tokens[k - 1].low
    return low.endswith("s") and not low.endswith("ss") and not (prev.endswith("s") and not prev.endswith("ss"))


def paid_before(tokens: list[Token], i0: int, start: int) -> bool:
    """Whether a verb of paying comes right before the figure, past an object pronoun
    and a hedge: "paid 40,000 rupees", "paid him nearly $900", "spent $3 billion"."""
    k = i0 - 1
    while k >= start and (tokens[k].low in LEVEL_GAP or tokens[k].low in PRONOUNS):
        k -= 1
    return k >= start and tokens[k].low in PAYING


def new_value(tokens: list[Token], previous_end: int, i0: int) -> bool:
    """Whether the figure at ``i0`` is the new value after the figure ending at
    ``previous_end``: "from $1,980 to $1,740", "slid 3 points to 71%" (at most two
    words that are not verbs between the old figure and "to")."""
    if i0 < 1 or tokens[i0 - 1].low != "to" or not 0 <= i0 - 1 - previous_end <= 2:
        return False
    between = tokens[previous_end : i0 - 1]
    return all(t.is_word and not is_verb_like(t, None) for t in between)
