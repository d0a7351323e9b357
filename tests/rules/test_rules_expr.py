"""Relation expressions: own tokenizer and parser, evaluated on intervals, never eval."""

from __future__ import annotations

import math

import pytest

from factcheck.intervals import Interval, Tolerance
from factcheck.rules.expr import Binary, ExprError, Name, Number, parse_relation

HELD = {"hostages_held": Interval.point(128), "hostages_taken": Interval(225, 275)}


def test_precedence_and_parentheses() -> None:
    r = parse_relation("a + b * 2 ~ (a + b) * 2")
    assert r.op == "~"
    assert r.left == Binary("+", Name("a", 0), Binary("*", Name("b", 4), Number(2.0, 8), 6), 2)
    assert str(r.right) == "((a + b) * 2)"
    assert r.variables() == ["a", "b"]


def test_numbers_percentages_and_negation() -> None:
    r = parse_relation("x <= 90% * y - -1_000")
    env = {"x": Interval.point(1), "y": Interval.point(100)}
    left, right = r.sides(env)
    assert left == Interval.point(1)
    assert (right.lo, right.hi) == (pytest.approx(1090), pytest.approx(1090))


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("a +", 3, "the expression ends too early"),
        ("a = b", 2, "unexpected character '='"),
        ("a < b < c", 6, "only one comparison per relation"),
        ("(a + b ~ c", 7, "expected ')'"),
        ("a b", 2, "expected an operator or a comparison"),
        ("a + b", 5, "expected a comparison"),
        ("", 0, "empty expression"),
        ("__import__('os') ~ a", 11, "unexpected character"),
    ],
)
def test_syntax_errors_carry_the_column(text: str, column: int, message: str) -> None:
    with pytest.raises(ExprError) as info:
        parse_relation(text)
    assert info.value.column == column
    assert message in info.value.message


def test_held_at_most_taken() -> None:
    r = parse_relation("hostages_held <= hostages_taken")
    assert not r.broken(HELD, Tolerance())
    assert r.broken({"hostages_held": Interval(255, 265), "hostages_taken": Interval(245, 255, hi_open=True)}, Tolerance())
    # overlapping intervals cannot certainly break an ordering
    assert not r.broken({**HELD, "hostages_held": Interval(260, 270)}, Tolerance())


def test_alive_plus_remains_agrees_with_held_within_tolerance() -> None:
    r = parse_relation("alive + remains ~ held")
    env = {"alive": Interval(50, 150), "remains": Interval(25, 35), "held": Interval.point(128)}
    assert not r.broken(env, Tolerance())
    env["alive"] = Interval.point(50)
    assert r.broken(env, Tolerance(relative=0.1))
    assert not r.broken(env, Tolerance(absolute=60))


@pytest.mark.parametrize(
    ("op", "a", "b", "broken"),
    [
        ("<", Interval.point(5), Interval.point(5), True),
        ("<", Interval(4, 5), Interval.point(5), False),
        (">", Interval.point(6), Interval.point(5), False),
        (">=", Interval.point(4), Interval.point(5), True),
        ("==", Interval(1, 2), Interval(2, 3), False),
        ("==", Interval(1, 2), Interval(2.5, 3), True),
    ],
)
def test_comparisons_fail_only_when_certainly_broken(op: str, a: Interval, b: Interval, broken: bool) -> None:
    assert parse_relation(f"a {op} b").broken({"a": a, "b": b}, Tolerance()) is broken


def test_division_by_a_possible_zero_cannot_break_anything() -> None:
    r = parse_relation("a / b <= 1")
    assert not r.broken({"a": Interval.point(5), "b": Interval(-1, 1)}, Tolerance())
    assert r.sides({"a": Interval.point(5), "b": Interval(-1, 1)})[0].lo == -math.inf
