"""Unit-free readings of one piece, before its neighbours are looked at.

Scale abbreviations that are something else ("5m" metres, "573.15K" kelvin, "5G"), a
number glued to letters (a code: "777F"), hyphen compounds ("two-front war", "3-D"),
years standing as years, idioms with "one" ("one of", "no one"), and bare fractions:
a share ("a third of", "half the"), a fraction ("two thirds."), or not a figure ("the
second half", "a third time").
"""

from __future__ import annotations

import re

from factcheck.extract.quantities import exclusions as ex
from factcheck.extract.quantities import scales, units
from factcheck.extract.quantities.nearby import (
    has_cue,
    next_word,
    prev_word,
    words_before,
)
from factcheck.extract.quantities.piece import Piece
from factcheck.extract.quantities.unit_cues import TEMPERATURE_WORDS

# Words after a bare fraction that make it a share: "a third of", "half the".
_DETERMINERS = frozenset(
    "the its their his her our your all these those this that my a an".split()
)
# Words before a lone ordinal that make it a rank ("the second half"), not a fraction.
_NOT_NUMERATOR_PREV = frozenset(
    "the first second third fourth final last other latter former each every next "
    "opening closing previous prior preceding same current latest recent fiscal "
    "year-earlier year-ago".split()
)

# "one in six", "one out of 10": a share's numerator, whatever stands before it.
_SHARE_NEXT = re.compile(r"[ \t\u00a0]+(?i:in|out[ \t\u00a0]+of)(?:[ \t\u00a0]+every)?[ \t\u00a0]+(?:[0-9]|(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a[ \t\u00a0]+hundred)\b)")
# Words after "300K" that show no counted noun follows (so K cannot be thousands of them).
_NOT_COUNTED_NEXT = frozenset(
    "and or but in at on to from for by with than is are was were be been will would can "
    "could may might as above below while when where which that".split()
)


def finalise_piece(p: Piece, text: str) -> None:
    """Unit-free readings of one piece: codes, compounds, m/G, years, idioms, fractions."""
    if p.dropped or p.vague is not None:
        return
    num = p.number
    assert num is not None
    nxt_char = text[p.end : p.end + 1]
    # scale abbreviation "m": million or metres
    if num.abbreviation == "m" and p.currency is None and p.unit is None:
        nxt = next_word(text, p.end)
        if not (nxt[:1].isupper() or nxt.lower() in scales.MILLION_M_NOUNS):
            p.value = (p.value or 0.0) / 1e6
            p.precision /= 1e6
            num.scaled = False
            num.abbreviation = None
            p.unit = units.meter()
    # scale abbreviation "K": thousands, or kelvin where the text is about temperature
    # ("operating temperatures of 300 °C (573.15K)"; "10K runners" stays 10,000)
    if num.abbreviation == "K" and p.currency is None and p.unit is None and not nxt_char.isalnum():
        nxt = next_word(text, p.end).lower()
        window = words_before(text, p.num_start, 80) + " " + text[p.end : p.end + 40].lower()
        if (not nxt or nxt in _NOT_COUNTED_NEXT) and (has_cue(window, TEMPERATURE_WORDS) or "°" in window):
            p.value = (p.value or 0.0) / 1e3
            p.precision /= 1e3
            num.scaled = False
            num.abbreviation = None
            p.unit = units.lookup("kelvin")
            p.kind = "temperature"
    if num.abbreviation == "G" and p.currency is None and num.integer_digits is None:
        raw = text[p.num_start : p.num_end]
        if raw[:-1].isdigit() and len(raw) == 2 and raw[0] in "23456":
            p.dropped = True  # "5G": a mobile-network generation
            return
    if num.abbreviation in ("k", "K", "b", "B", "T", "G", "M") and p.unit is None and nxt_char.isalnum():
        p.dropped = True
        return
    # a number glued to letters is part of a code ("777F", "13F", "24703L202")
    if p.unit is None and p.post is None and (nxt_char.isalnum() or nxt_char == "_") and p.last_in_match:
        p.dropped = True
        return
    # hyphen compounds: "two-front war", "one-on-one" (not figures); "300-strong" is.
    if p.unit is None and p.post is None and nxt_char == "-" and text[p.end + 1 : p.end + 2].isalpha() \
            and p.last_in_match:
        nxt = next_word(text, p.end + 1).lower()
        if num.spelled or num.fraction_only:
            if not (num.fraction_only and nxt in ("majority",)):
                p.dropped = True
                return
        elif len(nxt) == 1 or nxt.isupper():
            p.dropped = True  # "3-D"
            return
    # years standing as years
    if (
        p.hedge is None and p.post is None and p.unit is None and p.currency is None
        and not p.agepre and ex.is_year(num.integer_digits)
        and text[p.num_start : p.num_end].isdigit()
    ):
        p.is_year = True
    # idioms with "one"
    if num.tokens and len(num.tokens) == 1 and num.tokens[0].lower() == "one" and p.unit is None \
            and p.hedge is None and p.currency is None:
        nxt = next_word(text, p.end).lower()
        prev = prev_word(text, p.start).lower()
        share = _SHARE_NEXT.match(text, p.end) is not None  # "found that one in six"
        if not share and (nxt in ex.ONE_IDIOM_NEXT or prev in ex.ONE_IDIOM_PREV or nxt.startswith(("'s", "’s"))
                          or text[p.end : p.end + 2] in ("'s", "’s")):
            p.dropped = True
            return
    if _apposed_age(p, text):
        p.unit = units.AGE_YEARS
        p.kind = "age"
        return
    # fractions
    if num.fraction is not None and num.fraction_only and p.unit is None:
        _read_fraction(p, text)


