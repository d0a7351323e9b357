"""What a date pattern's match may not be, or what it says of its sentence: a year that
is a name ("the class of 2019", "Vision 2030") or a count, a bare month that is a modal
or a name ("May", "June Carter"), a weekday or month that repeats rather than dates
("every Monday"), a date that is not attached to the figure's clause, and words that
point ahead of publication. Read by ``dates.find_dates``."""

from __future__ import annotations

import regex

from factcheck.extract.context.tense import direction
from factcheck.extract.context.tokens import (
    ADVERBS,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    REPORT_VERBS,
)

# Nouns naming an event: a date attached to one is that event's date.
EVENT_NOUNS = frozenset(
    """
    attack attacks rampage massacre assault raid raids invasion offensive incursion
    strike strikes bombing bombings war election elections vote meeting talks ceasefire
    cease-fire truce storm earthquake quake hurricane flood floods fire wildfire crash
    shooting explosion blast game match final speech visit trip call deadline summit
    operation uprising coup protest protests rally riot riots incident ambush killings
    kidnapping abduction crisis pandemic outbreak disaster
    """.split()
)


NOT_ATTACHING = PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | ADVERBS | DETERMINERS | PRONOUNS | REPORT_VERBS


NEXT_WORD = regex.compile(r"(['’]s\b)|\s+([\p{Ll}][\p{L}-]*)")


PREV_WORD = regex.compile(r"([\p{L}-]+)\s*$")


def attached(text: str, start: int, end: int, prep: str | None) -> bool:
    """Whether the date at ``text[start:end]`` belongs to a noun: "the Oct. 7 attack",
    "Monday's meeting", "the rampage on Oct. 7"."""
    nxt = NEXT_WORD.match(text, end)
    if nxt is not None:
        if nxt.group(1):
            return True
        word = nxt.group(2).lower()
        if (
            word not in NOT_ATTACHING
            and not word.endswith(("ed", "ing"))
            and word not in ("a", "said", "says", "told")
            and not word.endswith("ly")
        ):
            return True
    if prep in ("on", "of"):
        before = PREV_WORD.search(text, max(0, start - 40), start)
        if before is not None and before.group(1).lower() in EVENT_NOUNS:
            return True
    return False


def cyclic(m: regex.Match[str], kind: str | None) -> bool:
    """Whether the match names a day of every week or year, or a year of every century
    (no year given: "June 12", "in September", "on Friday", "'58", "the third
    quarter", "in the spring", "Boxing Day", "this weekend"): only those have a next
    one and a last one for the tense to choose from. ``kind``: the branch that matched
    (``m.lastgroup``)."""
    if kind in ("md", "dm", "mo"):
        return not (m["y1"] or m["y2"] or m["q1"] or m["q2"] or m["q4"])
    if kind == "nwd":
        return not m["ny2"]
    if kind == "num":
        return not m["ny"]
    if kind == "qtr":
        return not (m["qy"] or m["qw"])
    if kind == "sea":
        return not (m["sy"] or m["sw"])
    if kind == "hol":
        return not m["hy"]
    if kind == "rel":
        phrase = " ".join(m["rel"].lower().split())
        return phrase == "this weekend" or phrase.endswith("months of the year")
    return kind in ("wd", "ay")


# Nouns naming a cohort by its year: "the class of 2019" is a name, no date.
COHORT_BEFORE = regex.compile(r"\b(?i:class|cohort|intake|vintage)\s+$")


APPROX_PREPS = frozenset({"around", "circa"})


# A determiner or possessive before a year that modifies a noun: "its 2019 level",
# "a 2020 study", "the 2023 season".
DETERMINER_BEFORE = regex.compile(r"(?<![\w'’])(?i:the|its|their|his|her|our|your|a|an|this|that)\s+$")


NOUN_AFTER = regex.compile(r"\s+(\p{Ll}[\p{L}-]*)")


MONTH_NOT_BARE = frozenset({"May", "March"})  # a modal, a verb or noun first


CAPITAL_WORD = regex.compile(r"\s+\p{Lu}\p{Ll}")


WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$")


def plain_year(text: str, m: regex.Match[str], lo: int) -> bool:
    """Whether a year without an introducing word is one: after a determiner and before
    a lower-case word ("its 2019 level", "a 2020 study")."""
    return (
        DETERMINER_BEFORE.search(text, max(lo, m.start() - 8), m.start()) is not None
        and NOUN_AFTER.match(text, m.end()) is not None
    )


def bare_month(text: str, m: regex.Match[str], lo: int) -> bool:
    """Whether a month name without an introducing word is a month: not "May" or
    "March", not before a capitalised word ("June Carter") or after one that is not the
    sentence's first ("Hurricane June")."""
    if m["m4"] in MONTH_NOT_BARE or CAPITAL_WORD.match(text, m.end()) is not None:
        return False
    before = WORD_BEFORE.search(text, max(lo, m.start() - 30), m.start())
    return before is None or not before.group(1)[0].isupper()


def is_name(text: str, m: regex.Match[str], lo: int, prep: str | None) -> bool:
    """Whether a year is part of a name or an amount, not a date: "the class of 2019",
    "around 2000 people"."""
    if prep == "of":
        return COHORT_BEFORE.search(text, max(lo, m.start() - 12), m.start()) is not None
    if prep in APPROX_PREPS:
        noun = NOUN_AFTER.match(text, m.end())
        return noun is not None and noun.group(1) not in NOT_ATTACHING
    return False


def points_ahead(text: str, lo: int, start: int, end: int, hi: int, prep: str | None) -> bool:
    """Whether the date at ``text[start:end]`` lies ahead of publication: its clause's
    tense says so (``tense``), or "until" / "till" in a clause that is not in the past
    ("lawmakers have until May 31", "remains closed until June")."""
    said = direction(text, lo, start, end, hi, prep)
    if said is not None:
        return said == "ahead"
    return prep in ("until", "till")
