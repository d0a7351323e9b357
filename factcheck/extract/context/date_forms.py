"""Month names and the calendar forms that need more than one field to place: the nth
weekday of a month ("the last Sunday of January"), months of a year ("the final three
months of the year"), numeric dates read in the document's day-month order ("12/05") and
the year a phrase before the date gives ("last year's fourth quarter"). Read by
``dates`` and ``date_resolve``."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from factcheck.extract.context.named_periods import (
    period_year,
)
from factcheck.extract.context.relative_dates import (
    Resolved,
    resolve_month,
    resolve_month_day,
)

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "january jan", "february feb", "march mar", "april apr", "may", "june jun",
        "july jul", "august aug", "september sep sept", "october oct", "november nov",
        "december dec",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}


YEAR = r"(?:1[89]|20)\d{2}"


# A year before a quarter or season: "the 1988 third quarter", "this year's summer".
YEAR_BEFORE = regex.compile(
    rf"(?:\b(?P<y>{YEAR})|\b(?P<w>this|last|next)\s+year['’]s)\s+(?:(?:fiscal|financial)\s+)?$", regex.IGNORECASE
)


def year_before(text: str, lo: int, at: int, pub: date | None) -> int | None:
    found = YEAR_BEFORE.search(text, max(lo, at - 24), at)
    if found is None:
        return None
    if found["y"]:
        return int(found["y"])
    return None if pub is None else pub.year + {"this": 0, "last": -1, "next": 1}[found["w"].lower()]


NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def nth_weekday(m: regex.Match[str], pub: date | None, ahead: bool) -> Resolved:
    """ "the last Sunday of January", "the first Monday in May": that day of the month's
    year, or of the last / next such month (``resolve_month``)."""
    month = month_number(m["nmon"])
    if m["ny2"]:
        year = int(m["ny2"])
    elif pub is None:
        return None, "day", "relative", None
    else:
        year = resolve_month(month, pub, ahead).year
    n, weekday = NTH[m["nth"].lower()], WEEKDAYS[m["nday"].lower()]
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1)), "day", "relative", None
    y, mo = divmod(year * 12 + month, 12)
    last = date(y, mo + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7), "day", "relative", None


def months_of_year(phrase: str, pub: date | None, ahead: bool) -> Resolved:
    """ "the final three months of the year", "the first six months of this year": a
    part of a year, year precision; "the year" is the last one whose part has begun
    (or with ``ahead`` the first not over), "this" / "last" year as said."""
    if pub is None:
        return None, "year", "relative", None
    words = phrase.removeprefix("the ").split()
    count = {"three": 3, "six": 6, "nine": 9}.get(words[1], 0) or int(words[1])
    months = (1, count) if words[0] == "first" else (13 - count, 12)
    which = words[-2]
    if which == "this":
        return date(pub.year, 1, 1), "year", "relative", None
    if which == "last":
        return date(pub.year - 1, 1, 1), "year", "relative", None
    return date(period_year(months, pub, ahead), 1, 1), "year", "relative", None


def numeric(m: regex.Match[str], prep: str | None, pub: date | None, ahead: bool, order: bool | None) -> Resolved:
    """ "29/03", "12/05/2025", "3/12/24": day and month in the order the document
    writes them (``order``: day first), else the only valid order, else month first.
    Without a year only two-digit pairs after an introducing word ("on 12/05"): "24/7",
    "1/3" and scores are no dates."""
    a, b, year_text = int(m["na"]), int(m["nb"]), m["ny"]
    if year_text is None and (prep is None or len(m["na"]) != 2 or len(m["nb"]) != 2):
        return None
    if order is None:
        order = a > 12 >= b
    day, month = (a, b) if order else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year_text is not None:
        year = int(year_text)
        year += 2000 if year < 100 else 0
        try:
            return date(year, month, day), "day", "explicit", None
        except ValueError:
            return None
    if pub is None:
        return None, "day", "explicit", None
    return resolve_month_day(month, day, pub, ahead), "day", "explicit", None
