"""Where a match of the date pattern (``dates.DATE_RE``) can start: a cheap pass first.

``DATE_RE`` is tried at every word start of a sentence, and fails at almost all of
them (a sentence of figures holds a few dates or none). Every date it matches holds an
*anchor*: a run of four digits (a year, an ISO date), an apostrophe before a digit
("'58", "FY'25"), a month or weekday name, or one of the time words its relative dates
end in ("ago", "night", "week", "month", "year", "hours", "fiscal" ...). And each
match starts at most ``REACH`` word starts before the word holding its first anchor:
an introducing word of up to two words ("this past", "as of") and "the", then at most
four words of the date before its anchor ("the end of the year": "year"). So
``date_matches`` looks for anchors with one scan of a small pattern, and tries
``DATE_RE`` only at the word starts just before each: the matches ``finditer`` finds,
in a fraction of the time (a sentence without an anchor costs one scan).

The anchors are a superset (case ignored, inside words too: "holiday", "tonight"; a
month, "ago", "half" and "fall" end a word, so "market", "decline" and "mayor" are none): a
wrong extra one costs a try, a missing one would lose a date, which is why
``tests/context/test_date_starts.py`` compares with ``finditer`` on every text at hand
and on random text made of the date pattern's pieces. A change to ``DATE_RE`` that
adds a branch must add its anchor here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

# Word starts (``DATE_RE``'s own start guard) before an anchor's word where a match
# can begin: 3 for the introducing words and "the", 4 for the date's words before its
# anchor; one more as a margin.
REACH = 8

# The standard library's ``re`` (a third of ``regex``'s time on this pattern), the
# words grouped by first letter (a third less again): jan feb mar apr may jun jul aug
# sep oct nov dec, day, ago, night, morning, afternoon, evening, week, month, year,
# hours, fiscal, financial, fy; seasons, quarter, Q1-Q4, half, the holidays without
# "day" in their names; a digit, slash, digit ("29/03"). No common new first letter: each
# makes the scan stop at more characters, so "(c)hristmas" and "(th)anksgiving" are
# read from a letter that already starts an anchor. A month, "ago", "half" and "fall"
# end at a word boundary, as ``DATE_RE`` reads them: a third fewer anchors to try.
_ANCHOR = re.compile(
    r"\d(?:\d{3}|/(?=\d))|['’]\d"  # the slash consumes no digit after it: "20/2030" keeps its year
    r"|(?i:j(?:an(?:uary)?\b|une?\b|uly?\b)|f(?:eb(?:ruary)?\b|iscal|inancial|y|all\b)|m(?:ar(?:ch)?\b|ay\b|orning|onth)"
    r"|a(?:pr(?:il)?\b|ug(?:ust)?\b|go\b|fternoon|utumn|nksgiving)|s(?:ept?(?:ember)?\b|pring|ummer)|oct(?:ober)?\b"
    r"|n(?:ov(?:ember)?\b|ight)|d(?:ec(?:ember)?\b|ay)|e(?:vening|aster)|w(?:eek|inter)|year"
    r"|h(?:ours|alf\b|alloween|ristmas)|q(?:uarter|[1-4]))"
)
# The lower-case words a match of ``DATE_RE`` can begin with: its introducing words and
# the first words of its branches ("the end of", "three days ago", "first half",
# "earlier this week", "fiscal 2025", "spring"). A word start near an anchor whose first
# two letters begin none of them cannot start a date, so it is not tried (half the
# tries: the nouns and verbs before a date). Read by slicing, not by a call per word
# (a call costs about what the try saves); a start on anything but an ASCII lower-case
# letter (a capital, a digit, an apostrophe, a letter that case folding may turn into
# one of these), or on "a", is always tried.
STARTERS = frozenset(
    """
    as at up by through until till since from between on in during of before after and
    or to for early late mid last this next around circa the first second third fourth
    final spring summer autumn fall winter an one two three four five six seven eight
    nine ten eleven twelve yesterday today tonight earlier later end start beginning
    close middle past over coming fiscal financial fy current previous
    """.split()
)
_PREFIXES = frozenset(word[:2] for word in STARTERS)
# ``DATE_RE``'s start guard (its first line), searched backwards from an anchor.
GUARD = r"(?<!\w)(?=[\w'’])"
_WORD_START_BACK = regex.compile(GUARD, regex.REVERSE)


def date_matches(pattern: regex.Pattern[str], text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern.finditer(text, start, end)``, ``pattern`` being
    ``DATE_RE`` (passed in: ``dates`` imports this module), tried only where one can
    start."""
    anchors = _ANCHOR.finditer(text, start, end)
    first = next(anchors, None)
    if first is None:
        return
    tried = start  # word starts below this were tried already (or lie in a match)
    match = pattern.match
    back = _WORD_START_BACK.finditer
    prefixes = _PREFIXES
    for anchor in (first, *anchors):
        at = anchor.start()
        if at < tried:
            continue
        # the word starts at or before the anchor, nearest first, down to ``tried``
        starts = []
        for k, m in enumerate(back(text, tried, at + 1)):
            starts.append(m.start())
            if k == REACH:
                break
        for pos in reversed(starts):
            if pos < tried:
                continue
            if "b" <= text[pos] <= "z" and text[pos : pos + 2] not in prefixes:
                continue  # a lower-case word no date begins with ("a" is always tried)
            m = match(text, pos, end)
            if m is not None:
                yield m
                tried = m.end()
                if tried > at:
                    break
        else:
            tried = at + 1
