"""What a figure counts: the entity noun phrase.

``entity`` is the counted noun phrase as written, with its modifiers and without
determiners, hedges or the number: "Palestinian civilians", "displaced Palestinians",
"hostages", "residents of the north" (an of-phrase is kept after nouns that need one:
residents, members, citizens, cases...). Found, in this order:

1. for the second value of "from X to Y" and for "40 of whom", "half of them": what the
   figure before it in the sentence counts; nothing for a score before its noun ("a 3-0
   win"; "The resolution passed 14-0" goes on to the subject);
1b. for a ratio to a whole that is not a group (kind percent, not share) after a verb
   of level, the subject ("Public debt reached 98% of GDP" -> "Public debt", "The
   reservoir is at 40% of capacity"); for a figure inside a compound modifier, the
   noun after it ("a 15-member panel", "the 2,000-strong crowd", "a 12-game winning
   streak"); for money after a verb of paying, what it buys ("paid 40,000 rupees for
   the scooter", "spent $85 million on the bridge");
2. for a change, what the sentence says moved around the figure (``change_target``:
   "a 12% rise in rents", "a 5% fare rise", "raised the price cap by 10%");
3. the noun phrase after the figure, past a unit word already counted and past "of"
   with a determiner or possessive ("a third of Gaza's population" -> "population",
   "128 of the hostages" -> "hostages", "$5 billion in aid" -> "aid"); for a share,
   past the whole's own figure too ("40% of the 2.3 million residents" -> "residents",
   "a quarter of those tested" -> "those tested"), and past a bare determiner or
   possessive ("half the town", "Half the country's hospitals" -> "hospitals"). Words that say when or per what
   ("last year", "overnight", "apiece", "each", "higher") and the points of a change
   ("The Dow climbed 312 points"), or a noun of change ("posted a 5% gain"), are not
   what a figure counts;
4. for a level with no noun of its own ("Inflation rose to 3.2%", "The temperature in
   Phoenix hit 118 degrees", "the death toll stands at 32,000", "a budget of $2
   million"), the subject of the verb the figure completes ("inflation", "temperature",
   "death toll"), unless that subject is a place or a pronoun;
5. else the subject of the verb group before the figure, read on the tagger's parts of
   speech (``subject``): "The engine produces 300 horsepower" -> "engine", "Tickets
   cost $12 apiece" -> "Tickets", "The bill's cost: $40 million" -> "cost",
   "jewellery worth £2 million", "sells organic eggs for $3" (money: the thing priced);
   "the number of beds" counts "beds". A proper name there (in 4 and 5) is who acts,
   not what is counted ("Manchester City scored 4 goals"), except before a verb of
   change: "The Dow climbed 312 points", "The FTSE 100 fell 0.6%" (an index's number
   is part of its name), "Apple rose 2.4% to $189".

Where a noun phrase ends: ``noun_phrase``.

``entity_type`` is what the rule engine keys on: what kind of thing is counted, as a
plural noun. It is the head noun of the entity (lower case unless a proper adjective:
"civilians", "Palestinians", "hostages", "population") except where the sentence says
more than the noun:

* "took 250 people hostage", "people were taken hostage", "held 5 people captive" ->
  "hostages";
* "the remains of around 30 others" / "the bodies of 3 soldiers": entity "remains" /
  "bodies", entity_type "<counted, singular> remains" ("hostage remains");
* "others" / "more" take the type of the figure before them in the sentence or
  paragraph ("100 hostages, and the remains of 30 others" -> "hostage remains").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck.extract.context.change_target import moved_by, moved_span, names_no_thing
from factcheck.extract.context.lemma import BASE_VERBS
from factcheck.extract.context.noun_phrase import NOT_COUNTED as _NOT_COUNTED
from factcheck.extract.context.noun_phrase import RESULTATIVE as _RESULTATIVE
from factcheck.extract.context.noun_phrase import STOP, TIME_NOUNS, is_np_word, predicate_adjective
from factcheck.extract.context.noun_phrase import noun_phrase as _noun_phrase
from factcheck.extract.context.subject import subject_before
from factcheck.extract.context.tokens import (
    ADJ_PARTICIPLES,
    ADVERBS,
    AUXILIARIES,
    CLAUSE_PUNCT,
    CONJUNCTIONS,
    COPULAS,
    DETERMINERS,
    MEASURE_VERBS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    REPORT_VERBS,
    SENTENCE_ADVERBS,
    SPEECH_VERBS,
    Token,
    is_ly_adverb,
    is_participle,
    is_verb_like,
)
from factcheck.extract.quantities.hedges import VERB_HEDGES

__all__ = ["EntityInfo", "find_entity"]

# Nouns whose of-phrase belongs to them ("residents of the north").
_RELATIONAL = frozenset(
    """
    residents inhabitants members citizens natives cases trucks truckloads barrels units
    tons tonnes families relatives parents students employees staff nationals
    """.split()
)
_CONTAINERS = frozenset({"remains", "bodies", "body", "corpses"})
_ANAPHORIC_HEADS = frozenset({"others", "more", "other"})
_PERCENT_WORDS = frozenset({"percent", "per", "cent", "%", "percentage", "points", "pct", "pc"})
_HUMAN = frozenset({"people", "persons", "others", "individuals", "civilians"})
# The whole of a share may carry its own figure: "40% of the 2.3 million residents".
_SCALE_WORDS = frozenset("hundred thousand million billion trillion m bn k".split())
# Nouns that say how much, not what: "the number of beds" counts beds.
_AMOUNT_NOUNS = frozenset({"number", "total", "amount", "count"})
# "40 of whom", "half of them": the part of the figure before.
_PART_OF = frozenset({"whom", "them", "which", "those", "these"})
_CHANGE_UNITS = frozenset({"points", "point"})
# A share names its whole without "of" after these: "half the town", "a third their pay".
_BARE_WHOLE = frozenset({"the"}) | POSSESSIVE_PRONOUNS
# Verbs whose money buys the thing after "for"/"on": "paid $2 million for the land".
_PAYING = frozenset("pay pays paid paying spend spends spent spending".split())
# Words between a figure and the verb of level before it: "is now at", "hit nearly".
_LEVEL_GAP = ADVERBS | frozenset({"a", "an", "the", "some", "about", "around"})
_SPEECH = REPORT_VERBS | SPEECH_VERBS
# Units of time: a duration counts time, not a thing ("sentenced to 8 years", "the jury
# deliberated for 11 hours"), unless a verb of lasting, a verb of level or "of" gives it
# a subject ("The trial lasted six weeks", "Life expectancy is 79 years", "delays of up
# to 40 minutes").
_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_LASTING = frozenset(
    "last lasts lasted lasting take takes took taken taking run runs ran span spans spanned wait waits waited "
    "stretch stretches stretched stretching extend extends extended extending".split()
)
_DURATION_GAP = _LEVEL_GAP | frozenset({"for", "between", "under", "over", "up", "to", "just", "more", "less", "than"})
# Verbs of level whose noun says how much ("an average of 37.8", "a total of"), unlike a
# noun of change ("An increase of 40 cents": no thing named).
_AMOUNT_VERBS = frozenset({"average", "averages", "total", "totals"})
# Words that may qualify the whole's own figure in a partitive: "4 of our last 5 matches".
_WHOLE_ORDINALS = frozenset({"last", "first", "next", "past", "previous", "top", "final", "opening"})
# Before the old value or the close of a change, the figure counts what the one before
# it counts: "fell to €310 million from €402 million", "closed down 412 points at 38,610".
_SAME_RUN = frozenset({"from", "at"})


@dataclass(slots=True)
class EntityInfo:
    entity: str | None = None
    entity_type: str | None = None
    # Token indices (in the sentence) of the noun phrase [first, end) and its head.
    first: int | None = None
    end: int | None = None
    head: int | None = None
    from_subject: bool = False


def _singular(word: str) -> str:
    w = word.lower()
    if w in _HUMAN or w == "people":
        return "human"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def find_entity(
    tokens: list[Token],
    i0: int,
    i1: int,
    limit: int,
    unit: str | None,
    kind: str | None,
    previous_type: str | None,
    is_place: Callable[[str], bool],
    text: str,
    *,
    start: int = 0,
    role: str | None = None,
    previous: EntityInfo | None = None,
    previous_end: int | None = None,
) -> EntityInfo:
    """The entity of the claim covering tokens [i0, i1) of a sentence's ``tokens``;
    ``start`` and ``limit`` bound its clause, ``previous_type`` is the entity_type of
    the figure before it, ``is_place`` tells place names. ``previous`` is what the
    figure before it in the same sentence counts and ``previous_end`` the token after
    that figure; ``role`` the claim's role ("change", "after", ...)."""
    if i1 - i0 > 1 and tokens[i0].low in VERB_HEDGES:
        # "Ticket sales topped 150,000": the hedge is the clause's verb, read before the
        # figure as "reached" would be.
        i0 += 1
    # "from $1,980 to $1,740": the new value counts what the old one counts. Only a new
    # value (role "after"): in "won 48,312 votes to 41,007" the second figure is the
    # other side's tally, and giving it the first one's noun makes one count given twice.
    if (
        role == "after" and previous is not None and previous.entity and previous_end is not None
        and _new_value(tokens, previous_end, i0)
    ):
        return _same_as(previous)
    if kind == "tally" and _is_score(tokens, i0, i1, limit):
        return EntityInfo()  # "a 3-0 win": a score counts no thing
    j = i1
    if unit == "percent":
        while j < limit and tokens[j].low in _PERCENT_WORDS:
            j += 1
    money = kind == "money" or (unit is not None and len(unit) == 3 and unit.isupper())
    share = unit == "percent" and j < limit and tokens[j].low == "of"
    if share and kind == "percent":
        # A ratio to a whole that is not a group ("Debt hit 150% of GDP", "is at 40% of
        # capacity"): after a verb of level the subject is what is measured, the
        # of-phrase the whole it is measured against.
        ratio = _ratio_subject(tokens, i0, is_place, text, role)
        if ratio.entity is not None:
            return ratio
    # "half the town", "a third his salary": a share names its whole without "of".
    bare_whole = kind == "share" and j < limit and (tokens[j].low in _BARE_WHOLE or tokens[j].is_possessive)
    share = share or bare_whole
    # "a 15-member panel", "a 300-strong force": the figure is inside a compound
    # modifier; the measure word after the hyphen is counted by the figure, the noun
    # after the compound is what it is said of.
    # (A change's compound, "a 9-point decline in", is read by ``change_target``.)
    compound = _compound_end(tokens, i1, limit) if role != "change" else None
    if compound is not None:
        words, end, resultative = _compound_phrase(tokens, compound, limit)
        if words:
            return _entity_after(tokens, i0, words, end, resultative, limit, previous_type, text)
    # "paid 40,000 rupees for the scooter", "spent $3 billion on the stadium": after a
    # verb of paying, the thing the money buys.
    if money and j + 1 < limit and tokens[j].low in ("for", "on") and _paid_before(tokens, i0, start):
        k = j + 1
        while k < limit and (tokens[k].low in DETERMINERS or tokens[k].is_possessive or tokens[k].low in POSSESSIVE_PRONOUNS):
            k += 1
        words, end, resultative = _noun_phrase(tokens, k, limit)
        if words and tokens[words[0]].low not in _NOT_COUNTED:
            return _entity_after(tokens, i0, words, end, resultative, limit, previous_type, text)
    if j + 1 < limit and tokens[j].low == "of" and tokens[j + 1].low in _PART_OF and previous is not None and previous.entity:
        if tokens[j + 1].low in ("whom", "them", "which") or j + 2 >= limit or not tokens[j + 2].is_word:
            return _same_as(previous)  # "300 candidates, 40 of whom were women"
    # "$5 billion in aid" names what the money is; "RM 12 in Kuala Lumpur", where.
    money_in = j < limit and money and tokens[j].low == "in" and not (j + 1 < limit and tokens[j + 1].is_capitalized)
    if j < limit and (tokens[j].low == "of" or money_in or bare_whole):
        if not bare_whole:
            j += 1  # past "of"
        after_of = j
        while j < limit and (tokens[j].low in DETERMINERS or tokens[j].is_possessive) and tokens[j].low not in ("that",):
            j += 1
        if j > after_of and not share:
            # A part of a whole with its own figure: "14 of the 120 seats", "4 of our
            # last 5 matches" (the whole's figure counts the same noun)
            w = j + 1 if j + 1 < limit and tokens[j].low in _WHOLE_ORDINALS else j
            if w < limit and tokens[w].text[0].isdigit():
                j = w
                while j < limit and (tokens[j].text[0].isdigit() or tokens[j].low in _SCALE_WORDS):
                    j += 1
        if share:
            # The whole's own figure: "of the 2.3 million residents"
            while j < limit and (tokens[j].text[0].isdigit() or tokens[j].low in _SCALE_WORDS):
                j += 1
            if tokens[j - 1].low == "those" and j < limit and is_participle(tokens[j].low):
                info = EntityInfo(entity=text[tokens[j - 1].start : tokens[j].end], entity_type=tokens[j].low)
                info.first, info.end, info.head = j - 1, j + 1, j
                return info  # "a quarter of those tested"
    if role == "change":
        moved = moved_span(tokens, i0, j, limit)
        if moved is not None:
            return _entity_after(tokens, i0, moved[0], moved[1], False, limit, previous_type, text)
    # "a 7% raise", "a $40 fine": after "a" the word the figure modifies is a noun
    nominal = j == i1 and i0 > 0 and tokens[i0 - 1].low in ("a", "an")
    words, end, resultative = _noun_phrase(tokens, j, limit, nominal_first=nominal)
    if words and tokens[words[0]].low in _NOT_COUNTED:
        words = []
    if len(words) == 1 and _level_verb_before(tokens, i0) and predicate_adjective(tokens, words[0], limit):
        words = []  # "The bridge is 1.6 kilometres long", "91% effective": said of the subject
    if words and role == "change" and tokens[words[-1]].low in _CHANGE_UNITS and len(words) == 1:
        words = []  # "The Dow climbed 312 points": the points measure the change
    if role == "change" and names_no_thing(tokens, j, limit):
        words = []  # "Revenue posted a 5% gain": the noun of change names no thing
    if words:
        return _entity_after(tokens, i0, words, end, resultative, limit, previous_type, text)
    # With no noun of its own, a figure may go on from the one before it (not "employs 300
    # people at 12 sites": there the noun after "12" is what it counts).
    if previous is not None and previous.entity and previous_end is not None and role != "change":
        if _same_run(tokens, previous_end, i0, role, unit) or _elided(tokens, previous_end, i0, i1, limit):
            return _same_as(previous)
        if unit in _DURATIONS and i0 >= 1 and tokens[i0 - 1].low == "and" and previous_end == i0 - 1:
            return _same_as(previous)  # "2 hours and 35 seconds": one duration in two figures
    info = _apposition(tokens, i0, i1, is_place, text, role, previous_end)
    if info.entity is not None:
        return info
    duration = unit in _DURATIONS and kind != "age" and not _lasting_before(tokens, i0, start)
    info = _level_subject(tokens, i0, is_place, text, role, level_only=duration)
    if info.entity is None and not duration:
        info = _subject(tokens, i0, i1, start, is_place, text, money, role)
    if info.entity is None:
        info = _across_parenthesis(tokens, i0, i1, is_place, text, money, role, duration)
    return info


