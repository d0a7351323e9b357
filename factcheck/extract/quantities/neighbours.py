"""Neighbours: pieces whose gap says they belong together become one.

A linear walk over the pieces (``combine``) joins:

* ranges: ``30-40``, ``30–40``, ``30 to 40``, ``8- to 16-meter``, ``between 30 and
  40``, ``from 30 to 40`` (unit and currency shared, a scale word on the second number
  applies to a bare first one: ``$5-10 million``, ``between 2 and 3 million``). "from A
  to B" after a verb of change ("rose from 30 to 40") is two figures, not a range: the
  old and the new value. Different units are never a range.
* vote and score tallies: three or more numbers joined by hyphens (``158-9-13``), or two
  where the first is not smaller (``14-0``, ``5-4``) or a vote/score word is near
  ("lost 2-3"). A tally is not a range and not a subtraction: qualifier exact, value =
  the first part, ``parts`` = all parts, kind ``tally``.
* shares written as "N in M" / "N out of M" (``one in five`` -> 20 percent), fractions
  written "N over M" at the end of a clause (``one over three``).
* year ranges ("2013-14", "from 2019 to 2023") are dropped with the years.
"""

from __future__ import annotations

from factcheck.extract.quantities import exclusions as ex
from factcheck.extract.quantities import hedges as hg
from factcheck.extract.quantities import units
from factcheck.extract.quantities.nearby import prev_word, words_before
from factcheck.extract.quantities.numerals import Number
from factcheck.extract.quantities.piece import Piece, drop_hedge

_DASHES = "-–—−"
_MAX_TALLY_PARTS = 6


def _gap(text: str, a: Piece, b: Piece) -> str:
    return text[a.end : b.start]


def _is_dash_gap(g: str) -> bool:
    s = g.strip()
    return len(s) == 1 and s in _DASHES and (g == s or g.strip(" ") == s)


def _range_gap(g: str, a: Piece) -> bool:
    low = " ".join(g.lower().split())
    if _is_dash_gap(g):
        return True
    if low in ("to", "- to", "-to", "– to", "through", "thru", "and") or g in (" to ", "- to "):
        if low == "and":
            return a.hedge is not None and a.hedge.lower() == "between"
        return True
    return False


# Words that make a bare year-like number before "to" a year ("in 2019 to 55,000").
_YEAR_PREPS = frozenset({"in", "since", "during", "until", "of", "by"})


def _same_unit(a: Piece, b: Piece) -> bool:
    ua = a.unit.name if a.unit else (a.currency or None)
    ub = b.unit.name if b.unit else (b.currency or None)
    if a.currency and b.currency:
        return a.currency == b.currency
    return ua is None or ub is None or ua == ub


def _change_verb_before(text: str, pos: int) -> bool:
    words = words_before(text, pos, 50).replace(",", " ").split()
    return any(w in ex.CHANGE_VERBS for w in words[-4:])


def _after_from(text: str, a: Piece) -> bool:
    """Whether "from" opens ``a``: its hedge, or the word before it ("from about $350")."""
    if a.hedge is not None and a.hedge.lower() == "from":
        return True
    return words_before(text, a.start, 12).split()[-1:] == ["from"]


# "by X to Y": a range spans less than this ratio of its ends ("cut by 30 to 40 percent",
# "by $1bn to $2bn"); past it Y is the level the change X reached ("fell by 58,000 to
# 7.5 million"). Two figures that each carry their unit ("by 4,000 yuan to 69,800 yuan",
# "by €1 to €11.99") are a change and a level past a smaller ratio.
_RANGE_RATIO = 5.0
_RANGE_RATIO_BOTH_UNITS = 2.0


# A bare first end takes the second's scale ("$5-10 million", "2 to 3 million") only when
# it is a small number: "58,000 to 7.5 million" is 58,000, not 58 billion.
_SCALED_FIRST_BELOW = 1000.0


def _scale_of_first(an: Number | None, bn: Number | None, av: float) -> float:
    """The scale a bare first end takes from the second (1.0 when none)."""
    if an is None or bn is None or not bn.scaled or an.scaled or bn.scale <= 1 or an.fraction:
        return 1.0
    return bn.scale if abs(av) < min(bn.scale, _SCALED_FIRST_BELOW) else 1.0


