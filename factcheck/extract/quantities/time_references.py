"""A span of time that says when, not how long: no figure claim.

"Two years earlier", "three months later", "20 years ago", "six months previously"
point at a time (the date resolver reads them: ``factcheck.extract.context.dates``);
counted as durations they would be compared with the lengths of things. So would "five
weeks after the flood" and "six months before the outbreak", unless a verb of duration
takes the span as its object ("served five years before his release", "waited 18 weeks
before treatment", "had taken 20 minutes earlier in the day") or "for" introduces it
("runs for 25 years after completion") or "by" makes it a margin ("won by 7.3 seconds
after starting from pole"). A duration that is the figure stays one:
"served two years in prison", "a three-month delay" (a hyphenated span is an adjective,
never a time reference), and so does a span the calendar cannot place: "66 million
years ago", "66 Ma ago" say how old something is (a figure of science copy), not a
date the resolver could name.

Read on the word after the figure and the word before it: a constant cost per figure.
"""

from __future__ import annotations

from factcheck.extract.quantities.nearby import next_word, prev_word
from factcheck.extract.quantities.piece import Piece

__all__ = ["is_time_reference"]

# After the span, the words that make it a time ("three months later", "five weeks after
# the flood"), unless a verb of duration or "for" takes the span.
_POINTING = frozenset({"earlier", "later", "ago", "previously"})
_RELATIVE = frozenset({"before", "after"})
# Verbs whose object is a length of time, matched on the stem of their forms ("served",
# "spends", "lasted", "taking", "waited", "remains").
_DURATION_STEMS = ("serv", "spen", "last", "took", "tak", "wait", "stay", "remain", "work", "liv", "run", "ran", "endur")
# "for 25 years after completion", "a term of 4 years after election", "two more weeks";
# "won by 7.3 seconds after a late charge", "delayed by two days before": a margin.
_TAKES_SPAN = frozenset({"for", "of", "more", "by"})
# Calendar units, in years; a span of at least _PREHISTORY years is an age, not a date.
_YEARS = {
    "second": 1 / 31_557_600, "minute": 1 / 525_960, "hour": 1 / 8_766, "day": 1 / 365.25,
    "week": 7 / 365.25, "month": 1 / 12, "year": 1.0,
}
_PREHISTORY = 10_000.0


def is_time_reference(p: Piece, text: str) -> bool:
    """Whether the piece ``p``, a span of time, says when rather than how long."""
    unit = p.unit
    if unit is None or unit.age or unit.name not in _YEARS or p.value is None:
        return False
    if p.value * unit.scale * _YEARS[unit.name] >= _PREHISTORY:
        return False
    if "-" in text[p.num_start : p.end]:
        return False  # "a three-month delay"
    if next_word(text, p.end).lower() not in _POINTING | _RELATIVE:
        return False
    before = prev_word(text, p.start).lower()
    return before not in _TAKES_SPAN and not before.startswith(_DURATION_STEMS)
