"""The one compiled pattern set: every figure and every non-figure in one pass.

``pattern()`` compiles (once, on first use) a single ``regex`` pattern. At each position
``_start_guard`` first checks that something can start there at all (a digit, a sign, a
currency symbol, or the start of a word that can begin a match); then two top-level
alternatives are tried in order:

``skip``   spans that are not figures and must not yield one (``exclusions``): URLs,
           dates, clock times, phone numbers, IPs and versions, digit ordinals, decades,
           fixed expressions, numbered names, letter-digit designations;
``q``      a figure: optional hedge ("more than"); then either a vague amount
           ("hundreds of thousands", "millions of dollars", ``vague``) or: an age prefix
           ("aged"), "percent of", a currency ("$", "US$", "c $"), a *run* of number
           tokens (digits with separators, decimals, exponents, fractions, scale
           abbreviations, number words, "and", hyphens), a suffix hedge ("-odd", "+"),
           "± u", a unit (pint table, money words and symbols, "percent"), coins after
           money words ("thirteen dollars and forty-five cents"), a rate ("a day",
           "/hour") and a suffix hedge ("or more").

The pattern reads the text in one pass, anchored only where a match can start
(``prescan``); everything else happens on the captured groups of each match
(``assemble``). The run is captured token by token (``tok``/``conn`` repeated captures of
the ``regex`` module), so splitting "twenty five thirty six" into two numbers needs no
second scan.

Speed: word lists become tries (``trie``) so the engine dispatches on the next letter
instead of trying every word; tries contain no repeat operators (an empty branch
instead of ``?``, one space instead of a run of spaces) because the ``regex`` engine pays for
every repeat of the pattern at every position it tries. Multi-word table entries
("miles per hour") match single spaces; a hyphen matches "-" or " - ".
"""

from __future__ import annotations

import threading
from typing import Any, Iterable

import regex

from factcheck.extract.quantities import exclusions as ex
from factcheck.extract.quantities import hedges, number_words, scales, units
from factcheck.extract.quantities.digits import VULGAR_FRACTIONS

SP = r"[^\S\n]"          # one space that is not a line break
SPS = SP + "+"
OPT_SP = SP + "*"


# --------------------------------------------------------------------------------------
# tries


def trie(words: Iterable[str], *, words_mode: bool = True) -> str:
    """A regex alternation of ``words`` as a trie (longest alternatives tried first).

    With ``words_mode`` a space in a word matches one or more spaces and a hyphen matches
    a hyphen with optional spaces around it.
    """
    root: dict[str, Any] = {}
    for w in set(words):
        if not w:
            continue
        node = root
        for ch in _atoms(w, words_mode):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(root, words_mode) or "(?!)"


def _atoms(word: str, words_mode: bool) -> list[str]:
    out: list[str] = []
    for ch in word:
        if words_mode and ch == " ":
            if out and out[-1] == " ":
                continue
            out.append(" ")
        else:
            out.append(ch)
    return out


def _render_atom(ch: str, words_mode: bool) -> str:
    # no repeat operators inside tries: the ``regex`` engine pays for every repeat of
    # the pattern at every position it tries, matched or not
    if words_mode and ch == " ":
        return "[^\\S\\n]"
    if words_mode and ch == "-":
        return "(?:-|[^\\S\\n]-[^\\S\\n])"
    return regex.escape(ch)


def _render(node: dict[str, Any], words_mode: bool) -> str:
    if not node:
        return ""
    ends = "" in node
    branches = []
    for ch in sorted((k for k in node if k), key=lambda k: (-_depth(node[k]), k)):
        branches.append(_render_atom(ch, words_mode) + _render(node[ch], words_mode))
    if not branches:
        return ""
    if ends:
        # an empty branch instead of "?" (see _render_atom)
        return "(?:" + "|".join(branches) + "|)"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _depth(node: dict[str, Any]) -> int:
    if not node:
        return 0
    return 1 + max(_depth(v) for v in node.values())


# --------------------------------------------------------------------------------------
# building blocks

VULGAR = "".join(VULGAR_FRACTIONS)

