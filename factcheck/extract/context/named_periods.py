"""Periods and days that news names without a calendar number: quarters and halves of
a year ("the third quarter", "Q2", "the first half"), seasons ("last summer", "in the
spring") and holidays ("Boxing Day", "New Year's Eve", "Thanksgiving").

Each is resolved like a month without its year (``relative_dates``): the most recent
one that has begun by publication, or with ``ahead`` (the clause points past
publication) the first one that has not ended before it; "last" / "next" step strictly
back or forward. A quarter, a half or a season spans months, so it has year precision
(the finest of day, month and year that holds it); a holiday is a day.
"""

from __future__ import annotations

from datetime import date, timedelta

from factcheck.extract.context.relative_dates import Resolved

# The months (start, end) of each period of a year. Seasons are the northern
# hemisphere's meteorological ones; winter is named by the year its December is in.
QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
HALVES = {1: (1, 6), 2: (7, 12)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _span(year: int, months: tuple[int, int]) -> tuple[date, date]:
    """The first and last day of the period of ``year`` spanning ``months`` (a month
    past 12 is in the next year)."""
    first, last = months
    y, m = divmod(year * 12 + last, 12)  # the month after the last one
    return date(year, first, 1), date(y, m + 1, 1) - timedelta(days=1)


def period_year(months: tuple[int, int], pub: date, ahead: bool = False, which: str | None = None) -> int:
    """The year that names the period spanning ``months`` the words point to.

    ``which``: "last" (the latest that ended before publication), "next" (the first
    that begins after it), "this" (the one of the publication year, the running one for
    a winter in January); otherwise the most recent that has begun by publication, or
    with ``ahead`` the first that has not ended before it."""
    years = range(pub.year - 2, pub.year + 3)
    if which == "this":
        return pub.year - 1 if months[1] > 12 and pub.month <= months[1] - 12 else pub.year
    if which == "last":
        return max(y for y in years if _span(y, months)[1] < pub)
    if which == "next":
        return min(y for y in years if _span(y, months)[0] > pub)
    if ahead:
        return min(y for y in years if _span(y, months)[1] >= pub)
    return max(y for y in years if _span(y, months)[0] <= pub)


def resolve_period(months: tuple[int, int], pub: date | None, year: int | None, ahead: bool, which: str | None) -> Resolved:
    """A quarter, half or season: year precision."""
    if year is not None:
        return date(year, 1, 1), "year", "explicit", None
    if pub is None:
        return None, "year", "relative", None
    return date(period_year(months, pub, ahead, which), 1, 1), "year", "relative", None


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month; ``n`` = -1 the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    y, m = divmod(year * 12 + month, 12)
    last = date(y, m + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> date:
    """The day of the holiday ``name`` (lower case, single spaces, straight
    apostrophe, as ``HOLIDAY_NAMES`` has it) in ``year``."""
    fixed = {
        "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
        "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
        "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
        "bastille day": (7, 14), "st patrick's day": (3, 17), "st. patrick's day": (3, 17),
        "armistice day": (11, 11), "veterans day": (11, 11),
    }
    if name in fixed:
        return date(year, *fixed[name])
    if name in ("easter", "easter sunday"):
        return _easter(year)
    if name == "good friday":
        return _easter(year) - timedelta(days=2)
    if name == "easter monday":
        return _easter(year) + timedelta(days=1)
    if name in ("thanksgiving", "thanksgiving day"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "black friday":
        return _nth_weekday(year, 11, 3, 4) + timedelta(days=1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name in ("labor day", "labour day"):
        return _nth_weekday(year, 9, 0, 1)
    raise KeyError(name)


# The names ``DATE_RE`` matches (its ``hol`` branch), as ``holiday`` knows them.
HOLIDAY_PATTERN = (
    r"New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|Valentine['’]s\s+Day"
    r"|Halloween|Independence\s+Day|Bastille\s+Day|St\.?\s+Patrick['’]s\s+Day|Armistice\s+Day"
    r"|Veterans\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?"
    r"|Black\s+Friday|Memorial\s+Day|Labou?r\s+Day"
)


def resolve_holiday(words: str, pub: date | None, year: int | None, ahead: bool, which: str | None) -> Resolved:
    """A holiday: the most recent one on or before publication, with ``ahead`` the
    first on or after it, with "last" / "next" strictly before / after."""
    name = " ".join(words.lower().replace("’", "'").split())
    if year is not None:
        return holiday(name, year), "day", "explicit", None
    if pub is None:
        return None, "day", "relative", None
    days = [holiday(name, y) for y in range(pub.year - 1, pub.year + 2)]
    if which == "last":
        value = max(d for d in days if d < pub)
    elif which == "next":
        value = min(d for d in days if d > pub)
    elif ahead:
        value = min(d for d in days if d >= pub)
    else:
        value = max(d for d in days if d <= pub)
    return value, "day", "relative", None