# "The president, 81, signed", "Maria Lopez, 34, said": a whole number between commas
# after a person is an age. Nouns of people (a name is capitalised).
_PERSON_NOUNS = frozenset(
    """man woman boy girl child teenager president minister senator governor mayor leader
    chairman chairwoman chair chief founder executive ceo driver player striker coach
    singer actor actress author artist writer pensioner resident victim suspect
    defendant student mother father wife husband son daughter grandmother grandfather
    brother sister farmer worker officer soldier teacher doctor nurse patient
    survivor pilot owner veteran""".split()
)
_APPOSED_BEFORE = re.compile(r"(?:([A-Z][a-z'’-]+)[ \t\u00a0]+)?([A-Za-z][A-Za-z'’-]*),[ \t\u00a0]$")
# Capitalised words that open a sentence or a phrase, not a name ("In Leeds, 12,").
_NOT_FIRST_NAMES = frozenset("In At On For From By The And But To Of With As A An".split())
_APPOSED_AFTER = re.compile(r",[ \t\u00a0]+(?!(?:and|or|but|with|to|from|of|in|at)\b)[a-z]")
_MAX_AGE = 120


def _apposed_age(p: Piece, text: str) -> bool:
    """Whether ``p`` is an age set off by commas after a person ("The president, 81,")."""
    if p.unit is not None or p.currency is not None or p.hedge is not None or p.post is not None:
        return False
    if text[p.end : p.end + 1] != "," or text[p.num_start - 2 : p.num_start - 1] != ",":
        return False  # the cheap test first: most figures are not between commas
    if not text[p.num_start : p.num_end].isdigit() or not 0 < (p.value or 0.0) <= _MAX_AGE:
        return False
    m = _APPOSED_BEFORE.search(text, max(0, p.num_start - 40), p.num_start)
    if m is None or not _APPOSED_AFTER.match(text, p.end):
        return False
    first, word = m.group(1), m.group(2)
    if word.lower() in _PERSON_NOUNS:
        return True
    # a full name ("Ana Ruiz, 29,"); one capitalised word may be a place in a list
    return word[0].isupper() and first is not None and first not in _NOT_FIRST_NAMES


def _read_fraction(p: Piece, text: str) -> None:
    """A bare fraction: a share, a fraction in a unit, a fraction, or no figure."""
    num = p.number
    assert num is not None and num.fraction is not None
    nxt = next_word(text, p.end).lower()
    prev = prev_word(text, p.num_start).lower()
    stripped = text[p.end :].lstrip(" \t\u00a0")
    end_of_clause = not stripped or stripped[0] in ".,;:!?)\"”'’\n"
    spelled = num.spelled
    if spelled and len(num.tokens) == 1 and (
        prev in _NOT_NUMERATOR_PREV or text[: p.num_start].rstrip()[-1:].isdigit()
    ):
        p.dropped = True   # "the second half", "the first quarter", "the 1988 quarter"
        return
    if nxt == "of" and _fraction_of_unit(p, text):
        return  # "3/4 of a cup", "two-thirds of a mile": a quantity in that unit
    if prev == "by" and _change_verb_before(text, p.num_start):
        # "cut the risk by a third", "halved... by half": a change, in percent
        p.value = (p.value or 0.0) * 100
        p.precision = 100.0 / (2 * num.fraction)
        p.unit = units.PERCENT
        p.kind = "percent"
        return
    if nxt == "of" or nxt in _DETERMINERS or nxt == "majority" or (p.hedge and end_of_clause):
        # a share: "a third of", "half the", "more than half"
        p.value = (p.value or 0.0) * 100
        p.precision = 100.0 / (2 * num.fraction)
        p.unit = units.PERCENT
        p.kind = "share"
        return
    plural = bool(num.tokens) and num.tokens[-1].lower().endswith(("s", "halves"))
    if end_of_clause or not spelled or (plural and len(num.tokens) > 1):
        # "two thirds.", "3/4", "three halves": a plural denominator after a numerator
        # cannot be an ordinal
        p.kind = "fraction"
        return
    p.dropped = True   # "a third time", "half people": not a figure


# How many words before "by <fraction>" its verb of change may be ("cut the risk of a
# second stroke by a third": the object between).
_BY_FRACTION_REACH = 8


def _change_verb_before(text: str, pos: int) -> bool:
    words = words_before(text, pos, 80).replace(",", " ").split()
    return any(w in ex.CHANGE_VERBS for w in words[-_BY_FRACTION_REACH - 1 : -1])


def _fraction_of_unit(p: Piece, text: str) -> bool:
    """ "<fraction> of a(n) <unit>" -> the fraction in that unit (the unit table only)."""
    tail = text[p.end : p.end + 40]
    words = tail.split()
    if len(words) < 3 or words[0].lower() != "of" or words[1].lower() not in ("a", "an"):
        return False
    for n in (2, 1):
        cand = " ".join(words[2 : 2 + n]).rstrip(".,;:!?)")
        info = units.lookup(cand) if cand else None
        if info is not None and info.rule is None and info.kind in ("quantity", "money", "percent", "percentage_points"):
            idx = tail.find(cand)
            p.unit = info
            p.kind = info.kind
            p.end = p.end + idx + len(cand)
            return True
    return False