DIGITS = (
    r"(?:(?<![0-9A-Za-z)\]^%°])[-−+](?=\.?[0-9])|(?:(?<=^)|(?<=\n))-" + SP + r"+(?=[0-9]))?"
    r"(?<![0-9A-Za-z^])(?<![0-9][./])(?<![A-Za-z][-−])"
    r"(?:"
    r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])(?:\.[0-9]+)?"  # 1,00,000 (lakh grouping)
    r"|"
    r"[0-9]+" + SPS + r"[0-9]+/[0-9]+(?![0-9/])"
    r"|[0-9]+/[0-9]+(?![0-9/])"
    rf"|[0-9]*{SP}?[{VULGAR}]"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:[\u00a0\u2009\u202f\u2007][0-9]{3})+(?![0-9])(?:[.,][0-9]+)?"
    r"|[0-9]{1,3}(?:\x20[0-9]{3})+(?![0-9]|[.,][0-9]{3})(?:\.[0-9]+)?"
    r"|(?<![0-9],)[0-9]+,[0-9]{1,2}(?![0-9]|,[0-9])"
    r"|[0-9]+(?:\.[0-9]+)?"
    r"|\.[0-9]+"
    r")"
    r"(?:[eE][-+−]?[0-9]+(?![A-Za-z0-9])"
    rf"|{SP}?[x×]{SP}?10\^?[-−+]?[0-9]+"
    r"|[x×][0-9]+\^[-−+]?[0-9]+"
    r"|\^[-+−]*[0-9]+)?"
)

_GLUED_ABBR = "|".join(regex.escape(a) for a in sorted(scales.GLUED_ABBREVIATIONS, key=len, reverse=True))
_SPACED_ABBR = "|".join(regex.escape(a) for a in sorted(scales.SPACED_ABBREVIATIONS, key=len, reverse=True))
ABBREVIATION = (
    rf"(?:(?P<abbr>{_GLUED_ABBR})(?![A-Za-z0-9])"
    rf"|{SP}{{1,2}}(?P<abbr>{_SPACED_ABBR})(?![A-Za-z0-9]))"
)
# after a currency only: "$5mm", "$2.174t"
MONEY_ABBREVIATION = r"(?:(?P<abbr>mm|t)(?![A-Za-z0-9]))"


def _word_alternatives() -> tuple[str, str]:
    cardinal = trie(number_words.CARDINAL_WORDS)
    plain = trie(
        [*number_words.CARDINAL_WORDS, *number_words.SCALE_WORDS, *number_words.DOZEN_WORDS,
         *number_words.FRACTION_WORDS]
    )
    return cardinal, plain


def _word_token() -> str:
    """Number-word tokens (case-insensitive)."""
    cardinal, plain = _word_alternatives()
    after_a = trie([*number_words.SCALE_WORDS, "dozen", *number_words.DENOMINATORS])
    tens = trie(list(number_words.TENS))
    compound = trie(list(number_words.COMPOUND_DENOMINATORS))
    scale = trie(list(number_words.SCALE_WORDS))
    return (
        r"(?<![A-Za-z0-9'’])(?<![0-9]-)(?i:"
        # "a"/"an" as one, before a scale or fraction word: "a dozen", "a third"
        + rf"an?(?={SP}(?:{after_a}|{tens}-?{compound})(?![a-z]))"
        # "half a(n)": "half a dozen", "half an hour"
        + rf"|half{SPS}(?:of{SPS})?an?(?={SPS}[a-z])"
        # "point" as a decimal point between number words
        + rf"|point(?={SP}(?:{cardinal})(?![a-z]))"
        + rf"|(?:minus|negative)(?={SP}(?:{cardinal}|{scale}|[0-9]|an?{SP}))"
        + rf"|{plain}"
        + r")(?![A-Za-z0-9]|['’][A-Za-z])"
    )


def _not_first() -> str:
    """What may continue a run but not start one: an ordinal ("third", "first"), a bare
    "dozen", a bare scale word unless "and" follows ("hundred and five")."""
    ordinals = [w for w in number_words.FRACTION_WORDS if w not in ("half", "quarter")]
    scale = trie(list(number_words.SCALE_WORDS))
    return (
        rf"(?!(?i:{trie([*ordinals, *number_words.DOZEN_WORDS])})(?![A-Za-z])"
        rf"|(?i:{scale})(?![A-Za-z])(?!{SPS}(?i:and|&){SP}))"
    )


