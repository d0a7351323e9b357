"""Scale words and scale abbreviations.

``WORD_SCALES`` are the words that multiply the number before them ("1.4 million",
"three lakh crore"); ``hundred`` and ``dozen`` are handled with the number words in
``number_words`` because they multiply a smaller group ("three hundred and two dozen").

``ABBREVIATION_SCALES`` are written straight after digits, with or without a space:
``1.4m``, ``$2bn``, ``10k``, ``1.2b``, ``10 bln``. Which abbreviations may stand after
a space is decided in ``patterns`` (``SPACED_ABBREVIATIONS``): a spaced lower-case
``m`` is far more often metres than millions, so only unambiguous ones may.

The lower-case ``m`` straight after digits is ambiguous in news copy ("1.4m people" vs
"1.8m tall"). ``readings`` reads it as million when the figure is money ("$1.4m",
"£2m") or the next word is a counted noun (``MILLION_M_NOUNS``) or a capitalised word
("1.4m Palestinians"), and as metres otherwise. ``G`` after a single digit 2-6 is a
mobile-network generation ("5G"), not giga.
"""

from __future__ import annotations

WORD_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}

ABBREVIATION_SCALES: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "M": 1e6,
    "MM": 1e6,
    "mm": 1e6,   # only reachable through money ("$5mm"); a bare "5mm" is millimetres
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "G": 1e9,
    "t": 1e12,   # only reachable through money ("$2.174t"); a bare "5t" is tonnes
    "T": 1e12,
    "tn": 1e12,
    "tln": 1e12,
    "trn": 1e12,
}

# Abbreviations that may follow the digits after a space ("2.33 k", "10 bln").
SPACED_ABBREVIATIONS = ("bn", "bln", "mln", "mn", "tln", "trn", "k", "K", "G", "M", "MM")
# Abbreviations that may be glued to the digits ("1.4m", "10k", "$2bn", "10M").
GLUED_ABBREVIATIONS = (
    "MM", "mln", "mil", "mn", "bn", "bln", "tln", "trn", "tn", "k", "K", "m", "M", "b",
    "B", "G", "T",
)
# Only after a currency ("$5mm", "$2.174t"): see patterns.MONEY_ABBREVIATION.

# Nouns after which "1.4m" is read as millions, not metres.
MILLION_M_NOUNS = frozenset(
    """people residents civilians children women men users customers viewers voters
    refugees jobs homes households tonnes barrels visitors passengers students workers
    votes subscribers copies doses cases deaths patients members followers shares units
    vehicles cars tourists migrants immigrants families adults citizens inhabitants
    listeners readers downloads views signatures names records accounts pupils troops
    soldiers animals birds trees books tickets items packages meals tons acres hectares
    sq square""".split()
)
