"""One match of the pattern -> pieces.

A match holds a *run* of number tokens (``tok``/``conn`` captures), which may hold
several numbers ("twenty five thirty six"): the run is split into numbers
(``digits``, ``number_words``, ``word_runs``) and each becomes a ``Piece``. The first
takes what the match has before the run (hedge, "aged", currency, "percent of"), the
last what it has after it (scale abbreviation after a currency, suffix hedge, "± u",
unit, cents, rate). Vague amounts ("hundreds of thousands") are pieces of their own.
"""

from __future__ import annotations

import regex

from factcheck.extract.quantities import scales, units, vague
from factcheck.extract.quantities.currency_cues import shared_prefix
from factcheck.extract.quantities.digits import VULGAR_FRACTIONS, parse_digits
from factcheck.extract.quantities.nearby import next_word
from factcheck.extract.quantities.number_words import (
    T_INVALID,
    T_NUM,
    Token,
    make_token,
)
from factcheck.extract.quantities.numerals import Number
from factcheck.extract.quantities.piece import Piece
from factcheck.extract.quantities.unit_cues import money_of, resolve_unit
from factcheck.extract.quantities.word_runs import parse_word_run


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


def _tokens(m: regex.Match[str], text: str) -> list[Token]:
    toks = m.captures("tok")
    starts = m.starts("tok")
    conns = m.captures("conn")
    abbrs = list(zip(m.captures("abbr"), m.starts("abbr"), strict=True))
    out: list[Token] = []
    for idx, (tok, start) in enumerate(zip(toks, starts, strict=True)):
        joiner = " " if idx == 0 else _joiner(conns[idx - 1]) if idx - 1 < len(conns) else " "
        first = tok[:1]
        if first.isdigit() or first in "-−+." or first in VULGAR_FRACTIONS:
            end = start + len(tok)
            abbr = None
            body = tok
            for a, a_start in abbrs:
                if start <= a_start < end:
                    abbr = a
                    body = text[start:a_start]
                    break
            number = parse_digits(body.rstrip(), start, abbreviation=abbr)
            if number is None:
                out.append(Token(T_INVALID, tok, start, end, 0.0, None, joiner))
                continue
            number.end = end
            out.append(Token(T_NUM, tok, start, end, number.value, number, joiner))
        else:
            t = make_token(tok, start, joiner)
            if t is None:
                out.append(Token(T_INVALID, tok, start, start + len(tok), 0.0, None, joiner))
            else:
                out.append(t)
    return out


def _split_valid(tokens: list[Token]) -> list[tuple[Number, int, int]]:
    """Numbers of a run; tokens that are no number (``T_INVALID``) split the run."""
    out: list[tuple[Number, int, int]] = []
    chunk: list[Token] = []
    offset = 0
    for i, t in enumerate(tokens + [Token(T_INVALID, "", 0, 0)]):
        if t.kind == T_INVALID:
            for num, a, b in parse_word_run(chunk):
                out.append((num, a + offset, b + offset))
            chunk = []
            offset = i + 1
        else:
            chunk.append(t)
    return out


def quantity_pieces(m: regex.Match[str], text: str, match_id: int) -> list[Piece]:
    """The pieces of a match that is a figure (not a vague amount)."""
    tokens = _tokens(m, text)
    numbers = _split_valid(tokens)
    if not numbers:
        return []
    pieces: list[Piece] = []
    n = len(numbers)
    for idx, (num, a, _b) in enumerate(numbers):
        p = Piece(
            start=num.start,
            end=num.end,
            num_start=num.start,
            num_end=num.end,
            value=num.value,
            precision=num.precision,
            number=num,
            match_id=match_id,
            last_in_match=idx == n - 1,
            from_words=num.spelled,
        )
        if idx == 0 and a == 0:
            _apply_prefixes(m, text, p)
        pieces.append(p)

    last = pieces[-1]
    _apply_money_abbreviation(m, last)
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


def _apply_prefixes(m: regex.Match[str], text: str, p: Piece) -> None:
    """What the match has before the run goes to its first number: hedge, "aged",
    currency."""
    hedge_caps = m.captures("hedge")
    hedge_starts = m.starts("hedge")
    agepre = m.group("agepre") is not None
    cur = m.group("cur")
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
        p.start = min(p.start, m.start("cur"))
        code = units.currency_code(cur)
        if code is not None and code.islower():  # "kr 95": whose krona, by country
            p.unit = shared_prefix(code, text, p, m.end("cur"))
        else:
            p.currency = code
    if m.start() < p.start and (hedge_caps or agepre or cur):
        p.start = m.start()


