"""A verb of passing a mark ("topped", "surpassed", "exceeded") is read as a hedge (the
figure is a floor: qualifier "over") and is the clause's verb as well: what the figure
counts is its subject, as after "reached" (it was lost once the verb became part of
the figure's surface)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import extract


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Season ticket sales for the club topped 31,000 this summer.", "topped 31,000", "Season ticket sales"),
        ("Quarterly revenue surpassed $4 billion for the first time.", "surpassed $4 billion", "Quarterly revenue"),
        ("The number of applicants exceeded 12,500, the university said.", "exceeded 12,500", "number of applicants"),
    ],
)
def test_a_verb_of_passing_a_mark_keeps_its_subject_as_what_is_counted(text: str, surface: str, entity: str) -> None:
    claims = [c for c in extract(text, date(2025, 6, 1)) if c.surface == surface]
    assert len(claims) == 1
    assert claims[0].qualifier == "over"
    assert claims[0].entity == entity
