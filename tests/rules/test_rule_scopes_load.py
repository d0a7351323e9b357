"""A rule file's ``scope:``: validated like the rest of the file, every problem at
file:line:column, the keys documented in the schema editors use."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import REGISTRY
from factcheck.errors import RuleErrors
from factcheck.rules.jsonschema import rules_schema
from factcheck.rules.load import load_rules

FIGURE = """
figures:
  - id: pupils_enrolled
    description: pupils enrolled in the district's schools
    kind: level
    match: {entity: [pupil, student], predicate: [enrol, enroll]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "schools.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _errors(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(RuleErrors) as info:
        load_rules([_write(tmp_path, text)], kinds=REGISTRY)
    return [str(e).replace(str(tmp_path) + "/", "") for e in info.value.errors]


def test_a_scope_is_read_with_its_file(tmp_path: Path) -> None:
    text = "scope:\n  words: [school district, enrolment]\n  outlets: Valley Courier\n  since: 2025-08-01\n" + FIGURE
    rules = load_rules([_write(tmp_path, text)], kinds=REGISTRY)
    scope = rules.scopes[str(tmp_path / "schools.yaml")]
    assert scope.words == ["school district", "enrolment"] and scope.outlets == ["Valley Courier"]
    assert str(scope.since) == "2025-08-01" and scope.until is None
    assert rules.file_of("figure", "pupils_enrolled") == str(tmp_path / "schools.yaml")


def test_an_unknown_scope_key_is_reported_at_its_line_with_the_closest_key(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "scope:\n  word: [school]\n" + FIGURE)
    assert errors == [
        (
            "schools.yaml:2:3: scope: unknown key 'word'; did you mean 'words'? "
            "(expected one of: places, words, outlets, since, until)"
        )
    ]


def test_a_bad_scope_date_is_reported_at_its_value(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "scope:\n  words: [school]\n  until: last June\n" + FIGURE)
    assert len(errors) == 1 and errors[0].startswith("schools.yaml:3:10: scope.until: ")


def test_an_empty_scope_is_an_error(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "scope: {}\n" + FIGURE)
    assert len(errors) == 1 and "a scope needs places, words, outlets, since or until" in errors[0]
    assert errors[0].startswith("schools.yaml:1:")


def test_a_scope_whose_dates_are_the_wrong_way_round_is_an_error(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "scope:\n  since: 2025-09-01\n  until: 2025-01-31\n" + FIGURE)
    assert len(errors) == 1 and "since (2025-09-01) is after until (2025-01-31)" in errors[0]


def test_a_scope_that_is_not_a_mapping_is_an_error(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "scope: [school]\n" + FIGURE)
    assert errors == ["schools.yaml:1:8: scope: expected a mapping with the keys places, words, outlets, since, until, got a list"]


def test_a_scope_place_the_gazetteer_does_not_know_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    places = "places:\n  - {name: Millbrook, kind: town}\n"
    errors = _errors(tmp_path, "scope:\n  places: [Millbrook, Milbrook Falls]\n" + places + FIGURE)
    assert len(errors) == 1
    assert errors[0].startswith("schools.yaml:2:23: scope: unknown place 'Milbrook Falls'; did you mean 'Millbrook'?")


def test_the_rule_file_schema_describes_the_scope_keys() -> None:
    schema = rules_schema(REGISTRY)
    scope = schema["$defs"]["Scope"]
    assert set(scope["properties"]) == {"places", "words", "outlets", "since", "until"}
    assert scope["additionalProperties"] is False
    assert "scope" in schema["properties"]


def test_the_scope_key_table_in_docs_rules_md_is_up_to_date() -> None:
    from factcheck.rules.docs import update

    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    text = docs.read_text(encoding="utf-8")
    assert update(text) == text, "regenerate: python -m factcheck.rules.docs docs/rules.md"