def _across_parenthesis(
    tokens: list[Token], i0: int, i1: int, is_place: Callable[[str], bool], text: str, money: bool,
    role: str | None, duration: bool,
) -> EntityInfo:
    """The subject before a parenthesis set off by commas between it and its verb: "The
    reactor, built in 1974, produces 900 megawatts", "The phone's battery, rated at 5,000
    mAh, lasts two days". The subject is read as if the parenthesis were not there."""
    close = next((c for c in range(i0 - 1, max(-1, i0 - 5), -1) if tokens[c].text == ","), None)
    if close is None or any(not t.is_word for t in tokens[close + 1 : i0]):
        return EntityInfo()
    opening = next((c for c in range(close - 1, max(0, close - 10), -1) if tokens[c].text == ","), None)
    if opening is None or opening < 1 or not tokens[opening - 1].is_word:
        return EntityInfo()
    cut = close + 1 - opening
    rest = tokens[:opening] + tokens[close + 1 :]
    start = next((c + 1 for c in range(opening - 1, -1, -1) if rest[c].text in CLAUSE_PUNCT), 0)
    j0, j1 = i0 - cut, i1 - cut
    if not duration or _lasting_before(rest, j0, start):
        info = _level_subject(rest, j0, is_place, text, role, level_only=duration and not _lasting_before(rest, j0, start))
        if info.entity is None:
            info = _subject(rest, j0, j1, start, is_place, text, money, role)
    else:
        info = _level_subject(rest, j0, is_place, text, role, level_only=True)
    if info.entity is None or info.end is None or info.end > opening or info.first is None or not _opens_clause(tokens, info.first):
        return EntityInfo()  # (indices before the parenthesis are the same in both lists; not "1.4m, $2bn, 2.5 billion")
    return info


