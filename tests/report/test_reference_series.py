"""Timelines draw each figure's whole reference series from the rule set, bounded to the
claims' dates; the JSON report keeps only the points cited as evidence."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from report_helpers import REPO, in_directory, run_sample_draft

from factcheck.check.engine import run_checks
from factcheck.models import Claim, Document
from factcheck.report import FORMATTERS, make_view
from factcheck.report.timeline import REFERENCE_MARGIN, figure_series, reference_window, timeline_svg, timeline_table
from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules

RULES = """
figures:
  - id: toll
    name: War toll
    description: people killed
    kind: cumulative
    match: {predicate: [killed], required: [predicate]}
    stale_after: 7d
checks:
  - id: toll-outdated
    outdated: {figures: [toll], lag: 5%}
reference:
  - id: daily
    figure: toll
    source: Ministry
    file: daily.csv
"""
START = date(2023, 10, 8)


@pytest.fixture(scope="module")
def daily(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """450 daily points (1,000 + 100 a day) and two reports, one of them stale."""
    root = tmp_path_factory.mktemp("rules")
    (root / "rules.yaml").write_text(RULES, encoding="utf-8")
    rows = "".join(f"{(START + timedelta(days=d)).isoformat()},{1000 + 100 * d}\n" for d in range(450))
    (root / "daily.csv").write_text("date,value\n" + rows, encoding="utf-8")
    rules = load_rules([root], kinds=REGISTRY)
    docs = [
        Document(id="old", path="old.txt", published=date(2024, 3, 1), role="corpus"),
        Document(id="new", path="new.txt", published=date(2024, 4, 1), role="checked"),
    ]

    def claim(doc: str, value: float, day: date) -> Claim:
        return Claim(id=f"{doc}-1", doc=doc, start=0, end=5, surface=f"{value:,.0f}", sentence="killed", value=value,
                     lower=value, upper=value, qualifier="exact", predicate="killed", as_of=day, as_of_source="published")

    march, april = date(2024, 3, 1), date(2024, 4, 1)
    claims = [claim("old", 1000 + 100 * (march - START).days, march), claim("new", 1000 + 100 * (march - START).days, april)]
    result = run_checks(rules, docs, claims)
    from factcheck.models import Report

    report = Report(
        documents=docs + result.reference_documents,
        claims=result.claims + result.reference_claims,
        findings=result.findings,
    )
    return report, rules


def test_the_report_keeps_only_cited_points_and_the_view_has_the_whole_series(daily) -> None:  # noqa: ANN001
    report, rules = daily
    assert len(rules.series[0].points) == 450
    [finding] = report.findings
    cited = [c for c in report.claims if c.kind == "reference"]
    assert [c.id for c in cited] == finding.evidence  # one point, the newest
    view = make_view(report, "run", rules)
    assert len(view.series["toll"]) == 450
    assert {c.id for c in cited} <= {c.id for c in view.series["toll"]}
    out = json.loads(FORMATTERS["json"].render(view))
    assert [c["id"] for c in out["claims"] if c["kind"] == "reference"] == finding.evidence
    ids = {c["id"] for c in out["claims"]}
    assert all(e in ids for f in out["findings"] for e in f["evidence"])


def test_the_timeline_shows_the_series_only_around_the_claims(daily) -> None:  # noqa: ANN001
    report, rules = daily
    view = make_view(report, "run", rules)
    series = figure_series(view, "toll")
    refs = [p for p in series if p.role == "reference"]
    first, last = date(2024, 3, 1) - timedelta(days=REFERENCE_MARGIN), date(2024, 4, 1) + timedelta(days=REFERENCE_MARGIN)
    assert reference_window([p.claim for p in series if p.role != "reference"]) == (first, last)
    assert [p.day for p in refs] == [first + timedelta(days=d) for d in range((last - first).days + 1)]
    assert len({p.claim.id for p in series}) == len(series)  # the cited point once
    assert sum(p.evidence for p in refs) == 1
    table = timeline_table(view, "toll")
    assert table.startswith(f"War toll (toll): 2 claims and {len(refs)} reference values")
    svg = timeline_svg(view, "toll")
    assert svg.count('class="fc-pt fc-ref"') == len(refs)
    assert 'r="1.8"' not in svg  # 11px apart: ordinary dots
    # without the rule set (or for `extract`), only the cited point
    assert sum(p.role == "reference" for p in figure_series(make_view(report, "run"), "toll")) == 1
    assert sum(p.role == "reference" for p in figure_series(make_view(report, "extract", rules), "toll")) == 1


def test_a_wide_span_of_claims_widens_the_margin_and_a_dense_series_gets_small_dots(daily) -> None:  # noqa: ANN001
    report, rules = daily
    a, b = (c.model_copy(update={"as_of": d}) for c, d in zip(report.claims[:2], (date(2024, 1, 1), date(2024, 5, 1)), strict=True))
    assert reference_window([a, b]) == (date(2024, 1, 1) - timedelta(days=30), date(2024, 5, 1) + timedelta(days=30))
    assert reference_window([a.model_copy(update={"as_of": None})]) is None
    wide = report.model_copy(update={"claims": [a, b] + report.claims[2:]})
    svg = timeline_svg(make_view(wide, "run", rules), "toll")
    assert svg.count('class="fc-pt fc-ref"') == 121 + 60 + 1
    assert svg.count('r="1.8"') == 121 + 60  # under 8px apart: small dots (the cited point stays large)


def test_the_sample_drafts_html_draws_the_series_and_its_json_only_the_cited_points() -> None:
    with in_directory(REPO):
        result = run_sample_draft()
    view = make_view(result.report, "run", result.rule_set)
    toll = [p for p in figure_series(view, "gaza_death_toll") if p.role == "reference"]
    cited = [c for c in result.report.references if c.kind == "reference" and c.figure == "gaza_death_toll"]
    assert not [c for c in result.report.claims if c.kind == "reference"]  # not claims of a document read
    assert len(cited) == 1 and len(toll) > 20
    html = FORMATTERS["html"].render(view)
    assert html.count('class="fc-pt fc-ref"') > 20
    out = json.loads(FORMATTERS["json"].render(view))
    assert sum(1 for c in out["references"] if c["kind"] == "reference") == 2  # the toll and the hostages points cited
    assert {d["id"] for d in out["reference_series"]} == {c["doc"] for c in out["references"]}


def test_figures_with_only_reference_data_have_a_timeline(daily, tmp_path: Path) -> None:  # noqa: ANN001
    report, rules = daily
    bare = report.model_copy(update={"claims": [c for c in report.claims if c.kind != "reference"], "findings": []})
    bare = bare.model_copy(update={"claims": [c.model_copy(update={"figure": None}) for c in bare.claims]})
    view = make_view(bare, "run", rules)
    from factcheck.report.timeline import resolve_figure

    assert resolve_figure(view, "War toll") == "toll"
    assert sum(p.role == "reference" for p in figure_series(view, "toll")) == 450  # no claim: the whole series
