"""Hand-made claims for testing the context stage without the quantities stage."""

from __future__ import annotations

from datetime import date
from typing import Any

from factcheck.extract.context import annotate
from factcheck.models import Claim


def claim_at(text: str, surface: str, nth: int = 0, **fields: Any) -> Claim:
    """A claim on the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    values: dict[str, Any] = {"value": 1.0, "lower": 1.0, "upper": 1.0, "qualifier": "exact"}
    values.update(fields)
    return Claim(start=start, end=start + len(surface), surface=surface, **values)


def annotate_surfaces(
    text: str, surfaces: list[str | tuple[str, int]], published: date | None = date(2024, 5, 22), **kw: Any
) -> dict[str, Claim]:
    """Annotate claims on the given surfaces (``(surface, nth)`` for a later occurrence);
    returns them keyed by surface."""
    claims = []
    for item in surfaces:
        surface, nth = (item, 0) if isinstance(item, str) else item
        claims.append(claim_at(text, surface, nth, **kw.get("fields", {}).get(surface, {})))
    claims.sort(key=lambda c: c.start)
    out = annotate(text, claims, published, kw.get("gazetteer"))
    return {c.surface: c for c in out}


def annotate_one(text: str, surface: str, published: date | None = date(2024, 5, 22), **fields: Any) -> Claim:
    (out,) = annotate(text, [claim_at(text, surface, **fields)], published)
    return out
