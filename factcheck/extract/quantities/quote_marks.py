"""Inch and foot marks or quotation marks: the ``quote_mark`` rule of ``units``.

The marks " ” ' ’ after a figure are, in news copy, almost always a closing quotation
mark or an apostrophe; ``measure_mark`` says when one is an inch or foot mark instead
(the ``units`` module doc gives the rule).
"""

from __future__ import annotations

import regex

from factcheck.extract.quantities.nearby import next_word, prev_word
from factcheck.extract.quantities.patterns import FEET_INCHES_TAIL

# The marks " ” ' ’ after a figure (units module doc, rule ``quote_mark``).
_MEASURE_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your one each every".split()
)
_MEASURE_WORDS = frozenset("tall long wide high deep thick thin across square".split())
_IN_MEASURE = regex.compile(r"[ \t\u00a0]+in[ \t\u00a0]+(?:length|width|height|depth|diameter)\b", regex.I)
_FEET_INCHES_AFTER = regex.compile(FEET_INCHES_TAIL)
_FEET_BEFORE = regex.compile(r"[0-9][½¼¾]?['’′][ \u00a0]?$")
_BY_AFTER = regex.compile(r"[ \t\u00a0]*(?:x|×|by)[ \t\u00a0]*[0-9]", regex.I)
_BY_BEFORE = regex.compile(r"[0-9][½¼¾]?[\"”″'’′]?[ \t\u00a0]*(?:x|×|by)[ \t\u00a0]*$", regex.I)
_DECADE = regex.compile(r"[0-9]{2}s\b")
_QUOTE_SCAN = 2000


def measure_mark(text: str, num_start: int, at: int) -> bool:
    """Whether the mark ``text[at]`` after the figure starting at ``num_start`` is an
    inch or foot mark rather than a quotation mark or apostrophe (``units``, rule
    ``quote_mark``)."""
    if at <= 0 or not text[at - 1].isnumeric():
        return False  # "3 million”": only digits take a measurement mark
    mark = text[at]
    if _inside_quotation(text, num_start, mark):
        return False
    end = at + 1
    foot = mark in "'’"
    if foot and _FEET_INCHES_AFTER.match(text, end):
        return True  # the 2 of 2'6"
    if not foot and _FEET_BEFORE.search(text, max(0, num_start - 4), num_start):
        return True  # the 6 of 2'6"
    if _BY_AFTER.match(text, end) or _BY_BEFORE.search(text, max(0, num_start - 12), num_start):
        return True  # 12" x 8"
    following = next_word(text, end)
    if following.lower() in _MEASURE_WORDS or _IN_MEASURE.match(text, end):
        return True  # 6' tall, 12" in diameter
    # an attributive measure: a 55" TV, the 6’ wall
    return (
        prev_word(text, num_start).lower() in _MEASURE_DETERMINERS
        and text[end : end + 1] in (" ", "\u00a0")
        and following[:1].isalpha()
    )


def _inside_quotation(text: str, pos: int, mark: str) -> bool:
    """Whether ``pos`` lies inside a quotation that ``mark`` (a closing mark of the same
    kind) would close: scanning back through the paragraph, the nearest mark of that
    kind opens a quotation rather than closing one."""
    curly = mark in "”’"
    double = mark in '"”'
    if double:
        opener, closer = ("“", "”") if curly else ('"', '"')
    else:
        opener, closer = ("‘", "’") if curly else ("'", "'")
    stop = max(0, pos - _QUOTE_SCAN)
    newline = False
    i = pos - 1
    while i >= stop:
        ch = text[i]
        if ch == "\n":
            if newline:
                return False  # a blank line: the paragraph starts here
            newline = True
        elif not ch.isspace():
            newline = False
            if ch == opener or ch == closer:
                role = _quote_role(text, i, opener, closer)
                if role is not None:
                    return role == "open"
        i -= 1
    return False


def _quote_role(text: str, i: int, opener: str, closer: str) -> str | None:
    """"open", "close" or None (an apostrophe) for the quote mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    at_word_start = i == 0 or prev.isspace() or prev in "([{—–-/\"“‘'"
    if opener != closer:  # curly quotes
        if ch == opener:
            return None if _DECADE.match(text, i + 1) else "open"  # ‘90s
        if nxt.isalpha() or at_word_start:
            return None  # it’s, ’90s
        return "close"
    if at_word_start:
        if nxt.isspace() or (ch == "'" and _DECADE.match(text, i + 1)):
            return None
        return "open"
    if ch == "'" and nxt.isalpha():
        return None  # it's
    return "close"
