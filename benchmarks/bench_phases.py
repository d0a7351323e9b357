"""Where the time and the memory of ``factcheck run`` go, phase by phase, on one archive.

Runs the pipeline's own functions in this process, in the order ``factcheck run`` does
(rules, load, extract with ``--jobs N``, check, report), and prints each phase's wall
time and the process's resident memory after it, so the serial phases can be set
against the parallel one.

    python benchmarks/bench_phases.py [--articles 10000] [--jobs 2] [--format text]
    python benchmarks/bench_phases.py --smoke
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from _common import corpus_dir, print_machine


def _rss_mib() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="factcheck run, phase by phase.")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--format", default="text", help="report format to render (default text, the full report)")
    ap.add_argument("--smoke", action="store_true", help="30 articles")
    args = ap.parse_args(argv)
    if args.smoke:
        args.articles = 30
    print_machine()
    archive = corpus_dir(args.articles)

    from factcheck import pipeline
    from factcheck.extract.documents import extract_documents
    from factcheck.util import gcpause
    from factcheck.check.engine import run_checks
    from factcheck.check.merge import merge_findings
    from factcheck.models import Report
    from factcheck.report import get_formatter, make_view
    from factcheck.suppress import apply_suppressions

    rows: list[tuple[str, float, str]] = []
    t = time.perf_counter()

    def phase(name: str, detail: str = "") -> None:
        nonlocal t
        now = time.perf_counter()
        rows.append((name, now - t, detail))
        print(f"  {name:<28} {now - t:8.2f} s   RSS {_rss_mib():7.0f} MiB   {detail}", flush=True)
        t = time.perf_counter()

    print(f"\nfactcheck run --corpus ({args.articles:,} generated articles) --jobs {args.jobs}, by phase:")
    rule_set = pipeline.load_rule_set(None)
    gazetteer = pipeline.gazetteer_for(rule_set)
    phase("rules and gazetteer")
    inputs = pipeline.load_inputs([], archive)
    docs = inputs.documents
    phase("load documents", f"{len(docs):,} documents, {sum(len(d.text) for d in docs):,} characters")
    before = _rss_mib()
    claims = extract_documents(docs, gazetteer, jobs=args.jobs)
    # What the claims hold in memory, each (RSS the extraction added, over the claims).
    each = (_rss_mib() - before) * 1024 / max(len(claims), 1)
    phase("extract", f"{len(claims):,} claims, {each:.1f} KB each in memory")
    result = run_checks(rule_set, docs, claims, jobs=args.jobs)
    phase("check (run_checks)", f"{len(result.findings):,} findings")
    report = Report(
        documents=docs,
        claims=list(result.claims),
        reference_series=list(result.reference_documents),
        references=list(result.reference_claims),
        findings=list(result.findings), notes=list(result.notes), agreements=result.agreement_records(),
    )
    del claims, result
    report = apply_suppressions(report, report.documents, None)
    order = {r.id: k for k, r in enumerate(rule_set.checks)}
    report = report.model_copy(update={"findings": merge_findings(report.findings, order)})
    phase("agreements, suppressions", f"{len(report.findings):,} findings after merging")
    with gcpause.paused():  # as factcheck run renders
        view = make_view(report, "run", rule_set)
        out = get_formatter(args.format, color=False, quiet=False, width=None).render(view)
    phase(f"render the {args.format} report", f"{len(out):,} characters")
    total = sum(r[1] for r in rows)
    print(f"  {'total (after start-up)':<28} {total:8.2f} s   peak RSS {_peak_mib():,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
