"""Date expressions in news text, resolved against the publication date.

No general date parser: their defaults get news dates wrong (a bare "Monday" becomes next
Monday, "May 6" this year's even when that is after publication). The rules here:

* a bare weekday is the most recent such day on or before publication ("said on Monday"
  in a Monday paper is that Monday); "last" / "this past" Friday is strictly before it,
  "next Friday" strictly after;
* a month and day without a year is the most recent one not after publication
  ("Oct. 7" in a 2024 article is 2023-10-07, "May 6" in a 20 May 2024 one 2024-05-06);
* a month without a day has month precision (represented by the 1st of the month), the
  most recent such month not after publication; a bare year has year precision (1 Jan),
  after an introducing word ("in 2009", "since 2010", "mid-2025", the second of a pair:
  "between 2017 and 2021"); a two-digit year ("'58") is the most recent such year;
* those "most recent" rules yield to the clause when it points ahead (``tense``: "will
  vote on June 12", "the talks resume in September", "is due in March"): then the date
  is the next such day, month or year, on or after publication;
* "yesterday", "today", "last night", "this morning"; "last week" is seven days before
  publication, "next week" seven days after, "earlier this week" the Monday of the
  publication week, "earlier this month" / "last month" / "next month" / "this year" /
  "last year" / "next year" / "this fiscal year" keep month or year precision, "the end
  of the year" is December; "3 days ago", "two weeks ago"; "over the weekend";
* explicit dates with a year ("March 26, 2024", "26 March 2024", "2024-03-26", "in March
  last year"); numeric dates ("29/03", "12/05/2025": day or month first as the document
  writes its other dates, ``date_order``);
* quarters, halves, seasons and holidays ("the third quarter", "Q2", "last summer",
  "since Boxing Day": ``named_periods``); a bare month that is no name or verb
  ("February could bring snow"); a year after a determiner ("its 2019 level"); a year
  before 1800 after "in", "around", "circa" ("born around 1594");
* a deadline ("until May 24 to respond") is the nearer of the last and the next such
  day; "the class of 2019" is a cohort's name, no date.

Each ``DateMention`` also records the word that introduces it ("on", "since", "as of",
"between"...), which decides what the date does to a figure (see ``role``), and whether
it is attached to a noun ("the Oct. 7 attack", "the rampage on Oct. 7"), in which case it
is the date of that event, not of the figure.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import regex

from factcheck.extract.context.date_filters import attached as _attached
from factcheck.extract.context.date_filters import bare_month as _bare_month
from factcheck.extract.context.date_filters import cyclic as _cyclic
from factcheck.extract.context.date_filters import is_name as _is_name
from factcheck.extract.context.date_filters import plain_year as _plain_year
from factcheck.extract.context.date_filters import points_ahead as _points_ahead
from factcheck.extract.context.date_forms import YEAR as _YEAR
from factcheck.extract.context.date_forms import year_before as _year_before
from factcheck.extract.context.date_order import day_first
from factcheck.extract.context.date_resolve import resolve as _resolve
from factcheck.extract.context.date_starts import date_matches
from factcheck.extract.context.named_periods import (
    HOLIDAY_PATTERN,
)
from factcheck.extract.context.relative_dates import (
    Precision,
    Resolved,
    Source,
    resolve_month,
    resolve_month_day,
    resolve_short_year,
    resolve_weekday,
)

__all__ = [
    "DateMention",
    "find_dates",
    "resolve_month",
    "resolve_month_day",
    "resolve_short_year",
    "resolve_weekday",
]

Role = Literal["as_of", "since", "range_start", "range_end", "at"]

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
_MONTH = f"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"

_PREP = (
    r"as\s+of|as\s+at|up\s+to|by|through|until|till|since|from|between|on|in|during|of|"
    r"before|after|and|or|to|for|early|late|mid-|last|this\s+past|this|next|around|circa"
)
# "in March last year", "on June 12 next year", "in September of this year".
_YEAR_WORD = r"(?:,?\s+(?:of\s+)?(?P<{0}>(?i:this|last|next))\s+year\b)?"

# Every branch (and the introducing word) starts at a word's first letter or digit, or
# at the apostrophe of "'58", so a match can only start where no word character stands
# before and one of those stands after: the guard on the first line says so, and spares
# the engine trying three dozen alternatives inside every word (half the scan's time).
DATE_RE = regex.compile(
    rf"""
    (?<!\w)(?=[\w'’])
    (?:(?P<prep>\b(?i:{_PREP}))(?:(?<=-)|\s+(?:(?i:the)\s+)?))?
    (?:
        (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)
      | (?P<md>\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]\d)(?:,?\s+(?P<y1>{_YEAR})\b)?{_YEAR_WORD.format("q1")})
      | (?P<dm>\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:\b|(?<=\.))(?:,?\s+(?P<y2>{_YEAR})\b)?{_YEAR_WORD.format("q2")})
      | (?P<my>\b(?P<m3>{_MONTH})\s+(?P<y3>{_YEAR})\b)
      | (?=\d)(?P<num>\b(?P<na>\d{{1,2}})/(?P<nb>\d{{1,2}})(?:/(?P<ny>\d{{4}}|\d{{2}}))?\b(?![/.,]?\d))
      # (the branches below spell capitals as [Ff], cheaper than (?i:), and look at the
      # first letter before going in: they are tried at every start)
      | (?=[FfSsTt1-4Q])(?P<qtr>\b(?:(?P<qo>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)[\s-]+[Qq]uarter|Q(?P<qn>[1-4])
            |(?P<ho>[Ff]irst|[Ss]econd)\s+half)\b
          (?:(?:\s+of|,)?\s+(?:(?i:fiscal\s+(?:year\s+)?)?(?P<qy>{_YEAR})\b|(?P<qw>(?i:this|last|next))\s+year\b))?)
      | (?=[TtLlNnSsAaFfWw])(?P<sea>\b(?:(?P<sw>[Tt]his|[Ll]ast|[Nn]ext)\s+)?(?P<sn>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b
          (?:\s+(?:of\s+)?(?P<sy>{_YEAR})\b)?)
      | (?=[NCBVHISAEGTML])(?P<hol>\b(?P<hn>{HOLIDAY_PATTERN})\b(?!\s+\p{{Lu}})(?:,?\s+(?P<hy>{_YEAR})\b)?)
      | (?=[FfSsTtLl])(?P<nwd>\b(?P<nth>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast)\s+(?P<nday>{_WEEKDAY})\s+(?:of|in)\s+
          (?P<nmon>{_MONTH_FULL})\b(?:,?\s+(?P<ny2>{_YEAR})\b)?)
      | (?P<wd>\b(?P<wday>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b)
      | (?P<ago>\b(?P<n>(?i:{_COUNT}))\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+ago\b)
      | (?P<rel>\b(?i:
            yesterday|today|tonight|last\s+night
          | this\s+(?:morning|afternoon|evening)
          | (?:earlier|later)\s+this\s+(?:week|month|year)
          | (?:last|this|next|the\s+current|the\s+previous|the\s+past|the\s+next|the\s+coming)\s+(?:fiscal|financial)\s+year
          | (?:the\s+)?(?:end|start|beginning|close|middle)\s+of\s+(?:the|this|next|last)\s+(?:month|year)
          | (?:the\s+)?(?:first|last|final)\s+(?:three|six|nine|3|6|9)\s+months\s+of\s+(?:the|this|last)\s+year
          | (?:last|this|next)\s+(?:week|month|year|weekend)
          | (?:the\s+)?coming\s+weekend
          | (?:the\s+)?(?:past|last)\s+(?:24|48|72)\s+hours
          | the\s+(?:past|last)\s+(?:week|month|year)
          | over\s+the\s+weekend
        )\b)
      | (?P<fy>\b(?i:fiscal(?:\s+year)?|financial\s+year|FY)\s*['’]?(?P<fyy>{_YEAR}|\d{{2}})\b(?![-/–]\d)
          | \b(?P<fyy2>{_YEAR})(?:[-–/](?:{_YEAR}|\d{{2}}))?\s+(?i:fiscal|financial|budget|school|academic)\s+year\b)
      | (?P<mo>\b(?P<m4>{_MONTH_FULL})\b(?!\s+\d){_YEAR_WORD.format("q4")})
      | (?P<yr>\b(?:(?P<y4>{_YEAR})|(?P<y6>1[0-7]\d{{2}}))\b(?![-/–]\d)(?!,\d))
      | (?P<ay>(?<![\w'’])['’](?P<y5>\d{{2}})\b(?![\w'’]|[.,]\d|\s*%))
    )
    """,
    regex.VERBOSE,
)

# Words that make one only as the second of a pair ("between 2017 and 2021", "March or
# April") or after a period ("the year to January", "the 12 months to June", "dating
# back to 2018").
_PAIR_PREPS = frozenset({"and", "or", "to"})
_PERIOD_BEFORE = regex.compile(r"\b(?:weeks?|months?|quarters?|year|period|days?|back)\s*$", regex.IGNORECASE)
# How close the first of a pair must end before the second's introducing word.
_PAIR_GAP = 12
# Introducing words whose date lies before publication whatever the tense.
_BACKWARD_PREPS = frozenset({"since", "as of", "as at", "last", "this past"})
# How close to publication an event's date must be to date the event's figures too.
RECENT_EVENT = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: ``start``/``end`` in the document (including its introducing
    word), the date (``None`` when it needs a publication date and none was given), its
    precision and source, and the introducing word."""

    start: int
    end: int
    value: date | None
    precision: Precision
    source: Source
    prep: str | None
    attached: bool = False
    # For "the past week": the start of the period it names.
    period_start: date | None = None
    # Where a "since" stands before it in the sentence (a period that began then:
    # ``date_claim`` decides), if one does.
    since_at: int | None = None

    @property
    def role(self) -> Role:
        p = self.prep
        if p in ("as of", "as at", "by", "through", "until", "till", "up to"):
            return "as_of"
        if p == "since":
            return "since"
        if p in ("from", "between"):
            return "range_start"
        if p in ("to", "and"):
            return "range_end"
        return "at"


# Words of a game: "scored twice in the second half", "trailed by 9 points in the
# fourth quarter" name a part of a match, not of a year.
_GAME_WORDS = regex.compile(
    r"\b(?:points?|scored?|scoring|goals?|touchdowns?|yards|game|match|minutes?|halftime|half-time|interval"
    r"|penalty|penalties|basket|quarterback|innings|wickets?|equali[sz]er|header|free kick|whistle|buzzer"
    r"|trailed|trailing|rallied|led)\b",
    regex.IGNORECASE,
)
# "the first half of the century", "the fall of Saigon", "the fall in prices": a part
# or a noun of something that is not a year.
_OF_NO_YEAR = regex.compile(r"\s+of\s+(?!(?:the|this|last|next)\s+(?:year|fiscal|financial)\b|fiscal\b|financial\b|\d)", regex.IGNORECASE)
_FALL_NOUN = regex.compile(r"\s+(?:of|in|to|from|by|on|at)\b", regex.IGNORECASE)


# "since the war began on 7 October", "since the start of the war after 7 October last
# year": a "since" not long before a date, in the same sentence, dates a period's start
# when no figure stands between them (``date_claim``).
_SINCE = regex.compile(r"\bsince\b(?!.*\bsince\b)[^.;!?]*$", regex.IGNORECASE | regex.DOTALL)


# The words after a deadline: "until May 24 to respond", "have until Friday to file".
_DEADLINE_AFTER = regex.compile(r"\s+to\s+\p{Ll}")
# ... or before it: "ordered him to surrender by May 1", "asked to file until June 3".
_DEADLINE_BEFORE = regex.compile(r"\bto\s+\p{Ll}+(?:\s+[\p{L}'’-]+){0,2}\s+$")


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """The date expressions in ``text[start:end]`` (one sentence), in text order."""
    out: list[DateMention] = []
    order: bool | None = None
    for m in date_matches(DATE_RE, text, start, end):
        # The branch that matched, read once (a group call per branch per match adds up).
        kind = m.lastgroup
        prep = " ".join(m["prep"].lower().split()) if m["prep"] else None
        ends_period = prep == "to" and _PERIOD_BEFORE.search(text, max(start, m.start() - 20), m.start()) is not None
        pair = prep in _PAIR_PREPS and ((bool(out) and m.start() - out[-1].end <= _PAIR_GAP) or ends_period)
        if kind == "yr" and (
            _is_name(text, m, start, prep) or (prep is None and m["y4"] and not _plain_year(text, m, start))
        ):
            continue
        if kind == "yr" and prep is None:
            pair = True  # "its 2019 level": a year, though nothing introduces it
        if kind == "mo" and prep is None and not pair:
            if not _bare_month(text, m, start):
                continue
            pair = True  # "February could bring snow"
        if kind == "qtr" and not (m["qy"] or m["qw"]) and _GAME_WORDS.search(text, start, end) is not None:
            continue  # a quarter or half of a game
        if kind == "qtr" and not (m["qy"] or m["qw"]) and _OF_NO_YEAR.match(text, m.end()) is not None:
            continue  # "the first half of the century"
        if kind == "sea" and not m["sy"] and m["sn"].lower() == "fall" and _FALL_NOUN.match(text, m.end()) is not None:
            continue  # "since the fall of Kabul", "after the fall in prices"
        if kind == "num" and order is None:
            order = day_first(text)
        cyclic = _cyclic(m, kind)
        deadline = (
            cyclic
            and published is not None
            and prep in ("until", "till", "by")
            and (
                _DEADLINE_AFTER.match(text, m.end()) is not None
                or _DEADLINE_BEFORE.search(text, max(start, m.start() - 40), m.start()) is not None
            )
        )
        # A period that ends at the date ("the year to January") has ended when reported.
        ahead = (
            published is not None
            and prep not in _BACKWARD_PREPS
            and not ends_period
            and not deadline
            and cyclic
            and _points_ahead(text, start, m.start(), m.end(), end, prep)
        )
        since = None
        if prep not in ("since", "as of", "as at", "by", "through", "until", "till", "up to", "from", "between", "to", "and"):
            found = _SINCE.search(text, max(start, m.start() - 80), m.start())
            since = found.start() if found is not None else None
        if kind == "fy" or (kind == "rel" and m["rel"].lower().endswith("year") and "fiscal" in m["rel"].lower()) or (
            kind == "rel" and m["rel"].lower().endswith("financial year")
        ):
            # A fiscal or school year is the period the figure counts: it dates the
            # figure as "as of" does, before the day of the event that gave it.
            prep = "as of"
        year_before = _year_before(text, start, m.start(), published) if kind in ("qtr", "sea") else None
        if year_before is not None:
            ahead = False
        resolved = _resolve(m, prep, published, ahead, pair, order, year_before)
        if resolved is not None and deadline:
            # A deadline is mostly the next such day, but copy written after it passed
            # ("had until Friday to respond") means the last: the nearer of the two.
            resolved = _nearer(resolved, _resolve(m, prep, published, True, pair, order), published)
        if resolved is None:
            continue
        value, precision, source, period_start = resolved
        # "the FY2024 deficit": a fiscal year names the period of its noun, not an event.
        attached = kind != "fy" and _attached(text, m.start(), m.end(), prep)
        if attached and value is not None and published is not None and precision == "day":
            # A recent event dates its own figures ("killed in strikes on Sunday").
            if timedelta(0) <= published - value <= RECENT_EVENT:
                attached = False
        out.append(DateMention(m.start(), m.end(), value, precision, source, prep, attached, period_start, since))
    return out


def _nearer(back: Resolved, ahead: Resolved, published: date | None) -> Resolved:
    """Of the last and the next reading of a date, the one nearer publication."""
    if back is None or ahead is None or back[0] is None or ahead[0] is None or published is None:
        return back
    return ahead if ahead[0] - published < published - back[0] else back


@dataclass(frozen=True, slots=True)
class Dating:
    """What dates one figure: ``as_of`` with its precision and source, and the start of
    the period it counts."""

    as_of: date | None
    precision: Precision | None
    source: str | None
    period_start: date | None = None


def date_claim(
    mentions: list[DateMention],
    claim: tuple[int, int],
    clause: tuple[int, int],
    sentence_start: int,
    report_verbs: list[tuple[int, int]],
    figures: list[tuple[int, int]],
    published: date | None,
) -> Dating:
    """Which of a sentence's dates date the figure at ``claim`` (document offsets).

    1. "as of / by / through / until D" in the figure's clause, else its sentence;
    2. "from D1 to D2" / "between D1 and D2": as of D2, the period starting D1;
    3. "since D" in the clause, or after the figure with no other figure in between,
       gives the period start (and does not date the figure itself);
    4. a date in the figure's own clause ("killed 20 people on Tuesday");
    5. a date next to a reporting verb of the sentence ("UNRWA said on Monday");
    6. a date opening the sentence ("On Monday, ...");
    7. otherwise the publication date.

    Dates attached to a noun (the date of an event: "the Oct. 7 attack") never date the
    figure, unless the event is within a week before publication. ``figures`` are the
    spans of the sentence's figures, sorted (the claim's own among them or not).
    """
    c_start, c_end = claim
    k_start, k_end = clause
    usable = [
        d for d in mentions
        if d.value is not None and not d.attached and not (d.start < c_end and c_start < d.end)
    ]

    def in_clause(d: DateMention) -> bool:
        return k_start <= d.start and d.end <= k_end

    def distance(d: DateMention) -> int:
        return c_start - d.end if d.end <= c_start else d.start - c_end

    def figure_between(d: DateMention) -> bool:
        lo, hi = (c_end, d.start) if d.start >= c_end else (d.end, c_start)
        return figure_within(figures, lo, hi)

    period_start: date | None = None
    roles = _roles(usable, figures)

    def chosen(d: DateMention) -> Dating:
        return Dating(d.value, d.precision, d.source, period_start)

    # 3 first: it only contributes the period start.
    for d in usable:
        if roles[id(d)] == "since" and (in_clause(d) or (d.start >= c_end and not figure_between(d))):
            period_start = d.value
            break
    for d in usable:
        if d.period_start is not None and in_clause(d) and period_start is None:
            period_start = d.period_start

    as_of = [d for d in usable if roles[id(d)] == "as_of"]
    if as_of:
        best = min(as_of, key=lambda d: (not in_clause(d), figure_between(d), distance(d)))
        return chosen(best)
    for n, d in enumerate(usable):
        if roles[id(d)] == "range_start" and (in_clause(d) or not figure_between(d)):
            end = usable[n + 1]
            return Dating(end.value, end.precision, end.source, d.value)
    at = [d for d in usable if roles[id(d)] == "at" and d.period_start is None]
    own = [d for d in at if in_clause(d)]
    if own:
        return chosen(min(own, key=distance))
    for v_start, v_end in report_verbs:
        for d in at:
            if v_end <= d.start <= v_end + 30 or v_start - 20 <= d.end <= v_start:
                return chosen(d)
    for d in at:
        if d.start == sentence_start:
            return chosen(d)
    if published is None:
        return Dating(None, None, None, period_start)
    return Dating(published, "day", "published", period_start)


def figure_within(figures: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether one of ``figures`` (spans sorted by start) lies within [lo, hi]."""
    k = bisect_left(figures, (lo, lo))
    while k < len(figures) and figures[k][0] <= hi:
        if figures[k][1] <= hi:
            return True
        k += 1
    return False


def _roles(usable: list[DateMention], figures: list[tuple[int, int]]) -> dict[int, str]:
    """The role each date plays for the figure (by ``id``): a "since" whose event comes
    after a figure of its own is that figure's; half a range is a plain date."""
    roles: dict[int, str] = {}
    for n, d in enumerate(usable):
        role = d.role
        if d.since_at is not None and not figure_within(figures, d.since_at, d.start):
            role = "since"  # "since Israel began its operation there on 6 May"
        if role == "range_end" and not (n and usable[n - 1].role == "range_start"):
            role = "at"
        if role == "range_start" and not (n + 1 < len(usable) and usable[n + 1].role == "range_end"):
            role = "since" if d.prep == "from" else "at"
        roles[id(d)] = role
    return roles
