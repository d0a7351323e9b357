"""Where the shipped corpus and rules are.

The top-level ``seeds/`` and ``rules/`` folders of the source tree are the source of
truth; a built wheel carries copies under ``factcheck/_data/`` (see pyproject.toml).
An installed package finds the copies, an editable install or a checkout the originals.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # factcheck/


def _shipped(name: str) -> Path:
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the shipped {name}/ folder is missing from this installation")


def default_corpus() -> Path:
    """The shipped seed corpus."""
    return _shipped("seeds")


def default_rules() -> Path:
    """The shipped rule set."""
    return _shipped("rules")
