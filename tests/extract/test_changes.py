"""Changes versus levels through the whole extraction (issue 15): roles, direction, the
pair of "from X to Y" by id, and the old value's date."""

from __future__ import annotations

import json
from datetime import date

from factcheck.extract.documents import extract_document
from factcheck.models import Document, Report

DAY = date(2025, 6, 10)


def _claims(text: str):  # noqa: ANN202
    return extract_document(Document(id="d", path="d.txt", published=DAY, text=text))


def test_from_to_gives_a_before_and_an_after_naming_each_other_by_id() -> None:
    before, after = _claims("The return fare dropped from $1,980 to $1,740 this spring.")
    assert (before.role, after.role) == ("before", "after")
    assert before.direction == after.direction == "down"
    assert before.pair == after.id and after.pair == before.id


def test_the_old_value_is_not_dated_as_of_publication() -> None:
    before, after = _claims("The jobless rate rose from 4.1% to 4.6%, officials said.")
    assert after.as_of == DAY and after.as_of_source == "published"
    assert before.as_of is None and before.as_of_source == "earlier"
    assert before.frame is not None and before.frame.role == "earlier"


def test_an_old_value_with_its_own_date_keeps_it() -> None:
    before, _ = _claims("Ridership climbed from 41,000 in 2019 to 55,000.")
    assert before.role == "before" and before.as_of_source != "earlier"


def test_a_change_and_its_direction_reach_the_json_output() -> None:
    [change] = _claims("Shares of the carmaker slid 4.2% on Tuesday.")
    out = json.loads(Report(claims=[change]).model_dump_json())["claims"][0]
    assert (out["role"], out["direction"], out["value"]) == ("change", "down", 4.2)
    for key in ("value", "lower", "upper", "qualifier", "unit", "as_of"):
        assert key in out


def test_a_level_has_no_role_or_direction() -> None:
    [level] = _claims("The stadium seats 62,000 fans.")
    assert (level.role, level.direction, level.pair) == (None, None, None)


def test_a_comparison_pair_names_its_values_by_id() -> None:
    after, before = _claims("Enrolment at the college was 48,200 this autumn, down from 51,000 a year earlier.")
    assert (after.role, before.role) == ("after", "before")
    assert after.direction == before.direction == "down"
    assert before.pair == after.id and after.pair == before.id


def test_from_to_after_down_from_stays_from_to() -> None:
    # "down from 4,300 to 4,150" is a from-to of its own: 4,100 is not compared with 4,300
    level, before, after = _claims("The index closed at 4,100 on Friday, down from 4,300 to 4,150 in the week.")
    assert (level.role, before.role, after.role) == (None, "before", "after")
    assert before.pair == after.id