def _level_verb_before(tokens: list[Token], i0: int) -> bool:
    """Whether a copula or a verb of level comes right before the figure, past a hedge:
    "is 1.6 kilometres long", "was 91% effective" (not "gets a $500 incentive")."""
    k = i0 - 1
    while k >= 0 and tokens[k].low in _LEVEL_GAP:
        k -= 1
    return k >= 0 and (tokens[k].low in COPULAS or tokens[k].low in MEASURE_VERBS)


def _lasting_before(tokens: list[Token], i0: int, start: int) -> bool:
    """Whether a verb of lasting comes before the figure, past a preposition and a hedge:
    "lasted six weeks", "runs for 25 years", "takes between 40 and 50 minutes"."""
    k = i0 - 1
    while k > start and tokens[k].low in _DURATION_GAP:
        k -= 1
    return k >= start and tokens[k].low in _LASTING


def _same_run(tokens: list[Token], previous_end: int, i0: int, role: str | None, unit: str | None) -> bool:
    """Whether the figure at ``i0`` is the old value ("from", role before) or the close
    ("at") of the figure ending at ``previous_end``, at most two words that are not verbs
    between them: "fell to €310 million from €402 million", "down 412 points at 38,610"."""
    if i0 < 1 or tokens[i0 - 1].low not in _SAME_RUN or not 0 <= i0 - 1 - previous_end <= 2:
        return False
    if tokens[i0 - 1].low == "from" and not (role == "before" or (role is None and unit is not None)):
        return False  # "fell 19% from 1987": a bare number after "from" is a time
    return all(t.is_word and not is_verb_like(t, None) for t in tokens[previous_end : i0 - 1])


