"""The application pint registry and the unit tables (factcheck.extract.quantities.units)."""

from __future__ import annotations

import subprocess
import sys

import pint
import pytest

from factcheck.extract.quantities import units
from factcheck.units import registry


def test_registry_is_built_once():
    assert registry() is registry()


def test_currencies_are_separate_dimensions_never_converted():
    ureg = registry()
    with pytest.raises(pint.DimensionalityError):
        (1 * ureg.USD).to("EUR")
    assert (50 * ureg.cent).to("USD").magnitude == pytest.approx(0.5)


def test_percentage_point_is_not_a_percent():
    ureg = registry()
    with pytest.raises(pint.DimensionalityError):
        (1 * ureg.percentage_point).to("percent")


@pytest.mark.parametrize(
    "surface, name",
    [
        ("km", "kilometer"),
        ("kilometres", "kilometer"),
        ("metric tons", "metric_ton"),
        ("tonnes", "metric_ton"),
        ("minute", "minute"),
        ("mph", "mile_per_hour"),
        ("sq km", "kilometer ** 2"),
        ("°F", "degree_Fahrenheit"),
        ("degrees celsius", "degree_Celsius"),
        ("percent", "percent"),
        ("dollars", "USD"),
        ("shekels", "ILS"),
    ],
)
def test_unit_surface_maps_to_pint_canonical_name(surface, name):
    info = units.lookup(surface)
    assert info is not None and info.name == name


def test_canonical_names_are_pints_own():
    ureg = registry()
    for surface in ("km", "metric tons", "mph", "gallons", "kWh"):
        info = units.lookup(surface)
        assert str(ureg.Unit(info.name)) == info.name


# The unit tables are data (units.json next to units.py): read once, on first use.

RULES = {"pound", "degree", "temp_letter", "inch_in", "clock", "glued", "quote_mark", "country", "won"}


def test_unit_table_rows_use_only_the_rules_unit_cues_applies():
    rows = units._data().rows
    assert rows
    assert {row.entry.rule for row in rows} - {None} <= RULES


def test_a_misspelt_field_in_the_unit_table_is_an_error():
    with pytest.raises(ValueError, match="symbol"):
        units._row({"unit": "meter", "kind": "quantity", "dimension": "length", "symbol": ["m"]})


def test_importing_the_extractor_does_not_read_the_unit_table():
    code = (
        "from factcheck.extract.quantities import find_quantities, units\n"
        "assert units._data.cache_info().currsize == 0\n"
        "find_quantities('5 km')\n"
        "assert units._data.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=120)
