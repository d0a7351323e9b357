"""From pattern matches to claims: the one pass, then neighbours.

``find(text)`` runs ``patterns.pattern().finditer(text)`` once. Each match becomes zero
or more *pieces* (a run of number tokens may hold several numbers). A second, linear
walk over the pieces joins neighbours whose gap says they belong together:

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

A percentage OF a group or a whole ("40% of the population", "120% of the town's
residents", "60% of Gazans", "70% of homes") is a share (kind ``share``): it counts part
of that whole, so it cannot exceed 100%. A percentage of anything else ("150% of GDP",
"120% of capacity", "rose 150%") stays kind ``percent``: ratios and changes can.

Then each piece is checked against what is not a figure (``exclusions``) and turned into
a ``Claim`` with its interval (``intervals``).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from factcheck.extract.quantities import exclusions as ex
from factcheck.extract.quantities import hedges as hg
from factcheck import hedging as iv
from factcheck.extract.quantities import numerals as nm
from factcheck.extract.quantities import scales, units, vague
from factcheck.extract.quantities.patterns import FEET_INCHES_TAIL, PREFIX_REACH, pattern, prescan
from factcheck.models import Claim


@dataclass(slots=True)
class Piece:
    start: int                      # claim span start (hedge included)
    end: int                        # claim span end (unit, suffix hedge included)
    num_start: int
    num_end: int
    value: float | None
    precision: float
    number: nm.Number | None = None
    hedge: str | None = None        # prefix hedge as written
    hedge_end: int = -1             # where the figure starts once the hedge is removed
    post: str | None = None         # suffix hedge as written
    unit: units.UnitInfo | None = None
    currency: str | None = None
    kind: str = "count"
    agepre: bool = False
    unc: float | None = None
    vague: tuple[float, float] | None = None
    parts: list[float] | None = None
    lower: float | None = None      # set for ranges
    upper: float | None = None
    is_range: bool = False
    is_year: bool = False
    dropped: bool = False
    match_id: int = 0
    first_in_match: bool = True
    last_in_match: bool = True
    from_words: bool = False


_DETERMINERS = frozenset(
    "the its their his her our your all these those this that my a an".split()
)
_NOT_NUMERATOR_PREV = frozenset(
    "the first second third fourth final last other latter former each every next "
    "opening closing".split()
)
# Words after "300K" that show no counted noun follows (so K cannot be thousands of them).
_NOT_COUNTED_NEXT = frozenset(
    "and or but in at on to from for by with than is are was were be been will would can "
    "could may might as above below while when where which that".split()
)
_TEMPERATURE_WORDS = (
    "temperature", "temperatures", "thermostat", "degrees", "heat", "heatwave", "hot",
    "cold", "warm", "cool", "weather", "celsius", "fahrenheit", "outside", "freezing",
    "thermometer", "fever", "oven", "boil", "boiling", "frost", "chill", "climate",
    "warming", "cooler", "warmer", "colder", "hotter", "high of", "low of", "highs",
    "lows", "°",
)
_MONEY_CUES = (
    "cost", "costs", "paid", "pay", "pays", "spent", "spend", "fined", "fine", "worth",
    "price", "priced", "bid", "salary", "salaries", "raised", "earned", "earn", "budget",
    "fee", "fees", "fund", "funds", "funding", "sterling", "£", "sold for", "bought",
    "deal", "revenue", "profit", "profits", "loss", "losses", "debt", "loan", "grant",
    "compensation", "wage", "wages", "income", "tax", "bill", "invest", "investment",
    "donated", "donation", "award", "damages", "value", "valued", "sales", "charge",
)
_WEIGHT_CUES = ("weigh", "weighs", "weighed", "weighing", "weight", "lost", "gained", "heavy",
                "lighter", "heavier", "lb", "ounces", "kilos")
_DIMENSION_WORDS = frozenset(
    "thick thin long wide tall high deep across diameter in length width height".split()
)


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


def _words_before(text: str, pos: int, n_chars: int = 60) -> str:
    return text[max(0, pos - n_chars) : pos].lower()


def _next_word(text: str, pos: int) -> str:
    i = pos
    n = len(text)
    while i < n and text[i] in " \t\u00a0":
        i += 1
    j = i
    while j < n and (text[j].isalpha() or text[j] in "'’"):
        j += 1
    return text[i:j]


def _prev_word(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] in "-"):
        i -= 1
    return text[i:j]


def _has_cue(window: str, cues: tuple[str, ...]) -> bool:
    for c in cues:
        idx = window.find(c)
        while idx != -1:
            before = window[idx - 1] if idx > 0 else " "
            after_i = idx + len(c)
            after = window[after_i] if after_i < len(window) else " "
            if not before.isalpha() and not after.isalpha():
                return True
            idx = window.find(c, idx + 1)
    return False


# --------------------------------------------------------------------------------------
# one match -> pieces


def _joiner(conn: str) -> str:
    c = conn.lower()
    if "and" in c or "&" in c:
        return "and"
    if "of" in c:
        return "of"
    if "-" in c:
        return "-"
    if "," in c:
        return ","
    return " "


def _tokens(m, text: str) -> list[nm.Token]:
    toks = m.captures("tok")
    starts = m.starts("tok")
    conns = m.captures("conn")
    abbrs = list(zip(m.captures("abbr"), m.starts("abbr")))
    out: list[nm.Token] = []
    for idx, (tok, start) in enumerate(zip(toks, starts)):
        joiner = " " if idx == 0 else _joiner(conns[idx - 1]) if idx - 1 < len(conns) else " "
        first = tok[:1]
        if first.isdigit() or first in "-−+." or first in nm.VULGAR_FRACTIONS:
            end = start + len(tok)
            abbr = None
            body = tok
            for a, a_start in abbrs:
                if start <= a_start < end:
                    abbr = a
                    body = text[start:a_start]
                    break
            number = nm.parse_digits(body.rstrip(), start, abbreviation=abbr)
            if number is None:
                out.append(nm.Token(-1, tok, start, end, 0.0, None, joiner))
                continue
            number.end = end
            out.append(nm.Token(0, tok, start, end, number.value, number, joiner))
        else:
            t = nm.make_token(tok, start, joiner)
            if t is None:
                out.append(nm.Token(-1, tok, start, start + len(tok), 0.0, None, joiner))
            else:
                out.append(t)
    return out


def _split_valid(tokens: list[nm.Token]) -> list[tuple[nm.Number, int, int]]:
    """Numbers of a run; invalid tokens (kind -1) split the run."""
    out: list[tuple[nm.Number, int, int]] = []
    chunk: list[nm.Token] = []
    offset = 0
    for i, t in enumerate(tokens + [nm.Token(-1, "", 0, 0)]):
        if t.kind == -1:
            for num, a, b in nm.parse_word_run(chunk):
                out.append((num, a + offset, b + offset))
            chunk = []
            offset = i + 1
        else:
            chunk.append(t)
    return out


def _quantity_pieces(m, text: str, match_id: int) -> list[Piece]:
    tokens = _tokens(m, text)
    numbers = _split_valid(tokens)
    if not numbers:
        return []
    pieces: list[Piece] = []
    hedge_caps = m.captures("hedge")
    hedge_starts = m.starts("hedge")
    agepre = m.group("agepre") is not None
    cur = m.group("cur")
    n = len(numbers)
    for idx, (num, a, b) in enumerate(numbers):
        p = Piece(
            start=num.start,
            end=num.end,
            num_start=num.start,
            num_end=num.end,
            value=num.value,
            precision=num.precision,
            number=num,
            match_id=match_id,
            first_in_match=idx == 0,
            last_in_match=idx == n - 1,
            from_words=num.spelled,
        )
        if idx == 0 and a == 0:
            if hedge_caps:
                p.hedge = hedge_caps[-1]
                p.start = hedge_starts[0]
                if len(hedge_caps) > 1:
                    p.hedge = " ".join(hedge_caps)
                after = m.end("hedge")
                while after < len(text) and text[after] in " \t\u00a0":
                    after += 1
                p.hedge_end = after
            if agepre:
                p.agepre = True
                p.start = min(p.start, m.start("agepre"))
            if cur is not None:
                p.currency = _currency_code(cur)
                p.start = min(p.start, m.start("cur"))
            if m.start() < p.start and (hedge_caps or agepre or cur):
                p.start = m.start()
        pieces.append(p)

    last = pieces[-1]
    # money-only abbreviation after the run ("$5mm")
    run_end = m.end("run")
    abbr_caps = [(a, s) for a, s in zip(m.captures("abbr"), m.starts("abbr")) if s >= run_end]
    if abbr_caps and last.number is not None and not last.number.scaled:
        a, s = abbr_caps[0]
        scale = scales.ABBREVIATION_SCALES[a]
        last.value = float(f"{last.value * scale:.15g}")
        last.precision *= scale
        last.number.scaled = True
        last.number.scale = scale
        last.number.abbreviation = a
        last.end = last.num_end = s + len(a)
    # a unit after the run belongs to its last number, unless the run ended in a word
    # that is no number ("twenty-first century")
    if numbers[-1][2] == len(tokens) - 1:
        _apply_suffixes(m, text, last)
    if pieces[0].agepre and pieces[0].unit is None:
        pieces[0].unit = units.AGE_YEARS
    if m.group("pword") is not None:
        first = pieces[0]
        rest = text[last.end :].lstrip(" \t")
        if len(pieces) == 1 and first.unit is None and (not rest or rest[0] in ".,;:!?)"):
            # "percent of 10", "per cent of twenty-two"
            first.start = m.start("pword")
            first.unit = units.PERCENT
            first.kind = "percent"
        elif first.start < first.num_start and first.hedge is None and first.currency is None:
            first.start = first.num_start
    _drop_misgrouped(tokens, numbers, pieces)
    return pieces


_GROUP_HEAD = regex.compile(r"\d{1,3}")
_DIGITS = regex.compile(r"\d+")


def _drop_misgrouped(tokens: list[nm.Token], numbers: list[tuple[nm.Number, int, int]], pieces: list[Piece]) -> None:
    """Digits grouped by a space the way thousands are ("10 000") but with a trailing
    group shorter than three digits ("245 23 yen"): one number badly grouped, or two run
    together with nothing between them; no reading is safe, so neither is a figure.
    A leading group of four or more digits is something else ("in 2024 15 people
    died"), and so is a trailing one of four or more ("423 0000": two numbers)."""
    for k in range(len(numbers) - 1):
        (_, a0, b0), (_, a1, b1) = numbers[k], numbers[k + 1]
        if a0 != b0 or a1 != b1 or a1 != b0 + 1:
            continue
        first, second = tokens[b0], tokens[a1]
        if (
            first.kind == 0 and second.kind == 0 and second.joiner == " "
            and second.start - first.end == 1 and _GROUP_HEAD.fullmatch(first.text)
            and _DIGITS.fullmatch(second.text) and len(second.text) < 3
        ):
            pieces[k].dropped = pieces[k + 1].dropped = True


def _currency_code(cur: str) -> str | None:
    if cur in units.CURRENCY_PREFIXES:
        return units.CURRENCY_PREFIXES[cur]
    key = " ".join(cur.lower().split())
    if key in units.CURRENCY_PREFIX_CASELESS:
        return units.CURRENCY_PREFIX_CASELESS[key]
    compact = key.replace(" ", "")
    for k, v in units.CURRENCY_PREFIX_CASELESS.items():
        if k.replace(" ", "") == compact:
            return v
    for k, v in units.CURRENCY_PREFIXES.items():
        if k.replace(" ", "") == cur.replace(" ", ""):
            return v
    return None


def _apply_suffixes(m, text: str, p: Piece) -> None:
    posts = m.captures("post")
    post_starts = m.starts("post")
    unit_caps = m.captures("unit")
    unit_starts = m.starts("unit")
    end = p.num_end
    if posts and post_starts[0] == p.num_end:
        p.post = posts[0]
        end = post_starts[0] + len(posts[0])
    if m.group("unc") is not None:
        unc = nm.parse_digits(m.group("unc"), m.start("unc"))
        if unc is not None:
            p.unc = abs(unc.value)
            end = m.end("unc")
    if unit_caps:
        usep = m.group("usep")
        info = units.lookup(unit_caps[0])
        info = _resolve_unit(info, text, p, usep, unit_starts[0] + len(unit_caps[0]))
        if info is not None:
            p.unit = info
            end = unit_starts[0] + len(unit_caps[0])
            if text[end : end + 1] in ")]}>" and text[unit_starts[0] - 1 : unit_starts[0]] in "([{<":
                end += 1
            if m.group("cents") is not None and info.kind == "money":
                cents = _parse_small(m.group("cents"))
                if cents is not None:
                    p.value = (p.value or 0.0) + cents / 100
                    p.precision = 0.01
                    end = m.end("centw") if m.group("centw") else m.end("cents")
    per = m.group("per")
    if per is not None and m.start("per") >= end:
        if p.unit is not None:
            p.unit = _with_rate(p.unit, per)
            end = m.end("per")
        elif p.currency is not None:
            p.unit = _with_rate(units.money_unit(p.currency), per)
            end = m.end("per")
    # suffix hedge after the unit
    if posts:
        for post, ps in zip(posts, post_starts):
            if ps >= end and text[end:ps].strip() == "":
                p.post = post
                end = ps + len(post)
    p.end = max(end, p.num_end)


def _parse_small(txt: str) -> float | None:
    if txt.isdigit():
        return float(txt)
    toks = []
    pos = 0
    for w in txt.replace("-", " ").split():
        t = nm.make_token(w, pos, " ")
        if t is None:
            return None
        toks.append(t)
        pos += len(w) + 1
    nums = nm.parse_word_run(toks)
    if len(nums) != 1:
        return None
    return nums[0][0].value


_PER_UNITS = {
    "day": "day", "days": "day", "night": "day", "week": "week", "month": "month",
    "year": "year", "annum": "year", "yr": "year", "hour": "hour", "h": "hour",
    "hr": "hour", "minute": "minute", "second": "second", "kg": "kilogram",
    "gallon": "gallon", "barrel": "oil_barrel", "litre": "liter", "liter": "liter",
    "tonne": "metric_ton", "ton": "ton", "mile": "mile", "km": "kilometer",
}


def _with_rate(info: units.UnitInfo, per: str) -> units.UnitInfo:
    """"500,000 barrels a day" -> oil_barrel / day; "$3.10 a gallon" -> USD / gallon.
    Per share, per capita, per person ... keep the unit as it is."""
    denominator = _PER_UNITS.get(per.lower())
    if denominator is None:
        return info
    return units.rate(info, denominator)


def _resolve_unit(
    info: units.UnitInfo | None,
    text: str,
    p: Piece,
    usep: str | None,
    u_end: int,
) -> units.UnitInfo | None:
    """Apply the unit's contextual rule (``units`` module doc); None drops the unit."""
    if info is None:
        return None
    rule = info.rule
    if rule is None:
        return info
    num = p.number
    after = text[u_end : u_end + 20]
    if rule == "glued":
        return info if usep == "" else None
    if rule == "quote_mark":
        return info if usep == "" and _measure_mark(text, p.num_start, u_end - 1) else None
    if rule == "clock":
        if num is not None and num.integer_digits is not None and 0 < p.value <= 12:
            p.dropped = True  # "3 pm" after a hedge: a clock time
            return None
        return info
    if rule == "inch_in":
        nxt = _next_word(text, u_end).lower()
        stripped = after.lstrip()
        if not stripped or stripped[0] in ".,;:!?)" or nxt in _DIMENSION_WORDS:
            return info
        return None
    if rule == "temp_letter":
        window = _words_before(text, p.num_start, 80) + " " + text[u_end : u_end + 40].lower()
        signed = num is not None and (num.value < 0 or text[p.num_start : p.num_start + 1] in "+-−")
        if _has_cue(window, _TEMPERATURE_WORDS) or (signed and usep == ""):
            return info
        return None
    if rule == "degree":
        window = _words_before(text, p.num_start, 100) + " " + text[u_end : u_end + 60].lower()
        if _has_cue(window, tuple(w for w in _TEMPERATURE_WORDS if w not in ("degrees", "°"))):
            return units.UnitInfo("", "temperature", "temperature")
        return units.angle_degree()
    if rule == "pound":
        nxt = _next_word(text, u_end).lower()
        if usep and "-" in usep:
            return info  # "a twenty-pound bag"
        if nxt == "of":
            return info  # "1.4 million pounds of aid"
        window = _words_before(text, p.start, 80)
        if _has_cue(window, _WEIGHT_CUES):
            return info
        scaled = num is not None and num.scaled
        if scaled or _has_cue(window + " " + text[u_end : u_end + 40].lower(), _MONEY_CUES):
            return units.money_unit("GBP")
        return info
    return info


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


def _measure_mark(text: str, num_start: int, at: int) -> bool:
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
    following = _next_word(text, end)
    if following.lower() in _MEASURE_WORDS or _IN_MEASURE.match(text, end):
        return True  # 6' tall, 12" in diameter
    # an attributive measure: a 55" TV, the 6’ wall
    return (
        _prev_word(text, num_start).lower() in _MEASURE_DETERMINERS
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


# --------------------------------------------------------------------------------------
# other matches


def _vague_piece(m, text: str, match_id: int) -> Piece | None:
    expr = " ".join(m.group("vague").lower().split())
    bounds = vague.interval(expr)
    if bounds is None:
        return None
    start = m.start()
    end = m.end("vague")
    p = Piece(start=start, end=end, num_start=m.start("vague"), num_end=end, value=None,
              precision=0.0, vague=bounds, match_id=match_id)
    if m.group("hedge") is not None:
        p.hedge = m.group("hedge")
    vunit = m.group("vunit")
    if vunit is not None:
        info = units.lookup(vunit)
        if info is not None and info.rule == "pound":
            nxt = _next_word(text, m.end("vunit")).lower()
            info = info if nxt == "of" else units.money_unit("GBP")
        if info is not None:
            p.unit = info
            p.end = m.end("vunit")
    return p


# --------------------------------------------------------------------------------------
# per-piece readings


def _finalise_piece(p: Piece, text: str) -> None:
    """Unit-free readings of one piece: codes, compounds, m/G, years, idioms, fractions."""
    if p.dropped or p.vague is not None:
        return
    num = p.number
    assert num is not None
    nxt_char = text[p.end : p.end + 1]
    # scale abbreviation "m": million or metres
    if num.abbreviation == "m" and p.currency is None and p.unit is None:
        nxt = _next_word(text, p.end)
        if not (nxt[:1].isupper() or nxt.lower() in scales.MILLION_M_NOUNS):
            p.value = (p.value or 0.0) / 1e6
            p.precision /= 1e6
            num.scaled = False
            num.abbreviation = None
            p.unit = units.meter()
    # scale abbreviation "K": thousands, or kelvin where the text is about temperature
    # ("operating temperatures of 300 °C (573.15K)"; "10K runners" stays 10,000)
    if num.abbreviation == "K" and p.currency is None and p.unit is None and not nxt_char.isalnum():
        nxt = _next_word(text, p.end).lower()
        window = _words_before(text, p.num_start, 80) + " " + text[p.end : p.end + 40].lower()
        if (not nxt or nxt in _NOT_COUNTED_NEXT) and (_has_cue(window, _TEMPERATURE_WORDS) or "°" in window):
            p.value = (p.value or 0.0) / 1e3
            p.precision /= 1e3
            num.scaled = False
            num.abbreviation = None
            p.unit = units.lookup("kelvin")
            p.kind = "temperature"
    if num.abbreviation == "G" and p.currency is None and num.integer_digits is None:
        raw = text[p.num_start : p.num_end]
        if raw[:-1].isdigit() and len(raw) == 2 and raw[0] in "23456":
            p.dropped = True  # "5G": a mobile-network generation
            return
    if num.abbreviation in ("k", "K", "b", "B", "T", "G", "M") and p.unit is None and nxt_char.isalnum():
        p.dropped = True
        return
    # a number glued to letters is part of a code ("777F", "13F", "24703L202")
    if p.unit is None and p.post is None and (nxt_char.isalnum() or nxt_char == "_") and p.last_in_match:
        p.dropped = True
        return
    # hyphen compounds: "two-front war", "one-on-one" (not figures); "300-strong" is.
    if p.unit is None and p.post is None and nxt_char == "-" and text[p.end + 1 : p.end + 2].isalpha() \
            and p.last_in_match:
        nxt = _next_word(text, p.end + 1).lower()
        if num.spelled or num.fraction_only:
            if not (num.fraction_only and nxt in ("majority",)):
                p.dropped = True
                return
        elif len(nxt) == 1 or nxt.isupper():
            p.dropped = True  # "3-D"
            return
    # years standing as years
    if (
        p.hedge is None and p.post is None and p.unit is None and p.currency is None
        and not p.agepre and ex.is_year(num.integer_digits)
        and text[p.num_start : p.num_end].isdigit()
    ):
        p.is_year = True
    # idioms with "one"
    if num.tokens and len(num.tokens) == 1 and num.tokens[0].lower() == "one" and p.unit is None \
            and p.hedge is None and p.currency is None:
        nxt = _next_word(text, p.end).lower()
        prev = _prev_word(text, p.start).lower()
        if nxt in ex.ONE_IDIOM_NEXT or prev in ex.ONE_IDIOM_PREV or nxt.startswith(("'s", "’s")) \
                or text[p.end : p.end + 2] in ("'s", "’s"):
            p.dropped = True
            return
    # fractions
    if num.fraction is not None and num.fraction_only and p.unit is None:
        _read_fraction(p, text)


def _read_fraction(p: Piece, text: str) -> None:
    num = p.number
    assert num is not None and num.fraction is not None
    nxt = _next_word(text, p.end).lower()
    prev = _prev_word(text, p.num_start).lower()
    stripped = text[p.end :].lstrip(" \t\u00a0")
    end_of_clause = not stripped or stripped[0] in ".,;:!?)\"”'’\n"
    spelled = num.spelled
    if spelled and len(num.tokens) == 1 and (
        prev in _NOT_NUMERATOR_PREV or text[: p.num_start].rstrip()[-1:].isdigit()
    ):
        p.dropped = True   # "the second half", "the first quarter", "the 1988 quarter"
        return
    if nxt == "of" and _fraction_of_unit(p, text):
        return  # "3/4 of a cup", "two-thirds of a mile": a quantity in that unit
    if nxt == "of" or nxt in _DETERMINERS or nxt == "majority" or (p.hedge and end_of_clause):
        # a share: "a third of", "half the", "more than half"
        p.value = (p.value or 0.0) * 100
        p.precision = 100.0 / (2 * num.fraction)
        p.unit = units.PERCENT
        p.kind = "share"
        return
    plural = bool(num.tokens) and num.tokens[-1].lower().endswith(("s", "halves"))
    if end_of_clause or not spelled or (plural and len(num.tokens) > 1):
        # "two thirds.", "3/4", "three halves": a plural denominator after a numerator
        # cannot be an ordinal
        p.kind = "fraction"
        return
    p.dropped = True   # "a third time", "half people": not a figure


def _fraction_of_unit(p: Piece, text: str) -> bool:
    """ "<fraction> of a(n) <unit>" -> the fraction in that unit (the unit table only)."""
    tail = text[p.end : p.end + 40]
    words = tail.split()
    if len(words) < 3 or words[0].lower() != "of" or words[1].lower() not in ("a", "an"):
        return False
    for n in (2, 1):
        cand = " ".join(words[2 : 2 + n]).rstrip(".,;:!?)")
        info = units.lookup(cand) if cand else None
        if info is not None and info.rule is None and info.kind in ("quantity", "money", "percent", "percentage_points"):
            idx = tail.find(cand)
            p.unit = info
            p.kind = info.kind
            p.end = p.end + idx + len(cand)
            return True
    return False


def _kind(p: Piece) -> str:
    if p.kind in ("share", "fraction", "tally", "percent") and p.unit in (None, units.PERCENT):
        return p.kind
    if p.currency is not None:
        return "money"
    if p.unit is not None:
        if p.unit.age or p.agepre:
            return "age"
        return p.unit.kind
    return p.kind if p.kind in ("fraction", "tally") else "count"


# --------------------------------------------------------------------------------------
# neighbours

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


def _same_unit(a: Piece, b: Piece) -> bool:
    ua = a.unit.name if a.unit else (a.currency or None)
    ub = b.unit.name if b.unit else (b.currency or None)
    if a.currency and b.currency:
        return a.currency == b.currency
    return ua is None or ub is None or ua == ub


def _change_verb_before(text: str, pos: int) -> bool:
    words = _words_before(text, pos, 50).replace(",", " ").split()
    return any(w in ex.CHANGE_VERBS for w in words[-4:])


def _tally_context(text: str, pos: int) -> bool:
    words = _words_before(text, pos, 60).replace(",", " ").split()
    return any(w.strip(".;:") in ex.TALLY_CONTEXT for w in words[-6:])


def _combine(pieces: list[Piece], text: str) -> list[Piece]:
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
    values = [c.value or 0.0 for c in chain]
    years = [c.number is not None and c.number.integer_digits is not None
             and ex.is_year(c.number.integer_digits) for c in chain]
    first, last = chain[0], chain[-1]
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
    unit = b.unit or a.unit
    currency = a.currency or b.currency
    av = a.value or 0.0
    bv = b.value or 0.0
    an, bn = a.number, b.number
    if an is not None and bn is not None and bn.scaled and not an.scaled and bn.scale > 1 \
            and abs(av) < bn.scale and not an.fraction:
        av = av * bn.scale
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
    if low.endswith("to") and (_change_verb_before(text, a.start)):
        if a.hedge is not None and a.hedge.lower() == "from":
            _drop_hedge(a)
        return None
    an, bn = a.number, b.number
    if an is not None and bn is not None and ex.is_year(an.integer_digits) \
            and a.unit is None and b.unit is None and a.currency is None:
        if ex.is_year(bn.integer_digits) or (bn.integer_digits is not None and len(bn.integer_digits) == 2):
            a.dropped = b.dropped = True
            return None
    return _make_range(a, b)


# --------------------------------------------------------------------------------------
# claims


def _to_claim(p: Piece, text: str) -> Claim | None:
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
        return Claim(start=p.start, end=p.end, surface=surface, value=None, lower=itv.lower,
                     upper=itv.upper, qualifier="vague", unit=unit_name, kind=kind,
                     hedge=hedge_txt, lower_open=itv.lower_open, upper_open=itv.upper_open)
    if p.value is None or not math.isfinite(p.value):
        return None
    value = p.value * scale
    precision = p.precision * scale
    if p.kind == "tally":
        return Claim(start=p.start, end=p.end, surface=surface, value=value, lower=value,
                     upper=value, qualifier="exact", unit=None, kind="tally", parts=p.parts)
    if p.is_range:
        lo = (p.lower or 0.0) * scale
        hi = (p.upper or 0.0) * scale
        itv = iv.range_(lo, hi)
        return Claim(start=p.start, end=p.end, surface=surface, value=iv._clean(value), lower=itv.lower,
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
        itv = iv.bare(value, precision, counted=counted)
    return Claim(start=p.start, end=p.end, surface=surface,
                 value=value if scale == 1.0 else iv._clean(value),
                 lower=itv.lower, upper=itv.upper, qualifier=qualifier, unit=unit_name,
                 kind=kind, hedge=hedge_txt, lower_open=itv.lower_open,
                 upper_open=itv.upper_open)


def _drop_hedge(p: Piece) -> None:
    """Forget a prefix hedge that turned out not to be one ("from", "over 3 years")."""
    if p.hedge is None:
        return
    p.hedge = None
    if p.hedge_end >= 0:
        p.start = p.hedge_end


# What follows the letters of a designation: "A320", "Res.2728", "F-16"
_DESIGNATION_NEXT = frozenset(".-0123456789")


def candidates(text: str) -> list[int]:
    """Where a match of ``pattern()`` can start in ``text`` (``patterns.Prescan``),
    in order."""
    scan = prescan()
    found: list[int] = []
    cores: list[int] = []  # where a digit or a number word starts
    prefixes: list[int] = []  # hedges, prefix words, signs: candidates if a number follows
    lines: list[int] = []
    core_heads, always, cased, starters, not_after = (
        scan.core_heads, scan.always, scan.cased, scan.starters, scan.not_after
    )
    core_match, designation = scan.core.match, scan.designation.match
    for m in scan.tokens.finditer(text):
        kind, at = m.lastindex, m.start()
        if kind == 3:  # a run of letters
            word = m.group()
            lower = word.lower()
            if (lower[:3] in core_heads or lower[:2] in core_heads) and core_match(lower):
                cores.append(at)
            if at and text[at - 1] in not_after:
                continue
            if lower in always or word in cased:
                found.append(at)
            elif lower in starters:
                prefixes.append(at)
            elif text[m.end() : m.end() + 1] in _DESIGNATION_NEXT and designation(text, at):
                found.append(at)
        elif kind == 1:
            # every digit: a figure can end inside a run and the next start there ("½½")
            found.extend(range(at, m.end()))
            cores.append(at)
        elif kind == 2:
            prefixes.append(at)
        else:
            lines.append(at)
    if prefixes:
        lines.append(len(text))
        for at in prefixes:
            k = bisect_left(cores, at)
            if k == len(cores):
                break  # no number after this point at all
            core = cores[k]
            if core - at <= PREFIX_REACH and core < lines[bisect_left(lines, at)]:
                found.append(at)
    return sorted(set(found))


def _matches(text: str) -> Iterator[Any]:
    """The matches of ``pattern()`` in ``text``, as ``finditer`` finds them, but tried
    only where one can start (``candidates``): the same matches, in a fraction of the
    time (``benchmarks/README.md``)."""
    match = pattern().match
    end = 0
    for at in candidates(text):
        if at < end:
            continue
        m = match(text, at)
        if m is not None:
            end = m.end()
            yield m


def find(text: str) -> list[Claim]:
    pieces: list[Piece] = []
    for match_id, m in enumerate(_matches(text)):
        if m.group("skip") is not None:
            continue
        try:
            if m.group("vague") is not None:
                vp = _vague_piece(m, text, match_id)
                if vp is not None:
                    pieces.append(vp)
            else:
                pieces.extend(_quantity_pieces(m, text, match_id))
        except (ArithmeticError, ValueError):
            continue
    for p in pieces:
        try:
            _finalise_piece(p, text)
        except (ArithmeticError, ValueError):
            p.dropped = True
    pieces = _combine(pieces, text)
    claims: list[Claim] = []
    for p in pieces:
        if p.dropped or p.is_year:
            continue
        if p.hedge is not None and p.hedge.lower() in ("between", "from"):
            _drop_hedge(p)
        if p.hedge is not None and p.hedge.lower() == "over" and p.unit is not None \
                and p.unit.dimension == "time" and not p.unit.age:
            # "over 3 years": a span of time, not "more than"
            _drop_hedge(p)
        try:
            c = _to_claim(p, text)
        except (ArithmeticError, ValueError):
            c = None
        if c is not None:
            claims.append(c)
    return claims
