"""Sections of the documentation written by code (``factcheck.check.docs``,
``factcheck.rules.docs``): each lies between a BEGIN and an END marker, is replaced whole
by ``python -m MODULE docs/rules.md``, and a test keeps the file equal to what the code
would write."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def replace_section(text: str, begin: str, end: str, section: str) -> str:
    """``text`` with what lies from ``begin`` to ``end`` (both included) replaced by
    ``section`` (which starts and ends with them)."""
    before, found, rest = text.partition(begin)
    if not found:
        raise ValueError(f"marker {begin!r} not found")
    _, found, after = rest.partition(end)
    if not found:
        raise ValueError(f"marker {end!r} not found")
    return before + section + after


def rewrite(argv: list[str] | None, module: str, update: Callable[[str], str]) -> int:
    """The command line of a docs module: rewrite the one file named with ``update``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(f"usage: python -m {module} docs/rules.md", file=sys.stderr)
        return 2
    path = Path(args[0])
    path.write_text(update(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0
