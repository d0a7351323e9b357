"""The JSON Schema comes from the pydantic models, matches the shipped copies, and
accepts the shipped rule files; each check kind documents itself with examples."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.check import REGISTRY
from factcheck.util.resources import default_rules
from factcheck.rules import jsonschema as schemas
from factcheck.rules.jsonschema import RULES_SCHEMA_FILE, TESTS_SCHEMA_FILE, dumps, rules_schema
from factcheck.rules.schema import CHECK_KEYS, check_entry_model, check_rule

RULES = default_rules()


def _as_json(data: object) -> object:
    return json.loads(json.dumps(data, default=str))


def test_a_check_entry_takes_the_kinds_of_the_registry_it_is_given() -> None:
    entry = check_entry_model(REGISTRY)
    assert [k for k in entry.model_fields if k not in CHECK_KEYS] == list(REGISTRY)
    assert all(entry.model_fields[k].annotation == REGISTRY[k].Options | None for k in REGISTRY)


def test_the_rule_schema_knows_no_check_kind_of_its_own() -> None:
    entry = check_entry_model({"consistency": REGISTRY["consistency"]})
    assert [k for k in entry.model_fields if k not in CHECK_KEYS] == ["consistency"]
    with pytest.raises(ValueError):
        entry.model_validate({"id": "c", "outdated": {}})


def test_the_schemas_are_valid_json_schemas() -> None:
    jsonschema.Draft202012Validator.check_schema(rules_schema(REGISTRY))
    jsonschema.Draft202012Validator.check_schema(schemas.tests_schema())


@pytest.mark.parametrize(("name", "make"), [(RULES_SCHEMA_FILE, lambda: rules_schema(REGISTRY)), (TESTS_SCHEMA_FILE, schemas.tests_schema)])
def test_the_shipped_schema_files_are_up_to_date(name: str, make) -> None:  # noqa: ANN001
    shipped = (RULES / name).read_text(encoding="utf-8")
    assert shipped == dumps(make()), f"regenerate: factcheck rules schema {'--tests ' if 'tests' in name else ''}> rules/{name}"


@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_rule_files_validate_against_the_schema(path: Path) -> None:
    data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, rules_schema(REGISTRY))


@pytest.mark.parametrize("path", sorted((RULES / "tests").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_test_files_validate_against_the_schema(path: Path) -> None:
    data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, schemas.tests_schema())


@pytest.mark.parametrize(
    "check",
    [
        {"id": "c", "consistency": {}, "outdated": {}},
        {"id": "c"},
        {"id": "c", "consistancy": {}},
        {"id": "c", "outdated": {"lag": "five"}},
        {"id": "C c", "outdated": {}},
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(check: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"checks": [check]}, rules_schema(REGISTRY))


def test_the_schema_accepts_the_forms_people_write() -> None:
    doc = {
        "figures": [{
            "id": "toll", "description": "d", "kind": "cumulative", "tolerance": "2%", "stale_after": "14d",
            "match": {"entity": "people", "predicate": ["killed"]},
        }],
        "checks": [{"id": "c", "consistency": None}, {"id": "d", "outdated": {"tolerance": {"absolute": 4, "relative": "2%"}}}],
    }
    jsonschema.validate(doc, rules_schema(REGISTRY))


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_each_check_kind_documents_itself_with_a_valid_example(kind: str) -> None:
    doc = REGISTRY[kind].__doc__
    assert doc.startswith(f"{kind}: ")
    assert "Passes:" in doc and "Fails:" in doc
    example = textwrap.dedent(doc.split("Example::", 1)[1].split("\n\n", 2)[1])
    data = yaml.safe_load(example)
    for check in data["checks"]:
        assert check_rule(check_entry_model(REGISTRY).model_validate(check)).kind == kind
    # every option is documented (its description goes into docs/rules.md)
    for name, field in REGISTRY[kind].Options.model_fields.items():
        assert field.description, name


def test_the_check_kind_reference_in_docs_rules_md_is_up_to_date() -> None:
    from factcheck.check.docs import update

    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    text = docs.read_text(encoding="utf-8")
    assert update(text) == text, "regenerate: python -m factcheck.check.docs docs/rules.md"