def _descending_tally(text: str, a: Piece, b: Piece) -> bool:
    """Whether "A to B" is a vote or a score: whole numbers, the first larger, no unit or
    hedge, a vote or score word near (a range is written low to high)."""
    an, bn = a.number, b.number
    if an is None or bn is None or an.integer_digits is None or bn.integer_digits is None:
        return False
    if _has_unit(a) or _has_unit(b) or a.hedge is not None or b.hedge is not None:
        return False
    return (a.value or 0.0) > (b.value or 0.0) and _tally_context(text, a.start)


def _has_unit(p: Piece) -> bool:
    return p.unit is not None or p.currency is not None


def _change_then_level(text: str, a: Piece, b: Piece) -> bool:
    """Whether "by A to B" is an amount of change and the level it reached, not a range."""
    if prev_word(text, a.start).lower() != "by" or a.hedge is not None:
        return False
    av, bv = a.value or 0.0, b.value or 0.0
    an, bn = a.number, b.number
    av *= _scale_of_first(an, bn, av)  # "by 2 to 3 million" is a range of millions
    if av <= 0:
        return False
    ratio = _RANGE_RATIO_BOTH_UNITS if _has_unit(a) and _has_unit(b) else _RANGE_RATIO
    return bv > ratio * av


def _tally_context(text: str, pos: int) -> bool:
    words = words_before(text, pos, 60).replace(",", " ").split()
    return any(w.strip(".;:") in ex.TALLY_CONTEXT for w in words[-6:])


def combine(pieces: list[Piece], text: str) -> list[Piece]:
    """``pieces`` with every dash chain, range, share and fraction of neighbours made one."""
    out: list[Piece] = []
    i = 0
    n = len(pieces)
    while i < n:
        a = pieces[i]
        if a.dropped or a.vague is not None or a.value is None:
            out.append(a)
            i += 1
            continue
        # dash chains: tallies, ranges (digits only; a tally has a handful of parts, a
        # longer chain is neither and is left as it is)
        chain = [a]
        j = i + 1
        while j < n and a.number is not None and a.number.leading_digits and len(chain) <= _MAX_TALLY_PARTS:
            prev = chain[-1]
            b = pieces[j]
            if b.dropped or b.vague is not None or b.value is None:
                break
            if not _is_dash_gap(_gap(text, prev, b)) or b.hedge is not None:
                break
            if prev.unit is not None and prev is not a:
                break
            chain.append(b)
            j += 1
        if len(chain) > _MAX_TALLY_PARTS:
            out.extend(chain)
            i = j
            continue
        if len(chain) >= 2 and all(c.number and c.number.leading_digits for c in chain):
            merged = _dash_chain(chain, text)
            if merged is not None:
                out.append(merged)
                i = j
                continue
        if i + 1 < n:
            b = pieces[i + 1]
            if not b.dropped and b.vague is None and b.value is not None:
                merged = _pair(a, b, text)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _dash_chain(chain: list[Piece], text: str) -> Piece | None:
    """Numbers joined by dashes: a span of years, a tally or a range; None if neither."""
    values = [c.value or 0.0 for c in chain]
    years = [c.number is not None and c.number.integer_digits is not None
             and ex.is_year(c.number.integer_digits) for c in chain]
    last = chain[-1]
    if len(chain) == 2 and years[0] and (years[1] or (
            last.number is not None and last.number.integer_digits is not None
            and len(last.number.integer_digits) == 2 and last.unit is None)):
        # "2013-14", "1990-1995": a span of years
        for c in chain:
            c.dropped = True
        return _span(chain, dropped=True)
    has_unit = any(c.unit is not None or c.currency is not None for c in chain)
    if len(chain) >= 3 and not has_unit:
        if not all(c.number is not None and c.number.integer_digits is not None for c in chain):
            return None
        return _tally(chain)
    if len(chain) != 2:
        return None
    a, b = chain
    if not has_unit and a.number is not None and b.number is not None \
            and a.number.integer_digits is not None and b.number.integer_digits is not None \
            and a.hedge is None:
        if values[0] >= values[1] or _tally_context(text, a.start):
            return _tally(chain)
    if not _same_unit(a, b):
        return None
    return _make_range(a, b)


def _span(chain: list[Piece], *, dropped: bool = False) -> Piece:
    first, last = chain[0], chain[-1]
    p = Piece(start=first.start, end=last.end, num_start=first.num_start, num_end=last.num_end,
              value=first.value, precision=1.0, number=first.number, match_id=first.match_id)
    p.dropped = dropped
    return p


def _tally(chain: list[Piece]) -> Piece:
    p = _span(chain)
    p.kind = "tally"
    p.parts = [c.value or 0.0 for c in chain]
    p.value = p.parts[0]
    p.lower = p.upper = p.value
    return p