def _apply_money_abbreviation(m: regex.Match[str], last: Piece) -> None:
    """A money-only abbreviation after the run ("$5mm") scales its last number."""
    run_end = m.end("run")
    abbr_caps = [(a, s) for a, s in zip(m.captures("abbr"), m.starts("abbr"), strict=True)
                 if s >= run_end]
    if abbr_caps and last.number is not None and not last.number.scaled:
        a, s = abbr_caps[0]
        scale = scales.ABBREVIATION_SCALES[a]
        assert last.value is not None
        last.value = float(f"{last.value * scale:.15g}")
        last.precision *= scale
        last.number.scaled = True
        last.number.scale = scale
        last.number.abbreviation = a
        last.end = last.num_end = s + len(a)


_GROUP_HEAD = regex.compile(r"\d{1,3}")
_DIGITS = regex.compile(r"\d+")


def _drop_misgrouped(tokens: list[Token], numbers: list[tuple[Number, int, int]], pieces: list[Piece]) -> None:
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
            first.kind == T_NUM and second.kind == T_NUM and second.joiner == " "
            and second.start - first.end == 1 and _GROUP_HEAD.fullmatch(first.text)
            and _DIGITS.fullmatch(second.text) and len(second.text) < 3
        ):
            pieces[k].dropped = pieces[k + 1].dropped = True


# "$3.9 billion a year ago", "290,000 tonnes a year earlier": a time, not a rate.
# "a year on average" is a rate all the same.
_TIME_AGO = regex.compile(
    r"[ \t\u00a0]+(?i:ago|earlier|before|later|prior|previously|back|on(?![ \t\u00a0]+average))(?![\p{L}])"
)


def _apply_suffixes(m: regex.Match[str], text: str, p: Piece) -> None:
    """What the match has after the run goes to its last number: suffix hedge, "± u",
    unit (its rule applied), cents, rate, suffix hedge after the unit."""
    posts = m.captures("post")
    post_starts = m.starts("post")
    unit_caps = m.captures("unit")
    unit_starts = m.starts("unit")
    end = p.num_end
    if posts and post_starts[0] == p.num_end:
        p.post = posts[0]
        end = post_starts[0] + len(posts[0])
    if m.group("unc") is not None:
        unc = parse_digits(m.group("unc"), m.start("unc"))
        if unc is not None:
            p.unc = abs(unc.value)
            end = m.end("unc")
    if unit_caps:
        usep = m.group("usep")
        info = units.lookup(unit_caps[0])
        info = resolve_unit(info, text, p, usep, unit_starts[0] + len(unit_caps[0]))
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
    if per is not None and m.start("per") >= end and not (_is_time_word(per) and _TIME_AGO.match(text, m.end("per"))):
        if p.unit is not None:
            p.unit = _with_rate(p.unit, per)
            end = m.end("per")
        elif p.currency is not None:
            p.unit = _with_rate(units.money_unit(p.currency), per)
            end = m.end("per")
    # suffix hedge after the unit
    if posts:
        for post, ps in zip(posts, post_starts, strict=True):
            if ps >= end and text[end:ps].strip() == "":
                p.post = post
                end = ps + len(post)
    p.end = max(end, p.num_end)


def _is_time_word(per: str) -> bool:
    """Whether a rate's denominator is a unit of time (only "a year ago", "a week on" say
    when; "$2,450 an ounce on Tuesday" is a rate)."""
    name = _PER_UNITS.get(per.lower())
    if name is not None:
        return name in _TIME_UNITS
    info = units.lookup(per)
    return info is not None and info.dimension == "time"


_TIME_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute", "second"})


def _parse_small(txt: str) -> float | None:
    """The cents of "13 dollars and forty-five cents": digits or words under 100."""
    if txt.isdigit():
        return float(txt)
    toks: list[Token] = []
    pos = 0
    for w in txt.replace("-", " ").split():
        t = make_token(w, pos, " ")
        if t is None:
            return None
        toks.append(t)
        pos += len(w) + 1
    nums = parse_word_run(toks)
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
        # any unit of the table: "an ounce", "per cubic metre", "per kWh"; "a pound" is
        # the weight (a price per pound), never the currency
        per_info = units.lookup(per)
        if per_info is None or per_info.kind != "quantity" or per_info.age or per_info.rule not in (None, "pound"):
            return info
        denominator = per_info.name
    return units.rate(info, denominator)


def vague_piece(m: regex.Match[str], text: str, match_id: int) -> Piece | None:
    """The piece of a vague amount ("hundreds of thousands of dollars"), or None."""
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
            nxt = next_word(text, m.end("vunit")).lower()
            info = info if nxt == "of" and not money_of(text, m.end("vunit")) else units.money_unit("GBP")
        if info is not None:
            p.unit = info
            p.end = m.end("vunit")
    return p
