"""Numerals: digit parsing, number words, precision (factcheck.extract.quantities: numerals,
digits, number_words, word_runs, word_values)."""

from __future__ import annotations

import pytest

from factcheck.extract.quantities import digits, find_quantities, numerals


@pytest.mark.parametrize(
    "written, value, precision",
    [
        ("810,000", 810_000, 10_000),
        ("32,000", 32_000, 1_000),
        ("128", 128, 1),
        ("250", 250, 10),
        ("100", 100, 100),
        ("1.40", 1.4, 0.01),
        ("4.800", 4.8, 0.001),
        (".08", 0.08, 0.01),
        ("1\u202f234\u202f567.89", 1_234_567.89, 0.01),
        ("5,00", 5.0, 0.01),
        ("1,3", 1.3, 0.1),
        ("-9.2321312", -9.2321312, 1e-7),
        ("1e10", 1e10, 1e10),
        ("3/4", 0.75, 0.25),
        ("2 1/2", 2.5, 0.5),
    ],
)
def test_digit_numbers_parse_to_value_and_precision(written, value, precision):
    n = digits.parse_digits(written, 0)
    assert n is not None
    assert n.value == pytest.approx(value)
    assert n.precision == pytest.approx(precision)


def test_scale_abbreviation_multiplies_value_and_precision():
    n = digits.parse_digits("1.4", 0, abbreviation="m")
    assert n.value == 1_400_000
    assert n.precision == pytest.approx(100_000)


def test_division_by_zero_fraction_is_not_a_number():
    assert digits.parse_digits("1/0", 0) is None


@pytest.mark.parametrize("n, p", [(0, 1), (7, 1), (20, 10), (32_000, 1_000), (1_000_000, 1_000_000)])
def test_precision_of_integer_is_place_of_last_nonzero_digit(n, p):
    assert numerals.precision_of_integer(n) == p


@pytest.mark.parametrize(
    "text, values",
    [
        ("one hundred and three and two thirds", [103 + 2 / 3]),
        ("twenty-three fifths", [4.6]),
        ("one hundred thirty fifths", [100 / 35]),
        ("one hundred and thirty fifths", [26]),
        ("a twenty-first", [1 / 21]),
        ("three dozens", [36]),
        ("three hundred and two dozens", [324]),
        ("half a dozen", [6]),
        ("322 hundred", [32_200]),
        ("4 thousand 3 hundred and 21", [4321]),
        ("4000 3 hundred and 21", [4000, 321]),
        ("one billion and three quarters million", [1_000_750_000]),
        ("six million and two thirds", [6_000_000 + 2_000_000 / 3]),
        ("two thirds of a million", [2_000_000 / 3]),
        ("nought point nought three", [0.03]),
        ("two hundred point seventy-one", [200.71]),
        ("one over three", [1 / 3]),
        ("twenty twenty fifths", [0.8]),
        ("three million, two hundred & forty", [3_000_240]),
        ("minus twenty five and thirty six", [-25, 36]),
    ],
)
def test_word_numbers_split_and_value(text, values):
    got = [c.value for c in find_quantities(text)]
    assert got == pytest.approx(values)


def test_word_number_precision_follows_value():
    (c,) = find_quantities("twenty people")
    assert (c.lower, c.upper) == (20, 20)  # a count below 100: counted exactly
    (c,) = find_quantities("two million people")
    assert (c.lower, c.upper) == (1_900_000, 2_100_000)  # one digit: a rounding no looser than 5%