def _elided(tokens: list[Token], previous_end: int, i0: int, i1: int, limit: int) -> bool:
    """A figure after "and"/"or" with a participle and no noun of its own shares the
    noun of the figure before it when that one has a participle too: "12 people were
    killed and 60 injured" (not "326 children are dead and 300,000 displaced")."""
    return (
        i0 > 0 and tokens[i0 - 1].low in ("and", "or") and i1 < limit
        and is_participle(tokens[i1].low) and not tokens[i1].is_capitalized
        and any(is_participle(t.low) for t in tokens[previous_end : i0 - 1] if t.is_word)
    )


def _apposition(
    tokens: list[Token], i0: int, i1: int, is_place: Callable[[str], bool], text: str, role: str | None,
    previous_end: int | None = None,
) -> EntityInfo:
    """A figure set off by commas right after a noun phrase says something of it: "The
    brewer's margin, 14.2%, was", "Gold, at $2,380 an ounce, is", "Rents in the capital,
    now $3,400 a month, have", "Teachers, 3,000 of whom walked out". The parenthesis is
    closed by a second comma or opened by "of whom"; words that say when before the
    comma ("Last year, 300 died, police said") name no thing."""
    k = i0 - 1
    while k > 0 and (tokens[k].low in _LEVEL_GAP or tokens[k].low == "at"):
        k -= 1
    if k < 1 or tokens[k].text != "," or not tokens[k - 1].is_word or previous_end == k:
        return EntityInfo()  # (a figure right before the comma: a list, "four, twenty-five")
    whom = i1 + 1 < len(tokens) and tokens[i1].low == "of" and tokens[i1 + 1].low in ("whom", "which")
    closed = False
    for t in tokens[i1 : i1 + 8]:
        if t.text == ",":
            closed = True
            break
        if t.text in (".", ";", "!", "?"):
            break
    if not (whom or closed):
        return EntityInfo()
    info = _subject_span(tokens, k, i0, is_place, text, role)
    if info.first is not None and not _opens_clause(tokens, info.first):
        return EntityInfo()  # "are quite high, from 7 to 10"; "50 meters per second, 50 ..."
    head = tokens[info.head].low if info.head is not None else None
    if head is not None and (head in TIME_NOUNS or head in SENTENCE_ADVERBS or is_ly_adverb(head)):
        return EntityInfo()  # "Last year, 300 died"; "Meanwhile, 40 were hurt"
    return info


