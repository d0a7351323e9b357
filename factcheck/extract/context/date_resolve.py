"""A match of the date pattern (``dates.DATE_RE``) resolved to a day and its precision,
given the publication date and whether the sentence points ahead or back: the most
recent such day not after publication unless tense or words point ahead, a year word
("this year", "last year") for a month without one. Read by ``dates.find_dates``."""

from __future__ import annotations

from datetime import date

import regex

from factcheck.extract.context.date_forms import WEEKDAYS
from factcheck.extract.context.date_forms import month_number as _month
from factcheck.extract.context.date_forms import months_of_year as _months_of_year
from factcheck.extract.context.date_forms import nth_weekday as _nth_weekday
from factcheck.extract.context.date_forms import numeric as _numeric
from factcheck.extract.context.named_periods import (
    HALVES,
    ORDINALS,
    QUARTERS,
    SEASONS,
    resolve_holiday,
    resolve_period,
)
from factcheck.extract.context.relative_dates import (
    Resolved,
    count_word,
    resolve_ago,
    resolve_month,
    resolve_month_day,
    resolve_relative,
    resolve_short_year,
    resolve_weekday,
)

# Introducing words that make a month or year alone a date ("in May", "since 2014").
MONTH_YEAR_PREPS = frozenset(
    "in during since by until till through from of before after early late mid- last this next for between".split()
) | {"as of", "this past", "up to"}


def year_of_word(m: regex.Match[str], pub: date) -> int | None:
    """The year "this year" / "last year" / "next year" after a month gives, if any."""
    word = m["q1"] or m["q2"] or m["q4"]
    if word is None:
        return None
    return pub.year + {"this": 0, "last": -1, "next": 1}[word.lower()]


def resolve(
    m: regex.Match[str],
    prep: str | None,
    pub: date | None,
    ahead: bool = False,
    pair: bool = False,
    order: bool | None = None,
    year_before: int | None = None,
) -> Resolved:
    """(value, precision, source, period_start) for one match, or None if it is no date.
    ``ahead``: the clause points past publication, so a date without its year (week,
    century) is the next one, not the last; ``pair``: the match is the second of a pair
    of dates or ends a period ("and 2021", "to January"), a date even after "and";
    ``order``: whether the document writes numeric dates day first (None: it does not
    say); ``year_before``: the year a quarter or season's words give before it ("the
    1988 third quarter", "this year's third quarter")."""
    kind = m.lastgroup  # the branch that matched
    if kind == "iso":
        try:
            return date(int(m["iy"]), int(m["im"]), int(m["id"])), "day", "explicit", None
        except ValueError:
            return None
    if kind in ("md", "dm"):
        return _month_day(m, pub, ahead)
    if kind == "my":
        return date(int(m["y3"]), _month(m["m3"]), 1), "month", "explicit", None
    if kind == "num":
        return _numeric(m, prep, pub, ahead, order)
    which = prep if prep in ("last", "this", "next") else None
    if kind in ("qtr", "sea", "hol"):
        return _named_period(m, kind, prep, pub, ahead, which, year_before)
    if kind == "nwd":
        return _nth_weekday(m, pub, ahead)
    if kind == "rel" and "months of" in m["rel"].lower():
        return _months_of_year(" ".join(m["rel"].lower().split()), pub, ahead)
    if kind == "wd":
        wd = WEEKDAYS[m["wday"].lower()]
        which = prep if prep in ("last", "this past", "next") else "ahead" if ahead or prep == "this" else None
        return (resolve_weekday(wd, pub, which) if pub else None), "day", "relative", None
    if kind == "ago":
        return resolve_ago(count_word(m["n"]), m["unit"].rstrip("s"), pub)
    if kind == "rel":
        return resolve_relative(" ".join(m["rel"].lower().split()), pub, ahead)
    if kind == "mo":
        return _month_alone(m, prep, pub, ahead, pair)
    if kind in ("fy", "yr", "ay"):
        return _year(m, kind, prep, pub, ahead, pair)
    return None


