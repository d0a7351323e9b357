"""Which way round a document writes its numeric dates: "29/03" can only be day first,
"03/29" only month first, and a document that writes one so writes its "12/05" the same
way; dates in words ("5 May 2025" against "May 5, 2025") say it too.

Read once per document (``day_first`` keeps the last few answers), not per sentence:
a sentence's dates are resolved many times over one text.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_NUMERIC = regex.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/\d{2,4})?(?![\d/]|[.,]\d)")
# "5 May", "1 April 2025" against "May 5", "Jan. 20, 2025" (no year needed: "on 1 April").
_DAY_MONTH = regex.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)")
_MONTH_DAY = regex.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]?\d)")


@lru_cache(maxsize=8)
def day_first(text: str) -> bool | None:
    """Whether ``text`` writes numeric dates day first (True), month first (False), or
    does not say (None): first its numeric dates that can be read one way only, then
    its dates with a month name and a year."""
    day, month = 0, 0
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if 12 < a <= 31 and 1 <= b <= 12:
            day += 1
        elif 12 < b <= 31 and 1 <= a <= 12:
            month += 1
    if day != month:
        return day > month
    day = sum(1 for _ in _DAY_MONTH.finditer(text))
    month = sum(1 for _ in _MONTH_DAY.finditer(text))
    return day > month if day != month else None
