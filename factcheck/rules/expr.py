"""Relation expressions: ``hostages_alive + hostages_remains ~ hostages_held``.

A small language of its own, never ``eval``: a tokenizer and a recursive-descent
parser build a tree, and the tree is evaluated on intervals.

Grammar::

    relation   := sum COMPARE sum              (exactly one comparison)
    sum        := product (('+' | '-') product)*
    product    := unary (('*' | '/') unary)*
    unary      := '-' unary | atom
    atom       := NUMBER ['%'] | FIGURE_ID | '(' sum ')'
    COMPARE    := '<=' | '>=' | '<' | '>' | '==' | '~'

``~`` means "agrees within the tolerance": the two sides' intervals overlap once the
tolerance is allowed. ``==`` wants an overlap with no tolerance. ``<=`` and the other
orderings fail only when every value of the left side breaks them against every value
of the right side (a relation is flagged only when it is certainly broken). A number
with ``%`` is a fraction (``90%`` is 0.9).

Syntax errors carry the 0-based column in the expression so the loader can point at
it in the rule file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from factcheck.intervals import Interval, Tolerance

COMPARATORS = ("<=", ">=", "==", "<", ">", "~")


class ExprError(ValueError):
    """A syntax error at ``column`` (0-based) of the expression."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "name", "op", "end"
    text: str
    column: int
    value: float = 0.0


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?%?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><=|>=|==|[<>~+\-*/()])
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            ch = text[pos]
            hint = " (use == to compare)" if ch == "=" else ""
            raise ExprError(f"unexpected character {ch!r}{hint}", pos)
        kind = m.lastgroup
        assert kind is not None
        if kind == "number":
            raw = m.group()
            percent = raw.endswith("%")
            value = float(raw.rstrip("%").replace("_", ""))
            tokens.append(Token("number", raw, pos, value / 100 if percent else value))
        elif kind != "space":
            tokens.append(Token(kind, m.group(), pos))
        pos = m.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


# -- the tree -----------------------------------------------------------------------
@dataclass(frozen=True)
class Number:
    value: float
    column: int

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        return Interval.point(self.value)

    def __str__(self) -> str:
        return f"{self.value:g}"


@dataclass(frozen=True)
class Name:
    name: str
    column: int

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        return env[self.name]

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Negate:
    operand: Node
    column: int

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        return -self.operand.evaluate(env)

    def __str__(self) -> str:
        return f"-{self.operand}"


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node
    column: int

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        a, b = self.left.evaluate(env), self.right.evaluate(env)
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        try:
            return a / b
        except ZeroDivisionError:
            return Interval.unbounded()

    def __str__(self) -> str:
        return f"({self.left} {self.op} {self.right})"


Node = Number | Name | Negate | Binary


@dataclass(frozen=True)
class Relation:
    """``left OP right``; ``text`` is the expression as written."""

    op: str
    left: Node
    right: Node
    text: str

    def sides(self, env: Mapping[str, Interval]) -> tuple[Interval, Interval]:
        return self.left.evaluate(env), self.right.evaluate(env)

    def broken(self, env: Mapping[str, Interval], tolerance: Tolerance) -> bool:
        """Whether the relation certainly fails for the intervals in ``env``."""
        a, b = self.sides(env)
        return broken(self.op, a, b, tolerance)

    def names(self) -> list[Name]:
        """Figure names in order of appearance (repeats included)."""
        out: list[Name] = []
        _names(self.left, out)
        _names(self.right, out)
        return out

    def variables(self) -> list[str]:
        seen: dict[str, None] = {}
        for n in self.names():
            seen.setdefault(n.name, None)
        return list(seen)


def _names(node: Node, out: list[Name]) -> None:
    # A loop with its own stack, not recursion: a long flat sum is a deep tree.
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Name):
            out.append(n)
        elif isinstance(n, Negate):
            stack.append(n.operand)
        elif isinstance(n, Binary):
            stack.append(n.right)
            stack.append(n.left)


