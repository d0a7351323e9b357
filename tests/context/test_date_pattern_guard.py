"""The date pattern's start guard (``dates.DATE_RE``, first line) only says where a
match can start: the pattern without it must find exactly the same dates."""

from __future__ import annotations

import sys
from pathlib import Path

import regex

from factcheck.extract.context.dates import DATE_RE

sys.path.insert(0, str(Path(__file__).resolve().parent))
from date_cases import FRESH, load  # noqa: E402

GUARD = r"(?<!\w)(?=[\w'’])"

TRICKY = [
    "mid-May, the '58 season, in '24; rock'n'roll 'til 1999's end, class of ’09 and 'twas",
    "on 2024-05-12, from May 3 to May 9, 2023, 12th of June last year, FY2024 and FY'25",
    "the 2023-24 fiscal year, fiscal 2025, since Monday morning, three weeks ago, 1,2024",
    "Xmay 5, May5, 3May, inJune, _June 4, June_4, ½2024, x2024, 2024x, 'x58, a'58",
    "earlier this week, the past 48 hours, the end of the year, next fiscal year, tonight.",
]


def _unguarded() -> regex.Pattern[str]:
    source = DATE_RE.pattern
    assert GUARD in source, "the guard moved: update this test"
    return regex.compile(source.replace(GUARD, "", 1), DATE_RE.flags)


def test_date_pattern_guard_changes_no_match() -> None:
    plain = _unguarded()
    texts = TRICKY + [article.text for article in load() + load(FRESH)]
    for text in texts:
        guarded = [(m.span(), m.groupdict()) for m in DATE_RE.finditer(text)]
        assert guarded == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
    assert sum(1 for text in TRICKY for _ in DATE_RE.finditer(text)) >= 20
