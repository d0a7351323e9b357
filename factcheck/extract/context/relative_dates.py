"""The day a date expression names, counted from the publication date: a weekday, a
month and day or a month without their year, a two-digit year (each the most recent
one not after publication, or with ``ahead`` the first one not before it), and the
relative phrases: "yesterday", "last week", "next month", "this fiscal year", "the end
of the year", "three days ago". ``dates`` finds the expressions and decides which way
each points.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "year"]
Source = Literal["explicit", "relative"]


def resolve_weekday(weekday: int, published: date, which: str | None = None) -> date:
    """The day named by a weekday (Monday = 0) relative to ``published``: "last" and
    "this past" strictly before, "next" strictly after, "ahead" (the clause points
    ahead: "will meet on Friday") on or after, otherwise on or before."""
    back = (published.weekday() - weekday) % 7
    if which in ("last", "this past"):
        return published - timedelta(days=back or 7)
    if which == "next":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if which == "ahead":
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=back)


def resolve_month_day(month: int, day: int, published: date, ahead: bool = False) -> date | None:
    """The most recent ``month``/``day`` not after ``published``, or with ``ahead`` the
    first one not before it."""
    step = 1 if ahead else -1
    for k in range(5):
        try:
            candidate = date(published.year + step * k, month, day)
        except ValueError:
            continue
        if (candidate >= published) if ahead else (candidate <= published):
            return candidate
    return None


def resolve_month(month: int, published: date, ahead: bool = False, strictly: bool = False) -> date:
    """The 1st of the most recent ``month`` not after the month of ``published`` (with
    ``strictly``, before it: "last March"), or with ``ahead`` the first not before it
    (after it: "next March")."""
    if ahead:
        later = month > published.month or (month == published.month and not strictly)
        return date(published.year if later else published.year + 1, month, 1)
    earlier = month < published.month or (month == published.month and not strictly)
    return date(published.year if earlier else published.year - 1, month, 1)


def resolve_short_year(yy: int, published: date, ahead: bool = False) -> int:
    """The year a two-digit "'58" names: the most recent ending so not after the year of
    publication, or with ``ahead`` the first not before it."""
    year = published.year - (published.year - yy) % 100
    return year + 100 if ahead and year < published.year else year


def count_word(word: str) -> int:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}[w]


# (value, precision, source, period_start) of a date mention, or None: no date.
Resolved = tuple[date | None, Precision, Source, date | None] | None


def _first_of_previous_month(d: date) -> date:
    return date(d.year - 1, 12, 1) if d.month == 1 else date(d.year, d.month - 1, 1)


def resolve_ago(n: int, unit: str, pub: date | None) -> Resolved:
    """ "three days ago", "two weeks ago", "a month ago", "a year ago"."""
    if pub is None:
        return None, "day", "relative", None
    if unit == "day":
        return pub - timedelta(days=n), "day", "relative", None
    if unit == "week":
        return pub - timedelta(weeks=n), "day", "relative", None
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return date(y, mo + 1, 1), "month", "relative", None
    return date(pub.year - n, 1, 1), "year", "relative", None


def resolve_relative(phrase: str, pub: date | None, ahead: bool = False) -> Resolved:
    """ "yesterday", "the past 24 hours", "last week", "earlier this month", ...: the
    date (and period start) they give, or None for the future or no date. ``ahead``:
    the clause points past publication ("will travel this weekend")."""
    if pub is None:
        return None, "day", "relative", None
    if phrase in ("yesterday", "last night"):
        return pub - timedelta(days=1), "day", "relative", None
    if phrase in ("today", "tonight") or (phrase.startswith("this ") and phrase.split()[1] in ("morning", "afternoon", "evening")):
        return pub, "day", "relative", None
    if phrase.endswith("hours"):
        hours = int(phrase.split()[-2])
        return pub, "day", "relative", pub - timedelta(hours=hours)
    if phrase in ("the past week", "the last week"):
        return pub, "day", "relative", pub - timedelta(days=7)
    if phrase in ("the past month", "the last month"):
        return pub, "day", "relative", pub - timedelta(days=30)
    if phrase in ("the past year", "the last year"):
        return pub, "day", "relative", pub - timedelta(days=365)
    if phrase == "last week":
        return pub - timedelta(days=7), "day", "relative", None
    if phrase in ("this week", "earlier this week"):
        return pub - timedelta(days=pub.weekday()), "day", "relative", None
    if phrase == "later this week":
        return None  # no one day of it
    if phrase == "next week":
        return pub + timedelta(days=7), "day", "relative", None
    if phrase == "next month":
        y, mo = divmod(pub.year * 12 + pub.month, 12)
        return date(y, mo + 1, 1), "month", "relative", None
    if phrase == "next year":
        return date(pub.year + 1, 1, 1), "year", "relative", None
    if phrase.endswith(("fiscal year", "financial year")):
        # Fiscal years start in different months; the one running at publication is
        # named by the calendar year of publication, as "fiscal 2024" is 2024.
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}
        return date(pub.year + shift.get(phrase.split()[-3], 0), 1, 1), "year", "relative", None
    if " of " in phrase:  # "the end of the year", "the start of next month"
        return _part_of(phrase, pub)
    if phrase in ("this month", "earlier this month", "later this month"):
        return date(pub.year, pub.month, 1), "month", "relative", None
    if phrase == "last month":
        return _first_of_previous_month(pub), "month", "relative", None
    if phrase in ("this year", "earlier this year", "later this year"):
        return date(pub.year, 1, 1), "year", "relative", None
    if phrase == "last year":
        return date(pub.year - 1, 1, 1), "year", "relative", None
    if phrase in ("next weekend", "the coming weekend", "coming weekend"):
        # A weekend is given as its Saturday: the first one after publication.
        return pub + timedelta(days=(5 - pub.weekday()) % 7 or 7), "day", "relative", None
    if phrase == "this weekend" and ahead:
        return pub + timedelta(days=(5 - pub.weekday()) % 7) if pub.weekday() < 6 else pub, "day", "relative", None
    if phrase in ("over the weekend", "last weekend", "this weekend"):
        wd = pub.weekday()
        return (pub if wd >= 5 else pub - timedelta(days=wd + 1)), "day", "relative", None
    return None


def _part_of(phrase: str, pub: date) -> Resolved:
    """ "the end of the year" (December), "the start of next month", "the middle of
    the year" (June): the month they name."""
    part, _, period = phrase.removeprefix("the ").partition(" of ")
    which, unit = period.split()
    shift = {"the": 0, "this": 0, "next": 1, "last": -1}[which]
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        return date(y, mo + 1, 1), "month", "relative", None
    month = {"end": 12, "close": 12, "middle": 6}.get(part, 1)
    return date(pub.year + shift, month, 1), "month", "relative", None
