"""Vote tallies told in words, read as one tally.

"158 votes in favour, nine against and 13 abstentions", "159 member states backing the
resolution, while 9 voted against and 11 abstained", "passed 158-9 with 13 abstentions",
"approved 14-0 with one abstention": the counts of one vote stand apart in the text, but
they are one figure. The clause analysis gives each figure its part of a vote
(``Frame.vote``: "for", "against", "abstain"); ``tallies`` puts the parts of one sentence
together:

* the count **for** becomes the tally: kind ``tally``, ``parts`` [for, against] or [for,
  against, abstentions], as the dash tally "158-9-13" reads; it needs a count against
  (a count for with abstentions only is not a tally: what it passed by is unknown);
* a dash tally of two parts followed by abstentions ("158-9 with 13 abstentions") takes
  them as its third part;
* the other counts stay claims of their own, parts of the tally (their ``vote``), so no
  figure takes "nine" or "13 abstentions" for a count of anything else.

One tally per sentence: a sentence that reports two votes gives them as dash tallies or
in two sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.extract.context.frame import Frame
from factcheck.models import Claim


@dataclass(frozen=True)
class Tally:
    """One vote of a sentence: the index of the figure that becomes the tally, its
    parts, and the indexes of the figures that are its parts."""

    anchor: int
    parts: tuple[float, ...]
    members: tuple[int, ...]


def _count(claim: Claim) -> float | None:
    value = claim.value
    if claim.unit is not None or value is None or value < 0 or value != int(value) or claim.kind in ("percent", "share", "fraction"):
        return None
    return value


def tallies(claims: Sequence[Claim], frames: Sequence[Frame]) -> Tally | None:
    """The tally the sentence's figures (``claims``, with their ``frames``, in text order)
    tell in words, if any."""
    first: dict[str, int] = {}
    for k, (claim, frame) in enumerate(zip(claims, frames, strict=True)):
        if frame.vote is not None and frame.vote not in first and _count(claim) is not None:
            first[frame.vote] = k
    abstain = first.get("abstain")
    dash = next((k for k, c in enumerate(claims) if c.kind == "tally" and c.parts and len(c.parts) == 2), None)
    if dash is not None and abstain is not None and abstain > dash:
        extra = _count(claims[abstain])
        assert extra is not None
        return Tally(dash, (*claims[dash].parts, extra), (abstain,))  # type: ignore[misc]
    if "for" not in first or "against" not in first or any(c.kind == "tally" for c in claims):
        return None
    members = [first["for"], first["against"]] + ([abstain] if abstain is not None else [])
    parts = tuple(_count(claims[k]) for k in members)
    return Tally(first["for"], parts, tuple(members[1:]))  # type: ignore[arg-type]


__all__ = ["Tally", "tallies"]
