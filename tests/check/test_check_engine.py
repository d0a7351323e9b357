"""run_checks: findings, ids, fingerprints, evidence, notes, severities."""

from __future__ import annotations

from datetime import date

import pytest
from check_helpers import CASES_RULES, claim, doc

from factcheck.check.engine import run_checks
from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules

RULES = load_rules([CASES_RULES], kinds=REGISTRY)
PEOPLE_KILLED = {"entity": "people", "predicate": "killed"}


def _draft(published: date = date(2024, 5, 27), **extra):  # noqa: ANN202
    d = doc("draft", published, **extra)
    c = claim("draft", "over 30,000", 30000, qualifier="over", **PEOPLE_KILLED)
    return d, c


def test_outdated_finding_names_the_newer_value_its_source_its_date_and_the_age() -> None:
    d, c = _draft()
    result = run_checks(RULES, [d], [c])
    [finding] = [f for f in result.findings if f.rule == "toll-outdated"]
    assert finding.kind == "outdated"
    assert finding.severity == "warning"
    assert finding.figure == "toll"
    assert finding.claim == "draft-c1"
    assert finding.evidence == ["reference:ministry@2024-05-25"]
    for part in ("'over 30,000'", "35,903", "Ministry of Health", "2024-05-25", "2024-03-15", "73 days"):
        assert part in finding.message
    assert finding.details["age_days"] == 73
    assert finding.details["interval"] == [30000.0, 40000.0]


def test_every_evidence_id_resolves_to_a_claim_of_the_result() -> None:
    d, c = _draft()
    result = run_checks(RULES, [d], [c])
    ids = {x.id for x in result.claims} | {x.id for x in result.reference_claims}
    assert result.findings
    assert all(e in ids for f in result.findings for e in f.evidence)
    [ref] = result.reference_claims
    assert ref.kind == "reference"
    assert ref.attribution == "Ministry of Health"
    assert "Ministry of Health" in ref.sentence and "https://example.org/ministry" in ref.sentence
    [ref_doc] = result.reference_documents
    assert (ref_doc.id, ref_doc.role, ref_doc.format) == (ref.doc, "corpus", "reference")
    assert ref_doc.path.endswith("rules.yaml")


def test_reference_points_not_cited_are_not_returned() -> None:
    d = doc("a", date(2024, 3, 26))
    c = claim("a", "over 32,000", 32000, qualifier="over", **PEOPLE_KILLED)
    result = run_checks(RULES, [d], [c])
    assert result.findings == []
    assert result.reference_claims == [] and result.reference_documents == []


def test_claims_come_back_with_their_figure() -> None:
    d, c = _draft()
    other = claim("draft", "90", 90, n=2, unit="minute", entity="meeting")
    result = run_checks(RULES, [d], [c, other])
    assert [x.figure for x in result.claims] == ["toll", None]


def test_finding_ids_and_fingerprints_are_stable_and_ignore_positions() -> None:
    d, c = _draft()
    first = run_checks(RULES, [d], [c]).findings
    again = run_checks(RULES, [d], [c]).findings
    assert [f.id for f in first] == [f.id for f in again]
    moved = c.model_copy(update={"start": 500, "end": 511, "line": 40, "column": 3})
    shifted = run_checks(RULES, [d], [moved]).findings
    assert [f.fingerprint for f in shifted] == [f.fingerprint for f in first]
    assert [f.id for f in shifted] == [f.id for f in first]  # same claim id, same evidence


def test_fingerprint_changes_with_the_value_and_the_document() -> None:
    d, c = _draft()
    base = run_checks(RULES, [d], [c]).findings[0].fingerprint
    other_value = claim("draft", "over 29,000", 29000, qualifier="over", **PEOPLE_KILLED)
    other_doc = doc("draft2", date(2024, 5, 27))
    moved = c.model_copy(update={"doc": "draft2", "id": "draft2-c1"})
    assert run_checks(RULES, [d], [other_value]).findings[0].fingerprint != base
    assert run_checks(RULES, [other_doc], [moved]).findings[0].fingerprint != base


def test_findings_are_made_only_for_checked_documents() -> None:
    checked = doc("new", date(2024, 5, 27))
    corpus = doc("old", date(2024, 5, 27), role="corpus")
    claims = [
        claim("new", "over 32,000", 32000, qualifier="over", **PEOPLE_KILLED),
        claim("old", "over 30,000", 30000, qualifier="over", **PEOPLE_KILLED),
    ]
    result = run_checks(RULES, [checked, corpus], claims)
    assert {f.doc for f in result.findings} == {"new"}


