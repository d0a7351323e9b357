"""Vague amounts: "dozens of", "hundreds of thousands of", "millions of dollars".

A vague amount has value null and qualifier ``vague``; its interval says which counts it
can stand for. The rule is that "Xs of" means at least two X and fewer than the next
vague word up, which the writer would have used instead:

=================================  ========================
as written                         interval
=================================  ========================
dozens (of)                        [24, 100)
scores of                          [40, 100)
hundreds (of)                      [200, 1,000)
several hundred / a few hundred    [300, 1,000) / [200, 1,000)
thousands (of)                     [2,000, 10,000)
several / a few thousand           [3,000, 10,000) / [2,000, 10,000)
tens of thousands (of)             [20,000, 100,000)
hundreds of thousands (of)         [200,000, 1,000,000)
millions (of)                      [2,000,000, 10,000,000)
tens / hundreds of millions        [2e7, 1e8) / [2e8, 1e9)
billions (of), tens / hundreds of  [2e9, 1e10), [2e10, 1e11), [2e11, 1e12)
several dozen / a few dozen        [36, 100) / [24, 100)
a couple (of) hundred / thousand   [200, 400) / [2,000, 4,000)
=================================  ========================

"Several hundred years" and the like are vague durations (unit year). A currency after
"of" makes the amount money ("millions of dollars" -> USD).
"""

from __future__ import annotations

_BASE = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}
_SINGULAR = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6,
             "billion": 1e9, "trillion": 1e12}


def interval(expr: str) -> tuple[float, float] | None:
    """Interval of a vague expression (lower-case, single spaces, no trailing "of")."""
    words = expr.split()
    if not words:
        return None
    # "tens of thousands", "hundreds of millions", "dozens of", "thousands"
    if words[:2] == ["a", "couple"]:
        # "a couple (of) hundred": about two of them, fewer than "a few" allows
        rest = [w for w in words[2:] if w != "of"]
        if len(rest) != 1 or rest[0] not in _SINGULAR:
            return None
        return (2 * _SINGULAR[rest[0]], 4 * _SINGULAR[rest[0]])
    if words[0] in ("several", "a few", "a") or (len(words) >= 2 and words[:2] == ["a", "few"]):
        if words[0] == "several":
            k, rest = 3.0, words[1:]
        else:
            k, rest = 2.0, words[2:] if words[0] == "a" else words[1:]
        if len(rest) != 1 or rest[0] not in _SINGULAR:
            return None
        unit = _SINGULAR[rest[0]]
        upper = 100.0 if unit == 12.0 else unit * 10
        return (k * unit, upper)
    parts = [w for w in words if w != "of"]
    mult = 1.0
    first = True
    lower_mult = 2.0
    for w in parts:
        if w == "tens":
            mult *= 10
        elif w in _BASE:
            mult *= _BASE[w]
        else:
            return None
        if first and w == "scores":
            lower_mult = 2.0
        first = False
    lower = lower_mult * mult
    top = parts[0]
    if top in ("dozens", "scores"):
        upper = 100.0 * (mult / _BASE[top])
    else:
        upper = 10 * mult
    return (lower, upper)
