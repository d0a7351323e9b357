"""The check phase alone (``factcheck.check.engine.run_checks`` with the shipped rules, and the
agreements a report lists) on 10^4, 10^5 and 10^6 synthetic claims, with ``--jobs``
processes as ``factcheck run`` uses (default: the number of cores; runs below
``factcheck.check.parallel.PARALLEL_MIN_ITEMS`` claims stay in one process).

The claims are made from real extraction output: the claims factcheck extracts from 200
generated articles are the templates, copied into documents of 10 claims each whose
publication dates spread over the nine months of the generated corpus (the claims'
dates move with them) with values jittered by up to 3%, so that figures meet, agree and
contradict one another as they do in an archive. Every document is "checked" (an archive
checked against itself, as ``factcheck run --corpus ARCHIVE`` does). Each size runs in a
fresh process, for a clean peak memory.

    python benchmarks/bench_check.py [--sizes 10000 100000 1000000] [--runs 3] [--jobs 2]
    python benchmarks/bench_check.py --smoke       # 1,000 and 2,000 claims from 20 articles
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

from _common import corpus, fmt_mib, median, print_machine

PER_DOC = 10
SPAN_DAYS = 260
START = date(2023, 10, 10)


def templates(n_articles: int = 200, seed: int = 7) -> list[tuple[object, date, str]]:
    from factcheck.extract import extract
    from factcheck.pipeline import gazetteer_for, load_rule_set

    gazetteer = gazetteer_for(load_rule_set(None))
    out = []
    for body, day in corpus.dated_bodies(n_articles, seed):
        out += [(c, day, body) for c in extract(body, day, gazetteer)]
    return out


def synthetic(n: int, seed: int = 1, template_articles: int = 200) -> tuple[list, list]:
    """``n`` claims in ``n / 10`` documents (see the module docstring)."""
    from factcheck.models import Claim, Document
    from factcheck.extract.documents import claim_id

    rng = random.Random(seed)
    base = templates(template_articles)
    # Built as factcheck.pipeline builds claims: validated values, one shared fields set.
    fields_set = set(Claim.model_fields)
    docs, claims = [], []
    n_docs = max(1, n // PER_DOC)
    for d in range(n_docs):
        day = START + timedelta(days=d * SPAN_DAYS // n_docs)
        # The text of the article its first claim comes from: rule files' scopes are
        # decided on a document's text (the war's figures apply to stories about it).
        text = base[(d * PER_DOC) % len(base)][2]
        doc = Document(id=f"synthetic{d:07d}", path=f"synthetic/{d:07d}.md", published=day, role="checked", text=text)
        docs.append(doc)
        for k in range(PER_DOC):
            template, template_day, _ = base[(d * PER_DOC + k) % len(base)]
            shift = day - template_day
            factor = 1 + rng.uniform(-0.03, 0.03)
            update: dict = {"doc": doc.id, "id": claim_id(doc.id, template.start, template.end, template.surface)}
            for field in ("value", "lower", "upper"):
                v = getattr(template, field)
                if v is not None and template.kind in ("count", "quantity", "money"):
                    update[field] = v * factor
            for field in ("as_of", "period_start"):
                v = getattr(template, field)
                if v is not None:
                    update[field] = v + shift
            claims.append(Claim.model_construct(_fields_set=fields_set, **{**template.__dict__, **update}))
    return docs, claims


def one(n: int, runs: int, template_articles: int, jobs: int) -> dict:
    """Time the check phase on ``n`` claims in this process."""
    from factcheck.check.engine import run_checks
    from factcheck.pipeline import load_rule_set

    rules = load_rule_set(None)
    t = time.perf_counter()
    docs, claims = synthetic(n, template_articles=template_articles)
    build = time.perf_counter() - t
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    checks, agreements = [], []
    findings = 0
    for _ in range(runs):
        t = time.perf_counter()
        result = run_checks(rules, docs, claims, jobs=jobs)
        checks.append(time.perf_counter() - t)
        t = time.perf_counter()
        records = result.agreement_records()
        agreements.append(time.perf_counter() - t)
        findings = len(result.findings)
        figures = sum(1 for c in result.claims if c.figure is not None)
        del result, records
    unit = 1 if sys.platform == "darwin" else 1024
    return {
        "claims": len(claims), "documents": len(docs), "figured": figures, "findings": findings,
        "build_s": build, "check_s": checks, "agreements_s": agreements,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit,
        # the forked children of the check phase (the largest one)
        "child_peak_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit,
        "rss_before_checks": rss_before * unit,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Check phase on synthetic claims.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--runs", type=int, default=3, help="timed runs per size (median quoted)")
    ap.add_argument("--template-articles", type=int, default=200, help="articles whose claims are the templates")
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: the number of cores)")
    ap.add_argument("--smoke", action="store_true", help="1,000 and 2,000 claims, one run")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--json", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if args.one is not None:
        from factcheck.extract.parallel import default_jobs

        print(json.dumps(one(args.one, args.runs, args.template_articles, args.jobs or default_jobs())))
        return 0
    if args.smoke:
        args.sizes, args.runs, args.template_articles = [1000, 2000], 1, 20

    print_machine(headroom=False)
    rows = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--runs", str(args.runs),
                               "--template-articles", str(args.template_articles)]
                              + (["--jobs", str(args.jobs)] if args.jobs else []),
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))

    from factcheck.extract.parallel import default_jobs

    print(f"\ncheck phase (run_checks + agreements), shipped rules, --jobs {args.jobs or default_jobs()}, "
          f"median of {args.runs} run(s)")
    print(f"{'claims':>10} {'documents':>10} {'on a figure':>12} {'findings':>9} {'checks':>9} "
          f"{'agreements':>11} {'total':>9} {'per 10^4':>9} {'growth':>7} {'RSS, input':>11} {'peak RSS':>10} {'child RSS':>10}")
    prev = None
    for r in rows:
        total = median([c + a for c, a in zip(r["check_s"], r["agreements_s"])])
        per = total / r["claims"] * 1e4
        growth = f"{total / prev[1] / (r['claims'] / prev[0]):.2f}" if prev else "-"
        print(f"{r['claims']:>10,} {r['documents']:>10,} {r['figured']:>12,} {r['findings']:>9,} "
              f"{median(r['check_s']):>8.2f}s {median(r['agreements_s']):>10.2f}s {total:>8.2f}s "
              f"{per:>8.3f}s {growth:>7} {fmt_mib(r['rss_before_checks']):>11} {fmt_mib(r['peak_rss']):>10} "
              f"{fmt_mib(r['child_peak_rss']) if r['child_peak_rss'] else '-':>10}")
        prev = (r["claims"], total)
    print("growth: time per claim relative to the previous size (1.00 = linear; n log n gives ~1.1 per 10x)")
    print("RSS, input: the process with its claims and documents built, before checking; peak RSS: after;")
    print("child RSS: the largest forked child of the check phase (pages it shares with the parent counted in")
    print("both: the machine's memory in use is less than the sum)")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
