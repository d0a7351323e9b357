"""Fuzz target: the relation grammar (``factcheck/rules/expr.py``), with hypothesis.

Any text is either a ``Relation`` or an ``ExprError`` whose column lies in the text and
whose message is one line; a relation names its figures, prints, and evaluates on any
intervals of its figures (finite, huge, unbounded, a point) to a verdict, never an
exception. Texts are drawn two ways: from the grammar (sums and products of numbers,
figure ids, signs and parentheses around one comparison, then mutated), and as any
string over the grammar's characters.

    python fuzz/fuzz_relation.py --examples 200000 --seed 1     # the long run
"""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

import _common  # noqa: F401 - puts the checkout on sys.path
import _hypothesis_run

from factcheck.intervals import Interval, Tolerance
from factcheck.rules.expr import COMPARATORS, ExprError, parse_relation

NAMES = ("toll", "hostages_held", "alive", "a", "_x9")
NUMBERS = ("0", "1", "2.5", ".5", "90%", "1e400", "1e-400", "1_000", "00", "9" * 400, "1e308")
_CHARS = "abtl_09.%eE+-*/()<>=~ \t\n!,"

atoms = st.sampled_from(NAMES) | st.sampled_from(NUMBERS)
terms = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(" + - * / ".split()), inner).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
        inner.map(lambda x: f"-{x}"),
        inner.map(lambda x: f"({x})"),
    ),
    max_leaves=30,
)
grammar = st.tuples(terms, st.sampled_from(COMPARATORS), terms).map(lambda t: f"{t[0]} {t[1]} {t[2]}")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A grammatical relation with a few characters inserted, deleted or replaced."""
    text = draw(grammar)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        ch = draw(st.sampled_from(_CHARS))
        if action == "insert":
            text = text[:at] + ch + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + ch + text[at + 1 :]
    return text


texts = grammar | mutated() | st.text(alphabet=_CHARS, max_size=120) | st.text(max_size=40)

ends = st.sampled_from((0.0, -0.0, 1.0, -3.5, 1e-300, 1e300, -1e300, 1.7976931348623157e308, math.inf, -math.inf))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    lo, hi = sorted((draw(ends | st.floats(allow_nan=False)), draw(ends | st.floats(allow_nan=False))))
    return Interval(lo, hi, draw(st.booleans()) if lo != hi else False, draw(st.booleans()) if lo != hi else False)


tolerances = st.builds(
    Tolerance,
    absolute=st.sampled_from((0.0, 2.0, 1e300)),
    relative=st.sampled_from((0.0, 0.02, 1.0)),
)


def check_relation(text: str, env_values: list[Interval], tolerance: Tolerance) -> None:
    """What must hold for one text (raises AssertionError, or the crash, when not)."""
    try:
        relation = parse_relation(text)
    except ExprError as exc:
        assert 0 <= exc.column <= len(text), (exc.column, len(text))
        assert exc.message and "\n" not in exc.message, exc.message
        return
    names = relation.variables()
    assert set(names) <= {n.name for n in relation.names()}
    assert str(relation.left) and str(relation.right)
    env = {name: env_values[k % len(env_values)] for k, name in enumerate(names)}
    verdict = relation.broken(env, tolerance)
    assert isinstance(verdict, bool)


@given(text=texts, env_values=st.lists(intervals(), min_size=1, max_size=4), tolerance=tolerances)
def fuzz_relation(text: str, env_values: list[Interval], tolerance: Tolerance) -> None:
    check_relation(text, env_values, tolerance)


def run(examples: int, seed_value: int | None = None) -> None:
    """Run the target for ``examples`` inputs (the same ones for the same seed)."""
    _hypothesis_run.run_hypothesis(fuzz_relation, examples, seed_value)


if __name__ == "__main__":
    _hypothesis_run.hypothesis_main(fuzz_relation, "fuzz_relation", __doc__)