def _make_range(a: Piece, b: Piece) -> Piece | None:
    """The range from ``a`` to ``b`` (a scale on ``b`` applies to a bare ``a``); None for a
    share."""
    unit = b.unit or a.unit
    currency = a.currency or b.currency
    av = a.value or 0.0
    bv = b.value or 0.0
    an, bn = a.number, b.number
    av = av * _scale_of_first(an, bn, av)
    if a.kind == "share" or b.kind == "share":
        return None
    p = Piece(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end,
              value=None, precision=min(a.precision, b.precision), number=b.number,
              match_id=a.match_id)
    p.unit = unit
    p.currency = currency
    p.is_range = True
    p.lower, p.upper = (av, bv) if av <= bv else (bv, av)
    p.value = (av + bv) / 2
    if a.hedge and a.hedge.lower() not in ("between", "from"):
        p.hedge = a.hedge
    elif a.hedge:
        p.hedge = None
    p.agepre = a.agepre or b.agepre
    p.kind = b.kind if b.kind in ("share", "percent") else a.kind
    p.from_words = a.from_words or b.from_words
    return p


def _pair(a: Piece, b: Piece, text: str) -> Piece | None:
    """Two neighbours as one: "one over three", "one in five", a range; None if they stay
    two."""
    g = _gap(text, a, b)
    low = " ".join(g.lower().split())
    # "one over three" at the end of a clause
    if (
        b.hedge is not None and b.hedge.lower() == "over" and g.strip() == ""
        and a.unit is None and b.unit is None and a.currency is None and a.hedge is None
        and b.value not in (None, 0.0)
    ):
        rest = text[b.end :].lstrip(" \t")
        if not rest or rest[0] in ".,;:!?)":
            p = _span([a, b])
            p.value = (a.value or 0.0) / (b.value or 1.0)
            p.precision = 1e-6
            p.kind = "fraction"
            return p
    # shares: "one in five", "three out of four", "1 in 10" (whole numbers, not years)
    if low in ("in", "out of", "in every", "out of every") and a.unit is None and b.unit is None \
            and a.currency is None and b.currency is None and b.hedge is None \
            and a.number is not None and b.number is not None:
        av, bv = a.value or 0.0, b.value or 0.0
        whole = av == int(av) and bv == int(bv)
        year = ex.is_year(b.number.integer_digits) and not b.number.spelled
        if whole and 0 < av < bv and not year:
            p = _span([a, b])
            p.hedge = a.hedge
            p.value = av / bv * 100
            p.precision = 100.0 / (2 * bv)
            p.unit = units.PERCENT
            p.kind = "share"
            return p
    # ranges
    if not _range_gap(g, a):
        return None
    if _is_dash_gap(g) and not (a.number and a.number.leading_digits and b.number
                                and b.number.leading_digits):
        return None  # "three-nought-four": spelled numbers joined by hyphens stay apart
    if b.hedge is not None or a.kind == "share":
        return None
    if a.hedge is not None and a.hedge.lower() not in ("between", "from"):
        # "about 30 to 40", "some 30-40": an approximate range; "more than 30 to 40" is not
        rule = hg.prefix(a.hedge)
        if rule is None or (rule[1] != "approx" and not _is_dash_gap(g)):
            return None
    if not _same_unit(a, b):
        return None
    # years first: "fell to 4% from 2021 to 2023" is a span of years after a change
    an, bn = a.number, b.number
    if an is not None and bn is not None and ex.is_year(an.integer_digits) \
            and a.unit is None and b.unit is None and a.currency is None:
        if ex.is_year(bn.integer_digits) or (bn.integer_digits is not None and len(bn.integer_digits) == 2):
            a.dropped = b.dropped = True
            return None
        if prev_word(text, a.start).lower() in _YEAR_PREPS:
            return None  # "from 41,000 in 2019 to 55,000": a date, then the new value
    if low.endswith("to") and _after_from(text, a) and _change_verb_before(text, a.start):
        # "rose from 30 to 40": the old and the new value ("rise 2 to 3 degrees" is a range)
        if a.hedge is not None and a.hedge.lower() == "from":
            drop_hedge(a)
        return None
    if low == "to" and _descending_tally(text, a, b):
        # "by a vote of 286 to 134", "won 3 to 1": a tally, not a range
        return _tally([a, b])
    if low == "to" and _change_then_level(text, a, b):
        return None
    return _make_range(a, b)
