"""Extraction: from text to numeric claims with their context.

``extract(text, published)`` is the public entry point. It runs two stages over the
text: ``quantities`` finds every figure with its hedge, interval and unit, and
``context`` fills in what it counts, the verb, place, source and date.
"""

from __future__ import annotations

from datetime import date

from factcheck.models import Claim


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Every numeric claim in ``text``, in text order.

    ``published`` is the date relative dates ("on Monday", "since May 6") resolve
    against; without it such claims carry no ``as_of``.
    """
    raise NotImplementedError("extraction lands with issue 3")
