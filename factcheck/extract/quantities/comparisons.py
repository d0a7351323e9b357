"""Comparison pairs: "48,200, down from 51,000 a year earlier" (issue 15).

A figure followed, within a few words and at most one comma, by "down from", "up from",
"compared with", "versus", "against" or a bare "from" and a second figure is a level
and the earlier level it is set against: the first is the new value (``role`` "after"),
the second the old one (``role`` "before"), each naming the other (``pair_start``), the
direction their values give (or the particle's: "up from", "down from").

"Up from" and "down from" always make the pair. The other cues also compare figures
that are not two times of one thing ("men earned $50,000, compared with $42,000 for
women", "5,000 people, from 20 countries"), so they make it only when the second figure
is followed by words of an earlier time: "a year earlier", "last season", "in March",
"the year before", "a year ago", "in 2023".

The cost is a constant per pair of neighbouring figures: the words between them and a
few after the second are read, never more.
"""

from __future__ import annotations

import re
from typing import Literal

from factcheck.models import Claim

# The direction of a change or a pair (``changes`` takes it from here).
Direction = Literal["up", "down"]

_NUMBER_WORDS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d{1,2}"
_PERIODS = r"years?|months?|weeks?|quarters?|seasons?|decades?|days?|sessions?|terms?|elections?|games?|races?"
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?"
)
_SEASONS = r"spring|summer|autumn|fall|winter"
# Words of an earlier time after the old value.
_EARLIER_TIME = (
    rf"(?:{_NUMBER_WORDS})\s+(?:{_PERIODS})\s+(?:earlier|ago|before|prior|previously)"
    rf"|the\s+(?:{_PERIODS})\s+before"
    rf"|(?:the|a)\s+(?:previous|prior|preceding|year-earlier|year-ago)\s+(?:{_PERIODS}|period)"
    rf"|(?:in|for|during|over)\s+the\s+(?:same|year-earlier|year-ago|previous|prior|corresponding)\s+\w+(?:\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior)\s+(?:year|season))?"
    rf"|last\s+(?:{_PERIODS}|{_MONTHS}|{_SEASONS}|time)"
    rf"|(?:in|on|at|during|by)\s+(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?(?:{_MONTHS}|{_SEASONS}|(?:19|20)\d\d|fiscal\s+(?:19|20)?\d\d)"
    r"|(?:on\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday"
    r"|(?:19|20)\d\d|previously|earlier|before|at\s+the\s+(?:start|end|beginning)\s+of\s+(?:the\s+)?(?:year|season|month|quarter|decade)"
)
# The words after the old value: at most two of its nouns ("12 goals the year before",
# "2,100 fans last season"), then the time; after a bare "from" the time itself ("5,000
# people, from 20 countries last year" is where they came from).
_AFTER_OLD = re.compile(rf"(?:\s+[a-z][a-z'’-]*){{0,2}}?\s*,?\s+(?:{_EARLIER_TIME})(?![a-z])", re.IGNORECASE)
_TIME_NEXT = re.compile(rf"\s*,?\s+(?:{_EARLIER_TIME})(?![a-z])", re.IGNORECASE)

# The words between the new value and the old: up to six words of the new value's own
# ("1,850 a game", "2.8% in April", "48,200 students", "for the year to March"), at most
# one comma, then the cue.
# A conjunction opens another clause ("$3 million, and profit rose from ..."): none there.
_CUE = r"(?P<particle>up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?|against|(?P<bare>from)"
# "¥4.3 trillion for the year to March, up from": the new value's own words, its period.
_NEW_VALUE_WORDS = 6
_MAX_GAP = 80  # characters: six words, a comma and the cue
_GAP = re.compile(
    rf"(?:\s+(?!(?:and|but|or|while|whereas|as|which|who|that)\b)[a-z][\w'’.-]*){{0,{_NEW_VALUE_WORDS}}}?\s*,?\s+(?:{_CUE})\s+",
    re.IGNORECASE,
)


_NO_PAIR: tuple[bool, None] = (False, None)


def comparison(text: str, new: Claim, old: Claim) -> tuple[bool, Direction | None]:
    """Whether ``new`` and ``old`` (neighbouring claims, in text order) are a level and
    the earlier level it is compared with, and the direction (None when neither the
    values nor a particle give it)."""
    if old.start - new.end > _MAX_GAP:
        return _NO_PAIR
    gap = text[new.end : old.start]
    m = _GAP.fullmatch(gap)
    if m is None or any(ch.isdigit() for ch in gap):
        return _NO_PAIR
    particle = m.group("particle")
    if particle is None:
        time = _TIME_NEXT if m.group("bare") else _AFTER_OLD
        if not time.match(text, old.end, min(len(text), old.end + 80)):
            return _NO_PAIR
    if new.value is not None and old.value is not None and new.value != old.value and (
        new.unit == old.unit or new.unit is None or old.unit is None
    ):
        return True, "up" if new.value > old.value else "down"
    if particle is not None:
        return True, "up" if particle.lower() == "up" else "down"
    return True, None
