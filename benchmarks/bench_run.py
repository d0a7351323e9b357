"""``factcheck run`` end to end on generated archives of 100, 1,000 and 10,000 articles.

Each configuration runs the installed command in a fresh process, as a user would
(``python -m factcheck run --corpus DIR --jobs N --fail-on never -o REPORT``: load,
extract, check, write the full text report, or ``--format json``), and prints the median
wall time, the peak resident memory of the largest process and of all processes together
(the workers included), and how the time grows with the archive. Configurations run in
rounds (each round runs every one once), so a change in the machine's load hits them
alike; the "parallel headroom" printed with them says how much of a second core was free.

A second table is the claim index at work (``--index``): building it
(``factcheck index DIR``), the same ``factcheck run`` again with it (nothing to extract),
and an editor's re-check of one draft against the archive with it.

    python benchmarks/bench_run.py [--sizes 100 1000 10000] [--jobs 1 2] [--runs 3] [--format text]
    python benchmarks/bench_run.py --smoke          # 12 articles, --jobs 2, one run
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from _common import REPO, Timed, corpus_dir, factcheck_cmd, fmt_mib, median, parallel_headroom, print_machine, run_timed

DRAFT = REPO / "seeds" / "drafts" / "2024-05-27-rafah-draft.md"


def measure(cmd: list[str], runs: int, env: dict[str, str]) -> list[Timed]:
    out = []
    for _ in range(runs):
        t = run_timed(cmd, env=env)
        if t.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {t.returncode}:\n{t.stderr}")
        out.append(t)
    return out


def summary(timed: list[Timed]) -> dict:
    return {
        "wall_s": [t.wall for t in timed],
        "median_s": median([t.wall for t in timed]),
        "max_rss": max(t.max_rss for t in timed),
        "tree_peak": max(t.tree_peak for t in timed),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="factcheck run end to end on generated archives.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=3, help="runs per configuration (median quoted)")
    ap.add_argument("--format", default="text", help="report format (default text: the full report)")
    ap.add_argument("--no-index", action="store_true", help="skip the claim index table")
    ap.add_argument("--smoke", action="store_true", help="12 articles, --jobs 2, one run: checks the script works")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if args.smoke:
        args.sizes, args.jobs, args.runs = [12], [2], 1
    print_machine()

    env = dict(os.environ)
    results: dict = {"run": {}, "index": {}, "headroom": []}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        # Nothing may land in the user's cache: factcheck run writes nothing without --index.
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        report = str(Path(tmp) / "report.txt")
        archives = {n: corpus_dir(n) for n in args.sizes}
        timed: dict[str, list[Timed]] = {}
        # Rounds outermost: each round runs every configuration once, one after the other,
        # so a change in the machine's load hits all configurations alike.
        for _ in range(args.runs):
            for n in args.sizes:
                for jobs in args.jobs:
                    cmd = factcheck_cmd() + ["run", "--corpus", str(archives[n]), "--jobs", str(jobs),
                                             "--fail-on", "never", "--format", args.format, "-o", report]
                    timed.setdefault(f"{n}/{jobs}", []).extend(measure(cmd, 1, env))
            results["headroom"].append(parallel_headroom())
        results["run"] = {key: summary(values) for key, values in timed.items()}
        if not args.no_index:
            jobs = max(args.jobs)
            for n in args.sizes:
                index = str(Path(tmp) / f"index-{n}.sqlite3")
                build = factcheck_cmd() + ["index", str(archives[n]), "--index", index, "--jobs", str(jobs)]
                results["index"][f"{n}/build"] = summary(measure(build, 1, env))
                warm = factcheck_cmd() + ["run", "--corpus", str(archives[n]), "--index", index, "--jobs", str(jobs),
                                          "--fail-on", "never", "--format", args.format, "-o", report]
                draft = factcheck_cmd() + ["run", str(DRAFT), "--corpus", str(archives[n]), "--index", index,
                                           "--jobs", str(jobs), "--fail-on", "never", "--format", args.format, "-o", report]
                cold_draft = factcheck_cmd() + ["run", str(DRAFT), "--corpus", str(archives[n]), "--jobs", str(jobs),
                                                "--fail-on", "never", "--format", args.format, "-o", report]
                rounds: dict[str, list[Timed]] = {}
                for _ in range(args.runs):
                    rounds.setdefault("warm", []).extend(measure(warm, 1, env))
                    rounds.setdefault("draft", []).extend(measure(draft, 1, env))
                    if not args.smoke and (n < 10_000 or not rounds.get("draft-cold")):
                        rounds.setdefault("draft-cold", []).extend(measure(cold_draft, 1, env))
                for key, values in rounds.items():
                    results["index"][f"{n}/{key}"] = summary(values)
        leaked = list((Path(tmp) / "cache").rglob("*"))
        if leaked:
            print(f"warning: files written to the cache directory: {leaked}", file=sys.stderr)

    print(f"\nfactcheck run --corpus ARCHIVE (load, extract, check, {args.format} report); median of {args.runs} run(s); "
          "parallel headroom after each round: " + ", ".join(f"{h:.2f}x" for h in results["headroom"]))
    print(f"{'articles':>9} {'--jobs':>6} {'wall':>9} {'growth/10x':>10} {'peak RSS main':>14} {'peak RSS all':>13}")
    for jobs in args.jobs:
        prev = None
        for n in args.sizes:
            r = results["run"][f"{n}/{jobs}"]
            growth = f"{r['median_s'] / prev[1] * 10 / (n / prev[0]):.1f}x" if prev else "-"
            print(f"{n:>9,} {jobs:>6} {r['median_s']:>8.2f}s {growth:>10} {fmt_mib(r['max_rss']):>14} "
                  f"{fmt_mib(r['tree_peak']):>13}")
            prev = (n, r["median_s"])
    if results["index"]:
        jobs = max(args.jobs)
        print(f"\nclaim index (--jobs {jobs}); median of {args.runs} run(s); builds once, the draft without index "
              "once for 10,000 articles")
        print(f"{'articles':>9} {'index build':>12} {'run, warm':>10} {'draft, warm':>12} {'draft, no index':>16}"
              f" {'peak RSS (warm run)':>20}")
        for n in args.sizes:
            g = results["index"]
            cold = g.get(f"{n}/draft-cold")
            cold_text = f"{cold['median_s']:>15.2f}s" if cold else f"{'-':>16}"
            print(f"{n:>9,} {g[f'{n}/build']['median_s']:>11.2f}s {g[f'{n}/warm']['median_s']:>9.2f}s "
                  f"{g[f'{n}/draft']['median_s']:>11.2f}s {cold_text} "
                  f"{fmt_mib(g[f'{n}/warm']['tree_peak']):>20}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