def broken(op: str, a: Interval, b: Interval, tolerance: Tolerance) -> bool:
    """Whether ``a OP b`` is false for every value of ``a`` and ``b`` (beyond tolerance)."""
    if op == "~":
        return not a.overlaps(b, tolerance)
    if op == "==":
        return not a.overlaps(b)
    if op == "<=":
        return b.below(a, tolerance)
    if op == ">=":
        return a.below(b, tolerance)
    if op == "<":
        return _never_less(a, b, tolerance)
    if op == ">":
        return _never_less(b, a, tolerance)
    raise ValueError(f"unknown comparison {op!r}")  # pragma: no cover - the parser allows no other


def _never_less(a: Interval, b: Interval, tolerance: Tolerance) -> bool:
    """Whether ``a < b`` fails for every pair: a's lowest value reaches b's highest
    (by more than the tolerance, when there is one)."""
    gap = a.lo - b.hi
    if not tolerance:
        return gap >= 0
    return gap > tolerance.amount(a.lo, b.hi)


# -- the parser ---------------------------------------------------------------------
# A relation is a few figures and numbers; these bounds keep parsing and evaluation
# (both recursive, one call per level of the tree) far from Python's recursion limit
# whatever a rule file holds.
MAX_TERMS = 200  # numbers and figure ids in one relation
MAX_DEPTH = 50  # levels of parentheses and signs


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0
        terms = [t for t in self.tokens if t.kind in ("number", "name")]
        if len(terms) > MAX_TERMS:
            raise ExprError(
                f"too long: {len(terms):,} numbers and figure ids (at most {MAX_TERMS}); split it into several checks",
                terms[MAX_TERMS].column,
            )

    def _deeper(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"nested too deep (more than {MAX_DEPTH} levels of parentheses or signs)", tok.column)

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def relation(self) -> Relation:
        if self.token.kind == "end":
            raise ExprError("empty expression; expected e.g. 'a + b ~ c'", 0)
        left = self.sum()
        tok = self.token
        if tok.kind != "op" or tok.text not in COMPARATORS:
            if tok.kind == "end":
                raise ExprError("expected a comparison (<=, >=, <, >, == or ~) in the relation", tok.column)
            raise ExprError(f"expected an operator or a comparison, got {tok.text!r}", tok.column)
        comparator = self.advance()
        right = self.sum()
        tok = self.token
        if tok.kind == "op" and tok.text in COMPARATORS:
            raise ExprError("only one comparison per relation; write two checks", tok.column)
        if tok.kind != "end":
            raise ExprError(f"unexpected {tok.text!r} after the end of the relation", tok.column)
        return Relation(comparator.text, left, right, self.text)

    def sum(self) -> Node:
        node = self.product()
        while self.token.kind == "op" and self.token.text in "+-" and len(self.token.text) == 1:
            op = self.advance()
            node = Binary(op.text, node, self.product(), op.column)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.token.kind == "op" and self.token.text in ("*", "/"):
            op = self.advance()
            node = Binary(op.text, node, self.unary(), op.column)
        return node

    def unary(self) -> Node:
        if self.token.kind == "op" and self.token.text == "-":
            op = self.advance()
            self._deeper(op)
            node = Negate(self.unary(), op.column)
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        tok = self.token
        if tok.kind == "number":
            self.advance()
            return Number(tok.value, tok.column)
        if tok.kind == "name":
            self.advance()
            return Name(tok.text, tok.column)
        if tok.kind == "op" and tok.text == "(":
            self.advance()
            self._deeper(tok)
            node = self.sum()
            if self.token.kind != "op" or self.token.text != ")":
                raise ExprError(f"expected ')' to close the '(' at column {tok.column + 1}", self.token.column)
            self.advance()
            self.depth -= 1
            return node
        if tok.kind == "end":
            raise ExprError("the expression ends too early; expected a number, a figure id or '('", tok.column)
        raise ExprError(f"expected a number, a figure id or '(', got {tok.text!r}", tok.column)


def parse_relation(text: str) -> Relation:
    """Parse a relation; raises ``ExprError`` with the column of the problem."""
    return _Parser(text).relation()