def _opens_clause(tokens: list[Token], first: int) -> bool:
    """Whether the noun phrase at ``first`` (past its determiners) opens its clause: at
    the start, after punctuation that is not a figure's, or after a conjunction."""
    b = first
    while b > 0 and (tokens[b - 1].low in DETERMINERS or tokens[b - 1].is_possessive or tokens[b - 1].low in POSSESSIVE_PRONOUNS):
        b -= 1
    if b == 0:
        return True
    before = tokens[b - 1]
    return before.low in CONJUNCTIONS or before.text in CLAUSE_PUNCT or before.text in (".", "!", "?")


def _is_score(tokens: list[Token], i0: int, i1: int, limit: int) -> bool:
    """Whether tokens [i0, i1) are a score written with a dash that modifies the noun of
    a result after it, with its article: "a 3-0 win", "the 2–1 defeat". A tally with no
    noun keeps its subject ("The resolution passed 14-0": a vote on the resolution), one
    read from words ("won 48,312 votes to 41,007") what it counts."""
    return (
        i1 - i0 >= 3 and i0 > 0 and i1 < limit and tokens[i0].text[:1].isdigit() and tokens[i0 + 1].text in ("-", "–")
        and tokens[i0 - 1].low in ("a", "an", "the") and is_np_word(tokens[i1]) and not tokens[i1].is_capitalized
    )


