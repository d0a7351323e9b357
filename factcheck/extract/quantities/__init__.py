"""Quantity extraction: every figure in news English, with its hedge, interval and unit.

``find_quantities(text)`` returns one ``Claim`` per figure, in text order, with
``start``/``end``/``surface`` (hedge included: "more than 1.4 million"), ``value``,
``lower``/``upper`` and ``lower_open``/``upper_open`` (the interval the hedge and the
rounding imply, see ``factcheck.hedging``), ``qualifier``, ``unit`` (pint canonical name, ISO
4217 code, "percent"), ``kind``, ``parts`` (tallies) and ``hedge``. Context fields
(entity, predicate, location, attribution, as_of, sentence) are left for the context
stage.

Kinds: ``count`` (a bare number), ``fraction`` (a bare fraction, "two thirds" ->
0.667), ``quantity`` (a physical quantity with a pint unit), ``temperature``, ``age``
("29 years old", "aged 87"), ``money``, ``percent`` ("40%"), ``share`` ("a third of",
"one in five", "more than half": unit percent), ``percentage_points``, ``tally``
("14-0": value the first part, ``parts`` all parts).

How it works (one pass): ``patterns`` compiles one pattern of every figure and every
non-figure (``exclusions``); ``prescan`` finds where a match can start and ``assemble``
walks the matches found there once: each match becomes pieces (``match_pieces``: the
numerals parsed by ``digits`` or ``number_words``/``word_runs``/``word_values``, with
``scales``; units resolved by ``units`` and ``unit_cues``; hedges by ``hedges``; vague
amounts by ``vague``), each piece is read on its own (``readings``), neighbours are
joined (``neighbours``: ranges, tallies, "one in five") and each piece becomes a claim
with its interval (``claims``, ``factcheck.hedging``).

Module map:

==================  =================================================================
``assemble``        the pass: matches -> pieces -> readings -> neighbours -> claims
``prescan``         where a match can start (one cheap pass), the matches found there
``patterns``        the single compiled pattern, and the tries it is built of
``exclusions``      dates, times, ordinals, phones, IPs, designations, idioms, years
``numerals``        ``Number``: a number as written, value + precision
``digits``          digits, separators, exponents, vulgar fractions -> ``Number``
``number_words``    the number-word lexicon and the tokens a run of words is read as
``word_runs``       where the numbers of a run of number words start and end
``word_values``     the value and precision of one number written in words
``scales``          million/bn/k/lakh/crore, the "1.4m" rule
``units``           unit words, symbols and currencies (``units.json``) -> pint names
``unit_cues``       which unit an ambiguous unit word is ("pounds", "C", "in", "°")
``quote_marks``     an inch or foot mark, or a quotation mark ('6" tall', "“3,000”")
``hedges``          hedge words -> qualifier + interval rule
``vague``           "dozens of", "hundreds of thousands of" -> intervals
``piece``           ``Piece``: one figure while it is assembled
``match_pieces``    one match -> pieces: prefixes, the run's numbers, suffixes, units
``readings``        one piece on its own: m/K/G, codes, compounds, years, fractions
``nearby``          the words next to a figure, cue words
``neighbours``      ranges, tallies, "one in five", "one over three", year ranges
``claims``          a piece -> ``Claim``: kind, unit name, qualifier, interval
``conversions``     "€10 ($11)": a bracketed conversion is the same figure
``changes``         changes and levels: "rose 3%", "from X to Y" -> role, direction
``comparisons``     "48,200, down from 51,000 a year earlier": the new and old values
``apostrophe_years`` "the class of '98": a year (the dates stage's), not the figure 98
==================  =================================================================
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factcheck.models import Claim


@lru_cache(maxsize=1)
def _digit_table() -> dict[int, str]:
    # Every decimal digit Unicode has (Arabic-Indic, Devanagari, fullwidth, ...) and the
    # Arabic separators: each maps to one ASCII character, so offsets do not move.
    table = {
        c: str(unicodedata.decimal(chr(c)))
        for c in range(0x80, 0x110000)
        if unicodedata.category(chr(c)) == "Nd"
    }
    table[0x066B] = "."  # ARABIC DECIMAL SEPARATOR
    table[0x066C] = ","  # ARABIC THOUSANDS SEPARATOR
    return table


# What ``_digit_table`` changes: a decimal digit (category Nd) that is not ASCII, or an
# Arabic separator. Looked for first, so that text with curly quotes and dashes only
# never pays for building the table (0.2 s, in every worker).
_TRANSLATED = re.compile("[^\\D0-9]|[\u066b\u066c]")


def _ascii_digits(text: str) -> str:
    """``text`` with every non-ASCII digit as its ASCII digit, same length."""
    if text.isascii() or not _TRANSLATED.search(text):
        return text
    return text.translate(_digit_table())


def find_quantities(text: str) -> list[Claim]:
    """Every figure in ``text`` as a ``Claim`` (context fields empty), in text order.

    Figures written in other digit systems ("٣٢٬٠٠٠" in an English article) are read
    like ASCII ones; their surface stays as written.
    """
    from factcheck.extract.quantities.apostrophe_years import drop_apostrophe_years
    from factcheck.extract.quantities.assemble import find
    from factcheck.extract.quantities.changes import mark_changes
    from factcheck.extract.quantities.conversions import mark_conversions

    if not text:
        return []
    scan = _ascii_digits(text)
    claims = mark_conversions(scan, mark_changes(scan, drop_apostrophe_years(scan, find(scan))))
    if scan is text:
        return claims
    return [
        c if text[c.start : c.end] == c.surface else c.model_copy(update={"surface": text[c.start : c.end]})
        for c in claims
    ]


__all__ = ["find_quantities"]