def _connector() -> str:
    cardinal, _plain = _word_alternatives()
    scale_group = (
        rf"(?i:{cardinal})(?:-?(?i:{cardinal}))?{SP}(?i:hundred|thousand)"
    )
    big = trie(["million", "billion", "trillion", "thousand", "hundred", "dozen"])
    return (
        "(?:"
        + rf"{SPS}(?i:and|&){SPS}"
        + rf"|{OPT_SP}&{OPT_SP}"
        + rf"|{OPT_SP}-{OPT_SP}(?=[A-Za-z])"
        + rf"|,{SP}(?={scale_group})"
        + rf"|{SP}(?i:of){SP}(?i:an?){SP}(?=(?i:{big})(?![a-z]))"
        + rf"|{SPS}"
        + ")"
    )


def _run() -> str:
    """A run of number tokens, captured token by token (``tok``, ``conn``)."""
    token = rf"(?P<tok>{DIGITS}(?:{ABBREVIATION})?|{_word_token()})"
    # a run does not start right after "word-" ("one-on-one": the second "one")
    return rf"(?<![A-Za-z]-){_not_first()}{token}(?:(?P<conn>{_connector()}){token})*"


# What follows the foot mark of "2'6\"" or "5’ 10”": the inches and their mark.
FEET_INCHES_TAIL = r"[ \u00a0]?(?:1[01]|[0-9])(?:\.[0-9]+|[½¼¾])?[\"”″]"


def _units() -> str:
    words, symbols = units.unit_surfaces()
    word_trie = trie(words)
    symbol_trie = trie(symbols, words_mode=False)
    # symbols with spaces inside ("° C", "fl oz", "sq mi") keep their single space
    return (
        rf"(?:(?i:{word_trie})(?![A-Za-z])"
        # a letter symbol before "-<digit>" is part of a code ("24703 L-202")
        rf"|{symbol_trie}(?![A-Za-z0-9])(?:(?<=[A-Za-z])(?!-[0-9])|(?<![A-Za-z]))"
        # feet before inches: the 2 of "2'6\"", the 5 of "5’10”"
        rf"|['’′](?={FEET_INCHES_TAIL}))"
    )


_RATE_WORDS = (
    "day|days|week|month|year|hour|minute|second|annum|h|hr|yr|kg|share|capita|head|person|"
    "barrel|gallon|litre|liter|tonne|ton|mile|km|night|game|match|season"
)


def _rate() -> str:
    """A rate's denominator after the unit: "a day", "/hour" (the usual ones first); a
    unit word after "per", "a", "an" or "each" ("$2,450 an ounce", "0.35 micrograms per
    cubic metre"); a unit symbol after "per" or "/" ("24.5p per kWh", "100 mg/L"). A
    symbol never follows "a"/"an": "a m..." and "an h..." begin words."""
    words, symbols = units.unit_surfaces()
    word_trie = trie(words)
    symbol_trie = trie(symbols, words_mode=False)
    sep = rf"{SPS}(?i:per|an?|each){SPS}"
    return (
        rf"(?:(?:{sep}|{OPT_SP}/{OPT_SP})(?P<per>(?i:{_RATE_WORDS}))(?![A-Za-z])"
        rf"|{sep}(?P<per>(?i:{word_trie}))(?![A-Za-z])"
        rf"|(?:{SPS}(?i:per){SPS}|/)(?P<per>{symbol_trie})(?![A-Za-z0-9]))?"
    )


def _currency_prefix() -> str:
    cased, caseless = units.currency_prefix_surfaces()
    cased_trie = trie(cased, words_mode=False)
    caseless_trie = trie(caseless)
    return (
        rf"(?:(?<![A-Za-z0-9])(?:{cased_trie})(?<![A-Za-z]{{4}})"
        rf"|(?<![A-Za-z0-9])(?i:{caseless_trie}))"
    )


def _hedge() -> str:
    words = [*hedges.PREFIX_HEDGES, *hedges.RANGE_INTRODUCERS]
    return rf"(?<![A-Za-z0-9'’\-])(?i:{trie(words)})(?![A-Za-z0-9])"


_SUFFIX_A = (
    r"(?P<post>-?(?i:plus)(?![A-Za-z])|\+(?![0-9])|-(?i:odd|ish)(?![A-Za-z])"
    + rf"|{SPS}(?i:odd)(?![A-Za-z]))"
)
_SUFFIX_B = (
    rf"(?P<post>{SPS}(?i:or{SPS}(?:more|so|fewer|less|above|over|higher|greater|under|below)"
    rf"|and{SPS}(?:up|above|over))(?![A-Za-z]))"
)