def _compound_end(tokens: list[Token], i1: int, limit: int) -> int | None:
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


def _compound_phrase(tokens: list[Token], first: int, limit: int) -> tuple[list[int], int, bool]:
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
    cut = next((n for n, k in enumerate(rest) if _verb_agreeing(tokens, k)), None)
    if cut is not None:
        end = rest[cut]
        rest = rest[:cut]
    if not rest:
        end = after
    return [*range(first, after), *rest], end, resultative


def _verb_agreeing(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]``, an -s form after a singular noun, is that noun's verb."""
    low, prev = tokens[k].low, tokens[k - 1].low
    return low.endswith("s") and not low.endswith("ss") and not (prev.endswith("s") and not prev.endswith("ss"))


def _paid_before(tokens: list[Token], i0: int, start: int) -> bool:
    """Whether a verb of paying comes right before the figure, past an object pronoun
    and a hedge: "paid 40,000 rupees", "paid him nearly $900", "spent $3 billion"."""
    k = i0 - 1
    while k >= start and (tokens[k].low in _LEVEL_GAP or tokens[k].low in PRONOUNS):
        k -= 1
    return k >= start and tokens[k].low in _PAYING


def _ratio_subject(
    tokens: list[Token], i0: int, is_place: Callable[[str], bool], text: str, role: str | None
) -> EntityInfo:
    """The subject of a verb of level before a ratio ("Debt hit 150% of GDP", "The
    reservoir is at 40% of capacity", "prices ran to 120% of"); empty after any other
    verb ("The party won 40% of the vote": the vote is what is shared)."""
    k = i0 - 1
    while k >= 0 and tokens[k].low in _LEVEL_GAP:
        k -= 1
    if k < 0:
        return EntityInfo()
    if tokens[k].low not in ("at", "to") and tokens[k].low not in MEASURE_VERBS and tokens[k].low not in COPULAS:
        return EntityInfo()
    return _level_subject(tokens, i0, is_place, text, role)


