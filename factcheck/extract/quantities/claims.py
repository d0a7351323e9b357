"""A piece -> a ``Claim``: kind, unit name, qualifier, hedge and interval.

The interval comes from ``factcheck.hedging``: a range's bounds, "± u", the hedge's rule
("more than", "about") or the rounding of a bare figure.

A percentage OF a group or a whole ("40% of the population", "120% of the town's
residents", "60% of Gazans", "70% of homes") is a share (kind ``share``): it counts part
of that whole, so it cannot exceed 100%. A percentage of anything else ("150% of GDP",
"120% of capacity", "rose 150%") stays kind ``percent``: ratios and changes can.
"""

from __future__ import annotations

import math

import regex

from factcheck import hedging as iv
from factcheck.extract.quantities import hedges as hg
from factcheck.extract.quantities import units
from factcheck.extract.quantities.piece import Piece
from factcheck.extract.trusted import build
from factcheck.models import Claim

# One "fields set" shared by every claim made here (pydantic gives each validated model
# its own set of the names it was given, ~700 bytes; a page of figures has 25,000).
_ALL_FIELDS = set(Claim.model_fields)
# Every field's default, in declaration order (the required ones are always given
# here). None of them is mutable, so one dict serves as every claim's starting point.
_DEFAULTS = {name: f.default for name, f in Claim.model_fields.items()}
_FLOATS = ("value", "lower", "upper")


def _claim(**fields: object) -> Claim:
    """A ``Claim`` of the figures stage, without validation (``factcheck.extract.trusted``):
    every value is typed by the code above. What validation changed, an ``int`` bound or
    part made a ``float`` and the parts a list of their own, is done here, so the JSON
    stays the same."""
    values = dict(_DEFAULTS)
    values.update(fields)
    for key in _FLOATS:
        if type(values[key]) is int:
            values[key] = float(values[key])  # type: ignore[arg-type]
    parts = values["parts"]
    if parts is not None:  # a list of its own, as validation makes
        values["parts"] = [float(x) for x in parts]  # type: ignore[attr-defined]
    return build(Claim, _ALL_FIELDS, values)

# What a percentage can be a share of: groups of people and wholes made of parts.
_SHARE_OF_NOUNS = (
    "population|populations|people|persons|residents|inhabitants|citizens|civilians|households|"
    "families|children|adults|voters|electorate|workers|workforce|employees|staff|members|"
    "students|pupils|respondents|patients|women|men|girls|boys|refugees|displaced|survivors|"
    "victims|dead|deaths|casualties|those|them|homes|houses|housing|buildings|land|territory|"
    "hospitals|schools|seats|vote|votes|ballots"
)
_SHARE_OF = regex.compile(
    r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+"
    r"(?:(?i:all|the|its|their|his|her|our|your|this|that|these|those)[ \t\u00a0]+)?"
    r"(?:[\p{L}'’-]+[ \t\u00a0]+){0,3}?"
    # the whole: a group noun, or a capitalised plural demonym ("Gazans", "Israelis")
    rf"(?:(?i:{_SHARE_OF_NOUNS})|\p{{Lu}}\p{{Ll}}+(?:an|ian|ean|i|er)s)(?![\p{{L}}\p{{N}}])",
    regex.V0,
)


def _share_of_a_whole(text: str, end: int) -> bool:
    """Whether the percentage ending at ``end`` is "of" a group or whole ("of the town's
    population", "of Gazans"): then it is a share."""
    return _SHARE_OF.match(text, end, min(len(text), end + 80)) is not None


def _kind(p: Piece) -> str:
    """The claim kind of ``p`` (before a percentage of a whole becomes a share)."""
    if p.kind in ("share", "fraction", "tally", "percent") and p.unit in (None, units.PERCENT):
        return p.kind
    if p.currency is not None:
        return "money"
    if p.unit is not None:
        if p.unit.age or p.agepre:
            return "age"
        return p.unit.kind
    return p.kind if p.kind in ("fraction", "tally") else "count"


def to_claim(p: Piece, text: str) -> Claim | None:
    """The claim of ``p``, or None when it has no finite value."""
    kind = _kind(p)
    if kind == "percent" and _share_of_a_whole(text, p.end):
        kind = "share"
    unit_name: str | None = None
    if p.currency is not None:
        # the currency written before the number wins over a money word after it;
        # a rate keeps its denominator ("$3.10 a gallon" -> "USD / gallon")
        unit_name = p.currency
        if p.unit is not None and "/" in p.unit.name:
            unit_name = p.unit.name
    elif p.unit is not None:
        unit_name = p.unit.name or None
    surface = text[p.start : p.end]
    hedge_txt = None
    qualifier = "exact"
    rule = None
    if p.hedge:
        h = hg.prefix(p.hedge)
        if h is not None:
            qualifier, rule = h
            hedge_txt = " ".join(p.hedge.lower().split())
    if p.post:
        h = hg.suffix(p.post)
        if h is not None:
            qualifier, rule = h
            hedge_txt = hg.normalise(p.post) if hedge_txt is None else hedge_txt + " " + hg.normalise(p.post)

    scale = p.unit.scale if p.unit is not None else 1.0
    floor_zero = kind != "temperature"

    if p.vague is not None:
        lo, hi = p.vague
        itv = iv.Bounds(lo, hi, False, True)
        if rule == "over" or rule == "at_least":
            itv = iv.Bounds(lo, None)
        return _claim(start=p.start, end=p.end, surface=surface, value=None, lower=itv.lower,
                     upper=itv.upper, qualifier="vague", unit=unit_name, kind=kind,
                     hedge=hedge_txt, lower_open=itv.lower_open, upper_open=itv.upper_open)
    if p.value is None or not math.isfinite(p.value):
        return None
    value = p.value * scale
    precision = p.precision * scale
    if p.kind == "tally":
        return _claim(start=p.start, end=p.end, surface=surface, value=value, lower=value,
                     upper=value, qualifier="exact", unit=None, kind="tally", parts=p.parts)
    if p.is_range:
        lo = (p.lower or 0.0) * scale
        hi = (p.upper or 0.0) * scale
        itv = iv.range_(lo, hi)
        return _claim(start=p.start, end=p.end, surface=surface, value=iv._clean(value), lower=itv.lower,
                     upper=itv.upper, qualifier="range", unit=unit_name, kind=kind,
                     hedge=hedge_txt)
    if p.unc is not None:
        itv = iv.plus_minus(value, p.unc * scale)
    elif rule is not None:
        itv = iv.hedged(value, precision, rule, floor_zero=floor_zero)
    else:
        num = p.number
        counted = (
            kind in ("count", "age") and value == int(value)
            and (precision <= 1 or abs(value) < 100)
        ) or (num is not None and num.fraction is not None and kind == "fraction")
        itv = iv.bare(value, precision, counted=counted, fraction=num is not None and num.fraction is not None)
    return _claim(start=p.start, end=p.end, surface=surface,
                 value=value if scale == 1.0 else iv._clean(value),
                 lower=itv.lower, upper=itv.upper, qualifier=qualifier, unit=unit_name,
                 kind=kind, hedge=hedge_txt, lower_open=itv.lower_open,
                 upper_open=itv.upper_open)
