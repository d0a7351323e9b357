"""A duration counts its subject after a verb of lasting or of extent ("stretched",
"extended"), as after "lasted": the incomparable-units rule compares "2 miles" and "3
hours" of one convoy only when both say they are the convoy's."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import extract


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The council meeting stretched 4 hours into the night.", "4 hours", "council meeting"),
        ("The heatwave extended 9 days beyond the forecast.", "9 days", "heatwave"),
        ("The hearing lasted 6 hours.", "6 hours", "hearing"),
    ],
)
def test_a_duration_after_a_verb_of_extent_counts_its_subject(text: str, surface: str, entity: str) -> None:
    claims = [c for c in extract(text, date(2025, 6, 1)) if c.surface == surface]
    assert len(claims) == 1 and claims[0].entity == entity