def test_other_checked_documents_are_not_evidence_when_there_is_a_corpus() -> None:
    """Two drafts checked together do not cite each other: evidence is the corpus."""
    a, b = doc("a", date(2024, 5, 20)), doc("b", date(2024, 5, 20))
    corpus = doc("c", date(2024, 1, 1), role="corpus")
    claims = [
        claim("a", "450,000", 450000, entity="people", predicate="fled", location="Rafah"),
        claim("b", "810,000", 810000, entity="people", predicate="fled", location="Rafah"),
    ]
    assert run_checks(RULES, [a, b, corpus], claims).findings == []
    # Checking the corpus against itself (no corpus document): they are evidence.
    assert {f.claim for f in run_checks(RULES, [a, b], claims).findings} == {"a-c1", "b-c1"}


def test_a_document_without_a_date_is_noted_and_its_outdated_checks_skipped() -> None:
    d, c = _draft(published=None)
    result = run_checks(RULES, [d], [c])
    assert not [f for f in result.findings if f.kind == "outdated"]
    assert any("draft.txt: no publication date" in n and "toll-outdated" in n for n in result.notes)
    # --as-of supplies the date
    judged = run_checks(RULES, [d], [c], as_of=date(2024, 5, 27))
    assert [f.rule for f in judged.findings if f.kind == "outdated"] == ["toll-outdated"]


def test_severity_overrides_apply_by_rule_id_and_unknown_ones_are_noted() -> None:
    d, c = _draft()
    result = run_checks(RULES, [d], [c], severity_overrides={"toll-outdated": "error", "no-such-rule": "info"})
    assert [f.severity for f in result.findings if f.rule == "toll-outdated"] == ["error"]
    assert any("no-such-rule" in n for n in result.notes)


def test_comparisons_record_what_was_compared() -> None:
    a = doc("a", date(2024, 5, 22))
    b = doc("b", date(2024, 5, 20))
    claims = [
        claim("a", "over 800,000", 800000, qualifier="over", entity="people", predicate="fled", location="Rafah"),
        claim("b", "810,000", 810000, entity="people", predicate="fled", location="Rafah"),
    ]
    result = run_checks(RULES, [a, b], claims)
    assert result.findings == []
    compared = [c for c in result.comparisons if c.rule == "fled-consistency" and c.claim == "a-c1"]
    assert compared and compared[0].against == ("b-c1",) and compared[0].agreed


def test_findings_are_sorted_by_document_position_and_rule() -> None:
    d = doc("d", date(2024, 5, 27))
    claims = [
        claim("d", "over 30,000", 30000, n=2, qualifier="over", **PEOPLE_KILLED),
        claim("d", "135", 135, n=1, entity="hostages", predicate="held"),
        claim("d", "110", 110, n=3, entity="hostages", predicate="taken"),
    ]
    result = run_checks(RULES, [d], claims)
    keys = [(f.claim, f.rule) for f in result.findings]
    assert keys == sorted(keys, key=lambda k: (int(k[0][-1]) * 10, [r.id for r in RULES.checks].index(k[1])))
    assert ("d-c1", "held-le-taken") in keys  # 135 held, 110 taken


def test_custom_message_placeholders_are_filled(tmp_path) -> None:
    from check_helpers import rules_from

    rules = rules_from(
        tmp_path,
        """
figures:
  - {id: toll, description: killed, kind: cumulative, match: {predicate: [killed]}}
checks:
  - id: old
    outdated: {lag: 5%}
    message: "{value} -> {evidence_value} ({evidence_source}, {evidence_date}; {age_days} days; judged {reference_date})"
reference:
  - id: s
    figure: toll
    source: Ministry
    points: [{date: 2024-03-01, value: 30000}, {date: 2024-05-25, value: 35903}]
""",
    )
    d, c = _draft()
    [finding] = run_checks(rules, [d], [c]).findings
    assert finding.message == "over 30,000 -> 35,903 (Ministry, 2024-05-25; 87 days; judged 2024-05-27)"


@pytest.mark.parametrize("n", [0, 1])
def test_no_claims_no_findings(n: int) -> None:
    docs = [doc("a", date(2024, 1, 1))][:n]
    result = run_checks(RULES, docs, [])
    assert result.findings == [] and result.claims == []
