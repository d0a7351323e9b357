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

from factcheck.extract.context.change_target import moved_by, moved_span, names_no_thing
from factcheck.extract.context.entity_info import EntityInfo
from factcheck.extract.context.figure_shapes import LEVEL_GAP as _LEVEL_GAP
from factcheck.extract.context.figure_shapes import compound_end as _compound_end
from factcheck.extract.context.figure_shapes import compound_phrase as _compound_phrase
from factcheck.extract.context.figure_shapes import elided as _elided
from factcheck.extract.context.figure_shapes import is_score as _is_score
from factcheck.extract.context.figure_shapes import lasting_before as _lasting_before
from factcheck.extract.context.figure_shapes import (
    level_verb_before as _level_verb_before,
)
from factcheck.extract.context.figure_shapes import new_value as _new_value
from factcheck.extract.context.figure_shapes import opens_clause as _opens_clause
from factcheck.extract.context.figure_shapes import paid_before as _paid_before
from factcheck.extract.context.figure_shapes import same_run as _same_run
from factcheck.extract.context.level_subject import level_subject as _level_subject
from factcheck.extract.context.level_subject import subject_span as _subject_span
from factcheck.extract.context.noun_phrase import NOT_COUNTED as _NOT_COUNTED
from factcheck.extract.context.noun_phrase import RESULTATIVE as _RESULTATIVE
from factcheck.extract.context.noun_phrase import (
    TIME_NOUNS,
    predicate_adjective,
)
from factcheck.extract.context.noun_phrase import noun_phrase as _noun_phrase
from factcheck.extract.context.subject import subject_before
from factcheck.extract.context.tokens import (
    CLAUSE_PUNCT,
    COPULAS,
    DETERMINERS,
    MEASURE_VERBS,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    RELATIVES,
    REPORT_VERBS,
    SENTENCE_ADVERBS,
    SPEECH_VERBS,
    Token,
    is_ly_adverb,
    is_participle,
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
_SPEECH = REPORT_VERBS | SPEECH_VERBS
# Units of time: a duration counts time, not a thing ("sentenced to 8 years", "the jury
# deliberated for 11 hours"), unless a verb of lasting, a verb of level or "of" gives it
# a subject ("The trial lasted six weeks", "Life expectancy is 79 years", "delays of up
# to 40 minutes").
_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
# Words that may qualify the whole's own figure in a partitive: "4 of our last 5 matches".
_WHOLE_ORDINALS = frozenset({"last", "first", "next", "past", "previous", "top", "final", "opening"})


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
    found = _modified_or_bought(tokens, i0, i1, j, limit, role, money, start)
    if found is not None:
        words, end, resultative = found
        return _entity_after(tokens, i0, words, end, resultative, limit, previous_type, text)
    if j + 1 < limit and tokens[j].low == "of" and tokens[j + 1].low in _PART_OF and previous is not None and previous.entity:
        if tokens[j + 1].low in ("whom", "them", "which") or j + 2 >= limit or not tokens[j + 2].is_word:
            return _same_as(previous)  # "300 candidates, 40 of whom were women"
    j, those = _past_of(tokens, j, limit, money, share, bare_whole, text)
    if those is not None:
        return those  # "a quarter of those tested"
    if role == "change":
        moved = moved_span(tokens, i0, j, limit)
        if moved is not None:
            return _entity_after(tokens, i0, moved[0], moved[1], False, limit, previous_type, text)
    words, end, resultative = _words_after(tokens, i0, i1, j, limit, role)
    if words:
        return _entity_after(tokens, i0, words, end, resultative, limit, previous_type, text)
    # With no noun of its own, a figure may go on from the one before it (not "employs 300
    # people at 12 sites": there the noun after "12" is what it counts).
    if previous is not None and previous.entity and previous_end is not None and role != "change":
        if _same_run(tokens, previous_end, i0, role, unit) or _elided(tokens, previous_end, i0, i1, limit):
            return _same_as(previous)
        if unit in _DURATIONS and i0 >= 1 and tokens[i0 - 1].low == "and" and previous_end == i0 - 1:
            return _same_as(previous)  # "2 hours and 35 seconds": one duration in two figures
    return _said_before(tokens, i0, i1, unit, kind, is_place, text, start, role, previous_end, money)


def _modified_or_bought(
    tokens: list[Token], i0: int, i1: int, j: int, limit: int, role: str | None, money: bool, start: int,
) -> tuple[list[int], int, bool] | None:
    """The noun phrase (words, end, resultative) a figure inside a compound modifier is
    said of, or that money after a verb of paying buys; None for any other figure."""
    # "a 15-member panel", "a 300-strong force": the figure is inside a compound
    # modifier; the measure word after the hyphen is counted by the figure, the noun
    # after the compound is what it is said of.
    # (A change's compound, "a 9-point decline in", is read by ``change_target``.)
    compound = _compound_end(tokens, i1, limit) if role != "change" else None
    if compound is not None:
        words, end, resultative = _compound_phrase(tokens, compound, limit)
        if words:
            return words, end, resultative
    # "paid 40,000 rupees for the scooter", "spent $3 billion on the stadium": after a
    # verb of paying, the thing the money buys.
    if money and j + 1 < limit and tokens[j].low in ("for", "on") and _paid_before(tokens, i0, start):
        k = j + 1
        while k < limit and (tokens[k].low in DETERMINERS or tokens[k].is_possessive or tokens[k].low in POSSESSIVE_PRONOUNS):
            k += 1
        words, end, resultative = _noun_phrase(tokens, k, limit)
        if words and tokens[words[0]].low not in _NOT_COUNTED:
            return words, end, resultative
    return None


def _past_of(
    tokens: list[Token], j: int, limit: int, money: bool, share: bool, bare_whole: bool, text: str,
) -> tuple[int, EntityInfo | None]:
    """Past "of" and its determiners (and a whole's own figure) from ``j``, the token
    after the figure: where the counted noun phrase starts, and the entity when it is
    "those" and a participle ("a quarter of those tested")."""
    # "$5 billion in aid" names what the money is; "RM 12 in Kuala Lumpur", where.
    money_in = j < limit and money and tokens[j].low == "in" and not (j + 1 < limit and tokens[j + 1].is_capitalized)
    if not (j < limit and (tokens[j].low == "of" or money_in or bare_whole)):
        return j, None
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
            return j, info
    return j, None


def _words_after(tokens: list[Token], i0: int, i1: int, j: int, limit: int, role: str | None) -> tuple[list[int], int, bool]:
    """The noun phrase from ``j`` the figure counts (``noun_phrase``), none when it is
    not a thing counted: a word of ``NOT_COUNTED``, an adjective said of the subject, the
    points of a change, a noun of change."""
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
    return words, end, resultative


def _said_before(
    tokens: list[Token], i0: int, i1: int, unit: str | None, kind: str | None, is_place: Callable[[str], bool],
    text: str, start: int, role: str | None, previous_end: int | None, money: bool,
) -> EntityInfo:
    """What a figure with no noun after it counts, from before it: the noun phrase it is
    in apposition to, the subject of its verb of level, the clause's subject, or the
    subject across a parenthesis (a duration only after a verb of lasting)."""
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


