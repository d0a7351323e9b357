"""``factcheck figures``: the catalogue of what a corpus talks about, defined by rules
or not, in text, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.cli.conftest import run_cli

REPO = Path(__file__).resolve().parents[2]
TOPICS = REPO / "tests" / "check" / "topics"


def test_the_catalogue_lists_figures_no_rule_defines_with_every_claim() -> None:
    result = run_cli("figures", "--corpus", str(TOPICS), "--format", "json", "-q")
    assert result.code == 0, result.stderr
    entries = {e["label"]: e for e in json.loads(result.stdout)["figures"]}
    budget = entries["budget approved"]
    assert budget["defined_by"] == "frame" and budget["documents"] == 4
    assert sorted(c["value"] for c in budget["claims"]) == ["$1.2 billion", "$3.1 billion", "$3.1 billion", "$3.4 billion"]
    assert {c["date"] for c in budget["claims"]} == {"2026-01-01"}  # the fiscal year, not the day of the vote
    # One story's figure is no catalogue entry by default, a change never is.
    assert all(e["documents"] >= 2 for e in entries.values())
    assert not any("4%" == c["value"] for e in entries.values() for c in e["claims"])


def test_min_docs_lists_figures_of_one_story_too() -> None:
    many = json.loads(run_cli("figures", "--corpus", str(TOPICS), "--format", "json", "--min-docs", "1", "-q").stdout)
    few = json.loads(run_cli("figures", "--corpus", str(TOPICS), "--format", "json", "-q").stdout)
    assert len(many["figures"]) > len(few["figures"])


def test_the_catalogue_of_the_shipped_corpus_has_the_rules_figures() -> None:
    result = run_cli("figures", "-q")
    assert result.code == 0, result.stderr
    assert "(rule: gaza_death_toll)" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].endswith("by no rule")


def test_the_csv_catalogue_has_one_row_per_claim_and_is_the_same_every_time() -> None:
    first = run_cli("figures", "--corpus", str(TOPICS), "--format", "csv", "-q")
    again = run_cli("figures", "--corpus", str(TOPICS), "--format", "csv", "-q", "--jobs", "2")
    assert first.code == 0 and first.stdout == again.stdout
    rows = list(csv.DictReader(io.StringIO(first.stdout)))
    assert rows and {r["defined_by"] for r in rows} == {"frame"}
    assert {"figure", "value", "source", "date", "document"} <= set(rows[0])


def test_an_unknown_catalogue_format_is_a_usage_error() -> None:
    result = run_cli("figures", "--format", "html")
    assert result.code == 2
    assert "--format 'html'" in result.stderr and "Traceback" not in result.stderr


def test_the_run_summary_gives_the_catalogue_size_the_catalogue_lists() -> None:
    from factcheck import pipeline
    from factcheck.report.catalogue import build_catalogue, catalogue_size

    result = pipeline.run([], pipeline.RunOptions(corpus=TOPICS, jobs=1))
    size = catalogue_size(result.report, result.rule_set)
    assert size == len(build_catalogue(result.report, result.rule_set).figures) == 3
    summary = run_cli("run", "--corpus", str(TOPICS), "-q").stdout
    assert summary.rstrip().endswith("; 3 figures in the catalogue")
