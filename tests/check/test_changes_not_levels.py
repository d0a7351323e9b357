"""A change is never compared with a level of the same figure (issue 15): "gas prices
rose 12 cents a gallon" and "gas prices averaged $3.10 a gallon" on one day are not two
values of the price."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from check_helpers import doc, rules_from

from factcheck.check.engine import run_checks
from factcheck.extract import extract
from factcheck.extract.documents import identified

RULES = """
figures:
  - id: gas
    description: the average price of a gallon of gas
    kind: level
    unit: USD / gallon
    match: {entity: [gas prices]}
    tolerance: 2%
checks:
  - id: gas-consistency
    consistency: {figures: [gas]}
"""
DAY = date(2025, 3, 4)


def _claims(doc_id: str, text: str):  # noqa: ANN202
    d = doc(doc_id, DAY, role="checked" if doc_id == "draft" else "corpus", text=text)
    return d, identified(d, extract(text, DAY))


def _run(tmp_path: Path, draft: str, corpus: str):  # noqa: ANN202
    rules = rules_from(tmp_path, RULES)
    d1, c1 = _claims("draft", draft)
    d2, c2 = _claims("corpus", corpus)
    return run_checks(rules, [d1, d2], c1 + c2)


def test_a_level_that_disagrees_is_still_flagged(tmp_path: Path) -> None:
    # the control: the rule does compare two levels of the rent
    result = _run(tmp_path, "Gas prices averaged $3.60 a gallon.", "Gas prices averaged $3.10 a gallon.")
    assert [f.rule for f in result.findings] == ["gas-consistency"]


def test_a_change_of_the_price_is_not_compared_with_its_level(tmp_path: Path) -> None:
    result = _run(tmp_path, "Gas prices rose 12 cents a gallon.", "Gas prices averaged $3.10 a gallon.")
    assert result.findings == []
    [change] = [c for c in result.claims if c.doc == "draft"]
    assert (change.role, change.direction, change.figure) == ("change", "up", None)


def test_the_old_value_of_from_to_is_not_compared_with_todays_level(tmp_path: Path) -> None:
    # "$2.98" is what gas cost; the story's price today is $3.10, as the corpus says
    result = _run(tmp_path, "Gas prices climbed from $2.98 to $3.10 a gallon.", "Gas prices averaged $3.10 a gallon.")
    assert result.findings == []
    before, after = [c for c in result.claims if c.doc == "draft"]
    assert (before.role, after.role) == ("before", "after")
    assert before.pair == after.id and after.pair == before.id


def test_the_old_value_of_a_comparison_is_not_compared_with_todays_level(tmp_path: Path) -> None:
    # "$3.60 a year earlier" is what gas cost then, as "from $2.98" is in from-to
    result = _run(
        tmp_path,
        "Gas prices averaged $3.10 a gallon, compared with $3.60 a gallon a year earlier.",
        "Gas prices averaged $3.10 a gallon.",
    )
    assert result.findings == []
    after, before = [c for c in result.claims if c.doc == "draft"]
    assert (after.role, before.role, before.direction) == ("after", "before", "down")
    assert before.pair == after.id and after.pair == before.id
    assert before.as_of == date(2024, 1, 1)


def test_the_new_value_of_a_comparison_is_still_checked(tmp_path: Path) -> None:
    # the control: the pair's new value is today's level, compared as one
    result = _run(
        tmp_path,
        "Gas prices averaged $3.60 a gallon, up from $3.10 a gallon a year earlier.",
        "Gas prices averaged $3.10 a gallon.",
    )
    assert [f.rule for f in result.findings] == ["gas-consistency"]