def _new_value(tokens: list[Token], previous_end: int, i0: int) -> bool:
    """Whether the figure at ``i0`` is the new value after the figure ending at
    ``previous_end``: "from $1,980 to $1,740", "slid 3 points to 71%" (at most two
    words that are not verbs between the old figure and "to")."""
    if i0 < 1 or tokens[i0 - 1].low != "to" or not 0 <= i0 - 1 - previous_end <= 2:
        return False
    between = tokens[previous_end : i0 - 1]
    return all(t.is_word and not is_verb_like(t, None) for t in between)


def _same_as(previous: EntityInfo) -> EntityInfo:
    return EntityInfo(entity=previous.entity, entity_type=previous.entity_type)


def _subject(
    tokens: list[Token], i0: int, i1: int, start: int, is_place: Callable[[str], bool], text: str, money: bool,
    role: str | None = None,
) -> EntityInfo:
    """The subject of the verb group before the figure (``subject.subject_before``),
    unless it is a pronoun, a place or a proper name (who acts, not what is counted:
    except before a verb of change, ``change_target.moved_by``)."""
    info = EntityInfo()
    found = subject_before(tokens, i0, i1, start, _SPEECH, money)
    if found is None:
        return info
    head_tok = tokens[found.head]
    first, last = tokens[found.first], tokens[found.end - 1]
    if head_tok.low in RELATIVES and found.first > 0 and tokens[found.first - 1].text == ",":
        # "The startup, which raised $40 million": what the relative pronoun stands for
        return _subject_span(tokens, found.first - 1, i0, is_place, text, role)
    if head_tok.low in PRONOUNS or head_tok.low in RELATIVES or is_place(text[first.start : last.end]):
        return info
    if head_tok.is_capitalized and found.head > 0 and not moved_by(tokens, found.end, i0, role):
        return info
    first_i = found.first
    # "the number of beds": the amount noun says how much; the of-phrase, what
    if head_tok.low in _AMOUNT_NOUNS and found.head + 1 < found.end and tokens[found.head + 1].low == "of":
        first_i = found.head + 2
        while first_i < found.end and tokens[first_i].low in DETERMINERS:
            first_i += 1
        if first_i >= found.end:
            return info
        head_tok = tokens[found.end - 1]
        found_head = found.end - 1
    else:
        found_head = found.head
    info.entity = text[tokens[first_i].start : last.end]
    info.first, info.end, info.head = first_i, found.end, found_head
    info.entity_type = head_tok.low
    info.from_subject = True
    return info


def _entity_after(
    tokens: list[Token],
    i0: int,
    words: list[int],
    end: int,
    resultative: bool,
    limit: int,
    previous_type: str | None,
    text: str,
) -> EntityInfo:
    """The entity named by the noun phrase ``words`` after the figure (ending at ``end``)."""
    info = EntityInfo()
    head = words[-1]
    last = head
    # An of-phrase that belongs to the noun: "residents of the north".
    if tokens[head].low in _RELATIONAL and end + 1 < limit and tokens[end].low == "of":
        k = end + 1
        if k < limit and tokens[k].low in DETERMINERS:
            k += 1
        pp, pp_end, _ = _noun_phrase(tokens, k, limit)
        if pp:
            last = pp[-1]
            end = pp_end
    info.first, info.end, info.head = words[0], end, head
    info.entity = text[tokens[words[0]].start : tokens[last].end]
    head_tok = tokens[head]
    etype = head_tok.text if head_tok.is_capitalized and head > 0 else head_tok.low
    if not resultative:
        # "people were taken hostage": a resultative a little further on.
        for t in tokens[end : min(limit, end + 4)]:
            if t.low in _RESULTATIVE:
                resultative = True
                break
            if not t.is_word:
                break
    if resultative:
        etype = "hostages"
    elif head_tok.low in _ANAPHORIC_HEADS and previous_type:
        etype = previous_type
    # "the remains of around 30 others"
    if i0 >= 2 and tokens[i0 - 1].low == "of" and tokens[i0 - 2].low in _CONTAINERS:
        container = tokens[i0 - 2]
        info.entity = container.text
        etype = f"{_singular(etype.split()[-1] if etype else head_tok.low)} {container.low}"
    info.entity_type = etype
    return info


