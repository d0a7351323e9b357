"""apply_suppressions: inline markers and baselines mark findings suppressed (they stay
in the report), unused ones warn; fingerprints survive edits elsewhere in the text."""

from __future__ import annotations

import json
import re

import pytest
from report_fixtures import DRAFT_TEXT, build_report, claim

from factcheck.models import Finding, Report
from factcheck.report import FORMATTERS, ReportView
from factcheck.suppress import (
    SuppressionError,
    SuppressionErrors,
    apply_suppressions,
    compute_fingerprints,
    create_baseline,
    load_baseline,
    parse_baseline,
)


def by_id(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in report.findings}


def test_inline_marker_suppresses_the_finding_on_the_next_line() -> None:
    out = apply_suppressions(build_report())
    f = by_id(out)["f-135"]
    assert f.suppressed
    assert f.suppression == "inline marker at drafts/rafah-draft.md:10: \"quoting the family forum's own count\""
    assert f.details["suppression"] == {
        "kind": "inline", "reason": "quoting the family forum's own count", "path": "drafts/rafah-draft.md", "line": 10,
    }
    assert not by_id(out)["f-30000"].suppressed
    assert all(f.fingerprint for f in out.findings)
    # suppressed findings stay visible to tools
    data = json.loads(FORMATTERS["json"].render(ReportView(out)))
    assert {f["id"]: f["suppressed"] for f in data["findings"]}["f-135"] is True


def test_marker_with_another_rule_does_not_suppress_and_warns() -> None:
    report = build_report()
    draft = report.documents[0]
    text = draft.text.replace("ignore hostages-outdated", "ignore some-other-rule")
    report.documents[0] = draft.model_copy(update={"text": text})
    out = apply_suppressions(report)
    assert not by_id(out)["f-135"].suppressed
    assert out.notes[-1] == (
        "warning: drafts/rafah-draft.md:10: unused suppression of 'some-other-rule': no such finding on "
        "lines 10-11 (reason given: \"quoting the family forum's own count\")"
    )


def test_marker_by_check_kind() -> None:
    report = build_report()
    draft = report.documents[0]
    report.documents[0] = draft.model_copy(update={"text": draft.text.replace("ignore hostages-outdated", "ignore outdated")})
    assert by_id(apply_suppressions(report))["f-135"].suppressed


def test_bad_marker_raises() -> None:
    report = build_report()
    draft = report.documents[0]
    report.documents[0] = draft.model_copy(update={"text": draft.text.replace(' reason="quoting the family forum\'s own count"', "")})
    with pytest.raises(SuppressionErrors, match=r"drafts/rafah-draft.md:10:1: a suppression needs a reason"):
        apply_suppressions(report)


def test_documents_argument_supplies_the_text() -> None:
    report = build_report()
    texts = list(report.documents)
    stripped = report.model_copy(update={"documents": [d.model_copy(update={"text": ""}) for d in report.documents]})
    assert not by_id(apply_suppressions(stripped))["f-135"].suppressed
    assert by_id(apply_suppressions(stripped, texts))["f-135"].suppressed


# -- fingerprints ----------------------------------------------------------------------
def _edited(report: Report, new_text: str) -> Report:
    """The same claims re-located in an edited draft (as a re-run would find them)."""
    draft = report.documents[0].model_copy(update={"text": new_text})
    moved = []
    for c in report.claims:
        if c.doc == draft.id:
            fields = c.model_dump(exclude={"id", "doc", "start", "end", "surface", "sentence", "line", "column"})
            moved.append(claim(draft, c.id, c.surface, **fields))
        else:
            moved.append(c)
    return report.model_copy(update={"documents": [draft, *report.documents[1:]], "claims": moved})


def test_fingerprints_survive_edits_elsewhere() -> None:
    report = build_report()
    before = compute_fingerprints(report)
    edited = _edited(report, "A new opening paragraph.\n\nAnd another line.\n" + DRAFT_TEXT.replace("many in tents", "most in tents"))
    assert edited.claims[0].line != report.claims[0].line
    assert compute_fingerprints(edited) == before


def test_fingerprint_changes_with_the_value_rule_or_document() -> None:
    report = build_report()
    before = compute_fingerprints(report)
    claims = [c.model_copy(update={"lower": 31000.0, "value": 31000.0}) if c.id == "cl-30000" else c for c in report.claims]
    assert compute_fingerprints(report.model_copy(update={"claims": claims}))["f-30000"] != before["f-30000"]
    findings = [f.model_copy(update={"rule": "other"}) if f.id == "f-30000" else f for f in report.findings]
    assert compute_fingerprints(report.model_copy(update={"findings": findings}))["f-30000"] != before["f-30000"]
    docs = [d.model_copy(update={"path": "drafts/renamed.md"}) if d.id == "d0draft00001" else d for d in report.documents]
    assert compute_fingerprints(report.model_copy(update={"documents": docs}))["f-30000"] != before["f-30000"]


def test_rewording_the_hedge_keeps_the_fingerprint() -> None:
    report = build_report()
    before = compute_fingerprints(report)["f-30000"]
    claims = [c.model_copy(update={"surface": "more than 30,000"}) if c.id == "cl-30000" else c for c in report.claims]
    # (the same normalised value: qualifier "over", lower 30,000 open)
    assert compute_fingerprints(report.model_copy(update={"claims": claims}))["f-30000"] == before


