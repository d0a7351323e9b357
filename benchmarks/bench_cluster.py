"""``factcheck run --cluster local:2`` against ``--jobs 2`` on generated archives.

Both run the installed command in a fresh process, as a user would
(``python -m factcheck run --corpus DIR --fail-on never -o REPORT``), in rounds (each
round runs both configurations once, so a change in the machine's load hits them
alike), and the script prints per archive size the median wall time of each, the
ratio (cluster / jobs 2), the cost per article of each (wall time x workers / articles,
in worker-milliseconds) and the peak memory: of all processes together (the Dask
scheduler, nannies and workers included), of the client, and of the largest single
worker. Both reports must be byte-identical, or the script fails.

Last, an **extrapolation** (not a measurement) to a 5,000,000-article archive on 20
workers: the cluster's cost per article at the largest size measured, times 5,000,000,
divided by 20 workers. It assumes the cost per article stays what it was here and that
the client (reading the files, filling the report, the checks that read every claim)
keeps up, which one machine of 20 workers does not prove.

    python benchmarks/bench_cluster.py [--sizes 10000 100000] [--runs 3] [--workers 2]
    python benchmarks/bench_cluster.py --smoke     # 12 articles, one run: the script works
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import sys
import tempfile
from pathlib import Path

from _common import (
    Timed,
    corpus_dir,
    factcheck_cmd,
    fmt_mib,
    median,
    parallel_headroom,
    print_machine,
    run_timed,
)

ARCHIVE = 5_000_000
CLUSTER_WORKERS = 20


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="--cluster local:N against --jobs N on generated archives.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=3, help="rounds per size (median quoted)")
    ap.add_argument("--workers", type=int, default=2, help="N of local:N and of --jobs N")
    ap.add_argument("--smoke", action="store_true", help="12 articles, one run: checks the script works")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if args.smoke:
        args.sizes, args.runs = [12], 1
    print_machine()
    n_workers = args.workers
    configs = {f"--jobs {n_workers}": ["--jobs", str(n_workers)], f"--cluster local:{n_workers}": ["--cluster", f"local:{n_workers}"]}
    env = dict(os.environ)
    results: dict = {"sizes": {}, "headroom": []}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        for n in args.sizes:
            archive = corpus_dir(n)
            timed: dict[str, list[Timed]] = {name: [] for name in configs}
            for _ in range(args.runs):
                reports = {}
                for name, flags in configs.items():
                    reports[name] = Path(tmp) / f"report-{n}-{flags[-1].replace(':', '-')}.txt"
                    cmd = factcheck_cmd() + ["run", "--corpus", str(archive), *flags, "--quiet",
                                             "--fail-on", "never", "-o", str(reports[name])]
                    t = run_timed(cmd, env=env)
                    if t.returncode not in (0, 1):
                        raise SystemExit(f"{' '.join(cmd)} exited {t.returncode}:\n{t.stderr}")
                    timed[name].append(t)
                first, second = reports.values()
                if not filecmp.cmp(first, second, shallow=False):
                    raise SystemExit(f"{n} articles: the --cluster report differs from the --jobs report")
                results["headroom"].append(parallel_headroom())
            results["sizes"][n] = {
                name: {"wall_s": [t.wall for t in ts], "median_s": median([t.wall for t in ts]),
                       "tree_peak": max(t.tree_peak for t in ts), "main_peak": max(t.max_rss for t in ts),
                       "worker_peak": max(t.worker_peak for t in ts)}
                for name, ts in timed.items()
            }
    cluster_name = list(configs)[1]
    _print_table(results, configs, args.runs, n_workers)
    largest = max(results["sizes"])
    cost = results["sizes"][largest][cluster_name]["median_s"] * n_workers / largest
    hours = cost * ARCHIVE / CLUSTER_WORKERS / 3600
    results["extrapolation_hours"] = hours
    print(f"\nEXTRAPOLATION, not measured: {ARCHIVE:,} articles on {CLUSTER_WORKERS} workers at the cost per article "
          f"of {largest:,} articles here ({cost * 1000:.2f} worker-ms): about {hours:.1f} h, if the client keeps up")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def _print_table(results: dict, configs: dict[str, list[str]], runs: int, n_workers: int) -> None:
    """Per size: the medians, the ratio, the cost per article of each (wall time x
    workers / articles) and the peak memory (all processes; the client; one worker)."""
    jobs_name, cluster_name = configs
    print(f"\nfactcheck run --corpus ARCHIVE (text report, identical bytes); median of {runs} round(s); "
          "parallel headroom after each round: " + ", ".join(f"{h:.2f}x" for h in results["headroom"]))
    print(f"{'articles':>9} {jobs_name:>10} {cluster_name:>18} {'ratio':>6} {'worker-ms/article (jobs, cluster)':>34} "
          f"{'peak RSS all (jobs, cluster)':>30} {'cluster: client, largest worker':>32}")
    for n, by in results["sizes"].items():
        jobs, cluster = by[jobs_name], by[cluster_name]
        by["ratio"] = cluster["median_s"] / jobs["median_s"]
        for name in configs:
            by[name]["worker_ms_per_article"] = by[name]["median_s"] * n_workers / n * 1000
        costs = f"{jobs['worker_ms_per_article']:.2f}, {cluster['worker_ms_per_article']:.2f}"
        peaks = f"{fmt_mib(jobs['tree_peak'])}, {fmt_mib(cluster['tree_peak'])}"
        cluster_peaks = f"{fmt_mib(cluster['main_peak'])}, {fmt_mib(cluster['worker_peak'])}"
        print(f"{n:>9,} {jobs['median_s']:>9.2f}s {cluster['median_s']:>17.2f}s {by['ratio']:>5.2f}x "
              f"{costs:>34} {peaks:>30} {cluster_peaks:>32}")


if __name__ == "__main__":
    sys.exit(main())
