"""Quantity extraction: every figure in news English, with its hedge, interval and unit.

``find_quantities(text)`` returns one ``Claim`` per figure, in text order, with
``start``/``end``/``surface`` (hedge included: "more than 1.4 million"), ``value``,
``lower``/``upper`` and ``lower_open``/``upper_open`` (the interval the hedge and the
rounding imply, see ``intervals``), ``qualifier``, ``unit`` (pint canonical name, ISO
4217 code, "percent"), ``kind``, ``parts`` (tallies) and ``hedge``. Context fields
(entity, predicate, location, attribution, as_of, sentence) are left for the context
stage.

Kinds: ``count`` (a bare number), ``fraction`` (a bare fraction, "two thirds" ->
0.667), ``quantity`` (a physical quantity with a pint unit), ``temperature``, ``age``
("29 years old", "aged 87"), ``money``, ``percent`` ("40%"), ``share`` ("a third of",
"one in five", "more than half": unit percent), ``percentage_points``, ``tally``
("14-0": value the first part, ``parts`` all parts).

How it works (one pass): ``patterns`` compiles one pattern of every figure and every
non-figure (``exclusions``); ``assemble`` walks its matches once, parses the numerals
(``numerals``, ``scales``), resolves units (``units``: one pint registry, tables built
once), hedges (``hedges``) and vague amounts (``vague``), joins neighbours (ranges,
tallies, "one in five") and computes intervals (``intervals``).

Module map:

=================  ==================================================================
``numerals``       digits, separators, number words, fractions -> value + precision
``scales``         million/bn/k/lakh/crore, the "1.4m" rule
``units``          the application pint registry, unit words, currencies
``hedges``         hedge words -> qualifier + interval rule
``intervals``      precision, rounding and the hedge interval rule
``vague``          "dozens of", "hundreds of thousands of" -> intervals
``exclusions``     dates, times, ordinals, phones, IPs, designations, idioms, years
``patterns``       the single compiled pattern
``assemble``       the pass over the matches, neighbours, claims
=================  ==================================================================
"""

from __future__ import annotations

from factcheck.models import Claim


def find_quantities(text: str) -> list[Claim]:
    """Every figure in ``text`` as a ``Claim`` (context fields empty), in text order."""
    from factcheck.extract.quantities.assemble import find

    if not text:
        return []
    return find(text)


__all__ = ["find_quantities"]
