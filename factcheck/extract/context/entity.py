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
from factcheck.extract.context.noun_phrase import NOT_COUNTED as _NOT_COUNTED
from factcheck.extract.context.noun_phrase import RESULTATIVE as _RESULTATIVE
from factcheck.extract.context.noun_phrase import STOP, is_np_word
from factcheck.extract.context.noun_phrase import noun_phrase as _noun_phrase
from factcheck.extract.context.subject import subject_before
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
    REPORT_VERBS,
    SPEECH_VERBS,
    Token,
    is_participle,
    is_verb_like,
)

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
        while j < limit and (tokens[j].low in DETERMINERS or tokens[j].is_possessive) and tokens[j].low not in ("that",):
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
    words, end, resultative = _noun_phrase(tokens, j, limit)
    if words and tokens[words[0]].low in _NOT_COUNTED:
        words = []
    if words and role == "change" and tokens[words[-1]].low in _CHANGE_UNITS and len(words) == 1:
        words = []  # "The Dow climbed 312 points": the points measure the change
    if role == "change" and names_no_thing(tokens, j, limit):
        words = []  # "Revenue posted a 5% gain": the noun of change names no thing
    if words:
        return _entity_after(tokens, i0, words, end, resultative, limit, previous_type, text)
    info = _level_subject(tokens, i0, is_place, text, role)
    if info.entity is None:
        info = _subject(tokens, i0, i1, start, is_place, text, money, role)
    return info


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
    if head_tok.low in PRONOUNS or is_place(text[first.start : last.end]):
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
    tokens: list[Token], i0: int, is_place: Callable[[str], bool], text: str, role: str | None = None
) -> EntityInfo:
    """A figure with no noun of its own is a level ("rose to 3.2%", "hit 118 degrees",
    "stood at 32,000"): its entity is the subject of the verb before it, if any."""
    info = EntityInfo()
    k = i0 - 1
    while k >= 0 and tokens[k].low in ADVERBS | {"a", "an", "the", "some", "about", "around", "nearly", "almost"}:
        k -= 1
    if k > 0 and role == "change" and tokens[k].low in ("up", "down"):
        k -= 1  # "edged up 0.3%", "is down 7%": the particle of the change
    if k >= 0 and tokens[k].low in ("to", "by", "at", "of", "from", "than"):
        k -= 1
        while k >= 0 and tokens[k].low in ADVERBS:
            k -= 1
    if k < 0:
        return info
    verb = tokens[k]
    if verb.low in MEASURE_VERBS or verb.low in COPULAS or is_verb_like(verb, tokens[k - 1] if k else None):
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
    # The subject: back to a boundary, then cut at its first preposition.
    s = subject_end
    while s > 0:
        t = tokens[s - 1]
        if not t.is_word and _name_number(tokens, s, subject_end):
            s -= 1
            continue
        if not t.is_word or t.low in CONJUNCTIONS or t.low in REPORT_VERBS or t.low in AUXILIARIES:
            break
        if is_verb_like(t, tokens[s - 2] if s >= 2 else None) and t.low not in ADJ_PARTICIPLES:
            break
        s -= 1
    span = list(range(s, subject_end))
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
