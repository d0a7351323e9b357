"""Rule-test files as data: the cases of ``factcheck rules test``.

Next to the rules, ``tests/*.yaml`` files hold cases like::

    tests:
      - name: a late-May draft repeats the March toll
        published: 2024-05-27
        text: Israel's offensive has killed over 30,000 Palestinians, health officials say.
        flags:
          - {rule: gaza-toll-outdated, claim: "over 30,000"}
        passes:
          - {rule: gaza-toll-consistency}
        figures:
          "over 30,000": gaza_death_toll

A case is a snippet of text (the checked document) with its date, optional ``corpus``
documents to check it against, and what must happen: ``flags`` (findings that must be
raised: rule, and optionally the claim's words and the figure), ``passes`` (rules that
must not flag), and ``figures`` (the figure each claim, named by its words, must be
assigned to; null for none). Instead of ``text`` a case may give ``claims`` written out
field by field, to test a rule without depending on extraction.

This module reads the files (``load_tests``); ``factcheck.check.ruletests`` runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from factcheck.errors import FactcheckError, RuleError, RuleErrors, SourceLocation
from factcheck.load.files import read_text_file
from factcheck.models import Qualifier
from factcheck.rules.load import (
    MAX_RULE_FILE_BYTES,
    convert_error,
    rule_files,
    sort_errors,
    unknown_key,
)
from factcheck.util.yamlpos import YamlData, load_yaml

TESTS_DIR = "tests"


class ClaimSpec(BaseModel):
    """A claim written out by hand; its interval follows from the qualifier when
    ``lower`` and ``upper`` are not given (read as extraction reads hedges)."""

    model_config = ConfigDict(extra="forbid")

    surface: str
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    kind: str = "count"
    parts: list[float] | None = None
    entity: str | None = None
    entity_type: str | None = None
    predicate: str | None = None
    location: str | None = None
    attribution: str | None = None
    as_of: date | None = None
    as_of_precision: str | None = None
    period_start: date | None = None
    sentence: str | None = None
    figure: str | None = None


class TestDocument(BaseModel):
    """A corpus document of a case: text or hand-written claims, and its date."""

    __test__ = False  # not a pytest test class

    model_config = ConfigDict(extra="forbid")

    published: date | None = None
    title: str | None = None
    outlet: str | None = None
    text: str | None = None
    claims: list[ClaimSpec] | None = None

    @model_validator(mode="after")
    def _content(self) -> TestDocument:
        if (self.text is None) == (self.claims is None):
            raise ValueError("give either 'text' or 'claims'")
        return self


class Expectation(BaseModel):
    """A finding a case must (``flags``) or must not (``passes``) produce."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    claim: str | None = Field(default=None, description="Words of the flagged claim ('over 30,000').")
    figure: str | None = None


class RuleTest(TestDocument):
    """One case."""

    name: str
    as_of: date | None = Field(default=None, description="Judge as of this date (like --as-of).")
    corpus: list[TestDocument] = Field(default_factory=list)
    flags: list[Expectation] = Field(default_factory=list)
    passes: list[Expectation] = Field(default_factory=list)
    figures: dict[str, str | None] = Field(default_factory=dict)


class TestFile(BaseModel):
    __test__ = False
    model_config = ConfigDict(extra="forbid", title="factcheck rule tests")

    description: str | None = None
    tests: list[RuleTest] = Field(default_factory=list)


def load_tests(dirs: Sequence[Path]) -> list[tuple[RuleTest, SourceLocation]]:
    """Every case under ``DIR/tests/`` of each rule folder; raises ``RuleErrors``."""
    errors: list[RuleError] = []
    cases: list[tuple[RuleTest, SourceLocation]] = []
    folders = [Path(d) / TESTS_DIR for d in dirs if Path(d).is_dir() and (Path(d) / TESTS_DIR).is_dir()]
    paths, problems = rule_files(folders)
    errors += problems
    for path, shown in paths:
        try:
            text = read_text_file(path, shown, RuleError, MAX_RULE_FILE_BYTES, "rule test file")
            yd = load_yaml(text, shown, error=RuleError)
        except FactcheckError as exc:
            errors.append(exc if isinstance(exc, RuleError) else RuleError(exc.message, exc.location))
            continue
        cases += _cases(yd, errors)
    if errors:
        raise RuleErrors(sort_errors(errors))
    return cases


def _cases(yd: YamlData, errors: list[RuleError]) -> list[tuple[RuleTest, SourceLocation]]:
    data = yd.data
    if data is None:
        return []
    if not isinstance(data, dict):
        errors.append(RuleError("a test file is a mapping with a 'tests' list", yd.locate(())))
        return []
    for key in data:
        if key not in TestFile.model_fields:
            errors.append(RuleError(unknown_key(key, list(TestFile.model_fields)), yd.locate((key,), prefer_key=True)))
    raw = data.get("tests")
    if not isinstance(raw, list):
        if raw is not None:
            errors.append(RuleError("tests: expected a list of cases", yd.locate(("tests",))))
        return []
    out = []
    for i, item in enumerate(raw):
        try:
            out.append((RuleTest.model_validate(item), yd.locate(("tests", i))))
        except ValidationError as exc:
            errors += [convert_error(err, yd, ("tests", i), RuleTest) for err in exc.errors()]
    return out
