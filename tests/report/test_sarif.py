"""SARIF 2.1.0: valid against the official schema (shipped beside this file, from the
OASIS sarif-spec repository, Schemata/sarif-schema-2.1.0.json, errata01), with rule
metadata, regions, stable fingerprints and suppressions."""

from __future__ import annotations

import json

import jsonschema
import pytest
from report_helpers import SCHEMA, make_view
from report_fixtures import DRAFT_TEXT, build_report, nasty_report

from factcheck.report import FORMATTERS
from factcheck.report.sarif import artifact_uri
from factcheck.suppress import apply_suppressions


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def sarif(view) -> dict:  # noqa: ANN001
    return json.loads(FORMATTERS["sarif"].render(view))


def test_valid_against_the_official_schema(view, validator) -> None:  # noqa: ANN001
    errors = sorted(validator.iter_errors(sarif(view)), key=str)
    assert not errors, "\n".join(str(e) for e in errors[:5])


@pytest.mark.parametrize("command", ["run", "extract"])
def test_nasty_and_extract_reports_are_valid(validator, command: str) -> None:  # noqa: ANN001
    report = nasty_report()
    if command == "extract":
        report = report.model_copy(update={"findings": []})
    log = sarif(make_view(report, command))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, "\n".join(str(e) for e in errors[:5])


def test_schema_rejects_a_broken_log(validator) -> None:  # noqa: ANN001
    assert list(validator.iter_errors({"version": "2.1.0", "runs": [{"tool": {}}]}))


def test_rules_results_regions(view) -> None:  # noqa: ANN001
    run = sarif(view)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids)
    described = rules[ids.index("gaza-toll-outdated")]
    assert described["shortDescription"]["text"].startswith("The Gaza death toll")
    assert described["help"]["text"].startswith("Repeat")
    assert described["defaultConfiguration"]["level"] == "error"
    results = run["results"]
    assert len(results) == len(view.report.findings)
    first = results[0]
    assert first["ruleId"] == "gaza-toll-outdated" and ids[first["ruleIndex"]] == "gaza-toll-outdated"
    assert first["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (7, 30, 41)
    assert region["snippet"]["text"] == "over 30,000"
    # the claim's line in the file: the fixture's text has 4 front-matter lines before it
    assert DRAFT_TEXT.splitlines()[region["startLine"] - 4 - 1][29:40] == "over 30,000"
    related = first["relatedLocations"]
    assert related[0]["message"]["text"].startswith("35,903 — Gaza Ministry of Health")
    assert "region" not in related[0]["physicalLocation"]  # a reference series has no line
    assert related[1]["physicalLocation"]["region"]["startLine"] == 3
    levels = {r["properties"]["findingId"]: r["level"] for r in results}
    assert levels["f-vague"] == "note"
    assert run["columnKind"] == "unicodeCodePoints"


def test_fingerprints_and_suppressions(view) -> None:  # noqa: ANN001
    results = {r["properties"]["findingId"]: r for r in sarif(view)["runs"][0]["results"]}
    for f in view.report.findings:
        assert results[f.id]["partialFingerprints"] == {"factcheck/v1": f.fingerprint}
    suppressed = results["f-135"]
    assert suppressed["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "quoting the family forum's own count"}
    ]
    assert "suppressions" not in results["f-30000"]


def test_baseline_suppression_is_external() -> None:
    from factcheck.suppress import create_baseline, parse_baseline

    raw = build_report()
    baseline = parse_baseline(create_baseline(apply_suppressions(raw)), "base.json")
    log = json.loads(FORMATTERS["sarif"].render(make_view(apply_suppressions(raw, baseline=baseline))))
    kinds = {r["properties"]["findingId"]: r["suppressions"][0]["kind"] for r in log["runs"][0]["results"]}
    assert kinds["f-135"] == "inSource"
    assert kinds["f-30000"] == "external"


def test_fingerprint_computed_when_missing(raw_report) -> None:  # noqa: ANN001
    log = sarif(make_view(raw_report))
    fps = [r["partialFingerprints"]["factcheck/v1"] for r in log["runs"][0]["results"]]
    assert all(len(fp) == 32 for fp in fps) and len(set(fps)) == len(fps)


def test_notes_are_notifications(view) -> None:  # noqa: ANN001
    inv = sarif(view)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is True
    assert inv["toolExecutionNotifications"][0]["message"]["text"].startswith("seeds/004")


def test_artifact_uri() -> None:
    assert artifact_uri("drafts/notes, v2: rafah.txt") == "drafts/notes%2C%20v2%3A%20rafah.txt"
    assert artifact_uri("./a/b.md") == "a/b.md"
    assert artifact_uri("/tmp/x y.md") == "file:///tmp/x%20y.md"
    assert artifact_uri("archive.jsonl#3") == "archive.jsonl#3"