_UNDER_100_WORDS = (
    "(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:{OPT_SP}-?{OPT_SP}(?:one|two|three|four|five|six|seven|eight|nine))?"
    "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    "|one|two|three|four|five|six|seven|eight|nine)(?![A-Za-z])"
)
_CENTS = (
    r"(?<=(?i:dollars?|euros?|pounds?|bucks|yuan|kuai|rupees?))"
    rf"(?:{OPT_SP},?{OPT_SP}(?:(?i:and){SPS})?|{SPS})"
    # "and 5" but not "and 5,000 yen": cents are one or two digits and no more
    rf"(?P<cents>[0-9]{{1,2}}(?![0-9]|[.,][0-9])|{_UNDER_100_WORDS})"
    rf"(?:{SPS}(?P<centw>(?i:cents?|pence|mao))(?![A-Za-z]))?"
    rf"(?(centw)|(?={OPT_SP}(?:[.,;:!?)]|$)))"
)

_NOT_DATE_OR_TIME = (
    rf"(?!{OPT_SP}:[0-9])(?!/[0-9])"
    rf"(?![-–][0-9]{{1,2}}{SPS}(?:(?i:{ex.MONTHS_CASELESS})|{ex.MONTHS_CASED})(?![A-Za-z]))"
    rf"(?!{SPS}(?:of{SPS})?(?:(?i:{ex.MONTHS_CASELESS})|{ex.MONTHS_CASED})(?![A-Za-z]))"
)


_UNCERTAINTY = r"[0-9]+(?:\.[0-9]+)?(?:[eE][-+−]?[0-9]+)?"


def _vague_body() -> str:
    base = (
        rf"(?:tens|hundreds|dozens|scores){SP}of{SP}(?:thousands|millions|billions)"
        rf"|(?:several|a{SP}few|a{SP}couple(?:{SP}of)?){SP}(?:dozen|hundred|thousand|million|billion)(?!s)"
        r"|hundreds|thousands|millions|billions|trillions|dozens"
        rf"|scores(?={SP}of{SP})"
    )
    money_words = trie(units.money_word_surfaces())
    other_words = trie(["years", "days", "weeks", "months", "hours", "minutes", "miles",
                        "kilometres", "kilometers", "metres", "meters", "feet", "acres",
                        "tonnes", "tons", "barrels", "gallons", "litres", "liters"])
    return (
        rf"(?<![A-Za-z0-9'’\-])(?P<vague>(?i:{base}))(?![A-Za-z])"
        rf"(?:{SP}(?i:of){SP}(?P<vunit>(?i:{money_words}|{other_words}))(?![A-Za-z])"
        rf"|{SP}(?P<vunit>(?i:{other_words}))(?![A-Za-z]))?"
    )


def _quantity() -> str:
    """A figure (``q``): hedge? then a vague amount, or: age? "percent of"? currency?
    run, then the suffixes."""
    unit = _units()
    age = r"(?<![A-Za-z0-9])(?i:aged|age|ages)(?![A-Za-z])"
    pword = rf"(?<![A-Za-z0-9])(?P<pword>(?i:per{SP}?cents?|percents?|percentages?)){SP}(?i:of){SP}"
    return (
        rf"(?:(?P<hedge>{_hedge()}){SPS})?"
        "(?:"
        + _vague_body()
        + "|"
        + rf"(?:(?P<agepre>{age}){SPS}(?:(?P<hedge>{_hedge()}){SPS})?)?"
        + rf"(?:{pword})?"
        + rf"(?:(?P<cur>{_currency_prefix()}){SP}{{0,2}})?"
        + rf"(?P<run>{_run()})"
        + rf"(?(cur)(?:{MONEY_ABBREVIATION})?)"
        + _NOT_DATE_OR_TIME
        + rf"(?:{_SUFFIX_A})?"
        + rf"(?:{OPT_SP}(?:\+/-|±|\+-){OPT_SP}(?P<unc>{_UNCERTAINTY}))?"
        + "(?:"
        + rf"(?:(?P<usep>{SP}{{0,2}}|{OPT_SP}-{OPT_SP})(?P<unit>{unit})"
        + rf"|{SP}?[(\[{{<](?P<unit>{unit})[)\]}}>])"
        + rf"(?:{_CENTS})?"
        + ")?"
        + _rate()
        + rf"(?:{_SUFFIX_B})?"
        + ")"
    )


