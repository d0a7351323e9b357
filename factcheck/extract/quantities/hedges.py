"""Hedges: the words around a figure that say how exact it claims to be.

Each hedge maps to a contract ``qualifier`` and to an interval *rule* (``factcheck.hedging``
turns value + precision + rule into ``lower``/``upper``):

=========================================================  ==========  ===============
hedge (as written, case-insensitive)                       qualifier   rule
=========================================================  ==========  ===============
about, around, roughly, approximately, approx., some,      approx      ``approx``
an estimated, the estimated, circa, c., in the region of,
on the order of, give or take, ... or so, ...-ish
more than, over, upwards of, above, in excess of,          over        ``over``
exceeding, north of, just over, well over, ...-plus, ...+,
topped, surpassed, exceeded
at least, no fewer than, no less than, a minimum of,       at_least    ``at_least``
... or more, ... and up, ... or above
nearly, almost, close to, just under, just shy of,         under       ``nearly``
not quite, approaching
fewer than, less than, under, below, just below            under       ``below``
up to, as many as, as much as, no more than, at most,      at_most     ``at_most``
not more than, a maximum of, within, ... or fewer, ... or less
between ... and ..., from ... to ...                       range       (ranges)
=========================================================  ==========  ===============

"over" before a time span is a preposition, not a hedge ("$2000 over 3 years"), and is
dropped by ``assemble``.
"""

from __future__ import annotations

# prefix hedge (lower-case, single spaces) -> (qualifier, rule)
PREFIX_HEDGES: dict[str, tuple[str, str]] = {}


def _add(words: str, qualifier: str, rule: str) -> None:
    for w in words.split("|"):
        PREFIX_HEDGES[w] = (qualifier, rule)


_add(
    "about|around|roughly|approximately|approx.|approx|some|an estimated|the estimated|"
    "circa|ca.|in the region of|on the order of|in the order of|an approximate|"
    "approximate|give or take|around about|just about|something like",
    "approx",
    "approx",
)
# Verbs of passing a mark: the figure is a floor the count went past ("attendance topped
# 500,000"), measured as "over" in docs/hedges.md. They are the clause's verb too: what
# the figure counts is their subject (``factcheck.extract.context.entity``).
VERB_HEDGES = frozenset("topped surpassed exceeded tops surpasses exceeds".split())
_add(
    "more than|over|upwards of|upward of|above|in excess of|exceeding|north of|"
    "just over|well over|just more than|well above|slightly more than|slightly over|"
    "well in excess of|more than an estimated|over an estimated|greater than|higher than|"
    "a little over|a little more than|older than|" + "|".join(sorted(VERB_HEDGES)),
    "over",
    "over",
)
_add(
    "at least|no fewer than|no less than|a minimum of|not less than|not fewer than|"
    "at a minimum",
    "at_least",
    "at_least",
)
_add(
    "nearly|almost|close to|just under|just shy of|shy of|not quite|approaching|"
    "just below|a little under|a little less than|slightly less than|slightly under",
    "under",
    "nearly",
)
_add(
    "fewer than|less than|under|below|lower than|well under|well below|younger than",
    "under",
    "below",
)
_add(
    "up to|as many as|as much as|no more than|at most|not more than|a maximum of|"
    "at the most|a max of|as high as|within",
    "at_most",
    "at_most",
)
_add("as few as|as little as|as low as", "at_least", "at_least")

# Words that introduce a range and are not hedges on their own.
RANGE_INTRODUCERS = ("between", "from")

# suffix hedge -> (qualifier, rule); keys are normalised (lower-case, single spaces,
# no leading hyphen/space).
SUFFIX_HEDGES: dict[str, tuple[str, str]] = {
    "or more": ("at_least", "at_least"),
    "or above": ("at_least", "at_least"),
    "or higher": ("at_least", "at_least"),
    "or greater": ("at_least", "at_least"),
    "or over": ("at_least", "at_least"),
    "and up": ("at_least", "at_least"),
    "and above": ("at_least", "at_least"),
    "and over": ("at_least", "at_least"),
    "plus": ("over", "over"),
    "+": ("over", "over"),
    "odd": ("over", "over"),
    "or so": ("approx", "approx"),
    "ish": ("approx", "approx"),
    "or fewer": ("at_most", "at_most"),
    "or less": ("at_most", "at_most"),
    "or under": ("at_most", "at_most"),
    "or below": ("at_most", "at_most"),
}


def normalise(hedge: str) -> str:
    """Lower-case, single spaces, no leading hyphen: the key into the tables."""
    return " ".join(hedge.lower().replace("-", " ").split()).strip()


def prefix(hedge: str) -> tuple[str, str] | None:
    return PREFIX_HEDGES.get(normalise(hedge))


def suffix(hedge: str) -> tuple[str, str] | None:
    key = normalise(hedge)
    if key.startswith("+"):
        key = "+"
    return SUFFIX_HEDGES.get(key)
