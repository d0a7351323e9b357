"""Score the date resolver on tests/context/cases/dates.yaml (issue 15), and apart on
the held-out articles of tests/context/cases/dates_fresh.yaml (never tuned on).

A date of the case file is *found* when a date mention of ``find_dates`` overlaps its
words, *resolved* when that mention's day and precision are the expected ones (a year is
1 January, a month its 1st). An entry naming a ``figure`` is also *dated* when a claim
on that figure, annotated by the context stage, has that date as its ``as_of``. An
entry whose ``expect`` is ``none`` is a year inside a name ("Vision 2030"): it is *left
alone* when no date mention overlaps it.

    python tests/context/date_cases.py            # the summary line
    python tests/context/date_cases.py --misses   # and every date not resolved
    python tests/context/date_cases.py --fresh-misses   # the held-out misses too
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.extract.context import annotate
from factcheck.extract.context.dates import DateMention, find_dates
from factcheck.extract.context.segment import segment
from factcheck.models import Claim

CASES = Path(__file__).resolve().parent / "cases" / "dates.yaml"
FRESH = Path(__file__).resolve().parent / "cases" / "dates_fresh.yaml"
NOT_A_DATE = "none"

Precision = Literal["day", "month", "year"]


class DateCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: str = Field(description="the words of the date in the text")
    nth: int = Field(0, ge=0, description="which occurrence of ``at`` (from 0)")
    expect: str = Field(description="YYYY-MM-DD, YYYY-MM or YYYY; 'none' for a year in a name")
    figure: str | None = Field(None, description="a figure of the same sentence this date dates")

    @field_validator("expect")
    @classmethod
    def _well_formed(cls, value: str) -> str:
        if value != NOT_A_DATE:
            expected(value)
        return value


class Article(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    beat: str
    published: date
    # Held-out articles measure generalisation: written before the resolver ran on
    # them, scored apart, never tuned on. ``batch`` says which set of them it came in.
    held_out: bool = False
    batch: int | None = None
    text: str
    dates: list[DateCase]

    @field_validator("dates")
    @classmethod
    def _figures_are_dates(cls, value: list[DateCase]) -> list[DateCase]:
        for case in value:
            if case.expect == NOT_A_DATE and case.figure is not None:
                raise ValueError(f"{case.at!r} is no date, so it dates no figure")
        return value


def expected(value: str) -> tuple[date, Precision]:
    """The day and precision an ``expect`` string names."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), "year"
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), "month"
    return date(parts[0], parts[1], parts[2]), "day"


def load(path: Path = CASES) -> list[Article]:
    return [Article.model_validate(a) for a in yaml.safe_load(path.read_text(encoding="utf-8"))]


def span_of(text: str, words: str, nth: int) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.find(words, start + 1)
        if start < 0:
            raise ValueError(f"{words!r} (occurrence {nth}) is not in the text")
    return start, start + len(words)


@dataclass
class Score:
    total: int = 0
    found: int = 0
    resolved: int = 0
    figures: int = 0
    dated: int = 0
    names: int = 0
    left_alone: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, label: str = "dates") -> str:
        out = (
            f"{label}: found {self.found}/{self.total}, resolved {self.resolved}/{self.total} "
            f"({100 * self.resolved / max(self.total, 1):.0f}%), figures dated {self.dated}/{self.figures}"
        )
        if self.names:
            out += f", years in names left alone {self.left_alone}/{self.names}"
        return out


def _mention(mentions: list[DateMention], start: int, end: int) -> DateMention | None:
    """The mention overlapping ``[start, end)`` the most."""
    best, overlap = None, 0
    for m in mentions:
        o = min(end, m.end) - max(start, m.start)
        if o > overlap:
            best, overlap = m, o
    return best


def score(articles: list[Article]) -> Score:
    out = Score()
    for art in articles:
        text = art.text
        # Sentence by sentence, as the context stage finds them.
        mentions = [
            d for span in segment(text).sentences for d in find_dates(text, span.start, span.end, art.published)
        ]
        wanted: dict[int, tuple[DateCase, date, Precision]] = {}
        claims: list[Claim] = []
        for case in art.dates:
            m = _mention(mentions, *span_of(text, case.at, case.nth))
            if case.expect == NOT_A_DATE:
                out.names += 1
                if m is None:
                    out.left_alone += 1
                else:
                    out.misses.append(f"{art.id}: {case.at!r} -> {(m.value, m.precision)} (expected no date)")
                continue
            out.total += 1
            day, precision = expected(case.expect)
            if m is not None:
                out.found += 1
            got = (m.value, m.precision) if m is not None else None
            if got == (day, precision):
                out.resolved += 1
            else:
                out.misses.append(f"{art.id}: {case.at!r} -> {got} (expected {case.expect})")
            if case.figure is not None:
                out.figures += 1
                start, end = span_of(text, case.figure, 0)
                claims.append(Claim(start=start, end=end, surface=case.figure, value=1.0, lower=1.0, upper=1.0, qualifier="exact"))
                wanted[start] = (case, day, precision)
        claims.sort(key=lambda c: c.start)
        for c in annotate(text, claims, art.published):
            case, day, precision = wanted[c.start]
            if (c.as_of, c.as_of_precision) == (day, precision):
                out.dated += 1
            else:
                out.misses.append(
                    f"{art.id}: figure {case.figure!r} dated {c.as_of} ({c.as_of_precision}), expected {case.expect}"
                )
    return out


def main(argv: list[str]) -> int:
    result = score(load())
    print(result.line())
    if "--misses" in argv or "--fresh-misses" in argv:
        for miss in result.misses:
            print("  " + miss)
    # The held-out line stands apart: it is the generalisation figure, not a tuned one.
    fresh = [a for a in load(FRESH) if a.held_out]
    print(score(fresh).line("held-out dates"))
    for batch in sorted({a.batch for a in fresh if a.batch is not None}):
        articles = [a for a in fresh if a.batch == batch]
        result = score(articles)
        print("  " + result.line(f"batch {batch} ({len(articles)} articles)"))
        if "--fresh-misses" in argv:
            for miss in result.misses:
                print("    " + miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
