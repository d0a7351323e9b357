"""Quotation marks and apostrophes after a figure are not inches and feet.

In news copy ``"`` and ``”`` after a number almost always close a quotation, and ``'``
and ``’`` close a single quotation or are an apostrophe. They are read as inches and
feet only when the figure is a measurement by its form (``units`` module doc, rule
``quote_mark``); the primes ``″`` and ``′`` are always inches and feet.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.extract.quantities import find_quantities


def _read(text: str) -> list[tuple[str, str | None]]:
    return [(c.surface, c.unit) for c in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It’s thought “more than 3,000” fled.", [("more than 3,000", None)]),
        ('Officials said "3,000" fled.', [("3,000", None)]),
        ("Officials said ‘3,000’ fled.", [("3,000", None)]),
        ("Officials said '3,000' fled.", [("3,000", None)]),
        ("It's the ‘Top 10’ list.", [("10", None)]),
        ('The class is "English 101". I skipped it.', [("101", None)]),
        # no opening quote in sight, but nothing says it is a measurement either
        ("said some 3,000” fled the city", [("some 3,000", None)]),
        ("a group of 3,000' in the north", [("3,000", None)]),
        ("the figure rose 40’ overnight", [("40", None)]),
        # the opening quote is in the same paragraph, several sentences back
        ("“We counted them. It was over 3,000” he said.", [("over 3,000", None)]),
    ],
)
def test_a_closing_quote_or_apostrophe_after_a_figure_is_not_inches_or_feet(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a 55" TV', [('55"', "inch")]),
        ("The 6’ wall", [("6’", "foot")]),
        ("a 10' pole", [("10'", "foot")]),
        ('12" x 8"', [('12"', "inch"), ('8"', "inch")]),
        ("a 20' by 30' room", [("20'", "foot"), ("30'", "foot")]),
        ("He is 6' tall", [("6'", "foot")]),
        ('a 12" wide board', [('12"', "inch")]),
        ("The door is 2'6\" high", [("2'", "foot"), ('6"', "inch")]),
        ("He was 5’10” and fast", [("5’", "foot"), ("10”", "inch")]),
        ("He is 6' 2\" tall", [("6'", "foot"), ('2"', "inch")]),
        # primes are never quotation marks
        ("the 12″ pizza", [("12″", "inch")]),
        ("the 30′ boat fled", [("30′", "foot")]),
        # a straight inch mark inside a curly quotation is not its closing mark
        ("“I bought a 55\" TV,” he said.", [('55"', "inch")]),
        # a quotation opened and closed before the figure does not make it a quote
        ('He called it "the best". A 55" TV costs more.', [('55"', "inch")]),
    ],
)
def test_inch_and_foot_marks_in_a_dimension_context_are_read(text, expected):
    assert _read(text) == expected


def test_the_reported_sentence_gives_a_plain_count_with_its_hedge():
    (claim,) = extract("It’s thought “more than 3,000” fled.")
    assert claim.surface == "more than 3,000"
    assert claim.unit is None
    assert claim.qualifier == "over"
    assert claim.value == 3000
