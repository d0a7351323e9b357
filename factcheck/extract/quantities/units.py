"""Unit words of news copy, currencies and coins, mapped to the names of factcheck's
one pint registry (``factcheck.units``: currencies as their own dimensions, coins,
``percentage_point``).

A claim's ``unit`` is pint's canonical name of the unit ("minute", "kilometer",
"metric_ton", "mile_per_hour", "kilometer ** 2"), the ISO 4217 code for money, the
coin's registry name for coins ("cent", "penny"), "percent" for percentages and shares,
"percentage_point" for percentage points.

The extractor never calls pint per figure. ``lookup(surface)`` maps a unit as written
("km", "kilometres", "sq mi", "metric tons", "°F") to a ``UnitInfo`` through a table
built once from pint (``_build_tables``) on first use.

The tables are data: ``units.json`` next to this module, read once, on first use.

``units``       one row per unit as written: ``unit`` (a pint expression; for money the
                ISO 4217 code or the coin), ``kind`` (the claim kind), ``dimension``,
                and optionally ``rule`` (below), ``age`` ("years old"), ``scale``
                ("decades": 10 years). ``words`` are matched case-insensitively with
                single spaces, ``symbols`` as written. A length row with ``powers``
                also gives its words' square and cubic forms ("square kilometres",
                "sq miles", "metres cubed"), and its ``power_symbols`` theirs ("km2",
                "km²", "sq km", "km3"). A surface belongs to the first row that has it;
                the square and cubic forms come after every row ("cubic foot" is
                ``cubic_foot``, not ``foot ** 3``). ``note`` is for the reader.
``currency_prefixes``           currency written before the number -> ISO code, as
                                written ("$", "US$", "NIS", "Rs."), or -> the
                                currency word of several countries it is ("kr 95",
                                "kr. 450" -> "kr", lower case: rule ``country``);
``currency_prefixes_caseless``  the same lower-cased ("us $ 150 million", "c $ 16.4").

Ambiguous unit words are marked with a ``rule`` that ``unit_cues`` applies with the text
around the figure:

``pound``       "pounds" is money (GBP) when the figure carries a scale word and is not
                followed by "of" ("361 million pounds"), or money words are near
                ("cost", "paid", "fined", "sterling", ...); otherwise mass ("1.4 million
                pounds of aid", "25 pounds", "a twenty-pound bag").
``degree``      bare "degrees"/"°" is a temperature (scale not stated: unit null, kind
                temperature) when temperature words are near ("temperature",
                "thermostat", "hot", "cold", ...), otherwise an angle.
``temp_letter`` a bare "C"/"F" after a number is a temperature only when temperature
                words are near or the figure is signed ("-10C"); "13F filing" is not.
``inch_in``     "in" is inches only at the end of a clause or before a dimension word
                ("2 in thick", "2 in."); "two in my car" is not.
``clock``       "am"/"pm" after a whole number up to 12 is a clock time, not a length.
``glued``       only straight after the digits ("20p", "9″", "5′").
``country``     a currency word of several countries ("dinars", "kroner", "kr") is the
                currency of the country named nearest the figure ("in Amman": JOD);
                with none, money of no stated currency (unit null, kind money)
                (``currency_cues``).
``won``         "won" after a number is South Korea's won only with a scale word ("1.2
                trillion won") or a word of money or Korea near, and not before the
                verb's object ("7 won their seats"); otherwise no unit.
``quote_mark``  the marks ``"`` ``”`` ``'`` ``’`` after a figure are, in news copy, almost
                always a closing quotation mark or an apostrophe ("“more than 3,000”
                fled", "the ‘Top 10’ list"); they are inches and feet only when the
                figure is a measurement by its form: straight after a digit, not closing
                a quotation its own kind of mark opened earlier in the paragraph (“ for
                ”, ‘ for ’, a word-initial ``"``/``'`` for ``"``/``'``), and in a dimension
                context: feet and inches ("2'6\\"", "5’10”"), dimensions ('12" x 8"',
                "20' by 30'"), a dimension word after it ("6' tall", '12" wide'), or an
                attributive measure after a determiner ('a 55" TV', "the 6’ wall")
                (``quote_marks``). The primes ``″`` and ``′`` are never quotation
                marks: always ``glued``.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from factcheck.units import registry

# --------------------------------------------------------------------------------------
# unit info


@dataclass(frozen=True, slots=True)
class UnitInfo:
    name: str                 # canonical name: pint name, ISO code, "percent", ...
    kind: str                 # claim kind: "quantity", "money", "percent", "temperature", ...
    dimension: str            # "length", "area", "volume", "mass", "time", "speed", ...
    rule: str | None = None   # contextual rule applied by ``unit_cues`` (see module doc)
    age: bool = False         # "years old", "-year-old", "years of age", "yo"
    scale: float = 1.0        # multiplies the value ("decades" -> 10 years)


@dataclass(frozen=True, slots=True)
class _Entry:
    expr: str          # pint expression, or ISO code / "percent" / ...
    kind: str
    dimension: str
    rule: str | None = None
    age: bool = False
    scale: float = 1.0


@dataclass(frozen=True, slots=True)
class _Row:
    """One row of ``units.json``'s ``units``."""

    entry: _Entry
    words: tuple[str, ...]
    symbols: tuple[str, ...]
    powers: bool                     # a length: its words also make areas and volumes
    power_symbols: tuple[str, ...]   # its symbols that do ("km" -> "km2", "sq km")


