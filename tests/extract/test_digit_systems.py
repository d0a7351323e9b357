from __future__ import annotations

import pytest

from factcheck.extract.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Officials said ٣٢٬٠٠٠ people were killed.", "٣٢٬٠٠٠", 32000.0),
        ("About ۱۲۰ families left.", "About ۱۲۰", 120.0),
        ("Some ७५ were wounded.", "Some ७५", 75.0),
        ("Nearly ３.５ million fled.", "Nearly ３.５ million", 3_500_000.0),
        ("Prices rose ١٫٥%.", "١٫٥%", 1.5),
    ],
)
def test_figures_in_other_digit_systems_are_read_with_their_surface_as_written(
    text: str, surface: str, value: float
) -> None:
    [claim] = find_quantities(text)
    assert claim.surface == surface
    assert text[claim.start : claim.end] == surface
    assert claim.value == pytest.approx(value)


def test_ascii_text_is_scanned_as_it_is() -> None:
    [claim] = find_quantities("Some 1,200 people were killed.")
    assert claim.surface == "Some 1,200"