def _skip() -> str:
    letter_start = r"(?<![A-Za-z0-9_])"
    digit_start = r"(?<![A-Za-z0-9_.,])"
    return (
        "(?:"
        + rf"{letter_start}(?:{ex.URL})"
        + rf"|{digit_start}(?:{ex.FIXED_EXPRESSIONS})"
        + rf"|(?<![A-Za-z0-9_.,/])(?:{ex.DATE})"
        + rf"|{digit_start}(?:{ex.TIME})"
        + rf"|(?<![A-Za-z0-9_])(?:{ex.PHONE})"
        + rf"|{digit_start}(?:{ex.IP_VERSION})"
        + rf"|{digit_start}(?:{ex.ORDINAL})"
        + rf"|(?<![A-Za-z0-9_.,])(?:{ex.DECADE})"
        + rf"|{letter_start}(?:{ex.NUMBERED_NAME})"
        + rf"|{letter_start}{ex.CASED_DESIGNATORS}{SPS}[0-9]+[A-Za-z]?(?![0-9])"
        + rf"|{letter_start}(?:{ex.DESIGNATION})"
        + ")"
    )


def first_words() -> list[str]:
    """Every word a match can start with (lower-case): hedges, number and vague words,
    months, designators, currency prefixes written with letters, "percent", "aged"."""
    words: set[str] = set()

    def first(phrase: str) -> str:
        return phrase.lower().split()[0].rstrip(".")

    words.update(first(h) for h in hedges.PREFIX_HEDGES)
    words.update(hedges.RANGE_INTRODUCERS)
    words.update(number_words.CARDINAL_WORDS)
    words.update(number_words.SCALE_WORDS)
    words.update(("half", "quarter", "a", "an", "minus", "negative", "point"))
    words.update(("tens", "hundreds", "thousands", "millions", "billions", "trillions",
                  "dozens", "scores", "several"))
    for pattern_words in (ex.MONTHS_CASELESS, ex.MONTHS_CASED, ex.DESIGNATORS,
                          ex.CASED_DESIGNATORS.strip("(?:)")):
        for w in pattern_words.split("|"):
            w = w.replace("\\", "")
            if w:
                words.add(first(w))
    cased, caseless = units.currency_prefix_surfaces()
    for prefix in [*cased, *caseless]:
        if prefix[0].isalpha():
            head = ""
            for ch in prefix.lower():
                if not ch.isalpha():
                    break
                head += ch
            words.add(head)
    words.update(("per", "percent", "percents", "percentage", "percentages", "age", "aged",
                  "ages", "http", "https", "www"))
    return sorted(w for w in words if w)


def currency_signs() -> str:
    """The first characters of the currency prefixes that are not letters ("$", "€", ...)."""
    cased, _caseless = units.currency_prefix_surfaces()
    return "".join(sorted({s[0] for s in cased if not s[0].isalpha()}))


def _start_guard() -> str:
    """Positions where something can start, tested before any alternative.

    A digit, a sign, a currency symbol, a vulgar fraction or an opening bracket; or the
    start of a word that can begin a match (``first_words``) or that mixes letters and
    digits (a designation). Everything else -- the inside of words, spaces, punctuation,
    and the ordinary words that make up most of a text -- fails here at once."""
    words = trie(first_words())
    designation = r"[A-Za-z][A-Za-z.]*[0-9]|[A-Za-z][A-Za-z0-9]*-[A-Za-z]*[0-9]"
    return (
        r"(?=[0-9]|[-−+.#(\[{<"
        + regex.escape(currency_signs() + VULGAR)
        + r"]"
        + rf"|(?<![A-Za-z0-9_'’])(?:(?i:{words})(?![A-Za-z])|{designation}))"
    )


def build() -> str:
    """The pattern source: ``skip`` (not figures) first, then ``q`` (figures)."""
    return _start_guard() + rf"(?:(?P<skip>{_skip()})|(?P<q>{_quantity()}))"


_compiled: Any = None
_lock = threading.Lock()


def pattern() -> Any:
    """The compiled pattern (built once)."""
    global _compiled
    if _compiled is None:
        with _lock:
            if _compiled is None:
                _compiled = regex.compile(build(), regex.VERSION0)
    return _compiled