@dataclass(frozen=True, slots=True)
class _Data:
    """``units.json`` as read."""

    rows: tuple[_Row, ...]
    currency_prefixes: dict[str, str]
    currency_prefixes_caseless: dict[str, str]


# The fields a row of ``units`` may have (module doc); a misspelt one is an error, not a
# unit that silently lost its symbols.
_ROW_FIELDS = frozenset(
    {"unit", "kind", "dimension", "rule", "age", "scale", "words", "symbols", "powers", "power_symbols", "note"}
)


def _row(raw: dict[str, Any]) -> _Row:
    unknown = set(raw) - _ROW_FIELDS
    if unknown:
        raise ValueError(f"units.json: unknown field(s) {sorted(unknown)} in the row of {raw.get('unit')!r}")
    entry = _Entry(
        raw["unit"], raw["kind"], raw["dimension"], raw.get("rule"), raw.get("age", False),
        float(raw.get("scale", 1.0)),
    )
    return _Row(
        entry, tuple(raw.get("words", ())), tuple(raw.get("symbols", ())),
        raw.get("powers", False), tuple(raw.get("power_symbols", ())),
    )


@lru_cache(maxsize=1)
def _data() -> _Data:
    """``units.json``, read once (on first use, so importing costs nothing)."""
    text = resources.files(__package__ or __name__).joinpath("units.json").read_text(encoding="utf-8")
    raw = json.loads(text)
    return _Data(
        tuple(_row(r) for r in raw["units"]),
        dict(raw["currency_prefixes"]),
        dict(raw["currency_prefixes_caseless"]),
    )


# --------------------------------------------------------------------------------------
# surfaces


def _norm_word(w: str) -> str:
    w = " ".join(w.lower().split())
    return w.replace(" - ", "-").replace("- ", "-").replace(" -", "-")


def _word_entries() -> dict[str, _Entry]:
    """Case-insensitive unit words (keys are lower-case with single spaces)."""
    out: dict[str, _Entry] = {}

    def add(words: list[str] | tuple[str, ...], entry: _Entry) -> None:
        for w in words:
            out.setdefault(_norm_word(w), entry)

    rows = _data().rows
    for row in rows:
        add(row.words, row.entry)
    # squares and cubes of lengths, after every row: a row of its own wins ("cubic foot")
    for row in rows:
        if not row.powers:
            continue
        expr = row.entry.expr
        for w in row.words:
            add([f"square {w}", f"sq {w}", f"sq. {w}", f"{w} squared"],
                _Entry(f"{expr} ** 2", "quantity", "area"))
            add([f"cubic {w}", f"cu {w}", f"{w} cubed"],
                _Entry(f"{expr} ** 3", "quantity", "volume"))
    return out


def _symbol_entries() -> dict[str, _Entry]:
    """Case-sensitive unit symbols."""
    out: dict[str, _Entry] = {}

    def add(symbols: list[str] | tuple[str, ...], entry: _Entry) -> None:
        for s in symbols:
            out.setdefault(s, entry)

    rows = _data().rows
    for row in rows:
        add(row.symbols, row.entry)
    # squares and cubes of length symbols, after every row: a row of its own wins ("cu ft")
    for row in rows:
        expr = row.entry.expr
        for s in row.power_symbols:
            add([f"{s}2", f"{s}²", f"{s}^2", f"sq {s}", f"sq. {s}", f"sq{s}"],
                _Entry(f"{expr} ** 2", "quantity", "area"))
            add([f"{s}3", f"{s}³", f"{s}^3", f"cu {s}", f"cu. {s}"],
                _Entry(f"{expr} ** 3", "quantity", "volume"))
    return out