def test_repeated_identical_findings_get_distinct_fingerprints() -> None:
    report = build_report()
    twin = report.findings[1].model_copy(update={"id": "f-30000-b", "claim": "cl-30000-b"})
    second = report.claims[0].model_copy(update={"id": "cl-30000-b", "start": 300, "end": 311})
    report = report.model_copy(update={"claims": [*report.claims, second], "findings": [*report.findings, twin]})
    fps = compute_fingerprints(report)
    assert fps["f-30000"] != fps["f-30000-b"]


def test_engine_fingerprint_is_kept() -> None:
    report = build_report()
    report.findings[0] = report.findings[0].model_copy(update={"fingerprint": "from-the-engine"})
    assert apply_suppressions(report).findings[0].fingerprint == "from-the-engine"


# -- baselines ----------------------------------------------------------------------------
def test_baseline_round_trip(tmp_path) -> None:  # noqa: ANN001
    first = apply_suppressions(build_report())
    text = create_baseline(first)
    data = json.loads(text)
    assert data["factcheck_baseline"] == 1
    entries = data["findings"]
    assert len(entries) == 4  # the inline-suppressed finding is not baselined
    assert entries == sorted(entries, key=lambda e: (e["document"], e["rule"], e["fingerprint"]))
    assert {"fingerprint", "rule", "figure", "document", "value", "message"} <= set(entries[0])
    assert create_baseline(first) == text  # deterministic

    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    baseline = load_baseline(path)
    second = apply_suppressions(build_report(), baseline=baseline)
    assert all(f.suppressed for f in second.findings)
    assert by_id(second)["f-30000"].suppression == f"baseline {path}: accepted in the baseline"
    assert not any(n.startswith("warning: baseline") for n in second.notes)
    assert FORMATTERS["text"].render(ReportView(second)).rstrip().endswith("0 findings (0 errors, 0 warnings, 0 info), 5 suppressed")


def test_baseline_survives_an_edit_and_new_findings_still_show() -> None:
    baseline = parse_baseline(create_baseline(apply_suppressions(build_report())), "b.json")
    edited = _edited(build_report(), "Update: more text up top.\n\n" + DRAFT_TEXT)
    new_claim = edited.claims[0].model_copy(update={"id": "cl-new", "lower": 32000.0, "value": 32000.0, "surface": "over 32,000"})
    new = edited.findings[1].model_copy(update={"id": "f-new", "claim": "cl-new"})
    edited = edited.model_copy(update={"claims": [*edited.claims, new_claim], "findings": [*edited.findings, new]})
    out = apply_suppressions(edited, baseline=baseline)
    flags = {f.id: f.suppressed for f in out.findings}
    assert flags.pop("f-new") is False
    assert all(flags.values())


def test_stale_baseline_entries_warn() -> None:
    baseline = parse_baseline(create_baseline(apply_suppressions(build_report())), "b.json")
    report = build_report()
    report = report.model_copy(update={"findings": [f for f in report.findings if f.id != "f-1-5m"]})
    out = apply_suppressions(report, baseline=baseline)
    assert out.notes[-1] == (
        "warning: baseline b.json: 1 entry no longer match a finding (fixed or changed); "
        "refresh it with 'factcheck baseline create'"
    )


def test_baseline_reason_is_kept_and_shown() -> None:
    data = json.loads(create_baseline(apply_suppressions(build_report())))
    for e in data["findings"]:
        e["reason"] = "accepted by the desk on 2024-05-28"
    baseline = parse_baseline(json.dumps(data), "b.json")
    out = apply_suppressions(build_report(), baseline=baseline)
    assert by_id(out)["f-30000"].suppression == "baseline b.json: accepted by the desk on 2024-05-28"
    assert "accepted by the desk" in create_baseline(out)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "invalid JSON"),
        ("[]", "not a baseline file"),
        ('{"factcheck_baseline": 2, "findings": []}', "format 2 is not supported"),
        ('{"factcheck_baseline": 1, "findings": [{}]}', "findings[0] needs a \"fingerprint\""),
        ('{"factcheck_baseline": 1, "findings": [{"fingerprint": "x", "colour": "red"}]}', "unknown key 'colour'"),
        ('{"factcheck_baseline": 1, "extra": 1}', "unknown key 'extra'"),
    ],
)
def test_bad_baselines(text: str, message: str) -> None:
    with pytest.raises(SuppressionError, match=re.escape(message)) as exc:
        parse_baseline(text, "base.json")
    assert str(exc.value).startswith("base.json")
    assert exc.value.exit_code == 2


def test_invalid_json_baseline_has_line_and_column() -> None:
    with pytest.raises(SuppressionError) as exc:
        parse_baseline('{\n  "factcheck_baseline": 1,\n  oops\n}', "base.json")
    assert str(exc.value).startswith("base.json:3:3: ")


def test_missing_baseline_file(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(SuppressionError, match="baseline file not found"):
        load_baseline(tmp_path / "nope.json")
