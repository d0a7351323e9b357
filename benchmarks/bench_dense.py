"""Cost of text dense with figures: N figures on one line with no full stop (a table
pasted as text, a CSV under a .txt name), ``factcheck extract --format json`` in a fresh
process per run; wall time, peak memory and output size per N, and each step's growth
against the figures' growth (1.0 = linear).

    python benchmarks/bench_dense.py [--sizes 2000 20000 200000] [--runs 3]
    python benchmarks/bench_dense.py --smoke
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import factcheck_cmd, fmt_mib, median, print_machine, run_timed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="factcheck extract on lines dense with figures.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20_000, 200_000])
    ap.add_argument("--runs", type=int, default=3, help="runs per size (median quoted)")
    ap.add_argument("--smoke", action="store_true", help="small sizes, one run: checks the script works")
    args = ap.parse_args(argv)
    if args.smoke:
        args.sizes, args.runs = [200, 2000], 1
    print_machine(headroom=False)
    rows = []
    with tempfile.TemporaryDirectory(prefix="factcheck-dense-") as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"dense-{n}.txt"
            path.write_text("1,000 people " * n, encoding="utf-8")
            out = Path(tmp) / f"dense-{n}.json"
            cmd = factcheck_cmd() + ["extract", str(path), "--quiet", "--format", "json", "-o", str(out)]
            timed = [run_timed(cmd) for _ in range(args.runs)]
            for t in timed:
                if t.returncode != 0:
                    raise SystemExit(f"{' '.join(cmd)} exited {t.returncode}:\n{t.stderr}")
            rows.append((n, path.stat().st_size, median([t.wall for t in timed]), max(t.max_rss for t in timed), out.stat().st_size))
    print(f"\nfactcheck extract on N figures in one line ('1,000 people ' repeated); median of {args.runs} run(s)")
    print(f"{'figures':>9} {'input':>10} {'wall':>9} {'growth':>8} {'claims/s':>9} {'peak RSS':>10} {'JSON out':>11}")
    prev = None
    for n, size, wall, rss, out_size in rows:
        growth = f"{(wall / prev[1]) / (n / prev[0]):.2f}" if prev else "-"
        print(f"{n:>9,} {size:>9,}B {wall:>8.2f}s {growth:>8} {n / wall:>9,.0f} {fmt_mib(rss):>10} {out_size:>10,}B")
        prev = (n, wall)
    print("growth: (time ratio) / (figures ratio) from the row above; 1.0 is linear, start-up "
          "(about 1 s) makes small sizes look better than linear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
