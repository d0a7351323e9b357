"""JSON Schemas of rule files and rule-test files, generated from the pydantic models.

Editors that understand JSON Schema complete and check YAML with them; with the VS Code
YAML extension (yaml-language-server) a first line
``# yaml-language-server: $schema=./factcheck-rules.schema.json`` is enough (see
docs/rules.md). ``factcheck rules schema`` prints the rule-file schema, ``--tests`` the
test-file one; the shipped copies in ``rules/`` are kept equal to them by a test.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.rules.schema import Kinds, rule_file_model
from factcheck.rules.testfile import TestFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"
RULES_SCHEMA_FILE = "factcheck-rules.schema.json"
TESTS_SCHEMA_FILE = "factcheck-rule-tests.schema.json"


def rules_schema(kinds: Kinds) -> dict[str, Any]:
    """The JSON Schema of a rule file whose checks are of the kinds of ``kinds``."""
    schema = rule_file_model(kinds).model_json_schema()
    return {
        "$schema": DIALECT,
        "$id": RULES_SCHEMA_FILE,
        "title": "factcheck rule file",
        "description": "Figures, checks, reference series and places for factcheck (docs/rules.md).",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def tests_schema() -> dict[str, Any]:
    """The JSON Schema of a rule-test file (``rules/tests/*.yaml``)."""
    schema = TestFile.model_json_schema()
    return {
        "$schema": DIALECT,
        "$id": TESTS_SCHEMA_FILE,
        "title": "factcheck rule tests",
        "description": "Cases for `factcheck rules test`: text, date, and what must or must not be flagged.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
