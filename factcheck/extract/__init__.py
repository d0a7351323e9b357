"""Extraction: from text to numeric claims with their context.

``extract(text, published)`` is the public entry point. It runs two stages over the
text: ``quantities`` finds every figure with its hedge, interval and unit (one pass of
one compiled pattern set), and ``context`` fills in what it counts, the verb, the
place, who says so and the date the figure refers to. Both read only what the
document's ``budget`` allows (``factcheck.extract.budget``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from factcheck.models import Claim

if TYPE_CHECKING:
    from factcheck.extract.budget import Budget
    from factcheck.extract.context.gazetteer import Gazetteer


def extract(
    text: str,
    published: date | None = None,
    gazetteer: Gazetteer | None = None,
    budget: Budget | None = None,
) -> list[Claim]:
    """Every numeric claim in ``text``, in text order.

    ``published`` is the date relative dates ("on Monday", "since May 6") resolve
    against; without it such claims carry no ``as_of``. ``gazetteer`` is the set of
    places locations are recognised from; by default the one shipped with the rules.
    Claims come back without ``id`` and ``doc``: those belong to a document
    (see ``factcheck.pipeline``). ``budget`` (default: ``DEFAULT_BUDGET``) bounds how
    many numbers of the document and of one sentence are read.
    """
    from factcheck.extract.budget import DEFAULT_BUDGET, read_plan
    from factcheck.extract.context import annotate
    from factcheck.extract.quantities import find_quantities

    plan = read_plan(text, budget if budget is not None else DEFAULT_BUDGET)
    # Past the document's budget nothing is even scanned: the cost stops there.
    claims = find_quantities(text[: plan.limit] if plan.limit < len(text) else text)
    if plan.cuts:
        claims = [c for c in claims if plan.reads(c.start)]
    return annotate(text, claims, published, gazetteer)