def _name_number(tokens: list[Token], s: int, subject_end: int) -> bool:
    """Whether the token before ``s`` belongs to a proper name: the number of an index
    named after its size, last in the subject ("The FTSE 100 fell", "the CAC 40"), or
    the ampersand of "S&P"."""
    if s < 2 or not tokens[s - 2].is_capitalized:
        return False
    t = tokens[s - 1]
    if t.text == "&":
        return s < len(tokens) and tokens[s].is_capitalized
    return t.text.isdigit() and s == subject_end


def _level_subject(
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
    if level and prep == "of" and verb.low in _AMOUNT_VERBS and k > 0 and (tokens[k - 1].low in DETERMINERS or tokens[k - 1].is_possessive):
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
        near = _nearest_phrase(tokens, subject_end - 1, text)
        if near.entity is not None:
            return near
    if subject_end >= 2 and tokens[subject_end - 1].low in RELATIVES:
        # "The river, which rose to 5 metres", "a number which is": what the relative
        # pronoun stands for
        if tokens[subject_end - 2].text == ",":
            return _subject_span(tokens, subject_end - 2, i0, is_place, text, role)
        return _nearest_phrase(tokens, subject_end - 1, text)  # "a lake that averages"
    noun_first = (
        (noun_of or (level and subject_end == k)) and subject_end > 0
        and tokens[subject_end - 1].is_word and tokens[subject_end - 1].low not in STOP
    )
    return _subject_span(tokens, subject_end, i0, is_place, text, role, noun_first=noun_first)


def _nearest_phrase(tokens: list[Token], end: int, text: str) -> EntityInfo:
    """The noun phrase right before ``end`` (a relative pronoun with no comma before it
    stands for the nearest noun: "a promise that is one year old" -> "promise")."""
    info = EntityInfo()
    b = end
    while (
        b > 0 and is_np_word(tokens[b - 1]) and not tokens[b - 1].is_possessive and end - b < 4
        and not is_verb_like(tokens[b - 1], tokens[b - 2] if b >= 2 else None)
        and not _verb_after_subject(tokens, b - 1)
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


def _verb_after_subject(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]``, a base form of a known verb after a plural noun, is that
    noun's verb: "Analysts expect prices to average" (not a noun of a compound)."""
    low, prev = tokens[k].low, tokens[k - 1] if k else None
    return (
        prev is not None and prev.is_word and prev.low.endswith("s") and not prev.low.endswith("ss")
        and low in BASE_VERBS and not low.endswith("s")
    )


def _joined(tokens: list[Token], s: int) -> bool:
    """Whether ``tokens[s - 1]`` is a hyphen inside a word ("10-year", "chip-making")."""
    return (
        s >= 2 and tokens[s - 1].text == "-" and tokens[s - 2].end == tokens[s - 1].start
        and s < len(tokens) and tokens[s - 1].end == tokens[s].start
    )


def _plural_before_preposition(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]``, an -s form after a noun and before a preposition, is a
    plural noun of the subject: "Passenger numbers at the airport", "Job cuts in"."""
    low = tokens[k].low
    return (
        k >= 1 and k + 1 < len(tokens) and low.endswith("s") and not low.endswith("ss") and low not in AUXILIARIES
        and tokens[k - 1].is_word and tokens[k - 1].low not in STOP and tokens[k + 1].low in PREPOSITIONS
    )


def _subject_span(
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
        if not t.is_word and _name_number(tokens, s, subject_end):
            s -= 1
            continue
        if _joined(tokens, s):
            s -= 2  # "the 10-year note": a compound word
            continue
        if not t.is_word or t.low in CONJUNCTIONS or t.low in REPORT_VERBS or t.low in AUXILIARIES:
            break
        if is_verb_like(t, tokens[s - 2] if s >= 2 else None) and t.low not in ADJ_PARTICIPLES and not _plural_before_preposition(tokens, s - 1):
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
