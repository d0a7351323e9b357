"""Number words: the lexicon, and the tokens a run of them is read as.

Cardinals of any size with or without "and" and hyphens (``three hundred and
forty-two``, ``twenty-one trillion three hundred``), ``a``/``an`` as one before a scale or
fraction (``a dozen``, ``a third``), ``dozen`` as twelve, decimals with ``point`` (``two
hundred point zero three``), fractions with ordinal denominators (``two thirds``, ``three
twenty-firsts``, ``one and a half``, ``five billion and three quarters``) and
``minus``/``negative``. ``make_token`` turns one word of a run into a ``Token`` of one
of the kinds ``T_*``; ``word_runs`` splits a run of tokens into numbers and
``word_values`` adds up each one.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.quantities.numerals import Number
from factcheck.extract.quantities.scales import WORD_SCALES

UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
DOZEN_WORDS = ("dozen", "dozens", "dz", "dzs", "doz", "dozs")

# Ordinal words used as denominators ("two thirds", "a fifth"). "first" and "second" are
# only denominators inside a compound ("a twenty-first"); "second" never is (time unit).
_ORDINAL_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1_000, "millionth": 1_000_000, "billionth": 1_000_000_000,
    "trillionth": 1_000_000_000_000,
}
# Ordinals of 1..9 that may close a compound denominator after a tens word.
_COMPOUND_ORDINALS: dict[str, int] = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9,
}


def _with_plurals(table: dict[str, int]) -> dict[str, int]:
    out = dict(table)
    for word, n in table.items():
        if word in ("half", "halves"):
            continue
        out[word + "s"] = n
    return out


DENOMINATORS: dict[str, int] = _with_plurals(_ORDINAL_DENOMINATORS)
COMPOUND_DENOMINATORS: dict[str, int] = _with_plurals(_COMPOUND_ORDINALS)

NEGATIVE_WORDS = ("minus", "negative")

# Every word that can appear inside a run of number words (for the pattern builder).
CARDINAL_WORDS: tuple[str, ...] = tuple(UNITS) + tuple(TEENS) + tuple(TENS)
SCALE_WORDS: tuple[str, ...] = ("hundred",) + tuple(WORD_SCALES)
FRACTION_WORDS: tuple[str, ...] = tuple(DENOMINATORS) + tuple(
    w for w in COMPOUND_DENOMINATORS if w not in DENOMINATORS
)


# --------------------------------------------------------------------------------------
# tokens

# Token kinds: digits (``T_NUM``, already parsed), then the word classes.
T_NUM, T_UNIT, T_TEEN, T_TENS, T_HUNDRED, T_SCALE, T_DOZEN, T_FRAC, T_A, T_POINT, T_NEG, T_HALF_A = range(12)
T_INVALID = -1  # a token of the run that is no number after all: it splits the run


@dataclass(slots=True)
class Token:
    kind: int
    text: str
    start: int
    end: int
    value: float = 0.0
    number: Number | None = None   # for T_NUM
    joiner: str = " "              # how it joins the previous token: " ", "-", "and", ","


def classify_word(word: str) -> tuple[int, float] | None:
    """Kind and value of a single number word (lower-case), or None."""
    w = word.lower()
    if w in UNITS:
        return T_UNIT, UNITS[w]
    if w in TEENS:
        return T_TEEN, TEENS[w]
    if w in TENS:
        return T_TENS, TENS[w]
    if w == "hundred":
        return T_HUNDRED, 100.0
    if w in WORD_SCALES:
        return T_SCALE, WORD_SCALES[w]
    if w in DOZEN_WORDS:
        return T_DOZEN, 12.0
    if w in DENOMINATORS:
        return T_FRAC, float(DENOMINATORS[w])
    if w in COMPOUND_DENOMINATORS:
        return T_FRAC, float(COMPOUND_DENOMINATORS[w])
    if w in ("a", "an"):
        return T_A, 1.0
    if w == "point":
        return T_POINT, 0.0
    if w in NEGATIVE_WORDS:
        return T_NEG, -1.0
    return None


def make_token(text: str, start: int, joiner: str, digits: Number | None = None) -> Token | None:
    if digits is not None:
        return Token(T_NUM, text, start, start + len(text), digits.value, digits, joiner)
    low = " ".join(text.lower().split())
    if low in ("half a", "half an", "half of a", "half of an"):
        return Token(T_HALF_A, text, start, start + len(text), 0.5, None, joiner)
    c = classify_word(low)
    if c is None:
        return None
    kind, value = c
    return Token(kind, text, start, start + len(text), value, None, joiner)


def next_token(tokens: list[Token], i: int) -> Token | None:
    return tokens[i + 1] if i + 1 < len(tokens) else None


def is_compound_tens(t: Token, tokens: list[Token], i: int) -> bool:
    """A tens word that belongs to the ordinal after it ("twenty-fifths")."""
    nxt = next_token(tokens, i)
    return (
        t.kind == T_TENS
        and t.joiner != "and"
        and nxt is not None
        and nxt.kind == T_FRAC
        and nxt.text.lower() in COMPOUND_DENOMINATORS
        and nxt.joiner in (" ", "-")
    )
