"""Dates of the two values of a pair ("48,200, down from 51,000 a year earlier").

The old value of a pair (``role`` "before") is dated by its own time words. Those that
name a day of the calendar ("in March", "a year ago", "in 2019") are found by the date
resolver (``dates``); those that count back from the new value ("a year earlier", "the
year before", "the previous quarter", "two months earlier") need the new value's date,
and are read here: "Inflation was 2.8% in April, up from 2.6% a year earlier" dates the
2.6% April of the year before. A new value dated only by the story's publication dates
its old value by a year ("a year earlier": last year), never by a shorter period.

And the new value is not dated by the old value's words: in "ridership climbed from
41,000 in 2019 to 55,000", 2019 is when ridership was 41,000 (``owned_by_pair``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.extract.context.dates import Dating

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_UNITS = r"year|month|quarter|week|day"
# Right after the old value (a noun or two of its own may stand between: "12 goals the
# year before").
_COUNTED_BACK = re.compile(
    rf"(?:\s+[a-z][a-z'’-]*){{0,2}}?\s*,?\s+"
    rf"(?:(?P<n>a|an|one|two|three|four|five|six|ten|\d{{1,2}})\s+(?P<unit>{_UNITS})s?\s+(?:earlier|before|prior|previously)"
    rf"|the\s+(?P<unit2>{_UNITS})\s+before"
    rf"|(?:in\s+|during\s+|for\s+)?the\s+(?:previous|prior|preceding)\s+(?P<unit3>{_UNITS}))(?![a-z])",
    re.IGNORECASE,
)
# How far after the old value its time words are looked for (characters).
_WINDOW = 80


def counted_back(text: str, end: int, anchor: Dating) -> Dating | None:
    """The date of the old value ending at ``end`` from words that count back from the
    new value's date ``anchor`` ("a year earlier"), or None when there are none."""
    m = _COUNTED_BACK.match(text, end, min(len(text), end + _WINDOW))
    if m is None or anchor.as_of is None:
        return None
    n_text = m.group("n")
    n = (int(n_text) if n_text.isdigit() else _COUNTS[n_text.lower()]) if n_text else 1
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
    return _back(anchor, n, unit)


def _back(anchor: Dating, n: int, unit: str) -> Dating | None:
    day = anchor.as_of
    assert day is not None
    precision = anchor.precision or "day"
    if anchor.source == "published":
        # A new value the story does not date is mostly the last one published, not
        # today's: "4.2% the previous month" in a May story is March's or April's. Only
        # a year counts back safely from the story's day, as "a year ago" does.
        return Dating(date(day.year - n, 1, 1), "year", "relative") if unit == "year" else None
    if unit in ("day", "week"):
        if precision != "day":
            return Dating(day, precision, "relative")  # "in April ... a week earlier": April still
        return Dating(day - timedelta(days=n * (7 if unit == "week" else 1)), "day", "relative")
    if unit == "year" and precision == "year":
        return Dating(date(day.year - n, 1, 1), "year", "relative")
    months = n * {"year": 12, "quarter": 3, "month": 1}[unit]
    y, mo = divmod(day.year * 12 + day.month - 1 - months, 12)
    return Dating(date(y, mo + 1, 1), "month", "relative")


def owned_by_pair(start: int, end: int, claim_start: int, pair_start: int, text: str) -> bool:
    """Whether a date at ``start``-``end`` belongs to the other value of the claim's pair
    (the old value at ``pair_start``): between the two values when the old one comes
    first ("from 41,000 in 2019 to 55,000"), or in the old value's own stretch when it
    comes second ("55,000, up from 41,000 in 2019"), up to the next clause mark."""
    if pair_start < claim_start:
        return pair_start <= start and end <= claim_start
    if start < pair_start:
        return False
    stop = len(text)
    for mark in ",;:—":
        k = text.find(mark, pair_start, start)
        if k != -1:
            stop = min(stop, k)
    return start < stop
