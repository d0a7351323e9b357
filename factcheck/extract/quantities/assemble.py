"""From pattern matches to claims: the one pass that strings the stages together.

``find(text)`` runs the pattern over the text once (``prescan.matches``: anchored where
a match can start). Each match becomes zero or more pieces (``match_pieces``), each
piece is read on its own (``readings``), then a second, linear walk over the pieces
joins neighbours whose gap says they belong together (``neighbours``: ranges, tallies,
"one in five"). What is left, and is not a year or dropped as no figure, becomes a
``Claim`` with its interval (``claims``).
"""

from __future__ import annotations

from factcheck.extract.quantities.claims import to_claim
from factcheck.extract.quantities.match_pieces import quantity_pieces, vague_piece
from factcheck.extract.quantities.neighbours import combine
from factcheck.extract.quantities.piece import Piece, drop_hedge
from factcheck.extract.quantities.prescan import matches
from factcheck.extract.quantities.readings import finalise_piece
from factcheck.extract.quantities.time_references import is_time_reference
from factcheck.extract.quantities.unrepresentable import beyond_float, rounded
from factcheck.models import Claim


def find(text: str) -> list[Claim]:
    """Every figure in ``text`` (ASCII digits) as a ``Claim``, in text order."""
    # A figure whose arithmetic fails (a denominator of zero) is no figure: it is
    # skipped, and the rest of the text is still read. One beyond any float is a figure
    # all the same, kept as unrepresentable rather than dropped without a word.
    pieces: list[Piece] = []
    overflowed: list[Claim] = []
    for match_id, m in enumerate(matches(text)):
        if m.group("skip") is not None:
            continue
        try:
            if m.group("vague") is not None:
                vp = vague_piece(m, text, match_id)
                if vp is not None:
                    pieces.append(vp)
            else:
                pieces.extend(quantity_pieces(m, text, match_id))
        except OverflowError:
            kept = beyond_float(m.start(), m.end(), text)
            if kept is not None:
                overflowed.append(kept)
        except (ArithmeticError, ValueError):
            continue
    for p in pieces:
        try:
            finalise_piece(p, text)
        except (ArithmeticError, ValueError):
            p.dropped = True
    pieces = combine(pieces, text)
    claims: list[Claim] = []
    for p in pieces:
        if p.dropped or p.is_year or is_time_reference(p, text):
            continue
        if p.hedge is not None and p.hedge.lower() in ("between", "from"):
            drop_hedge(p)
        if p.hedge is not None and p.hedge.lower() == "over" and p.unit is not None \
                and p.unit.dimension == "time" and not p.unit.age:
            # "over 3 years": a span of time, not "more than"
            drop_hedge(p)
        try:
            c = to_claim(p, text)
        except (ArithmeticError, ValueError):
            c = None
        if c is not None:
            if p.number is not None and p.number.scale == 1.0 and (p.unit is None or p.unit.scale == 1.0):
                c = rounded(c, p.number.integer_digits, p.number.value < 0)
            claims.append(c)
    if overflowed:
        claims = sorted(claims + overflowed, key=lambda c: (c.start, c.end))
    return claims