def unit_surfaces() -> tuple[list[str], list[str]]:
    """(case-insensitive words, case-sensitive symbols) for the pattern builder."""
    return list(_word_entries()), list(_symbol_entries())


def money_word_surfaces() -> list[str]:
    """Money words after a number ("dollars", "shekels", "pounds") for vague amounts."""
    words = [w for row in _data().rows if row.entry.kind == "money" for w in row.words]
    return [*words, "pounds", "pound"]


def currency_prefix_surfaces() -> tuple[list[str], list[str]]:
    """(case-sensitive prefixes, case-insensitive prefixes) for the pattern builder."""
    data = _data()
    return list(data.currency_prefixes), list(data.currency_prefixes_caseless)


def currency_code(cur: str) -> str | None:
    """The ISO code of a currency written before the number ("US$", "c $", "Rs.")."""
    data = _data()
    cased, caseless = data.currency_prefixes, data.currency_prefixes_caseless
    if cur in cased:
        return cased[cur]
    key = " ".join(cur.lower().split())
    if key in caseless:
        return caseless[key]
    compact = key.replace(" ", "")
    for k, v in caseless.items():
        if k.replace(" ", "") == compact:
            return v
    for k, v in cased.items():
        if k.replace(" ", "") == cur.replace(" ", ""):
            return v
    return None


# --------------------------------------------------------------------------------------
# lookup tables (built once from pint)

_tables: tuple[dict[str, UnitInfo], dict[str, UnitInfo]] | None = None
_tables_lock = threading.Lock()


def _info(entry: _Entry, canonical: dict[str, str]) -> UnitInfo:
    if entry.kind == "money":
        name = entry.expr
    elif entry.expr in canonical:
        name = canonical[entry.expr]
    else:
        name = entry.expr
    return UnitInfo(name, entry.kind, entry.dimension, entry.rule, entry.age, entry.scale)


def _build_tables() -> tuple[dict[str, UnitInfo], dict[str, UnitInfo]]:
    global _tables
    if _tables is None:
        with _tables_lock:
            if _tables is None:
                words = _word_entries()
                symbols = _symbol_entries()
                ureg = registry()
                canonical: dict[str, str] = {}
                for entry in [*words.values(), *symbols.values()]:
                    if entry.kind == "money" or entry.expr in canonical:
                        continue
                    canonical[entry.expr] = str(ureg.Unit(entry.expr))
                _tables = (
                    {k: _info(e, canonical) for k, e in words.items()},
                    {k: _info(e, canonical) for k, e in symbols.items()},
                )
    return _tables


@lru_cache(maxsize=4096)
def lookup(surface: str) -> UnitInfo | None:
    """The unit written as ``surface`` (exactly as matched by the pattern), or None."""
    words, symbols = _build_tables()
    s = surface.strip()
    for strip in ("(", ")", "[", "]", "{", "}", "<", ">"):
        s = s.replace(strip, "")
    s = s.strip()
    if s in symbols:
        return symbols[s]
    key = _norm_word(s)
    if key in words:
        return words[key]
    # "° C" typed with odd spacing, "sq.mi"
    compact = "".join(s.split())
    if compact in symbols:
        return symbols[compact]
    return None


def money_unit(code: str) -> UnitInfo:
    return UnitInfo(code, "money", "money")


PERCENT = UnitInfo("percent", "percent", "percent")
AGE_YEARS = UnitInfo("year", "age", "time", None, True)


def meter() -> UnitInfo:
    return _build_tables()[1]["m"]


def angle_degree() -> UnitInfo:
    return UnitInfo("degree", "quantity", "angle")


@lru_cache(maxsize=512)
def rate_name(numerator: str, denominator: str) -> str:
    """Canonical name of a rate ("oil_barrel", "day" -> "oil_barrel / day")."""
    return str(registry().Unit(f"{numerator} / {denominator}"))


def rate(info: UnitInfo, denominator: str) -> UnitInfo:
    if not info.name:
        return info
    return UnitInfo(rate_name(info.name, denominator), info.kind, "rate", None, False, info.scale)


@lru_cache(maxsize=512)
def dimension_of(name: str) -> str:
    """"time", "length", ... of a canonical unit name (from the lookup tables)."""
    words, symbols = _build_tables()
    for info in (*symbols.values(), *words.values()):
        if info.name == name:
            return info.dimension
    return "other"
