"""One unit registry for every stage: what extraction writes in ``Claim.unit``, rule
validation accepts, figure assignment converts and the checks compare.

Both tests failed while rule validation and figure assignment asked a plain pint
registry that knew neither coins nor percentage points."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from factcheck.extract import extract
from factcheck.match import Matcher
from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules

FARE = """
figures:
  - id: fare
    description: a bus fare
    kind: level
    unit: USD
    match: {entity: [fare], required: [entity]}
"""
GAP = """
figures:
  - id: rate_gap
    description: the gap between two interest rates
    kind: level
    unit: percentage_point
    match: {entity: [gap], required: [entity]}
"""


def _rules(tmp_path: Path, figures: str):  # noqa: ANN202
    (tmp_path / "rules.yaml").write_text(figures, encoding="utf-8")
    return load_rules([tmp_path], kinds=REGISTRY)


@pytest.mark.parametrize("unit", ["percentage_point", "cent", "penny"])
def test_rules_validate_accepts_units_that_extraction_produces(tmp_path: Path, unit: str) -> None:
    (tmp_path / "rules.yaml").write_text(
        f"figures:\n  - {{id: x, description: d, kind: level, unit: {unit}, match: {{entity: [x]}}}}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "rules", "validate", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr


def test_every_unit_extraction_writes_is_one_rule_validation_accepts(tmp_path: Path) -> None:
    text = (
        "The fare rose to 50 cents. A stamp costs 85 pence. The spread widened by 0.5 percentage "
        "points. The ridge is 3 km long and 40 miles away; 2 tonnes of flour and 12 gallons arrived "
        "at 5 mph, 30 minutes late, in 40 °C heat, for $4 million and €2 billion, 15% more."
    )
    units = sorted({c.unit for c in extract(text, date(2024, 5, 1)) if c.unit})
    assert {"cent", "penny", "percentage_point", "USD", "EUR", "percent"} <= set(units)
    for unit in units:
        (tmp_path / "rules.yaml").write_text(
            f"figures:\n  - {{id: x, description: d, kind: level, unit: '{unit}', match: {{entity: [x]}}}}\n",
            encoding="utf-8",
        )
        load_rules([tmp_path], kinds=REGISTRY)  # raises RuleErrors on an unknown unit


def test_fifty_cents_is_assigned_to_a_dollar_figure_as_half_a_dollar(tmp_path: Path) -> None:
    rules = _rules(tmp_path, FARE)
    # a level: "went up by 50 cents" would be a change, which no figure takes (issue 15)
    [claim] = [c for c in extract("The bus fare is now 50 cents.", date(2024, 5, 1)) if c.unit == "cent"]
    claim = claim.model_copy(update={"entity": "fare", "doc": "d"})
    assignment = Matcher(rules).assign(claim)
    assert assignment is not None and assignment.figure.id == "fare"
    assert assignment.factor == pytest.approx(0.01)


def test_a_percentage_point_claim_goes_to_a_percentage_point_figure_not_a_percent_one(tmp_path: Path) -> None:
    rules = _rules(tmp_path, GAP)
    [claim] = [c for c in extract("The gap between the two rates is 0.5 percentage points.", None) if c.value == 0.5]
    assert claim.unit == "percentage_point"
    assignment = Matcher(rules).assign(claim.model_copy(update={"doc": "d"}))
    assert assignment is not None and assignment.figure.id == "rate_gap"
