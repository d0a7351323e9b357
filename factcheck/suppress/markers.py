"""Inline suppression markers in drafts.

An HTML comment, which Markdown renderers and CMSes do not show::

    <!-- factcheck: ignore gaza-toll-outdated reason="quoting the March figure on purpose" -->
    The ministry said in March that over 30,000 had been killed.

or at the end of the line it is about::

    Over 30,000 had been killed by March. <!-- factcheck: ignore outdated reason="dated figure" -->

``ignore`` names one or more rule ids, or check kinds (``outdated``), separated by
commas or spaces, and a ``reason`` is required (in double or single quotes). A marker
alone on its line covers the next non-blank line; a marker after text covers its own
line. Problems (no reason, no rule, an unknown directive, an unclosed quote) are
errors with the file, line and column, so a typo never silently suppresses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.errors import FactcheckError, InputError, SourceLocation
from factcheck.models import Document

_MARKER = re.compile(r"<!--\s*factcheck\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
_RULE_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$")

EXAMPLE = '<!-- factcheck: ignore RULE reason="why this figure is right" -->'


class SuppressionError(InputError):
    """A suppression marker or baseline file that cannot be used."""


class SuppressionErrors(FactcheckError):
    """Every bad suppression marker found, reported together (exit code 2)."""

    def __init__(self, errors: list[SuppressionError]) -> None:
        super().__init__(f"{len(errors)} bad suppression marker(s)")
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


@dataclass(frozen=True)
class Marker:
    """One parsed marker. ``line`` and ``column`` are 1-based in the source file."""

    doc_id: str
    path: str
    line: int
    column: int
    rules: tuple[str, ...]
    reason: str
    covers: tuple[int, ...]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def matches(self, rule: str, kind: str) -> str | None:
        """The token of this marker that names ``rule`` (or its check ``kind``)."""
        for token in self.rules:
            if token == rule or token == kind:
                return token
        return None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _line_index(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _parse_body(body: str) -> tuple[str | None, tuple[str, ...], str | None, str | None]:
    """(directive, rules, reason, problem) of a marker's text after "factcheck:"."""
    s = body.strip()
    m = re.match(r"([A-Za-z][\w-]*)", s)
    if not m:
        return None, (), None, f"expected 'ignore' after 'factcheck:'; write {EXAMPLE}"
    directive = m.group(1)
    if directive.lower() != "ignore":
        return directive, (), None, f"unknown directive {directive!r}; the only one is 'ignore', as in {EXAMPLE}"
    rest = s[m.end() :]
    reason: str | None = None
    r = re.search(r"\breason\s*=\s*", rest)
    if r is not None:
        value = rest[r.end() :]
        quote = value[:1]
        if quote not in ('"', "'"):
            return directive, (), None, f"the reason must be quoted: reason=\"...\"; write {EXAMPLE}"
        close = value.find(quote, 1)
        if close == -1:
            return directive, (), None, f"the reason's closing {quote} is missing"
        reason = " ".join(value[1:close].split())
        trailing = value[close + 1 :].strip()
        if trailing:
            return directive, (), None, f"unexpected text after the reason: {trailing!r}"
        rest = rest[: r.start()]
    tokens = tuple(t for t in re.split(r"[\s,]+", rest.strip()) if t)
    bad = [t for t in tokens if not _RULE_ID.match(t)]
    if bad:
        return directive, tokens, reason, f"{bad[0]!r} is not a rule id; write {EXAMPLE}"
    if not tokens:
        return directive, tokens, reason, f"name the rule to ignore; write {EXAMPLE}"
    if reason is None or not reason:
        return directive, tokens, reason, f"a suppression needs a reason; write {EXAMPLE}"
    return directive, tokens, reason, None


def parse_markers(doc: Document) -> tuple[list[Marker], list[SuppressionError]]:
    """The markers in a document's text, and the problems with any that are malformed."""
    text = doc.text
    if "factcheck" not in text.lower():
        return [], []
    starts = _line_starts(text)
    lines = text.split("\n")
    markers: list[Marker] = []
    errors: list[SuppressionError] = []
    for m in _MARKER.finditer(text):
        first = _line_index(starts, m.start())
        last = _line_index(starts, m.end() - 1)
        line_no = first + 1 + doc.line_offset
        column = m.start() - starts[first] + 1
        _directive, rules, reason, problem = _parse_body(m.group("body"))
        if problem is not None:
            errors.append(SuppressionError(problem, SourceLocation(doc.path, line_no, column)))
            continue
        assert reason is not None
        before = text[starts[first] : m.start()]
        after = lines[last][m.end() - starts[last] :] if last < len(lines) else ""
        alone = not _MARKER.sub("", before).strip() and not _MARKER.sub("", after).strip()
        covers = list(range(first, last + 1))
        if alone:
            nxt = last + 1
            while nxt < len(lines) and (not lines[nxt].strip() or _only_markers(lines[nxt])):
                nxt += 1
            if nxt < len(lines):
                covers.append(nxt)
        markers.append(
            Marker(
                doc_id=doc.id,
                path=doc.path,
                line=line_no,
                column=column,
                rules=rules,
                reason=reason,
                covers=tuple(i + 1 + doc.line_offset for i in covers),
            )
        )
    # An unclosed marker would otherwise be ignored without a word.
    for m in re.finditer(r"<!--\s*factcheck\s*:", text, re.IGNORECASE):
        if "-->" not in text[m.end() :]:
            first = _line_index(starts, m.start())
            errors.append(
                SuppressionError(
                    "suppression marker is not closed with -->",
                    SourceLocation(doc.path, first + 1 + doc.line_offset, m.start() - starts[first] + 1),
                )
            )
    return markers, errors


def _only_markers(line: str) -> bool:
    return bool(_MARKER.search(line)) and not _MARKER.sub("", line).strip()