def _month_day(m: regex.Match[str], pub: date | None, ahead: bool) -> Resolved:
    """"May 5", "5 May 2024": the day of its year, else of the year a year word gives,
    else the nearest such day (``resolve_month_day``)."""
    month = _month(m["m1"] or m["m2"])
    day = int(m["d1"] or m["d2"])
    year = m["y1"] or m["y2"]
    if year:
        try:
            return date(int(year), month, day), "day", "explicit", None
        except ValueError:
            return None
    if not 1 <= day <= 31:
        return None
    if pub is None:
        return None, "day", "explicit", None
    year_word = year_of_word(m, pub)
    if year_word is not None:
        try:
            return date(year_word, month, day), "day", "relative", None
        except ValueError:
            return None
    return resolve_month_day(month, day, pub, ahead), "day", "explicit", None


def _named_period(
    m: regex.Match[str], kind: str, prep: str | None, pub: date | None, ahead: bool, which: str | None,
    year_before: int | None,
) -> Resolved:
    """A quarter or half ("Q2", "the first half of 2023"), a season or a holiday."""
    if kind == "qtr":
        months = HALVES[ORDINALS[m["ho"].lower()]] if m["ho"] else QUARTERS[int(m["qn"] or ORDINALS[m["qo"].lower()])]
        year = int(m["qy"]) if m["qy"] else year_before
        if year is None and m["qw"] and pub is not None:
            year = pub.year + {"this": 0, "last": -1, "next": 1}[m["qw"].lower()]
        return resolve_period(months, pub, year, ahead, which)
    if kind == "sea":
        which = (m["sw"] or "").lower() or which
        if which is None and prep is None and not m["sy"]:
            return None  # "spring water", "a hot summer": no season of the calendar
        year = int(m["sy"]) if m["sy"] else year_before
        return resolve_period(SEASONS[m["sn"].lower()], pub, year, ahead, which)
    return resolve_holiday(m["hn"], pub, int(m["hy"]) if m["hy"] else None, ahead, which)


def _month_alone(m: regex.Match[str], prep: str | None, pub: date | None, ahead: bool, pair: bool) -> Resolved:
    """A month without a day ("in September", "this September", "last March")."""
    if prep not in MONTH_YEAR_PREPS and not pair:
        return None
    month = _month(m["m4"])
    if pub is None:
        return None, "month", "explicit", None
    year_word = year_of_word(m, pub)
    if prep == "this":  # "this September": the one of the publication year
        year_word = pub.year
    if year_word is not None:
        return date(year_word, month, 1), "month", "relative", None
    return resolve_month(month, pub, ahead or prep == "next", prep in ("last", "next")), "month", "explicit", None


def _year(m: regex.Match[str], kind: str, prep: str | None, pub: date | None, ahead: bool, pair: bool) -> Resolved:
    """A fiscal year ("fiscal 2025", "FY24"), a year ("in 2009") or an apostrophe year
    ("'58")."""
    if kind == "fy":
        year = int(m["fyy"] or m["fyy2"])
        return date(year + 2000 if year < 100 else year, 1, 1), "year", "explicit", None
    if kind == "yr":
        if m["y6"]:
            # Years before 1800 only after words of a point in time: "in 1610", "around
            # 1594" ("to 1500", "of 1600" are mostly amounts).
            if prep not in OLD_YEAR_PREPS:
                return None
            return date(int(m["y6"]), 1, 1), "year", "explicit", None
        if prep not in MONTH_YEAR_PREPS and not pair:
            return None
        return date(int(m["y4"]), 1, 1), "year", "explicit", None
    if pub is None:
        return None, "year", "explicit", None
    return date(resolve_short_year(int(m["y5"]), pub, ahead), 1, 1), "year", "explicit", None


# Introducing words of a year before 1800, and those after which a year must not be
# followed by a noun ("around 2000 people" is an amount).
OLD_YEAR_PREPS = frozenset({"in", "around", "circa", "since", "until", "before", "after", "during"})
