"""``Piece``: one figure while it is assembled, from its match to its claim.

A match of the pattern becomes zero or more pieces (``match_pieces``); each is read on
its own (``readings``), joined with its neighbours (``neighbours``) and turned into a
``Claim`` (``claims``).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.quantities import units
from factcheck.extract.quantities.numerals import Number


@dataclass(slots=True)
class Piece:
    start: int                      # claim span start (hedge included)
    end: int                        # claim span end (unit, suffix hedge included)
    num_start: int
    num_end: int
    value: float | None
    precision: float
    number: Number | None = None
    hedge: str | None = None        # prefix hedge as written
    hedge_end: int = -1             # where the figure starts once the hedge is removed
    post: str | None = None         # suffix hedge as written
    unit: units.UnitInfo | None = None
    currency: str | None = None
    kind: str = "count"
    agepre: bool = False
    unc: float | None = None
    vague: tuple[float, float] | None = None
    parts: list[float] | None = None
    lower: float | None = None      # set for ranges
    upper: float | None = None
    is_range: bool = False
    is_year: bool = False
    dropped: bool = False
    match_id: int = 0
    last_in_match: bool = True
    from_words: bool = False


def drop_hedge(p: Piece) -> None:
    """Forget a prefix hedge that turned out not to be one ("from", "over 3 years")."""
    if p.hedge is None:
        return
    p.hedge = None
    if p.hedge_end >= 0:
        p.start = p.hedge_end
